package vmath

import (
	"math"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	"github.com/mmcloughlin/avo/reg"
)

// Exp2TableN is Exp2N at AVX-512 with a 16-entry table, for kernels
// bound by their multiply-add pipes: 2^t = 2^⌊k⌋ · 2^(k−⌊k⌋) · 2^f with
// k = round(16t)/16 and f = t − k ∈ [−1/32, 1/32], both exact (VREDUCEPS
// keeping four fraction bits). 2^(k−⌊k⌋) is one of 2^(j/16), j < 16,
// read by VPERMPS from a table held as hi + lo (each float64 2^(j/16)
// rounded to float32, then the rest rounded), indexed by the low four
// mantissa bits of k + 3·2^18; 2^f = 1 + f·q(f), q of degree 2
// (exp2PolyTable); VSCALEFPS applies 2^⌊k⌋. The product is
// T_hi + (T_hi·f·q + T_lo), so the table's rounding does not bias it: a
// decay's error compounds over a channel's steps. Four multiply-add-pipe
// operations replace Exp2's six Horner steps; the shuffles and the final
// add run on other pipes. Results below the normal range are 0, above it
// +Inf, NaN stays NaN, as for Exp2. Accuracy against float64 math.Exp2
// rounded to float32: asm's TestExp2TableFloat32Sweep (every 97th input,
// and all 2^32 with -long).
//
// Each vector's correction as[i]·lo[i] is added to f (lo[i] a float32 in
// memory broadcast by the multiply-add: a kernel vectorised over the
// state has one δ·log2e per step), none when los is nil.
func Exp2TableN(ts []reg.VecVirtual, a reg.VecVirtual, los []Mem) {
	c := chains(len(ts))
	fs, ks, idx, keep := c.vecs(AVX512), c.vecs(AVX512), c.vecs(AVX512), make([]reg.Register, c)
	hi, lo := exp2TableOps()
	c.each(func(i int) { VREDUCEPS(U8(0x48), ts[i], fs[i]) })                            // f = t − round(16t)/16 (M = 4, nearest, no precision exception)
	c.each(func(i int) { keep[i] = K(); VCMPPS(U8(0x15), Const(-126), ts[i], keep[i]) }) // t ≥ −126 or NaN (NLT_UQ)
	c.each(func(i int) { VSUBPS(fs[i], ts[i], ks[i]) })                                  // k, a multiple of 1/16, exactly
	if los != nil {
		c.each(func(i int) { VFMADD231PS_BCST(los[i], a, fs[i]) })
	}
	c.each(func(i int) { VADDPS(Const(exp2TableMagic), ks[i], idx[i]) }) // 16k mod 16 in the low mantissa bits
	qs := c.vecs(AVX512)
	c.each(func(i int) { VMOVUPS(Const(exp2PolyTable[0]), qs[i]) })
	c.each(func(i int) { VFMADD213PS(Const(exp2PolyTable[1]), fs[i], qs[i]) })
	c.each(func(i int) { VFMADD213PS(Const(exp2PolyTable[2]), fs[i], qs[i]) })
	c.each(func(i int) { VMULPS(fs[i], qs[i], qs[i]) }) // 2^f − 1
	ths, tls := c.vecs(AVX512), c.vecs(AVX512)
	c.each(func(i int) { VPERMPS(hi, idx[i], ths[i]) })
	c.each(func(i int) { VPERMPS(lo, idx[i], tls[i]) })
	c.each(func(i int) { VFMADD213PS(tls[i], ths[i], qs[i]) }) // T_hi·(2^f − 1) + T_lo
	c.each(func(i int) { VADDPS(ths[i], qs[i], qs[i]) })
	c.each(func(i int) { VSCALEFPS_Z(ks[i], qs[i], keep[i], ts[i]) }) // · 2^⌊k⌋
}

// exp2PolyTable is q in 2^f = 1 + f·q(f) on [−1/32, 1/32], highest
// coefficient first: fitted to minimise the relative error of 2^f by
// iteratively reweighted least squares (Lawson's algorithm, 400 rounds
// over 4000 Chebyshev nodes of [−1.02/32, 1.02/32], float64), the constant
// term fixed to 1. With these float32 coefficients, evaluated in float32
// with fused multiply-adds, within 3.2e-9 relative of float64 2^f
// (2·10^5 points of the interval), its mean error 8e-10: far below the
// table's and the result's rounding (6e-8).
var exp2PolyTable = [...]float32{0.0555020571, 0.240234599, 0.693147182}

// exp2TableMagic is 3·2^18: adding it to a multiple k of 1/16 with
// |k| < 2^17 is exact and leaves 16k mod 16 in the four low mantissa
// bits, which VPERMPS reads as the index.
const exp2TableMagic = 786432

// exp2Table holds the registers of a hoisted table (HoistExp2TableConstants).
var exp2Table []reg.VecVirtual

// HoistExp2TableConstants loads Exp2TableN's constants and its two tables
// into 7 registers. Call ReleaseConstants at the end of the kernel.
func HoistExp2TableConstants() {
	hoisted = map[uint32]reg.VecVirtual{}
	hoist(AVX512, -126, exp2TableMagic)
	hoist(AVX512, exp2PolyTable[:]...)
	hi, lo := exp2TableOps()
	exp2Table = []reg.VecVirtual{ZMM(), ZMM()}
	VMOVUPS(hi, exp2Table[0])
	VMOVUPS(lo, exp2Table[1])
}

// exp2TableOps returns the hi and lo tables of 2^(j/16): the hoisted
// registers, or the read-only data.
func exp2TableOps() (hi, lo Op) {
	if exp2Table != nil {
		return exp2Table[0], exp2Table[1]
	}
	var h, l [16]float32
	for j := range h {
		x := math.Exp2(float64(j) / 16)
		h[j] = float32(x)
		l[j] = float32(x - float64(h[j]))
	}
	return table("exp2_table_hi", h), table("exp2_table_lo", l)
}

// table returns the 64-byte read-only table name holding x.
func table(name string, x [16]float32) Mem {
	if m, ok := constants[name]; ok {
		return m
	}
	m := GLOBL(name, RODATA|NOPTR)
	for i, v := range x {
		DATA(4*i, U32(math.Float32bits(v)))
	}
	constants[name] = m
	return m
}
