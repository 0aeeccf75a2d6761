//go:build gc && !purego && (amd64 || arm64)

package asm

// The narrow form of the mixed-radix stages (fftmixed.go): the last stage
// of a transform, r = 1, vectorised over j rather than over k, by the
// kernels of avogen/fftmixn.go (fftMixN…, fft64MixN…) at AVX2 and
// AVX-512; arm64 has none yet, so there fftMixedNarrow is false and r = 1
// runs the wide form.
//
// Table layout (both types): for each group of V consecutive j (V values
// per vector of the type at level l) and each q = 1 … p−1, either two
// vectors, Re ω_L^{q·j} and Im ω_L^{q·j} each duplicated over the two
// lanes of its value, which the kernel reads as memory operands of its
// complex product, or (compact, for the stages too long for L1: see
// mixNCompact) one vector of the ω_L^{q·j} as plain values. The last
// group is padded (zeros) up to V values of j, and the kernel's tail
// passes read its lanes.
//
// Accuracy: every output within 4·p float32 (float64) roundings of the
// largest input's magnitude of the same stage in float64 with the same
// rounded twiddles (fftmixn_test.go, every level, ls = 1 … 25 and plan
// lengths up to 1007; radix 8 in fftmixn8_test.go, ls = 2 … 25 and up to
// 6000; on guard pages); whole transforms of 2^a·3^b·5^c built from the
// stages meet DESIGN's RMS bounds.
//
// Speed (BenchmarkFFTMixedStageR1, best of 5 interleaved rounds, ns per
// stage, AVX2 / AVX-512): complex64 n=1000 p=2 131 / 106, n=1000 p=4
// 174 / 177, n=2187 p=3 518 / 455, n=3125 p=5 976 / 902; complex128
// 343 / 331, 401 / 391, 849 / 835, 1408 (both: the AVX2 kernel). The Go
// stand-in took 6900–53800 ns for the same stages, the wide kernel at
// r = 1 (one lane per j) 1.5–1.8× the narrow one's time for complex128
// and 2.5–7× for complex64.
//
// Radix 8 (BenchmarkFFTMixedStageR8, best of 7 interleaved rounds, ns,
// AVX-512 / AVX2, against the faster of the radix-2 + radix-4 stage
// pairs doing its work by the current kernels): complex64 n=1536 402 /
// 402 vs 528 / 499, n=1000 222 / 239 vs 290 / 315, n=4000 989 / 1007
// vs 1416 / 1390, n=48000 13166 / 12989 vs 19114 / 18996, n=512 110 /
// 117 vs 153 / 161; complex128 n=1536 709 / 702 vs 1022 / 1032, n=1000
// 468 / 471 vs 586 / 585, n=4000 1895 / 1787 vs 2788 / 2758, n=48000
// 26144 / 24284 vs 41512 / 46394, n=512 196 / 204 vs 257 / 265.

// fftMixedNarrow reports whether the radix-p stage of sub-transform length
// ls and r = n/(p·ls) runs the narrow kernel at level l: every r = 1
// stage but ls = 1 (n = p, whose inverse's scale the kernels do not
// take). Below a vector of j the kernel is its tail passes alone, and
// still no slower than the wide kernel's one lane per j (mixk's, through
// FFTMixedStage, best of 3 rounds, wide → narrow, ns: AVX2 c64 p=5 ls=4
// 36 → 15, ls=8 41 → 18; AVX-512 c64 p=3 ls=2 17 → 15, ls=8 26 → 15,
// c128 p=4 ls=8 31 → 21; at ls = 2 and 3 complex128 within noise).
// Radix 8 follows the rule: at complex64 n = 1536 (ls = 192, AVX-512)
// the narrow stage took 402 ns (BenchmarkFFTMixedStageR8) and the wide
// kernel's one lane per j 1030 (BenchmarkFFTMixedStage), in separate
// runs.
func fftMixedNarrow(l Level, p, ls, r int) bool {
	return r == 1 && fftMixNLevel(l) && fftMixedRadix(l, p) && ls >= 2
}

// mixNGroups is the number of vectors of j of a narrow table.
func mixNGroups(ls, values int) int { return (ls + values - 1) / values }

// fftMixedNarrowTwiddleLen is the float32 count of a narrow stage's table.
func fftMixedNarrowTwiddleLen(l Level, p, ls int) int {
	v := FFTValues(l)
	return mixNGroups(ls, v) * (p - 1) * mixNVecs(p, ls, 8) * 2 * v
}

// fftMixedNarrowTwiddles fills a narrow stage's table (see
// FFTMixedTwiddles).
func fftMixedNarrowTwiddles(l Level, p, ls int, w func(q, j int) complex128, tw []float32) {
	mixNTwiddles(FFTValues(l), p, ls, mixNCompact(p, ls, 8), w, tw)
}

// fft64MixedNarrowTwiddleLen is the float64 count of a narrow complex128
// stage's table.
func fft64MixedNarrowTwiddleLen(l Level, p, ls int) int {
	v := FFT64Values(fft64MixNLevel(l, p))
	return mixNGroups(ls, v) * (p - 1) * mixNVecs(p, ls, 16) * 2 * v
}

// fft64MixedNarrowTwiddles fills a narrow complex128 stage's table.
func fft64MixedNarrowTwiddles(l Level, p, ls int, w func(q, j int) complex128, tw []float64) {
	mixNTwiddles(FFT64Values(fft64MixNLevel(l, p)), p, ls, mixNCompact(p, ls, 16), w, tw)
}

// fft64MixNLevel is the level whose kernel (and table layout) runs the
// narrow complex128 stage of radix p at level l: the AVX2 one for radix 5
// at AVX-512 (radix 8 keeps its AVX-512 kernel: n=192 76 vs 84 ns with
// the AVX2 one, n=512 218 vs 224, beyond L1 within noise), whose ZMM form, loads, blends and shuffles of 128-bit
// values, is the slower of the two on this Zen 4 (best of 7–9
// interleaved rounds, AVX-512 → AVX2 kernel: n=625 310 → 292 ns, n=3125
// 1540 → 1457 ns); the other radices gain at AVX-512 (n=375 p=3: 149 →
// 126 ns).
func fft64MixNLevel(l Level, p int) Level {
	if l == AVX512 && p == 5 {
		return AVX2
	}
	return l
}

// mixNTwiddles writes the narrow table of values j per vector.
func mixNTwiddles[F float32 | float64](values, p, ls int, compact bool, w func(q, j int) complex128, tw []F) {
	clear(tw)
	for j := range ls {
		g, i := j/values, j%values
		for q := 1; q < p; q++ {
			c := w(q, j)
			if compact {
				at := (g*(p-1) + q - 1) * 2 * values
				tw[at+2*i], tw[at+2*i+1] = F(real(c)), F(imag(c))
				continue
			}
			at := (g*2*(p-1) + 2*(q-1)) * 2 * values // Re vector; Im follows
			re, im := tw[at:at+2*values], tw[at+2*values:at+4*values]
			re[2*i], re[2*i+1] = F(real(c)), F(real(c))
			im[2*i], im[2*i+1] = F(imag(c)), F(imag(c))
		}
	}
}

// mixNL1 is the L1 data cache the table layout is chosen against (32 KB
// on this Zen 4, and on most cores since).
const mixNL1 = 32 << 10

// mixNCompact reports whether the narrow stage of radix p and length ls
// of values of the given bytes reads the compact table (p−1 vectors of
// plain w per vector of j, spread in registers by the kernel) rather than
// the duplicated one (Re w and Im w each over both lanes of a value, read
// by the complex product directly): compact once input, output and the
// duplicated table would no longer fit in L1. Best of 7–9 interleaved
// rounds of BenchmarkFFTMixedStageR1, duplicated → compact, ns:
//
//	c64  n=375 p=3 (10 KB)    AVX2 89 → 95,   AVX-512 75 → 84
//	c64  n=1000 p=4 (28 KB)   AVX2 176 → 186, AVX-512 174 → 202
//	c64  n=2000 p=4 (56 KB)   AVX2 496 → 413, AVX-512 512 → 399
//	c64  n=4000 p=2 (96 KB)   AVX2 854 → 717, AVX-512 875 → 719
//	c128 n=375 p=3 (20 KB)    AVX2 144 → 145, AVX-512 135 → 152
//	c128 n=625 p=5 (36 KB)    AVX2 322 → 295, AVX-512 302 → 306
//	c128 n=1000 p=4 (112 KB)  AVX2 500 → 403, AVX-512 498 → 421
//
// Radix 8 keeps the rule (AVX-512, best of 7–11 rounds, duplicated →
// compact, ns: c64 n=1000 (46 KB) 264 → 283, n=1536 (69 KB) 402 → 379,
// n=4000 1286 → 1074; c128 n=1000 (92 KB) 607 → 488, n=4000 2261 →
// 2033).
func mixNCompact(p, ls, valueBytes int) bool {
	return (2*p-1)*2*valueBytes*ls > mixNL1
}

// mixNVecs is the number of table vectors per q and vector of j.
func mixNVecs(p, ls, valueBytes int) int {
	if mixNCompact(p, ls, valueBytes) {
		return 1
	}
	return 2
}
