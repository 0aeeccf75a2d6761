//go:build gc && !purego

package asm

// MulComplex64 sets dst[i] = a[i]·b[i] for the whole vectors of dst (4
// complex64 at AVX2, 8 at AVX-512) and returns how many it did; the caller
// finishes the rest (generic.MulComplex64). dst may be a or b; a and b must
// be at least as long as dst.
func MulComplex64(l Level, dst, a, b []complex64) int {
	per := Lanes(l) / 2
	n := len(dst) / per * per
	if n == 0 {
		return 0
	}
	a, b = a[:n], b[:n]
	if l == AVX512 {
		mulComplex64AVX512(dst[:n], a, b)
	} else {
		mulComplex64AVX2(dst[:n], a, b)
	}
	return n
}
