//go:build gc && !purego

package asm_test

import (
	"flag"
	"math"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
)

var long = flag.Bool("long", false, "sweep all 2^32 float32 inputs in the exhaustive tests")

// expMaxULP is the accuracy vmath.Exp promises against float64 math.Exp
// rounded to float32 (DESIGN: within 2 ulp over the whole domain).
const expMaxULP = 2

func vectorLevels() []asm.Level {
	var l []asm.Level
	for _, v := range asm.Levels() {
		if v == asm.AVX2 || v == asm.AVX512 {
			l = append(l, v)
		}
	}
	return l
}

// checkExp runs asm.ExpRow over the bit patterns start, start+step, … and
// reports the worst ulp error against float64 exp rounded to float32 (0
// below the normal range).
func checkExp(t *testing.T, l asm.Level, start, step uint64) {
	worst, worstX := asmtest.SweepULP(func(dst, src []float32) int { return asm.ExpRow(l, dst, src) }, wantExp, start, step)
	if worst > expMaxULP {
		t.Errorf("%v: exp max error %d ulp at x = %v (got %v, want %v)", l, worst, worstX, expAt(l, worstX), wantExp(worstX))
	}
	t.Logf("%v: exp max error %d ulp", l, worst)
}

// wantExp is exp as vmath.Exp defines it: float64 exp rounded to float32,
// exactly 0 below the normal range.
func wantExp(x float32) float32 { return asmtest.FlushBelowNormal(math.Exp(float64(x))) }

func expAt(l asm.Level, x float32) float32 {
	src := make([]float32, 16)
	dst := make([]float32, 16)
	for i := range src {
		src[i] = x
	}
	asm.ExpRow(l, dst, src)
	return dst[0]
}

func TestExpFloat32SweepWithin2ULP(t *testing.T) {
	for _, l := range vectorLevels() {
		checkExp(t, l, 0, 997)
	}
}

func TestExpFloat32Exhaustive(t *testing.T) {
	if !*long {
		t.Skip("all 2^32 inputs only with -long")
	}
	for _, l := range vectorLevels() {
		checkExp(t, l, 0, 1)
	}
}

func TestExpSpecialValues(t *testing.T) {
	inf := float32(math.Inf(1))
	for _, l := range vectorLevels() {
		for _, c := range []struct{ x, want float32 }{
			{0, 1}, {float32(math.Copysign(0, -1)), 1}, {inf, inf}, {-inf, 0}, {-87.4, 0}, {-1000, 0},
			{89, inf}, {1e30, inf}, {-1e30, 0}, {88.7, wantExp(88.7)}, {-87.3, wantExp(-87.3)},
		} {
			if got := expAt(l, c.x); got != c.want && asmtest.ULPsApart(got, c.want) > expMaxULP {
				t.Errorf("%v: exp(%v) = %v, want %v", l, c.x, got, c.want)
			}
		}
		if got := expAt(l, float32(math.NaN())); !math.IsNaN(float64(got)) {
			t.Errorf("%v: exp(NaN) = %v", l, got)
		}
		if got := expAt(l, -87.4); math.Float32bits(got) != 0 {
			t.Errorf("%v: exp(-87.4) = %v, want exactly +0 (no denormal)", l, got)
		}
	}
}

// softplusTol and siluTol bound the relative error of the row kernels
// against float64 (the log1p series and the division add a few ulp to
// exp's).
const (
	softplusTol = 4e-7
	siluTol     = 4e-7
)

func TestSoftplusAndSiLURowsMatchFloat64(t *testing.T) {
	var xs []float32
	for x := -30.0; x <= 30; x += 0.0137 {
		xs = append(xs, float32(x))
	}
	xs = xs[:len(xs)&^15]
	for _, l := range vectorLevels() {
		sp := make([]float32, len(xs))
		asm.DeltaRow(l, sp, xs, 0, true)
		out := make([]float32, len(xs))
		ones := make([]float32, len(xs))
		for i := range ones {
			ones[i] = 1
		}
		asm.GateRow(l, out, ones, xs, 1) // (0 + 1·1)·silu(x)
		var worstSP, worstSiLU float64
		for i, x := range xs {
			x64 := float64(x)
			want := x64
			if x64 <= 20 {
				want = math.Log1p(math.Exp(x64))
			}
			worstSP = math.Max(worstSP, math.Abs(float64(sp[i])-want)/math.Abs(want))
			wantS := x64 / (1 + math.Exp(-x64))
			if wantS != 0 {
				worstSiLU = math.Max(worstSiLU, math.Abs(float64(out[i])-wantS)/math.Abs(wantS))
			}
		}
		if worstSP > softplusTol {
			t.Errorf("%v: softplus relative error %.3g > %.3g", l, worstSP, softplusTol)
		}
		if worstSiLU > siluTol {
			t.Errorf("%v: silu relative error %.3g > %.3g", l, worstSiLU, siluTol)
		}
		t.Logf("%v: softplus %.3g, silu %.3g relative", l, worstSP, worstSiLU)
	}
}
