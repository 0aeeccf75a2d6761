//go:build gc && !purego

package asm

// FFTRadix8FirstSupported reports whether FFTRadix8First runs at level l:
// at AVX2 and AVX-512 (arm64's NEON has no radix-8 stage; its plans start
// an odd log2 n with radix 2).
func FFTRadix8FirstSupported(l Level) bool { return l == AVX2 || l == AVX512 }
