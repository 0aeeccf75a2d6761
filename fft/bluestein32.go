package fft

import (
	"math"
	"math/bits"
	"slices"

	"github.com/ssmkern/ssmkern/asm"
)

// bluestein32 is Plan32's float32 path for a length n that is not a power
// of two, at the levels with float32 power-of-two kernels (for the
// lengths useMixed takes, only at those without the mixed-radix stages:
// NEON): Bluestein's
// algorithm, X_k = w_k·Σ_j (x_j·w_j)·conj(w_{k−j}) with the chirp
// w_j = e^{−iπ·j²/n}, the sum a circular convolution of power-of-two
// length m ≥ 2n − 1 done by the SIMD FFT (inner) and a spectrum product;
// the three pointwise products run in assembly (asm.MulComplex64). The
// chirps and the spectra of the convolving chirps are computed in float64
// (angles reduced exactly, j² mod 2n in integers; the spectra by one
// complex128 FFT, chirpSpectrum) and rounded to float32 once. The inverse is the same with the conjugate chirp and the 1/n
// folded into its last product.
type bluestein32 struct {
	n     int
	inner *Plan32     // length m, a power of two
	w     []complex64 // w_j: the forward transform's chirp, both products
	wc    []complex64 // conj(w_j): the inverse's first product
	wcn   []complex64 // conj(w_j)/n: the inverse's last product
	bhat  []complex64 // FFT_m of conj(w) wrapped to length m (the forward's convolving chirp)
	bhatc []complex64 // FFT_m of w wrapped (the inverse's)
}

// bluesteinMinLen is the shortest 2^a·3^b·5^c length that takes
// bluestein32: below it the float64 mixed-radix code is as fast.
const bluesteinMinLen = 32

// useBluestein32 reports whether Plan32 of length n runs bluestein32 at
// the levels with float32 kernels and without the mixed-radix stages for
// n (mixed32At): n not a power of two, from
// bluesteinMinLen, or from bluestein64MinLen (the inner length reaches
// the vector kernels) when n has a prime factor other than 2, 3 and 5,
// whose generic plan runs Bluestein in float64. Measured (forward, ns,
// AVX2 then AVX-512, generic → bluestein32, a throwaway benchmark of both
// paths): n = 11 1174 → 309 and 1312 → 246, 17 1200 → 320 and 2352 →
// 224, 31 2760 → 312 and 1269 → 224; smooth lengths below 32 gain
// nothing (12 134 → 170, 15 179 → 173, 24 290 → 282 at AVX2).
func useBluestein32(n int) bool {
	if n&(n-1) == 0 {
		return false
	}
	return n >= bluesteinMinLen || n >= bluestein64MinLen && !smooth235(n)
}

// newBluestein32 returns the float32 Bluestein path for n, or nil when
// useBluestein32(n) is false, m would exceed MaxLen, or no level has
// float32 power-of-two kernels without the mixed-radix stages for n.
func newBluestein32(n int) (*bluestein32, error) {
	needs := func(l asm.Level) bool { return hasStockham32(l) && !mixed32At(n, l) }
	if !useBluestein32(n) || !slices.ContainsFunc(asm.Levels(), needs) {
		return nil, nil
	}
	m := 1 << bits.Len(uint(2*n-2))
	if m > MaxLen {
		return nil, nil // the generic plan covers the longest lengths
	}
	inner, err := NewPlan32(m)
	if err != nil {
		return nil, err
	}
	b := &bluestein32{n: n, inner: inner,
		w: make([]complex64, n), wc: make([]complex64, n), wcn: make([]complex64, n),
		bhat: make([]complex64, m), bhatc: make([]complex64, m)}
	w64 := make([]complex128, n)
	for j := range n {
		r := (j * j) % (2 * n) // w_j depends on j² mod 2n only
		s, c := math.Sincos(math.Pi * float64(r) / float64(n))
		w64[j] = complex(c, -s)
		b.w[j] = complex64(w64[j])
		b.wc[j] = complex64(complex(c, s))
		b.wcn[j] = complex64(complex(c, s) / complex(float64(n), 0))
	}
	// The spectra in float64, by a Plan64 of m (chirpSpectrum).
	p64, err := NewPlan64(m)
	if err != nil {
		return nil, err
	}
	spec := make([]complex128, m)
	chirpSpectrum(p64, spec, w64)
	for i, v := range spec {
		b.bhat[i] = complex64(v)
		b.bhatc[i] = complex64(complex(real(v), -imag(v)))
	}
	return b, nil
}

// transform runs a validated FFT of b's length at level l
// (hasStockham32(l)); dst may be src. s provides the length-m buffer
// (s.bluestein) and the inner transform's work buffer.
func (b *bluestein32) transform(l asm.Level, dst, src []complex64, s *scratch, inverse bool) {
	m := b.inner.n
	pre, post, spec := b.w, b.w, b.bhat
	if inverse {
		pre, post, spec = b.wc, b.wcn, b.bhatc
	}
	a := s.bluestein(m)
	mulComplex(l, a[:b.n], src, pre)
	clear(a[b.n:])
	transform32(l, b.inner, a, a, s, false)
	mulComplex(l, a, a, spec)
	transform32(l, b.inner, a, a, s, true)
	mulComplex(l, dst, a[:b.n], post)
}
