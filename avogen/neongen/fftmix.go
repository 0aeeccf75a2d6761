package main

import (
	"fmt"
	"math"
	"math/big"

	. "github.com/ssmkern/ssmkern/avogen/neon"
)

// generateFFTMix writes the NEON mixed-radix Stockham stages of package
// fft's plans for the lengths 2^a·3^b·5^c (asm/fftmixed.go; the wrapper
// asm/fftmix_kernels_arm64.go picks among them): radix p = 2, 3, 4, 5,
// complex64 and complex128, forward and inverse, each as a stage kernel
// (any ls, s = 1) and a scaled first-stage kernel (ls = 1, the inputs
// times s). One stage is
//
//	out[(j + t·ls)·r + k] = Σ_q ω_p^{∓q·t} · ω_L^{∓q·j} · in[j·p·r + q·r + k]
//
// vectorised over k: for each j the p inputs q are LD2 streams r values
// apart and the p outputs t streams ls·r values apart. The twiddles of j
// are the j-major (Re, Im) pairs of asm.FFTMixedTwiddles, loaded once per
// j and used from their lanes by the by-element multiplies; j = 0, whose
// twiddles are 1, runs a copy of the loop without the products. The r mod
// vals values left after the last whole vector are one more vector
// overlapping it, or for r < vals a partial vector loaded and stored lane
// by lane, so every r ≥ 1 is served. Where that partial vector would do
// all the work, the stage runs vectorised over j instead once ls ≥ vals:
// the last stage, r = 1 (mixNarrow), and complex64's r = 2 and 3
// (mixSmall); the partial vector is left to the ls mod vals j after them
// and to the smallest lengths.
func generateFFTMix(f *File) {
	for _, ty := range []fftType{fft32, fft64} {
		for _, p := range []int{2, 3, 4, 5} {
			for _, inverse := range []bool{false, true} {
				fftMixStage(f, ty, p, false, inverse)
				fftMixStage(f, ty, p, true, inverse)
			}
		}
	}
}

// Radix-3 and radix-5 butterfly constants, the decimal literals of
// generic/fft_radix.go; mixConst rounds them once, straight to the
// kernel's precision (float32(float64(x)) would round twice).
const (
	half    = "0.5"
	sin2Pi3 = "0.86602540378443864676372317075293618"
	cos2Pi5 = "0.30901699437494742410229341718281906"
	cos4Pi5 = "-0.80901699437494742410229341718281906"
	sin2Pi5 = "0.95105651629515357211643933337938214"
	sin4Pi5 = "0.58778525229247312916870595463907277"
)

// mixConst is the bit pattern of the decimal x correctly rounded to the
// precision of ty.
func mixConst(ty fftType, x string) uint64 {
	v, _, err := big.ParseFloat(x, 10, 256, big.ToNearestEven)
	if err != nil {
		panic(err)
	}
	if ty.arr == S4 {
		f, _ := v.Float32()
		return uint64(math.Float32bits(f))
	}
	f, _ := v.Float64()
	return math.Float64bits(f)
}

// mixConsts are the constants of the radix-p butterfly, in the lane
// order of mixConstLane.
func mixConsts(p int) []string {
	switch p {
	case 3:
		return []string{half, sin2Pi3}
	case 5:
		return []string{cos2Pi5, cos4Pi5, sin2Pi5, sin4Pi5}
	}
	return nil
}

// mixConstLane is where constant i lives: lanes of V30, then V31.
func mixConstLane(ty fftType, i int) Lane {
	return ty.lane(V30+VReg(i/ty.vals), i%ty.vals)
}

// mixTwiddleLanes are the broadcast lanes of the p−1 twiddles of one j:
// complex64 in V28 and V29 (two floats a twiddle, four a register),
// complex128 one twiddle a register from V26.
func mixTwiddleLanes(ty fftType, p int) []twiddleLanes {
	var tw []twiddleLanes
	for q := 1; q < p; q++ {
		f := 2 * (q - 1)
		if ty.arr == S4 {
			tw = append(tw, twiddleLanes{V28.S(f % 4), V28.S(f%4 + 1)})
			tw[q-1].re.R += VReg(f / 4)
			tw[q-1].im.R += VReg(f / 4)
		} else {
			tw = append(tw, twiddleLanes{(V26 + VReg(q-1)).D(0), (V26 + VReg(q-1)).D(1)})
		}
	}
	return tw
}

// loadMixTwiddles loads the p−1 twiddles of the next j and advances w.
func loadMixTwiddles(fn *Func, ty fftType, p int, w Reg) {
	if ty.arr == D2 {
		var regs []Vec
		for q := 1; q < p; q++ {
			regs = append(regs, (V26 + VReg(q-1)).D2())
		}
		fn.Emit(VLD1P(w, regs...))
		return
	}
	switch p {
	case 2:
		fn.Emit(LDRDP(V28, w))
	case 3:
		fn.Emit(VLD1P(w, V28.S4()))
	case 4:
		fn.Emit(VLD1P(w, V28.S4()), LDRDP(V29, w))
	case 5:
		fn.Emit(VLD1P(w, V28.S4(), V29.S4()))
	}
}

// mixKind is what a loop does to the inputs before the butterfly.
type mixKind int

const (
	mixPlain   mixKind = iota // j = 0: twiddles 1
	mixTwiddle                // j > 0: times the twiddles of j
	mixScaled                 // ls = 1 (j = 0), times s
)

// Register plan of the loops: the inputs a_q in V0…V9 (pairs), their
// twiddled products in V10…V17, the butterflies' first temporaries in
// V18…V25 (free in every kind, so the inputs may still be live), the
// outputs in V0…V17 once the inputs are dead; twiddles V26…V29 (s in
// V28 lane 0 for the scaled kernel), constants V30 and V31.

// mixButterfly emits the twiddles (or the scale) and the radix-p
// butterfly of the inputs a (loaded), and returns the registers of the
// outputs y_t, t < p.
func mixButterfly(fn *Func, ty fftType, p int, kind mixKind, a []cx, inverse bool) []cx {
	switch kind {
	case mixTwiddle:
		prod := make([]cx, p-1)
		for q := range prod {
			prod[q] = ty.pair(V10 + VReg(2*q))
		}
		cmulLanes(fn, prod, a[1:], mixTwiddleLanes(ty, p), inverse)
		a = append([]cx{a[0]}, prod...)
	case mixScaled:
		s := ty.lane(V28, 0)
		for q := range a {
			fn.Emit(FMULElem(a[q].re, a[q].re, s), FMULElem(a[q].im, a[q].im, s))
		}
	}
	c := func(i int) Lane { return mixConstLane(ty, i) }
	switch p {
	case 2:
		y0, y1 := ty.pair(V18), ty.pair(V20)
		fn.Emit(
			FADD(y0.re, a[0].re, a[1].re), FADD(y0.im, a[0].im, a[1].im),
			FSUB(y1.re, a[0].re, a[1].re), FSUB(y1.im, a[0].im, a[1].im),
		)
		return []cx{y0, y1}
	case 3:
		// y0 = a0 + s, y1,2 = m ∓ i·sin(2π/3)·(a1 − a2) with m = a0 − s/2,
		// s = a1 + a2; the inverse swaps y1 and y2.
		s, d := ty.pair(V18), ty.pair(V20)
		y0, y1, y2 := ty.pair(V2), ty.pair(V4), ty.pair(V6)
		m := a[0]
		fn.Emit(
			FADD(s.re, a[1].re, a[2].re), FADD(s.im, a[1].im, a[2].im),
			FSUB(d.re, a[1].re, a[2].re), FSUB(d.im, a[1].im, a[2].im),
			FADD(y0.re, a[0].re, s.re), FADD(y0.im, a[0].im, s.im),
			FMLSElem(m.re, s.re, c(0)), FMLSElem(m.im, s.im, c(0)),
			FMULElem(d.re, d.re, c(1)), FMULElem(d.im, d.im, c(1)),
		)
		if inverse {
			y1, y2 = y2, y1
		}
		fn.Emit(
			FADD(y1.re, m.re, d.im), FSUB(y1.im, m.im, d.re),
			FSUB(y2.re, m.re, d.im), FADD(y2.im, m.im, d.re),
		)
		return []cx{y0, ty.pair(V4), ty.pair(V6)}
	case 4:
		t := [4]cx{ty.pair(V18), ty.pair(V20), ty.pair(V22), ty.pair(V24)}
		y := [4]cx{ty.pair(V0), ty.pair(V2), ty.pair(V4), ty.pair(V6)}
		butterfly4(fn, [4]cx(a), t, y, inverse)
		return y[:]
	case 5:
		// b1 = a1 + a4, b2 = a2 + a3, d1 = a1 − a4, d2 = a2 − a3;
		// m1 = a0 + c1·b1 + c2·b2, m2 = a0 + c2·b1 + c1·b2 (c1, c2 the
		// cosines of 2π/5, 4π/5); e1 = s1·d1 + s2·d2, e2 = s2·d1 − s1·d2
		// (the sines); y1,4 = m1 ∓ i·e1, y2,3 = m2 ∓ i·e2, where −i·e is
		// (Im e, −Re e); the inverse swaps y1 with y4 and y2 with y3.
		b1, b2, d1, d2 := ty.pair(V18), ty.pair(V20), ty.pair(V22), ty.pair(V24)
		fn.Emit(
			FADD(b1.re, a[1].re, a[4].re), FADD(b1.im, a[1].im, a[4].im),
			FADD(b2.re, a[2].re, a[3].re), FADD(b2.im, a[2].im, a[3].im),
			FSUB(d1.re, a[1].re, a[4].re), FSUB(d1.im, a[1].im, a[4].im),
			FSUB(d2.re, a[2].re, a[3].re), FSUB(d2.im, a[2].im, a[3].im),
		)
		y0, m1, m2, e1, e2 := ty.pair(V2), ty.pair(V4), a[0], ty.pair(V6), ty.pair(V8)
		c1, c2, s1, s2 := c(0), c(1), c(2), c(3)
		fn.Emit(
			FADD(y0.re, a[0].re, b1.re), FADD(y0.im, a[0].im, b1.im),
			FMULElem(m1.re, b1.re, c1), FMULElem(m1.im, b1.im, c1),
			FMULElem(e1.re, d1.re, s1), FMULElem(e1.im, d1.im, s1),
			FMULElem(e2.re, d1.re, s2), FMULElem(e2.im, d1.im, s2),
			FADD(y0.re, y0.re, b2.re), FADD(y0.im, y0.im, b2.im),
			FMLAElem(m1.re, b2.re, c2), FMLAElem(m1.im, b2.im, c2),
			FMLAElem(e1.re, d2.re, s2), FMLAElem(e1.im, d2.im, s2),
			FMLSElem(e2.re, d2.re, s1), FMLSElem(e2.im, d2.im, s1),
			FADD(m1.re, m1.re, a[0].re), FADD(m1.im, m1.im, a[0].im),
			FMLAElem(m2.re, b1.re, c2), FMLAElem(m2.im, b1.im, c2),
			FMLAElem(m2.re, b2.re, c1), FMLAElem(m2.im, b2.im, c1),
		)
		y1, y2, y3, y4 := ty.pair(V10), ty.pair(V14), ty.pair(V16), ty.pair(V12)
		o1, o2, o3, o4 := y1, y2, y3, y4
		if inverse {
			o1, o4, o2, o3 = o4, o1, o3, o2
		}
		fn.Emit(
			FADD(o1.re, m1.re, e1.im), FSUB(o1.im, m1.im, e1.re),
			FSUB(o4.re, m1.re, e1.im), FADD(o4.im, m1.im, e1.re),
			FADD(o2.re, m2.re, e2.im), FSUB(o2.im, m2.im, e2.re),
			FSUB(o3.re, m2.re, e2.im), FADD(o3.im, m2.im, e2.re),
		)
		return []cx{y0, y1, y2, y3, y4}
	}
	panic("fftmix: radix not in 2…5")
}

// fftMixStage writes one radix-p kernel: the stage (any ls ≥ 1, r ≥ 1,
// s = 1) or, scaled, the first stage (ls = 1) with the inputs times s.
func fftMixStage(f *File, ty fftType, p int, scaled, inverse bool) {
	kind := ""
	if scaled {
		kind = "Scaled"
	}
	name := fmt.Sprintf("%sMixR%d%sNEON%s", ty.prefix, p, kind, dirName(inverse))
	var fn *Func
	if scaled {
		fn = f.Func(name, fmt.Sprintf("func(o, i *%s, r int, s %s)", ty.cplx, ty.float))
		fn.Doc(
			fmt.Sprintf("%s is the first radix-%d stage (ls = 1) of length %d·r, r ≥ 1,", name, p, p),
			"the inputs scaled by s.",
		)
	} else {
		fn = f.Func(name, fmt.Sprintf("func(o, i *%s, w *%s, ls, r int)", ty.cplx, ty.float))
		fn.Doc(
			fmt.Sprintf("%s is a radix-%d stage of length %d·ls·r, ls, r ≥ 1, with the", name, p, p),
			"j-major twiddle table of asm.FFTMixedTwiddles at w.",
		)
	}
	const o, in, w, ls, r, cnt, tail, rb, skip, scratch = R0, R1, R2, R3, R4, R5, R6, R7, R8, R9
	ip := []Reg{R10, R11, R12, R13, R14}[:p]
	op := []Reg{R15, R16, R17, R19, R20}[:p]
	fn.Load(fn.Param("o").Value(), o)
	fn.Load(fn.Param("i").Value(), in)
	fn.Load(fn.Param("r").Value(), r)
	if scaled {
		fn.LoadFloat(fn.Param("s").Value(), V28)
		fn.Emit(MOVDImm(ls, 1))
	} else {
		fn.Load(fn.Param("w").Value(), w)
		fn.Load(fn.Param("ls").Value(), ls)
	}
	if cs := mixConsts(p); cs != nil {
		fn.Comment("The butterfly's constants, one a lane.")
		for i, x := range cs {
			if ty.arr == S4 {
				fn.Emit(MOVWImm(scratch, uint32(mixConst(ty, x))))
			} else {
				fn.Emit(MOVDImm(scratch, int64(mixConst(ty, x))))
			}
			fn.Emit(INSGen(mixConstLane(ty, i), scratch))
		}
	}
	fn.Comment("p input streams r values apart, p output streams ls·r apart;")
	fn.Comment("after a j the inputs skip the other (p−1)·r values of its block.")
	fn.Emit(LSLImm(rb, r, ty.shift), MOVDImm(scratch, int64(p-1)), Go("MUL", scratch.Go(), rb.Go(), skip.Go()))
	fn.Emit(MOVD(ip[0], in))
	for q := 1; q < p; q++ {
		fn.Emit(ADDReg(ip[q], ip[q-1], rb))
	}
	fn.Emit(Go("MUL", ls.Go(), rb.Go(), scratch.Go()), MOVD(op[0], o))
	for t := 1; t < p; t++ {
		fn.Emit(ADDReg(op[t], op[t-1], scratch))
	}
	next := func() {
		for q := range ip {
			fn.Emit(ADDReg(ip[q], ip[q], skip))
		}
		fn.Emit(SUBSImm(ls, ls, 1))
	}
	if scaled {
		mixLoops(fn, ty, p, mixScaled, inverse, "k0", ip, op, r, cnt, tail)
		fn.RET()
		return
	}
	fn.Comment("r = 1 (the last stage) runs over j, vals j a pass, when ls allows.")
	fn.Emit(CMPImm(r, 1))
	if ty.arr == S4 {
		fn.BNE("small")
	} else {
		fn.BNE("wide")
	}
	fn.Emit(CMPImm(ls, int64(ty.vals)))
	fn.BLT("wide")
	mixNarrow(fn, ty, p, inverse, ip, op, w, ls, cnt, tail, rb)
	if ty.arr == S4 {
		fn.Label("small")
		fn.Comment("r = 2, 3 runs over j too, k by k, when ls allows.")
		fn.Emit(CMPImm(r, 4))
		fn.BGE("wide")
		fn.Emit(CMPImm(ls, 4))
		fn.BLT("wide")
		mixSmall(fn, p, inverse, ip, op, w, ls, r, cnt, tail, rb, skip)
	}
	fn.Label("wide")
	fn.Comment("j = 0: the twiddles are 1 (the table's first p−1 pairs are skipped).")
	mixLoops(fn, ty, p, mixPlain, inverse, "k0", ip, op, r, cnt, tail)
	fn.Emit(ADDImm(w, w, int64(2*(p-1)*ty.bytes/2)))
	next()
	fn.BEQ("done")
	fn.Label("j")
	loadMixTwiddles(fn, ty, p, w)
	mixLoops(fn, ty, p, mixTwiddle, inverse, "k", ip, op, r, cnt, tail)
	next()
	fn.BNE("j")
	fn.Label("done")
	fn.RET()
}

// mixLoops emits the loop over the whole vectors of k (label), then the
// r mod vals values left: when r > vals as one more whole vector ending
// at the block's end (the outputs it shares with the previous vector are
// recomputed from the same inputs, bit for bit: in and out do not
// overlap), else as a partial vector loaded and stored lane by lane; the
// stream pointers end one block of r values on.
func mixLoops(fn *Func, ty fftType, p int, kind mixKind, inverse bool, label string, ip, op []Reg, r, cnt, tail Reg) {
	a := make([]cx, p)
	for q := range a {
		a[q] = ty.pair(V0 + VReg(2*q))
	}
	vshift := map[int]int{4: 2, 2: 1}[ty.vals]
	fn.Emit(LSRImm(cnt, r, vshift))
	fn.CBZ(cnt, label+"tail")
	fn.Label(label)
	for q := range a {
		fn.Emit(VLD2P(ip[q], a[q].re, a[q].im))
	}
	y := mixButterfly(fn, ty, p, kind, a, inverse)
	for t := range y {
		fn.Emit(VST2P(op[t], y[t].re, y[t].im))
	}
	fn.Emit(SUBSImm(cnt, cnt, 1))
	fn.BNE(label)
	fn.Label(label + "tail")
	fn.Emit(ANDImm(tail, r, int64(ty.vals-1)))
	fn.CBZ(tail, label+"end")
	fn.Emit(CMPImm(r, int64(ty.vals)))
	fn.BLT(label + "lanes")
	fn.Comment("r > %d: the block's last whole vector again, overlapping the one before;", ty.vals)
	fn.Comment("it rewrites the values they share with the same bits.")
	fn.Emit(MOVDImm(cnt, int64(ty.vals)), SUBReg(cnt, cnt, tail), LSLImm(cnt, cnt, ty.shift))
	for q := range a {
		fn.Emit(SUBReg(ip[q], ip[q], cnt), SUBReg(op[q], op[q], cnt))
	}
	for q := range a {
		fn.Emit(VLD2P(ip[q], a[q].re, a[q].im))
	}
	mixButterfly(fn, ty, p, kind, a, inverse)
	for t := range y {
		fn.Emit(VST2P(op[t], y[t].re, y[t].im))
	}
	fn.B(label + "end")
	fn.Label(label + "lanes")
	fn.Comment("r < %d: lane l holds value l, the other lanes are ignored.", ty.vals)
	// Lane l is loaded and stored when tail > l: the flags of CMP tail, 2
	// (complex64, tail ≤ 3) pick lanes 1 and 2; the loads leave them alone.
	lanes := func(load bool, done string) {
		for l := range ty.vals - 1 {
			if l == 1 {
				fn.Emit(CMPImm(tail, 2))
				fn.BLT(done)
			}
			if l == 2 {
				fn.BEQ(done)
			}
			for q := range a {
				rq, iq := ty.lane(a[q].re.R, l), ty.lane(a[q].im.R, l)
				if load {
					fn.Emit(VLD1LaneP(ip[q], rq), VLD1LaneP(ip[q], iq))
				} else {
					rq, iq = ty.lane(y[q].re.R, l), ty.lane(y[q].im.R, l)
					fn.Emit(VST1LaneP(op[q], rq), VST1LaneP(op[q], iq))
				}
			}
		}
	}
	lanes(true, label+"math")
	fn.Label(label + "math")
	mixButterfly(fn, ty, p, kind, a, inverse)
	lanes(false, label+"end")
	fn.Label(label + "end")
}

// mixNarrow emits the r = 1 form of a stage, vectorised over j: one pass
// takes vals consecutive j, whose p·vals inputs are consecutive (j-major)
// and whose outputs t are the vector at out + (j + t·ls). The inputs and
// the table's twiddles of those j are gathered into registers and split
// into a vector of real parts and one of imaginary parts per q:
// complex64 by LD2 or LD4 of floats for one or two values a j, by LD3 or
// LD4 of whole values for three or four (two j a register) and UZP1 and
// UZP2 of the two registers, by lane loads of whole values and UZP for
// five (there is no LD5); complex128 by LD1 of whole values and ZIP1 and
// ZIP2 of the two j. j = 0 multiplies by its twiddles, 1. The ls mod
// vals j left over go to the wide loop ("j") with r = 1, which runs them
// with its partial vector.
func mixNarrow(fn *Func, ty fftType, p int, inverse bool, ip, op []Reg, w, ls, cnt, rem, rb Reg) {
	in := ip[0]
	vshift := map[int]int{4: 2, 2: 1}[ty.vals]
	fn.Emit(LSRImm(cnt, ls, vshift), ANDImm(rem, ls, int64(ty.vals-1)))
	a := make([]cx, p)
	for q := range a {
		a[q] = ty.pair(V0 + VReg(2*q))
	}
	wv := make([]cx, p-1)
	for q := range wv {
		wv[q] = ty.pair(V18 + VReg(2*q))
	}
	fn.CBZ(cnt, "narrowrest")
	fn.Label("n")
	mixGather(fn, ty, in, a)
	mixGather(fn, ty, w, wv)
	prod := make([]cx, p-1)
	for q := range prod {
		prod[q] = ty.pair(V10 + VReg(2*q))
	}
	cmulVecs(fn, prod, a[1:], wv, inverse)
	y := mixButterfly(fn, ty, p, mixPlain, append([]cx{a[0]}, prod...), inverse)
	for t := range y {
		fn.Emit(VST2P(op[t], y[t].re, y[t].im))
	}
	fn.Emit(SUBSImm(cnt, cnt, 1))
	fn.BNE("n")
	fn.Label("narrowrest")
	fn.CBZ(rem, "done")
	fn.Comment("The other ls mod %d j: the wide loop from j = ls − ls mod %d.", ty.vals, ty.vals)
	fn.Emit(MOVD(ls, rem))
	for q := 1; q < p; q++ {
		fn.Emit(ADDReg(ip[q], ip[q-1], rb))
	}
	fn.B("j")
}

// mixStaging are the registers mixGather gathers through: free in the
// r = 1 and small-r loops until the twiddled products are written.
var mixStaging = []VReg{V10, V11, V12, V13, V14, V15, V16, V17, V26, V27}

// mixGather loads m values of each of vals consecutive j (j-major at ptr,
// which it advances past them) into dst[i], i < m, split into parts,
// through the staging registers mixStaging (see mixNarrow).
func mixGather(fn *Func, ty fftType, ptr Reg, dst []cx) {
	stage := mixStaging
	m := len(dst)
	if ty.arr == S4 && m <= 2 {
		// LD2 and LD4 of single floats split one and two values a j
		// into their parts directly.
		if m == 1 {
			fn.Emit(VLD2P(ptr, dst[0].re, dst[0].im))
		} else {
			fn.Emit(VLD4P(ptr, dst[0].re, dst[0].im, dst[1].re, dst[1].im))
		}
		return
	}
	if ty.arr == S4 && m <= 4 {
		// LD3 and LD4 of whole values give value i of j and j+1 in
		// one register, of j+2 and j+3 in another: UZP splits them.
		for h := range 2 {
			var l []Vec
			for i := range m {
				l = append(l, stage[h*m+i].D2())
			}
			if m == 3 {
				fn.Emit(VLD3P(ptr, l[0], l[1], l[2]))
			} else {
				fn.Emit(VLD4P(ptr, l[0], l[1], l[2], l[3]))
			}
		}
		for i, d := range dst {
			fn.Emit(UZP1(d.re, stage[i].S4(), stage[m+i].S4()), UZP2(d.im, stage[i].S4(), stage[m+i].S4()))
		}
		return
	}
	if ty.arr == S4 {
		for j := range 4 {
			for i := range m {
				fn.Emit(VLD1LaneP(ptr, stage[2*i+j/2].D(j%2)))
			}
		}
		for i, d := range dst {
			fn.Emit(UZP1(d.re, stage[2*i].S4(), stage[2*i+1].S4()), UZP2(d.im, stage[2*i].S4(), stage[2*i+1].S4()))
		}
		return
	}
	regs := stage[:2*m]
	for len(regs) > 0 {
		k := 1
		for k < len(regs) && k < 4 && regs[k] == regs[k-1]+1 {
			k++
		}
		var l []Vec
		for _, r := range regs[:k] {
			l = append(l, r.D2())
		}
		fn.Emit(VLD1P(ptr, l...))
		regs = regs[k:]
	}
	for i, d := range dst {
		fn.Emit(ZIP1(d.re, stage[i].D2(), stage[m+i].D2()), ZIP2(d.im, stage[i].D2(), stage[m+i].D2()))
	}
}

// mixSmall emits the complex64 stage for r = 2 and 3, where a vector of k
// would be mostly a partial one: vectorised over four j, for each k in
// turn. The twiddles of the four j are gathered as at r = 1 (again for
// each k: the butterfly needs their registers); input q of the four j is
// a strided gather p·r values apart, one lane load a value, split by UZP;
// output t of the four j a strided scatter r values apart, joined by ZIP.
// The ls mod 4 j left over go to the wide loop ("j").
func mixSmall(fn *Func, p int, inverse bool, ip, op []Reg, w, ls, r, cnt, rem, rb, skip Reg) {
	ty := fft32
	const inStride, inBack, outBack, inNext, outNext, kCnt, wk = R1, R9, R21, R22, R23, R24, R25
	fn.Comment("Strides in bytes: the inputs of consecutive j p·r values apart, the")
	fn.Comment("outputs r; after four j the streams step back to the next k, and")
	fn.Comment("after the r k of a pass on to the next four j.")
	fn.Emit(
		ADDReg(inStride, skip, rb),
		LSLImm(inBack, inStride, 2), SUBReg(inNext, inBack, rb), SUBImm(inBack, inBack, int64(ty.bytes)),
		LSLImm(outBack, rb, 2), SUBImm(outBack, outBack, int64(ty.bytes)),
		LSLImm(outNext, rb, 1), ADDReg(outNext, outNext, rb),
		LSRImm(cnt, ls, 2), ANDImm(rem, ls, 3),
	)
	a := make([]cx, p)
	for q := range a {
		a[q] = ty.pair(V0 + VReg(2*q))
	}
	wv := make([]cx, p-1)
	prod := make([]cx, p-1)
	for q := range wv {
		wv[q] = ty.pair(V18 + VReg(2*q))
		prod[q] = ty.pair(V10 + VReg(2*q))
	}
	fn.CBZ(cnt, "smallrest")
	fn.Label("s")
	fn.Emit(MOVD(kCnt, r))
	fn.Label("sk")
	fn.Emit(MOVD(wk, w))
	mixGather(fn, ty, wk, wv)
	for q := range a {
		x, y := mixStaging[2*q], mixStaging[2*q+1]
		for l := range 4 {
			fn.Emit(VLD1LanePReg(ip[q], inStride, (x + VReg(l/2)*(y-x)).D(l%2)))
		}
		fn.Emit(SUBReg(ip[q], ip[q], inBack))
	}
	for q := range a {
		x, y := mixStaging[2*q], mixStaging[2*q+1]
		fn.Emit(UZP1(a[q].re, x.S4(), y.S4()), UZP2(a[q].im, x.S4(), y.S4()))
	}
	cmulVecs(fn, prod, a[1:], wv, inverse)
	out := mixButterfly(fn, ty, p, mixPlain, append([]cx{a[0]}, prod...), inverse)
	lo, hi := V28, V29
	for t := range out {
		fn.Emit(ZIP1(lo.S4(), out[t].re, out[t].im), ZIP2(hi.S4(), out[t].re, out[t].im))
		fn.Emit(
			VST1LanePReg(op[t], rb, lo.D(0)), VST1LanePReg(op[t], rb, lo.D(1)),
			VST1LanePReg(op[t], rb, hi.D(0)), VST1LanePReg(op[t], rb, hi.D(1)),
			SUBReg(op[t], op[t], outBack),
		)
	}
	fn.Emit(SUBSImm(kCnt, kCnt, 1))
	fn.BNE("sk")
	fn.Emit(ADDImm(w, w, int64(4*(p-1)*ty.bytes)))
	for q := range ip {
		fn.Emit(ADDReg(ip[q], ip[q], inNext), ADDReg(op[q], op[q], outNext))
	}
	fn.Emit(SUBSImm(cnt, cnt, 1))
	fn.BNE("s")
	fn.Label("smallrest")
	fn.CBZ(rem, "done")
	fn.Comment("The other ls mod 4 j: the wide loop from j = ls − ls mod 4.")
	fn.Emit(MOVD(ls, rem))
	fn.B("j")
}
