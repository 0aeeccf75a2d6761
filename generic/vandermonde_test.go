package generic

import (
	"fmt"
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"
)

// vandermondeTol bounds the blocked kernel against the compensated
// per-element evaluation, relative to the local magnitude 2Σ|c||exp(lw)|:
// one anchor, one table entry and their product, each within an ulp or
// two, summed over the states — whatever l is.
const vandermondeTol = 1e-14

// vandermonde32Tol bounds the float32 twin against the float64 kernel,
// normwise: float32 tables (2⁻²⁴ each) and one final rounding.
const vandermonde32Tol = 1e-6

// blocked runs the whole blocked pipeline: tables, anchors, hot loop.
func blocked(k []float64, c, w []complex128) {
	nh, nb := len(w), VandermondeBlocks(len(k))
	pRe, pIm := make([]float64, nh*VandermondeBlock), make([]float64, nh*VandermondeBlock)
	e := make([]complex128, nb*nh)
	zRe, zIm := make([]float64, nb*nh), make([]float64, nb*nh)
	VandermondePowers(pRe, pIm, w)
	VandermondeAnchors(e, w, nb)
	VandermondeScaleAnchors(zRe, zIm, c, e)
	VandermondeKernel(k, zRe, zIm, pRe, pIm, nh)
}

// slowStates are stress-test states: slow decay (so that nothing is
// negligible at l = 65536) and phases up to ~1 rad per step, so that
// l·Im w reaches 6·10⁴ rad.
func slowStates(rng *rand.Rand, nh int) (c, w []complex128) {
	c, w = make([]complex128, nh), make([]complex128, nh)
	for n := range nh {
		c[n] = complex(rng.NormFloat64(), rng.NormFloat64())
		w[n] = complex(-1e-5*(1+rng.Float64()), -math.Pi*0.3*(float64(n)+rng.Float64()))
	}
	return c, w
}

// growth returns the worst error of k against ref over [lo, hi), each
// relative to the local magnitude 2Σ|c_n|·|exp(l·w_n)|.
func growth(k, ref []float64, c, w []complex128, lo, hi int) float64 {
	var worst float64
	for l := lo; l < hi; l++ {
		var m float64
		for n := range w {
			m += 2 * cmplx.Abs(c[n]) * math.Exp(float64(l)*real(w[n]))
		}
		worst = math.Max(worst, math.Abs(k[l]-ref[l])/m)
	}
	return worst
}

// TestVandermondeErrorDoesNotGrow measures, for L up to 65536, the error of
// three evaluations of k[l] = 2·Re Σ c·exp(l·w) against the compensated
// per-element reference (ExpIntTimes for every (n, l)):
//   - the blocked kernel (anchors every 64 steps): must stay ≤ 1e−14 at
//     every l, the same at l ≈ 65536 as at l < 64;
//   - the direct float64 cmplx.Exp(l·w) (what torch and the golden do):
//     logged; its argument rounding costs ~|l·w|·2⁻⁵³;
//   - the chain z ← z·exp(w): logged; error grows linearly with l.
func TestVandermondeErrorDoesNotGrow(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	const nh = 16
	c, w := slowStates(rng, nh)
	const L = 65536
	ref := make([]float64, L)
	for l := range ref {
		var s complex128
		for n := range w {
			s += c[n] * ExpIntTimes(l, w[n])
		}
		ref[l] = 2 * real(s)
	}
	blk := make([]float64, L)
	blocked(blk, c, w)
	direct := make([]float64, L)
	VandermondeDirect(direct, c, w)
	chain := make([]float64, L)
	z := append([]complex128(nil), c...)
	for l := range chain {
		var s complex128
		for n := range z {
			s += z[n]
			z[n] *= cmplx.Exp(w[n])
		}
		chain[l] = 2 * real(s)
	}
	lo := 0
	for _, hi := range []int{64, 1024, 4096, 16384, 65536} {
		eb := growth(blk, ref, c, w, lo, hi)
		ed := growth(direct, ref, c, w, lo, hi)
		ec := growth(chain, ref, c, w, lo, hi)
		t.Logf("l in [%5d, %5d): blocked %.2g, direct float64 exp %.2g, multiplication chain %.2g (relative to 2Σ|c||exp(lw)|; blocked vs direct %.2g)",
			lo, hi, eb, ed, ec, growth(blk, direct, c, w, lo, hi))
		if !(eb <= vandermondeTol) {
			t.Errorf("l in [%d, %d): blocked error %.3g > %g", lo, hi, eb, vandermondeTol)
		}
		lo = hi
	}
}

func TestVandermondeKernel32MatchesFloat64(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for _, L := range []int{1, 63, 64, 65, 200, 1000} {
		for _, nh := range []int{1, 3, 32} {
			t.Run(fmt.Sprintf("L%d_nh%d", L, nh), func(t *testing.T) {
				c, w := slowStates(rng, nh)
				for n := range w {
					w[n] -= 0.01 // some decay
				}
				k64 := make([]float64, L)
				blocked(k64, c, w)
				ref := make([]float64, L)
				VandermondeDirect(ref, c, w)
				if e := normwise(k64, ref); !(e <= 1e-13) {
					t.Errorf("float64 blocked vs direct: %.3g", e)
				}
				nb := VandermondeBlocks(L)
				pRe, pIm := make([]float64, nh*VandermondeBlock), make([]float64, nh*VandermondeBlock)
				e := make([]complex128, nb*nh)
				zRe, zIm := make([]float64, nb*nh), make([]float64, nb*nh)
				VandermondePowers(pRe, pIm, w)
				VandermondeAnchors(e, w, nb)
				VandermondeScaleAnchors(zRe, zIm, c, e)
				k32 := make([]float32, L)
				VandermondeKernel32(k32, f32(zRe), f32(zIm), f32(pRe), f32(pIm), nh)
				got := make([]float64, L)
				for i, v := range k32 {
					got[i] = float64(v)
				}
				if e := normwise(got, k64); !(e <= vandermonde32Tol) {
					t.Errorf("float32 twin vs float64: normwise %.3g > %g", e, vandermonde32Tol)
				}
			})
		}
	}
}

func TestExpIntTimesFlushesToZero(t *testing.T) {
	if got := ExpIntTimes(1000, complex(-0.5, 3)); got != 0 {
		t.Errorf("ExpIntTimes(1000, −0.5+3i) = %v, want exactly 0 (exp(−500) is flushed)", got)
	}
	if got, want := ExpIntTimes(3, complex(-0.25, 0.5)), cmplx.Exp(complex(-0.75, 1.5)); cmplx.Abs(got-want) > 2e-16 {
		t.Errorf("ExpIntTimes(3, −0.25+0.5i) = %v, want %v", got, want)
	}
}

func TestCauchyConj4MatchesNaive(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	const nh, nk, stride = 7, 9, 11
	w := make([]complex128, nh)
	for n := range w {
		w[n] = complex(-0.5-rng.Float64(), rng.NormFloat64()*5)
	}
	v := make([]complex128, 4*nh)
	for i := range v {
		v[i] = complex(rng.NormFloat64(), rng.NormFloat64())
	}
	alpha, beta := make([]complex128, nk), make([]complex128, nk)
	aRe, aIm, bRe, bIm := make([]float64, nk), make([]float64, nk), make([]float64, nk), make([]float64, nk)
	for k := range alpha {
		alpha[k] = complex(0, rng.NormFloat64()*10)
		beta[k] = complex(1+rng.Float64(), rng.NormFloat64())
	}
	alpha[0], beta[0] = 4, 0 // the projective point at infinity
	for k := range alpha {
		aRe[k], aIm[k], bRe[k], bIm[k] = real(alpha[k]), imag(alpha[k]), real(beta[k]), imag(beta[k])
	}
	rRe, rIm := make([]float64, 4*stride), make([]float64, 4*stride)
	CauchyConj4(rRe, rIm, v, w, aRe, aIm, bRe, bIm, stride)
	for j := range 4 {
		for k := range nk {
			var want complex128
			for n := range nh {
				x := v[j*nh+n]
				want += x/(alpha[k]-beta[k]*w[n]) + cmplx.Conj(x)/(alpha[k]-beta[k]*cmplx.Conj(w[n]))
			}
			if got := complex(rRe[j*stride+k], rIm[j*stride+k]); cmplx.Abs(got-want) > 1e-14*cmplx.Abs(want)+1e-15 {
				t.Errorf("r[%d][%d] = %v, want %v", j, k, got, want)
			}
		}
	}
}

func normwise(got, want []float64) float64 {
	var d, m float64
	for i := range want {
		d = math.Max(d, math.Abs(got[i]-want[i]))
		m = math.Max(m, math.Abs(want[i]))
	}
	return d / m
}

func f32(x []float64) []float32 {
	out := make([]float32, len(x))
	for i, v := range x {
		out[i] = float32(v)
	}
	return out
}
