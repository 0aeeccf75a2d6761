//go:build gc && !purego && (amd64 || arm64)

package fft

import "github.com/ssmkern/ssmkern/asm"

// oneY512 reports whether sp, a plan of three passes (runThree64), runs
// as one asm.FFT64N512Y call: complex128 n = 512 at AVX2, a radix-8 first
// stage, the radix-8 stage of ls = 8 and the radix-8 last stage of ls =
// 64, their tables as the kernel reads them. Against the three calls with
// the plan's own work (FFTWInterleaved at AVX2, five interleaved rounds of
// the test binaries, ours-ns): c128 512 550.4–556.6 → 535.4–539.0, r64
// 1024 (its half) 722.5–733.8 → 705.4–716.1; c64 512 and c128 256, whose
// speed follows code layout, unchanged (276.5–279.7 against 275.6–278.9,
// 243.3–250.4 against 243.5–245.1). In a file of its own, as
// stockham32runs_simd.go, so that no function before it moved.
func oneY512(sp *stockham64) bool {
	if sp.n != 512 || !asm.FFT64N512YSupported(sp.level) || !sp.three || !sp.radix8 || len(sp.stages) != 2 {
		return false
	}
	a, b := &sp.stages[0], &sp.stages[1]
	return a.r8 && a.ls == 8 && a.len >= asm.FFT64Radix8TwiddleLen(8, 8) &&
		b.r8 && b.ls == 64 && b.r == 1 && !asm.FFT64Radix8LastCompact(64) && b.len >= asm.FFT64Radix8LastTwiddleLen(64)
}

// runOneY512 runs a plan of oneY512 as one asm.FFT64N512Y call, the
// inverse scaled by 1/n (the forward takes no scale); dst may be src.
func runOneY512(sp *stockham64, dst, src []complex128, inverse bool) {
	s := 1.0
	if inverse {
		s = 1.0 / 512
	}
	a, b := &sp.stages[0], &sp.stages[1]
	asm.FFT64N512Y(sp.level, dst, src, sp.tw[a.off:a.off+a.len], sp.tw[b.off:b.off+b.len], inverse, s)
}
