//go:build gc && !purego

package fft

import (
	"math/bits"
	"unsafe"

	"github.com/ssmkern/ssmkern/asm"
)

// stockham64 is the complex128 twin of stockham32 (Plan64 at the vector
// levels): a radix-2 first stage when log2 n is odd, then radix-4 stages,
// the twiddles cos and sin of exact angles (rootTable32) in float64
// tables laid out for asm.FFT64Radix4.
type stockham64 struct {
	n      int
	level  asm.Level
	radix2 bool
	stages []stage32
	tw     []float64
}

// newStockham64 returns the plan of length n at level l, or nil when n is
// not a power of two ≥ stockhamMinLen or a stage has no kernel at l.
func newStockham64(n int, l asm.Level) *stockham64 {
	if n < stockhamMinLen || n&(n-1) != 0 || !hasStockham32(l) {
		return nil
	}
	p := &stockham64{n: n, level: l}
	v := asm.FFT64Values(l)
	ls := 1
	if bits.TrailingZeros(uint(n))%2 == 1 {
		p.radix2 = true
		ls = 2
		if (n/2)%v != 0 {
			return nil
		}
	}
	total := 0
	for ; ls < n; ls *= 4 {
		r := n / (4 * ls)
		if !asm.FFT64Radix4Supported(l, ls, r) {
			return nil
		}
		s := stage32{ls: ls, r: r, off: total}
		if ls > 1 || r < v {
			s.len = asm.FFT64Radix4TwiddleLen(l, ls, r)
		}
		total += s.len
		p.stages = append(p.stages, s)
	}
	p.tw = make([]float64, total)
	roots := newRootTable32(n)
	for _, s := range p.stages {
		if s.len == 0 {
			continue
		}
		tw := p.tw[s.off : s.off+s.len]
		stride := n / (4 * s.ls)
		if s.r >= v {
			for j := range s.ls {
				for q := 1; q < 4; q++ {
					tw[6*j+2*q-2], tw[6*j+2*q-1] = roots.root(q * j * stride)
				}
			}
			continue
		}
		// r = 1: per vector g of v values j = g·v + i, six vectors of 2v
		// float64 (Re w1, Im w1, …), each value over both lanes.
		for g := range s.ls / v {
			blk := tw[g*12*v : (g+1)*12*v]
			for i := range v {
				j := g*v + i
				for q := 1; q < 4; q++ {
					c, si := roots.root(q * j * stride)
					re := blk[(2*q-2)*2*v : (2*q-1)*2*v]
					im := blk[(2*q-1)*2*v : 2*q*2*v]
					re[2*i], re[2*i+1] = c, c
					im[2*i], im[2*i+1] = si, si
				}
			}
		}
	}
	return p
}

// runStockham64 is runStockham32 for complex128.
func runStockham64(sp *stockham64, dst, src, work []complex128, inverse bool) {
	l := sp.level
	stages := len(sp.stages)
	if sp.radix2 {
		stages++
	}
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
		asm.FFT64Radix2First(l, out, in)
		next()
	}
	for _, st := range sp.stages {
		asm.FFT64Radix4(l, out, in, sp.tw[st.off:st.off+st.len], st.ls, inverse)
		next()
	}
	if inverse {
		asm.FFT64Scale(l, dst, 1/float64(sp.n))
	}
}
