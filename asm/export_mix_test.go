//go:build gc && !purego && (amd64 || arm64)

package asm

import "math"

// MixedStageGo is the stage in plain Go, in float64 whatever T: the
// stand-in the plans were written against until the kernels came, and
// now the tests' reference. w(i) is twiddle i of the j-major table
// (i = j·(p−1) + q−1).
func MixedStageGo[T complex64 | complex128](p int, out, in []T, w func(i int) complex128, ls int, s float64, inverse bool) {
	n := len(in)
	r := n / (p * ls)
	sign := -1.0
	if inverse {
		sign = 1
	}
	var a, root [8]complex128
	for t := range p {
		ang := sign * 2 * math.Pi * float64(t) / float64(p)
		sin, cos := math.Sincos(ang)
		root[t] = complex(cos, sin)
	}
	for j := range ls {
		for k := range r {
			for q := range p {
				v := complex128(in[j*p*r+q*r+k]) * complex(s, 0)
				if q > 0 {
					tw := w(j*(p-1) + q - 1)
					if inverse {
						tw = complex(real(tw), -imag(tw))
					}
					v *= tw
				}
				a[q] = v
			}
			for t := range p {
				var y complex128
				for q := range p {
					y += root[(q*t)%p] * a[q]
				}
				out[(j+t*ls)*r+k] = T(y)
			}
		}
	}
}

// FFTMixedWideForTest runs the wide complex64 kernel of level l whatever
// the shape, r = 1 included (which FFTMixedStage may give the narrow
// kernel), with tw the j-major (Re, Im) table of the wide form.
func FFTMixedWideForTest(l Level, p int, out, in []complex64, tw []float32, ls int, s float32, inverse bool) {
	fftMixedWideAt(l, p, out, in, tw, ls, s, inverse)
}

// FFT64MixedWideForTest is FFTMixedWideForTest for complex128.
func FFT64MixedWideForTest(l Level, p int, out, in []complex128, tw []float64, ls int, s float64, inverse bool) {
	fft64MixedWideAt(l, p, out, in, tw, ls, s, inverse)
}

// FFTMixedGroupedForTest reports whether FFTMixedStage runs the stage's
// grouped kernel (complex64) at level l.
func FFTMixedGroupedForTest(l Level, p, ls, r int) bool { return fftMixedGrouped(l, p, ls, r) }

// FFTMixedNarrowForTest is fftMixedNarrow: whether the stage runs a
// narrow kernel.
func FFTMixedNarrowForTest(l Level, p, ls, r int) bool { return fftMixedNarrow(l, p, ls, r) }
