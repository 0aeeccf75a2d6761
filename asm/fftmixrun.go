//go:build gc && !purego && (amd64 || arm64)

package asm

// Prepared mixed-radix stages: the per-plan form of FFTMixedStage and
// FFT64MixedStage for package fft's plans. FFTMixedStage decides per call
// (it prepares a step and runs it alone) what never changes for a plan's
// stage — the shape checks, FFTMixedSupported, FFTMixedTwiddleLen, the
// narrow / grouped / wide form, the kernel, the AVX2-at-AVX-512 rule and ovl — which at n = 60 (three
// stages, complex64, AVX-512) was about half of the time beside the
// kernels' (perf: FFTMixedStage 12%, fftMixedWideAt 8%, fftMixNAt 5%,
// FFTMixedTwiddleLen 5%, the plan's stage loop 10%, against 47% in the
// kernels). NewFFTMixedStep makes those choices once; FFTMixedRun runs a
// whole chain of steps in one call, ping-ponging between dst and work,
// with only the checks that keep the kernels inside their buffers: every
// step's length against len(dst) = len(src) = len(work) and its table
// inside tw. FFTMixedRun is each architecture's, one frame whose loop
// calls each kernel straight: on amd64 by a switch on the step's kernel
// number (fftmixrun_kernels_amd64.go; direct calls, no ABI wrapper), on
// arm64 from the step's func value (fftmixrun_arm64.go). A step is a
// value the constructor alone fills (its zero value is rejected by the
// length check), so the kernel and its arguments always agree.

// FFTMixedStep is one radix-p stage of a complex64 mixed-radix FFT
// (sub-transform length ls, r = n/(p·ls)) at one level, prepared by
// NewFFTMixedStep for FFTMixedRun.
type FFTMixedStep struct {
	n, ls, r, twLen int
	k               fftMixedKernel
}

// NewFFTMixedStep prepares the radix-p stage (ls, r) at level l; ok is
// false where FFTMixedSupported is. The step runs the kernel
// FFTMixedStage would, bit for bit, with the table FFTMixedTwiddles
// builds (FFTMixedTwiddleLen(l, p, ls, r) floats: Len).
func NewFFTMixedStep(l Level, p, ls, r int) (st FFTMixedStep, ok bool) {
	if p < 2 || ls < 1 || r < 1 || !FFTMixedSupported(l, p, ls, r) {
		return FFTMixedStep{}, false
	}
	k, ok := fftMixedPrepare(l, p, ls, r)
	if !ok {
		return FFTMixedStep{}, false
	}
	return FFTMixedStep{n: p * ls * r, ls: ls, r: r, twLen: FFTMixedTwiddleLen(l, p, ls, r), k: k}, true
}

// TwiddleLen is the float32 count of the step's table.
func (st *FFTMixedStep) TwiddleLen() int { return st.twLen }

// FFT64MixedStep is FFTMixedStep for complex128.
type FFT64MixedStep struct {
	n, ls, r, twLen int
	k               fft64MixedKernel
}

// NewFFT64MixedStep is NewFFTMixedStep for complex128 (FFT64MixedStage,
// FFT64MixedTwiddles).
func NewFFT64MixedStep(l Level, p, ls, r int) (st FFT64MixedStep, ok bool) {
	if p < 2 || ls < 1 || r < 1 || !FFT64MixedSupported(l, p, ls, r) {
		return FFT64MixedStep{}, false
	}
	k, ok := fft64MixedPrepare(l, p, ls, r)
	if !ok {
		return FFT64MixedStep{}, false
	}
	return FFT64MixedStep{n: p * ls * r, ls: ls, r: r, twLen: FFT64MixedTwiddleLen(l, p, ls, r), k: k}, true
}

// TwiddleLen is the float64 count of the step's table.
func (st *FFT64MixedStep) TwiddleLen() int { return st.twLen }
