//go:build gc && !purego

package asm

// A stand-in for engineer mixk's AVX kernels (asm/fftmix_kernels_amd64.go),
// so that this branch compiles on amd64: the wide stages in plain Go, as
// FFTMixedStage ran them before. It goes when the kernels are merged.

func fftMixedWideAt(l Level, p int, out, in []complex64, tw []float32, ls int, s float32, inverse bool) {
	mixedStageGo(p, out, in, func(i int) complex128 {
		return complex(float64(tw[2*i]), float64(tw[2*i+1]))
	}, ls, float64(s), inverse)
}

func fft64MixedWideAt(l Level, p int, out, in []complex128, tw []float64, ls int, s float64, inverse bool) {
	mixedStageGo(p, out, in, func(i int) complex128 {
		return complex(tw[2*i], tw[2*i+1])
	}, ls, s, inverse)
}
