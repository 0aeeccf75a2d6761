package scan_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
	"github.com/ssmkern/ssmkern/generic/golden"
	"github.com/ssmkern/ssmkern/scan"
)

// gradTol is 4× the worst float32-vs-float64 error PyTorch shows on the
// golden gradients (grad_delta_bias, 1.0e-6 normwise; golden README).
const gradTol = 4 * 1.0e-6

// fdTol bounds the disagreement between Backward and central finite
// differences of the float64 oracle: the difference step h = 1e-3 leaves an
// O(h²) truncation error, and the gradients are rounded to float32.
const fdTol = 2e-4

// allGrads returns gradients for every input p has.
func allGrads(p *scan.Params) *scan.Grads {
	like := func(x []float32) []float32 {
		if x == nil {
			return nil
		}
		return make([]float32, len(x))
	}
	return &scan.Grads{U: like(p.U), Delta: like(p.Delta), A: like(p.A), B: like(p.B), C: like(p.C),
		D: like(p.D), Z: like(p.Z), DeltaBias: like(p.DeltaBias), InitialState: like(p.InitialState)}
}

// gradFields pairs each gradient with its name and input.
func gradFields(g *scan.Grads, p *scan.Params) []struct {
	name        string
	grad, input []float32
} {
	return []struct {
		name        string
		grad, input []float32
	}{
		{"u", g.U, p.U}, {"delta", g.Delta, p.Delta}, {"A", g.A, p.A}, {"B", g.B, p.B}, {"C", g.C, p.C},
		{"D", g.D, p.D}, {"z", g.Z, p.Z}, {"delta_bias", g.DeltaBias, p.DeltaBias}, {"initial_state", g.InitialState, p.InitialState},
	}
}

func TestBackwardMatchesGoldenAtEveryLevel(t *testing.T) {
	cases := golden.Load(t, "selective_scan_grad")
	ran := 0
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		for _, c := range cases {
			p, ok := goldenParams(t, c)
			if !ok {
				continue
			}
			ran++
			dout := golden.F32(c.In(t, "dout"))
			for _, layout := range []scan.Layout{scan.BDL, scan.BLD} {
				q, d := p, dout
				if layout == scan.BLD {
					q, d = toBLD(p), bdlToBLD(dout, p.Batch, p.Dim, p.SeqLen)
				}
				g := allGrads(q)
				if err := scan.Backward(g, d, q); err != nil {
					t.Fatalf("%s: %v", c.Name, err)
				}
				for _, f := range gradFields(g, q) {
					if f.grad == nil {
						continue
					}
					got := f.grad
					if layout == scan.BLD {
						got = toBDLLike(f.name, got, p)
					}
					want := c.Out(t, "grad_"+f.name)
					if e := golden.NormwiseError(got, want); !(e <= gradTol) {
						t.Errorf("%s %v: grad_%s normwise error %.3g > %.3g", c.Name, layout, f.name, e, gradTol)
					}
				}
			}
		}
	})
	if ran == 0 {
		t.Fatal("no golden gradient case ran")
	}
}

// toBDLLike converts a BLD gradient back to the golden BDL layout.
func toBDLLike(name string, x []float32, p *scan.Params) []float32 {
	switch name {
	case "u", "delta", "z":
		return bdlToBLD(x, p.Batch, p.SeqLen, p.Dim)
	case "B", "C":
		if p.Groups > 0 {
			return bdlToBLD(x, p.Batch, p.SeqLen, p.Groups*p.State)
		}
	}
	return x
}

// lossF64 is Σ out·dout of the float64 oracle, evaluated without rounding
// the output to float32, so that finite differences resolve small steps.
func lossF64(p *scan.Params, dout []float32) float64 {
	out := make([]float64, len(dout))
	forwardF64(out, p)
	s := 0.0
	for i, o := range out {
		s += o * float64(dout[i])
	}
	return s
}

func TestBackwardMatchesFiniteDifferences(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 32))
	for _, shape := range []scanShape{
		{Batch: 2, Dim: 4, SeqLen: 6, State: 3, Groups: 2, Layout: scan.BLD, D: true, Z: true, DeltaBias: true, Softplus: true, InitialState: true},
		{Batch: 1, Dim: 3, SeqLen: 5, State: 4, Groups: 0, Layout: scan.BDL, D: true, Z: true, Softplus: false, InitialState: true},
	} {
		p := randomParams(rng, shape)
		// Larger steps than trained models use make the decay term matter.
		for i := range p.Delta {
			p.Delta[i] += 1.5
		}
		dout := make([]float32, len(p.U))
		for i := range dout {
			dout[i] = float32(rng.NormFloat64())
		}
		g := allGrads(p)
		if err := scan.Backward(g, dout, p); err != nil {
			t.Fatal(err)
		}
		const h = 1e-3
		for _, f := range gradFields(g, p) {
			if f.grad == nil {
				continue
			}
			var maxErr, maxGrad float64
			for i := range f.input {
				old := f.input[i]
				f.input[i] = old + h
				up := lossF64(p, dout)
				f.input[i] = old - h
				down := lossF64(p, dout)
				f.input[i] = old
				// The perturbation is the float32 nearest old±h.
				step := float64(float32(old+h)) - float64(float32(old-h))
				fd := (up - down) / step
				maxErr = math.Max(maxErr, math.Abs(fd-float64(f.grad[i])))
				maxGrad = math.Max(maxGrad, math.Abs(fd))
			}
			if e := maxErr / math.Max(maxGrad, 1e-30); !(e <= fdTol) {
				t.Errorf("%v: grad %s differs from central differences by %.3g normwise", shape, f.name, e)
			}
		}
	}
}

func TestBackwardAllocatesNothing(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector makes sync.Pool drop items")
	}
	rng := rand.New(rand.NewPCG(33, 34))
	p := randomParams(rng, scanShape{Batch: 1, Dim: 32, SeqLen: 64, State: 16, Groups: 1, Layout: scan.BDL, D: true, Z: true, Softplus: true})
	g := allGrads(p)
	dout := make([]float32, len(p.U))
	_ = scan.Backward(g, dout, p) // fills the scratch pool
	if n := testing.AllocsPerRun(10, func() { _ = scan.Backward(g, dout, p) }); n != 0 {
		t.Errorf("Backward allocates %v times per call", n)
	}
}

// forwardF64 is an independent, deliberately plain float64 evaluation of
// the forward pass (BDL or BLD), written from DESIGN's formula rather than
// from package generic, with an unrounded output.
func forwardF64(out []float64, p *scan.Params) {
	at := func(b, d, l int) int {
		if p.Layout == scan.BLD {
			return (b*p.SeqLen+l)*p.Dim + d
		}
		return (b*p.Dim+d)*p.SeqLen + l
	}
	bcAt := func(b, d, n, l int) int {
		if p.Groups == 0 {
			return d*p.State + n
		}
		g := d / (p.Dim / p.Groups)
		if p.Layout == scan.BLD {
			return ((b*p.SeqLen+l)*p.Groups+g)*p.State + n
		}
		return ((b*p.Groups+g)*p.State+n)*p.SeqLen + l
	}
	h := make([]float64, p.State)
	for b := 0; b < p.Batch; b++ {
		for d := 0; d < p.Dim; d++ {
			for n := range h {
				h[n] = 0
				if p.InitialState != nil {
					h[n] = float64(p.InitialState[(b*p.Dim+d)*p.State+n])
				}
			}
			for l := 0; l < p.SeqLen; l++ {
				i := at(b, d, l)
				delta := float64(p.Delta[i])
				if p.DeltaBias != nil {
					delta += float64(p.DeltaBias[d])
				}
				if p.DeltaSoftplus && delta <= 20 {
					delta = math.Log1p(math.Exp(delta))
				}
				u, y := float64(p.U[i]), 0.0
				for n := range h {
					h[n] = math.Exp(delta*float64(p.A[d*p.State+n]))*h[n] + delta*float64(p.B[bcAt(b, d, n, l)])*u
					y += h[n] * float64(p.C[bcAt(b, d, n, l)])
				}
				if p.D != nil {
					y += float64(p.D[d]) * u
				}
				if p.Z != nil {
					z := float64(p.Z[i])
					y *= z / (1 + math.Exp(-z))
				}
				out[i] = y
			}
		}
	}
}
