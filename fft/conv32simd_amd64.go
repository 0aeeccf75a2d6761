//go:build gc && !purego

package fft

import (
	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/generic"
)

// mulSpectrum sets x[i] *= k[i], the whole vectors in assembly.
func mulSpectrum(l asm.Level, x, k []complex64) {
	done := asm.MulComplex64(l, x, x, k)
	generic.MulComplex64(x[done:], x[done:], k[done:])
}

// addSkip sets y[i] += d·u[i], the whole vectors in assembly.
func addSkip(l asm.Level, y, u []float32, d float32) {
	for i := asm.GateRow(l, y, u, nil, d); i < len(y); i++ {
		y[i] += d * u[i]
	}
}

// hasConv32SIMD reports whether Conv32 has its float32 assembly at level l.
func hasConv32SIMD(l asm.Level) bool { return l == asm.AVX2 || l == asm.AVX512 }

// directRow sets y[i] = Σ_j r[j]·p[i+j], the whole vectors in assembly.
func directRow(l asm.Level, y, p, r []float32) {
	for i := asm.ConvDirect(l, y, p, r); i < len(y); i++ {
		y[i] = dot32(r, p[i:i+len(r)])
	}
}
