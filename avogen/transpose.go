// The transpose generator writes asm/transpose_amd64.s and
// asm/transpose_amd64.go: a float32 matrix transpose by 8×8 blocks in YMM
// registers (both levels) and by 16×16 blocks in ZMM registers (AVX-512),
// which turns the BDL scan's channel rows into the [step][channel] tiles
// of the channel-vectorised kernel and back.
//
//	cd avogen && go run . -gen transpose -out ../asm
//
// An 8×8 block is 8 row loads, three rounds of shuffles (VUNPCKLPS and
// VUNPCKHPS pair rows, VSHUFPS pairs pairs, VPERM2F128 swaps 128-bit
// halves: 24 in all) and 8 stores.
package main

import (
	"fmt"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	"github.com/mmcloughlin/avo/reg"
)

func generateTranspose() {
	generateTransposeBlocks()
	generateTranspose16()
	generatePrefetchRows()
}

func generateTransposeBlocks() {
	transposeLoops("transpose8x8Blocks", 8, "", func(s, d, ss, ss3, ds, ds3 reg.GPVirtual) {
		// rows i at s + i·ss: 0, ss, 2ss, 3ss from s; the same from s + 4ss.
		s4 := GP64()
		LEAQ(Mem{Base: s, Index: ss, Scale: 4}, s4)
		r := make([]reg.VecVirtual, 8)
		for i := range r {
			r[i] = YMM()
			base := s
			if i >= 4 {
				base = s4
			}
			VMOVUPS(groupRow(base, ss, ss3, i%4), r[i])
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
			if i >= 4 {
				return groupRow(d4, ds, ds3, i-4)
			}
			return groupRow(d, ds, ds3, i)
		}
		for c := 0; c < 4; c++ {
			x, y := YMM(), YMM()
			VPERM2F128(U8(0x20), q[4+c], q[c], x) // columns c (low halves)
			VPERM2F128(U8(0x31), q[4+c], q[c], y) // columns c+4 (high halves)
			VMOVUPS(x, out(c))
			VMOVUPS(y, out(c+4))
		}
	})
}

// generateTranspose16 writes transpose16x16BlocksAVX512, the AVX-512 transpose
// of 16×16 blocks in ZMM registers: each row of a block is one 64-byte
// load and each output row one store, where the 8×8 kernel touches each
// line in two halves with other stores in between. The BDL scan's tiles
// are 16 channel rows SeqLen floats apart, 4 KB when SeqLen is 1024, and
// writing a 64×16 tile back into such rows took the 8×8 kernel 251 ns
// against 54 at a 1040-float stride; the 16×16 kernel takes 132 (best of
// 2000 × 10 calls; reading a 16×64 tile out of the rows: 151 against 175,
// at 1040: 85 against 75). In the scan (Dim 1536, SeqLen 1024, AVX-512,
// best of 4 × 40 calls) BDL went from 0.362 to 0.355 ns per element.
//
// Per group of four rows, two rounds of shuffles within 128-bit lanes
// (VUNPCKLPS/VUNPCKHPS, then VSHUFPS) leave register k holding, in lane L,
// column 4L+k of the four rows; two rounds of VSHUFF32X4 then gather lane
// L of the four groups' register k into output row 4L+k.
func generateTranspose16() {
	transposeLoops("transpose16x16BlocksAVX512", 16, " (AVX-512)", func(s, d, ss, ss3, ds, ds3 reg.GPVirtual) {
		// Rows i = 4g + j at s + 4g·ss + j·ss: one base per group of four.
		q := make([][4]reg.VecVirtual, 4) // q[g][k]: lane L holds column 4L+k of rows 4g…4g+3
		sg := GP64()
		MOVQ(s, sg)
		for g := range 4 {
			if g > 0 {
				LEAQ(Mem{Base: sg, Index: ss, Scale: 4}, sg)
			}
			var r [4]reg.VecVirtual
			for j := range r {
				r[j] = ZMM()
				VMOVUPS(groupRow(sg, ss, ss3, j), r[j])
			}
			var t [4]reg.VecVirtual
			for j := 0; j < 4; j += 2 {
				t[j], t[j+1] = ZMM(), ZMM()
				VUNPCKLPS(r[j+1], r[j], t[j])   // a0 b0 a1 b1 in each lane
				VUNPCKHPS(r[j+1], r[j], t[j+1]) // a2 b2 a3 b3
			}
			for k := 0; k < 4; k += 2 {
				lo, hi := ZMM(), ZMM()
				VSHUFPS(U8(0x44), t[2+k/2], t[k/2], lo) // column 4L+k of the four rows
				VSHUFPS(U8(0xee), t[2+k/2], t[k/2], hi) // column 4L+k+1
				q[g][k], q[g][k+1] = lo, hi
			}
		}
		// Output row 4L+k at dk + L·4·ds, dk = d + k·ds.
		ds4, ds12, dk := GP64(), GP64(), GP64()
		LEAQ(Mem{Base: ds, Index: ds, Scale: 2}, ds4) // 3·ds …
		ADDQ(ds, ds4)                                 // … 4·ds
		LEAQ(Mem{Base: ds4, Index: ds4, Scale: 2}, ds12)
		outRow := [4]Mem{{Base: dk}, {Base: dk, Index: ds4, Scale: 1}, {Base: dk, Index: ds4, Scale: 2}, {Base: dk, Index: ds12, Scale: 1}}
		for k := range 4 {
			LEAQ(groupRow(d, ds, ds3, k), dk)
			// Lanes 0, 1 of groups 0, 1 (and of 2, 3), then lanes 2, 3.
			s01, s01h, s23, s23h := ZMM(), ZMM(), ZMM(), ZMM()
			VSHUFF32X4(U8(0x44), q[1][k], q[0][k], s01)
			VSHUFF32X4(U8(0xee), q[1][k], q[0][k], s01h)
			VSHUFF32X4(U8(0x44), q[3][k], q[2][k], s23)
			VSHUFF32X4(U8(0xee), q[3][k], q[2][k], s23h)
			// Lane L of the four groups: 0x88 takes lanes 0 and 2 of both
			// sources, 0xdd lanes 1 and 3.
			for L, src := range [4][2]reg.VecVirtual{{s01, s23}, {s01, s23}, {s01h, s23h}, {s01h, s23h}} {
				imm := uint8(0x88)
				if L%2 == 1 {
					imm = 0xdd
				}
				o := ZMM()
				VSHUFF32X4(U8(imm), src[1], src[0], o)
				VMOVUPS(o, outRow[L])
			}
		}
	})
}

// groupRow addresses row j < 4 of a group of rows stride bytes apart from
// base (stride3 = 3·stride): no register per row.
func groupRow(base, stride, stride3 reg.Register, j int) Mem {
	switch j {
	case 0:
		return Mem{Base: base}
	case 1, 2:
		return Mem{Base: base, Index: stride, Scale: uint8(j)}
	}
	return Mem{Base: base, Index: stride3, Scale: 1}
}

// transposeLoops emits a block transpose: its arguments (strides in bytes,
// ss3 = 3·ss and ds3 = 3·ds), the loop over row blocks and inside it the
// loop over column blocks, where block emits one size×size block from s
// (rows ss bytes apart) to d (rows ds apart).
func transposeLoops(name string, size int, level string, block func(s, d, ss, ss3, ds, ds3 reg.GPVirtual)) {
	TEXT(name, NOSPLIT, "func(dst, src *float32, dstStride, srcStride, rowBlocks, colBlocks int)")
	Pragma("noescape")
	Doc(fmt.Sprintf("%s sets dst[c·dstStride + r] = src[r·srcStride + c] for r < %d·rowBlocks, c < %d·colBlocks%s; see avogen/transpose.go.", name, size, size, level))
	dst := Load(Param("dst"), GP64())
	src := Load(Param("src"), GP64())
	ds := Load(Param("dstStride"), GP64())
	SHLQ(U8(2), ds)
	ss := Load(Param("srcStride"), GP64())
	SHLQ(U8(2), ss)
	rb := Load(Param("rowBlocks"), GP64())
	TESTQ(rb, rb)
	JZ(LabelRef(name + "_done"))
	ss3, ds3 := GP64(), GP64()
	LEAQ(Mem{Base: ss, Index: ss, Scale: 2}, ss3)
	LEAQ(Mem{Base: ds, Index: ds, Scale: 2}, ds3)
	Label(name + "_rowblock")
	cb := Load(Param("colBlocks"), GP64())
	TESTQ(cb, cb)
	JZ(LabelRef(name + "_done"))
	s, d := GP64(), GP64()
	MOVQ(src, s)
	MOVQ(dst, d)
	Label(name + "_block")
	block(s, d, ss.(reg.GPVirtual), ss3, ds.(reg.GPVirtual), ds3)
	ADDQ(U8(4*size), s)
	for range size / 8 {
		LEAQ(Mem{Base: d, Index: ds, Scale: 8}, d)
	}
	DECQ(cb)
	JNZ(LabelRef(name + "_block"))
	for range size / 8 {
		LEAQ(Mem{Base: src, Index: ss, Scale: 8}, src)
	}
	ADDQ(U8(4*size), dst)
	DECQ(rb)
	JNZ(LabelRef(name + "_rowblock"))
	Label(name + "_done")
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
