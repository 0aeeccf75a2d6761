//go:build gc && !purego

package asm

// The amd64 side of the wide mixed-radix stages (fftmixed.go): which
// kernel of avogen/fftmix.go runs a stage at level l (AVX2 or AVX512).
// FFTMixedStage and FFT64MixedStage have checked the shape; the table is
// the j-major (Re, Im) pairs FFTMixedTwiddles writes. Accuracy: within a
// few float32 (float64) roundings of the stage in float64
// (fftmix_test.go). Speed: see BenchmarkFFTMixedStage.

// fftMixedWideAt runs the wide radix-p stage of complex64 values; r = len(in)/(p·ls).
func fftMixedWideAt(l Level, p int, out, in []complex64, tw []float32, ls int, s float32, inverse bool) {
	o, i, w := &out[0], &in[0], &tw[0]
	r := len(in) / (p * ls)
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
