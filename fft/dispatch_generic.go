package fft

import (
	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/generic"
)

// The kernels behind the public calls, one function per kind of call, each
// taking the level that the public call read once from asm.Current().
// dispatch_simd.go switches the calls to the Stockham kernels of package
// asm at the AVX2, AVX-512 and NEON levels; dispatch_other.go (other
// platforms, purego) runs the plain-Go code of
// package generic at every level. The functions here are that plain-Go
// code, shared by both.

// transformGeneric runs a validated complex128 FFT in package generic.
func transformGeneric(p *Plan64, dst, src []complex128, s *scratch, inverse bool) {
	plan := p.generic()
	plan.Transform(dst, src, s.complex128s(plan.ScratchLen()), inverse)
}

// transform32Generic runs a validated complex64 FFT in float64: widen src
// into scratch, transform in place, round into dst. dst may be src.
func transform32Generic(p *Plan32, dst, src []complex64, s *scratch, inverse bool) {
	n := p.n
	plan := p.generic()
	c := s.complex128s(n + plan.ScratchLen())
	buf := c[:n]
	for i, v := range src {
		buf[i] = complex128(v)
	}
	plan.Transform(buf, buf, c[n:], inverse)
	for i, v := range buf {
		dst[i] = complex64(v)
	}
}

// realForwardGeneric runs a validated float64 real FFT in package generic.
func realForwardGeneric(p *RealPlan64, dst []complex128, src []float64, s *scratch) {
	plan := p.generic()
	plan.Forward(dst, src, s.complex128s(plan.ScratchLen()))
}

// realInverseGeneric runs a validated float64 inverse real FFT in package
// generic.
func realInverseGeneric(p *RealPlan64, dst []float64, src []complex128, s *scratch) {
	plan := p.generic()
	plan.Inverse(dst, src, s.complex128s(plan.ScratchLen()))
}

// realForward32Generic runs a validated float32 real FFT in float64.
func realForward32Generic(p *RealPlan32, dst []complex64, src []float32, s *scratch) {
	plan := p.generic()
	bins := plan.Bins()
	cs, fs := s.complex128s(bins+plan.ScratchLen()), s.float64s(plan.Len())
	x := fs[:plan.Len()]
	for i, v := range src {
		x[i] = float64(v)
	}
	spec := cs[:bins]
	plan.Forward(spec, x, cs[bins:])
	for i, v := range spec {
		dst[i] = complex64(v)
	}
}

// realInverse32Generic runs a validated float32 inverse real FFT in
// float64.
func realInverse32Generic(p *RealPlan32, dst []float32, src []complex64, s *scratch) {
	plan := p.generic()
	bins := plan.Bins()
	cs, fs := s.complex128s(bins+plan.ScratchLen()), s.float64s(plan.Len())
	spec := cs[:bins]
	for i, v := range src {
		spec[i] = complex128(v)
	}
	x := fs[:plan.Len()]
	plan.Inverse(x, spec, cs[bins:])
	for i, v := range x {
		dst[i] = float32(v)
	}
}

// convApply runs a validated convolution, directly (fftc nil) or by FFT.
func convApply[F float32 | float64](l asm.Level, fftc *generic.FFTConv, k []F, y, u, d []F, channels, seqLen int, cs []complex128, fs []float64) {
	if fftc == nil {
		generic.ConvDirect(y, u, k, d, channels, seqLen)
		return
	}
	generic.ApplyFFTConv(fftc, y, u, d, cs, fs)
}
