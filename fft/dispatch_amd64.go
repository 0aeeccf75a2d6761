//go:build gc && !purego

package fft

import (
	"unsafe"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/generic"
)

// hasStockham32 reports whether level l has the float32 Stockham kernels.
func hasStockham32(l asm.Level) bool { return l == asm.AVX2 || l == asm.AVX512 }

// transform32 runs a validated complex64 FFT (dst may be src): the float32
// Stockham kernels when the plan has them at level l (power-of-two n ≥
// stockhamMinLen), else the float64 generic code.
func transform32(l asm.Level, p *Plan32, dst, src []complex64, s *scratch, inverse bool) {
	sp := p.stockham(l)
	if sp == nil {
		transform32Generic(p, dst, src, s, inverse)
		return
	}
	runStockham32(sp, dst, src, s.complex64s(p.n), inverse)
}

// runStockham32 runs the stages of sp, ping-ponging between dst and work
// so that the last stage writes dst; the inverse ends with the 1/n.
func runStockham32(sp *stockham32, dst, src, work []complex64, inverse bool) {
	l, n := sp.level, sp.n
	stages := len(sp.stages)
	if sp.radix2 {
		stages++
	}
	// Stage t writes dst when stages−1−t is even. When the first stage
	// writes dst and src is dst, it reads a copy in work instead.
	out, other := dst, work
	if stages%2 == 0 {
		out, other = work, dst
	}
	in := src
	if stages%2 == 1 && unsafe.SliceData(src) == unsafe.SliceData(dst) {
		copy(work, src)
		in = work
	}
	next := func() { in, out, other = out, other, out }
	if sp.radix2 {
		asm.FFTRadix2First(l, out, in)
		next()
	}
	for _, st := range sp.stages {
		asm.FFTRadix4(l, out, in, sp.tw[st.off:st.off+st.len], st.ls, inverse)
		next()
	}
	if inverse {
		asm.FFTScale(l, dst[:n], 1/float32(n))
	}
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
