//go:build gc && !purego

package asm

// FFT64N512YSupported reports whether level l runs FFT64N512Y: none at NEON.
func FFT64N512YSupported(l Level) bool { return false }

// FFT64N512Y is never called at NEON (FFT64N512YSupported).
func FFT64N512Y(l Level, dst, src []complex128, tw2, tw3 []float64, inverse bool, s float64) {
	panic("asm: FFT64N512Y: unsupported level")
}

// FFT64N1024Y is never called at NEON (FFT64N512YSupported).
func FFT64N1024Y(l Level, dst, src []complex128, tw2, tw3 []float64, inverse bool, s float64) {
	panic("asm: FFT64N1024Y: unsupported level")
}

// FFT64N256Y is never called at NEON (FFT64N512YSupported).
func FFT64N256Y(l Level, dst, src []complex128, tw2, tw3 []float64, inverse bool, s float64) {
	panic("asm: FFT64N256Y: unsupported level")
}
