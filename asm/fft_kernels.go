//go:build gc && !purego && (amd64 || arm64)

package asm

import "math/bits"

// Entry points of the FFT stages for package fft, which plans the stages
// and builds their twiddle tables: complex64 (FFT…) and complex128
// (FFT64…), the same on amd64 (avogen/fft.go, avogen/fft64.go) and arm64
// (avogen/neongen/fft.go). Each takes the level to run at and checks the
// lengths it relies on, so that a caller's mistake panics before any
// assembly touches foreign memory, then calls the kernel of level l
// through an …At function of fft_kernels_amd64.go or fft_kernels_arm64.go.
// Those files also hold what is a fact of the level rather than a rule:
// the values per vector (FFTValues, FFT64Values), which narrow stages
// have a kernel (fftNarrow4), and the fused radix-16 tail (FFTTail16…),
// which only AVX-512 has. Both architectures take their tables in the
// same layouts, built by package fft. Accuracy and speed: see the
// per-architecture files.

// FFTStageLayout places the values of a radix-4 stage whose k are rows of
// Width values: for j < ls, q and s < 4, i < Rows, c < Width, input a_q
// of (j, k = i·Width + c) is in[j·JIn + q·QIn + i·RowIn + c] and output
// s is out[j·JOut + s·SOut + i·RowOut + c] (strides in values).
type FFTStageLayout struct {
	Rows, Width        int
	JIn, QIn, RowIn    int
	JOut, SOut, RowOut int
}

// ContiguousStage is the layout of a Stockham stage on one buffer:
// in[j·4r + q·r + k], out[(j + s·ls)·r + k].
func ContiguousStage(ls, r int) FFTStageLayout {
	return FFTStageLayout{Rows: 1, Width: r, JIn: 4 * r, QIn: r, RowIn: r, JOut: r, SOut: ls * r, RowOut: r}
}

// FFTSegIndex is where value x of a segmented layout sits: after every
// seg values, pad values that no kernel reads or writes. A shift where
// seg is a power of two: the entry points call it per stream, and a
// division per call costs as much as a short pass.
func FFTSegIndex(x, seg, pad int) int {
	if pad == 0 {
		return x
	}
	if seg&(seg-1) == 0 {
		return x + pad*(x>>bits.TrailingZeros(uint(seg)))
	}
	return x + pad*(x/seg)
}

// FFTRadix4Narrow reports whether a radix-4 stage with r interleaved
// sub-transforms runs the narrow kernel at level l (several j per vector,
// expanded twiddle table) rather than the wide one (vectorised over k).
func FFTRadix4Narrow(l Level, r int) bool { return r < FFTValues(l) }

// FFTRadix4Supported reports whether a radix-4 stage of sub-transform
// length ls and r = n/(4·ls) has a kernel at level l: r a multiple of the
// values per vector, or r = 1 (r = 4 too where fftNarrow4, AVX-512) with
// ls a multiple of the j per vector.
func FFTRadix4Supported(l Level, ls, r int) bool {
	v := FFTValues(l)
	if r >= v {
		return r%v == 0
	}
	if r != 1 && !(r == 4 && fftNarrow4(l)) {
		return false
	}
	return ls%(v/r) == 0
}

// FFTRadix4TwiddleLen is the float32 count of the twiddle table of a
// radix-4 stage at level l: six per j for the wide kernel (Re and Im of
// w1, w2, w3), twelve per complex value for the narrow one (six vectors
// of duplicated Re and Im per vector of values; NEON's LD2 drops the
// copy).
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
	fftR2FirstAt(l, &out[0], &in[0], r, s)
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
	fftR8FirstAt(l, &out[0], &in[0], r, s, inverse)
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
	o, i := &out[0], &in[0]
	if FFTRadix4Narrow(l, r) {
		tw = tw[:FFTRadix4TwiddleLen(l, ls, r)]
		fftR4NarrowAt(l, o, i, &tw[0], ls, r, inverse)
		return
	}
	var w *float32
	if ls > 1 {
		tw = tw[:6*ls]
		w = &tw[0]
	}
	// The contiguous layout (ContiguousStage) in byte strides, written out
	// rather than built: the short transforms' stages are a few tens of
	// nanoseconds, so the wrappers' own cost shows.
	const b = 8 // bytes per value
	fftR4At(l, o, i, w, ls, 1, r, r*b, ls*r*b, 0, 0, 3*r*b, 0, inverse, 1)
}

// FFTRadix4Strided runs a radix-4 stage of the wide kind (Width a multiple
// of FFTValues(l)) on the layout st; ls = 1 ignores tw (all twiddles 1)
// and scales the inputs by s, a power of two (1, or an inverse's 1/n);
// ls > 1 requires s = 1. Inputs must not overlap outputs.
func FFTRadix4Strided(l Level, out, in []complex64, tw []float32, ls int, st FFTStageLayout, inverse bool, s float32) {
	qs, ss, inRow, outRow, inJ, outJ := fftStridedStage("FFTRadix4Strided", FFTValues(l), ls, st, s != 1, in, out, 8)
	var w *float32
	if ls > 1 {
		tw = tw[:6*ls]
		w = &tw[0]
	}
	fftR4At(l, &out[0], &in[0], w, ls, st.Rows, st.Width, qs, ss, inRow, outRow, inJ, outJ, inverse, s)
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
	const b = 8 // bytes per value
	fftR4At(l, &out[0], &in[0], nil, 1, 1, r, r*b, r*b, 0, 0, 3*r*b, 0, inverse, s)
}

// fftStridedStage checks a strided stage's shape (v values per vector)
// and that the furthest value each side touches is inside in and out,
// and returns the kernels' byte strides for b bytes per value.
func fftStridedStage[T complex64 | complex128](name string, v, ls int, st FFTStageLayout, scaled bool, in, out []T, b int) (qs, ss, inRow, outRow, inJ, outJ int) {
	if ls < 1 || st.Rows < 1 || st.Width < v || st.Width%v != 0 ||
		st.JIn|st.QIn|st.RowIn|st.JOut|st.SOut|st.RowOut < 0 || (ls > 1 && scaled) {
		panic("asm: " + name + ": bad shape, negative stride, or a scale with ls > 1")
	}
	lastIn := (ls-1)*st.JIn + 3*st.QIn + (st.Rows-1)*st.RowIn + st.Width - 1
	lastOut := (ls-1)*st.JOut + 3*st.SOut + (st.Rows-1)*st.RowOut + st.Width - 1
	fftReach(name, "layout", in, lastIn, out, lastOut)
	qs, ss = st.QIn*b, st.SOut*b
	inRow, outRow = (st.RowIn-st.Width)*b, (st.RowOut-st.Width)*b
	inJ, outJ = (st.JIn-st.Rows*st.RowIn)*b, (st.JOut-st.Rows*st.RowOut)*b
	return
}

// fftReach panics, naming the entry point, unless x[lastX] and y[lastY]
// exist.
func fftReach[T complex64 | complex128](name, what string, x []T, lastX int, y []T, lastY int) {
	if lastX < 0 || lastY < 0 || lastX >= len(x) || lastY >= len(y) {
		panic("asm: " + name + ": " + what + " out of range")
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
	fftScaleAt(l, &x[0], len(x), s)
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
	fftRealPassAt(l, &dst[0], &src[0], &tw[0], h, inverse, half)
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
	fftReach("FFTCopyRows", "block", dst, (rows-1)*ds+width-1, src, (rows-1)*ss+width-1)
	fftCopyRowsAt(l, &dst[0], &src[0], rows, width, ds, ss)
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
	fftTransposeTwiddleAt(l, d, s, pa, pb, rows, cols, ds, inverse)
}

// The complex128 stages, for package fft's Plan64: the same stages and
// table layouts as the complex64 ones, in float64, with half as many
// values per vector; the narrow kind exists for r = 1 only.

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
// count); where FFT64Narrow1Compact, the r = 1 table holds each twiddle
// once: per vector of j, three vectors of plain complex128 (w1, w2, w3 of
// its j).
func FFT64Radix4TwiddleLen(l Level, ls, r int) int {
	if r < FFT64Values(l) {
		if fft64Narrow1Compact(l, ls) {
			return 6 * ls
		}
		return 12 * ls * r
	}
	return 6 * ls
}

// FFT64Narrow1Compact reports whether FFT64Radix4's r = 1 stage of
// sub-transform length ls at level l takes the compact table
// (FFT64Radix4TwiddleLen).
func FFT64Narrow1Compact(l Level, ls int) bool { return fft64Narrow1Compact(l, ls) }

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
	fft64R2FirstAt(l, &out[0], &in[0], r, s)
}

// FFT64Radix8First is FFTRadix8First for complex128; the level must
// have the kernel (FFT64Radix8FirstSupported).
func FFT64Radix8First(l Level, out, in []complex128, s float64, inverse bool) {
	n := len(in)
	r := n / 8
	if !FFT64Radix8FirstSupported(l) || r%FFT64Values(l) != 0 || n%8 != 0 || len(out) != n {
		panic("asm: FFT64Radix8First: bad length or no kernel")
	}
	if r == 0 {
		return
	}
	fft64R8FirstAt(l, &out[0], &in[0], r, s, inverse)
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
	if s != 1 && (ls != 1 || r < FFT64Values(l)) {
		panic("asm: FFT64Radix4: a scale needs a wide first stage")
	}
	o, i := &out[0], &in[0]
	if r < FFT64Values(l) { // r = 1
		tw = tw[:FFT64Radix4TwiddleLen(l, ls, r)]
		fft64R4Narrow1At(l, o, i, &tw[0], ls, inverse)
		return
	}
	var w *float64
	if ls > 1 {
		tw = tw[:6*ls]
		w = &tw[0]
	}
	// The contiguous layout: one row of r values per j, 4r apart.
	const b = 16 // bytes per value
	fft64R4At(l, o, i, w, ls, 1, r, r*b, ls*r*b, 0, 0, 3*r*b, 0, inverse, s)
}

// FFT64Radix4Strided is FFTRadix4Strided for complex128.
func FFT64Radix4Strided(l Level, out, in []complex128, tw []float64, ls int, st FFTStageLayout, inverse bool, s float64) {
	qs, ss, inRow, outRow, inJ, outJ := fftStridedStage("FFT64Radix4Strided", FFT64Values(l), ls, st, s != 1, in, out, 16)
	var w *float64
	if ls > 1 {
		tw = tw[:6*ls]
		w = &tw[0]
	}
	fft64R4At(l, &out[0], &in[0], w, ls, st.Rows, st.Width, qs, ss, inRow, outRow, inJ, outJ, inverse, s)
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
	fft64ScaleAt(l, &x[0], len(x), s)
}

// FFT64RealPassSupported is FFTRealPassSupported for complex128.
func FFT64RealPassSupported(l Level, h int) bool {
	v := FFT64Values(l)
	return h >= 2*v && (h/2)%v == 0
}

// FFT64RealPassTwiddleLen is FFTRealPassTwiddleLen for complex128 (float64
// count).
func FFT64RealPassTwiddleLen(h int) int { return 2 * h }

// FFT64RealPass is FFTRealPass for complex128, except that dst may also
// be src itself (in place: each step reads its values k and h−k before
// it writes them), so that a real FFT needs no buffer for its half-length
// spectrum besides its output.
func FFT64RealPass(l Level, dst, src []complex128, tw []float64, h int, inverse bool, half float64) {
	if !FFT64RealPassSupported(l, h) || len(dst) < h || len(src) < h {
		panic("asm: FFT64RealPass: bad length")
	}
	tw = tw[:FFT64RealPassTwiddleLen(h)]
	fft64RealPassAt(l, &dst[0], &src[0], &tw[0], h, inverse, half)
}

// FFT64CopyRows is FFTCopyRows for complex128.
func FFT64CopyRows(l Level, dst, src []complex128, rows, width, ds, ss int) {
	if rows <= 0 || width <= 0 {
		return
	}
	if width%FFT64Values(l) != 0 || ds < width || ss < width {
		panic("asm: FFT64CopyRows: bad shape")
	}
	fftReach("FFT64CopyRows", "block", dst, (rows-1)*ds+width-1, src, (rows-1)*ss+width-1)
	fft64CopyRowsAt(l, &dst[0], &src[0], rows, width, ds, ss)
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
	fft64TransposeTwiddleAt(l, d, s, pa, pb, rows, cols, ds, inverse)
}
