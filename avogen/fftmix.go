// The xmix generator writes asm/xmix_amd64.s and asm/xmix_amd64.go: the
// wide and grouped forms of the mixed-radix Stockham stages (asm/fftmixed.go) for the
// FFT lengths 2^a·3^b·5^c, radix p ∈ {2, 3, 4, 5, 8}, complex64 and
// complex128, AVX2 and AVX-512.
//
//	cd avogen && go run . -gen xmix -out ../asm
//
// A stage of sub-transform length ls and r = n/(p·ls) computes, for j < ls,
// k < r, t < p (upper sign forward),
//
//	a_q = s · ω_L^{∓q·j} · in[j·p·r + q·r + k]                 (q < p, L = p·ls)
//	out[(j + t·ls)·r + k] = Σ_q ω_p^{∓q·t} · a_q
//
// vectorised over k: for fixed j and q the inputs are contiguous, and so
// are the outputs for fixed j and t. The twiddles of a j (the asm table's
// j-major (Re, Im) pairs, tw[2·(j·(p−1) + q−1)]) are broadcast once per j
// (AVX-512 radix 4, 5 and complex64 3: read by embedded broadcast in the
// products instead); j = 0, whose twiddles are 1, runs a loop without
// products, which is most of the work when ls is small (ls = 1: all of
// it). The scale s (≠ 1 only when ls = 1) is a product on each load of
// that loop, and a second copy of it without the products serves s = 1.
// The k < r mod (values per vector) left after the whole vectors run as
// one whole vector ending at r when that saves bodies, else in narrower
// registers (half a vector, a quarter, …, one value); with r below a
// vector but above half of one, every j but the last runs one whole
// vector that spills onto the next j's row (ovl). So the kernel is right
// for every r ≥ 1, if slow when r is far below a vector; for r = 2
// (complex64), mixGroup's grouped form puts several j in one vector.
// asm/fftmix_kernels_amd64.go chooses among them.
//
// Products: x·w = fmaddsub(x, Re w, swap(x)·Im w), the inverse's
// x·conj(w) = fmsubadd(…), as in fft.go. Every ±i·d of the butterflies
// is swap(d) times a constant of alternating sign, (c, −c, c, −c, …) for
// ∓i·c·d, folded into the multiply-add that uses it; the inverse negates
// those constants (ω_p^{+q·t}). Radix 3: y0 = a0 + (a1 + a2), y1,2 = a0 −
// (a1 + a2)/2 ± sin(2π/3)·(∓i)(a1 − a2). Radix 5 (generic/fft_radix.go's
// formula): b1,2 = a1 + a4, a2 + a3, d1,2 = a1 − a4, a2 − a3, m1 = a0 +
// cos(2π/5)·b1 + cos(4π/5)·b2, m2 = a0 + cos(4π/5)·b1 + cos(2π/5)·b2,
// e1 = ∓i(sin(2π/5)·d1 + sin(4π/5)·d2), e2 = ∓i(sin(4π/5)·d1 −
// sin(2π/5)·d2), y1,4 = m1 ± e1, y2,3 = m2 ± e2. Radix 8: two radix-4
// layers after a radix-2 one (butterfly's case 8), its ω_8 products
// multiply-adds by √½. The constants are the float32 or float64 roundings
// of generic's correctly rounded ones.

package main

import (
	"fmt"
	"math"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	"github.com/mmcloughlin/avo/reg"

	"github.com/ssmkern/ssmkern/avogen/vmath"
)

// Radix-3 and radix-5 constants (generic/fft_radix.go).
const (
	mixSin2Pi3  = 0.86602540378443864676372317075293618
	mixCos2Pi5  = 0.30901699437494742410229341718281906
	mixCos4Pi5  = -0.80901699437494742410229341718281906
	mixSin2Pi5  = 0.95105651629515357211643933337938214
	mixSin4Pi5  = 0.58778525229247312916870595463907277
	mixSqrtHalf = 0.70710678118654752440084436210484904
)

func generateXMix() {
	for _, pd := range []bool{false, true} {
		for _, v := range []vmath.ISA{vmath.AVX2, vmath.AVX512} {
			for _, p := range []int{2, 3, 4, 5} {
				for _, inverse := range []bool{false, true} {
					mixWide(mixType{v: v, pd: pd}, p, inverse)
				}
			}
		}
	}
	for _, pd := range []bool{false, true} {
		for _, v := range []vmath.ISA{vmath.AVX2, vmath.AVX512} {
			m := mixType{v: v, pd: pd}
			for _, r := range mixGroupRs(m) {
				for _, p := range []int{2, 3, 4, 5} {
					for _, inverse := range []bool{false, true} {
						mixGroup(m, p, r, inverse)
					}
				}
			}
		}
	}
	// Radix 8 (wide, then grouped), emitted last so that the kernels
	// above keep their place.
	for _, pd := range []bool{false, true} {
		for _, v := range []vmath.ISA{vmath.AVX2, vmath.AVX512} {
			for _, inverse := range []bool{false, true} {
				mixWide(mixType{v: v, pd: pd}, 8, inverse)
			}
		}
	}
	for _, pd := range []bool{false, true} {
		for _, v := range []vmath.ISA{vmath.AVX2, vmath.AVX512} {
			m := mixType{v: v, pd: pd}
			for _, r := range mixGroupRs(m) {
				for _, inverse := range []bool{false, true} {
					mixGroup(m, 8, r, inverse)
				}
			}
		}
	}
}

// mixType is a kernel's element type and vector width: complex64 (float32
// lanes, PS) or complex128 (float64 lanes, PD) in YMM or ZMM registers.
type mixType struct {
	v      vmath.ISA
	pd     bool
	width  int  // bytes per register when narrower than v's: the tails
	bcstTw bool // twiddle operands are memory floats, read by embedded broadcast
	ldTw   bool // twiddle operands are memory floats, broadcast into a register at each use
}

// esz is the bytes of one complex value, fsz of one float.
func (m mixType) esz() int { return 2 * m.fsz() }
func (m mixType) fsz() int {
	if m.pd {
		return 8
	}
	return 4
}

// vals is the number of complex values per vector.
func (m mixType) vals() int { return m.v.Bytes() / m.esz() }

func (m mixType) zmm() bool { return m.v.Lanes == 16 }

func (m mixType) vec() reg.VecVirtual {
	switch m.width {
	case 16:
		return XMM()
	case 32:
		return YMM()
	}
	return m.v.Vec()
}

// pick returns the PS or PD form of an instruction.
func (m mixType) pick(ps, pd func(...Op)) func(...Op) {
	if m.pd {
		return pd
	}
	return ps
}

func (m mixType) add(a, b Op, d reg.VecVirtual) { m.pick(VADDPS, VADDPD)(a, b, d) } // d = b + a
func (m mixType) sub(a, b Op, d reg.VecVirtual) { m.pick(VSUBPS, VSUBPD)(a, b, d) } // d = b − a
func (m mixType) mul(a, b Op, d reg.VecVirtual) { m.pick(VMULPS, VMULPD)(a, b, d) } // d = b·a
func (m mixType) fma(a, b Op, d reg.VecVirtual) {
	m.pick(VFMADD231PS, VFMADD231PD)(a, b, d) // d += b·a
}
func (m mixType) fnma(a, b Op, d reg.VecVirtual) {
	m.pick(VFNMADD231PS, VFNMADD231PD)(a, b, d) // d −= b·a
}
func (m mixType) fms(a, b Op, d reg.VecVirtual) {
	m.pick(VFMSUB231PS, VFMSUB231PD)(a, b, d) // d = b·a − d
}
func (m mixType) mov(ops ...Op) { m.pick(VMOVUPS, VMOVUPD)(ops...) }

// swap exchanges the real and imaginary lanes of every value of x.
func (m mixType) swap(x Op, d reg.VecVirtual) {
	if m.pd {
		VPERMILPD(U8(0x55), x, d)
	} else {
		VPERMILPS(U8(0xb1), x, d)
	}
}

// bcst loads the float at mem into every lane of a new register.
func (m mixType) bcst(mem Mem) reg.VecVirtual {
	d := m.vec()
	switch {
	case m.pd && m.width == 16: // VBROADCASTSD has no XMM form
		VMOVDDUP(mem, d)
	case m.pd:
		VBROADCASTSD(mem, d)
	default:
		VBROADCASTSS(mem, d)
	}
	return d
}

// cmul returns x·w (inverse: x·conj w), wr and wi broadcasts of Re w and
// Im w.
func (m mixType) cmul(x reg.VecVirtual, wr, wi Op, inverse bool) reg.VecVirtual {
	if m.ldTw {
		wr, wi = m.bcst(wr.(Mem)), m.bcst(wi.(Mem))
	}
	t := m.vec()
	m.swap(x, t)
	if m.bcstTw {
		m.pick(VMULPS_BCST, VMULPD_BCST)(wi, t, t)
	} else {
		m.mul(wi, t, t)
	}
	switch {
	case inverse && m.bcstTw:
		m.pick(VFMSUBADD231PS_BCST, VFMSUBADD231PD_BCST)(wr, x, t)
	case m.bcstTw:
		m.pick(VFMADDSUB231PS_BCST, VFMADDSUB231PD_BCST)(wr, x, t)
	case inverse && m.pd:
		VFMSUBADD231PD(wr, x, t)
	case inverse:
		VFMSUBADD231PS(wr, x, t)
	case m.pd:
		VFMADDSUB231PD(wr, x, t)
	default:
		VFMADDSUB231PS(wr, x, t)
	}
	return t
}

// mixConstTables holds the read-only constant vectors of the file.
var mixConstTables = map[string]Mem{}

// constMem returns mixPairConst in m's element type.
func (m mixType) constMem(even, odd float64) Mem { return mixPairConst(m.pd, even, odd) }

// mixPairConst returns a 64-byte read-only vector of the value pair (even,
// odd) repeated, in float64 (pd) or float32: a YMM operand reads its
// first 32 bytes. The wide (fftmix.go) and narrow (fftmixn.go) kernels
// share it.
func mixPairConst(pd bool, even, odd float64) Mem {
	var name string
	if pd {
		name = fmt.Sprintf("mix_f64_%016x_%016x", math.Float64bits(even), math.Float64bits(odd))
	} else {
		name = fmt.Sprintf("mix_f32_%08x_%08x", math.Float32bits(float32(even)), math.Float32bits(float32(odd)))
	}
	if mem, ok := mixConstTables[name]; ok {
		return mem
	}
	mem := GLOBL(name, 0x8|0x10) // RODATA|NOPTR
	if pd {
		for i := 0; i < 64; i += 16 {
			DATA(i, U64(math.Float64bits(even)))
			DATA(i+8, U64(math.Float64bits(odd)))
		}
	} else {
		for i := 0; i < 64; i += 8 {
			DATA(i, U32(math.Float32bits(float32(even))))
			DATA(i+4, U32(math.Float32bits(float32(odd))))
		}
	}
	mixConstTables[name] = mem
	return mem
}

// narrow returns op as a register of width bytes (its low part), or op
// itself when it is memory.
func narrow(op Op, width int) Op {
	r, ok := op.(reg.VecVirtual)
	if !ok {
		return op
	}
	if width == 16 {
		return r.AsX()
	}
	return r.AsY()
}

// as returns c for registers of width bytes.
func (c mixConsts) as(width int) mixConsts {
	for _, op := range []*Op{&c.half, &c.rot, &c.sgn, &c.c1, &c.c2, &c.rot1, &c.rot2, &c.sqh} {
		if *op != nil {
			*op = narrow(*op, width)
		}
	}
	return c
}

// mixConsts are the butterfly's constant vectors of one kernel: registers
// at AVX-512 (32 of them), memory operands at AVX2, whose sixteen hold the
// twiddles and the data.
type mixConsts struct {
	half, rot  Op // radix 3: 1/2, and (c, −c) for ∓i·sin(2π/3)
	sgn        Op // radix 4 and 8: (1, −1) for ∓i
	sqh        Op // radix 8: √½
	c1, c2     Op // radix 5: cos(2π/5), cos(4π/5)
	rot1, rot2 Op // radix 5: (c, −c) for ∓i·sin(2π/5), ∓i·sin(4π/5)
}

func (m mixType) consts(p int, inverse bool) mixConsts {
	sg := 1.0
	if inverse {
		sg = -1
	}
	get := func(even, odd float64) Op {
		mem := m.constMem(even, odd)
		if !m.zmm() {
			return mem
		}
		r := m.vec()
		m.mov(mem, r)
		return r
	}
	var c mixConsts
	switch p {
	case 3:
		c.half = get(0.5, 0.5)
		c.rot = get(sg*mixSin2Pi3, -sg*mixSin2Pi3)
	case 4:
		c.sgn = get(sg, -sg)
	case 8:
		c.sgn = get(sg, -sg)
		c.sqh = get(mixSqrtHalf, mixSqrtHalf)
	case 5:
		c.c1 = get(mixCos2Pi5, mixCos2Pi5)
		c.c2 = get(mixCos4Pi5, mixCos4Pi5)
		c.rot1 = get(sg*mixSin2Pi5, -sg*mixSin2Pi5)
		c.rot2 = get(sg*mixSin4Pi5, -sg*mixSin4Pi5)
	}
	return c
}

// butterfly returns the p outputs y_t of the radix-p DFT of a (ω_p^{∓q·t},
// the sign in c).
func (m mixType) butterfly(p int, a []reg.VecVirtual, c mixConsts) []reg.VecVirtual {
	switch p {
	case 2:
		y0, y1 := m.vec(), m.vec()
		m.add(a[1], a[0], y0)
		m.sub(a[1], a[0], y1)
		return []reg.VecVirtual{y0, y1}
	case 3:
		s, d, y0, sd := m.vec(), m.vec(), m.vec(), m.vec()
		m.add(a[2], a[1], s)
		m.sub(a[2], a[1], d)
		m.add(s, a[0], y0)
		m.fnma(c.half, s, a[0]) // a0 − s/2
		m.swap(d, sd)
		y1 := m.vec()
		m.mov(a[0], y1)
		m.fma(c.rot, sd, y1)
		m.fnma(c.rot, sd, a[0])
		return []reg.VecVirtual{y0, y1, a[0]}
	case 4:
		s02, d02, s13, d13 := m.vec(), m.vec(), m.vec(), m.vec()
		m.add(a[2], a[0], s02)
		m.sub(a[2], a[0], d02)
		m.add(a[3], a[1], s13)
		m.sub(a[3], a[1], d13)
		y0, y2, sd := m.vec(), m.vec(), m.vec()
		m.add(s13, s02, y0)
		m.sub(s13, s02, y2)
		m.swap(d13, sd)
		y1 := m.vec()
		m.mov(d02, y1)
		m.fma(c.sgn, sd, y1)
		m.fnma(c.sgn, sd, d02)
		return []reg.VecVirtual{y0, y1, y2, d02}
	case 5:
		b1, b2, d1, d2 := m.vec(), m.vec(), m.vec(), m.vec()
		m.add(a[4], a[1], b1)
		m.sub(a[4], a[1], d1)
		m.add(a[3], a[2], b2)
		m.sub(a[3], a[2], d2)
		y0, m1, m2 := m.vec(), m.vec(), m.vec()
		m.add(b1, a[0], y0)
		m.add(b2, y0, y0)
		m.mov(a[0], m1)
		m.fma(c.c1, b1, m1)
		m.fma(c.c2, b2, m1)
		m.fma(c.c2, b1, a[0])
		m.fma(c.c1, b2, a[0])
		m2 = a[0]
		s1, s2 := m.vec(), m.vec()
		m.swap(d1, s1)
		m.swap(d2, s2)
		e1, e2 := m.vec(), m.vec()
		m.mul(c.rot1, s1, e1)
		m.fma(c.rot2, s2, e1)
		m.mul(c.rot2, s1, e2)
		m.fnma(c.rot1, s2, e2)
		y1, y2 := m.vec(), m.vec()
		m.add(e1, m1, y1)
		m.sub(e1, m1, m1)
		m.add(e2, m2, y2)
		m.sub(e2, m2, m2)
		return []reg.VecVirtual{y0, y1, y2, m2, m1}
	case 8:
		// 2·4: s_q, d_q = a_q ± a_{q+4}; the even y are the radix 4 of
		// the s, the odd ones that of d_q·ω_8^{∓q}, where d2·ω_8^{∓2} =
		// ∓i·d2 folds into its multiply-adds, and with u, v = d1 ± d3,
		// w = ∓i·u, the pair of d1, d3 gives √½(v + w) and (∓i times the
		// other) √½(w − v), which the last multiply-adds scale.
		s, d := make([]reg.VecVirtual, 4), make([]reg.VecVirtual, 4)
		for q := range 4 {
			s[q], d[q] = m.vec(), m.vec()
			m.add(a[q+4], a[q], s[q])
			m.sub(a[q+4], a[q], d[q])
		}
		ye := m.butterfly(4, s, c)
		sd2, s02 := m.vec(), m.vec()
		m.swap(d[2], sd2)
		m.mov(d[0], s02)
		m.fma(c.sgn, sd2, s02)
		m.fnma(c.sgn, sd2, d[0])
		d02 := d[0]
		u, v := m.vec(), m.vec()
		m.add(d[3], d[1], u)
		m.sub(d[3], d[1], v)
		su, vw := m.vec(), m.vec()
		m.swap(u, su)
		m.mov(v, vw)
		m.fma(c.sgn, su, vw) // v + w
		m.fms(c.sgn, su, v)  // w − v
		y1, y3 := m.vec(), m.vec()
		m.mov(s02, y1)
		m.fma(c.sqh, vw, y1)
		m.fnma(c.sqh, vw, s02)
		m.mov(d02, y3)
		m.fma(c.sqh, v, y3)
		m.fnma(c.sqh, v, d02)
		return []reg.VecVirtual{ye[0], y1, ye[1], y3, ye[2], s02, ye[3], d02}
	}
	panic("mixType.butterfly: radix")
}

// mixIdx returns the address of row q of a stage whose rows are st bytes
// apart from base (st3 = 3·st): q = 0 … 4 all take one addressing mode.
func mixIdx(base, st, st3 reg.Register, q, disp int) Mem {
	switch q {
	case 0:
		return Mem{Base: base, Disp: disp}
	case 1:
		return Mem{Base: base, Index: st, Scale: 1, Disp: disp}
	case 2:
		return Mem{Base: base, Index: st, Scale: 2, Disp: disp}
	case 3:
		return Mem{Base: base, Index: st3, Scale: 1, Disp: disp}
	case 4:
		return Mem{Base: base, Index: st, Scale: 4, Disp: disp}
	}
	panic("mixIdx: row")
}

// mixWide emits one wide mixed-radix stage kernel.
func mixWide(m mixType, p int, inverse bool) {
	prefix, ct, ft := "fftMixWide", "complex64", "float32"
	if m.pd {
		prefix, ct, ft = "fft64MixWide", "complex128", "float64"
	}
	name := fmt.Sprintf("%s%d%s%s", prefix, p, m.v.Name, fftDir(inverse))
	TEXT(name, NOSPLIT, fmt.Sprintf("func(out, in *%s, tw *%s, ls, r int, s %s, ovl int)", ct, ft, ft))
	Pragma("noescape")
	Doc(fmt.Sprintf("%s runs one radix-%d mixed-radix Stockham stage of a %s FFT, vectorised over k (wide form); see avogen/fftmix.go.", name, p, ct))
	lbl := func(s string) LabelRef { return LabelRef(name + "_" + s) }

	out := Load(Param("out"), GP64())
	in := Load(Param("in"), GP64())
	r := Load(Param("r"), GP64())
	qs, q3, ts, t3 := GP64(), GP64(), GP64(), GP64()
	MOVQ(r, qs)
	SHLQ(U8(log2(m.esz())), qs) // input rows q: r values apart
	LEAQ(Mem{Base: qs, Index: qs, Scale: 2}, q3)
	Load(Param("ls"), ts)
	IMULQ(qs, ts) // output rows t: ls·r values apart
	LEAQ(Mem{Base: ts, Index: ts, Scale: 2}, t3)
	nv := GP64()
	MOVQ(r, nv)
	SHRQ(U8(log2(m.vals())), nv)
	remb := r // the tail's bytes
	ANDQ(U32(m.vals()-1), remb)
	SHLQ(U8(log2(m.esz())), remb)

	c := m.consts(p, inverse)

	// body emits the stage for one vector of k of a j (of mv's width) at
	// in and out, loading by ld and storing by st; w holds the j's twiddle
	// broadcasts (nil: all 1) and sv the scale (nil: 1).
	body := func(mv mixType, c mixConsts, ld func(Mem, reg.VecVirtual), st func(reg.VecVirtual, Mem), w []Op, sv Op) {
		// Radix 8's rows 5 and 7 have no addressing mode of one index
		// register of the four (qs, 3·qs; ts, 3·ts): rows 4 … 7 are
		// rows 0 … 3 of a pointer four rows on, one LEA a body.
		his := map[reg.Register]reg.Register{}
		row := func(base, st, st3 reg.Register, q int) Mem {
			if p < 8 || q < 4 {
				return mixIdx(base, st, st3, q, 0)
			}
			hi, ok := his[base]
			if !ok {
				hi = GP64()
				LEAQ(Mem{Base: base, Index: st, Scale: 4}, hi)
				his[base] = hi
			}
			return mixIdx(hi, st, st3, q-4, 0)
		}
		a := make([]reg.VecVirtual, p)
		for q := range p {
			a[q] = mv.vec()
			ld(row(in, qs, q3, q), a[q])
			if sv != nil {
				mv.mul(sv, a[q], a[q])
			}
			if q > 0 && w != nil {
				a[q] = mv.cmul(a[q], w[2*q-2], w[2*q-1], inverse)
			}
		}
		y := mv.butterfly(p, a, c)
		for t := range p {
			st(y[t], row(out, ts, t3, t))
		}
	}
	full := func(mem Mem, x reg.VecVirtual) { m.mov(mem, x) }
	// loadFn is a whole vector's load, times the scale sv unless nil.
	loadFn := func(sv Op) func(Mem, reg.VecVirtual) {
		if sv == nil {
			return full
		}
		return func(mem Mem, x reg.VecVirtual) { m.mul(mem, sv, x) }
	}
	fullStore := func(x reg.VecVirtual, mem Mem) { m.mov(x, mem) }
	// loop emits the k loop of one j: whole vectors, then the tail; in
	// and out end r values on.
	loop := func(tag string, w []Op, sv Op, last func()) {
		// One vector per iteration: two at AVX-512 (32 registers) gained
		// nothing, every n = 1000 stage within 3% (nine rounds). Nor did
		// PREFETCHT0 of every input row 384 or 1024 bytes ahead at n =
		// 3000 (within 3%, five rounds), where a stage streams from L2 at
		// about 110 GB/s, complex64 and complex128 alike.
		k := GP64()
		MOVQ(nv, k)
		TESTQ(k, k)
		JZ(lbl(tag + "_tail"))
		Label(name + "_" + tag + "_k")
		body(m, c, loadFn(sv), fullStore, w, nil)
		ADDQ(U32(m.v.Bytes()), in)
		ADDQ(U32(m.v.Bytes()), out)
		DECQ(k)
		JNZ(lbl(tag + "_k"))
		Label(name + "_" + tag + "_tail")
		TESTQ(remb, remb)
		JZ(lbl(tag + "_end"))
		// With ovl (the caller's r is below a vector but above half of
		// one), a j other than the last runs one whole vector: its values
		// past r fall on the next j's row of the same t, which that j
		// writes again after, and its loads stay inside the array (only
		// the last j's last row ends it). Best of 300 × 50 calls:
		// complex64 r = 3 at AVX2, n = 3000 radix 5 1399 → 892 ns, radix 4
		// 1015 → 695, n = 1500 radix 2 423 → 328; at AVX-512 (one ZMM for
		// the AVX2 kernel's YMM and XMM) complex64 r = 5, n = 1000 radix 5
		// 293 → 232, r = 6, n = 3000 radix 5 735 → 561; complex128 r = 3,
		// n = 3000 radix 5 1535 → 1138.
		{
			CMPQ(NewParamAddr("ovl", 48), Imm(0))
			JE(lbl(tag + "_pieces"))
			last()
			JE(lbl(tag + "_pieces"))
			body(m, c, loadFn(sv), fullStore, w, nil)
			ADDQ(remb, in)
			ADDQ(remb, out)
			JMP(lbl(tag + "_end"))
			Label(name + "_" + tag + "_pieces")

			// r mod values = values − 1 after whole vectors: one whole
			// vector ending at r, its first values computed again (the
			// same values to the same places), for the pieces' two
			// (AVX2) or three (AVX-512) bodies: n = 3000, radix 5, r = 15,
			// AVX2 759 → 639 ns, AVX-512 735 → 515 (seven rounds). Other
			// remainders take no fewer bodies (a ZMM costs Zen 4 two).
			V := m.v.Bytes()
			CMPQ(remb, U32(V-m.esz()))
			JNE(lbl(tag + "_halving"))
			TESTQ(nv, nv)
			JZ(lbl(tag + "_halving"))
			SUBQ(U8(m.esz()), in) // back to r − values: one value
			SUBQ(U8(m.esz()), out)
			body(m, c, loadFn(sv), fullStore, w, nil)
			ADDQ(U32(V), in)
			ADDQ(U32(V), out)
			JMP(lbl(tag + "_end"))
			Label(name + "_" + tag + "_halving")
		}
		// The values left in narrower registers, halving: 32 bytes
		// (AVX-512 only), 16, then 8 (complex64 only), each run when its
		// bit of the tail's bytes is set. VMASKMOVPS's stores had made the
		// AVX2 tail cost more than the whole vectors (radix 4, n = 1000,
		// ls = 25, r = 10: 454 ns a stage against 151), and AVX-512's
		// opmask loads and stores were slower too (the same stage 191 →
		// 151 ns, complex128 268 → 241; radix 2, r = 20, 99 → 86).
		for b := m.v.Bytes() / 2; b >= m.esz(); b /= 2 {
			mv := m
			mv.width = max(b, 16)
			var wn []Op
			for _, x := range w {
				wn = append(wn, narrow(x, mv.width))
			}
			var svn Op
			if sv != nil {
				svn = narrow(sv, mv.width)
			}
			next := fmt.Sprintf("%s_%s_%d", name, tag, b)
			TESTQ(U32(b), remb)
			JZ(LabelRef(next))
			ld, st := full, fullStore
			if b == 8 {
				ld = func(mem Mem, x reg.VecVirtual) { VMOVSD(mem, x) }
				st = func(x reg.VecVirtual, mem Mem) { VMOVSD(x, mem) }
			}
			body(mv, c.as(mv.width), ld, st, wn, svn)
			ADDQ(U32(b), in)
			ADDQ(U32(b), out)
			Label(next)
		}
		Label(name + "_" + tag + "_end")
	}

	// j = 0: twiddles 1, scaled when s ≠ 1.
	jskip := GP64() // from the end of j's inputs to the next j's: (p−1)·r values
	IMUL3Q(Imm(uint64(p-1)), qs, jskip)
	if m.pd {
		sb := GP64()
		MOVQ(NewParamAddr("s", 40), sb)
		one := GP64()
		MOVQ(U64(math.Float64bits(1)), one)
		CMPQ(sb, one)
	} else {
		CMPL(NewParamAddr("s", 40), U32(math.Float32bits(1)))
	}
	JNE(lbl("scaled"))
	lsIsOne := func() { CMPQ(NewParamAddr("ls", 24), Imm(1)) }
	loop("j0", nil, nil, lsIsOne)
	JMP(lbl("j0done"))
	Label(name + "_scaled")
	sv := m.vec()
	if m.pd {
		VBROADCASTSD(NewParamAddr("s", 40), sv)
	} else {
		VBROADCASTSS(NewParamAddr("s", 40), sv)
	}
	loop("j0s", nil, sv, lsIsOne)
	Label(name + "_j0done")

	// j = 1 … ls−1.
	jn := Load(Param("ls"), GP64())
	DECQ(jn)
	JZ(lbl("done"))
	tw := Load(Param("tw"), GP64())
	Label(name + "_j")
	ADDQ(jskip, in)
	ADDQ(U32(2*(p-1)*m.fsz()), tw)
	// AVX-512 radix 4 and 5, and complex64 radix 3, read their twiddles
	// by embedded broadcast in the products rather than broadcasting them
	// into registers once per j (best of nine rounds): n = 1000 ls = 25
	// complex64 radix 5 164 → 130 ns, radix 4 150 → 139, complex128 radix
	// 5 303 → 267; n = 3000 radix 5 r = 15 559 → 495; (best of 300 × 50
	// calls in one process) complex64 radix 3 n = 3000 r = 20 358 → 336,
	// n = 960 r = 8 117 → 95. Radix 2, and complex128 radix 3, came out
	// level (within 2%, r = 4 … 500).
	bcstTw := m.zmm() && (p >= 4 || p == 3 && !m.pd)
	// Radix 8 at AVX2: its fourteen broadcasts and eight inputs would not
	// fit sixteen registers, so each product broadcasts its two floats
	// from the table in the loop. Broadcasting q = 1, 2 once per j into
	// four of the five registers left free came out level (each of 22
	// stages within ±5%, best of seven rounds; n = 1920 ls = 40 r = 6
	// complex128 809 → 721 ns, n = 2000 ls = 25 794 → 840).
	ldTw := !m.zmm() && p == 8
	w := make([]Op, 2*(p-1))
	for i := range w {
		if bcstTw || ldTw {
			w[i] = Mem{Base: tw, Disp: i * m.fsz()}
		} else {
			w[i] = m.bcst(Mem{Base: tw, Disp: i * m.fsz()})
		}
	}
	m.bcstTw, m.ldTw = bcstTw, ldTw
	loop("jw", w, nil, func() { CMPQ(jn, Imm(1)) })
	DECQ(jn)
	JNZ(lbl("j"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// mixGroupRs returns the r for which a grouped kernel exists: r = 2 of
// complex64 only. Measured against the wide kernel (best of 300 × 50
// calls, interleaved in one process), complex64 r = 2 gains 30–60% at
// both levels (n = 1000 radix 5 387 → 220 ns, radix 2 415 → 171, radix 4
// 281 → 189; n = 3000 radix 3 860 → 522), but r = 4 at AVX-512 (two j per
// ZMM) only 5–8% and lost at n = 3000 (radix 3 462 → 533 ns), and
// complex128 r = 2 at AVX-512 lost almost everywhere (radix 4 294 → 378,
// n = 3000 radix 3 978 → 1319), its table twice the wide one's bytes per
// value.
func mixGroupRs(m mixType) []int {
	if m.pd {
		return nil
	}
	return []int{2}
}

// mixGroup emits the grouped form of a stage with r | values per vector,
// r < values (a wide kernel would run only its narrow tails): one vector
// holds the r values of k of G = values/r consecutive j, gathered from
// their G rows (chunks of r values, p·r apart) by loads into the vector's
// 128- or 256-bit lanes, and stored whole, since out[(j + t·ls)·r + k] is
// contiguous over (j, k) for fixed t. Twiddles vary within a vector, so
// the table holds, per group and q = 1 … p−1, a vector of Re w and one of
// Im w (each over both lanes of a value); the ls mod G j left over run as
// groups of narrower vectors (halving), whose blocks follow in the table.
// The kernel runs every j, the first too (its twiddles are 1 in the
// table), unscaled: ls = 1 stages take the wide kernel.
func mixGroup(m mixType, p, r int, inverse bool) {
	prefix, ct, ft := "fftMixGroup", "complex64", "float32"
	if m.pd {
		prefix, ct, ft = "fft64MixGroup", "complex128", "float64"
	}
	name := fmt.Sprintf("%s%dR%d%s%s", prefix, p, r, m.v.Name, fftDir(inverse))
	TEXT(name, NOSPLIT, fmt.Sprintf("func(out, in *%s, tw *%s, ls int)", ct, ft))
	Pragma("noescape")
	Doc(fmt.Sprintf("%s runs one radix-%d mixed-radix Stockham stage of a %s FFT with r = %d, several j per vector (grouped form); see avogen/fftmix.go.", name, p, ct, r))

	out := Load(Param("out"), GP64())
	in := Load(Param("in"), GP64())
	tw := Load(Param("tw"), GP64())
	ls := Load(Param("ls"), GP64())
	chunk := r * m.esz() // one j's values of one row
	ts, t3 := GP64(), GP64()
	MOVQ(ls, ts)
	SHLQ(U8(log2(chunk)), ts) // output rows t: ls·r values apart
	LEAQ(Mem{Base: ts, Index: ts, Scale: 2}, t3)
	c := m.consts(p, inverse)

	// group emits one vector of width bytes: g = width/chunk j.
	group := func(width int) {
		mv := m
		if width < m.v.Bytes() {
			mv.width = width
		}
		cv := c
		if mv.width != 0 {
			cv = c.as(width)
		}
		g := width / chunk
		a := make([]reg.VecVirtual, p)
		for q := range p {
			a[q] = mv.vec()
			at := func(i int) Mem { return Mem{Base: in, Disp: (i*p + q) * chunk} }
			switch {
			case g == 1:
				mv.mov(at(0), a[q])
			case chunk == 16 && width == 32 && p == 8 && !m.zmm():
				// A load of the low lane alone leaves Avo seeing the
				// register's upper half live into the loop: eight such
				// took radix 8 past sixteen registers.
				VBROADCASTF128(at(0), a[q])
				VINSERTF128(U8(1), at(1), a[q], a[q])
			case chunk == 16:
				VMOVUPS(at(0), a[q].AsX())
				for i := 1; i < g; i++ {
					if width == 32 && !m.zmm() {
						VINSERTF128(U8(i), at(i), a[q], a[q])
					} else { // EVEX: a YMM of an AVX-512 kernel may be Y16 or above
						VINSERTF32X4(U8(i), at(i), a[q], a[q])
					}
				}
			default: // chunk 32, ZMM
				VMOVUPS(at(0), a[q].AsY())
				VINSERTF64X4(U8(1), at(1), a[q], a[q])
			}
			if q > 0 {
				wr := Mem{Base: tw, Disp: (2*q - 2) * width}
				wi := Mem{Base: tw, Disp: (2*q - 1) * width}
				a[q] = mv.cmul(a[q], wr, wi, inverse)
			}
		}
		y := mv.butterfly(p, a, cv)
		var hi reg.Register // radix 8's rows 4 … 7, as in mixWide
		for t := range p {
			if t < 4 || p < 8 {
				mv.mov(y[t], mixIdx(out, ts, t3, t, 0))
				continue
			}
			if hi == nil {
				hi = GP64()
				LEAQ(Mem{Base: out, Index: ts, Scale: 4}, hi)
			}
			mv.mov(y[t], mixIdx(hi, ts, t3, t-4, 0))
		}
		ADDQ(U32(g*p*chunk), in)
		ADDQ(U32(width), out)
		ADDQ(U32(2*(p-1)*width), tw)
	}

	G := m.vals() * m.esz() / chunk
	n := GP64()
	MOVQ(ls, n)
	SHRQ(U8(log2(G)), n)
	JZ(LabelRef(name + "_rest"))
	Label(name + "_g")
	group(m.v.Bytes())
	DECQ(n)
	JNZ(LabelRef(name + "_g"))
	Label(name + "_rest")
	for gw := G / 2; gw >= 1; gw /= 2 {
		next := fmt.Sprintf("%s_%d", name, gw)
		TESTQ(U32(gw), ls)
		JZ(LabelRef(next))
		group(gw * chunk)
		Label(next)
	}
	VZEROUPPER()
	RET()
}
