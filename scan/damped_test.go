//go:build gc && !purego && (amd64 || arm64)

package scan

import (
	"math"
	"testing"
)

// TestDecaysAtMostOne checks when the kernels may take their damped forms
// (a correction skipped, which only decays above 1 would need): with
// softplus and every A ≤ 0 only.
func TestDecaysAtMostOne(t *testing.T) {
	nan := float32(math.NaN())
	for _, c := range []struct {
		softplus bool
		a        []float32
		want     bool
	}{
		{true, []float32{-1, -0.5, 0, -3}, true},
		{false, []float32{-1, -0.5, 0, -3}, false}, // δ may be negative
		{true, []float32{-1, 0.25, -2, -3}, false},
		{true, []float32{-1, nan, -2, -3}, false},
	} {
		p := &Params{DeltaSoftplus: c.softplus, A: c.a}
		if got := decaysAtMostOne(p); got != c.want {
			t.Errorf("softplus %v, A %v: decaysAtMostOne = %v, want %v", c.softplus, c.a, got, c.want)
		}
	}
}
