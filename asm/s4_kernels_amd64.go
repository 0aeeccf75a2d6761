//go:build gc && !purego

package asm

// The amd64 kernels behind s4_kernels.go: AVX-512, else AVX2.

func vandermondeBlocksAt(l Level, k, zRe, zIm, pRe, pIm *float32, blocks, nh int) {
	if l == AVX512 {
		vandermondeBlocksAVX512(k, zRe, zIm, pRe, pIm, blocks, nh)
	} else {
		vandermondeBlocksAVX2(k, zRe, zIm, pRe, pIm, blocks, nh)
	}
}

func vandermondeChainAt(l Level, dstRe, dstIm *float32, xr, xi, er, ei, live *float64, groups, steps, groupStride, stepStride int) {
	if l == AVX512 {
		vandermondeChainAVX512(dstRe, dstIm, xr, xi, er, ei, live, groups, steps, groupStride, stepStride)
	} else {
		vandermondeChainAVX2(dstRe, dstIm, xr, xi, er, ei, live, groups, steps, groupStride, stepStride)
	}
}

// cauchyLanes is the number of float64 points per vector of level l.
func cauchyLanes(l Level) int {
	if l == AVX512 {
		return 8
	}
	return 4
}

func cauchyConj4At(l Level, rRe, rIm, v, w, aRe, aIm, bRe, bIm *float64, nk, nh, rowStride int) {
	if l == AVX512 {
		cauchyConj4AVX512(rRe, rIm, v, w, aRe, aIm, bRe, bIm, nk, nh, rowStride)
	} else {
		cauchyConj4AVX2(rRe, rIm, v, w, aRe, aIm, bRe, bIm, nk, nh, rowStride)
	}
}

func convDirectAt(l Level, y, p, r []float32) {
	if l == AVX512 {
		convDirectAVX512(y, p, r)
	} else {
		convDirectAVX2(y, p, r)
	}
}

// expSincosLevel: one AVX2 kernel serves both vector levels.
func expSincosLevel(l Level) bool { return l == AVX2 || l == AVX512 }

func expSincosAt(e, m, s, c, x, y *float64, n int) { zohExpSincosAVX2(e, m, s, c, x, y, n) }
