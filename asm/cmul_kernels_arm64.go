//go:build gc && !purego

package asm

// MulComplex64 sets dst[i] = a[i]·b[i] (avogen/neongen/cmul.go) and
// returns len(dst): the NEON kernel does every element, tail included, so
// the caller's generic.MulComplex64 on the rest has nothing left to do.
// dst may be a or b; a and b must be at least as long as dst (a shorter
// one panics here, before any assembly runs).
func MulComplex64(l Level, dst, a, b []complex64) int {
	n := len(dst)
	if n == 0 {
		return 0
	}
	mulComplex64NEON(dst, a[:n], b[:n])
	return n
}
