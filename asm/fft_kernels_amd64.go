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
	switch {
	case l == AVX512 && inverse:
		fftR8FirstAVX512Inv(o, i, r, s)
	case l == AVX512:
		fftR8FirstAVX512Fwd(o, i, r, s)
	case inverse:
		fftR8FirstAVX2Inv(o, i, r, s)
	default:
		fftR8FirstAVX2Fwd(o, i, r, s)
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
	if inverse {
		fftTail16AVX512Inv(&out[0], &in[0], &tw[0], n/16)
	} else {
		fftTail16AVX512Fwd(&out[0], &in[0], &tw[0], n/16)
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
// against 305–308 ns (ratio 0.72–0.76 against 0.78–0.79).
func fft64Narrow1Compact(l Level, ls int) bool { return l == AVX2 && ls >= 256 }

func fft64R4Narrow1At(l Level, o, i *complex128, w *float64, ls int, inverse bool) {
	switch {
	case fft64Narrow1Compact(l, ls) && inverse:
		fft64R4Narrow1cAVX2Inv(o, i, w, ls)
	case fft64Narrow1Compact(l, ls):
		fft64R4Narrow1cAVX2Fwd(o, i, w, ls)
	case l == AVX512 && inverse:
		fft64R4Narrow1AVX512Inv(o, i, w, ls)
	case l == AVX512:
		fft64R4Narrow1AVX512Fwd(o, i, w, ls)
	case inverse:
		fft64R4Narrow1AVX2Inv(o, i, w, ls)
	default:
		fft64R4Narrow1AVX2Fwd(o, i, w, ls)
	}
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
	switch {
	case l == AVX512 && inverse:
		fft64R8FirstAVX512Inv(o, i, r, s)
	case l == AVX512:
		fft64R8FirstAVX512Fwd(o, i, r, s)
	case inverse:
		fft64R8FirstAVX2Inv(o, i, r, s)
	default:
		fft64R8FirstAVX2Fwd(o, i, r, s)
	}
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
	n := len(in)
	if ls < 1 || n%(16*ls) != 0 || len(out) != n || !FFT64Radix16Supported(l, ls, n/(16*ls)) {
		panic("asm: FFT64Radix16: bad length or unsupported stages")
	}
	tw = tw[:FFT64Radix16TwiddleLen(ls)]
	if inverse {
		fft64R16WideAVX512Inv(&out[0], &in[0], &tw[0], ls, n/(16*ls))
	} else {
		fft64R16WideAVX512Fwd(&out[0], &in[0], &tw[0], ls, n/(16*ls))
	}
}

// FFT64Tail16Supported is FFTTail16Supported for complex128: AVX-512, n
// a multiple of 64.
func FFT64Tail16Supported(l Level, n int) bool { return l == AVX512 && n >= 64 && n%64 == 0 }

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
// vectors of 8 float64 per 4 j, or 15 where FFT64Tail16Compact.
func FFT64Tail16TwiddleLen(n int) int {
	if FFT64Tail16Compact(n) {
		return n / 64 * 15 * 8
	}
	return n / 64 * 30 * 8
}

// FFT64Tail16 is FFTTail16 for complex128, its table laid out as
// FFT64Tail16Compact says.
func FFT64Tail16(l Level, out, in []complex128, tw []float64, inverse bool) {
	n := len(in)
	if !FFT64Tail16Supported(l, n) || len(out) != n {
		panic("asm: FFT64Tail16: bad length")
	}
	tw = tw[:FFT64Tail16TwiddleLen(n)]
	o, i, w, m := &out[0], &in[0], &tw[0], n/16
	switch c := FFT64Tail16Compact(n); {
	case c && inverse:
		fft64Tail16cAVX512Inv(o, i, w, m)
	case c:
		fft64Tail16cAVX512Fwd(o, i, w, m)
	case inverse:
		fft64Tail16AVX512Inv(o, i, w, m)
	default:
		fft64Tail16AVX512Fwd(o, i, w, m)
	}
}
