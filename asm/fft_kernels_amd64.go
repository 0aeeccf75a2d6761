//go:build gc && !purego

package asm

// The amd64 side of the FFT entry points (fft_kernels.go): the per-level
// facts and, for each stage, which kernel of avogen/fft.go (complex64) or
// avogen/fft64.go (complex128) runs at level l (AVX2 or AVX512); the
// callers have checked every length. Accuracy: every stage is within a
// few float32 (float64) roundings of the same stage in float64 (asm
// tests, fft_kernels_simd_test.go); whole transforms are checked in
// package fft. Speed: a radix-4 stage of n = 1024 takes 0.4–0.8 ns per
// four values (best of 300×20 calls, 0.4 for the first stage, 0.8 for the
// r = 1 one), so the transform runs at 55,000–70,000 benchFFT MFLOPS; see
// fft.Plan32's doc for the benchmarks.

// FFTValues is the number of complex64 values in one vector at level l.
func FFTValues(l Level) int { return Lanes(l) / 2 }

// FFT64Values is the number of complex128 values in one vector at level l.
func FFT64Values(l Level) int { return Lanes(l) / 4 }

// fftNarrow4 reports whether level l has a narrow kernel for r = 4 (two
// j per vector) besides the one for r = 1: AVX-512 only, whose vector
// holds eight values.
func fftNarrow4(l Level) bool { return FFTValues(l) == 8 }

func fftR2FirstAt(l Level, o, i *complex64, r int, s float32) {
	if l == AVX512 {
		fftR2FirstAVX512(o, i, r, s)
	} else {
		fftR2FirstAVX2(o, i, r, s)
	}
}

func fftR8FirstAt(l Level, o, i *complex64, r int, s float32, inverse bool) {
	fftR8FirstRows(l, o, i, r, r*8, r*8, s, inverse)
}

// fftR8FirstRows runs k values of each row of the radix-8 first stage,
// the input rows is bytes apart, the output rows os. At AVX2 an unscaled
// pass (every forward one) loads its inputs rather than multiplying them
// by 1 (fftR8FirstN), eight products fewer per eight vectors:
// FFTWInterleaved/c64 at AVX2, two rounds, 1024 685–688 → 675–678 ns,
// 2048 1541–1547 → 1522 ns.
func fftR8FirstRows(l Level, o, i *complex64, k, is, os int, s float32, inverse bool) {
	switch {
	case l == AVX512 && inverse:
		fftR8FirstAVX512Inv(o, i, k, is, os, s)
	case l == AVX512:
		fftR8FirstAVX512Fwd(o, i, k, is, os, s)
	case s == 1 && inverse:
		fftR8FirstNAVX2Inv(o, i, k, is, os, s)
	case s == 1:
		fftR8FirstNAVX2Fwd(o, i, k, is, os, s)
	case inverse:
		fftR8FirstAVX2Inv(o, i, k, is, os, s)
	default:
		fftR8FirstAVX2Fwd(o, i, k, is, os, s)
	}
}

// FFTRadix8FirstSeg is FFTRadix8First (length n = len(in)) writing the
// segmented layout of FFTRadix16Seg (segment n/16, outPad values of
// padding after each): its output rows of n/8 values span two segments,
// so it runs as two calls of half rows. Level AVX-512 (FFTRadix16Supported).
func FFTRadix8FirstSeg(l Level, out, in []complex64, outPad int, s float32, inverse bool) {
	n := len(in)
	seg := n / 16
	if !FFTRadix16Supported(l, 1, 8) || n < 16*8 || n%(16*8) != 0 || outPad < 0 || len(out) <= FFTSegIndex(n-1, seg, outPad) {
		panic("asm: FFTRadix8FirstSeg: bad length or padding")
	}
	const b = 8 // bytes per value
	for h := range 2 {
		fftR8FirstRows(l, &out[h*(seg+outPad)], &in[h*seg], seg, 2*seg*b, 2*(seg+outPad)*b, s, inverse)
	}
}

// fftR4NarrowAt runs the narrow radix-4 kernel for r = 1, or r = 4 at
// AVX-512 (fftNarrow4).
func fftR4NarrowAt(l Level, o, i *complex64, w *float32, ls, r int, inverse bool) {
	switch {
	case r == 4 && inverse: // AVX-512 only
		fftR4Narrow4AVX512Inv(o, i, w, ls)
	case r == 4:
		fftR4Narrow4AVX512Fwd(o, i, w, ls)
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

// fftR4At runs the wide radix-4 kernel on a layout given in byte strides:
// the first-stage one (inputs scaled by s, w nil) when ls = 1.
func fftR4At(l Level, o, i *complex64, w *float32, ls, rows, width, qs, ss, inRow, outRow, inJ, outJ int, inverse bool, s float32) {
	switch {
	case ls == 1 && l == AVX512 && inverse:
		fftR4FirstAVX512Inv(o, i, w, ls, rows, width, qs, ss, inRow, outRow, inJ, outJ, s)
	case ls == 1 && l == AVX512:
		fftR4FirstAVX512Fwd(o, i, w, ls, rows, width, qs, ss, inRow, outRow, inJ, outJ, s)
	case ls == 1 && inverse:
		fftR4FirstAVX2Inv(o, i, w, ls, rows, width, qs, ss, inRow, outRow, inJ, outJ, s)
	case ls == 1:
		fftR4FirstAVX2Fwd(o, i, w, ls, rows, width, qs, ss, inRow, outRow, inJ, outJ, s)
	case l == AVX512 && inverse:
		fftR4WideAVX512Inv(o, i, w, ls, rows, width, qs, ss, inRow, outRow, inJ, outJ)
	case l == AVX512:
		fftR4WideAVX512Fwd(o, i, w, ls, rows, width, qs, ss, inRow, outRow, inJ, outJ)
	case inverse:
		fftR4WideAVX2Inv(o, i, w, ls, rows, width, qs, ss, inRow, outRow, inJ, outJ)
	default:
		fftR4WideAVX2Fwd(o, i, w, ls, rows, width, qs, ss, inRow, outRow, inJ, outJ)
	}
}

func fftScaleAt(l Level, x *complex64, n int, s float32) {
	if l == AVX512 {
		fftScaleAVX512(x, n, s)
	} else {
		fftScaleAVX2(x, n, s)
	}
}

func fftRealPassAt(l Level, d, s *complex64, tw *float32, h int, inverse bool, half float32) {
	switch {
	case l == AVX512 && inverse:
		fftRealPassAVX512Inv(d, s, tw, h, half)
	case l == AVX512:
		fftRealPassAVX512Fwd(d, s, tw, h, half)
	case inverse:
		fftRealPassAVX2Inv(d, s, tw, h, half)
	default:
		fftRealPassAVX2Fwd(d, s, tw, h, half)
	}
}

func fftCopyRowsAt(l Level, d, s *complex64, rows, width, ds, ss int) {
	if l == AVX512 {
		fftCopyRowsAVX512(d, s, rows, width, ds, ss)
	} else {
		fftCopyRowsAVX2(d, s, rows, width, ds, ss)
	}
}

func fftTransposeTwiddleAt(l Level, d, s, pa, pb *complex64, rows, cols, ds int, inverse bool) {
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
	m := n / 16
	if inverse {
		fftTail16AVX512Inv(&out[0], &in[0], &tw[0], m, m/8, 0)
	} else {
		fftTail16AVX512Fwd(&out[0], &in[0], &tw[0], m, m/8, 0)
	}
}

// FFTTail16CompactMinLen is the shortest n whose FFTTail16Seg takes the
// compact table. Best of 15 batches of thread CPU time (a throwaway A/B),
// 30-vector table against compact: n = 2048 567–593 against 632–638 ns,
// 4096 1.14–1.32 against 1.27–1.31 µs (in L1/L2 the nine products more
// cost more than the loads saved), 16384 6.3–7.3 against 5.9–6.9 µs,
// 65536 25.8–26.4 against 24.1–24.8 µs.
const FFTTail16CompactMinLen = 16384

// FFTTail16SegTwiddleLen is the float32 count of FFTTail16Seg's table
// for length n: FFTTail16TwiddleLen's, or from FFTTail16CompactMinLen 12
// vectors per 8 j (avogen/fft.go, fftTail16C).
func FFTTail16SegTwiddleLen(n int) int {
	if n < FFTTail16CompactMinLen {
		return FFTTail16TwiddleLen(n)
	}
	return n / 128 * 12 * 16
}

// FFTTail16Seg is FFTTail16 for a length-n transform whose input is in
// the segmented layout of FFTRadix16Seg (inPad values after every n/16;
// n a multiple of 2048 when inPad > 0); out is contiguous. Its table is
// FFTTail16's below FFTTail16CompactMinLen, else the compact one: per 8
// j, ω_n^{4qj} (q = 1, 2, 3), then ω_n^{kj} (k = 1, 2, 3), each as Re and
// Im vectors with every value over its two lanes; the kernel forms
// ω_n^{k(j+s·m)} = ω_n^{kj}·ω_16^{ks} with a second product, for the
// long transforms whose tail streams its table (n = 65536: the 30-vector
// table is 2 bytes of twiddle per byte of data).
func FFTTail16Seg(l Level, out, in []complex64, tw []float32, n, inPad int, inverse bool) {
	m := n / 16
	if !FFTTail16Supported(l, n) || inPad < 0 || (inPad > 0 && m%128 != 0) || len(out) < n || len(in) <= FFTSegIndex(n-1, m, inPad) {
		panic("asm: FFTTail16Seg: bad length or padding")
	}
	tw = tw[:FFTTail16SegTwiddleLen(n)]
	per := m / 128 // groups of 8 j (128 input values) per segment
	if inPad == 0 {
		per = m / 8
	}
	o, i, w := &out[0], &in[0], &tw[0]
	switch compact := n >= FFTTail16CompactMinLen; {
	case compact && inverse:
		fftTail16CAVX512Inv(o, i, w, m, per, inPad*8)
	case compact:
		fftTail16CAVX512Fwd(o, i, w, m, per, inPad*8)
	case inverse:
		fftTail16AVX512Inv(o, i, w, m, per, inPad*8)
	default:
		fftTail16AVX512Fwd(o, i, w, m, per, inPad*8)
	}
}

// FFTRadix16Supported reports whether FFTRadix16 runs sub-transform
// length ls with r = n/(16·ls) at level l: AVX-512 only (sixteen vectors
// of data in registers), r a positive multiple of the values per vector.
func FFTRadix16Supported(l Level, ls, r int) bool {
	return l == AVX512 && ls >= 1 && r >= 8 && r%8 == 0
}

// FFTRadix16TwiddleLen is the float32 count of FFTRadix16's table for
// sub-transform length ls: fifteen complex values per j (avogen/fft.go,
// fftR16Wide).
func FFTRadix16TwiddleLen(ls int) int { return 30 * ls }

// FFTRadix16 runs two radix-4 Stockham stages of a complex64 FFT of
// length n = len(in) fused in one pass, (ls, 4r) then (4ls, r) with r =
// n/(16·ls): for j < ls, k < r and s, t < 4,
//
//	y_s(p) = Σ_q (∓i)^{qs}·ω_{4ls}^{qj}·in[j·16r + (4q + p)·r + k]
//	out[(j + s·ls + t·4ls)·r + k] = Σ_p (∓i)^{pt}·ω_{16ls}^{p(j+s·ls)}·y_s(p)
//
// tw is the table FFTRadix16TwiddleLen counts: per j, ω_{4ls}^{qj} (q = 1,
// 2, 3), then for s = 0 … 3 ω_{16ls}^{p(j+s·ls)} (p = 1, 2, 3), each as
// Re, Im. s scales the inputs by a power of two (1, or an inverse's 1/n)
// and needs ls = 1, where the stage-A twiddles and the s = 0 stage-B
// ones (all 1) are not read. out and in must not overlap, except that at
// ls = 1 out may be in itself: there each vector of k loads its sixteen
// inputs before it stores its sixteen outputs, at the same positions
// (a Plan32 of n = 1024 in place then copies nothing).
func FFTRadix16(l Level, out, in []complex64, tw []float32, ls int, inverse bool, s float32) {
	if len(out) != len(in) {
		panic("asm: FFTRadix16: bad length")
	}
	FFTRadix16Seg(l, out, in, tw, len(in), ls, 0, 0, inverse, s)
}

// FFTRadix16Seg is FFTRadix16 for a length-n transform whose input and
// output are in segmented layouts of segment n/16 (FFTSegIndex) with
// inPad and outPad values of padding: in a long transform the pass's
// sixteen output streams are then a segment and a cache line apart, not
// n/2 bytes, and do not share one L1 set. A pad of 0 is the contiguous
// layout. Accuracy: within a few float32 roundings of the two float64
// stages (fft_radix16_test.go). Speed (best of 15 batches of thread CPU
// time, a throwaway A/B during development): n = 1024 in L1, ls = 1 169
// ns and ls = 4 186 ns against 189–214 ns for the two radix-4 stages; n
// = 65536 in L2, ls = 16, 13.1–13.5 µs padded on both sides against
// 21.5–27.4 µs contiguous and 20.0–28.3 µs for the two radix-4 stages.
func FFTRadix16Seg(l Level, out, in []complex64, tw []float32, n, ls, inPad, outPad int, inverse bool, s float32) {
	if ls < 1 || n < 16*ls || n%(16*ls) != 0 || !FFTRadix16Supported(l, ls, n/(16*ls)) || (s != 1 && ls != 1) || inPad < 0 || outPad < 0 {
		panic("asm: FFTRadix16: bad length, unsupported stage, padding, or a scale with ls > 1")
	}
	seg := n / 16
	if len(in) <= FFTSegIndex(n-1, seg, inPad) || len(out) <= FFTSegIndex(n-1, seg, outPad) {
		panic("asm: FFTRadix16: in or out too short for the layout")
	}
	r := n / (16 * ls)
	tw = tw[:FFTRadix16TwiddleLen(ls)]
	// The inputs of j sit at the same distances from its first for every
	// j: a j's 16r values lie in one segment (ls ≥ 16) or start one.
	const b = 8 // bytes per value
	var offs [16]int
	for i := range offs {
		offs[i] = FFTSegIndex(i*r, seg, inPad) * b
	}
	per, jstep, gskip := 1, FFTSegIndex(16*r, seg, inPad), 0
	if 16*r < seg {
		per, jstep, gskip = seg/(16*r), 16*r, inPad*b
	}
	groups, jskip, kv, os := ls/per, (jstep-r)*b, r/8, (seg+outPad)*b
	o, i, w := &out[0], &in[0], &tw[0]
	switch {
	case ls == 1 && inverse:
		fftR16FirstAVX512Inv(o, i, w, &offs[0], groups, per, jskip, gskip, kv, os, s)
	case ls == 1:
		fftR16FirstAVX512Fwd(o, i, w, &offs[0], groups, per, jskip, gskip, kv, os, s)
	case inverse:
		fftR16WideAVX512Inv(o, i, w, &offs[0], groups, per, jskip, gskip, kv, os)
	default:
		fftR16WideAVX512Fwd(o, i, w, &offs[0], groups, per, jskip, gskip, kv, os)
	}
}

// The complex128 kernels (avogen/fft64.go).

func fft64R2FirstAt(l Level, o, i *complex128, r int, s float64) {
	if l == AVX512 {
		fft64R2FirstAVX512(o, i, r, s)
	} else {
		fft64R2FirstAVX2(o, i, r, s)
	}
}

// fft64Narrow1Compact reports whether the complex128 r = 1 stage of
// sub-transform length ls at level l takes its twiddles compact (three
// vectors of plain complex128 per vector of j) rather than duplicated
// (six): AVX2 (AVX-512 plans end with fft64Tail16 instead) from ls = 256,
// n = 1024, where data, result and a duplicated table outgrow L1.
// Same-run interleaved A/B (FFTWInterleaved c128, AVX2, best of 200
// batches, 3 rounds), compact everywhere against duplicated: n = 1024
// ratio to FFTW 0.80–0.83 against 0.78–0.79, 2048 0.84–0.87 against
// 0.80–0.86, 16384 36870–37743 against 41380–46801 ns; but 256 315–441
// against 305–308 ns (ratio 0.72–0.76 against 0.78–0.79). Rechecked
// with the segmented 8, 8, 8, 4 plan of 2048 (its last stage ls = 512,
// four interleaved rounds, ours-ns min): duplicated there 3346 against
// compact's 3169 (r64 4096 3993 against 3822).
func fft64Narrow1Compact(l Level, ls int) bool { return l == AVX2 && ls >= 256 }

func fft64R4Narrow1At(l Level, o, i *complex128, w *float64, ls int, inverse bool) {
	fft64R4Narrow1SegAt(l, o, i, w, ls, ls/FFT64Values(l), 0, inverse)
}

// fft64R4Narrow1SegAt runs the r = 1 stage on an input with pad bytes
// after every per vectors of j.
func fft64R4Narrow1SegAt(l Level, o, i *complex128, w *float64, ls, per, pad int, inverse bool) {
	switch {
	case fft64Narrow1Compact(l, ls) && inverse:
		fft64R4Narrow1cAVX2Inv(o, i, w, ls, per, pad)
	case fft64Narrow1Compact(l, ls):
		fft64R4Narrow1cAVX2Fwd(o, i, w, ls, per, pad)
	case l == AVX512 && inverse:
		fft64R4Narrow1AVX512Inv(o, i, w, ls, per, pad)
	case l == AVX512:
		fft64R4Narrow1AVX512Fwd(o, i, w, ls, per, pad)
	case inverse:
		fft64R4Narrow1AVX2Inv(o, i, w, ls, per, pad)
	default:
		fft64R4Narrow1AVX2Fwd(o, i, w, ls, per, pad)
	}
}

// FFT64Radix4LastSeg is FFT64Radix4's r = 1 stage (ls = n/4, n =
// len(out)) reading in segmented as FFT64Radix8Seg writes it: inPad
// values after every n/8, each segment then holding the inputs of ls/8
// whole j, which must be a multiple of the values per vector. It lets a
// plan whose radix-8 stages write segmented buffers end with radix 4
// without a pass that only removes the padding (n = 2048 at AVX2: 8, 8,
// 8, 4).
func FFT64Radix4LastSeg(l Level, out, in []complex128, tw []float64, inPad int, inverse bool) {
	n := len(out)
	ls, seg, v := n/4, n/8, FFT64Values(l)
	if (l != AVX2 && l != AVX512) || n%8 != 0 || !FFT64Radix4Supported(l, ls, 1) || inPad < 0 || ls < 8*v || (ls/8)%v != 0 || len(in) <= FFTSegIndex(n-1, seg, inPad) {
		panic("asm: FFT64Radix4LastSeg: bad length, padding or unsupported stage")
	}
	tw = tw[:FFT64Radix4TwiddleLen(l, ls, 1)]
	fft64R4Narrow1SegAt(l, &out[0], &in[0], &tw[0], ls, ls/8/v, inPad*16, inverse)
}

// fft64R4At is fftR4At for complex128.
func fft64R4At(l Level, o, i *complex128, w *float64, ls, rows, width, qs, ss, inRow, outRow, inJ, outJ int, inverse bool, s float64) {
	switch {
	case ls == 1 && l == AVX512 && inverse:
		fft64R4FirstAVX512Inv(o, i, w, ls, rows, width, qs, ss, inRow, outRow, inJ, outJ, s)
	case ls == 1 && l == AVX512:
		fft64R4FirstAVX512Fwd(o, i, w, ls, rows, width, qs, ss, inRow, outRow, inJ, outJ, s)
	case ls == 1 && inverse:
		fft64R4FirstAVX2Inv(o, i, w, ls, rows, width, qs, ss, inRow, outRow, inJ, outJ, s)
	case ls == 1:
		fft64R4FirstAVX2Fwd(o, i, w, ls, rows, width, qs, ss, inRow, outRow, inJ, outJ, s)
	case l == AVX512 && inverse:
		fft64R4WideAVX512Inv(o, i, w, ls, rows, width, qs, ss, inRow, outRow, inJ, outJ)
	case l == AVX512:
		fft64R4WideAVX512Fwd(o, i, w, ls, rows, width, qs, ss, inRow, outRow, inJ, outJ)
	case inverse:
		fft64R4WideAVX2Inv(o, i, w, ls, rows, width, qs, ss, inRow, outRow, inJ, outJ)
	default:
		fft64R4WideAVX2Fwd(o, i, w, ls, rows, width, qs, ss, inRow, outRow, inJ, outJ)
	}
}

func fft64ScaleAt(l Level, x *complex128, n int, s float64) {
	if l == AVX512 {
		fft64ScaleAVX512(x, n, s)
	} else {
		fft64ScaleAVX2(x, n, s)
	}
}

func fft64RealPassAt(l Level, d, s *complex128, tw *float64, h int, inverse bool, half float64) {
	switch {
	case l == AVX512 && inverse:
		fft64RealPassAVX512Inv(d, s, tw, h, half)
	case l == AVX512:
		fft64RealPassAVX512Fwd(d, s, tw, h, half)
	case inverse:
		fft64RealPassAVX2Inv(d, s, tw, h, half)
	default:
		fft64RealPassAVX2Fwd(d, s, tw, h, half)
	}
}

func fft64CopyRowsAt(l Level, d, s *complex128, rows, width, ds, ss int) {
	if l == AVX512 {
		fft64CopyRowsAVX512(d, s, rows, width, ds, ss)
	} else {
		fft64CopyRowsAVX2(d, s, rows, width, ds, ss)
	}
}

func fft64TransposeTwiddleAt(l Level, d, s, pa, pb *complex128, rows, cols, ds int, inverse bool) {
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

// FFT64Radix8FirstSupported reports whether level l has the complex128
// radix-8 first stage: both AVX levels.
func FFT64Radix8FirstSupported(l Level) bool { return l == AVX2 || l == AVX512 }

func fft64R8FirstAt(l Level, o, i *complex128, r int, s float64, inverse bool) {
	fft64R8FirstSegAt(l, o, i, r, r*16, s, inverse)
}

// fft64R8FirstSegAt runs the radix-8 first stage with its output rows os
// bytes apart.
func fft64R8FirstSegAt(l Level, o, i *complex128, r, os int, s float64, inverse bool) {
	switch {
	case l == AVX2 && !inverse && s == 1:
		fft64R8FirstFAVX2Fwd(o, i, r, os) // fft64R8FirstF: part of the additions as FMAs
	case l == AVX512 && inverse:
		fft64R8FirstAVX512Inv(o, i, r, os, s)
	case l == AVX512:
		fft64R8FirstAVX512Fwd(o, i, r, os, s)
	case inverse:
		fft64R8FirstAVX2Inv(o, i, r, os, s)
	default:
		fft64R8FirstAVX2Fwd(o, i, r, os, s)
	}
}

// FFT64Radix8FirstSeg is FFT64Radix8First (n = len(in)) writing the
// segmented layout of FFT64Radix8Seg: outPad values after every n/8, so
// that the stage's eight output rows, n/8 values apart (a multiple of 4
// KB from n = 2048), do not share the L1 sets; out must hold
// FFTSegIndex(n−1, n/8, outPad)+1 values.
func FFT64Radix8FirstSeg(l Level, out, in []complex128, s float64, outPad int, inverse bool) {
	n := len(in)
	r := n / 8
	if !FFT64Radix8FirstSupported(l) || r == 0 || r%FFT64Values(l) != 0 || n%8 != 0 || outPad < 0 || len(out) <= FFTSegIndex(n-1, r, outPad) {
		panic("asm: FFT64Radix8FirstSeg: bad length, padding or no kernel")
	}
	fft64R8FirstSegAt(l, &out[0], &in[0], r, (r+outPad)*16, s, inverse)
}

// FFT64Radix16Supported reports whether two contiguous radix-4 stages of
// a complex128 FFT, sub-transform lengths ls and 4·ls with R = n/(16·ls)
// values per row, run fused at level l (FFT64Radix16): AVX-512, R a
// multiple of its four values per vector.
func FFT64Radix16Supported(l Level, ls, r int) bool {
	return l == AVX512 && ls >= 1 && r >= 4 && r%4 == 0
}

// FFT64Radix16TwiddleLen is the float64 count of FFT64Radix16's table:
// 30 per j (Re and Im of stage A's w1, w2, w3 of j, then stage B's w1,
// w2, w3 of j + s·ls for s = 0 … 3).
func FFT64Radix16TwiddleLen(ls int) int { return 30 * ls }

// FFT64Radix16 runs the radix-4 Stockham stages of sub-transform lengths
// ls and 4·ls of a complex128 FFT of length len(in) as one pass
// (avogen/fft64.go, fft64R16Wide): out and in have n values and must not
// overlap; tw is the table FFT64Radix16TwiddleLen counts. The stages must
// be FFT64Radix16Supported.
func FFT64Radix16(l Level, out, in []complex128, tw []float64, ls int, inverse bool) {
	if len(out) != len(in) {
		panic("asm: FFT64Radix16: bad length or unsupported stages")
	}
	FFT64Radix16Seg(l, out, in, tw, ls, 0, inverse)
}

// FFT64Radix16Seg is FFT64Radix16 (length n = len(in)) writing a
// segmented layout: outPad ≥ 0 values after every n/16 (FFTSegIndex),
// so that the pass's sixteen output streams, n/16 values apart, do not
// all fall in the same L1 sets; out must hold
// FFTSegIndex(n−1, n/16, outPad)+1 values.
func FFT64Radix16Seg(l Level, out, in []complex128, tw []float64, ls, outPad int, inverse bool) {
	n := len(in)
	if ls < 1 || n%(16*ls) != 0 || outPad < 0 || !FFT64Radix16Supported(l, ls, n/(16*ls)) || len(out) <= FFTSegIndex(n-1, n/16, outPad) {
		panic("asm: FFT64Radix16: bad length or unsupported stages")
	}
	tw = tw[:FFT64Radix16TwiddleLen(ls)]
	os := (n/16 + outPad) * 16
	if inverse {
		fft64R16WideAVX512Inv(&out[0], &in[0], &tw[0], ls, n/(16*ls), os)
	} else {
		fft64R16WideAVX512Fwd(&out[0], &in[0], &tw[0], ls, n/(16*ls), os)
	}
}

// FFT64Radix16FirstSupported reports whether level l runs the first two
// radix-4 stages of a complex128 FFT of length n fused
// (FFT64Radix16First): AVX-512, R = n/16 a multiple of its four values
// per vector.
func FFT64Radix16FirstSupported(l Level, n int) bool { return l == AVX512 && n >= 64 && n%64 == 0 }

// FFT64Radix16First is FFT64Radix16 with ls = 1 (avogen/fft64.go,
// fft64R16First), its inputs scaled by the power of two s: the first pass
// of a plan, which skips the products by the twiddles that are 1 (15 of
// the 24). tw is FFT64Radix16's table of ls = 1; out and in have n values
// and must not overlap; n must be FFT64Radix16FirstSupported.
func FFT64Radix16First(l Level, out, in []complex128, tw []float64, s float64, inverse bool) {
	n := len(in)
	if len(out) != n || !FFT64Radix16FirstSupported(l, n) {
		panic("asm: FFT64Radix16First: bad length or no kernel")
	}
	tw = tw[:FFT64Radix16TwiddleLen(1)]
	if inverse {
		fft64R16FirstAVX512Inv(&out[0], &in[0], &tw[0], n/16, s)
		return
	}
	// The forward kernel does not scale: no plan scales a forward
	// transform, and the products would cost it 16 of about 100
	// instructions per vector.
	fft64R16FirstAVX512Fwd(&out[0], &in[0], &tw[0], n/16, 1)
	if s != 1 {
		fft64ScaleAt(l, &out[0], n, s)
	}
}

// FFT64Tail16Supported is FFTTail16Supported for complex128: AVX-512, n
// a multiple of 64, or AVX2 (avogen/fft64.go, fft64Tail16Y), n a multiple
// of 32.
func FFT64Tail16Supported(l Level, n int) bool {
	return l == AVX512 && n >= 64 && n%64 == 0 || l == AVX2 && n >= 32 && n%32 == 0
}

// FFT64Tail16Compact reports whether FFT64Tail16 of length n takes its
// twiddles compact (15 vectors of plain complex128 per 4 j, spread in the
// kernel) rather than duplicated (30 vectors, Re and Im each over both
// lanes of a value): from n = 2048, where data, result and a duplicated
// table no longer fit L1. Same-run interleaved A/B (FFTWInterleaved,
// AVX-512, best of 200 batches), compact against duplicated: n = 2048
// 3305–3396 against 3434–3464 ns, 16384 36119–36436 against 38230–38699
// ns, 65536 191034–191665 against 197934–200778 ns; but 1024 1343–1497
// against 1273–1285 ns.
func FFT64Tail16Compact(n int) bool { return n >= 2048 }

// FFT64Tail16TwiddleLen is the float64 count of FFT64Tail16's table: 30
// vectors of 8 float64 per 4 j, or 15 where FFT64Tail16Compact (at AVX2
// as many vectors of 4 float64 per 2 j: the same count).
func FFT64Tail16TwiddleLen(n int) int {
	if FFT64Tail16Compact(n) {
		return n / 32 * 15 * 4
	}
	return n / 32 * 30 * 4
}

// FFT64Tail16 is FFTTail16 for complex128, its table laid out as
// FFT64Tail16Compact says.
func FFT64Tail16(l Level, out, in []complex128, tw []float64, inverse bool) {
	if len(out) != len(in) {
		panic("asm: FFT64Tail16: bad length")
	}
	FFT64Tail16Seg(l, out, in, tw, 0, inverse)
}

// FFT64Tail16Seg is FFT64Tail16 of length n = len(out) whose input is in
// the segmented layout of FFT64Radix16Seg (inPad values after every n/16;
// n a multiple of 1024 when inPad > 0).
func FFT64Tail16Seg(l Level, out, in []complex128, tw []float64, inPad int, inverse bool) {
	n := len(out)
	m := n / 16
	if !FFT64Tail16Supported(l, n) || inPad < 0 || (inPad > 0 && m%64 != 0) || len(in) <= FFTSegIndex(n-1, m, inPad) {
		panic("asm: FFT64Tail16: bad length or padding")
	}
	tw = tw[:FFT64Tail16TwiddleLen(n)]
	// A group of the kernel is 16 input values (one j) per value of a
	// vector.
	v := FFT64Values(l)
	per, pad := m/(16*v), inPad*16
	if inPad == 0 {
		per = m / v
	}
	o, i, w := &out[0], &in[0], &tw[0]
	if l == AVX2 {
		switch c := FFT64Tail16Compact(n); {
		case c && inverse:
			fft64Tail16cAVX2Inv(o, i, w, m, per, pad)
		case c:
			fft64Tail16cAVX2Fwd(o, i, w, m, per, pad)
		case inverse:
			fft64Tail16AVX2Inv(o, i, w, m, per, pad)
		default:
			fft64Tail16AVX2Fwd(o, i, w, m, per, pad)
		}
		return
	}
	switch c := FFT64Tail16Compact(n); {
	case c && inverse:
		fft64Tail16cAVX512Inv(o, i, w, m, per, pad)
	case c:
		fft64Tail16cAVX512Fwd(o, i, w, m, per, pad)
	case inverse:
		fft64Tail16AVX512Inv(o, i, w, m, per, pad)
	default:
		fft64Tail16AVX512Fwd(o, i, w, m, per, pad)
	}
}

// FFT64Radix8Supported reports whether level l runs a radix-8 Stockham
// stage of a complex128 FFT with sub-transform length ls and R =
// n/(8·ls) values per row (FFT64Radix8): AVX2 (AVX-512 fuses radix-4
// pairs instead, FFT64Radix16), R a multiple of its two values per
// vector.
func FFT64Radix8Supported(l Level, ls, r int) bool {
	return l == AVX2 && ls >= 1 && r >= 2 && r%2 == 0
}

// FFT64Radix8TwiddleLen is the float64 count of FFT64Radix8's table of
// the stage (ls, R = r): per j, for q = 1 … 7, a vector of Re
// ω_{8ls}^{qj} and one of Im, each value over the vector's four lanes,
// or Re and Im once where FFT64Radix8Compact.
func FFT64Radix8TwiddleLen(ls, r int) int {
	if FFT64Radix8Compact(ls, r) {
		return 14 * ls
	}
	return 56 * ls
}

// FFT64Radix8Compact reports whether FFT64Radix8's table of the stage
// (ls, R = r) is compact (fft64R8WideC): per j, for q = 1 … 7, Re and
// Im of w_q(j) once, at float64 14j + 2(q−1) and the one after it,
// rather than each over a vector's four lanes. It is where ls ≥ 64 and
// R ≤ 4: a j's twiddles then serve at most two vectors, and the
// duplicated table (28 KB at ls = 64) is read from L2 beside data that
// do not fit L1 either, so that its bytes cost more than the
// broadcasts. FFTWInterleaved AVX2, five interleaved rounds, ours-ns
// min, compact from ls = 64 whatever R against duplicated: c128 2048
// (ls = 64, R = 4) 3213 → 3170, 16384 (ls = 64, R = 32 and ls = 512, R
// = 4) 35965 → 35019; but 8192 (ls = 64, R = 16) 14813 → 15266, where
// each twiddle serves eight vectors; and at the segmented plans' ls = 8
// (R ≥ 32, a 3.5 KB table) 2048 3140 → 3198, 4096 6999 → 7140, 8192
// 14653 → 14971 (four rounds), as FFT64Radix8's stage of ls = 8 lost
// in L1.
func FFT64Radix8Compact(ls, r int) bool { return ls >= 64 && r <= 4 }

// radix8JLen is the float64 count of one j's twiddles in FFT64Radix8's
// table of the stage (ls, R = r).
func radix8JLen(ls, r int) int { return FFT64Radix8TwiddleLen(ls, r) / ls }

// FFT64Radix8 runs one radix-8 Stockham stage of a complex128 FFT of
// length n = len(in) (avogen/fft64.go, fft64R8Wide): with R = n/(8·ls),
// for j < ls and k < R, out[(j + s·ls)·R + k] = Σ_q ω_8^{∓qs}·w_q(j)·
// in[j·8R + q·R + k] (inverse: conjugate twiddles), w_q(j) from tw as
// FFT64Radix8TwiddleLen says, except w_q(0), which is taken to be 1 (a
// stage's twiddles ω_{8ls}^{qj}; j = 0 runs without products) and not
// read. out and in have n values and must not overlap; the stage must
// be FFT64Radix8Supported.
func FFT64Radix8(l Level, out, in []complex128, tw []float64, ls int, inverse bool) {
	n := len(in)
	if ls < 1 || n%(8*ls) != 0 || len(out) != n || !FFT64Radix8Supported(l, ls, n/(8*ls)) {
		panic("asm: FFT64Radix8: bad length or unsupported stage")
	}
	tw = tw[:FFT64Radix8TwiddleLen(ls, n/(8*ls))]
	// j = 0, whose twiddles are 1, by the first stage's kernel (no
	// products; its out rows n/8 values apart, as here), the other j by
	// the stage's. The stage alone (AVX2, best of 300 batches): n = 512
	// (ls = 8) 182–184 → 175–179 ns, 1024 384–393 → 371–373; the
	// transform (FFTWInterleaved, six interleaved rounds) c128 512
	// 557–562 → 551–555, 1024 1319–1350 → 1318–1332 ns. Tried and lost:
	// the table compact (Re and Im of w_q(j) once, 0.9 KB instead of 3.5
	// at n = 512, spread by VBROADCASTSD as read) to leave the last
	// pass's table more of L1: the stage alone 177 → 198 ns at 512, 371
	// → 398 at 1024 (VBROADCASTSD from memory costs more than the
	// products' memory operands on Zen 4).
	r, c := n/(8*ls), FFT64Radix8Compact(ls, n/(8*ls))
	fft64R8FirstSegAt(l, &out[0], &in[0], r, n/8*16, 1, inverse)
	if ls > 1 {
		fft64R8WideAt(&out[r], &in[8*r], &tw[radix8JLen(ls, r)], ls-1, r, n/8*16, c, inverse)
	}
}

func fft64R8WideAt(o, i *complex128, w *float64, ls, r, os int, compact, inverse bool) {
	switch {
	case compact && inverse:
		fft64R8WideCAVX2Inv(o, i, w, ls, r, os)
	case compact:
		fft64R8WideCAVX2Fwd(o, i, w, ls, r, os)
	case inverse:
		fft64R8WideAVX2Inv(o, i, w, ls, r, os)
	default:
		fft64R8WideAVX2Fwd(o, i, w, ls, r, os)
	}
}

// FFT64Radix8Seg is FFT64Radix8 of length n between segmented layouts
// (FFTSegIndex, segments of n/8 values): inPad values after every n/8 of
// in, outPad after every n/8 of out, which no call reads or writes. The
// pass's eight output streams, n/8 values apart (a multiple of 4 KB from
// n = 2048), then fall in different L1 sets. A padded in needs ls a
// multiple of 8 (each segment then holds the inputs of ls/8 whole j).
// As in FFT64Radix8, w_q(0) is taken to be 1 and not read.
func FFT64Radix8Seg(l Level, out, in []complex128, tw []float64, n, ls, inPad, outPad int, inverse bool) {
	seg := n / 8
	if ls < 1 || n%(8*ls) != 0 || inPad < 0 || outPad < 0 || (inPad > 0 && ls%8 != 0) || !FFT64Radix8Supported(l, ls, n/(8*ls)) ||
		len(in) <= FFTSegIndex(n-1, seg, inPad) || len(out) <= FFTSegIndex(n-1, seg, outPad) {
		panic("asm: FFT64Radix8Seg: bad length, padding or unsupported stage")
	}
	r, os := n/(8*ls), (seg+outPad)*16
	tw = tw[:FFT64Radix8TwiddleLen(ls, r)]
	c, jl := FFT64Radix8Compact(ls, r), radix8JLen(ls, r)
	// j = 0 (twiddles 1, its inputs the first 8R of in whatever inPad)
	// by the first stage's kernel without products, as FFT64Radix8.
	// FFTWInterleaved AVX2, four interleaved rounds, ours-ns min: c128
	// 2048 3222 → 3207, 4096 7116 → 7063, 8192 15006 → 14876, 16384
	// 36114 → 36032; r64 2048 1648 → 1651 (noise), 4096 3874 → 3844,
	// 8192 8374 → 8316, 16384 17963 → 17868. The pass of ls = 8 gains
	// most (1/8 of its j); ls ≥ 64 keep it for uniformity.
	fft64R8FirstSegAt(l, &out[0], &in[0], r, os, 1, inverse)
	if inPad == 0 {
		if ls > 1 {
			fft64R8WideAt(&out[r], &in[8*r], &tw[jl], ls-1, r, os, c, inverse)
		}
		return
	}
	per := ls / 8 // j per input segment
	for g := range 8 {
		j0, i0, k := g*per, g*(seg+inPad), per
		if g == 0 {
			j0, i0, k = 1, 8*r, per-1
		}
		if k > 0 {
			fft64R8WideAt(&out[j0*r], &in[i0], &tw[jl*j0], k, r, os, c, inverse)
		}
	}
}

// FFTSeg8Supported reports whether level l has the complex64 kernels of
// the segmented AVX2 plan (fft's runSeg8): FFTRadix8FirstSeg8,
// FFTRadix8Seg and FFTRadix4SegIn, whose layouts put padding after every
// n/8 values.
func FFTSeg8Supported(l Level) bool { return l == AVX2 }

// FFTRadix8FirstSeg8 is FFTRadix8First (length n = len(in)) writing a
// segmented layout (FFTSegIndex, segments of n/8 values, outPad values of
// padding after each): its eight output rows are then not n bytes apart
// (one L1 set from n = 4096) but a row and the padding. Level
// FFTSeg8Supported.
func FFTRadix8FirstSeg8(l Level, out, in []complex64, outPad int, s float32, inverse bool) {
	n := len(in)
	seg := n / 8
	if !FFTSeg8Supported(l) || n < 32 || n%32 != 0 || outPad < 0 || len(out) <= FFTSegIndex(n-1, seg, outPad) {
		panic("asm: FFTRadix8FirstSeg8: bad length or padding")
	}
	const b = 8 // bytes per value
	fftR8FirstRows(l, &out[0], &in[0], seg, seg*b, (seg+outPad)*b, s, inverse)
}

// FFTRadix8Seg is FFTRadix8's wide stage (r = n/(8·ls) a multiple of 4)
// of length n between segmented layouts (segments of n/8 values): inPad
// values after every n/8 of in, outPad after every n/8 of out. A padded
// in needs ls a multiple of 8 (each segment then holds the inputs of
// ls/8 whole j). Level FFTSeg8Supported; the table is FFTRadix8's.
func FFTRadix8Seg(l Level, out, in []complex64, tw []float32, n, ls, inPad, outPad int, inverse bool) {
	seg := n / 8
	if !FFTSeg8Supported(l) || ls < 1 || n%(8*ls) != 0 || inPad < 0 || outPad < 0 || (inPad > 0 && ls%8 != 0) ||
		n/(8*ls) < 4 || !FFTRadix8Supported(l, ls, n/(8*ls)) ||
		len(in) <= FFTSegIndex(n-1, seg, inPad) || len(out) <= FFTSegIndex(n-1, seg, outPad) {
		panic("asm: FFTRadix8Seg: bad length, padding or unsupported stage")
	}
	r := n / (8 * ls)
	tw = tw[:FFTRadix8TwiddleLen(l, ls, r)]
	const b = 8 // bytes per value
	os := (seg + outPad) * b
	per, groups := ls, 1
	if inPad > 0 {
		per, groups = ls/8, 8
	}
	o, i, w, gskip := &out[0], &in[0], &tw[0], inPad*b
	switch v := fftR8VectorTable(ls); {
	case v && inverse:
		fftR8WideVSAVX2Inv(o, i, w, per, r, os, groups, gskip)
	case v:
		fftR8WideVSAVX2Fwd(o, i, w, per, r, os, groups, gskip)
	case inverse:
		fftR8WideSAVX2Inv(o, i, w, per, r, os, groups, gskip)
	default:
		fftR8WideSAVX2Fwd(o, i, w, per, r, os, groups, gskip)
	}
}

// FFTRadix4SegIn is FFTRadix4's wide stage (r = n/(4·ls) a multiple of
// the values per vector, ls > 1) of length n = len(out) reading in in a
// segmented layout (segments of n/8 values, inPad after each; ls a
// multiple of 8, so that a segment holds the inputs of ls/8 whole j):
// the stage after FFTRadix8Seg, whose output is contiguous again (its
// four streams lie n/4 values apart, which four ways of one L1 set
// hold). Level FFTSeg8Supported; the table is FFTRadix4's.
func FFTRadix4SegIn(l Level, out, in []complex64, tw []float32, ls, inPad int, inverse bool) {
	n := len(out)
	seg := n / 8
	if !FFTSeg8Supported(l) || ls < 8 || ls%8 != 0 || n%(4*ls) != 0 || inPad < 0 || FFTRadix4Narrow(l, n/(4*ls)) ||
		!FFTRadix4Supported(l, ls, n/(4*ls)) || len(in) <= FFTSegIndex(n-1, seg, inPad) {
		panic("asm: FFTRadix4SegIn: bad length, padding or unsupported stage")
	}
	r := n / (4 * ls)
	tw = tw[:6*ls]
	const b = 8 // bytes per value
	o, i, w := &out[0], &in[0], &tw[0]
	if inverse {
		fftR4WideSegAVX2Inv(o, i, w, 8, ls/8, r, ls*r*b, inPad*b)
	} else {
		fftR4WideSegAVX2Fwd(o, i, w, 8, ls/8, r, ls*r*b, inPad*b)
	}
}

// FFTRadix4CompactMinLen is the shortest ls whose r = 1 radix-4 stage
// FFTRadix4CompactSupported offers: there the duplicated table (48 bytes
// per value) no longer fits L1 beside the data. The r = 1 AVX2 kernel
// alone, best of 300 batches of 20 (a throwaway harness), duplicated
// against compact table: ls = 256 (n = 1024) 183 against 188 ns, 1024
// 998 against 804 ns, 2048 2.01 against 1.62 µs.
const FFTRadix4CompactMinLen = 1024

// FFTRadix4CompactSupported reports whether level l runs the last
// radix-4 stage (r = 1) of sub-transform length ls with the compact table
// (FFTRadix4Compact): AVX2 from FFTRadix4CompactMinLen.
func FFTRadix4CompactSupported(l Level, ls int) bool {
	return l == AVX2 && ls >= FFTRadix4CompactMinLen && ls%4 == 0
}

// FFTRadix4CompactTwiddleLen is the float32 count of FFTRadix4Compact's
// table: per vector of four j, w1, w2 and w3 of those j as plain
// complex64 (three vectors, half the duplicated table of FFTRadix4).
func FFTRadix4CompactTwiddleLen(ls int) int { return 6 * ls }

// FFTRadix4Compact is FFTRadix4 for the stage r = 1 (n = 4·ls) with the
// compact table FFTRadix4CompactTwiddleLen counts: tw[24g + 8(q−1) + 2i]
// and the float after it are Re and Im of w_q of j = 4g + i. The stage
// must be FFTRadix4CompactSupported.
func FFTRadix4Compact(l Level, out, in []complex64, tw []float32, ls int, inverse bool) {
	if !FFTRadix4CompactSupported(l, ls) || len(in) != 4*ls || len(out) != 4*ls {
		panic("asm: FFTRadix4Compact: bad length or unsupported stage")
	}
	tw = tw[:FFTRadix4CompactTwiddleLen(ls)]
	if inverse {
		fftR4Narrow1cAVX2Inv(&out[0], &in[0], &tw[0], ls)
	} else {
		fftR4Narrow1cAVX2Fwd(&out[0], &in[0], &tw[0], ls)
	}
}

// FFTRadix8Supported reports whether FFTRadix8 runs a stage of
// sub-transform length ls and r = n/(8·ls) at level l: AVX2 only (at
// AVX-512 the plans fuse radix-4 stages into radix 16 instead), r a
// multiple of the four values per vector (wide), or r = 1 with ls a
// multiple of four (narrow: four j per vector).
func FFTRadix8Supported(l Level, ls, r int) bool {
	if l != AVX2 || ls < 1 || r < 1 {
		return false
	}
	if r == 1 {
		return ls%4 == 0
	}
	return r%4 == 0
}

// FFTRadix8TwiddleLen is the float32 count of FFTRadix8's table: per j
// the seven twiddles ω_{8ls}^{qj} (Re, Im), for ls ≤ 8 each of the
// fourteen over a vector (FFTRadix8VectorTable), or for r = 1 per four j
// fourteen vectors (Re w_q, Im w_q, each value over both lanes of a
// complex; avogen/fft.go, fftR8Mid).
func FFTRadix8TwiddleLen(l Level, ls, r int) int {
	if r == 1 && fftR8NarrowCompact(ls) {
		return 14 * ls
	}
	if r == 1 {
		return 28 * ls
	}
	if fftR8VectorTable(ls) {
		return 112 * ls
	}
	return 14 * ls
}

// fftR8VectorTable reports whether the wide radix-8 stage of
// sub-transform length ls takes the vector table (fftR8WideV): while it
// is at most 4 KB. Same-binary A/B, BenchmarkFFTWInterleaved/c64 at AVX2,
// best of five: n = 512 (ls = 8, r = 8) 329 against 320 ns with it, but
// 1024 (ls = 32, r = 4) 698 against 710 ns, its 14 KB table crowding L1.
func fftR8VectorTable(ls int) bool { return ls <= 8 }

// fftR8NarrowCompact reports whether the narrow (r = 1) radix-8 stage of
// sub-transform length ls takes the compact table (fftR8Narrow1c: per
// four j seven vectors, w_q of those j as plain complex64) rather than
// the duplicated one, from ls = 256 (n = 2048), where the duplicated
// table is 28 KB and beside the stage's 32 KB of data crowds L1. The
// stage alone (ls = 256, best of 200 batches of 50, a throwaway
// harness): 548–551 ns duplicated against 525–532 compact;
// BenchmarkFFT/c64/n=2048 at AVX2, two runs of /tmp/s12/ab3.sh, 8
// rounds, best: 1546 and 1621 against 1536 and 1572 ns.
func fftR8NarrowCompact(ls int) bool { return ls >= 256 }

// FFTRadix8NarrowCompact reports whether FFTRadix8's table of the r = 1
// stage of sub-transform length ls is the compact one.
func FFTRadix8NarrowCompact(l Level, ls int) bool { return fftR8NarrowCompact(ls) }

// FFTRadix8VectorTable reports whether FFTRadix8's table of a wide stage
// (r > 1) of sub-transform length ls holds each twiddle's Re and Im over
// a whole vector (eight floats each) rather than once.
func FFTRadix8VectorTable(l Level, ls int) bool { return fftR8VectorTable(ls) }

// FFTRadix8 runs one radix-8 Stockham stage with twiddles of a complex64
// FFT of length n = len(in) and sub-transform length ls: for j < ls, k <
// r = n/(8·ls) and t < 8,
//
//	out[(j + t·ls)·r + k] = Σ_q ω_8^{∓qt}·ω_{8ls}^{±qj}·in[j·8r + q·r + k]
//
// (upper signs forward; the table holds the forward twiddles, which the
// inverse conjugates). tw is the table FFTRadix8TwiddleLen counts; out and
// in have n values and must not overlap. The stage must be
// FFTRadix8Supported.
func FFTRadix8(l Level, out, in []complex64, tw []float32, ls int, inverse bool) {
	n := len(in)
	if ls < 1 || n%(8*ls) != 0 || len(out) != n {
		panic("asm: FFTRadix8: bad length")
	}
	r := n / (8 * ls)
	if !FFTRadix8Supported(l, ls, r) {
		panic("asm: FFTRadix8: unsupported stage")
	}
	tw = tw[:FFTRadix8TwiddleLen(l, ls, r)]
	o, i, w := &out[0], &in[0], &tw[0]
	switch {
	case r == 1 && fftR8NarrowCompact(ls) && inverse:
		fftR8Narrow1cAVX2Inv(o, i, w, ls)
	case r == 1 && fftR8NarrowCompact(ls):
		fftR8Narrow1cAVX2Fwd(o, i, w, ls)
	case r == 1 && inverse:
		fftR8Narrow1AVX2Inv(o, i, w, ls)
	case r == 1:
		fftR8Narrow1AVX2Fwd(o, i, w, ls)
	case fftR8VectorTable(ls) && inverse:
		fftR8WideVAVX2Inv(o, i, w, ls, r)
	case fftR8VectorTable(ls):
		fftR8WideVAVX2Fwd(o, i, w, ls, r)
	case inverse:
		fftR8WideAVX2Inv(o, i, w, ls, r)
	default:
		fftR8WideAVX2Fwd(o, i, w, ls, r)
	}
}

// FFT64Radix8LastSupported reports whether level l runs the radix-8
// stage with R = 1 of a complex128 FFT of sub-transform length ls
// (FFT64Radix8Last): AVX2, ls even (two j per vector).
func FFT64Radix8LastSupported(l Level, ls int) bool { return l == AVX2 && ls >= 2 && ls%2 == 0 }

// FFT64Radix8LastCompact reports whether FFT64Radix8Last of sub-transform
// length ls takes its twiddles compact (per pair of j, seven vectors of
// plain complex128, spread in the kernel) rather than duplicated
// (fourteen, Re and Im each over both lanes of a value): from ls = 256,
// as fft64Narrow1Compact, where the duplicated table outgrows L1 beside
// the data. At ls = 64 (n = 512, the one plan that runs the stage)
// duplicated won: interleaved A/B (FFTWInterleaved c128, AVX2, four
// rounds) 595–601 against 614–618 ns.
func FFT64Radix8LastCompact(ls int) bool { return fft64R8LastCompact(ls) }

func fft64R8LastCompact(ls int) bool { return ls >= 256 }

// FFT64Radix8LastTwiddleLen is the float64 count of FFT64Radix8Last's
// table: 28 per j, or 14 where FFT64Radix8LastCompact.
func FFT64Radix8LastTwiddleLen(ls int) int {
	if fft64R8LastCompact(ls) {
		return 14 * ls
	}
	return 28 * ls
}

// FFT64Radix8Last runs the radix-8 Stockham stage with R = 1 of a
// complex128 FFT of length n = len(out), ls = n/8 (avogen/fft64.go,
// fft64R8Narrow1X, compact fft64R8Narrow1): out[j + s·ls] =
// Σ_q ω_8^{∓qs}·w_q(j)·in[8j + q] (inverse: conjugate twiddles), w_q(j)
// from tw as
// FFT64Radix8LastTwiddleLen says: per pair of j, for q = 1 … 7, Re of
// w_q at float64 4(2q−2) + 2i and 4(2q−2) + 2i + 1 and Im likewise in
// vector 2q−1 for j = 2·pair + i, or compact Re and Im of w_q at
// 4(q−1) + 2i and 4(q−1) + 2i + 1. in is segmented as FFT64Radix8Seg
// writes it: inPad values after every n/8 (then ls a multiple of 16, so
// that each segment holds an even number of whole j); out must not
// overlap it. The stage must be FFT64Radix8LastSupported.
func FFT64Radix8Last(l Level, out, in []complex128, tw []float64, inPad int, inverse bool) {
	n := len(out)
	ls, seg := n/8, n/8
	if n%8 != 0 || !FFT64Radix8LastSupported(l, ls) || inPad < 0 || (inPad > 0 && ls%16 != 0) || len(in) <= FFTSegIndex(n-1, seg, inPad) {
		panic("asm: FFT64Radix8Last: bad length, padding or unsupported stage")
	}
	tw = tw[:FFT64Radix8LastTwiddleLen(ls)]
	per, pad := ls/16, inPad*16 // pairs of j per segment, padding in bytes
	if inPad == 0 {
		per = ls / 2
	}
	o, i, w := &out[0], &in[0], &tw[0]
	switch c := fft64R8LastCompact(ls); {
	case c && inverse:
		fft64R8Narrow1cAVX2Inv(o, i, w, ls, per, pad)
	case c:
		fft64R8Narrow1cAVX2Fwd(o, i, w, ls, per, pad)
	case inverse:
		fft64R8Narrow1xAVX2Inv(o, i, w, ls, per, pad) // fft64R8Narrow1X: whole-vector loads
	default:
		fft64R8Narrow1xAVX2Fwd(o, i, w, ls, per, pad)
	}
}

// fftMixedLevel reports whether level l has the mixed-radix stages
// (fftmixed.go).
func fftMixedLevel(l Level) bool { return l == AVX2 || l == AVX512 }
