//go:build !(amd64 || arm64) || !gc || purego

package fft

import (
	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/generic"
)

// mulSpectrum sets x[i] *= k[i].
func mulSpectrum(l asm.Level, x, k []complex64) { generic.MulComplex64(x, x, k) }

// addSkip sets y[i] += d·u[i].
func addSkip(l asm.Level, y, u []float32, d float32) {
	for i := range y {
		y[i] += d * u[i]
	}
}

func hasConv32SIMD(l asm.Level) bool { return false }

// directRow sets y[i] = Σ_j r[j]·p[i+j].
func directRow(l asm.Level, y, p, r []float32) {
	for i := range y {
		y[i] = dot32(r, p[i:i+len(r)])
	}
}

// mulComplex sets dst[i] = a[i]·b[i].
func mulComplex(l asm.Level, dst, a, b []complex64) { generic.MulComplex64(dst, a, b) }
