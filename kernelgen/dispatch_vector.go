//go:build gc && !purego && (amd64 || arm64)

package kernelgen

// The kernels' assembly, shared by amd64 (AVX2, AVX-512) and arm64 (NEON):
// asm's entry points have the same signatures on both, and every level but
// asm.Generic has them (the Cauchy sums run at NEON only once they can
// match the generic level's bits: cauchyAssembly).

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
func vandermondeChain(l asm.Level, dstRe, dstIm []float32, xr, xi, er, ei, thr []float64, groups, steps, groupStride, stepStride int) {
	if l != asm.Generic {
		asm.VandermondeChain(l, dstRe, dstIm, xr, xi, er, ei, thr, groups, steps, groupStride, stepStride)
		return
	}
	generic.VandermondeChain(dstRe, dstIm, xr, xi, er, ei, thr, groups, steps, groupStride, stepStride)
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
// l. Every kernel computes generic.CauchyConj4's operations as its source
// writes them, which is what the amd64 build of generic runs; but the
// arm64 compiler fuses generic's products into the sums that follow
// (d1r+d2r, d1r−d2r, … become FMADDD/FMSUBD, as the Go spec allows), so
// there the NEON kernel (asm/cauchy_arm64_test.go: bit for bit the
// unfused sums) and the generic level differ in the last bits, and
// DPLRSpectrum would not give the same bits at every level
// (FuzzDPLRSpectrum). NEON keeps the generic sums until generic rounds
// those products explicitly (float64(z1r*s1), …).
func cauchyAssembly(l asm.Level) bool { return l != asm.Generic && l != asm.NEON }
