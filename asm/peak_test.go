package asm_test

import (
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
)

// TestFMAPeakCountsItsFlops: the flop count that benchmarks divide by the
// loop's time is 12 FMAs of 8 (AVX2) or 16 (AVX-512) lanes per round, at the levels that
// have the loop, and nothing elsewhere.
func TestFMAPeakCountsItsFlops(t *testing.T) {
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		want := 3 * 12 * 2 * float64(map[asm.Level]int{asm.AVX2: 8, asm.AVX512: 16}[l])
		if got := asm.FMAPeak(l, 3); got != want {
			t.Errorf("FMAPeak(%v, 3) = %v flops, want %v", l, got, want)
		}
		if got := asm.FMAPeak(l, 0); got != 0 {
			t.Errorf("FMAPeak(%v, 0) = %v, want 0", l, got)
		}
	})
}
