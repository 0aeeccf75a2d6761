//go:build gc && !purego

package asm

// fftMixedKernel is a prepared step's kernel (fftmixrun.go) at NEON: the
// wide kernel by direction, and its scaled form for a first stage whose
// s is not 1, as fftMixedWideAt picks them per call.
type fftMixedKernel struct {
	wide   [2]func(o, i *complex64, w *float32, ls, r int)
	scaled [2]func(o, i *complex64, r int, s float32)
}

func (k *fftMixedKernel) run(o, i *complex64, w *float32, ls, r int, s float32, inverse bool) {
	d := b2i(inverse)
	if s != 1 {
		k.scaled[d](o, i, r, s)
		return
	}
	k.wide[d](o, i, w, ls, r)
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

func (k *fft64MixedKernel) run(o, i *complex128, w *float64, ls, r int, s float64, inverse bool) {
	d := b2i(inverse)
	if s != 1 {
		k.scaled[d](o, i, r, s)
		return
	}
	k.wide[d](o, i, w, ls, r)
}

func fft64MixedPrepare(l Level, p, ls, r int) (k fft64MixedKernel, ok bool) {
	if p >= len(fft64MixNEON) {
		return k, false
	}
	k.wide, k.scaled = fft64MixNEON[p], fft64MixScaledNEON[p]
	return k, k.wide[0] != nil && k.wide[1] != nil && k.scaled[0] != nil && k.scaled[1] != nil
}
