//go:build gc && !purego && amd64

package asm_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
)

// TestFFT64N512YMatchesItsThreePasses checks the AVX2 whole-transform
// kernels of complex128 n = 256, 512 and 1024 against the three kernels whose passes it
// runs, as runThree64 calls them (FFT64Radix8First with the scale,
// FFT64Radix8 at ls = 8, FFT64Radix8Last at ls = 64), bit for bit. The
// tables are random (a twiddle read from the wrong place shows); both
// directions, the inverse with scales 1 and 1/512, out of place and in
// place, dst, src and the tables flush against guard pages.
func TestFFT64N512YMatchesItsThreePasses(t *testing.T) {
	for _, n := range []int{256, 512, 1024} {
		t.Run(fmt.Sprint(n), func(t *testing.T) { testFFT64NY(t, n) })
	}
}

// testFFT64NY is TestFFT64N512YMatchesItsThreePasses for n = 512
// (FFT64N512Y), 1024 (FFT64N1024Y, whose last pass is FFT64Tail16Seg's)
// or 256 (FFT64N256Y, FFT64Radix4 at ls = 64 last).
func testFFT64NY(t *testing.T, n int) {
	rng := rand.New(rand.NewPCG(10, uint64(n)))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if !asm.FFT64N512YSupported(l) {
			t.Skipf("no FFT64N512Y at %v", l)
		}
		rnd := func(m int) []float64 {
			x := make([]float64, m)
			for i := range x {
				x[i] = rng.Float64()*2 - 1
			}
			return asmtest.GuardedFloat64(t, x)
		}
		tw2, tw3 := rnd(asm.FFT64Radix8TwiddleLen(8, n/64)), rnd(asm.FFT64Radix8LastTwiddleLen(64))
		last, whole := asm.FFT64Radix8Last, asm.FFT64N512Y
		if n == 1024 {
			tw3 = rnd(asm.FFT64Tail16TwiddleLen(n))
			last, whole = asm.FFT64Tail16Seg, asm.FFT64N1024Y
		}
		if n == 256 {
			tw3 = rnd(asm.FFT64Radix4TwiddleLen(l, 64, 1))
			last = func(l asm.Level, out, in []complex128, tw []float64, _ int, inverse bool) {
				asm.FFT64Radix4(l, out, in, tw, 64, inverse, 1)
			}
			whole = asm.FFT64N256Y
		}
		for _, inverse := range []bool{false, true} {
			for _, s := range []float64{1, 1 / float64(n)} {
				if !inverse && s != 1 {
					continue // the forward takes no scale
				}
				src := randC128(rng, n)
				a, b := make([]complex128, n), make([]complex128, n)
				asm.FFT64Radix8First(l, a, src, s, inverse)
				asm.FFT64Radix8(l, b, a, tw2, 8, inverse)
				want := make([]complex128, n)
				last(l, want, b, tw3, 0, inverse)
				checkWholeKernel(t, fmt.Sprintf("inverse %v s %v", inverse, s), asmtest.GuardedComplex128, src, want, func(dst, in []complex128) {
					whole(l, dst, in, tw2, tw3, inverse, s)
				})
			}
		}
	})
}
