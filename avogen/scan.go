// The scan generator writes asm/scan_amd64.s and asm/scan_amd64.go: the
// selective-scan kernels at the AVX2 and AVX-512 levels.
//
//	cd avogen && go run . -gen scan -out ../asm
//
// (asm/generate.go runs it through `go generate ./...`.) The Go driver in
// package scan splits a scan into three kinds of call, so that the
// transcendental functions run vectorised over whole rows and the
// recurrence vectorises over the state:
//
//   - deltaRow*: δ = softplus(Δ + bias) (or Δ + bias) along a row of steps
//     (BDL, scalar bias) or of channels (BLD, bias vector);
//   - scanChannel*: one channel's recurrence over a tile of steps, the
//     state padded to whole vectors and read, updated and written in L1,
//     with y_l = Σ_n h·C reduced per step;
//   - gateRow*: out = (y + D·u)·silu(z), or y + D·u without z.
package main

import (
	"fmt"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	"github.com/mmcloughlin/avo/reg"

	"github.com/ssmkern/ssmkern/avogen/vmath"
)

func generateScan() {
	for _, v := range []vmath.ISA{vmath.AVX2, vmath.AVX512} {
		for _, softplus := range []bool{false, true} {
			deltaRow(v, false, softplus)
			deltaRow(v, true, softplus)
		}
		expRow(v)
		exp2Row(v)
		scanChannel(v)
		for _, z := range []bool{false, true} {
			gateRow(v, false, z)
			gateRow(v, true, z)
		}
	}
	for _, damped := range []bool{false, true} {
		scanLanes(vmath.AVX2, damped)
		scanLanes(vmath.AVX512, damped)
	}
	decodeGatherData()
	scanDecode16()
	scanState16(false)
	scanState16(true)
}

// deltaRow emits dst[i] = f(src[i] + bias) for i < len(dst) rounded down to
// whole vectors (the caller finishes the tail), where f is softplus or the
// identity and bias is a scalar or bias[i].
func deltaRow(v vmath.ISA, vectorBias, softplus bool) {
	name := "deltaRow"
	if softplus {
		name += "Softplus"
	}
	sig := "func(dst, src []float32, bias float32)"
	if vectorBias {
		name += "Vec"
		sig = "func(dst, src, bias []float32)"
	} else {
		name += "Scalar"
	}
	TEXT(name+v.Name, NOSPLIT, sig)
	Pragma("noescape")
	Doc(fmt.Sprintf("%s computes dst[i] = %s(src[i] + bias) over whole %d-lane vectors.", name+v.Name, map[bool]string{true: "softplus", false: ""}[softplus], v.Lanes))
	dst := Load(Param("dst").Base(), GP64())
	src := Load(Param("src").Base(), GP64())
	n := Load(Param("dst").Len(), GP64())
	var biasPtr reg.Register
	bias := v.Vec()
	if vectorBias {
		biasPtr = Load(Param("bias").Base(), GP64())
	} else {
		VBROADCASTSS(Load(Param("bias"), XMM()), bias)
	}
	ptrs := []reg.Register{src, dst}
	if vectorBias {
		ptrs = append(ptrs, biasPtr)
	}
	if softplus && v.Lanes == 16 {
		vmath.HoistSoftplusConstants(v)
		defer vmath.ReleaseConstants()
	}
	rowLoop(name+v.Name, v, n, ptrs, unrollFor(v, softplus), func(disp []int) {
		xs := make([]reg.VecVirtual, len(disp))
		for j, d := range disp {
			xs[j] = v.Vec()
			VMOVUPS(Mem{Base: src, Disp: d}, xs[j])
			if vectorBias {
				VADDPS(Mem{Base: biasPtr, Disp: d}, xs[j], xs[j])
			} else {
				VADDPS(bias, xs[j], xs[j])
			}
		}
		if softplus {
			vmath.SoftplusN(v, xs)
		}
		for j, d := range disp {
			VMOVUPS(xs[j], Mem{Base: dst, Disp: d})
		}
	})
}

// exp2Row emits dst[i] = 2^src[i] over whole vectors: vmath.Exp2, the
// scan's decay, on its own, so that its accuracy and special values can be
// tested over the float32 domain.
func exp2Row(v vmath.ISA) {
	name := "exp2Row" + v.Name
	TEXT(name, NOSPLIT, "func(dst, src []float32)")
	Pragma("noescape")
	Doc(name + " computes dst[i] = 2^src[i] over whole vectors (avogen/vmath.Exp2).")
	dst := Load(Param("dst").Base(), GP64())
	src := Load(Param("src").Base(), GP64())
	n := Load(Param("dst").Len(), GP64())
	rowLoop(name, v, n, []reg.Register{src, dst}, 4, func(disp []int) {
		xs := make([]reg.VecVirtual, len(disp))
		for j, d := range disp {
			xs[j] = v.Vec()
			VMOVUPS(Mem{Base: src, Disp: d}, xs[j])
		}
		vmath.Exp2N(v, xs, nil, nil)
		for j, d := range disp {
			VMOVUPS(xs[j], Mem{Base: dst, Disp: d})
		}
	})
}

// expRow emits dst[i] = exp(src[i]) over whole vectors: the building block
// on its own, so that its accuracy can be tested over every float32.
func expRow(v vmath.ISA) {
	name := "expRow" + v.Name
	TEXT(name, NOSPLIT, "func(dst, src []float32)")
	Pragma("noescape")
	Doc(name + " computes dst[i] = exp(src[i]) over whole vectors (avogen/vmath.Exp).")
	dst := Load(Param("dst").Base(), GP64())
	src := Load(Param("src").Base(), GP64())
	n := Load(Param("dst").Len(), GP64())
	rowLoop(name, v, n, []reg.Register{src, dst}, unrollFor(v, true), func(disp []int) {
		xs := make([]reg.VecVirtual, len(disp))
		for j, d := range disp {
			xs[j] = v.Vec()
			VMOVUPS(Mem{Base: src, Disp: d}, xs[j])
		}
		vmath.ExpN(v, xs)
		for j, d := range disp {
			VMOVUPS(xs[j], Mem{Base: dst, Disp: d})
		}
	})
}

// scanChannel emits the recurrence of channels channels over steps steps:
//
//	δ = delta[l·sx], x = u[l·sx]
//	h[c] = exp(δ·a[c])·h[c] + δ·x·b[l·sbc + c]     for each of chunks vectors c
//	y[l·sx] = Σ_c Σ_lanes h[c]·c[l·sbc + c]
//
// then moves to the next channel: h and a by chunks vectors, delta, u and
// y by cx elements, b and c by cbc. h, a, and the rows of b and c hold
// chunks·lanes floats (the state padded with zeros: a padded lane has b = 0,
// so its h stays 0 and adds nothing). One call covers a whole tile of a
// group's channels, so a decode step costs one call, not one per channel.
func scanChannel(v vmath.ISA) {
	name := "scanChannels" + v.Name
	TEXT(name, NOSPLIT, "func(h, a, b, c, delta, u, y *float32, steps, sx, sbc, chunks, channels, cx, cbc int)")
	Pragma("noescape")
	Doc(name + " runs the selective-scan recurrence of a run of channels over a tile of steps; see avogen/scan.")
	h := Load(Param("h"), GP64())
	a := Load(Param("a"), GP64())
	b := Load(Param("b"), GP64())
	c := Load(Param("c"), GP64())
	delta := Load(Param("delta"), GP64())
	u := Load(Param("u"), GP64())
	y := Load(Param("y"), GP64())
	// Strides in bytes, kept in the argument frame.
	for _, s := range []string{"sx", "sbc", "cx", "cbc"} {
		r := Load(Param(s), GP64())
		SHLQ(U8(2), r)
		Store(r, Param(s))
	}
	CMPQ(NewParamAddr("steps", 56), Imm(0))
	JLE(LabelRef(name + "_done"))
	CMPQ(NewParamAddr("channels", 88), Imm(0))
	JLE(LabelRef(name + "_done"))
	if v.Lanes == 16 {
		vmath.HoistExp2Constants(v)
	} else {
		vmath.HoistExp2ConstantsAVX2(8)
	}
	defer vmath.ReleaseConstants()

	Label(name + "_channel")
	xo, bo, left := GP64(), GP64(), GP64()
	XORQ(xo, xo)
	XORQ(bo, bo)
	Load(Param("steps"), left)
	Label(name + "_step")
	d, du, acc := v.Vec(), v.Vec(), v.Vec()
	VBROADCASTSS(Mem{Base: delta, Index: xo, Scale: 1}, d)
	VBROADCASTSS(Mem{Base: u, Index: xo, Scale: 1}, du)
	VMULPS(d, du, du)
	dh, dl := v.Vec(), v.Vec()
	vmath.ScaleLog2E(d, dh, dl) // exp(δ·a) = 2^(δ·log2e·a): see vmath.Exp2
	VXORPS(acc, acc, acc)
	i, off := GP64(), GP64()
	Load(Param("chunks"), i)
	XORQ(off, off)
	Label(name + "_chunk")
	x, hv := v.Vec(), v.Vec()
	av := v.Vec()
	VMOVUPS(Mem{Base: a, Index: off, Scale: 1}, av)
	VMULPS(av, dh, x)
	vmath.Exp2(v, x, av, dl)
	VMULPS(Mem{Base: h, Index: off, Scale: 1}, x, hv)
	bc := GP64()
	MOVQ(bo, bc)
	ADDQ(off, bc)
	VFMADD231PS(Mem{Base: b, Index: bc, Scale: 1}, du, hv)
	VMOVUPS(hv, Mem{Base: h, Index: off, Scale: 1})
	VFMADD231PS(Mem{Base: c, Index: bc, Scale: 1}, hv, acc)
	ADDQ(U32(v.Bytes()), off)
	DECQ(i)
	JNZ(LabelRef(name + "_chunk"))
	reduceStore(v, acc, Mem{Base: y, Index: xo, Scale: 1})
	ADDQ(NewParamAddr("sx", 64), xo)
	ADDQ(NewParamAddr("sbc", 72), bo)
	DECQ(left)
	JNZ(LabelRef(name + "_step"))

	// Next channel: off is now chunks·lanes·4 bytes, the padded state size.
	ADDQ(off, h)
	ADDQ(off, a)
	for _, r := range []reg.Register{delta, u, y} {
		ADDQ(NewParamAddr("cx", 96), r)
	}
	ADDQ(NewParamAddr("cbc", 104), b)
	ADDQ(NewParamAddr("cbc", 104), c)
	DECQ(NewParamAddr("channels", 88))
	JNZ(LabelRef(name + "_channel"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// lanesUnroll (AVX2) and lanesUnroll512 are the states per iteration of
// scanLanes, their decays computed side by side (vmath.Exp2N), and
// lanesAVX2Hoisted how many of Exp2's constants the AVX2 form keeps in
// registers (the second state's live registers leave room for few). One
// state per iteration with 8 constants took ≈ 17 cycles per state-vector
// where the FMA pipes need ≈ 11: the decay's chain of a dozen dependent
// instructions filled the scheduler before it reached the next state's.
// Two states emitted one after the other (interleaved A/B of go test -c
// binaries of a BLD scan, Dim 1536, State 16, SeqLen 1024, softplus, D
// and z, median thread CPU ns per element): AVX-512 0.360 → 0.339, AVX2
// 0.632 → 0.602 with 3 constants (4: 0.605, 5: 0.637, 6: 0.614). Then the
// chains interleaved instruction by instruction, four states at AVX-512
// (best of 4 × 40 calls, wall ns per element, same shape): AVX-512 BLD
// 0.316 → 0.302, BDL 0.384 → 0.367; AVX2 (two states) BLD 0.576 → 0.543,
// BDL 0.590 → 0.548. Four states with four accumulators or one, and two
// states, measured no better at AVX-512; three or four at AVX2 need more
// than 16 registers or measured no better.
//
// rowUnroll512 and rowUnrollAVX2 are the vectors per iteration of the δ
// (softplus) and gate (silu) rows, side by side likewise: two is all the
// registers hold next to the hoisted constants (three fails to allocate at
// AVX-512). The rows alone, best of 2000 × 10 calls of 1024 values, ns
// per value: AVX2 softplus 0.969 → 0.837, gate 0.606 → 0.526; AVX-512
// softplus 0.525 → 0.470, gate 0.315 → 0.297.
const (
	rowUnroll512     = 2
	rowUnrollAVX2    = 2
	lanesUnroll      = 2
	lanesUnroll512   = 4
	lanesAVX2Hoisted = 3
)

// scanLanes emits the BLD recurrence vectorised over channels instead of
// states: one vector of channels of one group, B and C broadcast from the
// group's panels, the state loop inside the step loop, and no horizontal
// sum. Lanes beyond the mask are neither read nor written (AVX-512: a
// K mask from the bit pattern mask; AVX2: VMASKMOVPS with the 8 int32 at
// mask).
//
//	for each step l, with δ = delta[l·sx + j], x = u[l·sx + j] for lanes j:
//	    for n < states:
//	        h[n] = exp(δ·at[n·ad])·h[n] + δ·x·b[l·sbc + n]
//	        y += h[n]·c[l·sbc + n]
//	    y[l·sx + j] = y
//
// h is [states][lanes] (the block's lanes, all written), at the block's
// column of Aᵀ with rows ad elements apart, readable a whole vector wide.
//
// The damped form, for calls whose every decay is at most 1 (softplus and
// A ≤ 0), leaves out the correction of δ·log2e's rounding, which cannot
// compound there (see scanState16).
func scanLanes(v vmath.ISA, damped bool) {
	name := "scanLanes" + v.Name
	if damped {
		name = "scanLanesDamped" + v.Name
	}
	maskType := "int"
	if v.Lanes == 8 {
		maskType = "*int32"
	}
	TEXT(name, NOSPLIT, "func(h, at, b, c, delta, u, y *float32, ad, sx, sbc, steps, states int, mask "+maskType+")")
	Pragma("noescape")
	Doc(name + " runs the selective-scan recurrence of one vector of channels of a group, vectorised across channels; see avogen/scan.")
	h := Load(Param("h"), GP64())
	at := Load(Param("at"), GP64())
	b := Load(Param("b"), GP64())
	c := Load(Param("c"), GP64())
	delta := Load(Param("delta"), GP64())
	u := Load(Param("u"), GP64())
	y := Load(Param("y"), GP64())
	for _, s := range []string{"ad", "sx", "sbc"} {
		r := Load(Param(s), GP64())
		SHLQ(U8(2), r)
		Store(r, Param(s))
	}
	var k reg.Register
	m := Load(Param("mask"), GP64())
	if v.Lanes == 16 {
		k = K()
		KMOVW(m.(reg.GPVirtual).As32(), k)
	} else {
		k = YMM()
		VMOVDQU(Mem{Base: m}, k)
	}
	// maskedLoad reads the mask's lanes of mem into x, zero elsewhere.
	maskedLoad := func(mem Mem, x reg.VecVirtual) {
		if v.Lanes == 16 {
			VMOVUPS_Z(mem, k, x)
		} else {
			VMASKMOVPS(mem, k, x)
		}
	}
	if v.Lanes == 16 {
		vmath.HoistExp2Constants(v)
	} else {
		vmath.HoistExp2ConstantsAVX2(lanesAVX2Hoisted)
	}
	defer vmath.ReleaseConstants()
	steps := Load(Param("steps"), GP64())
	TESTQ(steps, steps)
	JZ(LabelRef(name + "_done"))
	Label(name + "_step")
	d, du, acc := v.Vec(), v.Vec(), v.Vec()
	maskedLoad(Mem{Base: delta}, d)
	maskedLoad(Mem{Base: u}, du)
	VMULPS(d, du, du)
	dh, dl := v.Vec(), v.Vec()
	if damped {
		VMULPS(vmath.Const(vmath.Log2E), d, dh)
	} else {
		vmath.ScaleLog2E(d, dh, dl) // exp(δ·a) = 2^(δ·log2e·a): see vmath.Exp2
	}
	VXORPS(acc, acc, acc)
	i, off, nb, ap := GP64(), GP64(), GP64(), GP64()
	Load(Param("states"), i)
	XORQ(off, off)
	XORQ(nb, nb)
	MOVQ(at, ap)
	// decays computes x_j = exp(δ·a_j) for the states whose Aᵀ rows are
	// at row(j), j < n, the n chains side by side (vmath.Exp2N); update
	// folds one into its state's h (byte offset o) and the output.
	decays := func(n int, row func(j int) Mem) []reg.VecVirtual {
		xs, avs := make([]reg.VecVirtual, n), make([]reg.VecVirtual, n)
		if damped { // Aᵀ rows are padded: a whole vector is in bounds
			for j := range n {
				xs[j] = v.Vec()
				VMULPS(row(j), dh, xs[j])
			}
			vmath.Exp2N(v, xs, nil, nil)
			return xs
		}
		for j := range n {
			xs[j], avs[j] = v.Vec(), v.Vec()
			VMOVUPS(row(j), avs[j])
		}
		for j := range n {
			VMULPS(avs[j], dh, xs[j])
		}
		vmath.Exp2N(v, xs, avs, dl)
		return xs
	}
	update := func(x reg.VecVirtual, o, bc int, acc reg.VecVirtual) {
		hv := v.Vec()
		hm := Mem{Base: h, Index: off, Scale: 1, Disp: o}
		VMULPS(hm, x, hv)
		bm, cm := Mem{Base: b, Index: nb, Scale: 1, Disp: bc}, Mem{Base: c, Index: nb, Scale: 1, Disp: bc}
		if v.Lanes == 16 {
			VFMADD231PS_BCST(bm, du, hv)
		} else {
			bb := v.Vec()
			VBROADCASTSS(bm, bb)
			VFMADD231PS(bb, du, hv)
		}
		VMOVUPS(hv, hm)
		if v.Lanes == 16 {
			VFMADD231PS_BCST(cm, hv, acc)
		} else {
			cc := v.Vec()
			VBROADCASTSS(cm, cc)
			VFMADD231PS(cc, hv, acc)
		}
	}
	// per states an iteration, their decays side by side before the
	// updates (see lanesUnroll), their outputs summed into two
	// accumulators.
	per := lanesUnroll
	if v.Lanes == 16 {
		per = lanesUnroll512
	}
	accs := []reg.VecVirtual{acc}
	for range min(per, 2) - 1 {
		a := v.Vec()
		VXORPS(a, a, a)
		accs = append(accs, a)
	}
	// Row j of the group at ap + j·ad: addressing modes, not a register
	// per row (a kernel has 14 general registers).
	ad, ad3 := GP64(), GP64()
	Load(Param("ad"), ad)
	LEAQ(Mem{Base: ad, Index: ad, Scale: 2}, ad3)
	rowAt := func(j int) Mem {
		switch j {
		case 0:
			return Mem{Base: ap}
		case 1, 2:
			return Mem{Base: ap, Index: ad, Scale: uint8(j)}
		case 3:
			return Mem{Base: ap, Index: ad3, Scale: 1}
		}
		panic("scanLanes: lanesUnroll above 4")
	}
	CMPQ(i, U8(per))
	JL(LabelRef(name + "_single"))
	Label(name + "_group")
	xs := decays(per, rowAt)
	for j := range per {
		update(xs[j], j*v.Bytes(), 4*j, accs[j%len(accs)])
	}
	ADDQ(U32(per*v.Bytes()), off)
	ADDQ(U32(4*per), nb)
	LEAQ(Mem{Base: ap, Index: ad, Scale: uint8(per)}, ap) // per: 1, 2, 4 or 8
	SUBQ(U8(per), i)
	CMPQ(i, U8(per))
	JGE(LabelRef(name + "_group"))
	Label(name + "_single")
	TESTQ(i, i)
	JZ(LabelRef(name + "_states_done"))
	update(decays(1, func(int) Mem { return Mem{Base: ap} })[0], 0, 0, acc)
	ADDQ(U32(v.Bytes()), off)
	ADDQ(U32(4), nb)
	ADDQ(ad, ap)
	DECQ(i)
	JMP(LabelRef(name + "_single"))
	Label(name + "_states_done")
	for _, a := range accs[1:] {
		VADDPS(a, acc, acc)
	}
	if v.Lanes == 16 {
		VMOVUPS(acc, k, Mem{Base: y})
	} else {
		VMASKMOVPS(acc, k, Mem{Base: y})
	}
	ADDQ(NewParamAddr("sx", 64), delta)
	ADDQ(NewParamAddr("sx", 64), u)
	ADDQ(NewParamAddr("sx", 64), y)
	ADDQ(NewParamAddr("sbc", 72), b)
	ADDQ(NewParamAddr("sbc", 72), c)
	DECQ(steps)
	JNZ(LabelRef(name + "_step"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// reduceStore stores the sum of acc's lanes at m.
func reduceStore(v vmath.ISA, acc reg.VecVirtual, m Mem) {
	y := acc.AsY()
	if v.Lanes == 16 {
		hi := YMM()
		VEXTRACTF32X8(U8(1), acc, hi)
		VADDPS(hi, acc.AsY(), hi)
		y = hi
	}
	lo, hi := XMM(), XMM()
	VEXTRACTF128(U8(1), y, hi)
	VADDPS(hi, y.(reg.VecVirtual).AsX(), lo)
	VMOVHLPS(lo, lo, hi)
	VADDPS(hi, lo, lo)
	VMOVSHDUP(lo, hi)
	VADDSS(hi, lo, lo)
	VMOVSS(lo, m)
}

// gateRow emits out[i] = (out[i] + d·u[i])·silu(z[i]) (or without the
// gate) over whole vectors, with d a scalar or d[i].
func gateRow(v vmath.ISA, vectorD, gate bool) {
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
	TEXT(name+v.Name, NOSPLIT, sig)
	Pragma("noescape")
	Doc(name + v.Name + " adds the D skip to a row of scan outputs and applies the silu gate, over whole vectors.")
	out := Load(Param("out").Base(), GP64())
	u := Load(Param("u").Base(), GP64())
	n := Load(Param("out").Len(), GP64())
	var z, dPtr reg.Register
	if gate {
		z = Load(Param("z").Base(), GP64())
	}
	dv := v.Vec()
	if vectorD {
		dPtr = Load(Param("d").Base(), GP64())
	} else {
		VBROADCASTSS(Load(Param("d"), XMM()), dv)
	}
	ptrs := []reg.Register{out, u}
	if vectorD {
		ptrs = append(ptrs, dPtr)
	}
	if gate {
		ptrs = append(ptrs, z)
	}
	if gate && v.Lanes == 16 {
		vmath.HoistSiLUConstants(v)
		defer vmath.ReleaseConstants()
	}
	rowLoop(name+v.Name, v, n, ptrs, unrollFor(v, gate), func(disp []int) {
		os := make([]reg.VecVirtual, len(disp))
		for j, d := range disp {
			os[j] = v.Vec()
			VMOVUPS(Mem{Base: out, Disp: d}, os[j])
			dj := dv
			if vectorD {
				dj = v.Vec()
				VMOVUPS(Mem{Base: dPtr, Disp: d}, dj)
			}
			VFMADD231PS(Mem{Base: u, Disp: d}, dj, os[j])
		}
		if gate {
			ss := make([]reg.VecVirtual, len(disp))
			for j, d := range disp {
				ss[j] = v.Vec()
				VMOVUPS(Mem{Base: z, Disp: d}, ss[j])
			}
			vmath.SiLUN(v, ss)
			for j := range disp {
				VMULPS(ss[j], os[j], os[j])
			}
		}
		for j, d := range disp {
			VMOVUPS(os[j], Mem{Base: out, Disp: d})
		}
	})
}

// rowLoop emits a loop over the whole vectors of a row of n elements:
// body runs for unroll vectors at a time (byte offsets disp from the
// pointers), then for the rest one at a time, every pointer in ptrs moving
// on past the vectors done. It ends the function.
func rowLoop(name string, v vmath.ISA, n reg.Register, ptrs []reg.Register, unroll int, body func(disp []int)) {
	SHRQ(U8(log2(v.Lanes)), n)
	JZ(LabelRef(name + "_done"))
	if unroll > 1 {
		disp := make([]int, unroll)
		for j := range disp {
			disp[j] = j * v.Bytes()
		}
		CMPQ(n, U8(unroll))
		JL(LabelRef(name + "_loop"))
		Label(name + "_unrolled")
		body(disp)
		for _, p := range ptrs {
			ADDQ(U32(unroll*v.Bytes()), p)
		}
		SUBQ(U8(unroll), n)
		CMPQ(n, U8(unroll))
		JGE(LabelRef(name + "_unrolled"))
		TESTQ(n, n)
		JZ(LabelRef(name + "_done"))
	}
	Label(name + "_loop")
	body([]int{0})
	for _, p := range ptrs {
		ADDQ(U32(v.Bytes()), p)
	}
	DECQ(n)
	JNZ(LabelRef(name + "_loop"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// unrollFor is the vectors per iteration of a row kernel: with a
// transcendental function (transcendental), as many chains side by side
// as the registers hold next to the hoisted constants.
func unrollFor(v vmath.ISA, transcendental bool) int {
	if !transcendental {
		return 1
	}
	if v.Lanes == 16 {
		return rowUnroll512
	}
	return rowUnrollAVX2
}

func log2(n int) int {
	k := 0
	for 1<<k < n {
		k++
	}
	return k
}

// scanDecode16 emits the decode step (one step, State 16: one ZMM per
// channel) of a run of channels, without scanChannel's step and chunk
// loops:
//
//	δ = delta[i], x = u[i]
//	h[i] = exp(δ·a[i])·h[i] + δ·x·b[i·cbc]
//	y[i] = Σ_lanes h[i]·c[i·cbc]
//
// with h and a [channels][16], delta, u and y contiguous across channels
// (a decode step's layout in both BDL and BLD), and b, c the group's
// shared row (cbc = 0) or one row per channel (cbc = 16). Four channels'
// sums are reduced together: the horizontal adds of one reduction are
// shared by four outputs, stored as one XMM.
func scanDecode16() {
	v := vmath.AVX512
	name := "scanDecode16AVX512"
	TEXT(name, NOSPLIT, "func(h, a, b, c, delta, u, y *float32, channels, cbc int)")
	Pragma("noescape")
	Doc(name + " runs one decode step of channels channels with State 16; see avogen/scan.")
	h := Load(Param("h"), GP64())
	a := Load(Param("a"), GP64())
	b := Load(Param("b"), GP64())
	c := Load(Param("c"), GP64())
	delta := Load(Param("delta"), GP64())
	u := Load(Param("u"), GP64())
	y := Load(Param("y"), GP64())
	n := Load(Param("channels"), GP64())
	cbc := Load(Param("cbc"), GP64())
	SHLQ(U8(2), cbc)
	vmath.HoistExp2Constants(v)
	defer vmath.ReleaseConstants()

	// channels emits the updates of the channels at offsets is (0…3) of
	// the current group of four, their decays side by side (vmath.Exp2N),
	// and returns their product vectors h·c.
	channels := func(is ...int) []reg.VecVirtual {
		n := len(is)
		xs, avs, dus, dls := make([]reg.VecVirtual, n), make([]reg.VecVirtual, n), make([]reg.VecVirtual, n), make([]reg.VecVirtual, n)
		for j, i := range is {
			d, dh := v.Vec(), v.Vec()
			dus[j], dls[j], xs[j], avs[j] = v.Vec(), v.Vec(), v.Vec(), v.Vec()
			VBROADCASTSS(Mem{Base: delta, Disp: 4 * i}, d)
			VBROADCASTSS(Mem{Base: u, Disp: 4 * i}, dus[j])
			VMULPS(d, dus[j], dus[j])
			vmath.ScaleLog2E(d, dh, dls[j])
			VMOVUPS(Mem{Base: a, Disp: 64 * i}, avs[j])
			VMULPS(avs[j], dh, xs[j])
		}
		ps := make([]reg.VecVirtual, n)
		vmath.Exp2NEach(v, xs, avs, dls)
		for j, i := range is {
			hv := v.Vec()
			VMULPS(Mem{Base: h, Disp: 64 * i}, xs[j], hv)
			VFMADD231PS(Mem{Base: b}, dus[j], hv)
			VMOVUPS(hv, Mem{Base: h, Disp: 64 * i})
			ps[j] = v.Vec()
			VMULPS(Mem{Base: c}, hv, ps[j])
			ADDQ(cbc, b)
			ADDQ(cbc, c)
		}
		return ps
	}
	advance := func(k int) {
		ADDQ(U32(64*k), h)
		ADDQ(U32(64*k), a)
		ADDQ(U32(4*k), delta)
		ADDQ(U32(4*k), u)
		ADDQ(U32(4*k), y)
	}

	Label(name + "_four")
	CMPQ(n, U8(4))
	JB(LabelRef(name + "_one"))
	p := append(channels(0, 1), channels(2, 3)...)
	// [p0.lo8 | p1.lo8] + [p0.hi8 | p1.hi8] = 8 partial sums of p0 then of p1.
	s01, t01, s23, t23 := v.Vec(), v.Vec(), v.Vec(), v.Vec()
	VSHUFF32X4(U8(0x44), p[1], p[0], s01)
	VSHUFF32X4(U8(0xee), p[1], p[0], t01)
	VADDPS(t01, s01, s01)
	VSHUFF32X4(U8(0x44), p[3], p[2], s23)
	VSHUFF32X4(U8(0xee), p[3], p[2], t23)
	VADDPS(t23, s23, s23)
	// One more fold of the 8-sums into 128-bit quarters, p0 … p3 in order.
	q, r := v.Vec(), v.Vec()
	VSHUFF32X4(U8(0x88), s23, s01, q) // quarters 0, 2 of s01, then of s23
	VSHUFF32X4(U8(0xdd), s23, s01, r) // quarters 1, 3
	VADDPS(r, q, q)                   // per quarter: p0, p1, p2, p3 (4 partial sums each)
	// Within each quarter: 4 → 2 → 1.
	t := v.Vec()
	VPERMILPS(U8(0x4e), q, t) // swap 64-bit halves
	VADDPS(t, q, q)
	VPERMILPS(U8(0xb1), q, t) // swap neighbours
	VADDPS(t, q, q)
	// Lane 0 of each quarter holds a channel's sum: gather lanes 0, 4, 8,
	// 12 into the low XMM.
	idx := v.Vec()
	VMOVUPS(decodeGather, idx)
	VPERMPS(q, idx, q)
	VMOVUPS(q.AsX(), Mem{Base: y})
	advance(4)
	SUBQ(U8(4), n)
	JMP(LabelRef(name + "_four"))

	Label(name + "_one")
	TESTQ(n, n)
	JZ(LabelRef(name + "_done"))
	reduceStore(v, channels(0)[0], Mem{Base: y})
	advance(1)
	DECQ(n)
	JMP(LabelRef(name + "_one"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// decodeGather is the VPERMPS index that moves lanes 0, 4, 8, 12 to lanes
// 0…3.
var decodeGather Mem

func decodeGatherData() {
	decodeGather = GLOBL("scan_decode_gather", RODATA|NOPTR)
	for i, lane := range []uint32{0, 4, 8, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0} {
		DATA(4*i, U32(lane))
	}
}
