//go:build gc && !purego && (amd64 || arm64)

package asm

// MixedStageGoForTest is mixedStageGo, the mixed-radix stages' plain-Go
// stand-in, for complex64 values: the reference of fftmix_test.go.
func MixedStageGoForTest(p int, out, in []complex64, w func(i int) complex128, ls int, s float64, inverse bool) {
	mixedStageGo(p, out, in, w, ls, s, inverse)
}

// MixedStageGo64ForTest is MixedStageGoForTest for complex128.
func MixedStageGo64ForTest(p int, out, in []complex128, w func(i int) complex128, ls int, s float64, inverse bool) {
	mixedStageGo(p, out, in, w, ls, s, inverse)
}

// FFTMixedWideForTest runs the wide complex64 kernel of level l whatever
// the shape, r = 1 included (which FFTMixedStage may give the narrow
// kernel), with tw the j-major (Re, Im) table of the wide form.
func FFTMixedWideForTest(l Level, p int, out, in []complex64, tw []float32, ls int, s float32, inverse bool) {
	fftMixedWideAt(l, p, out, in, tw, ls, s, inverse)
}

// FFT64MixedWideForTest is FFTMixedWideForTest for complex128.
func FFT64MixedWideForTest(l Level, p int, out, in []complex128, tw []float64, ls int, s float64, inverse bool) {
	fft64MixedWideAt(l, p, out, in, tw, ls, s, inverse)
}

// FFTMixedGroupedForTest reports whether FFTMixedStage runs the stage's
// grouped kernel (complex64) at level l.
func FFTMixedGroupedForTest(l Level, ls, r int) bool { return fftMixedGrouped(l, ls, r) }
