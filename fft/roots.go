package fft

import (
	"math"
	"math/bits"
)

// rootTable32 gives the roots of unity e^{−2πi·k/n} of a power-of-two n
// for any integer k ≥ 0 from cos and sin of exact angles: math.Sincos of
// 2π·r/N for the first octant, r = 0 … N/8 (N = max(n, 8): N/8 + 1 calls
// for a whole plan), mirrored into the first quarter turn (cos and sin
// swapped), and every other root is a quarter-turn entry times a power of
// −i, which swaps and negates parts exactly. Each part is within about
// an ulp of float64; rounded to float32, within half an ulp plus that.
// Finding the entry takes a mask and a shift, no division, and the one
// branch (the quarter) is well predicted when k runs in order, so that a
// table of n twiddles costs little more than its stores (issue 4 wants a
// 2^16 plan in under 1 ms). Against the octant alone (half the memory,
// a second branch and index), the CPU time of NewPlan64(2^16) at AVX2
// went from 0.91–1.06 to 0.63–0.74 ms (BenchmarkNewPlan, cpu-ns/op, three
// interleaved runs; the other plan types gain less).
//
// The values are those of package generic's rootTable (4k = m·n + a with
// |a| ≤ n/2, ties to the larger m), bit for bit, zero signs included.
type rootTable32 struct {
	mul   int          // N/n: root k of n is root k·mul of N
	mask  int          // N − 1
	shift uint         // log2(N/4): k >> shift is the quarter turn of root k of N
	q     []complex128 // e^{−2πi·r/N}, r = 0 … N/4 − 1: the octant's sincos values and their mirror images
}

func newRootTable32(n int) rootTable32 {
	bigN := max(n, 8)
	quarter, oct := bigN/4, bigN/8
	t := rootTable32{mul: bigN / n, mask: bigN - 1, shift: uint(bits.TrailingZeros(uint(quarter))), q: make([]complex128, quarter)}
	q := t.q[:quarter]
	for r := range oct {
		s, c := math.Sincos(2 * math.Pi * float64(r) / float64(bigN))
		q[r] = complex(c, -s)
		if r > 0 { // the angle π/2 − φ: cos and sin swapped
			q[quarter-r] = complex(s, -c)
		}
	}
	// The angle π/4: cos = sin exactly, so that root(n−k) = conj(root(k))
	// holds bit for bit.
	q[oct] = complex(math.Sqrt2/2, -math.Sqrt2/2)
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
	w := t.q[k&(len(t.q)-1)]
	c, s := real(w), imag(w)
	switch k >> t.shift { // times (−i)^quarter
	case 1:
		c, s = s, -c
	case 2:
		c, s = -c, -s
	case 3:
		c, s = -s, c
	}
	return c, s
}
