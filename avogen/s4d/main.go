// Command s4d generates asm/vandermonde_amd64.s and asm/vandermonde_amd64.go:
// the hot loop of kernelgen's S4D kernel at the AVX2 and AVX-512 levels.
//
//	cd avogen && go run ./s4d -out ../asm/vandermonde_amd64.s -stubs ../asm/vandermonde_amd64.go -pkg asm
//
// For each block b of 64 steps (generic.VandermondeBlock) it computes
//
//	k[b·64 + j] = Σ_n zRe[b·nh+n]·pRe[n·64+j] − zIm[b·nh+n]·pIm[n·64+j]
//
// the real part of Σ_n z_n·p_n(j), with z the per-block anchors and p the
// table of powers within a block: two fused multiply-adds per (state,
// step) and the 64 outputs of a block in accumulator registers (4 ZMM or
// 8 YMM), so that each power table row is read once per block. It also
// generates the float32 path's table builders (chain) and the vector
// exp, expm1 and sincos of its zero-order hold (expSincos).
package main

import (
	"fmt"
	"math"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	"github.com/mmcloughlin/avo/reg"

	"github.com/ssmkern/ssmkern/avogen/vmath"
)

// block is generic.VandermondeBlock.
const block = 64

func main() {
	ConstraintExpr("gc,!purego")
	for _, v := range []vmath.ISA{vmath.AVX2, vmath.AVX512} {
		vandermonde(v)
	}
	for _, v := range []vmath.ISA{vmath.AVX2, vmath.AVX512} {
		chain(v)
	}
	expSincos()
	Generate()
}

// The loop is arranged for the FMA units, not the loads: each power
// vector loaded from the table is used by the anchors of two blocks at
// once (a pass over a block pair), and the AVX-512 kernel keeps the
// zRe·pRe and zIm·pIm sums in separate accumulators so that no
// accumulator waits on its own previous FMA twice per state (a single
// accumulator per vector ran at half the FMA rate, latency-bound). A pass
// covers chunk steps of the block pair: all 64 in 4 ZMM accumulators per
// block and sum, 32 in 4 YMM per block for AVX2 (16 registers).
func vandermonde(v vmath.ISA) {
	name := "vandermondeBlocks" + v.Name
	TEXT(name, NOSPLIT, "func(k, zRe, zIm, pRe, pIm *float32, blocks, nh int)")
	Pragma("noescape")
	Doc(name + " computes blocks whole 64-step blocks of the S4D Vandermonde kernel; see avogen/s4d.")
	k := Load(Param("k"), GP64())
	zRe := Load(Param("zRe"), GP64())
	zIm := Load(Param("zIm"), GP64())
	blocks := Load(Param("blocks"), GP64())
	nh := Load(Param("nh"), GP64())
	row := GP64() // bytes between the anchors of consecutive blocks
	MOVQ(nh, row)
	SHLQ(U8(2), row)
	split := v.Lanes == 16
	vecs := 4                          // accumulators per block and sum
	chunks := block / (vecs * v.Lanes) // passes per block pair
	TESTQ(nh, nh)
	JZ(LabelRef(name + "_zero"))

	// pass emits one pass over nb (1 or 2) blocks and steps
	// [chunk·vecs·Lanes, (chunk+1)·vecs·Lanes).
	pass := func(label string, nb, chunk int) {
		off := chunk * vecs * v.Bytes()
		sums := 1
		if split {
			sums = 2
		}
		acc := make([][][]reg.VecVirtual, nb) // [block][sum][vec]
		for b := range acc {
			acc[b] = make([][]reg.VecVirtual, sums)
			for s := range acc[b] {
				acc[b][s] = make([]reg.VecVirtual, vecs)
				for i := range acc[b][s] {
					acc[b][s][i] = v.Vec()
					VXORPS(acc[b][s][i], acc[b][s][i], acc[b][s][i])
				}
			}
		}
		zr, zi := GP64(), GP64()
		MOVQ(zRe, zr)
		MOVQ(zIm, zi)
		pr := Load(Param("pRe"), GP64())
		pi := Load(Param("pIm"), GP64())
		n := GP64()
		MOVQ(nh, n)
		Label(label)
		a, c := make([]reg.VecVirtual, nb), make([]reg.VecVirtual, nb)
		for b := range nb {
			a[b], c[b] = v.Vec(), v.Vec()
			if b == 0 {
				VBROADCASTSS(Mem{Base: zr}, a[b])
				VBROADCASTSS(Mem{Base: zi}, c[b])
			} else {
				VBROADCASTSS(Mem{Base: zr, Index: row, Scale: 1}, a[b])
				VBROADCASTSS(Mem{Base: zi, Index: row, Scale: 1}, c[b])
			}
		}
		for i := range vecs {
			x, y := v.Vec(), v.Vec()
			VMOVUPS(Mem{Base: pr, Disp: off + i*v.Bytes()}, x)
			VMOVUPS(Mem{Base: pi, Disp: off + i*v.Bytes()}, y)
			for b := range nb {
				VFMADD231PS(x, a[b], acc[b][0][i])
				VFNMADD231PS(y, c[b], acc[b][sums-1][i])
			}
		}
		ADDQ(U32(4), zr)
		ADDQ(U32(4), zi)
		ADDQ(U32(4*block), pr)
		ADDQ(U32(4*block), pi)
		DECQ(n)
		JNZ(LabelRef(label))
		for b := range nb {
			for i := range vecs {
				if split {
					VADDPS(acc[b][1][i], acc[b][0][i], acc[b][0][i])
				}
				VMOVUPS(acc[b][0][i], Mem{Base: k, Disp: b*4*block + off + i*v.Bytes()})
			}
		}
	}

	Label(name + "_pair")
	CMPQ(blocks, U8(2))
	JB(LabelRef(name + "_single"))
	for ch := range chunks {
		pass(fmt.Sprintf("%s_pair%d", name, ch), 2, ch)
	}
	ADDQ(row, zRe)
	ADDQ(row, zRe)
	ADDQ(row, zIm)
	ADDQ(row, zIm)
	ADDQ(U32(2*4*block), k)
	SUBQ(U8(2), blocks)
	JMP(LabelRef(name + "_pair"))

	Label(name + "_single")
	TESTQ(blocks, blocks)
	JZ(LabelRef(name + "_done"))
	for ch := range chunks {
		pass(fmt.Sprintf("%s_single%d", name, ch), 1, ch)
	}
	JMP(LabelRef(name + "_done"))

	// nh = 0: every output is an empty sum.
	Label(name + "_zero")
	z := v.Vec()
	VXORPS(z, z, z)
	Label(name + "_zeroblock")
	TESTQ(blocks, blocks)
	JZ(LabelRef(name + "_done"))
	for i := range block / v.Lanes {
		VMOVUPS(z, Mem{Base: k, Disp: i * v.Bytes()})
	}
	ADDQ(U32(4*block), k)
	DECQ(blocks)
	JMP(LabelRef(name + "_zeroblock"))

	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// chainGroup is the number of float64 lanes chain advances together: one
// ZMM, two YMM.
const chainGroup = 8

// chainBlock is the number of groups chain advances together, per level:
// their chains stay in registers for all the steps (AVX-512 also holds
// their factors and live counts: 22 of 32 ZMM; AVX2 reads those from
// memory), so that a step costs no load or store of the running product,
// and the blocked groups' products are independent work that hides the
// latency of each chain's multiply then fused multiply-add.
func chainBlock(v vmath.ISA) int {
	if v.Lanes == 16 {
		return 4
	}
	return 2
}

// chain emits the table builder of the float32 path,
// generic.VandermondeChain: for each group g < groups of 8 lanes (x, e,
// live hold 8·groups float64) and step t < steps,
//
//	dst[g·groupStride + t·stepStride + i] = t < live ? float32(x[8g+i]) : 0,  i < 8
//	x ← t < live ? x·e : 0                  (complex, float64)
//
// leaving the advanced x in place. Groups are the outer loop, chainBlock
// at a time, and steps the inner one. AVX-512 folds the liveness into the
// conversion and the last fused multiply-add (zeroing masks); AVX2 clears
// the dead lanes with the compare's mask before the conversion and after
// the product.
func chain(v vmath.ISA) {
	name := "vandermondeChain" + v.Name
	TEXT(name, NOSPLIT, "func(dstRe, dstIm *float32, xr, xi, er, ei, live *float64, groups, steps, groupStride, stepStride int)")
	Pragma("noescape")
	Doc(name + " advances groups·8 complex float64 chains by steps products, storing each live value as float32; see avogen/s4d.")
	avx512 := v.Lanes == 16
	halves := chainGroup / (v.Lanes / 2) // registers per group and part
	vb := v.Bytes()
	steps := Load(Param("steps"), GP64())
	TESTQ(steps, steps)
	JZ(LabelRef(name + "_done"))
	groups := Load(Param("groups"), GP64())
	TESTQ(groups, groups)
	JZ(LabelRef(name + "_done"))
	dr := Load(Param("dstRe"), GP64())
	di := Load(Param("dstIm"), GP64())
	lane := GP64() // byte offset of the current group in x, e and live
	XORQ(lane, lane)
	one := v.Vec()
	{
		r := GP64()
		MOVQ(U64(0x3ff0000000000000), r) // 1.0
		if avx512 {
			VPBROADCASTQ(r, one)
		} else {
			MOVQ(r, one.AsX())
			VPBROADCASTQ(one.AsX(), one)
		}
	}

	// block emits the steps of nb groups at lane.
	block := func(label string, nb int) {
		base := func(p string) reg.Register {
			r := Load(Param(p), GP64())
			ADDQ(lane, r)
			return r
		}
		at := func(r reg.Register, g, h int) Mem { return Mem{Base: r, Disp: g*8*chainGroup + h*vb} }
		xr, xi := base("xr"), base("xi")
		a, b := make([][]reg.VecVirtual, nb), make([][]reg.VecVirtual, nb)
		for g := range nb {
			a[g], b[g] = make([]reg.VecVirtual, halves), make([]reg.VecVirtual, halves)
			for h := range halves {
				a[g][h], b[g][h] = v.Vec(), v.Vec()
				VMOVUPD(at(xr, g, h), a[g][h])
				VMOVUPD(at(xi, g, h), b[g][h])
			}
		}
		er, ei, lv := base("er"), base("ei"), base("live")
		// c, d, the factor; n, the live count: registers (AVX-512) or
		// memory operands (AVX2).
		var c, d, n [][]Op
		for g := range nb {
			c, d, n = append(c, nil), append(d, nil), append(n, nil)
			for h := range halves {
				c[g], d[g], n[g] = append(c[g], at(er, g, h)), append(d[g], at(ei, g, h)), append(n[g], at(lv, g, h))
				if avx512 {
					for _, o := range []*Op{&c[g][h], &d[g][h], &n[g][h]} {
						r := v.Vec()
						VMOVUPD(*o, r)
						*o = r
					}
				}
			}
		}
		gs := GP64()
		Load(Param("groupStride"), gs)
		SHLQ(U8(2), gs)
		var gs3 reg.GPVirtual
		if nb > 2 {
			gs3 = GP64()
			LEAQ(Mem{Base: gs, Index: gs, Scale: 2}, gs3)
		}
		out := func(r reg.Register, g, h int) Mem {
			m := Mem{Base: r, Disp: h * 4 * v.Lanes / 2}
			switch g {
			case 1, 2:
				m.Index, m.Scale = gs, uint8(g)
			case 3:
				m.Index, m.Scale = gs3, 1
			}
			return m
		}
		or, oi := GP64(), GP64()
		MOVQ(dr, or)
		MOVQ(di, oi)
		ss := Load(Param("stepStride"), GP64())
		SHLQ(U8(2), ss)
		s := GP64()
		MOVQ(steps, s)
		t := v.Vec()
		VXORPD(t, t, t)
		Label(label)
		for g := range nb {
			for h := range halves {
				x, y := a[g][h], b[g][h]
				fr, fi := v.Vec(), v.Vec()
				re, im := v.Vec(), v.Vec()
				if avx512 {
					k := K()
					VCMPPD(U8(0x11), n[g][h], t, k) // t < live (LT_OQ: false for NaN)
					VCVTPD2PS_Z(x, k, fr.AsY())
					VCVTPD2PS_Z(y, k, fi.AsY())
					VMOVUPS(fr.AsY(), out(or, g, h))
					VMOVUPS(fi.AsY(), out(oi, g, h))
					// (a + ib)(c + id) = fma(c, a, −(d·b)) + i·fma(d, a, c·b)
					VMULPD(d[g][h], y, re)
					VMULPD(c[g][h], y, im)
					VFMSUB231PD_Z(c[g][h], x, k, re)
					VFMADD231PD_Z(d[g][h], x, k, im)
				} else {
					m := v.Vec()
					VCMPPD(U8(0x11), n[g][h], t, m)
					VANDPD(x, m, x)
					VANDPD(y, m, y)
					VCVTPD2PSY(x, fr.AsX())
					VCVTPD2PSY(y, fi.AsX())
					VMOVUPS(fr.AsX(), out(or, g, h))
					VMOVUPS(fi.AsX(), out(oi, g, h))
					VMULPD(d[g][h], y, re)
					VMULPD(c[g][h], y, im)
					VFMSUB231PD(c[g][h], x, re)
					VFMADD231PD(d[g][h], x, im)
					// A dead lane's product of zeros may be −0; its x is +0.
					VANDPD(re, m, re)
					VANDPD(im, m, im)
				}
				VMOVAPD(re, x)
				VMOVAPD(im, y)
			}
		}
		VADDPD(one, t, t)
		ADDQ(ss, or)
		ADDQ(ss, oi)
		DECQ(s)
		JNZ(LabelRef(label))
		for g := range nb {
			for h := range halves {
				VMOVUPD(a[g][h], at(xr, g, h))
				VMOVUPD(b[g][h], at(xi, g, h))
			}
		}
		ADDQ(U32(nb*8*chainGroup), lane)
		for range nb {
			ADDQ(gs, dr)
			ADDQ(gs, di)
		}
	}

	nb := chainBlock(v)
	Label(name + "_blocks")
	CMPQ(groups, U8(nb))
	JB(LabelRef(name + "_single"))
	block(name+"_blockstep", nb)
	SUBQ(U8(nb), groups)
	JMP(LabelRef(name + "_blocks"))
	Label(name + "_single")
	TESTQ(groups, groups)
	JZ(LabelRef(name + "_done"))
	block(name+"_singlestep", 1)
	DECQ(groups)
	JMP(LabelRef(name + "_single"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// f64 returns x as a 32-byte read-only table of four copies, a YMM
// memory operand.
func f64(x float64) Mem { return bits64(math.Float64bits(x)) }

var tables = map[uint64]Mem{}

func bits64(b uint64) Mem {
	if m, ok := tables[b]; ok {
		return m
	}
	m := GLOBL(fmt.Sprintf("zohconst_%016x", b), 0x8|0x10) // RODATA|NOPTR
	for i := range 4 {
		DATA(8*i, U64(b))
	}
	tables[b] = m
	return m
}

// Constants of expSincos. magic is 1.5·2⁵²: x + magic holds round(x) in
// its low mantissa bits for |x| < 2⁵¹. π/2 is split in three (Cody and
// Waite) so that y − q·π/2 keeps its precision for |q| up to 2⁴⁰ or so;
// the kernel's callers keep |y| ≤ expSincosMaxY.
const (
	expClampLo = -708.0 // 2^k below is not a normal float64: e is 0 below, m −1
	expClampHi = 709.0  // e and m are +Inf above
	magic      = 0x1.8p52
	pio2Hi     = 1.5707963267948966
	pio2Mid    = 6.123233995736766e-17
	pio2Lo     = -1.4973849048591698e-33
)

// expSincos emits zohExpSincosAVX2, the transcendental part of the
// zero-order hold of a diagonal SSM for 4 states a vector (float64):
//
//	e = exp(x), m = expm1(x), s = sin(y), c = cos(y)
//
// exp: x = k·ln 2 + r, |r| ≤ ln2/2, and expm1(r) by its Taylor series to
// r¹³/13! (the next term is below 2⁻⁵³ of it), so that m = 2^k·expm1(r) +
// (2^k − 1) is relative-accurate at k = 0, where exp(x) − 1 cancels, and
// e = 2^k·(1 + expm1(r)). sincos: y = q·π/2 + r, |r| ≤ π/4, the Taylor
// series of sin to r¹⁷ and of cos to r¹⁸, then the quadrant's swap and
// signs from q's low bits. It uses AVX2 and FMA only, so that the AVX-512
// level runs it too (32 states a call: width does not matter).
func expSincos() {
	name := "zohExpSincosAVX2"
	TEXT(name, NOSPLIT, "func(e, m, s, c, x, y *float64, n int)")
	Pragma("noescape")
	Doc(name + " sets e, m, s, c to exp(x), expm1(x), sin(y), cos(y) for n (a multiple of 4) float64 lanes; see avogen/s4d.")
	pe, pm := Load(Param("e"), GP64()), Load(Param("m"), GP64())
	ps, pc := Load(Param("s"), GP64()), Load(Param("c"), GP64())
	px, py := Load(Param("x"), GP64()), Load(Param("y"), GP64())
	n := Load(Param("n"), GP64())
	SHRQ(U8(2), n)
	JZ(LabelRef(name + "_done"))
	Label(name + "_loop")
	{
		x, k, r, p, t := YMM(), YMM(), YMM(), YMM(), YMM()
		VMOVUPD(Mem{Base: px}, x)
		VMAXPD(f64(expClampLo), x, t)
		VMINPD(f64(expClampHi), t, t)
		VMULPD(f64(math.Log2E), t, k)
		VROUNDPD(U8(8), k, k) // nearest, no precision exception
		VMOVAPD(t, r)
		VFNMADD231PD(f64(0x1.62e42fefa39efp-1), k, r)  // r −= k·ln2 (hi)
		VFNMADD231PD(f64(0x1.abc9e3b39803fp-56), k, r) // and lo
		// q = Σ r^(i−2)/i!, i = 2 … 13; expm1(r) = r + r²·q.
		VMOVUPD(f64(1/6227020800.0), p)
		for i := 12; i >= 2; i-- {
			VFMADD213PD(f64(1/factorial(i)), r, p)
		}
		r2 := YMM()
		VMULPD(r, r, r2)
		VFMADD213PD(r, r2, p) // p = expm1(r)
		two := YMM()
		VADDPD(f64(magic), k, two)
		VPADDQ(bits64(1023), two, two)
		VPSLLQ(U8(52), two, two) // 2^k
		e, m := YMM(), YMM()
		VMOVAPD(two, e)
		VFMADD231PD(p, two, e) // 2^k·(1 + p)
		VSUBPD(f64(1), two, m)
		VFMADD231PD(p, two, m) // 2^k·p + (2^k − 1)
		lo, hi := YMM(), YMM()
		VCMPPD(U8(0x11), f64(expClampLo), x, lo) // x < lo (LT_OQ)
		VCMPPD(U8(0x1e), f64(expClampHi), x, hi) // x > hi (GT_OQ)
		VANDNPD(e, lo, e)
		VBLENDVPD(lo, f64(-1), m, m)
		VBLENDVPD(hi, f64(math.Inf(1)), e, e)
		VBLENDVPD(hi, f64(math.Inf(1)), m, m)
		VMOVUPD(e, Mem{Base: pe})
		VMOVUPD(m, Mem{Base: pm})
	}
	{
		y, q, r, z := YMM(), YMM(), YMM(), YMM()
		VMOVUPD(Mem{Base: py}, y)
		VMULPD(f64(2/math.Pi), y, q)
		VROUNDPD(U8(8), q, q)
		VMOVAPD(y, r)
		VFNMADD231PD(f64(pio2Hi), q, r)
		VFNMADD231PD(f64(pio2Mid), q, r)
		VFNMADD231PD(f64(pio2Lo), q, r)
		VMULPD(r, r, z)
		// sin r = r + r·z·Σ (−1)^i z^(i−1)/(2i+1)!, i = 1 … 8
		sn := YMM()
		VMOVUPD(f64(1/factorial(17)), sn)
		for i := 7; i >= 1; i-- {
			VFMADD213PD(f64(sign(i)/factorial(2*i+1)), z, sn)
		}
		rz := YMM()
		VMULPD(z, r, rz)
		VFMADD213PD(r, rz, sn)
		// cos r = 1 + z·Σ (−1)^i z^(i−1)/(2i)!, i = 1 … 9
		cs := YMM()
		VMOVUPD(f64(-1/factorial(18)), cs)
		for i := 8; i >= 1; i-- {
			VFMADD213PD(f64(sign(i)/factorial(2*i)), z, cs)
		}
		VFMADD213PD(f64(1), z, cs)
		// Quadrant q: odd q swaps sin and cos; sin flips sign when q&2,
		// cos when (q+1)&2. q's low bits from q + magic, as an integer.
		qi, sw, t := YMM(), YMM(), YMM()
		VADDPD(f64(magic), q, qi)
		VPSLLQ(U8(63), qi, sw)
		VBLENDVPD(sw, cs, sn, t)  // sin before its sign
		VBLENDVPD(sw, sn, cs, cs) // cos before its sign
		sg := YMM()
		VPAND(bits64(2), qi, sg)
		VPSLLQ(U8(62), sg, sg)
		VXORPD(sg, t, t)
		VPADDQ(bits64(1), qi, qi)
		VPAND(bits64(2), qi, qi)
		VPSLLQ(U8(62), qi, qi)
		VXORPD(qi, cs, cs)
		VMOVUPD(t, Mem{Base: ps})
		VMOVUPD(cs, Mem{Base: pc})
	}
	for _, p := range []reg.Register{pe, pm, ps, pc, px, py} {
		ADDQ(U8(32), p)
	}
	DECQ(n)
	JNZ(LabelRef(name + "_loop"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

func factorial(n int) float64 {
	f := 1.0
	for i := 2; i <= n; i++ {
		f *= float64(i)
	}
	return f
}

// sign is (−1)^i.
func sign(i int) float64 {
	if i%2 == 1 {
		return -1
	}
	return 1
}
