package generic

import (
	"math/rand/v2"
	"testing"
)

// convGradFDTol is the normwise error allowed to ConvBackwardDirect against
// central differences of Σ y·dy: the loss is linear in each of u, k and d,
// so the difference quotient is exact but for the rounding of two loss
// values (~1e-16·|loss| each) divided by 2·convGradFDStep.
const convGradFDTol = 1e-11

// convGradFDStep is the central-difference step; any step is exact for a
// linear function, and a large one keeps the rounding small.
const convGradFDStep = 0.25

// convGradFFTTol is the normwise error allowed to ConvBackwardFFT against
// the direct sums: like convFFTTol, two FFTs of length ≤ 2^13 and a product.
const convGradFFTTol = 1e-13

func convLoss(u, k, d, dy []float64, channels, seqLen int) float64 {
	var s float64
	for i, v := range naiveConv(u, k, d, channels, seqLen) {
		s += v * dy[i]
	}
	return s
}

// centralDiff returns the central-difference gradient of f with respect to
// every element of x (restored after).
func centralDiff(x []float64, f func() float64) []float64 {
	g := make([]float64, len(x))
	for i := range x {
		v := x[i]
		x[i] = v + convGradFDStep
		plus := f()
		x[i] = v - convGradFDStep
		minus := f()
		x[i] = v
		g[i] = (plus - minus) / (2 * convGradFDStep)
	}
	return g
}

func TestConvBackwardDirectMatchesCentralDifferences(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	for _, s := range convShapes[:7] {
		u := fftRandomReal(rng, s.batch*s.channels*s.seqLen)
		k := fftRandomReal(rng, s.channels*s.kernelLen)
		dy := fftRandomReal(rng, len(u))
		for _, d := range [][]float64{nil, fftRandomReal(rng, s.channels)} {
			loss := func() float64 { return convLoss(u, k, d, dy, s.channels, s.seqLen) }
			du, dk := make([]float64, len(u)), make([]float64, len(k))
			var dd []float64
			if d != nil {
				dd = make([]float64, len(d))
			}
			ConvBackwardDirect(du, dk, dd, dy, u, k, d, s.channels, s.seqLen)
			if e := convNormwise(du, centralDiff(u, loss)); !(e <= convGradFDTol) {
				t.Errorf("%+v d=%v: du normwise error %.3g > %g", s, d != nil, e, convGradFDTol)
			}
			if e := convNormwise(dk, centralDiff(k, loss)); !(e <= convGradFDTol) {
				t.Errorf("%+v d=%v: dk normwise error %.3g > %g", s, d != nil, e, convGradFDTol)
			}
			if d != nil {
				if e := convNormwise(dd, centralDiff(d, loss)); !(e <= convGradFDTol) {
					t.Errorf("%+v: dd normwise error %.3g > %g", s, e, convGradFDTol)
				}
			}
		}
	}
}

func TestConvBackwardFFTMatchesDirectSums(t *testing.T) {
	rng := rand.New(rand.NewPCG(23, 24))
	for _, s := range convShapes {
		u := fftRandomReal(rng, s.batch*s.channels*s.seqLen)
		k := fftRandomReal(rng, s.channels*s.kernelLen)
		dy := fftRandomReal(rng, len(u))
		c, err := NewFFTConv(s.channels, s.seqLen, k)
		if err != nil {
			t.Fatal(err)
		}
		cl, rl := c.BackwardScratchLen()
		cs, fs := make([]complex128, cl), make([]float64, rl)
		for _, d := range [][]float64{nil, fftRandomReal(rng, s.channels)} {
			wantU, wantK, wantD := make([]float64, len(u)), make([]float64, len(k)), make([]float64, s.channels)
			ConvBackwardDirect(wantU, wantK, wantD, dy, u, k, d, s.channels, s.seqLen)
			du, dk, dd := make([]float64, len(u)), make([]float64, len(k)), make([]float64, s.channels)
			ConvBackwardFFT(c, du, dk, dd, dy, u, d, cs, fs)
			for _, g := range []struct {
				name      string
				got, want []float64
			}{{"du", du, wantU}, {"dk", dk, wantK}, {"dd", dd, wantD}} {
				if e := convNormwise(g.got, g.want); !(e <= convGradFFTTol) {
					t.Errorf("%+v d=%v: %s normwise error %.3g > %g", s, d != nil, g.name, e, convGradFFTTol)
				}
			}
			// Each gradient alone equals the one computed with the others,
			// and a nil one is skipped.
			for i := range 3 {
				only := [3][]float64{}
				only[i] = make([]float64, len([][]float64{du, dk, dd}[i]))
				ConvBackwardFFT(c, only[0], only[1], only[2], dy, u, d, cs, fs)
				want := [][]float64{du, dk, dd}[i]
				for j := range want {
					if only[i][j] != want[j] {
						t.Fatalf("%+v: gradient %d alone differs at %d: %g, want %g", s, i, j, only[i][j], want[j])
					}
				}
			}
		}
	}
}

func TestConvBackwardAllocatesNothing(t *testing.T) {
	const channels, seqLen, kernelLen, batch = 3, 100, 40, 2
	rng := rand.New(rand.NewPCG(25, 26))
	u := fftRandomReal(rng, batch*channels*seqLen)
	dy := fftRandomReal(rng, len(u))
	k := fftRandomReal(rng, channels*kernelLen)
	d := fftRandomReal(rng, channels)
	c, _ := NewFFTConv(channels, seqLen, k)
	cl, rl := c.BackwardScratchLen()
	cs, fs := make([]complex128, cl), make([]float64, rl)
	du, dk, dd := make([]float32, len(u)), make([]float32, len(k)), make([]float32, channels)
	u32, dy32, k32, d32 := make([]float32, len(u)), make([]float32, len(u)), make([]float32, len(k)), make([]float32, channels)
	for i := range u {
		u32[i], dy32[i] = float32(u[i]), float32(dy[i])
	}
	for i := range k {
		k32[i] = float32(k[i])
	}
	for i := range d {
		d32[i] = float32(d[i])
	}
	if a := testing.AllocsPerRun(10, func() { ConvBackwardFFT(c, du, dk, dd, dy32, u32, d32, cs, fs) }); a != 0 {
		t.Errorf("ConvBackwardFFT: %v allocations per call", a)
	}
	if a := testing.AllocsPerRun(10, func() { ConvBackwardDirect(du, dk, dd, dy32, u32, k32, d32, channels, seqLen) }); a != 0 {
		t.Errorf("ConvBackwardDirect: %v allocations per call", a)
	}
}
