//go:build gc && !purego

package asm

// FFT1024YSupported reports whether level l runs FFT1024Y: none at NEON.
func FFT1024YSupported(l Level) bool { return false }

// FFT1024YTwiddleLen is FFT1024Y's table length (amd64's).
const FFT1024YTwiddleLen = 48 + 448 + 3072

// FFT1024Y is never called at NEON (FFT1024YSupported).
func FFT1024Y(l Level, dst, src []complex64, tw []float32, inverse bool, s float32) {
	panic("asm: FFT1024Y: unsupported level")
}
