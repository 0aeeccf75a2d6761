//go:build gc && !purego && (amd64 || arm64)

package asm_test

import "github.com/ssmkern/ssmkern/asm"

// hasFFTKernels reports whether level l has the FFT stages of
// fft_kernels_amd64.go or fft_kernels_arm64.go.
func hasFFTKernels(l asm.Level) bool { return l == asm.AVX2 || l == asm.AVX512 || l == asm.NEON }
