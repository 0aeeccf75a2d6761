//go:build gc && !purego

package asm

import "unsafe"

// The arm64 side of the FFT entry points (fft_kernels.go): the per-level
// facts and, for each stage, which NEON kernel of avogen/neongen/fft.go
// runs, so that package fft's Stockham and four-step plans run unchanged
// at NEON; the callers have checked every length. A NEON "vector" of
// values is one LD2 pair, 32 bytes: four complex64 or two complex128.
// What NEON lacks, the *Supported functions report and the plans skip:
// the narrow r = 4 stage and the fused radix-16 tail (its sixteen complex
// vectors would take all 32 registers before a twiddle). The kernels take
// their tables in the amd64 layouts; where those duplicate each value
// over two lanes (the narrow stage, the real pass), LD2 drops the copy.
// Unlike the AVX kernels, the first stages come as an unscaled kernel and
// a scaled one, picked here by s ≠ 1, and the row copy and transpose take
// byte strides. Accuracy: fft_kernels_simd_test.go and
// fft_strided_test.go check every kernel against a float64 or Go twin of
// the stage (under qemu); package fft checks whole transforms. No arm64
// timings exist (no hardware).

// FFTValues is the number of complex64 values in one vector at level l.
func FFTValues(l Level) int { return 4 }

// FFT64Values is the number of complex128 values in one vector at level l.
func FFT64Values(l Level) int { return 2 }

// fftNarrow4 reports whether level l has a narrow kernel for r = 4: never
// at NEON, whose vector holds four values (r = 4 is a wide stage).
func fftNarrow4(l Level) bool { return false }

func fftR2FirstAt(l Level, o, i *complex64, r int, s float32) {
	fftR2FirstNEON(o, i, r, s)
}

func fftR8FirstAt(l Level, o, i *complex64, r int, s float32, inverse bool) {
	switch {
	case s != 1 && inverse:
		fftR8FirstScaledNEONInv(o, i, r, s)
	case s != 1:
		fftR8FirstScaledNEONFwd(o, i, r, s)
	case inverse:
		fftR8FirstNEONInv(o, i, r)
	default:
		fftR8FirstNEONFwd(o, i, r)
	}
}

// fftR4NarrowAt runs the narrow radix-4 kernel; r = 1 (fftNarrow4).
func fftR4NarrowAt(l Level, o, i *complex64, w *float32, ls, r int, inverse bool) {
	if inverse {
		fftR4Narrow1NEONInv(o, i, w, ls)
	} else {
		fftR4Narrow1NEONFwd(o, i, w, ls)
	}
}

// fftR4At runs the wide radix-4 kernel on a layout given in byte strides:
// the first-stage one (w unused) when ls = 1, scaled only when s ≠ 1.
func fftR4At(l Level, o, i *complex64, w *float32, ls, rows, width, qs, ss, inRow, outRow, inJ, outJ int, inverse bool, s float32) {
	switch {
	case ls == 1 && s != 1 && inverse:
		fftR4FirstScaledNEONInv(o, i, nil, 1, rows, width, qs, ss, inRow, outRow, inJ, outJ, s)
	case ls == 1 && s != 1:
		fftR4FirstScaledNEONFwd(o, i, nil, 1, rows, width, qs, ss, inRow, outRow, inJ, outJ, s)
	case ls == 1 && inverse:
		fftR4FirstNEONInv(o, i, nil, 1, rows, width, qs, ss, inRow, outRow, inJ, outJ)
	case ls == 1:
		fftR4FirstNEONFwd(o, i, nil, 1, rows, width, qs, ss, inRow, outRow, inJ, outJ)
	case inverse:
		fftR4WideNEONInv(o, i, w, ls, rows, width, qs, ss, inRow, outRow, inJ, outJ)
	default:
		fftR4WideNEONFwd(o, i, w, ls, rows, width, qs, ss, inRow, outRow, inJ, outJ)
	}
}

func fftScaleAt(l Level, x *complex64, n int, s float32) {
	fftScaleNEON(x, n, s)
}

func fftRealPassAt(l Level, d, s *complex64, tw *float32, h int, inverse bool, half float32) {
	if inverse {
		fftRealPassNEONInv(d, s, tw, h, half)
	} else {
		fftRealPassNEONFwd(d, s, tw, h, half)
	}
}

// fftCopyRowsAt runs the one row-copy kernel, which takes a row's length
// and the gaps between rows in bytes (so it serves complex128 too).
func fftCopyRowsAt(l Level, d, s *complex64, rows, width, ds, ss int) {
	const b = 8 // bytes per value
	fftCopyRowsNEON(d, s, rows, width*b, (ds-width)*b, (ss-width)*b)
}

func fftTransposeTwiddleAt(l Level, d, s, pa, pb *complex64, rows, cols, ds int, inverse bool) {
	st := transposeStrides(FFTValues(l), 8, rows, cols, ds)
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

// FFT1024Supported reports whether level l runs FFT1024: none at NEON.
func FFT1024Supported(l Level) bool { return false }

// FFT1024 is never called at NEON (FFT1024Supported).
func FFT1024(l Level, dst, src []complex64, tw []float32, tailOff int, inverse bool, mid []float32, s float32) {
	panic("asm: FFT1024: unsupported level")
}

// FFT512 is never called at NEON (FFT1024Supported).
func FFT512(l Level, dst, src []complex64, tw []float32, tailOff int, inverse bool, mid []float32, s float32) {
	panic("asm: FFT512: unsupported level")
}

// FFT2048 is never called at NEON (FFT1024Supported).
func FFT2048(l Level, dst, src []complex64, tw []float32, tailOff int, inverse bool, mid []float32, s float32) {
	panic("asm: FFT2048: unsupported level")
}

// FFTTail16TwiddleLen is the float32 count of FFTTail16's table: none at
// NEON.
func FFTTail16TwiddleLen(n int) int { return 0 }

// FFTTail16 has no NEON kernel (FFTTail16Supported).
func FFTTail16(l Level, out, in []complex64, tw []float32, inverse bool) {
	panic("asm: FFTTail16: no NEON kernel")
}

// FFTRadix4CompactSupported reports that NEON has no compact-table r = 1
// stage (FFTRadix4Compact is AVX2's).
func FFTRadix4CompactSupported(l Level, ls int) bool { return false }

// FFTRadix4CompactTwiddleLen is the float32 count of FFTRadix4Compact's
// table: none at NEON.
func FFTRadix4CompactTwiddleLen(ls int) int { return 0 }

// FFTRadix4Compact has no NEON kernel (FFTRadix4CompactSupported).
func FFTRadix4Compact(l Level, out, in []complex64, tw []float32, ls int, inverse bool) {
	panic("asm: FFTRadix4Compact: no NEON kernel")
}

// FFTRadix8Supported reports whether FFTRadix8 runs a stage at level l:
// never on arm64 (an AVX2 kernel).
func FFTRadix8Supported(l Level, ls, r int) bool { return false }

// FFTRadix8NarrowCompact reports whether FFTRadix8's r = 1 table is
// compact: never on arm64 (no kernel).
func FFTRadix8NarrowCompact(l Level, ls int) bool { return false }

// FFTSeg8Supported reports whether level l has the segmented AVX2
// kernels: never on arm64.
func FFTSeg8Supported(l Level) bool { return false }

// FFTRadix8FirstSeg8 has no NEON kernel (FFTSeg8Supported).
func FFTRadix8FirstSeg8(l Level, out, in []complex64, outPad int, s float32, inverse bool) {
	panic("asm: FFTRadix8FirstSeg8: no NEON kernel")
}

// FFTRadix8Seg has no NEON kernel (FFTSeg8Supported).
func FFTRadix8Seg(l Level, out, in []complex64, tw []float32, n, ls, inPad, outPad int, inverse bool) {
	panic("asm: FFTRadix8Seg: no NEON kernel")
}

// FFTRadix4SegIn has no NEON kernel (FFTSeg8Supported).
func FFTRadix4SegIn(l Level, out, in []complex64, tw []float32, ls, inPad int, inverse bool) {
	panic("asm: FFTRadix4SegIn: no NEON kernel")
}

// FFTRadix8TwiddleLen is the float32 count of FFTRadix8's table: none on
// arm64.
func FFTRadix8TwiddleLen(l Level, ls, r int) int { return 0 }

// FFTRadix8VectorTable: no table on arm64.
func FFTRadix8VectorTable(l Level, ls int) bool { return false }

// FFTRadix8 has no NEON kernel (FFTRadix8Supported).
func FFTRadix8(l Level, out, in []complex64, tw []float32, ls int, inverse bool) {
	panic("asm: FFTRadix8: no NEON kernel")
}

// FFTRadix16Supported reports whether FFTRadix16 runs a stage at level
// l: never at NEON.
func FFTRadix16Supported(l Level, ls, r int) bool { return false }

// FFTRadix16TwiddleLen is the float32 count of FFTRadix16's table: none
// at NEON.
func FFTRadix16TwiddleLen(ls int) int { return 0 }

// FFTRadix16Seg has no NEON kernel (FFTRadix16Supported).
func FFTRadix16Seg(l Level, out, in []complex64, tw []float32, n, ls, inPad, outPad int, inverse bool, s float32) {
	panic("asm: FFTRadix16Seg: no NEON kernel")
}

// FFTRadix8FirstSeg has no NEON kernel (FFTRadix16Supported).
func FFTRadix8FirstSeg(l Level, out, in []complex64, outPad int, s float32, inverse bool) {
	panic("asm: FFTRadix8FirstSeg: no NEON kernel")
}

// FFTTail16CompactMinLen is where FFTTail16Seg's table turns compact:
// never at NEON, which has no fused tail.
const FFTTail16CompactMinLen = 1 << 62

// FFTTail16SegTwiddleLen is zero: no fused tail at NEON.
func FFTTail16SegTwiddleLen(n int) int { return 0 }

// FFTTail16Seg has no NEON kernel (FFTTail16Supported).
func FFTTail16Seg(l Level, out, in []complex64, tw []float32, n, inPad int, inverse bool) {
	panic("asm: FFTTail16Seg: no NEON kernel")
}

// FFTRadix16 has no NEON kernel (FFTRadix16Supported).
func FFTRadix16(l Level, out, in []complex64, tw []float32, ls int, inverse bool, s float32) {
	panic("asm: FFTRadix16: no NEON kernel")
}

// The complex128 kernels: the same kernels in float64, two values per
// vector.

func fft64R2FirstAt(l Level, o, i *complex128, r int, s float64) {
	fft64R2FirstNEON(o, i, r, s)
}

// fft64Narrow1Compact reports false: the NEON kernel drops the duplicate
// by its LD2 of the duplicated table.
func fft64Narrow1Compact(l Level, ls int) bool { return false }

func fft64R4Narrow1At(l Level, o, i *complex128, w *float64, ls int, inverse bool) {
	if inverse {
		fft64R4Narrow1NEONInv(o, i, w, ls)
	} else {
		fft64R4Narrow1NEONFwd(o, i, w, ls)
	}
}

// fft64R4At is fftR4At for complex128.
func fft64R4At(l Level, o, i *complex128, w *float64, ls, rows, width, qs, ss, inRow, outRow, inJ, outJ int, inverse bool, s float64) {
	switch {
	case ls == 1 && s != 1 && inverse:
		fft64R4FirstScaledNEONInv(o, i, nil, 1, rows, width, qs, ss, inRow, outRow, inJ, outJ, s)
	case ls == 1 && s != 1:
		fft64R4FirstScaledNEONFwd(o, i, nil, 1, rows, width, qs, ss, inRow, outRow, inJ, outJ, s)
	case ls == 1 && inverse:
		fft64R4FirstNEONInv(o, i, nil, 1, rows, width, qs, ss, inRow, outRow, inJ, outJ)
	case ls == 1:
		fft64R4FirstNEONFwd(o, i, nil, 1, rows, width, qs, ss, inRow, outRow, inJ, outJ)
	case inverse:
		fft64R4WideNEONInv(o, i, w, ls, rows, width, qs, ss, inRow, outRow, inJ, outJ)
	default:
		fft64R4WideNEONFwd(o, i, w, ls, rows, width, qs, ss, inRow, outRow, inJ, outJ)
	}
}

func fft64ScaleAt(l Level, x *complex128, n int, s float64) {
	fft64ScaleNEON(x, n, s)
}

func fft64RealPassAt(l Level, d, s *complex128, tw *float64, h int, inverse bool, half float64) {
	if inverse {
		fft64RealPassNEONInv(d, s, tw, h, half)
	} else {
		fft64RealPassNEONFwd(d, s, tw, h, half)
	}
}

// fft64CopyRowsAt runs fftCopyRowsNEON, whose strides are in bytes, on
// complex128 rows.
func fft64CopyRowsAt(l Level, d, s *complex128, rows, width, ds, ss int) {
	const b = 16 // bytes per value
	fftCopyRowsNEON((*complex64)(unsafe.Pointer(d)), (*complex64)(unsafe.Pointer(s)), rows, width*b, (ds-width)*b, (ss-width)*b)
}

func fft64TransposeTwiddleAt(l Level, d, s, pa, pb *complex128, rows, cols, ds int, inverse bool) {
	st := transposeStrides(FFT64Values(l), 16, rows, cols, ds)
	if inverse {
		fft64TransposeTwiddleNEONInv(d, s, pa, pb, st[0], st[1], st[2], st[3], st[4], st[5], st[6], st[7])
	} else {
		fft64TransposeTwiddleNEONFwd(d, s, pa, pb, st[0], st[1], st[2], st[3], st[4], st[5], st[6], st[7])
	}
}

// FFT64Radix8FirstSupported reports false: no complex128 radix-8 first
// stage at NEON (the plans start with radix 2).
func FFT64Radix8FirstSupported(l Level) bool { return false }

// fft64R8FirstAt is never reached: FFT64Radix8First checks
// FFT64Radix8FirstSupported first.
func fft64R8FirstAt(l Level, o, i *complex128, r int, s float64, inverse bool) {
	panic("asm: FFT64Radix8First: no NEON kernel")
}

// FFT64Radix16Supported reports false: NEON's 32 registers hold the
// sixteen vectors of data but not the twiddles and temporaries besides.
func FFT64Radix16Supported(l Level, ls, r int) bool { return false }

// FFT64Radix16TwiddleLen is zero: no fused radix-16 pass at NEON.
func FFT64Radix16TwiddleLen(ls int) int { return 0 }

// FFT64Radix16 has no NEON kernel (FFT64Radix16Supported).
func FFT64Radix16(l Level, out, in []complex128, tw []float64, ls int, inverse bool) {
	panic("asm: FFT64Radix16: no NEON kernel")
}

// FFT64Radix16Seg has no NEON kernel (FFT64Radix16Supported).
func FFT64Radix16Seg(l Level, out, in []complex128, tw []float64, ls, outPad int, inverse bool) {
	panic("asm: FFT64Radix16Seg: no NEON kernel")
}

// FFT64Tail16Seg has no NEON kernel (FFT64Tail16Supported).
func FFT64Tail16Seg(l Level, out, in []complex128, tw []float64, inPad int, inverse bool) {
	panic("asm: FFT64Tail16Seg: no NEON kernel")
}

// FFT64Tail16Supported reports false: no fused tail at NEON.
func FFT64Tail16Supported(l Level, n int) bool { return false }

// FFT64Radix16FirstSupported reports false: no such kernel on arm64.
func FFT64Radix16FirstSupported(l Level, n int) bool { return false }

// FFT64Radix16First panics: FFT64Radix16FirstSupported is false on arm64.
func FFT64Radix16First(l Level, out, in []complex128, tw []float64, s float64, inverse bool) {
	panic("asm: no complex128 radix-16 first pass on arm64")
}

// FFT64Tail16Compact reports false: no fused tail at NEON.
func FFT64Tail16Compact(n int) bool { return false }

// FFT64Tail16TwiddleLen is zero: no fused tail at NEON.
func FFT64Tail16TwiddleLen(n int) int { return 0 }

// FFT64Tail16 has no NEON kernel (FFT64Tail16Supported).
func FFT64Tail16(l Level, out, in []complex128, tw []float64, inverse bool) {
	panic("asm: FFT64Tail16: no NEON kernel")
}

// FFT64Radix8Supported reports false: no radix-8 middle stage at NEON.
func FFT64Radix8Supported(l Level, ls, r int) bool { return false }

// FFT64Radix8TwiddleLen is zero: no radix-8 middle stage at NEON.
func FFT64Radix8TwiddleLen(ls, r int) int { return 0 }

// FFT64Radix8Compact reports false: no radix-8 middle stage at NEON.
func FFT64Radix8Compact(ls, r int) bool { return false }

// FFT64Radix8 has no NEON kernel (FFT64Radix8Supported).
func FFT64Radix8(l Level, out, in []complex128, tw []float64, ls int, inverse bool) {
	panic("asm: FFT64Radix8: no NEON kernel")
}

// FFT64Radix8Seg has no NEON kernel (FFT64Radix8Supported).
func FFT64Radix8Seg(l Level, out, in []complex128, tw []float64, n, ls, inPad, outPad int, inverse bool) {
	panic("asm: FFT64Radix8Seg: no NEON kernel")
}

// FFT64Radix8LastSupported reports false: no radix-8 last stage at NEON.
func FFT64Radix8LastSupported(l Level, ls int) bool { return false }

// FFT64Radix8LastCompact reports false: no radix-8 last stage at NEON.
func FFT64Radix8LastCompact(ls int) bool { return false }

// FFT64Radix8LastTwiddleLen is zero: no radix-8 last stage at NEON.
func FFT64Radix8LastTwiddleLen(ls int) int { return 0 }

// FFT64Radix8Last has no NEON kernel (FFT64Radix8LastSupported).
func FFT64Radix8Last(l Level, out, in []complex128, tw []float64, inPad int, inverse bool) {
	panic("asm: FFT64Radix8Last: no NEON kernel")
}

// FFT64Radix4LastSeg has no NEON kernel: the NEON plans write no
// segmented buffers.
func FFT64Radix4LastSeg(l Level, out, in []complex128, tw []float64, inPad int, inverse bool) {
	panic("asm: FFT64Radix4LastSeg: no NEON kernel")
}

// FFT64Radix8FirstSeg has no NEON kernel (FFT64Radix8FirstSupported).
func FFT64Radix8FirstSeg(l Level, out, in []complex128, s float64, outPad int, inverse bool) {
	panic("asm: FFT64Radix8FirstSeg: no NEON kernel")
}

// fftMixedLevel reports whether level l has the mixed-radix stages
// (fftmixed.go, fftmix_kernels_arm64.go): NEON does.
func fftMixedLevel(l Level) bool { return l == NEON }
