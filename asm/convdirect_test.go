//go:build gc && !purego && (amd64 || arm64)

package asm_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
)

// convDirectTol bounds the float32 sums against float64 ones, relative to
// Σ|r[j]·p[i+j]|: K products and sums rounded in float32 (K ≤ 70 here)
// stay within about K·2⁻²⁴.
const convDirectTol = 70 * 0x1p-24

// TestConvDirectMatchesFloat64 runs asm.ConvDirect at every level with
// assembly over output counts around the 8-vector blocks and single
// vectors (every tail the caller leaves: n mod 4), taps 1 … 70, inputs
// flush against guard pages.
func TestConvDirectMatchesFloat64(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 20))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if l == asm.Generic {
			t.Skip("no assembly at this level")
		}
		for _, taps := range []int{1, 2, 7, 16, 33, 70} {
			for _, n := range []int{0, 1, 3, 4, 5, 15, 31, 32, 33, 35, 36, 63, 64, 65, 100, 129} {
				r := make([]float32, taps)
				p := make([]float32, n+taps-1)
				for i := range r {
					r[i] = float32(rng.NormFloat64())
				}
				for i := range p {
					p[i] = float32(rng.NormFloat64())
				}
				y := asmtest.GuardedFloat32(t, make([]float32, n))
				done := asm.ConvDirect(l, y, asmtest.GuardedFloat32(t, p), asmtest.GuardedFloat32(t, r))
				if want := n / asm.Lanes(l) * asm.Lanes(l); done != want {
					t.Fatalf("taps %d n %d: wrote %d, want %d", taps, n, done, want)
				}
				for i := range done {
					var s, m float64
					for j := range taps {
						s += float64(r[j]) * float64(p[i+j])
						m += math.Abs(float64(r[j]) * float64(p[i+j]))
					}
					if math.Abs(float64(y[i])-s) > convDirectTol*m {
						t.Fatalf("taps %d n %d: y[%d] = %g, want %g", taps, n, i, y[i], s)
					}
				}
			}
		}
	})
}

// TestConvDirectPropagatesNaNAndInf: a NaN or Inf input reaches exactly
// the outputs whose sums take it, as in the float64 sum.
func TestConvDirectPropagatesNaNAndInf(t *testing.T) {
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if l == asm.Generic {
			t.Skip("no assembly at this level")
		}
		const n, taps = 40, 5
		for _, bad := range []float32{float32(math.NaN()), float32(math.Inf(1))} {
			for _, at := range []int{0, 17, n + taps - 2} {
				r := []float32{1, 0.5, 0.25, 2, 1}
				p := make([]float32, n+taps-1)
				for i := range p {
					p[i] = 1
				}
				p[at] = bad
				y := asmtest.GuardedFloat32(t, make([]float32, n))
				done := asm.ConvDirect(l, y, asmtest.GuardedFloat32(t, p), asmtest.GuardedFloat32(t, r))
				for i := range done {
					var s float64
					for j := range taps {
						s += float64(r[j]) * float64(p[i+j])
					}
					if got := float64(y[i]); !(got == s || math.IsNaN(got) && math.IsNaN(s)) {
						t.Errorf("%v at %d: y[%d] = %v, want %v", bad, at, i, got, s)
					}
				}
			}
		}
	})
}
