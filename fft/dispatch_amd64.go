//go:build gc && !purego

package fft

import (
	"unsafe"

	"github.com/ssmkern/ssmkern/asm"
)

// hasStockham32 reports whether level l has the float32 Stockham kernels.
func hasStockham32(l asm.Level) bool { return l == asm.AVX2 || l == asm.AVX512 }

// transform32 runs a validated complex64 FFT (dst may be src): the float32
// Stockham kernels when the plan has them at level l (power-of-two n ≥
// stockhamMinLen), else the float64 generic code.
func transform32(l asm.Level, p *Plan32, dst, src []complex64, s *scratch, inverse bool) {
	if fs := p.fourStep(l); fs != nil {
		runFourStep32(fs, dst, src, s.complex64s(fs.scratchLen()), inverse)
		return
	}
	sp := p.stockham(l)
	if sp == nil {
		transform32Generic(p, dst, src, s, inverse)
		return
	}
	runStockham32(sp, dst, src, s.complex64s(p.n), inverse)
}

// runFourStep32 runs the two passes of fs (see fourStep32); dst may be
// src, since the first pass writes only work.
func runFourStep32(fs *fourStep32, dst, src, work []complex64, inverse bool) {
	l, n1, n2, b := fs.col.level, fs.n1, fs.n2, fs.b
	ts := fs.tStride
	t := work[:n2*ts]
	blk := work[n2*ts:]
	blkA, blkB := blk[:n2*b], blk[n2*b:2*n2*b]
	// gather copies a [rows][b] block into the buffer that lets
	// runStockham32 run without copying: the one it leaves in blkA.
	gather := func(sp *stockham32, x []complex64, rows, stride int) []complex64 {
		in := blkA[:rows*b]
		if sp.stageCount()%2 == 1 {
			in = blkB[:rows*b]
		}
		asm.FFTCopyRows(l, in, x, rows, b, b, stride)
		return in
	}
	for c0 := 0; c0 < n2; c0 += b {
		in := gather(fs.col, src[c0:], n1, n2)
		runStockham32(fs.col, blkA[:n1*b], in, blkB[:n1*b], inverse)
		asm.FFTTransposeTwiddle(l, t[c0*ts:], blkA, fs.tw[c0*n1:], n1, b, ts, inverse)
	}
	for c0 := 0; c0 < n1; c0 += b {
		in := gather(fs.row, t[c0:], n2, ts)
		runStockham32(fs.row, blkA[:n2*b], in, blkB[:n2*b], inverse)
		asm.FFTCopyRows(l, dst[c0:], blkA, n2, b, n1, b)
	}
}

// runStockham32 runs the stages of sp, ping-ponging between dst and work
// so that the last stage writes dst; the inverse ends with the 1/n.
func runStockham32(sp *stockham32, dst, src, work []complex64, inverse bool) {
	l := sp.level
	stages := sp.stageCount()
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
		asm.FFTScale(l, dst, 1/float32(sp.n))
	}
}

// stageCount is the number of passes of sp.
func (sp *stockham32) stageCount() int {
	if sp.radix2 {
		return len(sp.stages) + 1
	}
	return len(sp.stages)
}

// realForward32 runs a validated float32 real FFT: for even n with a
// Stockham plan of n/2 at level l, the complex FFT of z[j] = src[2j] +
// i·src[2j+1] (src read in place as complex64) and asm.FFTRealPass;
// otherwise the float64 generic code.
func realForward32(l asm.Level, p *RealPlan32, dst []complex64, src []float32, s *scratch) {
	rp := p.stockham(l)
	if rp == nil {
		realForward32Generic(p, dst, src, s)
		return
	}
	h := rp.h
	buf := s.complex64s(2 * h)
	z := buf[:h]
	runStockham32(rp.cplx, z, asComplex64(src), buf[h:], false)
	asm.FFTRealPass(l, dst, z, rp.tw, h, false)
	re, im := real(z[0]), imag(z[0])
	dst[0], dst[h] = complex(re+im, 0), complex(re-im, 0)
}

// realInverse32 runs a validated float32 inverse real FFT: asm.FFTRealPass
// back to the half-length spectrum Z, then its inverse complex FFT
// written into dst read as complex64 (the 1/n is the pass's 1/2 and the
// complex inverse's 2/n).
func realInverse32(l asm.Level, p *RealPlan32, dst []float32, src []complex64, s *scratch) {
	rp := p.stockham(l)
	if rp == nil {
		realInverse32Generic(p, dst, src, s)
		return
	}
	h := rp.h
	buf := s.complex64s(2 * h)
	z := buf[:h]
	asm.FFTRealPass(l, z, src, rp.tw, h, true)
	x0, xh := real(src[0]), real(src[h]) // Im of bins 0 and h ignored
	z[0] = complex((x0+xh)/2, (x0-xh)/2)
	runStockham32(rp.cplx, asComplex64(dst), z, buf[h:], true)
}

// asComplex64 reads the even-length x as len(x)/2 complex64 values (Go's
// complex64 has float32 alignment).
func asComplex64(x []float32) []complex64 {
	return unsafe.Slice((*complex64)(unsafe.Pointer(unsafe.SliceData(x))), len(x)/2)
}
