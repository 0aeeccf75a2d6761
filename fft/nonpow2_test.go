package fft

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
	"github.com/ssmkern/ssmkern/generic"
)

// nonPow2Lengths are lengths that are not powers of two for the four plan
// types' vector paths: smooth and not, even and odd, half lengths smooth
// (1000 → 500) and not (66 → 33, 202 → 101, 8190 → 4095, 131074 →
// 65537), primes (1009, 65537), and with -short off 100003 and 1000003
// (inner length 2^21).
func nonPow2Lengths() []int {
	ns := []int{11, 13, 33, 66, 100, 202, 1000, 1009, 1536, 2018, 3000, 4095, 8190, 10000, 65537}
	if !testing.Short() {
		ns = append(ns, 100003, 131074, 1000003)
	}
	return ns
}

// checkVectorPaths fails the test when a plan of length n does not take
// the vector path the dispatch promises at a level with the kernels (the
// mixed-radix stages where the level has them for n, else Bluestein for
// the lengths useBluestein32 and useBluestein64 pick; a real plan's
// complex plan of its half length, or of n when odd, on either), so that
// the accuracy tests below cannot pass on the generic code alone.
func checkVectorPaths(t *testing.T, l asm.Level, n int, p64 *Plan64, p32 *Plan32, r64 *RealPlan64, r32 *RealPlan32) {
	t.Helper()
	if !hasStockham32(l) {
		return
	}
	mx32, mx64 := mixed32At(n, l), mixed64At(n, l)
	if (p32.mixed(l) != nil) != mx32 || (p64.mixed(l) != nil) != mx64 {
		t.Errorf("n=%d: Plan32, Plan64 mixed-radix paths %v %v, want %v %v", n, p32.mixed(l) != nil, p64.mixed(l) != nil, mx32, mx64)
	}
	if want := useBluestein64(n); (p64.blue != nil) != want {
		t.Errorf("n=%d: Plan64 Bluestein path %v, want %v", n, p64.blue != nil, want)
	}
	if want := useBluestein32(n) && !mx32; want && p32.blue == nil {
		t.Errorf("n=%d: Plan32 has no Bluestein path", n)
	}
	if p32.blue != nil && !slices.ContainsFunc(asm.Levels(), func(l asm.Level) bool { return hasStockham32(l) && !mixed32At(n, l) }) {
		t.Errorf("n=%d: Plan32 built a Bluestein path that no level runs", n)
	}
	c := realHalfLen(n)
	if want := useRealHalfMixed(c) && mixed64At(c, l) || useBluestein64(c); r64.half.runsAt(l) != want {
		t.Errorf("n=%d: RealPlan64 half-length path %v, want %v", n, r64.half.runsAt(l), want)
	}
	if want := useRealHalfMixed(c) && mixed32At(c, l) || useBluestein32(c); r32.half.runsAt(l) != want {
		t.Errorf("n=%d: RealPlan32 half-length path %v, want %v", n, r32.half.runsAt(l), want)
	}
}

// TestNonPowerOfTwoPlansMatchTheFloat64OracleAtEveryLevel checks every
// plan type on lengths that are not powers of two (the mixed-radix stages
// or Bluestein on the vector kernels, the half-length real FFT on them) against package
// generic's float64 plans (mixed radix, or Bluestein on the generic
// power-of-two FFT): forward, inverse, in place for the complex plans, and
// Inverse∘Forward, within the DESIGN bounds 1e-14·log2 n (float64) and
// 1e-6·log2 n (float32, against the oracle of the float32 input).
func TestNonPowerOfTwoPlansMatchTheFloat64OracleAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(61, 62))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		worst64, worst32 := 0.0, 0.0
		for _, n := range nonPow2Lengths() {
			tol64, tol32 := fft64RMSPerLog2*log2n(n), fft32RMSPerLog2*log2n(n)
			check := func(what string, e, tol float64, worst *float64) {
				*worst = max(*worst, e/tol)
				if !(e <= tol) {
					t.Errorf("n=%d %s: relative RMS error %.3g > %.3g", n, what, e, tol)
				}
			}
			p64, err := NewPlan64(n)
			mustOK(t, err)
			p32, err := NewPlan32(n)
			mustOK(t, err)
			r64, err := NewRealPlan64(n)
			mustOK(t, err)
			r32, err := NewRealPlan32(n)
			mustOK(t, err)
			checkVectorPaths(t, l, n, p64, p32, r64, r32)
			oracle, err := generic.NewFFTPlan(n)
			mustOK(t, err)
			work := make([]complex128, oracle.ScratchLen())

			x := randComplex128(rng, n)
			x32 := toC64(x)
			for _, inverse := range []bool{false, true} {
				want, want32 := make([]complex128, n), toC128(x32)
				oracle.Transform(want, x, work, inverse)
				oracle.Transform(want32, want32, work, inverse)
				got := append([]complex128(nil), x...)
				got32 := make([]complex64, n)
				if inverse {
					mustOK(t, p64.Inverse(got, got))
					mustOK(t, p32.Inverse(got32, x32))
				} else {
					mustOK(t, p64.Forward(got, got))
					mustOK(t, p32.Forward(got32, x32))
				}
				check(fmt.Sprintf("Plan64 inverse=%v in place", inverse), relRMS(got, want), tol64, &worst64)
				check(fmt.Sprintf("Plan32 inverse=%v", inverse), relRMS(got32, want32), tol32, &worst32)
			}
			y := make([]complex128, n)
			mustOK(t, p64.Forward(y, x))
			mustOK(t, p64.Inverse(y, y))
			check("Plan64 Inverse∘Forward", relRMS(y, x), tol64, &worst64)
			y32 := append([]complex64(nil), x32...)
			mustOK(t, p32.Forward(y32, y32))
			mustOK(t, p32.Inverse(y32, y32))
			check("Plan32 Inverse∘Forward", relRMS(y32, toC128(x32)), tol32, &worst32)

			// Real plans: the oracle is the complex FFT of the real input.
			bins := n/2 + 1
			r := randFloat64(rng, n)
			rf32 := toF32(r)
			want, want32 := realToComplex(r), realToComplex(rf32)
			oracle.Transform(want, want, work, false)
			oracle.Transform(want32, want32, work, false)
			spec, spec32 := make([]complex128, bins), make([]complex64, bins)
			mustOK(t, r64.Forward(spec, r))
			mustOK(t, r32.Forward(spec32, rf32))
			check("RealPlan64.Forward", relRMS(spec, want[:bins]), tol64, &worst64)
			check("RealPlan32.Forward", relRMS(spec32, want32[:bins]), tol32, &worst32)
			back, back32 := make([]float64, n), make([]float32, n)
			mustOK(t, r64.Inverse(back, spec))
			mustOK(t, r32.Inverse(back32, spec32))
			check("RealPlan64 Inverse∘Forward", relRMSReal(back, r), tol64, &worst64)
			check("RealPlan32 Inverse∘Forward", relRMSReal(back32, toF64(rf32)), tol32, &worst32)

			// Inverse of a random spectrum (Im of bins 0 and n/2 ignored)
			// against the oracle's inverse of its Hermitian extension.
			s := randComplex128(rng, bins)
			s32 := toC64(s)
			wantInv, wantInv32 := hermitian(s, n), hermitian(toC128(s32), n)
			oracle.Transform(wantInv, wantInv, work, true)
			oracle.Transform(wantInv32, wantInv32, work, true)
			mustOK(t, r64.Inverse(back, s))
			mustOK(t, r32.Inverse(back32, s32))
			check("RealPlan64.Inverse", relRMS(realToComplex(back), wantInv), tol64, &worst64)
			check("RealPlan32.Inverse", relRMS(realToComplex(back32), wantInv32), tol32, &worst32)
		}
		t.Logf("%v: worst error %.2g of the float64 bound, %.2g of the float32 bound", l, worst64, worst32)
	})
}
