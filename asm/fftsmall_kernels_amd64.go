//go:build gc && !purego

package asm

import "math/bits"

// The whole-transform kernels (avogen/fftsmall.go), called by a switch
// rather than through func values: a call through a func value loses
// //go:noescape, and every slice passed to it would escape to the heap.

// fftSmallLog2 returns log2 n when level l has a complex64 kernel of
// length n (n = 32 … 256 at both levels, and 512 at AVX2; AVX-512 runs
// the YMM kernels of n = 32 and 256, see avogen/fftsmall.go), else −1.
func fftSmallLog2(l Level, n int) int {
	if n < 32 || n&(n-1) != 0 {
		return -1
	}
	switch lg := bits.TrailingZeros(uint(n)); {
	case lg <= 8 && (l == AVX2 || l == AVX512), lg == 9 && l == AVX2:
		return lg
	}
	return -1
}

// FFTSmallSupported reports whether level l has a whole-transform
// kernel of length n (FFTSmallKernel).
func FFTSmallSupported(l Level, n int) bool { return fftSmallLog2(l, n) >= 0 }

// FFTSmallKernel is the whole-transform kernel pair of one length and
// level, looked up once (a plan holds it).
type FFTSmallKernel struct {
	n   int
	zmm bool // the AVX-512 kernel (else the AVX2 one)
}

// NewFFTSmallKernel returns the kernels of length n at level l, or nil
// when FFTSmallSupported(l, n) is false.
func NewFFTSmallKernel(l Level, n int) *FFTSmallKernel {
	if fftSmallLog2(l, n) < 0 {
		return nil
	}
	return &FFTSmallKernel{n: n, zmm: l == AVX512 && (n == 64 || n == 128)}
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
	o, i := &out[0], &in[0]
	if k.zmm {
		switch {
		case k.n == 64 && inverse:
			fftSmall64AVX512Inv(o, i, s)
		case k.n == 64:
			fftSmall64AVX512Fwd(o, i, 1)
		case inverse:
			fftSmall128AVX512Inv(o, i, s)
		default:
			fftSmall128AVX512Fwd(o, i, 1)
		}
		return
	}
	switch {
	case k.n == 32 && inverse:
		fftSmall32AVX2Inv(o, i, s)
	case k.n == 32:
		fftSmall32AVX2Fwd(o, i, 1)
	case k.n == 64 && inverse:
		fftSmall64AVX2Inv(o, i, s)
	case k.n == 64:
		fftSmall64AVX2Fwd(o, i, 1)
	case k.n == 128 && inverse:
		fftSmall128AVX2Inv(o, i, s)
	case k.n == 128:
		fftSmall128AVX2Fwd(o, i, 1)
	case k.n == 256 && inverse:
		fftSmall256AVX2Inv(o, i, s)
	case k.n == 256:
		fftSmall256AVX2Fwd(o, i, 1)
	case inverse:
		fftSmall512AVX2Inv(o, i, s)
	default:
		fftSmall512AVX2Fwd(o, i, 1)
	}
}

// FFTSmall is NewFFTSmallKernel(l, len(in)).Run(out, in, inverse, s); it
// panics when the length has no kernel at l.
func FFTSmall(l Level, out, in []complex64, inverse bool, s float32) {
	if fftSmallLog2(l, len(in)) < 0 {
		panic("asm: FFTSmall: unsupported length")
	}
	k := FFTSmallKernel{n: len(in), zmm: l == AVX512 && (len(in) == 64 || len(in) == 128)}
	k.Run(out, in, inverse, s)
}

// FFT64SmallKernel is FFTSmallKernel for complex128: n = 32 … 256 at
// AVX-512, 32 … 128 at AVX2.
type FFT64SmallKernel struct {
	n   int
	zmm bool
}

// NewFFT64SmallKernel is NewFFTSmallKernel for complex128, but with no
// kernel for n = 256 at AVX2: there the Stockham stages ending with the
// fused tail (FFT64Tail16) are faster (Plan64 n = 256, FFTWInterleaved,
// interleaved A/B, three rounds: 286–295 against the kernel's 318–320
// ns), at 64 and 128 they are not (89 against 51, 134 against 102 ns).
func NewFFT64SmallKernel(l Level, n int) *FFT64SmallKernel {
	if (l != AVX2 && l != AVX512) || (n != 32 && n != 64 && n != 128 && n != 256) || l == AVX2 && n == 256 {
		return nil
	}
	return &FFT64SmallKernel{n: n, zmm: l == AVX512}
}

// Run is FFTSmallKernel.Run for complex128.
func (k *FFT64SmallKernel) Run(out, in []complex128, inverse bool, s float64) {
	if len(in) != k.n || len(out) != k.n {
		panic("asm: FFT64SmallKernel.Run: bad length")
	}
	o, i := &out[0], &in[0]
	if k.zmm {
		switch {
		case k.n == 32 && inverse:
			fft64Small32AVX512Inv(o, i, s)
		case k.n == 32:
			fft64Small32AVX512Fwd(o, i, 1)
		case k.n == 64 && inverse:
			fft64Small64AVX512Inv(o, i, s)
		case k.n == 64:
			fft64Small64AVX512Fwd(o, i, 1)
		case k.n == 128 && inverse:
			fft64Small128AVX512Inv(o, i, s)
		case k.n == 128:
			fft64Small128AVX512Fwd(o, i, 1)
		case inverse:
			fft64Small256AVX512Inv(o, i, s)
		default:
			fft64Small256AVX512Fwd(o, i, 1)
		}
		return
	}
	switch {
	case k.n == 32 && inverse:
		fft64Small32AVX2Inv(o, i, s)
	case k.n == 32:
		fft64Small32AVX2Fwd(o, i, 1)
	case k.n == 64 && inverse:
		fft64Small64AVX2Inv(o, i, s)
	case k.n == 64:
		fft64Small64AVX2Fwd(o, i, 1)
	case inverse:
		fft64Small128AVX2Inv(o, i, s)
	default:
		fft64Small128AVX2Fwd(o, i, 1)
	}
}
