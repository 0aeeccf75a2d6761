//go:build gc && !purego

package asm

// Transpose sets dst[c·dstStride + r] = src[r·srcStride + c] for r < rows
// and c < cols rounded down to multiples of 8 (whole 8×8 blocks, in YMM
// registers at both levels; avogen/transpose.go), and returns the rows and
// columns it did; the caller transposes the edges. It panics, before any
// assembly runs, if a slice is too short for the strides.
func Transpose(dst, src []float32, dstStride, srcStride, rows, cols int) (doneRows, doneCols int) {
	rb, cb := rows/8, cols/8
	if rb <= 0 || cb <= 0 {
		return 0, 0
	}
	if srcStride < 8*cb || dstStride < 8*rb {
		panic("asm: Transpose: a stride shorter than its rows")
	}
	_ = src[(8*rb-1)*srcStride+8*cb-1]
	_ = dst[(8*cb-1)*dstStride+8*rb-1]
	transpose8x8Blocks(&dst[0], &src[0], dstStride, srcStride, rb, cb)
	return 8 * rb, 8 * cb
}
