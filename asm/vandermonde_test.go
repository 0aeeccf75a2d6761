//go:build gc && !purego && (amd64 || arm64)

package asm_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
	"github.com/ssmkern/ssmkern/generic"
)

// vandermondeBlocksTol bounds the assembly hot loop, which sums the states
// in float32, against generic.VandermondeKernel32, which sums them in
// float64 and rounds once: relative to Σ|terms|, a float32 sum of nh
// products is off by at most about nh·2⁻²⁴ (6e−8·nh; nh ≤ 40 here).
const vandermondeBlocksTol = 3e-6

func randomFloat32s(rng *rand.Rand, n int) []float32 {
	x := make([]float32, n)
	for i := range x {
		x[i] = float32(rng.NormFloat64())
	}
	return x
}

// TestVandermondeBlocksMatchesGeneric covers every state count up to two
// of the assembly's state loops and block counts 1 … 5 (pairs and the odd
// block), with every input flush against a guard page.
func TestVandermondeBlocksMatchesGeneric(t *testing.T) {
	const blk = generic.VandermondeBlock
	rng := rand.New(rand.NewPCG(11, 12))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if l == asm.Generic {
			t.Skip("no assembly at this level")
		}
		for _, nh := range []int{0, 1, 2, 3, 7, 8, 9, 16, 17, 33, 40} {
			for blocks := 1; blocks <= 5; blocks++ {
				L := blocks * blk
				zRe := asmtest.GuardedFloat32(t, randomFloat32s(rng, blocks*nh))
				zIm := asmtest.GuardedFloat32(t, randomFloat32s(rng, blocks*nh))
				pRe := asmtest.GuardedFloat32(t, randomFloat32s(rng, nh*blk))
				pIm := asmtest.GuardedFloat32(t, randomFloat32s(rng, nh*blk))
				want := make([]float32, L)
				generic.VandermondeKernel32(want, zRe, zIm, pRe, pIm, nh)
				got := asmtest.GuardedFloat32(t, make([]float32, L))
				if done := asm.VandermondeBlocks(l, got, zRe, zIm, pRe, pIm, nh); done != L {
					t.Fatalf("nh %d blocks %d: wrote %d outputs, want %d", nh, blocks, done, L)
				}
				for j := range L {
					b, s := j/blk, 0.0
					for n := range nh {
						s += math.Abs(float64(zRe[b*nh+n]*pRe[n*blk+j%blk])) + math.Abs(float64(zIm[b*nh+n]*pIm[n*blk+j%blk]))
					}
					if d := math.Abs(float64(got[j] - want[j])); d > vandermondeBlocksTol*s {
						t.Fatalf("nh %d blocks %d: k[%d] = %g, want %g (|terms| %g)", nh, blocks, j, got[j], want[j], s)
					}
				}
			}
		}
	})
}

// TestVandermondeChainMatchesGenericBitForBit: the assembly chains compute
// the products in the FMA order generic.VandermondeChain writes down, so
// the float32 tables (and the advanced float64 chains) agree exactly,
// including the 0 of lanes past their live count (none, some, all steps,
// fractional, NaN), at the powers' strides, the anchors' and overlapping
// rows, for group counts that cover the assembly's blocks of groups and
// the single groups after them.
func TestVandermondeChainMatchesGenericBitForBit(t *testing.T) {
	const w = generic.VandermondeChainGroup
	rng := rand.New(rand.NewPCG(13, 14))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if l == asm.Generic {
			t.Skip("no assembly at this level")
		}
		for _, sh := range []struct{ groups, steps, groupStride, stepStride int }{
			{1, 1, 8, 8}, {1, 8, 64, 8}, {4, 8, 64, 8}, {3, 5, 8, 24}, {5, 64, 8, 40}, {2, 3, 40, 8},
			{9, 8, 64, 8}, {7, 13, 8, 56}, {1, 6, 8, 3}, {2, 5, 32, 5},
		} {
			name := fmt.Sprintf("%+v", sh)
			lanes := sh.groups * w
			var xr, xi, er, ei, live []float64
			for range lanes {
				// Decay factors from 0.5 to 1.05 so that some lanes decay
				// and some grow.
				m, ph := 0.5+0.55*rng.Float64(), 2*math.Pi*rng.Float64()
				er, ei = append(er, m*math.Cos(ph)), append(ei, m*math.Sin(ph))
				xr, xi = append(xr, rng.NormFloat64()), append(xi, rng.NormFloat64())
				live = append(live, []float64{-1, 0, 1, 2.5, float64(sh.steps), float64(sh.steps) - 0.5, 1e9, math.Inf(1), math.NaN()}[rng.IntN(9)])
			}
			n := (sh.groups-1)*sh.groupStride + (sh.steps-1)*sh.stepStride + w
			wantRe, wantIm := make([]float32, n), make([]float32, n)
			wr, wi := append([]float64(nil), xr...), append([]float64(nil), xi...)
			generic.VandermondeChain(wantRe, wantIm, wr, wi, er, ei, live, sh.groups, sh.steps, sh.groupStride, sh.stepStride)
			gotRe := asmtest.GuardedFloat32(t, make([]float32, n))
			gotIm := asmtest.GuardedFloat32(t, make([]float32, n))
			gr, gi := asmtest.GuardedFloat64(t, xr), asmtest.GuardedFloat64(t, xi)
			asm.VandermondeChain(l, gotRe, gotIm, gr, gi,
				asmtest.GuardedFloat64(t, er), asmtest.GuardedFloat64(t, ei), asmtest.GuardedFloat64(t, live),
				sh.groups, sh.steps, sh.groupStride, sh.stepStride)
			for i := range n {
				if math.Float32bits(gotRe[i]) != math.Float32bits(wantRe[i]) || math.Float32bits(gotIm[i]) != math.Float32bits(wantIm[i]) {
					t.Fatalf("%s: dst[%d] = %v%+vi, want %v%+vi", name, i, gotRe[i], gotIm[i], wantRe[i], wantIm[i])
				}
			}
			for i := range lanes {
				if math.Float64bits(gr[i]) != math.Float64bits(wr[i]) || math.Float64bits(gi[i]) != math.Float64bits(wi[i]) {
					t.Fatalf("%s: x[%d] = %v%+vi after the chain, want %v%+vi", name, i, gr[i], gi[i], wr[i], wi[i])
				}
			}
		}
	})
}
