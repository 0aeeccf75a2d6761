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
