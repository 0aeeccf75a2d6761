//go:build gc && !purego

package asm

// Transpose sets dst[c·dstStride + r] = src[r·srcStride + c] for r < rows
// and c < cols rounded down to multiples of 8 (whole 8×8 blocks, in YMM
// registers at both levels; avogen/transpose.go), and returns the rows and
// columns it did; the caller transposes the edges. It panics, before any
// assembly runs, if a slice is too short for the strides.
func Transpose(dst, src []float32, dstStride, srcStride, rows, cols int) (doneRows, doneCols int) {
	return transposeBlocks("Transpose", 8, dst, src, dstStride, srcStride, rows, cols)
}

// transposeBlocks runs the kernel of size×size blocks (8 or 16) over the
// whole blocks of a transpose after checking the slices (panicking with
// name). The kernels are called directly, not through a func value, which
// would make dst and src escape.
func transposeBlocks(name string, size int, dst, src []float32, dstStride, srcStride, rows, cols int) (doneRows, doneCols int) {
	rb, cb := rows/size, cols/size
	if rb <= 0 || cb <= 0 {
		return 0, 0
	}
	if srcStride < size*cb || dstStride < size*rb {
		panic("asm: " + name + ": a stride shorter than its rows")
	}
	_ = src[(size*rb-1)*srcStride+size*cb-1]
	_ = dst[(size*cb-1)*dstStride+size*rb-1]
	if size == 16 {
		transpose16x16BlocksAVX512(&dst[0], &src[0], dstStride, srcStride, rb, cb)
	} else {
		transpose8x8Blocks(&dst[0], &src[0], dstStride, srcStride, rb, cb)
	}
	return size * rb, size * cb
}

// Transpose16 is Transpose by 16×16 blocks in ZMM registers at AVX512
// (avogen/transpose.go: each block row one whole-vector load); at any
// other level it does nothing and returns 0, 0.
func Transpose16(l Level, dst, src []float32, dstStride, srcStride, rows, cols int) (doneRows, doneCols int) {
	if l != AVX512 {
		return 0, 0
	}
	return transposeBlocks("Transpose16", 16, dst, src, dstStride, srcStride, rows, cols)
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
