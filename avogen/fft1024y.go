package main

import (
	"fmt"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	"github.com/mmcloughlin/avo/reg"

	"github.com/ssmkern/ssmkern/avogen/vmath"
)

// fft1024AVX2 emits the whole complex64 transform of n = 1024 at AVX2 as
// one call (fft1024Y): the four passes runR8Direct32 calls there (radix 8
// at ls = 1, fftR8First; radix 4 at ls = 8, fftR4Wide; radix 8 at ls =
// 32, fftR8Wide; radix 4 at ls = 256 with r = 1, fftR4Narrow1), their
// arithmetic in the same order, every stride a constant and the work in
// the kernel's frame: src → work → dst → work → dst. Each pass stays a
// loop (a straight-line AVX2 kernel of this length had overflowed the
// µop cache). tw is the plan's table: the radix-4 pass's 48 floats at 0,
// the radix-8 pass's 448 at float 48, the last pass's 3072 at float 496.
// The inverse scales the first pass's inputs by s (a power of two), as
// fftR8First does; the forward loads them. dst may be src: only the
// first pass reads src, and it writes the work.
//
// Measured and rejected (FFTWInterleaved/c64 n = 1024 at AVX2, four
// interleaved rounds against this kernel, minima, ns): butterfly4's s02 ±
// s13 as multiply-adds by ones (butterflyFMA, fft1024's AVX-512 gain)
// 628.2–633.8 → 635.7–639.3, the AVX2 mix being the other way round; the
// radix-8 pass two j per iteration, 630.7 → 629.9 (noise); the last
// pass's table compact (VMOVSLDUP/VMOVSHDUP, 6 KB where the duplicated
// 12 KB with src, dst and work overflows L1; timed on the duplicated
// table) 632.9 → 634.5.
func fft1024AVX2(inverse bool) { fftYAVX2(1024, inverse) }

// fftYAVX2 emits fft1024AVX2's kernel of length n (fft1024Y, fft2048Y):
// the passes of runR8Direct32's plan of n, radix 8, radix 4 at ls = 8,
// radix 8 at ls = 32 (r = n/256: one vector of k per j at 1024, two at
// 2048, unrolled) and the last at ls = n/4 (radix 4, fftR4Narrow1) or
// n/8 (radix 8 with the compact table, fftR8Narrow1c).
//
// fft2048Y against the four calls with the pool's work
// (FFTWInterleaved/c64 n = 2048 at AVX2, four interleaved rounds,
// minima, ns): 1521–1527 → 1469–1512. Measured and rejected, against
// this kernel (five rounds unless said): the work placed in a 4 KB
// larger frame at a fixed gap past dst modulo 4 KB, as placeWork does
// for the separate passes (workGap; four rounds): 3584 bytes 1468–1504,
// 512 1485–1512, 1536 1471–1493, 2560 1485–1505, against 1472–1525
// where the frame puts it; the loop heads PCALIGN $32, 1467–1498 against
// 1474–1513; passes 3 and 4 interleaved through a block of 4 or 8 j of
// pass 3's output (2 or 4 KB, so that the 16 KB pass 3 wrote and pass 4
// read stayed in L1; pass 1 then writes dst and pass 2 the work) 1503–
// 1526 against 1474–1513, and with the block the whole 16 KB as slow
// (1504–1517): what it costs is not that round trip; pass 3's two k a
// loop rather than unrolled, 1463–1475 against 1467–1475 (noise).
func fftYAVX2(n int, inverse bool) {
	v := vmath.AVX2
	const (
		vb  = 32 // bytes per YMM
		val = 8  // bytes per complex64
	)
	name := fmt.Sprintf("fft%dY", n) + fftDir(inverse)
	TEXT(name, 0, "func(dst, src *complex64, tw *float32, s float32)")
	Pragma("noescape")
	Doc(fmt.Sprintf("%s runs a complex64 FFT of length %d at AVX2 in four passes; see avogen/fft1024y.go.", name, n))
	dst := Load(Param("dst"), GP64())
	src := Load(Param("src"), GP64())
	tw := Load(Param("tw"), GP64())
	frame := AllocLocal(n*val + vb)
	work := GP64()
	LEAQ(frame.Offset(vb-1), work)
	ANDQ(I32(-vb), work)
	ones := fftOnes(v)
	in, out, cnt := GP64(), GP64(), GP64()

	// Pass 1: radix 8, ls = 1, r = n/8, src → work.
	{
		r := n / 8
		var sv reg.VecVirtual
		if inverse {
			sv = v.Vec()
			VBROADCASTSS(Load(Param("s"), XMM()), sv)
		}
		MOVQ(src, in)
		MOVQ(work, out)
		MOVQ(U32(r/4), cnt)
		Label(name + "_p1")
		radix8Vector(v, func(q int) Mem { return Mem{Base: in, Disp: q * r * val} },
			func(t int) Mem { return Mem{Base: out, Disp: t * r * val} }, sv, ones, inverse)
		ADDQ(U32(vb), in)
		ADDQ(U32(vb), out)
		DECQ(cnt)
		JNZ(LabelRef(name + "_p1"))
	}

	// Pass 2: radix 4, ls = 8, r = n/32, work → dst; a j's six twiddles
	// broadcast into registers, its eight vectors of k a loop.
	{
		const ls = 8
		r := n / 32
		MOVQ(work, in)
		MOVQ(dst, out)
		t2 := GP64()
		MOVQ(tw, t2)
		j, k := GP64(), GP64()
		MOVQ(U32(ls), j)
		Label(name + "_p2j")
		var wt [6]reg.VecVirtual
		for i := range wt {
			wt[i] = v.Vec()
			VBROADCASTSS(Mem{Base: t2, Disp: 4 * i}, wt[i])
		}
		MOVQ(U32(r/4), k)
		Label(name + "_p2k")
		a := make([]reg.VecVirtual, 4)
		for q := range a {
			a[q] = v.Vec()
			VMOVUPS(Mem{Base: in, Disp: q * r * val}, a[q])
		}
		for q := 1; q < 4; q++ {
			a[q] = cmulBy(v, a[q], wt[2*q-2], wt[2*q-1], inverse)
		}
		butterfly4(v, a, ones, inverse)
		for s := range 4 {
			VMOVUPS(a[s], Mem{Base: out, Disp: s * ls * r * val})
		}
		ADDQ(U32(vb), in)
		ADDQ(U32(vb), out)
		DECQ(k)
		JNZ(LabelRef(name + "_p2k"))
		ADDQ(U32(3*r*val), in) // the next j's inputs 4r values on
		ADDQ(U32(24), t2)
		DECQ(j)
		JNZ(LabelRef(name + "_p2j"))
	}

	// Pass 3: radix 8, ls = 32, r = n/256 (r/4 vectors of k per j,
	// unrolled), dst → work; the seven twiddles of a j broadcast from its
	// fourteen floats by each k, as fftR8Wide does.
	{
		const ls = 32
		r := n / 256
		MOVQ(dst, in)
		MOVQ(work, out)
		t3 := GP64()
		LEAQ(Mem{Base: tw, Disp: 48 * 4}, t3)
		MOVQ(U32(ls), cnt)
		Label(name + "_p3")
		for k := 0; k < r/4; k++ {
			u, w := radix8Halves(v, func(q int) reg.VecVirtual {
				x := v.Vec()
				VMOVUPS(Mem{Base: in, Disp: q*r*val + k*vb}, x)
				if q > 0 {
					wr, wi := v.Vec(), v.Vec()
					VBROADCASTSS(Mem{Base: t3, Disp: 8 * (q - 1)}, wr)
					VBROADCASTSS(Mem{Base: t3, Disp: 8*(q-1) + 4}, wi)
					x = cmulBy(v, x, wr, wi, inverse)
				}
				return x
			}, inverse)
			ue, wo := u[:], w[:]
			butterfly4(v, ue, ones, inverse)
			for t := range 4 {
				VMOVUPS(ue[t], Mem{Base: out, Disp: 2*t*ls*r*val + k*vb})
			}
			butterfly4(v, wo, ones, inverse)
			for t := range 4 {
				VMOVUPS(wo[t], Mem{Base: out, Disp: (2*t+1)*ls*r*val + k*vb})
			}
		}
		ADDQ(U32(8*r*val), in)
		ADDQ(U32(r*val), out)
		ADDQ(U32(56), t3)
		DECQ(cnt)
		JNZ(LabelRef(name + "_p3"))
	}

	if n == 2048 {
		fftYLastR8(name, v, dst, work, tw, ones, cnt, inverse)
		VZEROUPPER()
		RET()
		return
	}

	// Pass 4: radix 4, ls = 256, r = 1, work → dst: four consecutive j
	// per vector, gathered as fftR4Narrow1 gathers them; per four j six
	// table vectors.
	{
		const ls = 256
		MOVQ(work, in)
		MOVQ(dst, out)
		t4 := GP64()
		LEAQ(Mem{Base: tw, Disp: 496 * 4}, t4)
		MOVQ(U32(ls/4), cnt)
		Label(name + "_p4")
		a := make([]reg.VecVirtual, 4)
		for q := range a {
			a[q] = v.Vec()
		}
		// The low halves by VBROADCASTF128, which writes the whole
		// register: a load of the low half alone leaves it live, in Avo's
		// allocator, from the kernel's entry on, and the radix-4 pass
		// before then ran out of the 16 YMM (Y16 is AVX-512's).
		x, y, z, w := YMM(), YMM(), YMM(), YMM()
		VBROADCASTF128(Mem{Base: in}, x)
		VINSERTF128(U8(1), Mem{Base: in, Disp: 64}, x, x)
		VBROADCASTF128(Mem{Base: in, Disp: 32}, y)
		VINSERTF128(U8(1), Mem{Base: in, Disp: 96}, y, y)
		VBROADCASTF128(Mem{Base: in, Disp: 16}, z)
		VINSERTF128(U8(1), Mem{Base: in, Disp: 80}, z, z)
		VBROADCASTF128(Mem{Base: in, Disp: 48}, w)
		VINSERTF128(U8(1), Mem{Base: in, Disp: 112}, w, w)
		VUNPCKLPD(y, x, a[0])
		VUNPCKHPD(y, x, a[1])
		VUNPCKLPD(w, z, a[2])
		VUNPCKHPD(w, z, a[3])
		for q := 1; q < 4; q++ {
			a[q] = cmulBy(v, a[q], Mem{Base: t4, Disp: (2*q - 2) * vb}, Mem{Base: t4, Disp: (2*q - 1) * vb}, inverse)
		}
		butterfly4(v, a, ones, inverse)
		for s := range 4 {
			VMOVUPS(a[s], Mem{Base: out, Disp: s * ls * val})
		}
		ADDQ(U32(4*vb), in)
		ADDQ(U32(vb), out)
		ADDQ(U32(6*vb), t4)
		DECQ(cnt)
		JNZ(LabelRef(name + "_p4"))
	}
	VZEROUPPER()
	RET()
}

// fftYLastR8 emits fft2048Y's last pass: radix 8, ls = 256, r = 1, work
// → dst, four consecutive j per vector gathered as fftR8Narrow1c gathers
// them, its compact table (per four j seven vectors of w_q as plain
// complex64, spread by VMOVSLDUP and VMOVSHDUP) at float 496.
func fftYLastR8(name string, v vmath.ISA, dst, work, tw reg.Register, ones reg.VecVirtual, cnt reg.Register, inverse bool) {
	const (
		ls  = 256
		vb  = 32
		val = 8
	)
	in, out, t4 := GP64(), GP64(), GP64()
	MOVQ(work, in)
	MOVQ(dst, out)
	LEAQ(Mem{Base: tw, Disp: 496 * 4}, t4)
	MOVQ(U32(ls/4), cnt)
	Label(name + "_p4")
	cache := map[int]reg.VecVirtual{}
	u, w := radix8Halves(v, func(q int) reg.VecVirtual {
		x := narrowPairs(v, in, q, cache)
		if q > 0 {
			m := Mem{Base: t4, Disp: (q - 1) * vb}
			re, im := v.Vec(), v.Vec()
			VMOVSLDUP(m, re)
			VMOVSHDUP(m, im)
			x = cmulBy(v, x, re, im, inverse)
		}
		return x
	}, inverse)
	ue, wo := u[:], w[:]
	butterfly4(v, ue, ones, inverse)
	for t := range 4 {
		VMOVUPS(ue[t], Mem{Base: out, Disp: 2 * t * ls * val})
	}
	butterfly4(v, wo, ones, inverse)
	for t := range 4 {
		VMOVUPS(wo[t], Mem{Base: out, Disp: (2*t + 1) * ls * val})
	}
	ADDQ(U32(8*vb), in)
	ADDQ(U32(vb), out)
	ADDQ(U32(7*vb), t4)
	DECQ(cnt)
	JNZ(LabelRef(name + "_p4"))
}
