// The fft1024 generator writes asm/fft1024_amd64.s and asm/fft1024_amd64.go:
// the complex64 FFT of n = 1024 at AVX-512 as one call, its three passes
// those of package fft's plan (radix 16 at ls = 1, radix 4 at ls = 16, the
// fused tail; fft.go's fftR16First, fftR4Wide, fftTail16) with every
// stride a constant and the work buffer in the kernel's own frame.
//
//	cd avogen && go run . -gen fft1024 -out ../asm
//
// Against the three kernel calls (runR16Tail32) it drops the scratch
// pool's Get and Put, the Go wrappers' checks and the radix-16 pass's
// table of sixteen offsets, and the first pass loads its inputs without
// a multiply (the inverse's 1/n rides on the radix-4 pass). A file of
// its own, so that no kernel of fft_amd64.s moved (their alignment moves
// them by 10–25%). Plan32 n = 1024 forward, best of 300 batches of 100
// (a throwaway harness, four to six interleaved rounds of the test
// binaries), ns: the three calls 585–595; one call 543; the tail
// software-pipelined 531; the radix-4 pass's twiddles as broadcast
// memory operands 517; s02 ± s13 as multiply-adds 500 (inverse 506).
//
// Measured and rejected on the way (same harness, ns): the tail's first
// transpose round as 256-bit loads and VINSERTF64X4 from memory, 8
// shuffles fewer per tile, 589 → 730 (Zen 4); its odd rows read by the
// unpacks as memory operands, 517 → 521; the compact tail table
// (fftTail16C, 6 KB where the 15 KB one with src, dst and work overflows
// L1) 586 → 613, its 72 products more costing more than the misses; the
// swaps of re and im as VPRORQ instead of VPERMILPS, 543 → 543 and (with
// the multiply-adds) 501 → 557; both tiles of the next tail group
// transposed during stage B, 531 → 531; the first pass software-
// pipelined likewise, 520 → 520; the radix-4 pass two j per iteration,
// 499 → 499; the loops aligned to 64 bytes, 499 → 500; butterfly4 with
// one register copy fewer, 516 → 517.
//
// Rejected after a working prototype: split format (re and im in
// registers of their own), a four-step n = 16r + c with the lanes over c.
// Its pass A loads rows of 16 complex, deinterleaves them (VPERMT2PS),
// runs 8-point DFTs over r's high part (±i free, W8 folded into
// multiply-adds: 52 instructions) and multiplies by W64 (broadcast); pass
// B the 8-point DFTs over r's low part, W1024^(c·k1) (a vector table of 8
// KB), the 128-bit blocks transposed (c_hi into registers), radix 4, W16;
// pass D the blocks' floats transposed (c_lo into registers), radix 4,
// interleaved again (VPERMT2PS) and stored, as 256-bit halves: a pass-B
// iteration fixes k1 mod 8, so an output register holds only four
// consecutive k. The count per transform (instructions on 512-bit
// registers) against this kernel's: arithmetic 2016 against 2000 (the
// four-step's twiddles, 672 of the 2016, eat what the free ±i saves);
// shuffles 640 + 128 extracting stores against 904; 384 loads and 384
// stores either way (split format holds half the points per register,
// so the 64-point DFT takes two passes and the 16-point one is cut
// across two). At this kernel's rate of instructions that is 457–479
// ns (500 × 2656…2784 / 2904), not 435. Measured (a throwaway
// benchmark calling both, minima of nine interleaved rounds, ns):
// forward split 591 against 511 for Plan32 (this kernel) in the same
// binary, inverse 597 against 534 (five rounds); per pass A 169, B 269,
// D 156; 4.7 instructions per ns against this kernel's 5.8. With every
// shuffle that only the lane order costs made the cheapest (VSHUFPS,
// VUNPCK*PS, whole-register stores: wrong results, a bound) 535, still
// slower.
package main

import (
	"fmt"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	"github.com/mmcloughlin/avo/reg"

	"github.com/ssmkern/ssmkern/avogen/vmath"
)

func generateFFT1024() {
	// Every radix-4 butterfly forms s02 ± s13 by fused multiply-adds by
	// ones (exactly the sums) rather than adds: Zen 4 runs adds on two of
	// its four FP pipes, multiply-adds on the other two, and with the
	// products' multiply-adds this kernel's mix left the add pipes the
	// busier. Plan32 n = 1024, best of 300 batches of 100, four or five
	// interleaved rounds (ns): forward 519.7 → 499.7, inverse 521.1 →
	// 506.6. Per section, the tail's stage B on adds 501.7 (the same);
	// the first pass's stage A with a0 ± a2 as multiply-adds too 510.4,
	// every add of every butterfly 543.8; the first pass's stage B on
	// adds 525.6, its stage A 507.0. The other way, d02 ∓ i·d13 by a sign
	// flip and adds instead of multiply-adds by ones, 516.7 → 595.8.
	butterflyFMA = true
	for _, inverse := range []bool{false, true} {
		fft1024(vmath.AVX512, inverse)
	}
	// After fft1024's, so that they do not move.
	for _, inverse := range []bool{false, true} {
		fft512(vmath.AVX512, inverse)
	}
	for _, inverse := range []bool{false, true} {
		fft2048(vmath.AVX512, inverse)
	}
}

// fft1024 emits the whole transform of n = 1024: dst = FFT(src) (inverse:
// the unnormalised inverse times s, s a power of two). tw is the plan's
// table: the radix-16 pass's 30 floats at 0 (only the s > 0 stage-B
// twiddles read), the tail's 8·30 vectors at byte tailOff; mid is the
// radix-4 pass's 16·6 floats (the inverse's times s, which it applies
// there, to a0 and through the twiddles to a1 … a3: a power of two, so
// the results are those of scaling the inputs, bit for bit, and the
// first pass loads without a multiply in both directions). dst may be
// src: the first pass reads each vector of k's sixteen inputs before it
// writes its sixteen outputs at the same positions.
func fft1024(v vmath.ISA, inverse bool) {
	const (
		n   = 1024
		vb  = 64 // bytes per ZMM
		val = 8  // bytes per complex64
		r1  = n / 16
		ls2 = 16
		r2  = n / (4 * ls2)
		m   = n / 16
	)
	name, dst, src, tw, work := wholeKernelStart(v, n, inverse, n*val)
	ones := fftOnes(v)

	// Pass 1: radix 16, ls = 1, r = 64, src → dst; its inputs q·r apart,
	// its outputs (s + 4t)·r apart. The inverse's scale waits for pass 2.
	in, out := GP64(), GP64()
	MOVQ(src, in)
	MOVQ(dst, out)
	ob, o3 := GP64(), GP64()
	MOVQ(U32(r1*val), ob)
	MOVQ(U32(3*r1*val), o3)
	k := GP64()
	MOVQ(U32(r1/8), k)
	Label(name + "_p1")
	var y [4][4]reg.VecVirtual
	for p := range 4 {
		a := make([]reg.VecVirtual, 4)
		for q := range a {
			a[q] = v.Vec()
			VMOVUPS(Mem{Base: in, Disp: (4*q + p) * r1 * val}, a[q])
		}
		butterfly4(v, a, ones, inverse)
		for s := range 4 {
			y[s][p] = a[s]
		}
	}
	r16StageB(v, &y, tw, out, ob, o3, ones, true, inverse)
	ADDQ(U32(vb), in)
	ADDQ(U32(vb), out)
	DECQ(k)
	JNZ(LabelRef(name + "_p1"))

	wholeR4Pass(v, name+"_p2", in, out, dst, work, ls2, r2, ones, inverse)
	wholeTail(v, name+"_p3", in, out, work, dst, tw, m, 0, ones, inverse)
	VZEROUPPER()
	RET()
}

// wholeKernelStart starts the whole-transform kernel of length n (fft512,
// fft1024, fft2048): its TEXT and doc, the parameters dst, src and tw
// loaded, and a frame of work bytes (plus 16 vectors) whose start, aligned
// to the vector width by hand (Go aligns SP to 8 bytes only), is work.
func wholeKernelStart(v vmath.ISA, n int, inverse bool, workBytes int) (name string, dst, src, tw, work reg.Register) {
	const vb = 64 // bytes per ZMM
	name = fmt.Sprintf("fft%d%s%s", n, v.Name, fftDir(inverse))
	TEXT(name, 0, "func(dst, src *complex64, tw, mid *float32, tailOff int, s float32)")
	Pragma("noescape")
	Doc(fmt.Sprintf("%s runs a complex64 FFT of length %d in three passes; see avogen/fft%d.go.", name, n, n))
	dst = Load(Param("dst"), GP64())
	src = Load(Param("src"), GP64())
	tw = Load(Param("tw"), GP64())
	frame := AllocLocal(workBytes + vb + 16*vb)
	work = GP64()
	LEAQ(frame.Offset(vb-1), work)
	ANDQ(I32(-vb), work)
	return name, dst, src, tw, work
}

// wholeR4Pass emits the radix-4 pass (ls, r = n/(4·ls), r a multiple of
// 8) of a whole-transform kernel, from → to, its twiddles broadcast from
// the table at the parameter mid (the inverse: times the parameter s).
func wholeR4Pass(v vmath.ISA, label string, in, out, from, to reg.Register, ls2, r2 int, ones reg.VecVirtual, inverse bool) {
	const (
		vb  = 64
		val = 8
	)
	// Pass 2: radix 4, ls = 16, r = 16, dst → work, two vectors of k per
	// j, the three twiddles broadcast from memory by the products (EVEX
	// {1to16}) rather than into six registers first (fftR4Wide's way):
	// forward 530.7–532.8 → 516.9–519.2 ns, inverse 544.1–544.6 →
	// 529.4–531.5 (five interleaved rounds), six instructions fewer per j.
	MOVQ(from, in)
	MOVQ(to, out)
	// The inverse's scale s rides here: on a0, and on the twiddles of a1
	// … a3 (mid, the table times s, where the forward reads tw's).
	t2 := Load(Param("mid"), GP64())
	var sv reg.VecVirtual
	if inverse {
		sv = v.Vec()
		VBROADCASTSS(Load(Param("s"), XMM()), sv)
	}
	j := GP64()
	MOVQ(U32(ls2), j)
	Label(label)
	for kv := range r2 / 8 {
		a := make([]reg.VecVirtual, 4)
		for q := range a {
			a[q] = v.Vec()
			m := Mem{Base: in, Disp: q*r2*val + kv*vb}
			if inverse && q == 0 {
				VMULPS(m, sv, a[q]) // s a power of two: exact
			} else {
				VMOVUPS(m, a[q])
			}
		}
		for q := 1; q < 4; q++ {
			a[q] = cmulBcst(v, a[q], Mem{Base: t2, Disp: 8 * (q - 1)}, Mem{Base: t2, Disp: 8*(q-1) + 4}, inverse)
		}
		butterfly4(v, a, ones, inverse)
		for s := range 4 {
			VMOVUPS(a[s], Mem{Base: out, Disp: s*ls2*r2*val + kv*vb})
		}
	}
	ADDQ(U32(4*r2*val), in)
	ADDQ(U32(r2*val), out)
	ADDQ(U32(24), t2)
	DECQ(j)
	JNZ(LabelRef(label))

}

// wholeTail emits the fused tail (fftTail16) of a whole-transform kernel
// with m = n/16, from → to, its table at tailOff bytes past tw, each
// group of 8 j gskip bytes past the previous one's end (a segmented
// input's padding, one group per segment); the reads of the last group
// run up to 16 vectors past from's n values.
func wholeTail(v vmath.ISA, label string, in, out, from, to, tw reg.Register, m, gskip int, ones reg.VecVirtual, inverse bool) {
	const (
		vb  = 64
		val = 8
	)
	// Pass 3: the fused tail (fftTail16, m = 64), work → dst.
	MOVQ(from, in)
	MOVQ(to, out)
	t3 := GP64()
	MOVQ(tw, t3)
	ADDQ(NewParamAddr("tailOff", 32), t3)
	g := GP64()
	MOVQ(U32(m/8), g)
	// Software-pipelined: the first tile of group g+1 is loaded and
	// transposed between the stage-B quarters of group g (the last
	// group's reads past the work land in the frame's slack).
	carried := make([]reg.VecVirtual, 8)
	for i := range carried {
		carried[i] = v.Vec()
	}
	first := newTile(in, 0)
	first.round1()
	first.round2()
	first.round3(carried)
	Label(label)
	second := newTile(in, 64)
	second.round1()
	second.round2()
	second.round3(nil)
	var x [16]reg.VecVirtual
	copy(x[:8], carried)
	copy(x[8:], second.c)
	yt := tail16StageAFrom(v, x, t3, ones, inverse)
	var next *tile
	for s := range 4 {
		b := yt[s][:]
		tail16StageBTwiddles(v, b, s, t3, false, inverse)
		butterfly4(v, b, ones, inverse)
		for t := range 4 {
			VMOVUPS(b[t], Mem{Base: out, Disp: (s*m + t*4*m) * val})
		}
		switch s {
		case 0:
			next = newTile(in, 16*vb+gskip)
		case 1:
			next.round1()
		case 2:
			next.round2()
		case 3:
			next.round3(carried)
		}
	}
	ADDQ(U32(16*vb+gskip), in)
	ADDQ(U32(vb), out)
	ADDQ(U32(30*vb), t3)
	DECQ(g)
	JNZ(LabelRef(label))
}

// tile is an 8×8 tile of complex64 values (rows 128 bytes apart) being
// transposed in registers in three rounds (transposeTile's), emitted
// apart so that they can be interleaved with other work.
type tile struct {
	rows, a, b, c []reg.VecVirtual
}

// newTile loads the tile at disp bytes past in.
func newTile(in reg.Register, disp int) *tile {
	t := &tile{rows: make([]reg.VecVirtual, 8)}
	for j := range t.rows {
		t.rows[j] = ZMM()
		VMOVUPS(Mem{Base: in, Disp: disp + 128*j}, t.rows[j])
	}
	return t
}

func (t *tile) round1() {
	r := t.rows
	t.a = make([]reg.VecVirtual, 8)
	for i := 0; i < 8; i += 2 {
		t.a[i], t.a[i+1] = ZMM(), ZMM()
		VUNPCKLPD(r[i+1], r[i], t.a[i])
		VUNPCKHPD(r[i+1], r[i], t.a[i+1])
	}
}

func (t *tile) round2() {
	t.b = make([]reg.VecVirtual, 8)
	for h := range 2 {
		for e := range 2 {
			x, y := t.a[4*h+e], t.a[4*h+2+e]
			lo, hi := ZMM(), ZMM()
			VSHUFF64X2(U8(0x88), y, x, lo)
			VSHUFF64X2(U8(0xdd), y, x, hi)
			t.b[4*h+e], t.b[4*h+2+e] = lo, hi
		}
	}
}

// round3 writes the columns into dst (fresh registers when nil).
func (t *tile) round3(dst []reg.VecVirtual) {
	t.c = dst
	if t.c == nil {
		t.c = make([]reg.VecVirtual, 8)
		for i := range t.c {
			t.c[i] = ZMM()
		}
	}
	for m := range 4 {
		x, y := t.b[m], t.b[4+m]
		VSHUFF64X2(U8(0x88), y, x, t.c[m])
		VSHUFF64X2(U8(0xdd), y, x, t.c[m+4])
	}
}
