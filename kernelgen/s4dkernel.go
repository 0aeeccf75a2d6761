package kernelgen

import (
	"fmt"
	"math"
	"math/cmplx"
	"sync"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/generic"
)

// S4DParams describes the convolution kernels of an S4D layer: H
// independent diagonal SSMs of nh complex states each (conjugate-pair
// convention: 2·nh real states), read out by Channels output matrices.
// This is SSMKernelDiag of the S4 repository.
type S4DParams struct {
	Channels, H, Nh, L int
	A                  []complex128 // [H][Nh] diagonal state matrix (Re < 0 for a stable kernel)
	B                  []complex128 // [H][Nh]
	C                  []complex128 // [Channels][H][Nh]
	Dt                 []float64    // [H] step sizes Δ > 0 (S4 stores log Δ: pass exp(log_dt))
	Disc               Discretization
}

// S4DKernel writes the S4D convolution kernels into k, [Channels][H][L]:
//
//	K[c,h,l] = 2·Re Σ_n C[c,h,n]·B̄[h,n]·Ā[h,n]^l,   l = 0 … L−1
//
// with (Ā, B̄) from DiscretizeZOH or DiscretizeBilinear of (A[h], B[h],
// Dt[h]) and Ā^l = exp(l·w), w = Dt·A (ZOH) or the principal log Ā
// (bilinear), exactly the golden s4d_kernel formulas. In S4DKernel64 the
// powers are not a chain of multiplications: every VandermondeBlock (64)
// steps an anchor exp(b·64·w) is evaluated directly and combined with a
// table of exp(j·w), j < 64 (see generic.VandermondeKernel), so the error
// of K[l] does not grow with l. Measured up to L = 65536 with phases
// l·Im w up to 10⁶ rad, relative to 2Σ|c|·|exp(l·w)|, against a per-element
// evaluation whose argument l·w is carried exactly: ≤ 3.1e−16 at every l;
// the direct float64 exp(l·w) (torch's) drifts to 2.4e−11 there, from the
// rounding of its argument, and a multiplication chain to 3.9e−12
// (TestVandermondeErrorDoesNotGrow). K feeds fft.NewConv32 as it is.
//
// The float32 path needs tables only to float32 precision, and builds
// them the cheap way: products carried in float64 along chains of at most
// 64 links, each run restarted from a direct exponential (anchorChain:
// within 1e−12 of exact at any L), rounded to float32 and 0 from the step
// where the decay factor reaches 2⁻⁴⁰ (flush32), so that no product is
// subnormal. At every vector level the chains (asm.VandermondeChain) and
// the hot loop (asm.VandermondeBlocks, float32 sums over the states) are
// assembly; on amd64 also the transposition of the power tables
// (asm.Transpose) and the exponentials and sincos of the zero-order hold
// (asm.ExpSincos). Normwise error against S4DKernel64: ≤ 3e−7 per
// 4096-step block up to L = 65536 (TestS4DKernelLongL).
//
// Work: 4·Channels·H·Nh·L flops in the hot loop; per H and state one
// discretisation and 64 complex products, per (channel, H, state) at most
// 64 complex products and one complex exponential per 4096 steps beyond
// the first (float32 path) — the float64 path evaluates H·Nh·(64 + L/64)
// exponentials instead. At H 256, Nh 32, L 4096 the float32 path takes
// about 1.65 ms on a Zen 4 core (AVX-512), 70% of its FMA peak, the hot
// loop alone 98% (BenchmarkS4DKernel). Scratch is pooled: no allocation
// per call in steady state.
//
// Errors: a nil p; Channels, H, Nh or L < 1; a tensor size overflowing; a
// slice length that is not the one above; Dt[h] not finite and > 0; NaN or
// Inf in A, B, C; an unknown Disc; a bilinear pole (Dt·A = 2).
func S4DKernel(k []float32, p *S4DParams) error {
	g, err := newS4DGen(len(k), p)
	if err != nil {
		return err
	}
	defer s4dGens.Put(g)
	l := asm.Current()
	return g.run(l, p, false, func(c, h int) {
		out := k[(c*p.H+h)*p.L : (c*p.H+h+1)*p.L]
		vandermonde32(l, out, g.z32Re, g.z32Im, g.p32Re, g.p32Im, p.Nh)
	})
}

// S4DKernel64 is S4DKernel with a float64 kernel, the oracle of the
// float32 path and of the golden tests (≤ 1e−13 normwise there).
func S4DKernel64(k []float64, p *S4DParams) error {
	g, err := newS4DGen(len(k), p)
	if err != nil {
		return err
	}
	defer s4dGens.Put(g)
	return g.run(asm.Generic, p, true, func(c, h int) {
		out := k[(c*p.H+h)*p.L : (c*p.H+h+1)*p.L]
		generic.VandermondeKernel(out, g.zRe, g.zIm, g.pRe, g.pIm, p.Nh)
	})
}

// flush32 is the decay factor at and below which the float32 tables hold
// 0: a term 2⁻⁴⁰ ≈ 1e−12 of its weight is far below float32 resolution,
// and the product of two such factors (2⁻⁸⁰) times any weight above 2⁻⁴⁶
// stays a normal float32. The step l where a state's decay exp(l·Re w)
// reaches it is known from Re w (flushReach), so the chains compare a
// step count instead of the modulus of every entry.
const flush32 = 0x1p-40

// flushReach returns the steps l < reach at which exp(l·Re w) > flush32
// (+Inf for a state that does not decay): −40·ln 2 / Re w.
func flushReach(w complex128) float64 {
	if r := real(w); r < 0 {
		return -40 * math.Ln2 / r
	}
	return math.Inf(1)
}

// anchorChain is the longest run of anchors of the float32 tables carried
// by multiplication (z ← z·exp(64·w)) before one is evaluated directly
// again. The chains run in float64, and their factors are themselves
// products: exp(w) is the discretised Ā, exp(64w) the end of the powers'
// chain of 64 links of it. A factor off by δ relative puts m·δ on the
// m-th link, so the worst table entry — the last anchor of a run, 63
// links of an exp(64w) about 64·2⁻⁵³ off — is within 1e−12 of exact at
// any L: 10⁵ times below the float32 rounding it is stored with
// (TestS4DKernelLongL checks L = 65536 against S4DKernel64).
const anchorChain = 64

// s4dGen holds the scratch of one S4DKernel call, pooled between calls.
type s4dGen struct {
	nb      int          // anchors per state
	w, bbar []complex128 // per state, of the current H
	dA, cb  []complex128 // per state
	// discretizeZOH32's per-state scratch: Δ·Re λ, Δ·Im λ/2, and their
	// exp, expm1, sin, cos
	zx, zy, ze, zm, zs, zc []float64
	e                      []complex128 // [nb][Nh] exact anchors exp(b·64·w) (float64 path)
	pRe, pIm               []float64    // [Nh][VandermondeBlock] (float64 path)
	zRe, zIm               []float64    // [nb][Nh] (float64 path)

	// float32 path: the tables, and the chains that build them
	// (generic.VandermondeChain), 8 lanes per state for the powers and
	// one lane per state, padded to a group of 8, for the anchors.
	p32Re, p32Im []float32 // [Nh][VandermondeBlock]
	pT32Re       []float32 // [VandermondeBlock][Nh rounded up to 8]: the powers as the chains build them
	pT32Im       []float32
	z32Re, z32Im []float32 // [nb][Nh], plus a group of slack
	z32Rows      int       // the rows of z32 from which on all are 0
	xr, xi       []float64 // the running products
	er, ei       []float64 // their factors
	live         []float64 // the chain steps each lane is stored for
	e64          []complex128
	reach        []float64 // per state, flushReach
}

var s4dGens = sync.Pool{New: func() any { return new(s4dGen) }}

// grow returns s resliced to n, reallocated only when too short.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

func newS4DGen(lenK int, p *S4DParams) (*s4dGen, error) {
	if p == nil {
		return nil, errorf("S4DParams is nil")
	}
	for _, f := range []struct {
		name string
		v    int
	}{{"Channels", p.Channels}, {"H", p.H}, {"Nh", p.Nh}, {"L", p.L}} {
		if err := checkPositive(f.name, f.v); err != nil {
			return nil, err
		}
	}
	nK, err := mulSizes("Channels·H·L", p.Channels, p.H, p.L)
	if err != nil {
		return nil, err
	}
	nC, err := mulSizes("Channels·H·Nh", p.Channels, p.H, p.Nh)
	if err != nil {
		return nil, err
	}
	nA, _ := mulSizes("H·Nh", p.H, p.Nh)
	nb := generic.VandermondeBlocks(p.L)
	if _, err := mulSizes("Nh·(L/64 + 64)", p.Nh, nb+generic.VandermondeBlock); err != nil {
		return nil, err
	}
	if err := firstError(
		checkLenN("k", lenK, nK),
		checkLen("A", p.A, nA),
		checkLen("B", p.B, nA),
		checkLen("C", p.C, nC),
		checkLen("Dt", p.Dt, p.H),
	); err != nil {
		return nil, err
	}
	if p.Disc != ZOH && p.Disc != Bilinear {
		return nil, errorf("Disc = %d, want ZOH or Bilinear", int(p.Disc))
	}
	if err := firstError(
		checkSteps("Dt", p.Dt),
		checkFiniteComplex("A", p.A),
		checkFiniteComplex("B", p.B),
		checkFiniteComplex("C", p.C),
	); err != nil {
		return nil, err
	}
	nh := p.Nh
	g := s4dGens.Get().(*s4dGen)
	g.nb = nb
	g.w, g.bbar = grow(g.w, nh), grow(g.bbar, nh)
	g.dA, g.cb = grow(g.dA, nh), grow(g.cb, nh)
	for _, z := range []*[]float64{&g.zx, &g.zy, &g.ze, &g.zm, &g.zs, &g.zc} {
		*z = grow(*z, nh)
	}
	return g, nil
}

// tables64 sizes the exact float64 tables; tables32 the float32 ones.
func (g *s4dGen) tables64(nh int) {
	pb, pz := nh*generic.VandermondeBlock, g.nb*nh
	g.e = grow(g.e, pz)
	g.pRe, g.pIm = grow(g.pRe, pb), grow(g.pIm, pb)
	g.zRe, g.zIm = grow(g.zRe, pz), grow(g.zIm, pz)
}

func (g *s4dGen) tables32(nh int) {
	g.z32Rows = g.nb // unknown contents: a pooled buffer, maybe of another shape
	const grp = generic.VandermondeChainGroup
	pb, pz := nh*generic.VandermondeBlock, g.nb*nh+grp
	g.p32Re, g.p32Im = grow(g.p32Re, pb), grow(g.p32Im, pb)
	pt := generic.VandermondeBlock * (nh + grp - 1) / grp * grp
	g.pT32Re, g.pT32Im = grow(g.pT32Re, pt), grow(g.pT32Im, pt)
	g.z32Re, g.z32Im = grow(g.z32Re, pz), grow(g.z32Im, pz)
	lanes := grp * nh
	g.xr, g.xi = grow(g.xr, lanes), grow(g.xi, lanes)
	g.er, g.ei = grow(g.er, lanes), grow(g.ei, lanes)
	g.live = grow(g.live, lanes)
	g.e64 = grow(g.e64, nh)
	g.reach = grow(g.reach, nh)
}

// run discretises each H, builds its tables — exact ones (every entry one
// exponential, generic.VandermondePowers/Anchors) when exact is set, the
// float32 ones by short multiplication chains otherwise — and calls kernel
// for every channel once the anchors of (c, h) are built.
func (g *s4dGen) run(l asm.Level, p *S4DParams, exact bool, kernel func(c, h int)) error {
	nh := p.Nh
	if exact {
		g.tables64(nh)
	} else {
		g.tables32(nh)
	}
	for h := 0; h < p.H; h++ {
		a, b := p.A[h*nh:(h+1)*nh], p.B[h*nh:(h+1)*nh]
		dt := p.Dt[h]
		if p.Disc == ZOH && !exact {
			g.discretizeZOH32(l, a, b, dt)
		} else if p.Disc == ZOH {
			discretizeZOH(g.dA, g.bbar, a, b, dt) // validated by newS4DGen
			for n := range a {
				g.w[n] = complex(dt, 0) * a[n]
			}
		} else {
			if err := discretizeBilinear(g.dA, g.bbar, a, b, dt); err != nil {
				return fmt.Errorf("H %d: %w", h, err)
			}
			for n := range a {
				g.w[n] = cmplx.Log(g.dA[n])
			}
		}
		if exact {
			generic.VandermondePowers(g.pRe, g.pIm, g.w)
			generic.VandermondeAnchors(g.e, g.w, g.nb)
		} else {
			g.powers32(l)
		}
		for c := 0; c < p.Channels; c++ {
			cc := p.C[(c*p.H+h)*nh : (c*p.H+h+1)*nh]
			for n := range cc {
				g.cb[n] = cc[n] * g.bbar[n]
			}
			if exact {
				generic.VandermondeScaleAnchors(g.zRe, g.zIm, g.cb, g.e)
			} else {
				g.anchors32(l)
			}
			kernel(c, h)
		}
	}
	return nil
}

// discretizeZOH32 is discretizeZOH for the float32 path, and sets g.w:
// exp, expm1 and the sincos of half the phase of every state at once
// (asm.ExpSincos, within about 1 ulp of the math package's, where the
// level has it and every |Im w|/2 is in its range), then
// expAndExpm1's combination of them.
func (g *s4dGen) discretizeZOH32(l asm.Level, a, b []complex128, dt float64) {
	nh := len(a)
	x, y := g.zx[:nh], g.zy[:nh]
	e, m, sh, ch := g.ze[:nh], g.zm[:nh], g.zs[:nh], g.zc[:nh]
	var ymax float64
	for n, an := range a {
		w := complex(dt, 0) * an
		g.w[n] = w
		x[n], y[n] = real(w), imag(w)/2
		ymax = max(ymax, math.Abs(y[n]))
	}
	done := expSincos(l, e, m, sh, ch, x, y, ymax)
	for n := done; n < nh; n++ {
		e[n], m[n] = math.Exp(x[n]), math.Expm1(x[n])
		sh[n], ch[n] = math.Sincos(y[n])
	}
	for n, an := range a {
		dA, em1 := expParts(e[n], m[n], sh[n], ch[n])
		// zohB's division written out for the usual |a|² (divide's fast
		// path): the call and its complex temporaries cost as much as
		// the arithmetic here.
		ar, ai := real(an), imag(an)
		if q := ar*ar + ai*ai; q > 0x1p-1000 && q < 0x1p1000 {
			inv := 1 / q
			dr, di := (real(em1)*ar+imag(em1)*ai)*inv, (imag(em1)*ar-real(em1)*ai)*inv
			br, bi := real(b[n]), imag(b[n])
			g.dA[n], g.bbar[n] = dA, complex(dr*br-di*bi, dr*bi+di*br)
			continue
		}
		g.dA[n], g.bbar[n] = dA, zohB(em1, an, b[n], dt)
	}
}

// powers32 fills the float32 power tables p[n][j] = exp(j·w[n]), j < 64,
// of the current H, and g.e64 = exp(64·w): one chain lane per state, from
// 1 by 64 products by Ā (see anchorChain), the states side by side as the
// anchors are, so that the only per-state setup is the chain's start;
// then the [j][n] table is transposed to the [n][j] one the hot loop
// reads. An entry whose decay factor is at most flush32 is 0, and so is
// exp(64·w) when exp(63·w) is: its anchors are then all flushed but the
// first.
func (g *s4dGen) powers32(l asm.Level) {
	const grp = generic.VandermondeChainGroup
	nh := len(g.w)
	lanes := (nh + grp - 1) / grp * grp
	xr, xi, er, ei, live := g.xr[:lanes], g.xi[:lanes], g.er[:lanes], g.ei[:lanes], g.live[:lanes]
	for n := nh; n < lanes; n++ {
		xr[n], xi[n], er[n], ei[n], live[n] = 0, 0, 0, 0, 0
	}
	for n, a := range g.dA[:nh] {
		xr[n], xi[n] = 1, 0
		er[n], ei[n] = real(a), imag(a)
		g.reach[n] = flushReach(g.w[n])
		live[n] = g.reach[n]
	}
	const blk = generic.VandermondeBlock
	vandermondeChain(l, g.pT32Re, g.pT32Im, xr, xi, er, ei, live, lanes/grp, blk, grp, lanes)
	for n := range nh {
		g.e64[n] = complex(xr[n], xi[n])
	}
	transpose32(l, g.p32Re, g.pT32Re, blk, lanes, blk, nh)
	transpose32(l, g.p32Im, g.pT32Im, blk, lanes, blk, nh)
}

// transpose32 sets dst[c·dstStride + r] = src[r·srcStride + c] for r <
// rows, c < cols: the whole 8×8 blocks at level l (transposeBlocks), the
// edges here.
func transpose32(l asm.Level, dst, src []float32, dstStride, srcStride, rows, cols int) {
	dr, dc := transposeBlocks(l, dst, src, dstStride, srcStride, rows, cols)
	if dr == rows && dc == cols {
		return
	}
	for r := range rows {
		c0 := dc
		if r >= dr {
			c0 = 0
		}
		for c := c0; c < cols; c++ {
			dst[c*dstStride+r] = src[r*srcStride+c]
		}
	}
}

// anchors32 fills the float32 anchors z[b][n] = 2·cb[n]·exp(b·64·w[n]) of
// the current channel: a direct exponential every anchorChain blocks,
// products by exp(64·w[n]) in between. An anchor whose decay factor
// |exp(b·64·w)| is at most flush32 is 0. The chains are one lane per
// state, padded with dead lanes to whole groups of 8. A dead lane stores
// a 0 beyond its row, into the next one: the last, partial group runs
// first so that the whole groups' values overwrite those zeros, and the
// last row's spill lands in the slack at the end of z32.
func (g *s4dGen) anchors32(l asm.Level) {
	const grp = generic.VandermondeChainGroup
	nh := len(g.w)
	groups := (nh + grp - 1) / grp
	lanes := groups * grp
	xr, xi, er, ei, live := g.xr[:lanes], g.xi[:lanes], g.er[:lanes], g.ei[:lanes], g.live[:lanes]
	for n := nh; n < lanes; n++ {
		xr[n], xi[n], er[n], ei[n], live[n] = 0, 0, 0, 0, 0
	}
	for n := range nh {
		er[n], ei[n] = real(g.e64[n]), imag(g.e64[n])
	}
	full := nh / grp
	rows := g.nb // the rows this channel may leave nonzero
	for b := 0; b < g.nb; b += anchorChain {
		// Blocks from the last live one of any state on are all 0: the
		// chains stop there (they are not advanced past it, and x is not
		// used after a run) and the rows are cleared.
		var last float64
		for n := range nh {
			live[n] = g.reach[n]/generic.VandermondeBlock - float64(b)
			last = max(last, live[n])
			z := complex(0, 0)
			if live[n] > 0 {
				z = 2 * g.cb[n]
				if b > 0 {
					z *= generic.ExpIntTimes(b*generic.VandermondeBlock, g.w[n])
				}
			}
			xr[n], xi[n] = real(z), imag(z)
		}
		steps := min(anchorChain, g.nb-b)
		run := steps
		if last < float64(steps) {
			run = int(math.Ceil(last))
		}
		zr, zi := g.z32Re[b*nh:], g.z32Im[b*nh:]
		if full < groups {
			o := full * grp
			vandermondeChain(l, zr[o:], zi[o:], xr[o:], xi[o:], er[o:], ei[o:], live[o:], 1, run, grp, nh)
		}
		vandermondeChain(l, zr, zi, xr, xi, er, ei, live, full, run, grp, nh)
		// Rows [b+run, b+steps) must be 0; those from z32Rows on are.
		if hi := min(steps, g.z32Rows-b); run < hi {
			clear(zr[run*nh : hi*nh])
			clear(zi[run*nh : hi*nh])
		}
		if run < steps && rows == g.nb {
			// Later runs are dead too (live falls by 64 a run): the
			// nonzero rows are those before b + run.
			rows = b + run
		}
	}
	g.z32Rows = rows
}
