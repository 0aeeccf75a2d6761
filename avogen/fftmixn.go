// The xmixn generator writes asm/xmixn_amd64.s: the narrow form (r = 1,
// the last stage of a transform) of the mixed-radix Stockham stages of
// radix p = 2, 3, 4, 5 and 8 for complex64 (fftMixN…) and complex128
// (fft64MixN…), AVX2 and AVX-512, vectorised over j:
//
//	out[j + t·ls] = Σ_q ω_p^{∓q·t} · ω_L^{∓q·j} · in[j·p + q]    (L = p·ls)
//
// A vector holds V consecutive j (V = 4 or 8 complex64, 2 or 4
// complex128). Their inputs are p·V contiguous values, a V×p matrix
// whose columns the butterfly wants:
//
//   - complex128 at AVX2: each value a 128-bit piece, the second inserted
//     from memory (VINSERTF128), as fft64R4Narrow1 does;
//   - complex128 at AVX-512, p = 2, 4 and 8: p vector loads and
//     VSHUFF64X2 (a 4×4 transpose of 128-bit values for p = 4, two for
//     p = 8); complex64, p = 2 and 4: the transposes of fftR4Narrow
//     (half-vector loads and VUNPCKL/HPD at AVX2, VPERMI2PD and
//     VSHUFF64X2 at AVX-512); p = 8: at AVX2 the p = 4 transpose once
//     per half of the q, at AVX-512 an 8×8 transpose of 64-bit values
//     (eight loads, eight unpacks, sixteen VSHUFF64X2);
//   - p = 3 and 5 (coprime to V) otherwise: p vector loads, then for each
//     q one blend per source vector (lane (i·p+q) mod V of the blend holds
//     value i·p+q, lanes never collide since p is coprime to V) and one
//     lane permute (VPERMPD; VSHUFF64X2 of 128-bit values) putting lane
//     (i·p+q) mod V at lane i. The masks are the lanes l ≡ c (mod p): at
//     most p of them, in K registers at AVX-512.
//
// Loads and shuffles rather than VINSERTF64X2 from memory for complex128
// at AVX-512, best of 7 interleaved rounds of BenchmarkFFTMixedStageR1,
// inserts → shuffles: n=200 p=2 58.5 → 46.9 ns, n=256 p=4 91.9 → 82.8,
// n=375 p=3 135.7 → 124.3; the stages beyond L1 (n=1000 … 3125) within
// ±2%.
//
// Twiddles: per vector of j and q = 1 … p−1, two vectors (Re w and Im w
// of each j duplicated over its two lanes), read as memory operands of
// the complex product, so the table costs no shuffle; or, in the compact
// kernels (fftMixN3c…), one vector of plain w, spread by VMOVSLDUP and
// VMOVSHDUP (VMOVDDUP and VPERMILPD): half the bytes, for the stages
// that overflow L1 (asm's mixNCompact has the numbers). Outputs are
// contiguous in j: p plain stores. The ls mod V values left over run
// as one pass per binary digit, narrower each: V/2 values in YMM (the
// AVX2 kernel's code, at AVX-512), two complex64 values in an XMM, one
// value; their twiddles are lanes of the table's last, padded, group.
// Measured against one j at a time (c64 n=375 p=3, AVX-512: 80 → 72 ns)
// and one vector with masked loads and stores, which costs 8–18 ns
// whatever the tail on this Zen 4 (AVX-512, ls = 9, masked → digits:
// c64 p=3 27 → 16 ns, p=5 40 → 22; c128 p=3 28 → 21; at ls = 15 the two
// are within noise).
//
// The inverse conjugates the twiddles (fmsubadd for fmaddsub) and takes
// output p − t for t, since Σ_q ω_p^{+q·t} = Σ_q ω_p^{−q·(p−t)}.
//
// Radix 8 at AVX2 fits its eight inputs, the butterfly and its two
// constants in 16 registers only because its half-vector loads are
// VBROADCASTF128, not loads to the XMM (mixGatherer says why).
package main

import (
	"fmt"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	"github.com/mmcloughlin/avo/reg"

	"github.com/ssmkern/ssmkern/avogen/vmath"
)

func generateXMixN() {
	for _, e := range []mixEl{mixC64, mixC128} {
		for _, v := range []vmath.ISA{vmath.AVX2, vmath.AVX512} {
			for _, p := range []int{2, 3, 4, 5} {
				if e.f64 && v.Lanes == 16 && p == 5 {
					// The AVX2 kernel runs this stage at AVX-512 too:
					// faster (asm's fft64MixNLevel has the numbers).
					continue
				}
				for _, inverse := range []bool{false, true} {
					mixNarrow(e, v, p, inverse, false)
					mixNarrow(e, v, p, inverse, true)
				}
			}
		}
	}
	// Radix 8 came later: emitted after the others so they keep their
	// place in the file.
	for _, e := range []mixEl{mixC64, mixC128} {
		for _, v := range []vmath.ISA{vmath.AVX2, vmath.AVX512} {
			for _, inverse := range []bool{false, true} {
				mixNarrow(e, v, 8, inverse, false)
				mixNarrow(e, v, 8, inverse, true)
			}
		}
	}
}

// mixNSqrtHalf is √½, the magnitude of the real and imaginary parts of
// ω_8^{±1} and ω_8^{±3}.
const mixNSqrtHalf = 0.70710678118654752440084436210484903928

// mixEl is the element type of a kernel: its name prefix, the bytes of
// one complex value, and its float instructions.
type mixEl struct {
	prefix string
	size   int
	f64    bool
}

var (
	mixC64  = mixEl{prefix: "fftMixN", size: 8}
	mixC128 = mixEl{prefix: "fft64MixN", size: 16, f64: true}
)

// The helpers take (dst, a, b) in Intel's reading order, unlike Avo's.

func (e mixEl) add(d, a, b Op) {
	if e.f64 {
		VADDPD(b, a, d)
	} else {
		VADDPS(b, a, d)
	}
}

func (e mixEl) sub(d, a, b Op) {
	if e.f64 {
		VSUBPD(b, a, d)
	} else {
		VSUBPS(b, a, d)
	}
}

func (e mixEl) mul(d, a, b Op) {
	if e.f64 {
		VMULPD(b, a, d)
	} else {
		VMULPS(b, a, d)
	}
}

// fma: d += a·b; fnma: d −= a·b.
func (e mixEl) fma(d, a, b Op) {
	if e.f64 {
		VFMADD231PD(b, a, d)
	} else {
		VFMADD231PS(b, a, d)
	}
}

func (e mixEl) fnma(d, a, b Op) {
	if e.f64 {
		VFNMADD231PD(b, a, d)
	} else {
		VFNMADD231PS(b, a, d)
	}
}

// fmaddsub: d = a·b ∓ d (even lanes −); fmsubadd: d = a·b ± d.
func (e mixEl) fmaddsub(d, a, b Op) {
	if e.f64 {
		VFMADDSUB231PD(b, a, d)
	} else {
		VFMADDSUB231PS(b, a, d)
	}
}

func (e mixEl) fmsubadd(d, a, b Op) {
	if e.f64 {
		VFMSUBADD231PD(b, a, d)
	} else {
		VFMSUBADD231PS(b, a, d)
	}
}

// swap exchanges Re and Im of every value.
func (e mixEl) swap(d, a Op) {
	if e.f64 {
		VPERMILPD(U8(0x55), a, d)
	} else {
		VPERMILPS(U8(0xb1), a, d)
	}
}

func (e mixEl) mov(d, a Op) {
	if e.f64 {
		VMOVUPD(a, d)
	} else {
		VMOVUPS(a, d)
	}
}

// loadOne and storeOne move one value between memory and an XMM.
func (e mixEl) loadOne(d reg.VecVirtual, m Mem) {
	if e.f64 {
		VMOVUPD(m, d)
	} else {
		VMOVSD(m, d)
	}
}

func (e mixEl) storeOne(m Mem, x reg.VecVirtual) {
	if e.f64 {
		VMOVUPD(x, m)
	} else {
		VMOVSD(x, m)
	}
}

// mixW is a kernel's register width: the full vector or, for the
// one-value tail, an XMM.
type mixW struct {
	bytes int
	regs  map[Op]reg.VecVirtual // hoisted constants, full width
}

func (w mixW) vec() reg.VecVirtual {
	switch w.bytes {
	case 64:
		return ZMM()
	case 32:
		return YMM()
	}
	return XMM()
}

// c returns the constant table m at this width: its hoisted register
// (narrowed for the tail) or the table itself.
func (w mixW) c(m Op) Op {
	r, ok := w.regs[m]
	if !ok {
		return m
	}
	switch w.bytes {
	case 16:
		return r.AsX()
	case 32:
		return r.AsY()
	}
	return r
}

// mixConst is mixPairConst (fftmix.go) in e's element type: re, im
// alternately, one complex constant repeated.
func mixConst(e mixEl, re, im float64) Mem { return mixPairConst(e.f64, re, im) }

// mixNConsts lists the constant tables radix p's butterfly reads.
func mixNConsts(e mixEl, p int) []Mem {
	switch p {
	case 3:
		return []Mem{mixConst(e, 0.5, 0.5), mixConst(e, mixSin2Pi3, -mixSin2Pi3)}
	case 4:
		return []Mem{mixConst(e, 1, 1)}
	case 8:
		return []Mem{mixConst(e, 1, 1), mixConst(e, mixNSqrtHalf, mixNSqrtHalf)}
	case 5:
		return []Mem{mixConst(e, mixCos2Pi5, mixCos2Pi5), mixConst(e, mixCos4Pi5, mixCos4Pi5),
			mixConst(e, mixSin2Pi5, -mixSin2Pi5), mixConst(e, mixSin4Pi5, -mixSin4Pi5)}
	}
	return nil
}

// mixCmul returns x·w (inverse: x·conj w), wr and wi memory operands
// holding Re w and Im w over both lanes of each value.
func mixCmul(e mixEl, w mixW, x reg.VecVirtual, wr, wi Op, inverse bool) reg.VecVirtual {
	t := w.vec()
	e.swap(t, x)
	e.mul(t, t, wi)
	if inverse {
		e.fmsubadd(t, x, wr)
	} else {
		e.fmaddsub(t, x, wr)
	}
	return t
}

// mixButterfly returns the forward radix-p butterfly's outputs y_t =
// Σ_q ω_p^{−q·t} a_q (the inverse reverses them).
func mixButterfly(e mixEl, w mixW, p int, a []reg.VecVirtual) []reg.VecVirtual {
	cs := mixNConsts(e, p)
	y := make([]reg.VecVirtual, p)
	for t := range y {
		y[t] = w.vec()
	}
	switch p {
	case 2:
		e.add(y[0], a[0], a[1])
		e.sub(y[1], a[0], a[1])
	case 3:
		// m = a0 − s/2, y1,2 = m ± (−i)·sin·(a1 − a2); −i·sin·d is
		// (sin, −sin)·swap(d) lane by lane, one FMA per output.
		s, d := w.vec(), w.vec()
		e.add(s, a[1], a[2])
		e.sub(d, a[1], a[2])
		e.add(y[0], a[0], s)
		m := w.vec()
		e.mov(m, a[0])
		e.fnma(m, s, w.c(cs[0]))
		e.swap(d, d)
		e.mov(y[1], m)
		e.fma(y[1], d, w.c(cs[1]))
		e.mov(y[2], m)
		e.fnma(y[2], d, w.c(cs[1]))
	case 4:
		mixDFT4(e, w.c(cs[0]), y, a)
	case 8:
		// Two radix-4 butterflies, of the even and of the odd inputs,
		// then y_t, y_{t+4} = E_t ± ω_8^{−t}·O_t with ω_8^{−1}·O =
		// √½·(1 − i)·O and ω_8^{−3}·O = −√½·(1 + i)·O: (1 ∓ i)·O is one
		// fmsubadd (fmaddsub) of O with ones onto swap(O), the √½ goes
		// into the FMA that adds it to E.
		ones, rt := w.c(cs[0]), w.c(cs[1])
		ev := []reg.VecVirtual{w.vec(), w.vec(), w.vec(), w.vec()}
		od := []reg.VecVirtual{w.vec(), w.vec(), w.vec(), w.vec()}
		mixDFT4(e, ones, ev, []reg.VecVirtual{a[0], a[2], a[4], a[6]})
		mixDFT4(e, ones, od, []reg.VecVirtual{a[1], a[3], a[5], a[7]})
		e.add(y[0], ev[0], od[0])
		e.sub(y[4], ev[0], od[0])
		e.swap(y[2], od[2])
		e.mov(y[6], y[2])
		e.fmsubadd(y[2], ev[2], ones) // E2 − i·O2
		e.fmaddsub(y[6], ev[2], ones) // E2 + i·O2
		u := w.vec()
		e.swap(u, od[1])
		e.fmsubadd(u, od[1], ones) // (1 − i)·O1
		e.mov(y[1], ev[1])
		e.fma(y[1], u, rt)
		e.mov(y[5], ev[1])
		e.fnma(y[5], u, rt)
		v := w.vec()
		e.swap(v, od[3])
		e.fmaddsub(v, od[3], ones) // (1 + i)·O3
		e.mov(y[3], ev[3])
		e.fnma(y[3], v, rt)
		e.mov(y[7], ev[3])
		e.fma(y[7], v, rt)
	case 5:
		b1, b2, d1, d2 := w.vec(), w.vec(), w.vec(), w.vec()
		e.add(b1, a[1], a[4])
		e.add(b2, a[2], a[3])
		e.sub(d1, a[1], a[4])
		e.sub(d2, a[2], a[3])
		e.add(y[0], a[0], b1)
		e.add(y[0], y[0], b2)
		m1, m2 := w.vec(), w.vec()
		e.mov(m1, a[0])
		e.fma(m1, b1, w.c(cs[0]))
		e.fma(m1, b2, w.c(cs[1]))
		e.mov(m2, a[0])
		e.fma(m2, b1, w.c(cs[1]))
		e.fma(m2, b2, w.c(cs[0]))
		// E1 = −i·(s1·d1 + s2·d2), E2 = −i·(s2·d1 − s1·d2), with −i·s·d
		// = (s, −s)·swap(d).
		e.swap(d1, d1)
		e.swap(d2, d2)
		e1, e2 := w.vec(), w.vec()
		e.mul(e1, d1, w.c(cs[2]))
		e.fma(e1, d2, w.c(cs[3]))
		e.mul(e2, d1, w.c(cs[3]))
		e.fnma(e2, d2, w.c(cs[2]))
		e.add(y[1], m1, e1)
		e.sub(y[4], m1, e1)
		e.add(y[2], m2, e2)
		e.sub(y[3], m2, e2)
	}
	return y
}

// mixDFT4 writes the forward radix-4 butterfly of a to y, as
// butterfly4: ±(−i)·d13 by fmsubadd/fmaddsub with ones.
func mixDFT4(e mixEl, ones Op, y, a []reg.VecVirtual) {
	w := mixW{bytes: int(y[0].Size())}
	s02, d02, s13, d13 := w.vec(), w.vec(), w.vec(), w.vec()
	e.add(s02, a[0], a[2])
	e.sub(d02, a[0], a[2])
	e.add(s13, a[1], a[3])
	e.sub(d13, a[1], a[3])
	e.add(y[0], s02, s13)
	e.sub(y[2], s02, s13)
	e.swap(y[1], d13)
	e.mov(y[3], y[1])
	e.fmsubadd(y[1], d02, ones) // d02 − i·d13
	e.fmaddsub(y[3], d02, ones) // d02 + i·d13
}

// mixNarrowName is the name of a narrow kernel.
func mixNarrowName(e mixEl, v vmath.ISA, p int, inverse, compact bool) string {
	c := ""
	if compact {
		c = "c"
	}
	return fmt.Sprintf("%s%d%s%s%s", e.prefix, p, c, v.Name, fftDir(inverse))
}

// mixTwiddle returns Re w and Im w of twiddle vector q−1 at tw + at
// (bytes), each over both lanes of its values: the duplicated table's
// vectors as they are, the compact one's spread (VMOVSLDUP/VMOVSHDUP,
// VMOVDDUP/VPERMILPD).
func mixTwiddle(e mixEl, w mixW, tw reg.Register, q, stride int, compact bool) (wr, wi Op) {
	if !compact {
		return Mem{Base: tw, Disp: (2*q - 2) * stride}, Mem{Base: tw, Disp: (2*q - 1) * stride}
	}
	m := Mem{Base: tw, Disp: (q - 1) * stride}
	re, im := w.vec(), w.vec()
	if e.f64 {
		VMOVDDUP(m, re)
		VPERMILPD(U8(0xff), m, im)
	} else {
		VMOVSLDUP(m, re)
		VMOVSHDUP(m, im)
	}
	return re, im
}

// mixNarrow emits the narrow radix-p stage (see the file comment).
func mixNarrow(e mixEl, v vmath.ISA, p int, inverse, compact bool) {
	name := mixNarrowName(e, v, p, inverse, compact)
	vecs := 2 * (p - 1) // table vectors per vector of j
	if compact {
		vecs = p - 1
	}
	ct, ft := "complex64", "float32"
	if e.f64 {
		ct, ft = "complex128", "float64"
	}
	TEXT(name, NOSPLIT, fmt.Sprintf("func(out, in *%s, tw *%s, ls int)", ct, ft))
	Pragma("noescape")
	Doc(name + fmt.Sprintf(" runs the radix-%d Stockham stage with r = 1 of a %s FFT (ls values per output row); see avogen/fftmixn.go.", p, ct))
	vb := v.Bytes()
	V := vb / e.size
	out := Load(Param("out"), GP64())
	in := Load(Param("in"), GP64())
	tw := Load(Param("tw"), GP64())
	ls := Load(Param("ls"), GP64())
	lb := GP64() // bytes per output row
	MOVQ(ls, lb)
	SHLQ(U8(log2(e.size)), lb)
	var l3, l5, l7 reg.GPVirtual
	if p >= 4 {
		l3 = GP64()
		LEAQ(Mem{Base: lb, Index: lb, Scale: 2}, l3)
	}
	if p == 8 {
		l5, l7 = GP64(), GP64()
		LEAQ(Mem{Base: lb, Index: lb, Scale: 4}, l5)
		LEAQ(Mem{Base: l3, Index: lb, Scale: 4}, l7)
	}
	rowAt := func(t int) Mem {
		switch t {
		case 0:
			return Mem{Base: out}
		case 1, 2, 4:
			return Mem{Base: out, Index: lb, Scale: uint8(t)}
		case 5:
			return Mem{Base: out, Index: l5, Scale: 1}
		case 6:
			return Mem{Base: out, Index: l3, Scale: 2}
		case 7:
			return Mem{Base: out, Index: l7, Scale: 1}
		}
		return Mem{Base: out, Index: l3, Scale: 1}
	}
	groups, tail := GP64(), GP64()
	MOVQ(ls, groups)
	MOVQ(ls, tail)
	SHRQ(U8(log2(V)), groups)
	ANDQ(U32(V-1), tail)

	// The butterfly's constants in registers, even AVX2 radix 5 has the
	// four to spare (best of 9 rounds, from memory → registers, AVX2:
	// c128 n=375 p=3 147 → 124 ns, n=625 p=5 289 → 283; c64 within noise),
	// and AVX2 radix 8 its two (c128 n=192 82 → 77 ns, n=512 215 → 207;
	// c64 n=192 48 → 46; beyond L1 within noise).
	full := mixW{bytes: vb, regs: map[Op]reg.VecVirtual{}}
	for _, c := range mixNConsts(e, p) {
		r := full.vec()
		e.mov(r, c)
		full.regs[c] = r
	}
	gather := mixGatherer(e, v, p)

	TESTQ(groups, groups)
	JZ(LabelRef(name + "_tail"))
	Label(name + "_loop")
	a := gather(in, func(m int, dst reg.VecVirtual) { VMOVUPS(Mem{Base: in, Disp: m * vb}, dst) })
	for q := 1; q < p; q++ {
		wr, wi := mixTwiddle(e, full, tw, q, vb, compact)
		a[q] = mixCmul(e, full, a[q], wr, wi, inverse)
	}
	y := mixButterfly(e, full, p, a)
	for t := range p {
		src := t
		if inverse && t > 0 {
			src = p - t
		}
		e.mov(rowAt(t), y[src])
	}
	ADDQ(U32(p*vb), in)
	ADDQ(U32(vb), out)
	ADDQ(U32(vecs*vb), tw)
	DECQ(groups)
	JNZ(LabelRef(name + "_loop"))

	Label(name + "_tail")
	// The tail's binary digits, largest first: at most one pass each.
	for cnt := V / 2; cnt >= 1; cnt /= 2 {
		skip := fmt.Sprintf("%s_tail%d", name, cnt)
		TESTQ(U32(cnt), tail)
		JZ(LabelRef(skip))
		mixTailStep(e, v, p, cnt, full, in, out, tw, compact, inverse, rowAt)
		Label(skip)
	}
	VZEROUPPER()
	RET()
}

// mixLoader loads input vector m of a vector of j (its bytes m·W …, W
// the register width) into dst.
type mixLoader func(m int, dst reg.VecVirtual)

// mixGatherer returns the code that loads the p·V input values of one
// vector of j from in and returns a_q (lane i: in[i·p + q]), q < p. Its
// per-kernel setup (indices, masks) is emitted when it is made, before
// the loop.
func mixGatherer(e mixEl, v vmath.ISA, p int) func(in reg.Register, ld mixLoader) []reg.VecVirtual {
	vb := v.Bytes()
	V := vb / e.size
	w := mixW{bytes: vb}
	switch {
	case e.f64 && V == 4 && p == 2:
		return func(in reg.Register, ld mixLoader) []reg.VecVirtual {
			x, y := ZMM(), ZMM()
			ld(0, x)
			ld(1, y)
			a := []reg.VecVirtual{ZMM(), ZMM()}
			VSHUFF64X2(U8(0x88), y, x, a[0]) // values 0, 2 of x, then of y
			VSHUFF64X2(U8(0xdd), y, x, a[1])
			return a
		}
	case e.f64 && V == 4 && p == 4:
		return func(in reg.Register, ld mixLoader) []reg.VecVirtual {
			x := make([]reg.VecVirtual, 4)
			for m := range x {
				x[m] = ZMM()
				ld(m, x[m])
			}
			return mixTranspose128(x)
		}
	case e.f64 && V == 4 && p == 8:
		return func(in reg.Register, ld mixLoader) []reg.VecVirtual {
			// x[2j + h] holds q = 4h … 4h+3 of j: two 4×4 transposes.
			x := make([]reg.VecVirtual, 8)
			for m := range x {
				x[m] = ZMM()
				ld(m, x[m])
			}
			lo := mixTranspose128([]reg.VecVirtual{x[0], x[2], x[4], x[6]})
			hi := mixTranspose128([]reg.VecVirtual{x[1], x[3], x[5], x[7]})
			return append(lo, hi...)
		}
	case e.f64 && V == 2 && p == 8:
		return func(in reg.Register, ld mixLoader) []reg.VecVirtual {
			// By VBROADCASTF128, as the complex64 gather of radix 8.
			a := make([]reg.VecVirtual, p)
			for q := range a {
				a[q] = w.vec()
				VBROADCASTF128(Mem{Base: in, Disp: 16 * q}, a[q])
				VINSERTF128(U8(1), Mem{Base: in, Disp: 16 * (p + q)}, a[q], a[q])
			}
			return a
		}
	case e.f64 && V == 2: // YMM: the second value inserted
		return func(in reg.Register, ld mixLoader) []reg.VecVirtual {
			a := make([]reg.VecVirtual, p)
			for q := range a {
				a[q] = w.vec()
				VMOVUPD(Mem{Base: in, Disp: 16 * q}, a[q].AsX())
				VINSERTF128(U8(1), Mem{Base: in, Disp: 16 * (p + q)}, a[q], a[q])
			}
			return a
		}
	case V == 4 && p == 2:
		return func(in reg.Register, ld mixLoader) []reg.VecVirtual {
			// x = j0 | j2, y = j1 | j3 (two values each).
			x, y := YMM(), YMM()
			VMOVUPS(Mem{Base: in}, x.AsX())
			VINSERTF128(U8(1), Mem{Base: in, Disp: 32}, x, x)
			VMOVUPS(Mem{Base: in, Disp: 16}, y.AsX())
			VINSERTF128(U8(1), Mem{Base: in, Disp: 48}, y, y)
			a := []reg.VecVirtual{YMM(), YMM()}
			VUNPCKLPD(y, x, a[0])
			VUNPCKHPD(y, x, a[1])
			return a
		}
	case V == 4 && p == 4:
		return func(in reg.Register, ld mixLoader) []reg.VecVirtual {
			a := make([]reg.VecVirtual, 4)
			transposeC64Quad(func(j, q int) Mem { return Mem{Base: in, Disp: 32*j + 8*q} }, loadLowX, a)
			return a
		}
	case V == 4 && p == 8:
		return func(in reg.Register, ld mixLoader) []reg.VecVirtual {
			// As p = 4, once per half of the q: j stride 64 bytes.
			a := make([]reg.VecVirtual, 8)
			for h := range 2 {
				at := func(j, q int) Mem { return Mem{Base: in, Disp: 64*j + 8*(4*h+q)} }
				transposeC64Quad(at, loadBcastX, a[4*h:4*h+4])
			}
			return a
		}
	case V == 8 && p == 8:
		return func(in reg.Register, ld mixLoader) []reg.VecVirtual {
			// The 8×8 transpose of 64-bit values, x[m] is j = m: pairs
			// of j by unpacks (t[2k] the even q of j = 2k, 2k+1, t[2k+1]
			// the odd), then two rounds of 128-bit block shuffles.
			x := make([]reg.VecVirtual, 8)
			for m := range x {
				x[m] = ZMM()
				ld(m, x[m])
			}
			t := make([]reg.VecVirtual, 8)
			for k := range 4 {
				t[2*k], t[2*k+1] = ZMM(), ZMM()
				VUNPCKLPD(x[2*k+1], x[2*k], t[2*k])
				VUNPCKHPD(x[2*k+1], x[2*k], t[2*k+1])
			}
			a := make([]reg.VecVirtual, 8)
			for par := range 2 {
				// Blocks of t[par + 2k]: q = par, 2+par, 4+par, 6+par.
				lo01, hi01, lo23, hi23 := ZMM(), ZMM(), ZMM(), ZMM()
				VSHUFF64X2(U8(0x88), t[par+2], t[par], lo01) // q par, 4+par of j0…3
				VSHUFF64X2(U8(0xdd), t[par+2], t[par], hi01) // q 2+par, 6+par
				VSHUFF64X2(U8(0x88), t[par+6], t[par+4], lo23)
				VSHUFF64X2(U8(0xdd), t[par+6], t[par+4], hi23)
				for _, q := range []int{par, 2 + par, 4 + par, 6 + par} {
					a[q] = ZMM()
				}
				VSHUFF64X2(U8(0x88), lo23, lo01, a[par])
				VSHUFF64X2(U8(0xdd), lo23, lo01, a[4+par])
				VSHUFF64X2(U8(0x88), hi23, hi01, a[2+par])
				VSHUFF64X2(U8(0xdd), hi23, hi01, a[6+par])
			}
			return a
		}
	case V == 8 && p == 2:
		even, odd := ZMM(), ZMM()
		VMOVDQU64(fftPermTable("mixn_perm_even", []uint64{0, 2, 4, 6, 8, 10, 12, 14}), even)
		VMOVDQU64(fftPermTable("mixn_perm_odd", []uint64{1, 3, 5, 7, 9, 11, 13, 15}), odd)
		return func(in reg.Register, ld mixLoader) []reg.VecVirtual {
			x, y := ZMM(), ZMM()
			ld(0, x)
			ld(1, y)
			a := []reg.VecVirtual{ZMM(), ZMM()}
			VMOVAPD(even, a[0])
			VPERMI2PD(y, x, a[0])
			VMOVAPD(odd, a[1])
			VPERMI2PD(y, x, a[1])
			return a
		}
	case V == 8 && p == 4:
		idxLo, idxHi := ZMM(), ZMM()
		VMOVDQU64(fftPermTable("fft_perm_q01", []uint64{0, 4, 8, 12, 1, 5, 9, 13}), idxLo)
		VMOVDQU64(fftPermTable("fft_perm_q23", []uint64{2, 6, 10, 14, 3, 7, 11, 15}), idxHi)
		return func(in reg.Register, ld mixLoader) []reg.VecVirtual {
			// Four j per pair of vectors: q0 and q1 (q2 and q3) of j0…j3
			// by one two-source permute, then the halves of j0…j3 and
			// j4…j7 joined.
			p01, p23, s01, s23 := ZMM(), ZMM(), ZMM(), ZMM()
			x, y, x2, y2 := ZMM(), ZMM(), ZMM(), ZMM()
			ld(0, x)
			ld(1, y)
			VMOVAPD(idxLo, p01)
			VPERMI2PD(y, x, p01)
			VMOVAPD(idxHi, p23)
			VPERMI2PD(y, x, p23)
			ld(2, x2)
			ld(3, y2)
			VMOVAPD(idxLo, s01)
			VPERMI2PD(y2, x2, s01)
			VMOVAPD(idxHi, s23)
			VPERMI2PD(y2, x2, s23)
			a := []reg.VecVirtual{ZMM(), ZMM(), ZMM(), ZMM()}
			VSHUFF64X2(U8(0x44), s01, p01, a[0])
			VSHUFF64X2(U8(0xee), s01, p01, a[1])
			VSHUFF64X2(U8(0x44), s23, p23, a[2])
			VSHUFF64X2(U8(0xee), s23, p23, a[3])
			return a
		}
	}
	// p coprime to V: blends, then one lane permute per q.
	// Rejected: one VGATHERQPD per q (index i·p, scale 8) instead, twice
	// as slow (c64 n=3125 p=5, best of 5 rounds: AVX2 980 → 1970 ns,
	// AVX-512 868 → 1630; n=2187 p=3: 602 → 1279, 557 → 1165).
	// Value e = i·p + q sits in vector e/V, lane e mod V; for a fixed q
	// the lanes (i·p + q) mod V are all different.
	zmm := vb == 64
	// The lane permutes' index vectors stay in registers (AVX-512 has
	// them to spare): c64 n=375 p=3 74.4 → 66.2 ns, best of 9 rounds.
	idxs := map[int]reg.VecVirtual{}
	if zmm && !e.f64 {
		for q := range p {
			var perm []uint64
			for i := range V {
				perm = append(perm, uint64((i*p+q)%V))
			}
			idxs[q] = ZMM()
			VMOVDQU64(fftPermTable(fmt.Sprintf("mixn_perm_%d_%d", p, q), perm), idxs[q])
		}
	}
	qw := e.size / 8 // qwords per value
	laneBits := func(l int) uint8 { return uint8((1<<qw - 1) << (qw * l)) }
	var masks map[uint8]reg.Register
	if zmm {
		masks = map[uint8]reg.Register{}
		for c := range p {
			var m uint8
			for l := range V {
				if l%p == c {
					m |= laneBits(l)
				}
			}
			if m == 0 {
				continue
			}
			k := K()
			g := GP32()
			MOVL(U32(m), g)
			KMOVW(g, k)
			masks[m] = k
		}
	}
	return func(in reg.Register, ld mixLoader) []reg.VecVirtual {
		x := make([]reg.VecVirtual, p)
		for m := range x {
			x[m] = w.vec()
			ld(m, x[m])
		}
		a := make([]reg.VecVirtual, p)
		for q := range a {
			src := make([]int, V) // source vector of lane l
			perm := make([]uint64, V)
			for i := range V {
				e := i*p + q
				src[e%V] = e / V
				perm[i] = uint64(e % V)
			}
			bits := map[int]uint8{}
			var order []int
			for l, m := range src {
				if _, ok := bits[m]; !ok {
					order = append(order, m)
				}
				bits[m] |= laneBits(l)
			}
			t := w.vec()
			prev := x[order[0]]
			for _, m := range order[1:] {
				if zmm {
					VBLENDMPD(x[m], prev, masks[bits[m]], t)
				} else {
					VBLENDPD(U8(bits[m]), x[m], prev, t)
				}
				prev = t
			}
			identity := true
			for i, l := range perm {
				identity = identity && int(l) == i
			}
			if identity { // p ≡ 1 (mod V): q = 0 and q = V
				a[q] = prev
				continue
			}
			a[q] = w.vec()
			switch {
			case e.f64:
				var imm uint8
				for i, l := range perm {
					imm |= uint8(l) << (2 * i)
				}
				VSHUFF64X2(U8(imm), prev, prev, a[q])
			case zmm:
				VPERMPD(prev, idxs[q], a[q])
			default:
				var imm uint8
				for i, l := range perm {
					imm |= uint8(l) << (2 * i)
				}
				VPERMPD(U8(imm), prev, a[q])
			}
		}
		return a
	}
}

// mixTranspose128 is the 4×4 transpose of 128-bit values: x[m] holds
// four values of j = m, a[q] value q of j = 0 … 3.
func mixTranspose128(x []reg.VecVirtual) []reg.VecVirtual {
	lo01, hi01, lo23, hi23 := ZMM(), ZMM(), ZMM(), ZMM()
	VSHUFF64X2(U8(0x44), x[1], x[0], lo01) // j0 q0 q1, j1 q0 q1
	VSHUFF64X2(U8(0xee), x[1], x[0], hi01) // j0 q2 q3, j1 q2 q3
	VSHUFF64X2(U8(0x44), x[3], x[2], lo23)
	VSHUFF64X2(U8(0xee), x[3], x[2], hi23)
	a := []reg.VecVirtual{ZMM(), ZMM(), ZMM(), ZMM()}
	VSHUFF64X2(U8(0x88), lo23, lo01, a[0])
	VSHUFF64X2(U8(0xdd), lo23, lo01, a[1])
	VSHUFF64X2(U8(0x88), hi23, hi01, a[2])
	VSHUFF64X2(U8(0xdd), hi23, hi01, a[3])
	return a
}

// mixTailStep emits one pass over cnt values of j (a power of two below
// V), at the width cnt values take: YMM with the AVX2 kernel's gather,
// or an XMM holding two complex64 values (loaded by VMOVSD and VMOVHPS)
// or one value. The twiddles are lanes of the last group's vectors, read
// from their offset (a 16-byte read from lane i ≤ V−2 stays inside its
// vector).
func mixTailStep(e mixEl, v vmath.ISA, p, cnt int, full mixW, in, out, tw reg.Register, compact, inverse bool, rowAt func(int) Mem) {
	vb := v.Bytes()
	bytes := cnt * e.size
	w := mixW{bytes: max(bytes, 16), regs: full.regs}
	var a []reg.VecVirtual
	switch bytes {
	case 32:
		a = mixGatherer(e, vmath.AVX2, p)(in, func(m int, dst reg.VecVirtual) { VMOVUPS(Mem{Base: in, Disp: m * 32}, dst) })
	case 16:
		a = make([]reg.VecVirtual, p)
		for q := range a {
			a[q] = XMM()
			if cnt == 2 {
				VMOVSD(Mem{Base: in, Disp: 8 * q}, a[q])
				VMOVHPS(Mem{Base: in, Disp: 8 * (p + q)}, a[q], a[q])
			} else {
				e.loadOne(a[q], Mem{Base: in, Disp: e.size * q})
			}
		}
	default: // one complex64
		a = make([]reg.VecVirtual, p)
		for q := range a {
			a[q] = XMM()
			e.loadOne(a[q], Mem{Base: in, Disp: e.size * q})
		}
	}
	for q := 1; q < p; q++ {
		wr, wi := mixTwiddle(e, w, tw, q, vb, compact)
		a[q] = mixCmul(e, w, a[q], wr, wi, inverse)
	}
	y := mixButterfly(e, w, p, a)
	for t := range p {
		src := t
		if inverse && t > 0 {
			src = p - t
		}
		if bytes == 8 {
			VMOVSD(y[src], rowAt(t))
		} else {
			e.mov(rowAt(t), y[src])
		}
	}
	ADDQ(U32(p*bytes), in)
	ADDQ(U32(bytes), out)
	ADDQ(U32(bytes), tw)
}
