//go:build gc && !purego

package asm

// The amd64 side of the wide mixed-radix stages (fftmixed.go): which
// kernel of avogen/fftmix.go runs a stage at level l (AVX2 or AVX512).
// FFTMixedStage and FFT64MixedStage have checked the shape; the table is
// the j-major (Re, Im) pairs FFTMixedTwiddles writes. Accuracy: within a
// few float32 (float64) roundings of the stage in float64
// (fftmix_test.go). Speed: see BenchmarkFFTMixedStage.

// mixedWideAVX2Below: at AVX-512 a stage whose r is below a ZMM's values
// runs the AVX2 kernel. Both then take their r values in the same YMM and
// XMM registers, but the AVX-512 kernel was the slower by 15–25%
// (best of 400 × 50 calls, interleaved in one process, n = 1000:
// complex64 radix 5, r = 2, 471 ns against 388; radix 4, r = 2, 373
// against 279; radix 2, r = 4, 211 against 177; complex128 radix 5, r = 2,
// 501 against 402), its twiddles broadcast into ZMM registers rather than
// YMM; broadcasting them again at the tail's width made it slower still
// (BenchmarkFFTMixedStage, radix 5, r = 2: 456 → 664 ns). From r = 5 on
// (complex64) the two are level, and from a whole ZMM on AVX-512 leads
// (radix 5, r = 8: 164 against 183 ns).

// fftMixedWideAt runs the wide radix-p stage of complex64 values; r = len(in)/(p·ls).
func fftMixedWideAt(l Level, p int, out, in []complex64, tw []float32, ls int, s float32, inverse bool) {
	o, i, w := &out[0], &in[0], &tw[0]
	r := len(in) / (p * ls)
	if l == AVX512 && r < FFTValues(AVX512) {
		l = AVX2 // see mixedWideAVX2Below
	}
	switch {
	case l == AVX512 && p == 2 && !inverse:
		fftMixWide2AVX512Fwd(o, i, w, ls, r, s)
	case l == AVX512 && p == 2 && inverse:
		fftMixWide2AVX512Inv(o, i, w, ls, r, s)
	case l == AVX512 && p == 3 && !inverse:
		fftMixWide3AVX512Fwd(o, i, w, ls, r, s)
	case l == AVX512 && p == 3 && inverse:
		fftMixWide3AVX512Inv(o, i, w, ls, r, s)
	case l == AVX512 && p == 4 && !inverse:
		fftMixWide4AVX512Fwd(o, i, w, ls, r, s)
	case l == AVX512 && p == 4 && inverse:
		fftMixWide4AVX512Inv(o, i, w, ls, r, s)
	case l == AVX512 && p == 5 && !inverse:
		fftMixWide5AVX512Fwd(o, i, w, ls, r, s)
	case l == AVX512 && p == 5 && inverse:
		fftMixWide5AVX512Inv(o, i, w, ls, r, s)
	case l == AVX2 && p == 2 && !inverse:
		fftMixWide2AVX2Fwd(o, i, w, ls, r, s)
	case l == AVX2 && p == 2 && inverse:
		fftMixWide2AVX2Inv(o, i, w, ls, r, s)
	case l == AVX2 && p == 3 && !inverse:
		fftMixWide3AVX2Fwd(o, i, w, ls, r, s)
	case l == AVX2 && p == 3 && inverse:
		fftMixWide3AVX2Inv(o, i, w, ls, r, s)
	case l == AVX2 && p == 4 && !inverse:
		fftMixWide4AVX2Fwd(o, i, w, ls, r, s)
	case l == AVX2 && p == 4 && inverse:
		fftMixWide4AVX2Inv(o, i, w, ls, r, s)
	case l == AVX2 && p == 5 && !inverse:
		fftMixWide5AVX2Fwd(o, i, w, ls, r, s)
	case l == AVX2 && p == 5 && inverse:
		fftMixWide5AVX2Inv(o, i, w, ls, r, s)
	default:
		panic("asm: fftMixedWideAt: no kernel")
	}
}

// fft64MixedWideAt runs the wide radix-p stage of complex128 values; r = len(in)/(p·ls).
func fft64MixedWideAt(l Level, p int, out, in []complex128, tw []float64, ls int, s float64, inverse bool) {
	o, i, w := &out[0], &in[0], &tw[0]
	r := len(in) / (p * ls)
	if l == AVX512 && r < FFT64Values(AVX512) {
		l = AVX2 // see mixedWideAVX2Below
	}
	switch {
	case l == AVX512 && p == 2 && !inverse:
		fft64MixWide2AVX512Fwd(o, i, w, ls, r, s)
	case l == AVX512 && p == 2 && inverse:
		fft64MixWide2AVX512Inv(o, i, w, ls, r, s)
	case l == AVX512 && p == 3 && !inverse:
		fft64MixWide3AVX512Fwd(o, i, w, ls, r, s)
	case l == AVX512 && p == 3 && inverse:
		fft64MixWide3AVX512Inv(o, i, w, ls, r, s)
	case l == AVX512 && p == 4 && !inverse:
		fft64MixWide4AVX512Fwd(o, i, w, ls, r, s)
	case l == AVX512 && p == 4 && inverse:
		fft64MixWide4AVX512Inv(o, i, w, ls, r, s)
	case l == AVX512 && p == 5 && !inverse:
		fft64MixWide5AVX512Fwd(o, i, w, ls, r, s)
	case l == AVX512 && p == 5 && inverse:
		fft64MixWide5AVX512Inv(o, i, w, ls, r, s)
	case l == AVX2 && p == 2 && !inverse:
		fft64MixWide2AVX2Fwd(o, i, w, ls, r, s)
	case l == AVX2 && p == 2 && inverse:
		fft64MixWide2AVX2Inv(o, i, w, ls, r, s)
	case l == AVX2 && p == 3 && !inverse:
		fft64MixWide3AVX2Fwd(o, i, w, ls, r, s)
	case l == AVX2 && p == 3 && inverse:
		fft64MixWide3AVX2Inv(o, i, w, ls, r, s)
	case l == AVX2 && p == 4 && !inverse:
		fft64MixWide4AVX2Fwd(o, i, w, ls, r, s)
	case l == AVX2 && p == 4 && inverse:
		fft64MixWide4AVX2Inv(o, i, w, ls, r, s)
	case l == AVX2 && p == 5 && !inverse:
		fft64MixWide5AVX2Fwd(o, i, w, ls, r, s)
	case l == AVX2 && p == 5 && inverse:
		fft64MixWide5AVX2Inv(o, i, w, ls, r, s)
	default:
		panic("asm: fft64MixedWideAt: no kernel")
	}
}
