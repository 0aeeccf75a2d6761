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
// vectorised over i in float32. Per tap, one LD1R broadcasts r[j] and a
// block of eight output vectors (32 outputs) loads p[i+j …] unaligned
// (two four-register LD1) into eight fused multiply-adds on independent
// accumulators: with 32 registers NEON holds twice AVX2's four-vector
// block, so that the loads and the loop's own instructions are spread over
// more FMAs. Then single vectors; the caller finishes the last len(y) mod 4.
func generateConvDirect(f *File) {
	fn := f.Func("convDirectNEON", "func(y, p, r []float32)")
	fn.Doc(
		"convDirectNEON sets y[i] = Σ_j r[j]·p[i+j] (float32 sums) for the whole",
		"4-lane vectors of y; the caller guarantees len(r) ≥ 1 and len(p) ≥",
		"len(y) + len(r) − 1. See avogen/neongen/convdirect.go.",
	)
	const y, p, n, rBase, taps, r, q, k = R0, R1, R2, R3, R4, R5, R6, R7
	fn.Load(fn.Param("y").Base(), y)
	fn.Load(fn.Param("p").Base(), p)
	fn.Load(fn.Param("y").Len(), n)
	fn.Load(fn.Param("r").Base(), rBase)
	fn.Load(fn.Param("r").Len(), taps)
	fn.Emit(LSRImm(n, n, 2)) // output vectors
	const block = 8
	// pass emits one pass over nv output vectors at y, reading p:
	// accumulators V16…, p's vectors V0…, the tap V31.
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
		kj := V31.S4()
		fn.Emit(MOVD(r, rBase), MOVD(q, p), MOVD(k, taps))
		fn.Label(label)
		fn.Emit(VLD1RP(r, kj))
		if nv == block {
			fn.Emit(VLD1P(q, x[:4]...), VLD1(q, x[4:]...), SUBImm(q, q, 4*4*4-4))
		} else {
			fn.Emit(VLD1(q, x...), ADDImm(q, q, 4))
		}
		for i := range acc {
			fn.Emit(FMLA(acc[i], x[i], kj))
		}
		fn.Emit(SUBSImm(k, k, 1))
		fn.BNE(label)
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
