//go:build gc && !purego

package asm

// The NEON kernels behind s4_kernels.go (avogen/neongen).

func vandermondeBlocksAt(l Level, k, zRe, zIm, pRe, pIm *float32, blocks, nh int) {
	vandermondeBlocksNEON(k, zRe, zIm, pRe, pIm, blocks, nh)
}

func vandermondeChainAt(l Level, dstRe, dstIm *float32, xr, xi, er, ei, live *float64, groups, steps, groupStride, stepStride int) {
	vandermondeChainNEON(dstRe, dstIm, xr, xi, er, ei, live, groups, steps, groupStride, stepStride)
}

// cauchyLanes is the number of float64 points per NEON vector.
func cauchyLanes(l Level) int { return 2 }

func cauchyConj4At(l Level, rRe, rIm, v, w, aRe, aIm, bRe, bIm *float64, nk, nh, rowStride int) {
	cauchyConj4NEON(rRe, rIm, v, w, aRe, aIm, bRe, bIm, nk, nh, rowStride)
}

func convDirectAt(l Level, y, p, r []float32) {
	convDirectNEON(y, p, r)
}

// expSincosLevel: NEON has no ExpSincos kernel; the caller's Go code runs.
func expSincosLevel(l Level) bool { return false }

func expSincosAt(e, m, s, c, x, y *float64, n int) {}
