package generic

import (
	"math"
	"math/rand/v2"
	"testing"
)

// convFFTTol is the normwise error allowed to the float64 FFT convolution
// against the float64 direct sum: two FFTs of length ≤ 2^13 here, each
// within 1e-14·log2(n), plus the rounding of the product.
const convFFTTol = 1e-13

// convDirectTol is the normwise error allowed to ConvDirect against the
// formula: the same float64 products, summed in another order (d·u first).
const convDirectTol = 1e-14

// naiveConv is the formula itself, with no shortcut in its bounds.
func naiveConv(u, k, d []float64, channels, seqLen int) []float64 {
	kernelLen := len(k) / channels
	y := make([]float64, len(u))
	for b := 0; b < len(u); b += channels * seqLen {
		for h := range channels {
			for l := range seqLen {
				var s float64
				for j := 0; j <= l; j++ {
					if j < kernelLen {
						s += k[h*kernelLen+j] * u[b+h*seqLen+l-j]
					}
				}
				if d != nil {
					s += d[h] * u[b+h*seqLen+l]
				}
				y[b+h*seqLen+l] = s
			}
		}
	}
	return y
}

func convNormwise(got, want []float64) float64 {
	var maxDiff, maxWant float64
	for i := range want {
		maxDiff = math.Max(maxDiff, math.Abs(got[i]-want[i]))
		maxWant = math.Max(maxWant, math.Abs(want[i]))
	}
	if maxWant == 0 {
		return maxDiff
	}
	return maxDiff / maxWant
}

type convShape struct{ batch, channels, seqLen, kernelLen int }

var convShapes = []convShape{
	{1, 1, 1, 1}, {2, 3, 1, 1}, {1, 2, 5, 1}, {1, 2, 5, 5}, {3, 4, 17, 9},
	{1, 1, 64, 64}, {2, 3, 100, 37}, {1, 2, 1000, 1000}, {1, 1, 4096, 300},
}

func TestConvDirectMatchesTheFormulaInPlaceToo(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for _, s := range convShapes {
		u := fftRandomReal(rng, s.batch*s.channels*s.seqLen)
		k := fftRandomReal(rng, s.channels*s.kernelLen)
		for _, d := range [][]float64{nil, fftRandomReal(rng, s.channels)} {
			want := naiveConv(u, k, d, s.channels, s.seqLen)
			got := make([]float64, len(u))
			ConvDirect(got, u, k, d, s.channels, s.seqLen)
			if e := convNormwise(got, want); e > convDirectTol {
				t.Errorf("%+v d=%v: ConvDirect normwise error %.3g", s, d != nil, e)
			}
			inPlace := append([]float64(nil), u...)
			ConvDirect(inPlace, inPlace, k, d, s.channels, s.seqLen)
			for i := range got {
				if inPlace[i] != got[i] {
					t.Fatalf("%+v: in-place ConvDirect differs at %d", s, i)
				}
			}
		}
	}
}

func TestFFTConvMatchesConvDirect(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	for _, s := range convShapes {
		u := fftRandomReal(rng, s.batch*s.channels*s.seqLen)
		k := fftRandomReal(rng, s.channels*s.kernelLen)
		d := fftRandomReal(rng, s.channels)
		c, err := NewFFTConv(s.channels, s.seqLen, k)
		if err != nil {
			t.Fatal(err)
		}
		if c.Size() < s.seqLen+s.kernelLen-1 {
			t.Fatalf("%+v: FFT size %d < seqLen+kernelLen−1: the product would wrap round", s, c.Size())
		}
		want := make([]float64, len(u))
		ConvDirect(want, u, k, d, s.channels, s.seqLen)
		cl, rl := c.ScratchLen()
		got := append([]float64(nil), u...) // in place
		ApplyFFTConv(c, got, got, d, make([]complex128, cl), make([]float64, rl))
		if e := convNormwise(got, want); e > convFFTTol {
			t.Errorf("%+v: FFT convolution normwise error %.3g vs direct", s, e)
		}
	}
}

func TestConvFFTLenIsEvenFiveSmoothAndLeast(t *testing.T) {
	for n := 1; n <= 5000; n++ {
		m := ConvFFTLen(n)
		if _, ok := smoothFactors(m); !ok || m%2 != 0 || m < n {
			t.Fatalf("ConvFFTLen(%d) = %d", n, m)
		}
		for c := n; c < m; c++ {
			if _, ok := smoothFactors(c); ok && c%2 == 0 {
				t.Fatalf("ConvFFTLen(%d) = %d, but %d is smaller", n, m, c)
			}
		}
	}
}
