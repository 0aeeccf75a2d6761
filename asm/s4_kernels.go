//go:build gc && !purego && (amd64 || arm64)

package asm

import "unsafe"

// Entry points of the S4 path's kernels, the same on amd64 (AVX2, AVX-512:
// avogen/s4d, avogen/cauchy.go, avogen/convdirect.go) and arm64 (NEON:
// avogen/neongen): each checks its slices against the arguments, so that
// a bad call panics before any assembly runs, then calls the kernel of
// level l (s4_kernels_amd64.go, s4_kernels_arm64.go).

// vandermondeBlock is generic.VandermondeBlock, the steps per block.
const vandermondeBlock = 64

// VandermondeBlocks computes the whole 64-step blocks of one row of the
// S4D kernel: k[b·64+j] = Σ_n zRe[b·nh+n]·pRe[n·64+j] −
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
	vandermondeBlocksAt(l, &k[0], &zRe[0], &zIm[0], &pRe[0], &pIm[0], blocks, nh)
	return done
}

// chainGroup is generic.VandermondeChainGroup.
const chainGroup = 8

// VandermondeChain is generic.VandermondeChain at level l, bit for bit.
func VandermondeChain(l Level, dstRe, dstIm []float32, xr, xi, er, ei, live []float64, groups, steps, groupStride, stepStride int) {
	if groups <= 0 || steps <= 0 {
		return
	}
	if groupStride < 0 || stepStride < 0 {
		panic("asm: VandermondeChain: negative stride")
	}
	lanes := groups * chainGroup
	last := (groups-1)*groupStride + (steps-1)*stepStride + chainGroup - 1
	_, _ = dstRe[last], dstIm[last]
	_, _, _, _, _ = xr[lanes-1], xi[lanes-1], er[lanes-1], ei[lanes-1], live[lanes-1]
	vandermondeChainAt(l, &dstRe[0], &dstIm[0], &xr[0], &xi[0], &er[0], &ei[0], &live[0], groups, steps, groupStride, stepStride)
}

// ExpSincosMaxY bounds |y| for ExpSincos: its reduction by π/2 (three
// parts, Cody and Waite) keeps full precision well past it.
const ExpSincosMaxY = 0x1p20

// ExpSincos sets e[i], m[i], s[i], c[i] = exp(x[i]), expm1(x[i]),
// sin(y[i]), cos(y[i]) for i < len(x) rounded down to whole vectors, at
// level l when it has the kernel (AVX2 and AVX-512: avogen/s4d), and
// returns how many it did (0 elsewhere); the caller computes the rest.
// Each result is within a few ulp of the math package's (relative; for
// m near 0 relative to m) for x in [−708, 709] and |y| ≤ ExpSincosMaxY;
// below −708 e is 0 and m −1, above 709 both are +Inf. The zero-order
// hold of kernelgen's float32 S4D path calls it once per H.
func ExpSincos(l Level, e, m, s, c, x, y []float64) int {
	n := len(x) / 4 * 4
	if n == 0 || !expSincosLevel(l) {
		return 0
	}
	_, _, _, _, _ = e[n-1], m[n-1], s[n-1], c[n-1], y[n-1]
	expSincosAt(&e[0], &m[0], &s[0], &c[0], &x[0], &y[0], n)
	return n
}

// CauchyConj4 computes generic.CauchyConj4 at level l, bit for bit, for
// the evaluation points k < len(aRe) rounded down to whole float64
// vectors (cauchyLanes), and returns how many it did; the caller finishes
// the rest.
func CauchyConj4(l Level, rRe, rIm []float64, v, w []complex128, aRe, aIm, bRe, bIm []float64, rowStride int) int {
	lanes := cauchyLanes(l)
	nk, nh := len(aRe)/lanes*lanes, len(w)
	if nk == 0 {
		return 0
	}
	if rowStride < nk {
		panic("asm: CauchyConj4 rows overlap")
	}
	_, _, _ = aIm[nk-1], bRe[nk-1], bIm[nk-1]
	_, _ = rRe[3*rowStride+nk-1], rIm[3*rowStride+nk-1]
	vp, wp := (*float64)(nil), (*float64)(nil)
	if nh > 0 {
		_ = v[4*nh-1]
		vp, wp = (*float64)(unsafe.Pointer(&v[0])), (*float64)(unsafe.Pointer(&w[0]))
	}
	cauchyConj4At(l, &rRe[0], &rIm[0], vp, wp, &aRe[0], &aIm[0], &bRe[0], &bIm[0], nk, nh, rowStride)
	return nk
}

// ConvDirect sets y[i] = Σ_{j<len(r)} r[j]·p[i+j] (float32 sums) for the
// whole vectors of y and returns how many outputs it wrote; the caller
// finishes the rest. With r the reversed kernel and p the input after
// len(r)−1 zeros this is the causal convolution. It panics unless
// len(r) ≥ 1 and len(p) ≥ len(y) + len(r) − 1.
func ConvDirect(l Level, y, p, r []float32) int {
	n := whole(l, len(y))
	if n == 0 {
		return 0
	}
	if len(r) == 0 || len(p) < len(y)+len(r)-1 {
		panic("asm: ConvDirect: p shorter than len(y) + len(r) − 1")
	}
	convDirectAt(l, y[:n], p, r)
	return n
}
