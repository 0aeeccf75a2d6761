//go:build gc && !purego && (amd64 || arm64)

package fft

import "github.com/ssmkern/ssmkern/asm"

// addProducts sets out[i] += d[i]·u[i], the whole vectors in assembly
// (asm.GateRowVec without the gate); l must satisfy hasConv32SIMD.
func addProducts(l asm.Level, out, u, d []float32) {
	for i := asm.GateRowVec(l, out, u, nil, d); i < len(out); i++ {
		out[i] += d[i] * u[i]
	}
}
