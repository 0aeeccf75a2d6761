// The fftconv generator writes asm/fftconv_amd64.s and asm/fftconv_amd64.go:
// the two passes of Conv32's float32 pipeline that are not FFT stages, at
// AVX2 and AVX-512.
//
//	cd avogen && go run . -gen fftconv -out ../asm
//
// fftConvPass is the whole middle of a real convolution by half-length
// complex FFTs in one pass: with z = FFT_h of the input read as h complex
// values, the forward real pass (the bins X_k from z_k and conj z_{h−k}),
// the product with the kernel's spectrum and the inverse real pass (back
// to a half-length spectrum) read z and the kernel spectrum once and write
// the inverse FFT's input, where three passes wrote and reread the
// spectrum twice. Products are interleaved as in avogen/cmul.go:
//
//	x·y        = fmaddsub(x, dup(Re y), swap(x)·dup(Im y))
//	conj(y)·x  = fmsubadd(x, dup(Re y), swap(x)·dup(Im y))
//
// and the values at h−k are read from the far end and reversed in the
// register (VPERMPD at AVX2; VSHUFF64X2 and VPERMILPD at AVX-512).
//
// addScaled is the D skip fused with the copy out of the FFT buffer:
// y = a + d·u in one pass.
//
// fftConvFirst is the first radix-4 stage of the forward FFT of a row
// whose second half is zero (the zero-padded input of a convolution),
// reading the row's first half where it lies: two inputs per butterfly
// instead of four, and no copy of the row into a padded buffer.
//
// fftConvFirst16 is the same for the radix-16 first pass of AVX-512's
// segmented plans (fftR16Wide with ls = 1).
//
// fftConvTail16 (AVX-512) and fftConvLast4 (AVX2) are the inverse FFT's
// last pass (avogen/fft.go's fftTail16, and fftR4Narrow with r = 1) cut to
// the outputs a convolution keeps, with the D skip and the copy out fused
// into it.
package main

import (
	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	"github.com/mmcloughlin/avo/reg"

	"github.com/ssmkern/ssmkern/avogen/vmath"
)

func generateFFTConv() {
	for _, v := range []vmath.ISA{vmath.AVX2, vmath.AVX512} {
		fftConvPass(v)
		addScaled(v)
		fftConvFirst(v)
	}
	fftConvFirst16(vmath.AVX512)
	fftConvFirstRow(vmath.AVX512)
	for _, skip := range []bool{false, true} {
		fftConvTail16(vmath.AVX512, skip, false, false)
		fftConvLast4(vmath.AVX2, skip)
	}
	for _, compact := range []bool{false, true} {
		for _, skip := range []bool{false, true} {
			fftConvTail16(vmath.AVX512, skip, true, compact)
		}
	}
}

// fftConvBlock is the k's per loop iteration: one ZMM of complex64, two
// YMM.
const fftConvBlock = 8

// fftConvPrefetch is how far ahead (bytes, 32 iterations) fftConvPass
// prefetches the kernel spectrum on each of its two streams. Conv32.Apply,
// H = 256, AVX-512, best of 60 alternating calls (thread CPU time) with
// against without: L = 1024 2.06 against 2.05 ns per sample, 4096 3.30
// against 3.50, 16384 3.67 against 3.87, 65536 4.30 against 4.36 (1 KB
// and 4 KB ahead within 2% of 2 KB). A prefetch never faults, so the
// addresses past either end of k are harmless.
const fftConvPrefetch = 2048

// fftConvPass emits, for the pairs k and j = h−k, k < h/2 (h/2 a multiple
// of fftConvBlock),
//
//	E = z_k + conj z_j,  O = z_k − conj z_j,  T = v_k·O
//	Y1 = K_k·(E − T),  Y2 = conj(K_j)·(E + T)
//	S = Y1 + Y2,  C = conj(v_k)·(Y1 − Y2)
//	dst[k] = s·(S − C),  dst[j] = s·conj(S + C)
//
// with v_k = i·ω_n^k (tw) and K the kernel spectrum (h+1 bins): the
// forward real pass, the product with K and the inverse real pass in one
// (package fft, conv32Pass, derives it; s = 1/(4h) takes the three
// halvings and the inverse FFT's 1/h). The pair's second output follows
// from the first's terms: at j, E and T are conj E and −conj T, which
// turns Y1, Y2, C into conj Y2, conj Y1, −conj C. z has h+1 values, z[h] =
// z[0]; dst h+1, dst[h] its periodic copy of dst[0] (k = 0 pairs with
// j = h). dst[h/2] is left to the caller. dst may be z: an iteration reads
// both blocks of its pairs before it writes them, and no other iteration
// touches them.
func fftConvPass(v vmath.ISA) {
	name := "fftConvPass" + v.Name
	TEXT(name, NOSPLIT, "func(dst, z, k, tw []complex64, s float32)")
	Pragma("noescape")
	Doc(name + " runs the middle pass of a real FFT convolution of half length h = len(z)−1; see avogen/fftconv.go.")
	dst := Load(Param("dst").Base(), GP64())
	z := Load(Param("z").Base(), GP64())
	kp := Load(Param("k").Base(), GP64())
	tw := Load(Param("tw").Base(), GP64())
	n := Load(Param("z").Len(), GP64())
	DECQ(n) // h
	sv, ones, cs := v.Vec(), v.Vec(), v.Vec()
	VBROADCASTSS(Load(Param("s"), XMM()), sv)
	VMOVUPS(vmath.Const(1), ones)
	// cs = (s, −s, …): 0·0 + s in the even lanes, 0·0 − s in the odd.
	zero := v.Vec()
	VXORPS(zero, zero, zero)
	VMOVAPS(sv, cs)
	VFMSUBADD231PS(zero, zero, cs)
	per := v.Lanes / 2 // complex64 per register
	parts := fftConvBlock / per
	// The mirror block of k0 … k0+7 is j = h−k0−7 … h−k0: its reads and
	// writes start there and walk down a block at a time.
	zr, kr, dr := GP64(), GP64(), GP64()
	LEAQ(Mem{Base: z, Index: n, Scale: 8, Disp: 8 * (1 - fftConvBlock)}, zr)
	LEAQ(Mem{Base: kp, Index: n, Scale: 8, Disp: 8 * (1 - fftConvBlock)}, kr)
	LEAQ(Mem{Base: dst, Index: n, Scale: 8, Disp: 8 * (1 - fftConvBlock)}, dr)
	SHRQ(U8(log2(2*fftConvBlock)), n)
	JZ(LabelRef(name + "_done"))
	Label(name + "_loop")
	// The kernel spectrum comes from L3 or memory (H rows of h+1 bins,
	// 8 MB at H = 256, L = 4096), from both ends at once; the hardware
	// prefetchers alone left the pass waiting on it.
	PREFETCHT0(Mem{Base: kp, Disp: fftConvPrefetch})
	PREFETCHT0(Mem{Base: kr, Disp: -fftConvPrefetch})
	reverse := func(x reg.VecVirtual) {
		if v.Lanes == 16 {
			VSHUFF64X2(U8(0x1b), x, x, x) // 128-bit lanes reversed
			VPERMILPD(U8(0x55), x, x)     // and the two values in each
		} else {
			VPERMPD(U8(0x1b), x, x)
		}
	}
	// mul sets acc = x·y (conj false) or conj(y)·x (conj true), with yr
	// and yi the parts of y duplicated over each value's lanes.
	mul := func(acc, x, yr, yi reg.VecVirtual, conj bool) {
		VPERMILPS(U8(0xb1), x, acc)
		VMULPS(yi, acc, acc)
		if conj {
			VFMSUBADD231PS(yr, x, acc)
		} else {
			VFMADDSUB231PS(yr, x, acc)
		}
	}
	for part := range parts {
		off := part * v.Bytes()
		mirror := (parts - 1 - part) * v.Bytes() // part i pairs with the mirror part at the far end
		a, rz, e, o := v.Vec(), v.Vec(), v.Vec(), v.Vec()
		w, wr, wi, t := v.Vec(), v.Vec(), v.Vec(), v.Vec()
		VMOVUPS(Mem{Base: z, Disp: off}, a)
		VMOVUPS(Mem{Base: zr, Disp: mirror}, rz)
		reverse(rz)
		VMOVAPS(rz, e)
		VFMSUBADD231PS(ones, a, e) // a + conj(rz): (ar + rzr, ai − rzi)
		VMOVAPS(rz, o)
		VFMADDSUB231PS(ones, a, o) // a − conj(rz): (ar − rzr, ai + rzi)
		VMOVUPS(Mem{Base: tw, Disp: off}, w)
		VMOVSLDUP(w, wr)
		VMOVSHDUP(w, wi)
		mul(t, o, wr, wi, false) // v·O
		x1, x2 := v.Vec(), v.Vec()
		VSUBPS(t, e, x1)
		VADDPS(t, e, x2)
		kk, kd1, kd2 := v.Vec(), v.Vec(), v.Vec()
		VMOVUPS(Mem{Base: kp, Disp: off}, kk)
		VMOVSLDUP(kk, kd1)
		VMOVSHDUP(kk, kd2)
		y1 := v.Vec()
		mul(y1, x1, kd1, kd2, false) // K_k·X1
		VMOVUPS(Mem{Base: kr, Disp: mirror}, kk)
		reverse(kk)
		VMOVSLDUP(kk, kd1)
		VMOVSHDUP(kk, kd2)
		y2 := v.Vec()
		mul(y2, x2, kd1, kd2, true) // conj(K_j)·X2
		sum, dif, c := v.Vec(), v.Vec(), v.Vec()
		VADDPS(y2, y1, sum)
		VSUBPS(y2, y1, dif)
		mul(c, dif, wr, wi, true) // conj(v)·(Y1 − Y2)
		lo := v.Vec()
		VSUBPS(c, sum, lo)
		VMULPS(sv, lo, lo)
		VMOVUPS(lo, Mem{Base: dst, Disp: off})
		VADDPS(c, sum, sum)
		VMULPS(cs, sum, sum) // s·conj(S + C)
		reverse(sum)
		VMOVUPS(sum, Mem{Base: dr, Disp: mirror})
	}
	ADDQ(U8(8*fftConvBlock), z)
	SUBQ(U8(8*fftConvBlock), zr)
	ADDQ(U8(8*fftConvBlock), kp)
	SUBQ(U8(8*fftConvBlock), kr)
	ADDQ(U8(8*fftConvBlock), tw)
	ADDQ(U8(8*fftConvBlock), dst)
	SUBQ(U8(8*fftConvBlock), dr)
	DECQ(n)
	JNZ(LabelRef(name + "_loop"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// addScaled emits y[i] = a[i] + d·u[i] for the whole vectors of y; y may
// be a or u.
func addScaled(v vmath.ISA) {
	name := "addScaled" + v.Name
	TEXT(name, NOSPLIT, "func(y, a, u []float32, d float32)")
	Pragma("noescape")
	Doc(name + " sets y[i] = a[i] + d·u[i] for the whole vectors of y; see avogen/fftconv.go.")
	y := Load(Param("y").Base(), GP64())
	a := Load(Param("a").Base(), GP64())
	u := Load(Param("u").Base(), GP64())
	n := Load(Param("y").Len(), GP64())
	dv := v.Vec()
	VBROADCASTSS(Load(Param("d"), XMM()), dv)
	SHRQ(U8(log2(v.Lanes)), n)
	JZ(LabelRef(name + "_done"))
	Label(name + "_loop")
	x := v.Vec()
	VMOVUPS(Mem{Base: a}, x)
	VFMADD231PS(Mem{Base: u}, dv, x)
	VMOVUPS(x, Mem{Base: y})
	ADDQ(U8(v.Bytes()), a)
	ADDQ(U8(v.Bytes()), u)
	ADDQ(U8(v.Bytes()), y)
	DECQ(n)
	JNZ(LabelRef(name + "_loop"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// fftConvFirst emits the first forward radix-4 Stockham stage (ls = 1) of
// a length-4r FFT whose inputs r·2 … 4r−1 are zero, from in (2r values):
// with a0 = in[k], a1 = in[r+k], out[k] = a0 + a1, out[r+k] = a0 − i·a1,
// out[2r+k] = a0 − a1, out[3r+k] = a0 + i·a1, for k < r = len(in)/2, a
// multiple of the complex64 per register.
func fftConvFirst(v vmath.ISA) {
	name := "fftConvFirst" + v.Name
	TEXT(name, NOSPLIT, "func(out, in []complex64)")
	Pragma("noescape")
	Doc(name + " runs the first forward radix-4 stage of an FFT whose second half of inputs is zero; see avogen/fftconv.go.")
	out := Load(Param("out").Base(), GP64())
	in := Load(Param("in").Base(), GP64())
	n := Load(Param("in").Len(), GP64())
	SHRQ(U8(1), n) // r
	rb := GP64()
	MOVQ(n, rb)
	SHLQ(U8(3), rb)
	rb3 := GP64()
	LEAQ(Mem{Base: rb, Index: rb, Scale: 2}, rb3)
	halfZeroRadix4Loop(name, v, out, in, n, rb, rb, rb3)
}

// fftConvFirstRow emits fftConvFirst's butterflies over one row of a
// strided layout: for c < k, a0 = in[c] and a1 at is bytes from it, the
// outputs q = 0 … 3 at q·os bytes from out + c (a segmented plan's first
// radix-4 pass, FFTRadix4Strided, whose q rows are segments apart).
func fftConvFirstRow(v vmath.ISA) {
	name := "fftConvFirstRow" + v.Name
	TEXT(name, NOSPLIT, "func(out, in *complex64, k, is, os int)")
	Pragma("noescape")
	Doc(name + " runs the first forward radix-4 stage of an FFT whose second half of inputs is zero on one row of a strided layout; see avogen/fftconv.go.")
	out := Load(Param("out"), GP64())
	in := Load(Param("in"), GP64())
	n := Load(Param("k"), GP64())
	is := Load(Param("is"), GP64())
	ob := Load(Param("os"), GP64())
	o3 := GP64()
	LEAQ(Mem{Base: ob, Index: ob, Scale: 2}, o3)
	halfZeroRadix4Loop(name, v, out, in, n, is, ob, o3)
}

// halfZeroRadix4Loop emits the loop of fftConvFirst and fftConvFirstRow
// and ends the function: for each of n vectors of k, a0 = in[k] and a1 at
// is bytes from it make the outputs a0 + a1, a0 − i·a1, a0 − a1, a0 + i·a1
// at 0, os, 2·os and os3 = 3·os bytes from out + k.
func halfZeroRadix4Loop(name string, v vmath.ISA, out, in, n, is, os, os3 reg.Register) {
	ones := v.Vec()
	VMOVUPS(vmath.Const(1), ones)
	SHRQ(U8(log2(v.Lanes/2)), n)
	JZ(LabelRef(name + "_done"))
	Label(name + "_loop")
	a0, a1, sw := v.Vec(), v.Vec(), v.Vec()
	VMOVUPS(Mem{Base: in}, a0)
	VMOVUPS(Mem{Base: in, Index: is, Scale: 1}, a1)
	y := v.Vec()
	VADDPS(a1, a0, y)
	VMOVUPS(y, Mem{Base: out})
	VSUBPS(a1, a0, y)
	VMOVUPS(y, Mem{Base: out, Index: os, Scale: 2})
	VPERMILPS(U8(0xb1), a1, sw) // (Im a1, Re a1)
	VMOVAPS(sw, y)
	VFMSUBADD231PS(ones, a0, y) // a0 − i·a1: (a0r + a1i, a0i − a1r)
	VMOVUPS(y, Mem{Base: out, Index: os, Scale: 1})
	VFMADDSUB231PS(ones, a0, sw) // a0 + i·a1: (a0r − a1i, a0i + a1r)
	VMOVUPS(sw, Mem{Base: out, Index: os3, Scale: 1})
	ADDQ(U8(v.Bytes()), in)
	ADDQ(U8(v.Bytes()), out)
	DECQ(n)
	JNZ(LabelRef(name + "_loop"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// fftConvFirst16 emits the forward fftR16Wide pass with ls = 1 (ZMM: the
// same table, operations and output layout) for an FFT of length 16r
// whose inputs from 8r on are zero, reading only the first 8r from in:
// in each stage-A butterfly x[4q + p] (q = 0 … 3) the q = 2, 3 inputs are
// zero, so it is fftConvFirst's two-input butterfly, and half the loads
// go. out is written as fftR16Wide writes it, output s + 4t of a k at
// (s + 4t)·os bytes from out + k (os = (r + pad)·8: a segmented layout).
func fftConvFirst16(v vmath.ISA) {
	name := "fftConvFirst16" + v.Name
	TEXT(name, NOSPLIT, "func(out, in *complex64, tw *float32, r, os int)")
	Pragma("noescape")
	Doc(name + " runs the first forward radix-16 pass of an FFT whose second half of inputs is zero; see avogen/fftconv.go.")
	out := Load(Param("out"), GP64())
	in := Load(Param("in"), GP64())
	tw := Load(Param("tw"), GP64())
	k := Load(Param("r"), GP64())
	ob := Load(Param("os"), GP64())
	o3 := GP64()
	LEAQ(Mem{Base: ob, Index: ob, Scale: 2}, o3)
	rb := GP64() // r values in bytes: the stride of p
	MOVQ(k, rb)
	SHLQ(U8(3), rb)
	rb3 := GP64()
	LEAQ(Mem{Base: rb, Index: rb, Scale: 2}, rb3)
	in4 := GP64() // the row 4r, where q = 1 starts
	LEAQ(Mem{Base: in, Index: rb, Scale: 4}, in4)
	SHRQ(U8(log2(cvals(v))), k)
	JZ(LabelRef(name + "_done"))
	ones := fftOnes(v)
	Label(name + "_loop")
	var y [4][4]reg.VecVirtual // y[s][p]
	for p := range 4 {
		a0, a1 := v.Vec(), v.Vec()
		VMOVUPS(groupRow(in, rb, rb3, p), a0)
		VMOVUPS(groupRow(in4, rb, rb3, p), a1)
		// fftConvFirst's butterfly: a0 + a1, a0 − i·a1, a0 − a1, a0 + i·a1.
		y0, y1, y2, sw := v.Vec(), v.Vec(), v.Vec(), v.Vec()
		VADDPS(a1, a0, y0)
		VSUBPS(a1, a0, y2)
		VPERMILPS(U8(0xb1), a1, sw)
		VMOVAPS(sw, y1)
		VFMSUBADD231PS(ones, a0, y1)
		VFMADDSUB231PS(ones, a0, sw)
		y[0][p], y[1][p], y[2][p], y[3][p] = y0, y1, y2, sw
	}
	r16StageB(v, &y, tw, out, ob, o3, ones, true, false)
	ADDQ(U32(v.Bytes()), in)
	ADDQ(U32(v.Bytes()), in4)
	ADDQ(U32(v.Bytes()), out)
	DECQ(k)
	JNZ(LabelRef(name + "_loop"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// fftConvTail16 emits the inverse fftTail16 (avogen/fft.go; the same
// table, the same operations in the same order) computing only the
// outputs t = 0, 1 of its last radix-4 butterflies, the first half of the
// transform (n/2 complex values, n floats): what a convolution whose row
// is the first half of the real FFT's input keeps. Each output vector is
// stored to y, as floats, with the D skip added (skip: y = out + d·u, one
// fused multiply-add, as addScaled; else y = out). This removes the
// stores of the discarded half and the whole addScaled pass (a read of
// the FFT buffer and a write of y).
//
// seg emits fftConvTail16Seg, whose input is segmented as fftTail16's
// (after every per groups of 8 j, in skips skip more bytes: the layout of
// a segmented plan's passes), and compact with it the table of
// fftTail16C (12 vectors per 8 j, the second factor formed from
// fft_tail16_w16): the segmented plans' tail, pruned the same way.
func fftConvTail16(v vmath.ISA, skip, seg, compact bool) {
	name := "fftConvTail16"
	switch {
	case compact:
		name += "SegC"
	case seg:
		name += "Seg"
	}
	name += v.Name
	if skip {
		name += "Skip"
	}
	if seg {
		TEXT(name, NOSPLIT, "func(y, u *float32, in *complex64, tw *float32, m, per, skip int, d float32)")
	} else {
		TEXT(name, NOSPLIT, "func(y, u *float32, in *complex64, tw *float32, m int, d float32)")
	}
	Pragma("noescape")
	Doc(name + " runs the inverse FFT's last two radix-4 stages for the first half of the outputs, adding the D skip; see avogen/fftconv.go.")
	y := Load(Param("y"), GP64())
	var u reg.Register
	var dv reg.VecVirtual
	if skip {
		u = Load(Param("u"), GP64())
		dv = v.Vec()
		VBROADCASTSS(Load(Param("d"), XMM()), dv)
	}
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
	var left reg.GPVirtual // groups before in skips a segment's padding
	if seg {
		CMPQ(NewParamAddr("per", 40), Imm(0))
		JLE(LabelRef(name + "_done"))
		left = GP64()
		Load(Param("per"), left)
	}
	ones := fftOnes(v)
	Label(name + "_loop")
	ys := tail16StageA(v, in, tw, ones, true)
	vb := v.Bytes()
	// Output (s, t) at byte s·mb + t·4·mb of y (and of u).
	o := GP64()
	for s := range 4 {
		b := ys[s][:]
		tail16StageBTwiddles(v, b, s, tw, compact, true)
		// butterfly4's t = 0 and its inverse t = 1 (d02 + i·d13).
		s02, d02, s13, d13 := v.Vec(), v.Vec(), v.Vec(), v.Vec()
		VADDPS(b[2], b[0], s02)
		VSUBPS(b[2], b[0], d02)
		VADDPS(b[3], b[1], s13)
		VSUBPS(b[3], b[1], d13)
		t0, t1 := v.Vec(), v.Vec()
		VADDPS(s13, s02, t0)
		VPERMILPS(U8(0xb1), d13, t1)
		VFMADDSUB231PS(ones, d02, t1)
		if s == 0 {
			XORQ(o, o)
		} else {
			ADDQ(mb, o)
		}
		o4 := GP64() // t = 1
		LEAQ(Mem{Base: o, Index: mb, Scale: 4}, o4)
		for t, r := range []reg.VecVirtual{t0, t1} {
			idx := o
			if t == 1 {
				idx = o4
			}
			if skip {
				VFMADD231PS(Mem{Base: u, Index: idx, Scale: 1}, dv, r)
			}
			VMOVUPS(r, Mem{Base: y, Index: idx, Scale: 1})
		}
	}
	ADDQ(U32(16*vb), in)
	ADDQ(U32(vb), y)
	if skip {
		ADDQ(U32(vb), u)
	}
	if compact {
		ADDQ(U32(12*vb), tw)
	} else {
		ADDQ(U32(30*vb), tw)
	}
	if seg {
		DECQ(left)
		JNZ(LabelRef(name + "_next"))
		ADDQ(NewParamAddr("skip", 48), in)
		Load(Param("per"), left)
		Label(name + "_next")
	}
	DECQ(groups)
	JNZ(LabelRef(name + "_loop"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// fftConvLast4 emits the inverse fftR4Narrow with r = 1 for YMM (the last
// radix-4 stage at AVX2: the same gather, table and operations) computing
// only the outputs q = 0, 1, the first half of the transform, stored to y
// as floats with the D skip added as fftConvTail16 does.
func fftConvLast4(v vmath.ISA, skip bool) {
	name := "fftConvLast4" + v.Name
	if skip {
		name += "Skip"
	}
	TEXT(name, NOSPLIT, "func(y, u *float32, in *complex64, tw *float32, ls int, d float32)")
	Pragma("noescape")
	Doc(name + " runs the inverse FFT's last radix-4 stage for the first half of the outputs, adding the D skip; see avogen/fftconv.go.")
	y := Load(Param("y"), GP64())
	var u reg.Register
	var dv reg.VecVirtual
	if skip {
		u = Load(Param("u"), GP64())
		dv = v.Vec()
		VBROADCASTSS(Load(Param("d"), XMM()), dv)
	}
	in := Load(Param("in"), GP64())
	tw := Load(Param("tw"), GP64())
	ls := Load(Param("ls"), GP64())
	lb := GP64() // ls values in bytes: output q = 1
	MOVQ(ls, lb)
	SHLQ(U8(3), lb)
	groups := GP64()
	MOVQ(ls, groups)
	SHRQ(U8(2), groups) // 4 j per YMM
	JZ(LabelRef(name + "_done"))
	ones := fftOnes(v)
	Label(name + "_loop")
	// 16 values: j0 q0…q3 at byte 0, j1 at 32, j2 at 64, j3 at 96; the
	// lanes end up in fftR4Narrow's order (j0, j2 | j1, j3 … by unpack).
	a := make([]reg.VecVirtual, 4)
	for q := range a {
		a[q] = v.Vec()
	}
	x, w0, z, w1 := v.Vec(), v.Vec(), v.Vec(), v.Vec()
	VMOVUPS(Mem{Base: in}, x.AsX())
	VINSERTF128(U8(1), Mem{Base: in, Disp: 64}, x, x)
	VMOVUPS(Mem{Base: in, Disp: 32}, w0.AsX())
	VINSERTF128(U8(1), Mem{Base: in, Disp: 96}, w0, w0)
	VMOVUPS(Mem{Base: in, Disp: 16}, z.AsX())
	VINSERTF128(U8(1), Mem{Base: in, Disp: 80}, z, z)
	VMOVUPS(Mem{Base: in, Disp: 48}, w1.AsX())
	VINSERTF128(U8(1), Mem{Base: in, Disp: 112}, w1, w1)
	VUNPCKLPD(w0, x, a[0])
	VUNPCKHPD(w0, x, a[1])
	VUNPCKLPD(w1, z, a[2])
	VUNPCKHPD(w1, z, a[3])
	for q := 1; q < 4; q++ {
		wr := Mem{Base: tw, Disp: (2*q - 2) * v.Bytes()}
		wi := Mem{Base: tw, Disp: (2*q - 1) * v.Bytes()}
		a[q] = cmulBy(v, a[q], wr, wi, true)
	}
	// butterfly4's t = 0 and its inverse t = 1 (d02 + i·d13).
	s02, d02, s13, d13 := v.Vec(), v.Vec(), v.Vec(), v.Vec()
	VADDPS(a[2], a[0], s02)
	VSUBPS(a[2], a[0], d02)
	VADDPS(a[3], a[1], s13)
	VSUBPS(a[3], a[1], d13)
	t0, t1 := v.Vec(), v.Vec()
	VADDPS(s13, s02, t0)
	VPERMILPS(U8(0xb1), d13, t1)
	VFMADDSUB231PS(ones, d02, t1)
	if skip {
		VFMADD231PS(Mem{Base: u}, dv, t0)
		VFMADD231PS(Mem{Base: u, Index: lb, Scale: 1}, dv, t1)
	}
	VMOVUPS(t0, Mem{Base: y})
	VMOVUPS(t1, Mem{Base: y, Index: lb, Scale: 1})
	ADDQ(U32(4*v.Bytes()), in)
	ADDQ(U32(v.Bytes()), y)
	if skip {
		ADDQ(U32(v.Bytes()), u)
	}
	ADDQ(U32(6*v.Bytes()), tw)
	DECQ(groups)
	JNZ(LabelRef(name + "_loop"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}
