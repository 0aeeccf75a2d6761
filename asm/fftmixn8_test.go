//go:build gc && !purego && (amd64 || arm64)

package asm_test

import (
	"fmt"
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
)

// Tolerances of the radix-8 narrow stage, per unit of the largest input
// magnitude, as mixNTol32 and mixNTol64 with p = 8: the product rounds
// twice and the two layers of radix-4 butterflies and the ω_8 products
// add about four more roundings of values up to 8·max|x|.
const (
	mixN8Tol32 = 4.0 * 8 / (1 << 24)
	mixN8Tol64 = 4.0 * 8 / (1 << 53)
)

// mixN8Lengths cross every tail of a vector of up to 8 values (complex64
// at AVX-512) in both table layouts (compact from ls = 137 for complex64,
// 69 for complex128: 71 and 143 take every tail pass of it) and take the
// ls of real plans' last radix-8 stages: n = 1000, 1536, 4000, 8000,
// 48000.
func mixN8Lengths() []int {
	var ls []int
	for x := 2; x <= 3*8+1; x++ {
		ls = append(ls, x)
	}
	return append(ls, 71, 125, 143, 192, 500, 1000, 6000)
}

// mixN8Want is the stage in float64 with the twiddles w gives:
// out[j + t·ls] = Σ_q ω_8^{∓q·t}·w(q, j)·in[8j + q], w conjugated for
// the inverse.
func mixN8Want(in []complex128, w func(q, j int) complex128, ls int, inverse bool) []complex128 {
	const p = 8
	sign := -1.0
	if inverse {
		sign = 1
	}
	out := make([]complex128, p*ls)
	for j := range ls {
		for t := range p {
			var y complex128
			for q := range p {
				v := in[p*j+q]
				if q > 0 {
					c := w(q, j)
					if inverse {
						c = cmplx.Conj(c)
					}
					v *= c
				}
				y += cmplx.Rect(1, sign*2*math.Pi*float64(q*t%p)/p) * v
			}
			out[j+t*ls] = y
		}
	}
	return out
}

func TestFFTMixedNarrowRadix8MatchesGoAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 13))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if !asm.FFTMixedNarrowForTest(l, 8, 8, 1) {
			t.Skip("no narrow kernels at this level")
		}
		for _, ls := range mixN8Lengths() {
			if !asm.FFTMixedNarrowForTest(l, 8, ls, 1) {
				t.Fatalf("ls=%d: the narrow kernel does not take the stage", ls)
			}
			for _, inverse := range []bool{false, true} {
				name := fmt.Sprintf("ls=%d/inv=%v", ls, inverse)
				checkMixN8c64(t, rng, l, ls, inverse, name)
				checkMixN8c128(t, rng, l, ls, inverse, name)
			}
		}
	})
}

func checkMixN8c64(t *testing.T, rng *rand.Rand, l asm.Level, ls int, inverse bool, name string) {
	const p = 8
	n := p * ls
	w := mixNTwiddle(n)
	src := make([]complex64, n)
	wide := make([]complex128, n)
	for i := range src {
		src[i] = complex(float32(rng.NormFloat64()), float32(rng.NormFloat64()))
		wide[i] = complex128(src[i])
	}
	in := asmtest.GuardedComplex64(t, src)
	out := asmtest.GuardedComplex64(t, make([]complex64, n))
	tw := asmtest.GuardedFloat32(t, make([]float32, asm.FFTMixedNarrowTwiddleLenForTest(l, p, ls)))
	asm.FFTMixedNarrowTwiddlesForTest(l, p, ls, w, tw)
	asm.FFTMixedNarrowStageForTest(l, p, out, in, tw, ls, inverse)
	want := mixN8Want(wide, func(q, j int) complex128 {
		c := w(q, j)
		return complex(float64(float32(real(c))), float64(float32(imag(c))))
	}, ls, inverse)
	checkMixNOut(t, name+"/c64", out, want, mixNMaxAbs(wide)*mixN8Tol32)
	for i := range src {
		if in[i] != src[i] {
			t.Fatalf("%s/c64: in[%d] changed", name, i)
		}
	}
}

func checkMixN8c128(t *testing.T, rng *rand.Rand, l asm.Level, ls int, inverse bool, name string) {
	const p = 8
	n := p * ls
	w := mixNTwiddle(n)
	src := make([]complex128, n)
	for i := range src {
		src[i] = complex(rng.NormFloat64(), rng.NormFloat64())
	}
	in := asmtest.GuardedComplex128(t, src)
	out := asmtest.GuardedComplex128(t, make([]complex128, n))
	tw := asmtest.GuardedFloat64(t, make([]float64, asm.FFT64MixedNarrowTwiddleLenForTest(l, p, ls)))
	asm.FFT64MixedNarrowTwiddlesForTest(l, p, ls, w, tw)
	asm.FFT64MixedNarrowStageForTest(l, p, out, in, tw, ls, inverse)
	want := mixN8Want(src, w, ls, inverse)
	checkMixNOut(t, name+"/c128", out, want, mixNMaxAbs(src)*mixN8Tol64)
	for i := range src {
		if in[i] != src[i] {
			t.Fatalf("%s/c128: in[%d] changed", name, i)
		}
	}
}
