//go:build gc && !purego && (amd64 || arm64)

package asm

// Entry points of the mixed-radix Stockham stages for package fft's plans
// of the lengths 2^a·3^b·5^c that are not powers of two: one stage of
// radix p ∈ {2, 3, 4, 5} (and 8 where the level has it:
// fftMixedRadix8), complex64 (FFTMixed…) or complex128
// (FFT64Mixed…), with the meaning of package generic's stages
// (generic/fft_radix.go). For the length-n transform, sub-transform
// length ls and r = n/(p·ls):
//
//	out[(j + t·ls)·r + k] = Σ_q ω_p^{∓q·t} · ω_L^{∓q·j} · s·in[j·p·r + q·r + k]
//
// for j < ls, k < r, t < p, L = p·ls, ω_m = exp(2πi/m), the upper sign
// forward. in and out have n values and must not overlap; s scales the
// inputs (1, or an inverse's 1/n) and must be 1 unless ls = 1. The
// stage's twiddles ω_L^{q·j} (forward, q = 1 … p−1) are in a table whose
// layout belongs to the level: build it with FFTMixedTwiddles.

// FFTMixedSupported reports whether level l has a kernel for the radix-p
// stage with sub-transform length ls and r = n/(p·ls).
func FFTMixedSupported(l Level, p, ls, r int) bool {
	return fftMixedLevel(l) && fftMixedRadix(l, p) && ls >= 1 && r >= 1
}

// FFTMixedTwiddleLen is the float32 count of the table of a radix-p
// stage at level l.
func FFTMixedTwiddleLen(l Level, p, ls, r int) int {
	if fftMixedNarrow(l, p, ls, r) {
		return fftMixedNarrowTwiddleLen(l, p, ls)
	}
	if fftMixedGrouped(l, p, ls, r) {
		return mixedGroupTwiddleLen(p, ls, r)
	}
	return 2 * (p - 1) * ls
}

// FFTMixedTwiddles fills tw[:FFTMixedTwiddleLen(l, p, ls, r)] with the
// stage's twiddles in level l's layout; w(q, j) is ω_L^{q·j} of the
// forward transform, computed by the caller in float64 and rounded here.
func FFTMixedTwiddles(l Level, p, ls, r int, w func(q, j int) complex128, tw []float32) {
	tw = tw[:FFTMixedTwiddleLen(l, p, ls, r)]
	if fftMixedNarrow(l, p, ls, r) {
		fftMixedNarrowTwiddles(l, p, ls, w, tw)
		return
	}
	if fftMixedGrouped(l, p, ls, r) {
		mixedGroupTwiddles(FFTValues(l), p, ls, r, w, tw)
		return
	}
	for j := range ls {
		for q := 1; q < p; q++ {
			v := w(q, j)
			i := 2 * (j*(p-1) + q - 1)
			tw[i], tw[i+1] = float32(real(v)), float32(imag(v))
		}
	}
}

// FFTMixedStage runs one radix-p stage of a complex64 FFT of length
// len(in) (see the file comment); the stage must be FFTMixedSupported.
func FFTMixedStage(l Level, p int, out, in []complex64, tw []float32, ls int, s float32, inverse bool) {
	n := len(in)
	if p < 2 || ls < 1 || n%(p*ls) != 0 || len(out) != n || (s != 1 && ls != 1) {
		panic("asm: FFTMixedStage: bad shape")
	}
	st, ok := NewFFTMixedStep(l, p, ls, n/(p*ls))
	if !ok {
		panic("asm: FFTMixedStage: unsupported stage")
	}
	// The kernel is the prepared step's (fftMixedPrepare, the one list of
	// them), run as a chain of one. One step out of place touches no work
	// buffer (FFTMixedRun copies into work only when src is dst), so out
	// stands in for it.
	steps := [1]FFTMixedStep{st}
	FFTMixedRun(steps[:], out, in, out, tw[:st.twLen], s, inverse)
}

// FFT64MixedSupported is FFTMixedSupported for complex128.
func FFT64MixedSupported(l Level, p, ls, r int) bool {
	return fftMixedLevel(l) && fftMixedRadix(l, p) && ls >= 1 && r >= 1
}

// FFT64MixedTwiddleLen is the float64 count of the table of a radix-p
// stage at level l.
func FFT64MixedTwiddleLen(l Level, p, ls, r int) int {
	if fftMixedNarrow(l, p, ls, r) {
		return fft64MixedNarrowTwiddleLen(l, p, ls)
	}
	return 2 * (p - 1) * ls
}

// FFT64MixedTwiddles is FFTMixedTwiddles for complex128.
func FFT64MixedTwiddles(l Level, p, ls, r int, w func(q, j int) complex128, tw []float64) {
	tw = tw[:FFT64MixedTwiddleLen(l, p, ls, r)]
	if fftMixedNarrow(l, p, ls, r) {
		fft64MixedNarrowTwiddles(l, p, ls, w, tw)
		return
	}
	for j := range ls {
		for q := 1; q < p; q++ {
			v := w(q, j)
			i := 2 * (j*(p-1) + q - 1)
			tw[i], tw[i+1] = real(v), imag(v)
		}
	}
}

// FFT64MixedStage is FFTMixedStage for complex128.
func FFT64MixedStage(l Level, p int, out, in []complex128, tw []float64, ls int, s float64, inverse bool) {
	n := len(in)
	if p < 2 || ls < 1 || n%(p*ls) != 0 || len(out) != n || (s != 1 && ls != 1) {
		panic("asm: FFT64MixedStage: bad shape")
	}
	st, ok := NewFFT64MixedStep(l, p, ls, n/(p*ls))
	if !ok {
		panic("asm: FFT64MixedStage: unsupported stage")
	}
	// As in FFTMixedStage: one prepared step, out for the unused work.
	steps := [1]FFT64MixedStep{st}
	FFT64MixedRun(steps[:], out, in, out, tw[:st.twLen], s, inverse)
}

// mixedRadix reports whether p is a radix every level with mixed-radix
// kernels has (and the narrow form, fftmixn.go, takes).
func mixedRadix(p int) bool { return p >= 2 && p <= 5 }

// fftMixedRadix reports whether level l has the radix-p stages.
func fftMixedRadix(l Level, p int) bool { return mixedRadix(p) || p == 8 && fftMixedRadix8(l) }
