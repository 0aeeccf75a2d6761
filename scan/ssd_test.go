package scan_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
	"github.com/ssmkern/ssmkern/generic"
	"github.com/ssmkern/ssmkern/generic/golden"
	"github.com/ssmkern/ssmkern/scan"
)

// ssdTol is 4× PyTorch's own float32-vs-float64 error on the golden SSD
// cases (Y 1.8e-7 normwise, golden README), with room for the float32
// rounding of X = X_golden/dt that the mapping below introduces.
const ssdTol = 4 * 1.8e-7 * 2

// chunkAgreeTol bounds the difference between the chunked and the plain
// recurrence, both in float64 and rounded once to float32: a few float32
// ulps.
const chunkAgreeTol = 1e-6

// randomSSD draws a Mamba-2-like problem: dt = softplus(N(−4, 1) + bias),
// A = −exp(U[0, 1]) per head.
func randomSSD(rng *rand.Rand, batch, seqLen, heads, headDim, groups, state, chunk int, opts bool) *scan.SSDParams {
	normal := func(n int, scale, shift float64) []float32 {
		v := make([]float32, n)
		for i := range v {
			v[i] = float32(shift + scale*rng.NormFloat64())
		}
		return v
	}
	p := &scan.SSDParams{Batch: batch, SeqLen: seqLen, Heads: heads, HeadDim: headDim, Groups: groups, State: state,
		ChunkSize: chunk, DtSoftplus: true,
		X: normal(batch*seqLen*heads*headDim, 1, 0), Dt: normal(batch*seqLen*heads, 1, -3),
		A: make([]float32, heads), B: normal(batch*seqLen*groups*state, 1, 0), C: normal(batch*seqLen*groups*state, 1, 0)}
	for h := range p.A {
		p.A[h] = float32(-math.Exp(rng.Float64()))
	}
	if opts {
		p.D, p.DtBias = normal(heads, 1, 0), normal(heads, 0.5, 0)
		p.Z = normal(len(p.X), 1.5, 0)
		p.InitialState = normal(batch*heads*headDim*state, 1, 0)
	}
	return p
}

func TestSSDChunkedMatchesRecurrence(t *testing.T) {
	rng := rand.New(rand.NewPCG(41, 42))
	for _, chunk := range []int{1, 3, 8, 16, 40, 100} {
		for _, opts := range []bool{false, true} {
			p := randomSSD(rng, 2, 37, 4, 5, 2, 7, chunk, opts)
			want := make([]float32, len(p.X))
			wantState := make([]float32, p.Batch*p.Heads*p.HeadDim*p.State)
			generic.SSDRecurrent(want, wantState, p)
			asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
				y := asmtest.GuardedFloat32(t, make([]float32, len(want)))
				state := asmtest.GuardedFloat32(t, make([]float32, len(wantState)))
				if err := scan.SSD(y, state, p); err != nil {
					t.Fatal(err)
				}
				if e := golden.NormwiseError(y, float64s(want)); !(e <= chunkAgreeTol) {
					t.Errorf("chunk %d opts %v: y differs from the recurrence by %.3g", chunk, opts, e)
				}
				if e := golden.NormwiseError(state, float64s(wantState)); !(e <= chunkAgreeTol) {
					t.Errorf("chunk %d opts %v: final state differs from the recurrence by %.3g", chunk, opts, e)
				}
			})
		}
	}
}

// TestSSDMatchesGoldenAtEveryLevel maps ssd_minimal_discrete onto the API.
// The golden X is already x·dt and the golden A is the per-step log decay
// A_head·dt; with dt = −A_golden, A_head = −1 and X = X_golden/dt the
// API's δ·A and δ·X reproduce them. The golden B and C are per head:
// Groups = Heads.
func TestSSDMatchesGoldenAtEveryLevel(t *testing.T) {
	cases := golden.Load(t, "ssd_minimal_discrete")
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		for _, c := range cases {
			p := &scan.SSDParams{
				Batch: c.Int(t, "batch"), SeqLen: c.Int(t, "seqlen"), Heads: c.Int(t, "nheads"), HeadDim: c.Int(t, "headdim"),
				State: c.Int(t, "dstate"), ChunkSize: c.Int(t, "block_len"),
				B: golden.F32(c.In(t, "B")), C: golden.F32(c.In(t, "C")),
			}
			p.Groups = p.Heads
			logDecay := c.In(t, "A")
			xg := c.In(t, "X")
			p.A = make([]float32, p.Heads)
			for h := range p.A {
				p.A[h] = -1
			}
			p.Dt = make([]float32, len(logDecay))
			p.X = make([]float32, len(xg))
			for i, a := range logDecay {
				p.Dt[i] = float32(-a)
				for q := 0; q < p.HeadDim; q++ {
					p.X[i*p.HeadDim+q] = float32(xg[i*p.HeadDim+q] / -a)
				}
			}
			if c.Has("initial_states") {
				p.InitialState = golden.F32(c.In(t, "initial_states"))
			}
			y := make([]float32, len(p.X))
			state := make([]float32, p.Batch*p.Heads*p.HeadDim*p.State)
			if err := scan.SSD(y, state, p); err != nil {
				t.Fatalf("%s: %v", c.Name, err)
			}
			if e := golden.NormwiseError(y, c.Out(t, "Y")); !(e <= ssdTol) {
				t.Errorf("%s: Y normwise error %.3g > %.3g", c.Name, e, ssdTol)
			}
			if e := golden.NormwiseError(state, c.Out(t, "final_state")); !(e <= ssdTol) {
				t.Errorf("%s: final_state normwise error %.3g > %.3g", c.Name, e, ssdTol)
			}
		}
	})
}

// TestSSDMatchesStepDecoding ties Mamba-2's two paths together: decoding
// token by token with Step (Dim = Heads·HeadDim, A and D expanded per
// channel, B and C shared by a group's channels) gives what SSD gives.
func TestSSDMatchesStepDecoding(t *testing.T) {
	rng := rand.New(rand.NewPCG(43, 44))
	p := randomSSD(rng, 2, 11, 4, 3, 2, 5, 4, true)
	want := make([]float32, len(p.X))
	wantState := make([]float32, p.Batch*p.Heads*p.HeadDim*p.State)
	generic.SSDRecurrent(want, wantState, p)
	dim := p.Heads * p.HeadDim
	expand := func(perHead []float32, width int) []float32 {
		out := make([]float32, 0, dim*width)
		for h := 0; h < p.Heads; h++ {
			for range p.HeadDim * width {
				out = append(out, perHead[h])
			}
		}
		return out
	}
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		state := append([]float32(nil), p.InitialState...)
		got := make([]float32, len(want))
		for step := 0; step < p.SeqLen; step++ {
			q := &scan.Params{Batch: p.Batch, Dim: dim, SeqLen: 1, State: p.State, Groups: p.Groups, Layout: scan.BLD,
				A: expand(p.A, p.State), D: expand(p.D, 1), DeltaBias: expand(p.DtBias, 1), DeltaSoftplus: true,
				U: make([]float32, 0, p.Batch*dim), Delta: make([]float32, 0, p.Batch*dim), Z: make([]float32, 0, p.Batch*dim)}
			for b := 0; b < p.Batch; b++ {
				row := (b*p.SeqLen + step) * dim
				q.U = append(q.U, p.X[row:row+dim]...)
				q.Z = append(q.Z, p.Z[row:row+dim]...)
				for h := 0; h < p.Heads; h++ {
					for range p.HeadDim {
						q.Delta = append(q.Delta, p.Dt[(b*p.SeqLen+step)*p.Heads+h])
					}
				}
				bc := (b*p.SeqLen + step) * p.Groups * p.State
				q.B = append(q.B, p.B[bc:bc+p.Groups*p.State]...)
				q.C = append(q.C, p.C[bc:bc+p.Groups*p.State]...)
			}
			out := make([]float32, p.Batch*dim)
			if err := scan.Step(out, state, q); err != nil {
				t.Fatal(err)
			}
			for b := 0; b < p.Batch; b++ {
				copy(got[(b*p.SeqLen+step)*dim:], out[b*dim:(b+1)*dim])
			}
		}
		if e := golden.NormwiseError(got, float64s(want)); !(e <= outTol) {
			t.Errorf("Step decoding differs from SSD by %.3g normwise", e)
		}
		if e := golden.NormwiseError(state, float64s(wantState)); !(e <= stateTol) {
			t.Errorf("Step state differs from SSD's final state by %.3g normwise", e)
		}
	})
}

func TestSSDAllocatesNothing(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector makes sync.Pool drop items")
	}
	p := randomSSD(rand.New(rand.NewPCG(45, 46)), 1, 64, 4, 8, 1, 16, 16, true)
	y := make([]float32, len(p.X))
	state := make([]float32, p.Heads*p.HeadDim*p.State)
	_ = scan.SSD(y, state, p)
	if n := testing.AllocsPerRun(10, func() { _ = scan.SSD(y, state, p) }); n != 0 {
		t.Errorf("SSD allocates %v times per call", n)
	}
}

// TestStepMatchesGoldenStateUpdate runs selective_state_update_ref's
// vectors through Step in both layouts. The heads form maps onto Step with
// Dim = nheads·dim: A, D and dt_bias are stored per (head, channel), and
// channel d belongs to group (d / dim) / (nheads/ngroups) = d / (Dim/ngroups).
func TestStepMatchesGoldenStateUpdate(t *testing.T) {
	cases := golden.Load(t, "selective_state_update")
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		for _, c := range cases {
			dim, groups := c.Int(t, "dim"), 1
			if c.Bool("has_heads") {
				dim *= c.Int(t, "nheads")
				groups = c.Int(t, "ngroups")
			}
			for _, layout := range []scan.Layout{scan.BDL, scan.BLD} {
				// With SeqLen 1 both layouts index U, B and C the same way.
				p := &scan.Params{Batch: c.Int(t, "batch"), Dim: dim, SeqLen: 1, State: c.Int(t, "dstate"), Groups: groups,
					Layout: layout, DeltaSoftplus: c.Bool("dt_softplus"),
					U: golden.F32(c.In(t, "x")), Delta: golden.F32(c.In(t, "dt")), A: golden.F32(c.In(t, "A")),
					B: golden.F32(c.In(t, "B")), C: golden.F32(c.In(t, "C"))}
				if c.Has("D") {
					p.D = golden.F32(c.In(t, "D"))
				}
				if c.Has("z") {
					p.Z = golden.F32(c.In(t, "z"))
				}
				if c.Has("dt_bias") {
					p.DeltaBias = golden.F32(c.In(t, "dt_bias"))
				}
				state := golden.F32(c.In(t, "state"))
				out := make([]float32, len(p.U))
				if err := scan.Step(out, state, p); err != nil {
					t.Fatalf("%s: %v", c.Name, err)
				}
				if e := golden.NormwiseError(out, c.Out(t, "out")); !(e <= outTol) {
					t.Errorf("%s %v: out normwise error %.3g > %.3g", c.Name, layout, e, outTol)
				}
				if e := golden.NormwiseError(state, c.Out(t, "state_out")); !(e <= stateTol) {
					t.Errorf("%s %v: state_out normwise error %.3g > %.3g", c.Name, layout, e, stateTol)
				}
			}
		}
	})
}
