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
	Generate()
}

func vandermonde(v vmath.ISA) {
	name := "vandermondeBlocks" + v.Name
	TEXT(name, NOSPLIT, "func(k, zRe, zIm, pRe, pIm *float32, blocks, nh int)")
	Pragma("noescape")
	Doc(name + " computes blocks whole 64-step blocks of the S4D Vandermonde kernel; see avogen/s4d.")
	k := Load(Param("k"), GP64())
	zRe := Load(Param("zRe"), GP64())
	zIm := Load(Param("zIm"), GP64())
	blocks := Load(Param("blocks"), GP64())
	TESTQ(blocks, blocks)
	JZ(LabelRef(name + "_done"))
	nacc := block / v.Lanes
	Label(name + "_block")
	acc := make([]reg.VecVirtual, nacc)
	for i := range acc {
		acc[i] = v.Vec()
		VXORPS(acc[i], acc[i], acc[i])
	}
	pRe := Load(Param("pRe"), GP64())
	pIm := Load(Param("pIm"), GP64())
	n := Load(Param("nh"), GP64())
	TESTQ(n, n)
	JZ(LabelRef(name + "_store"))
	Label(name + "_state")
	a, c := v.Vec(), v.Vec()
	VBROADCASTSS(Mem{Base: zRe}, a)
	VBROADCASTSS(Mem{Base: zIm}, c)
	for i := range acc {
		VFMADD231PS(Mem{Base: pRe, Disp: i * v.Bytes()}, a, acc[i])
		VFNMADD231PS(Mem{Base: pIm, Disp: i * v.Bytes()}, c, acc[i])
	}
	ADDQ(U32(4), zRe)
	ADDQ(U32(4), zIm)
	ADDQ(U32(4*block), pRe)
	ADDQ(U32(4*block), pIm)
	DECQ(n)
	JNZ(LabelRef(name + "_state"))
	Label(name + "_store")
	for i := range acc {
		VMOVUPS(acc[i], Mem{Base: k, Disp: i * v.Bytes()})
	}
	ADDQ(U32(4*block), k)
	DECQ(blocks)
	JNZ(LabelRef(name + "_block"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}
