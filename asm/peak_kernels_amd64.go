//go:build gc && !purego

package asm

// FMAPeak runs rounds rounds of 12 independent float32 fused
// multiply-adds on full vectors of level l (AVX2 or AVX-512) and returns
// the flops done (an FMA counted as 2 per lane), so that flops/time is the
// core's FMA peak at l, measured. Other levels return 0 at once.
func FMAPeak(l Level, rounds int) float64 {
	if rounds <= 0 {
		return 0
	}
	switch l {
	case AVX512:
		fmaPeakAVX512(rounds)
	case AVX2:
		fmaPeakAVX2(rounds)
	default:
		return 0
	}
	return float64(rounds) * 12 * 2 * float64(Lanes(l))
}
