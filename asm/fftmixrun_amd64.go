//go:build gc && !purego

package asm

// fftMixedKernel is a prepared step's kernel (fftmixrun.go) at AVX2 or
// AVX-512: the narrow or grouped kernel by direction (short), else the
// wide one (wide) with its ovl, chosen as FFTMixedStage chooses per call.
type fftMixedKernel struct {
	short [2]func(o, i *complex64, w *float32, ls int)
	wide  [2]func(o, i *complex64, w *float32, ls, r int, s float32, ovl int)
	ovl   int
}

// fftMixedPrepare picks the kernel of a supported complex64 stage, as
// FFTMixedStage, fftMixedNarrowAt, fftMixedGroupAt and fftMixedWideAt do.
func fftMixedPrepare(l Level, p, ls, r int) (k fftMixedKernel, ok bool) {
	for d := range 2 {
		switch {
		case fftMixedNarrow(l, p, ls, r):
			k.short[d] = fftMixNKernels[b2i(mixNCompact(p, ls, 8))][b2i(l == AVX512)][d][p]
		case fftMixedGrouped(l, p, ls, r):
			k.short[d] = fftMixGroupKernels[b2i(l == AVX512)][d][p]
		default:
			wl := l
			if l == AVX512 && mixedWideAtAVX2(p, r, FFTValues(AVX512), true) {
				wl = AVX2
			}
			k.ovl = mixedWideOverlap(r, FFTValues(wl))
			k.wide[d] = fftMixWideKernels[b2i(wl == AVX512)][d][p]
		}
		if k.short[d] == nil && k.wide[d] == nil {
			return fftMixedKernel{}, false
		}
	}
	return k, true
}

// fft64MixedKernel is fftMixedKernel for complex128 (no grouped form).
type fft64MixedKernel struct {
	short [2]func(o, i *complex128, w *float64, ls int)
	wide  [2]func(o, i *complex128, w *float64, ls, r int, s float64, ovl int)
	ovl   int
}

// fft64MixedPrepare is fftMixedPrepare for complex128 (FFT64MixedStage).
func fft64MixedPrepare(l Level, p, ls, r int) (k fft64MixedKernel, ok bool) {
	for d := range 2 {
		if fftMixedNarrow(l, p, ls, r) {
			nl := fft64MixNLevel(l, p)
			k.short[d] = fft64MixNKernels[b2i(mixNCompact(p, ls, 16))][b2i(nl == AVX512)][d][p]
		} else {
			wl := l
			if l == AVX512 && mixedWideAtAVX2(p, r, FFT64Values(AVX512), false) {
				wl = AVX2
			}
			k.ovl = mixedWideOverlap(r, FFT64Values(wl))
			k.wide[d] = fft64MixWideKernels[b2i(wl == AVX512)][d][p]
		}
		if k.short[d] == nil && k.wide[d] == nil {
			return fft64MixedKernel{}, false
		}
	}
	return k, true
}

// The wide and grouped kernels by [AVX-512][inverse][p] (fftMixedWideAt's
// and fftMixedGroupAt's switches as tables).
var (
	fftMixWideKernels = [2][2][9]func(o, i *complex64, w *float32, ls, r int, s float32, ovl int){
		{
			{2: fftMixWide2AVX2Fwd, 3: fftMixWide3AVX2Fwd, 4: fftMixWide4AVX2Fwd, 5: fftMixWide5AVX2Fwd, 8: fftMixWide8AVX2Fwd},
			{2: fftMixWide2AVX2Inv, 3: fftMixWide3AVX2Inv, 4: fftMixWide4AVX2Inv, 5: fftMixWide5AVX2Inv, 8: fftMixWide8AVX2Inv},
		},
		{
			{2: fftMixWide2AVX512Fwd, 3: fftMixWide3AVX512Fwd, 4: fftMixWide4AVX512Fwd, 5: fftMixWide5AVX512Fwd, 8: fftMixWide8AVX512Fwd},
			{2: fftMixWide2AVX512Inv, 3: fftMixWide3AVX512Inv, 4: fftMixWide4AVX512Inv, 5: fftMixWide5AVX512Inv, 8: fftMixWide8AVX512Inv},
		},
	}
	fft64MixWideKernels = [2][2][9]func(o, i *complex128, w *float64, ls, r int, s float64, ovl int){
		{
			{2: fft64MixWide2AVX2Fwd, 3: fft64MixWide3AVX2Fwd, 4: fft64MixWide4AVX2Fwd, 5: fft64MixWide5AVX2Fwd, 8: fft64MixWide8AVX2Fwd},
			{2: fft64MixWide2AVX2Inv, 3: fft64MixWide3AVX2Inv, 4: fft64MixWide4AVX2Inv, 5: fft64MixWide5AVX2Inv, 8: fft64MixWide8AVX2Inv},
		},
		{
			{2: fft64MixWide2AVX512Fwd, 3: fft64MixWide3AVX512Fwd, 4: fft64MixWide4AVX512Fwd, 5: fft64MixWide5AVX512Fwd, 8: fft64MixWide8AVX512Fwd},
			{2: fft64MixWide2AVX512Inv, 3: fft64MixWide3AVX512Inv, 4: fft64MixWide4AVX512Inv, 5: fft64MixWide5AVX512Inv, 8: fft64MixWide8AVX512Inv},
		},
	}
	fftMixGroupKernels = [2][2][9]func(o, i *complex64, w *float32, ls int){
		{
			{2: fftMixGroup2R2AVX2Fwd, 3: fftMixGroup3R2AVX2Fwd, 4: fftMixGroup4R2AVX2Fwd, 5: fftMixGroup5R2AVX2Fwd, 8: fftMixGroup8R2AVX2Fwd},
			{2: fftMixGroup2R2AVX2Inv, 3: fftMixGroup3R2AVX2Inv, 4: fftMixGroup4R2AVX2Inv, 5: fftMixGroup5R2AVX2Inv, 8: fftMixGroup8R2AVX2Inv},
		},
		{
			{2: fftMixGroup2R2AVX512Fwd, 3: fftMixGroup3R2AVX512Fwd, 4: fftMixGroup4R2AVX512Fwd, 5: fftMixGroup5R2AVX512Fwd, 8: fftMixGroup8R2AVX512Fwd},
			{2: fftMixGroup2R2AVX512Inv, 3: fftMixGroup3R2AVX512Inv, 4: fftMixGroup4R2AVX512Inv, 5: fftMixGroup5R2AVX512Inv, 8: fftMixGroup8R2AVX512Inv},
		},
	}
)

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
		if f := st.k.short[d]; f != nil {
			f(out, in, &tw[off], st.ls)
		} else {
			st.k.wide[d](out, in, &tw[off], st.ls, st.r, s, st.k.ovl)
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
		if f := st.k.short[d]; f != nil {
			f(out, in, &tw[off], st.ls)
		} else {
			st.k.wide[d](out, in, &tw[off], st.ls, st.r, s, st.k.ovl)
		}
		off += st.twLen
		s = 1
		in, out, other = out, other, out
	}
}
