//go:build gc && !purego && (amd64 || arm64)

package asm_test

import (
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
)

// TestFFT64Radix2FirstAndScaleMatchGoAtEveryLevel is the complex128 twin
// of TestFFTRadix2FirstAndScaleMatchGoAtEveryLevel: FFT64Radix2First,
// FFT64Scale and the scaled first radix-4 stage, exact (a sum or
// difference, then a power-of-two scale), under guard pages.
func TestFFT64Radix2FirstAndScaleMatchGoAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(41, 42))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if !hasFFTKernels(l) {
			t.Skip("no FFT kernels at this level")
		}
		v := asm.FFT64Values(l)
		for n := 2 * v; n <= 1<<10; n *= 2 {
			x := randC128(rng, n)
			for _, s := range []float64{1, 0.25} {
				out := asmtest.GuardedComplex128(t, make([]complex128, n))
				asm.FFT64Radix2First(l, out, asmtest.GuardedComplex128(t, x), s)
				for k := range n / 2 {
					if out[k] != (x[k]+x[k+n/2])*complex(s, 0) || out[k+n/2] != (x[k]-x[k+n/2])*complex(s, 0) {
						t.Fatalf("n=%d s=%v: FFT64Radix2First wrong at %d", n, s, k)
					}
				}
			}
			if n >= 4*v {
				for _, inverse := range []bool{false, true} {
					s4 := asmtest.GuardedComplex128(t, make([]complex128, n))
					asm.FFT64Radix4(l, s4, asmtest.GuardedComplex128(t, x), nil, 1, inverse, 0.25)
					u4 := make([]complex128, n)
					asm.FFT64Radix4(l, u4, x, nil, 1, inverse, 1)
					for i := range u4 {
						if s4[i] != u4[i]*0.25 {
							t.Fatalf("n=%d inverse=%v: scaled first stage [%d] = %v, want %v", n, inverse, i, s4[i], u4[i]*0.25)
						}
					}
				}
			}
			y := asmtest.GuardedComplex128(t, x)
			asm.FFT64Scale(l, y, 0.25)
			for i := range y {
				if y[i] != x[i]*0.25 {
					t.Fatalf("n=%d: FFT64Scale wrong at %d", n, i)
				}
			}
		}
	})
}

// TestFFT64Radix8FirstMatchesTheDFTAtEveryLevel checks the complex128
// radix-8 first stage against the length-8 DFTs it computes (cmplx.Exp
// roots, summed in order), both directions, scaled and not, at every
// r = n/8 from one vector to 512, under guard pages; where a level has
// no kernel, the entry point must panic.
func TestFFT64Radix8FirstMatchesTheDFTAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(43, 44))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if !asm.FFT64Radix8FirstSupported(l) {
			mustPanic(t, func() { asm.FFT64Radix8First(l, make([]complex128, 64), make([]complex128, 64), 1, false) })
			t.Skip("no complex128 radix-8 first stage at this level")
		}
		v := asm.FFT64Values(l)
		mustPanic(t, func() { asm.FFT64Radix8First(l, make([]complex128, 8*v+8), make([]complex128, 8*v+8), 1, false) })
		mustPanic(t, func() { asm.FFT64Radix8First(l, make([]complex128, 8*v), make([]complex128, 16*v), 1, false) })
		for n := 8 * v; n <= 1<<12; n *= 2 {
			r := n / 8
			x := make([]complex128, n)
			scale := 0.0
			for i := range x {
				x[i] = complex(rng.NormFloat64(), rng.NormFloat64())
				scale = max(scale, cmplx.Abs(x[i]))
			}
			for _, inverse := range []bool{false, true} {
				sign := -1.0
				if inverse {
					sign = 1
				}
				for _, sc := range []float64{1, 0.125} {
					out := asmtest.GuardedComplex128(t, make([]complex128, n))
					asm.FFT64Radix8First(l, out, asmtest.GuardedComplex128(t, x), sc, inverse)
					for k := range r {
						for tt := range 8 {
							var sum complex128
							for q := range 8 {
								sum += x[q*r+k] * cmplx.Exp(complex(0, sign*2*math.Pi*float64(q*tt)/8))
							}
							want := sum * complex(sc, 0)
							if d := cmplx.Abs(out[tt*r+k] - want); !(d <= fft64StageTol*8*scale*sc) {
								t.Fatalf("n=%d inverse=%v s=%v: out[%d] = %v, want %v", n, inverse, sc, tt*r+k, out[tt*r+k], want)
							}
						}
					}
				}
			}
		}
	})
}
