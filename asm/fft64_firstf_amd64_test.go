//go:build gc && !purego

package asm_test

import (
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
)

// TestFFT64Radix8FirstFIsFFT64Radix8FirstBitForBit checks the AVX2
// forward radix-8 first stage with part of its additions as FMAs
// (avogen/fft64.go, fft64R8FirstF), which FFT64Radix8First and
// FFT64Radix8FirstSeg run unscaled at AVX2, against the kernel it
// replaced: the same bits (a NaN for a NaN), contiguous and segmented,
// for n = 16 … 2^13, inputs with zeros of both signs, infinities and NaNs
// among normal values, under guard pages.
func TestFFT64Radix8FirstFIsFFT64Radix8FirstBitForBit(t *testing.T) {
	if !hasLevel(asm.AVX2) {
		t.Skip("no AVX2")
	}
	rng := rand.New(rand.NewPCG(75, 76))
	special := []float64{0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN(), 1, -1}
	ran := 0
	for n := 16; n <= 1<<13; n *= 2 {
		for _, pad := range []int{0, 4} {
			x := randC128(rng, n)
			for i := range x {
				if rng.IntN(16) == 0 {
					x[i] = complex(special[rng.IntN(len(special))], special[rng.IntN(len(special))])
				}
			}
			seg := n / 8
			size := asm.FFTSegIndex(n-1, seg, pad) + 1
			got := asmtest.GuardedComplex128(t, make([]complex128, size))
			want := asmtest.GuardedComplex128(t, make([]complex128, size))
			in := asmtest.GuardedComplex128(t, x)
			if pad == 0 {
				asm.FFT64Radix8First(asm.AVX2, got, in, 1, false)
			} else {
				asm.FFT64Radix8FirstSeg(asm.AVX2, got, in, 1, pad, false)
			}
			asm.FFT64Radix8FirstAVX2PlainForTest(want, in, (seg+pad)*16)
			for i := range want {
				g, w := got[i], want[i]
				if cmplx.IsNaN(g) && cmplx.IsNaN(w) {
					continue
				}
				if math.Float64bits(real(g)) != math.Float64bits(real(w)) || math.Float64bits(imag(g)) != math.Float64bits(imag(w)) {
					t.Fatalf("n=%d pad=%d: out[%d] = %v, the plain kernel's %v", n, pad, i, g, w)
				}
			}
			ran++
		}
	}
	if ran < 10 {
		t.Fatalf("only %d runs", ran)
	}
}

func hasLevel(l asm.Level) bool {
	for _, m := range asm.Levels() {
		if m == l {
			return true
		}
	}
	return false
}
