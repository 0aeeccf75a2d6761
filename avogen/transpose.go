// The transpose generator writes asm/transpose_amd64.s and
// asm/transpose_amd64.go: a float32 matrix transpose by 8×8 blocks in YMM
// registers (both levels; the transposes feed kernels and are a small part
// of their time), which turns the BDL scan's channel rows into the
// [step][channel] tiles of the channel-vectorised kernel and back.
//
//	cd avogen && go run . -gen transpose -out ../asm
//
// An 8×8 block is 8 row loads, three rounds of shuffles (VUNPCKLPS and
// VUNPCKHPS pair rows, VSHUFPS pairs pairs, VPERM2F128 swaps 128-bit
// halves: 24 in all) and 8 stores.
package main

import (
	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	"github.com/mmcloughlin/avo/reg"
)

func generateTranspose() {
	generateTransposeBlocks()
	generatePrefetchRows()
}

func generateTransposeBlocks() {
	TEXT("transpose8x8Blocks", NOSPLIT, "func(dst, src *float32, dstStride, srcStride, rowBlocks, colBlocks int)")
	Pragma("noescape")
	Doc("transpose8x8Blocks sets dst[c·dstStride + r] = src[r·srcStride + c] for r < 8·rowBlocks, c < 8·colBlocks; see avogen/transpose.go.")
	dst := Load(Param("dst"), GP64())
	src := Load(Param("src"), GP64())
	ds := Load(Param("dstStride"), GP64())
	SHLQ(U8(2), ds)
	ss := Load(Param("srcStride"), GP64())
	SHLQ(U8(2), ss)
	rb := Load(Param("rowBlocks"), GP64())
	TESTQ(rb, rb)
	JZ(LabelRef("transpose_done"))
	// ss3 = 3·srcStride and ds3 = 3·dstStride bytes address rows 3 and 7.
	ss3, ds3 := GP64(), GP64()
	LEAQ(Mem{Base: ss, Index: ss, Scale: 2}, ss3)
	LEAQ(Mem{Base: ds, Index: ds, Scale: 2}, ds3)
	Label("transpose_rowblock")
	cb := Load(Param("colBlocks"), GP64())
	TESTQ(cb, cb)
	JZ(LabelRef("transpose_done"))
	s, d := GP64(), GP64()
	MOVQ(src, s)
	MOVQ(dst, d)
	Label("transpose_block")
	// rows i at s + i·ss: 0, ss, 2ss, 3ss from s; the same from s + 4ss.
	s4 := GP64()
	LEAQ(Mem{Base: s, Index: ss, Scale: 4}, s4)
	row := func(base reg.GPVirtual, i int) Mem {
		switch i {
		case 0:
			return Mem{Base: base}
		case 1:
			return Mem{Base: base, Index: ss, Scale: 1}
		case 2:
			return Mem{Base: base, Index: ss, Scale: 2}
		}
		return Mem{Base: base, Index: ss3, Scale: 1}
	}
	r := make([]reg.VecVirtual, 8)
	for i := range r {
		r[i] = YMM()
		base := s
		if i >= 4 {
			base = s4
		}
		VMOVUPS(row(base, i%4), r[i])
	}
	t := make([]reg.VecVirtual, 8)
	for i := 0; i < 8; i += 2 {
		t[i], t[i+1] = YMM(), YMM()
		VUNPCKLPS(r[i+1], r[i], t[i])   // a0 b0 a1 b1 | a4 b4 a5 b5
		VUNPCKHPS(r[i+1], r[i], t[i+1]) // a2 b2 a3 b3 | a6 b6 a7 b7
	}
	q := make([]reg.VecVirtual, 8)
	for h := 0; h < 8; h += 4 {
		for k := 0; k < 2; k++ {
			lo, hi := YMM(), YMM()
			VSHUFPS(U8(0x44), t[h+2+k], t[h+k], lo) // column 4j+2k of rows h…h+3
			VSHUFPS(U8(0xee), t[h+2+k], t[h+k], hi) // column 4j+2k+1
			q[h+2*k], q[h+2*k+1] = lo, hi
		}
	}
	d4 := GP64()
	LEAQ(Mem{Base: d, Index: ds, Scale: 4}, d4)
	out := func(i int) Mem {
		base := d
		if i >= 4 {
			base = d4
		}
		switch i % 4 {
		case 0:
			return Mem{Base: base}
		case 1:
			return Mem{Base: base, Index: ds, Scale: 1}
		case 2:
			return Mem{Base: base, Index: ds, Scale: 2}
		}
		return Mem{Base: base, Index: ds3, Scale: 1}
	}
	for c := 0; c < 4; c++ {
		x, y := YMM(), YMM()
		VPERM2F128(U8(0x20), q[4+c], q[c], x) // columns c (low halves)
		VPERM2F128(U8(0x31), q[4+c], q[c], y) // columns c+4 (high halves)
		VMOVUPS(x, out(c))
		VMOVUPS(y, out(c+4))
	}
	ADDQ(U8(32), s)
	LEAQ(Mem{Base: d, Index: ds, Scale: 8}, d)
	DECQ(cb)
	JNZ(LabelRef("transpose_block"))
	LEAQ(Mem{Base: src, Index: ss, Scale: 8}, src)
	ADDQ(U8(32), dst)
	DECQ(rb)
	JNZ(LabelRef("transpose_rowblock"))
	Label("transpose_done")
	VZEROUPPER()
	RET()
}

// generatePrefetchRows writes prefetchRows: PREFETCHT2 of lines cache
// lines of each of rows rows, stride bytes apart. The BDL scan calls it
// for the next block's tiles before it runs the current block: a tile's
// rows lie SeqLen floats apart, too many streams for the hardware
// prefetchers, and the transposes that read them have no arithmetic to
// hide the misses behind. T2, not T0: the sixteen rows of a tile are 4 KB
// apart when SeqLen is 1024, so their lines share L1 sets, and T0
// prefetches of the next block evicted each other and the current tile's.
// Interleaved A/B of `go test -c ./bench` binaries, three rounds of
// -test.bench 'ScanForward/mamba-130m/L1024/BDL/level=avx512'
// -test.benchtime 40x (and level=avx2): AVX-512 0.48–0.58 → 0.43–0.45
// ns/element, AVX2 0.71–0.83 → 0.60–0.76; with T0
// AVX-512 did not improve (0.46–0.53 → 0.46–0.48).
func generatePrefetchRows() {
	TEXT("prefetchRows", NOSPLIT, "func(x *float32, stride, rows, lines int)")
	Pragma("noescape")
	Doc("prefetchRows prefetches lines cache lines from each of rows rows stride bytes apart, starting at x; see avogen/transpose.go.")
	x := Load(Param("x"), GP64())
	stride := Load(Param("stride"), GP64())
	rows := Load(Param("rows"), GP64())
	lines := Load(Param("lines"), GP64())
	TESTQ(rows, rows)
	JZ(LabelRef("prefetch_done"))
	TESTQ(lines, lines)
	JZ(LabelRef("prefetch_done"))
	Label("prefetch_row")
	p, k := GP64(), GP64()
	MOVQ(x, p)
	MOVQ(lines, k)
	Label("prefetch_line")
	PREFETCHT2(Mem{Base: p})
	ADDQ(U8(64), p)
	DECQ(k)
	JNZ(LabelRef("prefetch_line"))
	ADDQ(stride, x)
	DECQ(rows)
	JNZ(LabelRef("prefetch_row"))
	Label("prefetch_done")
	RET()
}
