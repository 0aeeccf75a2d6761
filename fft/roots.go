package fft

import (
	"math"
	"math/bits"
)

// rootTable32 gives the roots of unity e^{−2πi·k/n} of a power-of-two n
// for any integer k ≥ 0 from cos and sin of exact angles: the table holds
// cos and sin of 2π·r/N for r = 0 … N/8 (N = max(n, 8), the first
// octant: N/8 + 1 math.Sincos calls for a whole plan), and every other
// root is one of them with its parts swapped or negated, which is exact.
// Each part is within about an ulp of float64; rounded to float32, within
// half an ulp plus that. Finding the octant takes a mask and a shift, no
// division, and its two branches are well predicted when k runs in
// order, so that a table of n twiddles costs little more than its stores
// (issue 4 wants a 2^16 plan in under 1 ms).
//
// The values are those of package generic's rootTable (4k = m·n + a with
// |a| ≤ n/2, ties to the larger m), bit for bit, zero signs included.
type rootTable32 struct {
	mul   int          // N/n: root k of n is root k·mul of N
	mask  int          // N − 1
	shift uint         // log2(N/8): k >> shift is the octant of root k of N
	oct   int          // N/8
	cs    []complex128 // cos + i·sin of 2π·r/N, r = 0 … N/8
}

func newRootTable32(n int) rootTable32 {
	bigN := max(n, 8)
	oct := bigN / 8
	t := rootTable32{mul: bigN / n, mask: bigN - 1, shift: uint(bits.TrailingZeros(uint(oct))), oct: oct, cs: make([]complex128, oct+1)}
	for r := range oct {
		s, c := math.Sincos(2 * math.Pi * float64(r) / float64(bigN))
		t.cs[r] = complex(c, s)
	}
	// The angle π/4: cos = sin exactly, so that root(n−k) = conj(root(k))
	// holds bit for bit.
	t.cs[oct] = complex(math.Sqrt2/2, math.Sqrt2/2)
	return t
}

// divided returns the table of the roots of n/d (d a power of two
// dividing n), which are every d-th root of n: the plan of a real FFT
// shares its table with the complex FFT of half its length, a four-step
// plan with its column and row FFTs.
func (t rootTable32) divided(d int) rootTable32 {
	t.mul *= d
	return t
}

// root returns e^{−2πi·k/n}, k ≥ 0.
func (t rootTable32) root(k int) (re, im float64) {
	k = k * t.mul & t.mask
	o := k >> t.shift
	r := k & (t.oct - 1)
	var c, s float64 // e^{−iφ} of the angle φ within its quarter turn
	if o&1 == 0 {
		w := t.cs[r]
		c, s = real(w), -imag(w)
	} else { // φ = π/2 − φ′, φ′ = 2π·(N/8 − r)/N
		w := t.cs[t.oct-r]
		c, s = imag(w), -real(w)
	}
	switch o >> 1 { // times (−i)^quarter
	case 1:
		c, s = s, -c
	case 2:
		c, s = -c, -s
	case 3:
		c, s = -s, c
	}
	return c, s
}
