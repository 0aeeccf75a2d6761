//go:build gc && !purego && (amd64 || arm64)

package asm

// Prepared mixed-radix stages: the per-plan form of FFTMixedStage and
// FFT64MixedStage for package fft's plans. FFTMixedStage decides per call
// what never changes for a plan's stage — the shape checks,
// FFTMixedSupported, FFTMixedTwiddleLen, the narrow / grouped / wide form,
// the kernel, the AVX2-at-AVX-512 rule and ovl — which at n = 60 (three
// stages, complex64, AVX-512) was about half of the time beside the
// kernels' (perf: FFTMixedStage 12%, fftMixedWideAt 8%, fftMixNAt 5%,
// FFTMixedTwiddleLen 5%, the plan's stage loop 10%, against 47% in the
// kernels). NewFFTMixedStep makes those choices once; FFTMixedRun runs a
// whole chain of steps in one call, ping-ponging between dst and work,
// with only the checks that keep the kernels inside their buffers: every
// step's length against len(dst) = len(src) = len(work) and its table
// inside tw. A step is a value the constructor alone fills (its zero
// value is rejected by the length check), so the kernel and its
// arguments always agree.

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

// FFTMixedRun runs the steps in order, the first from src, the last into
// dst (dst may be src; then, with an odd count, the first reads a copy in
// work), the others ping-ponging between dst and work; work shares no
// memory with dst or src. tw holds the steps' tables back to back, in
// order. The first step's inputs are scaled by s, which must be 1 unless
// its ls is 1 (an inverse's 1/n). It panics unless every step is of
// length n = len(dst) = len(src) = len(work) and the tables fit in tw.
func FFTMixedRun(steps []FFTMixedStep, dst, src, work []complex64, tw []float32, s float32, inverse bool) {
	n := len(dst)
	if n == 0 || len(src) != n || len(work) != n || len(steps) == 0 || (s != 1 && steps[0].ls != 1) {
		panic("asm: FFTMixedRun: bad shape")
	}
	out, other := dst, work
	if len(steps)%2 == 0 {
		out, other = work, dst
	}
	in := src
	if len(steps)%2 == 1 && &src[0] == &dst[0] {
		copy(work, src)
		in = work
	}
	off := 0
	for i := range steps {
		st := &steps[i]
		if st.n != n || st.twLen > len(tw)-off {
			panic("asm: FFTMixedRun: step does not fit")
		}
		st.k.run(&out[0], &in[0], &tw[off], st.ls, st.r, s, inverse)
		off += st.twLen
		s = 1
		in, out, other = out, other, out
	}
}

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

// FFT64MixedRun is FFTMixedRun for complex128.
func FFT64MixedRun(steps []FFT64MixedStep, dst, src, work []complex128, tw []float64, s float64, inverse bool) {
	n := len(dst)
	if n == 0 || len(src) != n || len(work) != n || len(steps) == 0 || (s != 1 && steps[0].ls != 1) {
		panic("asm: FFT64MixedRun: bad shape")
	}
	out, other := dst, work
	if len(steps)%2 == 0 {
		out, other = work, dst
	}
	in := src
	if len(steps)%2 == 1 && &src[0] == &dst[0] {
		copy(work, src)
		in = work
	}
	off := 0
	for i := range steps {
		st := &steps[i]
		if st.n != n || st.twLen > len(tw)-off {
			panic("asm: FFT64MixedRun: step does not fit")
		}
		st.k.run(&out[0], &in[0], &tw[off], st.ls, st.r, s, inverse)
		off += st.twLen
		s = 1
		in, out, other = out, other, out
	}
}
