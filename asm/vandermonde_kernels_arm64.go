//go:build gc && !purego

package asm

// vandermondeBlock is generic.VandermondeBlock, the steps per block.
const vandermondeBlock = 64

// VandermondeBlocks computes the whole 64-step blocks of one row of the
// S4D kernel (avogen/neongen/vandermonde.go): k[b·64+j] = Σ_n
// zRe[b·nh+n]·pRe[n·64+j] − zIm[b·nh+n]·pIm[n·64+j], accumulated in
// float32. It returns how many outputs it wrote; the caller computes the
// partial last block.
func VandermondeBlocks(l Level, k, zRe, zIm, pRe, pIm []float32, nh int) int {
	blocks := len(k) / vandermondeBlock
	if blocks == 0 {
		return 0
	}
	done := blocks * vandermondeBlock
	if nh == 0 {
		clear(k[:done])
		return done
	}
	// Bounds checks: one index per slice at its furthest element.
	_, _, _ = k[done-1], zRe[blocks*nh-1], zIm[blocks*nh-1]
	_, _ = pRe[nh*vandermondeBlock-1], pIm[nh*vandermondeBlock-1]
	vandermondeBlocksNEON(&k[0], &zRe[0], &zIm[0], &pRe[0], &pIm[0], blocks, nh)
	return done
}

// chainGroup is generic.VandermondeChainGroup.
const chainGroup = 8

// VandermondeChain is generic.VandermondeChain at level l (NEON), bit for
// bit; see avogen/neongen/vandermonde.go. It panics, before any assembly
// runs, if a slice is shorter than the arguments require.
func VandermondeChain(l Level, dstRe, dstIm []float32, xr, xi, er, ei, thr []float64, groups, steps, groupStride, stepStride int) {
	if groups <= 0 || steps <= 0 {
		return
	}
	lanes := groups * chainGroup
	last := (groups-1)*groupStride + (steps-1)*stepStride + chainGroup - 1
	_, _ = dstRe[last], dstIm[last]
	_, _, _, _, _ = xr[lanes-1], xi[lanes-1], er[lanes-1], ei[lanes-1], thr[lanes-1]
	vandermondeChainNEON(&dstRe[0], &dstIm[0], &xr[0], &xi[0], &er[0], &ei[0], &thr[0], groups, steps, groupStride, stepStride)
}
