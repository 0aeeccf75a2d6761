//go:build gc && !purego

package asm_test

import (
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
	"github.com/ssmkern/ssmkern/generic"
)

// mulComplex64Tol bounds |asm − generic| / (|a|·|b|): each part is two
// products and a sum, rounded twice in Go's complex64 arithmetic and once
// or twice (fused) in the assembly: within 2 ulp of |a|·|b| (2⁻²²).
const mulComplex64Tol = 0x1p-22

func TestMulComplex64MatchesGeneric(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 18))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if l < asm.AVX2 {
			t.Skip("no assembly at this level")
		}
		for n := 0; n <= 35; n++ {
			a, b := make([]complex64, n), make([]complex64, n)
			for i := range a {
				a[i] = complex(float32(rng.NormFloat64()), float32(rng.NormFloat64()))
				b[i] = complex(float32(rng.NormFloat64()), float32(rng.NormFloat64()))
			}
			want := make([]complex64, n)
			generic.MulComplex64(want, a, b)
			for _, inPlace := range []bool{false, true} {
				ga, gb := asmtest.GuardedComplex64(t, a), asmtest.GuardedComplex64(t, b)
				dst := asmtest.GuardedComplex64(t, make([]complex64, n))
				if inPlace {
					dst = ga
				}
				done := asm.MulComplex64(l, dst, ga, gb)
				if per := asm.Lanes(l) / 2; done != n/per*per {
					t.Fatalf("n %d: did %d, want %d", n, done, n/per*per)
				}
				for i := range done {
					scale := cmplx.Abs(complex128(a[i])) * cmplx.Abs(complex128(b[i]))
					if d := cmplx.Abs(complex128(dst[i] - want[i])); d > mulComplex64Tol*scale || math.IsNaN(d) {
						t.Fatalf("n %d in place %v: dst[%d] = %v, want %v", n, inPlace, i, dst[i], want[i])
					}
				}
			}
		}
	})
}
