//go:build gc && !purego

package asm

// FFT64N512YSupported reports whether level l runs FFT64N512Y: AVX2.
func FFT64N512YSupported(l Level) bool { return l == AVX2 }

// FFT64N512Y runs a whole complex128 FFT of length 512 at AVX2
// (avogen/fft512y64.go) as one call: the passes of FFT64Radix8First (its
// inputs scaled by s, a power of two; the forward takes none, s must be
// 1), FFT64Radix8 (ls = 8, table tw2) and FFT64Radix8Last (ls = 64, table
// tw3), the work buffer in the kernel's frame. dst may be src; otherwise
// they must not overlap.
func FFT64N512Y(l Level, dst, src []complex128, tw2, tw3 []float64, inverse bool, s float64) {
	if !FFT64N512YSupported(l) || len(dst) != 512 || len(src) != 512 || len(tw2) < FFT64Radix8TwiddleLen(8, 8) ||
		len(tw3) < FFT64Radix8LastTwiddleLen(64) || FFT64Radix8LastCompact(64) || (!inverse && s != 1) {
		panic("asm: FFT64N512Y: bad length, level, table or scale")
	}
	if inverse {
		fft64N512YInv(&dst[0], &src[0], &tw2[0], &tw3[0], s)
	} else {
		fft64N512YFwd(&dst[0], &src[0], &tw2[0], &tw3[0], s)
	}
}

// FFT64N1024Y is FFT64N512Y for n = 1024: the passes of FFT64Radix8First,
// FFT64Radix8 (ls = 8, table tw2) and FFT64Tail16Seg (unsegmented, table
// tw3), as one call.
func FFT64N1024Y(l Level, dst, src []complex128, tw2, tw3 []float64, inverse bool, s float64) {
	if !FFT64N512YSupported(l) || len(dst) != 1024 || len(src) != 1024 || len(tw2) < FFT64Radix8TwiddleLen(8, 16) ||
		len(tw3) < FFT64Tail16TwiddleLen(1024) || FFT64Tail16Compact(1024) || (!inverse && s != 1) {
		panic("asm: FFT64N1024Y: bad length, level, table or scale")
	}
	if inverse {
		fft64N1024YInv(&dst[0], &src[0], &tw2[0], &tw3[0], s)
	} else {
		fft64N1024YFwd(&dst[0], &src[0], &tw2[0], &tw3[0], s)
	}
}

// FFT64N256Y is FFT64N512Y for n = 256: the passes of FFT64Radix8First,
// FFT64Radix8 (ls = 8, table tw2) and FFT64Radix4 (ls = 64, R = 1, table
// tw3), as one call.
func FFT64N256Y(l Level, dst, src []complex128, tw2, tw3 []float64, inverse bool, s float64) {
	if !FFT64N512YSupported(l) || len(dst) != 256 || len(src) != 256 || len(tw2) < FFT64Radix8TwiddleLen(8, 4) ||
		len(tw3) < FFT64Radix4TwiddleLen(l, 64, 1) || FFT64Narrow1Compact(l, 64) || (!inverse && s != 1) {
		panic("asm: FFT64N256Y: bad length, level, table or scale")
	}
	if inverse {
		fft64N256YInv(&dst[0], &src[0], &tw2[0], &tw3[0], s)
	} else {
		fft64N256YFwd(&dst[0], &src[0], &tw2[0], &tw3[0], s)
	}
}
