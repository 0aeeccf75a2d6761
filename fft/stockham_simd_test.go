//go:build gc && !purego && (amd64 || arm64)

package fft

import (
	"math/bits"
	"math/rand/v2"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
)

// TestVectorLevelsRunTheStockhamKernels fails when a plan that should run
// the SIMD kernels at a vector level would silently fall back to package
// generic (the accuracy tests would still pass on the fallback).
func TestVectorLevelsShareTheFourStepTwiddles(t *testing.T) {
	p, _ := NewPlan32(1 << 20)
	var first []complex64
	for _, l := range asm.Levels() {
		fs := p.fourStep(l) // built now for the levels other than the current one
		if fs == nil {
			continue
		}
		if first == nil {
			first = fs.tw
		} else if &fs.tw[0] != &first[0] {
			t.Error("two levels hold separate four-step twiddle matrices")
		}
	}
}

func TestVectorLevelsRunTheStockhamKernels(t *testing.T) {
	for _, l := range asm.Levels() {
		if !hasStockham32(l) {
			continue
		}
		for n := stockhamMinLen; n <= 1<<20; n *= 2 {
			p32, _ := NewPlan32(n)
			if p32.stockham(l) == nil && p32.fourStep(l) == nil {
				t.Errorf("%v: Plan32 n=%d has no SIMD plan", l, n)
			}
			if (p32.fourStep(l) != nil) != (n >= fourStepMinLen(l)) {
				t.Errorf("%v: Plan32 n=%d: four-step %v, want it from n = %d", l, n, p32.fourStep(l) != nil, fourStepMinLen(l))
			}
			if sp := p32.stockham(l); sp != nil && asm.FFTTail16Supported(l, n) && sp.stages[len(sp.stages)-1].r != 0 {
				t.Errorf("%v: Plan32 n=%d does not fuse its last two stages", l, n)
			}
			if sp := p32.stockham(l); sp != nil && asm.FFTRadix16Supported(l, 1, 8) && n <= radix16MaxLen {
				for i := 1; i < len(sp.stages); i++ {
					if a, b := sp.stages[i-1], sp.stages[i]; a.r != 0 && !sp.radix16(i-1) && b.r != 0 && !sp.radix16(i) && asm.FFTRadix16Supported(l, a.ls, a.r/4) {
						t.Errorf("%v: Plan32 n=%d runs radix-4 stages ls = %d and %d apart, not fused", l, n, a.ls, b.ls)
					}
				}
			}
			if sp := p32.stockham(l); sp != nil && asm.FFTRadix16Supported(l, 1, 8) && asm.FFTTail16Supported(l, n) && (n > radix16MaxLen) != sp.seg {
				t.Errorf("%v: Plan32 n=%d: segmented %v, want it beyond n = %d", l, n, sp.seg, radix16MaxLen)
			}
			oddLog := n&0xaaaaaaaa != 0
			if sp := p32.stockham(l); sp != nil && oddLog && n <= radix8MaxLen && (n/8)%asm.FFTValues(l) == 0 && !sp.radix8 {
				t.Errorf("%v: Plan32 n=%d does not start with radix 8", l, n)
			}
			// The whole-transform tests at every level run FFTRadix8
			// only if these plans hold its stages.
			if lg := bits.TrailingZeros(uint(n)); asm.FFTRadix8Supported(l, 8, 8) {
				r32, _ := NewRealPlan32(2 * n)
				for what, c := range map[string]struct {
					sp    *stockham32
					plans map[int][]int
				}{"Plan32": {p32.stockham(l), radix8Plans}, "RealPlan32's half": {r32.stockham(l).cplx, radix8RealPlans}} {
					sp, plan := c.sp, c.plans[lg]
					if sp == nil {
						if plan != nil {
							t.Errorf("%v: %s n=%d has no Stockham plan", l, what, n)
						}
						continue
					}
					r8 := 0
					for i := range sp.stages {
						if sp.radix8Stage(i) {
							r8++
						}
					}
					if (r8 > 0) != (plan != nil) {
						t.Errorf("%v: %s n=%d runs %d radix-8 stages (plan %v)", l, what, n, r8, plan)
					}
					// The segmented AVX2 plan (runSeg8_32) where radix-8
					// stages would otherwise write eight rows 4 KB apart.
					if want := plan != nil && n >= 4096 && asm.FFTSeg8Supported(l); what == "Plan32" && sp.seg8 != want {
						t.Errorf("%v: Plan32 n=%d: segmented radix-8 passes %v, want %v", l, n, sp.seg8, want)
					}
				}
			}
			p64, _ := NewPlan64(n)
			if p64.stockham(l) == nil && p64.fourStep(l) == nil {
				t.Errorf("%v: Plan64 n=%d has no SIMD plan", l, n)
			}
			if (p64.fourStep(l) != nil) != (n >= fourStepMinLen(l)) {
				t.Errorf("%v: Plan64 n=%d: four-step %v, want it from n = %d", l, n, p64.fourStep(l) != nil, fourStepMinLen(l))
			}
			if sp := p64.stockham(l); sp != nil && asm.FFT64Radix16Supported(l, 16, 16) && asm.FFT64Tail16Supported(l, n) {
				k := len(sp.stages)
				if seg := n >= segMinLen64; (sp.pad > 0) != seg || (seg && !sp.stages[k-2].r16) {
					t.Errorf("%v: Plan64 n=%d: pad %d, radix-16 pass before the tail %v, want segmented from n = %d", l, n, sp.pad, sp.stages[k-2].r16, segMinLen64)
				}
				if odd := bits.TrailingZeros(uint(n))%2 == 1; l == asm.AVX512 && odd && n >= segMinLen64 && n <= radix8MaxLenAVX512 && !sp.firstApart() {
					t.Errorf("%v: Plan64 n=%d does not start with radix 8 apart from src", l, n)
				}
				if first := sp.stages[0]; l == asm.AVX512 && n == 1024 && !(first.r16 && first.ls == 1) {
					t.Errorf("%v: Plan64 n=%d does not start with the radix-16 first pass", l, n)
				}
			}
			if sp := p64.stockham(l); sp != nil && asm.FFT64Radix8Supported(l, 4, 32) {
				r8 := 0
				for _, st := range sp.stages {
					if st.r8 {
						r8++
					}
				}
				front := n >= radix8FrontMinLen64 && n <= radix8FrontMaxLen64
				// Radix 8 first, then 8, 4 (256); 8, 8 (512); 8, tail (1024);
				// 8, 8, 4 (2048); 8, 4, 4, 4 (4096); 8, 8, 4, 4 (8192); 8, 8,
				// 8, 4 (16384); 8, 8, 4, 4, 4 (32768); 8, 8, 8, 4, 4 (65536).
				want := map[int]int{256: 1, 512: 2, 1024: 1, 2048: 2, 4096: 1, 8192: 2, 16384: 3, 32768: 2, 65536: 3}[n]
				if r8 != want {
					t.Errorf("%v: Plan64 n=%d runs %d radix-8 stages, want %d", l, n, r8, want)
				}
				if front && !sp.radix8 {
					t.Errorf("%v: Plan64 n=%d does not start with radix 8", l, n)
				}
				if last := sp.stages[len(sp.stages)-1]; (last.r8 && last.r == 1) != (n == 512) {
					t.Errorf("%v: Plan64 n=%d: radix-8 last stage %v, want it at n = 512 only", l, n, last.r8)
				}
				if last := sp.stages[len(sp.stages)-1]; (last.r == 0) != (n >= 64 && n < radix8FrontMinLen64 || n == 1024) {
					t.Errorf("%v: Plan64 n=%d: fused tail %v, want it from n = 64 to %d and at 1024 only", l, n, last.r == 0, radix8FrontMinLen64/2)
				}
				if seg := front && n >= radix8SegMinLen64; (sp.pad8 > 0) != seg {
					t.Errorf("%v: Plan64 n=%d: radix-8 padding %d, want it from n = %d to %d", l, n, sp.pad8, radix8SegMinLen64, radix8FrontMaxLen64)
				}
			}
			if r64, _ := NewRealPlan64(2 * n); r64.stockham(l) == nil {
				t.Errorf("%v: RealPlan64 n=%d has no SIMD plan", l, 2*n)
			}
			r32, _ := NewRealPlan32(2 * n)
			if rp := r32.stockham(l); rp == nil {
				t.Errorf("%v: RealPlan32 n=%d has no SIMD plan", l, 2*n)
			} else if (rp.fs != nil) != (n >= fourStepMinLen(l)) {
				t.Errorf("%v: RealPlan32 n=%d: four-step %v, want it from n/2 = %d", l, 2*n, rp.fs != nil, fourStepMinLen(l))
			}
		}
		for _, n := range []int{16, 60, 97, 1000} {
			p32, _ := NewPlan32(n)
			if p32.stockham(l) != nil || p32.fourStep(l) != nil {
				t.Errorf("%v: Plan32 n=%d has a SIMD plan", l, n)
			}
		}
	}
}

// TestShortPlansRunOneKernelCall fails when a short power-of-two plan that
// has a whole-transform kernel at a level would run the Stockham stages
// instead (the accuracy tests pass either way).
func TestShortPlansRunOneKernelCall(t *testing.T) {
	for _, l := range asm.Levels() {
		if !hasStockham32(l) {
			continue
		}
		ran := 0
		for n := stockhamMinLen; n <= 1<<12; n *= 2 {
			p32, _ := NewPlan32(n)
			if got, want := p32.stockham(l).small != nil, asm.FFTSmallSupported(l, n); got != want {
				t.Errorf("%v: Plan32 n=%d: whole-transform kernel %v, want %v", l, n, got, want)
			}
			p64, _ := NewPlan64(n)
			if got, want := p64.stockham(l).small != nil, asm.NewFFT64SmallKernel(l, n) != nil; got != want {
				t.Errorf("%v: Plan64 n=%d: whole-transform kernel %v, want %v", l, n, got, want)
			}
			// A real plan of 2n runs the complex kernel of n (its short
			// path needs rp.cplx.small) up to smallHalfMaxLen.
			r32, _ := NewRealPlan32(2 * n)
			wantHalf := asm.FFTSmallSupported(l, n) && n <= smallHalfMaxLen
			if rp := r32.stockham(l); rp.cplx != nil && (rp.cplx.small != nil) != wantHalf {
				t.Errorf("%v: RealPlan32 n=%d: whole-transform kernel %v, want %v", l, 2*n, rp.cplx.small != nil, wantHalf)
			}
			r64, _ := NewRealPlan64(2 * n)
			if rp := r64.stockham(l); rp.cplx != nil && (rp.cplx.small != nil) != (asm.NewFFT64SmallKernel(l, n) != nil) {
				t.Errorf("%v: RealPlan64 n=%d: whole-transform kernel %v, want %v", l, 2*n, rp.cplx.small != nil, asm.NewFFT64SmallKernel(l, n) != nil)
			}
			if asm.FFTSmallSupported(l, n) {
				ran++
			}
		}
		if ran == 0 && l != asm.NEON { // NEON has no whole-transform kernels
			t.Errorf("%v: no length runs a whole-transform kernel", l)
		}
	}
}

// TestSegmentedPlan64sMatchTheGenericTransform runs the complex128 plans
// with a segmented work buffer (and their neighbours: from n = 512, the
// radix-8 plans of radix8Front64, and up to radix8MaxLenAVX512 those of
// runFirstApart64) in place and not, both directions, against package
// generic's transform.
func TestSegmentedPlan64sMatchTheGenericTransform(t *testing.T) {
	rng := rand.New(rand.NewPCG(61, 62))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		for n := min(segMinLen64/2, radix8FrontMinLen64); n <= max(1<<16, radix8MaxLenAVX512); n *= 2 {
			p, _ := NewPlan64(n)
			x := randComplex128(rng, n)
			tol := 4 * fft64RMSPerLog2 * log2n(n)
			for _, inverse := range []bool{false, true} {
				want := make([]complex128, n)
				transformGeneric(p, want, x, new(scratch), inverse)
				got := make([]complex128, n)
				inPlace := append([]complex128(nil), x...)
				if inverse {
					p.Inverse(got, x)
					p.Inverse(inPlace, inPlace)
				} else {
					p.Forward(got, x)
					p.Forward(inPlace, inPlace)
				}
				if e := relRMS(got, want); !(e <= tol) {
					t.Errorf("n=%d inverse=%v: relative RMS error %.3g > %.3g", n, inverse, e, tol)
				}
				if e := relRMS(inPlace, want); !(e <= tol) {
					t.Errorf("n=%d inverse=%v in place: relative RMS error %.3g > %.3g", n, inverse, e, tol)
				}
			}
		}
	})
}

// TestRadix16FirstPlan32sMatchPlan64 runs the complex64 plans that
// stockham32.radix16FirstStages reorders (runR16Tail32) and their
// neighbours in place and not, both directions, against Plan64, and
// checks that n = 1024 at AVX-512 takes that path.
func TestRadix16FirstPlan32sMatchPlan64(t *testing.T) {
	rng := rand.New(rand.NewPCG(63, 64))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		for n := 256; n <= 4096; n *= 2 {
			p32, _ := NewPlan32(n)
			p64, _ := NewPlan64(n)
			if sp := p32.stockham(l); l == asm.AVX512 && n == 1024 && (sp == nil || !sp.r16Tail) {
				t.Errorf("%v: Plan32 n=%d does not run radix 16, radix 4, tail", l, n)
			}
			x := randComplex128(rng, n)
			x32 := toC64(x)
			tol := fft32RMSPerLog2 * log2n(n)
			for _, inverse := range []bool{false, true} {
				want := make([]complex128, n)
				got := make([]complex64, n)
				inPlace := append([]complex64(nil), x32...)
				if inverse {
					p64.Inverse(want, toC128(x32))
					p32.Inverse(got, x32)
					p32.Inverse(inPlace, inPlace)
				} else {
					p64.Forward(want, toC128(x32))
					p32.Forward(got, x32)
					p32.Forward(inPlace, inPlace)
				}
				if e := relRMS(got, want); !(e <= tol) {
					t.Errorf("n=%d inverse=%v: relative RMS error %.3g > %.3g", n, inverse, e, tol)
				}
				if e := relRMS(inPlace, want); !(e <= tol) {
					t.Errorf("n=%d inverse=%v in place: relative RMS error %.3g > %.3g", n, inverse, e, tol)
				}
			}
		}
	})
}

// TestPowerOfTwoPlan32MatchesPlan64AtEveryLevel checks the plans of n =
// 512 … 16384 (whole-transform kernel, the straight radix-8 runs of n =
// 1024 and 2048, the segmented passes of 4096, the radix-4 plans) against
// Plan64 of the same float32 input, both directions, out of place and in
// place (which must agree bit for bit).
func TestPowerOfTwoPlan32MatchesPlan64AtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(61, 62))
	asmtest.ForEachLevel(t, func(t *testing.T, _ asm.Level) {
		for n := 512; n <= 1<<14; n *= 2 {
			x32 := toC64(randComplex128(rng, n))
			p32, _ := NewPlan32(n)
			p64, _ := NewPlan64(n)
			for _, inverse := range []bool{false, true} {
				want := make([]complex128, n)
				got := make([]complex64, n)
				inPlace := append([]complex64(nil), x32...)
				if inverse {
					p64.Inverse(want, toC128(x32))
					mustOK(t, p32.Inverse(got, x32))
					mustOK(t, p32.Inverse(inPlace, inPlace))
				} else {
					p64.Forward(want, toC128(x32))
					mustOK(t, p32.Forward(got, x32))
					mustOK(t, p32.Forward(inPlace, inPlace))
				}
				if e, tol := relRMS(got, want), fft32RMSPerLog2*log2n(n); !(e <= tol) {
					t.Errorf("Plan32 n=%d inverse=%v: relative RMS error %.3g > %.3g", n, inverse, e, tol)
				}
				mustEqual(t, "Plan32 in place", inPlace, got)
			}
		}
	})
}
