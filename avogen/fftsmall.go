// The fftsmall generator writes asm/fftsmall_amd64.s and
// asm/fftsmall_amd64.go: whole complex64 FFTs of the short power-of-two
// lengths, one call per transform, for package fft's Plan32 (and so the
// real plans' half-length FFTs).
//
//	cd avogen && go run . -gen fftsmall -out ../asm
//
// A short transform run as Stockham stages (fft.go) pays a Go wrapper, a
// bounds check and a table slice per stage; at n = 64 those cost about as
// much as the arithmetic. Here each length is one straight-line function:
// loaded once, its twiddles constants in the file, stored once.
//
// With V complex values per vector and n = m·V (m ≥ V), write j = g + m·i
// and k = i' + V·g' (i, i' < V; g, g' < m). Then
//
//	X[i' + V·g'] = Σ_g ω_m^{g·g'} · ω_n^{g·i'} · Σ_i ω_V^{i·i'} · x[g + m·i]
//
// so that:
//
//  1. per block of V consecutive g, the V vectors x[g + m·i] (i < V) are
//     V loads whose lanes are the g; a length-V DFT across the vectors
//     (lane by lane, no shuffles) gives the i', a lane-wise table product
//     the ω_n^{g·i'}, and a V×V transpose in registers turns the block
//     into the vectors of its g, whose lanes are the i';
//  2. a length-m DFT across those m vectors (again lane by lane, its
//     twiddles ω_m scalar constants) gives vector g' = the V outputs
//     X[V·g' … V·g' + V − 1], stored in natural order.
//
// The DFTs across vectors are decimation-in-frequency radix 4 (radix 2 for
// a last factor 2) written out in registers, where the bit-reversed
// order costs nothing. When the m vectors fit the register file (n ≤ 128
// with ZMM, n ≤ 32 with YMM) step 2 runs in registers; otherwise step 1
// stores the blocks in the function's frame and step 2 runs as m = m1·m2:
// m2 DFTs of length m1 (in place in the frame, times ω_m^{g2·k1}) and m1
// of length m2 that write dst, each of those split the same way again when
// m2 exceeds the registers (YMM complex128 n = 256: m = 8·16). Products, butterflies and conjugation for
// the inverse are fft.go's (cmulBy, butterfly4); the inverse scales its
// inputs by s (a power of two: exact).
//
// Measured through the public plans against FFTW (FFTW_PATIENT), best of
// 200 interleaved batches, ours/FFTW ns and ratio = FFTW's time / ours
// (go test -tags fftw -run '^$' -bench 'FFTWInterleaved/(c64|c128|r32)/n=(64|128|256)$'
// -benchtime 1x ./bench, one run per SSMKERN_ISA):
//
//	            AVX2                  AVX-512
//	c64  64     40.2/38.3   0.95      27.7/37.4   1.35   (Stockham stages before: 0.4–0.6;
//	                                                      AVX2 now 29.2/37.0 1.28, twoPasses8)
//	c64  128    63.4/74.8   1.18      64.3/72.0   1.12
//	c64  256    127.5/166.6 1.31      123.9/140.5 1.13
//	c128 64     56.8/56.2   0.99      54.6/58.1   1.06   (before: about 0.5)
//	c128 128    111.7/112.8 1.01      113.9/113.1 0.99
//	c128 256    282.2/242.6 0.86      225.6/239.5 1.06   (AVX2 stages: 0.81–0.83)
//	r32  64     51.8/57.3   1.11      48.7/56.6   1.16   (c64 of 32)
//	r32  512    214.7/373.4 1.74      211.9/359.5 1.70   (c64 of 256)
package main

import (
	"fmt"
	"math"

	. "github.com/mmcloughlin/avo/build"
	"github.com/mmcloughlin/avo/gotypes"
	"github.com/mmcloughlin/avo/ir"
	. "github.com/mmcloughlin/avo/operand"
	"github.com/mmcloughlin/avo/reg"

	"github.com/ssmkern/ssmkern/avogen/vmath"
)

// fftSmallLens are the complex64 lengths generated per vector width:
// those where one call beats the Stockham stages (best of 300 runs of 200
// calls, interleaved, a throwaway harness during development; ns per
// forward transform, stages → this): YMM n = 32 25.0 → 14.0, 64 54.2 →
// 32.4, 128 76.2 → 57.3, 256 163 → 127; ZMM 64 51.5 → 24.8, 128 58.2 →
// 48.3. ZMM n = 256 (136 → 132) and 512 (277 → 270), staged through the
// frame, gained nothing and are not generated; the AVX-512 level runs
// the YMM kernels of n = 32 (with ZMM, m would be less than V) and n =
// 256 (126 ns against the ZMM stages' 163 in one run).
var fftSmallLens = map[string][]int{
	"AVX2":   {32, 64, 128, 256},
	"AVX512": {64, 128},
}

// fft64SmallLens are the complex128 lengths (fft64Small…): the same
// kernels in float64 lanes, half as many values per vector. Same harness,
// stages → this: AVX2 n = 32 44.5 → 25.7, 64 72.4 → 46.6, 128 138 → 100
// (256: 305–314 → 282–290 ns through Plan64, interleaved with FFTW);
// AVX-512 32 51.2 → 19.2, 64 56.2 → 37.9, 128 117 → 88, 256 230 → 195.
// The AVX2 n = 256 kernel is not generated any more: the Stockham stages
// ending with the fused tail (fft64Tail16Y) beat it, 286–295 against
// 318–320 ns through Plan64.
var fft64SmallLens = map[string][]int{
	"AVX2":   {32, 64, 128},
	"AVX512": {32, 64, 128, 256},
}

func generateFFTSmall() {
	for _, f64 := range []bool{false, true} {
		lens := fftSmallLens
		if f64 {
			lens = fft64SmallLens
		}
		for _, v := range []vmath.ISA{vmath.AVX2, vmath.AVX512} {
			for _, n := range lens[v.Name] {
				for _, inverse := range []bool{false, true} {
					fftSmall(v, n, f64, inverse)
				}
			}
		}
	}
	// YMM n = 512, staged through a 4 KB frame like fft64Small256: for
	// Plan32 only (fft.smallHalfMaxLen), whose radix-8 stages it replaces
	// (c64 n = 512 at AVX2 against FFTW, FFTWInterleaved, two interleaved
	// rounds: ratio 0.92–0.93 → 1.03–1.04). YMM n = 1024 (an 8 KB frame,
	// about 8400 instructions per direction, past the L1 instruction
	// cache) ran 906–922 ns against its stages' 655–699 and is not
	// generated. Last, so that no kernel above moves (see generateFFT).
	for _, inverse := range []bool{false, true} {
		fftSmall(vmath.AVX2, 512, false, inverse)
	}
}

// smallGen is the state of one kernel being emitted.
type smallGen struct {
	v       vmath.ISA
	f64     bool // complex128 (float64 lanes) rather than complex64
	n, V, m int
	inverse bool
	ones    reg.VecVirtual
}

// fftSmall emits fftSmall<n><ISA><Fwd|Inv> (complex64) or
// fft64Small<n><ISA><Fwd|Inv> (complex128).
func fftSmall(v vmath.ISA, n int, f64, inverse bool) {
	g := &smallGen{v: v, f64: f64, n: n, V: cvals(v), inverse: inverse}
	prefix, typ, scalar := "fftSmall", "complex64", "float32"
	if f64 {
		g.V = cvals64(v)
		prefix, typ, scalar = "fft64Small", "complex128", "float64"
	}
	g.m = n / g.V
	name := fmt.Sprintf("%s%d%s%s", prefix, n, v.Name, fftDir(inverse))
	// The whole transform in registers: 16 vectors of data with ZMM (of
	// 32 registers), 8 with YMM (of 16).
	inRegs := g.m <= v.Lanes
	sig := fmt.Sprintf("func(out, in *%s, s %s)", typ, scalar)
	if inRegs {
		TEXT(name, NOSPLIT, sig)
	} else {
		TEXT(name, 0, sig)
	}
	Pragma("noescape")
	Doc(fmt.Sprintf("%s runs the whole %s FFT of length %d (inverse: scaled by s); see avogen/fftsmall.go.", name, typ, n))
	if v == vmath.AVX2 && n == 512 {
		alignBody()
	}
	out := Load(Param("out"), GP64())
	in := Load(Param("in"), GP64())
	var scale reg.VecVirtual
	if inverse {
		scale = v.Vec()
		// No legacy-SSE load among the vector code.
		if f64 {
			VBROADCASTSD(paramAddr(Param("s")), scale)
		} else {
			VBROADCASTSS(paramAddr(Param("s")), scale)
		}
	}
	g.ones = v.Vec()
	VMOVUPS(g.constant(1), g.ones)
	if g.radix8Passes() {
		g.twoPasses8(out, in, scale)
		VZEROUPPER()
		RET()
		return
	}
	tw := g.laneTwiddles(g.V)
	vb := v.Bytes()
	var work Mem
	if !inRegs {
		// The frame aligned to the vector width by hand: Go aligns SP to
		// 8 bytes only, and where the callers' frames left it off a
		// vector boundary every access split cache lines (fft64Small256
		// at AVX2 ran 15–25% slower after an unrelated change to a
		// caller's frame).
		frame := AllocLocal(vb*g.m + vb)
		base := GP64()
		LEAQ(frame.Offset(vb-1), base)
		ANDQ(I32(-vb), base)
		work = Mem{Base: base}
	}
	// Step 1, per block b of V consecutive g.
	cols := make([]reg.VecVirtual, 0, g.m)
	for b := range g.m / g.V {
		x := make([]reg.VecVirtual, g.V)
		for i := range x {
			x[i] = v.Vec()
			VMOVUPS(Mem{Base: in, Disp: (b + g.m/g.V*i) * vb}, x[i])
			if inverse {
				g.op(VMULPS, VMULPD, scale, x[i], x[i])
			}
		}
		y := g.dft(x)
		for k := 1; k < g.V; k++ {
			off := ((b*(g.V-1) + k - 1) * 2) * vb
			y[k] = g.cmul(y[k], tw.Offset(off), tw.Offset(off+vb))
		}
		c := g.transpose(y)
		if inRegs {
			cols = append(cols, c...)
			continue
		}
		for t, r := range c {
			VMOVUPS(r, work.Offset((g.V*b+t)*vb))
		}
	}
	if inRegs {
		for k, r := range g.dft(cols) {
			VMOVUPS(r, Mem{Base: out, Disp: k * vb})
		}
		VZEROUPPER()
		RET()
		return
	}
	// Step 2 as m = m1·m2: g = g2 + m2·g1, k = k1 + m1·k2.
	m1 := 4
	if g.m >= 64 {
		m1 = 8
	}
	m2 := g.m / m1
	for g2 := range m2 {
		x := make([]reg.VecVirtual, m1)
		for g1 := range x {
			x[g1] = v.Vec()
			VMOVUPS(work.Offset((g2+m2*g1)*vb), x[g1])
		}
		for k1, r := range g.dft(x) {
			VMOVUPS(g.rotate(r, g2*k1, g.m), work.Offset((g2+m2*k1)*vb))
		}
	}
	for k1 := range m1 {
		src := make([]Mem, m2)
		dst := make([]Mem, m2)
		for g2 := range src {
			src[g2] = work.Offset((m2*k1 + g2) * vb)
			dst[g2] = Mem{Base: out, Disp: (k1 + m1*g2) * vb}
		}
		g.frameDFT(src, dst)
	}
	VZEROUPPER()
	RET()
}

// frameDFT writes the DFT of the vectors at src (in the frame) to dst, in
// registers when its length fits them (v.Lanes vectors, as step 2's
// whole-register case), else as L = 8·L2 in the frame as step 2 does:
// YMM n = 256 of complex128 has m = 128, whose second factor 16 would not.
func (g *smallGen) frameDFT(src, dst []Mem) {
	L := len(src)
	if L <= g.v.Lanes {
		x := make([]reg.VecVirtual, L)
		for i := range x {
			x[i] = g.v.Vec()
			VMOVUPS(src[i], x[i])
		}
		for k, r := range g.dft(x) {
			VMOVUPS(r, dst[k])
		}
		return
	}
	const l1 = 8
	l2 := L / l1
	for g2 := range l2 {
		x := make([]reg.VecVirtual, l1)
		for g1 := range x {
			x[g1] = g.v.Vec()
			VMOVUPS(src[g2+l2*g1], x[g1])
		}
		for k1, r := range g.dft(x) {
			VMOVUPS(g.rotate(r, g2*k1, L), src[g2+l2*k1])
		}
	}
	for k1 := range l1 {
		sub, subDst := src[l2*k1:l2*k1+l2], make([]Mem, l2)
		for k2 := range subDst {
			subDst[k2] = dst[k1+l1*k2]
		}
		g.frameDFT(sub, subDst)
	}
}

// op emits the float32 or float64 form of a three-operand instruction.
func (g *smallGen) op(ps, pd func(ops ...Op), a, b, c Op) {
	if g.f64 {
		pd(a, b, c)
	} else {
		ps(a, b, c)
	}
}

// constant returns a vector table of x in the kernel's precision.
func (g *smallGen) constant(x float64) Mem {
	if g.f64 {
		return fftConst64(x)
	}
	return vmath.ConstBits(math.Float32bits(float32(x)))
}

// cmul returns x·w (inverse: x·conj w), wr and wi holding Re w and Im w
// over both lanes of each value.
func (g *smallGen) cmul(x reg.VecVirtual, wr, wi Op) reg.VecVirtual {
	if g.f64 {
		return cmul64(g.v, x, wr, wi, g.inverse)
	}
	return cmulBy(g.v, x, wr, wi, g.inverse)
}

// transpose returns the columns of the V×V tile of values whose rows are r.
func (g *smallGen) transpose(r []reg.VecVirtual) []reg.VecVirtual {
	if !g.f64 {
		return transposeTile(g.v, r)
	}
	// 128-bit values: VPERM2F128 for a 2×2 tile, two rounds of
	// VSHUFF64X2 for a 4×4 one.
	c := make([]reg.VecVirtual, len(r))
	for i := range c {
		c[i] = g.v.Vec()
	}
	if len(r) == 2 {
		VPERM2F128(U8(0x20), r[1], r[0], c[0])
		VPERM2F128(U8(0x31), r[1], r[0], c[1])
		return c
	}
	t := []reg.VecVirtual{g.v.Vec(), g.v.Vec(), g.v.Vec(), g.v.Vec()}
	VSHUFF64X2(U8(0x44), r[1], r[0], t[0]) // R0 e0 e1, R1 e0 e1
	VSHUFF64X2(U8(0xee), r[1], r[0], t[1]) // R0 e2 e3, R1 e2 e3
	VSHUFF64X2(U8(0x44), r[3], r[2], t[2])
	VSHUFF64X2(U8(0xee), r[3], r[2], t[3])
	VSHUFF64X2(U8(0x88), t[2], t[0], c[0]) // e0 of R0…R3
	VSHUFF64X2(U8(0xdd), t[2], t[0], c[1])
	VSHUFF64X2(U8(0x88), t[3], t[1], c[2])
	VSHUFF64X2(U8(0xdd), t[3], t[1], c[3])
	return c
}

// signs returns a table whose even and odd lanes (per float of the
// kernel's precision) hold the sign bit or zero as asked.
func (g *smallGen) signs(even, odd bool) Mem {
	name := fmt.Sprintf("fftsmall_sign%v_%v_%v", g.f64, even, odd)
	if m, ok := fftTables[name]; ok {
		return m
	}
	m := GLOBL(name, 0x8|0x10) // RODATA|NOPTR
	fftTables[name] = m
	for i := range 16 {
		neg := even
		if i%2 == 1 {
			neg = odd
		}
		if g.f64 {
			if i < 8 {
				DATA(8*i, U64(map[bool]uint64{true: 1 << 63}[neg]))
			}
		} else {
			DATA(4*i, U32(map[bool]uint32{true: 1 << 31}[neg]))
		}
	}
	return m
}

// laneTwiddles returns the table of step 1 whose DFTs across vectors
// have length R (V, or 8 in twoPasses8), with j = g + (n/R)·i: per block
// b of V consecutive g and i' = 1 … R−1, two vectors holding Re and Im of
// ω_n^{g·i'} for the block's g, each duplicated over a value's two lanes.
// Shared by both directions.
func (g *smallGen) laneTwiddles(R int) Mem {
	name := fmt.Sprintf("fftsmall_tw%d_%s_%v", g.n, g.v.Name, g.f64)
	if R != g.V {
		name = fmt.Sprintf("fftsmall_tw%dr%d_%s_%v", g.n, R, g.v.Name, g.f64)
	}
	if m, ok := fftTables[name]; ok {
		return m
	}
	m := GLOBL(name, 0x8|0x10) // RODATA|NOPTR
	fftTables[name] = m
	floats := 2 * g.V // per vector
	blocks := g.n / R / g.V
	table := make([]float64, blocks*(R-1)*2*floats)
	for b := range blocks {
		for k := 1; k < R; k++ {
			re := table[(b*(R-1)+k-1)*2*floats:]
			im := re[floats:]
			for t := range g.V {
				c, s := smallRoot(g.n, (g.V*b+t)*k)
				re[2*t], re[2*t+1] = c, c
				im[2*t], im[2*t+1] = s, s
			}
		}
	}
	// The assembler wants DATA in increasing offsets.
	for i, x := range table {
		if g.f64 {
			DATA(8*i, U64(math.Float64bits(x)))
		} else {
			DATA(4*i, U32(math.Float32bits(float32(x))))
		}
	}
	return m
}

// radix8Passes reports whether the kernel runs as twoPasses8: the YMM
// complex64 n = 64, whose m = 16 vectors do not fit the sixteen
// registers, so that step 2 would take two passes through the frame
// (three in all).
func (g *smallGen) radix8Passes() bool {
	return g.v.Name == "AVX2" && !g.f64 && g.n == 64
}

// twoPasses8 emits the transform as n = 8·8 with j = g + 8·i and
// k = i' + 8·g': pass 1, per block of V consecutive g, loads the eight
// vectors x[g + 8·i], takes their DFT across vectors (over i), multiplies
// lane-wise by ω_n^{g·i'} and stores the eight results to the frame;
// pass 2, per block of V consecutive i', transposes the two V×V tiles of
// each i' row in registers into eight vectors of one g each (lanes i'),
// whose DFT across vectors (over g) is X[i' + 8·g'] for the block's i',
// stored in natural order. One pass through the frame where step 2 of
// fftSmall takes two (of its 16 vectors, m1 = m2 = 4). Measured, AVX2,
// Plan32 n = 64, best of 300 batches (a throwaway harness, three
// interleaved rounds): forward 33.0–33.1 → 28.9–29.5 ns, inverse
// 35.4–35.5 → 30.3–30.7; against FFTW (FFTWInterleaved/c64/n=64$, three
// interleaved rounds) 1.09–1.17 → 1.27–1.31.
func (g *smallGen) twoPasses8(out, in reg.Register, scale reg.VecVirtual) {
	const R = 8
	v, vb := g.v, g.v.Bytes()
	m := g.n / R      // the g
	blocks := m / g.V // vectors of g
	tw := g.laneTwiddles(R)
	frame := AllocLocal(vb*R*blocks + vb)
	base := GP64()
	LEAQ(frame.Offset(vb-1), base)
	ANDQ(I32(-vb), base)
	work := Mem{Base: base}
	const valBytes = 8 // complex64
	for b := range blocks {
		x := make([]reg.VecVirtual, R)
		for i := range x {
			x[i] = v.Vec()
			VMOVUPS(Mem{Base: in, Disp: (b*g.V + m*i) * valBytes}, x[i])
			if g.inverse {
				VMULPS(scale, x[i], x[i])
			}
		}
		for k, y := range g.dft(x) {
			if k > 0 {
				off := ((b*(R-1) + k - 1) * 2) * vb
				y = g.cmul(y, tw.Offset(off), tw.Offset(off+vb))
			}
			VMOVUPS(y, work.Offset((k*blocks+b)*vb))
		}
	}
	for a := range R / g.V {
		var z []reg.VecVirtual // z[g]: lanes i' = a·V …
		for b := range blocks {
			rows := make([]reg.VecVirtual, g.V)
			for t := range rows {
				rows[t] = v.Vec()
				VMOVUPS(work.Offset(((a*g.V+t)*blocks+b)*vb), rows[t])
			}
			z = append(z, g.transpose(rows)...)
		}
		for k, r := range g.dft(z) {
			VMOVUPS(r, Mem{Base: out, Disp: (R*k + a*g.V) * valBytes})
		}
	}
}

// smallRoot returns ω_L^e = e^{−2πi·e/L} from the angle of e mod L
// reduced to the first octant, where float64 sine and cosine are within
// an ulp, so that symmetric roots are exactly symmetric.
func smallRoot(L, e int) (re, im float64) {
	e = ((e % L) + L) % L
	// e/L = q/4 + r/L with |r| ≤ L/8: quarter turns are exact.
	q := (4*e + L/2) / L
	r := e - q*L/4
	phi := 2 * math.Pi * float64(r) / float64(L)
	c, s := math.Cos(phi), math.Sin(phi)
	if 8*r == L || 8*r == -L {
		c, s = math.Sqrt2/2, math.Copysign(math.Sqrt2/2, float64(r))
	}
	for range q & 3 { // e^{iπ/2}·(c + is) = −s + ic
		c, s = -s, c
	}
	return c, -s
}

// rotate returns x·ω_L^e (inverse: x·conj ω_L^e): nothing for e = 0, a
// sign flip for a half turn, a swap and sign flip for a quarter turn.
func (g *smallGen) rotate(x reg.VecVirtual, e, L int) reg.VecVirtual {
	e = ((e % L) + L) % L
	v := g.v
	switch {
	case e == 0:
		return x
	case 2*e == L:
		y := v.Vec()
		g.op(VXORPS, VXORPD, g.signs(true, true), x, y)
		return y
	case 4*e == L || 4*e == 3*L:
		t, y := v.Vec(), v.Vec()
		g.swap(x, t)                 // (im, re)
		if (4*e == L) != g.inverse { // −i·(a + bi) = (b, −a)
			g.op(VXORPS, VXORPD, g.signs(false, true), t, y)
		} else { // i·(a + bi) = (−b, a)
			g.op(VXORPS, VXORPD, g.signs(true, false), t, y)
		}
		return y
	}
	c, s := smallRoot(L, e)
	return g.cmul(x, g.constant(c), g.constant(s))
}

// swap writes x with the real and imaginary part of each value exchanged
// to y.
func (g *smallGen) swap(x, y reg.VecVirtual) {
	if g.f64 {
		VPERMILPD(U8(0x55), x, y)
	} else {
		VPERMILPS(U8(0xb1), x, y)
	}
}

// dft returns the DFT across the vectors x (len(x) a power of two), in
// natural order: decimation in frequency, radix 4 while the length allows
// and radix 2 last. It consumes x's registers.
func (g *smallGen) dft(x []reg.VecVirtual) []reg.VecVirtual {
	L := len(x)
	switch L {
	case 1:
		return x
	case 2:
		a, b := g.v.Vec(), g.v.Vec()
		g.op(VADDPS, VADDPD, x[1], x[0], a)
		g.op(VSUBPS, VSUBPD, x[1], x[0], b)
		return []reg.VecVirtual{a, b}
	}
	q := L / 4
	var sub [4][]reg.VecVirtual
	for j := range q {
		a := []reg.VecVirtual{x[j], x[j+q], x[j+2*q], x[j+3*q]}
		if g.f64 {
			butterfly64(g.v, a, g.ones, g.inverse)
		} else {
			butterfly4(g.v, a, g.ones, g.inverse)
		}
		for s := range 4 {
			sub[s] = append(sub[s], g.rotate(a[s], j*s, L))
		}
	}
	out := make([]reg.VecVirtual, L)
	for s := range 4 {
		for k, r := range g.dft(sub[s]) {
			out[4*k+s] = r
		}
	}
	return out
}

// paramAddr returns the stack address of a scalar parameter.
func paramAddr(c gotypes.Component) Mem {
	b, err := c.Resolve()
	if err != nil {
		panic(err)
	}
	return b.Addr
}

// alignBody starts the kernel's code 64 bytes past a 256-byte boundary:
// PCALIGN $256 (which aligns the function too) and 64 bytes of NOPs. The
// AVX2 complex64 n = 512 kernel is 23.5 KB of straight-line code, decoded
// afresh every call, and its speed follows where the linker puts it
// relative to the code around it, by rules we have not found: 279–292 ns
// at 32 mod 64, 345–369 ns at 0 mod 64 (Plan32, FFTWInterleaved, three
// interleaved rounds each); after 384 bytes more Go code in package asm
// the body at 160 mod 256 ran 332–335 and at 32 mod 256 again 281. Once
// the mixed-radix stages were merged (more Go code in asm and fft, two
// more assembly files), 32 mod 256 ran 360 ns in every run, 0 mod 256
// 362, 128 308, and 64 and 192 mod 256 280–286 (six runs each, two
// processes of three interleaved rounds): hence 64. Remeasure it after
// changes to package asm or fft (the FFTW table's c64 n = 512 at AVX2).
func alignBody() {
	Instruction(&ir.Instruction{Opcode: "PCALIGN", Operands: []Op{Imm(256)}})
	for range 8 { // NOPL 0(AX)(AX*1), the 8-byte NOP
		for _, b := range []uint8{0x0f, 0x1f, 0x84, 0, 0, 0, 0, 0} {
			Instruction(&ir.Instruction{Opcode: "BYTE", Operands: []Op{U8(b)}})
		}
	}
}
