package main

import (
	"fmt"
	"math"

	. "github.com/ssmkern/ssmkern/avogen/neon"
)

// generateFFT writes the NEON stages of package fft's Stockham plans,
// complex64 and complex128 (asm/fft_kernels_arm64.go picks among them):
// the radix-4 stage in its wide form (vectorised over k, any strides: the
// contiguous stages and the four-step plan's strided ones) with and
// without twiddles, its narrow form for r = 1 (vectorised over j), the
// radix-2 first stage, the scale, the real-FFT pass, and the four-step
// plan's transpose-and-twiddle and row copy.
//
// LD2 splits complex values into a vector of real parts and one of
// imaginary parts, so a complex product is four multiply-adds and −i·t is
// a swap of registers: no permute in the radix-4 butterfly. A "vector"
// of values is one LD2 pair, 32 bytes: four complex64 or two complex128,
// which is what asm.FFTValues and asm.FFT64Values report for NEON and
// what the plan's table layouts are built for.
func generateFFT(f *File) {
	for _, ty := range []fftType{fft32, fft64} {
		for _, inverse := range []bool{false, true} {
			for _, kind := range []string{"First", "FirstScaled", "Wide"} {
				fftR4Strided(f, ty, kind, inverse)
			}
			fftR4Narrow1(f, ty, inverse)
			fftRealPass(f, ty, inverse)
		}
		fftR2First(f, ty)
		if ty.arr == S4 { // package fft's float64 plans start with radix 2
			for _, inverse := range []bool{false, true} {
				fftR8First(f, false, inverse)
				fftR8First(f, true, inverse)
			}
		}
		fftScale(f, ty)
		fftTransposeTwiddle(f, ty, false)
		fftTransposeTwiddle(f, ty, true)
	}
	fftCopyRows(f)
}

// fftType is one precision of the kernels.
type fftType struct {
	prefix string      // function name prefix: fft or fft64
	cplx   string      // Go element type: complex64
	float  string      // Go twiddle type: float32
	arr    Arrangement // S4 or D2
	vals   int         // complex values per LD2 pair (32 bytes)
	bytes  int         // bytes per complex value
	shift  int         // log2 bytes
}

var (
	fft32 = fftType{"fft", "complex64", "float32", S4, 4, 8, 3}
	fft64 = fftType{"fft64", "complex128", "float64", D2, 2, 16, 4}
)

// v views r with the precision's arrangement.
func (t fftType) v(r VReg) Vec { return Vec{R: r, A: t.arr} }

// lane is element i of r at the precision's width.
func (t fftType) lane(r VReg, i int) Lane { return Lane{R: r, Bits: t.arr.ElemBits(), Index: i} }

// cx is a vector of complex values split by LD2: real parts, imaginary
// parts.
type cx struct{ re, im Vec }

// pair is the complex vector in registers r, r+1 (LD2 and ST2 need them
// consecutive).
func (t fftType) pair(r VReg) cx { return cx{t.v(r), t.v(r + 1)} }

func dirName(inverse bool) string {
	if inverse {
		return "Inv"
	}
	return "Fwd"
}

// twiddleLanes names the broadcast Re and Im of one twiddle.
type twiddleLanes struct{ re, im Lane }

// cmulLanes sets dst[q] = x[q]·w[q] (inverse: ·conj w[q]) for broadcast
// twiddles, the four multiply-adds of each product interleaved over q.
func cmulLanes(fn *Func, dst, x []cx, w []twiddleLanes, inverse bool) {
	for q := range dst {
		fn.Emit(FMULElem(dst[q].re, x[q].re, w[q].re))
	}
	for q := range dst {
		if inverse {
			fn.Emit(FMLAElem(dst[q].re, x[q].im, w[q].im))
		} else {
			fn.Emit(FMLSElem(dst[q].re, x[q].im, w[q].im))
		}
	}
	for q := range dst {
		if inverse {
			fn.Emit(FMULElem(dst[q].im, x[q].im, w[q].re))
		} else {
			fn.Emit(FMULElem(dst[q].im, x[q].re, w[q].im))
		}
	}
	for q := range dst {
		if inverse {
			fn.Emit(FMLSElem(dst[q].im, x[q].re, w[q].im))
		} else {
			fn.Emit(FMLAElem(dst[q].im, x[q].im, w[q].re))
		}
	}
}

// cmulVecs is cmulLanes with a twiddle vector per lane (w[q].re, w[q].im).
func cmulVecs(fn *Func, dst, x, w []cx, inverse bool) {
	for q := range dst {
		fn.Emit(FMUL(dst[q].re, x[q].re, w[q].re))
	}
	for q := range dst {
		if inverse {
			fn.Emit(FMLA(dst[q].re, x[q].im, w[q].im))
		} else {
			fn.Emit(FMLS(dst[q].re, x[q].im, w[q].im))
		}
	}
	for q := range dst {
		if inverse {
			fn.Emit(FMUL(dst[q].im, x[q].im, w[q].re))
		} else {
			fn.Emit(FMUL(dst[q].im, x[q].re, w[q].im))
		}
	}
	for q := range dst {
		if inverse {
			fn.Emit(FMLS(dst[q].im, x[q].re, w[q].im))
		} else {
			fn.Emit(FMLA(dst[q].im, x[q].im, w[q].re))
		}
	}
}

// butterfly4 writes the radix-4 butterfly of a into y through the
// temporaries t (y may reuse a's registers, not t's):
//
//	y0 = s02 + s13, y2 = s02 − s13, y1 = d02 ∓ i·d13, y3 = d02 ± i·d13
//
// with s02 = a0 + a2, d02 = a0 − a2, s13 = a1 + a3, d13 = a1 − a3; −i·d13
// is (Im d13, −Re d13), so the forward y1 is (Re d02 + Im d13, Im d02 −
// Re d13) and the inverse swaps y1 and y3.
func butterfly4(fn *Func, a, t, y [4]cx, inverse bool) {
	s02, d02, s13, d13 := t[0], t[1], t[2], t[3]
	fn.Emit(
		FADD(s02.re, a[0].re, a[2].re), FADD(s02.im, a[0].im, a[2].im),
		FSUB(d02.re, a[0].re, a[2].re), FSUB(d02.im, a[0].im, a[2].im),
		FADD(s13.re, a[1].re, a[3].re), FADD(s13.im, a[1].im, a[3].im),
		FSUB(d13.re, a[1].re, a[3].re), FSUB(d13.im, a[1].im, a[3].im),
		FADD(y[0].re, s02.re, s13.re), FADD(y[0].im, s02.im, s13.im),
		FSUB(y[2].re, s02.re, s13.re), FSUB(y[2].im, s02.im, s13.im),
	)
	y1, y3 := y[1], y[3]
	if inverse {
		y1, y3 = y3, y1
	}
	fn.Emit(
		FADD(y1.re, d02.re, d13.im), FSUB(y1.im, d02.im, d13.re),
		FSUB(y3.re, d02.re, d13.im), FADD(y3.im, d02.im, d13.re),
	)
}

// fftR4Strided writes the wide radix-4 stage on the strided layout of
// asm.FFTStageLayout (see fft_kernels_arm64.go for the byte strides):
// for j < ls, rows i < rows, and k < width in steps of one vector, the
// four inputs at in + q·qs, the four outputs at out + s·ss. kind First:
// ls = 1, no twiddles; FirstScaled: the same with the inputs scaled by s
// (an inverse's 1/n); Wide: the twiddles of j are six floats (Re and Im
// of w1, w2, w3) broadcast from their lanes.
func fftR4Strided(f *File, ty fftType, kind string, inverse bool) {
	first, scaled := kind != "Wide", kind == "FirstScaled"
	sig := fmt.Sprintf("func(o, i *%s, w *%s, ls, rows, width, qs, ss, inRow, outRow, inJ, outJ int)", ty.cplx, ty.float)
	if scaled {
		sig = fmt.Sprintf("func(o, i *%s, w *%s, ls, rows, width, qs, ss, inRow, outRow, inJ, outJ int, s %s)", ty.cplx, ty.float, ty.float)
	}
	name := fmt.Sprintf("%sR4%sNEON%s", ty.prefix, kind, dirName(inverse))
	fn := f.Func(name, sig)
	switch kind {
	case "FirstScaled":
		fn.Doc(
			name+" is the first radix-4 stage (ls = 1, no twiddles) on a strided",
			"layout, the inputs scaled by s: width counts values, the other",
			"strides are bytes (asm.FFTRadix4Strided).",
		)
	case "First":
		fn.Doc(
			name+" is the first radix-4 stage (ls = 1, no twiddles) on a strided",
			"layout: width counts values, the other strides are bytes",
			"(asm.FFTRadix4Strided).",
		)
	default:
		fn.Doc(
			name+" is a wide radix-4 stage with the twiddles of each j",
			"broadcast from w (six floats a j) on a strided layout: width counts",
			"values, the other strides are bytes (asm.FFTRadix4Strided).",
		)
	}
	const o, in, w, ls, rows, width, qs, ss, inRow, outRow, inJ, outJ = R0, R1, R2, R3, R4, R5, R6, R7, R8, R9, R10, R11
	ip := [4]Reg{R12, R13, R14, R15}
	op := [4]Reg{R16, R17, R19, R20}
	const rowCnt, colCnt = R21, R22
	for _, p := range []struct {
		name string
		r    Reg
	}{{"o", o}, {"i", in}, {"w", w}, {"ls", ls}, {"rows", rows}, {"width", width}, {"qs", qs}, {"ss", ss},
		{"inRow", inRow}, {"outRow", outRow}, {"inJ", inJ}, {"outJ", outJ}} {
		fn.Load(fn.Param(p.name).Value(), p.r)
	}
	if scaled {
		fn.LoadFloat(fn.Param("s").Value(), V31)
	}
	fn.Comment("Four input and four output streams, qs and ss bytes apart.")
	fn.Emit(MOVD(ip[0], in), ADDReg(ip[1], ip[0], qs), ADDReg(ip[2], ip[1], qs), ADDReg(ip[3], ip[2], qs))
	fn.Emit(MOVD(op[0], o), ADDReg(op[1], op[0], ss), ADDReg(op[2], op[1], ss), ADDReg(op[3], op[2], ss))
	fn.Label("j")
	var tw []twiddleLanes
	if !first {
		fn.Comment("The three twiddles of j: Re w1, Im w1, Re w2, Im w2, Re w3, Im w3.")
		if ty.arr == S4 {
			fn.Emit(VLD1P(w, V28.S4()), LDRDP(V29, w))
			tw = []twiddleLanes{{V28.S(0), V28.S(1)}, {V28.S(2), V28.S(3)}, {V29.S(0), V29.S(1)}}
		} else {
			fn.Emit(VLD1P(w, V28.D2(), V29.D2(), V30.D2()))
			tw = []twiddleLanes{{V28.D(0), V28.D(1)}, {V29.D(0), V29.D(1)}, {V30.D(0), V30.D(1)}}
		}
	}
	fn.Emit(MOVD(rowCnt, rows))
	fn.Label("row")
	fn.Emit(MOVD(colCnt, width))
	fn.Label("col")
	a := [4]cx{ty.pair(V0), ty.pair(V2), ty.pair(V4), ty.pair(V6)}
	for q := range a {
		fn.Emit(VLD2P(ip[q], a[q].re, a[q].im))
	}
	if scaled {
		s := ty.lane(V31, 0)
		for q := range a {
			fn.Emit(FMULElem(a[q].re, a[q].re, s), FMULElem(a[q].im, a[q].im, s))
		}
	}
	if !first {
		prod := []cx{ty.pair(V8), ty.pair(V10), ty.pair(V12)}
		cmulLanes(fn, prod, a[1:], tw, inverse)
		a = [4]cx{a[0], prod[0], prod[1], prod[2]}
	}
	t := [4]cx{ty.pair(V14), ty.pair(V16), ty.pair(V18), ty.pair(V20)}
	y := [4]cx{ty.pair(V0), ty.pair(V2), ty.pair(V4), ty.pair(V6)}
	butterfly4(fn, a, t, y, inverse)
	for s := range y {
		fn.Emit(VST2P(op[s], y[s].re, y[s].im))
	}
	fn.Emit(SUBSImm(colCnt, colCnt, int64(ty.vals)))
	fn.BNE("col")
	for q := range ip {
		fn.Emit(ADDReg(ip[q], ip[q], inRow))
	}
	for s := range op {
		fn.Emit(ADDReg(op[s], op[s], outRow))
	}
	fn.Emit(SUBSImm(rowCnt, rowCnt, 1))
	fn.BNE("row")
	for q := range ip {
		fn.Emit(ADDReg(ip[q], ip[q], inJ))
	}
	for s := range op {
		fn.Emit(ADDReg(op[s], op[s], outJ))
	}
	fn.Emit(SUBSImm(ls, ls, 1))
	fn.BNE("j")
	fn.RET()
}

// fftR4Narrow1 writes the last radix-4 stage (r = 1, contiguous) of
// length 4·ls, vectorised over j: the inputs of one vector of j are 4·vals
// consecutive values, j-major, which LD4 (complex64, one value an element)
// or LD1 (complex128) and a transpose turn into one complex vector per q;
// the outputs s of those j are consecutive at out + (j + s·ls). The
// twiddles are the plan's narrow table: per vector of j, six vectors (Re
// w1, Im w1, … Im w3) with every value duplicated over two lanes, which
// LD2 takes apart (its second register is discarded).
func fftR4Narrow1(f *File, ty fftType, inverse bool) {
	name := fmt.Sprintf("%sR4Narrow1NEON%s", ty.prefix, dirName(inverse))
	fn := f.Func(name, fmt.Sprintf("func(o, i *%s, w *%s, ls int)", ty.cplx, ty.float))
	fn.Doc(
		name+" is the last radix-4 stage (r = 1) of length 4·ls,",
		"ls a multiple of the values per vector, with the narrow twiddle table.",
	)
	const o, in, w, ls, cnt = R0, R1, R2, R3, R4
	op := [4]Reg{R16, R17, R19, R20}
	fn.Load(fn.Param("o").Value(), o)
	fn.Load(fn.Param("i").Value(), in)
	fn.Load(fn.Param("w").Value(), w)
	fn.Load(fn.Param("ls").Value(), ls)
	fn.Emit(LSRImm(cnt, ls, map[int]int{4: 2, 2: 1}[ty.vals]), LSLImm(ls, ls, ty.shift))
	fn.Emit(MOVD(op[0], o), ADDReg(op[1], op[0], ls), ADDReg(op[2], op[1], ls), ADDReg(op[3], op[2], ls))
	fn.Label("loop")
	a := [4]cx{ty.pair(V8), ty.pair(V10), ty.pair(V12), ty.pair(V14)}
	if ty.arr == S4 {
		fn.Comment("Vq.D[t] = in[4(j+t)+q] for j, j+1; then j+2, j+3 in Vq+4.")
		fn.Emit(VLD4P(in, V0.D2(), V1.D2(), V2.D2(), V3.D2()), VLD4P(in, V4.D2(), V5.D2(), V6.D2(), V7.D2()))
		for q := range a {
			fn.Emit(UZP1(a[q].re, (V0+VReg(q)).S4(), (V4+VReg(q)).S4()), UZP2(a[q].im, (V0+VReg(q)).S4(), (V4+VReg(q)).S4()))
		}
	} else {
		fn.Comment("Vq = in[4j+q] and Vq+4 = in[4(j+1)+q], each one (Re, Im).")
		fn.Emit(VLD1P(in, V0.D2(), V1.D2(), V2.D2(), V3.D2()), VLD1P(in, V4.D2(), V5.D2(), V6.D2(), V7.D2()))
		for q := range a {
			fn.Emit(ZIP1(a[q].re, (V0+VReg(q)).D2(), (V4+VReg(q)).D2()), ZIP2(a[q].im, (V0+VReg(q)).D2(), (V4+VReg(q)).D2()))
		}
	}
	var tw []cx
	for k := range 6 {
		r := V16 + VReg(2*k)
		fn.Emit(VLD2P(w, ty.v(r), ty.v(r+1)))
	}
	for q := range 3 {
		tw = append(tw, cx{ty.v(V16 + VReg(4*q)), ty.v(V18 + VReg(4*q))})
	}
	prod := []cx{ty.pair(V0), ty.pair(V2), ty.pair(V4)}
	cmulVecs(fn, prod, a[1:], tw, inverse)
	b := [4]cx{a[0], prod[0], prod[1], prod[2]}
	t := [4]cx{ty.pair(V6), ty.pair(V10), ty.pair(V12), ty.pair(V14)}
	y := [4]cx{ty.pair(V16), ty.pair(V18), ty.pair(V20), ty.pair(V22)}
	butterfly4(fn, b, t, y, inverse)
	for s := range y {
		fn.Emit(VST2P(op[s], y[s].re, y[s].im))
	}
	fn.Emit(SUBSImm(cnt, cnt, 1))
	fn.BNE("loop")
	fn.RET()
}

// fftR2First writes the radix-2 first stage: out[k] = s·(in[k] + in[k+r]),
// out[k+r] = s·(in[k] − in[k+r]), r a multiple of the values per vector.
// The parts of a complex value need no splitting here.
func fftR2First(f *File, ty fftType) {
	name := ty.prefix + "R2FirstNEON"
	fn := f.Func(name, fmt.Sprintf("func(o, i *%s, r int, s %s)", ty.cplx, ty.float))
	fn.Doc(name + " is the radix-2 first stage of length 2r, scaled by s.")
	const o, in, r, i1, o1 = R0, R1, R2, R3, R4
	fn.Load(fn.Param("o").Value(), o)
	fn.Load(fn.Param("i").Value(), in)
	fn.Load(fn.Param("r").Value(), r)
	fn.LoadFloat(fn.Param("s").Value(), V31)
	fn.Emit(LSLImm(i1, r, ty.shift), ADDReg(o1, o, i1), ADDReg(i1, in, i1))
	fn.Label("loop")
	fn.Emit(VLD1P(in, ty.v(V0), ty.v(V1)), VLD1P(i1, ty.v(V2), ty.v(V3)))
	fn.Emit(FADD(ty.v(V4), ty.v(V0), ty.v(V2)), FADD(ty.v(V5), ty.v(V1), ty.v(V3)))
	fn.Emit(FSUB(ty.v(V6), ty.v(V0), ty.v(V2)), FSUB(ty.v(V7), ty.v(V1), ty.v(V3)))
	s := ty.lane(V31, 0)
	for k := V4; k <= V7; k++ {
		fn.Emit(FMULElem(ty.v(k), ty.v(k), s))
	}
	fn.Emit(VST1P(o, ty.v(V4), ty.v(V5)), VST1P(o1, ty.v(V6), ty.v(V7)))
	fn.Emit(SUBSImm(r, r, int64(ty.vals)))
	fn.BNE("loop")
	fn.RET()
}

// fftScale writes x[i] *= s over n values, n a multiple of the values per
// vector.
func fftScale(f *File, ty fftType) {
	name := ty.prefix + "ScaleNEON"
	fn := f.Func(name, fmt.Sprintf("func(x *%s, n int, s %s)", ty.cplx, ty.float))
	fn.Doc(name + " multiplies the n values at x by s.")
	const x, n, out = R0, R1, R2
	fn.Load(fn.Param("x").Value(), x)
	fn.Load(fn.Param("n").Value(), n)
	fn.LoadFloat(fn.Param("s").Value(), V31)
	fn.Emit(MOVD(out, x))
	fn.Label("loop")
	fn.Emit(VLD1P(x, ty.v(V0), ty.v(V1)))
	fn.Emit(FMULElem(ty.v(V0), ty.v(V0), ty.lane(V31, 0)), FMULElem(ty.v(V1), ty.v(V1), ty.lane(V31, 0)))
	fn.Emit(VST1P(out, ty.v(V0), ty.v(V1)))
	fn.Emit(SUBSImm(n, n, int64(ty.vals)))
	fn.BNE("loop")
	fn.RET()
}

// reverse reverses the lanes of v: for 4S REV64 swaps within each half
// and EXT swaps the halves; for 2D EXT alone.
func (t fftType) reverse(fn *Func, v VReg) {
	if t.arr == S4 {
		fn.Emit(REV64(v.S4(), v.S4()))
	}
	fn.Emit(EXT(v.B16(), v.B16(), v.B16(), 8))
}

// fftRealPass writes the pass between a real FFT of length 2h and its
// half-length complex FFT (asm.FFTRealPass): for each vector of k from 1
// up, the mirrored values h−k are the vector ending at h−1−(k−1), loaded
// and stored with their lanes reversed; B = conj src[h−k],
//
//	dst[k] = half·(A + B) + t·(A − B),  dst[h−k] = conj(half·(A + B) − t·(A − B)).
//
// The table holds per vector of k a vector of Re t and one of Im t, each
// value duplicated over two lanes (LD2 takes them apart).
func fftRealPass(f *File, ty fftType, inverse bool) {
	name := fmt.Sprintf("%sRealPassNEON%s", ty.prefix, dirName(inverse))
	fn := f.Func(name, fmt.Sprintf("func(dst, src *%s, tw *%s, h int, half %s)", ty.cplx, ty.float, ty.float))
	fn.Doc(name + " is the real-FFT pass for k = 1 … h/2 (asm.FFTRealPass).")
	const dst, src, tw, h, pa, pm, da, dm, cnt = R0, R1, R2, R3, R4, R5, R6, R7, R8
	fn.Load(fn.Param("dst").Value(), dst)
	fn.Load(fn.Param("src").Value(), src)
	fn.Load(fn.Param("tw").Value(), tw)
	fn.Load(fn.Param("h").Value(), h)
	fn.LoadFloat(fn.Param("half").Value(), V31)
	fn.Comment("A from src[1] up, the mirror from src[h−vals] down; count h/2/vals.")
	fn.Emit(ADDImm(pa, src, int64(ty.bytes)), ADDImm(da, dst, int64(ty.bytes)))
	fn.Emit(SUBImm(cnt, h, int64(ty.vals)), LSLImm(cnt, cnt, ty.shift), ADDReg(pm, src, cnt), ADDReg(dm, dst, cnt))
	fn.Emit(LSRImm(cnt, h, map[int]int{4: 3, 2: 2}[ty.vals]))
	fn.Label("loop")
	A, M := ty.pair(V0), ty.pair(V2)
	fn.Emit(VLD2P(pa, A.re, A.im), VLD2P(pm, M.re, M.im), SUBImm(pm, pm, 64))
	ty.reverse(fn, V2)
	ty.reverse(fn, V3)
	tr, ti := ty.v(V4), ty.v(V6)
	fn.Emit(VLD2P(tw, tr, ty.v(V5)), VLD2P(tw, ti, ty.v(V7)))
	S, D, P, Q := ty.pair(V8), ty.pair(V10), ty.pair(V12), ty.pair(V14)
	fn.Emit(
		FADD(S.re, A.re, M.re), FSUB(S.im, A.im, M.im),
		FSUB(D.re, A.re, M.re), FADD(D.im, A.im, M.im),
		FMULElem(P.re, S.re, ty.lane(V31, 0)), FMULElem(P.im, S.im, ty.lane(V31, 0)),
	)
	if inverse { // Q = conj(t)·D
		fn.Emit(FMUL(Q.re, D.re, tr), FMLA(Q.re, D.im, ti), FMUL(Q.im, D.im, tr), FMLS(Q.im, D.re, ti))
	} else { // Q = t·D
		fn.Emit(FMUL(Q.re, D.re, tr), FMLS(Q.re, D.im, ti), FMUL(Q.im, D.re, ti), FMLA(Q.im, D.im, tr))
	}
	outA, outM := ty.pair(V16), ty.pair(V18)
	fn.Emit(
		FADD(outA.re, P.re, Q.re), FADD(outA.im, P.im, Q.im),
		FSUB(outM.re, P.re, Q.re), FSUB(outM.im, Q.im, P.im),
	)
	ty.reverse(fn, V18)
	ty.reverse(fn, V19)
	fn.Emit(VST2P(da, outA.re, outA.im), VST2P(dm, outM.re, outM.im), SUBImm(dm, dm, 64))
	fn.Emit(SUBSImm(cnt, cnt, 1))
	fn.BNE("loop")
	fn.RET()
}

// fftCopyRows writes the four-step plan's gather and scatter of column
// blocks: rows rows of width bytes (a multiple of 32), the gaps between
// rows in bytes. One kernel serves both precisions.
func fftCopyRows(f *File) {
	fn := f.Func("fftCopyRowsNEON", "func(dst, src *complex64, rows, width, dgap, sgap int)")
	fn.Doc(
		"fftCopyRowsNEON copies rows rows of width bytes (a multiple of 32),",
		"skipping dgap and sgap bytes after each row; complex128 rows are",
		"passed as complex64 pointers.",
	)
	const dst, src, rows, width, dgap, sgap, cnt = R0, R1, R2, R3, R4, R5, R6
	for _, p := range []struct {
		name string
		r    Reg
	}{{"dst", dst}, {"src", src}, {"rows", rows}, {"width", width}, {"dgap", dgap}, {"sgap", sgap}} {
		fn.Load(fn.Param(p.name).Value(), p.r)
	}
	fn.Label("row")
	fn.Emit(MOVD(cnt, width))
	fn.Label("col")
	fn.Emit(VLD1P(src, V0.S4(), V1.S4()), VST1P(dst, V0.S4(), V1.S4()))
	fn.Emit(SUBSImm(cnt, cnt, 32))
	fn.BNE("col")
	fn.Emit(ADDReg(dst, dst, dgap), ADDReg(src, src, sgap))
	fn.Emit(SUBSImm(rows, rows, 1))
	fn.BNE("row")
	fn.RET()
}

// fftTransposeTwiddle writes the four-step plan's transpose and twiddle
// (asm.FFTTransposeTwiddle): dst[c·ds + k] = src[k·cols + c]·a[k]·b[c·rows
// + k], inverse ·conj(a[k]·b[c·rows + k]), in blocks of vals × vals
// values: vals rows of src (a strided LD2 each) are transposed in
// registers (TRN1 and TRN2 of the lanes, then of the 64-bit halves for
// complex64), so that each of the vals columns c is one complex vector
// over k, multiplied by a·b and stored with one ST2 at dst[c·ds + k].
// The byte strides come from the caller: srcRow = cols values, dRow = ds,
// bRow = rows; after a column block's last k block srcNext (negative)
// takes src back to the next column block, bAdv and dAdv move the b and
// dst pointers vals − 1 rows on.
func fftTransposeTwiddle(f *File, ty fftType, inverse bool) {
	name := fmt.Sprintf("%sTransposeTwiddleNEON%s", ty.prefix, dirName(inverse))
	fn := f.Func(name, fmt.Sprintf("func(dst, src, a, b *%s, kBlocks, cBlocks, srcRow, dRow, bRow, srcNext, bAdv, dAdv int)", ty.cplx))
	fn.Doc(
		name+" is the four-step transpose and twiddle on",
		"cBlocks × kBlocks blocks of values per vector squared (strides in bytes).",
	)
	const dst, src, a, b, kBlocks, cBlocks, srcRow, dRow, bRow, srcNext, bAdv, dAdv = R0, R1, R2, R3, R4, R5, R6, R7, R8, R9, R10, R11
	const kCnt, ap = R16, R19
	for _, p := range []struct {
		name string
		r    Reg
	}{{"dst", dst}, {"src", src}, {"a", a}, {"b", b}, {"kBlocks", kBlocks}, {"cBlocks", cBlocks}, {"srcRow", srcRow},
		{"dRow", dRow}, {"bRow", bRow}, {"srcNext", srcNext}, {"bAdv", bAdv}, {"dAdv", dAdv}} {
		fn.Load(fn.Param(p.name).Value(), p.r)
	}
	v := ty.vals
	dp := []Reg{R12, R13, R14, R15}[:v]
	bp := []Reg{R20, R21, R22, R23}[:v]
	fn.Comment("One dst and one b pointer per column of the block.")
	fn.Emit(MOVD(dp[0], dst), MOVD(bp[0], b))
	for c := 1; c < v; c++ {
		fn.Emit(ADDReg(dp[c], dp[c-1], dRow), ADDReg(bp[c], bp[c-1], bRow))
	}
	fn.Label("cblock")
	fn.Emit(MOVD(ap, a), MOVD(kCnt, kBlocks))
	fn.Label("kblock")
	for k := range v {
		r := V0 + VReg(2*k)
		fn.Emit(VLD2PReg(src, srcRow, ty.v(r), ty.v(r+1)))
	}
	// Column c of the block: re in V8+c, im in V12+c.
	for part := range 2 {
		rows := func(k int) VReg { return V0 + VReg(2*k+part) }
		col := func(c int) Vec { return ty.v(V8 + VReg(4*part+c)) }
		if ty.arr == S4 {
			t := []Vec{V16.S4(), V17.S4(), V18.S4(), V19.S4()}
			fn.Emit(
				TRN1(t[0], rows(0).S4(), rows(1).S4()), TRN2(t[1], rows(0).S4(), rows(1).S4()),
				TRN1(t[2], rows(2).S4(), rows(3).S4()), TRN2(t[3], rows(2).S4(), rows(3).S4()),
				TRN1(col(0).R.D2(), t[0].R.D2(), t[2].R.D2()), TRN1(col(1).R.D2(), t[1].R.D2(), t[3].R.D2()),
				TRN2(col(2).R.D2(), t[0].R.D2(), t[2].R.D2()), TRN2(col(3).R.D2(), t[1].R.D2(), t[3].R.D2()),
			)
		} else {
			fn.Emit(TRN1(col(0), rows(0).D2(), rows(1).D2()), TRN2(col(1), rows(0).D2(), rows(1).D2()))
		}
	}
	A, B, P, O := ty.pair(V20), ty.pair(V22), ty.pair(V24), ty.pair(V26)
	fn.Emit(VLD2P(ap, A.re, A.im))
	for c := range v {
		fn.Emit(VLD2P(bp[c], B.re, B.im))
		cmulVecs(fn, []cx{P}, []cx{A}, []cx{B}, false)
		x := cx{ty.v(V8 + VReg(c)), ty.v(V12 + VReg(c))}
		cmulVecs(fn, []cx{O}, []cx{x}, []cx{P}, inverse)
		fn.Emit(VST2P(dp[c], O.re, O.im))
	}
	fn.Emit(SUBSImm(kCnt, kCnt, 1))
	fn.BNE("kblock")
	fn.Emit(ADDReg(src, src, srcNext))
	for c := range v {
		fn.Emit(ADDReg(bp[c], bp[c], bAdv), ADDReg(dp[c], dp[c], dAdv))
	}
	fn.Emit(SUBSImm(cBlocks, cBlocks, 1))
	fn.BNE("cblock")
	fn.RET()
}

// fftR8First writes the radix-8 first stage (ls = 1, no twiddles) of a
// complex64 FFT of length 8r (asm.FFTRadix8First): for k < r in steps of
// one vector, out[t·r + k] = Σ_q ω_8^{∓qt}·in[q·r + k], the inputs
// scaled by s when scaled. The 8-point DFT is two 4-point ones (even and
// odd q, butterfly4 in place) and a radix-2 layer X_t = E_t + W_t,
// X_{t+4} = E_t − W_t with W_t = ω_8^{∓t}·O_t: t = 2 is a swap of parts
// folded into the sums, t = 1 and 3 multiply S = Re O + Im O and D = Im O
// − Re O by √2/2.
func fftR8First(f *File, scaled, inverse bool) {
	kind := "R8First"
	sig := "func(o, i *complex64, r int)"
	if scaled {
		kind = "R8FirstScaled"
		sig = "func(o, i *complex64, r int, s float32)"
	}
	name := fmt.Sprintf("fft%sNEON%s", kind, dirName(inverse))
	fn := f.Func(name, sig)
	if scaled {
		fn.Doc(name+" is the radix-8 first stage of length 8r (r a", "multiple of 4), the inputs scaled by s.")
	} else {
		fn.Doc(name+" is the radix-8 first stage of length 8r (r a", "multiple of 4).")
	}
	const o, in, r, rb = R0, R1, R2, R3
	ip := []Reg{R4, R5, R6, R7, R8, R9, R10, R11}
	op := []Reg{R12, R13, R14, R15, R16, R17, R19, R20}
	fn.Load(fn.Param("o").Value(), o)
	fn.Load(fn.Param("i").Value(), in)
	fn.Load(fn.Param("r").Value(), r)
	if scaled {
		fn.LoadFloat(fn.Param("s").Value(), V31)
	}
	fn.Emit(DupConst32(V30.S4(), math.Float32bits(float32(math.Sqrt2/2)), R21)...)
	c := V30.S4()
	fn.Comment("Eight input and eight output streams, r values apart.")
	fn.Emit(LSLImm(rb, r, 3), MOVD(ip[0], in), MOVD(op[0], o))
	for q := 1; q < 8; q++ {
		fn.Emit(ADDReg(ip[q], ip[q-1], rb), ADDReg(op[q], op[q-1], rb))
	}
	fn.Label("loop")
	var a [8]cx
	for q := range a {
		a[q] = fft32.pair(V0 + VReg(2*q))
		fn.Emit(VLD2P(ip[q], a[q].re, a[q].im))
	}
	if scaled {
		for q := range a {
			fn.Emit(FMULElem(a[q].re, a[q].re, V31.S(0)), FMULElem(a[q].im, a[q].im, V31.S(0)))
		}
	}
	t := [4]cx{fft32.pair(V16), fft32.pair(V18), fft32.pair(V20), fft32.pair(V22)}
	E := [4]cx{a[0], a[2], a[4], a[6]}
	O := [4]cx{a[1], a[3], a[5], a[7]}
	butterfly4(fn, E, t, E, inverse)
	butterfly4(fn, O, t, O, inverse)
	lo, hi := fft32.pair(V16), fft32.pair(V18)
	S, D := V20.S4(), V21.S4()
	for k := range 4 {
		e, x := E[k], O[k]
		switch k {
		case 0:
			fn.Emit(FADD(lo.re, e.re, x.re), FADD(lo.im, e.im, x.im), FSUB(hi.re, e.re, x.re), FSUB(hi.im, e.im, x.im))
		case 2: // W = ∓i·O: (Im O, −Re O) forward, (−Im O, Re O) inverse
			l, h := lo, hi
			if inverse {
				l, h = hi, lo
			}
			fn.Emit(FADD(l.re, e.re, x.im), FSUB(l.im, e.im, x.re), FSUB(h.re, e.re, x.im), FADD(h.im, e.im, x.re))
		default:
			fn.Emit(FADD(S, x.re, x.im), FSUB(D, x.im, x.re), FMUL(S, S, c), FMUL(D, D, c))
			// Forward: W1 = (S, D)·c, W3 = (D, −S)·c; inverse: W1 = (−D,
			// S)·c, W3 = (−S, −D)·c.
			wre, wim, negRe, negIm := S, D, false, false
			switch {
			case k == 3 && !inverse:
				wre, wim, negIm = D, S, true
			case k == 1 && inverse:
				wre, wim, negRe = D, S, true
			case k == 3 && inverse:
				negRe, negIm = true, true
			}
			add := func(dst, a, b Vec, neg bool) Inst {
				if neg {
					return FSUB(dst, a, b)
				}
				return FADD(dst, a, b)
			}
			fn.Emit(add(lo.re, e.re, wre, negRe), add(lo.im, e.im, wim, negIm), add(hi.re, e.re, wre, !negRe), add(hi.im, e.im, wim, !negIm))
		}
		fn.Emit(VST2P(op[k], lo.re, lo.im), VST2P(op[k+4], hi.re, hi.im))
	}
	fn.Emit(SUBSImm(r, r, 4))
	fn.BNE("loop")
	fn.RET()
}
