package main

import (
	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"

	"github.com/ssmkern/ssmkern/avogen/vmath"
)

// fft512 emits the whole complex64 transform of n = 512 at AVX-512 as one
// call, fft1024's treatment of the passes Plan32 runs there (radix 8 at
// ls = 1, fftR8First; radix 4 at ls = 8; the fused tail, m = 32): every
// stride a constant, the work in the kernel's frame, the forward's first
// pass loading without a multiply and the inverse's scale s riding on the
// radix-4 pass (mid, that pass's 8·6 floats times s, a power of two: the
// results those of scaling the inputs, bit for bit). tw is the tail's
// table at byte tailOff; the forward's mid is the radix-4 table itself.
// dst may be src: the first pass reads each vector of k's eight inputs
// before it writes its eight outputs at the same positions.
//
// FFTWInterleaved/c64 n = 512 at AVX-512 (three interleaved rounds of the
// test binaries, minima, ns; ratio = FFTW's time / ours): the three
// kernel calls with the pool's work 282–283 (1.02–1.11) → one call
// 234.5–235 (1.22–1.28); r32 n = 1024, whose half it runs, 352.6–354.6
// → 316.9–325.3 (2.19 → 2.39–2.46).
func fft512(v vmath.ISA, inverse bool) {
	const (
		n   = 512
		vb  = 64 // bytes per ZMM
		val = 8  // bytes per complex64
		r1  = n / 8
		ls2 = 8
		r2  = n / (4 * ls2)
		m   = n / 16
	)
	name, dst, src, tw, work := wholeKernelStart(v, n, inverse, n*val)
	ones := fftOnes(v)

	// Pass 1: radix 8, ls = 1, r = 64, src → dst (fftR8First's
	// arithmetic, its inputs q·r apart and outputs t·r apart).
	in, out := GP64(), GP64()
	MOVQ(src, in)
	MOVQ(dst, out)
	k := GP64()
	MOVQ(U32(r1/8), k)
	Label(name + "_p1")
	radix8Vector(v, func(q int) Mem { return Mem{Base: in, Disp: q * r1 * val} },
		func(t int) Mem { return Mem{Base: out, Disp: t * r1 * val} }, nil, ones, inverse)
	ADDQ(U32(vb), in)
	ADDQ(U32(vb), out)
	DECQ(k)
	JNZ(LabelRef(name + "_p1"))

	wholeR4Pass(v, name+"_p2", in, out, dst, work, ls2, r2, ones, inverse)
	wholeTail(v, name+"_p3", in, out, work, dst, tw, m, 0, ones, inverse)
	VZEROUPPER()
	RET()
}
