package main

import (
	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	"github.com/mmcloughlin/avo/reg"

	"github.com/ssmkern/ssmkern/avogen/vmath"
)

// fft2048Pad is the padding, in values, after each n/16 values of the
// two work buffers of fft2048 (package fft's segPad32, which the tests'
// reference passes take): 0 runs the passes contiguous, the first
// writing dst and the frame holding one buffer. With the work in the
// frame the padding no longer matters at this length:
// FFTWInterleaved/c64 n = 2048, four interleaved rounds, minima (ns): 0
// 1226, 8 1229, 16 1225, 32 1234.
var fft2048Pad = 16

// fft2048 emits the whole complex64 transform of n = 2048 at AVX-512 as
// one call, the passes of Plan32's segmented plan there (fftR8First's
// radix 8 at ls = 1, fftR16Wide's radix 16 at ls = 8, the fused tail, m =
// 128, runSeg32) with every stride a constant and both segmented work
// buffers in the kernel's frame. tw is the tail's table at byte tailOff;
// mid the radix-16 pass's (per j 30 floats: stage A's three twiddles,
// then stage B's twelve), the inverse's with stage A's times s, which it
// applies there (to x[p] of q = 0 and through stage A's twiddles to the
// others: a power of two, so the results are those of scaling the
// inputs, bit for bit). dst may be src: only the first pass reads src.
//
// FFTWInterleaved/c64 n = 2048 at AVX-512 (three or four interleaved
// rounds of the test binaries, minima, ns; ratio = FFTW's time / ours):
// runSeg32's three calls with the pool's work 1312–1318 (1.17–1.22) →
// one call 1220–1243 (1.27–1.34); r32 n = 4096, whose half it runs,
// 1736–1761 → 1672–1703. Per pass (the kernel cut short after a pass, a
// throwaway variant): radix 8 ≈ 236, radix 16 ≈ 390, tail ≈ 670, the
// tail's 30 KB table (with src, dst and the work more than L1) worth ≈
// 40 of it (every group reading the first group's table: 1184).
//
// Measured and rejected (same A/B, minima, ns, against 1220–1226): the
// compact tail table (fftTail16C's 12 vectors per 8 j, 12 KB, nine
// products more per 8 j) 1270; the tail's table prefetched a group
// ahead (PREFETCHT0, eight lines per stage-B quarter) 1240, two groups
// ahead 1238, dst's next lines prefetched 1235, both 1248; the radix-16
// pass's butterflies on adds instead of multiply-adds by ones (stage A
// 1222, stage B 1230: the FMA pipes, which its 24 products
// keep busy, are not what it waits on); likewise, against 1231 in
// another run, the tail's stage B on adds 1228 and the radix-8 pass's
// 1224.
func fft2048(v vmath.ISA, inverse bool) {
	const (
		n   = 2048
		vb  = 64 // bytes per ZMM
		val = 8  // bytes per complex64
		seg = n / 16
		r1  = n / 8
		ls2 = 8
		r2  = n / (16 * ls2)
		m   = n / 16
	)
	pad := fft2048Pad * val  // bytes after each segment
	segB := seg*val + pad    // bytes from one segment to the next
	bufB := (n / seg) * segB // one buffer
	// Two buffers with padding, one (the tail's input, last, its reads
	// running past it) without.
	nbuf := 2
	if pad == 0 {
		nbuf = 1
	}
	name, dst, src, tw, f := wholeKernelStart(v, n, inverse, nbuf*bufB)
	var a, b reg.Register = dst, f
	if pad > 0 {
		a, b = f, GP64()
		LEAQ(Mem{Base: f, Disp: bufB}, b)
	}
	ones := fftOnes(v)

	// Pass 1: radix 8, ls = 1, r = 256, src → a; its inputs q·r apart,
	// output t at t·2 segments (r = two segments), the k of each half of
	// r in a segment of their own.
	in, out := GP64(), GP64()
	MOVQ(src, in)
	MOVQ(a, out)
	h := GP64()
	MOVQ(U32(2), h)
	Label(name + "_p1h")
	k := GP64()
	MOVQ(U32(seg/8), k)
	Label(name + "_p1")
	radix8Vector(v, func(q int) Mem { return Mem{Base: in, Disp: q * r1 * val} },
		func(t int) Mem { return Mem{Base: out, Disp: t * 2 * segB} }, nil, ones, inverse)
	ADDQ(U32(vb), in)
	ADDQ(U32(vb), out)
	DECQ(k)
	JNZ(LabelRef(name + "_p1"))
	if pad > 0 {
		ADDQ(U32(pad), out)
	}
	DECQ(h)
	JNZ(LabelRef(name + "_p1h"))

	// Pass 2: radix 16, ls = 8, r = 16, a → b: for j < 8 its 16 inputs
	// (4q + p)·r values apart (two segments per j, the second half of
	// them one padding further), outputs s + 4t a segment apart.
	MOVQ(a, in)
	MOVQ(b, out)
	t2 := Load(Param("mid"), GP64())
	var sv reg.VecVirtual
	if inverse {
		sv = v.Vec()
		VBROADCASTSS(Load(Param("s"), XMM()), sv)
	}
	ob, o3 := GP64(), GP64()
	MOVQ(U32(segB), ob)
	MOVQ(U32(3*segB), o3)
	j := GP64()
	MOVQ(U32(ls2), j)
	Label(name + "_p2")
	for range r2 / 8 {
		var y [4][4]reg.VecVirtual
		for p := range 4 {
			x := make([]reg.VecVirtual, 4)
			for q := range x {
				i := 4*q + p
				x[q] = v.Vec()
				mem := Mem{Base: in, Disp: i*r2*val + (i*r2/seg)*pad}
				if inverse && q == 0 {
					VMULPS(mem, sv, x[q]) // s a power of two: exact
				} else {
					VMOVUPS(mem, x[q])
				}
			}
			for q := 1; q < 4; q++ {
				x[q] = cmulBcst(v, x[q], Mem{Base: t2, Disp: 8 * (q - 1)}, Mem{Base: t2, Disp: 8*(q-1) + 4}, inverse)
			}
			butterfly4(v, x, ones, inverse)
			for s := range 4 {
				y[s][p] = x[s]
			}
		}
		r16StageB(v, &y, t2, out, ob, o3, ones, false, inverse)
		ADDQ(U32(vb), in)
		ADDQ(U32(vb), out)
	}
	ADDQ(U32(16*r2*val+2*pad-r2*val), in)
	ADDQ(U32(120), t2)
	DECQ(j)
	JNZ(LabelRef(name + "_p2"))

	wholeTail(v, name+"_p3", in, out, b, dst, tw, m, pad, ones, inverse)
	VZEROUPPER()
	RET()
}
