//go:build gc && !purego

package asm

// FFT2048YSupported reports whether level l runs FFT2048Y: none at NEON.
func FFT2048YSupported(l Level) bool { return false }

// FFT2048YTwiddleLen is FFT2048Y's table length (amd64's).
const FFT2048YTwiddleLen = 48 + 448 + 3584

// FFT2048Y is never called at NEON (FFT2048YSupported).
func FFT2048Y(l Level, dst, src []complex64, tw []float32, inverse bool, s float32) {
	panic("asm: FFT2048Y: unsupported level")
}
