//go:build gc && !purego

package asm

// vandermondeBlock is generic.VandermondeBlock, the steps per block.
const vandermondeBlock = 64

// VandermondeBlocks computes the whole 64-step blocks of one row of the
// S4D kernel (avogen/s4d): k[b·64+j] = Σ_n zRe[b·nh+n]·pRe[n·64+j] −
// zIm[b·nh+n]·pIm[n·64+j], accumulated in float32. It returns how many
// outputs it wrote; the caller computes the partial last block.
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
	if l == AVX512 {
		vandermondeBlocksAVX512(&k[0], &zRe[0], &zIm[0], &pRe[0], &pIm[0], blocks, nh)
	} else {
		vandermondeBlocksAVX2(&k[0], &zRe[0], &zIm[0], &pRe[0], &pIm[0], blocks, nh)
	}
	return done
}
