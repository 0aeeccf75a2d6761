//go:build gc && !purego

package asm

// FFT2048YSupported reports whether level l runs FFT2048Y: AVX2.
func FFT2048YSupported(l Level) bool { return l == AVX2 }

// FFT2048YTwiddleLen is the length of FFT2048Y's table: FFTRadix4's of ls
// = 8 (48 floats), FFTRadix8's of ls = 32 (448) and the compact one of
// FFTRadix8 at ls = 256, r = 1 (3584), in that order, as the AVX2 plan of
// n = 2048 lays them out.
const FFT2048YTwiddleLen = 48 + 448 + 3584

// FFT2048Y is FFT1024Y of length 2048 (avogen/fft1024y.go): the passes of
// FFTRadix8First (its inputs scaled by s, a power of two; the forward
// takes none, s must be 1), FFTRadix4 (ls = 8), FFTRadix8 (ls = 32) and
// FFTRadix8 (ls = 256, the compact table) as one call, the 16 KB of work
// in the kernel's frame. dst may be src; otherwise they must not overlap.
func FFT2048Y(l Level, dst, src []complex64, tw []float32, inverse bool, s float32) {
	if !FFT2048YSupported(l) || len(dst) != 2048 || len(src) != 2048 || len(tw) < FFT2048YTwiddleLen || (!inverse && s != 1) {
		panic("asm: FFT2048Y: bad length, level, table or scale")
	}
	if inverse {
		fft2048YInv(&dst[0], &src[0], &tw[0], s)
	} else {
		fft2048YFwd(&dst[0], &src[0], &tw[0], s)
	}
}
