package generic

import "fmt"

// The real FFT of length n keeps the n/2+1 (integer division) bins
// X[0 … n/2] of the complex FFT of a real x; the others follow from
// X[n−k] = conj X[k]. The inverse reads those bins, extends them
// Hermitian, ignores Im X[0] and (even n) Im X[n/2], and returns the
// real x with the 1/n (torch.fft.irfft, norm="backward").
//
// Even n uses the half-length trick: z[j] = x[2j] + i·x[2j+1] is
// transformed by a complex FFT of length h = n/2, and with
// E[k] = (Z[k] + conj Z[h−k])/2 and O[k] = (Z[k] − conj Z[h−k])/(2i)
// (the spectra of the even and odd samples, Z[h] ≡ Z[0]),
//
//	X[k] = E[k] + ω_n^k·O[k],   X[h−k] = conj(E[k] − ω_n^k·O[k]),
//
// which the inverse undoes: E[k] = (X[k] + conj X[h−k])/2,
// O[k] = (X[k] − conj X[h−k])·conj(ω_n^k)/2, Z[k] = E[k] + i·O[k].
// Odd n runs the complex FFT of length n on x (or on the Hermitian
// extension of X): simpler, and no less accurate.

// RealFFTPlan is a real FFT of one length. Immutable, safe for concurrent
// use; the caller supplies the scratch.
type RealFFTPlan struct {
	n        int
	cplx     *FFTPlan     // length n/2 (even n) or n (odd n)
	twiddles []complex128 // ω_n^k = e^{−2πi·k/n}, k ≤ n/4 (even n only)
}

// NewRealFFTPlan returns the plan of the real FFT of length n.
func NewRealFFTPlan(n int) (*RealFFTPlan, error) {
	if n < 1 || n > MaxFFTLen {
		return nil, fmt.Errorf("generic: NewRealFFTPlan: n = %d, want 1 ≤ n ≤ %d", n, MaxFFTLen)
	}
	p := &RealFFTPlan{n: n}
	m := n
	if n%2 == 0 {
		m = n / 2
		roots := newRootTable(n)
		p.twiddles = make([]complex128, n/4+1)
		for k := range p.twiddles {
			p.twiddles[k] = roots.root(k)
		}
	}
	var err error
	if p.cplx, err = NewFFTPlan(m); err != nil {
		return nil, err
	}
	return p, nil
}

// Len returns the real length n; the spectrum has Len()/2+1 bins.
func (p *RealFFTPlan) Len() int { return p.n }

// Bins returns n/2+1, the length of the spectrum.
func (p *RealFFTPlan) Bins() int { return p.n/2 + 1 }

// ScratchLen returns the length of the complex scratch of Forward and
// Inverse.
func (p *RealFFTPlan) ScratchLen() int { return p.cplx.n + p.cplx.ScratchLen() }

// Forward writes the n/2+1 bins of the FFT of the real src (length n) to
// dst. dst, src and scratch must not share memory.
func (p *RealFFTPlan) Forward(dst []complex128, src []float64, scratch []complex128) {
	n := p.n
	dst, src = dst[:n/2+1], src[:n]
	if n%2 == 1 {
		buf := scratch[:n]
		for j, x := range src {
			buf[j] = complex(x, 0)
		}
		p.cplx.Transform(buf, buf, scratch[n:], false)
		copy(dst, buf)
		return
	}
	h := n / 2
	z := scratch[:h]
	for j := range z {
		z[j] = complex(src[2*j], src[2*j+1])
	}
	p.cplx.Transform(dst[:h], z, scratch[h:], false)
	// Unpack in place, pairing bins k and h−k (k = 0 pairs with h).
	z0 := dst[0]
	dst[0] = complex(real(z0)+imag(z0), 0)
	dst[h] = complex(real(z0)-imag(z0), 0)
	for k := 1; k <= h/2; k++ {
		a, b := dst[k], dst[h-k]
		e := rmul(0.5, a+conj(b))
		o := rmul(0.5, mulNegI(a-conj(b))) // (a − conj b)/(2i)
		wo := p.twiddle(k) * o
		dst[k] = e + wo
		dst[h-k] = conj(e - wo)
	}
}

// Inverse writes the real inverse FFT (with 1/n) of the n/2+1 bins src to
// dst (length n). dst, src and scratch must not share memory.
func (p *RealFFTPlan) Inverse(dst []float64, src []complex128, scratch []complex128) {
	n := p.n
	dst, src = dst[:n], src[:n/2+1]
	if n%2 == 1 {
		buf := scratch[:n]
		buf[0] = complex(real(src[0]), 0)
		for k := 1; k < len(src); k++ {
			buf[k] = src[k]
			buf[n-k] = conj(src[k])
		}
		p.cplx.Transform(buf, buf, scratch[n:], true)
		for j, v := range buf {
			dst[j] = real(v)
		}
		return
	}
	h := n / 2
	z := scratch[:h]
	x0, xh := real(src[0]), real(src[h])
	z[0] = complex(0.5*(x0+xh), 0.5*(x0-xh)) // E[0] + i·O[0]
	for k := 1; k <= h/2; k++ {
		a, b := src[k], src[h-k]
		e := rmul(0.5, a+conj(b))
		o := rmul(0.5, (a-conj(b))*conj(p.twiddle(k)))
		// Z[k] = E + i·O; Z[h−k] = conj E + i·conj O.
		z[k] = e + complex(-imag(o), real(o))
		z[h-k] = conj(e) + complex(imag(o), real(o))
	}
	p.cplx.Transform(z, z, scratch[h:], true)
	for j, v := range z {
		dst[2*j] = real(v)
		dst[2*j+1] = imag(v)
	}
}

// twiddle returns ω_n^k for 0 ≤ k ≤ n/2 from the table of k ≤ n/4, using
// ω_n^{h−k} = −conj(ω_n^k) (h = n/2).
func (p *RealFFTPlan) twiddle(k int) complex128 {
	if k < len(p.twiddles) {
		return p.twiddles[k]
	}
	return -conj(p.twiddles[p.n/2-k])
}
