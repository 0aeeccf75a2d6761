//go:build !amd64 || !gc || purego

package fft

import (
	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/generic"
)

// Without the amd64 kernels every level runs the plain-Go code.

func hasStockham32(l asm.Level) bool { return false }

// stockham32 is the float32 Stockham plan of the amd64 kernels: none here.
type stockham32 struct{}

func newStockham32(n int, l asm.Level) *stockham32 { return nil }

// transform32 runs a validated complex64 FFT (dst may be src).
func transform32(l asm.Level, p *Plan32, dst, src []complex64, s *scratch, inverse bool) {
	transform32Generic(p, dst, src, s, inverse)
}

// realForward32 runs a validated float32 real FFT (scratch: Bins() +
// plan.ScratchLen() complex, n float64).
func realForward32(l asm.Level, plan *generic.RealFFTPlan, dst []complex64, src []float32, cs []complex128, fs []float64) {
	realForward32Generic(plan, dst, src, cs, fs)
}

// realInverse32 runs a validated float32 inverse real FFT (scratch as
// realForward32).
func realInverse32(l asm.Level, plan *generic.RealFFTPlan, dst []float32, src []complex64, cs []complex128, fs []float64) {
	realInverse32Generic(plan, dst, src, cs, fs)
}
