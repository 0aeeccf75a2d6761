// The fftbatch generator writes asm/fftbatch_amd64.s and
// asm/fftbatch_amd64.go: the transposes of package fft's side-by-side
// batches (rows of length n to and from a value-interleaved [n][b] block).
//
//	cd avogen && go run . -gen fftbatch -out ../asm
//
// fftTranspose64 moves 4×4 tiles of 8-byte values (complex64): four rows
// of four values in four YMM, VUNPCKLPD and VUNPCKHPD pair the rows' even
// and odd values, VPERM2F128 joins the halves, four stores to four
// columns. AVX2 only: a ZMM 8×8 tile would need lane-crossing permutes
// with index tables for the same bytes moved, and the AVX-512 level runs
// this kernel too.
package main

import (
	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	"github.com/mmcloughlin/avo/reg"
)

func generateFFTBatch() {
	fftTranspose64()
	fftTranspose128()
}

// fftTranspose64 emits dst[c·ds + r] = src[r·ss + c] for r < rows, c <
// cols (both multiples of 4; strides in values) over 8-byte values.
func fftTranspose64() {
	const name = "fftTranspose64AVX2"
	TEXT(name, NOSPLIT, "func(dst, src *complex64, rows, cols, ds, ss int)")
	Pragma("noescape")
	Doc(name + " sets dst[c·ds + r] = src[r·ss + c] for r < rows, c < cols (multiples of 4); see avogen/fftbatch.go.")
	dst := Load(Param("dst"), GP64())
	src := Load(Param("src"), GP64())
	rows := Load(Param("rows"), GP64())
	cols := Load(Param("cols"), GP64())
	ds := Load(Param("ds"), GP64())
	ss := Load(Param("ss"), GP64())
	SHLQ(U8(3), ds) // bytes
	SHLQ(U8(3), ss)
	ds3, ss3 := GP64(), GP64()
	LEAQ(Mem{Base: ds, Index: ds, Scale: 2}, ds3)
	LEAQ(Mem{Base: ss, Index: ss, Scale: 2}, ss3)
	SHRQ(U8(2), rows)
	JZ(LabelRef(name + "_done"))
	SHRQ(U8(2), cols)
	JZ(LabelRef(name + "_done"))
	Label(name + "_rows")
	s, d, c := GP64(), GP64(), GP64()
	MOVQ(src, s)
	MOVQ(dst, d)
	MOVQ(cols, c)
	Label(name + "_cols")
	a := []reg.VecVirtual{YMM(), YMM(), YMM(), YMM()}
	VMOVUPS(Mem{Base: s}, a[0])
	VMOVUPS(Mem{Base: s, Index: ss, Scale: 1}, a[1])
	VMOVUPS(Mem{Base: s, Index: ss, Scale: 2}, a[2])
	VMOVUPS(Mem{Base: s, Index: ss3, Scale: 1}, a[3])
	t := []reg.VecVirtual{YMM(), YMM(), YMM(), YMM()}
	VUNPCKLPD(a[1], a[0], t[0]) // r0.0 r1.0 r0.2 r1.2
	VUNPCKHPD(a[1], a[0], t[1]) // r0.1 r1.1 r0.3 r1.3
	VUNPCKLPD(a[3], a[2], t[2]) // r2.0 r3.0 r2.2 r3.2
	VUNPCKHPD(a[3], a[2], t[3]) // r2.1 r3.1 r2.3 r3.3
	VPERM2F128(U8(0x20), t[2], t[0], a[0])
	VPERM2F128(U8(0x20), t[3], t[1], a[1])
	VPERM2F128(U8(0x31), t[2], t[0], a[2])
	VPERM2F128(U8(0x31), t[3], t[1], a[3])
	VMOVUPS(a[0], Mem{Base: d})
	VMOVUPS(a[1], Mem{Base: d, Index: ds, Scale: 1})
	VMOVUPS(a[2], Mem{Base: d, Index: ds, Scale: 2})
	VMOVUPS(a[3], Mem{Base: d, Index: ds3, Scale: 1})
	ADDQ(U8(32), s)
	LEAQ(Mem{Base: d, Index: ds, Scale: 4}, d)
	DECQ(c)
	JNZ(LabelRef(name + "_cols"))
	LEAQ(Mem{Base: src, Index: ss, Scale: 4}, src)
	ADDQ(U8(32), dst)
	DECQ(rows)
	JNZ(LabelRef(name + "_rows"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// fftTranspose128 emits dst[c·ds + r] = src[r·ss + c] for r < rows, c <
// cols (both multiples of 2; strides in values) over 16-byte values.
func fftTranspose128() {
	const name = "fftTranspose128AVX2"
	TEXT(name, NOSPLIT, "func(dst, src *complex128, rows, cols, ds, ss int)")
	Pragma("noescape")
	Doc(name + " sets dst[c·ds + r] = src[r·ss + c] for r < rows, c < cols (multiples of 2); see avogen/fftbatch.go.")
	dst := Load(Param("dst"), GP64())
	src := Load(Param("src"), GP64())
	rows := Load(Param("rows"), GP64())
	cols := Load(Param("cols"), GP64())
	ds := Load(Param("ds"), GP64())
	ss := Load(Param("ss"), GP64())
	SHLQ(U8(4), ds) // bytes
	SHLQ(U8(4), ss)
	SHRQ(U8(1), rows)
	JZ(LabelRef(name + "_done"))
	SHRQ(U8(1), cols)
	JZ(LabelRef(name + "_done"))
	Label(name + "_rows")
	s, d, c := GP64(), GP64(), GP64()
	MOVQ(src, s)
	MOVQ(dst, d)
	MOVQ(cols, c)
	Label(name + "_cols")
	a0, a1, t0, t1 := YMM(), YMM(), YMM(), YMM()
	VMOVUPS(Mem{Base: s}, a0)                      // r0.c0 r0.c1
	VMOVUPS(Mem{Base: s, Index: ss, Scale: 1}, a1) // r1.c0 r1.c1
	VPERM2F128(U8(0x20), a1, a0, t0)               // r0.c0 r1.c0
	VPERM2F128(U8(0x31), a1, a0, t1)               // r0.c1 r1.c1
	VMOVUPS(t0, Mem{Base: d})
	VMOVUPS(t1, Mem{Base: d, Index: ds, Scale: 1})
	ADDQ(U8(32), s)
	LEAQ(Mem{Base: d, Index: ds, Scale: 2}, d)
	DECQ(c)
	JNZ(LabelRef(name + "_cols"))
	LEAQ(Mem{Base: src, Index: ss, Scale: 2}, src)
	ADDQ(U8(32), dst)
	DECQ(rows)
	JNZ(LabelRef(name + "_rows"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}
