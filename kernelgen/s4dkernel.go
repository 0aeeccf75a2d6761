package kernelgen

import (
	"fmt"
	"math/cmplx"

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
// (bilinear), exactly the golden s4d_kernel formulas. The powers are not a
// chain of multiplications: every VandermondeBlock (64) steps an anchor
// exp(b·64·w) is evaluated directly and combined with a table of
// exp(j·w), j < 64 (see generic.VandermondeKernel), so the error of K[l]
// does not grow with l. Measured up to L = 65536 with phases l·Im w up to
// 10⁶ rad, relative to 2Σ|c|·|exp(l·w)|, against a per-element
// evaluation whose argument l·w is carried exactly: ≤ 3.1e−16 at every l;
// the direct float64 exp(l·w) (torch's) drifts to 2.4e−11 there, from the
// rounding of its argument, and a multiplication chain to 3.9e−12
// (TestVandermondeErrorDoesNotGrow). K feeds fft.NewConv32 as it is.
//
// The float32 path builds its tables in float64 and rounds them to float32
// for the hot loop (generic.VandermondeKernel32, which an assembly kernel
// replaces), accumulating in float64: normwise error ≤ 1e−6 against
// S4DKernel64. Decay factors below 2⁻⁴⁰ are flushed to 0 in the float32
// tables so that no product is subnormal.
//
// Work: 4·Channels·H·Nh·L flops in the hot loop, plus H·Nh·(64 + L/64)
// complex exponentials; scratch of O(Nh·(64 + L/64)) is allocated per call.
//
// Errors: a nil p; Channels, H, Nh or L < 1; a tensor size overflowing; a
// slice length that is not the one above; Dt[h] not finite and > 0; NaN or
// Inf in A, B, C; an unknown Disc; a bilinear pole (Dt·A = 2).
func S4DKernel(k []float32, p *S4DParams) error {
	g, err := newS4DGen(len(k), p)
	if err != nil {
		return err
	}
	return g.run(p, func(c, h int) {
		g.table32()
		out := k[(c*p.H+h)*p.L : (c*p.H+h+1)*p.L]
		vandermonde32(asm.Current(), out, g.z32Re, g.z32Im, g.p32Re, g.p32Im, p.Nh)
	})
}

// S4DKernel64 is S4DKernel with a float64 kernel, the oracle of the
// float32 path and of the golden tests (≤ 1e−13 normwise there).
func S4DKernel64(k []float64, p *S4DParams) error {
	g, err := newS4DGen(len(k), p)
	if err != nil {
		return err
	}
	return g.run(p, func(c, h int) {
		out := k[(c*p.H+h)*p.L : (c*p.H+h+1)*p.L]
		generic.VandermondeKernel(out, g.zRe, g.zIm, g.pRe, g.pIm, p.Nh)
	})
}

// flush32 is the decay factor below which the float32 tables hold 0: a
// term 2⁻⁴⁰ ≈ 1e−12 of its weight is far below float32 resolution, and the
// product of two such factors (2⁻⁸⁰) times any weight above 2⁻⁴⁶ stays a
// normal float32.
const flush32 = 0x1p-40

// s4dGen holds the per-call scratch of S4DKernel.
type s4dGen struct {
	nb                 int          // anchors per state
	w, bbar, dA, cb, e []complex128 // per state; e is [nb][Nh]
	pRe, pIm           []float64    // [Nh][VandermondeBlock]
	zRe, zIm           []float64    // [nb][Nh]
	p32Re, p32Im       []float32
	z32Re, z32Im       []float32
	f32                bool
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
	nh, pb := p.Nh, p.Nh*generic.VandermondeBlock
	return &s4dGen{
		nb: nb,
		w:  make([]complex128, nh), bbar: make([]complex128, nh), dA: make([]complex128, nh),
		cb: make([]complex128, nh), e: make([]complex128, nb*nh),
		pRe: make([]float64, pb), pIm: make([]float64, pb),
		zRe: make([]float64, nb*nh), zIm: make([]float64, nb*nh),
	}, nil
}

// run discretises each H, builds its tables, and calls kernel for every
// channel after the anchors of (c, h) are in zRe, zIm.
func (g *s4dGen) run(p *S4DParams, kernel func(c, h int)) error {
	nh := p.Nh
	for h := 0; h < p.H; h++ {
		a, b := p.A[h*nh:(h+1)*nh], p.B[h*nh:(h+1)*nh]
		dt := p.Dt[h]
		if p.Disc == ZOH {
			if err := DiscretizeZOH(g.dA, g.bbar, a, b, dt); err != nil {
				return fmt.Errorf("H %d: %w", h, err)
			}
			for n := range a {
				g.w[n] = complex(dt, 0) * a[n]
			}
		} else {
			if err := DiscretizeBilinear(g.dA, g.bbar, a, b, dt); err != nil {
				return fmt.Errorf("H %d: %w", h, err)
			}
			for n := range a {
				g.w[n] = cmplx.Log(g.dA[n])
			}
		}
		generic.VandermondePowers(g.pRe, g.pIm, g.w)
		generic.VandermondeAnchors(g.e, g.w, g.nb)
		g.f32 = false
		for c := 0; c < p.Channels; c++ {
			cc := p.C[(c*p.H+h)*nh : (c*p.H+h+1)*nh]
			for n := range cc {
				g.cb[n] = cc[n] * g.bbar[n]
			}
			generic.VandermondeScaleAnchors(g.zRe, g.zIm, g.cb, g.e)
			kernel(c, h)
		}
	}
	return nil
}

// table32 rounds the tables of the current (c, h) to float32, flushing
// decay factors below flush32. The powers depend on h only and are
// rounded once per h.
func (g *s4dGen) table32() {
	if g.z32Re == nil {
		g.p32Re, g.p32Im = make([]float32, len(g.pRe)), make([]float32, len(g.pIm))
		g.z32Re, g.z32Im = make([]float32, len(g.zRe)), make([]float32, len(g.zIm))
	}
	if !g.f32 {
		for i := range g.pRe {
			if cmplx.Abs(complex(g.pRe[i], g.pIm[i])) < flush32 {
				g.p32Re[i], g.p32Im[i] = 0, 0
				continue
			}
			g.p32Re[i], g.p32Im[i] = float32(g.pRe[i]), float32(g.pIm[i])
		}
		g.f32 = true
	}
	for i, e := range g.e {
		if cmplx.Abs(e) < flush32 {
			g.z32Re[i], g.z32Im[i] = 0, 0
			continue
		}
		g.z32Re[i], g.z32Im[i] = float32(g.zRe[i]), float32(g.zIm[i])
	}
}
