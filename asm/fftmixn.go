//go:build gc && !purego && (amd64 || arm64)

package asm

// The narrow form of the mixed-radix stages (fftmixed.go): the last stage
// of a transform, r = 1, vectorised over j rather than over k. These are
// the hooks FFTMixedStage and its table builders call; until a level has
// a narrow kernel, fftMixedNarrow is false and r = 1 runs the wide form.

// fftMixedNarrow reports whether the radix-p stage of sub-transform length
// ls and r = n/(p·ls) runs the narrow kernel at level l.
func fftMixedNarrow(l Level, p, ls, r int) bool { return false }

// fftMixedNarrowTwiddleLen is the float32 count of a narrow stage's table.
func fftMixedNarrowTwiddleLen(l Level, p, ls int) int { return 0 }

// fftMixedNarrowTwiddles fills a narrow stage's table (see
// FFTMixedTwiddles).
func fftMixedNarrowTwiddles(l Level, p, ls int, w func(q, j int) complex128, tw []float32) {}

// fftMixedNarrowAt runs the narrow complex64 stage (r = 1, s = 1).
func fftMixedNarrowAt(l Level, p int, out, in []complex64, tw []float32, ls int, inverse bool) {}

// fft64MixedNarrowTwiddleLen is the float64 count of a narrow complex128
// stage's table.
func fft64MixedNarrowTwiddleLen(l Level, p, ls int) int { return 0 }

// fft64MixedNarrowTwiddles fills a narrow complex128 stage's table.
func fft64MixedNarrowTwiddles(l Level, p, ls int, w func(q, j int) complex128, tw []float64) {}

// fft64MixedNarrowAt runs the narrow complex128 stage (r = 1, s = 1).
func fft64MixedNarrowAt(l Level, p int, out, in []complex128, tw []float64, ls int, inverse bool) {}
