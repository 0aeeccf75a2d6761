package vmath

import (
	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	"github.com/mmcloughlin/avo/reg"

	"github.com/ssmkern/ssmkern/avogen/vmathdef"
)

// Exp2 is 2^t for the scan's decay exp(δ·A) = 2^(δ·log2e·A): the kernels
// scale δ by log2 e once per step (a broadcast scalar, or one vector of
// channels), so each of the State decays costs no range-reduction
// multiply. The AVX2 form (the NEON kernel computes the same bits) takes
// f = t − ⌊t⌋ ∈ [0, 1) by VROUNDPS and a subtraction, exact except for
// small negative t, where f ≈ 1 is rounded, and applies 2^⌊t⌋ as an integer
// built in the exponent field. The AVX-512 form takes f = t − round(t) ∈
// [−1/2, 1/2] by VREDUCEPS, exact for every t, and applies 2^round(t) by
// VSCALEFPS (exp2AVX512, exp2PolyHalf).
//
// AVX2: 2^f = 1 + f·q(f) with q of degree 6: fitted to minimise the
// relative error of 2^f on [0, 1) by iteratively reweighted least squares
// (Lawson's algorithm, 200 rounds over 2000 Chebyshev nodes, float64),
// with the constant term fixed to 1 so that 2^0 = 1 exactly (a zero δ
// leaves h unchanged). Evaluated in float32 by Horner with fused
// multiply-adds, the polynomial is within 6.0e-8 relative (0.91 ulp) of
// float64 2^f over 2^24 points of [0, 1), its own error (1e-10) far below
// rounding: degree 6 on [0, 1) (1.07 ulp) was enough for one exp but its
// error has one sign for a given f, and a channel's decays compound it
// over the steps — the scan tests' last-state tolerance caught it.
// The whole of 2^t against float64 math.Exp2 rounded to float32, over all
// 2^32 inputs (asm's TestExp2Float32Exhaustive with -long): at most 1 ulp
// at both levels. In the scan, δ·log2e is carried as hi + lo (ScaleLog2E)
// so that the decay's argument is as accurate as fl(δ·A).
//
// Results below the smallest normal float32 (t < −126) are exactly 0, t
// above 128 gives +Inf (so does t = +Inf), and NaN stays NaN.
var exp2Poly = vmathdef.Exp2Poly // shared with the NEON generator

// exp2PolyHalf is the AVX-512 form's polynomial: 2^f = 1 + f·q(f) on
// [−1/2, 1/2], q of degree 5, fitted like exp2Poly (Lawson, 300 rounds
// over 4000 Chebyshev nodes, float64, constant term fixed to 1): 2.0e-9
// relative in float64, and within 0.95 ulp of float64 2^f when evaluated
// in float32 by Horner with fused multiply-adds (every 2^−24th f of the
// interval). Round-to-nearest reduction (VREDUCEPS) makes f exact for
// every t, so the AVX-512 form needs one multiply-add fewer than the
// degree-7 fit on [0, 1) and loses its 2-ulp case.
var exp2PolyHalf = [...]float32{
	0.0001535336, // c6
	0.0013398874,
	0.009618437,
	0.055503324,
	0.24022648,
	0.6931472,
	1, // c0
}

// Log2E is log2 e as a float32, the factor the kernels apply to δ, and
// log2ELo the rest of it: log2 e = Log2E + log2ELo to 48 bits.
var (
	Log2E   = vmathdef.Log2E
	log2ELo = vmathdef.Log2ELo
)

// ScaleLog2E sets hi + lo = d·log2 e to about 2^−48 relative: hi is the
// rounded product, lo its rounding error (and log2 e's), so that
// 2^(hi·a + lo·a) carries no more error than exp(fl(d·a)) would. Without
// lo the extra rounding doubles the decay's argument error, which a
// channel's state compounds over the steps.
func ScaleLog2E(d, hi, lo reg.VecVirtual) {
	VMULPS(Const(Log2E), d, hi)
	VMOVUPS(hi, lo)
	VFMSUB231PS(Const(Log2E), d, lo) // lo = d·Log2E − hi, exactly
	VFMADD231PS(Const(log2ELo), d, lo)
}

// HoistExp2Constants loads Exp2's constants into registers (11 of them):
// for AVX-512 kernels, which have 32 vector registers. Call
// ReleaseConstants at the end of the kernel.
func HoistExp2Constants(v ISA) {
	hoisted = map[uint32]reg.VecVirtual{}
	hoist(v, -126, Log2E, log2ELo)
	hoist(v, exp2PolyHalf[:]...)
}

// HoistExp2PolyConstants is HoistExp2Constants without log2 e (8
// registers): for a kernel that scales δ before its loop.
func HoistExp2PolyConstants(v ISA) {
	hoisted = map[uint32]reg.VecVirtual{}
	hoist(v, -126)
	hoist(v, exp2PolyHalf[:]...)
}

// HoistExp2ConstantsAVX2 loads the constants of Exp2's AVX2 form that a
// loop would otherwise read from memory most often — the clamp bounds and
// the polynomial's leading coefficients, n of the 8 with n ≤ 8 — into n
// registers: as many as an AVX2 kernel's own registers leave of its 16
// (scanLanes: 8 with one state per iteration, the loads per state falling
// from 15 to 7). Call ReleaseConstants at the end of the kernel.
func HoistExp2ConstantsAVX2(n int) {
	hoisted = map[uint32]reg.VecVirtual{}
	hoist(AVX2, append([]float32{vmathdef.Exp2ClampLo, vmathdef.Exp2ClampHi}, exp2Poly[:6]...)[:n]...)
}

// Exp2 overwrites t with 2^(t + a·lo), lane by lane, where a·lo is a
// correction to t's rounding, |a·lo| ≤ 2^−20·|t|, added to the reduced
// argument by one fused multiply-add (a and lo may both be nil).
func Exp2(v ISA, t, a, lo reg.VecVirtual) {
	var as []reg.VecVirtual
	if a != nil {
		as = []reg.VecVirtual{a}
	}
	Exp2N(v, []reg.VecVirtual{t}, as, lo)
}

// Exp2N is Exp2 of several vectors, ts[i] with the correction as[i]·lo,
// emitted step by step across them: each vector's 2^t is a chain of a
// dozen dependent instructions, and side by side the chains give the
// core independent work in program order rather than only as far ahead as
// its scheduler can look. On Zen 4, a row of exp2 with its constants in
// registers ran 1.45× (AVX2: 0.254 → 0.175 ns per value) and 1.4×
// (AVX-512: 0.167 → 0.121) faster at four vectors per iteration than at
// one (best of 300 × 20 calls of 4096 values).
func Exp2N(v ISA, ts, as []reg.VecVirtual, lo reg.VecVirtual) {
	var los []reg.VecVirtual
	if lo != nil {
		los = make([]reg.VecVirtual, len(ts))
		for i := range los {
			los[i] = lo
		}
	}
	Exp2NEach(v, ts, as, los)
}

// Exp2NEach is Exp2N with a correction lo per vector: ts[i] + as[i]·los[i]
// (los nil for none).
func Exp2NEach(v ISA, ts, as, los []reg.VecVirtual) {
	var correct func(i int, f reg.VecVirtual)
	if los != nil {
		correct = func(i int, f reg.VecVirtual) { VFMADD231PS(as[i], los[i], f) }
	}
	exp2N(v, ts, correct)
}

// Exp2NBcst is Exp2N at AVX-512 with vector i's correction a·lo[i], lo[i]
// a float32 in memory broadcast by the multiply-add itself (none when los
// is nil): for a kernel vectorised over the state, whose δ·log2e is one
// scalar per step.
func Exp2NBcst(ts []reg.VecVirtual, a reg.VecVirtual, los []Mem) {
	var correct func(i int, f reg.VecVirtual)
	if los != nil {
		correct = func(i int, f reg.VecVirtual) { VFMADD231PS_BCST(los[i], a, f) }
	}
	exp2N(AVX512, ts, correct)
}

// exp2N is Exp2N with correct(i, f) adding vector i's correction to its
// reduced argument f (nil for none).
func exp2N(v ISA, ts []reg.VecVirtual, correct func(i int, f reg.VecVirtual)) {
	c := chains(len(ts))
	fs, ps := make([]reg.VecVirtual, c), make([]reg.VecVirtual, c)
	if v.Lanes == 16 {
		// Reduce to the nearest integer k with VREDUCEPS (f = t − k ∈
		// [−1/2, 1/2], exact) and scale with VSCALEFPS, which takes ±Inf
		// and any finite k (2^k overflows to +Inf or underflows by
		// itself); lanes with t < −126 are zeroed by the scaling's mask.
		ks, keep := make([]reg.VecVirtual, c), make([]reg.Register, c)
		c.each(func(i int) { fs[i] = ZMM(); VREDUCEPS(U8(0x08), ts[i], fs[i]) })             // f = t − round(t) (imm: nearest, no precision exception)
		c.each(func(i int) { keep[i] = K(); VCMPPS(U8(0x15), Const(-126), ts[i], keep[i]) }) // t ≥ −126 or NaN (NLT_UQ)
		c.each(func(i int) { ks[i] = ZMM(); VSUBPS(fs[i], ts[i], ks[i]) })                   // k = round(t), exactly
		if correct != nil {
			c.each(func(i int) { correct(i, fs[i]) })
		}
		exp2Horner(v, exp2PolyHalf[:], fs, ps)
		c.each(func(i int) { VSCALEFPS_Z(ks[i], ps[i], keep[i], ts[i]) })
		return
	}
	// Clamp to [−127, 128]: ⌊t⌋ + 127 then fits the exponent field, where
	// −127 builds +0 (a result below the normal range is 0) and 128 builds
	// +Inf. MAXPS and MINPS return their first (Go-order) operand when
	// either is NaN, so NaN passes through.
	tcs, ks := make([]reg.VecVirtual, c), make([]reg.VecVirtual, c)
	c.each(func(i int) { tcs[i], ks[i] = YMM(), YMM() })
	c.each(func(i int) { VMAXPS(ts[i], constReg(vmathdef.Exp2ClampLo, tcs[i]), tcs[i]) }) // a hoisted bound needs no copy
	c.each(func(i int) { VMINPS(tcs[i], constReg(vmathdef.Exp2ClampHi, ks[i]), tcs[i]) })
	c.each(func(i int) { VROUNDPS(U8(0x09), tcs[i], ks[i]) }) // ⌊tc⌋, no precision exception
	c.each(func(i int) { fs[i] = YMM(); VSUBPS(ks[i], tcs[i], fs[i]) })
	if correct != nil {
		c.each(func(i int) { correct(i, fs[i]) })
	}
	exp2Horner(v, exp2Poly[:], fs, ps)
	c.each(func(i int) { VCVTTPS2DQ(ks[i], ks[i]) })
	c.each(func(i int) { VPADDD(ConstBits(127), ks[i], ks[i]) })
	c.each(func(i int) { VPSLLD(U8(23), ks[i], ks[i]) })
	c.each(func(i int) { VMULPS(ks[i], ps[i], ts[i]) })
}

// exp2Horner sets ps[i] = 2^fs[i] by the polynomial poly (highest
// coefficient first) for f in its interval (a little beyond, by lo, is as
// accurate), one coefficient at a time across the vectors.
func exp2Horner(v ISA, poly []float32, fs, ps []reg.VecVirtual) {
	for i := range ps {
		ps[i] = v.Vec()
		VMOVUPS(Const(poly[0]), ps[i])
	}
	for _, c := range poly[1:] {
		for i := range ps {
			VFMADD213PS(Const(c), fs[i], ps[i]) // p = p·f + c
		}
	}
}
