package fft

import (
	"fmt"
	"sync"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/generic"
)

// Backward computes the gradients of a loss through Apply: given dy =
// ∂loss/∂y for y = k * u + d·u (u, dy [batch][channels][seqLen], d
// [channels] or nil as in Apply), it writes
//
//	du[b][h][m] = Σ_{j < K, m+j < seqLen} k[h][j]·dy[b][h][m+j] + d[h]·dy[b][h][m]
//	dk[h][j]    = Σ_b Σ_{l ≥ j} dy[b][h][l]·u[b][h][l−j]      ([channels][kernelLen])
//	dd[h]       = Σ_b Σ_l dy[b][h][l]·u[b][h][l]              ([channels])
//
// Each of du, dk, dd may be nil (not wanted); the others are overwritten
// (dk and dd are sums over the batch, not accumulated into). The
// correlations run by FFT at the plan's FFT length with the kernel spectra
// the plan cached, or as direct sums where Apply takes the direct sum
// (FFTLen() = 0); either way in float64, each gradient rounded once.
// No output may share memory with an input or with another output. Safe
// for concurrent use; allocation-free in steady state.
func (c *Conv32) Backward(du, dk, dd, dy, u, d []float32) error {
	if c == nil {
		return errNilPlan("Conv32.Backward", "Conv32")
	}
	return c.c.backward("Conv32.Backward", du, dk, dd, dy, u, d)
}

// Backward is Conv32.Backward for float64.
func (c *Conv64) Backward(du, dk, dd, dy, u, d []float64) error {
	if c == nil {
		return errNilPlan("Conv64.Backward", "Conv64")
	}
	return c.c.backward("Conv64.Backward", du, dk, dd, dy, u, d)
}

// gradScratch is the working memory of Backward. One pool serves every
// plan: a buffer grows to the largest plan it has served and then stays
// that size, so that steady-state calls allocate nothing whatever mix of
// shapes they use (Conv's own pool has the forward pass's sizes only).
type gradScratch struct {
	c []complex128
	f []float64
}

var gradScratchPool = sync.Pool{New: func() any { return new(gradScratch) }}

func (c *convPlan[F]) backward(call string, du, dk, dd, dy, u, d []F) error {
	row := c.channels * c.seqLen
	if len(u) == 0 || len(u)%row != 0 {
		return fmt.Errorf("fft: %s: len(u) = %d, want a positive multiple of channels·seqLen = %d", call, len(u), row)
	}
	if len(dy) != len(u) {
		return fmt.Errorf("fft: %s: len(dy) = %d, want len(u) = %d", call, len(dy), len(u))
	}
	if du != nil && len(du) != len(u) {
		return fmt.Errorf("fft: %s: len(du) = %d, want len(u) = %d (or du = nil)", call, len(du), len(u))
	}
	if dk != nil && len(dk) != c.channels*c.kernelLen {
		return fmt.Errorf("fft: %s: len(dk) = %d, want channels·kernelLen = %d (or dk = nil)", call, len(dk), c.channels*c.kernelLen)
	}
	if dd != nil && len(dd) != c.channels {
		return fmt.Errorf("fft: %s: len(dd) = %d, want channels = %d (or dd = nil)", call, len(dd), c.channels)
	}
	if d != nil && len(d) != c.channels {
		return fmt.Errorf("fft: %s: len(d) = %d, want channels = %d (or d = nil)", call, len(d), c.channels)
	}
	outs := []struct {
		name string
		s    []F
	}{{"du", du}, {"dk", dk}, {"dd", dd}}
	for i, o := range outs {
		for _, in := range []struct {
			name string
			s    []F
		}{{"dy", dy}, {"u", u}, {"d", d}} {
			if err := checkDisjoint(call, o.name, o.s, in.name, in.s); err != nil {
				return err
			}
		}
		for _, p := range outs[i+1:] {
			if err := checkDisjoint(call, o.name, o.s, p.name, p.s); err != nil {
				return err
			}
		}
	}
	if du == nil && dk == nil && dd == nil {
		return nil
	}
	if c.fftc == nil {
		convBackward(asm.Current(), nil, c.k, du, dk, dd, dy, u, d, c.channels, c.seqLen, nil, nil)
		return nil
	}
	s := gradScratchPool.Get().(*gradScratch)
	cl, rl := c.fftc.BackwardScratchLen()
	if len(s.c) < cl {
		s.c = make([]complex128, cl)
	}
	if len(s.f) < rl {
		s.f = make([]float64, rl)
	}
	convBackward(asm.Current(), c.fftc, c.k, du, dk, dd, dy, u, d, c.channels, c.seqLen, s.c, s.f)
	gradScratchPool.Put(s)
	return nil
}

// convBackward runs a validated backward pass, by direct sums (fftc nil)
// or by FFT correlations. Like convApply it takes the level read once by
// the public call; every level runs the plain-Go code of package generic
// today, and a SIMD path of the convolution belongs here too.
func convBackward[F float32 | float64](l asm.Level, fftc *generic.FFTConv, k, du, dk, dd, dy, u, d []F, channels, seqLen int, cs []complex128, fs []float64) {
	if fftc == nil {
		generic.ConvBackwardDirect(du, dk, dd, dy, u, k, d, channels, seqLen)
		return
	}
	generic.ConvBackwardFFT(fftc, du, dk, dd, dy, u, d, cs, fs)
}
