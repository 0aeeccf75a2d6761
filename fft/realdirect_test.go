package fft

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
)

// realDirectLengths are real lengths whose complex plan runs the
// mixed-radix stages: even n with odd and even stage counts of n/2 (60:
// 30 = 5·3·2; 120: 60 = 5·3·4; 1000: 500 = 5·5·5·4; 3000) and odd n (45,
// 75, 375), which widen the input into the plan's buffer.
var realDirectLengths = []int{45, 60, 75, 120, 250, 375, 480, 1000, 3000}

// TestRealPlansDirectMatchesPooledAtEveryLevel runs the real plans'
// direct path (realHalf32.forwardDirect, inverseDirect: the level's
// mixed-radix plan with the plan's own buffers) and, with own given up
// for good (busy 2), the pooled path (realForward32, transform32 …), and
// requires the same bits, forward and inverse; and that the direct path
// is taken where the level runs the stages.
func TestRealPlansDirectMatchesPooledAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(91, 92))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		for _, n := range realDirectLengths {
			what := fmt.Sprintf("n=%d", n)
			r32, err := NewRealPlan32(n)
			mustOK(t, err)
			r64, err := NewRealPlan64(n)
			mustOK(t, err)
			if mixed32At(realHalfLen(n), l) != (r32.half != nil && r32.half.mixed != nil) ||
				mixed64At(realHalfLen(n), l) != (r64.half != nil && r64.half.mixed != nil) {
				t.Errorf("%s: direct path %v/%v where the level's stages run: %v", what,
					r32.half != nil && r32.half.mixed != nil, r64.half != nil && r64.half.mixed != nil, mixed32At(realHalfLen(n), l))
			}
			x := randFloat64(rng, n)
			x32 := toF32(x)
			s := randComplex128(rng, n/2+1)
			s32 := toC64(s)
			bins := n/2 + 1
			spec64, spec32 := make([]complex128, bins), make([]complex64, bins)
			back64, back32 := make([]float64, n), make([]float32, n)
			mustOK(t, r64.Forward(spec64, x))
			mustOK(t, r32.Forward(spec32, x32))
			mustOK(t, r64.Inverse(back64, s))
			mustOK(t, r32.Inverse(back32, s32))
			if r32.half == nil || r64.half == nil {
				continue
			}
			r32.half.busy.Store(2)
			r64.half.busy.Store(2)
			p64, p32 := make([]complex128, bins), make([]complex64, bins)
			pb64, pb32 := make([]float64, n), make([]float32, n)
			mustOK(t, r64.Forward(p64, x))
			mustOK(t, r32.Forward(p32, x32))
			mustOK(t, r64.Inverse(pb64, s))
			mustOK(t, r32.Inverse(pb32, s32))
			mustEqual(t, what+" RealPlan64.Forward", spec64, p64)
			mustEqual(t, what+" RealPlan32.Forward", spec32, p32)
			mustEqual(t, what+" RealPlan64.Inverse", back64, pb64)
			mustEqual(t, what+" RealPlan32.Inverse", back32, pb32)
		}
	})
}

// The real plans' own buffers under concurrent callers, as
// TestMixedRadixOwnWorkUnderConcurrentUse for the complex plans. Run
// with -race.
func TestRealPlansOwnBufferUnderConcurrentUse(t *testing.T) {
	const goroutines = 8
	rng := rand.New(rand.NewPCG(93, 94))
	for _, n := range []int{60, 75, 1000} {
		r64, _ := NewRealPlan64(n)
		r32, _ := NewRealPlan32(n)
		x := randFloat64(rng, n)
		s32 := toC64(randComplex128(rng, n/2+1))
		want64, want32 := make([]complex128, n/2+1), make([]float32, n)
		mustOK(t, r64.Forward(want64, x))
		mustOK(t, r32.Inverse(want32, s32))
		var wg sync.WaitGroup
		errs := make(chan string, 2*goroutines)
		for range goroutines {
			wg.Add(1)
			go func() {
				defer wg.Done()
				got64, got32 := make([]complex128, n/2+1), make([]float32, n)
				for range 100 {
					r64.Forward(got64, x)
					r32.Inverse(got32, s32)
					if !equalSlices(got64, want64) {
						errs <- "RealPlan64.Forward"
						return
					}
					if !equalSlices(got32, want32) {
						errs <- "RealPlan32.Inverse"
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
		for _, h := range []interface{ taken() bool }{r64.half, r32.half} {
			if h != nil && h.taken() {
				t.Errorf("n=%d: own buffer still taken after the calls returned", n)
			}
		}
	}
}

func (r *realHalf32) taken() bool { return r != nil && r.busy.Load() == 1 }
func (r *realHalf64) taken() bool { return r != nil && r.busy.Load() == 1 }
