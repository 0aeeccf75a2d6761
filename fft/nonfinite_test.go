package fft

import (
	"math"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
	"github.com/ssmkern/ssmkern/generic"
)

// NaN and Inf inputs (DESIGN: they propagate as the reference propagates
// them). A NaN input makes every output NaN at every level, as in the
// float64 reference (package generic's plan, called directly). An Inf input makes the same outputs non-finite as
// in the reference; the vector kernels may give NaN where the reference
// gives Inf, because they multiply by twiddles with an exact zero part
// (Inf·0) where package generic skips the product (j = 0).
func TestNonFiniteInputsPropagateAtEveryLevel(t *testing.T) {
	nonFinite := func(v complex128) bool {
		return math.IsNaN(real(v)) || math.IsNaN(imag(v)) || math.IsInf(real(v), 0) || math.IsInf(imag(v), 0)
	}
	isNaN := func(v complex128) bool { return math.IsNaN(real(v)) || math.IsNaN(imag(v)) }
	asmtest.ForEachLevel(t, func(t *testing.T, _ asm.Level) {
		for _, n := range []int{32, 64, 128, 1024, 2048} {
			for _, bad := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
				for _, at := range []int{0, 3, n/2 + 1, n - 1} {
					x := make([]complex128, n)
					for i := range x {
						x[i] = complex(float64(i%5)-2, float64(i%3))
					}
					x[at] = complex(bad, 0)
					ref, _ := generic.NewFFTPlan(n)
					scratch := make([]complex128, ref.ScratchLen())
					p64, _ := NewPlan64(n)
					p32, _ := NewPlan32(n)
					r32, _ := NewRealPlan32(n)
					for _, inverse := range []bool{false, true} {
						want := make([]complex128, n)
						ref.Transform(want, x, scratch, inverse)
						got32 := make([]complex64, n)
						got64 := make([]complex128, n)
						if inverse {
							p64.Inverse(got64, x)
							p32.Inverse(got32, toC64(x))
						} else {
							p64.Forward(got64, x)
							p32.Forward(got32, toC64(x))
						}
						for k := range want {
							for _, g := range []complex128{complex128(got32[k]), got64[k]} {
								if nonFinite(g) != nonFinite(want[k]) || (math.IsNaN(bad) && !isNaN(g)) {
									t.Fatalf("n=%d x[%d]=%v inverse=%v: out[%d] = %v, reference %v", n, at, bad, inverse, k, g, want[k])
								}
							}
						}
					}
					xr := make([]float32, n)
					for i := range xr {
						xr[i] = float32(real(x[i]))
					}
					gotR := make([]complex64, n/2+1)
					r32.Forward(gotR, xr)
					wantR := make([]complex128, n)
					ref.Transform(wantR, toC128(realToComplexF32(xr)), scratch, false)
					for k := range gotR {
						g := complex128(gotR[k])
						if nonFinite(g) != nonFinite(wantR[k]) || (math.IsNaN(bad) && !isNaN(g)) {
							t.Fatalf("RealPlan32 n=%d x[%d]=%v: bin %d = %v, reference %v", n, at, bad, k, g, wantR[k])
						}
					}
				}
			}
		}
	})
}

func realToComplexF32(x []float32) []complex64 {
	c := make([]complex64, len(x))
	for i, v := range x {
		c[i] = complex(v, 0)
	}
	return c
}
