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

// fftMixedPrepare picks the kernel of a supported complex64 stage, as
// FFTMixedStage, fftMixedNarrowAt, fftMixedGroupAt and fftMixedWideAt do.
func fftMixedPrepare(l Level, p, ls, r int) (k fftMixedKernel, ok bool) {
	for d := range 2 {
		switch {
		case fftMixedNarrow(l, p, ls, r):
			k.id[d] = mixNIDs[b2i(mixNCompact(p, ls, 8))][b2i(l == AVX512)][d][p]
		case fftMixedGrouped(l, p, ls, r):
			k.id[d] = mixGroupIDs[b2i(l == AVX512)][d][p]
		default:
			wl := l
			if l == AVX512 && mixedWideAtAVX2(p, r, FFTValues(AVX512), true) {
				wl = AVX2
			}
			k.ovl = mixedWideOverlap(r, FFTValues(wl))
			k.id[d] = mixWideIDs[b2i(wl == AVX512)][d][p]
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
			wl := l
			if l == AVX512 && mixedWideAtAVX2(p, r, FFT64Values(AVX512), false) {
				wl = AVX2
			}
			k.ovl = mixedWideOverlap(r, FFT64Values(wl))
			k.id[d] = mix64WideIDs[b2i(wl == AVX512)][d][p]
		}
		if k.id[d] == 0 {
			return fft64MixedKernel{}, false
		}
	}
	return k, true
}
