//go:build gc && !purego

package fft

import (
	"math"
	"math/bits"

	"github.com/ssmkern/ssmkern/asm"
)

// stockham32 is the float32 Stockham plan of a power-of-two complex64 FFT
// for one vector level: a radix-2 first stage when log2 n is odd, then
// radix-4 stages, with every twiddle computed in float64 (cos and sin of
// its exact angle) and rounded once to float32. The table layouts are
// those of asm.FFTRadix4 at that level. Immutable once built.
type stockham32 struct {
	n      int
	level  asm.Level
	radix2 bool      // a radix-2 stage (ls = 1) runs first
	stages []stage32 // the radix-4 stages, in order
	tw     []float32 // all radix-4 tables, back to back
}

// stage32 is one radix-4 stage: sub-transform length ls, r = n/(4·ls), and
// its table tw[off : off+len].
type stage32 struct {
	ls, r, off, len int
}

// stockhamMinLen is the shortest length the float32 Stockham kernels run:
// below it, the last stages of a ZMM level have fewer j than a vector holds,
// and the transform takes well under a microsecond in package generic.
const stockhamMinLen = 32

// newStockham32 returns the plan of length n at level l, or nil when n is
// not a power of two, is too short, or a stage has no kernel at l.
func newStockham32(n int, l asm.Level) *stockham32 {
	if n < stockhamMinLen || n&(n-1) != 0 || !hasStockham32(l) {
		return nil
	}
	p := &stockham32{n: n, level: l}
	ls := 1
	if bits.TrailingZeros(uint(n))%2 == 1 {
		p.radix2 = true
		ls = 2
		if (n/2)%asm.FFTValues(l) != 0 {
			return nil
		}
	}
	total := 0
	for ; ls < n; ls *= 4 {
		r := n / (4 * ls)
		if !asm.FFTRadix4Supported(l, ls, r) {
			return nil
		}
		s := stage32{ls: ls, r: r, off: total}
		if ls > 1 || asm.FFTRadix4Narrow(l, r) {
			s.len = asm.FFTRadix4TwiddleLen(l, ls, r)
		}
		total += s.len
		p.stages = append(p.stages, s)
	}
	p.tw = make([]float32, total)
	v := asm.FFTValues(l)
	for _, s := range p.stages {
		if s.len == 0 {
			continue
		}
		tw := p.tw[s.off : s.off+s.len]
		stride := n / (4 * s.ls) // ω_{4ls}^{qj} = ω_n^{qj·stride}
		if !asm.FFTRadix4Narrow(l, s.r) {
			for j := range s.ls {
				for q := 1; q < 4; q++ {
					c, si := rootOfUnity(n, q*j*stride)
					tw[6*j+2*q-2], tw[6*j+2*q-1] = c, si
				}
			}
			continue
		}
		// Narrow: per vector g of v values (value i is j = (g·v+i)/r),
		// six vectors of 2v floats: Re w1, Im w1, Re w2, … duplicated.
		for g := range s.ls * s.r / v {
			blk := tw[g*12*v : (g+1)*12*v]
			for i := range v {
				j := (g*v + i) / s.r
				for q := 1; q < 4; q++ {
					c, si := rootOfUnity(n, q*j*stride)
					re := blk[(2*q-2)*2*v : (2*q-1)*2*v]
					im := blk[(2*q-1)*2*v : 2*q*2*v]
					re[2*i], re[2*i+1] = c, c
					im[2*i], im[2*i+1] = si, si
				}
			}
		}
	}
	return p
}

// rootOfUnity returns e^{−2πi·k/n} rounded to float32 parts.
func rootOfUnity(n, k int) (re, im float32) {
	c, s := rootOfUnity64(n, k)
	return float32(c), float32(s)
}

// rootOfUnity64 returns e^{−2πi·k/n} from cos and sin of the angle
// reduced to the first octant in exact integer arithmetic (4k = m·n + a,
// |a| ≤ n/2), so each part is within about an ulp of float64: rounded to
// float32, within half an ulp plus a float64 rounding.
func rootOfUnity64(n, k int) (re, im float64) {
	k %= n
	m := (4*k + n/2) / n
	a := 4*k - m*n
	s, c := math.Sincos(math.Pi * float64(a) / float64(2*n))
	switch m & 3 { // e^{−i(m·π/2 + φ)}
	case 1:
		c, s = -s, c
	case 2:
		c, s = -c, -s
	case 3:
		c, s = s, -c
	}
	return c, -s
}

// realStockham32 is the float32 plan of an even-length real FFT at one
// vector level: the complex plan of the half length h = n/2 and the table
// of asm.FFTRealPass, t_k = −i·ω_n^k/2 for k = 1 … h/2 (per vector of k,
// Re t and Im t each duplicated over a complex value's two lanes).
type realStockham32 struct {
	h    int
	cplx *stockham32
	tw   []float32
}

// newRealStockham32 returns the plan of the real FFT of length n at level
// l, or nil when n/2 has no float32 Stockham plan there.
func newRealStockham32(n int, l asm.Level) *realStockham32 {
	h := n / 2
	if n%2 != 0 || !asm.FFTRealPassSupported(l, h) {
		return nil
	}
	cplx := newStockham32(h, l)
	if cplx == nil {
		return nil
	}
	p := &realStockham32{h: h, cplx: cplx, tw: make([]float32, asm.FFTRealPassTwiddleLen(h))}
	v := asm.FFTValues(l)
	for g := range h / 2 / v {
		blk := p.tw[g*4*v : (g+1)*4*v]
		for i := range v {
			c, s := rootOfUnity64(n, 1+g*v+i)
			re, im := float32(s/2), float32(-c/2) // −i·(c + i·s)/2
			blk[2*i], blk[2*i+1] = re, re
			blk[2*v+2*i], blk[2*v+2*i+1] = im, im
		}
	}
	return p
}
