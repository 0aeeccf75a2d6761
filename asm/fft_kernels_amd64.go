//go:build gc && !purego

package asm

// Entry points of the FFT stages for package fft, which plans the stages
// and builds their twiddle tables: complex64 (FFT…, avogen/fft.go) and
// complex128 (FFT64…, avogen/fft64.go). Each takes the level to run at
// (AVX2 or AVX512) and checks the lengths it relies on, so that a
// caller's mistake panics with an index error instead of letting assembly
// touch foreign memory. Accuracy: every stage is within a few float32
// (float64) roundings of the same stage in float64 (asm tests,
// fft_kernels_amd64_test.go); whole transforms are checked in package
// fft. Speed: a radix-4 stage of n = 1024 takes 0.4–0.8 ns per four
// values (best of 300×20 calls, 0.4 for the first stage, 0.8 for the r = 1
// one), so the transform runs at 55,000–70,000 benchFFT MFLOPS; see
// fft.Plan32's doc for the benchmarks.

// FFTValues is the number of complex64 values in one vector at level l.
func FFTValues(l Level) int { return Lanes(l) / 2 }

// FFTRadix4Narrow reports whether a radix-4 stage with r interleaved
// sub-transforms runs the narrow kernel at level l (several j per vector,
// expanded twiddle table) rather than the wide one (vectorised over k).
func FFTRadix4Narrow(l Level, r int) bool { return r < FFTValues(l) }

// FFTRadix4Supported reports whether a radix-4 stage of sub-transform
// length ls and r = n/(4·ls) has a kernel at level l: r a multiple of the
// values per vector, or r = 1 (r = 4 too with AVX-512) with ls a multiple
// of the j per vector.
func FFTRadix4Supported(l Level, ls, r int) bool {
	v := FFTValues(l)
	if r >= v {
		return r%v == 0
	}
	if r != 1 && !(r == 4 && v == 8) {
		return false
	}
	return ls%(v/r) == 0
}

// FFTRadix4TwiddleLen is the float32 count of the twiddle table of a
// radix-4 stage at level l: six per j for the wide kernel (Re and Im of
// w1, w2, w3), twelve per complex value for the narrow one (six vectors
// of duplicated Re and Im per vector of values).
func FFTRadix4TwiddleLen(l Level, ls, r int) int {
	if FFTRadix4Narrow(l, r) {
		return 12 * ls * r
	}
	return 6 * ls
}

// FFTRadix2First runs the radix-2 first stage (ls = 1) of a complex64
// FFT of length n = len(in): out[k] = s·(in[k] + in[k+n/2]), out[k+n/2] =
// s·(in[k] − in[k+n/2]), s a power of two (1, or an inverse's 1/n). n/2
// must be a multiple of FFTValues(l).
func FFTRadix2First(l Level, out, in []complex64, s float32) {
	n := len(in)
	r := n / 2
	if r%FFTValues(l) != 0 || len(out) != n {
		panic("asm: FFTRadix2First: bad length")
	}
	if r == 0 {
		return
	}
	if l == AVX512 {
		fftR2FirstAVX512(&out[0], &in[0], r, s)
	} else {
		fftR2FirstAVX2(&out[0], &in[0], r, s)
	}
}

// FFTRadix8First runs the radix-8 first stage (ls = 1, no twiddles) of a
// complex64 FFT of length n = len(in): out[t·n/8 + k] = Σ_q ω_8^{∓qt}·s·in[q·n/8
// + k], s a power of two (1, or an inverse's 1/n). n/8 must be a multiple
// of FFTValues(l).
func FFTRadix8First(l Level, out, in []complex64, s float32, inverse bool) {
	n := len(in)
	r := n / 8
	if r%FFTValues(l) != 0 || n%8 != 0 || len(out) != n {
		panic("asm: FFTRadix8First: bad length")
	}
	if r == 0 {
		return
	}
	switch {
	case l == AVX512 && inverse:
		fftR8FirstAVX512Inv(&out[0], &in[0], r, s)
	case l == AVX512:
		fftR8FirstAVX512Fwd(&out[0], &in[0], r, s)
	case inverse:
		fftR8FirstAVX2Inv(&out[0], &in[0], r, s)
	default:
		fftR8FirstAVX2Fwd(&out[0], &in[0], r, s)
	}
}

// FFTRadix4 runs one radix-4 Stockham stage of a complex64 FFT of length
// n = len(in) with sub-transform length ls (generic/fft_radix.go): out and
// in have n values and must not overlap; tw is the stage's table
// (FFTRadix4TwiddleLen floats; unused when ls = 1). The stage must be
// FFTRadix4Supported. inverse uses the conjugate twiddles and +i.
func FFTRadix4(l Level, out, in []complex64, tw []float32, ls int, inverse bool) {
	n := len(in)
	if ls < 1 || n%(4*ls) != 0 || len(out) != n {
		panic("asm: FFTRadix4: bad length")
	}
	r := n / (4 * ls)
	if !FFTRadix4Supported(l, ls, r) {
		panic("asm: FFTRadix4: unsupported stage")
	}
	if !FFTRadix4Narrow(l, r) {
		var w *float32
		if ls > 1 {
			tw = tw[:6*ls]
			w = &tw[0]
		}
		fftRadix4Contiguous(l, &out[0], &in[0], w, ls, r, inverse, 1)
		return
	}
	o, i := &out[0], &in[0]
	tw = tw[:FFTRadix4TwiddleLen(l, ls, r)]
	w := &tw[0]
	switch {
	case r == 4: // AVX-512 only
		if inverse {
			fftR4Narrow4AVX512Inv(o, i, w, ls)
		} else {
			fftR4Narrow4AVX512Fwd(o, i, w, ls)
		}
	default: // r = 1
		switch {
		case l == AVX512 && inverse:
			fftR4Narrow1AVX512Inv(o, i, w, ls)
		case l == AVX512:
			fftR4Narrow1AVX512Fwd(o, i, w, ls)
		case inverse:
			fftR4Narrow1AVX2Inv(o, i, w, ls)
		default:
			fftR4Narrow1AVX2Fwd(o, i, w, ls)
		}
	}
}

// FFTRadix4Strided runs a radix-4 stage of the wide kind (Width a multiple
// of FFTValues(l)) on the layout st; ls = 1 ignores tw (all twiddles 1)
// and scales the inputs by s, a power of two (1, or an inverse's 1/n);
// ls > 1 requires s = 1. Inputs must not overlap outputs.
func FFTRadix4Strided(l Level, out, in []complex64, tw []float32, ls int, st FFTStageLayout, inverse bool, s float32) {
	v := FFTValues(l)
	if ls < 1 || st.Rows < 1 || st.Width < v || st.Width&(v-1) != 0 ||
		st.JIn|st.QIn|st.RowIn|st.JOut|st.SOut|st.RowOut < 0 || (ls > 1 && s != 1) {
		panic("asm: FFTRadix4Strided: bad shape, negative stride, or a scale with ls > 1")
	}
	// Bounds: the furthest value each side touches.
	lastIn := (ls-1)*st.JIn + 3*st.QIn + (st.Rows-1)*st.RowIn + st.Width - 1
	lastOut := (ls-1)*st.JOut + 3*st.SOut + (st.Rows-1)*st.RowOut + st.Width - 1
	_, _ = in[lastIn], out[lastOut]
	var w *float32
	if ls > 1 {
		tw = tw[:6*ls]
		w = &tw[0]
	}
	const b = 8 // bytes per value
	o, i := &out[0], &in[0]
	qs, ss := st.QIn*b, st.SOut*b
	inRow, outRow := (st.RowIn-st.Width)*b, (st.RowOut-st.Width)*b
	inJ, outJ := (st.JIn-st.Rows*st.RowIn)*b, (st.JOut-st.Rows*st.RowOut)*b
	switch {
	case ls == 1 && l == AVX512 && inverse:
		fftR4FirstAVX512Inv(o, i, w, ls, st.Rows, st.Width, qs, ss, inRow, outRow, inJ, outJ, s)
	case ls == 1 && l == AVX512:
		fftR4FirstAVX512Fwd(o, i, w, ls, st.Rows, st.Width, qs, ss, inRow, outRow, inJ, outJ, s)
	case ls == 1 && inverse:
		fftR4FirstAVX2Inv(o, i, w, ls, st.Rows, st.Width, qs, ss, inRow, outRow, inJ, outJ, s)
	case ls == 1:
		fftR4FirstAVX2Fwd(o, i, w, ls, st.Rows, st.Width, qs, ss, inRow, outRow, inJ, outJ, s)
	case l == AVX512 && inverse:
		fftR4WideAVX512Inv(o, i, w, ls, st.Rows, st.Width, qs, ss, inRow, outRow, inJ, outJ)
	case l == AVX512:
		fftR4WideAVX512Fwd(o, i, w, ls, st.Rows, st.Width, qs, ss, inRow, outRow, inJ, outJ)
	case inverse:
		fftR4WideAVX2Inv(o, i, w, ls, st.Rows, st.Width, qs, ss, inRow, outRow, inJ, outJ)
	default:
		fftR4WideAVX2Fwd(o, i, w, ls, st.Rows, st.Width, qs, ss, inRow, outRow, inJ, outJ)
	}
}

// FFTRadix4FirstScaled runs the first radix-4 stage (ls = 1, no
// twiddles) of a complex64 FFT of length len(in) with its inputs scaled by
// s, a power of two: the inverse's 1/n without a pass of its own. len(in)/4
// must be a multiple of FFTValues(l).
func FFTRadix4FirstScaled(l Level, out, in []complex64, s float32, inverse bool) {
	n := len(in)
	r := n / 4
	if r < FFTValues(l) || r%FFTValues(l) != 0 || len(out) != n {
		panic("asm: FFTRadix4FirstScaled: bad length")
	}
	fftRadix4Contiguous(l, &out[0], &in[0], nil, 1, r, inverse, s)
}

// fftRadix4Contiguous calls the wide kernel on the contiguous layout
// (ContiguousStage) without building it: the short transforms' stages
// are a few tens of nanoseconds, so the wrappers' own cost shows. The
// caller has checked the lengths; w is nil when ls = 1.
func fftRadix4Contiguous(l Level, o, i *complex64, w *float32, ls, r int, inverse bool, s float32) {
	const b = 8 // bytes per value
	qs, ss, inJ := r*b, ls*r*b, 3*r*b
	switch {
	case ls == 1 && l == AVX512 && inverse:
		fftR4FirstAVX512Inv(o, i, w, 1, 1, r, qs, ss, 0, 0, inJ, 0, s)
	case ls == 1 && l == AVX512:
		fftR4FirstAVX512Fwd(o, i, w, 1, 1, r, qs, ss, 0, 0, inJ, 0, s)
	case ls == 1 && inverse:
		fftR4FirstAVX2Inv(o, i, w, 1, 1, r, qs, ss, 0, 0, inJ, 0, s)
	case ls == 1:
		fftR4FirstAVX2Fwd(o, i, w, 1, 1, r, qs, ss, 0, 0, inJ, 0, s)
	case l == AVX512 && inverse:
		fftR4WideAVX512Inv(o, i, w, ls, 1, r, qs, ss, 0, 0, inJ, 0)
	case l == AVX512:
		fftR4WideAVX512Fwd(o, i, w, ls, 1, r, qs, ss, 0, 0, inJ, 0)
	case inverse:
		fftR4WideAVX2Inv(o, i, w, ls, 1, r, qs, ss, 0, 0, inJ, 0)
	default:
		fftR4WideAVX2Fwd(o, i, w, ls, 1, r, qs, ss, 0, 0, inJ, 0)
	}
}

// FFTScale multiplies every value of x by s; len(x) must be a multiple of
// FFTValues(l).
func FFTScale(l Level, x []complex64, s float32) {
	if len(x)%FFTValues(l) != 0 {
		panic("asm: FFTScale: bad length")
	}
	if len(x) == 0 {
		return
	}
	if l == AVX512 {
		fftScaleAVX512(&x[0], len(x), s)
	} else {
		fftScaleAVX2(&x[0], len(x), s)
	}
}

// FFTRealPassTwiddleLen is the float32 count of FFTRealPass's table for a
// half length h: Re t and Im t of each k = 1 … h/2, each duplicated.
func FFTRealPassTwiddleLen(h int) int { return 2 * h }

// FFTRealPassSupported reports whether FFTRealPass runs half length h at
// level l: h/2 a positive multiple of the values per vector.
func FFTRealPassSupported(l Level, h int) bool {
	v := FFTValues(l)
	return h >= 2*v && (h/2)%v == 0
}

// FFTRealPass runs, for k = 1 … h/2 and B = conj src[h−k],
//
//	dst[k] = half·(src[k] + B) + t_k·(src[k] − B),  dst[h−k] = conj(half·(src[k] + B) − t_k·(src[k] − B))
//
// (inverse: conj t_k in place of t_k), the pass between a real FFT of
// length 2h and its half-length complex FFT (avogen/fft.go); half is 1/2,
// or a scaled 1/2 that folds a normalisation in. It reads
// src[1 … h−1] and writes dst[1 … h−1]; dst and src must not overlap. tw
// is the table of the t_k in the layout FFTRealPassTwiddleLen counts.
func FFTRealPass(l Level, dst, src []complex64, tw []float32, h int, inverse bool, half float32) {
	if !FFTRealPassSupported(l, h) || len(dst) < h || len(src) < h {
		panic("asm: FFTRealPass: bad length")
	}
	tw = tw[:FFTRealPassTwiddleLen(h)]
	switch {
	case l == AVX512 && inverse:
		fftRealPassAVX512Inv(&dst[0], &src[0], &tw[0], h, half)
	case l == AVX512:
		fftRealPassAVX512Fwd(&dst[0], &src[0], &tw[0], h, half)
	case inverse:
		fftRealPassAVX2Inv(&dst[0], &src[0], &tw[0], h, half)
	default:
		fftRealPassAVX2Fwd(&dst[0], &src[0], &tw[0], h, half)
	}
}

// FFTCopyRows copies the rows×width block of complex64 values src[i·ss +
// j] to dst[i·ds + j] (i < rows, j < width; width a multiple of
// FFTValues(l)): the gather and scatter of a four-step FFT's column
// blocks. The blocks must not overlap.
func FFTCopyRows(l Level, dst, src []complex64, rows, width, ds, ss int) {
	if rows <= 0 || width <= 0 {
		return
	}
	if width%FFTValues(l) != 0 || ds < width || ss < width {
		panic("asm: FFTCopyRows: bad shape")
	}
	_, _ = dst[(rows-1)*ds+width-1], src[(rows-1)*ss+width-1]
	if l == AVX512 {
		fftCopyRowsAVX512(&dst[0], &src[0], rows, width, ds, ss)
	} else {
		fftCopyRowsAVX2(&dst[0], &src[0], rows, width, ds, ss)
	}
}

// FFTTransposeTwiddle writes dst[c·ds + k] = src[k·cols + c]·a[k]·b[c·rows
// + k] (inverse: ·conj(a[k]·b[c·rows + k])) for k < rows, c < cols, both
// multiples of FFTValues(l), ds ≥ rows: the transpose and twiddle of a
// four-step FFT. dst must not overlap src.
func FFTTransposeTwiddle(l Level, dst, src, a, b []complex64, rows, cols, ds int, inverse bool) {
	v := FFTValues(l)
	if rows%v != 0 || cols%v != 0 || ds < rows {
		panic("asm: FFTTransposeTwiddle: bad shape")
	}
	if rows == 0 || cols == 0 {
		return
	}
	m := rows * cols
	d, s, pa, pb := &dst[:(cols-1)*ds+rows][0], &src[:m][0], &a[:rows][0], &b[:m][0]
	switch {
	case l == AVX512 && inverse:
		fftTransposeTwiddleAVX512Inv(d, s, pa, pb, rows, cols, ds)
	case l == AVX512:
		fftTransposeTwiddleAVX512Fwd(d, s, pa, pb, rows, cols, ds)
	case inverse:
		fftTransposeTwiddleAVX2Inv(d, s, pa, pb, rows, cols, ds)
	default:
		fftTransposeTwiddleAVX2Fwd(d, s, pa, pb, rows, cols, ds)
	}
}

// The complex128 stages (avogen/fft64.go), for package fft's Plan64: the
// same stages and table layouts as the complex64 ones, in float64, with
// half as many values per vector; the narrow kind exists for r = 1 only.

// FFT64Values is the number of complex128 values in one vector at level l.
func FFT64Values(l Level) int { return Lanes(l) / 4 }

// FFT64Radix4Supported is FFTRadix4Supported for complex128: r a multiple
// of the values per vector, or r = 1 with ls a multiple of them.
func FFT64Radix4Supported(l Level, ls, r int) bool {
	v := FFT64Values(l)
	if r >= v {
		return r%v == 0
	}
	return r == 1 && ls%v == 0
}

// FFT64Radix4TwiddleLen is FFTRadix4TwiddleLen for complex128 (float64
// count).
func FFT64Radix4TwiddleLen(l Level, ls, r int) int {
	if r < FFT64Values(l) {
		return 12 * ls * r
	}
	return 6 * ls
}

// FFT64Radix2First is FFTRadix2First for complex128 (outputs scaled by
// the power of two s).
func FFT64Radix2First(l Level, out, in []complex128, s float64) {
	n := len(in)
	r := n / 2
	if r%FFT64Values(l) != 0 || len(out) != n {
		panic("asm: FFT64Radix2First: bad length")
	}
	if r == 0 {
		return
	}
	if l == AVX512 {
		fft64R2FirstAVX512(&out[0], &in[0], r, s)
	} else {
		fft64R2FirstAVX2(&out[0], &in[0], r, s)
	}
}

// FFT64Radix4 is FFTRadix4 for complex128: one contiguous radix-4
// Stockham stage of length len(in) and sub-transform length ls; s scales
// the inputs of a first stage (ls = 1, r a multiple of the values per
// vector) and must be 1 otherwise.
func FFT64Radix4(l Level, out, in []complex128, tw []float64, ls int, inverse bool, s float64) {
	n := len(in)
	if ls < 1 || n%(4*ls) != 0 || len(out) != n {
		panic("asm: FFT64Radix4: bad length")
	}
	r := n / (4 * ls)
	if !FFT64Radix4Supported(l, ls, r) {
		panic("asm: FFT64Radix4: unsupported stage")
	}
	o, i := &out[0], &in[0]
	if s != 1 && (ls != 1 || r < FFT64Values(l)) {
		panic("asm: FFT64Radix4: a scale needs a wide first stage")
	}
	if r < FFT64Values(l) { // r = 1
		tw = tw[:FFT64Radix4TwiddleLen(l, ls, r)]
		switch {
		case l == AVX512 && inverse:
			fft64R4Narrow1AVX512Inv(o, i, &tw[0], ls)
		case l == AVX512:
			fft64R4Narrow1AVX512Fwd(o, i, &tw[0], ls)
		case inverse:
			fft64R4Narrow1AVX2Inv(o, i, &tw[0], ls)
		default:
			fft64R4Narrow1AVX2Fwd(o, i, &tw[0], ls)
		}
		return
	}
	var w *float64
	if ls > 1 {
		tw = tw[:6*ls]
		w = &tw[0]
	}
	// The contiguous layout: one row of r values per j, 4r apart.
	const b = 16 // bytes per value
	qs, ss, inJ := r*b, ls*r*b, 3*r*b
	switch {
	case ls == 1 && l == AVX512 && inverse:
		fft64R4FirstAVX512Inv(o, i, w, ls, 1, r, qs, ss, 0, 0, inJ, 0, s)
	case ls == 1 && l == AVX512:
		fft64R4FirstAVX512Fwd(o, i, w, ls, 1, r, qs, ss, 0, 0, inJ, 0, s)
	case ls == 1 && inverse:
		fft64R4FirstAVX2Inv(o, i, w, ls, 1, r, qs, ss, 0, 0, inJ, 0, s)
	case ls == 1:
		fft64R4FirstAVX2Fwd(o, i, w, ls, 1, r, qs, ss, 0, 0, inJ, 0, s)
	case l == AVX512 && inverse:
		fft64R4WideAVX512Inv(o, i, w, ls, 1, r, qs, ss, 0, 0, inJ, 0)
	case l == AVX512:
		fft64R4WideAVX512Fwd(o, i, w, ls, 1, r, qs, ss, 0, 0, inJ, 0)
	case inverse:
		fft64R4WideAVX2Inv(o, i, w, ls, 1, r, qs, ss, 0, 0, inJ, 0)
	default:
		fft64R4WideAVX2Fwd(o, i, w, ls, 1, r, qs, ss, 0, 0, inJ, 0)
	}
}

// FFT64RealPassSupported is FFTRealPassSupported for complex128.
func FFT64RealPassSupported(l Level, h int) bool {
	v := FFT64Values(l)
	return h >= 2*v && (h/2)%v == 0
}

// FFT64RealPassTwiddleLen is FFTRealPassTwiddleLen for complex128 (float64
// count).
func FFT64RealPassTwiddleLen(h int) int { return 2 * h }

// FFT64RealPass is FFTRealPass for complex128.
func FFT64RealPass(l Level, dst, src []complex128, tw []float64, h int, inverse bool, half float64) {
	if !FFT64RealPassSupported(l, h) || len(dst) < h || len(src) < h {
		panic("asm: FFT64RealPass: bad length")
	}
	tw = tw[:FFT64RealPassTwiddleLen(h)]
	switch {
	case l == AVX512 && inverse:
		fft64RealPassAVX512Inv(&dst[0], &src[0], &tw[0], h, half)
	case l == AVX512:
		fft64RealPassAVX512Fwd(&dst[0], &src[0], &tw[0], h, half)
	case inverse:
		fft64RealPassAVX2Inv(&dst[0], &src[0], &tw[0], h, half)
	default:
		fft64RealPassAVX2Fwd(&dst[0], &src[0], &tw[0], h, half)
	}
}

// FFT64Tail16Supported is FFTTail16Supported for complex128: AVX-512, n
// a multiple of 64.
func FFT64Tail16Supported(l Level, n int) bool { return l == AVX512 && n >= 64 && n%64 == 0 }

// FFT64Tail16TwiddleLen is the float64 count of FFT64Tail16's table: 30
// vectors of 8 float64 per 4 j.
func FFT64Tail16TwiddleLen(n int) int { return n / 64 * 30 * 8 }

// FFT64Tail16 is FFTTail16 for complex128.
func FFT64Tail16(l Level, out, in []complex128, tw []float64, inverse bool) {
	n := len(in)
	if !FFT64Tail16Supported(l, n) || len(out) != n {
		panic("asm: FFT64Tail16: bad length")
	}
	tw = tw[:FFT64Tail16TwiddleLen(n)]
	if inverse {
		fft64Tail16AVX512Inv(&out[0], &in[0], &tw[0], n/16)
	} else {
		fft64Tail16AVX512Fwd(&out[0], &in[0], &tw[0], n/16)
	}
}

// FFT64CopyRows is FFTCopyRows for complex128.
func FFT64CopyRows(l Level, dst, src []complex128, rows, width, ds, ss int) {
	if rows <= 0 || width <= 0 {
		return
	}
	if width%FFT64Values(l) != 0 || ds < width || ss < width {
		panic("asm: FFT64CopyRows: bad shape")
	}
	_, _ = dst[(rows-1)*ds+width-1], src[(rows-1)*ss+width-1]
	if l == AVX512 {
		fft64CopyRowsAVX512(&dst[0], &src[0], rows, width, ds, ss)
	} else {
		fft64CopyRowsAVX2(&dst[0], &src[0], rows, width, ds, ss)
	}
}

// FFT64TransposeTwiddle is FFTTransposeTwiddle for complex128.
func FFT64TransposeTwiddle(l Level, dst, src, a, b []complex128, rows, cols, ds int, inverse bool) {
	v := FFT64Values(l)
	if rows%v != 0 || cols%v != 0 || ds < rows {
		panic("asm: FFT64TransposeTwiddle: bad shape")
	}
	if rows == 0 || cols == 0 {
		return
	}
	m := rows * cols
	d, s, pa, pb := &dst[:(cols-1)*ds+rows][0], &src[:m][0], &a[:rows][0], &b[:m][0]
	switch {
	case l == AVX512 && inverse:
		fft64TransposeTwiddleAVX512Inv(d, s, pa, pb, rows, cols, ds)
	case l == AVX512:
		fft64TransposeTwiddleAVX512Fwd(d, s, pa, pb, rows, cols, ds)
	case inverse:
		fft64TransposeTwiddleAVX2Inv(d, s, pa, pb, rows, cols, ds)
	default:
		fft64TransposeTwiddleAVX2Fwd(d, s, pa, pb, rows, cols, ds)
	}
}

// FFT64Radix4Strided is FFTRadix4Strided for complex128.
func FFT64Radix4Strided(l Level, out, in []complex128, tw []float64, ls int, st FFTStageLayout, inverse bool, s float64) {
	v := FFT64Values(l)
	if ls < 1 || st.Rows < 1 || st.Width < v || st.Width&(v-1) != 0 ||
		st.JIn|st.QIn|st.RowIn|st.JOut|st.SOut|st.RowOut < 0 || (ls > 1 && s != 1) {
		panic("asm: FFT64Radix4Strided: bad shape, negative stride, or a scale with ls > 1")
	}
	lastIn := (ls-1)*st.JIn + 3*st.QIn + (st.Rows-1)*st.RowIn + st.Width - 1
	lastOut := (ls-1)*st.JOut + 3*st.SOut + (st.Rows-1)*st.RowOut + st.Width - 1
	_, _ = in[lastIn], out[lastOut]
	var w *float64
	if ls > 1 {
		tw = tw[:6*ls]
		w = &tw[0]
	}
	const b = 16 // bytes per value
	o, i := &out[0], &in[0]
	qs, ss := st.QIn*b, st.SOut*b
	inRow, outRow := (st.RowIn-st.Width)*b, (st.RowOut-st.Width)*b
	inJ, outJ := (st.JIn-st.Rows*st.RowIn)*b, (st.JOut-st.Rows*st.RowOut)*b
	switch {
	case ls == 1 && l == AVX512 && inverse:
		fft64R4FirstAVX512Inv(o, i, w, ls, st.Rows, st.Width, qs, ss, inRow, outRow, inJ, outJ, s)
	case ls == 1 && l == AVX512:
		fft64R4FirstAVX512Fwd(o, i, w, ls, st.Rows, st.Width, qs, ss, inRow, outRow, inJ, outJ, s)
	case ls == 1 && inverse:
		fft64R4FirstAVX2Inv(o, i, w, ls, st.Rows, st.Width, qs, ss, inRow, outRow, inJ, outJ, s)
	case ls == 1:
		fft64R4FirstAVX2Fwd(o, i, w, ls, st.Rows, st.Width, qs, ss, inRow, outRow, inJ, outJ, s)
	case l == AVX512 && inverse:
		fft64R4WideAVX512Inv(o, i, w, ls, st.Rows, st.Width, qs, ss, inRow, outRow, inJ, outJ)
	case l == AVX512:
		fft64R4WideAVX512Fwd(o, i, w, ls, st.Rows, st.Width, qs, ss, inRow, outRow, inJ, outJ)
	case inverse:
		fft64R4WideAVX2Inv(o, i, w, ls, st.Rows, st.Width, qs, ss, inRow, outRow, inJ, outJ)
	default:
		fft64R4WideAVX2Fwd(o, i, w, ls, st.Rows, st.Width, qs, ss, inRow, outRow, inJ, outJ)
	}
}

// FFT64Scale multiplies every value of x by s; len(x) must be a multiple
// of FFT64Values(l).
func FFT64Scale(l Level, x []complex128, s float64) {
	if len(x)%FFT64Values(l) != 0 {
		panic("asm: FFT64Scale: bad length")
	}
	if len(x) == 0 {
		return
	}
	if l == AVX512 {
		fft64ScaleAVX512(&x[0], len(x), s)
	} else {
		fft64ScaleAVX2(&x[0], len(x), s)
	}
}

// FFTTail16Supported reports whether FFTTail16 runs length n at level l:
// AVX-512 only (it keeps 16 vectors of data in registers), n a multiple
// of 128.
func FFTTail16Supported(l Level, n int) bool { return l == AVX512 && n >= 128 && n%128 == 0 }

// FFTTail16TwiddleLen is the float32 count of FFTTail16's table for
// length n: 30 vectors per 8 j (avogen/fft.go, fftTail16).
func FFTTail16TwiddleLen(n int) int { return n / 128 * 30 * 16 }

// FFTTail16 runs the last two radix-4 stages (ls = n/16 with r = 4, then
// ls = n/4 with r = 1) of a complex64 FFT of length n = len(in) as one
// pass: for j < m = n/16 and s, t < 4,
//
//	out[j + s·m + t·4m] = Σ_k (∓i)^{kt}·ω_n^{k(j+s·m)}·Σ_q (∓i)^{qs}·ω_n^{4qj}·in[16j + 4q + k]
//
// tw is the table FFTTail16TwiddleLen counts; out and in must not overlap.
func FFTTail16(l Level, out, in []complex64, tw []float32, inverse bool) {
	n := len(in)
	if !FFTTail16Supported(l, n) || len(out) != n {
		panic("asm: FFTTail16: bad length")
	}
	tw = tw[:FFTTail16TwiddleLen(n)]
	if inverse {
		fftTail16AVX512Inv(&out[0], &in[0], &tw[0], n/16)
	} else {
		fftTail16AVX512Fwd(&out[0], &in[0], &tw[0], n/16)
	}
}
