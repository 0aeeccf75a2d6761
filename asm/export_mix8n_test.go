//go:build gc && !purego && (amd64 || arm64)

package asm

// The narrow hooks, for the radix-8 tests while FFTMixedStage takes
// radix 2 … 5 only.

// FFTMixedNarrowTwiddleLenForTest is fftMixedNarrowTwiddleLen.
func FFTMixedNarrowTwiddleLenForTest(l Level, p, ls int) int {
	return fftMixedNarrowTwiddleLen(l, p, ls)
}

// FFTMixedNarrowTwiddlesForTest is fftMixedNarrowTwiddles.
func FFTMixedNarrowTwiddlesForTest(l Level, p, ls int, w func(q, j int) complex128, tw []float32) {
	fftMixedNarrowTwiddles(l, p, ls, w, tw)
}

// FFTMixedNarrowStageForTest is fftMixedNarrowAt.
func FFTMixedNarrowStageForTest(l Level, p int, out, in []complex64, tw []float32, ls int, inverse bool) {
	fftMixedNarrowAt(l, p, out, in, tw, ls, inverse)
}

// FFT64MixedNarrowTwiddleLenForTest is fft64MixedNarrowTwiddleLen.
func FFT64MixedNarrowTwiddleLenForTest(l Level, p, ls int) int {
	return fft64MixedNarrowTwiddleLen(l, p, ls)
}

// FFT64MixedNarrowTwiddlesForTest is fft64MixedNarrowTwiddles.
func FFT64MixedNarrowTwiddlesForTest(l Level, p, ls int, w func(q, j int) complex128, tw []float64) {
	fft64MixedNarrowTwiddles(l, p, ls, w, tw)
}

// FFT64MixedNarrowStageForTest is fft64MixedNarrowAt.
func FFT64MixedNarrowStageForTest(l Level, p int, out, in []complex128, tw []float64, ls int, inverse bool) {
	fft64MixedNarrowAt(l, p, out, in, tw, ls, inverse)
}
