package fft

import "slices"

// The lengths n = 2^a·3^b·5^c that are not powers of two run, at the
// levels with the mixed-radix vector stages (asm.FFTMixedSupported: AVX2
// and AVX-512), as a chain of those stages (mixed_simd.go): Plan32 and
// Plan64, and through them the real plans' half-length (odd n: full
// length) complex FFTs. Other levels keep their paths: Bluestein for
// Plan32 at NEON, package generic's float64 stages elsewhere.

// mixedMinLen is the shortest length that takes the mixed-radix stages;
// shorter 2^a·3^b·5^c lengths keep package generic's float64 code. Not
// measured yet (the stages ran a plain-Go stand-in when the plans were
// written): below 16 a transform has two stages of a few values each,
// where the calls and their checks would outweigh the arithmetic (the
// power-of-two plans start their stages at 32, stockhamMinLen). Retune
// after measuring (BenchmarkFFT c64 and c128 at n = 6 … 60 against
// generic, SSMKERN_ISA=generic).
const mixedMinLen = 16

// useMixed reports whether n is a length for the mixed-radix stages (at
// the levels whose kernels take every stage of it: mixed32At, mixed64At).
func useMixed(n int) bool {
	return n >= mixedMinLen && n&(n-1) != 0 && smooth235(n)
}

// mixedRadices returns the radices of n's stages in the order they run,
// nil when n has a prime factor other than 2, 3 and 5 (each radix in
// {2, 3, 4, 5}; a stage's ls is the product of the radices before it,
// its r = n/(p·ls) the product of those after it). The odd radices come
// first, the 5s then the 3s, then a radix 2 when 2^a has odd a, then
// the radix 4s: the odd stages, most of the work of a length like 3000
// or 15625, keep r a multiple of 2^a, which the wide kernels vectorise
// over (8 complex64 or 4 complex128 values per vector at AVX-512, half
// that at AVX2), the radix 2 has r = 2^(a−1), a radix 4 r = 4^k, and
// the last stage (r = 1, the narrow kernel, vectorised over j) ls = n/4
// or n/2. Radix 4 rather than two radix-2 stages: one pass over the data
// fewer. This is the order to retune once the kernels can be measured
// (e.g. the radix 2 last, where the narrow kernel wants ls a multiple of
// the vector, or the 3s first).
func mixedRadices(n int) []int {
	fours := 0
	for n%4 == 0 {
		n /= 4
		fours++
	}
	two := n%2 == 0
	if two {
		n /= 2
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
	if two {
		rs = append(rs, 2)
	}
	return append(rs, slices.Repeat([]int{4}, fours)...)
}
