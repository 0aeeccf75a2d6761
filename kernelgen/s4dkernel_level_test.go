package kernelgen

import (
	"fmt"
	"math"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
	"github.com/ssmkern/ssmkern/generic/golden"
)

// s4dLevelTol bounds the float32 kernel against the float64 one, normwise:
// the README's float32 bound for S4D kernels is 1e-4; the assembly sums the
// states in float32, which adds about √Nh·2⁻²⁴ of the terms' size.
const s4dLevelTol = 1e-5

func s4dLevelParams(h, nh, l int, disc Discretization) *S4DParams {
	a, b, err := InitS4D(S4DLin, nh)
	if err != nil {
		panic(err)
	}
	p := &S4DParams{Channels: 1, H: h, Nh: nh, L: l, Disc: disc,
		A: make([]complex128, h*nh), B: make([]complex128, h*nh), C: make([]complex128, h*nh), Dt: make([]float64, h)}
	for i := range h {
		copy(p.A[i*nh:], a)
		copy(p.B[i*nh:], b)
		p.Dt[i] = math.Exp(math.Log(1e-3) + float64(i+1)/float64(h)*math.Log(100))
		for n := range nh {
			p.C[i*nh+n] = complex(math.Cos(float64(7*i+n)), math.Sin(float64(3*(i+n))))
		}
	}
	return p
}

// TestS4DKernelMatchesFloat64AtEveryLevel covers every tail of the
// assembly hot loop: L below, at and above a 64-step block, and state
// counts that are not multiples of anything; k sits against a guard page.
func TestS4DKernelMatchesFloat64AtEveryLevel(t *testing.T) {
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		for _, nh := range []int{1, 2, 7, 16, 33} {
			for _, L := range []int{1, 5, 63, 64, 65, 128, 200} {
				for _, disc := range []Discretization{ZOH, Bilinear} {
					p := s4dLevelParams(3, nh, L, disc)
					want := make([]float64, p.H*L)
					if err := S4DKernel64(want, p); err != nil {
						t.Fatal(err)
					}
					k := asmtest.GuardedFloat32(t, make([]float32, p.H*L))
					if err := S4DKernel(k, p); err != nil {
						t.Fatal(err)
					}
					name := fmt.Sprintf("nh %d L %d disc %v", nh, L, disc)
					if e := golden.NormwiseError(k, want); !(e <= s4dLevelTol) {
						t.Errorf("%s: normwise error %.3g > %g", name, e, s4dLevelTol)
					}
				}
			}
		}
	})
}

// TestS4DKernelLongL checks that the float32 tables, built by product
// chains re-anchored every anchorChain blocks, keep the float32 kernel
// within s4dLevelTol of the float64 one over a long kernel, block by
// block of 4096 steps (an error that grew with l would show in the last
// blocks first). Phases reach l·Im w ≈ 10⁴ rad.
func TestS4DKernelLongL(t *testing.T) {
	const L = 65536
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		for _, disc := range []Discretization{ZOH, Bilinear} {
			p := s4dLevelParams(2, 16, L, disc)
			for i := range p.A {
				p.A[i] = complex(real(p.A[i])*1e-3, imag(p.A[i])) // slow decay: the far blocks matter
			}
			want := make([]float64, p.H*L)
			if err := S4DKernel64(want, p); err != nil {
				t.Fatal(err)
			}
			k := make([]float32, p.H*L)
			if err := S4DKernel(k, p); err != nil {
				t.Fatal(err)
			}
			worst := 0.0
			for h := range p.H {
				for lo := 0; lo < L; lo += 4096 {
					e := golden.NormwiseError(k[h*L+lo:h*L+lo+4096], want[h*L+lo:h*L+lo+4096])
					worst = max(worst, e)
					if !(e <= s4dLevelTol) {
						t.Errorf("%v h %d l in [%d, %d): normwise error %.3g > %g", disc, h, lo, lo+4096, e, s4dLevelTol)
					}
				}
			}
			t.Logf("%v: worst normwise error of a 4096-step block %.2g", disc, worst)
		}
	})
}

// TestS4DKernelAllocatesNothing: the per-call tables come from a pool.
func TestS4DKernelAllocatesNothing(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector makes sync.Pool drop entries")
	}
	p := s4dLevelParams(4, 33, 300, ZOH)
	k := make([]float32, p.H*p.L)
	k64 := make([]float64, p.H*p.L)
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if n := testing.AllocsPerRun(20, func() { S4DKernel(k, p) }); n != 0 {
			t.Errorf("S4DKernel: %v allocations per call", n)
		}
		if n := testing.AllocsPerRun(20, func() { S4DKernel64(k64, p) }); n != 0 {
			t.Errorf("S4DKernel64: %v allocations per call", n)
		}
	})
}

// TestS4DKernelFlushedBlocksAfterSlowDecay runs a kernel whose anchors
// are all live, then one of the same shape whose states have all decayed
// below flush32 after a few blocks but the middle H's, so that the anchor
// chains stop early and the later rows of the pooled tables must be
// cleared, not left from the first call or the H before: the far blocks
// of the fast H are 0, and the kernel is within s4dLevelTol of
// S4DKernel64. States of 9 (a partial group) and 16.
func TestS4DKernelFlushedBlocksAfterSlowDecay(t *testing.T) {
	const L = 2048
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		for _, nh := range []int{9, 16} {
			slow := s4dLevelParams(3, nh, L, ZOH)
			fast := s4dLevelParams(3, nh, L, ZOH)
			for h := range slow.H {
				slow.Dt[h], fast.Dt[h] = 1e-4, 0.5
			}
			fast.Dt[1] = 1e-4
			k := make([]float32, slow.H*L)
			if err := S4DKernel(k, slow); err != nil {
				t.Fatal(err)
			}
			if err := S4DKernel(k, fast); err != nil {
				t.Fatal(err)
			}
			want := make([]float64, fast.H*L)
			if err := S4DKernel64(want, fast); err != nil {
				t.Fatal(err)
			}
			if e := golden.NormwiseError(k, want); !(e <= s4dLevelTol) {
				t.Errorf("nh %d: normwise error %.3g > %g", nh, e, s4dLevelTol)
			}
			// Re λ = −1/2 and Δ = 1/2: exp(l·Re w) ≤ 2⁻⁴⁰ from l ≈ 111 on.
			for _, h := range []int{0, 2} {
				for j := 4 * 64; j < L; j++ {
					if k[h*L+j] != 0 {
						t.Fatalf("nh %d: k[%d][%d] = %g, want 0 (flushed)", nh, h, j, k[h*L+j])
					}
				}
			}
		}
	})
}
