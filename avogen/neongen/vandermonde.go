package main

import (
	"fmt"

	. "github.com/ssmkern/ssmkern/avogen/neon"
)

// generateVandermonde writes the S4D kernel's NEON kernels, the twins of
// avogen/s4d's (asm.VandermondeBlocks and asm.VandermondeChain):
//
//   - vandermondeBlocksNEON, the float32 hot loop: for every whole block b
//     of 64 steps, k[b·64 + j] = Σ_n zRe[b·nh+n]·pRe[n·64+j] −
//     zIm[b·nh+n]·pIm[n·64+j];
//   - vandermondeChainNEON, the float64 product chains that build the
//     float32 tables, bit for bit generic.VandermondeChain.
func generateVandermonde(f *File) {
	vandermondeBlocksNEON(f)
	vandermondeChainNEON(f)
}

// vandermondeBlock is generic.VandermondeBlock.
const vandermondeBlock = 64

// vandermondeBlocksNEON: as in avogen/s4d, a pass covers a chunk of steps
// of a pair of blocks, so that each power vector loaded is used by both
// blocks' anchors. NEON's 32 registers hold 16 accumulators (2 blocks × 8
// vectors: chunks of 32 steps, two passes per pair), the 8 power vectors
// of a state and the anchors of four states (one 4-lane load per block and
// part, used by element: no broadcasts). Each accumulator takes the
// zRe·pRe term (FMLA) then the zIm·pIm term (FMLS) of a state; with 16
// independent accumulators that chain of two does not limit the FMA rate.
// The power rows' second load steps to the next row by a register
// post-increment, so the loop has no pointer arithmetic of its own.
func vandermondeBlocksNEON(f *File) {
	fn := f.Func("vandermondeBlocksNEON", "func(k, zRe, zIm, pRe, pIm *float32, blocks, nh int)")
	fn.Doc(
		"vandermondeBlocksNEON computes blocks whole 64-step blocks of the S4D",
		"Vandermonde kernel in float32; see avogen/neongen/vandermonde.go.",
	)
	const (
		k, zRe, zIm, blocks, nh, row = R0, R1, R2, R3, R4, R5
		zr0, zi0, zr1, zi1, pr, pi   = R6, R7, R8, R9, R10, R11
		n, out, pRe, pIm, next       = R12, R13, R14, R15, R16
	)
	fn.Load(fn.Param("k").Value(), k)
	fn.Load(fn.Param("zRe").Value(), zRe)
	fn.Load(fn.Param("zIm").Value(), zIm)
	fn.Load(fn.Param("pRe").Value(), pRe)
	fn.Load(fn.Param("pIm").Value(), pIm)
	fn.Load(fn.Param("blocks").Value(), blocks)
	fn.Load(fn.Param("nh").Value(), nh)
	fn.Emit(LSLImm(row, nh, 2)) // bytes between the anchors of consecutive blocks
	fn.Emit(MOVDImm(next, 4*vandermondeBlock-64))
	const vecs = 8 // accumulators per block: 32 steps
	const chunkBytes = vecs * 16
	chunks := vandermondeBlock / (vecs * 4)
	fn.CBZ(nh, "zero")

	// pass emits one pass over nb (1 or 2) blocks and steps
	// [chunk·32, chunk·32 + 32): accumulators V16… (block 0) and V24…
	// (block 1), anchors V0–V3, powers V4–V11.
	pass := func(label string, nb, chunk int) {
		acc := make([][]Vec, nb)
		for b := range acc {
			for i := range vecs {
				v := (V16 + VReg(8*b+i)).S4()
				acc[b] = append(acc[b], v)
				fn.Emit(MOVI(v.R.B16(), 0, 0))
			}
		}
		fn.Emit(MOVD(zr0, zRe), MOVD(zi0, zIm))
		if nb == 2 {
			fn.Emit(ADDReg(zr1, zRe, row), ADDReg(zi1, zIm, row))
		}
		fn.Emit(ADDImm(pr, pRe, int64(chunk*chunkBytes)), ADDImm(pi, pIm, int64(chunk*chunkBytes)), MOVD(n, nh))
		a := []Vec{V0.S4(), V1.S4()}
		c := []Vec{V2.S4(), V3.S4()}
		x := []Vec{V4.S4(), V5.S4(), V6.S4(), V7.S4(), V8.S4(), V9.S4(), V10.S4(), V11.S4()}
		// state emits one state's terms, its anchors in lane s of a and c.
		state := func(s int) {
			// The second load steps to the next state's row: 64 floats on,
			// 16 of them already passed.
			fn.Emit(VLD1P(pr, x[:4]...), VLD1PReg(pr, next, x[4:]...))
			for i := range vecs {
				for b := range nb {
					fn.Emit(FMLAElem(acc[b][i], x[i], a[b].R.S(s)))
				}
			}
			fn.Emit(VLD1P(pi, x[:4]...), VLD1PReg(pi, next, x[4:]...))
			for i := range vecs {
				for b := range nb {
					fn.Emit(FMLSElem(acc[b][i], x[i], c[b].R.S(s)))
				}
			}
		}
		fn.Comment("Four states a step, their anchors loaded together (by-element FMLA/FMLS).")
		fn.Emit(SUBSImm(n, n, 4))
		fn.BLT(label + "_1")
		fn.Label(label)
		fn.Emit(VLD1P(zr0, a[0]), VLD1P(zi0, c[0]))
		if nb == 2 {
			fn.Emit(VLD1P(zr1, a[1]), VLD1P(zi1, c[1]))
		}
		for s := range 4 {
			state(s)
		}
		fn.Emit(SUBSImm(n, n, 4))
		fn.BGE(label)
		fn.Label(label + "_1")
		fn.Comment("The last nh mod 4 states, one a step.")
		fn.Emit(ADDImm(n, n, 4))
		fn.CBZ(n, label+"_store")
		fn.Label(label + "_loop1")
		fn.Emit(LDRSP(a[0].R, zr0), LDRSP(c[0].R, zi0))
		if nb == 2 {
			fn.Emit(LDRSP(a[1].R, zr1), LDRSP(c[1].R, zi1))
		}
		state(0)
		fn.Emit(SUBSImm(n, n, 1))
		fn.BNE(label + "_loop1")
		fn.Label(label + "_store")
		for b := range nb {
			if off := b*4*vandermondeBlock + chunk*chunkBytes; off == 0 {
				fn.Emit(MOVD(out, k))
			} else {
				fn.Emit(ADDImm(out, k, int64(off)))
			}
			fn.Emit(VST1P(out, acc[b][:4]...), VST1(out, acc[b][4:]...))
		}
	}

	fn.Label("pair")
	fn.Emit(CMPImm(blocks, 2))
	fn.BLT("single")
	for ch := range chunks {
		pass(fmt.Sprintf("pair%d", ch), 2, ch)
	}
	fn.Emit(ADDReg(zRe, zRe, row), ADDReg(zRe, zRe, row), ADDReg(zIm, zIm, row), ADDReg(zIm, zIm, row))
	fn.Emit(ADDImm(k, k, 2*4*vandermondeBlock), SUBImm(blocks, blocks, 2))
	fn.B("pair")

	fn.Label("single")
	fn.CBZ(blocks, "done")
	for ch := range chunks {
		pass(fmt.Sprintf("single%d", ch), 1, ch)
	}
	fn.B("done")

	fn.Comment("nh = 0: every output is an empty sum.")
	fn.Label("zero")
	fn.Emit(MOVI(V0.B16(), 0, 0), MOVI(V1.B16(), 0, 0), MOVI(V2.B16(), 0, 0), MOVI(V3.B16(), 0, 0))
	fn.Label("zeroblock")
	fn.CBZ(blocks, "done")
	for range vandermondeBlock / 16 {
		fn.Emit(VST1P(k, V0.S4(), V1.S4(), V2.S4(), V3.S4()))
	}
	fn.Emit(SUBImm(blocks, blocks, 1))
	fn.B("zeroblock")
	fn.Label("done")
	fn.RET()
}

// chainGroup is generic.VandermondeChainGroup: 8 float64 lanes, four 2D
// registers.
const chainGroup = 8

// vandermondeChainNEON: for t < steps and each group g < groups of 8
// lanes (x, e, live hold 8·groups float64),
//
//	dst[g·groupStride + t·stepStride + i] = t < live ? float32(x[8g+i]) : 0,  i < 8
//	x ← t < live ? x·e : 0             (complex, float64; FCMGT is false for NaN)
//
// in generic.VandermondeChain's fused order: Re = fma(c, a, −(d·b)) (the product negated exactly by FNEG, then FMLA:
// NEON has no vector FMSUB with the product's sign), Im = fma(d, a, c·b).
// FCVTN/FCVTN2 round to nearest even, as Go's float32(x).
func vandermondeChainNEON(f *File) {
	fn := f.Func("vandermondeChainNEON", "func(dstRe, dstIm *float32, xr, xi, er, ei, live *float64, groups, steps, groupStride, stepStride int)")
	fn.Doc(
		"vandermondeChainNEON advances groups·8 complex float64 chains by steps",
		"products, storing each live value as float32; bit for bit",
		"generic.VandermondeChain. See avogen/neongen/vandermonde.go.",
	)
	const (
		dr, di, steps, gs, ss   = R0, R1, R2, R3, R4
		xr, xi, er, ei, live, g = R5, R6, R7, R8, R9, R10
		or, oi                  = R11, R12
	)
	fn.Load(fn.Param("dstRe").Value(), dr)
	fn.Load(fn.Param("dstIm").Value(), di)
	fn.Load(fn.Param("steps").Value(), steps)
	fn.Load(fn.Param("groupStride").Value(), gs)
	fn.Load(fn.Param("stepStride").Value(), ss)
	fn.Emit(LSLImm(gs, gs, 2), LSLImm(ss, ss, 2))
	fn.CBZ(steps, "done")
	fn.Load(fn.Param("groups").Value(), g)
	fn.CBZ(g, "done")
	// t, the step as a float64, in both lanes.
	tv, one := V28.D2(), V29.D2()
	fn.Emit(EOR(tv.R.B16(), tv.R.B16(), tv.R.B16()), FMOVImm(one, 1))
	fn.Label("step")
	fn.Load(fn.Param("xr").Value(), xr)
	fn.Load(fn.Param("xi").Value(), xi)
	fn.Load(fn.Param("er").Value(), er)
	fn.Load(fn.Param("ei").Value(), ei)
	fn.Load(fn.Param("live").Value(), live)
	fn.Load(fn.Param("groups").Value(), g)
	fn.Emit(MOVD(or, dr), MOVD(oi, di))
	fn.Label("group")
	quad := func(first VReg) []Vec {
		return []Vec{first.D2(), (first + 1).D2(), (first + 2).D2(), (first + 3).D2()}
	}
	// a V0–3, b V4–7, live then Re V8–11, c V12–15, d V16–19, the mask
	// V20–23, Im V24–27 after the float32 values.
	a, b, t, c, d, m := quad(V0), quad(V4), quad(V8), quad(V12), quad(V16), quad(V20)
	re, im := t, quad(V24)
	fn.Emit(VLD1(xr, a...), VLD1(xi, b...), VLD1P(live, t...))
	for h := range 4 {
		fn.Emit(FCMGT(m[h], t[h], tv))
	}
	for h := range 4 {
		fn.Emit(AND(a[h].R.B16(), a[h].R.B16(), m[h].R.B16()), AND(b[h].R.B16(), b[h].R.B16(), m[h].R.B16()))
	}
	fr, fi := []Vec{V24.S4(), V25.S4()}, []Vec{V26.S4(), V27.S4()}
	for q := range 2 {
		fn.Emit(FCVTN(fr[q].R.S2(), a[2*q]), FCVTN2(fr[q], a[2*q+1]))
		fn.Emit(FCVTN(fi[q].R.S2(), b[2*q]), FCVTN2(fi[q], b[2*q+1]))
	}
	fn.Emit(VST1(or, fr...), VST1(oi, fi...))
	fn.Emit(VLD1P(er, c...), VLD1P(ei, d...))
	fn.Comment("(a + ib)(c + id) = fma(c, a, −(d·b)) + i·fma(d, a, c·b)")
	for h := range 4 {
		fn.Emit(FMUL(re[h], d[h], b[h]), FMUL(im[h], c[h], b[h]))
	}
	for h := range 4 {
		fn.Emit(FNEG(re[h], re[h]))
	}
	for h := range 4 {
		fn.Emit(FMLA(re[h], c[h], a[h]), FMLA(im[h], d[h], a[h]))
	}
	// A dead lane's product of zeros may be −0; its x is +0.
	for h := range 4 {
		fn.Emit(AND(re[h].R.B16(), re[h].R.B16(), m[h].R.B16()), AND(im[h].R.B16(), im[h].R.B16(), m[h].R.B16()))
	}
	fn.Emit(VST1P(xr, re...), VST1P(xi, im...))
	fn.Emit(ADDReg(or, or, gs), ADDReg(oi, oi, gs))
	fn.Emit(SUBSImm(g, g, 1))
	fn.BNE("group")
	fn.Emit(ADDReg(dr, dr, ss), ADDReg(di, di, ss), FADD(tv, tv, one))
	fn.Emit(SUBSImm(steps, steps, 1))
	fn.BNE("step")
	fn.Label("done")
	fn.RET()
}
