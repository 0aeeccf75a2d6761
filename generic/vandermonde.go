package generic

import (
	"math"
	"math/cmplx"
)

// The S4D kernel is a Vandermonde product: for one (channel, H) pair,
//
//	k[l] = 2·Re Σ_n c[n]·exp(l·w[n]),   l = 0 … L−1,
//
// with w[n] = Δ·λ[n] (ZOH) or log(Ā[n]) (bilinear) and c[n] = C[n]·B̄[n].
// Computing exp(l·w) by repeated multiplication (z ← z·exp(w)) is a chain
// of L roundings whose error grows with l; calling exp and sincos for
// every (n, l) is exact but slow. The blocked form here does neither: it
// splits l = b·VandermondeBlock + j and uses exp((b·B + j)·w) =
// exp(b·B·w)·exp(j·w), with both factors evaluated directly (tables),
// so that every k[l] carries the error of one complex product, whatever l:
//
//	z[b][n] = 2·c[n]·exp(b·B·w[n])        (anchors, one per block and state)
//	p[n][j] = exp(j·w[n]), j < B          (powers, one table per state)
//	k[b·B + j] = Σ_n Re(z[b][n]·p[n][j]) = Σ_n zRe·pRe − zIm·pIm
//
// VandermondeTables builds z and p; VandermondeKernel (and its float32
// twin VandermondeKernel32) is the hot loop: two fused multiply-adds per
// (state, step), contiguous in j, with no transcendental function — the
// loop that the assembly kernels replace, with the same signature.

// VandermondeBlock is the number of steps between two anchors, the length
// of a power table and of one output block. 64 steps are 4 AVX-512 or 8
// AVX2 float32 accumulators (8 / 16 for float64); the tables cost Nh·64
// exponentials per H, against Nh·L multiply-adds of work.
const VandermondeBlock = 64

// vandermondeFlushExp is the exponent below which ExpIntTimes returns
// exactly 0: a factor exp(−300) ≈ 5e−131 relative to the state's weight is
// below any output that matters, and the product of an anchor and a power
// (each ≥ exp(−300)) stays a normal float64, so the hot loop never meets a
// subnormal operand (Go does not flush them, and they are ~100× slower).
const vandermondeFlushExp = -300

// ExpIntTimes returns exp(l·w) for an integer step l, with the product l·w
// carried in double-double (math.FMA gives the rounding error of l·w
// exactly), so that the result is as accurate as exp and sincos are,
// however large l·Im w grows: the plain cmplx.Exp(complex(l, 0)*w) loses
// |l·w|·2⁻⁵³ radians of phase to the rounding of the argument.
func ExpIntTimes(l int, w complex128) complex128 {
	fl := float64(l)
	x := fl * real(w)
	if x < vandermondeFlushExp {
		return 0
	}
	xLo := math.FMA(fl, real(w), -x)
	y := fl * imag(w)
	yLo := math.FMA(fl, imag(w), -y)
	m := math.Exp(x)
	m += m * xLo // exp(x + xLo) = exp(x)·(1 + xLo + …), |xLo| ≤ ulp(x)/2
	s, c := math.Sincos(y)
	// sin(y+d) = s + d·c, cos(y+d) = c − d·s to first order, |d| ≤ ulp(y)/2.
	return complex(m*(c-yLo*s), m*(s+yLo*c))
}

// VandermondeBlocks returns the number of blocks (anchors per state) that
// cover l steps: ⌈l / VandermondeBlock⌉.
func VandermondeBlocks(l int) int {
	return (l + VandermondeBlock - 1) / VandermondeBlock
}

// VandermondePowers fills the power tables of the states w:
// pRe[n·B + j] + i·pIm[n·B + j] = exp(j·w[n]) for j < B = VandermondeBlock.
// pRe and pIm hold len(w)·VandermondeBlock values.
func VandermondePowers(pRe, pIm []float64, w []complex128) {
	for n, wn := range w {
		for j := 0; j < VandermondeBlock; j++ {
			p := ExpIntTimes(j, wn)
			pRe[n*VandermondeBlock+j] = real(p)
			pIm[n*VandermondeBlock+j] = imag(p)
		}
	}
}

// VandermondeAnchors fills the anchors of the blocks b < nb:
// e[b·len(w) + n] = exp(b·B·w[n]) (B = VandermondeBlock). They depend on
// w only; the anchors of one channel are 2·c[n]·e[b·len(w)+n].
func VandermondeAnchors(e []complex128, w []complex128, nb int) {
	nh := len(w)
	for b := 0; b < nb; b++ {
		for n, wn := range w {
			e[b*nh+n] = ExpIntTimes(b*VandermondeBlock, wn)
		}
	}
}

// VandermondeScaleAnchors sets zRe + i·zIm = 2·c[n]·e[b·nh+n] for every
// block b of e (len(e) = nb·nh, nh = len(c)): the anchors of one channel.
func VandermondeScaleAnchors(zRe, zIm []float64, c, e []complex128) {
	nh := len(c)
	for i, ei := range e {
		z := 2 * c[i%nh] * ei
		zRe[i], zIm[i] = real(z), imag(z)
	}
}

// VandermondeKernel is the hot loop of the S4D kernel. For every block
// b < ⌈len(k)/B⌉ (B = VandermondeBlock) and step j < B inside it (the last
// block may be partial):
//
//	k[b·B + j] = Σ_{n < nh} zRe[b·nh+n]·pRe[n·B+j] − zIm[b·nh+n]·pIm[n·B+j]
//
// k is overwritten. Layouts: zRe, zIm are [⌈len(k)/B⌉][nh] (anchors,
// already scaled by 2·c), pRe, pIm are [nh][B] (powers), split real and
// imaginary parts so that a vector loop loads them contiguously in j.
// Work: 2 multiply-adds (4 flops) per (n, l). The caller guarantees the
// lengths.
func VandermondeKernel(k []float64, zRe, zIm, pRe, pIm []float64, nh int) {
	for b0, b := 0, 0; b0 < len(k); b0, b = b0+VandermondeBlock, b+1 {
		out := k[b0:min(b0+VandermondeBlock, len(k))]
		clear(out)
		zr, zi := zRe[b*nh:b*nh+nh], zIm[b*nh:b*nh+nh]
		for n := range nh {
			a, c := zr[n], zi[n]
			pr := pRe[n*VandermondeBlock : n*VandermondeBlock+len(out)]
			pi := pIm[n*VandermondeBlock : n*VandermondeBlock+len(out)]
			for j := range out {
				out[j] += a*pr[j] - c*pi[j]
			}
		}
	}
}

// VandermondeKernel32 is VandermondeKernel for float32 tables and output,
// the signature of the assembly twin. It accumulates in float64 and rounds
// each k[l] once, so that it is the float32 oracle.
func VandermondeKernel32(k []float32, zRe, zIm, pRe, pIm []float32, nh int) {
	var acc [VandermondeBlock]float64
	for b0, b := 0, 0; b0 < len(k); b0, b = b0+VandermondeBlock, b+1 {
		out := k[b0:min(b0+VandermondeBlock, len(k))]
		sum := acc[:len(out)]
		clear(sum)
		zr, zi := zRe[b*nh:b*nh+nh], zIm[b*nh:b*nh+nh]
		for n := range nh {
			a, c := float64(zr[n]), float64(zi[n])
			pr := pRe[n*VandermondeBlock : n*VandermondeBlock+len(out)]
			pi := pIm[n*VandermondeBlock : n*VandermondeBlock+len(out)]
			for j := range sum {
				sum[j] += a*float64(pr[j]) - c*float64(pi[j])
			}
		}
		for j, v := range sum {
			out[j] = float32(v)
		}
	}
}

// VandermondeDirect is the plain definition k[l] = 2·Re Σ_n c[n]·exp(l·w[n]),
// one cmplx.Exp per (n, l), the argument l·w rounded as float64 code
// (and torch) rounds it. It is the slow reference of the error tests.
func VandermondeDirect(k []float64, c, w []complex128) {
	for l := range k {
		var s complex128
		for n, wn := range w {
			s += c[n] * cmplx.Exp(complex(float64(l), 0)*wn)
		}
		k[l] = 2 * real(s)
	}
}

// VandermondeChainGroup is the number of lanes VandermondeChain advances
// together (one AVX-512 register of float64).
const VandermondeChainGroup = 8

// VandermondeChain builds float32 Vandermonde tables by short chains of
// complex products carried in float64. x, e and live hold groups·8 lanes
// (split real and imaginary parts); for every step t < steps and group
// g < groups, lane i < 8 of the group:
//
//	if t < live:  dst[g·groupStride + t·stepStride + i] = float32(x),  x ← x·e
//	else:         dst[…] = 0,                                          x ← 0
//
// and x keeps its advanced value. A group's rows may overlap (a later step
// overwrites an earlier one); the areas of two groups must not, as the
// kernels order the groups' steps differently. live is the number of steps a lane is
// stored for (any float64; NaN or ≤ 0 stores none): the caller knows from
// the exact exponent when a chain's decay falls below its flush level, so
// the kernels compare a step count instead of evaluating |x|² at every
// step, and that count does not depend on the rounding of the chain. The
// products are written with math.FMA in the order the assembly twins
// compute them, so that every level gives the same bits. The caller
// guarantees the lengths.
func VandermondeChain(dstRe, dstIm []float32, xr, xi, er, ei, live []float64, groups, steps, groupStride, stepStride int) {
	const w = VandermondeChainGroup
	for t := range steps {
		ft := float64(t)
		for g := range groups {
			o := g*groupStride + t*stepStride - g*w
			for i := g * w; i < (g+1)*w; i++ {
				if !(ft < live[i]) {
					dstRe[o+i], dstIm[o+i] = 0, 0
					xr[i], xi[i] = 0, 0
					continue
				}
				a, b := xr[i], xi[i]
				dstRe[o+i], dstIm[o+i] = float32(a), float32(b)
				c, d := er[i], ei[i]
				// The products rounded before they are added (float64(…)), as
				// in the assembly: the Go spec would let a compiler fuse them.
				xr[i], xi[i] = math.FMA(c, a, -float64(d*b)), math.FMA(d, a, float64(c*b))
			}
		}
	}
}
