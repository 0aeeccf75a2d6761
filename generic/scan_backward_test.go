package generic_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/ssmkern/ssmkern/generic"
	"github.com/ssmkern/ssmkern/generic/problem"
)

// backwardFDTol bounds the normwise gap between ScanBackward and central
// differences of a float64 forward pass. ScanBackward rounds each gradient
// once to float32 (relative 6e-8); the differences, with step 1e-5 on
// unit-sized inputs, carry an O(h²) truncation and an O(ε/h) cancellation
// error, both below 1e-9. Anything above a few float32 ulps is a wrong
// derivative term, not noise.
const backwardFDTol = 5e-7

// fdStep is the central-difference step, relative to max(1, |x|).
const fdStep = 1e-5

// scan64 is a float64 copy of a selective-scan problem, so that finite
// differences can perturb inputs by less than a float32 ulp.
type scan64 struct {
	p                                                *generic.ScanParams // shape and flags
	u, delta, a, b, c, d, z, deltaBias, initialState []float64
}

func widen(x []float32) []float64 {
	if x == nil {
		return nil
	}
	y := make([]float64, len(x))
	for i, v := range x {
		y[i] = float64(v)
	}
	return y
}

func newScan64(p *generic.ScanParams) *scan64 {
	return &scan64{p: p, u: widen(p.U), delta: widen(p.Delta), a: widen(p.A), b: widen(p.B), c: widen(p.C),
		d: widen(p.D), z: widen(p.Z), deltaBias: widen(p.DeltaBias), initialState: widen(p.InitialState)}
}

// loss is Σ out·dout of the forward pass, written from DESIGN's formula
// independently of package generic, entirely in float64.
func (s *scan64) loss(dout []float32) float64 {
	p := s.p
	x := func(b, d, l int) int {
		if p.Layout == generic.BLD {
			return (b*p.SeqLen+l)*p.Dim + d
		}
		return (b*p.Dim+d)*p.SeqLen + l
	}
	bc := func(b, d, n, l int) int {
		if p.Groups == 0 {
			return d*p.State + n
		}
		g := d / (p.Dim / p.Groups)
		if p.Layout == generic.BLD {
			return ((b*p.SeqLen+l)*p.Groups+g)*p.State + n
		}
		return ((b*p.Groups+g)*p.State+n)*p.SeqLen + l
	}
	h := make([]float64, p.State)
	total := 0.0
	for b := 0; b < p.Batch; b++ {
		for d := 0; d < p.Dim; d++ {
			for n := range h {
				h[n] = 0
				if s.initialState != nil {
					h[n] = s.initialState[(b*p.Dim+d)*p.State+n]
				}
			}
			for l := 0; l < p.SeqLen; l++ {
				i := x(b, d, l)
				delta := s.delta[i]
				if s.deltaBias != nil {
					delta += s.deltaBias[d]
				}
				if p.DeltaSoftplus && delta <= 20 {
					delta = math.Log1p(math.Exp(delta))
				}
				y := 0.0
				for n := range h {
					h[n] = math.Exp(delta*s.a[d*p.State+n])*h[n] + delta*s.b[bc(b, d, n, l)]*s.u[i]
					y += h[n] * s.c[bc(b, d, n, l)]
				}
				if s.d != nil {
					y += s.d[d] * s.u[i]
				}
				if s.z != nil {
					y *= s.z[i] / (1 + math.Exp(-s.z[i]))
				}
				total += y * float64(dout[i])
			}
		}
	}
	return total
}

// allScanGrads returns a gradient slice for every input p has.
func allScanGrads(p *generic.ScanParams) *generic.ScanGrads {
	like := func(x []float32) []float32 {
		if x == nil {
			return nil
		}
		return make([]float32, len(x))
	}
	return &generic.ScanGrads{U: like(p.U), Delta: like(p.Delta), A: like(p.A), B: like(p.B), C: like(p.C),
		D: like(p.D), Z: like(p.Z), DeltaBias: like(p.DeltaBias), InitialState: like(p.InitialState)}
}

func scanBackward(g *generic.ScanGrads, dout []float32, p *generic.ScanParams) {
	generic.ScanBackward(g, dout, p, make([]float64, generic.ScanBackwardScratchLen(p)))
}

// backwardShapes covers every B/C mode, both layouts, and every option.
func backwardShapes() []problem.Scan {
	all := problem.Scan{D: true, Z: true, DeltaBias: true, Softplus: true, InitialState: true}
	var shapes []problem.Scan
	for _, layout := range []generic.Layout{generic.BDL, generic.BLD} {
		for _, groups := range []int{0, 1, 2} {
			s := all
			s.Batch, s.Dim, s.SeqLen, s.State, s.Groups, s.Layout = 2, 4, 6, 3, groups, layout
			shapes = append(shapes, s)
		}
	}
	bare := problem.Scan{Batch: 1, Dim: 3, SeqLen: 5, State: 2, Groups: 1, Layout: generic.BDL}
	noSoftplus := all
	noSoftplus.Batch, noSoftplus.Dim, noSoftplus.SeqLen, noSoftplus.State, noSoftplus.Softplus = 1, 2, 7, 4, false
	single := all
	single.Batch, single.Dim, single.SeqLen, single.State, single.Groups = 1, 1, 1, 1, 1
	return append(shapes, bare, noSoftplus, single)
}

// fdProblem draws p with steps large enough that the decay exp(δ·A) is far
// from 1 and its derivative terms weigh in the gradients (trained models'
// δ ≈ 0.02 would hide a wrong dA or dΔ term), and with one pre-softplus δ
// above the softplus threshold, where the derivative is 1.
func fdProblem(rng *rand.Rand, s problem.Scan) (*generic.ScanParams, []float32) {
	p := problem.NewScan(rng, s)
	for i := range p.Delta {
		if s.Softplus {
			p.Delta[i] += 4.5
		} else {
			p.Delta[i] *= 5
		}
	}
	if s.Softplus && len(p.Delta) > 1 {
		p.Delta[1] = 25
	}
	dout := make([]float32, len(p.U))
	for i := range dout {
		dout[i] = float32(rng.NormFloat64())
	}
	return p, dout
}

func TestScanBackwardMatchesCentralDifferences(t *testing.T) {
	rng := rand.New(rand.NewPCG(51, 52))
	for _, shape := range backwardShapes() {
		t.Run(shape.String(), func(t *testing.T) {
			p, dout := fdProblem(rng, shape)
			g := allScanGrads(p)
			scanBackward(g, dout, p)
			s := newScan64(p)
			for _, f := range []struct {
				name  string
				grad  []float32
				input []float64
			}{
				{"U", g.U, s.u}, {"Delta", g.Delta, s.delta}, {"A", g.A, s.a}, {"B", g.B, s.b}, {"C", g.C, s.c},
				{"D", g.D, s.d}, {"Z", g.Z, s.z}, {"DeltaBias", g.DeltaBias, s.deltaBias}, {"InitialState", g.InitialState, s.initialState},
			} {
				if f.input == nil {
					continue
				}
				fd := make([]float64, len(f.input))
				for i, old := range f.input {
					h := fdStep * math.Max(1, math.Abs(old))
					f.input[i] = old + h
					up := s.loss(dout)
					f.input[i] = old - h
					down := s.loss(dout)
					f.input[i] = old
					fd[i] = (up - down) / (2 * h)
				}
				if e := normwise(f.grad, fd); !(e <= backwardFDTol) {
					t.Errorf("grad %s differs from central differences by %.3g normwise (> %.3g)\n got %v\nwant %v",
						f.name, e, backwardFDTol, f.grad, fd)
				}
			}
		})
	}
}

// normwise is max|got−want| / max|want|.
func normwise(got []float32, want []float64) float64 {
	var diff, scale float64
	for i, w := range want {
		diff = math.Max(diff, math.Abs(float64(got[i])-w))
		scale = math.Max(scale, math.Abs(w))
	}
	if scale == 0 {
		return diff
	}
	return diff / scale
}

// TestScanBackwardComputesOnlyWantedGradsAndOverwrites asks for each
// gradient alone, in a slice full of garbage: the result must equal the
// one computed with every gradient wanted, bit for bit.
func TestScanBackwardComputesOnlyWantedGradsAndOverwrites(t *testing.T) {
	rng := rand.New(rand.NewPCG(53, 54))
	for _, shape := range backwardShapes() {
		p, dout := fdProblem(rng, shape)
		all := allScanGrads(p)
		scanBackward(all, dout, p)
		fields := func(g *generic.ScanGrads) []*[]float32 {
			return []*[]float32{&g.U, &g.Delta, &g.A, &g.B, &g.C, &g.D, &g.Z, &g.DeltaBias, &g.InitialState}
		}
		for k, want := range fields(all) {
			if *want == nil {
				continue
			}
			var one generic.ScanGrads
			got := make([]float32, len(*want))
			for i := range got {
				got[i] = float32(math.NaN())
			}
			*fields(&one)[k] = got
			scanBackward(&one, dout, p)
			for i := range got {
				if math.Float32bits(got[i]) != math.Float32bits((*want)[i]) {
					t.Errorf("%v: field %d alone: [%d] = %v, with all grads %v", shape, k, i, got[i], (*want)[i])
					break
				}
			}
		}
	}
}

// TestScanBackwardZeroDoutGivesZeroGrads: L = Σ out·0 is constant.
func TestScanBackwardZeroDoutGivesZeroGrads(t *testing.T) {
	p, _ := fdProblem(rand.New(rand.NewPCG(55, 56)), backwardShapes()[1])
	g := allScanGrads(p)
	scanBackward(g, make([]float32, len(p.U)), p)
	for k, x := range [][]float32{g.U, g.Delta, g.A, g.B, g.C, g.D, g.Z, g.DeltaBias, g.InitialState} {
		for i, v := range x {
			if v != 0 {
				t.Fatalf("grad field %d [%d] = %v with dout = 0", k, i, v)
			}
		}
	}
}

func ExampleScanBackward() {
	// One channel, one state, two steps: out_l = h_l with h_l = e^{−δ}·h_{l−1} + δ·u_l.
	p := &generic.ScanParams{Batch: 1, Dim: 1, SeqLen: 2, State: 1, Groups: 0,
		U: []float32{1, 2}, Delta: []float32{0.5, 0.5}, A: []float32{-1}, B: []float32{1}, C: []float32{1}}
	g := &generic.ScanGrads{U: make([]float32, 2)}
	generic.ScanBackward(g, []float32{1, 1}, p, make([]float64, generic.ScanBackwardScratchLen(p)))
	// dL/du_0 = δ·(1 + e^{−δ}), dL/du_1 = δ.
	fmt.Printf("%.4f %.4f\n", g.U[0], g.U[1])
	// Output: 0.8033 0.5000
}
