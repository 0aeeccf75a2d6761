//go:build gc && !purego

package asm

// FFT1024YSupported reports whether level l runs FFT1024Y: AVX2.
func FFT1024YSupported(l Level) bool { return l == AVX2 }

// FFT1024YTwiddleLen is the length of FFT1024Y's table: FFTRadix4's of ls
// = 8 (48 floats), FFTRadix8's of ls = 32 (448) and FFTRadix4's of ls =
// 256 (3072), in that order, as the AVX2 plan of n = 1024 lays them out.
const FFT1024YTwiddleLen = 48 + 448 + 3072

// FFT1024Y runs a whole complex64 FFT of length 1024 at AVX2
// (avogen/fft1024y.go) as one call: the passes of FFTRadix8First (its
// inputs scaled by s, a power of two; the forward takes none, s must be
// 1), FFTRadix4 (ls = 8), FFTRadix8 (ls = 32) and FFTRadix4 (ls = 256),
// the work buffer in the kernel's frame. tw holds the three tables
// (FFT1024YTwiddleLen). dst may be src; otherwise they must not overlap.
func FFT1024Y(l Level, dst, src []complex64, tw []float32, inverse bool, s float32) {
	if !FFT1024YSupported(l) || len(dst) != 1024 || len(src) != 1024 || len(tw) < FFT1024YTwiddleLen || (!inverse && s != 1) {
		panic("asm: FFT1024Y: bad length, level, table or scale")
	}
	if inverse {
		fft1024YInv(&dst[0], &src[0], &tw[0], s)
	} else {
		fft1024YFwd(&dst[0], &src[0], &tw[0], s)
	}
}
