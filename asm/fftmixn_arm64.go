//go:build gc && !purego

package asm

// fftMixNLevel is false: arm64 has no narrow mixed-radix kernel yet.
func fftMixNLevel(l Level) bool { return false }

func fftMixNAt(l Level, p int, o, i *complex64, w *float32, ls int, inverse bool) {
	panic("asm: no narrow mixed-radix kernel on arm64")
}

func fft64MixNAt(l Level, p int, o, i *complex128, w *float64, ls int, inverse bool) {
	panic("asm: no narrow mixed-radix kernel on arm64")
}
