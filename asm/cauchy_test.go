//go:build gc && !purego && (amd64 || arm64)

package asm_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
	"github.com/ssmkern/ssmkern/generic"
)

// TestCauchyConj4MatchesGenericBitForBit runs the assembly over point
// counts that leave every tail (the caller's part) and state counts from 0,
// inputs against guard pages, and requires the generic twin's bits (which
// rounds every product before a sum uses it, as the kernels do: see
// generic.CauchyConj4).
func TestCauchyConj4MatchesGenericBitForBit(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if l == asm.Generic {
			t.Skip("no assembly at this level")
		}
		for _, nh := range []int{0, 1, 2, 5, 32} {
			for nk := 0; nk <= 19; nk++ {
				stride := nk + rng.IntN(3)
				w := make([]complex128, nh)
				for n := range w {
					w[n] = complex(-0.1-rng.Float64(), 10*rng.NormFloat64())
				}
				v := make([]complex128, 4*nh)
				for i := range v {
					v[i] = complex(rng.NormFloat64(), rng.NormFloat64())
				}
				aRe, aIm, bRe, bIm := make([]float64, nk), make([]float64, nk), make([]float64, nk), make([]float64, nk)
				for k := range nk {
					// Points near the imaginary axis and the projective
					// point at infinity (β = 0).
					aRe[k], aIm[k] = 0.01*rng.NormFloat64(), 5*rng.NormFloat64()
					bRe[k], bIm[k] = 1+rng.Float64(), rng.NormFloat64()
				}
				if nk > 0 {
					aRe[0], aIm[0], bRe[0], bIm[0] = 4, 0, 0, 0
				}
				wantRe, wantIm := make([]float64, 4*stride), make([]float64, 4*stride)
				generic.CauchyConj4(wantRe, wantIm, v, w, aRe, aIm, bRe, bIm, stride)
				gotRe := asmtest.GuardedFloat64(t, make([]float64, 4*stride))
				gotIm := asmtest.GuardedFloat64(t, make([]float64, 4*stride))
				done := asm.CauchyConj4(l, gotRe, gotIm, asmtest.GuardedComplex128(t, v), asmtest.GuardedComplex128(t, w),
					asmtest.GuardedFloat64(t, aRe), asmtest.GuardedFloat64(t, aIm),
					asmtest.GuardedFloat64(t, bRe), asmtest.GuardedFloat64(t, bIm), stride)
				if lanes := map[asm.Level]int{asm.AVX2: 4, asm.AVX512: 8, asm.NEON: 2}[l]; done != nk/lanes*lanes {
					t.Fatalf("nh %d nk %d: did %d points, want %d", nh, nk, done, nk/lanes*lanes)
				}
				for j := range 4 {
					for k := range done {
						i := j*stride + k
						if math.Float64bits(gotRe[i]) != math.Float64bits(wantRe[i]) || math.Float64bits(gotIm[i]) != math.Float64bits(wantIm[i]) {
							t.Fatalf("nh %d nk %d: r[%d][%d] = %v%+vi, want %v%+vi", nh, nk, j, k, gotRe[i], gotIm[i], wantRe[i], wantIm[i])
						}
					}
				}
			}
		}
	})
}
