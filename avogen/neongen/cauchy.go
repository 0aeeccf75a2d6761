package main

import . "github.com/ssmkern/ssmkern/avogen/neon"

// generateCauchy writes cauchyConj4NEON, the twin of avogen/cauchy.go's
// kernels (asm.CauchyConj4: the Cauchy sums of kernelgen's S4 DPLR
// kernel, in float64). For four numerator rows j < 4 and the evaluation
// points k, two per 2D register (split real and imaginary parts), over the
// states n:
//
//	r[j][k] = Σ_n v[j][n]/(α_k − β_k·w_n) + conj(v[j][n])/(α_k − β_k·conj(w_n))
//
// with every operation of generic.CauchyConj4 in its order, so that the
// bits agree: the two reciprocals from one FDIV, their sum and difference
// folding each row's two complex products into four fused multiply-adds.
// NEON's by-element forms take w_n and v[j][n] straight from the register
// a complex128 loads into (real part lane 0, imaginary lane 1), so there
// are no broadcasts; the signs of generic's math.FMA calls map onto FMLA
// and FMLS (fma(−x, y, z) = z − x·y, fused) and, for fma(br, wr, −m), an
// exact FNEG of m before an FMLA. α and β stay in registers for the whole
// state loop of a pair of points.
func generateCauchy(f *File) {
	fn := f.Func("cauchyConj4NEON", "func(rRe, rIm, v, w, aRe, aIm, bRe, bIm *float64, nk, nh, rowStride int)")
	fn.Doc(
		"cauchyConj4NEON computes the Cauchy sums of 4 numerator rows at nk (even)",
		"points, bit for bit generic.CauchyConj4; see avogen/neongen/cauchy.go.",
	)
	const (
		rRe, rIm, aRe, aIm, bRe, bIm, nk, row = R0, R1, R2, R3, R4, R5, R6, R7
		vrow, wp, n, nh, out, vBase, wBase    = R8, R9, R10, R11, R12, R13, R14
	)
	vp := []Reg{R15, R16, R17, R19}
	fn.Load(fn.Param("rRe").Value(), rRe)
	fn.Load(fn.Param("rIm").Value(), rIm)
	fn.Load(fn.Param("aRe").Value(), aRe)
	fn.Load(fn.Param("aIm").Value(), aIm)
	fn.Load(fn.Param("bRe").Value(), bRe)
	fn.Load(fn.Param("bIm").Value(), bIm)
	fn.Load(fn.Param("nk").Value(), nk)
	fn.Load(fn.Param("nh").Value(), nh)
	fn.Load(fn.Param("rowStride").Value(), row)
	fn.Load(fn.Param("v").Value(), vBase)
	fn.Load(fn.Param("w").Value(), wBase)
	fn.Emit(LSLImm(row, row, 3), LSLImm(vrow, nh, 4)) // bytes between rows of r, of v
	one := V31.D2()
	fn.Emit(FMOVImm(one, 1))
	fn.CBZ(nk, "done")

	d2 := func(r VReg) Vec { return r.D2() }
	ar, ai, br, bi := d2(V24), d2(V25), d2(V26), d2(V27)
	var acc [4][2]Vec // [row][re, im]
	for j := range acc {
		acc[j] = [2]Vec{d2(V16 + VReg(2*j)), d2(V17 + VReg(2*j))}
	}
	fn.Label("points")
	for j := range acc {
		fn.Emit(MOVI(acc[j][0].R.B16(), 0, 0), MOVI(acc[j][1].R.B16(), 0, 0))
	}
	fn.Emit(VLD1P(aRe, ar), VLD1P(aIm, ai), VLD1P(bRe, br), VLD1P(bIm, bi))
	fn.Emit(MOVD(wp, wBase), MOVD(vp[0], vBase))
	for j := 1; j < 4; j++ {
		fn.Emit(ADDReg(vp[j], vp[j-1], vrow))
	}
	fn.Emit(MOVD(n, nh))
	fn.CBZ(n, "store")
	fn.Label("state")
	w := V0
	wr, wi := w.D(0), w.D(1)
	fn.Emit(VLD1P(wp, w.D2()))
	fn.Comment("β·w and β·conj(w) from the same two products.")
	m, m2, bwr, bwi := d2(V1), d2(V2), d2(V3), d2(V4)
	bwcr, bwci := m, m2
	fn.Emit(
		FMULElem(m, bi, wi),   // bi·wi
		FMULElem(m2, bi, wr),  // bi·wr
		FNEG(bwr, m),          // −bi·wi, exact
		FMLAElem(bwr, br, wr), // br·wr − bi·wi
		MOV(bwi.R.B16(), m2.R.B16()),
		FMLAElem(bwi, br, wi),  // br·wi + bi·wr
		FMLAElem(bwcr, br, wr), // br·wr + bi·wi
		FMLSElem(bwci, br, wi), // bi·wr − br·wi
	)
	fn.Comment("z1 = α − β·w, z2 = α − β·conj(w); 1/q1 = q2·t, 1/q2 = q1·t, t = 1/(q1·q2).")
	z1r, z1i, z2r, z2i := d2(V5), d2(V6), d2(V7), d2(V8)
	q1, q2, t, s1, s2 := d2(V9), d2(V10), d2(V11), d2(V12), d2(V13)
	fn.Emit(
		FSUB(z1r, ar, bwr), FSUB(z1i, ai, bwi), FSUB(z2r, ar, bwcr), FSUB(z2i, ai, bwci),
		FMUL(q1, z1r, z1r), FMUL(q2, z2r, z2r), FMLA(q1, z1i, z1i), FMLA(q2, z2i, z2i),
		FMUL(t, q1, q2), FDIV(t, one, t),
		FMUL(s1, t, q2), FMUL(s2, t, q1),
	)
	d1r, nd1i, d2r, nd2i := d2(V14), d2(V15), d2(V3), d2(V4)
	fn.Emit(FMUL(d1r, z1r, s1), FMUL(nd1i, z1i, s1), FMUL(d2r, z2r, s2), FMUL(nd2i, z2i, s2))
	sr, dr, ns, di := d2(V5), d2(V6), d2(V7), d2(V8)
	fn.Emit(
		FADD(sr, d1r, d2r),   // Re(d1 + d2)
		FSUB(dr, d1r, d2r),   // Re(d1 − d2)
		FADD(ns, nd1i, nd2i), // −Im(d1 + d2)
		FSUB(di, nd1i, nd2i), // Im(d2 − d1)
	)
	fn.Comment("x·d1 + conj(x)·d2: Re += xr·Re(d1+d2) + xi·Im(d2−d1), Im += xi·Re(d1−d2) − xr·(−Im(d1+d2)).")
	for j := range acc {
		x := V9 + VReg(j)
		fn.Emit(VLD1P(vp[j], x.D2()))
	}
	for j := range acc {
		x := V9 + VReg(j)
		fn.Emit(
			FMLAElem(acc[j][0], sr, x.D(0)), FMLAElem(acc[j][0], di, x.D(1)),
			FMLSElem(acc[j][1], ns, x.D(0)), FMLAElem(acc[j][1], dr, x.D(1)),
		)
	}
	fn.Emit(SUBSImm(n, n, 1))
	fn.BNE("state")

	fn.Label("store")
	for c, base := range []Reg{rRe, rIm} {
		fn.Emit(MOVD(out, base))
		for j := range acc {
			fn.Emit(VST1(out, acc[j][c]))
			if j < 3 {
				fn.Emit(ADDReg(out, out, row))
			}
		}
		fn.Emit(ADDImm(base, base, 16))
	}
	fn.Emit(SUBSImm(nk, nk, 2))
	fn.BNE("points")
	fn.Label("done")
	fn.RET()
}
