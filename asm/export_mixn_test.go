//go:build gc && !purego && (amd64 || arm64)

package asm

// MixNStageGoForTest is mixedStageGo, the plain-Go mixed-radix stage, the
// narrow kernels' reference.
func MixNStageGoForTest[T complex64 | complex128](p int, out, in []T, w func(i int) complex128, ls int, s float64, inverse bool) {
	mixedStageGo(p, out, in, w, ls, s, inverse)
}

// FFTMixedNarrowForTest is fftMixedNarrow: whether the stage runs a
// narrow kernel.
func FFTMixedNarrowForTest(l Level, p, ls, r int) bool { return fftMixedNarrow(l, p, ls, r) }
