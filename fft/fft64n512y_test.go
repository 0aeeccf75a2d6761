//go:build gc && !purego && (amd64 || arm64)

package fft

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
)

// TestPlan64N512AgainstGeneric checks Plan64 n = 256, 512 and 1024 (out
// of place and in place) and RealPlan64 n = 512, 1024 and 2048 (Forward
// and Inverse) against package generic at every level, and that where the
// level has asm.FFT64N256Y, N512Y and N1024Y (AVX2) they take them: a change of the plan's stages or tables would
// otherwise drop them back to the three separate kernels silently. The
// kernel against those three bit for bit is asm's
// TestFFT64N512YMatchesItsThreePasses.
func TestPlan64N512AgainstGeneric(t *testing.T) {
	for _, n := range []int{256, 512, 1024} {
		t.Run(fmt.Sprint(n), func(t *testing.T) { testPlan64NY(t, n) })
	}
}

// testPlan64NY is TestPlan64N512AgainstGeneric for n = 256, 512 or 1024
// (RealPlan64 2n).
func testPlan64NY(t *testing.T, n int) {
	rng := rand.New(rand.NewPCG(5, uint64(n)))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		p, _ := NewPlan64(n)
		rp, _ := NewRealPlan64(2 * n)
		if asm.FFT64N512YSupported(l) {
			if sp := p.stockham(l); sp == nil || !sp.oneY {
				t.Errorf("%v: Plan64 n = %d does not run its asm.FFT64N…Y", l, n)
			}
			if rs := rp.stockham(l); rs == nil || rs.cplx == nil || !rs.cplx.oneY {
				t.Errorf("%v: RealPlan64 n = %d does not run asm.FFT64N…Y", l, 2*n)
			}
		}
		tol := 4 * fft64RMSPerLog2 * log2n(2*n)
		x := randComplex128(rng, n)
		for _, inverse := range []bool{false, true} {
			want := make([]complex128, n)
			transformGeneric(p, want, x, new(scratch), inverse)
			run := p.Forward
			if inverse {
				run = p.Inverse
			}
			got := make([]complex128, n)
			run(got, x)
			if e := relRMS(got, want); !(e <= tol) {
				t.Errorf("inverse=%v: relative RMS error %.3g > %.3g", inverse, e, tol)
			}
			in := append([]complex128(nil), x...)
			run(in, in)
			if !equalSlices(in, got) {
				t.Errorf("inverse=%v: in place differs from out of place", inverse)
			}
		}
		xr := randFloat64(rng, 2*n)
		spec := make([]complex128, n+1)
		rp.Forward(spec, xr)
		q, _ := NewPlan64(2 * n)
		wantSpec := make([]complex128, 2*n)
		transformGeneric(q, wantSpec, realToComplex(xr), new(scratch), false)
		if e := relRMS(spec, wantSpec[:n+1]); !(e <= tol) {
			t.Errorf("RealPlan64 n=%d Forward: relative RMS error %.3g > %.3g", 2*n, e, tol)
		}
		back := make([]float64, 2*n)
		rp.Inverse(back, spec)
		if e := relRMSReal(back, xr); !(e <= tol) {
			t.Errorf("RealPlan64 n=%d Inverse: relative RMS error %.3g > %.3g", 2*n, e, tol)
		}
	})
}
