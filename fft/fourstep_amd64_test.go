//go:build gc && !purego

package fft

import (
	"math/rand/v2"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
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
			fs := newFourStep32Any(n, l)
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
				runFourStep32(fs, dst, asmtest.GuardedComplex64(t, x), work, inverse)
				if e := relRMS(dst, want); !(e <= tol) {
					t.Errorf("n=%d inverse=%v: relative RMS error %.3g > %.3g", n, inverse, e, tol)
				}
				same := asmtest.GuardedComplex64(t, x)
				runFourStep32(fs, same, same, work, inverse)
				mustEqual(t, "four-step in place", same, dst)
			}
		}
	})
}
