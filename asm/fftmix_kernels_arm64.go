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
