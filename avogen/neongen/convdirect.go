package main

import (
	"fmt"

	. "github.com/ssmkern/ssmkern/avogen/neon"
)

// generateConvDirect writes convDirectNEON, the twin of
// avogen/convdirect.go's kernels (asm.ConvDirect: fft.Conv32's direct sum
// for short kernels). With the kernel reversed (r[j] = k[K−1−j]) and the
// input after K−1 zeros (p), every output is the same dot product
//
//	y[i] = Σ_{j<K} r[j]·p[i+j]
//
// vectorised over i in float32. Four taps load together and serve by
// element (FMLA v, p, r.s[lane]: no broadcasts); per tap a block of eight
// output vectors (32 outputs) loads p[i+j …] unaligned (two four-register
// LD1) into eight fused multiply-adds on independent accumulators: with 32
// registers NEON holds twice AVX2's four-vector block, so that the loads
// and the loop's own instructions are spread over more FMAs. Then single
// vectors; the caller finishes the last len(y) mod 4.
func generateConvDirect(f *File) {
	fn := f.Func("convDirectNEON", "func(y, p, r []float32)")
	fn.Doc(
		"convDirectNEON sets y[i] = Σ_j r[j]·p[i+j] (float32 sums) for the whole",
		"4-lane vectors of y; the caller guarantees len(r) ≥ 1 and len(p) ≥",
		"len(y) + len(r) − 1. See avogen/neongen/convdirect.go.",
	)
	const y, p, n, rBase, taps, r, q, k, back, four = R0, R1, R2, R3, R4, R5, R6, R7, R8, R9
	fn.Load(fn.Param("y").Base(), y)
	fn.Load(fn.Param("p").Base(), p)
	fn.Load(fn.Param("y").Len(), n)
	fn.Load(fn.Param("r").Base(), rBase)
	fn.Load(fn.Param("r").Len(), taps)
	fn.Emit(LSRImm(n, n, 2)) // output vectors
	// p's pointer steps one float per tap: a block's second load steps
	// back by 60 bytes, a single vector's load on by 4 (register
	// post-increments), so the tap loop has no pointer arithmetic.
	fn.Emit(MOVDImm(back, 4-64), MOVDImm(four, 4))
	const block = 8
	// pass emits one pass over nv output vectors at y, reading p:
	// accumulators V16…, p's vectors V0…, the taps V31 (four at a time,
	// used by element; the last len(r) mod 4 one at a time in lane 0).
	pass := func(label string, nv int) {
		acc := make([]Vec, nv)
		for i := range acc {
			acc[i] = (V16 + VReg(i)).S4()
			fn.Emit(MOVI(acc[i].R.B16(), 0, 0))
		}
		x := make([]Vec, nv)
		for i := range x {
			x[i] = VReg(i).S4()
		}
		kj := V31
		tap := func(lane int) {
			if nv == block {
				fn.Emit(VLD1P(q, x[:4]...), VLD1PReg(q, back, x[4:]...))
			} else {
				fn.Emit(VLD1PReg(q, four, x...))
			}
			for i := range acc {
				fn.Emit(FMLAElem(acc[i], x[i], kj.S(lane)))
			}
		}
		fn.Emit(MOVD(r, rBase), MOVD(q, p), SUBSImm(k, taps, 4))
		fn.BLT(label + "_1")
		fn.Label(label)
		fn.Emit(VLD1P(r, kj.S4()))
		for lane := range 4 {
			tap(lane)
		}
		fn.Emit(SUBSImm(k, k, 4))
		fn.BGE(label)
		fn.Label(label + "_1")
		fn.Emit(ADDImm(k, k, 4))
		fn.CBZ(k, label+"_store")
		fn.Label(label + "_loop1")
		fn.Emit(LDRSP(kj, r))
		tap(0)
		fn.Emit(SUBSImm(k, k, 1))
		fn.BNE(label + "_loop1")
		fn.Label(label + "_store")
		for i := 0; i < nv; i += 4 {
			fn.Emit(VST1P(y, acc[i:min(i+4, nv)]...))
		}
		fn.Emit(ADDImm(p, p, int64(16*nv)))
	}
	fn.Label("blocks")
	fn.Emit(CMPImm(n, block))
	fn.BLT("single")
	pass(fmt.Sprintf("taps%d", block), block)
	fn.Emit(SUBImm(n, n, block))
	fn.B("blocks")
	fn.Label("single")
	fn.CBZ(n, "done")
	pass("taps1", 1)
	fn.Emit(SUBImm(n, n, 1))
	fn.B("single")
	fn.Label("done")
	fn.RET()
}
