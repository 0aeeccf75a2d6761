//go:build gc && !purego && (amd64 || arm64)

package asm_test

import (
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
			x := make([]complex128, n)
			for i := range x {
				x[i] = complex(rng.NormFloat64(), rng.NormFloat64())
			}
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
