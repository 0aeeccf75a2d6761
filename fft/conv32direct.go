package fft

import (
	"slices"
	"sync"

	"github.com/ssmkern/ssmkern/asm"
)

// conv32Direct is Conv32's direct sum at the levels with float32
// assembly: per row, the input after kernelLen−1 zeros (so that the first
// outputs need no special case) correlated with the reversed kernel
// (asm.ConvDirect), float32 sums, then the skip term.
type conv32Direct struct {
	rev  []float32 // [channels][kernelLen], each row reversed
	pool sync.Pool // *[]float32 of kernelLen−1+seqLen
}

func newConv32Direct(channels, seqLen, kernelLen int, k []float32) *conv32Direct {
	rev := slices.Clone(k)
	for h := range channels {
		slices.Reverse(rev[h*kernelLen : (h+1)*kernelLen])
	}
	c := &conv32Direct{rev: rev}
	c.pool.New = func() any {
		p := make([]float32, kernelLen-1+seqLen)
		return &p
	}
	return c
}

// apply runs a validated Apply at level l (hasConv32SIMD(l)).
func (c *conv32Direct) apply(l asm.Level, y, u, d []float32, channels, seqLen int) {
	kernelLen := len(c.rev) / channels
	pp := c.pool.Get().(*[]float32)
	p := *pp
	clear(p[:kernelLen-1])
	for r := 0; r < len(u)/seqLen; r++ {
		h := r % channels
		copy(p[kernelLen-1:], u[r*seqLen:(r+1)*seqLen])
		yr := y[r*seqLen : (r+1)*seqLen]
		directRow(l, yr, p, c.rev[h*kernelLen:(h+1)*kernelLen])
		if d != nil {
			addSkip(l, yr, p[kernelLen-1:], d[h]) // p holds u: y may be u
		}
	}
	c.pool.Put(pp)
}

// dot32 is Σ a[i]·b[i] in float32, for the outputs past the last whole
// vector.
func dot32(a, b []float32) float32 {
	var s float32
	for i, x := range a {
		s += x * b[i]
	}
	return s
}
