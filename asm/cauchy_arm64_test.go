//go:build gc && !purego

package asm_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
	"github.com/ssmkern/ssmkern/generic"
)

// cauchyConj4AsWritten is generic.CauchyConj4 with every product rounded
// on its own (explicit float64 conversions), as its source reads and as
// the amd64 compiler runs it. On arm64 the Go compiler fuses a product
// into the sum that follows (d1r+d2r, d1r−d2r, … become FMADDD/FMSUBD,
// which the spec allows), so generic.CauchyConj4 compiled for arm64 is
// not bit-identical to the amd64 build: the NEON kernel computes the
// operations as written and is checked bit for bit against this copy,
// and against the arm64 generic within cauchyFusedTol.
func cauchyConj4AsWritten(rRe, rIm []float64, v, w []complex128, aRe, aIm, bRe, bIm []float64, rowStride int) {
	nh := len(w)
	for k := range aRe {
		ar, ai, br, bi := aRe[k], aIm[k], bRe[k], bIm[k]
		var accRe, accIm [4]float64
		for n, wn := range w {
			wr, wi := real(wn), imag(wn)
			m, m2 := float64(bi*wi), float64(bi*wr)
			bwr, bwcr := math.FMA(br, wr, -m), math.FMA(br, wr, m)
			bwi, bwci := math.FMA(br, wi, m2), math.FMA(-br, wi, m2)
			z1r, z1i, z2r, z2i := ar-bwr, ai-bwi, ar-bwcr, ai-bwci
			q1, q2 := math.FMA(z1i, z1i, float64(z1r*z1r)), math.FMA(z2i, z2i, float64(z2r*z2r))
			t := 1 / float64(q1*q2)
			s1, s2 := float64(t*q2), float64(t*q1)
			d1r, nd1i := float64(z1r*s1), float64(z1i*s1)
			d2r, nd2i := float64(z2r*s2), float64(z2i*s2)
			sr, dr := d1r+d2r, d1r-d2r
			ns, di := nd1i+nd2i, nd1i-nd2i
			for j := range 4 {
				x := v[j*nh+n]
				xr, xi := real(x), imag(x)
				accRe[j] = math.FMA(xi, di, math.FMA(xr, sr, accRe[j]))
				accIm[j] = math.FMA(xi, dr, math.FMA(-xr, ns, accIm[j]))
			}
		}
		for j := range 4 {
			rRe[j*rowStride+k], rIm[j*rowStride+k] = accRe[j], accIm[j]
		}
	}
}

// cauchyFusedTol bounds the arm64 build of generic.CauchyConj4 (products
// fused into sums, see cauchyConj4AsWritten) against the kernel, relative
// to Σ_n |v|·(|d1| + |d2|): a rounding or two less per term, a few ulp.
const cauchyFusedTol = 1e-14

// TestCauchyConj4MatchesGenericBitForBit runs the NEON kernel over point
// counts that leave both tails (the caller's odd point) and state counts
// from 0, inputs against guard pages, and requires the bits of the
// generic twin as written (cauchyConj4AsWritten), and the arm64 build of
// generic.CauchyConj4 within cauchyFusedTol.
func TestCauchyConj4MatchesGenericBitForBit(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if l == asm.Generic {
			t.Skip("no assembly at this level")
		}
		for _, nh := range []int{0, 1, 2, 5, 32} {
			for nk := 0; nk <= 11; nk++ {
				stride := nk + rng.IntN(3)
				w := make([]complex128, nh)
				for n := range w {
					w[n] = complex(-0.1-rng.Float64(), 10*rng.NormFloat64())
				}
				v := make([]complex128, 4*nh)
				for i := range v {
					v[i] = complex(rng.NormFloat64(), rng.NormFloat64())
				}
				aRe, aIm, bRe, bIm := make([]float64, nk), make([]float64, nk), make([]float64, nk), make([]float64, nk)
				for k := range nk {
					// Points near the imaginary axis and the projective
					// point at infinity (β = 0).
					aRe[k], aIm[k] = 0.01*rng.NormFloat64(), 5*rng.NormFloat64()
					bRe[k], bIm[k] = 1+rng.Float64(), rng.NormFloat64()
				}
				if nk > 0 {
					aRe[0], aIm[0], bRe[0], bIm[0] = 4, 0, 0, 0
				}
				wantRe, wantIm := make([]float64, 4*stride), make([]float64, 4*stride)
				cauchyConj4AsWritten(wantRe, wantIm, v, w, aRe, aIm, bRe, bIm, stride)
				genRe, genIm := make([]float64, 4*stride), make([]float64, 4*stride)
				generic.CauchyConj4(genRe, genIm, v, w, aRe, aIm, bRe, bIm, stride)
				gotRe := asmtest.GuardedFloat64(t, make([]float64, 4*stride))
				gotIm := asmtest.GuardedFloat64(t, make([]float64, 4*stride))
				done := asm.CauchyConj4(l, gotRe, gotIm, asmtest.GuardedComplex128(t, v), asmtest.GuardedComplex128(t, w),
					asmtest.GuardedFloat64(t, aRe), asmtest.GuardedFloat64(t, aIm),
					asmtest.GuardedFloat64(t, bRe), asmtest.GuardedFloat64(t, bIm), stride)
				if done != nk&^1 {
					t.Fatalf("nh %d nk %d: did %d points, want %d", nh, nk, done, nk&^1)
				}
				for j := range 4 {
					for k := range done {
						i := j*stride + k
						if math.Float64bits(gotRe[i]) != math.Float64bits(wantRe[i]) || math.Float64bits(gotIm[i]) != math.Float64bits(wantIm[i]) {
							t.Fatalf("nh %d nk %d: r[%d][%d] = %v%+vi, want %v%+vi", nh, nk, j, k, gotRe[i], gotIm[i], wantRe[i], wantIm[i])
						}
						var scale float64
						for n, wn := range w {
							x := v[j*nh+n]
							a, b := complex(aRe[k], aIm[k]), complex(bRe[k], bIm[k])
							scale += cabs(x) * (1/cabs(a-b*wn) + 1/cabs(a-b*complex(real(wn), -imag(wn))))
						}
						if math.Abs(gotRe[i]-genRe[i]) > cauchyFusedTol*scale || math.Abs(gotIm[i]-genIm[i]) > cauchyFusedTol*scale {
							t.Fatalf("nh %d nk %d: r[%d][%d] = %v%+vi, arm64 generic %v%+vi", nh, nk, j, k, gotRe[i], gotIm[i], genRe[i], genIm[i])
						}
					}
				}
			}
		}
	})
}

func cabs(z complex128) float64 { return math.Hypot(real(z), imag(z)) }
