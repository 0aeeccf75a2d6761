package fft

import "slices"

// The lengths n = 2^a·3^b·5^c that are not powers of two run, at the
// levels with the mixed-radix vector stages (asm.FFTMixedSupported: AVX2,
// AVX-512 and NEON), as a chain of those stages (mixed_simd.go): Plan32
// and Plan64, and through them the real plans' half-length (odd n: full
// length) complex FFTs. The generic level keeps package generic's float64
// stages.

// mixedMinLen is the shortest length that takes the mixed-radix stages
// (at least two stages: a single one would have ls = r = 1, where the
// narrow kernel takes no scale); 3 and 5 keep package generic's float64
// code. Measured with the kernels of branches mixk (7b98feb) and mixn
// (f033ca8) built in beside these plans (a throwaway tree;
// BenchmarkFFTShortMixed, best of 5–7 interleaved runs, loaded machine),
// generic → mixed, AVX-512: c64 n = 6 91 → 54 ns, 12 113 → 49, 15 202 →
// 71, 24 260 → 64; c128 6 123 → 82, 12 223 → 79, 24 332 → 139; AVX2 c64
// 6 160 → 41, 12 408 → 71; c128 12 379 → 109, 15 186 → 70.
const mixedMinLen = 6

// realHalfMixedMinLen is the shortest half length (odd n: length) at
// which a real plan runs its complex plan on the mixed-radix stages
// (realHalf32, realHalf64); shorter ones keep package generic's real
// plan. Same measurement as mixedMinLen's, too noisy to move it: r64 n =
// 24 (h = 12) 115–123 ns generic against 162–195 on the half; r32 12 124
// against 94, 24 267 against 94.
const realHalfMixedMinLen = 16

// useMixed reports whether n is a length for the mixed-radix stages (at
// the levels whose kernels take every stage of it: mixed32At, mixed64At).
func useMixed(n int) bool {
	return n >= mixedMinLen && n&(n-1) != 0 && smooth235(n)
}

// useRealHalfMixed reports whether a real plan whose complex length is c
// runs it on the mixed-radix stages where the level has them.
func useRealHalfMixed(c int) bool { return c >= realHalfMixedMinLen && useMixed(c) }

// mixedRadices returns the radices of n's stages in the order they run,
// nil when n has a prime factor other than 2, 3 and 5 (each radix in
// {2, 3, 4, 5}, and 8 when eights; a stage's ls is the product of the
// radices before it, its r = n/(p·ls) the product of those after it). The odd radices come
// first, the 5s then the 3s, then a radix 2 when 2^a has odd a, then
// the radix 4s: the odd stages, most of the work of a length like 3000
// or 15625, keep r a multiple of 2^a, which the wide kernels vectorise
// over (8 complex64 or 4 complex128 values per vector at AVX-512, half
// that at AVX2), the radix 2 has r = 2^(a−1), a radix 4 r = 4^k, and
// the last stage (r = 1, the narrow kernel, vectorised over j) ls = n/4
// or n/2. Radix 4 rather than two radix-2 stages: one pass over the data
// fewer. Measured with the kernels of branches mixk (7b98feb) and mixn
// (f033ca8) built in beside these plans (a throwaway tree;
// FFTWInterleaved, ours-ns, best of three interleaved rounds), this order
// against the 3s first (B) and the radix 2 last (C): AVX-512 c64 n =
// 1000 704 against C 669, 3000 2626 against B 2703, C 2842; c128 1000
// 1363 against C 1419, 3000 5477 against B 5471, C 5444; AVX2 c64 1000
// 827 against C 812, 3000 2953 against B 3065, C 3128; c128 1000 1585
// against C 1596, 3000 5829 against B 6003, C 5813; n = 60 within 2%.
// The powers of two first, or the last odd radix last (so that the
// narrow kernel gets ls = n/5 or n/3), ran 10–75% slower (BenchmarkFFT,
// noisier). With eights (the level has radix-8 stages) and a ≥ 3, 2^a
// runs as one radix 2 or 4 (a mod 3 = 1 or 2) and then radix 8s,
// ⌈a/3⌉ passes over the data rather than ⌈a/2⌉, the last (r = 1) a
// radix-8 one; 2^4 as two radix 4s.
func mixedRadices(n int, eights bool) []int {
	a := 0
	for n%2 == 0 {
		n /= 2
		a++
	}
	var rs []int
	for _, p := range []int{5, 3} {
		for n%p == 0 {
			n /= p
			rs = append(rs, p)
		}
	}
	if n != 1 {
		return nil
	}
	if eights && a >= 3 {
		// a = 3k + {0, 1, 2}: one radix 2 or 4 first, then the 8s.
		switch {
		case a == 4:
			// Two radix 4s rather than 2 then 8, both two passes:
			// FFTWInterleaved, best of three interleaved rounds, 2·8 →
			// 4·4 ns: c128 n = 2000 AVX2 3435 → 3280, AVX-512 3113 →
			// 2976; 10000 20780 → 19927, 18930 → 18300; c64 10000 10571
			// → 10075, 9624 → 9343; c64 2000 AVX2 1672 → 1639 but
			// AVX-512 1455 → 1495. At a = 7 (4·4·8 against 2·8·8, n =
			// 48000) no better: c128 AVX2 132011 → 135381.
			return append(rs, 4, 4)
		case a%3 == 1:
			rs = append(rs, 2)
		case a%3 == 2:
			rs = append(rs, 4)
		}
		return append(rs, slices.Repeat([]int{8}, a/3)...)
	}
	if a%2 == 1 {
		rs = append(rs, 2)
	}
	return append(rs, slices.Repeat([]int{4}, a/2)...)
}
