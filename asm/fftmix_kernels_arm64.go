//go:build gc && !purego

package asm

// NEON has no wide mixed-radix kernels (fftMixedLevel is false there), so
// these are never called; they keep fftmixed.go's dispatch compiling.

func fftMixedWideAt(l Level, p int, out, in []complex64, tw []float32, ls int, s float32, inverse bool) {
	panic("asm: no mixed-radix kernels at NEON")
}

func fft64MixedWideAt(l Level, p int, out, in []complex128, tw []float64, ls int, s float64, inverse bool) {
	panic("asm: no mixed-radix kernels at NEON")
}

func fftMixedGrouped(l Level, ls, r int) bool { return false }

func mixedGroupTwiddles(vals, p, ls, r int, w func(q, j int) complex128, tw []float32) {
}

func mixedGroupTwiddleLen(p, ls, r int) int { return 0 }

func fftMixedGroupAt(l Level, p int, out, in []complex64, tw []float32, ls int, inverse bool) {
	panic("asm: no mixed-radix kernels at NEON")
}
