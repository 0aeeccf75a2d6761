//go:build gc && !purego

package asm_test

import (
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
	"github.com/ssmkern/ssmkern/generic"
)

// fftSmallTol bounds the relative RMS error of a whole float32 transform
// of length n against the exact DFT of the same inputs: each of the
// log2 n butterfly levels and the twiddle products add a few roundings of
// 2^−24 relative, which grow as the square root of their number in an
// RMS; 2^−22·log2 n leaves room for that with a margin of about four.
func fftSmallTol(n int) float64 { return math.Log2(float64(n)) / (1 << 22) }

// TestFFTSmallMatchesTheDFT runs every whole-transform kernel at every
// level that has it, forward and inverse (scaled by 1/n and by 1), out of
// place, in place, and with both slices flush against a guard page,
// against generic.DFT in float64.
func TestFFTSmallMatchesTheDFT(t *testing.T) {
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		ran := 0
		for n := 2; n <= 1<<12; n *= 2 {
			if !asm.FFTSmallSupported(l, n) {
				continue
			}
			ran++
			rng := rand.New(rand.NewPCG(uint64(n), 77))
			x := make([]complex64, n)
			x128 := make([]complex128, n)
			for i := range x {
				x[i] = complex(float32(rng.NormFloat64()), float32(rng.NormFloat64()))
				x128[i] = complex128(x[i])
			}
			for _, inverse := range []bool{false, true} {
				want := make([]complex128, n)
				generic.DFT(want, x128, inverse) // the inverse with its 1/n
				for _, s := range []float32{1 / float32(n), 1} {
					if !inverse && s != 1 {
						continue
					}
					scaled := want
					if inverse && s == 1 {
						scaled = make([]complex128, n)
						for i, w := range want {
							scaled[i] = w * complex(float64(n), 0)
						}
					}
					check := func(how string, got []complex64) {
						t.Helper()
						if e := relRMS(got, scaled); !(e <= fftSmallTol(n)) {
							t.Errorf("n=%d inverse=%v s=%g %s: relative RMS error %.3g > %.3g", n, inverse, s, how, e, fftSmallTol(n))
						}
					}
					out := make([]complex64, n)
					asm.FFTSmall(l, out, x, inverse, s)
					check("out of place", out)
					inPlace := append([]complex64(nil), x...)
					asm.FFTSmall(l, inPlace, inPlace, inverse, s)
					check("in place", inPlace)
					gIn, gOut := asmtest.GuardedComplex64(t, x), asmtest.GuardedComplex64(t, make([]complex64, n))
					asm.FFTSmall(l, gOut, gIn, inverse, s)
					check("guarded", gOut)
					gIn2 := asmtest.GuardedComplex64(t, x)
					asm.FFTSmall(l, gIn2, gIn2, inverse, s)
					check("guarded in place", gIn2)
				}
			}
		}
		if (l == asm.AVX2 || l == asm.AVX512) && ran == 0 {
			t.Errorf("%v has no whole-transform kernel", l)
		}
	})
}

// relRMS is ‖got − want‖/‖want‖.
func relRMS(got []complex64, want []complex128) float64 {
	var num, den float64
	for i, w := range want {
		d := complex128(got[i]) - w
		num += real(d)*real(d) + imag(d)*imag(d)
		den += cmplx.Abs(w) * cmplx.Abs(w)
	}
	return math.Sqrt(num / den)
}

// TestFFTSmallRejectsUnsupportedLengths: the entry point panics rather
// than run a kernel on a length it was not generated for.
func TestFFTSmallRejectsUnsupportedLengths(t *testing.T) {
	for _, l := range asm.Levels() {
		for _, n := range []int{0, 3, 16, 48, 1 << 13} {
			if asm.FFTSmallSupported(l, n) {
				t.Errorf("%v: FFTSmallSupported(%d)", l, n)
				continue
			}
			func() {
				defer func() {
					if recover() == nil {
						t.Errorf("%v n=%d: no panic", l, n)
					}
				}()
				x := make([]complex64, n)
				asm.FFTSmall(l, x, x, false, 1)
			}()
		}
	}
}

// TestFFT64SmallMatchesTheDFT is TestFFTSmallMatchesTheDFT for the
// complex128 kernels, whose bound is the float32 one scaled to float64's
// 2^−53.
func TestFFT64SmallMatchesTheDFT(t *testing.T) {
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		ran := 0
		for n := 2; n <= 1<<12; n *= 2 {
			k := asm.NewFFT64SmallKernel(l, n)
			if k == nil {
				continue
			}
			ran++
			tol := fftSmallTol(n) / (1 << 29)
			rng := rand.New(rand.NewPCG(uint64(n), 78))
			x := randC128(rng, n)
			for _, inverse := range []bool{false, true} {
				want := make([]complex128, n)
				generic.DFT(want, x, inverse)
				for _, s := range []float64{1 / float64(n), 1} {
					if !inverse && s != 1 {
						continue
					}
					scaled := want
					if inverse && s == 1 {
						scaled = make([]complex128, n)
						for i, w := range want {
							scaled[i] = w * complex(float64(n), 0)
						}
					}
					check := func(how string, got []complex128) {
						t.Helper()
						if e := relRMS128(got, scaled); !(e <= tol) {
							t.Errorf("n=%d inverse=%v s=%g %s: relative RMS error %.3g > %.3g", n, inverse, s, how, e, tol)
						}
					}
					out := make([]complex128, n)
					k.Run(out, x, inverse, s)
					check("out of place", out)
					inPlace := append([]complex128(nil), x...)
					k.Run(inPlace, inPlace, inverse, s)
					check("in place", inPlace)
					gIn, gOut := asmtest.GuardedComplex128(t, x), asmtest.GuardedComplex128(t, make([]complex128, n))
					k.Run(gOut, gIn, inverse, s)
					check("guarded", gOut)
					gIn2 := asmtest.GuardedComplex128(t, x)
					k.Run(gIn2, gIn2, inverse, s)
					check("guarded in place", gIn2)
				}
			}
		}
		if (l == asm.AVX2 || l == asm.AVX512) && ran == 0 {
			t.Errorf("%v has no complex128 whole-transform kernel", l)
		}
	})
}

// relRMS128 is relRMS for complex128 results.
func relRMS128(got, want []complex128) float64 {
	var num, den float64
	for i, w := range want {
		d := got[i] - w
		num += real(d)*real(d) + imag(d)*imag(d)
		den += real(w)*real(w) + imag(w)*imag(w)
	}
	return math.Sqrt(num / den)
}
