//go:build gc && !purego

package asm_test

import (
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
)

// Shapes crossing every tail of the four-value (complex64) and two-value
// (complex128) vectors: r mod 4 of each residue below and above 4 (the
// partial vector, the overlapping one), and at r = 1 (the last stage, run
// over j) ls mod 4 of each residue below and above 4.
var (
	mixStageRs  = []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 16, 25, 100}
	mixStageLss = []int{1, 2, 3, 4, 5, 6, 7, 8, 25}
)

// mixTwiddle is the forward twiddle ω_L^{q·j} = e^{−2πi·qj/L}.
func mixTwiddle(p, ls int) func(q, j int) complex128 {
	return func(q, j int) complex128 {
		return cmplx.Rect(1, -2*math.Pi*float64(q*j)/float64(p*ls))
	}
}

// mixStageCases calls f for every radix, direction and shape, and a
// scale s ≠ 1 besides s = 1 at ls = 1.
func mixStageCases(f func(p, ls, r int, s float64, inverse bool)) {
	for _, p := range []int{2, 3, 4, 5} {
		for _, ls := range mixStageLss {
			for _, r := range mixStageRs {
				for _, inverse := range []bool{false, true} {
					f(p, ls, r, 1, inverse)
					if ls == 1 {
						f(p, ls, r, 1/float64(p*r), inverse)
					}
				}
			}
		}
	}
}

func randComplex(rng *rand.Rand) complex128 {
	return complex(rng.NormFloat64(), rng.NormFloat64())
}

// TestFFTMixedStageNEONMatchesGoStageOnEveryTail runs every complex64
// kernel through FFTMixedStage at each mixed level, input and output
// flush against guard pages, against MixedStageGo in float64 on the same
// float32 inputs, table and scale.
func TestFFTMixedStageNEONMatchesGoStageOnEveryTail(t *testing.T) {
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		ran := 0
		rng := rand.New(rand.NewPCG(3, 5))
		mixStageCases(func(p, ls, r int, s float64, inverse bool) {
			if !asm.FFTMixedSupported(l, p, ls, r) {
				return
			}
			ran++
			n := p * ls * r
			src := make([]complex64, n)
			wide := make([]complex128, n)
			peak := 0.0
			for i := range src {
				src[i] = complex64(randComplex(rng))
				wide[i] = complex128(src[i])
				peak = max(peak, cmplx.Abs(wide[i]))
			}
			tw := make([]float32, asm.FFTMixedTwiddleLen(l, p, ls, r))
			asm.FFTMixedTwiddles(l, p, ls, r, mixTwiddle(p, ls), tw)
			tw = asmtest.GuardedFloat32(t, tw)
			s32 := float32(s)
			want := make([]complex128, n)
			asm.MixedStageGo(p, want, wide, func(i int) complex128 {
				return complex(float64(tw[2*i]), float64(tw[2*i+1]))
			}, ls, float64(s32), inverse)
			in := asmtest.GuardedComplex64(t, src)
			out := asmtest.GuardedComplex64(t, make([]complex64, n))
			asm.FFTMixedStage(l, p, out, in, tw, ls, s32, inverse)
			bound := mixStageTol32 * float64(p) * peak * float64(s32)
			for i := range out {
				if e := cmplx.Abs(complex128(out[i]) - want[i]); !(e <= bound) {
					t.Fatalf("p=%d ls=%d r=%d s=%v inverse=%v: out[%d] = %v, want %v (error %.3g > %.3g)",
						p, ls, r, s32, inverse, i, out[i], want[i], e, bound)
				}
			}
			for i := range in {
				if in[i] != src[i] {
					t.Fatalf("p=%d ls=%d r=%d: in[%d] changed", p, ls, r, i)
				}
			}
		})
		if l == asm.NEON && ran == 0 {
			t.Fatal("NEON ran no mixed stage")
		}
	})
}

// TestFFT64MixedStageNEONMatchesGoStageOnEveryTail is the complex128 twin.
func TestFFT64MixedStageNEONMatchesGoStageOnEveryTail(t *testing.T) {
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		ran := 0
		rng := rand.New(rand.NewPCG(7, 11))
		mixStageCases(func(p, ls, r int, s float64, inverse bool) {
			if !asm.FFT64MixedSupported(l, p, ls, r) {
				return
			}
			ran++
			n := p * ls * r
			src := make([]complex128, n)
			peak := 0.0
			for i := range src {
				src[i] = randComplex(rng)
				peak = max(peak, cmplx.Abs(src[i]))
			}
			tw := make([]float64, asm.FFT64MixedTwiddleLen(l, p, ls, r))
			asm.FFT64MixedTwiddles(l, p, ls, r, mixTwiddle(p, ls), tw)
			tw = asmtest.GuardedFloat64(t, tw)
			want := make([]complex128, n)
			asm.MixedStageGo(p, want, src, func(i int) complex128 {
				return complex(tw[2*i], tw[2*i+1])
			}, ls, s, inverse)
			in := asmtest.GuardedComplex128(t, src)
			out := asmtest.GuardedComplex128(t, make([]complex128, n))
			asm.FFT64MixedStage(l, p, out, in, tw, ls, s, inverse)
			bound := mixStageTol64 * float64(p) * peak * s
			for i := range out {
				if e := cmplx.Abs(out[i] - want[i]); !(e <= bound) {
					t.Fatalf("p=%d ls=%d r=%d s=%v inverse=%v: out[%d] = %v, want %v (error %.3g > %.3g)",
						p, ls, r, s, inverse, i, out[i], want[i], e, bound)
				}
			}
			for i := range in {
				if in[i] != src[i] {
					t.Fatalf("p=%d ls=%d r=%d: in[%d] changed", p, ls, r, i)
				}
			}
		})
		if l == asm.NEON && ran == 0 {
			t.Fatal("NEON ran no mixed stage")
		}
	})
}

// TestFFTMixedStageNEONAllocatesNothing: a stage call, complex64 and
// complex128, scaled and not, allocates nothing.
func TestFFTMixedStageNEONAllocatesNothing(t *testing.T) {
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		const p, ls, r = 5, 3, 7
		if !asm.FFTMixedSupported(l, p, ls, r) || !asm.FFT64MixedSupported(l, p, ls, r) {
			return
		}
		in, out := make([]complex64, p*ls*r), make([]complex64, p*ls*r)
		in64, out64 := make([]complex128, p*ls*r), make([]complex128, p*ls*r)
		tw := make([]float32, asm.FFTMixedTwiddleLen(l, p, ls, r))
		asm.FFTMixedTwiddles(l, p, ls, r, mixTwiddle(p, ls), tw)
		tw64 := make([]float64, asm.FFT64MixedTwiddleLen(l, p, ls, r))
		asm.FFT64MixedTwiddles(l, p, ls, r, mixTwiddle(p, ls), tw64)
		tw1 := make([]float32, asm.FFTMixedTwiddleLen(l, p, 1, ls*r))
		asm.FFTMixedTwiddles(l, p, 1, ls*r, mixTwiddle(p, 1), tw1)
		if a := testing.AllocsPerRun(10, func() {
			asm.FFTMixedStage(l, p, out, in, tw, ls, 1, false)
			asm.FFTMixedStage(l, p, out, in, tw1, 1, 0.5, true)
			asm.FFT64MixedStage(l, p, out64, in64, tw64, ls, 1, true)
		}); a != 0 {
			t.Errorf("%v allocations per call", a)
		}
	})
}
