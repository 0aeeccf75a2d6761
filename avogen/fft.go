// The fft generator writes asm/fft_amd64.s and asm/fft_amd64.go: the
// complex64 Stockham stages of package fft at the AVX2 and AVX-512 levels.
//
//	cd avogen && go run . -gen fft -out ../asm
//
// Data are interleaved complex64 (re, im float32 pairs), as the public API
// holds them, so a vector of V lanes carries V/2 complex values (4 in a
// YMM, 8 in a ZMM). A stage of radix p with sub-transform length ls and
// r = n/(ls·p) merges, for each j < ls and k < r,
//
//	a_q = ω_L^{q·j} · in[j·p·r + q·r + k]          (L = p·ls, q < p)
//	out[(j + s·ls)·r + k] = Σ_q ω_p^{q·s} · a_q     (s < p)
//
// (generic/fft_radix.go is the float64 twin). These shapes of stage cover
// every power of two from 32 up:
//
//   - fftR2First, fftR8First: the radix-2 or radix-8 first stage of an odd
//     log2 n (ls = 1, no twiddles), vectorised over k, inputs scaled by a
//     power of two (the inverse's 1/n);
//   - fftR4Wide (fftR4First for ls = 1): radix 4 with r a multiple of the
//     complex values per vector, vectorised over k with the three
//     twiddles of j broadcast (twiddle table: w1, w2, w3 of each j as six
//     float32), the k of a j in strided rows for a four-step FFT;
//   - fftR4Narrow: radix 4 with r < values per vector (r = 1, and r = 4
//     for ZMM): one vector holds the k of several consecutive j, its input
//     gathered by a transpose in registers, its twiddles from an expanded
//     table (per vector and q, Re w and Im w each duplicated over a
//     complex value's two lanes); fftR4Narrow1c (YMM) is r = 1 with the
//     table compact (w as plain complex64, spread by VMOVSLDUP and
//     VMOVSHDUP), half the bytes, for the long stages whose duplicated
//     table crowds L1;
//   - fftR8Mid (YMM): radix 8 with twiddles, wide (r a multiple of four)
//     or narrow (r = 1), so that AVX2 plans of n = 512 … 2048 take a pass
//     fewer than radix 4 does;
//   - fftTail16 (ZMM): the last two radix-4 stages fused;
//   - fftR16Wide (fftR16First for ls = 1), ZMM: two radix-4 stages fused
//     where both are of the wide kind (r of the second a multiple of the
//     values per vector), one pass over the data where they take two;
//   - fftRealPass, fftTransposeTwiddle, fftCopyRows, fftScale: the real
//     FFT's pass and the four-step FFT's helpers.
//
// fft64.go holds the complex128 twins.
//
// Products: x·w = fmaddsub(x, Re w, swap(x)·Im w), three instructions per
// vector, the swap by VPERMILPS; the inverse uses x·conj(w) =
// fmsubadd(…), so both directions share one twiddle table. The butterfly's
// ∓i·d is swap(d) added or subtracted lane by lane (fmaddsub/fmsubadd with a
// vector of ones, exact); the inverse exchanges outputs 1 and 3.
package main

import (
	"fmt"
	"math"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	"github.com/mmcloughlin/avo/reg"

	"github.com/ssmkern/ssmkern/avogen/vmath"
)

func generateFFT() {
	for _, v := range []vmath.ISA{vmath.AVX2, vmath.AVX512} {
		fftR2First(v)
		fftScale(v)
		for _, inverse := range []bool{false, true} {
			fftR4Wide(v, inverse, false)
			fftR4Wide(v, inverse, true)
			fftR4Narrow(v, inverse, 1)
			if v.Lanes == 16 {
				fftR4Narrow(v, inverse, 4)
				fftTail16(v, inverse, false)
				fftTail16(v, inverse, true)
				fftR16Wide(v, inverse, false)
				fftR16Wide(v, inverse, true)
			}
			fftRealPass(v, inverse)
			fftTransposeTwiddle(v, inverse)
			fftR8First(v, inverse)
			if v.Lanes == 8 {
				fftR8Mid(v, inverse, false, false)
				fftR8Mid(v, inverse, false, true)
				fftR8Mid(v, inverse, true, false)
			}
		}
		fftCopyRows(v)
	}
	generateFFT64()
	// Last, so that adding them moved no other kernel: the code after the
	// insertion point shifting by their length had made RealPlan64 n =
	// 256 at AVX2 18% slower (150 → 177 ns, FFTWInterleaved/r64, three
	// rounds), a loop's alignment rather than anything it computes.
	for _, inverse := range []bool{false, true} {
		fftR4Narrow1Compact(vmath.AVX2, inverse)
	}
}

// generateXFFT writes asm/xfft_amd64.s: complex64 AVX2 stages added after
// the others, in a file of their own whose name sorts after every other
// assembly file of package asm, so that adding them moved no existing
// kernel. Appended to fft_amd64.s they had moved fftsmall_amd64.s's
// kernels by their length, and the AVX2 n = 512 whole-transform kernel
// (see alignBody) at 0x340 rather than 0x800 modulo 4 KB took 350 ns
// against 279 (FFTWInterleaved/c64, three rounds).
func generateXFFT() {
	for _, inverse := range []bool{false, true} {
		fftR8Narrow1Compact(vmath.AVX2, inverse)
	}
	for _, inverse := range []bool{false, true} {
		fftR8WideSeg(vmath.AVX2, inverse, false)
		fftR8WideSeg(vmath.AVX2, inverse, true)
		fftR4WideSeg(vmath.AVX2, inverse)
	}
	for _, inverse := range []bool{false, true} {
		fftR8FirstScale(vmath.AVX2, inverse, false)
	}
	for _, inverse := range []bool{false, true} {
		fft1024AVX2(inverse)
	}
	for _, inverse := range []bool{false, true} {
		fft64N512AVX2(inverse)
	}
	for _, inverse := range []bool{false, true} {
		fft64N1024AVX2(inverse)
	}
	for _, inverse := range []bool{false, true} {
		fftYAVX2(2048, inverse)
	}
	for _, inverse := range []bool{false, true} {
		fft64N256AVX2(inverse)
	}
}

// fftDir is the suffix of a direction's kernels.
func fftDir(inverse bool) string {
	if inverse {
		return "Inv"
	}
	return "Fwd"
}

// cvals is the number of complex64 values per vector.
func cvals(v vmath.ISA) int { return v.Lanes / 2 }

// fftOnes returns a register holding 1.0 in every lane.
func fftOnes(v vmath.ISA) reg.VecVirtual {
	r := v.Vec()
	VMOVUPS(vmath.Const(1), r)
	return r
}

// cmulBy returns x·w (inverse: x·conj w), where wr and wi hold
// Re w and Im w over both lanes of each complex value (registers or
// memory).
func cmulBy(v vmath.ISA, x reg.VecVirtual, wr, wi Op, inverse bool) reg.VecVirtual {
	t := v.Vec()
	VPERMILPS(U8(0xb1), x, t) // (im, re)
	VMULPS(wi, t, t)
	if inverse {
		VFMSUBADD231PS(wr, x, t) // even lanes re·wr + im·wi, odd im·wr − re·wi
	} else {
		VFMADDSUB231PS(wr, x, t) // even lanes re·wr − im·wi, odd im·wr + re·wi
	}
	return t
}

// butterfly4 computes the radix-4 butterfly of a0…a3 in place:
// a0 = s02 + s13, a1 = d02 ∓ i·d13, a2 = s02 − s13, a3 = d02 ± i·d13
// (upper signs forward), with ones a vector of 1.0.
func butterfly4(v vmath.ISA, a []reg.VecVirtual, ones reg.VecVirtual, inverse bool) {
	s02, d02, s13, d13 := v.Vec(), v.Vec(), v.Vec(), v.Vec()
	VADDPS(a[2], a[0], s02)
	VSUBPS(a[2], a[0], d02)
	VADDPS(a[3], a[1], s13)
	VSUBPS(a[3], a[1], d13)
	if butterflyFMA {
		// s02 ± s13 on the multiply-add pipes: exactly the sum.
		VMOVAPS(s02, a[0])
		VFMADD231PS(ones, s13, a[0])
		VMOVAPS(s02, a[2])
		VFNMADD231PS(ones, s13, a[2])
	} else {
		VADDPS(s13, s02, a[0])
		VSUBPS(s13, s02, a[2])
	}
	ds := v.Vec()
	VPERMILPS(U8(0xb1), d13, ds) // (Im d, Re d)
	VMOVAPS(ds, a[1])
	VMOVAPS(ds, a[3])
	// −i·d = (Im d, −Re d): d02 − i·d is (re + Im d, im − Re d), fmsubadd.
	VFMSUBADD231PS(ones, d02, a[1])
	VFMADDSUB231PS(ones, d02, a[3])
	if inverse {
		a[1], a[3] = a[3], a[1]
	}
}

// fftR2First emits the radix-2 stage with ls = 1: out[k] = s·(in[k] +
// in[k+r]), out[k+r] = s·(in[k] − in[k+r]), for k < r (r a multiple of
// the complex values per vector), s a power of two (1, or the inverse's
// 1/n: scaling by it is exact, so s·in[k] ± s·in[k+r] rounds once, as the
// unscaled sum does). It is the same in both directions.
func fftR2First(v vmath.ISA) {
	name := "fftR2First" + v.Name
	TEXT(name, NOSPLIT, "func(out, in *complex64, r int, s float32)")
	Pragma("noescape")
	Doc(name + " runs the radix-2 first stage of a complex64 FFT; see avogen/fft.go.")
	out := Load(Param("out"), GP64())
	in := Load(Param("in"), GP64())
	r := Load(Param("r"), GP64())
	rb := GP64()
	MOVQ(r, rb)
	SHLQ(U8(3), rb)
	sv := v.Vec()
	VBROADCASTSS(Load(Param("s"), XMM()), sv)
	SHRQ(U8(log2(cvals(v))), r)
	JZ(LabelRef(name + "_done"))
	Label(name + "_loop")
	x0, x1, y := v.Vec(), v.Vec(), v.Vec()
	VMULPS(Mem{Base: in}, sv, x0)
	VMOVUPS(Mem{Base: in, Index: rb, Scale: 1}, x1)
	VMOVAPS(x0, y)
	VFMADD231PS(sv, x1, y)   // s·x0 + s·x1
	VFNMADD231PS(sv, x1, x0) // s·x0 − s·x1
	VMOVUPS(y, Mem{Base: out})
	VMOVUPS(x0, Mem{Base: out, Index: rb, Scale: 1})
	ADDQ(U32(v.Bytes()), in)
	ADDQ(U32(v.Bytes()), out)
	DECQ(r)
	JNZ(LabelRef(name + "_loop"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// fftScale emits x[i] *= s for the n complex64 values at x (n a multiple
// of the complex values per vector): the 1/n of the inverse.
func fftScale(v vmath.ISA) {
	name := "fftScale" + v.Name
	TEXT(name, NOSPLIT, "func(x *complex64, n int, s float32)")
	Pragma("noescape")
	Doc(name + " multiplies n complex64 values by a real scale.")
	x := Load(Param("x"), GP64())
	n := Load(Param("n"), GP64())
	sv := v.Vec()
	VBROADCASTSS(Load(Param("s"), XMM()), sv)
	SHRQ(U8(log2(cvals(v))), n)
	JZ(LabelRef(name + "_done"))
	Label(name + "_loop")
	y := v.Vec()
	VMULPS(Mem{Base: x}, sv, y)
	VMOVUPS(y, Mem{Base: x})
	ADDQ(U32(v.Bytes()), x)
	DECQ(n)
	JNZ(LabelRef(name + "_loop"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// fftR4Wide emits a radix-4 stage vectorised over k, with the k of each j
// laid out as rows of w values (w a multiple of the values per vector):
// for j < ls, i < rows, c < w, with k = i·w + c,
//
//	a_q = w_q(j) · in[j·JI + q·QI + i·RI + c]
//	out[j·JO + s·SO + i·RO + c] = Σ_q (∓i)^{qs} a_q
//
// A contiguous stage has rows = 1, w = r, QI = r, JI = 4r, SO = ls·r,
// JO = r; the strided forms read a four-step FFT's column block straight
// from its matrix (first stage) or write it straight into the result
// (last stage). The kernel takes byte strides qs = QI·8 and ss = SO·8,
// and the byte steps its pointers take after a row (inRow, outRow) and
// after a j (inJ, outJ), beyond the w values they move by themselves.
// tw holds, per j, (Re w1, Im w1, Re w2, Im w2, Re w3, Im w3), broadcast;
// first emits the ls = 1 stage, whose twiddles are all 1 (tw unused),
// with its inputs scaled by s (a power of two: 1, or the inverse's 1/n).
func fftR4Wide(v vmath.ISA, inverse, first bool) {
	name := "fftR4Wide" + v.Name + fftDir(inverse)
	if first {
		name = "fftR4First" + v.Name + fftDir(inverse)
	}
	sig := "func(out, in *complex64, tw *float32, ls, rows, w, qs, ss, inRow, outRow, inJ, outJ int)"
	if first {
		sig = "func(out, in *complex64, tw *float32, ls, rows, w, qs, ss, inRow, outRow, inJ, outJ int, s float32)"
	}
	TEXT(name, NOSPLIT, sig)
	Pragma("noescape")
	Doc(name + " runs one radix-4 Stockham stage of a complex64 FFT, vectorised over k, rows of k strided; see avogen/fft.go.")
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
	SHRQ(U8(log2(cvals(v))), wv) // vectors per row
	JZ(LabelRef(name + "_done"))
	ones := fftOnes(v)
	var sv reg.VecVirtual
	if first {
		sv = v.Vec()
		VBROADCASTSS(Load(Param("s"), XMM()), sv)
	}
	Label(name + "_j")
	var w [6]reg.VecVirtual
	if !first {
		for i := range w {
			w[i] = v.Vec()
			VBROADCASTSS(Mem{Base: tw, Disp: 4 * i}, w[i])
		}
	}
	rowsLeft := GP64()
	Load(Param("rows"), rowsLeft)
	Label(name + "_row")
	k := GP64()
	MOVQ(wv, k)
	Label(name + "_k")
	fftR4WideVector(v, in, out, qs, q3, ss, s3, w[:], sv, ones, inverse)
	DECQ(k)
	JNZ(LabelRef(name + "_k"))
	ADDQ(NewParamAddr("inRow", 64), in)
	ADDQ(NewParamAddr("outRow", 72), out)
	DECQ(rowsLeft)
	JNZ(LabelRef(name + "_row"))
	ADDQ(NewParamAddr("inJ", 80), in)
	ADDQ(NewParamAddr("outJ", 88), out)
	ADDQ(U32(24), tw)
	DECQ(NewParamAddr("ls", 24))
	JNZ(LabelRef(name + "_j"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// fftR4Narrow emits a radix-4 stage with r < values per vector: each
// vector holds k < r of values/r consecutive j. Its inputs in[j·4r + q·r
// + k] are gathered by a transpose in registers; its outputs are
// contiguous. tw holds, per vector of outputs, six vectors (Re w1, Im w1,
// Re w2, Im w2, Re w3, Im w3, each value over both lanes of a complex).
// groups = ls·r / values per vector.
func fftR4Narrow(v vmath.ISA, inverse bool, r int) {
	fftR4NarrowTable(v, inverse, r, false)
}

// fftR4Narrow1Compact emits fftR4Narrow's r = 1 stage with its table
// compact: per vector of outputs three vectors, w1, w2, w3 of its j as
// plain complex64, each spread over Re and Im by VMOVSLDUP and VMOVSHDUP.
func fftR4Narrow1Compact(v vmath.ISA, inverse bool) {
	fftR4NarrowTable(v, inverse, 1, true)
}

// fftR4NarrowTable is fftR4Narrow, with the compact table when compact.
func fftR4NarrowTable(v vmath.ISA, inverse bool, r int, compact bool) {
	name := fmt.Sprintf("fftR4Narrow%d%s%s", r, v.Name, fftDir(inverse))
	vecs := 6 // table vectors per vector of outputs
	if compact {
		name = fmt.Sprintf("fftR4Narrow%dc%s%s", r, v.Name, fftDir(inverse))
		vecs = 3
	}
	TEXT(name, NOSPLIT, "func(out, in *complex64, tw *float32, ls int)")
	Pragma("noescape")
	Doc(name + fmt.Sprintf(" runs one radix-4 Stockham stage with r = %d of a complex64 FFT; see avogen/fft.go.", r))
	out := Load(Param("out"), GP64())
	in := Load(Param("in"), GP64())
	tw := Load(Param("tw"), GP64())
	ls := Load(Param("ls"), GP64())
	lb, l3 := GP64(), GP64()
	MOVQ(ls, lb)
	SHLQ(U8(3+log2(r)), lb) // ls·r values in bytes
	LEAQ(Mem{Base: lb, Index: lb, Scale: 2}, l3)
	groups := GP64()
	MOVQ(ls, groups)
	SHRQ(U8(log2(cvals(v)/r)), groups)
	JZ(LabelRef(name + "_done"))
	ones := fftOnes(v)
	var idxLo, idxHi reg.VecVirtual
	if v.Lanes == 16 && r == 1 {
		idxLo, idxHi = ZMM(), ZMM()
		VMOVDQU64(fftPermTable("fft_perm_q01", []uint64{0, 4, 8, 12, 1, 5, 9, 13}), idxLo)
		VMOVDQU64(fftPermTable("fft_perm_q23", []uint64{2, 6, 10, 14, 3, 7, 11, 15}), idxHi)
	}
	Label(name + "_loop")
	a := make([]reg.VecVirtual, 4)
	for q := range a {
		a[q] = v.Vec()
	}
	switch {
	case v.Lanes == 8 && r == 1:
		// 16 values: j0 q0…q3 at byte 0, j1 at 32, j2 at 64, j3 at 96.
		transposeC64Quad(func(j, q int) Mem { return Mem{Base: in, Disp: 32*j + 8*q} }, loadLowX, a)
	case r == 1:
		// 32 values: j0 … j7, four q each; two j per ZMM.
		p01, p23, s01, s23 := ZMM(), ZMM(), ZMM(), ZMM()
		x, y := ZMM(), ZMM()
		VMOVUPS(Mem{Base: in}, x)
		VMOVUPS(Mem{Base: in, Disp: 64}, y)
		VMOVAPD(idxLo, p01)
		VPERMI2PD(y, x, p01) // j0…j3 q0 | j0…j3 q1
		VMOVAPD(idxHi, p23)
		VPERMI2PD(y, x, p23) // j0…j3 q2 | j0…j3 q3
		x2, y2 := ZMM(), ZMM()
		VMOVUPS(Mem{Base: in, Disp: 128}, x2)
		VMOVUPS(Mem{Base: in, Disp: 192}, y2)
		VMOVAPD(idxLo, s01)
		VPERMI2PD(y2, x2, s01) // j4…j7 q0 | q1
		VMOVAPD(idxHi, s23)
		VPERMI2PD(y2, x2, s23)
		VSHUFF64X2(U8(0x44), s01, p01, a[0])
		VSHUFF64X2(U8(0xee), s01, p01, a[1])
		VSHUFF64X2(U8(0x44), s23, p23, a[2])
		VSHUFF64X2(U8(0xee), s23, p23, a[3])
	default: // ZMM, r = 4: two j, 16 values each (128 bytes)
		for q := range a {
			VMOVUPS(Mem{Base: in, Disp: 32 * q}, a[q].AsY())
			VINSERTF64X4(U8(1), Mem{Base: in, Disp: 128 + 32*q}, a[q], a[q])
		}
	}
	for q := 1; q < 4; q++ {
		var wr, wi Op = Mem{Base: tw, Disp: (2*q - 2) * v.Bytes()}, Mem{Base: tw, Disp: (2*q - 1) * v.Bytes()}
		if compact {
			w := Mem{Base: tw, Disp: (q - 1) * v.Bytes()}
			re, im := v.Vec(), v.Vec()
			VMOVSLDUP(w, re)
			VMOVSHDUP(w, im)
			wr, wi = re, im
		}
		a[q] = cmulBy(v, a[q], wr, wi, inverse)
	}
	butterfly4(v, a, ones, inverse)
	VMOVUPS(a[0], Mem{Base: out})
	VMOVUPS(a[1], Mem{Base: out, Index: lb, Scale: 1})
	VMOVUPS(a[2], Mem{Base: out, Index: lb, Scale: 2})
	VMOVUPS(a[3], Mem{Base: out, Index: l3, Scale: 1})
	ADDQ(U32(4*v.Bytes()), in)
	ADDQ(U32(v.Bytes()), out)
	ADDQ(U32(vecs*v.Bytes()), tw)
	DECQ(groups)
	JNZ(LabelRef(name + "_loop"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// fftTables caches the index tables already emitted.
var fftTables = map[string]Mem{}

// fftPermTable returns a read-only table of eight uint64 (a VPERMI2PD
// index vector).
func fftPermTable(name string, idx []uint64) Mem {
	if m, ok := fftTables[name]; ok {
		return m
	}
	m := GLOBL(name, 0x8|0x10) // RODATA|NOPTR
	fftTables[name] = m
	for i, x := range idx {
		DATA(8*i, U64(x))
	}
	return m
}

// fftRealPass emits the pass between a real FFT of length n = 2h and its
// half-length complex FFT Z (z[j] = x[2j] + i·x[2j+1]). For k = 1 … h/2
// and with B = conj src[h−k]:
//
//	dst[k]   = half·(src[k] + B) + t_k·(src[k] − B)
//	dst[h−k] = conj(half·(src[k] + B) − t_k·(src[k] − B))
//
// half is 1/2, or 1/(2h) for the inverse with the 1/h of the inverse
// complex FFT folded in (then the t_k are scaled by 1/h too).
// With t_k = −i·ω_n^k/2 this turns Z into the bins X (forward); with the
// conjugate t_k (inverse) it turns the bins X into Z, whose inverse FFT
// of length h is the signal. Bins 0 and h are the caller's. tw holds, per
// vector of k, Re t and Im t each duplicated over a complex value's two
// lanes; h/2 must be a multiple of the values per vector. The mirrored
// vector src[h−k−V+1 … h−k] is read and written in reversed order by
// VPERMPD; when the two halves meet they write the same bins twice.
func fftRealPass(v vmath.ISA, inverse bool) {
	name := "fftRealPass" + v.Name + fftDir(inverse)
	TEXT(name, NOSPLIT, "func(dst, src *complex64, tw *float32, h int, half float32)")
	Pragma("noescape")
	Doc(name + " turns a half-length complex FFT into real-FFT bins (Fwd) or back (Inv); see avogen/fft.go.")
	dst := Load(Param("dst"), GP64())
	src := Load(Param("src"), GP64())
	tw := Load(Param("tw"), GP64())
	h := Load(Param("h"), GP64())
	cv := cvals(v)
	// lo walks k = 1, 1+V, …; hi walks h−k−V+1 downwards.
	lo, hi, dlo, dhi := GP64(), GP64(), GP64(), GP64()
	LEAQ(Mem{Base: src, Disp: 8}, lo)
	LEAQ(Mem{Base: dst, Disp: 8}, dlo)
	LEAQ(Mem{Base: src, Index: h, Scale: 8, Disp: -8 * cv}, hi)
	LEAQ(Mem{Base: dst, Index: h, Scale: 8, Disp: -8 * cv}, dhi)
	SHRQ(U8(1+log2(cv)), h)
	JZ(LabelRef(name + "_done"))
	ones, half, halfAlt := fftOnes(v), v.Vec(), v.Vec()
	VBROADCASTSS(Load(Param("half"), XMM()), half)
	VXORPS(fftAltTable("fft_sign_odd", 0, float32(math.Copysign(0, -1))), half, halfAlt) // (half, −half, …)
	var rev reg.VecVirtual
	reverse := func(src Op, dst reg.VecVirtual) {
		if v.Lanes == 16 {
			VPERMPD(src, rev, dst)
		} else {
			VPERMPD(U8(0x1b), src, dst)
		}
	}
	if v.Lanes == 16 {
		rev = ZMM()
		VMOVDQU64(fftPermTable("fft_perm_rev", []uint64{7, 6, 5, 4, 3, 2, 1, 0}), rev)
	}
	Label(name + "_loop")
	a, b := v.Vec(), v.Vec()
	VMOVUPS(Mem{Base: lo}, a)
	reverse(Mem{Base: hi}, b) // b[i] = src[h−k−i]
	sum, diff := v.Vec(), v.Vec()
	// a + conj b: (re + re', im − im'), fmsubadd; a − conj b, fmaddsub.
	VMOVAPS(b, sum)
	VFMSUBADD231PS(ones, a, sum)
	VFMADDSUB231PS(ones, a, b)
	VMOVAPS(b, diff)
	p := cmulBy(v, diff, Mem{Base: tw}, Mem{Base: tw, Disp: v.Bytes()}, inverse)
	x2 := v.Vec()
	VMOVAPS(p, x2)
	VFMADD231PS(half, sum, p)        // sum/2 + t·diff
	VFMADDSUB231PS(halfAlt, sum, x2) // conj(sum/2 − t·diff): (re/2 − p, −im/2 + p)
	VMOVUPS(p, Mem{Base: dlo})
	x2r := v.Vec()
	reverse(x2, x2r)
	VMOVUPS(x2r, Mem{Base: dhi})
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

// fftAltTable returns a read-only table of sixteen float32 alternating
// even, odd (one ZMM; a YMM reads the first half).
func fftAltTable(name string, even, odd float32) Mem {
	if m, ok := fftTables[name]; ok {
		return m
	}
	m := GLOBL(name, 0x8|0x10) // RODATA|NOPTR
	fftTables[name] = m
	for i := range 16 {
		x := even
		if i%2 == 1 {
			x = odd
		}
		DATA(4*i, U32(math.Float32bits(x)))
	}
	return m
}

// fftCopyRows emits dst[i·ds + j] = src[i·ss + j] for i < rows, j < width
// (width a multiple of the values per vector; strides in complex64
// values): the gather and scatter of a four-step FFT's column blocks.
func fftCopyRows(v vmath.ISA) {
	name := "fftCopyRows" + v.Name
	TEXT(name, NOSPLIT, "func(dst, src *complex64, rows, width, ds, ss int)")
	Pragma("noescape")
	Doc(name + " copies a block of rows×width complex64 values between strided matrices.")
	dst := Load(Param("dst"), GP64())
	src := Load(Param("src"), GP64())
	rows := Load(Param("rows"), GP64())
	width := Load(Param("width"), GP64())
	ds := Load(Param("ds"), GP64())
	ss := Load(Param("ss"), GP64())
	SHLQ(U8(3), ds)
	SHLQ(U8(3), ss)
	SHRQ(U8(log2(cvals(v))), width)
	JZ(LabelRef(name + "_done"))
	TESTQ(rows, rows)
	JZ(LabelRef(name + "_done"))
	Label(name + "_row")
	i := GP64()
	XORQ(i, i)
	j := GP64()
	MOVQ(width, j)
	Label(name + "_col")
	x := v.Vec()
	VMOVUPS(Mem{Base: src, Index: i, Scale: 1}, x)
	VMOVUPS(x, Mem{Base: dst, Index: i, Scale: 1})
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

// fftTransposeTwiddle emits dst[c·ds + k] = src[k·cols + c]·a[k]·b[c·rows
// + k] (inverse: the conjugate twiddles) for k < rows, c < cols, both
// multiples of the values per vector: the transpose and twiddle between
// the two passes of a four-step FFT, whose twiddle ω_n^{(c0+c)·k} is
// ω_n^{c0·k} (a, one row per column block) times ω_n^{c·k} (b, shared by
// the blocks), so the tables hold n/cols + rows·cols values, not n. The
// tables are interleaved complex64; Re and Im are spread over both lanes
// by VMOVSLDUP and VMOVSHDUP. Each V×V tile of values is transposed in
// registers (AVX2: VUNPCK*PD and VPERM2F128; AVX-512: VUNPCK*PD and two
// rounds of VSHUFF64X2).
func fftTransposeTwiddle(v vmath.ISA, inverse bool) {
	name := "fftTransposeTwiddle" + v.Name + fftDir(inverse)
	TEXT(name, NOSPLIT, "func(dst, src, a, b *complex64, rows, cols, ds int)")
	Pragma("noescape")
	Doc(name + " transposes a rows×cols complex64 matrix and multiplies it by a twiddle matrix; see avogen/fft.go.")
	V := cvals(v)
	dst := Load(Param("dst"), GP64())
	src := Load(Param("src"), GP64())
	tw := Load(Param("b"), GP64())
	// Row strides in bytes: cs of src, ds of dst, rs of b.
	cs, rs := GP64(), GP64()
	ds := Load(Param("ds"), GP64())
	SHLQ(U8(3), ds)
	Load(Param("cols"), cs)
	SHLQ(U8(3), cs)
	Load(Param("rows"), rs)
	SHLQ(U8(3), rs)
	// Tile counts, kept in the argument frame.
	for _, name := range []string{"rows", "cols"} {
		r := Load(Param(name), GP64())
		SHRQ(U8(log2(V)), r)
		Store(r, Param(name))
	}
	CMPQ(NewParamAddr("rows", 32), Imm(0))
	JLE(LabelRef(name + "_done"))
	CMPQ(NewParamAddr("cols", 40), Imm(0))
	JLE(LabelRef(name + "_done"))
	// For each tile column c (a band of V dst rows), each tile row k.
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
		VMOVUPS(Mem{Base: p}, rowsV[i])
		if i < V-1 {
			ADDQ(cs, p)
		}
	}
	colsV := transposeTile(v, rowsV)
	av, ar, ai := v.Vec(), v.Vec(), v.Vec()
	VMOVUPS(Mem{Base: ap}, av)
	VMOVSLDUP(av, ar)
	VMOVSHDUP(av, ai)
	MOVQ(dp, p)
	q := GP64()
	MOVQ(tp, q)
	for i, x := range colsV {
		y := cmulBy(v, x, ar, ai, inverse)
		w, wr, wi := v.Vec(), v.Vec(), v.Vec()
		VMOVUPS(Mem{Base: q}, w)
		VMOVSLDUP(w, wr)
		VMOVSHDUP(w, wi)
		y = cmulBy(v, y, wr, wi, inverse)
		VMOVUPS(y, Mem{Base: p})
		if i < V-1 {
			ADDQ(ds, p)
			ADDQ(rs, q)
		}
	}
	// Next tile row: V src rows down, V values along the dst rows.
	for range V {
		ADDQ(cs, sp)
	}
	ADDQ(U32(v.Bytes()), dp)
	ADDQ(U32(v.Bytes()), tp)
	ADDQ(U32(v.Bytes()), ap)
	DECQ(k)
	JNZ(LabelRef(name + "_k"))
	// Next tile column: V values along src rows, V dst rows down.
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

// transposeTile returns the columns of the V×V tile of complex64 values
// whose rows are r (one value = one 64-bit lane).
func transposeTile(v vmath.ISA, r []reg.VecVirtual) []reg.VecVirtual {
	V := len(r)
	a := make([]reg.VecVirtual, V)
	for i := 0; i < V; i += 2 {
		a[i], a[i+1] = v.Vec(), v.Vec()
		VUNPCKLPD(r[i+1], r[i], a[i])   // r_i c0, r_i+1 c0 | c2 | …
		VUNPCKHPD(r[i+1], r[i], a[i+1]) // c1 | c3 | …
	}
	c := make([]reg.VecVirtual, V)
	if V == 4 {
		// a0 = R0R1 c0|c2, a1 = R0R1 c1|c3, a2 = R2R3 c0|c2, a3 = R2R3 c1|c3.
		for i := range c {
			c[i] = v.Vec()
		}
		VPERM2F128(U8(0x20), a[2], a[0], c[0])
		VPERM2F128(U8(0x31), a[2], a[0], c[2])
		VPERM2F128(U8(0x20), a[3], a[1], c[1])
		VPERM2F128(U8(0x31), a[3], a[1], c[3])
		return c
	}
	// V = 8: a[2m] holds rows 2m, 2m+1 at columns c0|c2|c4|c6 (one
	// 128-bit lane each), a[2m+1] at c1|c3|c5|c7. VSHUFF64X2 0x88 takes
	// lanes 0 and 2 of each source, 0xdd lanes 1 and 3. Round 2, per
	// half h of the rows: lo = c0 of rows 4h,4h+1 | c4 | c0 of 4h+2,4h+3
	// | c4 (odd e: c1, c5), hi likewise with c2, c6 (c3, c7).
	b := make([]reg.VecVirtual, V)
	for h := range 2 {
		for e := range 2 {
			x, y := a[4*h+e], a[4*h+2+e]
			lo, hi := v.Vec(), v.Vec()
			VSHUFF64X2(U8(0x88), y, x, lo)
			VSHUFF64X2(U8(0xdd), y, x, hi)
			b[4*h+e], b[4*h+2+e] = lo, hi
		}
	}
	// Round 3: b[m] (rows 0–3) and b[4+m] (rows 4–7) hold columns m and
	// m+4; 0x88 gathers column m of rows 0…7, 0xdd column m+4.
	for m := range 4 {
		x, y := b[m], b[4+m]
		lo, hi := v.Vec(), v.Vec()
		VSHUFF64X2(U8(0x88), y, x, lo)
		VSHUFF64X2(U8(0xdd), y, x, hi)
		c[m], c[m+4] = lo, hi
	}
	return c
}

// fftTail16 emits the last two radix-4 stages of a complex64 FFT of
// length n = 16m (m a multiple of 8) fused into one pass, for ZMM (it
// holds 16 vectors of data, which a YMM level has no room for). For each
// j < m, stage A (ls = m, r = 4) reads the 16 values in[16j … 16j+15]
// and stage B (ls = 4m, r = 1) finishes them:
//
//	y_s[k] = Σ_q (∓i)^{qs}·w_A(q, j)·in[16j + 4q + k]
//	out[j + s·m + t·4m] = Σ_k (∓i)^{kt}·w_B(k, j + s·m)·y_s[k]
//
// with w_A(q, j) = ω_n^{4qj} and w_B(k, j') = ω_n^{kj'}. A vector holds 8
// consecutive j: their 128 values are two 8×8 tiles transposed in
// registers. tw holds, per 8 j, w_A as six vectors (Re, Im of q = 1, 2, 3,
// duplicated over a value's two lanes), then w_B for s = 0 … 3, six
// vectors each: 30 vectors. The input may be in a segmented layout
// (fftR16Wide): after every per groups of 8 j, in skips skip more bytes.
//
// compact emits fftTail16C, whose table holds 12 vectors per 8 j: w_A,
// then v_k = ω_n^{kj} (k = 1, 2, 3), with w_B(k, j + s·m) = v_k·ω_16^{ks}
// formed by a second product by a constant (broadcast from
// fft_tail16_w16): nine products more per 8 j, 60% less table to stream,
// which is what a long transform's tail waits on.
func fftTail16(v vmath.ISA, inverse, compact bool) {
	name := "fftTail16" + v.Name + fftDir(inverse)
	if compact {
		name = "fftTail16C" + v.Name + fftDir(inverse)
	}
	TEXT(name, NOSPLIT, "func(out, in *complex64, tw *float32, m, per, skip int)")
	Pragma("noescape")
	Doc(name + " runs the last two radix-4 stages of a complex64 FFT fused (a radix-16 pass); see avogen/fft.go.")
	out := Load(Param("out"), GP64())
	in := Load(Param("in"), GP64())
	tw := Load(Param("tw"), GP64())
	m := Load(Param("m"), GP64())
	mb := GP64() // m values in bytes: the stride of s
	MOVQ(m, mb)
	SHLQ(U8(3), mb)
	groups := GP64()
	MOVQ(m, groups)
	SHRQ(U8(3), groups)
	JZ(LabelRef(name + "_done"))
	CMPQ(NewParamAddr("per", 32), Imm(0))
	JLE(LabelRef(name + "_done"))
	ones := fftOnes(v)
	left := GP64() // groups before in skips a segment's padding
	Load(Param("per"), left)
	Label(name + "_loop")
	y := tail16StageA(v, in, tw, ones, inverse)
	vb := v.Bytes()
	// out + (s·m + t·4m)·8 bytes: p walks s·m, t·4m by a shifted index.
	o := GP64()
	for s := range 4 {
		b := y[s][:]
		tail16StageBTwiddles(v, b, s, tw, compact, inverse)
		butterfly4(v, b, ones, inverse)
		if s == 0 {
			MOVQ(out, o)
		} else {
			ADDQ(mb, o)
		}
		// t·4m·8 bytes = t·4·mb: scale 4 on mb for t = 1, then two more.
		VMOVUPS(b[0], Mem{Base: o})
		VMOVUPS(b[1], Mem{Base: o, Index: mb, Scale: 4})
		VMOVUPS(b[2], Mem{Base: o, Index: mb, Scale: 8})
		t3 := GP64()
		LEAQ(Mem{Base: o, Index: mb, Scale: 8}, t3)
		VMOVUPS(b[3], Mem{Base: t3, Index: mb, Scale: 4})
	}
	ADDQ(U32(16*vb), in)
	ADDQ(U32(vb), out)
	if compact {
		ADDQ(U32(12*vb), tw)
	} else {
		ADDQ(U32(30*vb), tw)
	}
	DECQ(left)
	JNZ(LabelRef(name + "_next"))
	ADDQ(NewParamAddr("skip", 40), in)
	Load(Param("per"), left)
	Label(name + "_next")
	DECQ(groups)
	JNZ(LabelRef(name + "_loop"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// fftR8First emits the radix-8 first stage (ls = 1, no twiddles) that
// replaces the radix-2 one when log2 n is odd, one pass fewer: for k < r
// (r = n/8, a multiple of the values per vector), x_q = s·in[q·r + k],
//
//	out[t·r + k] = Σ_q ω_8^{∓qt}·x_q
//
// as radix 2 then radix 4: u_j = x_j + x_{j+4} gives the even outputs
// (radix 4 of u), v_j = (x_j − x_{j+4})·ω_8^{±j} the odd ones. The products
// by ω_8 = (1 ∓ i)/√2 are a swap, a multiply and one alternating fused
// add (ω_8^{±3} the same with −1/√2), by ω_8^{±2} = ∓i a swap and a sign.
// The kernel runs k of the r values, its q rows is bytes apart in in and
// its t rows os bytes apart in out: a segmented output (fftR16Wide) puts
// padding inside a row, so it takes a call per segment of the row.
func fftR8First(v vmath.ISA, inverse bool) { fftR8FirstScale(v, inverse, true) }

// fftR8FirstScale is fftR8First, without the scale (fftR8FirstN: its
// inputs loaded, not multiplied by s = 1) when not scaled.
func fftR8FirstScale(v vmath.ISA, inverse, scaled bool) {
	name := "fftR8First" + v.Name + fftDir(inverse)
	if !scaled {
		name = "fftR8FirstN" + v.Name + fftDir(inverse)
	}
	TEXT(name, NOSPLIT, "func(out, in *complex64, k, is, os int, s float32)")
	Pragma("noescape")
	Doc(name + " runs the radix-8 first stage of a complex64 FFT; see avogen/fft.go.")
	out := Load(Param("out"), GP64())
	in := Load(Param("in"), GP64())
	r := Load(Param("k"), GP64())
	// Byte strides 1, 3, 5 and 7 times is (inputs) and os (outputs).
	strides := func(name string) [4]reg.GPVirtual {
		var x [4]reg.GPVirtual
		for i := range x {
			x[i] = GP64()
		}
		Load(Param(name), x[0])
		LEAQ(Mem{Base: x[0], Index: x[0], Scale: 2}, x[1])
		LEAQ(Mem{Base: x[0], Index: x[0], Scale: 4}, x[2])
		LEAQ(Mem{Base: x[1], Index: x[0], Scale: 4}, x[3])
		return x
	}
	is, os := strides("is"), strides("os")
	SHRQ(U8(log2(cvals(v))), r)
	JZ(LabelRef(name + "_done"))
	var sv reg.VecVirtual
	if scaled {
		sv = v.Vec()
	}
	ones := fftOnes(v)
	if scaled {
		VBROADCASTSS(Load(Param("s"), XMM()), sv)
	}
	at := func(base reg.Register, q int) Mem {
		if base == out {
			return row8(base, os, q)
		}
		return row8(base, is, q)
	}
	Label(name + "_loop")
	radix8Vector(v, func(q int) Mem { return at(in, q) }, func(t int) Mem { return at(out, t) }, sv, ones, inverse)
	ADDQ(U32(v.Bytes()), in)
	ADDQ(U32(v.Bytes()), out)
	DECQ(r)
	JNZ(LabelRef(name + "_loop"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// row8 addresses row q < 8 of eight rows st[0] bytes apart from base, with
// st[1], st[2], st[3] holding 3, 5 and 7 strides: no register per row.
func row8(base reg.Register, st [4]reg.GPVirtual, q int) Mem {
	switch q {
	case 0:
		return Mem{Base: base}
	case 1, 2, 4:
		return Mem{Base: base, Index: st[0], Scale: uint8(q)}
	case 3, 6:
		return Mem{Base: base, Index: st[1], Scale: uint8(q / 3)}
	case 5:
		return Mem{Base: base, Index: st[2], Scale: 1}
	}
	return Mem{Base: base, Index: st[3], Scale: 1}
}

// r16StageB emits stage B of a radix-16 pass (fftR16Wide, fftConvFirst16)
// on y[s][p], the outputs of stage A: the twiddles of p > 0 broadcast from
// tw (entry 3 + 3s + p − 1 of the j's block; none for s = 0 when first,
// where ls = 1 makes them 1), the radix-4 butterflies, and output s + 4t
// stored at (s + 4t)·ob bytes from out (o3 = 3·ob).
func r16StageB(v vmath.ISA, y *[4][4]reg.VecVirtual, tw, out, ob, o3 reg.Register, ones reg.VecVirtual, first, inverse bool) {
	for s := range 4 {
		b := y[s][:]
		for p := 1; p < 4 && !(first && s == 0); p++ {
			i := 3 + 3*s + p - 1
			b[p] = cmulBcst(v, b[p], Mem{Base: tw, Disp: 8 * i}, Mem{Base: tw, Disp: 8*i + 4}, inverse)
		}
		butterfly4(v, b, ones, inverse)
		// (s + 4t)·ob bytes from out: base out + s·ob, then 0, 4, 8,
		// 12 ob by the index.
		base := out
		if s > 0 {
			base = GP64()
			switch s {
			case 1:
				LEAQ(Mem{Base: out, Index: ob, Scale: 1}, base)
			case 2:
				LEAQ(Mem{Base: out, Index: ob, Scale: 2}, base)
			case 3:
				LEAQ(Mem{Base: out, Index: o3, Scale: 1}, base)
			}
		}
		VMOVUPS(b[0], Mem{Base: base})
		VMOVUPS(b[1], Mem{Base: base, Index: ob, Scale: 4})
		VMOVUPS(b[2], Mem{Base: base, Index: ob, Scale: 8})
		VMOVUPS(b[3], Mem{Base: base, Index: o3, Scale: 4})
	}
}

// narrowPairs returns x_q of an AVX2 narrow radix-8 stage's four j (j at
// 64 bytes; values q, q + 1 of j0 | j2 and of j1 | j3 gathered together),
// keeping the other of the pair in cache for its turn. VBROADCASTF128
// writes the whole register (a load of the low half would leave it live,
// in Avo's allocator, from the function's entry on).
func narrowPairs(v vmath.ISA, in reg.Register, q int, cache map[int]reg.VecVirtual) reg.VecVirtual {
	if c, ok := cache[q]; ok {
		delete(cache, q)
		return c
	}
	p := q / 2
	a, b := YMM(), YMM()
	VBROADCASTF128(Mem{Base: in, Disp: 16 * p}, a)
	VINSERTF128(U8(1), Mem{Base: in, Disp: 128 + 16*p}, a, a)
	VBROADCASTF128(Mem{Base: in, Disp: 64 + 16*p}, b)
	VINSERTF128(U8(1), Mem{Base: in, Disp: 192 + 16*p}, b, b)
	lo, hi := v.Vec(), v.Vec()
	VUNPCKLPD(b, a, lo)
	VUNPCKHPD(b, a, hi)
	x := lo
	cache[2*p+1-q%2] = hi
	if q%2 == 1 {
		x, cache[2*p] = hi, lo
	}
	return x
}

// radix8Vector emits one vector of k of a radix-8 first stage
// (fftR8First's arithmetic): input q from in(q), times sv unless sv is
// nil (a power of two: exact), output t (natural order) to out(t).
func radix8Vector(v vmath.ISA, in, out func(int) Mem, sv, ones reg.VecVirtual, inverse bool) {
	u, w := radix8Halves(v, func(q int) reg.VecVirtual {
		a := v.Vec()
		if sv != nil {
			VMULPS(in(q), sv, a) // s a power of two: exact
		} else {
			VMOVUPS(in(q), a)
		}
		return a
	}, inverse)
	ue, wo := u[:], w[:]
	butterfly4(v, ue, ones, inverse)
	butterfly4(v, wo, ones, inverse)
	for t := range 4 {
		VMOVUPS(ue[t], out(2*t))
		VMOVUPS(wo[t], out(2*t+1))
	}
}

// radix8Halves emits the first level of a radix-8 butterfly over
// x_q = load(q), loaded in the order x_j, x_{j+4}: u_j = x_j + x_{j+4} and
// w_j = (x_j − x_{j+4})·ω_8^{∓j}, j < 4; a radix-4 butterfly of u then
// gives the even outputs and one of w the odd ones.
func radix8Halves(v vmath.ISA, load func(q int) reg.VecVirtual, inverse bool) (u, w [4]reg.VecVirtual) {
	for j := range 4 {
		a := load(j)
		b := load(j + 4)
		u[j], w[j] = v.Vec(), v.Vec()
		VADDPS(b, a, u[j])
		VSUBPS(b, a, w[j])
	}
	rt := float32(1 / math.Sqrt2)
	for j := 1; j < 4; j++ {
		t := v.Vec()
		VPERMILPS(U8(0xb1), w[j], t) // (Im, Re)
		y := v.Vec()
		switch {
		case j == 2 && !inverse: // −i·(a + bi) = (b, −a)
			VXORPS(fftAltTable("fft_sign_odd", 0, float32(math.Copysign(0, -1))), t, y)
		case j == 2: // i·(a + bi) = (−b, a)
			VXORPS(fftAltTable("fft_sign_even", float32(math.Copysign(0, -1)), 0), t, y)
		default:
			c := vmath.Const(rt)
			if j == 3 {
				c = vmath.Const(-rt)
			}
			VMULPS(vmath.Const(rt), t, t)
			VMOVAPS(t, y)
			if inverse {
				// (1 + i)/√2: (a − b, a + b)/√2; (−1 + i)/√2: (−a − b, a − b)/√2.
				VFMADDSUB231PS(c, w[j], y)
			} else {
				// (1 − i)/√2: (a + b, b − a)/√2; (−1 − i)/√2: (b − a, −a − b)/√2.
				VFMSUBADD231PS(c, w[j], y)
			}
		}
		w[j] = y
	}
	return u, w
}

// fftR16Wide emits (ZMM) two consecutive radix-4 stages fused in
// registers, a radix-16 pass of sub-transform length ls and r = n/(16·ls)
// (a multiple of the values per vector): stage A (ls, 4r) then stage B
// (4ls, r). For j < ls and k < r the sixteen inputs x[4q + p] =
// in[j·16r + (4q + p)·r + k] become
//
//	y[s][p] = Σ_q (∓i)^{qs}·ω_{4ls}^{qj}·x[4q + p]
//	out[(j + s·ls + t·4ls)·r + k] = Σ_p (∓i)^{pt}·ω_{16ls}^{p(j+s·ls)}·y[s][p]
//
// one pass over the data where the two stages take two, sixteen vectors
// live out of 32. Both sides may be in a segmented layout (value x at x
// + pad·⌊x/seg⌋, seg = n/16): its padding puts the sixteen streams of a
// long transform, otherwise n/2 bytes apart, in different L1 sets. So
// the kernel takes the byte offsets of the sixteen inputs from the j's
// base (offs[4q + p]), the j as groups of per (after each j in moves
// jskip bytes beyond the r values the k loop moved it, after each group
// gskip more) and the stride os of s (t: 4·os), its outputs of a j being
// contiguous. tw holds per j the thirty floats (Re, Im) of ω_{4ls}^{qj}
// (q = 1, 2, 3), then for s = 0 … 3 of ω_{16ls}^{p(j+s·ls)} (p = 1, 2,
// 3); each is broadcast from memory by the instruction that uses it
// (EVEX {1to16}), so the table stays 15 values per j and no register
// holds a twiddle. first emits the ls = 1 pass, whose stage-A twiddles
// and s = 0 stage-B ones are all 1 (the table's first twelve floats
// unread), with its inputs scaled by s (a power of two: 1, or the
// inverse's 1/n).
func fftR16Wide(v vmath.ISA, inverse, first bool) {
	name := "fftR16Wide" + v.Name + fftDir(inverse)
	sig := "func(out, in *complex64, tw *float32, offs *int, groups, per, jskip, gskip, kv, os int)"
	if first {
		name = "fftR16First" + v.Name + fftDir(inverse)
		sig = "func(out, in *complex64, tw *float32, offs *int, groups, per, jskip, gskip, kv, os int, s float32)"
	}
	TEXT(name, NOSPLIT, sig)
	Pragma("noescape")
	Doc(name + " runs two radix-4 Stockham stages of a complex64 FFT fused (a radix-16 pass), vectorised over k; see avogen/fft.go.")
	out := Load(Param("out"), GP64())
	in := Load(Param("in"), GP64())
	tw := Load(Param("tw"), GP64())
	offs := Load(Param("offs"), GP64())
	ob := Load(Param("os"), GP64())
	o3 := GP64()
	LEAQ(Mem{Base: ob, Index: ob, Scale: 2}, o3)
	CMPQ(NewParamAddr("groups", 32), Imm(0))
	JLE(LabelRef(name + "_done"))
	CMPQ(NewParamAddr("per", 40), Imm(0))
	JLE(LabelRef(name + "_done"))
	CMPQ(NewParamAddr("kv", 64), Imm(0))
	JLE(LabelRef(name + "_done"))
	ones := fftOnes(v)
	var sv reg.VecVirtual
	if first {
		sv = v.Vec()
		VBROADCASTSS(Load(Param("s"), XMM()), sv)
	}
	// twid is (Re, Im) of twiddle i of the j, broadcast.
	twid := func(i int) (Mem, Mem) { return Mem{Base: tw, Disp: 8 * i}, Mem{Base: tw, Disp: 8*i + 4} }
	Label(name + "_group")
	per := GP64()
	Load(Param("per"), per)
	Label(name + "_j")
	k := GP64()
	Load(Param("kv"), k)
	Label(name + "_k")
	var y [4][4]reg.VecVirtual // y[s][p]
	for p := range 4 {
		a := make([]reg.VecVirtual, 4)
		for q := range a {
			off := GP64()
			MOVQ(Mem{Base: offs, Disp: 8 * (4*q + p)}, off)
			m := Mem{Base: in, Index: off, Scale: 1}
			a[q] = v.Vec()
			if first {
				VMULPS(m, sv, a[q]) // s a power of two: exact
			} else {
				VMOVUPS(m, a[q])
			}
		}
		if !first {
			for q := 1; q < 4; q++ {
				re, im := twid(q - 1)
				a[q] = cmulBcst(v, a[q], re, im, inverse)
			}
		}
		butterfly4(v, a, ones, inverse)
		for s := range 4 {
			y[s][p] = a[s]
		}
	}
	r16StageB(v, &y, tw, out, ob, o3, ones, first, inverse)
	ADDQ(U32(v.Bytes()), in)
	ADDQ(U32(v.Bytes()), out)
	DECQ(k)
	JNZ(LabelRef(name + "_k"))
	ADDQ(NewParamAddr("jskip", 48), in)
	ADDQ(U32(120), tw)
	DECQ(per)
	JNZ(LabelRef(name + "_j"))
	ADDQ(NewParamAddr("gskip", 56), in)
	DECQ(NewParamAddr("groups", 32))
	JNZ(LabelRef(name + "_group"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// tail16StageA emits the front of the fused radix-16 tail (fftTail16,
// fftConvTail16) for 8 consecutive j: the 128 values at in, two 8×8 tiles
// transposed in registers, through stage A (w_A products, radix-4
// butterflies); y[s][k] is output s of the butterfly over k.
func tail16StageA(v vmath.ISA, in, tw reg.Register, ones reg.VecVirtual, inverse bool) (y [4][4]reg.VecVirtual) {
	// x[4q + k]: value (q, k) of the 8 j.
	var x [16]reg.VecVirtual
	for half := range 2 {
		rows := make([]reg.VecVirtual, 8)
		for j := range rows {
			rows[j] = v.Vec()
			VMOVUPS(Mem{Base: in, Disp: 128*j + 64*half}, rows[j])
		}
		copy(x[8*half:], transposeTile(v, rows))
	}
	return tail16StageAFrom(v, x, tw, ones, inverse)
}

// tail16StageAFrom is tail16StageA's stage A on the transposed values x.
func tail16StageAFrom(v vmath.ISA, x [16]reg.VecVirtual, tw reg.Register, ones reg.VecVirtual, inverse bool) (y [4][4]reg.VecVirtual) {
	vb := v.Bytes()
	for k := range 4 {
		a := []reg.VecVirtual{x[k], x[4+k], x[8+k], x[12+k]}
		for q := 1; q < 4; q++ {
			a[q] = cmulBy(v, a[q], Mem{Base: tw, Disp: (2*q - 2) * vb}, Mem{Base: tw, Disp: (2*q - 1) * vb}, inverse)
		}
		butterfly4(v, a, ones, inverse)
		for s := range 4 {
			y[s][k] = a[s]
		}
	}
	return y
}

// tail16StageBTwiddles multiplies b = y[s] (tail16StageA) by stage B's
// twiddles w_B(k, j + s·m), k = 1, 2, 3: from the table, or in the compact
// layout as v_k times ω_16^{ks}.
func tail16StageBTwiddles(v vmath.ISA, b []reg.VecVirtual, s int, tw reg.Register, compact, inverse bool) {
	vb := v.Bytes()
	base := (6 + 6*s) * vb
	if compact {
		base = 6 * vb
	}
	for k := 1; k < 4; k++ {
		b[k] = cmulBy(v, b[k], Mem{Base: tw, Disp: base + (2*k-2)*vb}, Mem{Base: tw, Disp: base + (2*k-1)*vb}, inverse)
		if compact && s > 0 {
			c := fftTail16W16().Offset(8 * (3*(s-1) + k - 1))
			b[k] = cmulBcst(v, b[k], c, c.Offset(4), inverse)
		}
	}
}

// fftTail16W16 is the table of ω_16^{ks} (s, k = 1, 2, 3; Re, Im as
// float32, s major) for fftTail16C, computed in float64 with the quarter
// turns exact.
func fftTail16W16() Mem {
	const name = "fft_tail16_w16"
	if m, ok := fftTables[name]; ok {
		return m
	}
	m := GLOBL(name, 0x8|0x10) // RODATA|NOPTR
	fftTables[name] = m
	for s := 1; s < 4; s++ {
		for k := 1; k < 4; k++ {
			e := k * s % 16
			sn, cs := math.Sincos(2 * math.Pi * float64(e) / 16)
			if e%4 == 0 { // a quarter turn: exactly 0 and ±1
				sn, cs = math.Round(sn), math.Round(cs)
			}
			i := 3*(s-1) + k - 1
			DATA(8*i, U32(math.Float32bits(float32(cs))))
			DATA(8*i+4, U32(math.Float32bits(float32(-sn))))
		}
	}
	return m
}

// cmulBcst is cmulBy with Re w and Im w broadcast from the float32s at
// wr and wi by the instructions that use them (EVEX {1to16}, ZMM only).
func cmulBcst(v vmath.ISA, x reg.VecVirtual, wr, wi Mem, inverse bool) reg.VecVirtual {
	t := v.Vec()
	VPERMILPS(U8(0xb1), x, t) // (im, re)
	VMULPS_BCST(wi, t, t)
	if inverse {
		VFMSUBADD231PS_BCST(wr, x, t)
	} else {
		VFMADDSUB231PS_BCST(wr, x, t)
	}
	return t
}

// fftR8Mid emits (YMM) a radix-8 stage with twiddles, sub-transform
// length ls and r = n/(8·ls): for j < ls and k < r,
//
//	x_q = ω_{8ls}^{qj}·in[j·8r + q·r + k]
//	out[(j + t·ls)·r + k] = Σ_q ω_8^{∓qt}·x_q
//
// three stages of radix 2 in one pass where radix 4 does two, so that n =
// 512 … 4096 take one or two passes fewer; its eight vectors of data and
// the butterfly's temporaries fit the sixteen YMM registers, which a
// radix-16 pass's do not. The wide form (narrow false; r a multiple of
// four) is vectorised over k, the seven twiddles of a j broadcast from its
// fourteen floats (Re, Im) by each k, or (vtab, fftR8WideV) read as
// memory operands from fourteen vectors per j (Re w_q, Im w_q over every
// lane): eight times the table, fourteen instructions fewer per k. The narrow form (r = 1, ls a
// multiple of four) holds four consecutive j per vector, gathered by a
// transpose in registers; its table holds, per four j, fourteen vectors
// (Re w_q, Im w_q for q = 1 … 7, each value over both lanes of a complex).
// The butterfly is fftR8First's. The narrow form spends its extra time
// in the gather's sixteen shuffles (VINSERTF128, VUNPCK*PD) per eight
// vectors: n = 512, ls = 64 alone 124 ns against 91 for the wide pass of
// ls = 8 (best of 400 batches of 50); each VINSERTF128 as a VBLENDPS
// from memory, off the shuffle ports, ran as fast (121–126 against
// 122–126 ns), so the uop count, not the port, is what costs.
func fftR8Mid(v vmath.ISA, inverse, narrow, vtab bool) {
	fftR8MidTable(v, inverse, narrow, vtab, false)
}

// fftR8Narrow1Compact emits fftR8Mid's narrow (r = 1) stage with its table
// compact (fftR8Narrow1c): per four j seven vectors, w_q of those j as
// plain complex64, each spread over Re and Im by VMOVSLDUP and VMOVSHDUP,
// half the bytes of the duplicated table, which at n = 2048 (ls = 256) is
// 28 KB and with the data's 32 KB does not fit L1.
func fftR8Narrow1Compact(v vmath.ISA, inverse bool) { fftR8MidTable(v, inverse, true, false, true) }

// fftR8WideSeg emits fftR8Mid's wide stage (fftR8WideS, with vtab
// fftR8WideVS) taking the stride of its eight output rows t, os bytes,
// as an argument rather than ls·r values: a segmented output (padding
// after every n/8 values, asm.FFTRadix8Seg), whose rows then fall in
// different L1 sets where n/8 values are a multiple of 4 KB (n = 4096).
// Its j run in groups of ls, in skipping gskip bytes more after each:
// the padding of a segmented input, in one call where a call per
// segment cost 8 calls.
func fftR8WideSeg(v vmath.ISA, inverse, vtab bool) {
	fftR8MidTableOS(v, inverse, false, vtab, false, true)
}

// fftR8MidTable is fftR8Mid, narrow with the compact table when compact.
func fftR8MidTable(v vmath.ISA, inverse, narrow, vtab, compact bool) {
	fftR8MidTableOS(v, inverse, narrow, vtab, compact, false)
}

// fftR8MidTableOS is fftR8MidTable, the wide stage's output stride an
// argument when osParam (fftR8WideSeg).
func fftR8MidTableOS(v vmath.ISA, inverse, narrow, vtab, compact, osParam bool) {
	name := "fftR8Wide" + v.Name + fftDir(inverse)
	if vtab {
		name = "fftR8WideV" + v.Name + fftDir(inverse)
	}
	sig := "func(out, in *complex64, tw *float32, ls, r int)"
	if osParam {
		name = "fftR8WideS" + v.Name + fftDir(inverse)
		if vtab {
			name = "fftR8WideVS" + v.Name + fftDir(inverse)
		}
		sig = "func(out, in *complex64, tw *float32, ls, r, os, groups, gskip int)"
	}
	if narrow {
		name = "fftR8Narrow1" + v.Name + fftDir(inverse)
		if compact {
			name = "fftR8Narrow1c" + v.Name + fftDir(inverse)
		}
		sig = "func(out, in *complex64, tw *float32, ls int)"
	}
	TEXT(name, NOSPLIT, sig)
	Pragma("noescape")
	Doc(name + " runs one radix-8 Stockham stage of a complex64 FFT; see avogen/fft.go.")
	out := Load(Param("out"), GP64())
	in := Load(Param("in"), GP64())
	tw := Load(Param("tw"), GP64())
	ls := GP64()
	Load(Param("ls"), ls)
	strides := func(x0 reg.GPVirtual) [4]reg.GPVirtual {
		x := [4]reg.GPVirtual{x0, GP64(), GP64(), GP64()}
		LEAQ(Mem{Base: x[0], Index: x[0], Scale: 2}, x[1])
		LEAQ(Mem{Base: x[0], Index: x[0], Scale: 4}, x[2])
		LEAQ(Mem{Base: x[1], Index: x[0], Scale: 4}, x[3])
		return x
	}
	var is, os [4]reg.GPVirtual
	var count reg.GPVirtual // narrow: groups of four j left
	if narrow {
		ob := GP64()
		MOVQ(ls, ob)
		SHLQ(U8(3), ob) // the t stride: ls values
		os = strides(ob)
		count = ls
		SHRQ(U8(2), count)
		JZ(LabelRef(name + "_done"))
	} else {
		r := Load(Param("r"), GP64())
		ib := GP64()
		MOVQ(r, ib)
		SHLQ(U8(3), ib) // the q stride: r values
		is = strides(ib)
		ob := GP64()
		if osParam {
			Load(Param("os"), ob)
		} else {
			MOVQ(ls, ob)
			IMULQ(r, ob)
			SHLQ(U8(3), ob) // the t stride: ls·r values
		}
		os = strides(ob)
		SHRQ(U8(log2(cvals(v))), r) // vectors per j
		JZ(LabelRef(name + "_done"))
		CMPQ(ls, Imm(0))
		JLE(LabelRef(name + "_done"))
		if osParam {
			CMPQ(NewParamAddr("groups", 48), Imm(0))
			JLE(LabelRef(name + "_done"))
		}
	}
	ones := fftOnes(v)
	vb := v.Bytes()
	if osParam {
		// Groups of ls j, in skipping gskip more bytes after each.
		Label(name + "_group")
		Load(Param("ls"), ls)
	}
	Label(name + "_j")
	var k reg.GPVirtual
	if !narrow {
		k = GP64()
		Load(Param("r"), k)
		SHRQ(U8(log2(cvals(v))), k)
		Label(name + "_k")
	}
	// load returns x_q with its twiddle applied.
	cache := map[int]reg.VecVirtual{}
	load := func(q int) reg.VecVirtual {
		var x reg.VecVirtual
		if narrow {
			x = narrowPairs(v, in, q, cache)
			switch {
			case q > 0 && compact:
				w := Mem{Base: tw, Disp: (q - 1) * vb}
				re, im := v.Vec(), v.Vec()
				VMOVSLDUP(w, re)
				VMOVSHDUP(w, im)
				x = cmulBy(v, x, re, im, inverse)
			case q > 0:
				x = cmulBy(v, x, Mem{Base: tw, Disp: (2*q - 2) * vb}, Mem{Base: tw, Disp: (2*q - 1) * vb}, inverse)
			}
			return x
		}
		x = v.Vec()
		VMOVUPS(row8(in, is, q), x)
		switch {
		case q > 0 && vtab:
			x = cmulBy(v, x, Mem{Base: tw, Disp: (2*q - 2) * vb}, Mem{Base: tw, Disp: (2*q - 1) * vb}, inverse)
		case q > 0:
			wr, wi := v.Vec(), v.Vec()
			VBROADCASTSS(Mem{Base: tw, Disp: 8 * (q - 1)}, wr)
			VBROADCASTSS(Mem{Base: tw, Disp: 8*(q-1) + 4}, wi)
			x = cmulBy(v, x, wr, wi, inverse)
		}
		return x
	}
	u, w := radix8Halves(v, load, inverse)
	ue, wo := u[:], w[:]
	butterfly4(v, ue, ones, inverse)
	for t := range 4 {
		VMOVUPS(ue[t], row8(out, os, 2*t))
	}
	butterfly4(v, wo, ones, inverse)
	for t := range 4 {
		VMOVUPS(wo[t], row8(out, os, 2*t+1))
	}
	ADDQ(U32(vb), out)
	if narrow {
		ADDQ(U32(8*vb), in)
		if compact {
			ADDQ(U32(7*vb), tw)
		} else {
			ADDQ(U32(14*vb), tw)
		}
		DECQ(count)
		JNZ(LabelRef(name + "_j"))
	} else {
		ADDQ(U32(vb), in)
		DECQ(k)
		JNZ(LabelRef(name + "_k"))
		// The next j's inputs start 8r values on: the k loop moved in by r.
		LEAQ(Mem{Base: in, Index: is[3], Scale: 1}, in)
		if vtab {
			ADDQ(U32(14*vb), tw)
		} else {
			ADDQ(U32(56), tw)
		}
		DECQ(ls)
		JNZ(LabelRef(name + "_j"))
		if osParam {
			ADDQ(NewParamAddr("gskip", 56), in)
			DECQ(NewParamAddr("groups", 48))
			JNZ(LabelRef(name + "_group"))
		}
	}
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// butterflyFMA makes butterfly4 form s02 ± s13 by fused multiply-adds by
// ones (fft1024.go, which says why); the other kernels keep their adds.
var butterflyFMA bool

// fftR4WideSeg emits fftR4Wide's stage (ls > 1, one row of r values per
// j) with its j in groups of per, in skipping gskip bytes more after
// each group: a segmented input (asm.FFTRadix4SegIn), in one call.
func fftR4WideSeg(v vmath.ISA, inverse bool) {
	name := "fftR4WideSeg" + v.Name + fftDir(inverse)
	TEXT(name, NOSPLIT, "func(out, in *complex64, tw *float32, groups, per, r, ss, gskip int)")
	Pragma("noescape")
	Doc(name + " runs one radix-4 Stockham stage of a complex64 FFT reading a segmented input; see avogen/fft.go, fftR4WideSeg.")
	out := Load(Param("out"), GP64())
	in := Load(Param("in"), GP64())
	tw := Load(Param("tw"), GP64())
	qs, q3, ss, s3 := GP64(), GP64(), GP64(), GP64()
	Load(Param("r"), qs)
	SHLQ(U8(3), qs) // the q stride: r values
	LEAQ(Mem{Base: qs, Index: qs, Scale: 2}, q3)
	Load(Param("ss"), ss)
	LEAQ(Mem{Base: ss, Index: ss, Scale: 2}, s3)
	CMPQ(NewParamAddr("groups", 24), Imm(0))
	JLE(LabelRef(name + "_done"))
	CMPQ(NewParamAddr("per", 32), Imm(0))
	JLE(LabelRef(name + "_done"))
	wv := Load(Param("r"), GP64())
	SHRQ(U8(log2(cvals(v))), wv) // vectors per j
	JZ(LabelRef(name + "_done"))
	ones := fftOnes(v)
	Label(name + "_group")
	jl := GP64()
	Load(Param("per"), jl)
	Label(name + "_j")
	var w [6]reg.VecVirtual
	for i := range w {
		w[i] = v.Vec()
		VBROADCASTSS(Mem{Base: tw, Disp: 4 * i}, w[i])
	}
	k := GP64()
	MOVQ(wv, k)
	Label(name + "_k")
	fftR4WideVector(v, in, out, qs, q3, ss, s3, w[:], nil, ones, inverse)
	DECQ(k)
	JNZ(LabelRef(name + "_k"))
	// The next j's inputs start 4r values on: the k loop moved in by r.
	ADDQ(q3, in)
	ADDQ(U32(24), tw)
	DECQ(jl)
	JNZ(LabelRef(name + "_j"))
	ADDQ(NewParamAddr("gskip", 56), in)
	DECQ(NewParamAddr("groups", 24))
	JNZ(LabelRef(name + "_group"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// fftR4WideVector emits one vector of k of a wide radix-4 stage (fftR4Wide,
// fftR4WideSeg): the four inputs qs bytes apart from in, each times sv
// (the first stage's scale, no twiddles) or, with sv nil, the three
// products by w's twiddles (w1, w2, w3 as Re, Im broadcasts), the
// butterfly, the four outputs ss bytes apart from out; in and out then
// advance a vector.
func fftR4WideVector(v vmath.ISA, in, out, qs, q3, ss, s3 reg.Register, w []reg.VecVirtual, sv, ones reg.VecVirtual, inverse bool) {
	a := make([]reg.VecVirtual, 4)
	for q := range a {
		a[q] = v.Vec()
	}
	loads := []Mem{{Base: in}, {Base: in, Index: qs, Scale: 1}, {Base: in, Index: qs, Scale: 2}, {Base: in, Index: q3, Scale: 1}}
	for q, m := range loads {
		if sv != nil {
			VMULPS(m, sv, a[q]) // s a power of two: exact
		} else {
			VMOVUPS(m, a[q])
		}
	}
	if sv == nil {
		for q := 1; q < 4; q++ {
			a[q] = cmulBy(v, a[q], w[2*q-2], w[2*q-1], inverse)
		}
	}
	butterfly4(v, a, ones, inverse)
	VMOVUPS(a[0], Mem{Base: out})
	VMOVUPS(a[1], Mem{Base: out, Index: ss, Scale: 1})
	VMOVUPS(a[2], Mem{Base: out, Index: ss, Scale: 2})
	VMOVUPS(a[3], Mem{Base: out, Index: s3, Scale: 1})
	ADDQ(U32(v.Bytes()), in)
	ADDQ(U32(v.Bytes()), out)
}

// transposeC64Quad loads the complex64 values q = 0 … 3 of four
// consecutive j (value (j, q) at at(j, q)) and leaves in a[q] the four j
// of q, in YMM registers: two 128-bit loads per register (load, then
// VINSERTF128) and four VUNPCK*PD. The radix-4 narrow stage (fftR4Narrow)
// and the mixed-radix narrow radix-4 and radix-8 kernels
// (avogen/fftmixn.go) share it. A nil a[q] is allocated after the loads'
// registers.
func transposeC64Quad(at func(j, q int) Mem, load func(Mem, reg.VecVirtual), a []reg.VecVirtual) {
	x, y, z, w := YMM(), YMM(), YMM(), YMM()
	load(at(0, 0), x)
	VINSERTF128(U8(1), at(2, 0), x, x) // j0 q0 q1 | j2 q0 q1
	load(at(1, 0), y)
	VINSERTF128(U8(1), at(3, 0), y, y) // j1 q0 q1 | j3 q0 q1
	load(at(0, 2), z)
	VINSERTF128(U8(1), at(2, 2), z, z) // j0 q2 q3 | j2 q2 q3
	load(at(1, 2), w)
	VINSERTF128(U8(1), at(3, 2), w, w) // j1 q2 q3 | j3 q2 q3
	for q := range a {
		if a[q] == nil {
			a[q] = YMM()
		}
	}
	VUNPCKLPD(y, x, a[0])
	VUNPCKHPD(y, x, a[1])
	VUNPCKLPD(w, z, a[2])
	VUNPCKHPD(w, z, a[3])
}

// loadLowX loads 128 bits into r's low half (transposeC64Quad).
func loadLowX(m Mem, r reg.VecVirtual) { VMOVUPS(m, r.AsX()) }

// loadBcastX loads 128 bits into both halves of r: a write of the whole
// register, where loadLowX's partial one made Avo keep r live around the
// loop (which cost the mixed-radix narrow radix-8 kernel its registers:
// Avo then handed out Y16, which AVX2 lacks).
func loadBcastX(m Mem, r reg.VecVirtual) { VBROADCASTF128(m, r) }
