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

// mixNTol is the tolerance of one radix-p narrow stage against the
// float64 stage of the same inputs and the same rounded twiddles, per
// unit of the largest input magnitude, in roundings of the element type
// (ulp = 2^−24 or 2^−53): the product rounds twice and the butterfly adds
// up to four more roundings of values up to p·max|x| (radix 5: three
// constants' products summed; radix 8: two layers of radix 4 and the ω_8
// products), so 4·p roundings (4·5 for p < 5) bound it with room.
func mixNTol(p int, ulp float64) float64 { return 4 * float64(max(p, 5)) * ulp }

// mixNLengths are the ls of the narrow tests: every tail of a vector of up
// to 8 values, both table layouts (compact from ls = 69 … 137, by radix
// and type: 71 and 143 take every tail pass of it) and the ls of real
// plans' last stages.
func mixNLengths() []int {
	var ls []int
	for x := 1; x <= 3*8+1; x++ {
		ls = append(ls, x)
	}
	return append(ls, 25, 71, 125, 143, 192, 200, 250, 243, 500, 625, 1000, 1007, 6000)
}

// mixNTwiddle is ω_L^{q·j} of the forward transform, as plans compute it.
func mixNTwiddle(L int) func(q, j int) complex128 {
	return func(q, j int) complex128 {
		return cmplx.Rect(1, -2*math.Pi*float64(q*j%L)/float64(L))
	}
}

func TestFFTMixedNarrowStageMatchesGoAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if !asm.FFTMixedSupported(l, 2, 8, 1) {
			t.Skip("no mixed-radix stages at this level")
		}
		narrowAt := l == asm.AVX2 || l == asm.AVX512
		for _, p := range []int{2, 3, 4, 5, 8} {
			if !asm.FFTMixedSupported(l, p, 8, 1) {
				continue // radix 8: amd64 only
			}
			for _, ls := range mixNLengths() {
				if narrowAt && ls >= 2 && !asm.FFTMixedNarrowForTest(l, p, ls, 1) {
					t.Fatalf("p=%d ls=%d: the narrow kernel does not take the stage", p, ls)
				}
				for _, inverse := range []bool{false, true} {
					name := fmt.Sprintf("p=%d/ls=%d/inv=%v", p, ls, inverse)
					checkMixN32(t, rng, l, p, ls, inverse, name)
					checkMixN64(t, rng, l, p, ls, inverse, name)
				}
			}
		}
	})
}

func checkMixN32(t *testing.T, rng *rand.Rand, l asm.Level, p, ls int, inverse bool, name string) {
	n := p * ls
	w := mixNTwiddle(n)
	src := make([]complex64, n)
	for i := range src {
		src[i] = complex(float32(rng.NormFloat64()), float32(rng.NormFloat64()))
	}
	in := asmtest.GuardedComplex64(t, src)
	out := asmtest.GuardedComplex64(t, make([]complex64, n))
	tw := asmtest.GuardedFloat32(t, make([]float32, asm.FFTMixedTwiddleLen(l, p, ls, 1)))
	asm.FFTMixedTwiddles(l, p, ls, 1, w, tw)
	asm.FFTMixedStage(l, p, out, in, tw, ls, 1, inverse)

	wide := make([]complex128, n)
	for i := range src {
		wide[i] = complex128(src[i])
	}
	want := make([]complex128, n)
	asm.MixedStageGo(p, want, wide, func(i int) complex128 {
		c := w(i%(p-1)+1, i/(p-1))
		return complex(float64(float32(real(c))), float64(float32(imag(c))))
	}, ls, 1, inverse)
	checkMixNOut(t, name+"/c64", out, want, mixNMaxAbs(wide)*mixNTol(p, 0x1p-24))
	for i := range src {
		if in[i] != src[i] {
			t.Fatalf("%s/c64: in[%d] changed", name, i)
		}
	}
}

func checkMixN64(t *testing.T, rng *rand.Rand, l asm.Level, p, ls int, inverse bool, name string) {
	n := p * ls
	w := mixNTwiddle(n)
	src := make([]complex128, n)
	for i := range src {
		src[i] = complex(rng.NormFloat64(), rng.NormFloat64())
	}
	in := asmtest.GuardedComplex128(t, src)
	out := asmtest.GuardedComplex128(t, make([]complex128, n))
	tw := asmtest.GuardedFloat64(t, make([]float64, asm.FFT64MixedTwiddleLen(l, p, ls, 1)))
	asm.FFT64MixedTwiddles(l, p, ls, 1, w, tw)
	asm.FFT64MixedStage(l, p, out, in, tw, ls, 1, inverse)

	want := make([]complex128, n)
	asm.MixedStageGo(p, want, src, func(i int) complex128 {
		return w(i%(p-1)+1, i/(p-1))
	}, ls, 1, inverse)
	checkMixNOut(t, name+"/c128", out, want, mixNMaxAbs(src)*mixNTol(p, 0x1p-53))
	for i := range src {
		if in[i] != src[i] {
			t.Fatalf("%s/c128: in[%d] changed", name, i)
		}
	}
}

func mixNMaxAbs(x []complex128) float64 {
	m := 0.0
	for _, v := range x {
		m = max(m, cmplx.Abs(v))
	}
	return m
}

func checkMixNOut[T complex64 | complex128](t *testing.T, name string, got []T, want []complex128, tol float64) {
	t.Helper()
	for i := range want {
		if d := cmplx.Abs(complex128(got[i]) - want[i]); !(d <= tol) {
			t.Fatalf("%s: out[%d] = %v, want %v (off by %.3g, tolerance %.3g)", name, i, got[i], want[i], d, tol)
		}
	}
}

func TestFFTMixedNarrowStageAllocatesNothing(t *testing.T) {
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		const p, ls = 5, 125
		if !asm.FFTMixedNarrowForTest(l, p, ls, 1) {
			t.Skip("no narrow kernel at this level")
		}
		in, out := make([]complex64, p*ls), make([]complex64, p*ls)
		tw := make([]float32, asm.FFTMixedTwiddleLen(l, p, ls, 1))
		asm.FFTMixedTwiddles(l, p, ls, 1, mixNTwiddle(p*ls), tw)
		in64, out64 := make([]complex128, p*ls), make([]complex128, p*ls)
		tw64 := make([]float64, asm.FFT64MixedTwiddleLen(l, p, ls, 1))
		asm.FFT64MixedTwiddles(l, p, ls, 1, mixNTwiddle(p*ls), tw64)
		if a := testing.AllocsPerRun(10, func() {
			asm.FFTMixedStage(l, p, out, in, tw, ls, 1, true)
			asm.FFT64MixedStage(l, p, out64, in64, tw64, ls, 1, false)
		}); a != 0 {
			t.Errorf("%v allocations per call, want 0", a)
		}
	})
}
