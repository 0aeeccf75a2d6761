//go:build gc && !purego && (amd64 || arm64)

package asm_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
)

// expSincosTol bounds ExpSincos against the math package: e and m
// relative (Taylor series truncated below 2⁻⁵³ of their sums, a dozen
// fused Horner steps and the 2^k scaling), s and c absolute (|r| ≤ π/4
// after a three-part reduction): measured at most 2.4e−16, about 1 ulp.
const expSincosTol = 4 * 0x1p-53

// TestExpSincosMatchesMath covers decays from the clamps to e^709 (and
// past both), arguments near 0 where exp(x) − 1 cancels, phases up to
// ExpSincosMaxY and near multiples of π/2, with lengths that leave every
// tail of a vector, every slice flush against a guard page.
func TestExpSincosMatchesMath(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 32))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if asm.ExpSincos(l, make([]float64, 4), make([]float64, 4), make([]float64, 4), make([]float64, 4), make([]float64, 4), make([]float64, 4)) == 0 {
			t.Skip("no ExpSincos kernel at this level")
		}
		worst := [4]float64{}
		for _, n := range []int{1, 3, 4, 5, 7, 8, 9, 4096} {
			x, y := make([]float64, n), make([]float64, n)
			for i := range n {
				switch i % 5 {
				case 0:
					x[i], y[i] = -708+1417*rng.Float64(), asm.ExpSincosMaxY*(2*rng.Float64()-1)
				case 1:
					x[i], y[i] = 1e-6*(2*rng.Float64()-1), 1e-6*(2*rng.Float64()-1)
				case 2:
					x[i], y[i] = -2+3*rng.Float64(), float64(rng.IntN(2000)-1000)*math.Pi/2+1e-9*rng.NormFloat64()
				case 3:
					x[i], y[i] = []float64{-800, -708.5, 709.5, 1000, 0, -0.3466, 0.3466}[rng.IntN(7)], 10*rng.NormFloat64()
				default:
					x[i], y[i] = -60+65*rng.Float64(), 400*(rng.Float64()-0.5)
				}
			}
			e := asmtest.GuardedFloat64(t, make([]float64, n))
			m := asmtest.GuardedFloat64(t, make([]float64, n))
			s := asmtest.GuardedFloat64(t, make([]float64, n))
			c := asmtest.GuardedFloat64(t, make([]float64, n))
			done := asm.ExpSincos(l, e, m, s, c, asmtest.GuardedFloat64(t, x), asmtest.GuardedFloat64(t, y))
			if done != n/4*4 {
				t.Fatalf("n %d: did %d, want %d", n, done, n/4*4)
			}
			for i := range done {
				var we, wm float64
				switch {
				case x[i] < -708:
					we, wm = 0, -1
				case x[i] > 709:
					we, wm = math.Inf(1), math.Inf(1)
				default:
					we, wm = math.Exp(x[i]), math.Expm1(x[i])
				}
				ws, wc := math.Sincos(y[i])
				errs := [4]float64{relErr(e[i], we), relErr(m[i], wm), math.Abs(s[i] - ws), math.Abs(c[i] - wc)}
				for j, d := range errs {
					worst[j] = max(worst[j], d)
					if !(d <= expSincosTol) {
						t.Fatalf("x %v y %v: exp %v expm1 %v sin %v cos %v, want %v %v %v %v",
							x[i], y[i], e[i], m[i], s[i], c[i], we, wm, ws, wc)
					}
				}
			}
		}
		t.Logf("worst: exp %.2g, expm1 %.2g (relative), sin %.2g, cos %.2g", worst[0], worst[1], worst[2], worst[3])
	})
}

// relErr is |got − want|/|want|, 0 when both are the same infinity or 0.
func relErr(got, want float64) float64 {
	if got == want {
		return 0
	}
	return math.Abs(got-want) / math.Abs(want)
}
