//go:build gc && !purego

package asm

// The amd64 side of the mixed-radix stages (fftmixed.go): which kernel of
// avogen/fftmix.go runs a stage at level l (AVX2 or AVX512), and the
// grouped form's table. FFTMixedStage and FFT64MixedStage have checked
// the shape. Forms: the wide kernels (fftMixWide{p}…, fft64MixWide{p}…,
// vectorised over k, table the j-major (Re, Im) pairs) take every stage
// but complex64 r = 2 (fftMixGroup{p}R2…, several j per vector) and
// whatever fftMixedNarrow claims. Accuracy: within a few float32
// (float64) roundings of the stage in float64, relative to p·s·max|x|
// (fftmix_test.go; worst seen a third of the 8-rounding tolerance).
// Speed (BenchmarkFFTMixedStage, best of five rounds on a shared Zen 4):
// complex64 n = 1000, ls = 1 … 25, 0.4–0.55 ns per four values at
// AVX-512 (radix 5 105–130 ns a stage), in the range of the power-of-two
// radix-4 stage of n = 1024 (91–130 ns); n = 3000 stages stream from L2
// at about 110 GB/s (complex64 430–470 ns, complex128 850–930, radix 3
// and 5 alike), against 26–47 µs for the plain-Go stand-in. Radix 8
// (amd64 only) against the radix-4 and radix-2 stages of the same work
// ("p4p2", best of seven interleaved rounds, n = 1536 … 48000, r = 2 …
// 6000): 1.15–2.3× faster at both levels and types, r = 2 by the grouped
// form for complex64; but at r = 1 the wide kernel (one lane per j)
// takes 1.8× p4p2's time for complex64 (n = 1536, ls = 192: 1030 against
// 577 ns at AVX-512) and the same for complex128, where p4p2's radix 2
// runs the narrow kernel.

// mixedWideAtAVX2 reports whether a wide stage at AVX-512 with r below a
// ZMM's vals runs the AVX2 kernel instead: where the AVX-512 kernel would
// take the r values in the same YMM and XMM pieces, its twiddles broadcast
// into ZMM registers once per j made it the slower (best of 400 × 50
// calls, interleaved in one process: complex64 n = 1000, radix 5 r = 2 471
// against 388 ns, radix 2 r = 4 211 against 177; broadcasting them again
// at the tail's width was slower still, 456 → 664 ns). With the twiddles
// read by embedded broadcast (radix 4 and 5) it leads at complex64 r = 4
// (n = 1000 radix 5 202 → 181 ns, but radix 3 461 → 686), and with ovl
// (one ZMM per j) from r above half a ZMM (complex64 r = 5, 6, 7;
// complex128 r = 3). complex128 r = 2 stays at AVX2: radix 5 gained (398
// → 350 ns) but radix 4 lost (295 → 314).
func mixedWideAtAVX2(p, r, vals int, c64 bool) bool {
	switch {
	case p == 8:
		// Radix 8 at AVX2 broadcasts its fourteen twiddle floats per body
		// (sixteen registers), where AVX-512 reads them by embedded
		// broadcast: it stays at AVX-512 but where only AVX2 has ovl
		// (complex64 r = 3). Best of nine interleaved rounds, AVX2 →
		// AVX-512 kernel: complex64 r = 1 (n = 1536) 1158 → 1054 ns,
		// r = 2 (n = 2000) 783 → 694; complex128 r = 1 1158 → 1075, r = 2
		// 819 → 811; complex64 r = 3 went the other way (n = 3000, 928 →
		// 1324, five rounds).
		return c64 && 2*r > vals/2 && r < vals/2
	case 2*r > vals:
		return false
	case c64 && 2*r == vals && p >= 4:
		return false
	}
	return true
}

// mixedWideOverlap is the wide kernels' ovl: 1 when r is below a
// vector's vals but above half of it, so that a j's whole vector spills
// only onto the next j's row (avogen/fftmix.go): complex64 r = 3 at AVX2
// and r = 5, 6, 7 at AVX-512, complex128 r = 3 at AVX-512.
func mixedWideOverlap(r, vals int) int {
	if r < vals && 2*r > vals {
		return 1
	}
	return 0
}

// fftMixedGrouped reports whether the complex64 stage (ls, r) runs the
// grouped kernel at level l (avogen/fftmix.go, mixGroup, which says why
// only r = 2): a vector holds the two values of two (AVX2) or four
// (AVX-512) j, where the wide kernel runs one j per XMM. ls > 1: the
// first stage, whose s may not be 1, stays wide. Radix 8 (best of nine
// interleaved rounds, wide → grouped): AVX2 n = 2000 806 → 574 ns,
// n = 1536 582 → 438, n = 4000 1521 → 1169; AVX-512 719 → 555, 556 →
// 432, 1430 → 1111.
func fftMixedGrouped(l Level, p, ls, r int) bool {
	return fftMixedLevel(l) && fftMixedRadix(l, p) && r == 2 && ls > 1
}

// fftMixedRadix8 reports whether level l has the radix-8 stages: the
// wide and grouped kernels at AVX2 and AVX-512 (r = 1 runs the wide
// kernel unless fftMixedNarrow claims it).
func fftMixedRadix8(l Level) bool { return fftMixedLevel(l) }

// mixedGroupTwiddles fills the grouped form's table: for each vector of
// vals/r j (then the ls mod vals/r j left, in halving groups, as the kernel
// takes them) and q = 1 … p−1, the vector's Re w then its Im w, each value
// over both lanes of every value of its j.
func mixedGroupTwiddles(vals, p, ls, r int, w func(q, j int) complex128, tw []float32) {
	g := vals / r
	i := 0
	block := func(j0, gj int) {
		for q := 1; q < p; q++ {
			for part := range 2 {
				for jj := range gj {
					v := w(q, j0+jj)
					x := float32(real(v))
					if part == 1 {
						x = float32(imag(v))
					}
					for range 2 * r {
						tw[i] = x
						i++
					}
				}
			}
		}
	}
	j := 0
	for ; j+g <= ls; j += g {
		block(j, g)
	}
	for gj := g / 2; gj >= 1; gj /= 2 {
		if ls&gj != 0 {
			block(j, gj)
			j += gj
		}
	}
}

// mixedGroupTwiddleLen is the float count of the grouped form's table.
func mixedGroupTwiddleLen(p, ls, r int) int { return 4 * (p - 1) * ls * r }
