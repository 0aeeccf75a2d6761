//go:build gc && !purego && (amd64 || arm64)

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
// products and a sum, rounded twice in Go's complex64 arithmetic and
// twice (one product, then the fused multiply-add) in the kernel: within
// 2 ulp of |a|·|b| (2⁻²²).
const mulComplex64Tol = 0x1p-22

// mulComplex64Done is how much of n elements asm.MulComplex64 does at
// level l: whole vectors of 4 or 8 on amd64, every element with NEON.
func mulComplex64Done(l asm.Level, n int) int {
	switch l {
	case asm.AVX2:
		return n &^ 3
	case asm.AVX512:
		return n &^ 7
	}
	return n
}

// TestMulComplex64MatchesGenericOnEveryTail runs asm.MulComplex64 at
// every level with assembly over lengths 0…35 (every tail of the 8-, 4-
// and 1-element loops), out of place and in place (dst = a), inputs flush
// against guard pages.
func TestMulComplex64MatchesGenericOnEveryTail(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 18))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if l == asm.Generic {
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
				if want := mulComplex64Done(l, n); done != want {
					t.Fatalf("n %d: did %d, want %d", n, done, want)
				}
				generic.MulComplex64(dst[done:], ga[done:], gb[done:]) // the caller's part
				for i := range dst {
					scale := cmplx.Abs(complex128(a[i])) * cmplx.Abs(complex128(b[i]))
					if d := cmplx.Abs(complex128(dst[i] - want[i])); d > mulComplex64Tol*scale || math.IsNaN(d) {
						t.Fatalf("n %d in place %v: dst[%d] = %v, want %v", n, inPlace, i, dst[i], want[i])
					}
				}
			}
		}
	})
}

// TestMulComplex64PropagatesSpecialValuesAsGeneric multiplies every pair
// of complex numbers whose parts are 0, −2.5, ±Inf or NaN (all 625 pairs
// in one call, so every loop of the kernel sees some) and requires each
// part to be NaN, ±Inf or finite exactly when generic.MulComplex64's is,
// and equal when finite (the finite parts here are exact).
func TestMulComplex64PropagatesSpecialValuesAsGeneric(t *testing.T) {
	inf, nan := float32(math.Inf(1)), float32(math.NaN())
	parts := []float32{0, -2.5, inf, -inf, nan}
	var a, b []complex64
	for _, ar := range parts {
		for _, ai := range parts {
			for _, br := range parts {
				for _, bi := range parts {
					a, b = append(a, complex(ar, ai)), append(b, complex(br, bi))
				}
			}
		}
	}
	want := make([]complex64, len(a))
	generic.MulComplex64(want, a, b)
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if l == asm.Generic {
			t.Skip("no assembly at this level")
		}
		dst := asmtest.GuardedComplex64(t, make([]complex64, len(a)))
		done := asm.MulComplex64(l, dst, asmtest.GuardedComplex64(t, a), asmtest.GuardedComplex64(t, b))
		generic.MulComplex64(dst[done:], a[done:], b[done:])
		same := func(x, y float32) bool { return x == y || x != x && y != y }
		for i := range dst {
			if !same(real(dst[i]), real(want[i])) || !same(imag(dst[i]), imag(want[i])) {
				t.Errorf("%v·%v = %v, want %v", a[i], b[i], dst[i], want[i])
			}
		}
	})
}
