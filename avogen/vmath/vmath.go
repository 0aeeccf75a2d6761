// Package vmath emits ssmkern's vector math (exp, softplus, silu) as Avo
// building blocks, for YMM (AVX2+FMA) and ZMM (AVX-512) registers. Every
// generator that needs a transcendental function calls these, so the scan,
// FFT and S4 kernels share one implementation and one accuracy statement.
package vmath

import (
	"fmt"
	"math"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	"github.com/mmcloughlin/avo/reg"

	"github.com/ssmkern/ssmkern/avogen/vmathdef"
)

// ISA is the vector width a kernel is generated for.
type ISA struct {
	Name  string // "AVX2" or "AVX512", the suffix of generated function names
	Lanes int    // float32 lanes per register: 8 or 16
}

var (
	AVX2   = ISA{Name: "AVX2", Lanes: 8}
	AVX512 = ISA{Name: "AVX512", Lanes: 16}
)

// Bytes is the register width in bytes.
func (v ISA) Bytes() int { return 4 * v.Lanes }

// Vec allocates a virtual vector register of the ISA's width.
func (v ISA) Vec() reg.VecVirtual {
	if v.Lanes == 16 {
		return ZMM()
	}
	return YMM()
}

// constants caches the read-only tables of one generated file.
var constants = map[string]Mem{}

// Const returns the float32 x as a vector operand: a register when a
// kernel has hoisted it (HoistExpConstants), else a 64-byte read-only table
// holding sixteen copies (a YMM instruction reads its first 32 bytes).
func Const(x float32) Op { return bitsOp(math.Float32bits(x)) }

// hoisted maps constants to the registers a kernel loaded them into.
var hoisted map[uint32]reg.VecVirtual

// HoistExpConstants loads every constant Exp uses into a register, so that
// a loop calling Exp reads no constant from memory: on Zen 4 a 512-bit
// load takes the whole load port for a cycle, and Exp has a dozen
// constant operands. It costs 15 vector registers: for AVX-512 kernels,
// which have 32. Call ReleaseConstants at the end of the kernel.
func HoistExpConstants(v ISA) {
	hoisted = map[uint32]reg.VecVirtual{}
	hoist(v, vmathdef.ExpClampLo, vmathdef.ExpClampHi, expLog2e, expLn2Hi, expLn2Lo, minNormal, 0)
	for _, c := range expTaylor {
		hoist(v, float32(c))
	}
}

// hoist adds the float32 values to the hoisted constants.
func hoist(v ISA, values ...float32) {
	for _, x := range values {
		hoistBits(v, math.Float32bits(x))
	}
}

// HoistSiLUConstants is HoistExpConstants for a loop calling SiLU, with
// its sign mask as well (16 registers).
func HoistSiLUConstants(v ISA) {
	HoistExpConstants(v)
	hoistBits(v, signMask)
}

// HoistSoftplusConstants is HoistExpConstants for a loop calling Softplus,
// with its masks and the 2 of s = e/(2+e) as well (18 registers); the
// log1p series stays in memory, which AVX-512's 32 registers cannot also
// hold next to Softplus's scratch.
func HoistSoftplusConstants(v ISA) {
	HoistExpConstants(v)
	hoistBits(v, signMask, absMask, math.Float32bits(2))
}

// hoistBits adds the 32-bit patterns bits to the hoisted constants, each
// loaded once (zero by VXORPS).
func hoistBits(v ISA, bits ...uint32) {
	for _, b := range bits {
		if _, ok := hoisted[b]; ok {
			continue
		}
		r := v.Vec()
		if b == 0 {
			VXORPS(r, r, r)
		} else {
			VMOVUPS(ConstBits(b), r)
		}
		hoisted[b] = r
	}
}

// bitsOp is ConstBits as an operand: the register holding it when a kernel
// has hoisted it.
func bitsOp(bits uint32) Op {
	if r, ok := hoisted[bits]; ok {
		return r
	}
	return ConstBits(bits)
}

// Sign-bit masks: x ^ signMask is −x, x & absMask is |x|.
const (
	signMask = 0x80000000
	absMask  = 0x7fffffff
)

// constReg returns the register holding x: the hoisted one, or scratch
// loaded with it.
func constReg(x float32, scratch reg.VecVirtual) reg.VecVirtual {
	if r, ok := hoisted[math.Float32bits(x)]; ok {
		return r
	}
	VMOVUPS(ConstBits(math.Float32bits(x)), scratch)
	return scratch
}

// chains is a number of vectors whose functions are emitted step by step
// across them (Exp2N, ExpN, SoftplusN, SiLUN): each step once per vector.
type chains int

func (c chains) each(f func(i int)) {
	for i := range int(c) {
		f(i)
	}
}

// vecs allocates one register per vector.
func (c chains) vecs(v ISA) []reg.VecVirtual {
	r := make([]reg.VecVirtual, c)
	for i := range r {
		r[i] = v.Vec()
	}
	return r
}

// ReleaseConstants ends HoistExpConstants.
func ReleaseConstants() { hoisted = nil }

// ConstBits is Const for a raw 32-bit pattern.
func ConstBits(bits uint32) Mem {
	name := fmt.Sprintf("const_%08x", bits)
	if m, ok := constants[name]; ok {
		return m
	}
	m := GLOBL(name, 0x8|0x10) // RODATA|NOPTR
	for i := 0; i < 16; i++ {
		DATA(4*i, U32(bits))
	}
	constants[name] = m
	return m
}

// Exp range reduction and polynomial.
//
// exp(x) = 2^k · e^r with k = round(x·log2 e) and r = x − k·ln 2, the
// product k·ln 2 taken in two parts (Cody and Waite) so that r is exact to
// float32 precision; |r| ≤ ln2/2. e^r is the degree-7 Taylor polynomial
// Σ r^i/i!, whose truncation error at |r| = ln2/2 is 0.3466^8/8! = 5e-9
// relative (0.1 ulp): the error that remains is float32 rounding in the
// Horner steps. Measured against float64 math.Exp rounded to float32 over
// every float32 input (asm's TestExpFloat32Exhaustive, -long): at most
// 1 ulp on both levels. Results below the smallest normal float32
// (x < ln 2^−126) are exactly 0 — Go does not flush denormals, and a
// denormal in a scan's state would slow every later step — results above
// the largest float32 are +Inf, and NaN stays NaN.
var (
	expLog2e  = vmathdef.ExpLog2E
	expLn2Hi  = vmathdef.ExpLn2Hi  // ln 2 to 16 bits: k·ln2Hi is exact for |k| < 2^8
	expLn2Lo  = vmathdef.ExpLn2Lo  // ln 2 − ln2Hi
	expMagic  = float32(12582912)  // 1.5·2^23: adding it rounds to an integer in the low mantissa bits
	expMinArg = vmathdef.ExpMinArg // ln 2^−126: below, the result is not a normal float32
	expMaxArg = vmathdef.ExpMaxArg // ln(max float32): above, +Inf
	minNormal = vmathdef.MinNormal // 2^−126
)

// expTaylor holds 1/i! for i = 7 … 0, the Horner order.
var expTaylor = vmathdef.ExpTaylor

// Exp overwrites x with exp(x), lane by lane, using scratch registers it
// allocates itself.
func Exp(v ISA, x reg.VecVirtual) { ExpN(v, []reg.VecVirtual{x}) }

// ExpN is Exp of several vectors, emitted step by step across them (see
// Exp2N: the chains side by side keep the core's pipes busy).
func ExpN(v ISA, xs []reg.VecVirtual) {
	c := chains(len(xs))
	if v.Lanes == 16 {
		expAVX512(c, xs)
		return
	}
	t, k, r, p := c.vecs(v), c.vecs(v), c.vecs(v), c.vecs(v)
	// t = x·log2e + magic: k = round(x·log2e) sits in t's low mantissa bits.
	c.each(func(i int) { VMOVUPS(Const(expMagic), t[i]) })
	c.each(func(i int) { VFMADD231PS(Const(expLog2e), xs[i], t[i]) })
	c.each(func(i int) { VSUBPS(Const(expMagic), t[i], k[i]) }) // k as a float
	expReduced(c, xs, k, r, p)
	// 2^k as two factors 2^(k>>1)·2^(k−k>>1), each a normal float32 for
	// every k of a finite, non-underflowing result (k ∈ [−126, 128]).
	ki, half, s1, s2 := c.vecs(v), c.vecs(v), c.vecs(v), c.vecs(v)
	c.each(func(i int) { VPSUBD(Const(expMagic), t[i], ki[i]) }) // integer k (the magic's bits cancel)
	c.each(func(i int) { VPSRAD(U8(1), ki[i], half[i]) })
	c.each(func(i int) { VPSUBD(half[i], ki[i], ki[i]) })
	c.each(func(i int) { VPADDD(ConstBits(127), half[i], s1[i]) })
	c.each(func(i int) { VPSLLD(U8(23), s1[i], s1[i]) })
	c.each(func(i int) { VPADDD(ConstBits(127), ki[i], s2[i]) })
	c.each(func(i int) { VPSLLD(U8(23), s2[i], s2[i]) })
	c.each(func(i int) { VMULPS(s1[i], p[i], p[i]) })
	c.each(func(i int) { VMULPS(s2[i], p[i], p[i]) })
	under, tiny, over := c.vecs(v), c.vecs(v), c.vecs(v)
	c.each(func(i int) { VCMPPS(U8(0x11), Const(expMinArg), xs[i], under[i]) }) // x < minArg (ordered: false for NaN)
	c.each(func(i int) { VCMPPS(U8(0x11), Const(minNormal), p[i], tiny[i]) })   // a result rounded below the normal range
	c.each(func(i int) { VORPS(tiny[i], under[i], under[i]) })
	c.each(func(i int) { VCMPPS(U8(0x1e), Const(expMaxArg), xs[i], over[i]) }) // x > maxArg
	c.each(func(i int) { VANDNPS(p[i], under[i], p[i]) })
	c.each(func(i int) { VBLENDVPS(over[i], Const(float32(math.Inf(1))), p[i], p[i]) })
	c.each(func(i int) { VMOVUPS(p[i], xs[i]) })
}

// expReduced sets r = x − k·ln2 (in two parts) and p = e^r.
func expReduced(c chains, x, k, r, p []reg.VecVirtual) {
	c.each(func(i int) { VMOVUPS(x[i], r[i]) })
	c.each(func(i int) { VFNMADD231PS(Const(expLn2Hi), k[i], r[i]) }) // r = x − k·ln2Hi
	c.each(func(i int) { VFNMADD231PS(Const(expLn2Lo), k[i], r[i]) }) // r −= k·ln2Lo
	c.each(func(i int) { VMOVUPS(Const(float32(expTaylor[0])), p[i]) })
	for _, coef := range expTaylor[1:] {
		c.each(func(i int) { VFMADD213PS(Const(float32(coef)), r[i], p[i]) }) // p = p·r + coef
	}
}

// expAVX512 uses AVX-512's rounding and scaling instructions: x is first
// clamped to [−88, 89] (NaN passes through the clamps), VSCALEFPS then
// gives p·2^k over the whole range, overflowing to +Inf by itself, and a
// result below the normal range is replaced by 0.
func expAVX512(c chains, x []reg.VecVirtual) {
	v := AVX512
	xc, hi, t, k, r, p := c.vecs(v), c.vecs(v), c.vecs(v), c.vecs(v), c.vecs(v), c.vecs(v)
	// MAXPS and MINPS return their second source when either is NaN: x.
	c.each(func(i int) { VMAXPS(x[i], constReg(vmathdef.ExpClampLo, xc[i]), xc[i]) })
	c.each(func(i int) { VMINPS(xc[i], constReg(vmathdef.ExpClampHi, hi[i]), xc[i]) })
	c.each(func(i int) { VMULPS(Const(expLog2e), xc[i], t[i]) })
	c.each(func(i int) { VRNDSCALEPS(U8(0), t[i], k[i]) }) // round to nearest even
	expReduced(c, xc, k, r, p)
	c.each(func(i int) { VSCALEFPS(k[i], p[i], p[i]) })
	tiny := make([]reg.Register, c)
	c.each(func(i int) { tiny[i] = K(); VCMPPS(U8(0x11), Const(minNormal), p[i], tiny[i]) }) // below 2^−126, or x < ln 2^−126
	c.each(func(i int) {
		zero, ok := hoisted[0]
		if !ok {
			zero = hi[i]
			VXORPS(zero, zero, zero)
		}
		VBLENDMPS(zero, p[i], tiny[i], x[i]) // x = tiny ? 0 : p
	})
}

// log1pSeries holds 1/(2i+1) for i = 6 … 0: log1p(e) = 2·atanh(s) =
// 2·Σ s^(2i+1)/(2i+1) with s = e/(2+e). For 0 ≤ e ≤ 1, s ≤ 1/3 and the
// first omitted term, s^15/15 ≤ 4.6e-9 of the sum, is below float32
// rounding; the division keeps e's full relative precision, which
// log(1+e) would lose when e is small.
var log1pSeries = vmathdef.Log1pSeries

// Softplus overwrites x with softplus(x) = max(x, 0) + log1p(exp(−|x|)),
// torch's F.softplus with beta 1: above the threshold 20 the log1p term is
// below half an ulp of x, so the result is x itself there, as torch
// returns. NaN stays NaN. Measured error against float64 (asm's
// TestSoftplusFloat32): at most 3 ulp.
func Softplus(v ISA, x reg.VecVirtual) { SoftplusN(v, []reg.VecVirtual{x}) }

// SoftplusN is Softplus of several vectors, step by step across them.
func SoftplusN(v ISA, xs []reg.VecVirtual) {
	c := chains(len(xs))
	e, s, s2, p, pos := c.vecs(v), c.vecs(v), c.vecs(v), c.vecs(v), c.vecs(v)
	c.each(func(i int) { VANDPS(bitsOp(absMask), xs[i], e[i]) }) // |x|
	c.each(func(i int) { VXORPS(bitsOp(signMask), e[i], e[i]) }) // −|x|
	ExpN(v, e)                                                   // e = exp(−|x|) ∈ (0, 1]
	c.each(func(i int) { VADDPS(Const(2), e[i], s[i]) })
	c.each(func(i int) { VDIVPS(s[i], e[i], s[i]) }) // s = e/(2+e)
	c.each(func(i int) { VMULPS(s[i], s[i], s2[i]) })
	c.each(func(i int) { VMOVUPS(Const(float32(log1pSeries[0])), p[i]) })
	for _, coef := range log1pSeries[1:] {
		c.each(func(i int) { VFMADD213PS(Const(float32(coef)), s2[i], p[i]) })
	}
	c.each(func(i int) { VMULPS(s[i], p[i], p[i]) })
	c.each(func(i int) { VADDPS(p[i], p[i], p[i]) }) // log1p(e)
	c.each(func(i int) { VXORPS(pos[i], pos[i], pos[i]) })
	c.each(func(i int) { VMAXPS(pos[i], xs[i], pos[i]) }) // max(x, 0); NaN in x gives NaN through e anyway
	c.each(func(i int) { VADDPS(p[i], pos[i], xs[i]) })
}

// SiLU overwrites x with x·sigmoid(x) = x / (1 + exp(−x)). For x → −∞,
// exp(−x) overflows to +Inf and the quotient is −0, the limit.
func SiLU(v ISA, x reg.VecVirtual) { SiLUN(v, []reg.VecVirtual{x}) }

// SiLUN is SiLU of several vectors, step by step across them.
func SiLUN(v ISA, xs []reg.VecVirtual) {
	e := make([]reg.VecVirtual, len(xs))
	for i, x := range xs {
		e[i] = v.Vec()
		VXORPS(bitsOp(signMask), x, e[i])
	}
	ExpN(v, e)
	for i := range xs {
		VADDPS(Const(1), e[i], e[i])
	}
	for i, x := range xs {
		VDIVPS(e[i], x, x)
	}
}
