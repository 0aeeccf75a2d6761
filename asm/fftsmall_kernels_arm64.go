//go:build gc && !purego

package asm

// NEON has no whole-transform kernels (avogen/fftsmall.go writes amd64
// only): the plans find none and run the NEON Stockham stages.

// FFTSmallSupported reports false: no whole-transform kernel on arm64.
func FFTSmallSupported(l Level, n int) bool { return false }

// FFTSmallKernel is the amd64 whole-transform kernel; never built here.
type FFTSmallKernel struct{}

// NewFFTSmallKernel returns nil: no whole-transform kernel on arm64.
func NewFFTSmallKernel(l Level, n int) *FFTSmallKernel { return nil }

// Run panics: NewFFTSmallKernel never returns a kernel on arm64.
func (k *FFTSmallKernel) Run(out, in []complex64, inverse bool, s float32) {
	panic("asm: no whole-transform FFT kernel on arm64")
}

// FFT64SmallKernel is the amd64 complex128 whole-transform kernel; never
// built here.
type FFT64SmallKernel struct{}

// NewFFT64SmallKernel returns nil: no whole-transform kernel on arm64.
func NewFFT64SmallKernel(l Level, n int) *FFT64SmallKernel { return nil }

// Run panics: NewFFT64SmallKernel never returns a kernel on arm64.
func (k *FFT64SmallKernel) Run(out, in []complex128, inverse bool, s float64) {
	panic("asm: no whole-transform FFT kernel on arm64")
}
