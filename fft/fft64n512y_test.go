//go:build gc && !purego && (amd64 || arm64)

package fft

import (
	"math/rand/v2"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
)

// TestPlan64N512AgainstGeneric checks Plan64 n = 512 (out of place and in
// place) and RealPlan64 n = 1024 (Forward and Inverse) against package
// generic at every level, and that where the level has asm.FFT64N512Y
// (AVX2) both take it: a change of the plan's stages or tables would
// otherwise drop them back to the three separate kernels silently. The
// kernel against those three bit for bit is asm's
// TestFFT64N512YMatchesItsThreePasses.
func TestPlan64N512AgainstGeneric(t *testing.T) {
	const n = 512
	rng := rand.New(rand.NewPCG(5, 12))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		p, _ := NewPlan64(n)
		rp, _ := NewRealPlan64(2 * n)
		if asm.FFT64N512YSupported(l) {
			if sp := p.stockham(l); sp == nil || !sp.y512 {
				t.Errorf("%v: Plan64 n = 512 does not run asm.FFT64N512Y", l)
			}
			if rs := rp.stockham(l); rs == nil || rs.cplx == nil || !rs.cplx.y512 {
				t.Errorf("%v: RealPlan64 n = 1024 does not run asm.FFT64N512Y", l)
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
