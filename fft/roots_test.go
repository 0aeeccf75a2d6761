package fft

import (
	"math"
	"math/big"
	"testing"
)

// divRootTable is the root table the plans used before rootTable32 found
// octants by masks: 4k = m·n + a with m = round(4k/n) by division, |a| ≤
// n/2, cos and sin of π·a/(2n) for the multiples a of four. rootTable32
// must give its values bit for bit, so that no twiddle changed.
type divRootTable struct {
	n  int
	cs []complex128
}

func newDivRootTable(n int) divRootTable {
	t := divRootTable{n: n, cs: make([]complex128, n/8+1)}
	for i := range t.cs {
		s, c := math.Sincos(math.Pi * float64(4*i) / float64(2*n))
		t.cs[i] = complex(c, s)
	}
	if n%8 == 0 {
		t.cs[n/8] = complex(math.Sqrt2/2, math.Sqrt2/2)
	}
	return t
}

func (t divRootTable) root(k int) (re, im float64) {
	n := t.n
	k %= n
	m := (4*k + n/2) / n
	a := 4*k - m*n
	var c, s float64
	if a >= 0 {
		c, s = real(t.cs[a>>2]), imag(t.cs[a>>2])
	} else {
		c, s = real(t.cs[(-a)>>2]), -imag(t.cs[(-a)>>2])
	}
	switch m & 3 {
	case 1:
		c, s = -s, c
	case 2:
		c, s = -c, -s
	case 3:
		c, s = s, -c
	}
	return c, -s
}

func TestRootTableMatchesTheDivisionTableBitForBit(t *testing.T) {
	for lg := 2; lg <= 20; lg++ {
		n := 1 << lg
		got, want := newRootTable32(n), newDivRootTable(n)
		step := max(1, n>>12) // every k up to 2^12, then a stride that hits every octant's ends
		check := func(k int) {
			gr, gi := got.root(k)
			wr, wi := want.root(k)
			if math.Float64bits(gr) != math.Float64bits(wr) || math.Float64bits(gi) != math.Float64bits(wi) {
				t.Fatalf("n=%d k=%d: root %v%+vi, the division table %v%+vi", n, k, gr, gi, wr, wi)
			}
		}
		for k := 0; k < 3*n; k += step {
			check(k)
			check(k + 1)
			check(k + step - 1)
		}
	}
}

// TestRootTableIsWithinAnUlpOfTheExactRoot bounds each part's error
// against cos and sin of 2πk/n computed in 200-bit arithmetic from a
// float64 sincos of the reduced angle plus its correction: the error of
// a table entry is that of one math.Sincos call on an exact angle.
func TestRootTableIsWithinAnUlpOfTheExactRoot(t *testing.T) {
	for _, n := range []int{8, 1024, 1 << 16, 1 << 20} {
		roots := newRootTable32(n)
		worst := 0.0
		for k := 0; k < n; k += max(1, n/2048) {
			re, im := roots.root(k)
			c, s := exactRoot(k, n)
			worst = max(worst, math.Abs(re-c), math.Abs(im-s))
		}
		t.Logf("n=%d: max |root − e^{−2πik/n}| = %.3g", n, worst)
		if worst > 1.2e-16 {
			t.Errorf("n=%d: a root is %.3g from the exact value, want ≤ 1.2e-16 (an ulp at 1)", n, worst)
		}
	}
}

// exactRoot returns cos and −sin of 2πk/n to float64 precision by the
// Taylor series in big.Float (the angle reduced to [−π, π] exactly in
// integers first).
func exactRoot(k, n int) (c, s float64) {
	const prec = 200
	k %= n
	if 2*k > n {
		k -= n
	}
	pi := new(big.Float).SetPrec(prec)
	// π to 60 digits, more than 200 bits need.
	pi.SetString("3.14159265358979323846264338327950288419716939937510582097494")
	x := new(big.Float).SetPrec(prec).Mul(pi, big.NewFloat(2*float64(k)))
	x.Quo(x, new(big.Float).SetPrec(prec).SetInt64(int64(n)))
	cos, sin := new(big.Float).SetPrec(prec).SetInt64(1), new(big.Float).SetPrec(prec).Set(x)
	term := new(big.Float).SetPrec(prec).SetInt64(1)
	x2 := new(big.Float).SetPrec(prec).Mul(x, x)
	for i := 1; i < 60; i++ {
		// term_i = (−1)^i x^{2i}/(2i)!; cos += term_i, sin += term_i·x/(2i+1)
		term.Mul(term, x2)
		term.Quo(term, new(big.Float).SetPrec(prec).SetInt64(int64(-(2*i-1)*(2*i))))
		cos.Add(cos, term)
		st := new(big.Float).SetPrec(prec).Mul(term, x)
		st.Quo(st, new(big.Float).SetPrec(prec).SetInt64(int64(2*i+1)))
		sin.Add(sin, st)
	}
	c, _ = cos.Float64()
	sn, _ := sin.Float64()
	return c, -sn
}
