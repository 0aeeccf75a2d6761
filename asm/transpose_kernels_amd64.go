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

// Transpose16 is Transpose by 16×16 blocks in ZMM registers at AVX512
// (avogen/transpose.go: each block row one whole-vector load); at any
// other level it does nothing and returns 0, 0.
func Transpose16(l Level, dst, src []float32, dstStride, srcStride, rows, cols int) (doneRows, doneCols int) {
	rb, cb := rows/16, cols/16
	if l != AVX512 || rb <= 0 || cb <= 0 {
		return 0, 0
	}
	if srcStride < 16*cb || dstStride < 16*rb {
		panic("asm: Transpose16: a stride shorter than its rows")
	}
	_ = src[(16*rb-1)*srcStride+16*cb-1]
	_ = dst[(16*cb-1)*dstStride+16*rb-1]
	transpose16x16BlocksAVX512(&dst[0], &src[0], dstStride, srcStride, rb, cb)
	return 16 * rb, 16 * cb
}

// PrefetchRows asks the cache to fetch x[r·stride : r·stride+cols] for r <
// rows, without waiting for it. Only addresses inside x are prefetched
// (prefetchSpans), although a prefetch never faults.
func PrefetchRows(x []float32, stride, rows, cols int) {
	full, lines, lastLines := prefetchSpans(len(x), stride, rows, cols)
	if full > 0 {
		prefetchRows(&x[0], 4*stride, full, lines)
	}
	if lastLines > 0 {
		prefetchRows(&x[full*stride], 0, 1, lastLines)
	}
}

// prefetchSpans returns how PrefetchRows covers a slice of n floats: the
// first full rows, which lie inside it, with lines cache lines each from
// the row's start, then lastLines lines of the next row when that row
// starts inside the slice but ends past it (rows after it are skipped:
// the BDL scan's rows are longer than their stride apart, so at most one
// is cut). The k-th line of a row is prefetched at its start plus 64·k
// bytes, which lies before the end of the row's part of the slice for
// every k below its count.
func prefetchSpans(n, stride, rows, cols int) (full, lines, lastLines int) {
	if n <= 0 || rows <= 0 || cols <= 0 || stride < 0 {
		return 0, 0, 0
	}
	switch {
	case cols > n:
		full = 0
	case stride == 0:
		full = 1
	default:
		full = (n-cols)/stride + 1 // rows r with r·stride + cols ≤ n
	}
	full = min(full, rows)
	lines = (4*cols + 63) / 64
	if full < rows && (stride > 0 || full == 0) && full*stride < n {
		lastLines = (4*(n-full*stride) + 63) / 64
	}
	if full == 0 {
		lines = 0
	}
	return full, lines, lastLines
}
