//go:build gc && !purego

package asm

import "math/bits"

// fftSmallKernel is one whole-transform kernel (avogen/fftsmall.go).
type fftSmallKernel func(out, in *complex64, s float32)

// fftSmallKernels holds, per level (AVX2, AVX512) and log2 n, the forward
// and inverse kernels; nil where a length has none. The AVX-512 level
// runs the YMM kernel of n = 32, where a ZMM would hold more values than
// a row of its transpose.
var fftSmallKernels = [2][9][2]fftSmallKernel{
	{
		5: {fftSmall32AVX2Fwd, fftSmall32AVX2Inv},
		6: {fftSmall64AVX2Fwd, fftSmall64AVX2Inv},
		7: {fftSmall128AVX2Fwd, fftSmall128AVX2Inv},
		8: {fftSmall256AVX2Fwd, fftSmall256AVX2Inv},
	},
	{
		5: {fftSmall32AVX2Fwd, fftSmall32AVX2Inv},
		6: {fftSmall64AVX512Fwd, fftSmall64AVX512Inv},
		7: {fftSmall128AVX512Fwd, fftSmall128AVX512Inv},
	},
}

// fftSmallLookup returns the kernels of length n at level l, or nil.
func fftSmallLookup(l Level, n int) *[2]fftSmallKernel {
	if (l != AVX2 && l != AVX512) || n < 1 || n&(n-1) != 0 {
		return nil
	}
	lg := bits.TrailingZeros(uint(n))
	if lg >= len(fftSmallKernels[0]) {
		return nil
	}
	k := &fftSmallKernels[l-AVX2][lg]
	if k[0] == nil {
		return nil
	}
	return k
}

// FFTSmallSupported reports whether FFTSmall has a kernel for length n at
// level l.
func FFTSmallSupported(l Level, n int) bool { return fftSmallLookup(l, n) != nil }

// FFTSmallKernel is the whole-transform kernel pair of one length and
// level, looked up once (a plan holds it), so that a call is one length
// check and one indirect call.
type FFTSmallKernel struct {
	n int
	k *[2]fftSmallKernel
}

// NewFFTSmallKernel returns the kernels of length n at level l, or nil
// when FFTSmallSupported(l, n) is false.
func NewFFTSmallKernel(l Level, n int) *FFTSmallKernel {
	k := fftSmallLookup(l, n)
	if k == nil {
		return nil
	}
	return &FFTSmallKernel{n: n, k: k}
}

// Run runs the whole complex64 FFT of length n in one call
// (avogen/fftsmall.go): out_k = Σ_j in_j·e^{∓2πi·jk/n}, the inverse's
// outputs scaled by s, a power of two (1, or 1/n); the forward ignores s.
// len(out) and len(in) must be n; out may be in itself but must not
// overlap it otherwise.
func (k *FFTSmallKernel) Run(out, in []complex64, inverse bool, s float32) {
	if len(in) != k.n || len(out) != k.n {
		panic("asm: FFTSmallKernel.Run: bad length")
	}
	if inverse {
		k.k[1](&out[0], &in[0], s)
	} else {
		k.k[0](&out[0], &in[0], 1)
	}
}

// FFTSmall is NewFFTSmallKernel(l, len(in)).Run(out, in, inverse, s); it
// panics when the length has no kernel at l.
func FFTSmall(l Level, out, in []complex64, inverse bool, s float32) {
	k := fftSmallLookup(l, len(in))
	if k == nil {
		panic("asm: FFTSmall: unsupported length")
	}
	kernel := FFTSmallKernel{n: len(in), k: k}
	kernel.Run(out, in, inverse, s)
}

// fft64SmallKernel is one complex128 whole-transform kernel.
type fft64SmallKernel func(out, in *complex128, s float64)

// fft64SmallKernels is fftSmallKernels for complex128.
var fft64SmallKernels = [2][8][2]fft64SmallKernel{
	{
		5: {fft64Small32AVX2Fwd, fft64Small32AVX2Inv},
		6: {fft64Small64AVX2Fwd, fft64Small64AVX2Inv},
		7: {fft64Small128AVX2Fwd, fft64Small128AVX2Inv},
	},
	{
		5: {fft64Small32AVX512Fwd, fft64Small32AVX512Inv},
		6: {fft64Small64AVX512Fwd, fft64Small64AVX512Inv},
		7: {fft64Small128AVX512Fwd, fft64Small128AVX512Inv},
	},
}

// FFT64SmallKernel is FFTSmallKernel for complex128.
type FFT64SmallKernel struct {
	n int
	k *[2]fft64SmallKernel
}

// NewFFT64SmallKernel is NewFFTSmallKernel for complex128.
func NewFFT64SmallKernel(l Level, n int) *FFT64SmallKernel {
	if (l != AVX2 && l != AVX512) || n < 1 || n&(n-1) != 0 {
		return nil
	}
	lg := bits.TrailingZeros(uint(n))
	if lg >= len(fft64SmallKernels[0]) || fft64SmallKernels[l-AVX2][lg][0] == nil {
		return nil
	}
	return &FFT64SmallKernel{n: n, k: &fft64SmallKernels[l-AVX2][lg]}
}

// Run is FFTSmallKernel.Run for complex128.
func (k *FFT64SmallKernel) Run(out, in []complex128, inverse bool, s float64) {
	if len(in) != k.n || len(out) != k.n {
		panic("asm: FFT64SmallKernel.Run: bad length")
	}
	if inverse {
		k.k[1](&out[0], &in[0], s)
	} else {
		k.k[0](&out[0], &in[0], 1)
	}
}
