package fft

import (
	"fmt"
	"math/bits"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
	"github.com/ssmkern/ssmkern/generic"
)

// mixedLengths are 2^a·3^b·5^c lengths, not powers of two: the shortest
// (6 … 15; the real plans of n < 32 run package generic), every radix
// alone (243 = 3^5, 625, 729, 2187, 3125, 6561, 15625), with a radix-2
// stage (odd a: 6, 10, 24, 40, 90, 250, 1000, 2000 …) or without, odd
// and even stage counts (in place, an odd count copies the input first),
// and the long 78125 = 5^7 and 118098 = 2·3^10; with -short and -race
// off 531441 = 3^12 and 1000000 = 2^6·5^6.
func mixedLengths() []int {
	ns := []int{6, 10, 12, 15, 18, 20, 24, 30, 36, 40, 45, 48, 50, 60, 75, 80, 90, 96, 100,
		120, 125, 135, 243, 250, 375, 500, 625, 729, 1000, 1080, 1500, 2000, 2187, 3000,
		3125, 6561, 15625, 78125, 118098}
	if !testing.Short() && !raceEnabled { // the race detector's 10× would make them minutes
		ns = append(ns, 531441, 1000000)
	}
	return ns
}

// mixedDFTMaxLen is the longest length checked against generic.DFT (the
// O(n²) oracle independent of any stage decomposition); longer ones are
// checked against package generic's float64 mixed-radix plan.
const mixedDFTMaxLen = 2000

// oracleTransform returns the float64 transform of x by generic.DFT or,
// beyond mixedDFTMaxLen, generic's plan.
func oracleTransform(t *testing.T, x []complex128, inverse bool) []complex128 {
	t.Helper()
	n := len(x)
	want := make([]complex128, n)
	if n <= mixedDFTMaxLen {
		generic.DFT(want, x, inverse)
		return want
	}
	p, err := generic.NewFFTPlan(n)
	mustOK(t, err)
	p.Transform(want, x, make([]complex128, p.ScratchLen()), inverse)
	return want
}

func TestMixedRadicesMultiplyToNInTheirOrder(t *testing.T) {
	for _, eights := range []bool{false, true} {
		for n := 1; n <= 20000; n++ {
			rs := mixedRadices(n, eights)
			if !smooth235(n) {
				if rs != nil {
					t.Fatalf("n=%d has a prime factor other than 2, 3, 5 but got radices %v", n, rs)
				}
				continue
			}
			prod, small, passes := 1, 0, 0
			for i, p := range rs {
				prod *= p
				if p == 2 || eights && p == 4 {
					small++
				}
				if p == 2 || p == 4 || p == 8 {
					passes++
				}
				if p == 8 && !eights {
					t.Fatalf("n=%d: radix 8 without eights: %v", n, rs)
				}
				// 5s, then 3s, then at most one 2 (or 4 before 8s), then 4s or 8s.
				if i > 0 && order(rs[i-1]) > order(p) {
					t.Fatalf("n=%d eights=%v: radices %v out of order", n, eights, rs)
				}
			}
			// Powers of two in as few passes as radix 8 (or 4) allows:
			// at most one radix 2 or 4 beside 8s (2^4: two 4s).
			a := bits.TrailingZeros(uint(n))
			want := (a + 1) / 2
			if eights && a >= 3 {
				want = (a + 2) / 3
			}
			if prod != n || passes != want || small > 1 && !(eights && a == 4) {
				t.Fatalf("n=%d eights=%v: radices %v", n, eights, rs)
			}
		}
	}
}

// order is a radix's place in mixedRadices' order.
func order(p int) int { return map[int]int{5: 0, 3: 1, 2: 2, 4: 3, 8: 4}[p] }

// TestMixedRadixPlansMatchTheOracleAtEveryLevel checks Plan32 and Plan64
// on mixedLengths at every level (the mixed-radix stages at AVX2 and
// AVX-512) against the float64 oracle: forward and inverse, out of place
// and in place, Inverse∘Forward, within the DESIGN bounds 1e-14·log2 n
// and 1e-6·log2 n (against the oracle of the float32 input). Where the
// level runs the stages, the plans must have taken them: no Bluestein,
// no generic plan built by the calls.
func TestMixedRadixPlansMatchTheOracleAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(81, 82))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		worst64, worst32 := 0.0, 0.0
		for _, n := range mixedLengths() {
			tol64, tol32 := fft64RMSPerLog2*log2n(n), fft32RMSPerLog2*log2n(n)
			check := func(what string, e, tol float64, worst *float64) {
				t.Helper()
				*worst = max(*worst, e/tol)
				if !(e <= tol) {
					t.Errorf("n=%d %s: relative RMS error %.3g > %.3g", n, what, e, tol)
				}
			}
			p64, err := NewPlan64(n)
			mustOK(t, err)
			p32, err := NewPlan32(n)
			mustOK(t, err)
			x := randComplex128(rng, n)
			x32 := toC64(x)
			for _, inverse := range []bool{false, true} {
				want, want32 := oracleTransform(t, x, inverse), oracleTransform(t, toC128(x32), inverse)
				run64, run32 := p64.Forward, p32.Forward
				if inverse {
					run64, run32 = p64.Inverse, p32.Inverse
				}
				got, got32 := make([]complex128, n), make([]complex64, n)
				mustOK(t, run64(got, x))
				mustOK(t, run32(got32, x32))
				check(fmt.Sprintf("Plan64 inverse=%v", inverse), relRMS(got, want), tol64, &worst64)
				check(fmt.Sprintf("Plan32 inverse=%v", inverse), relRMS(got32, want32), tol32, &worst32)
				in, in32 := slices.Clone(x), slices.Clone(x32)
				mustOK(t, run64(in, in))
				mustOK(t, run32(in32, in32))
				mustEqual(t, fmt.Sprintf("n=%d Plan64 inverse=%v in place", n, inverse), in, got)
				mustEqual(t, fmt.Sprintf("n=%d Plan32 inverse=%v in place", n, inverse), in32, got32)
			}
			y, y32 := make([]complex128, n), make([]complex64, n)
			mustOK(t, p64.Forward(y, x))
			mustOK(t, p64.Inverse(y, y))
			check("Plan64 Inverse∘Forward", relRMS(y, x), tol64, &worst64)
			mustOK(t, p32.Forward(y32, x32))
			mustOK(t, p32.Inverse(y32, y32))
			check("Plan32 Inverse∘Forward", relRMS(y32, toC128(x32)), tol32, &worst32)

			if mixed32At(n, l) && (p32.mixed(l) == nil || p32.gen.v.Load() != nil) {
				t.Errorf("n=%d: Plan32 did not take the mixed-radix stages at %v", n, l)
			}
			if p32.blue != nil && !slices.ContainsFunc(asm.Levels(), func(l asm.Level) bool { return hasStockham32(l) && !mixed32At(n, l) }) {
				t.Errorf("n=%d: Plan32 built a Bluestein plan that no level runs", n)
			}
			if mixed64At(n, l) && (p64.mixed(l) == nil || p64.blue != nil || p64.gen.v.Load() != nil) {
				t.Errorf("n=%d: Plan64 did not take the mixed-radix stages at %v", n, l)
			}
			if useMixed(n) && (l == asm.AVX2 || l == asm.AVX512) && !(mixed32At(n, l) && mixed64At(n, l)) {
				t.Errorf("n=%d: %v has no mixed-radix plan", n, l)
			}
		}
		t.Logf("%v: worst error %.2g of the float64 bound, %.2g of the float32 bound", l, worst64, worst32)
	})
}

// TestMixedRadixRealPlansMatchTheOracleAtEveryLevel checks RealPlan32 and
// RealPlan64 on mixedLengths (even n: the complex plan of n/2 on the
// mixed-radix stages and the pass in Go; odd n: the complex plan of n on
// the input widened to complex): forward against the oracle's first
// n/2+1 bins, inverse of a random spectrum against the oracle's inverse
// of its Hermitian extension, and that the plan took its complex plan
// where the level runs the stages for it.
func TestMixedRadixRealPlansMatchTheOracleAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(83, 84))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		for _, n := range mixedLengths() {
			tol64, tol32 := fft64RMSPerLog2*log2n(n), fft32RMSPerLog2*log2n(n)
			bins := n/2 + 1
			r64, err := NewRealPlan64(n)
			mustOK(t, err)
			r32, err := NewRealPlan32(n)
			mustOK(t, err)
			c := realHalfLen(n)
			if useRealHalfMixed(c) && (mixed64At(c, l) && !r64.half.runsAt(l) || mixed32At(c, l) && !r32.half.runsAt(l)) {
				t.Errorf("n=%d: a real plan does not run its complex plan of %d at %v", n, c, l)
			}
			x := randFloat64(rng, n)
			x32 := toF32(x)
			want, want32 := oracleTransform(t, realToComplex(x), false), oracleTransform(t, realToComplex(x32), false)
			spec, spec32 := make([]complex128, bins), make([]complex64, bins)
			mustOK(t, r64.Forward(spec, x))
			mustOK(t, r32.Forward(spec32, x32))
			if e := relRMS(spec, want[:bins]); !(e <= tol64) {
				t.Errorf("n=%d RealPlan64.Forward: relative RMS error %.3g > %.3g", n, e, tol64)
			}
			if e := relRMS(spec32, want32[:bins]); !(e <= tol32) {
				t.Errorf("n=%d RealPlan32.Forward: relative RMS error %.3g > %.3g", n, e, tol32)
			}
			s := randComplex128(rng, bins)
			s32 := toC64(s)
			wantInv, wantInv32 := oracleTransform(t, hermitian(s, n), true), oracleTransform(t, hermitian(toC128(s32), n), true)
			back, back32 := make([]float64, n), make([]float32, n)
			mustOK(t, r64.Inverse(back, s))
			mustOK(t, r32.Inverse(back32, s32))
			if e := relRMS(realToComplex(back), wantInv); !(e <= tol64) {
				t.Errorf("n=%d RealPlan64.Inverse: relative RMS error %.3g > %.3g", n, e, tol64)
			}
			if e := relRMS(realToComplex(back32), wantInv32); !(e <= tol32) {
				t.Errorf("n=%d RealPlan32.Inverse: relative RMS error %.3g > %.3g", n, e, tol32)
			}
			if r64.half.runsAt(l) && r64.gen.v.Load() != nil || r32.half.runsAt(l) && r32.gen.v.Load() != nil {
				t.Errorf("n=%d: a real plan on its complex plan built its generic plan at %v", n, l)
			}
		}
	})
}

// mixedGuardLengths have odd stage counts (60 = 5·3·4, 125, 1000 =
// 5·5·5·2·4) and even ones (1536 = 3·2·4^4, 3000, 6561, 15625).
var mixedGuardLengths = []int{18, 60, 125, 1000, 1536, 3000, 6561, 15625}

// The mixed-radix plans read and write only their slices, placed flush
// against an inaccessible page, out of place and in place, with the
// results of ordinary slices bit for bit.
func TestMixedRadixPlansStayInsideGuardedSlicesAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(85, 86))
	asmtest.ForEachLevel(t, func(t *testing.T, _ asm.Level) {
		for _, n := range mixedGuardLengths {
			x := randComplex128(rng, n)
			p64, err := NewPlan64(n)
			mustOK(t, err)
			p32, err := NewPlan32(n)
			mustOK(t, err)
			for _, inverse := range []bool{false, true} {
				run64, run32 := p64.Forward, p32.Forward
				if inverse {
					run64, run32 = p64.Inverse, p32.Inverse
				}
				want, want32 := make([]complex128, n), make([]complex64, n)
				mustOK(t, run64(want, x))
				mustOK(t, run32(want32, toC64(x)))
				what := fmt.Sprintf("n=%d inverse=%v", n, inverse)
				src, dst := asmtest.GuardedComplex128(t, x), asmtest.GuardedComplex128(t, make([]complex128, n))
				mustOK(t, run64(dst, src))
				mustEqual(t, what+" Plan64", dst, want)
				mustOK(t, run64(src, src))
				mustEqual(t, what+" Plan64 in place", src, want)
				src32, dst32 := asmtest.GuardedComplex64(t, toC64(x)), asmtest.GuardedComplex64(t, make([]complex64, n))
				mustOK(t, run32(dst32, src32))
				mustEqual(t, what+" Plan32", dst32, want32)
				mustOK(t, run32(src32, src32))
				mustEqual(t, what+" Plan32 in place", src32, want32)
			}
		}
	})
}

// The mixed-radix plans' own work buffer under concurrent callers: each
// result must equal the one computed alone whichever buffer (the plan's,
// the pool's) served it, and the plan must be left with its buffer free
// or given up to the pool for good (busy 0 or 2). Run with -race.
func TestMixedRadixOwnWorkUnderConcurrentUse(t *testing.T) {
	const goroutines = 8
	rng := rand.New(rand.NewPCG(87, 88))
	for _, n := range []int{60, 1000, 3000} {
		p64, _ := NewPlan64(n)
		p32, _ := NewPlan32(n)
		x := randComplex128(rng, n)
		x32 := toC64(x)
		want64, want32 := make([]complex128, n), make([]complex64, n)
		p64.Forward(want64, x)
		p32.Inverse(want32, x32)
		var wg sync.WaitGroup
		errs := make(chan string, 2*goroutines)
		for range goroutines {
			wg.Add(1)
			go func() {
				defer wg.Done()
				got64, got32 := make([]complex128, n), make([]complex64, n)
				for range 100 {
					p64.Forward(got64, x)
					p32.Inverse(got32, x32)
					if !equalSlices(got64, want64) {
						errs <- "Plan64.Forward"
						return
					}
					if !equalSlices(got32, want32) {
						errs <- "Plan32.Inverse"
						return
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for e := range errs {
			t.Errorf("n=%d: a concurrent %s differs from the result computed alone", n, e)
		}
		if p64.busy.Load() == 1 || p32.busy.Load() == 1 {
			t.Errorf("n=%d: own work buffer still taken after the calls returned", n)
		}
	}
}
