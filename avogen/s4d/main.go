// Command s4d generates asm/vandermonde_amd64.s and asm/vandermonde_amd64.go:
// the hot loop of kernelgen's S4D kernel at the AVX2 and AVX-512 levels.
//
//	cd avogen && go run ./s4d -out ../asm/vandermonde_amd64.s -stubs ../asm/vandermonde_amd64.go -pkg asm
//
// For each block b of 64 steps (generic.VandermondeBlock) it computes
//
//	k[b·64 + j] = Σ_n zRe[b·nh+n]·pRe[n·64+j] − zIm[b·nh+n]·pIm[n·64+j]
//
// the real part of Σ_n z_n·p_n(j), with z the per-block anchors and p the
// table of powers within a block: two fused multiply-adds per (state,
// step) and the 64 outputs of a block in accumulator registers (4 ZMM or
// 8 YMM), so that each power table row is read once per block.
package main

import (
	"fmt"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	"github.com/mmcloughlin/avo/reg"

	"github.com/ssmkern/ssmkern/avogen/vmath"
)

// block is generic.VandermondeBlock.
const block = 64

func main() {
	ConstraintExpr("gc,!purego")
	for _, v := range []vmath.ISA{vmath.AVX2, vmath.AVX512} {
		vandermonde(v)
	}
	for _, v := range []vmath.ISA{vmath.AVX2, vmath.AVX512} {
		chain(v)
	}
	Generate()
}

// The loop is arranged for the FMA units, not the loads: each power
// vector loaded from the table is used by the anchors of two blocks at
// once (a pass over a block pair), and the AVX-512 kernel keeps the
// zRe·pRe and zIm·pIm sums in separate accumulators so that no
// accumulator waits on its own previous FMA twice per state (a single
// accumulator per vector ran at half the FMA rate, latency-bound). A pass
// covers chunk steps of the block pair: all 64 in 4 ZMM accumulators per
// block and sum, 32 in 4 YMM per block for AVX2 (16 registers).
func vandermonde(v vmath.ISA) {
	name := "vandermondeBlocks" + v.Name
	TEXT(name, NOSPLIT, "func(k, zRe, zIm, pRe, pIm *float32, blocks, nh int)")
	Pragma("noescape")
	Doc(name + " computes blocks whole 64-step blocks of the S4D Vandermonde kernel; see avogen/s4d.")
	k := Load(Param("k"), GP64())
	zRe := Load(Param("zRe"), GP64())
	zIm := Load(Param("zIm"), GP64())
	blocks := Load(Param("blocks"), GP64())
	nh := Load(Param("nh"), GP64())
	row := GP64() // bytes between the anchors of consecutive blocks
	MOVQ(nh, row)
	SHLQ(U8(2), row)
	split := v.Lanes == 16
	vecs := 4                          // accumulators per block and sum
	chunks := block / (vecs * v.Lanes) // passes per block pair
	TESTQ(nh, nh)
	JZ(LabelRef(name + "_zero"))

	// pass emits one pass over nb (1 or 2) blocks and steps
	// [chunk·vecs·Lanes, (chunk+1)·vecs·Lanes).
	pass := func(label string, nb, chunk int) {
		off := chunk * vecs * v.Bytes()
		sums := 1
		if split {
			sums = 2
		}
		acc := make([][][]reg.VecVirtual, nb) // [block][sum][vec]
		for b := range acc {
			acc[b] = make([][]reg.VecVirtual, sums)
			for s := range acc[b] {
				acc[b][s] = make([]reg.VecVirtual, vecs)
				for i := range acc[b][s] {
					acc[b][s][i] = v.Vec()
					VXORPS(acc[b][s][i], acc[b][s][i], acc[b][s][i])
				}
			}
		}
		zr, zi := GP64(), GP64()
		MOVQ(zRe, zr)
		MOVQ(zIm, zi)
		pr := Load(Param("pRe"), GP64())
		pi := Load(Param("pIm"), GP64())
		n := GP64()
		MOVQ(nh, n)
		Label(label)
		a, c := make([]reg.VecVirtual, nb), make([]reg.VecVirtual, nb)
		for b := range nb {
			a[b], c[b] = v.Vec(), v.Vec()
			if b == 0 {
				VBROADCASTSS(Mem{Base: zr}, a[b])
				VBROADCASTSS(Mem{Base: zi}, c[b])
			} else {
				VBROADCASTSS(Mem{Base: zr, Index: row, Scale: 1}, a[b])
				VBROADCASTSS(Mem{Base: zi, Index: row, Scale: 1}, c[b])
			}
		}
		for i := range vecs {
			x, y := v.Vec(), v.Vec()
			VMOVUPS(Mem{Base: pr, Disp: off + i*v.Bytes()}, x)
			VMOVUPS(Mem{Base: pi, Disp: off + i*v.Bytes()}, y)
			for b := range nb {
				VFMADD231PS(x, a[b], acc[b][0][i])
				VFNMADD231PS(y, c[b], acc[b][sums-1][i])
			}
		}
		ADDQ(U32(4), zr)
		ADDQ(U32(4), zi)
		ADDQ(U32(4*block), pr)
		ADDQ(U32(4*block), pi)
		DECQ(n)
		JNZ(LabelRef(label))
		for b := range nb {
			for i := range vecs {
				if split {
					VADDPS(acc[b][1][i], acc[b][0][i], acc[b][0][i])
				}
				VMOVUPS(acc[b][0][i], Mem{Base: k, Disp: b*4*block + off + i*v.Bytes()})
			}
		}
	}

	Label(name + "_pair")
	CMPQ(blocks, U8(2))
	JB(LabelRef(name + "_single"))
	for ch := range chunks {
		pass(fmt.Sprintf("%s_pair%d", name, ch), 2, ch)
	}
	ADDQ(row, zRe)
	ADDQ(row, zRe)
	ADDQ(row, zIm)
	ADDQ(row, zIm)
	ADDQ(U32(2*4*block), k)
	SUBQ(U8(2), blocks)
	JMP(LabelRef(name + "_pair"))

	Label(name + "_single")
	TESTQ(blocks, blocks)
	JZ(LabelRef(name + "_done"))
	for ch := range chunks {
		pass(fmt.Sprintf("%s_single%d", name, ch), 1, ch)
	}
	JMP(LabelRef(name + "_done"))

	// nh = 0: every output is an empty sum.
	Label(name + "_zero")
	z := v.Vec()
	VXORPS(z, z, z)
	Label(name + "_zeroblock")
	TESTQ(blocks, blocks)
	JZ(LabelRef(name + "_done"))
	for i := range block / v.Lanes {
		VMOVUPS(z, Mem{Base: k, Disp: i * v.Bytes()})
	}
	ADDQ(U32(4*block), k)
	DECQ(blocks)
	JMP(LabelRef(name + "_zeroblock"))

	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// chainGroup is the number of float64 lanes chain advances together: one
// ZMM, two YMM.
const chainGroup = 8

// chain emits the table builder of the float32 path: for t < steps and
// each group g < groups of 8 lanes (x, e, thr hold 8·groups float64),
//
//	x ← x if |x|² ≥ thr else 0         (the decay flush of the tables)
//	dst[g·groupStride + t·stepStride + i] = float32(x[8g+i]),  i < 8
//	x ← x·e                            (complex, float64)
//
// leaving the advanced x in place. Steps are the outer loop, so the
// groups' chains are independent work for the out-of-order core.
func chain(v vmath.ISA) {
	name := "vandermondeChain" + v.Name
	TEXT(name, NOSPLIT, "func(dstRe, dstIm *float32, xr, xi, er, ei, thr *float64, groups, steps, groupStride, stepStride int)")
	Pragma("noescape")
	Doc(name + " advances groups·8 complex float64 chains by steps products, storing each flushed value as float32; see avogen/s4d.")
	dr := Load(Param("dstRe"), GP64())
	di := Load(Param("dstIm"), GP64())
	steps := Load(Param("steps"), GP64())
	gs := Load(Param("groupStride"), GP64())
	SHLQ(U8(2), gs)
	ss := Load(Param("stepStride"), GP64())
	SHLQ(U8(2), ss)
	lanes := v.Lanes / 2 // float64 lanes per register
	TESTQ(steps, steps)
	JZ(LabelRef(name + "_done"))
	groups := Load(Param("groups"), GP64())
	TESTQ(groups, groups)
	JZ(LabelRef(name + "_done"))
	Label(name + "_step")
	xr := Load(Param("xr"), GP64())
	xi := Load(Param("xi"), GP64())
	er := Load(Param("er"), GP64())
	ei := Load(Param("ei"), GP64())
	thr := Load(Param("thr"), GP64())
	g := Load(Param("groups"), GP64())
	or, oi := GP64(), GP64()
	MOVQ(dr, or)
	MOVQ(di, oi)
	Label(name + "_group")
	for h := 0; h < chainGroup/lanes; h++ {
		d := h * v.Bytes()
		a, b, m := v.Vec(), v.Vec(), v.Vec()
		VMOVUPD(Mem{Base: xr, Disp: d}, a)
		VMOVUPD(Mem{Base: xi, Disp: d}, b)
		VMULPD(a, a, m)
		VFMADD231PD(b, b, m)
		if v.Lanes == 16 {
			k := K()
			VCMPPD(U8(0x1d), Mem{Base: thr, Disp: d}, m, k) // |x|² ≥ thr (GE_OQ)
			VMOVAPD_Z(a, k, a)
			VMOVAPD_Z(b, k, b)
		} else {
			VCMPPD(U8(0x1d), Mem{Base: thr, Disp: d}, m, m)
			VANDPD(a, m, a)
			VANDPD(b, m, b)
		}
		fr, fi := v.Vec(), v.Vec()
		if v.Lanes == 16 {
			VCVTPD2PS(a, fr.AsY())
			VCVTPD2PS(b, fi.AsY())
			VMOVUPS(fr.AsY(), Mem{Base: or, Disp: 4 * lanes * h})
			VMOVUPS(fi.AsY(), Mem{Base: oi, Disp: 4 * lanes * h})
		} else {
			VCVTPD2PSY(a, fr.AsX())
			VCVTPD2PSY(b, fi.AsX())
			VMOVUPS(fr.AsX(), Mem{Base: or, Disp: 4 * lanes * h})
			VMOVUPS(fi.AsX(), Mem{Base: oi, Disp: 4 * lanes * h})
		}
		// (a + ib)(c + id) = (ac − bd) + i(ad + bc)
		c, dd, re, im := v.Vec(), v.Vec(), v.Vec(), v.Vec()
		VMOVUPD(Mem{Base: er, Disp: d}, c)
		VMOVUPD(Mem{Base: ei, Disp: d}, dd)
		VMULPD(dd, b, re)
		VFMSUB231PD(c, a, re)
		VMULPD(c, b, im)
		VFMADD231PD(dd, a, im)
		VMOVUPD(re, Mem{Base: xr, Disp: d})
		VMOVUPD(im, Mem{Base: xi, Disp: d})
	}
	for _, r := range []reg.Register{xr, xi, er, ei, thr} {
		ADDQ(U32(8*chainGroup), r)
	}
	ADDQ(gs, or)
	ADDQ(gs, oi)
	DECQ(g)
	JNZ(LabelRef(name + "_group"))
	ADDQ(ss, dr)
	ADDQ(ss, di)
	DECQ(steps)
	JNZ(LabelRef(name + "_step"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}
