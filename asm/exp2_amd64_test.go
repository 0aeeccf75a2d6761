//go:build gc && !purego

package asm_test

import (
	"math"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
)

// exp2MaxULP bounds vmath.Exp2 against float64 math.Exp2 rounded to
// float32: 1 ulp at both levels over all 2^32 inputs (-long), inside
// DESIGN's 2 ulp; a bound of 1 catches a regression of either form.
const exp2MaxULP = 1

func exp2At(l asm.Level, x float32) float32 {
	src, dst := make([]float32, 16), make([]float32, 16)
	for i := range src {
		src[i] = x
	}
	asm.Exp2Row(l, dst, src)
	return dst[0]
}

// checkExp2 runs asm.Exp2Row over the bit patterns start, start+step, … and
// fails when any result is more than exp2MaxULP from float64 2^x rounded
// to float32 (0 below the normal range).
func checkExp2(t *testing.T, l asm.Level, step uint64) {
	worst, worstX := asmtest.SweepULP(func(dst, src []float32) int { return asm.Exp2Row(l, dst, src) }, wantExp2, 0, step)
	if worst > exp2MaxULP {
		t.Errorf("%v: exp2 max error %d ulp at x = %v (got %v, want %v)", l, worst, worstX, exp2At(l, worstX), wantExp2(worstX))
	}
	t.Logf("%v: exp2 max error %d ulp", l, worst)
}

// wantExp2 is 2^x as vmath.Exp2 defines it: float64 2^x rounded to
// float32, exactly 0 below the normal range.
func wantExp2(x float32) float32 { return asmtest.FlushBelowNormal(math.Exp2(float64(x))) }

func TestExp2Float32SweepWithin2ULP(t *testing.T) {
	for _, l := range vectorLevels() {
		checkExp2(t, l, 97)
	}
}

func TestExp2Float32Exhaustive(t *testing.T) {
	if !*long {
		t.Skip("all 2^32 inputs only with -long")
	}
	for _, l := range vectorLevels() {
		checkExp2(t, l, 1)
	}
}

func TestExp2SpecialValues(t *testing.T) {
	inf := float32(math.Inf(1))
	below := math.Nextafter32(-126, -200)
	for _, l := range vectorLevels() {
		for _, c := range []struct{ x, want float32 }{
			{0, 1}, {float32(math.Copysign(0, -1)), 1}, {1, 2}, {-1, 0.5}, {127, 0x1p127},
			{-126, 0x1p-126}, {below, 0}, {-126.5, 0}, {-149, 0}, {-1000, 0}, {-1e30, 0}, {-inf, 0},
			{128, inf}, {200, inf}, {1e30, inf}, {inf, inf},
		} {
			got := exp2At(l, c.x)
			if got != c.want {
				t.Errorf("%v: exp2(%v) = %v (%#08x), want %v", l, c.x, got, math.Float32bits(got), c.want)
			}
		}
		if got := exp2At(l, float32(math.NaN())); !math.IsNaN(float64(got)) {
			t.Errorf("%v: exp2(NaN) = %v", l, got)
		}
	}
}
