//go:build gc && !purego

package asm

import "unsafe"

// CauchyConj4 computes generic.CauchyConj4 at level l (NEON), bit for bit,
// for the evaluation points k < len(aRe) rounded down to whole 2-lane
// float64 vectors, and returns how many it did; the caller finishes the
// rest (avogen/neongen/cauchy.go). It panics, before any assembly runs, if
// a slice is shorter than the arguments require.
func CauchyConj4(l Level, rRe, rIm []float64, v, w []complex128, aRe, aIm, bRe, bIm []float64, rowStride int) int {
	const lanes = 2
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
	cauchyConj4NEON(&rRe[0], &rIm[0], vp, wp, &aRe[0], &aIm[0], &bRe[0], &bIm[0], nk, nh, rowStride)
	return nk
}
