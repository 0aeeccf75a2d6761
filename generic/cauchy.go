package generic

import "math"

// CauchyConj4 is the Cauchy kernel of the S4 (DPLR) kernel over
// conjugate-extended states, in projective form, for four numerator rows.
// For every evaluation point k < len(aRe) and row j < 4:
//
//	r[j][k] = Σ_{n < len(w)} v[j][n] / (α_k − β_k·w[n])
//	                       + conj(v[j][n]) / (α_k − β_k·conj(w[n]))
//
// with α_k = aRe[k] + i·aIm[k], β_k likewise, r[j][k] = rRe[j·rowStride+k]
// + i·rIm[j·rowStride+k] and v[j][n] = v[j·len(w)+n]. The usual form
// Σ v/(z − w) is α = z, β = 1; the projective pair (α, β) = (2(1−ω), 1+ω)
// evaluates the bilinear S4 kernel at ω = −1 (z = ∞) without dividing by
// zero. The four rows share the two reciprocals of each (k, n), which is
// most of the cost: the DPLR kernel of one channel needs exactly four
// (B·C̃, B·Q, P·C̃, P·Q).
//
// The points are split real/imaginary so that a vector loop loads them
// contiguously; the operations, written with math.FMA, are those of the
// assembly twins (avogen/cauchy.go) in their order, so every level gives
// the same bits. No denominator may be zero (Re w < 0 with α/β on the
// imaginary axis guarantees it); the caller guarantees the lengths.
func CauchyConj4(rRe, rIm []float64, v, w []complex128, aRe, aIm, bRe, bIm []float64, rowStride int) {
	nh := len(w)
	for k := range aRe {
		ar, ai, br, bi := aRe[k], aIm[k], bRe[k], bIm[k]
		var accRe, accIm [4]float64
		for n, wn := range w {
			wr, wi := real(wn), imag(wn)
			// Every product that a sum or difference uses is rounded by an
			// explicit conversion: the Go spec lets a compiler fuse a*b + c
			// across statements (arm64's does), and the assembly twins
			// round each product, so that the conversions keep every
			// architecture's generic code on the twins' bits.
			m, m2 := float64(bi*wi), float64(bi*wr)
			bwr, bwcr := math.FMA(br, wr, -m), math.FMA(br, wr, m)
			bwi, bwci := math.FMA(br, wi, m2), math.FMA(-br, wi, m2)
			// 1/z = conj(z)/|z|², both reciprocals from one division:
			// 1/|z1|² = |z2|²·t and 1/|z2|² = |z1|²·t, t = 1/(|z1|²·|z2|²)
			// (no Inf/NaN cases and no cost of Go's complex division; |z|²
			// is far from the float64 range's ends here).
			z1r, z1i, z2r, z2i := ar-bwr, ai-bwi, ar-bwcr, ai-bwci
			q1, q2 := math.FMA(z1i, z1i, float64(z1r*z1r)), math.FMA(z2i, z2i, float64(z2r*z2r))
			t := 1 / float64(q1*q2)
			s1, s2 := float64(t*q2), float64(t*q1)
			d1r, nd1i := float64(z1r*s1), float64(z1i*s1) // nd = −Im d
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
