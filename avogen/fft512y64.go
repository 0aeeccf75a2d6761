package main

import (
	"fmt"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	"github.com/mmcloughlin/avo/reg"

	"github.com/ssmkern/ssmkern/avogen/vmath"
)

// fft64N512AVX2 emits the whole complex128 transform of n = 512 at AVX2
// as one call (fft64N512Y): the three passes runThree64 calls there
// (FFT64Radix8First, FFT64Radix8 at ls = 8, FFT64Radix8Last at ls = 64),
// their arithmetic in the same order (the forward's first pass and the
// radix-8 pass's j = 0 as fft64R8FirstF, the inverse's as fft64R8First;
// the j > 0 as fft64R8Wide; the last as fft64R8Narrow1X), every stride a
// constant and the work in the kernel's frame: src → dst → work → dst.
// Each pass stays a loop. tw2 is FFT64Radix8's table of ls = 8 (56
// float64 a j, j = 0's unread), tw3 FFT64Radix8Last's of ls = 64 (28 a
// j). dst may be src: the first pass's iteration reads eight values and
// then writes the same eight places, and nothing reads src after it.
// Tried: the first pass into a second frame buffer rather than dst (src →
// frame → frame → dst, dst written once): FFTWInterleaved at AVX2, six
// interleaved rounds, ours-ns c128 512 530.1–541.3 → 582.1–587.7, r64
// 1024 702.8–756.0 → 754.1–767.6, the three buffers and the last pass's
// 14 KB table beyond L1's 32 KB.
func fft64N512AVX2(inverse bool) {
	name, dst, work, ones := fft64WholeY(512, inverse, 0)
	v := vmath.AVX2
	const (
		n   = 512
		vb  = 32 // bytes per YMM
		val = 16 // bytes per complex128
		row = n / 8 * val
	)
	in, out, cnt := GP64(), GP64(), GP64()

	// Pass 3: radix 8, ls = 64, R = 1, work → dst: two j per vector,
	// paired from whole-vector loads as fft64R8Narrow1X pairs them; per
	// pair fourteen table vectors.
	{
		MOVQ(work, in)
		MOVQ(dst, out)
		t3 := Load(Param("tw3"), GP64())
		MOVQ(U32(n/16), cnt)
		Label(name + "_p3")
		var next [8]reg.VecVirtual
		radix8Out64(v, func(q int) reg.VecVirtual {
			a := v.Vec()
			if q%2 == 0 {
				x, y := v.Vec(), v.Vec()
				VMOVUPD(Mem{Base: in, Disp: val * q}, x)
				VMOVUPD(Mem{Base: in, Disp: 128 + val*q}, y)
				VPERM2F128(U8(0x20), y, x, a)
				next[q+1] = v.Vec()
				VPERM2F128(U8(0x31), y, x, next[q+1])
			} else {
				a = next[q]
			}
			if q == 0 {
				return a
			}
			return cmul64(v, a, Mem{Base: t3, Disp: 2 * (q - 1) * vb}, Mem{Base: t3, Disp: (2*q - 1) * vb}, inverse)
		}, func(t int) Mem { return Mem{Base: out, Disp: t * row} }, ones, inverse)
		ADDQ(U32(256), in)
		ADDQ(U32(vb), out)
		ADDQ(U32(14*vb), t3)
		DECQ(cnt)
		JNZ(LabelRef(name + "_p3"))
	}
	VZEROUPPER()
	RET()
}

// fft64WholeY starts the whole complex128 transform of length n at AVX2
// (fft64N512Y, fft64N1024Y): its TEXT, a frame of n values (and extra
// bytes) for the work, and the two radix-8 passes of runThree64 there,
// FFT64Radix8First (src → dst) and FFT64Radix8 at ls = 8 (dst → work),
// with the arithmetic of their kernels.
func fft64WholeY(n int, inverse bool, extra int) (name string, dst, work reg.Register, ones reg.VecVirtual) {
	v := vmath.AVX2
	const (
		vb  = 32 // bytes per YMM
		val = 16 // bytes per complex128
	)
	row := n / 8 * val
	name = fmt.Sprintf("fft64N%dY%s", n, fftDir(inverse))
	TEXT(name, 0, "func(dst, src *complex128, tw2, tw3 *float64, s float64)")
	Pragma("noescape")
	Doc(fmt.Sprintf("%s runs a complex128 FFT of length %d at AVX2 in three passes; see avogen/fft512y64.go.", name, n))
	dst = Load(Param("dst"), GP64())
	src := Load(Param("src"), GP64())
	frame := AllocLocal(n*val + extra + vb)
	work = GP64()
	LEAQ(frame.Offset(vb-1), work)
	ANDQ(I32(-vb), work)
	ones = v.Vec()
	VMOVUPD(fftConst64(1), ones)
	in, out, cnt := GP64(), GP64(), GP64()

	// Pass 1: radix 8, ls = 1, R = n/8, src → dst.
	var sv reg.VecVirtual
	if inverse {
		sv = v.Vec()
		VBROADCASTSD(Load(Param("s"), XMM()), sv)
	}
	MOVQ(src, in)
	MOVQ(dst, out)
	MOVQ(U32(n/8/2), cnt)
	Label(name + "_p1")
	first64(v, in, out, n/8*val, row, ones, sv, inverse)
	ADDQ(U32(vb), in)
	ADDQ(U32(vb), out)
	DECQ(cnt)
	JNZ(LabelRef(name + "_p1"))

	// Pass 2: radix 8, ls = 8, R = n/64, dst → work, out rows n/8 apart;
	// j = 0 without products (as FFT64Radix8: the first pass's kernel
	// with s = 1, whose products by 1 are plain loads here), then j = 1 …
	// 7 with the table's products.
	ls, r := 8, n/64
	MOVQ(dst, in)
	MOVQ(work, out)
	MOVQ(U32(r/2), cnt)
	Label(name + "_p2z")
	first64(v, in, out, r*val, row, ones, nil, inverse)
	ADDQ(U32(vb), in)
	ADDQ(U32(vb), out)
	DECQ(cnt)
	JNZ(LabelRef(name + "_p2z"))
	// in stepped R values per vector; j = 1 starts 8R in, out R on.
	ADDQ(U32(7*r*val), in)
	t2 := Load(Param("tw2"), GP64())
	ADDQ(U32(14*vb), t2)
	j, k := GP64(), GP64()
	MOVQ(U32(ls-1), j)
	Label(name + "_p2j")
	MOVQ(U32(r/2), k)
	Label(name + "_p2k")
	radix8Out64(v, func(q int) reg.VecVirtual {
		a := v.Vec()
		VMOVUPD(Mem{Base: in, Disp: q * r * val}, a)
		if q == 0 {
			return a
		}
		return cmul64(v, a, Mem{Base: t2, Disp: 2 * (q - 1) * vb}, Mem{Base: t2, Disp: (2*q - 1) * vb}, inverse)
	}, func(t int) Mem { return Mem{Base: out, Disp: t * row} }, ones, inverse)
	ADDQ(U32(vb), in)
	ADDQ(U32(vb), out)
	DECQ(k)
	JNZ(LabelRef(name + "_p2k"))
	ADDQ(U32(7*r*val), in)
	ADDQ(U32(14*vb), t2)
	DECQ(j)
	JNZ(LabelRef(name + "_p2j"))
	return name, dst, work, ones
}

// fft64N1024AVX2 is fft64N512AVX2 for n = 1024, whose runThree64 ends
// with the fused radix-16 tail instead (FFT64Tail16Seg, fft64Tail16Y's
// arithmetic, the duplicated table at tw3, its stage A's outputs for s =
// 2, 3 spilled to the frame past the work). Tried: stage B's stores at
// constant displacements from out instead of tailStageB64's m-value
// register steps (FFTWInterleaved c128 1024 at AVX2, six interleaved
// rounds, ours-ns 1294–1321 against 1288–1325): noise, not taken.
func fft64N1024AVX2(inverse bool) {
	const (
		n   = 1024
		m   = n / 16
		vb  = 32 // bytes per YMM
		val = 16 // bytes per complex128
	)
	v := vmath.AVX2
	name, dst, work, ones := fft64WholeY(n, inverse, 8*vb)
	spill := GP64()
	LEAQ(Mem{Base: work, Disp: n * val}, spill)
	in, out, cnt := GP64(), GP64(), GP64()
	MOVQ(work, in)
	MOVQ(dst, out)
	tw := Load(Param("tw3"), GP64())
	mb := GP64()
	MOVQ(U32(m*val), mb)
	MOVQ(U32(m/2), cnt)
	Label(name + "_p3")
	tail16YGroup(v, in, out, tw, spill, mb, ones, inverse, false)
	ADDQ(U32(512), in)
	ADDQ(U32(vb), out)
	ADDQ(U32(30*vb), tw)
	DECQ(cnt)
	JNZ(LabelRef(name + "_p3"))
	VZEROUPPER()
	RET()
}

// first64 emits one vector of a radix-8 pass without products: the
// inputs inStride bytes apart from in, output t at t·outStride from out.
// The forward is fft64R8FirstF's arithmetic (part of the additions as
// FMAs by 1); the inverse fft64R8First's, its loads scaled by sv unless
// sv is nil (s = 1, whose products are exact).
func first64(v vmath.ISA, in, out reg.Register, inStride, outStride int, ones, sv reg.VecVirtual, inverse bool) {
	at := func(q int) Mem { return Mem{Base: in, Disp: q * inStride} }
	to := func(t int) Mem { return Mem{Base: out, Disp: t * outStride} }
	if inverse {
		radix8Vector64(v, at, to, sv, ones, true)
		return
	}
	radix8VectorF64(v, at, to, ones)
}

// fft64N256AVX2 is fft64N512AVX2 for n = 256, whose runThree64 ends with
// FFT64Radix4 at ls = 64, R = 1 (fft64R4Narrow1's arithmetic: each
// vector two consecutive j, value q of j a 128-bit piece of in[4j + q];
// its full table at tw3, six vectors per two j), the pieces paired from
// whole-vector loads as in fft64N512AVX2's last pass. Against
// fft64R4Narrow1's gather (a 128-bit load and a VINSERTF128 from memory
// per vector): FFTWInterleaved at AVX2, five interleaved rounds, minima
// of three a round, ours-ns c128 256 222.4–223.7 → 218.5–221.1, r64 512
// 320.0–322.4 → 318.0–319.7, lower in every round.
func fft64N256AVX2(inverse bool) {
	const (
		n   = 256
		vb  = 32 // bytes per YMM
		val = 16 // bytes per complex128
		lb  = n / 4 * val
	)
	v := vmath.AVX2
	name, dst, work, ones := fft64WholeY(n, inverse, 0)
	in, out, cnt := GP64(), GP64(), GP64()
	MOVQ(work, in)
	MOVQ(dst, out)
	t3 := Load(Param("tw3"), GP64())
	MOVQ(U32(n/4/2), cnt)
	Label(name + "_p3")
	a := make([]reg.VecVirtual, 4)
	for q := 0; q < 4; q += 2 {
		x, y := v.Vec(), v.Vec()
		VMOVUPD(Mem{Base: in, Disp: val * q}, x)
		VMOVUPD(Mem{Base: in, Disp: 64 + val*q}, y)
		a[q], a[q+1] = v.Vec(), v.Vec()
		VPERM2F128(U8(0x20), y, x, a[q])
		VPERM2F128(U8(0x31), y, x, a[q+1])
	}
	for q := 1; q < 4; q++ {
		wr, wi := twiddle64(v, t3, q-1, false)
		a[q] = cmul64(v, a[q], wr, wi, inverse)
	}
	butterfly64(v, a, ones, inverse)
	for q := range a {
		VMOVUPD(a[q], Mem{Base: out, Disp: q * lb})
	}
	ADDQ(U32(2*4*val), in)
	ADDQ(U32(vb), out)
	ADDQ(U32(6*vb), t3)
	DECQ(cnt)
	JNZ(LabelRef(name + "_p3"))
	VZEROUPPER()
	RET()
}
