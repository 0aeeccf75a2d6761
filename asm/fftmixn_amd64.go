//go:build gc && !purego

package asm

// fftMixNLevel reports whether level l has the narrow mixed-radix kernels.
func fftMixNLevel(l Level) bool { return l == AVX2 || l == AVX512 }

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
