//go:build gc && !purego && (amd64 || arm64)

package fft

import "github.com/ssmkern/ssmkern/asm"

// oneY64 reports whether sp, a plan of three passes (runThree64), runs
// as one call of asm.FFT64N512Y or FFT64N1024Y (n = 256: oneY64N256):
// complex128 n = 512 or 1024 at AVX2, a radix-8 first stage, the radix-8 stage of ls = 8 and the
// radix-8 last stage of ls = 64 (512) or the fused tail (1024), their
// tables as the kernels read them. Against the three calls with the
// plan's own work (FFTWInterleaved at AVX2, six interleaved rounds of the
// test binaries, ours-ns): c128 512 549.6–559.1 → 533.9–540.2, 1024
// 1317–1346 → 1297–1347 (best 1297–1307 in four of six), r64 1024 (its
// half) 721.6–725.0 → 705.2–722.3, 2048 1653–1675 → 1633–1664; c64 512
// and c128 256, whose speed follows code layout, within noise (276.5–280.9
// against 278.3–280.1, 243.6–247.2 against 243.5–244.4). In a file of its
// own, as stockham32runs_simd.go, so that no function before it moved.
func oneY64(sp *stockham64) bool {
	if sp.n == 256 {
		return oneY64N256(sp)
	}
	if sp.n != 512 && sp.n != 1024 || !asm.FFT64N512YSupported(sp.level) || !sp.three || !sp.radix8 || len(sp.stages) != 2 {
		return false
	}
	a, b := &sp.stages[0], &sp.stages[1]
	if !a.r8 || a.ls != 8 || a.len < asm.FFT64Radix8TwiddleLen(8, sp.n/64) {
		return false
	}
	if sp.n == 512 {
		return b.r8 && b.ls == 64 && b.r == 1 && !asm.FFT64Radix8LastCompact(64) && b.len >= asm.FFT64Radix8LastTwiddleLen(64)
	}
	return b.r == 0 && !asm.FFT64Tail16Compact(1024) && b.len >= asm.FFT64Tail16TwiddleLen(1024)
}

// runOneY64 runs a plan of oneY64 as one asm.FFT64N256Y, N512Y or N1024Y
// call, the inverse scaled by 1/n (the forward takes no scale); dst may
// be src.
func runOneY64(sp *stockham64, dst, src []complex128, inverse bool) {
	s := 1.0
	if inverse {
		s = 1 / float64(sp.n) // exact: n is a power of two
	}
	a, b := &sp.stages[0], &sp.stages[1]
	tw2, tw3 := sp.tw[a.off:a.off+a.len], sp.tw[b.off:b.off+b.len]
	switch sp.n {
	case 256:
		asm.FFT64N256Y(sp.level, dst, src, tw2, tw3, inverse, s)
	case 512:
		asm.FFT64N512Y(sp.level, dst, src, tw2, tw3, inverse, s)
	default:
		asm.FFT64N1024Y(sp.level, dst, src, tw2, tw3, inverse, s)
	}
}

// oneY64N256 is oneY64 for n = 256 (asm.FFT64N256Y): a radix-8 first
// stage, the radix-8 stage of ls = 8 and the radix-4 last stage of ls =
// 64 with its full table. Against the three calls with the plan's own
// work (FFTWInterleaved at AVX2, six interleaved rounds, minima of three
// a round, ours-ns): c128 256 241.2–243.4 → 218.7–220.7 (FFTW mostly
// 239–244), r64 512 (its half) 335.7–337.4 → 315.6–319.3; c128 512
// (533.3–542.5 against 534.4–538.3) and r64 256 (145.4–146.9 against
// 145.2–147.6) within noise.
func oneY64N256(sp *stockham64) bool {
	l := sp.level
	if !asm.FFT64N512YSupported(l) || !sp.three || !sp.radix8 || len(sp.stages) != 2 {
		return false
	}
	a, b := &sp.stages[0], &sp.stages[1]
	return a.r8 && a.ls == 8 && a.len >= asm.FFT64Radix8TwiddleLen(8, 4) &&
		!b.r8 && b.r == 1 && b.ls == 64 && !asm.FFT64Narrow1Compact(l, 64) && b.len >= asm.FFT64Radix4TwiddleLen(l, 64, 1)
}
