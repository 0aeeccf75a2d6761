package generic

import (
	"fmt"
	"math"
)

// The complex FFT of any length n ≥ 1, in float64:
//
//	X[k] = Σ_j x[j]·e^{−2πi·jk/n}             (forward, unnormalised)
//	x[j] = (1/n)·Σ_k X[k]·e^{+2πi·jk/n}       (inverse, with the 1/n)
//
// Lengths whose only prime factors are 2, 3 and 5 run a mixed-radix
// Stockham autosort FFT (radix 4, 2, 3 and 5 stages, fft_radix.go): every
// stage reads one buffer and writes the other, so there is no bit-reversal
// pass, and its inner loop runs over contiguous elements with one set of
// twiddles, the shape a SIMD kernel wants. Any other length goes through
// Bluestein's chirp-z algorithm (fft_bluestein.go), which turns the DFT
// into a circular convolution of power-of-two length.
//
// The inverse is the forward transform of the conjugate, conjugated and
// scaled: x = conj(F(conj X))/n. That keeps a single set of twiddles and of
// butterflies; the SIMD kernels that replace this code may fold the
// conjugations into their loads and stores.
//
// Accuracy: every twiddle is cos and sin of its exact angle, reduced to the
// first octant by integer arithmetic (rootTable), so it is within about
// 1 ulp of e^{−2πi·k/n}; no twiddle comes from a recurrence. The relative
// RMS error of a transform is then a small multiple of 2⁻⁵³·√log2(n)
// (the tests bound it by 1e-14·log2(n)).

// FFTPlan is a complex FFT of one length: its factorisation and twiddles.
// It is immutable after NewFFTPlan and safe for concurrent use; a call
// allocates nothing because the caller supplies the scratch.
type FFTPlan struct {
	n       int
	stages  []fftStage // mixed-radix stages in execution order; nil for Bluestein
	twiddle []complex128
	blue    *bluestein // non-nil when n has a prime factor other than 2, 3, 5
}

// fftStage is one radix-p Stockham pass (fft_radix.go): it merges p
// interleaved sub-transforms of length ls into one of length p·ls, r times.
type fftStage struct {
	radix int
	ls    int // length of the sub-transforms the stage reads (product of earlier radices)
	r     int // n / (ls·radix): number of interleaved sub-transforms it writes
	tw    int // offset of its twiddles in FFTPlan.twiddle: (radix−1)·ls values
}

// MaxFFTLen bounds the length of a plan, so that every buffer size (up to
// 4n complex values for Bluestein) fits an int on every platform.
const MaxFFTLen = 1 << 28

// NewFFTPlan returns the plan of the complex FFT of length n.
func NewFFTPlan(n int) (*FFTPlan, error) {
	if n < 1 || n > MaxFFTLen {
		return nil, fmt.Errorf("generic: NewFFTPlan: n = %d, want 1 ≤ n ≤ %d", n, MaxFFTLen)
	}
	radices, ok := smoothFactors(n)
	if !ok {
		return &FFTPlan{n: n, blue: newBluestein(n)}, nil
	}
	return newMixedRadixPlan(n, radices), nil
}

// newMixedRadixPlan builds the Stockham stages of n = Π radices.
func newMixedRadixPlan(n int, radices []int) *FFTPlan {
	p := &FFTPlan{n: n, stages: make([]fftStage, len(radices))}
	roots := newRootTable(n)
	ls, total := 1, 0
	for i, radix := range radices {
		p.stages[i] = fftStage{radix: radix, ls: ls, r: n / (ls * radix), tw: total}
		total += (radix - 1) * ls
		ls *= radix
	}
	p.twiddle = make([]complex128, total)
	circle := roots.circle()
	for _, s := range p.stages {
		// Stage twiddle (j, q) is ω_L^{q·j} with L = ls·radix, which is
		// ω_n^{q·j·(n/L)}: an exact index into the roots of order n,
		// stepping by q·n/L from one j to the next.
		stride := n / (s.ls * s.radix)
		tw := p.twiddle[s.tw : s.tw+(s.radix-1)*s.ls]
		if circle != nil {
			for j := range s.ls {
				for q := 1; q < s.radix; q++ {
					tw[j*(s.radix-1)+q-1] = circle[q*j*stride]
				}
			}
			continue
		}
		for q := 1; q < s.radix; q++ {
			it := roots.steps(q * stride)
			for j := q - 1; j < len(tw); j += s.radix - 1 {
				tw[j] = it.next()
			}
		}
	}
	return p
}

// smoothFactors splits n into radices 4, 2, 3 and 5 (at most one 2), in
// the order the stages run; ok is false when n has another prime factor.
// Radix 4 first: the first stage needs no twiddles, and the widest
// butterfly gets it.
func smoothFactors(n int) (radices []int, ok bool) {
	for n%4 == 0 {
		radices = append(radices, 4)
		n /= 4
	}
	if n%2 == 0 {
		radices = append(radices, 2)
		n /= 2
	}
	for _, p := range []int{3, 5} {
		for n%p == 0 {
			radices = append(radices, p)
			n /= p
		}
	}
	return radices, n == 1
}

// Len returns the transform length n.
func (p *FFTPlan) Len() int { return p.n }

// Bluestein reports whether the plan runs Bluestein's algorithm (n has a
// prime factor other than 2, 3 and 5).
func (p *FFTPlan) Bluestein() bool { return p.blue != nil }

// ScratchLen returns the length of the scratch that Transform needs: n for
// the mixed-radix plans, twice the inner power-of-two length for Bluestein.
func (p *FFTPlan) ScratchLen() int {
	if p.blue != nil {
		return p.blue.scratchLen()
	}
	return p.n
}

// Transform writes the FFT of src (inverse: the inverse FFT, with 1/n) to
// dst. len(dst) = len(src) = n and len(scratch) ≥ ScratchLen(); dst may
// equal src, but scratch must not share memory with either. The caller
// (package fft) validates; Transform assumes valid arguments.
func (p *FFTPlan) Transform(dst, src, scratch []complex128, inverse bool) {
	n := p.n
	dst, src = dst[:n], src[:n]
	if p.blue != nil {
		p.blue.transform(dst, src, scratch, inverse)
	} else {
		p.mixedRadix(dst, src, scratch[:n], inverse)
	}
	if inverse {
		scale := 1 / float64(n)
		for i, v := range dst {
			// 0 − x rather than −x: a zero comes out +0, as from a
			// transform with conjugated twiddles, not −0.
			dst[i] = complex(real(v)*scale, 0-imag(v)*scale)
		}
	}
}

// mixedRadix runs the Stockham stages, ping-ponging between dst and work
// so that the last stage writes dst. With inverse it transforms conj(src)
// and leaves the result unconjugated (Transform conjugates and scales).
func (p *FFTPlan) mixedRadix(dst, src, work []complex128, inverse bool) {
	s := len(p.stages)
	if s == 0 { // n = 1
		dst[0] = src[0]
		if inverse {
			dst[0] = conj(src[0])
		}
		return
	}
	// Stage t writes dst when s−1−t is even, else work. The input of stage
	// 0 must be a buffer that stage 0 does not write: copy (and conjugate
	// for the inverse) src there when src is dst or when conjugating.
	out, other := dst, work
	if s%2 == 0 {
		out, other = work, dst
	}
	in := src
	if inverse {
		for i, v := range src {
			other[i] = conj(v)
		}
		in = other
	} else if s%2 == 1 && &src[0] == &dst[0] {
		copy(other, src)
		in = other
	}
	for _, st := range p.stages {
		runStage(st, out, in, p.twiddle[st.tw:st.tw+(st.radix-1)*st.ls])
		if &out[0] == &dst[0] {
			in, out = dst, work
		} else {
			in, out = work, dst
		}
	}
}

func conj(v complex128) complex128 { return complex(real(v), -imag(v)) }

// rootTable gives e^{−2πi·k/n} for any integer k with cos and sin of the
// exact angle. Writing 4k = m·n + a with m = round(4k/n), the angle
// 2πk/n is m·π/2 + π·a/(2n) with |a| ≤ n/2, so |π·a/(2n)| ≤ π/4 and the
// quarter turns m·π/2 are exact swaps and negations. The table holds
// cos and sin of π·a/(2n) for a = 0, g, 2g, …, n/2, g = gcd(4, n) (a is
// always a multiple of g): n/8 + 1 values for a power of two, so a plan of
// 2^16 costs 8193 sincos calls.
type rootTable struct {
	n, step int
	shift   uint         // step = 1 << shift
	cs      []complex128 // cos + i·sin of π·a/(2n), a = index·step
}

func newRootTable(n int) rootTable {
	step := 1
	if n%4 == 0 {
		step = 4
	} else if n%2 == 0 {
		step = 2
	}
	t := rootTable{n: n, step: step, shift: uint(step / 2), cs: make([]complex128, n/2/step+1)}
	for i := range t.cs {
		s, c := math.Sincos(math.Pi * float64(i*step) / float64(2*n))
		t.cs[i] = complex(c, s)
	}
	if n%8 == 0 { // a = n/2 is in the table only then
		// a = n/2 is the angle π/4, reached from either neighbouring
		// quarter turn (4k − m·n = ±n/2 is a tie): cos = sin = √2/2
		// exactly, so that root(n−k) = conj(root(k)) holds bit for bit.
		t.cs[len(t.cs)-1] = complex(math.Sqrt2/2, math.Sqrt2/2)
	}
	return t
}

// root returns e^{−2πi·k/n}.
func (t *rootTable) root(k int) complex128 {
	n := t.n
	k %= n
	if k < 0 {
		k += n
	}
	m := (4*k + n/2) / n // round(4k/n), in [0, 4]
	a := 4*k - m*n       // in [−n/2, n/2]
	return t.rotate(m, a)
}

// circle returns root(k) for every k < n when 8 divides n (else nil),
// built from the first octant by exact swaps and negations in branch-free
// loops: the fast path of plan creation for the common lengths.
func (t *rootTable) circle() []complex128 {
	n := t.n
	if n%8 != 0 {
		return nil
	}
	w := make([]complex128, n)
	o, q := n/8, n/4
	for k := 0; k <= o; k++ { // angle 2πk/n ≤ π/4: cs[k] is (cos, sin)
		w[k] = conj(t.cs[k])
	}
	for k := o + 1; k < q; k++ { // π/2 − φ, φ = 2π(n/4 − k)/n
		cs := t.cs[q-k]
		w[k] = complex(imag(cs), -real(cs))
	}
	for k := q; k < n; k++ { // e^{−i(θ+π/2)} = −i·e^{−iθ}
		w[k] = mulNegI(w[k-q])
	}
	return w
}

// rootSteps yields root(0), root(step), root(2·step), … keeping
// 4k + n/2 = m·n + rem up to date instead of dividing for each k.
type rootSteps struct {
	t                *rootTable
	m, rem           int
	incM, incR, half int
}

func (t *rootTable) steps(step int) rootSteps {
	inc := 4 * (step % t.n)
	return rootSteps{t: t, rem: t.n / 2, half: t.n / 2, incM: inc / t.n, incR: inc % t.n}
}

func (s *rootSteps) next() complex128 {
	w := s.t.rotate(s.m, s.rem-s.half)
	s.m += s.incM
	s.rem += s.incR
	if s.rem >= s.t.n {
		s.rem -= s.t.n
		s.m++
	}
	return w
}

// rotate returns e^{−i·(m·π/2 + π·a/(2n))}.
func (t *rootTable) rotate(m, a int) complex128 {
	var cs complex128
	if a >= 0 {
		cs = t.cs[a>>t.shift]
	} else {
		cs = conj(t.cs[(-a)>>t.shift])
	}
	c, s := real(cs), imag(cs) // cos and sin of π·a/(2n)
	switch m & 3 {             // rotate by m quarter turns
	case 1:
		c, s = -s, c
	case 2:
		c, s = -c, -s
	case 3:
		c, s = s, -c
	}
	return complex(c, -s)
}

// DFT writes the discrete Fourier transform of src to dst by the O(n²)
// definition (inverse: e^{+2πi·jk/n} and the 1/n), summing in complex128
// with exact twiddles e^{∓2πi·(jk mod n)/n}. It is the oracle of the
// tests and fuzz targets, not a kernel: it allocates its root table.
// dst and src must not share memory.
func DFT(dst, src []complex128, inverse bool) {
	n := len(src)
	if n == 0 {
		return
	}
	roots := newRootTable(n)
	w := make([]complex128, n)
	for k := range w {
		w[k] = roots.root(k)
		if inverse {
			w[k] = conj(w[k])
		}
	}
	for k := range n {
		var sum complex128
		idx := 0 // j·k mod n
		for _, x := range src {
			sum += x * w[idx]
			idx += k
			if idx >= n {
				idx -= n
			}
		}
		if inverse {
			sum /= complex(float64(n), 0)
		}
		dst[k] = sum
	}
}
