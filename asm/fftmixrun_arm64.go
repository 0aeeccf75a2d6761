//go:build gc && !purego

package asm

// fftMixedKernel is a prepared step's kernel (fftmixrun.go) at NEON: the
// wide kernel by direction, and its scaled form for a first stage whose
// s is not 1, as fftMixedWideAt picks them per call.
type fftMixedKernel struct {
	wide   [2]func(o, i *complex64, w *float32, ls, r int)
	scaled [2]func(o, i *complex64, r int, s float32)
}

func fftMixedPrepare(l Level, p, ls, r int) (k fftMixedKernel, ok bool) {
	if p >= len(fftMixNEON) {
		return k, false
	}
	k.wide, k.scaled = fftMixNEON[p], fftMixScaledNEON[p]
	return k, k.wide[0] != nil && k.wide[1] != nil && k.scaled[0] != nil && k.scaled[1] != nil
}

// fft64MixedKernel is fftMixedKernel for complex128.
type fft64MixedKernel struct {
	wide   [2]func(o, i *complex128, w *float64, ls, r int)
	scaled [2]func(o, i *complex128, r int, s float64)
}

func fft64MixedPrepare(l Level, p, ls, r int) (k fft64MixedKernel, ok bool) {
	if p >= len(fft64MixNEON) {
		return k, false
	}
	k.wide, k.scaled = fft64MixNEON[p], fft64MixScaledNEON[p]
	return k, k.wide[0] != nil && k.wide[1] != nil && k.scaled[0] != nil && k.scaled[1] != nil
}

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
	// Pointers, not slices, once the lengths are checked: three fewer
	// registers to keep across the kernel calls.
	out, other := &dst[0], &work[0]
	if len(steps)%2 == 0 {
		out, other = other, out
	}
	in := &src[0]
	if len(steps)%2 == 1 && in == &dst[0] {
		copy(work, src)
		in = &work[0]
	}
	d := b2i(inverse)
	off := 0
	for i := range steps {
		st := &steps[i]
		if st.n != n || st.twLen > len(tw)-off {
			panic("asm: FFTMixedRun: step does not fit")
		}
		if s != 1 {
			st.k.scaled[d](out, in, st.r, s)
		} else {
			st.k.wide[d](out, in, &tw[off], st.ls, st.r)
		}
		off += st.twLen
		s = 1
		in, out, other = out, other, out
	}
}

// FFT64MixedRun is FFTMixedRun for complex128.
func FFT64MixedRun(steps []FFT64MixedStep, dst, src, work []complex128, tw []float64, s float64, inverse bool) {
	n := len(dst)
	if n == 0 || len(src) != n || len(work) != n || len(steps) == 0 || (s != 1 && steps[0].ls != 1) {
		panic("asm: FFT64MixedRun: bad shape")
	}
	// Pointers, not slices, once the lengths are checked: three fewer
	// registers to keep across the kernel calls.
	out, other := &dst[0], &work[0]
	if len(steps)%2 == 0 {
		out, other = other, out
	}
	in := &src[0]
	if len(steps)%2 == 1 && in == &dst[0] {
		copy(work, src)
		in = &work[0]
	}
	d := b2i(inverse)
	off := 0
	for i := range steps {
		st := &steps[i]
		if st.n != n || st.twLen > len(tw)-off {
			panic("asm: FFT64MixedRun: step does not fit")
		}
		if s != 1 {
			st.k.scaled[d](out, in, st.r, s)
		} else {
			st.k.wide[d](out, in, &tw[off], st.ls, st.r)
		}
		off += st.twLen
		s = 1
		in, out, other = out, other, out
	}
}
