//go:build !(amd64 || arm64) || !gc || purego

package kernelgen

import (
	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/generic"
)

// vandermonde32 runs the S4D hot loop: without amd64 or arm64 assembly
// every level runs the generic code.
func vandermonde32(l asm.Level, k, zRe, zIm, pRe, pIm []float32, nh int) {
	generic.VandermondeKernel32(k, zRe, zIm, pRe, pIm, nh)
}

func vandermondeChain(l asm.Level, dstRe, dstIm []float32, xr, xi, er, ei, live []float64, groups, steps, groupStride, stepStride int) {
	generic.VandermondeChain(dstRe, dstIm, xr, xi, er, ei, live, groups, steps, groupStride, stepStride)
}

func transposeBlocks(l asm.Level, dst, src []float32, dstStride, srcStride, rows, cols int) (int, int) {
	return 0, 0
}

func cauchyConj4(l asm.Level, rRe, rIm []float64, v, w []complex128, aRe, aIm, bRe, bIm []float64, rowStride int) {
	generic.CauchyConj4(rRe, rIm, v, w, aRe, aIm, bRe, bIm, rowStride)
}

func expSincos(l asm.Level, e, m, s, c, x, y []float64, ymax float64) int { return 0 }
