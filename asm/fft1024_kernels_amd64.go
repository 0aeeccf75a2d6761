//go:build gc && !purego

package asm

// FFT1024Supported reports whether level l runs FFT1024: AVX-512.
func FFT1024Supported(l Level) bool { return l == AVX512 }

// FFT1024 runs a whole complex64 FFT of length 1024 (avogen/fft1024.go)
// as one call: the passes of FFTRadix16 (ls = 1; the inverse's inputs
// scaled by s, a power of two, where the forward takes none: s must be
// 1), FFTRadix4 (ls = 16) and FFTTail16, with the work buffer in the
// kernel's frame. tw holds FFTRadix16's table of ls = 1 (30 floats),
// FFTRadix4's of ls = 16 (96 floats) and from float tailOff (at least
// 126) FFTTail16's; the inverse reads FFTRadix4's from mid instead, its
// 96 floats times s (the kernel scales there). dst may be src; otherwise
// they must not overlap.
func FFT1024(l Level, dst, src []complex64, tw []float32, tailOff int, inverse bool, mid []float32, s float32) {
	const n = 1024
	if !FFT1024Supported(l) || len(dst) != n || len(src) != n || tailOff < 126 || (!inverse && s != 1) ||
		len(tw) < tailOff+FFTTail16TwiddleLen(n) || (inverse && len(mid) < 96) {
		panic("asm: FFT1024: bad length, level, table or scale")
	}
	if inverse {
		fft1024AVX512Inv(&dst[0], &src[0], &tw[0], &mid[0], tailOff*4, s)
	} else {
		fft1024AVX512Fwd(&dst[0], &src[0], &tw[0], &tw[30], tailOff*4, s)
	}
}

// FFT512 runs a whole complex64 FFT of length 512 (avogen/fft512.go) as
// one call: the passes of FFTRadix8First (the inverse's inputs scaled by
// s, a power of two, where the forward takes none: s must be 1),
// FFTRadix4 (ls = 8) and FFTTail16, with the work buffer in the kernel's
// frame. tw holds FFTRadix4's table of ls = 8 (48 floats) and from float
// tailOff (at least 48) FFTTail16's; the inverse reads FFTRadix4's from
// mid instead, its 48 floats times s (the kernel scales there). dst may
// be src; otherwise they must not overlap. It runs where FFT1024 does.
func FFT512(l Level, dst, src []complex64, tw []float32, tailOff int, inverse bool, mid []float32, s float32) {
	const n = 512
	if !FFT1024Supported(l) || len(dst) != n || len(src) != n || tailOff < 48 || (!inverse && s != 1) ||
		len(tw) < tailOff+FFTTail16TwiddleLen(n) || (inverse && len(mid) < 48) {
		panic("asm: FFT512: bad length, level, table or scale")
	}
	if inverse {
		fft512AVX512Inv(&dst[0], &src[0], &tw[0], &mid[0], tailOff*4, s)
	} else {
		fft512AVX512Fwd(&dst[0], &src[0], &tw[0], &tw[0], tailOff*4, s)
	}
}

// FFT2048 runs a whole complex64 FFT of length 2048 (avogen/fft2048.go)
// as one call: the passes of FFTRadix8FirstSeg (the inverse's inputs
// scaled by s, a power of two, where the forward takes none: s must be
// 1), FFTRadix16Seg (ls = 8) and FFTTail16Seg, with both segmented work
// buffers in the kernel's frame. tw holds FFTRadix16's table of ls = 8
// (240 floats) and from float tailOff (at least 240) FFTTail16's; the
// inverse reads FFTRadix16's from mid instead, with each j's stage-A
// twiddles (its first six floats) times s (the kernel scales there). dst
// may be src; otherwise they must not overlap. It runs where FFT1024
// does.
func FFT2048(l Level, dst, src []complex64, tw []float32, tailOff int, inverse bool, mid []float32, s float32) {
	const n = 2048
	if !FFT1024Supported(l) || len(dst) != n || len(src) != n || tailOff < 240 || (!inverse && s != 1) ||
		len(tw) < tailOff+FFTTail16TwiddleLen(n) || (inverse && len(mid) < 240) {
		panic("asm: FFT2048: bad length, level, table or scale")
	}
	if inverse {
		fft2048AVX512Inv(&dst[0], &src[0], &tw[0], &mid[0], tailOff*4, s)
	} else {
		fft2048AVX512Fwd(&dst[0], &src[0], &tw[0], &tw[0], tailOff*4, s)
	}
}
