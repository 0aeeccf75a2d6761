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
}

// fftConvBlock is the k's per loop iteration: one ZMM of complex64, two
// YMM.
const fftConvBlock = 8

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
	ones := v.Vec()
	VMOVUPS(vmath.Const(1), ones)
	per := v.Lanes / 2
	SHRQ(U8(log2(per)), n)
	JZ(LabelRef(name + "_done"))
	Label(name + "_loop")
	a0, a1, sw := v.Vec(), v.Vec(), v.Vec()
	VMOVUPS(Mem{Base: in}, a0)
	VMOVUPS(Mem{Base: in, Index: rb, Scale: 1}, a1)
	y := v.Vec()
	VADDPS(a1, a0, y)
	VMOVUPS(y, Mem{Base: out})
	VSUBPS(a1, a0, y)
	VMOVUPS(y, Mem{Base: out, Index: rb, Scale: 2})
	VPERMILPS(U8(0xb1), a1, sw) // (Im a1, Re a1)
	VMOVAPS(sw, y)
	VFMSUBADD231PS(ones, a0, y) // a0 − i·a1: (a0r + a1i, a0i − a1r)
	VMOVUPS(y, Mem{Base: out, Index: rb, Scale: 1})
	VFMADDSUB231PS(ones, a0, sw) // a0 + i·a1: (a0r − a1i, a0i + a1r)
	VMOVUPS(sw, Mem{Base: out, Index: rb3, Scale: 1})
	ADDQ(U8(v.Bytes()), in)
	ADDQ(U8(v.Bytes()), out)
	DECQ(n)
	JNZ(LabelRef(name + "_loop"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}
