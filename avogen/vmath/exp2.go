package vmath

import (
	"math"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	"github.com/mmcloughlin/avo/reg"
)

// Exp2 is 2^t for the scan's decay exp(δ·A) = 2^(δ·log2e·A): the kernels
// scale δ by log2 e once per step (a broadcast scalar, or one vector of
// channels), so each of the State decays costs no range-reduction
// multiply. f = t − ⌊t⌋ ∈ [0, 1) (VREDUCEPS on AVX-512; VROUNDPS and a
// subtraction on AVX2) is exact except for small negative t, where f ≈ 1
// is rounded (the reason for the 2 ulp below; a round-to-nearest reduction
// would be exact at the cost of one more instruction), and 2^⌊t⌋ is applied
// exactly (VSCALEFPS, or an integer built in the exponent field).
//
// 2^f = 1 + f·q(f) with q of degree 6: fitted to minimise the relative
// error of 2^f on [0, 1) by iteratively reweighted least squares (Lawson's
// algorithm, 200 rounds over 2000 Chebyshev nodes, float64), with the
// constant term fixed to 1 so that 2^0 = 1 exactly (a zero δ leaves h
// unchanged). Evaluated in float32 by Horner with fused multiply-adds, the
// polynomial is within 6.0e-8 relative (0.91 ulp) of float64 2^f over 2^24
// points of [0, 1), its own error (1e-10) far below rounding: degree 6
// (1.07 ulp) was enough for one exp but its error has one sign for a given
// f, and a channel's decays compound it over the steps — the scan tests'
// last-state tolerance caught it (the fit is described in the commit that added it).
// The whole of 2^t against float64 math.Exp2 rounded to float32 (asm's
// TestExp2Float32SweepWithin2ULP, every 97th float32): at most 1 ulp at
// AVX2 and 2 ulp at AVX-512, the excess where t is small and negative and
// f = t − ⌊t⌋ ≈ 1 is rounded. In the scan, δ·log2e is carried as hi + lo
// (ScaleLog2E) so that the decay's argument is as accurate as fl(δ·A).
//
// Results below the smallest normal float32 (t < −126) are exactly 0, t
// above 128 gives +Inf (so does t = +Inf), and NaN stays NaN.
var exp2Poly = [...]float32{
	2.14686534e-05, // c7
	0.000143641199,
	0.00134207751,
	0.0096141668,
	0.0555050634,
	0.240226403,
	0.693147182,
	1, // c0
}

// Log2E is log2 e as a float32, the factor the kernels apply to δ, and
// log2ELo the rest of it: log2 e = Log2E + log2ELo to 48 bits.
var (
	Log2E   = float32(math.Log2E)
	log2ELo = float32(math.Log2E - float64(float32(math.Log2E)))
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
	values := append([]float32{-126, Log2E, log2ELo}, exp2Poly[:]...)
	for _, x := range values {
		bits := math.Float32bits(x)
		if _, ok := hoisted[bits]; ok {
			continue
		}
		r := v.Vec()
		VMOVUPS(ConstBits(bits), r)
		hoisted[bits] = r
	}
}

// HoistExp2ConstantsAVX2 loads the constants of Exp2's AVX2 form that a
// loop would otherwise read from memory most often — the clamp bounds and
// the polynomial's six leading coefficients — into 8 registers: as many as
// an AVX2 kernel with 8 registers of its own can spare of its 16 (scanLanes:
// the loads per state fall from 15 to 7). Call ReleaseConstants at the end
// of the kernel.
func HoistExp2ConstantsAVX2() {
	hoisted = map[uint32]reg.VecVirtual{}
	for _, x := range append([]float32{-127, 128}, exp2Poly[:6]...) {
		r := YMM()
		VMOVUPS(ConstBits(math.Float32bits(x)), r)
		hoisted[math.Float32bits(x)] = r
	}
}

// Exp2 overwrites t with 2^(t + a·lo), lane by lane, where a·lo is a
// correction to t's rounding, |a·lo| ≤ 2^−20·|t|, added to the reduced
// argument by one fused multiply-add (a and lo may both be nil).
func Exp2(v ISA, t, a, lo reg.VecVirtual) {
	if v.Lanes == 16 {
		exp2AVX512(t, a, lo)
		return
	}
	// Clamp to [−127, 128]: ⌊t⌋ + 127 then fits the exponent field, where
	// −127 builds +0 (a result below the normal range is 0) and 128 builds
	// +Inf. MAXPS and MINPS return their first (Go-order) operand when
	// either is NaN, so NaN passes through.
	tc, k, f, p, ki := YMM(), YMM(), YMM(), YMM(), YMM()
	if lo, ok := Const(-127).(reg.VecVirtual); ok { // hoisted: no copy
		VMAXPS(t, lo, tc)
	} else {
		VMOVUPS(Const(-127), tc)
		VMAXPS(t, tc, tc)
	}
	if hi, ok := Const(128).(reg.VecVirtual); ok {
		VMINPS(tc, hi, tc)
	} else {
		VMOVUPS(Const(128), k)
		VMINPS(tc, k, tc)
	}
	VROUNDPS(U8(0x09), tc, k) // ⌊tc⌋, no precision exception
	VSUBPS(k, tc, f)
	if lo != nil {
		VFMADD231PS(a, lo, f)
	}
	exp2Horner(f, p)
	VCVTTPS2DQ(k, ki)
	VPADDD(ConstBits(127), ki, ki)
	VPSLLD(U8(23), ki, ki)
	VMULPS(ki, p, t)
}

// exp2AVX512 reduces with VREDUCEPS and scales with VSCALEFPS, which take
// ±Inf and any finite t (2^⌊t⌋ overflows to +Inf or underflows by
// itself); lanes with t < −126 are zeroed by the scaling's mask.
func exp2AVX512(t, a, lo reg.VecVirtual) {
	f, p := ZMM(), ZMM()
	keep := K()
	VREDUCEPS(U8(0x09), t, f)              // f = t − ⌊t⌋ (imm: round down, no precision exception)
	VCMPPS(U8(0x15), Const(-126), t, keep) // t ≥ −126 or NaN (NLT_UQ)
	if lo != nil {
		VFMADD231PS(a, lo, f)
	}
	exp2Horner(f, p)
	VSCALEFPS_Z(t, p, keep, t)
}

// exp2Horner sets p = 2^f for f ∈ [0, 1) (a little beyond, by lo, is as
// accurate).
func exp2Horner(f, p reg.VecVirtual) {
	VMOVUPS(Const(exp2Poly[0]), p)
	for _, c := range exp2Poly[1:] {
		VFMADD213PS(Const(c), f, p) // p = p·f + c
	}
}
