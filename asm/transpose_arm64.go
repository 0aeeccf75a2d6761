//go:build gc && !purego

package asm

// Transpose has no NEON kernel yet: it does nothing and returns 0, 0, and
// the caller transposes everything (see transpose_kernels_amd64.go).
func Transpose(dst, src []float32, dstStride, srcStride, rows, cols int) (doneRows, doneCols int) {
	return 0, 0
}

// Transpose16 has no NEON kernel: it returns 0, 0.
func Transpose16(l Level, dst, src []float32, dstStride, srcStride, rows, cols int) (doneRows, doneCols int) {
	return 0, 0
}

// PrefetchRows does nothing on arm64 yet (see transpose_kernels_amd64.go).
func PrefetchRows(x []float32, stride, rows, cols int) {}
