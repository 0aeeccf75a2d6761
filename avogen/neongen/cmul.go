package main

import . "github.com/ssmkern/ssmkern/avogen/neon"

// generateCmul writes mulAddComplex64NEON: dst[i] += a[i]·b[i] over
// complex64 slices, the pointwise product of the FFT long convolution
// (and mulComplex64NEON below, the plain product).
// LD2 splits four complex numbers into a vector of real parts and one of
// imaginary parts, so the product is four fused multiply-adds with no
// permute, all in Go's own mnemonics:
//
//	re += ar·br − ai·bi     (FMLA, then FMLS)
//	im += ar·bi + ai·br     (FMLA, FMLA)
func generateCmul(f *File) {
	mulAddComplex64NEON(f)
	mulComplex64NEON(f)
}

func mulAddComplex64NEON(f *File) {
	fn := f.Func("mulAddComplex64NEON", "func(dst, a, b []complex64)")
	fn.Doc(
		"mulAddComplex64NEON sets dst[i] += a[i]·b[i] for every i < len(dst); a",
		"and b must be at least as long. Each part takes two fused multiply-adds,",
		"real part first ar·br then −ai·bi, imaginary part ar·bi then ai·br.",
		"2.25 instructions per complex element in the main loop.",
	)
	const dstIn, a, b, n, dstOut = R0, R1, R2, R3, R4
	fn.Load(fn.Param("dst").Base(), dstIn)
	fn.Load(fn.Param("a").Base(), a)
	fn.Load(fn.Param("b").Base(), b)
	fn.Load(fn.Param("dst").Len(), n)
	fn.Emit(MOVD(dstOut, dstIn))

	// Group g of four complex numbers: a in V(4g), V(4g+1); b in V(4g+2),
	// V(4g+3); dst in V(16+2g), V(16+2g+1).
	type group struct{ ar, ai, br, bi, dr, di Vec }
	g := func(i int) group {
		base := VReg(4 * i)
		d := V16 + VReg(2*i)
		return group{base.S4(), (base + 1).S4(), (base + 2).S4(), (base + 3).S4(), d.S4(), (d + 1).S4()}
	}
	product := func(gs []group) {
		for _, x := range gs {
			fn.Emit(FMLA(x.dr, x.ar, x.br))
		}
		for _, x := range gs {
			fn.Emit(FMLS(x.dr, x.ai, x.bi))
		}
		for _, x := range gs {
			fn.Emit(FMLA(x.di, x.ar, x.bi))
		}
		for _, x := range gs {
			fn.Emit(FMLA(x.di, x.ai, x.br))
		}
	}

	fn.Comment("Eight complex numbers a step, in two groups of four.")
	gs := []group{g(0), g(1)}
	fn.Emit(SUBSImm(n, n, 8))
	fn.BLT("tail4")
	fn.Label("loop8")
	for _, x := range gs {
		fn.Emit(VLD2P(a, x.ar, x.ai))
	}
	for _, x := range gs {
		fn.Emit(VLD2P(b, x.br, x.bi))
	}
	for _, x := range gs {
		fn.Emit(VLD2P(dstIn, x.dr, x.di))
	}
	product(gs)
	for _, x := range gs {
		fn.Emit(VST2P(dstOut, x.dr, x.di))
	}
	fn.Emit(SUBSImm(n, n, 8))
	fn.BGE("loop8")

	fn.Label("tail4")
	fn.Comment("Four complex numbers a step.")
	fn.Emit(ADDImm(n, n, 8-4))
	fn.Emit(CMPImm(n, 0))
	fn.BLT("tail1")
	fn.Label("loop4")
	x := gs[0]
	fn.Emit(VLD2P(a, x.ar, x.ai), VLD2P(b, x.br, x.bi), VLD2P(dstIn, x.dr, x.di))
	product(gs[:1])
	fn.Emit(VST2P(dstOut, x.dr, x.di))
	fn.Emit(SUBSImm(n, n, 4))
	fn.BGE("loop4")

	fn.Label("tail1")
	fn.Comment("One complex number a step, its parts in lane 0 of each register.")
	fn.Emit(ADDImm(n, n, 4))
	fn.CBZ(n, "done")
	fn.Label("loop1")
	lane0 := func(v Vec) Lane { return v.R.S(0) }
	fn.Emit(
		VLD1LaneP(a, lane0(x.ar)), VLD1LaneP(a, lane0(x.ai)),
		VLD1LaneP(b, lane0(x.br)), VLD1LaneP(b, lane0(x.bi)),
		VLD1LaneP(dstIn, lane0(x.dr)), VLD1LaneP(dstIn, lane0(x.di)),
	)
	product(gs[:1])
	fn.Emit(VST1LaneP(dstOut, lane0(x.dr)), VST1LaneP(dstOut, lane0(x.di)))
	fn.Emit(SUBSImm(n, n, 1))
	fn.BNE("loop1")
	fn.Label("done")
	fn.RET()
}

// mulComplex64NEON writes dst[i] = a[i]·b[i], the twin of avogen/cmul.go's
// mulComplex64AVX2 (asm.MulComplex64: fft's spectrum products). Go's
// assembler has no FCMLA (ARMv8.3), and the NEON way needs none: LD2
// splits four complex numbers into their real and imaginary parts, and
//
//	re = ar·br − ai·bi      (FMUL, then FMLS: the subtraction fused)
//	im = ar·bi + ai·br      (FMUL, then FMLA)
//
// as the AVX2 kernel's VFMADDSUB fuses them. Every element is read before
// its result is stored, so dst may be a or b. Eight, four, then one
// complex number a step: the kernel does all of dst.
func mulComplex64NEON(f *File) {
	fn := f.Func("mulComplex64NEON", "func(dst, a, b []complex64)")
	fn.Doc(
		"mulComplex64NEON sets dst[i] = a[i]·b[i] for every i < len(dst); a and",
		"b must be at least as long, and dst may be a or b. Real part ar·br then",
		"−ai·bi fused, imaginary part ar·bi then +ai·br fused; see",
		"avogen/neongen/cmul.go.",
	)
	const dst, a, b, n = R0, R1, R2, R3
	fn.Load(fn.Param("dst").Base(), dst)
	fn.Load(fn.Param("a").Base(), a)
	fn.Load(fn.Param("b").Base(), b)
	fn.Load(fn.Param("dst").Len(), n)

	// Group g of four complex numbers: a in V(6g), V(6g+1); b in V(6g+2),
	// V(6g+3); the product in V(6g+4), V(6g+5).
	type group struct{ ar, ai, br, bi, re, im Vec }
	g := func(i int) group {
		r := VReg(6 * i)
		return group{r.S4(), (r + 1).S4(), (r + 2).S4(), (r + 3).S4(), (r + 4).S4(), (r + 5).S4()}
	}
	product := func(gs []group) {
		for _, x := range gs {
			fn.Emit(FMUL(x.re, x.ar, x.br), FMUL(x.im, x.ar, x.bi))
		}
		for _, x := range gs {
			fn.Emit(FMLS(x.re, x.ai, x.bi), FMLA(x.im, x.ai, x.br))
		}
	}

	fn.Comment("Eight complex numbers a step, in two groups of four.")
	gs := []group{g(0), g(1)}
	fn.Emit(SUBSImm(n, n, 8))
	fn.BLT("tail4")
	fn.Label("loop8")
	for _, x := range gs {
		fn.Emit(VLD2P(a, x.ar, x.ai), VLD2P(b, x.br, x.bi))
	}
	product(gs)
	for _, x := range gs {
		fn.Emit(VST2P(dst, x.re, x.im))
	}
	fn.Emit(SUBSImm(n, n, 8))
	fn.BGE("loop8")

	fn.Label("tail4")
	fn.Comment("Four complex numbers.")
	fn.Emit(ADDImm(n, n, 8))
	fn.Emit(CMPImm(n, 4))
	fn.BLT("tail1")
	x := gs[0]
	fn.Emit(VLD2P(a, x.ar, x.ai), VLD2P(b, x.br, x.bi))
	product(gs[:1])
	fn.Emit(VST2P(dst, x.re, x.im))
	fn.Emit(SUBImm(n, n, 4))

	fn.Label("tail1")
	fn.Comment("One complex number a step, its parts in lane 0 of each register.")
	fn.CBZ(n, "done")
	fn.Label("loop1")
	lane0 := func(v Vec) Lane { return v.R.S(0) }
	fn.Emit(
		VLD1LaneP(a, lane0(x.ar)), VLD1LaneP(a, lane0(x.ai)),
		VLD1LaneP(b, lane0(x.br)), VLD1LaneP(b, lane0(x.bi)),
	)
	product(gs[:1])
	fn.Emit(VST1LaneP(dst, lane0(x.re)), VST1LaneP(dst, lane0(x.im)))
	fn.Emit(SUBSImm(n, n, 1))
	fn.BNE("loop1")
	fn.Label("done")
	fn.RET()
}
