package main

import (
	"math"

	. "github.com/ssmkern/ssmkern/avogen/neon"
	"github.com/ssmkern/ssmkern/avogen/vmathdef"
)

// expConsts are the registers holding Exp's constants, loaded once per
// kernel: NEON has 32 vector registers, and a constant in a register costs
// no load in the loop.
type expConsts struct {
	clampLo, clampHi, log2e, ln2Hi, ln2Lo, minNormal VReg
	bias                                             VReg // the integer 127 in every lane
	taylor                                           []VReg
}

// loadExpConsts puts Exp's constants into registers from first upwards
// (14 of them: first … first+13), through the general register scratch.
func loadExpConsts(fn *Func, first VReg, scratch Reg) expConsts {
	next := first
	byBits := map[uint32]VReg{}
	constant := func(x float32) VReg {
		bits := math.Float32bits(x)
		if r, ok := byBits[bits]; ok {
			return r
		}
		r := next
		next++
		fn.Emit(DupConst32(r.S4(), bits, scratch)...)
		byBits[bits] = r
		return r
	}
	fn.Comment("Exp's constants (avogen/vmathdef), one per register.")
	c := expConsts{
		clampLo:   constant(vmathdef.ExpClampLo),
		clampHi:   constant(vmathdef.ExpClampHi),
		log2e:     constant(vmathdef.ExpLog2E),
		ln2Hi:     constant(vmathdef.ExpLn2Hi),
		ln2Lo:     constant(vmathdef.ExpLn2Lo),
		minNormal: constant(vmathdef.MinNormal),
	}
	for _, t := range vmathdef.ExpTaylor {
		c.taylor = append(c.taylor, constant(float32(t)))
	}
	c.bias = next
	fn.Emit(MOVI(c.bias.S4(), 127, 0))
	return c
}

// exp computes exp(xs[j]) for each j, with xs[j], ks[j], ps[j] and ts[j]
// as its only scratch, and returns the registers holding the results (ps
// or ts, whichever the Horner steps ended in). The steps are emitted for
// every j before the next step, so that the independent chains interleave
// for an in-order core.
//
// It is vmath.Exp's AVX-512 algorithm (clamp, FRINTN, Cody–Waite
// reduction, degree-7 Horner with fused multiply-adds) with the AVX2
// algorithm's exact two-factor scaling 2^(k>>1)·2^(k−k>>1) in place of
// VSCALEFPS, which NEON lacks: 31 instructions per vector.
func exp(fn *Func, c expConsts, xs, ks, ps, ts []VReg) []VReg {
	each := func(f func(j int) []Inst) {
		for j := range xs {
			fn.Emit(f(j)...)
		}
	}
	s4 := func(r VReg) Vec { return r.S4() }
	fn.Comment("x = min(max(x, %v), %v): NaN stays NaN; k stays in [−127, 128].", vmathdef.ExpClampLo, vmathdef.ExpClampHi)
	each(func(j int) []Inst { return []Inst{FMAX(s4(xs[j]), s4(xs[j]), s4(c.clampLo))} })
	each(func(j int) []Inst { return []Inst{FMIN(s4(xs[j]), s4(xs[j]), s4(c.clampHi))} })
	fn.Comment("k = round(x·log2e), ties to even; r = x − k·ln2Hi − k·ln2Lo (in x).")
	each(func(j int) []Inst { return []Inst{FMUL(s4(ks[j]), s4(xs[j]), s4(c.log2e))} })
	each(func(j int) []Inst { return []Inst{FRINTN(s4(ks[j]), s4(ks[j]))} })
	each(func(j int) []Inst { return []Inst{FMLS(s4(xs[j]), s4(ks[j]), s4(c.ln2Hi))} })
	each(func(j int) []Inst { return []Inst{FMLS(s4(xs[j]), s4(ks[j]), s4(c.ln2Lo))} })
	fn.Comment("p = Σ r^i/i!, Horner: each step copies the next coefficient and accumulates into it.")
	cur, other := ps, ts
	prev := func(j int) VReg { return c.taylor[0] }
	for _, coef := range c.taylor[1:] {
		p := prev
		each(func(j int) []Inst {
			return []Inst{MOV(other[j].B16(), coef.B16()), FMLA(s4(other[j]), s4(p(j)), s4(xs[j]))}
		})
		cur, other = other, cur
		res := cur
		prev = func(j int) VReg { return res[j] }
	}
	fn.Comment("p·2^(k>>1)·2^(k−k>>1): each factor a normal float32, built in the exponent field.")
	each(func(j int) []Inst { return []Inst{FCVTZS(s4(ks[j]), s4(ks[j]))} })
	each(func(j int) []Inst { return []Inst{SSHR(s4(other[j]), s4(ks[j]), 1)} })
	each(func(j int) []Inst { return []Inst{SUB(s4(ks[j]), s4(ks[j]), s4(other[j]))} })
	each(func(j int) []Inst { return []Inst{ADD(s4(other[j]), s4(other[j]), s4(c.bias))} })
	each(func(j int) []Inst { return []Inst{ADD(s4(ks[j]), s4(ks[j]), s4(c.bias))} })
	each(func(j int) []Inst { return []Inst{SHL(s4(other[j]), s4(other[j]), 23)} })
	each(func(j int) []Inst { return []Inst{SHL(s4(ks[j]), s4(ks[j]), 23)} })
	each(func(j int) []Inst { return []Inst{FMUL(s4(cur[j]), s4(cur[j]), s4(other[j]))} })
	each(func(j int) []Inst { return []Inst{FMUL(s4(cur[j]), s4(cur[j]), s4(ks[j]))} })
	fn.Comment("A result below 2^−126 (x < ln 2^−126, or rounded there) is 0; NaN compares false and stays.")
	each(func(j int) []Inst { return []Inst{FCMGT(s4(other[j]), s4(c.minNormal), s4(cur[j]))} })
	each(func(j int) []Inst { return []Inst{BIC(cur[j].B16(), cur[j].B16(), other[j].B16())} })
	return cur
}

// regs is n consecutive registers from first.
func regs(first VReg, n int) []VReg {
	r := make([]VReg, n)
	for i := range r {
		r[i] = first + VReg(i)
	}
	return r
}

func s4s(rs []VReg) []Vec {
	v := make([]Vec, len(rs))
	for i, r := range rs {
		v[i] = r.S4()
	}
	return v
}

// generateExp writes expFloat32NEON: dst[i] = exp(src[i]) over the whole
// slice, 16 elements (four vectors) a step, then single vectors, then
// single elements, so that no call reads or writes past either slice.
func generateExp(f *File) {
	fn := f.Func("expFloat32NEON", "func(dst, src []float32)")
	fn.Doc(
		"expFloat32NEON sets dst[i] = exp(src[i]) for every i < len(dst); src",
		"must be at least as long. The function is avogen/vmathdef's: within 2 ulp",
		"of float64 math.Exp rounded to float32, exactly 0 below 2^−126, +Inf",
		"above the largest float32, NaN for NaN. 8 instructions per element in",
		"the main loop.",
	)
	const dst, src, n, scratch = R0, R1, R2, R3
	fn.Load(fn.Param("dst").Base(), dst)
	fn.Load(fn.Param("src").Base(), src)
	fn.Load(fn.Param("dst").Len(), n)
	c := loadExpConsts(fn, V16, scratch)

	// Registers per vector j of a step: x = Vj, k = V4+j, p = V8+j, t = V12+j.
	xs, ks, ps, ts := regs(V0, 4), regs(V4, 4), regs(V8, 4), regs(V12, 4)

	fn.Comment("Four vectors a step.")
	fn.Emit(SUBSImm(n, n, 16))
	fn.BLT("tail4")
	fn.Label("loop16")
	fn.Emit(VLD1P(src, s4s(xs)...))
	out := exp(fn, c, xs, ks, ps, ts)
	fn.Emit(VST1P(dst, s4s(out)...))
	fn.Emit(SUBSImm(n, n, 16))
	fn.BGE("loop16")

	fn.Label("tail4")
	fn.Comment("One vector a step.")
	fn.Emit(ADDImm(n, n, 16-4))
	fn.Emit(CMPImm(n, 0))
	fn.BLT("tail1")
	fn.Label("loop4")
	fn.Emit(VLD1P(src, xs[0].S4()))
	out = exp(fn, c, xs[:1], ks[:1], ps[:1], ts[:1])
	fn.Emit(VST1P(dst, out[0].S4()))
	fn.Emit(SUBSImm(n, n, 4))
	fn.BGE("loop4")

	fn.Label("tail1")
	fn.Comment("One element a step, in lane 0 (the other lanes compute garbage harmlessly).")
	fn.Emit(ADDImm(n, n, 4))
	fn.CBZ(n, "done")
	fn.Label("loop1")
	fn.Emit(VLD1LaneP(src, xs[0].S(0)))
	out = exp(fn, c, xs[:1], ks[:1], ps[:1], ts[:1])
	fn.Emit(VST1LaneP(dst, out[0].S(0)))
	fn.Emit(SUBSImm(n, n, 1))
	fn.BNE("loop1")
	fn.Label("done")
	fn.RET()
}
