package fft

import (
	"math"
	"math/bits"
	"slices"

	"github.com/ssmkern/ssmkern/asm"
)

// bluestein64 is bluestein32 for Plan64: Bluestein's algorithm in float64
// on the complex128 Stockham kernels of a power-of-two length m ≥ 2n − 1
// (two FFTs of length m and three pointwise products, in Go: they are a
// small part of the time). The chirps and the convolving chirps' spectra
// are computed as for bluestein32 (angles reduced exactly, j² mod 2n in
// integers, the spectrum by the inner plan: chirpSpectrum) and kept in
// float64.
type bluestein64 struct {
	n     int
	inner *Plan64      // length m, a power of two
	w     []complex128 // w_j = e^{−iπ·j²/n}: the forward transform's chirp, both products
	wc    []complex128 // conj(w_j): the inverse's first product
	wcn   []complex128 // conj(w_j)/n: the inverse's last product
	bhat  []complex128 // FFT_m of conj(w) wrapped to length m (the forward's convolving chirp)
	bhatc []complex128 // FFT_m of w wrapped (the inverse's)
}

// useBluestein64 reports whether Plan64 of length n runs bluestein64 at
// the levels with float64 vector kernels rather than package generic:
// the lengths whose generic plan runs Bluestein's algorithm anyway (a
// prime factor other than 2, 3 and 5) from bluestein64MinLen. Measured
// (forward, AVX2 then AVX-512, µs, generic → bluestein64, a throwaway
// benchmark of both paths on the same plan, go test -bench, shared
// machine): n = 11 0.61 → 0.22 and 0.44 → 0.22, 33 1.8 → 0.47 and 2.5 →
// 0.48, 101 3.6 → 0.98 and 3.5 → 0.99, 4095 176 → 60 and 182 → 53,
// 65537 7,630 → 2,910 and 7,200 → 2,590. The 2^a·3^b·5^c lengths stay
// with the generic mixed-radix stages, which beat two vector FFTs of
// length m ≥ 2n at every length measured: 60 0.41 against 0.58 (AVX2),
// 1000 8.8 against 12.3, 1536 12.2 against 23.2, 10000 108 against 265,
// 10^6 24.6 against 65.7 ms; AVX-512 alike (1536: 31 against 27, within
// the noise of that run).
func useBluestein64(n int) bool {
	return n >= bluestein64MinLen && !smooth235(n)
}

// bluestein64MinLen is the shortest length bluestein64 takes: from 9 the
// inner length m ≥ 2n − 1 is at least stockhamMinLen, so that it runs in
// the vector kernels (n = 7 runs m = 16 in package generic: 0.20 µs
// generic against 0.34 Bluestein, AVX2).
const bluestein64MinLen = 9

// smooth235 reports whether n has no prime factor other than 2, 3 and 5.
func smooth235(n int) bool {
	for _, p := range []int{2, 3, 5} {
		for n%p == 0 {
			n /= p
		}
	}
	return n == 1
}

// newBluestein64 returns the float64 Bluestein path for n, or nil when
// useBluestein64(n) is false, m would exceed MaxLen, or no level has the
// float64 power-of-two kernels.
func newBluestein64(n int) (*bluestein64, error) {
	if !useBluestein64(n) || !slices.ContainsFunc(asm.Levels(), hasStockham32) {
		return nil, nil
	}
	m := 1 << bits.Len(uint(2*n-2))
	if m > MaxLen {
		return nil, nil
	}
	inner, err := NewPlan64(m)
	if err != nil {
		return nil, err
	}
	b := &bluestein64{n: n, inner: inner,
		w: make([]complex128, n), wc: make([]complex128, n), wcn: make([]complex128, n),
		bhat: make([]complex128, m), bhatc: make([]complex128, m)}
	for j := range n {
		r := (j * j) % (2 * n) // w_j depends on j² mod 2n only
		s, c := math.Sincos(math.Pi * float64(r) / float64(n))
		b.w[j] = complex(c, -s)
		b.wc[j] = complex(c, s)
		b.wcn[j] = complex(c/float64(n), s/float64(n))
	}
	chirpSpectrum(inner, b.bhat, b.w)
	for i, v := range b.bhat {
		b.bhatc[i] = complex(real(v), -imag(v))
	}
	return b, nil
}

// chirpSpectrum sets spec (length m) to the FFT of conj(w) wrapped to
// length m (at j and m − j), by p, a Plan64 of length m, at the current
// level: the vector kernels where it has them, two to ten times faster
// than package generic (plan and transform) at m = 2^18, as accurate in
// float64. The wrapped chirp is even, so the spectrum of w wrapped is the
// conjugate of spec.
func chirpSpectrum(p *Plan64, spec, w []complex128) {
	m := len(spec)
	clear(spec)
	for j, v := range w {
		c := complex(real(v), -imag(v))
		spec[j] = c
		if j > 0 {
			spec[m-j] = c
		}
	}
	transform(asm.Current(), p, spec, spec, new(scratch), false)
}

// transform runs a validated FFT of b's length at level l
// (hasStockham32(l)); dst may be src. s provides the length-m buffer
// (s.bluestein128) and the inner transform's work buffer (s.complex128s).
func (b *bluestein64) transform(l asm.Level, dst, src []complex128, s *scratch, inverse bool) {
	m := b.inner.n
	pre, post, spec := b.w, b.w, b.bhat
	if inverse {
		pre, post, spec = b.wc, b.wcn, b.bhatc
	}
	a := s.bluestein128(m)
	mulComplex128(a[:b.n], src, pre)
	clear(a[b.n:])
	transform(l, b.inner, a, a, s, false)
	mulComplex128(a, a, spec)
	transform(l, b.inner, a, a, s, true)
	mulComplex128(dst, a[:b.n], post)
}

// mulComplex128 sets dst[i] = a[i]·b[i]; dst may be a or b.
func mulComplex128(dst, a, b []complex128) {
	a, b = a[:len(dst)], b[:len(dst)]
	for i := range dst {
		dst[i] = a[i] * b[i]
	}
}
