//go:build gc && !purego && (amd64 || arm64)

package fft

import (
	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/generic"
)

// mulSpectrum sets x[i] *= k[i], the whole vectors in assembly.
func mulSpectrum(l asm.Level, x, k []complex64) { mulComplex(l, x, x, k) }

// addSkip sets y[i] += d·u[i], the whole vectors in assembly.
func addSkip(l asm.Level, y, u []float32, d float32) {
	for i := asm.GateRow(l, y, u, nil, d); i < len(y); i++ {
		y[i] += d * u[i]
	}
}

// hasConv32SIMD reports whether Conv32 has its float32 assembly at level l:
// every level but generic, on amd64 (AVX2, AVX-512) and arm64 (NEON).
//
// At NEON the direct path is all assembly (asm.ConvDirect: 43
// instructions per 8 output vectors and 4 taps, 0.34 per tap·output,
// against 0.14 for AVX-512's and 11 for the float64 Go loop of the
// generic level), so the direct sum pays off up to far longer kernels than
// directIsFaster's K ≈ 16–28; directIsFasterSIMD's K ≈ 100 (fitted on
// AVX-512, where the FFT is SIMD too) errs towards the FFT. The FFT path
// is NEON throughout: RealPlan32's float32 Stockham kernels, the spectrum
// products (asm.MulComplex64, 2 instructions per complex64 product) and
// the skip term (asm.GateRow).
func hasConv32SIMD(l asm.Level) bool { return l != asm.Generic }

// directRow sets y[i] = Σ_j r[j]·p[i+j], the whole vectors in assembly.
func directRow(l asm.Level, y, p, r []float32) {
	for i := asm.ConvDirect(l, y, p, r); i < len(y); i++ {
		y[i] = dot32(r, p[i:i+len(r)])
	}
}

// mulComplex sets dst[i] = a[i]·b[i], the whole vectors in assembly; dst
// may be a or b.
func mulComplex(l asm.Level, dst, a, b []complex64) {
	done := asm.MulComplex64(l, dst, a, b)
	generic.MulComplex64(dst[done:], a[done:], b[done:])
}
