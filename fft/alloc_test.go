package fft

import (
	"math/rand/v2"
	"sync"
	"testing"
)

func TestCallsAllocateNothingInSteadyState(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector makes sync.Pool drop items")
	}
	// 64 and 256 run whole-transform kernels (Plan32, Plan64; RealPlan32 of
	// n/2); 60, 75, 1000, 1536 and 15625 the mixed-radix stages (odd and even
	// stage counts; the real plans of n/2, of 75 and 15625 themselves).
	for _, n := range []int{1, 12, 64, 66, 97, 256, 1024, 60, 75, 1000, 1536, 15625} {
		p32, _ := NewPlan32(n)
		p64, _ := NewPlan64(n)
		r32, _ := NewRealPlan32(n)
		r64, _ := NewRealPlan64(n)
		c64s, c64d := make([]complex64, n), make([]complex64, n)
		c128s, c128d := make([]complex128, n), make([]complex128, n)
		f32, f64 := make([]float32, n), make([]float64, n)
		b32, b64 := make([]complex64, n/2+1), make([]complex128, n/2+1)
		calls := map[string]func() error{
			"Plan32.Forward":          func() error { return p32.Forward(c64d, c64s) },
			"Plan32.Inverse in place": func() error { return p32.Inverse(c64s, c64s) },
			"Plan64.Forward in place": func() error { return p64.Forward(c128s, c128s) },
			"Plan64.Inverse":          func() error { return p64.Inverse(c128d, c128s) },
			"RealPlan32.Forward":      func() error { return r32.Forward(b32, f32) },
			"RealPlan32.Inverse":      func() error { return r32.Inverse(f32, b32) },
			"RealPlan64.Forward":      func() error { return r64.Forward(b64, f64) },
			"RealPlan64.Inverse":      func() error { return r64.Inverse(f64, b64) },
		}
		for name, call := range calls {
			if a := testing.AllocsPerRun(20, func() { _ = call() }); a != 0 {
				t.Errorf("n=%d %s: %v allocations per call", n, name, a)
			}
		}
	}
	for _, mode := range []convMode{convAuto, convDirect, convFFT} {
		const channels, seqLen, kernelLen, batch = 3, 100, 40, 2
		c32, _ := newConvPlan("NewConv32", channels, seqLen, make([]float32, channels*kernelLen), mode)
		c64, _ := newConvPlan("NewConv64", channels, seqLen, make([]float64, channels*kernelLen), mode)
		u32, y32, d32 := make([]float32, batch*channels*seqLen), make([]float32, batch*channels*seqLen), make([]float32, channels)
		u64, d64 := make([]float64, batch*channels*seqLen), make([]float64, channels)
		pub, _ := NewConv32(channels, seqLen, make([]float32, channels*kernelLen))
		for name, call := range map[string]func() error{
			"Conv32.Apply":          func() error { return c32.apply("Conv32.Apply", y32, u32, d32) },
			"Conv32.Apply in place": func() error { return c32.apply("Conv32.Apply", u32, u32, nil) },
			"Conv64.Apply in place": func() error { return c64.apply("Conv64.Apply", u64, u64, d64) },
			"public Conv32.Apply":   func() error { return pub.Apply(y32, u32, d32) },
		} {
			if a := testing.AllocsPerRun(20, func() { _ = call() }); a != 0 {
				t.Errorf("mode %d %s: %v allocations per call", mode, name, a)
			}
		}
	}
}

// Plans are shared by goroutines that call them at once; each result must
// equal the one computed alone. Run with -race to check the plans are
// never written after creation.
func TestPlansAreSafeForConcurrentUse(t *testing.T) {
	const goroutines = 8
	rng := rand.New(rand.NewPCG(51, 52))
	for _, n := range []int{60, 97, 256} {
		p32, _ := NewPlan32(n)
		r64, _ := NewRealPlan64(n)
		conv, _ := NewConv32(2, n, toF32(randFloat64(rng, 2*n)))
		x := toC64(randComplex128(rng, n))
		r := randFloat64(rng, n)
		u := toF32(randFloat64(rng, 2*n))
		wantX := make([]complex64, n)
		p32.Forward(wantX, x)
		wantR := make([]complex128, n/2+1)
		r64.Forward(wantR, r)
		wantY := make([]float32, 2*n)
		conv.Apply(wantY, u, nil)

		var wg sync.WaitGroup
		errs := make(chan string, goroutines)
		for g := range goroutines {
			wg.Add(1)
			go func() {
				defer wg.Done()
				X := make([]complex64, n)
				R := make([]complex128, n/2+1)
				Y := make([]float32, 2*n)
				for i := range 200 {
					switch (g + i) % 3 {
					case 0:
						p32.Forward(X, x)
						if !equalSlices(X, wantX) {
							errs <- "Plan32.Forward"
							return
						}
					case 1:
						r64.Forward(R, r)
						if !equalSlices(R, wantR) {
							errs <- "RealPlan64.Forward"
							return
						}
					case 2:
						conv.Apply(Y, u, nil)
						if !equalSlices(Y, wantY) {
							errs <- "Conv32.Apply"
							return
						}
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for e := range errs {
			t.Errorf("n=%d: concurrent %s differs from the result computed alone", n, e)
		}
	}
}

func equalSlices[T comparable](a, b []T) bool {
	for i := range b {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
