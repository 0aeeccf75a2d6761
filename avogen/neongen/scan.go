package main

import (
	"fmt"
	"math"

	. "github.com/ssmkern/ssmkern/avogen/neon"
	"github.com/ssmkern/ssmkern/avogen/vmathdef"
)

// generateScan writes the selective-scan kernels at the NEON level, the
// arm64 twins of avogen/scan.go's (same split, same functions, same
// polynomials from avogen/vmathdef):
//
//   - deltaRow*NEON: δ = softplus(Δ + bias) (or Δ + bias) over the whole
//     4-lane vectors of a row, bias a scalar or a vector;
//   - scanChannelsNEON: a run of channels' recurrence over a tile of
//     steps, vectorised over the state (padded to whole vectors), the
//     layout given by strides;
//   - scanLanesNEON: the BLD recurrence vectorised over a block of up to
//     four channels of one group;
//   - gateRow*NEON: out = (y + D·u)·silu(z), or without the gate;
//   - exp2RowNEON: the decay 2^t on its own, for its accuracy tests.
//
// Row kernels process whole vectors only; the Go caller finishes the tail.
func generateScan(f *File) {
	for _, softplus := range []bool{false, true} {
		deltaRowNEON(f, false, softplus)
		deltaRowNEON(f, true, softplus)
	}
	exp2RowNEON(f)
	scanChannelsNEON(f)
	scanLanesNEON(f)
	for _, z := range []bool{false, true} {
		gateRowNEON(f, false, z)
		gateRowNEON(f, true, z)
	}
}

// dup32 sets every lane of v to the float32 x: FMOV (vector, immediate)
// when x has an 8-bit immediate, else MOVW and DUP through scratch.
func dup32(fn *Func, v VReg, x float32, scratch Reg) {
	if x == 0 {
		fn.Emit(MOVI(v.B16(), 0, 0))
		return
	}
	if _, ok := FPImm8(float64(x)); ok {
		fn.Emit(FMOVImm(v.S4(), float64(x)))
		return
	}
	fn.Emit(DupConst32(v.S4(), math.Float32bits(x), scratch)...)
}

// exp2Consts are the registers of Exp2's constants.
type exp2Consts struct {
	clampLo, clampHi, log2e, log2eLo, bias VReg
	poly                                   []VReg // c7 … c0
}

// loadExp2Consts puts Exp2's constants into first, first+1, … (13
// registers).
func loadExp2Consts(fn *Func, first VReg, scratch Reg) exp2Consts {
	next := first
	take := func(x float32) VReg {
		r := next
		next++
		dup32(fn, r, x, scratch)
		return r
	}
	fn.Comment("Exp2's constants (avogen/vmathdef), one per register.")
	c := exp2Consts{
		clampLo: take(vmathdef.Exp2ClampLo),
		clampHi: take(vmathdef.Exp2ClampHi),
		log2e:   take(vmathdef.Log2E),
		log2eLo: take(vmathdef.Log2ELo),
	}
	for _, p := range vmathdef.Exp2Poly {
		c.poly = append(c.poly, take(p))
	}
	c.bias = next
	fn.Emit(MOVI(c.bias.S4(), 127, 0))
	return c
}

// scaleLog2E sets hi = fl(d·log2e) and nlo = −lo, with hi + lo = d·log2 e
// to about 2^−48 (vmath.ScaleLog2E; NEON's FMLS subtracts, so the
// correction is kept negated and subtracted again in exp2).
func scaleLog2E(fn *Func, c exp2Consts, d, hi, nlo VReg) {
	fn.Emit(
		FMUL(hi.S4(), d.S4(), c.log2e.S4()),
		MOV(nlo.B16(), hi.B16()),
		FMLS(nlo.S4(), d.S4(), c.log2e.S4()),   // hi − d·Log2E, exactly
		FMLS(nlo.S4(), d.S4(), c.log2eLo.S4()), // − d·Log2ELo
	)
}

// exp2 sets ts[j] = 2^(ts[j] + as[j]·lo) for each j (lo given negated as
// nlo; as nil for the plain 2^t), with ks[j], ps[j] and qs[j] as scratch:
// vmath.Exp2's AVX2 algorithm, instruction for instruction, so the two
// levels agree to the bit. Each step is emitted for every j before the
// next, so that the independent chains interleave. FMAX and FMIN return
// NaN for a NaN operand, so NaN stays NaN. 23 instructions per vector (22
// without the correction).
func exp2(fn *Func, c exp2Consts, ts, as []VReg, nlo VReg, ks, ps, qs []VReg) {
	each := func(f func(j int) Inst) {
		for j := range ts {
			fn.Emit(f(j))
		}
	}
	s4 := func(r VReg) Vec { return r.S4() }
	each(func(j int) Inst { return FMAX(s4(ts[j]), s4(ts[j]), s4(c.clampLo)) })
	each(func(j int) Inst { return FMIN(s4(ts[j]), s4(ts[j]), s4(c.clampHi)) })
	each(func(j int) Inst { return FRINTM(s4(ks[j]), s4(ts[j])) })
	each(func(j int) Inst { return FSUB(s4(ts[j]), s4(ts[j]), s4(ks[j])) }) // f = t − ⌊t⌋
	if as != nil {
		each(func(j int) Inst { return FMLS(s4(ts[j]), s4(as[j]), s4(nlo)) }) // f + a·lo
	}
	// Horner: each step copies the next coefficient and accumulates into it.
	prev := func(int) VReg { return c.poly[0] }
	cur, other := ps, qs
	for _, coef := range c.poly[1:] {
		p := prev
		each(func(j int) Inst { return MOV(cur[j].B16(), coef.B16()) })
		each(func(j int) Inst { return FMLA(s4(cur[j]), s4(p(j)), s4(ts[j])) })
		res := cur
		prev = func(j int) VReg { return res[j] }
		cur, other = other, cur
	}
	each(func(j int) Inst { return FCVTZS(s4(ks[j]), s4(ks[j])) })
	each(func(j int) Inst { return ADD(s4(ks[j]), s4(ks[j]), s4(c.bias)) })
	each(func(j int) Inst { return SHL(s4(ks[j]), s4(ks[j]), 23) }) // 2^⌊t⌋: +0 for −127, +Inf for 128
	each(func(j int) Inst { return FMUL(s4(ts[j]), s4(prev(j)), s4(ks[j])) })
}

// rowLoop runs body once per whole 4-lane vector of a row of n elements
// (n in the register n, consumed) and returns.
func rowLoop(fn *Func, n Reg, body func()) {
	fn.Emit(LSRImm(n, n, 2))
	fn.CBZ(n, "done")
	fn.Label("loop")
	body()
	fn.Emit(SUBSImm(n, n, 1))
	fn.BNE("loop")
	fn.Label("done")
	fn.RET()
}

// rowLoop2 is rowLoop two vectors a pass (body(2)), the independent
// chains interleaved, then an odd last vector (body(1)).
func rowLoop2(fn *Func, n Reg, body func(m int)) {
	fn.Emit(LSRImm(n, n, 2), SUBSImm(n, n, 2))
	fn.BLT("single")
	fn.Label("pair")
	body(2)
	fn.Emit(SUBSImm(n, n, 2))
	fn.BGE("pair")
	fn.Label("single")
	fn.Emit(CMPImm(n, -1)) // −1: one vector left; −2: none
	fn.BNE("done")
	body(1)
	fn.Label("done")
	fn.RET()
}

// softplusConsts are the registers of the log1p series and 2.
type softplusConsts struct {
	two    VReg
	series []VReg
}

func loadSoftplusConsts(fn *Func, first VReg, scratch Reg) softplusConsts {
	fn.Comment("Softplus's series (avogen/vmathdef) and 2.")
	c := softplusConsts{two: first}
	dup32(fn, first, 2, scratch)
	for i, s := range vmathdef.Log1pSeries {
		r := first + 1 + VReg(i)
		dup32(fn, r, float32(s), scratch)
		c.series = append(c.series, r)
	}
	return c
}

// softplus sets x = softplus(x) = max(x, 0) + log1p(exp(−|x|)) (vmath.Softplus),
// with s0 … s5 as scratch and zero holding 0.
func softplus(fn *Func, ec expConsts, sc softplusConsts, zero, x VReg, s []VReg) {
	e, k, p, q, u, v := s[0], s[1], s[2], s[3], s[4], s[5]
	fn.Emit(FABS(e.S4(), x.S4()), FNEG(e.S4(), e.S4()))
	ex := exp(fn, ec, []VReg{e}, []VReg{k}, []VReg{p}, []VReg{q})[0]
	fn.Comment("s = e/(2+e); log1p(e) = 2·s·Σ s^2i/(2i+1).")
	fn.Emit(
		FADD(u.S4(), ex.S4(), sc.two.S4()),
		FDIV(u.S4(), ex.S4(), u.S4()),
		FMUL(v.S4(), u.S4(), u.S4()),
	)
	prev, cur, other := sc.series[0], e, k
	for _, coef := range sc.series[1:] {
		fn.Emit(MOV(cur.B16(), coef.B16()), FMLA(cur.S4(), prev.S4(), v.S4()))
		prev, cur, other = cur, other, cur
	}
	fn.Emit(
		FMUL(prev.S4(), prev.S4(), u.S4()),
		FADD(prev.S4(), prev.S4(), prev.S4()),
		FMAX(x.S4(), x.S4(), zero.S4()), // NaN stays NaN
		FADD(x.S4(), x.S4(), prev.S4()),
	)
}

// silu sets xs[j] = xs[j] / (1 + exp(−xs[j])) (vmath.SiLU) for each j,
// with es, ks, ps and qs as scratch and one holding 1.
func silu(fn *Func, ec expConsts, one VReg, xs, es, ks, ps, qs []VReg) {
	for j := range xs {
		fn.Emit(FNEG(es[j].S4(), xs[j].S4()))
	}
	ex := exp(fn, ec, es, ks, ps, qs)
	for j := range xs {
		fn.Emit(FADD(ex[j].S4(), ex[j].S4(), one.S4()))
	}
	for j := range xs {
		fn.Emit(FDIV(xs[j].S4(), xs[j].S4(), ex[j].S4()))
	}
}

// deltaRowNEON writes dst[i] = f(src[i] + bias) over whole vectors, f
// softplus or the identity, bias a scalar or bias[i].
func deltaRowNEON(f *File, vectorBias, sp bool) {
	name := "deltaRow"
	if sp {
		name += "Softplus"
	}
	sig := "func(dst, src []float32, bias float32)"
	if vectorBias {
		name += "Vec"
		sig = "func(dst, src, bias []float32)"
	} else {
		name += "Scalar"
	}
	name += "NEON"
	fn := f.Func(name, sig)
	what := map[bool]string{true: "softplus", false: ""}[sp]
	biasText := map[bool]string{true: "bias[i]", false: "bias"}[vectorBias]
	fn.Doc(fmt.Sprintf("%s computes dst[i] = %s(src[i] + %s) over whole 4-lane vectors.", name, what, biasText))
	const dst, src, n, biasPtr, scratch = R0, R1, R2, R3, R4
	fn.Load(fn.Param("dst").Base(), dst)
	fn.Load(fn.Param("src").Base(), src)
	fn.Load(fn.Param("dst").Len(), n)
	const bias, zero = V31, V30
	if vectorBias {
		fn.Load(fn.Param("bias").Base(), biasPtr)
	} else {
		fn.LoadFloat(fn.Param("bias").Value(), bias)
		fn.Emit(DUPElem(bias.S4(), bias.S(0)))
	}
	var ec expConsts
	var sc softplusConsts
	if sp {
		ec = loadExpConsts(fn, V8, scratch) // V8 … V21
		sc = loadSoftplusConsts(fn, V22, scratch)
		fn.Emit(MOVI(zero.B16(), 0, 0))
	}
	if !sp {
		// Two vectors a pass: x in V0, V1, a bias vector in V2, V3.
		x, bs := regs(V0, 2), regs(V2, 2)
		rowLoop2(fn, n, func(m int) {
			fn.Emit(VLD1P(src, s4s(x[:m])...))
			if vectorBias {
				fn.Emit(VLD1P(biasPtr, s4s(bs[:m])...))
			}
			for j := 0; j < m; j++ {
				b := bias
				if vectorBias {
					b = bs[j]
				}
				fn.Emit(FADD(x[j].S4(), x[j].S4(), b.S4()))
			}
			fn.Emit(VST1P(dst, s4s(x[:m])...))
		})
		return
	}
	// Softplus needs seven registers a vector besides its 22 constants:
	// one vector a pass.
	rowLoop(fn, n, func() {
		fn.Emit(VLD1P(src, V0.S4()))
		if vectorBias {
			fn.Emit(VLD1P(biasPtr, bias.S4()))
		}
		fn.Emit(FADD(V0.S4(), V0.S4(), bias.S4()))
		softplus(fn, ec, sc, zero, V0, regs(V1, 6))
		fn.Emit(VST1P(dst, V0.S4()))
	})
}

// exp2RowNEON writes dst[i] = 2^src[i] over whole vectors.
func exp2RowNEON(f *File) {
	fn := f.Func("exp2RowNEON", "func(dst, src []float32)")
	fn.Doc("exp2RowNEON computes dst[i] = 2^src[i] over whole 4-lane vectors (the scan's decay, avogen/vmathdef's Exp2).")
	const dst, src, n, scratch = R0, R1, R2, R3
	fn.Load(fn.Param("dst").Base(), dst)
	fn.Load(fn.Param("src").Base(), src)
	fn.Load(fn.Param("dst").Len(), n)
	c := loadExp2Consts(fn, V16, scratch)
	rowLoop(fn, n, func() {
		fn.Emit(VLD1P(src, V0.S4()))
		exp2(fn, c, []VReg{V0}, nil, V0, []VReg{V1}, []VReg{V2}, []VReg{V3})
		fn.Emit(VST1P(dst, V0.S4()))
	})
}

// gateRowNEON writes out[i] = (out[i] + d·u[i])·silu(z[i]) (or without the
// gate) over whole vectors, d a scalar or d[i].
func gateRowNEON(f *File, vectorD, gate bool) {
	name := "gateRow"
	if gate {
		name += "SiLU"
	}
	var sig string
	switch {
	case vectorD && gate:
		sig = "func(out, u, z, d []float32)"
	case vectorD:
		sig = "func(out, u, d []float32)"
	case gate:
		sig = "func(out, u, z []float32, d float32)"
	default:
		sig = "func(out, u []float32, d float32)"
	}
	if vectorD {
		name += "Vec"
	} else {
		name += "Scalar"
	}
	name += "NEON"
	fn := f.Func(name, sig)
	fn.Doc(name + " adds the D skip to a row of scan outputs and applies the silu gate, over whole 4-lane vectors, two a pass.")
	const out, outW, u, n, z, dPtr, scratch = R0, R1, R2, R3, R4, R5, R6
	fn.Load(fn.Param("out").Base(), out)
	fn.Emit(MOVD(outW, out))
	fn.Load(fn.Param("u").Base(), u)
	fn.Load(fn.Param("out").Len(), n)
	if gate {
		fn.Load(fn.Param("z").Base(), z)
	}
	const dv, one = V31, V30
	if vectorD {
		fn.Load(fn.Param("d").Base(), dPtr)
	} else {
		fn.LoadFloat(fn.Param("d").Value(), dv)
		fn.Emit(DUPElem(dv.S4(), dv.S(0)))
	}
	var ec expConsts
	if gate {
		ec = loadExpConsts(fn, V16, scratch) // V16 … V29
		dup32(fn, one, 1, scratch)
	}
	// Vectors j = 0, 1 of a pass: out in V0, V1; u V2, V3; z V4, V5; d (a
	// vector) V14, V15; exp's scratch V6 … V13.
	o, uv, zv, dvs := regs(V0, 2), regs(V2, 2), regs(V4, 2), regs(V14, 2)
	rowLoop2(fn, n, func(m int) {
		fn.Emit(VLD1P(out, s4s(o[:m])...), VLD1P(u, s4s(uv[:m])...))
		if vectorD {
			fn.Emit(VLD1P(dPtr, s4s(dvs[:m])...))
		}
		for j := 0; j < m; j++ {
			dj := dv
			if vectorD {
				dj = dvs[j]
			}
			fn.Emit(FMLA(o[j].S4(), uv[j].S4(), dj.S4()))
		}
		if gate {
			fn.Emit(VLD1P(z, s4s(zv[:m])...))
			silu(fn, ec, one, zv[:m], regs(V6, m), regs(V8, m), regs(V10, m), regs(V12, m))
			for j := 0; j < m; j++ {
				fn.Emit(FMUL(o[j].S4(), o[j].S4(), zv[j].S4()))
			}
		}
		fn.Emit(VST1P(outW, s4s(o[:m])...))
	})
}

// scanChannelsNEON writes scanChannelsNEON, avogen/scan.go's scanChannel
// at 4 lanes:
//
//	for each of channels channels, for each of steps steps l:
//	    δ = delta[l·sx], x = u[l·sx]
//	    h[c] = exp(δ·a[c])·h[c] + δ·x·b[l·sbc + c]     for each of chunks vectors c
//	    y[l·sx] = Σ_c Σ_lanes h[c]·c[l·sbc + c]
//
// then h and a move on by chunks vectors, delta, u and y by cx elements,
// b and c by cbc. δ and x are loaded broadcast (LD1R), so δ·x and δ·log2e
// are whole vectors and the state loop has no scalar operand. The state
// loop takes two vectors a pass (two-register loads and stores, the two
// decays interleaved); the loops are written twice, for an even number of
// chunks (every State that is a multiple of 8) and for an odd one, which
// ends each step with a single vector. Every pointer runs on through the
// whole call, moved back or on by differences computed once (sbc − w
// after a step, cx − steps·sx and cbc − steps·sbc after a channel), so a
// step costs 19 instructions beside its state loop (24 before) and a
// channel 10 (17).
func scanChannelsNEON(f *File) {
	fn := f.Func("scanChannelsNEON", "func(h, a, b, c, delta, u, y *float32, steps, sx, sbc, chunks, channels, cx, cbc int)")
	fn.Doc("scanChannelsNEON runs the selective-scan recurrence of a run of channels over a tile of steps; see avogen/neongen/scan.go.")
	const (
		hp, ap, bq, cq, dp, up, yp = R0, R1, R2, R3, R4, R5, R6 // running pointers
		sx                         = R7                         // bytes
		bcStep, xChan, bcChan      = R8, R9, R10                // sbc − w, cx − steps·sx, cbc − steps·sbc, bytes
		channels, wBytes, left     = R11, R12, R13
		steps, pairs, cnt          = R14, R15, R16
		scratch                    = R17
	)
	for _, p := range []struct {
		name string
		r    Reg
	}{{"h", hp}, {"a", ap}, {"b", bq}, {"c", cq}, {"delta", dp}, {"u", up}, {"y", yp}, {"steps", steps}, {"channels", channels}} {
		fn.Load(fn.Param(p.name).Value(), p.r)
	}
	fn.Emit(CMPImm(steps, 0))
	fn.BLE("done")
	fn.Emit(CMPImm(channels, 0))
	fn.BLE("done")
	fn.Load(fn.Param("chunks").Value(), wBytes)
	fn.Emit(CMPImm(wBytes, 0))
	fn.BLE("done")
	fn.Emit(LSLImm(wBytes, wBytes, 4), LSRImm(pairs, wBytes, 5))
	mul := func(d, n, m Reg) Inst { return Go("MUL", m.Go(), n.Go(), d.Go()) }
	sub := func(d, n, m Reg) Inst { return Go("SUB", m.Go(), n.Go(), d.Go()) }
	fn.Comment("The pointer moves, in bytes.")
	fn.Load(fn.Param("sx").Value(), sx)
	fn.Load(fn.Param("cx").Value(), xChan)
	fn.Emit(LSLImm(sx, sx, 2), LSLImm(xChan, xChan, 2), mul(scratch, steps, sx), sub(xChan, xChan, scratch))
	fn.Load(fn.Param("sbc").Value(), bcStep)
	fn.Load(fn.Param("cbc").Value(), bcChan)
	fn.Emit(LSLImm(bcStep, bcStep, 2), LSLImm(bcChan, bcChan, 2), mul(scratch, steps, bcStep), sub(bcChan, bcChan, scratch),
		sub(bcStep, bcStep, wBytes), MOVD(left, steps))
	k := loadExp2Consts(fn, V19, scratch) // V19 … V31

	const d, du, dh, ndl, acc = V0, V1, V2, V3, V4
	// Two vectors a pass: a (then c) in V5, V6; t V7, V8; k V9, V10; Horner
	// V11 … V14; h V15, V16; b V17, V18.
	av, t, kk, p, q := regs(V5, 2), regs(V7, 2), regs(V9, 2), regs(V11, 2), regs(V13, 2)
	hv, bv, cv := regs(V15, 2), regs(V17, 2), regs(V5, 2)
	// chunk emits the state update of n vectors at hp, ap, bq and cq.
	chunk := func(n int) {
		fn.Emit(VLD1P(ap, s4s(av[:n])...))
		for j := 0; j < n; j++ {
			fn.Emit(FMUL(t[j].S4(), av[j].S4(), dh.S4()))
		}
		exp2(fn, k, t[:n], av[:n], ndl, kk[:n], p[:n], q[:n])
		fn.Emit(VLD1(hp, s4s(hv[:n])...), VLD1P(bq, s4s(bv[:n])...))
		for j := 0; j < n; j++ {
			fn.Emit(FMUL(hv[j].S4(), hv[j].S4(), t[j].S4()))
		}
		for j := 0; j < n; j++ {
			fn.Emit(FMLA(hv[j].S4(), bv[j].S4(), du.S4()))
		}
		fn.Emit(VST1P(hp, s4s(hv[:n])...), VLD1P(cq, s4s(cv[:n])...))
		for j := 0; j < n; j++ {
			fn.Emit(FMLA(acc.S4(), hv[j].S4(), cv[j].S4()))
		}
	}
	fn.Emit(Go("TST", "$16", wBytes.Go())) // an odd number of chunks
	fn.BNE("odd")
	for _, odd := range []bool{false, true} {
		l := func(s string) string {
			if odd {
				return s + "Odd"
			}
			return s
		}
		if odd {
			fn.Label("odd")
		}
		fn.Label(l("step"))
		fn.Emit(
			VLD1RPReg(dp, sx, d.S4()),
			VLD1RPReg(up, sx, du.S4()),
			FMUL(du.S4(), du.S4(), d.S4()),
		)
		scaleLog2E(fn, k, d, dh, ndl) // exp(δ·a) = 2^(δ·log2e·a)
		fn.Emit(MOVI(acc.B16(), 0, 0), MOVD(cnt, pairs))
		if odd {
			fn.CBZ(cnt, l("single"))
		}
		fn.Label(l("pair"))
		chunk(2)
		fn.Emit(SUBSImm(cnt, cnt, 1))
		fn.BNE(l("pair"))
		if odd {
			fn.Label(l("single"))
			chunk(1)
		}
		fn.Emit(
			FADDP(acc.S4(), acc.S4(), acc.S4()),
			FADDP(acc.S4(), acc.S4(), acc.S4()),
			STRS(acc, yp),
			ADDReg(yp, yp, sx),
			sub(hp, hp, wBytes), sub(ap, ap, wBytes), // back to the channel's state
			ADDReg(bq, bq, bcStep), ADDReg(cq, cq, bcStep),
			SUBSImm(left, left, 1),
		)
		fn.BNE(l("step"))
		fn.Comment("Next channel.")
		fn.Emit(
			ADDReg(hp, hp, wBytes), ADDReg(ap, ap, wBytes),
			ADDReg(dp, dp, xChan), ADDReg(up, up, xChan), ADDReg(yp, yp, xChan),
			ADDReg(bq, bq, bcChan), ADDReg(cq, cq, bcChan),
			MOVD(left, steps),
			SUBSImm(channels, channels, 1),
		)
		fn.BNE(l("step"))
		fn.B("done")
	}
	fn.Label("done")
	fn.RET()
}

// scanLanesNEON writes scanLanesNEON, avogen/scan.go's scanLanes at 4
// lanes: the BLD recurrence of one block of lanes ≤ 4 channels of a group,
// vectorised across the channels, no horizontal sum.
//
//	for each step l, with δ = delta[l·sx + j], x = u[l·sx + j] for lanes j:
//	    for n < states:
//	        h[n] = exp(δ·at[n·ad])·h[n] + δ·x·b[l·sbc + n]
//	        y += h[n]·c[l·sbc + n]
//	    y[l·sx + j] = y
//
// The state loop takes two states a pass: their B and C values are one
// 64-bit load each, used by element (FMLA by element), and their decays
// interleave; an odd last state follows alone. NEON has no masked loads:
// the step loop is written four times, one per lane count, reading and
// writing δ, x and y with whole-vector, 64-bit, 32-bit or 64+32-bit
// accesses; the lanes beyond are zero (δ = 0: their h does not change and
// is not written out).
func scanLanesNEON(f *File) {
	fn := f.Func("scanLanesNEON", "func(h, at, b, c, delta, u, y *float32, ad, sx, sbc, steps, states, lanes int)")
	fn.Doc("scanLanesNEON runs the selective-scan recurrence of one block of up to 4 channels of a group, vectorised across channels; see avogen/neongen/scan.go.")
	const (
		h, at, b, c, delta, u, y = R0, R1, R2, R3, R4, R5, R6
		ad, sx, sbc              = R7, R8, R9 // in bytes
		steps, states, lanes     = R10, R11, R12
		hp, ap, bq, cq, left     = R13, R14, R15, R16, R17
		p8                       = R19 // a pointer 8 bytes on, for lane 2
		scratch                  = R25
	)
	for _, p := range []struct {
		name string
		r    Reg
	}{{"h", h}, {"at", at}, {"b", b}, {"c", c}, {"delta", delta}, {"u", u}, {"y", y}, {"steps", steps}, {"states", states}, {"lanes", lanes}} {
		fn.Load(fn.Param(p.name).Value(), p.r)
	}
	for _, p := range []struct {
		name string
		r    Reg
	}{{"ad", ad}, {"sx", sx}, {"sbc", sbc}} {
		fn.Load(fn.Param(p.name).Value(), p.r)
		fn.Emit(LSLImm(p.r, p.r, 2))
	}
	fn.Emit(CMPImm(steps, 0))
	fn.BLE("done")
	fn.Emit(CMPImm(states, 0))
	fn.BLE("done")
	k := loadExp2Consts(fn, V19, scratch) // V19 … V31

	const d, du, dh, ndl, acc = V0, V1, V2, V3, V4
	// Two states a pass: Aᵀ rows V5, V6; t V7, V8; k V9, V10; Horner V11 …
	// V14; h V15, V16; the two B values V17, the two C values V18.
	av, t, kk, p, q, hv := regs(V5, 2), regs(V7, 2), regs(V9, 2), regs(V11, 2), regs(V13, 2), regs(V15, 2)
	const bb, cc = V17, V18
	// state emits the update of n states (1 or 2) at hp, ap, bq and cq.
	state := func(n int) {
		for j := 0; j < n; j++ {
			fn.Emit(VLD1PReg(ap, ad, av[j].S4())) // Aᵀ rows are padded: a whole vector is in bounds
		}
		for j := 0; j < n; j++ {
			fn.Emit(FMUL(t[j].S4(), av[j].S4(), dh.S4()))
		}
		exp2(fn, k, t[:n], av[:n], ndl, kk[:n], p[:n], q[:n])
		fn.Emit(VLD1(hp, s4s(hv[:n])...))
		if n == 2 {
			fn.Emit(LDRDP(bb, bq), LDRDP(cc, cq))
		} else {
			fn.Emit(LDRSP(bb, bq), LDRSP(cc, cq))
		}
		for j := 0; j < n; j++ {
			fn.Emit(FMUL(hv[j].S4(), hv[j].S4(), t[j].S4()))
		}
		for j := 0; j < n; j++ {
			fn.Emit(FMLAElem(hv[j].S4(), du.S4(), bb.S(j)))
		}
		fn.Emit(VST1P(hp, s4s(hv[:n])...))
		for j := 0; j < n; j++ {
			fn.Emit(FMLAElem(acc.S4(), hv[j].S4(), cc.S(j)))
		}
	}
	// load reads lanes of the row at r into v, the rest zero.
	load := func(n int, r Reg, v VReg) {
		switch n {
		case 4:
			fn.Emit(VLD1(r, v.S4()))
		case 3:
			fn.Emit(LDRD(v, r), ADDImm(p8, r, 8), VLD1Lane(p8, v.S(2)))
		case 2:
			fn.Emit(LDRD(v, r))
		case 1:
			fn.Emit(LDRS(v, r))
		}
	}
	store := func(n int, v VReg, r Reg) {
		switch n {
		case 4:
			fn.Emit(VST1(r, v.S4()))
		case 3:
			fn.Emit(STRD(v, r), ADDImm(p8, r, 8), VST1Lane(p8, v.S(2)))
		case 2:
			fn.Emit(STRD(v, r))
		case 1:
			fn.Emit(STRS(v, r))
		}
	}
	for n := 4; n >= 1; n-- {
		fn.Emit(CMPImm(lanes, int64(n)))
		fn.BEQ(fmt.Sprintf("lanes%d", n))
	}
	fn.B("done")
	for n := 4; n >= 1; n-- {
		l := func(s string) string { return fmt.Sprintf("%s%d", s, n) }
		fn.Label(l("lanes"))
		fn.Label(l("step"))
		load(n, delta, d)
		load(n, u, du)
		fn.Emit(FMUL(du.S4(), du.S4(), d.S4()))
		scaleLog2E(fn, k, d, dh, ndl)
		fn.Emit(MOVI(acc.B16(), 0, 0), MOVD(hp, h), MOVD(ap, at), MOVD(bq, b), MOVD(cq, c), SUBSImm(left, states, 2))
		fn.BLT(l("single"))
		fn.Label(l("pair"))
		state(2)
		fn.Emit(SUBSImm(left, left, 2))
		fn.BGE(l("pair"))
		fn.Label(l("single"))
		fn.Emit(CMPImm(left, -1)) // −1: one state left; −2: none
		fn.BNE(l("store"))
		state(1)
		fn.Label(l("store"))
		store(n, acc, y)
		fn.Emit(
			ADDReg(delta, delta, sx), ADDReg(u, u, sx), ADDReg(y, y, sx),
			ADDReg(b, b, sbc), ADDReg(c, c, sbc),
			SUBSImm(steps, steps, 1),
		)
		fn.BNE(l("step"))
		fn.B("done")
	}
	fn.Label("done")
	fn.RET()
}
