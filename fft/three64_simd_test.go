//go:build gc && !purego && (amd64 || arm64)

package fft

import (
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
)

// TestThreePassPlan64sMatchRunStockham64 runs every complex128 plan of
// three passes (stockham64.three, runThree64) against runStockham64 on
// the same plan, both directions, through Plan64 (its own work buffer)
// and RealPlan64 (the half-length plan) against package generic, and
// checks that the AVX2 plans of n = 256 … 1024 and the AVX-512 ones of
// 512 and 1024 take that path.
func TestThreePassPlan64sMatchRunStockham64(t *testing.T) {
	rng := rand.New(rand.NewPCG(71, 72))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		ran := 0
		for n := stockhamMinLen; n <= 1<<13; n *= 2 {
			p, _ := NewPlan64(n)
			sp := p.stockham(l)
			if sp == nil {
				continue
			}
			want := l == asm.AVX2 && n >= 256 && n <= 1024 || l == asm.AVX512 && (n == 512 || n == 1024)
			if sp.three != want {
				t.Errorf("n=%d: three-pass plan %v, want %v", n, sp.three, want)
			}
			if !sp.three {
				continue
			}
			if (p.own != nil) != (p.direct == sp && !sp.oneY) { // FFT64N…Y have their work in their frame
				t.Errorf("n=%d: own work buffer %v with the plan made at this level", n, p.own != nil)
			}
			ran++
			x := randComplex128(rng, n)
			tol := 4 * fft64RMSPerLog2 * log2n(n)
			for _, inverse := range []bool{false, true} {
				ref := make([]complex128, n)
				runStockham64(sp, ref, x, make([]complex128, sp.workLen()), inverse, inverse)
				got := make([]complex128, n)
				runThree64(sp, got, x, make([]complex128, n), inverse)
				if !equalSlices(got, ref) {
					t.Errorf("n=%d inverse=%v: runThree64 differs from runStockham64", n, inverse)
				}
				gen := make([]complex128, n)
				transformGeneric(p, gen, x, new(scratch), inverse)
				for range 2 { // the second call reuses the plan's own buffer
					if inverse {
						p.Inverse(got, x)
					} else {
						p.Forward(got, x)
					}
					if e := relRMS(got, gen); !(e <= tol) {
						t.Errorf("n=%d inverse=%v: relative RMS error %.3g > %.3g", n, inverse, e, tol)
					}
				}
			}
			rp, _ := NewRealPlan64(2 * n)
			if rs := rp.stockham(l); rs == nil || rs.cplx != nil && !rs.cplx.three {
				t.Errorf("RealPlan64 n=%d: half-length plan not of three passes", 2*n)
			}
			xr := randFloat64(rng, 2*n)
			spec := make([]complex128, n+1)
			rp.Forward(spec, xr)
			full := make([]complex128, 2*n)
			for i, v := range xr {
				full[i] = complex(v, 0)
			}
			q, _ := NewPlan64(2 * n)
			wantSpec := make([]complex128, 2*n)
			transformGeneric(q, wantSpec, full, new(scratch), false)
			if e := relRMS(spec, wantSpec[:n+1]); !(e <= tol) {
				t.Errorf("RealPlan64 n=%d: relative RMS error %.3g > %.3g", 2*n, e, tol)
			}
			back := make([]float64, 2*n)
			rp.Inverse(back, spec)
			if e := relRMSReal(back, xr); !(e <= tol) {
				t.Errorf("RealPlan64 n=%d inverse: relative RMS error %.3g > %.3g", 2*n, e, tol)
			}
		}
		if ran == 0 && (l == asm.AVX2 || l == asm.AVX512) {
			t.Error("no three-pass plan ran")
		}
	})
}

// TestPlan64OwnWorkUnderConcurrentUse shares fresh plans of three passes
// between goroutines that transform at once: each result must equal the
// one computed alone, whichever of the plan's own work buffer and the
// pool's served the call, and the plan must be left with its buffer free
// or handed over to the pool for good (Plan64.busy 0 or 2). Run with
// -race.
func TestPlan64OwnWorkUnderConcurrentUse(t *testing.T) {
	const goroutines = 8
	rng := rand.New(rand.NewPCG(73, 74))
	for _, n := range []int{256, 512, 1024} {
		p, _ := NewPlan64(n)
		x := randComplex128(rng, n)
		wantF, wantI := make([]complex128, n), make([]complex128, n)
		p.Forward(wantF, x)
		p.Inverse(wantI, x)
		var wg sync.WaitGroup
		errs := make(chan string, goroutines)
		for g := range goroutines {
			wg.Add(1)
			go func() {
				defer wg.Done()
				got := make([]complex128, n)
				for i := range 200 {
					want := wantF
					if (g+i)%2 == 0 {
						p.Forward(got, x)
					} else {
						p.Inverse(got, x)
						want = wantI
					}
					if !equalSlices(got, want) {
						errs <- "differs from the result computed alone"
						return
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for e := range errs {
			t.Errorf("n=%d: a concurrent transform %s", n, e)
		}
		if b := p.busy.Load(); b == 1 {
			t.Errorf("n=%d: own work buffer still taken after the calls returned", n)
		}
		got := make([]complex128, n)
		p.Forward(got, x)
		if !equalSlices(got, wantF) {
			t.Errorf("n=%d: a transform after the concurrent ones differs", n)
		}
	}
}
