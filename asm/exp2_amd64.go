//go:build gc && !purego

package asm

// Exp2Row sets dst[i] = 2^src[i] for the whole-vector part of dst and
// returns its length: the scan kernels' decay (avogen/vmath.Exp2) on its
// own, for its tests. Results below the smallest normal float32 are
// exactly 0.
func Exp2Row(l Level, dst, src []float32) int {
	src = src[:len(dst)]
	if l == AVX512 {
		exp2RowAVX512(dst, src)
	} else {
		exp2RowAVX2(dst, src)
	}
	return whole(l, len(dst))
}
