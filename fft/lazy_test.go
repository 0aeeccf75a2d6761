package fft

import (
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
)

// The generic plan is built by the first call that needs it; goroutines
// making that first call at once on a fresh plan must all get the result
// of a plan used alone, and -race must see no unsynchronised write.
func TestFirstGenericCallsRaceSafely(t *testing.T) {
	const goroutines = 8
	rng := rand.New(rand.NewPCG(71, 72))
	for _, n := range []int{60, 97, 1024} {
		x := randComplex128(rng, n)
		r := randFloat64(rng, n)
		alone64, _ := NewPlan64(n)
		alone32, _ := NewPlan32(n)
		aloneR, _ := NewRealPlan64(n)
		want64 := make([]complex128, n)
		transformGeneric(alone64, want64, x, new(scratch), false)
		want32 := make([]complex64, n)
		transform32Generic(alone32, want32, toC64(x), new(scratch), false)
		wantR := make([]complex128, n/2+1)
		realForwardGeneric(aloneR, wantR, r, new(scratch))

		p64, _ := NewPlan64(n)
		p32, _ := NewPlan32(n)
		pr, _ := NewRealPlan64(n)
		var wg sync.WaitGroup
		start := make(chan struct{})
		bad := make(chan string, 3*goroutines)
		for range goroutines {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				got64 := make([]complex128, n)
				transformGeneric(p64, got64, x, new(scratch), false)
				got32 := make([]complex64, n)
				transform32Generic(p32, got32, toC64(x), new(scratch), false)
				gotR := make([]complex128, n/2+1)
				realForwardGeneric(pr, gotR, r, new(scratch))
				if !equalSlices(got64, want64) {
					bad <- "Plan64"
				}
				if !equalSlices(got32, want32) {
					bad <- "Plan32"
				}
				if !equalSlices(gotR, wantR) {
					bad <- "RealPlan64"
				}
			}()
		}
		close(start)
		wg.Wait()
		close(bad)
		for b := range bad {
			t.Errorf("n=%d: a first generic call on a shared fresh %s differs from the plan used alone", n, b)
		}
	}
}

// At a level with vector kernels a power-of-two plan never builds the
// generic plan: creating it costs the current level's tables alone.
func TestVectorPlansDoNotBuildTheGenericPlan(t *testing.T) {
	l := asm.Current()
	if !hasStockham32(l) {
		t.Skipf("level %v has no vector FFT kernels", l)
	}
	const n = 1 << 16
	p64, _ := NewPlan64(n)
	p32, _ := NewPlan32(n)
	r64, _ := NewRealPlan64(n)
	r32, _ := NewRealPlan32(n)
	x := make([]complex128, n)
	mustOK(t, p64.Forward(x, x))
	x32 := make([]complex64, n)
	mustOK(t, p32.Forward(x32, x32))
	mustOK(t, r64.Forward(make([]complex128, n/2+1), make([]float64, n)))
	mustOK(t, r32.Forward(make([]complex64, n/2+1), make([]float32, n)))
	if p64.gen.v.Load() != nil || p32.gen.v.Load() != nil || r64.gen.v.Load() != nil || r32.gen.v.Load() != nil {
		t.Errorf("%v: a plan of 2^16 built its generic plan", l)
	}
}
