//go:build gc && !purego && (amd64 || arm64)

package kernelgen

// The kernels' assembly, shared by amd64 (AVX2, AVX-512) and arm64 (NEON):
// asm's entry points have the same signatures on both, and every level but
// asm.Generic has them.

import (
	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/generic"
)

// vandermonde32 runs the S4D hot loop at level l: the whole 64-step blocks
// in assembly at every vector level (float32 accumulation over the states),
// the rest in generic.VandermondeKernel32.
func vandermonde32(l asm.Level, k, zRe, zIm, pRe, pIm []float32, nh int) {
	done := 0
	if l != asm.Generic {
		done = asm.VandermondeBlocks(l, k, zRe, zIm, pRe, pIm, nh)
	}
	if done < len(k) {
		b := done / generic.VandermondeBlock
		generic.VandermondeKernel32(k[done:], zRe[b*nh:], zIm[b*nh:], pRe, pIm, nh)
	}
}

// vandermondeChain builds float32 tables by float64 product chains
// (generic.VandermondeChain) in assembly at every vector level, bit for bit.
func vandermondeChain(l asm.Level, dstRe, dstIm []float32, xr, xi, er, ei, live []float64, groups, steps, groupStride, stepStride int) {
	if l != asm.Generic {
		asm.VandermondeChain(l, dstRe, dstIm, xr, xi, er, ei, live, groups, steps, groupStride, stepStride)
		return
	}
	generic.VandermondeChain(dstRe, dstIm, xr, xi, er, ei, live, groups, steps, groupStride, stepStride)
}

// transposeBlocks transposes the whole 8×8 blocks of transpose32 in
// assembly where the level has them (asm.Transpose) and returns the rows
// and columns it did.
func transposeBlocks(l asm.Level, dst, src []float32, dstStride, srcStride, rows, cols int) (int, int) {
	if l == asm.Generic {
		return 0, 0
	}
	return asm.Transpose(dst, src, dstStride, srcStride, rows, cols)
}

// cauchyConj4 runs generic.CauchyConj4, the whole vectors of points in
// assembly at the levels of cauchyAssembly.
func cauchyConj4(l asm.Level, rRe, rIm []float64, v, w []complex128, aRe, aIm, bRe, bIm []float64, rowStride int) {
	done := 0
	if cauchyAssembly(l) {
		done = asm.CauchyConj4(l, rRe, rIm, v, w, aRe, aIm, bRe, bIm, rowStride)
	}
	if done < len(aRe) {
		generic.CauchyConj4(rRe[done:], rIm[done:], v, w, aRe[done:], aIm[done:], bRe[done:], bIm[done:], rowStride)
	}
}

// cauchyAssembly reports whether cauchyConj4 runs asm.CauchyConj4 at level
// l: at every vector level. Every kernel rounds each product before a sum
// uses it, and so does generic.CauchyConj4 (explicit float64(…)
// conversions: without them arm64's compiler fuses products into the
// following sums, as the Go spec allows), so that DPLRSpectrum gives the
// same bits at every level (FuzzDPLRSpectrum).
func cauchyAssembly(l asm.Level) bool { return l != asm.Generic }

// expSincos runs asm.ExpSincos where the level has it and every |y| ≤
// ymax is in its range, and returns how many lanes it did.
func expSincos(l asm.Level, e, m, s, c, x, y []float64, ymax float64) int {
	if ymax > asm.ExpSincosMaxY {
		return 0
	}
	return asm.ExpSincos(l, e, m, s, c, x, y)
}
