package vmathdef

import (
	"math"
	"testing"
)

// TestExpConstantsMeanWhatTheySay checks the stated properties of the
// reduction constants.
func TestExpConstantsMeanWhatTheySay(t *testing.T) {
	// ln2Hi has at most 16 significant bits, so k·ln2Hi is exact for |k| < 2^8.
	if m := math.Float32bits(ExpLn2Hi) & (1<<23 - 1); m&(1<<(23-15)-1) != 0 {
		t.Errorf("ExpLn2Hi has more than 16 significant bits: %#x", m)
	}
	if d := float64(ExpLn2Hi) + float64(ExpLn2Lo) - math.Ln2; math.Abs(d) > 1e-13 { // ExpLn2Lo rounded to float32: 2^−24 of 1.4e-6
		t.Errorf("ExpLn2Hi + ExpLn2Lo − ln 2 = %g", d)
	}
	// The float32 arguments are within half an ulp (88·2^−24) of the exact
	// points, so exp of them is within that relative distance.
	const argRounding = 88.0 / (1 << 24)
	if got := math.Exp(float64(ExpMinArg)); math.Abs(got/float64(MinNormal)-1) > argRounding {
		t.Errorf("exp(ExpMinArg) = %g, want 2^−126", got)
	}
	if got := math.Exp(float64(ExpMaxArg)); math.Abs(got/math.MaxFloat32-1) > argRounding {
		t.Errorf("exp(ExpMaxArg) = %g, want max float32", got)
	}
	for _, x := range []float32{ExpClampLo, ExpClampHi} {
		k := math.RoundToEven(float64(x * ExpLog2E))
		if k < -127 || k > 128 {
			t.Errorf("clamp %v gives k = %v outside [−127, 128]", x, k)
		}
	}
	if float32(math.Exp(float64(ExpClampLo))) >= MinNormal || !math.IsInf(float64(float32(math.Exp(float64(ExpClampHi)))), 1) {
		t.Error("the clamps must lie beyond the underflow and overflow points")
	}
	fact := 1.0
	for i := 0; i < len(ExpTaylor); i++ {
		if want := 1 / fact; ExpTaylor[len(ExpTaylor)-1-i] != want {
			t.Errorf("ExpTaylor coefficient of r^%d = %v, want %v", i, ExpTaylor[len(ExpTaylor)-1-i], want)
		}
		fact *= float64(i + 1)
	}
}
