// The complex128 twins of the complex64 Stockham kernels of fft.go, for
// package fft's Plan64: the same stages and layouts with float64 lanes, so
// a YMM holds 2 complex128 values and a ZMM 4. Swaps within a value are
// VPERMILPD $0x55; the narrow stage (r = 1) gathers each vector from
// 128-bit pieces (VINSERTF128, VINSERTF64X2), one value of one j each.

package main

import (
	"fmt"
	"math"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	"github.com/mmcloughlin/avo/reg"

	"github.com/ssmkern/ssmkern/avogen/vmath"
)

func generateFFT64() {
	for _, v := range []vmath.ISA{vmath.AVX2, vmath.AVX512} {
		fft64R2First(v)
		fft64Scale(v)
		for _, inverse := range []bool{false, true} {
			fft64R8First(v, inverse)
			fft64R4Wide(v, inverse, false)
			fft64R4Wide(v, inverse, true)
			fft64R4Narrow1(v, inverse, false)
			if v.Lanes == 8 { // AVX-512 plans end with fft64Tail16 instead
				fft64R4Narrow1(v, inverse, true)
				fft64R8Wide(v, inverse)
				fft64R8Narrow1(v, inverse, false)
				fft64R8Narrow1(v, inverse, true)
			}
			fft64RealPass(v, inverse)
			if v.Lanes == 16 {
				fft64Tail16(v, inverse, false)
				fft64Tail16(v, inverse, true)
				fft64R16Wide(v, inverse)
				fft64R16First(v, inverse)
			}
			fft64TransposeTwiddle(v, inverse)
		}
		fft64CopyRows(v)
	}
}

// cvals64 is the number of complex128 values per vector.
func cvals64(v vmath.ISA) int { return v.Lanes / 4 }

// fftConst64 returns a read-only table of eight copies of the float64 x.
func fftConst64(x float64) Mem {
	name := fmt.Sprintf("fft_f64_%016x", math.Float64bits(x))
	if m, ok := fftTables[name]; ok {
		return m
	}
	m := GLOBL(name, 0x8|0x10) // RODATA|NOPTR
	fftTables[name] = m
	for i := range 8 {
		DATA(8*i, U64(math.Float64bits(x)))
	}
	return m
}

// cmul64 returns x·w (inverse: x·conj w), wr and wi holding Re w and Im w
// over both lanes of each value.
func cmul64(v vmath.ISA, x reg.VecVirtual, wr, wi Op, inverse bool) reg.VecVirtual {
	t := v.Vec()
	VPERMILPD(U8(0x55), x, t) // (im, re): one selector bit per element, 0x55 swaps every pair of a ZMM
	VMULPD(wi, t, t)
	if inverse {
		VFMSUBADD231PD(wr, x, t)
	} else {
		VFMADDSUB231PD(wr, x, t)
	}
	return t
}

// butterfly64 is butterfly4 in float64 lanes.
func butterfly64(v vmath.ISA, a []reg.VecVirtual, ones reg.VecVirtual, inverse bool) {
	s02, d02, s13, d13 := v.Vec(), v.Vec(), v.Vec(), v.Vec()
	VADDPD(a[2], a[0], s02)
	VSUBPD(a[2], a[0], d02)
	VADDPD(a[3], a[1], s13)
	VSUBPD(a[3], a[1], d13)
	VADDPD(s13, s02, a[0])
	VSUBPD(s13, s02, a[2])
	ds := v.Vec()
	VPERMILPD(U8(0x55), d13, ds)
	VMOVAPD(ds, a[1])
	VMOVAPD(ds, a[3])
	VFMSUBADD231PD(ones, d02, a[1]) // d02 − i·d13
	VFMADDSUB231PD(ones, d02, a[3]) // d02 + i·d13
	if inverse {
		a[1], a[3] = a[3], a[1]
	}
}

// fft64R2First is fftR2First for complex128 (outputs scaled by the power
// of two s).
func fft64R2First(v vmath.ISA) {
	name := "fft64R2First" + v.Name
	TEXT(name, NOSPLIT, "func(out, in *complex128, r int, s float64)")
	Pragma("noescape")
	Doc(name + " runs the radix-2 first stage of a complex128 FFT; see avogen/fft64.go.")
	out := Load(Param("out"), GP64())
	in := Load(Param("in"), GP64())
	r := Load(Param("r"), GP64())
	rb := GP64()
	MOVQ(r, rb)
	SHLQ(U8(4), rb)
	sv := v.Vec()
	VBROADCASTSD(Load(Param("s"), XMM()), sv)
	SHRQ(U8(log2(cvals64(v))), r)
	JZ(LabelRef(name + "_done"))
	Label(name + "_loop")
	x0, x1, y := v.Vec(), v.Vec(), v.Vec()
	VMULPD(Mem{Base: in}, sv, x0)
	VMOVUPD(Mem{Base: in, Index: rb, Scale: 1}, x1)
	VMOVAPD(x0, y)
	VFMADD231PD(sv, x1, y)   // s·x0 + s·x1
	VFNMADD231PD(sv, x1, x0) // s·x0 − s·x1
	VMOVUPD(y, Mem{Base: out})
	VMOVUPD(x0, Mem{Base: out, Index: rb, Scale: 1})
	ADDQ(U32(v.Bytes()), in)
	ADDQ(U32(v.Bytes()), out)
	DECQ(r)
	JNZ(LabelRef(name + "_loop"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// fft64R8First is fftR8First for complex128: the radix-8 first stage
// (ls = 1, no twiddles, inputs scaled by the power of two s) that replaces
// radix 2 then radix 4 when log2 n is odd, one pass fewer. Its eight
// output rows start os bytes apart: r values, or a segment of them and
// its padding (FFT64Radix8FirstSeg), so that rows a multiple of 4 KB
// apart do not share the L1 sets.
func fft64R8First(v vmath.ISA, inverse bool) {
	name := "fft64R8First" + v.Name + fftDir(inverse)
	TEXT(name, NOSPLIT, "func(out, in *complex128, r, os int, s float64)")
	Pragma("noescape")
	Doc(name + " runs the radix-8 first stage of a complex128 FFT; see avogen/fft.go, fftR8First.")
	out := Load(Param("out"), GP64())
	in := Load(Param("in"), GP64())
	r := Load(Param("r"), GP64())
	rb, r3, r5, r7 := GP64(), GP64(), GP64(), GP64()
	MOVQ(r, rb)
	SHLQ(U8(4), rb)
	LEAQ(Mem{Base: rb, Index: rb, Scale: 2}, r3)
	LEAQ(Mem{Base: rb, Index: rb, Scale: 4}, r5)
	LEAQ(Mem{Base: r3, Index: rb, Scale: 4}, r7)
	ob, o3, o5, o7 := GP64(), GP64(), GP64(), GP64()
	Load(Param("os"), ob)
	LEAQ(Mem{Base: ob, Index: ob, Scale: 2}, o3)
	LEAQ(Mem{Base: ob, Index: ob, Scale: 4}, o5)
	LEAQ(Mem{Base: o3, Index: ob, Scale: 4}, o7)
	SHRQ(U8(log2(cvals64(v))), r)
	JZ(LabelRef(name + "_done"))
	sv, ones := v.Vec(), v.Vec()
	VBROADCASTSD(Load(Param("s"), XMM()), sv)
	VMOVUPD(fftConst64(1), ones)
	rs, os := [4]reg.GPVirtual{rb, r3, r5, r7}, [4]reg.GPVirtual{ob, o3, o5, o7}
	at := func(base reg.Register, q int) Mem { return row8(base, rs, q) }
	to := func(q int) Mem { return row8(out, os, q) }
	Label(name + "_loop")
	radix8Vector64(v, func(q int) Mem { return at(in, q) }, to, sv, ones, inverse)
	ADDQ(U32(v.Bytes()), in)
	ADDQ(U32(v.Bytes()), out)
	DECQ(r)
	JNZ(LabelRef(name + "_loop"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// radix8Halves64 is radix8Halves for complex128.
func radix8Halves64(v vmath.ISA, load func(q int) reg.VecVirtual, inverse bool) (u, w [4]reg.VecVirtual) {
	for j := range 4 {
		a := load(j)
		b := load(j + 4)
		u[j], w[j] = v.Vec(), v.Vec()
		VADDPD(b, a, u[j])
		VSUBPD(b, a, w[j])
	}
	rt := 1 / math.Sqrt2
	for j := 1; j < 4; j++ {
		t := v.Vec()
		VPERMILPD(U8(0x55), w[j], t) // (Im, Re)
		y := v.Vec()
		switch {
		case j == 2 && !inverse: // (b, −a)
			VXORPD(fftSignOdd64(), t, y)
		case j == 2: // (−b, a)
			VXORPD(fftSignEven64(), t, y)
		default:
			c := fftConst64(rt)
			if j == 3 {
				c = fftConst64(-rt)
			}
			VMULPD(fftConst64(rt), t, t)
			VMOVAPD(t, y)
			if inverse {
				VFMADDSUB231PD(c, w[j], y)
			} else {
				VFMSUBADD231PD(c, w[j], y)
			}
		}
		w[j] = y
	}
	return u, w
}

// fft64Scale is fftScale for complex128.
func fft64Scale(v vmath.ISA) {
	name := "fft64Scale" + v.Name
	TEXT(name, NOSPLIT, "func(x *complex128, n int, s float64)")
	Pragma("noescape")
	Doc(name + " multiplies n complex128 values by a real scale.")
	x := Load(Param("x"), GP64())
	n := Load(Param("n"), GP64())
	sv := v.Vec()
	VBROADCASTSD(Load(Param("s"), XMM()), sv)
	SHRQ(U8(log2(cvals64(v))), n)
	JZ(LabelRef(name + "_done"))
	Label(name + "_loop")
	y := v.Vec()
	VMULPD(Mem{Base: x}, sv, y)
	VMOVUPD(y, Mem{Base: x})
	ADDQ(U32(v.Bytes()), x)
	DECQ(n)
	JNZ(LabelRef(name + "_loop"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// fft64R4Wide is fftR4Wide for complex128 (byte strides and steps as
// there; tw holds six float64 per j; first scales its inputs by s).
func fft64R4Wide(v vmath.ISA, inverse, first bool) {
	name := "fft64R4Wide" + v.Name + fftDir(inverse)
	if first {
		name = "fft64R4First" + v.Name + fftDir(inverse)
	}
	sig := "func(out, in *complex128, tw *float64, ls, rows, w, qs, ss, inRow, outRow, inJ, outJ int)"
	if first {
		sig = "func(out, in *complex128, tw *float64, ls, rows, w, qs, ss, inRow, outRow, inJ, outJ int, s float64)"
	}
	TEXT(name, NOSPLIT, sig)
	Pragma("noescape")
	Doc(name + " runs one radix-4 Stockham stage of a complex128 FFT, vectorised over k; see avogen/fft64.go.")
	out := Load(Param("out"), GP64())
	in := Load(Param("in"), GP64())
	tw := Load(Param("tw"), GP64())
	qs, q3, ss, s3 := GP64(), GP64(), GP64(), GP64()
	Load(Param("qs"), qs)
	LEAQ(Mem{Base: qs, Index: qs, Scale: 2}, q3)
	Load(Param("ss"), ss)
	LEAQ(Mem{Base: ss, Index: ss, Scale: 2}, s3)
	CMPQ(NewParamAddr("ls", 24), Imm(0))
	JLE(LabelRef(name + "_done"))
	CMPQ(NewParamAddr("rows", 32), Imm(0))
	JLE(LabelRef(name + "_done"))
	wv := Load(Param("w"), GP64())
	SHRQ(U8(log2(cvals64(v))), wv)
	JZ(LabelRef(name + "_done"))
	ones := v.Vec()
	VMOVUPD(fftConst64(1), ones)
	var sv reg.VecVirtual
	if first {
		sv = v.Vec()
		VBROADCASTSD(Load(Param("s"), XMM()), sv)
	}
	Label(name + "_j")
	var w [6]reg.VecVirtual
	if !first {
		for i := range w {
			w[i] = v.Vec()
			VBROADCASTSD(Mem{Base: tw, Disp: 8 * i}, w[i])
		}
	}
	rowsLeft := GP64()
	Load(Param("rows"), rowsLeft)
	Label(name + "_row")
	k := GP64()
	MOVQ(wv, k)
	Label(name + "_k")
	a := make([]reg.VecVirtual, 4)
	for q := range a {
		a[q] = v.Vec()
	}
	loads := []Mem{{Base: in}, {Base: in, Index: qs, Scale: 1}, {Base: in, Index: qs, Scale: 2}, {Base: in, Index: q3, Scale: 1}}
	for q, m := range loads {
		if first {
			VMULPD(m, sv, a[q]) // s a power of two: exact
		} else {
			VMOVUPD(m, a[q])
		}
	}
	if !first {
		for q := 1; q < 4; q++ {
			a[q] = cmul64(v, a[q], w[2*q-2], w[2*q-1], inverse)
		}
	}
	butterfly64(v, a, ones, inverse)
	VMOVUPD(a[0], Mem{Base: out})
	VMOVUPD(a[1], Mem{Base: out, Index: ss, Scale: 1})
	VMOVUPD(a[2], Mem{Base: out, Index: ss, Scale: 2})
	VMOVUPD(a[3], Mem{Base: out, Index: s3, Scale: 1})
	ADDQ(U32(v.Bytes()), in)
	ADDQ(U32(v.Bytes()), out)
	DECQ(k)
	JNZ(LabelRef(name + "_k"))
	ADDQ(NewParamAddr("inRow", 64), in)
	ADDQ(NewParamAddr("outRow", 72), out)
	DECQ(rowsLeft)
	JNZ(LabelRef(name + "_row"))
	ADDQ(NewParamAddr("inJ", 80), in)
	ADDQ(NewParamAddr("outJ", 88), out)
	ADDQ(U32(48), tw)
	DECQ(NewParamAddr("ls", 24))
	JNZ(LabelRef(name + "_j"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// fft64R4Narrow1 is the r = 1 radix-4 stage for complex128: each vector
// holds V consecutive j, value q of j gathered as a 128-bit piece from
// in[4j + q]; outputs contiguous; tw per vector: six vectors (Re w1, Im
// w1, …) of each value duplicated over its two lanes. compact
// (fft64R4Narrow1c…) takes three vectors (w1, w2, w3 of the V j as plain
// complex128) and spreads them as fft64Tail16 does: the table is 1.5
// times the data's size even so. The input may be segmented as
// FFT64Radix8Seg writes it: pad bytes after every per vectors of j.
func fft64R4Narrow1(v vmath.ISA, inverse, compact bool) {
	name := "fft64R4Narrow1" + v.Name + fftDir(inverse)
	vecs := 6 // twiddle vectors per V j
	if compact {
		name = "fft64R4Narrow1c" + v.Name + fftDir(inverse)
		vecs = 3
	}
	TEXT(name, NOSPLIT, "func(out, in *complex128, tw *float64, ls, per, pad int)")
	Pragma("noescape")
	Doc(name + " runs one radix-4 Stockham stage with r = 1 of a complex128 FFT, its input segmented (pad bytes after every per vectors of j); see avogen/fft64.go.")
	V := cvals64(v)
	out := Load(Param("out"), GP64())
	in := Load(Param("in"), GP64())
	tw := Load(Param("tw"), GP64())
	ls := Load(Param("ls"), GP64())
	lb, l3 := GP64(), GP64()
	MOVQ(ls, lb)
	SHLQ(U8(4), lb)
	LEAQ(Mem{Base: lb, Index: lb, Scale: 2}, l3)
	groups := GP64()
	MOVQ(ls, groups)
	SHRQ(U8(log2(V)), groups)
	JZ(LabelRef(name + "_done"))
	per, left := segmentedStart(name)
	ones := v.Vec()
	VMOVUPD(fftConst64(1), ones)
	Label(name + "_loop")
	a := make([]reg.VecVirtual, 4)
	for q := range a {
		a[q] = v.Vec()
		// j's four values are 64 bytes; value q of j + i at 64i + 16q.
		VMOVUPD(Mem{Base: in, Disp: 16 * q}, a[q].AsX())
		for i := 1; i < V; i++ {
			if V == 2 {
				VINSERTF128(U8(1), Mem{Base: in, Disp: 64 + 16*q}, a[q], a[q])
			} else {
				VINSERTF64X2(U8(i), Mem{Base: in, Disp: 64*i + 16*q}, a[q], a[q])
			}
		}
	}
	for q := 1; q < 4; q++ {
		wr, wi := twiddle64(v, tw, q-1, compact)
		a[q] = cmul64(v, a[q], wr, wi, inverse)
	}
	butterfly64(v, a, ones, inverse)
	VMOVUPD(a[0], Mem{Base: out})
	VMOVUPD(a[1], Mem{Base: out, Index: lb, Scale: 1})
	VMOVUPD(a[2], Mem{Base: out, Index: lb, Scale: 2})
	VMOVUPD(a[3], Mem{Base: out, Index: l3, Scale: 1})
	ADDQ(U32(4*v.Bytes()), in)
	ADDQ(U32(v.Bytes()), out)
	ADDQ(U32(vecs*v.Bytes()), tw)
	segmentedNext(name, in, per, left, groups)
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// fft64RealPass is fftRealPass for complex128 (half a float64; tw per
// vector of k: Re t and Im t, each float64 duplicated over a value's two
// lanes). The mirrored vector is reversed by VPERMPD (YMM: the two
// 128-bit values swapped by an immediate; ZMM: the four by an index).
func fft64RealPass(v vmath.ISA, inverse bool) {
	name := "fft64RealPass" + v.Name + fftDir(inverse)
	TEXT(name, NOSPLIT, "func(dst, src *complex128, tw *float64, h int, half float64)")
	Pragma("noescape")
	Doc(name + " turns a half-length complex128 FFT into real-FFT bins (Fwd) or back (Inv); see avogen/fft.go, fftRealPass.")
	dst := Load(Param("dst"), GP64())
	src := Load(Param("src"), GP64())
	tw := Load(Param("tw"), GP64())
	h := Load(Param("h"), GP64())
	cv := cvals64(v)
	lo, hi, dlo, dhi := GP64(), GP64(), GP64(), GP64()
	LEAQ(Mem{Base: src, Disp: 16}, lo)
	LEAQ(Mem{Base: dst, Disp: 16}, dlo)
	// hi = src + (h − V)·16 bytes: h·16 as h·8 twice.
	LEAQ(Mem{Base: src, Index: h, Scale: 8}, hi)
	LEAQ(Mem{Base: hi, Index: h, Scale: 8, Disp: -16 * cv}, hi)
	LEAQ(Mem{Base: dst, Index: h, Scale: 8}, dhi)
	LEAQ(Mem{Base: dhi, Index: h, Scale: 8, Disp: -16 * cv}, dhi)
	SHRQ(U8(1+log2(cv)), h)
	JZ(LabelRef(name + "_done"))
	ones, half, halfAlt := v.Vec(), v.Vec(), v.Vec()
	VMOVUPD(fftConst64(1), ones)
	VBROADCASTSD(Load(Param("half"), XMM()), half)
	VXORPD(fftSignOdd64(), half, halfAlt) // (half, −half, …)
	var rev reg.VecVirtual
	reverse := func(src Op, dst reg.VecVirtual) {
		if v.Lanes == 16 {
			VPERMPD(src, rev, dst)
		} else {
			VPERMPD(U8(0x4e), src, dst)
		}
	}
	if v.Lanes == 16 {
		rev = ZMM()
		VMOVDQU64(fftPermTable("fft_perm_rev128", []uint64{6, 7, 4, 5, 2, 3, 0, 1}), rev)
	}
	Label(name + "_loop")
	a, b := v.Vec(), v.Vec()
	VMOVUPD(Mem{Base: lo}, a)
	reverse(Mem{Base: hi}, b)
	sum := v.Vec()
	VMOVAPD(b, sum)
	VFMSUBADD231PD(ones, a, sum) // a + conj b
	VFMADDSUB231PD(ones, a, b)   // a − conj b
	p := cmul64(v, b, Mem{Base: tw}, Mem{Base: tw, Disp: v.Bytes()}, inverse)
	x2 := v.Vec()
	VMOVAPD(p, x2)
	VFMADD231PD(half, sum, p)
	VFMADDSUB231PD(halfAlt, sum, x2)
	VMOVUPD(p, Mem{Base: dlo})
	x2r := v.Vec()
	reverse(x2, x2r)
	VMOVUPD(x2r, Mem{Base: dhi})
	ADDQ(U32(v.Bytes()), lo)
	ADDQ(U32(v.Bytes()), dlo)
	SUBQ(U32(v.Bytes()), hi)
	SUBQ(U32(v.Bytes()), dhi)
	ADDQ(U32(2*v.Bytes()), tw)
	DECQ(h)
	JNZ(LabelRef(name + "_loop"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// fftSignOdd64 returns a table of eight uint64: 0 in even lanes, the sign
// bit in odd ones.
func fftSignOdd64() Mem {
	const name = "fft_sign_odd64"
	if m, ok := fftTables[name]; ok {
		return m
	}
	m := GLOBL(name, 0x8|0x10) // RODATA|NOPTR
	fftTables[name] = m
	for i := range 8 {
		DATA(8*i, U64(uint64(i%2)<<63))
	}
	return m
}

// fftSignEven64 returns a table of eight uint64: the sign bit in even
// lanes, 0 in odd ones.
func fftSignEven64() Mem {
	const name = "fft_sign_even64"
	if m, ok := fftTables[name]; ok {
		return m
	}
	m := GLOBL(name, 0x8|0x10) // RODATA|NOPTR
	fftTables[name] = m
	for i := range 8 {
		DATA(8*i, U64(uint64(1-i%2)<<63))
	}
	return m
}

// fft64Tail16 is fftTail16 for complex128: a ZMM holds 4 consecutive j,
// whose 64 values are four 4×4 tiles of 128-bit values transposed by two
// rounds of VSHUFF64X2; tw holds 30 vectors per 4 j (the layout of
// fftTail16 with 4 values per vector). m = n/16 must be a multiple of 4.
// compact (fft64Tail16c…) takes the same twiddles as 15 vectors of plain
// complex128 (Re, Im of each j) per 4 j instead, spread into Re and Im
// vectors by VMOVDDUP and VPERMILPD as they are read: the table of the
// last two stages is as big as the data, and once the two no longer sit in
// L1, reading it duplicated costs more than the shuffles.
func fft64Tail16(v vmath.ISA, inverse, compact bool) {
	name := "fft64Tail16" + v.Name + fftDir(inverse)
	vecs := 30 // twiddle vectors per 4 j
	if compact {
		name = "fft64Tail16c" + v.Name + fftDir(inverse)
		vecs = 15
	}
	TEXT(name, NOSPLIT, "func(out, in *complex128, tw *float64, m, per, pad int)")
	Pragma("noescape")
	Doc(name + " runs the last two radix-4 stages of a complex128 FFT fused (a radix-16 pass), its input segmented (pad bytes after every per groups of 64 values); see avogen/fft.go, fftTail16.")
	out := Load(Param("out"), GP64())
	in := Load(Param("in"), GP64())
	tw := Load(Param("tw"), GP64())
	m := Load(Param("m"), GP64())
	mb := GP64() // m values in bytes
	MOVQ(m, mb)
	SHLQ(U8(4), mb)
	groups := GP64()
	MOVQ(m, groups)
	SHRQ(U8(2), groups)
	JZ(LabelRef(name + "_done"))
	// per ≥ 1 counts the groups left in the input segment; the input
	// skips pad bytes at its end.
	per, left := segmentedStart(name)
	ones := v.Vec()
	VMOVUPD(fftConst64(1), ones)
	Label(name + "_loop")
	var x [16]reg.VecVirtual // x[4q + k]
	for qq := range 4 {
		r := make([]reg.VecVirtual, 4)
		for j := range r {
			r[j] = v.Vec()
			VMOVUPD(Mem{Base: in, Disp: 256*j + 64*qq}, r[j])
		}
		t := [4]reg.VecVirtual{v.Vec(), v.Vec(), v.Vec(), v.Vec()}
		VSHUFF64X2(U8(0x44), r[1], r[0], t[0]) // R0 e0 e1, R1 e0 e1
		VSHUFF64X2(U8(0xee), r[1], r[0], t[1]) // R0 e2 e3, R1 e2 e3
		VSHUFF64X2(U8(0x44), r[3], r[2], t[2])
		VSHUFF64X2(U8(0xee), r[3], r[2], t[3])
		for c := range 4 {
			x[4*qq+c] = v.Vec()
		}
		VSHUFF64X2(U8(0x88), t[2], t[0], x[4*qq+0]) // e0 of R0…R3
		VSHUFF64X2(U8(0xdd), t[2], t[0], x[4*qq+1])
		VSHUFF64X2(U8(0x88), t[3], t[1], x[4*qq+2])
		VSHUFF64X2(U8(0xdd), t[3], t[1], x[4*qq+3])
	}
	vb := v.Bytes()
	var y [4][4]reg.VecVirtual
	for k := range 4 {
		a := []reg.VecVirtual{x[k], x[4+k], x[8+k], x[12+k]}
		for q := 1; q < 4; q++ {
			wr, wi := twiddle64(v, tw, q-1, compact)
			a[q] = cmul64(v, a[q], wr, wi, inverse)
		}
		butterfly64(v, a, ones, inverse)
		for s := range 4 {
			y[s][k] = a[s]
		}
	}
	o := GP64()
	for s := range 4 {
		b := y[s][:]
		tailStageB64(v, b, s, out, o, mb, tw, ones, inverse, compact)
	}
	ADDQ(U32(16*vb), in)
	ADDQ(U32(vb), out)
	ADDQ(U32(vecs*vb), tw)
	segmentedNext(name, in, per, left, groups)
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// fft64R16Wide fuses two contiguous radix-4 stages of a complex128 FFT,
// sub-transform lengths ls (stage A) and 4·ls (stage B), into one radix-16
// pass: one read and one write of the data instead of two, which pays
// once the transform outgrows L1. With R = n/(16·ls) (a multiple of the
// values per vector), for j < ls and k < R, stage A's radix-4 over q of
// in[j·16R + (4q + q')·R + k] gives, for each q', its outputs s < 4,
// which are stage B's inputs q' of j + s·ls; stage B writes
// out[(j + s·ls + s'·4ls)·R + k]. All sixteen values stay in registers
// (ZMM only: there are 32). tw holds 30 float64 per j: Re and Im of stage
// A's w1, w2, w3 of j (broadcast into registers for the j), then for each
// s stage B's w1, w2, w3 of j + s·ls (embedded broadcasts).
func fft64R16Wide(v vmath.ISA, inverse bool) {
	name := "fft64R16Wide" + v.Name + fftDir(inverse)
	TEXT(name, NOSPLIT, "func(out, in *complex128, tw *float64, ls, r, os int)")
	Pragma("noescape")
	Doc(name + " runs two radix-4 Stockham stages of a complex128 FFT fused (a radix-16 pass), vectorised over k, its output segments os bytes apart; see avogen/fft64.go.")
	out := Load(Param("out"), GP64())
	in := Load(Param("in"), GP64())
	tw := Load(Param("tw"), GP64())
	kv := Load(Param("r"), GP64())
	rb, r4, r12, ob, o4, o12 := GP64(), GP64(), GP64(), GP64(), GP64(), GP64()
	MOVQ(kv, rb)
	SHLQ(U8(4), rb) // R values in bytes: the step between q'
	MOVQ(rb, r4)
	SHLQ(U8(2), r4)
	LEAQ(Mem{Base: r4, Index: r4, Scale: 2}, r12)
	Load(Param("os"), ob) // ls·R values in bytes (plus any padding): the step between s
	MOVQ(ob, o4)
	SHLQ(U8(2), o4)
	LEAQ(Mem{Base: o4, Index: o4, Scale: 2}, o12)
	SHRQ(U8(log2(cvals64(v))), kv)
	JZ(LabelRef(name + "_done"))
	CMPQ(NewParamAddr("ls", 24), Imm(0))
	JLE(LabelRef(name + "_done"))
	ones := v.Vec()
	VMOVUPD(fftConst64(1), ones)
	vb := v.Bytes()
	Label(name + "_j")
	var wa [6]reg.VecVirtual
	for i := range wa {
		wa[i] = v.Vec()
		VBROADCASTSD(Mem{Base: tw, Disp: 8 * i}, wa[i])
	}
	k := GP64()
	MOVQ(kv, k)
	Label(name + "_k")
	y := r16StageA64(v, in, rb, r4, r12, ones, inverse, func(m Mem, a reg.VecVirtual) { VMOVUPD(m, a) },
		func(a []reg.VecVirtual) {
			for q := 1; q < 4; q++ {
				a[q] = cmul64(v, a[q], wa[2*q-2], wa[2*q-1], inverse)
			}
		})
	r16StageB64(v, y, out, ob, o4, o12, tw, ones, inverse, false)
	ADDQ(U32(vb), in)
	ADDQ(U32(vb), out)
	DECQ(k)
	JNZ(LabelRef(name + "_k"))
	// The k loop moved in by R values and out by R, out's step per j; in
	// steps 16R per j: 15R more.
	ADDQ(r12, in)
	LEAQ(Mem{Base: in, Index: rb, Scale: 2}, in)
	ADDQ(rb, in)
	ADDQ(U32(30*8), tw)
	DECQ(NewParamAddr("ls", 24))
	JNZ(LabelRef(name + "_j"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// fft64R16First is fft64R16Wide's first pass (ls = 1, j = 0 only): stage
// A's twiddles are all 1 and stage B's of s = 0 too, so it multiplies by
// 9 twiddles where the wide pass multiplies by 24, and the inverse scales
// its inputs by s (the plan's 1/n). n = 1024 at AVX-512 runs it, a radix-4
// pass and the tail instead of the radix-4 first stage, the wide pass and
// the tail: the radix-4 first stage is bound by its stores, the passes
// after it by their arithmetic, and this moves the work of a pass into
// the first's idle arithmetic units. tw is fft64R16Wide's table of ls = 1
// (stage B's twiddles of s at float64 6 + 6s).
func fft64R16First(v vmath.ISA, inverse bool) {
	name := "fft64R16First" + v.Name + fftDir(inverse)
	TEXT(name, NOSPLIT, "func(out, in *complex128, tw *float64, r int, s float64)")
	Pragma("noescape")
	Doc(name + " runs the first two radix-4 Stockham stages of a complex128 FFT fused (a radix-16 pass of ls = 1), vectorised over k; see avogen/fft64.go.")
	out := Load(Param("out"), GP64())
	in := Load(Param("in"), GP64())
	tw := Load(Param("tw"), GP64())
	kv := Load(Param("r"), GP64())
	rb, r4, r12, o4, o12 := GP64(), GP64(), GP64(), GP64(), GP64()
	MOVQ(kv, rb)
	SHLQ(U8(4), rb) // R values in bytes: the step between q' and between s
	MOVQ(rb, r4)
	SHLQ(U8(2), r4)
	LEAQ(Mem{Base: r4, Index: r4, Scale: 2}, r12)
	MOVQ(r4, o4)
	MOVQ(r12, o12)
	SHRQ(U8(log2(cvals64(v))), kv)
	JZ(LabelRef(name + "_done"))
	ones := v.Vec()
	VMOVUPD(fftConst64(1), ones)
	var sv reg.VecVirtual
	if inverse {
		sv = v.Vec()
		VBROADCASTSD(NewParamAddr("s", 32), sv)
	}
	Label(name + "_k")
	load := func(m Mem, a reg.VecVirtual) { VMOVUPD(m, a) }
	if inverse {
		load = func(m Mem, a reg.VecVirtual) { VMULPD(m, sv, a) }
	}
	y := r16StageA64(v, in, rb, r4, r12, ones, inverse, load, nil)
	r16StageB64(v, y, out, rb, o4, o12, tw, ones, inverse, true)
	ADDQ(U32(v.Bytes()), in)
	ADDQ(U32(v.Bytes()), out)
	DECQ(kv)
	JNZ(LabelRef(name + "_k"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// r16StageA64 is stage A of the complex128 radix-16 passes for one k:
// for each q', the four values q of in at p = in + q'·R (R = rb bytes,
// rows r4 and r12 bytes apart) read by load, multiplied by stage A's
// twiddles by twiddle (nil when they are all 1), and a radix-4 butterfly;
// it returns y[s][q'], stage B's input q' of j + s·ls.
func r16StageA64(v vmath.ISA, in, rb, r4, r12 reg.Register, ones reg.VecVirtual, inverse bool,
	load func(m Mem, a reg.VecVirtual), twiddle func(a []reg.VecVirtual)) [4][4]reg.VecVirtual {
	var y [4][4]reg.VecVirtual
	p := GP64()
	for qq := range 4 {
		if qq == 0 {
			MOVQ(in, p)
		} else {
			ADDQ(rb, p)
		}
		a := make([]reg.VecVirtual, 4)
		for q, m := range []Mem{{Base: p}, {Base: p, Index: r4, Scale: 1}, {Base: p, Index: r4, Scale: 2}, {Base: p, Index: r12, Scale: 1}} {
			a[q] = v.Vec()
			load(m, a[q])
		}
		if twiddle != nil {
			twiddle(a)
		}
		butterfly64(v, a, ones, inverse)
		for s := range 4 {
			y[s][qq] = a[s]
		}
	}
	return y
}

// r16StageB64 is stage B of the complex128 radix-16 passes for one k: for
// each s, y[s] times stage B's twiddles of j + s·ls (tw at float64 6 + 6s;
// none for s = 0 when firstS0, the first pass, where they are 1), a radix-4
// butterfly, and its four outputs stored from out + s·step, o4 and o12
// bytes apart.
func r16StageB64(v vmath.ISA, y [4][4]reg.VecVirtual, out, step, o4, o12, tw reg.Register, ones reg.VecVirtual, inverse, firstS0 bool) {
	o := GP64()
	for s := range 4 {
		b := y[s][:]
		base := 48 + 48*s
		for q := 1; !(firstS0 && s == 0) && q < 4; q++ {
			b[q] = cmul64Bcst(v, b[q], Mem{Base: tw, Disp: base + 16*(q-1)}, Mem{Base: tw, Disp: base + 16*(q-1) + 8}, inverse)
		}
		butterfly64(v, b, ones, inverse)
		if s == 0 {
			MOVQ(out, o)
		} else {
			ADDQ(step, o)
		}
		VMOVUPD(b[0], Mem{Base: o})
		VMOVUPD(b[1], Mem{Base: o, Index: o4, Scale: 1})
		VMOVUPD(b[2], Mem{Base: o, Index: o4, Scale: 2})
		VMOVUPD(b[3], Mem{Base: o, Index: o12, Scale: 1})
	}
}

// cmul64Bcst is cmul64 with Re w and Im w single float64 in memory,
// broadcast by the instructions that read them (AVX-512).
func cmul64Bcst(v vmath.ISA, x reg.VecVirtual, wr, wi Mem, inverse bool) reg.VecVirtual {
	t := v.Vec()
	VPERMILPD(U8(0x55), x, t)
	VMULPD_BCST(wi, t, t)
	if inverse {
		VFMSUBADD231PD_BCST(wr, x, t)
	} else {
		VFMADDSUB231PD_BCST(wr, x, t)
	}
	return t
}

// fft64CopyRows is fftCopyRows for complex128 (width a multiple of the
// values per vector; strides in values).
func fft64CopyRows(v vmath.ISA) {
	name := "fft64CopyRows" + v.Name
	TEXT(name, NOSPLIT, "func(dst, src *complex128, rows, width, ds, ss int)")
	Pragma("noescape")
	Doc(name + " copies a block of rows×width complex128 values between strided matrices.")
	dst := Load(Param("dst"), GP64())
	src := Load(Param("src"), GP64())
	rows := Load(Param("rows"), GP64())
	width := Load(Param("width"), GP64())
	ds := Load(Param("ds"), GP64())
	ss := Load(Param("ss"), GP64())
	SHLQ(U8(4), ds)
	SHLQ(U8(4), ss)
	SHRQ(U8(log2(cvals64(v))), width)
	JZ(LabelRef(name + "_done"))
	TESTQ(rows, rows)
	JZ(LabelRef(name + "_done"))
	Label(name + "_row")
	i, j := GP64(), GP64()
	XORQ(i, i)
	MOVQ(width, j)
	Label(name + "_col")
	x := v.Vec()
	VMOVUPD(Mem{Base: src, Index: i, Scale: 1}, x)
	VMOVUPD(x, Mem{Base: dst, Index: i, Scale: 1})
	ADDQ(U32(v.Bytes()), i)
	DECQ(j)
	JNZ(LabelRef(name + "_col"))
	ADDQ(ds, dst)
	ADDQ(ss, src)
	DECQ(rows)
	JNZ(LabelRef(name + "_row"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// fft64TransposeTwiddle is fftTransposeTwiddle for complex128: tiles of
// V×V values (YMM 2×2 by VPERM2F128, ZMM 4×4 by two rounds of
// VSHUFF64X2), twiddle parts spread by VMOVDDUP (Re) and VPERMILPD $0xff
// (Im).
func fft64TransposeTwiddle(v vmath.ISA, inverse bool) {
	name := "fft64TransposeTwiddle" + v.Name + fftDir(inverse)
	TEXT(name, NOSPLIT, "func(dst, src, a, b *complex128, rows, cols, ds int)")
	Pragma("noescape")
	Doc(name + " transposes a rows×cols complex128 matrix and multiplies it by a twiddle matrix; see avogen/fft.go, fftTransposeTwiddle.")
	V := cvals64(v)
	dst := Load(Param("dst"), GP64())
	src := Load(Param("src"), GP64())
	tw := Load(Param("b"), GP64())
	cs, rs := GP64(), GP64()
	ds := Load(Param("ds"), GP64())
	SHLQ(U8(4), ds)
	Load(Param("cols"), cs)
	SHLQ(U8(4), cs)
	Load(Param("rows"), rs)
	SHLQ(U8(4), rs)
	for _, name := range []string{"rows", "cols"} {
		r := Load(Param(name), GP64())
		SHRQ(U8(log2(V)), r)
		Store(r, Param(name))
	}
	CMPQ(NewParamAddr("rows", 32), Imm(0))
	JLE(LabelRef(name + "_done"))
	CMPQ(NewParamAddr("cols", 40), Imm(0))
	JLE(LabelRef(name + "_done"))
	Label(name + "_c")
	sp, dp, tp, ap, k := GP64(), GP64(), GP64(), GP64(), GP64()
	MOVQ(src, sp)
	MOVQ(dst, dp)
	MOVQ(tw, tp)
	Load(Param("a"), ap)
	Load(Param("rows"), k)
	Label(name + "_k")
	rowsV := make([]reg.VecVirtual, V)
	p := GP64()
	MOVQ(sp, p)
	for i := range rowsV {
		rowsV[i] = v.Vec()
		VMOVUPD(Mem{Base: p}, rowsV[i])
		if i < V-1 {
			ADDQ(cs, p)
		}
	}
	colsV := make([]reg.VecVirtual, V)
	for i := range colsV {
		colsV[i] = v.Vec()
	}
	if V == 2 {
		VPERM2F128(U8(0x20), rowsV[1], rowsV[0], colsV[0]) // R0 e0, R1 e0
		VPERM2F128(U8(0x31), rowsV[1], rowsV[0], colsV[1]) // R0 e1, R1 e1
	} else {
		r := rowsV
		t := [4]reg.VecVirtual{v.Vec(), v.Vec(), v.Vec(), v.Vec()}
		VSHUFF64X2(U8(0x44), r[1], r[0], t[0])
		VSHUFF64X2(U8(0xee), r[1], r[0], t[1])
		VSHUFF64X2(U8(0x44), r[3], r[2], t[2])
		VSHUFF64X2(U8(0xee), r[3], r[2], t[3])
		VSHUFF64X2(U8(0x88), t[2], t[0], colsV[0])
		VSHUFF64X2(U8(0xdd), t[2], t[0], colsV[1])
		VSHUFF64X2(U8(0x88), t[3], t[1], colsV[2])
		VSHUFF64X2(U8(0xdd), t[3], t[1], colsV[3])
	}
	av, ar, ai := v.Vec(), v.Vec(), v.Vec()
	VMOVUPD(Mem{Base: ap}, av)
	VMOVDDUP(av, ar)
	VPERMILPD(U8(0xff), av, ai)
	MOVQ(dp, p)
	q := GP64()
	MOVQ(tp, q)
	for i, x := range colsV {
		y := cmul64(v, x, ar, ai, inverse)
		w, wr, wi := v.Vec(), v.Vec(), v.Vec()
		VMOVUPD(Mem{Base: q}, w)
		VMOVDDUP(w, wr)
		VPERMILPD(U8(0xff), w, wi)
		y = cmul64(v, y, wr, wi, inverse)
		VMOVUPD(y, Mem{Base: p})
		if i < V-1 {
			ADDQ(ds, p)
			ADDQ(rs, q)
		}
	}
	for range V {
		ADDQ(cs, sp)
	}
	ADDQ(U32(v.Bytes()), dp)
	ADDQ(U32(v.Bytes()), tp)
	ADDQ(U32(v.Bytes()), ap)
	DECQ(k)
	JNZ(LabelRef(name + "_k"))
	ADDQ(U32(v.Bytes()), src)
	for range V {
		ADDQ(ds, dst)
		ADDQ(rs, tw)
	}
	DECQ(NewParamAddr("cols", 40))
	JNZ(LabelRef(name + "_c"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// fft64R8Wide runs one radix-8 Stockham stage of a complex128 FFT,
// vectorised over k (AVX2, whose 16 registers hold the eight values and
// the butterflies' temporaries but not radix 16's): with R = n/(8·ls) a
// multiple of the values per vector, for j < ls and k < R,
// out[(j + s·ls)·R + k] = Σ_q ω_8^{∓qs}·ω_{8ls}^{∓qj}·in[j·8R + q·R + k].
// tw holds 56 float64 per j: for q = 1 … 7 a vector of Re ω_{8ls}^{qj}
// and one of Im, each value over every lane (memory operands: no
// register is left for them).
// out's eight streams s start os bytes apart: ls·R values, or a segment
// of n/8 values and its padding (FFT64Radix8Seg), so that streams a
// multiple of 4 KB apart do not share the L1 sets.
func fft64R8Wide(v vmath.ISA, inverse bool) { fft64R8WidePieces(v, inverse, false) }

// fft64R8WideC is fft64R8Wide with the compact table: per j, for q = 1
// … 7, Re and Im of ω_{8ls}^{qj} once (112 bytes a j against 448),
// spread over the lanes by VBROADCASTSD as read. It is for the stages
// of large ls and small R, where the duplicated table is read from L2
// beside data that do not fit L1 either (n = 2048's stage ls = 64, R =
// 4: a 28 KB table).
func fft64R8WideC(v vmath.ISA, inverse bool) { fft64R8WidePieces(v, inverse, true) }

func fft64R8WidePieces(v vmath.ISA, inverse, compact bool) {
	name := "fft64R8Wide" + v.Name + fftDir(inverse)
	if compact {
		name = "fft64R8WideC" + v.Name + fftDir(inverse)
	}
	TEXT(name, NOSPLIT, "func(out, in *complex128, tw *float64, ls, r, os int)")
	Pragma("noescape")
	Doc(name + " runs one radix-8 Stockham stage of a complex128 FFT, vectorised over k; see avogen/fft64.go.")
	out := Load(Param("out"), GP64())
	in := Load(Param("in"), GP64())
	tw := Load(Param("tw"), GP64())
	kv := Load(Param("r"), GP64())
	rb, r3, r5, r7 := GP64(), GP64(), GP64(), GP64()
	MOVQ(kv, rb)
	SHLQ(U8(4), rb) // R values in bytes: the step between q
	LEAQ(Mem{Base: rb, Index: rb, Scale: 2}, r3)
	LEAQ(Mem{Base: rb, Index: rb, Scale: 4}, r5)
	LEAQ(Mem{Base: r3, Index: rb, Scale: 4}, r7)
	ob, o3, o5, o7 := GP64(), GP64(), GP64(), GP64()
	Load(Param("os"), ob) // the step between s in bytes: ls·R values, or a padded segment's
	LEAQ(Mem{Base: ob, Index: ob, Scale: 2}, o3)
	LEAQ(Mem{Base: ob, Index: ob, Scale: 4}, o5)
	LEAQ(Mem{Base: o3, Index: ob, Scale: 4}, o7)
	SHRQ(U8(log2(cvals64(v))), kv)
	JZ(LabelRef(name + "_done"))
	CMPQ(NewParamAddr("ls", 24), Imm(0))
	JLE(LabelRef(name + "_done"))
	ones := v.Vec()
	VMOVUPD(fftConst64(1), ones)
	vb := v.Bytes()
	at := func(base reg.Register, q int, b1, b3, b5, b7 reg.GPVirtual) Mem {
		return row8(base, [4]reg.GPVirtual{b1, b3, b5, b7}, q)
	}
	Label(name + "_j")
	k := GP64()
	MOVQ(kv, k)
	Label(name + "_k")
	load := func(q int) reg.VecVirtual {
		a := v.Vec()
		VMOVUPD(at(in, q, rb, r3, r5, r7), a)
		if q == 0 {
			return a
		}
		if compact {
			wr, wi := v.Vec(), v.Vec()
			VBROADCASTSD(Mem{Base: tw, Disp: 16 * (q - 1)}, wr)
			VBROADCASTSD(Mem{Base: tw, Disp: 16*(q-1) + 8}, wi)
			return cmul64(v, a, wr, wi, inverse)
		}
		return cmul64(v, a, Mem{Base: tw, Disp: 2 * (q - 1) * vb}, Mem{Base: tw, Disp: (2*q - 1) * vb}, inverse)
	}
	radix8Out64(v, load, func(t int) Mem { return at(out, t, ob, o3, o5, o7) }, ones, inverse)
	ADDQ(U32(vb), in)
	ADDQ(U32(vb), out)
	DECQ(k)
	JNZ(LabelRef(name + "_k"))
	// The k loop moved in and out by R values, out's step per j; in
	// steps 8R per j: 7R more.
	ADDQ(r7, in)
	if compact {
		ADDQ(U32(14*8), tw)
	} else {
		ADDQ(U32(14*vb), tw)
	}
	DECQ(NewParamAddr("ls", 24))
	JNZ(LabelRef(name + "_j"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// fft64R8Narrow1 is the radix-8 stage with R = 1 (the last of a plan)
// for complex128 at AVX2: each vector holds two consecutive j, value q of
// j read as a 128-bit piece from in[8j + q]; out[j + s·ls] contiguous in
// j. It lets a plan end with radix 8 instead of radix 4, one pass fewer
// where log2 n is a multiple of 3 or the plan's other stages are radix 8
// (n = 512: 8, 8, 8 instead of 8, 4, 4, 4). The input may be segmented
// as FFT64Radix8Seg writes it: pad bytes after every per pairs of j. tw
// holds, per pair of j, for q = 1 … 7 a vector of Re w_q and one of Im w_q
// (each value over both lanes of its j), or with compact
// (fft64R8Narrow1c…) one vector of the pair's w_q as plain complex128,
// spread by VMOVDDUP and VPERMILPD as it is read.
func fft64R8Narrow1(v vmath.ISA, inverse, compact bool) {
	fft64R8Narrow1Pieces(v, inverse, compact, false)
}

// fft64R8Narrow1X is fft64R8Narrow1 (duplicated table) reading its input
// as whole vectors, values q and q + 1 of j and of j + 1 (two loads),
// paired across j by two VPERM2F128: one load a vector instead of two
// (VBROADCASTF128 and VINSERTF128's). FFT64Radix8Last of n = 512 (AVX2)
// alone, best of 300 batches: 219–227 → 214–216 ns; the transform
// (FFTWInterleaved c128, six interleaved rounds) 565–576 → 557–562 ns,
// RealPlan64 1024 733–744 → 724–735. At the tail (fft64Tail16Y, the
// inputs of k and k + 1 so, n = 1024) the same pairing gained nothing
// measurable (1303–1321 against 1304–1330 ns) and was left out.
// Its own kernel, emitted after the others (generateFFT64Tail), so that
// fft64R8Narrow1 (no longer called) and the kernels after it in
// fft_amd64.s keep their place.
//
// Also tried for this stage: the compact table (7 KB instead of 14 at n =
// 512) spread by two VMOVDDUP loads, the second 8 bytes on, instead of
// VMOVDDUP and VPERMILPD: it halved what the first pass's eviction of
// the table cost (pass 1 then pass 3 41 → 18 ns beyond the two alone)
// but the stage alone took 238 against 219 ns (VMOVDDUP from memory
// takes a shuffle on Zen 4), the transform 579–581 against 563 ns. And
// w3, w5, w6, w7 computed from w1, w2, w4 (four complex products a pair
// of j, the table 6 KB; the fft tests passed): pass 1 then pass 3 ran
// only 9 ns beyond the two alone, but pass 3 alone took 280 against 211
// ns and the transform 586–598 against 519–528 ns. Nor can the pass
// before write the pairs for plain loads: its stores split into 128-bit
// halves (VMOVUPD, VEXTRACTF128), even to the same places, took that
// pass from 176 to 210 ns at 512 (374 to 438 at 1024), more than the
// VPERM2F128 here cost.
func fft64R8Narrow1X(v vmath.ISA, inverse bool) {
	fft64R8Narrow1Pieces(v, inverse, false, true)
}

// fft64R8Narrow1Pieces is fft64R8Narrow1, or with whole fft64R8Narrow1X.
func fft64R8Narrow1Pieces(v vmath.ISA, inverse, compact, whole bool) {
	name := "fft64R8Narrow1" + v.Name + fftDir(inverse)
	vecs := 14 // twiddle vectors per pair of j
	switch {
	case compact:
		name = "fft64R8Narrow1c" + v.Name + fftDir(inverse)
		vecs = 7
	case whole:
		name = "fft64R8Narrow1x" + v.Name + fftDir(inverse)
	}
	TEXT(name, NOSPLIT, "func(out, in *complex128, tw *float64, ls, per, pad int)")
	Pragma("noescape")
	Doc(name + " runs the radix-8 Stockham stage with R = 1 of a complex128 FFT, its input segmented (pad bytes after every per pairs of j); see avogen/fft64.go.")
	out := Load(Param("out"), GP64())
	in := Load(Param("in"), GP64())
	tw := Load(Param("tw"), GP64())
	ls := Load(Param("ls"), GP64())
	lb, l3, l5, l7 := GP64(), GP64(), GP64(), GP64()
	MOVQ(ls, lb)
	SHLQ(U8(4), lb) // ls values in bytes: the step between s
	LEAQ(Mem{Base: lb, Index: lb, Scale: 2}, l3)
	LEAQ(Mem{Base: lb, Index: lb, Scale: 4}, l5)
	LEAQ(Mem{Base: l3, Index: lb, Scale: 4}, l7)
	groups := GP64()
	MOVQ(ls, groups)
	SHRQ(U8(1), groups)
	JZ(LabelRef(name + "_done"))
	per, left := segmentedStart(name)
	ones := v.Vec()
	VMOVUPD(fftConst64(1), ones)
	vb := v.Bytes()
	rs := [4]reg.GPVirtual{lb, l3, l5, l7}
	Label(name + "_loop")
	var next [8]reg.VecVirtual // whole: value q of the pair, q odd, made with q − 1's
	load := func(q int) reg.VecVirtual {
		a := v.Vec()
		if whole { // radix8Halves64 asks for q = 0, 4, 1, 5, …
			if q%2 == 0 {
				x, y := v.Vec(), v.Vec()
				VMOVUPD(Mem{Base: in, Disp: 16 * q}, x)     // values q, q + 1 of j
				VMOVUPD(Mem{Base: in, Disp: 128 + 16*q}, y) // and of j + 1
				VPERM2F128(U8(0x20), y, x, a)
				next[q+1] = v.Vec()
				VPERM2F128(U8(0x31), y, x, next[q+1])
			} else {
				a = next[q]
			}
			if q == 0 {
				return a
			}
			wr, wi := twiddle64(v, tw, q-1, false)
			return cmul64(v, a, wr, wi, inverse)
		}
		// j's eight values are 128 bytes; value q of j + 1 at 128 + 16q.
		// VBROADCASTF128 writes all of a (a load into a.AsX() would
		// leave a live across the loop for the register allocator, and
		// eight such need more than AVX2's sixteen registers).
		VBROADCASTF128(Mem{Base: in, Disp: 16 * q}, a)
		VINSERTF128(U8(1), Mem{Base: in, Disp: 128 + 16*q}, a, a)
		if q == 0 {
			return a
		}
		wr, wi := twiddle64(v, tw, q-1, compact)
		return cmul64(v, a, wr, wi, inverse)
	}
	radix8Out64(v, load, func(t int) Mem { return row8(out, rs, t) }, ones, inverse)
	ADDQ(U32(256), in)
	ADDQ(U32(vb), out)
	ADDQ(U32(vecs*vb), tw)
	segmentedNext(name, in, per, left, groups)
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// generateFFT64Tail writes asm/fft64tail_amd64.s: the AVX2 complex128
// tail, in a file of its own so that no kernel of fft_amd64.s moves (code
// shifted by a kernel inserted mid-file had made RealPlan64 n = 256 at
// AVX2 18% slower, avogen/fft.go).
func generateFFT64Tail() {
	for _, inverse := range []bool{false, true} {
		fft64Tail16Y(vmath.AVX2, inverse, false)
		fft64Tail16Y(vmath.AVX2, inverse, true)
	}
	fft64R8FirstF(vmath.AVX2)
	for _, inverse := range []bool{false, true} {
		fft64R8Narrow1X(vmath.AVX2, inverse)
	}
	for _, inverse := range []bool{false, true} {
		fft64R8WideC(vmath.AVX2, inverse)
	}
}

// fft64Tail16Y is fft64Tail16 at AVX2: a YMM holds 2 consecutive j, value
// p of j read as a 128-bit piece from in[16j + p] (as fft64R8Narrow1
// reads its eight). The sixteen values of a pair of j fill AVX2's
// sixteen registers, so stage A's outputs for s = 2, 3 wait in the frame
// while stage B runs s = 0, 1 from registers: eight stores and loads that
// stay in L1, against the sixteen of each and the loop of the r = 4
// stage that the fused pass saves. tw holds 30 vectors (or compact, 15)
// per 2 j, fft64Tail16's layout with 2 values per vector. m = n/16 must
// be even; the input may be segmented (pad bytes after every per pairs
// of j). Tried: values k and k + 1 read as one 32-byte load per j and
// split by VPERM2F128 (half the loads): no change (c128 256 285–286
// against 287–298 ns, 1024 1345–1363 against 1347–1362), so the loop is
// not bound by its loads; d02 + i·d13 by VADDSUBPD instead of an FMA by
// ones and a copy (moving work from the FMA to the add pipes): 288–289
// against 289–292 ns at 256, 1345–1353 against 1347–1365 at 1024; and
// the compact table at n = 1024: 1379–1399 against 1358–1392 ns.
func fft64Tail16Y(v vmath.ISA, inverse, compact bool) {
	name := "fft64Tail16" + v.Name + fftDir(inverse)
	vecs := 30 // twiddle vectors per 2 j
	if compact {
		name = "fft64Tail16c" + v.Name + fftDir(inverse)
		vecs = 15
	}
	TEXT(name, NOSPLIT, "func(out, in *complex128, tw *float64, m, per, pad int)")
	Pragma("noescape")
	Doc(name + " runs the last two radix-4 stages of a complex128 FFT fused (a radix-16 pass), its input segmented (pad bytes after every per groups of 32 values); see avogen/fft64.go, fft64Tail16Y.")
	vb := v.Bytes()
	// Aligned by hand (Go aligns SP to 8 bytes only): a spill that split
	// a cache line would not forward to its load.
	frame := AllocLocal(8*vb + vb)
	out := Load(Param("out"), GP64())
	in := Load(Param("in"), GP64())
	tw := Load(Param("tw"), GP64())
	m := Load(Param("m"), GP64())
	spill := GP64()
	LEAQ(frame.Offset(vb-1), spill)
	ANDQ(I32(-vb), spill)
	mb := GP64() // m values in bytes
	MOVQ(m, mb)
	SHLQ(U8(4), mb)
	groups := GP64()
	MOVQ(m, groups)
	SHRQ(U8(1), groups)
	JZ(LabelRef(name + "_done"))
	per, left := segmentedStart(name)
	ones := v.Vec()
	VMOVUPD(fftConst64(1), ones)
	Label(name + "_loop")
	tail16YGroup(v, in, out, tw, spill, mb, ones, inverse, compact)
	ADDQ(U32(512), in)
	ADDQ(U32(vb), out)
	ADDQ(U32(vecs*vb), tw)
	segmentedNext(name, in, per, left, groups)
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// tail16YGroup emits one group of fft64Tail16Y's loop (two j, 16 values
// of k each side): stage A's four radix-4 butterflies on inputs paired
// across j (half of their outputs waiting in spill), then stage B per s,
// writing mb bytes apart from out; fft64N1024Y's last pass runs it too.
func tail16YGroup(v vmath.ISA, in, out, tw, spill, mb reg.Register, ones reg.VecVirtual, inverse, compact bool) {
	vb := v.Bytes()
	var y [2][4]reg.VecVirtual
	for k := range 4 {
		a := make([]reg.VecVirtual, 4)
		for q := range a {
			a[q] = v.Vec()
			// VBROADCASTF128 writes all of a[q]: see fft64R8Narrow1.
			VBROADCASTF128(Mem{Base: in, Disp: 16 * (4*q + k)}, a[q])
			VINSERTF128(U8(1), Mem{Base: in, Disp: 256 + 16*(4*q+k)}, a[q], a[q])
			if q > 0 {
				wr, wi := twiddle64(v, tw, q-1, compact)
				a[q] = cmul64(v, a[q], wr, wi, inverse)
			}
		}
		butterfly64(v, a, ones, inverse)
		y[0][k], y[1][k] = a[0], a[1]
		VMOVUPD(a[2], Mem{Base: spill, Disp: k * vb})
		VMOVUPD(a[3], Mem{Base: spill, Disp: (4 + k) * vb})
	}
	o := GP64()
	for s := range 4 {
		var b []reg.VecVirtual
		if s < 2 {
			b = y[s][:]
		} else {
			b = make([]reg.VecVirtual, 4)
			for k := range b {
				b[k] = v.Vec()
				VMOVUPD(Mem{Base: spill, Disp: (4*(s-2) + k) * vb}, b[k])
			}
		}
		tailStageB64(v, b, s, out, o, mb, tw, ones, inverse, compact)
	}
}

// twiddle64 returns twiddle vector p of a narrow complex128 pass's group
// as its Re and Im, each over both lanes of a value: two vectors of the
// table at 2p and 2p + 1, or, compact, one vector of plain complex128 at
// p spread by VMOVDDUP and VPERMILPD.
func twiddle64(v vmath.ISA, tw reg.Register, p int, compact bool) (wr, wi Op) {
	vb := v.Bytes()
	if !compact {
		return Mem{Base: tw, Disp: 2 * p * vb}, Mem{Base: tw, Disp: (2*p + 1) * vb}
	}
	r, i := v.Vec(), v.Vec()
	VMOVDDUP(Mem{Base: tw, Disp: p * vb}, r)
	VPERMILPD(U8(0xff), Mem{Base: tw, Disp: p * vb}, i)
	return r, i
}

// segmentedStart loads a segmented pass's per (vectors of j between
// paddings) into per and the countdown left, leaving for name_done when
// per ≤ 0.
func segmentedStart(name string) (per, left reg.GPVirtual) {
	per, left = GP64(), GP64()
	Load(Param("per"), per)
	CMPQ(per, Imm(0))
	JLE(LabelRef(name + "_done"))
	MOVQ(per, left)
	return per, left
}

// segmentedNext ends an iteration of a segmented pass's loop: in skips
// the padding after every per iterations, and the loop (name_loop) runs
// groups times.
func segmentedNext(name string, in, per, left, groups reg.Register) {
	DECQ(left)
	JNZ(LabelRef(name + "_next"))
	ADDQ(NewParamAddr("pad", 40), in)
	MOVQ(per, left)
	Label(name + "_next")
	DECQ(groups)
	JNZ(LabelRef(name + "_loop"))
}

// tailStageB64 is stage B of the complex128 tails for s: b times the
// twiddles of j + s·m (twiddle64 3 + 3s … 5 + 3s), a radix-4 butterfly,
// and its outputs stored from out + s·m values (o walks there; mb is m
// values in bytes), 4m values apart.
func tailStageB64(v vmath.ISA, b []reg.VecVirtual, s int, out, o, mb, tw reg.Register, ones reg.VecVirtual, inverse, compact bool) {
	for k := 1; k < 4; k++ {
		wr, wi := twiddle64(v, tw, 3+3*s+k-1, compact)
		b[k] = cmul64(v, b[k], wr, wi, inverse)
	}
	butterfly64(v, b, ones, inverse)
	if s == 0 {
		MOVQ(out, o)
	} else {
		ADDQ(mb, o)
	}
	VMOVUPD(b[0], Mem{Base: o})
	VMOVUPD(b[1], Mem{Base: o, Index: mb, Scale: 4})
	VMOVUPD(b[2], Mem{Base: o, Index: mb, Scale: 8})
	t3 := GP64()
	LEAQ(Mem{Base: o, Index: mb, Scale: 8}, t3)
	VMOVUPD(b[3], Mem{Base: t3, Index: mb, Scale: 4})
}

// fft64R8FirstF is fft64R8First's forward without the scale, six of its
// twenty additions and subtractions per vector as FMAs by 1 (exact: the
// results are fft64R8First's bit for bit). The pass has no twiddles, and
// Zen 4 runs additions on two of its four vector pipes (FADD), products
// and FMAs on the other two; with the forward's loads unscaled, 20
// additions stood against 8 products. As FMAs the differences a − b of
// the first level and the sums b1 + b3 of the two butterflies leave 14
// and 14. The stage alone (AVX2, best of 300 batches): n = 256 61–63 →
// 55.5 ns, 512 118 → 105, 1024 242–246 → 225; the whole transform
// (FFTWInterleaved c128 AVX2, four interleaved rounds) 256 248.4–250.1 →
// 244.2–244.9 ns, 512 … 2048 and r64 unchanged (the passes after it wait
// on L1 and L2). At AVX-512 (ZMM, the same pipes twice over) the stage
// alone ran 108–113 → 92–100 ns at n = 512 but the transform no faster
// (489–503 against 486–503 ns), so that level keeps fft64R8First.
func fft64R8FirstF(v vmath.ISA) {
	name := "fft64R8FirstF" + v.Name + "Fwd"
	TEXT(name, NOSPLIT, "func(out, in *complex128, r, os int)")
	Pragma("noescape")
	Doc(name + " runs the radix-8 first stage of a forward complex128 FFT (unscaled), part of its additions as FMAs; see avogen/fft64.go, fft64R8FirstF.")
	out := Load(Param("out"), GP64())
	in := Load(Param("in"), GP64())
	r := Load(Param("r"), GP64())
	rb, r3, r5, r7 := GP64(), GP64(), GP64(), GP64()
	MOVQ(r, rb)
	SHLQ(U8(4), rb)
	LEAQ(Mem{Base: rb, Index: rb, Scale: 2}, r3)
	LEAQ(Mem{Base: rb, Index: rb, Scale: 4}, r5)
	LEAQ(Mem{Base: r3, Index: rb, Scale: 4}, r7)
	ob, o3, o5, o7 := GP64(), GP64(), GP64(), GP64()
	Load(Param("os"), ob)
	LEAQ(Mem{Base: ob, Index: ob, Scale: 2}, o3)
	LEAQ(Mem{Base: ob, Index: ob, Scale: 4}, o5)
	LEAQ(Mem{Base: o3, Index: ob, Scale: 4}, o7)
	SHRQ(U8(log2(cvals64(v))), r)
	JZ(LabelRef(name + "_done"))
	ones := v.Vec()
	VMOVUPD(fftConst64(1), ones)
	rs, os := [4]reg.GPVirtual{rb, r3, r5, r7}, [4]reg.GPVirtual{ob, o3, o5, o7}
	at := func(q int) Mem { return row8(in, rs, q) }
	to := func(q int) Mem { return row8(out, os, q) }
	Label(name + "_loop")
	radix8VectorF64(v, at, to, ones)
	ADDQ(U32(v.Bytes()), in)
	ADDQ(U32(v.Bytes()), out)
	DECQ(r)
	JNZ(LabelRef(name + "_loop"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// radix8Out64 emits the end of a complex128 radix-8 butterfly on the
// inputs load gives (radix8Halves64, then the two radix-4 butterflies),
// output t (natural order) to to(t).
func radix8Out64(v vmath.ISA, load func(q int) reg.VecVirtual, to func(t int) Mem, ones reg.VecVirtual, inverse bool) {
	u, w := radix8Halves64(v, load, inverse)
	ue, wo := u[:], w[:]
	butterfly64(v, ue, ones, inverse)
	butterfly64(v, wo, ones, inverse)
	for t := range 4 {
		VMOVUPD(ue[t], to(2*t))
		VMOVUPD(wo[t], to(2*t+1))
	}
}

// radix8Vector64 emits one vector of fft64R8First's loop: input q from
// at(q), times sv unless sv is nil (a power of two: exact), output t
// (natural order) to to(t).
func radix8Vector64(v vmath.ISA, at, to func(int) Mem, sv, ones reg.VecVirtual, inverse bool) {
	radix8Out64(v, func(q int) reg.VecVirtual {
		a := v.Vec()
		if sv != nil {
			VMULPD(at(q), sv, a) // s a power of two: exact
		} else {
			VMOVUPD(at(q), a)
		}
		return a
	}, to, ones, inverse)
}

// radix8VectorF64 emits one vector of fft64R8FirstF's loop (forward,
// unscaled, part of the additions as FMAs by 1): input q from at(q),
// output t to to(t).
func radix8VectorF64(v vmath.ISA, at, to func(int) Mem, ones reg.VecVirtual) {
	var u, w [4]reg.VecVirtual
	for j := range 4 {
		a, b := v.Vec(), v.Vec()
		VMOVUPD(at(j), a)
		VMOVUPD(at(j+4), b)
		u[j], w[j] = v.Vec(), v.Vec()
		VMOVAPD(a, w[j])
		VFNMADD231PD(ones, b, w[j]) // a − b
		VADDPD(b, a, u[j])
	}
	rt := 1 / math.Sqrt2
	for j := 1; j < 4; j++ { // w[j]·ω_8^j, as radix8Halves64
		t := v.Vec()
		VPERMILPD(U8(0x55), w[j], t) // (Im, Re)
		y := v.Vec()
		if j == 2 {
			VXORPD(fftSignOdd64(), t, y) // (b, −a)
		} else {
			c := fftConst64(rt)
			if j == 3 {
				c = fftConst64(-rt)
			}
			VMULPD(fftConst64(rt), t, t)
			VMOVAPD(t, y)
			VFMSUBADD231PD(c, w[j], y)
		}
		w[j] = y
	}
	bf := func(a []reg.VecVirtual) { // butterfly64, forward, b1 + b3 as an FMA
		s02, d02, s13, d13 := v.Vec(), v.Vec(), v.Vec(), v.Vec()
		VADDPD(a[2], a[0], s02)
		VSUBPD(a[2], a[0], d02)
		VMOVAPD(a[1], s13)
		VFMADD231PD(ones, a[3], s13)
		VSUBPD(a[3], a[1], d13)
		VADDPD(s13, s02, a[0])
		VSUBPD(s13, s02, a[2])
		ds := v.Vec()
		VPERMILPD(U8(0x55), d13, ds)
		VMOVAPD(ds, a[1])
		VMOVAPD(ds, a[3])
		VFMSUBADD231PD(ones, d02, a[1]) // d02 − i·d13
		VFMADDSUB231PD(ones, d02, a[3]) // d02 + i·d13
	}
	bf(u[:])
	bf(w[:])
	for t := range 4 {
		VMOVUPD(u[t], to(2*t))
		VMOVUPD(w[t], to(2*t+1))
	}
}
