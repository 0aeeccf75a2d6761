//go:build gc && !purego && (amd64 || arm64)

package fft

import (
	"math/rand/v2"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
)

// TestPlansOfAsmFFT1024MatchFloat64 checks the plans that run n = 1024
// as one asm.FFT1024 call, or n = 512 as one asm.FFT512 call, where the
// level has it (Plan32 n = 512 and 1024, RealPlan32 n = 1024 and 2048,
// whose halves they are) against the float64 plans, in both directions,
// out of place and in place, at every level; and that at a level with
// the kernel they do take it.
func TestPlansOfAsmFFT1024MatchFloat64(t *testing.T) {
	for _, n := range []int{512, 1024, 2048} {
		testPlansOfWholeKernel(t, n)
	}
}

func testPlansOfWholeKernel(t *testing.T, n int) {
	rng := rand.New(rand.NewPCG(uint64(n), 2048))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		p32, _ := NewPlan32(n)
		p64, _ := NewPlan64(n)
		if sp := p32.stockham(l); asm.FFT1024Supported(l) && (sp == nil || !(n == 1024 && sp.r16Tail || n != 1024 && sp.one)) {
			t.Errorf("%v: Plan32 n = %d does not run asm.FFT%d", l, n, n)
		}
		rp32, _ := NewRealPlan32(2 * n)
		rp64, _ := NewRealPlan64(2 * n)
		if rp := rp32.stockham(l); asm.FFT1024Supported(l) && (rp == nil || rp.whole == nil) {
			t.Errorf("%v: RealPlan32 n = %d does not run asm.FFT%d", l, 2*n, n)
		}
		tol := fft32RMSPerLog2 * log2n(2*n)
		for _, inverse := range []bool{false, true} {
			x := randComplex128(rng, n)
			want := make([]complex128, n)
			run64 := p64.Forward
			run32 := p32.Forward
			if inverse {
				run64, run32 = p64.Inverse, p32.Inverse
			}
			run64(want, toC128(toC64(x)))
			got := make([]complex64, n)
			run32(got, toC64(x))
			inPlace := toC64(x)
			run32(inPlace, inPlace)
			if e := relRMS(got, want); !(e <= tol) {
				t.Errorf("%v: Plan32 n = %d inverse %v: relative RMS error %.3g > %.3g", l, n, inverse, e, tol)
			}
			if e := relRMS(inPlace, want); !(e <= tol) {
				t.Errorf("%v: Plan32 n = %d inverse %v in place: relative RMS error %.3g > %.3g", l, n, inverse, e, tol)
			}
		}
		r := toF32(randFloat64(rng, 2*n))
		bins64 := make([]complex128, n+1)
		rp64.Forward(bins64, toF64(r))
		bins := make([]complex64, n+1)
		rp32.Forward(bins, r)
		if e := relRMS(bins, bins64); !(e <= tol) {
			t.Errorf("%v: RealPlan32 n = %d: relative RMS error %.3g > %.3g", l, 2*n, e, tol)
		}
		back64 := make([]float64, 2*n)
		rp64.Inverse(back64, toC128(bins))
		back := make([]float32, 2*n)
		rp32.Inverse(back, bins)
		if e := relRMSReal(back, back64); !(e <= tol) {
			t.Errorf("%v: RealPlan32.Inverse n = %d: relative RMS error %.3g > %.3g", l, 2*n, e, tol)
		}
	})
}
