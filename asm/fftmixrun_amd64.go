//go:build gc && !purego

package asm

// fftMixedKernel is a prepared step's kernel (fftmixrun.go) at AVX2 or
// AVX-512 by direction, numbered as fftmixrun_kernels_amd64.go numbers
// them (narrow, grouped or wide), and the wide kernel's ovl, chosen as
// FFTMixedStage chooses per call.
type fftMixedKernel struct {
	id  [2]uint8
	ovl int
}

// fftMixedPrepare picks the kernel of a supported complex64 stage: the
// one choice of it on amd64, for FFTMixedStage and the prepared steps.
func fftMixedPrepare(l Level, p, ls, r int) (k fftMixedKernel, ok bool) {
	for d := range 2 {
		switch {
		case fftMixedNarrow(l, p, ls, r):
			k.id[d] = mixNIDs[b2i(mixNCompact(p, ls, 8))][b2i(l == AVX512)][d][p]
		case fftMixedGrouped(l, p, ls, r):
			k.id[d] = mixGroupIDs[b2i(l == AVX512)][d][p]
		default:
			k.id[d], k.ovl = fftMixedWideKernel(l, p, r, d)
		}
		if k.id[d] == 0 {
			return fftMixedKernel{}, false
		}
	}
	return k, true
}

// fft64MixedKernel is fftMixedKernel for complex128 (no grouped form).
type fft64MixedKernel struct {
	id  [2]uint8
	ovl int
}

// fft64MixedPrepare is fftMixedPrepare for complex128 (FFT64MixedStage).
func fft64MixedPrepare(l Level, p, ls, r int) (k fft64MixedKernel, ok bool) {
	for d := range 2 {
		if fftMixedNarrow(l, p, ls, r) {
			nl := fft64MixNLevel(l, p)
			k.id[d] = mix64NIDs[b2i(mixNCompact(p, ls, 16))][b2i(nl == AVX512)][d][p]
		} else {
			k.id[d], k.ovl = fft64MixedWideKernel(l, p, r, d)
		}
		if k.id[d] == 0 {
			return fft64MixedKernel{}, false
		}
	}
	return k, true
}

// fftMixedWideKernel is the wide complex64 kernel of radix p at level l
// for direction d (1 inverse) and its ovl: at AVX-512 the AVX2 kernel
// where mixedWideAtAVX2 says so.
func fftMixedWideKernel(l Level, p, r, d int) (id uint8, ovl int) {
	if l == AVX512 && mixedWideAtAVX2(p, r, FFTValues(AVX512), true) {
		l = AVX2
	}
	return mixWideIDs[b2i(l == AVX512)][d][p], mixedWideOverlap(r, FFTValues(l))
}

// fft64MixedWideKernel is fftMixedWideKernel for complex128.
func fft64MixedWideKernel(l Level, p, r, d int) (id uint8, ovl int) {
	if l == AVX512 && mixedWideAtAVX2(p, r, FFT64Values(AVX512), false) {
		l = AVX2
	}
	return mix64WideIDs[b2i(l == AVX512)][d][p], mixedWideOverlap(r, FFT64Values(l))
}

// fftMixedWideAt runs the wide complex64 radix-p stage whatever the shape
// (r = len(in)/(p·ls), r = 1 included, which FFTMixedStage may give the
// narrow kernel; the tests' FFTMixedWideForTest), through the wide IDs
// and FFTMixedRun, with tw the j-major (Re, Im) table.
func fftMixedWideAt(l Level, p int, out, in []complex64, tw []float32, ls int, s float32, inverse bool) {
	st := FFTMixedStep{n: len(in), ls: ls, r: len(in) / (p * ls), twLen: 2 * (p - 1) * ls}
	for d := range 2 {
		st.k.id[d], st.k.ovl = fftMixedWideKernel(l, p, st.r, d)
	}
	steps := [1]FFTMixedStep{st}
	FFTMixedRun(steps[:], out, in, out, tw, s, inverse)
}

// fft64MixedWideAt is fftMixedWideAt for complex128.
func fft64MixedWideAt(l Level, p int, out, in []complex128, tw []float64, ls int, s float64, inverse bool) {
	st := FFT64MixedStep{n: len(in), ls: ls, r: len(in) / (p * ls), twLen: 2 * (p - 1) * ls}
	for d := range 2 {
		st.k.id[d], st.k.ovl = fft64MixedWideKernel(l, p, st.r, d)
	}
	steps := [1]FFT64MixedStep{st}
	FFT64MixedRun(steps[:], out, in, out, tw, s, inverse)
}
