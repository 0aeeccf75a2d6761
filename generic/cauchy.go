package generic

// CauchyConj is the Cauchy kernel of the S4 (DPLR) kernel over
// conjugate-extended states, in projective form. For every evaluation
// point k < len(alpha) and numerator vector j < nv:
//
//	r[j·len(alpha) + k] = Σ_{n < nh} v[j·nh+n] / (alpha[k] − beta[k]·w[n])
//	                              + conj(v[j·nh+n]) / (alpha[k] − beta[k]·conj(w[n]))
//
// with nh = len(w). The usual form Σ v/(z − w) is alpha = z, beta = 1; the
// projective pair (alpha, beta) = (2(1−ω), 1+ω) evaluates the bilinear
// S4 kernel at ω = −1 (z = ∞) without dividing by zero. The nv numerator
// vectors share the two reciprocals of each (k, n), which is most of the
// cost: the DPLR kernel needs nv = 4 (B·C̃, B·Q, P·C̃, P·Q).
//
// r is [nv][len(alpha)], v is [nv][nh], beta has len(alpha) entries. No
// denominator may be zero (Re w < 0 with alpha/beta on the imaginary axis
// guarantees it); the caller guarantees the lengths.
func CauchyConj(r []complex128, v []complex128, nv int, w, alpha, beta []complex128) {
	nh, nk := len(w), len(alpha)
	var stack [8]complex128
	var acc []complex128
	if nv <= len(stack) {
		acc = stack[:nv]
	} else {
		acc = make([]complex128, nv)
	}
	for k := range nk {
		a, b := alpha[k], beta[k]
		clear(acc)
		for n := range nh {
			bw := b * w[n]
			bwc := b * complex(real(w[n]), -imag(w[n]))
			d1 := recip(a - bw)
			d2 := recip(a - bwc)
			for j := range acc {
				x := v[j*nh+n]
				acc[j] += x*d1 + complex(real(x), -imag(x))*d2
			}
		}
		for j, s := range acc {
			r[j*nk+k] = s
		}
	}
}

// recip is 1/z by the textbook formula conj(z)/|z|², one real division,
// without the Inf/NaN special cases (and the cost) of Go's complex
// division; z is neither 0 nor near the overflow threshold here.
func recip(z complex128) complex128 {
	x, y := real(z), imag(z)
	s := 1 / (x*x + y*y)
	return complex(x*s, -y*s)
}
