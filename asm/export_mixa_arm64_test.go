//go:build gc && !purego

package asm

// MixedStageGo exposes the plain-Go mixed-radix stage (the reference of
// the NEON kernels) to the external tests, which use asmtest's guard
// pages; asmtest imports asm, so those tests cannot be in package asm.
func MixedStageGo(p int, out, in []complex128, w func(i int) complex128, ls int, s float64, inverse bool) {
	mixedStageGo(p, out, in, w, ls, s, inverse)
}
