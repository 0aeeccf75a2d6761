//go:build gc && !purego && (amd64 || arm64)

package fft

import (
	"math/rand/v2"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
	"github.com/ssmkern/ssmkern/generic"
)

// TestFourStepMatchesFloat64PlanAtEveryLevel runs the four-step plan
// below its length threshold too (every split n1·n2 it makes from 2^10 to
// 2^16), in place and not, under guard pages, against the float64 plan.
func TestFourStepMatchesFloat64PlanAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(51, 52))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if !hasStockham32(l) {
			t.Skip("no float32 Stockham kernels at this level")
		}
		for n := 1 << 10; n <= 1<<16; n *= 2 {
			fs := newFourStep32Any(n, l, nil)
			if fs == nil {
				t.Fatalf("n=%d: no four-step plan", n)
			}
			p64, _ := NewPlan64(n)
			tol := fft32RMSPerLog2 * log2n(n)
			x := toC64(randComplex128(rng, n))
			for _, inverse := range []bool{false, true} {
				want := make([]complex128, n)
				if inverse {
					p64.Inverse(want, toC128(x))
				} else {
					p64.Forward(want, toC128(x))
				}
				work := asmtest.GuardedComplex64(t, make([]complex64, fs.scratchLen()))
				dst := asmtest.GuardedComplex64(t, make([]complex64, n))
				runFourStep32(fs, dst, asmtest.GuardedComplex64(t, x), work, inverse, inverse)
				if e := relRMS(dst, want); !(e <= tol) {
					t.Errorf("n=%d inverse=%v: relative RMS error %.3g > %.3g", n, inverse, e, tol)
				}
				same := asmtest.GuardedComplex64(t, x)
				runFourStep32(fs, same, same, work, inverse, inverse)
				mustEqual(t, "four-step in place", same, dst)
			}
		}
	})
}

// TestLongRealPlansMatchFloat64AtEveryLevel runs RealPlan32 where its
// half-length FFT is a four-step plan (at the lowest threshold of the
// levels), forward and inverse, against RealPlan64.
func TestLongRealPlansMatchFloat64AtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(53, 54))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		n := 2 * (1 << 18)
		if testing.Short() && l != asm.AVX512 {
			t.Skip("long")
		}
		tol := fft32RMSPerLog2 * log2n(n)
		x := toF32(randFloat64(rng, n))
		p32, _ := NewRealPlan32(n)
		p64, _ := NewRealPlan64(n)
		want := make([]complex128, n/2+1)
		p64.Forward(want, toF64(x))
		got := make([]complex64, n/2+1)
		mustOK(t, p32.Forward(got, x))
		if e := relRMS(got, want); !(e <= tol) {
			t.Errorf("RealPlan32.Forward n=%d: relative RMS error %.3g > %.3g", n, e, tol)
		}
		// RealPlan64 (four steps at the vector levels) against the DFT of
		// the generic complex plan.
		ref, _ := generic.NewFFTPlan(n)
		full := make([]complex128, n)
		ref.Transform(full, toC128(realToComplexF32(x)), make([]complex128, ref.ScratchLen()), false)
		if e := relRMS(want, full[:n/2+1]); !(e <= fft64RMSPerLog2*log2n(n)) {
			t.Errorf("RealPlan64.Forward n=%d: relative RMS error %.3g", n, e)
		}
		back, back64 := make([]float32, n), make([]float64, n)
		mustOK(t, p32.Inverse(back, got))
		p64.Inverse(back64, toC128(got))
		if e := relRMS(realToComplex(back), realToComplex(back64)); !(e <= tol) {
			t.Errorf("RealPlan32.Inverse n=%d: relative RMS error %.3g > %.3g", n, e, tol)
		}
	})
}

// TestFourStep64MatchesTheGenericPlanAtEveryLevel is the complex128 twin
// of TestFourStepMatchesFloat64PlanAtEveryLevel, against package generic.
func TestFourStep64MatchesTheGenericPlanAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(55, 56))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if !hasStockham32(l) {
			t.Skip("no Stockham kernels at this level")
		}
		for n := 1 << 10; n <= 1<<16; n *= 2 {
			fs := newFourStep64Any(n, l, nil)
			if fs == nil {
				t.Fatalf("n=%d: no four-step plan", n)
			}
			ref, _ := generic.NewFFTPlan(n)
			scratch := make([]complex128, ref.ScratchLen())
			tol := fft64RMSPerLog2 * log2n(n)
			x := randComplex128(rng, n)
			for _, inverse := range []bool{false, true} {
				want := make([]complex128, n)
				ref.Transform(want, x, scratch, inverse)
				work := asmtest.GuardedComplex128(t, make([]complex128, fs.scratchLen()))
				dst := asmtest.GuardedComplex128(t, make([]complex128, n))
				runFourStep64(fs, dst, asmtest.GuardedComplex128(t, x), work, inverse, inverse)
				if e := relRMS(dst, want); !(e <= tol) {
					t.Errorf("n=%d inverse=%v: relative RMS error %.3g > %.3g", n, inverse, e, tol)
				}
				same := asmtest.GuardedComplex128(t, x)
				runFourStep64(fs, same, same, work, inverse, inverse)
				mustEqual(t, "four-step in place", same, dst)
			}
		}
	})
}
