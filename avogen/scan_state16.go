package main

import (
	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	"github.com/mmcloughlin/avo/reg"

	"github.com/ssmkern/ssmkern/avogen/vmath"
)

// state16Steps is how many steps' decays scanState16 computes side by side
// (vmath.Exp2NBcst).
const state16Steps = 4

// scanState16 emits one BDL channel's recurrence with its 16 states in
// one ZMM register, for a channel whose steps are contiguous:
//
//	for each step l:
//	    h = exp(δ_l·a)·h + δ_l·u_l·b[l]   (16 states at once)
//	    y[l] = Σ_n h[n]·c[l][n]
//
// h stays in a register for the whole row, so the only chain between steps
// is one multiply-add; the decays of state16Steps steps are computed side
// by side. The sums over the state are not taken step by step (a
// horizontal sum is a chain of five shuffles and adds): the products
// h·c[l] of 16 steps are folded pairwise in four levels (256-bit halves,
// 128-bit quarters, then pairs and single floats within each quarter), one
// shuffle pair and an add per two vectors, and one VPERMPS puts the 16
// sums in step order for a single store.
//
// A prologue runs over the row first and writes, per block of 16 steps,
// δ·log2e as hi + lo (vmath.ScaleLog2E) and δ·u into work, so that the
// loop reads each as a broadcast operand. delta is readable to the next
// multiple of 16 steps and zero past steps (a zero δ leaves h exactly
// unchanged), b and c are [steps rounded up to 16][16] panels, finite past
// steps; u and y are read and written only up to steps (mask tail, the bit
// pattern of the last block's steps).
//
// The damped form leaves out the correction of δ·log2e's rounding (lo),
// one multiply-add of the dozen per step, for calls whose every decay is
// at most 1 (δ ≥ 0 from softplus, A ≤ 0): a decay 2^t with t off by a
// relative ε then errs by ε·|t|·ln2 relative, and a product of decays
// P = 2^−X over any run of steps by at most ε·X·ln2·P ≤ ε/e of the term it
// scales, so the rounding cannot compound. With growing decays it can:
// without lo, the forward test's problems with δ < 0 (no softplus, a
// negative bias) miss the last-state tolerance (1.7e-6 against 1.04e-6).
// Dim 1536, State 16, SeqLen 1024, softplus, D and z, thread CPU ns per
// element, four interleaved runs of go test -c binaries: 0.341–0.368 with
// lo, 0.321–0.344 without.
//
// Measured and dropped: the decay by a 16-entry table of 2^(j/16) (hi +
// lo, VPERMPS) and a degree-3 polynomial, four multiply-add-pipe
// operations fewer per step than the degree-6 one, 0.357 against 0.350
// (the permutes compete with the folds' shuffles); the first fold level
// taken by a multiply-add on a C panel laid out in pairs of rows, no
// faster; eight steps side by side do not fit (eight K masks).
func scanState16(damped bool) {
	v := vmath.AVX512
	name := "scanState16AVX512"
	if damped {
		name = "scanState16DampedAVX512"
	}
	TEXT(name, NOSPLIT, "func(h, a, b, c, delta, u, y, work *float32, blocks, tail int)")
	Pragma("noescape")
	Doc(name + " runs the selective-scan recurrence of one channel with 16 states in a register; see avogen/scan_state16.")
	blocks := Load(Param("blocks"), GP64())
	TESTQ(blocks, blocks)
	JZ(LabelRef(name + "_done"))
	k := K()
	tail := Load(Param("tail"), GP64())

	// setMask puts the mask of block i into k: all 16 lanes, or the tail's
	// on the last block (left == 1).
	setMask := func(left reg.Register, label string) {
		KXNORW(k, k, k)
		CMPQ(left, U8(1))
		JNE(LabelRef(label))
		KMOVW(tail.(reg.GPVirtual).As32(), k)
		Label(label)
	}

	// Prologue: work block i = [hi ×16][lo ×16][δ·u ×16] (no lo in the
	// damped form).
	delta := Load(Param("delta"), GP64())
	u := Load(Param("u"), GP64())
	work := Load(Param("work"), GP64())
	left := GP64()
	MOVQ(blocks, left)
	Label(name + "_pre")
	setMask(left, name+"_pre_mask")
	d, x, hi, lo := v.Vec(), v.Vec(), v.Vec(), v.Vec()
	VMOVUPS(Mem{Base: delta}, d)
	VMOVUPS_Z(Mem{Base: u}, k, x)
	VMULPS(d, x, x)
	if damped { // no correction: lo is never read
		VMULPS(vmath.Const(vmath.Log2E), d, hi)
	} else {
		vmath.ScaleLog2E(d, hi, lo)
		VMOVUPS(lo, Mem{Base: work, Disp: 64})
	}
	VMOVUPS(hi, Mem{Base: work})
	VMOVUPS(x, Mem{Base: work, Disp: 128})
	ADDQ(U8(64), delta)
	ADDQ(U8(64), u)
	ADDQ(U32(192), work)
	DECQ(left)
	JNZ(LabelRef(name + "_pre"))

	vmath.HoistExp2PolyConstants(v)
	defer vmath.ReleaseConstants()
	hp, a := Load(Param("h"), GP64()), Load(Param("a"), GP64())
	b, c, y := Load(Param("b"), GP64()), Load(Param("c"), GP64()), Load(Param("y"), GP64())
	Load(Param("work"), work)
	hv, av := v.Vec(), v.Vec()
	VMOVUPS(Mem{Base: hp}, hv)
	VMOVUPS(Mem{Base: a}, av)
	MOVQ(blocks, left)
	Label(name + "_block")
	var pending [5]reg.VecVirtual // pending[k]: a fold of 2^k steps waiting for its pair
	for g := 0; g < 16; g += state16Steps {
		ts, los := make([]reg.VecVirtual, state16Steps), make([]Mem, state16Steps)
		for j := range ts {
			ts[j] = v.Vec()
			VMULPS_BCST(Mem{Base: work, Disp: 4 * (g + j)}, av, ts[j])
			los[j] = Mem{Base: work, Disp: 64 + 4*(g+j)}
		}
		if damped {
			los = nil
		}
		vmath.Exp2NBcst(ts, av, los)
		for j, decay := range ts {
			l := g + j
			bu, p := v.Vec(), v.Vec()
			VMOVUPS(Mem{Base: b, Disp: 64 * l}, bu)
			VMULPS_BCST(Mem{Base: work, Disp: 128 + 4*l}, bu, bu)
			VFMADD213PS(bu, decay, hv) // h = decay·h + δ·u·b
			VMULPS(Mem{Base: c, Disp: 64 * l}, hv, p)
			lvl := 0
			for ; pending[lvl] != nil; lvl++ {
				p = foldSums(lvl, pending[lvl], p)
				pending[lvl] = nil
			}
			pending[lvl] = p
		}
	}
	idx := v.Vec()
	VMOVUPS(state16Order(), idx)
	sums := v.Vec()
	VPERMPS(pending[4], idx, sums)
	setMask(left, name+"_store_mask")
	VMOVUPS(sums, k, Mem{Base: y})
	ADDQ(U32(1024), b)
	ADDQ(U32(1024), c)
	ADDQ(U8(64), y)
	ADDQ(U32(192), work)
	DECQ(left)
	JNZ(LabelRef(name + "_block"))
	VMOVUPS(hv, Mem{Base: hp})
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// foldSums folds x (the earlier steps) and z (as many later ones) into one
// vector holding half as many partial sums per step, for level lvl of
// scanState16's tree: level 0 pairs 256-bit halves of single steps, level
// 1 128-bit quarters, levels 2 and 3 pairs and single floats within each
// quarter (in-lane shuffles).
func foldSums(lvl int, x, z reg.VecVirtual) reg.VecVirtual {
	lo, hi := ZMM(), ZMM()
	switch lvl {
	case 0: // [x.q0 x.q1 z.q0 z.q1] + [x.q2 x.q3 z.q2 z.q3]
		VSHUFF32X4(U8(0x44), z, x, lo)
		VSHUFF32X4(U8(0xee), z, x, hi)
	case 1: // [x.q0 x.q2 z.q0 z.q2] + [x.q1 x.q3 z.q1 z.q3]
		VSHUFF32X4(U8(0x88), z, x, lo)
		VSHUFF32X4(U8(0xdd), z, x, hi)
	case 2: // in each quarter: [x0 x1 z0 z1] + [x2 x3 z2 z3]
		VSHUFPS(U8(0x44), z, x, lo)
		VSHUFPS(U8(0xee), z, x, hi)
	case 3: // in each quarter: [x0 x2 z0 z2] + [x1 x3 z1 z3]
		VSHUFPS(U8(0x88), z, x, lo)
		VSHUFPS(U8(0xdd), z, x, hi)
	}
	VADDPS(hi, lo, lo)
	return lo
}

// state16Order is the VPERMPS index that puts scanState16's folded sums
// in step order: after the four levels, float j of quarter q holds step
// q + 4j.
func state16Order() Mem {
	if state16OrderData == nil {
		m := GLOBL("state16_order", RODATA|NOPTR)
		for s := 0; s < 16; s++ {
			DATA(4*s, U32(4*(s%4)+s/4))
		}
		state16OrderData = &m
	}
	return *state16OrderData
}

var state16OrderData *Mem
