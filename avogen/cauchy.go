// The cauchy generator writes asm/cauchy_amd64.s and asm/cauchy_amd64.go:
// the Cauchy sums of kernelgen's S4 (DPLR) kernel at AVX2 and AVX-512, in
// float64 (the Woodbury correction divides by 1 + r_PQ and would lose
// float32's few digits).
//
//	cd avogen && go run . -gen cauchy -out ../asm
//
// For four numerator rows j < 4 and evaluation points k (vectorised: 4 or 8
// per register, split real and imaginary parts), over the states n:
//
//	r[j][k] = Σ_n v[j][n]/(α_k − β_k·w_n) + conj(v[j][n])/(α_k − β_k·conj(w_n))
//
// The two reciprocals 1/z = conj(z)/|z|² (one division for both) are
// shared by the four rows, and
// their sum and difference fold each row's two complex products into four
// fused multiply-adds (generic.CauchyConj4 spells out the same operations
// in the same order, so that both give the same bits).
package main

import (
	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	"github.com/mmcloughlin/avo/reg"

	"github.com/ssmkern/ssmkern/avogen/vmath"
)

// cauchyOne is the float64 1 the reciprocals divide.
var cauchyOne Mem

func generateCauchy() {
	cauchyOne = GLOBL("cauchy_one", RODATA|NOPTR)
	DATA(0, F64(1.0))
	cauchyConj4(vmath.AVX2)
	cauchyConj4(vmath.AVX512)
}

func cauchyConj4(v vmath.ISA) {
	name := "cauchyConj4" + v.Name
	TEXT(name, NOSPLIT, "func(rRe, rIm, v, w, aRe, aIm, bRe, bIm *float64, nk, nh, rowStride int)")
	Pragma("noescape")
	Doc(name + " computes the Cauchy sums of 4 numerator rows at nk (a multiple of the vector length) points; see avogen/cauchy.go.")
	lanes := v.Lanes / 2 // float64 per register
	rRe := Load(Param("rRe"), GP64())
	rIm := Load(Param("rIm"), GP64())
	aRe := Load(Param("aRe"), GP64())
	aIm := Load(Param("aIm"), GP64())
	bRe := Load(Param("bRe"), GP64())
	bIm := Load(Param("bIm"), GP64())
	nk := Load(Param("nk"), GP64())
	row := Load(Param("rowStride"), GP64())
	SHLQ(U8(3), row) // bytes between the rows of r
	vrow := Load(Param("nh"), GP64())
	SHLQ(U8(4), vrow) // bytes between the rows of v (complex128)
	vrow3 := GP64()
	LEAQ(Mem{Base: vrow, Index: vrow, Scale: 2}, vrow3)
	one := v.Vec()
	VBROADCASTSD(cauchyOne, one)
	TESTQ(nk, nk)
	JZ(LabelRef(name + "_done"))

	Label(name + "_points")
	var acc [4][2]reg.VecVirtual // [row][re, im]
	for j := range acc {
		for c := range acc[j] {
			acc[j][c] = v.Vec()
			VXORPD(acc[j][c], acc[j][c], acc[j][c])
		}
	}
	vp := Load(Param("v"), GP64())
	wp := Load(Param("w"), GP64())
	n := Load(Param("nh"), GP64())
	TESTQ(n, n)
	JZ(LabelRef(name + "_store"))
	Label(name + "_state")
	{
		wr, wi := v.Vec(), v.Vec()
		VBROADCASTSD(Mem{Base: wp}, wr)
		VBROADCASTSD(Mem{Base: wp, Disp: 8}, wi)
		br, bi := v.Vec(), v.Vec()
		VMOVUPD(Mem{Base: bRe}, br)
		VMOVUPD(Mem{Base: bIm}, bi)
		// β·w and β·conj(w) from the same two products.
		m, m2 := v.Vec(), v.Vec()
		VMULPD(wi, bi, m)  // bi·wi
		VMULPD(wr, bi, m2) // bi·wr
		bwr, bwcr, bwi, bwci := v.Vec(), v.Vec(), v.Vec(), v.Vec()
		VMOVAPD(m, bwr)
		VFMSUB231PD(wr, br, bwr) // br·wr − bi·wi
		VMOVAPD(m, bwcr)
		VFMADD231PD(wr, br, bwcr) // br·wr + bi·wi
		VMOVAPD(m2, bwi)
		VFMADD231PD(wi, br, bwi) // br·wi + bi·wr
		VMOVAPD(m2, bwci)
		VFNMADD231PD(wi, br, bwci) // bi·wr − br·wi
		// z1 = α − β·w, z2 = α − β·conj(w); d = 1/z = (zr − i·zi)·s, s = 1/|z|².
		ar, ai := v.Vec(), v.Vec()
		VMOVUPD(Mem{Base: aRe}, ar)
		VMOVUPD(Mem{Base: aIm}, ai)
		// One division serves both reciprocals: with q = |z|²,
		// 1/q1 = q2·t and 1/q2 = q1·t for t = 1/(q1·q2) (the division is
		// the slowest instruction here; |z|² stays far from the float64
		// range's ends for the S4 points and states).
		z1r, z1i, z2r, z2i := v.Vec(), v.Vec(), v.Vec(), v.Vec()
		VSUBPD(bwr, ar, z1r)
		VSUBPD(bwi, ai, z1i)
		VSUBPD(bwcr, ar, z2r)
		VSUBPD(bwci, ai, z2i)
		q1, q2, t := v.Vec(), v.Vec(), v.Vec()
		VMULPD(z1r, z1r, q1)
		VFMADD231PD(z1i, z1i, q1)
		VMULPD(z2r, z2r, q2)
		VFMADD231PD(z2i, z2i, q2)
		VMULPD(q2, q1, t)
		VDIVPD(t, one, t)
		VMULPD(t, q2, q2) // 1/q1
		VMULPD(t, q1, q1) // 1/q2
		d1r, nd1i, d2r, nd2i := v.Vec(), v.Vec(), v.Vec(), v.Vec()
		VMULPD(q2, z1r, d1r)
		VMULPD(q2, z1i, nd1i) // −Im d1
		VMULPD(q1, z2r, d2r)
		VMULPD(q1, z2i, nd2i) // −Im d2
		sr, dr, ns, di := v.Vec(), v.Vec(), v.Vec(), v.Vec()
		VADDPD(d2r, d1r, sr)   // Re(d1 + d2)
		VSUBPD(d2r, d1r, dr)   // Re(d1 − d2)
		VADDPD(nd2i, nd1i, ns) // −Im(d1 + d2)
		VSUBPD(nd2i, nd1i, di) // Im(d2 − d1)
		// x·d1 + conj(x)·d2 has Re = xr·Re(d1+d2) + xi·Im(d2−d1) and
		// Im = xr·Im(d1+d2) + xi·Re(d1−d2).
		for j := range acc {
			mem := func(disp int) Mem {
				switch j {
				case 0:
					return Mem{Base: vp, Disp: disp}
				case 3:
					return Mem{Base: vp, Index: vrow3, Scale: 1, Disp: disp}
				}
				return Mem{Base: vp, Index: vrow, Scale: uint8(j), Disp: disp}
			}
			xr, xi := v.Vec(), v.Vec()
			VBROADCASTSD(mem(0), xr)
			VBROADCASTSD(mem(8), xi)
			VFMADD231PD(sr, xr, acc[j][0])
			VFMADD231PD(di, xi, acc[j][0])
			VFNMADD231PD(ns, xr, acc[j][1])
			VFMADD231PD(dr, xi, acc[j][1])
		}
	}
	ADDQ(U8(16), vp)
	ADDQ(U8(16), wp)
	DECQ(n)
	JNZ(LabelRef(name + "_state"))

	Label(name + "_store")
	for j := range acc {
		for c, base := range []reg.Register{rRe, rIm} {
			var mem Mem
			switch j {
			case 0:
				mem = Mem{Base: base}
			case 3:
				r3 := GP64()
				LEAQ(Mem{Base: row, Index: row, Scale: 2}, r3)
				mem = Mem{Base: base, Index: r3, Scale: 1}
			default:
				mem = Mem{Base: base, Index: row, Scale: uint8(j)}
			}
			VMOVUPD(acc[j][c], mem)
		}
	}
	for _, p := range []reg.Register{rRe, rIm, aRe, aIm, bRe, bIm} {
		ADDQ(U8(8*lanes), p)
	}
	SUBQ(U8(lanes), nk)
	JNZ(LabelRef(name + "_points"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}
