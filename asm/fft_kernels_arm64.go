//go:build gc && !purego

package asm

import "unsafe"

// Entry points of the FFT stages for package fft on arm64: the API of
// fft_kernels_amd64.go (same names, same table layouts, same checks), so
// that package fft's Stockham and four-step plans run unchanged at NEON,
// over the kernels of avogen/neongen/fft.go. A NEON "vector" of values is
// one LD2 pair, 32 bytes: four complex64 or two complex128. What NEON
// lacks, the *Supported functions report and the plans skip: the fused
// radix-16 tail (its sixteen complex vectors would take all 32 registers
// before a twiddle). The kernels take their tables in the amd64 layouts,
// built by package fft for both; where those duplicate each value over two
// lanes (the narrow stage, the real pass), LD2 drops the copy. Accuracy:
// fft_kernels_simd_test.go and fft_strided_test.go check every kernel
// against a float64 or Go twin of the stage (under qemu); package fft
// checks whole transforms. No arm64 timings exist (no hardware).

// FFTValues is the number of complex64 values in one vector at level l.
func FFTValues(l Level) int { return 4 }

// FFTRadix4Narrow reports whether a radix-4 stage with r interleaved
// sub-transforms runs the narrow kernel (vectorised over j) rather than
// the wide one (vectorised over k).
func FFTRadix4Narrow(l Level, r int) bool { return r < FFTValues(l) }

// FFTRadix4Supported reports whether a radix-4 stage of sub-transform
// length ls and r = n/(4·ls) has a kernel: r a multiple of the values
// per vector, or r = 1 with ls a multiple of them.
func FFTRadix4Supported(l Level, ls, r int) bool {
	v := FFTValues(l)
	if r >= v {
		return r%v == 0
	}
	return r == 1 && ls%v == 0
}

// FFTRadix4TwiddleLen is the float32 count of a radix-4 stage's table: six
// per j for the wide kernel, twelve per value for the narrow one (the
// layouts of fft_kernels_amd64.go).
func FFTRadix4TwiddleLen(l Level, ls, r int) int {
	if FFTRadix4Narrow(l, r) {
		return 12 * ls * r
	}
	return 6 * ls
}

// FFTRadix8First runs the radix-8 first stage (ls = 1, no twiddles) of a
// complex64 FFT of length n = len(in): out[t·n/8 + k] = Σ_q
// ω_8^{∓qt}·s·in[q·n/8 + k], s a power of two (1, or an inverse's 1/n).
// n/8 must be a multiple of FFTValues(l).
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
	case s != 1 && inverse:
		fftR8FirstScaledNEONInv(&out[0], &in[0], r, s)
	case s != 1:
		fftR8FirstScaledNEONFwd(&out[0], &in[0], r, s)
	case inverse:
		fftR8FirstNEONInv(&out[0], &in[0], r)
	default:
		fftR8FirstNEONFwd(&out[0], &in[0], r)
	}
}

// FFTRadix2First runs the radix-2 first stage of a complex64 FFT of length
// n = len(in), scaled by the power of two s; n/2 must be a multiple of
// FFTValues(l).
func FFTRadix2First(l Level, out, in []complex64, s float32) {
	n := len(in)
	r := n / 2
	if r%FFTValues(l) != 0 || len(out) != n {
		panic("asm: FFTRadix2First: bad length")
	}
	if r == 0 {
		return
	}
	fftR2FirstNEON(&out[0], &in[0], r, s)
}

// FFTRadix4 runs one contiguous radix-4 Stockham stage of a complex64 FFT
// of length len(in) with sub-transform length ls; out and in must not
// overlap; tw is the stage's table (unused when ls = 1).
func FFTRadix4(l Level, out, in []complex64, tw []float32, ls int, inverse bool) {
	n := len(in)
	if ls < 1 || n%(4*ls) != 0 || len(out) != n {
		panic("asm: FFTRadix4: bad length")
	}
	r := n / (4 * ls)
	if !FFTRadix4Supported(l, ls, r) {
		panic("asm: FFTRadix4: unsupported stage")
	}
	if FFTRadix4Narrow(l, r) { // r = 1
		tw = tw[:FFTRadix4TwiddleLen(l, ls, r)]
		if inverse {
			fftR4Narrow1NEONInv(&out[0], &in[0], &tw[0], ls)
		} else {
			fftR4Narrow1NEONFwd(&out[0], &in[0], &tw[0], ls)
		}
		return
	}
	var w *float32
	if ls > 1 {
		tw = tw[:6*ls]
		w = &tw[0]
	}
	fftRadix4Contiguous(&out[0], &in[0], w, ls, r, inverse, 1)
}

// fftRadix4Contiguous calls the wide kernel on the contiguous layout; the
// caller has checked the lengths; w is nil when ls = 1.
func fftRadix4Contiguous(o, i *complex64, w *float32, ls, r int, inverse bool, s float32) {
	const b = 8 // bytes per value
	qs, ss, inJ := r*b, ls*r*b, 3*r*b
	switch {
	case ls == 1:
		fftR4First(o, i, 1, r, qs, ss, 0, 0, inJ, 0, inverse, s)
	case inverse:
		fftR4WideNEONInv(o, i, w, ls, 1, r, qs, ss, 0, 0, inJ, 0)
	default:
		fftR4WideNEONFwd(o, i, w, ls, 1, r, qs, ss, 0, 0, inJ, 0)
	}
}

// fftR4First runs the first radix-4 stage's kernel on a strided layout
// (byte strides), the scaled one only when s ≠ 1.
func fftR4First(o, i *complex64, rows, width, qs, ss, inRow, outRow, inJ, outJ int, inverse bool, s float32) {
	switch {
	case s != 1 && inverse:
		fftR4FirstScaledNEONInv(o, i, nil, 1, rows, width, qs, ss, inRow, outRow, inJ, outJ, s)
	case s != 1:
		fftR4FirstScaledNEONFwd(o, i, nil, 1, rows, width, qs, ss, inRow, outRow, inJ, outJ, s)
	case inverse:
		fftR4FirstNEONInv(o, i, nil, 1, rows, width, qs, ss, inRow, outRow, inJ, outJ)
	default:
		fftR4FirstNEONFwd(o, i, nil, 1, rows, width, qs, ss, inRow, outRow, inJ, outJ)
	}
}

// fft64R4First is fftR4First for complex128.
func fft64R4First(o, i *complex128, rows, width, qs, ss, inRow, outRow, inJ, outJ int, inverse bool, s float64) {
	switch {
	case s != 1 && inverse:
		fft64R4FirstScaledNEONInv(o, i, nil, 1, rows, width, qs, ss, inRow, outRow, inJ, outJ, s)
	case s != 1:
		fft64R4FirstScaledNEONFwd(o, i, nil, 1, rows, width, qs, ss, inRow, outRow, inJ, outJ, s)
	case inverse:
		fft64R4FirstNEONInv(o, i, nil, 1, rows, width, qs, ss, inRow, outRow, inJ, outJ)
	default:
		fft64R4FirstNEONFwd(o, i, nil, 1, rows, width, qs, ss, inRow, outRow, inJ, outJ)
	}
}

// stridedBounds checks a strided stage's shape (v values per vector) and
// that the furthest value each side touches is inside in and out (an
// index panic otherwise); it returns the kernels' byte strides for b
// bytes per value.
func stridedBounds(name string, v, ls int, st FFTStageLayout, scaled bool, inLen, outLen, b int) (qs, ss, inRow, outRow, inJ, outJ int) {
	if ls < 1 || st.Rows < 1 || st.Width < v || st.Width%v != 0 ||
		st.JIn|st.QIn|st.RowIn|st.JOut|st.SOut|st.RowOut < 0 || (ls > 1 && scaled) {
		panic("asm: " + name + ": bad shape, negative stride, or a scale with ls > 1")
	}
	lastIn := (ls-1)*st.JIn + 3*st.QIn + (st.Rows-1)*st.RowIn + st.Width - 1
	lastOut := (ls-1)*st.JOut + 3*st.SOut + (st.Rows-1)*st.RowOut + st.Width - 1
	if lastIn >= inLen || lastOut >= outLen {
		panic("asm: " + name + ": layout out of range")
	}
	qs, ss = st.QIn*b, st.SOut*b
	inRow, outRow = (st.RowIn-st.Width)*b, (st.RowOut-st.Width)*b
	inJ, outJ = (st.JIn-st.Rows*st.RowIn)*b, (st.JOut-st.Rows*st.RowOut)*b
	return
}

// FFTRadix4Strided runs a radix-4 stage of the wide kind (Width a multiple
// of FFTValues(l)) on the layout st; ls = 1 ignores tw and scales the
// inputs by s, a power of two; ls > 1 requires s = 1. Inputs must not
// overlap outputs.
func FFTRadix4Strided(l Level, out, in []complex64, tw []float32, ls int, st FFTStageLayout, inverse bool, s float32) {
	qs, ss, inRow, outRow, inJ, outJ := stridedBounds("FFTRadix4Strided", FFTValues(l), ls, st, s != 1, len(in), len(out), 8)
	o, i := &out[0], &in[0]
	if ls == 1 {
		fftR4First(o, i, st.Rows, st.Width, qs, ss, inRow, outRow, inJ, outJ, inverse, s)
		return
	}
	tw = tw[:6*ls]
	if inverse {
		fftR4WideNEONInv(o, i, &tw[0], ls, st.Rows, st.Width, qs, ss, inRow, outRow, inJ, outJ)
	} else {
		fftR4WideNEONFwd(o, i, &tw[0], ls, st.Rows, st.Width, qs, ss, inRow, outRow, inJ, outJ)
	}
}

// FFTRadix4FirstScaled runs the first radix-4 stage (ls = 1) of a
// complex64 FFT of length len(in) with its inputs scaled by s, a power of
// two; len(in)/4 must be a multiple of FFTValues(l).
func FFTRadix4FirstScaled(l Level, out, in []complex64, s float32, inverse bool) {
	n := len(in)
	r := n / 4
	if r < FFTValues(l) || r%FFTValues(l) != 0 || len(out) != n {
		panic("asm: FFTRadix4FirstScaled: bad length")
	}
	fftRadix4Contiguous(&out[0], &in[0], nil, 1, r, inverse, s)
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
	fftScaleNEON(&x[0], len(x), s)
}

// FFTRealPassTwiddleLen is the float32 count of FFTRealPass's table for a
// half length h: Re t and Im t of each k = 1 … h/2, each duplicated.
func FFTRealPassTwiddleLen(h int) int { return 2 * h }

// FFTRealPassSupported reports whether FFTRealPass runs half length h:
// h/2 a positive multiple of the values per vector.
func FFTRealPassSupported(l Level, h int) bool {
	v := FFTValues(l)
	return h >= 2*v && (h/2)%v == 0
}

// FFTRealPass runs the pass between a real FFT of length 2h and its
// half-length complex FFT, as on amd64 (fft_kernels_amd64.go): for k = 1
// … h/2 and B = conj src[h−k], dst[k] = half·(src[k] + B) + t_k·(src[k]
// − B), dst[h−k] = conj(half·(src[k] + B) − t_k·(src[k] − B)) (inverse:
// conj t_k). dst and src must not overlap.
func FFTRealPass(l Level, dst, src []complex64, tw []float32, h int, inverse bool, half float32) {
	if !FFTRealPassSupported(l, h) || len(dst) < h || len(src) < h {
		panic("asm: FFTRealPass: bad length")
	}
	tw = tw[:FFTRealPassTwiddleLen(h)]
	if inverse {
		fftRealPassNEONInv(&dst[0], &src[0], &tw[0], h, half)
	} else {
		fftRealPassNEONFwd(&dst[0], &src[0], &tw[0], h, half)
	}
}

// copyRows checks and runs a row copy of b-byte values.
func copyRows(name string, v int, dst, src unsafe.Pointer, dstLen, srcLen, rows, width, ds, ss, b int) {
	if width%v != 0 || ds < width || ss < width {
		panic("asm: " + name + ": bad shape")
	}
	if (rows-1)*ds+width > dstLen || (rows-1)*ss+width > srcLen {
		panic("asm: " + name + ": block out of range")
	}
	fftCopyRowsNEON((*complex64)(dst), (*complex64)(src), rows, width*b, (ds-width)*b, (ss-width)*b)
}

// FFTCopyRows copies the rows×width block src[i·ss + j] to dst[i·ds + j]
// (width a multiple of FFTValues(l)); the blocks must not overlap.
func FFTCopyRows(l Level, dst, src []complex64, rows, width, ds, ss int) {
	if rows <= 0 || width <= 0 {
		return
	}
	copyRows("FFTCopyRows", FFTValues(l), unsafe.Pointer(unsafe.SliceData(dst)), unsafe.Pointer(unsafe.SliceData(src)), len(dst), len(src), rows, width, ds, ss, 8)
}

// FFTTransposeTwiddle writes dst[c·ds + k] = src[k·cols + c]·a[k]·b[c·rows
// + k] (inverse: ·conj(a[k]·b[c·rows + k])) for k < rows, c < cols, both
// multiples of FFTValues(l), ds ≥ rows. dst must not overlap src.
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
	st := transposeStrides(v, 8, rows, cols, ds)
	if inverse {
		fftTransposeTwiddleNEONInv(d, s, pa, pb, st[0], st[1], st[2], st[3], st[4], st[5], st[6], st[7])
	} else {
		fftTransposeTwiddleNEONFwd(d, s, pa, pb, st[0], st[1], st[2], st[3], st[4], st[5], st[6], st[7])
	}
}

// transposeStrides are the transpose kernels' block counts and byte
// strides (avogen/neongen/fft.go, fftTransposeTwiddle) for v values per
// vector of b bytes each: k blocks, column blocks, a src row, a dst row, a
// row of b, src back to the next column block, and the b and dst pointers
// on to it.
func transposeStrides(v, b, rows, cols, ds int) [8]int {
	return [8]int{rows / v, cols / v, cols * b, ds * b, rows * b, (v - rows*cols) * b, (v - 1) * rows * b, (v*ds - rows) * b}
}

// FFTTail16Supported reports whether FFTTail16 runs length n at level l:
// never at NEON.
func FFTTail16Supported(l Level, n int) bool { return false }

// FFTTail16TwiddleLen is the float32 count of FFTTail16's table: none at
// NEON.
func FFTTail16TwiddleLen(n int) int { return 0 }

// FFTTail16 has no NEON kernel (FFTTail16Supported).
func FFTTail16(l Level, out, in []complex64, tw []float32, inverse bool) {
	panic("asm: FFTTail16: no NEON kernel")
}

// The complex128 stages: the same kernels in float64, two values per
// vector.

// FFT64Values is the number of complex128 values in one vector at level l.
func FFT64Values(l Level) int { return 2 }

// FFT64Radix4Supported is FFTRadix4Supported for complex128.
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

// FFT64Radix2First is FFTRadix2First for complex128.
func FFT64Radix2First(l Level, out, in []complex128, s float64) {
	n := len(in)
	r := n / 2
	if r%FFT64Values(l) != 0 || len(out) != n {
		panic("asm: FFT64Radix2First: bad length")
	}
	if r == 0 {
		return
	}
	fft64R2FirstNEON(&out[0], &in[0], r, s)
}

// FFT64Radix4 is FFTRadix4 for complex128; s scales the inputs of a wide
// first stage (ls = 1) and must be 1 otherwise.
func FFT64Radix4(l Level, out, in []complex128, tw []float64, ls int, inverse bool, s float64) {
	n := len(in)
	if ls < 1 || n%(4*ls) != 0 || len(out) != n {
		panic("asm: FFT64Radix4: bad length")
	}
	r := n / (4 * ls)
	if !FFT64Radix4Supported(l, ls, r) {
		panic("asm: FFT64Radix4: unsupported stage")
	}
	if s != 1 && (ls != 1 || r < FFT64Values(l)) {
		panic("asm: FFT64Radix4: a scale needs a wide first stage")
	}
	o, i := &out[0], &in[0]
	if r < FFT64Values(l) { // r = 1
		tw = tw[:FFT64Radix4TwiddleLen(l, ls, r)]
		if inverse {
			fft64R4Narrow1NEONInv(o, i, &tw[0], ls)
		} else {
			fft64R4Narrow1NEONFwd(o, i, &tw[0], ls)
		}
		return
	}
	const b = 16 // bytes per value
	qs, ss, inJ := r*b, ls*r*b, 3*r*b
	switch {
	case ls == 1:
		fft64R4First(o, i, 1, r, qs, ss, 0, 0, inJ, 0, inverse, s)
	case inverse:
		fft64R4WideNEONInv(o, i, &tw[:6*ls][0], ls, 1, r, qs, ss, 0, 0, inJ, 0)
	default:
		fft64R4WideNEONFwd(o, i, &tw[:6*ls][0], ls, 1, r, qs, ss, 0, 0, inJ, 0)
	}
}

// FFT64Radix4Strided is FFTRadix4Strided for complex128.
func FFT64Radix4Strided(l Level, out, in []complex128, tw []float64, ls int, st FFTStageLayout, inverse bool, s float64) {
	qs, ss, inRow, outRow, inJ, outJ := stridedBounds("FFT64Radix4Strided", FFT64Values(l), ls, st, s != 1, len(in), len(out), 16)
	o, i := &out[0], &in[0]
	if ls == 1 {
		fft64R4First(o, i, st.Rows, st.Width, qs, ss, inRow, outRow, inJ, outJ, inverse, s)
		return
	}
	tw = tw[:6*ls]
	if inverse {
		fft64R4WideNEONInv(o, i, &tw[0], ls, st.Rows, st.Width, qs, ss, inRow, outRow, inJ, outJ)
	} else {
		fft64R4WideNEONFwd(o, i, &tw[0], ls, st.Rows, st.Width, qs, ss, inRow, outRow, inJ, outJ)
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
	fft64ScaleNEON(&x[0], len(x), s)
}

// FFT64RealPassSupported is FFTRealPassSupported for complex128.
func FFT64RealPassSupported(l Level, h int) bool {
	v := FFT64Values(l)
	return h >= 2*v && (h/2)%v == 0
}

// FFT64RealPassTwiddleLen is FFTRealPassTwiddleLen for complex128.
func FFT64RealPassTwiddleLen(h int) int { return 2 * h }

// FFT64RealPass is FFTRealPass for complex128.
func FFT64RealPass(l Level, dst, src []complex128, tw []float64, h int, inverse bool, half float64) {
	if !FFT64RealPassSupported(l, h) || len(dst) < h || len(src) < h {
		panic("asm: FFT64RealPass: bad length")
	}
	tw = tw[:FFT64RealPassTwiddleLen(h)]
	if inverse {
		fft64RealPassNEONInv(&dst[0], &src[0], &tw[0], h, half)
	} else {
		fft64RealPassNEONFwd(&dst[0], &src[0], &tw[0], h, half)
	}
}

// FFT64Tail16Supported reports false: no fused tail at NEON.
func FFT64Tail16Supported(l Level, n int) bool { return false }

// FFT64Tail16TwiddleLen is zero: no fused tail at NEON.
func FFT64Tail16TwiddleLen(n int) int { return 0 }

// FFT64Tail16 has no NEON kernel (FFT64Tail16Supported).
func FFT64Tail16(l Level, out, in []complex128, tw []float64, inverse bool) {
	panic("asm: FFT64Tail16: no NEON kernel")
}

// FFT64CopyRows is FFTCopyRows for complex128.
func FFT64CopyRows(l Level, dst, src []complex128, rows, width, ds, ss int) {
	if rows <= 0 || width <= 0 {
		return
	}
	copyRows("FFT64CopyRows", FFT64Values(l), unsafe.Pointer(unsafe.SliceData(dst)), unsafe.Pointer(unsafe.SliceData(src)), len(dst), len(src), rows, width, ds, ss, 16)
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
	st := transposeStrides(v, 16, rows, cols, ds)
	if inverse {
		fft64TransposeTwiddleNEONInv(d, s, pa, pb, st[0], st[1], st[2], st[3], st[4], st[5], st[6], st[7])
	} else {
		fft64TransposeTwiddleNEONFwd(d, s, pa, pb, st[0], st[1], st[2], st[3], st[4], st[5], st[6], st[7])
	}
}
