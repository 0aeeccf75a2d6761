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
// correlations run by FFT with the kernel spectra the plan cached, or as
// direct sums where Apply takes the direct sum (FFTLen() = 0), in float64
// with each gradient rounded once. Like Apply, Conv32 runs in float32 at
// the levels with float32 assembly (hasConv32SIMD: AVX2, AVX-512, NEON):
// the FFTs by RealPlan32 at Apply's power-of-two length with
// asm.MulComplex64 products, the direct sums by asm.ConvDirect (dk's in
// chunks of 128 steps added in float64); its error there is within 1e-5
// of each gradient's bound,
// max|dy|·max_h(Σ_j |k[h][j]| + |d[h]|) for du and
// max|u|·max|dy|·batch·seqLen for dk and dd.
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
	c   []complex128
	f   []float64
	c32 []complex64
	f32 []float32
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
	l := asm.Current()
	if !c.fft && !(c.d32 != nil && hasConv32SIMD(l)) {
		convBackward(l, nil, c.k, du, dk, dd, dy, u, d, c.channels, c.seqLen, nil, nil)
		return nil
	}
	if c.fft && !(c.f32 != nil && hasConv32SIMD(l)) {
		fftc := c.generic()
		s := c.genericScratch(fftc, true)
		convBackward(l, fftc, c.k, du, dk, dd, dy, u, d, c.channels, c.seqLen, s.c, s.f)
		c.pool.Put(s)
		return nil
	}
	s := gradScratchPool.Get().(*gradScratch)
	if !c.fft {
		// Apply's direct sum in assembly: the backward sums likewise.
		if n := c.seqLen + c.kernelLen - 1 + c.kernelLen; len(s.f32) < n {
			s.f32 = make([]float32, n)
		}
		if len(s.f) < c.kernelLen {
			s.f = make([]float64, c.kernelLen)
		}
		convBackwardDirect32(l, any(c.k).([]float32), any(du).([]float32), any(dk).([]float32), any(dd).([]float32),
			any(dy).([]float32), any(u).([]float32), any(d).([]float32), c.channels, c.seqLen, s.f32, s.f)
		gradScratchPool.Put(s)
		return nil
	}
	n, bins := c.f32.plan.Len(), c.f32.plan.Bins()
	if len(s.c32) < 4*bins {
		s.c32 = make([]complex64, 4*bins)
	}
	if len(s.f32) < n {
		s.f32 = make([]float32, n)
	}
	c.f32.backward(l, any(du).([]float32), any(dk).([]float32), any(dd).([]float32),
		any(dy).([]float32), any(u).([]float32), any(d).([]float32), c.channels, c.seqLen, c.kernelLen, s.c32, s.f32)
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

// backward is Conv32.Backward by the float32 pipeline at level l
// (hasConv32SIMD(l)). The correlations conj(k̂)·dŷ and conj(û)·dŷ are
// products of plain spectra: the FFT of dy reversed in time (dy'[t] =
// dy[−t mod n]) is conj(dŷ), so k̂·conj(dŷ) and û·conj(dŷ) run as
// asm.MulComplex64, and they are the conjugates of the wanted spectra,
// whose inverse FFTs are the wanted correlations reversed in time.
// Scratch: cs 4·bins, fs n.
func (f *conv32FFT) backward(l asm.Level, du, dk, dd, dy, u, d []float32, channels, seqLen, kernelLen int, cs []complex64, fs []float32) {
	n, bins := f.plan.Len(), f.plan.Bins()
	rdy, us, prod, acc := cs[:bins], cs[bins:2*bins], cs[2*bins:3*bins], cs[3*bins:4*bins]
	buf := fs[:n]
	row := channels * seqLen
	t := f.plan.pool.Get().(*scratch) // as conv32FFT.apply: the plan's kernels directly, one scratch
	defer f.plan.pool.Put(t)
	for h := range channels {
		kh := f.khat[h*bins : (h+1)*bins]
		var ddSum float64
		for b := 0; b+row <= len(u); b += row {
			uh := u[b+h*seqLen : b+(h+1)*seqLen]
			dyh := dy[b+h*seqLen : b+(h+1)*seqLen]
			if dd != nil {
				ddSum += dot64(dyh, uh)
			}
			if du == nil && dk == nil {
				continue
			}
			// buf = dy reversed in time: buf[0] = dy[0], buf[n−t] = dy[t].
			clear(buf)
			buf[0] = dyh[0]
			for t := 1; t < seqLen; t++ {
				buf[n-t] = dyh[t]
			}
			realForward32(l, f.plan, rdy, buf, t)
			if dk != nil {
				copy(buf, uh)
				clear(buf[seqLen:])
				realForward32(l, f.plan, us, buf, t)
				if b == 0 {
					copy(acc, rdy)
					mulSpectrum(l, acc, us)
				} else {
					copy(prod, rdy)
					mulSpectrum(l, prod, us)
					for i, v := range prod {
						acc[i] += v
					}
				}
			}
			if du != nil {
				copy(prod, rdy)
				mulSpectrum(l, prod, kh)
				realInverse32(l, f.plan, buf, prod, t)
				duh := du[b+h*seqLen : b+(h+1)*seqLen]
				duh[0] = buf[0]
				for m := 1; m < seqLen; m++ {
					duh[m] = buf[n-m]
				}
				if d != nil {
					addSkip(l, duh, dyh, d[h])
				}
			}
		}
		if dd != nil {
			dd[h] = float32(ddSum)
		}
		if dk != nil {
			realInverse32(l, f.plan, buf, acc, t)
			dkh := dk[h*kernelLen : (h+1)*kernelLen]
			dkh[0] = buf[0]
			for j := 1; j < kernelLen; j++ {
				dkh[j] = buf[n-j]
			}
		}
	}
}

// convBackwardChunk is the number of steps whose products convBackwardDirect32
// sums in float32 before adding them into dk's float64 sum: float32 sums
// of ≤ 128 terms stay within 128·2^-24 ≈ 7.6e-6 of the bound.
const convBackwardChunk = 128

// convBackwardDirect32 is Conv32.Backward by direct sums in float32 at
// level l (hasConv32SIMD(l)), like Apply's conv32Direct: du[m] = Σ_j
// k[j]·dy[m+j] is directRow over dy followed by K−1 zeros, plus d·dy by
// addSkip; dk[j] = Σ_m u[m]·dy[m+j] is directRow with u as the taps, over
// chunks of convBackwardChunk steps whose float32 sums add into float64;
// dd = Σ dy·u in float64. Scratch: fs seqLen+2K−1, acc K.
func convBackwardDirect32(l asm.Level, k, du, dk, dd, dy, u, d []float32, channels, seqLen int, fs []float32, acc []float64) {
	kernelLen := len(k) / channels
	pad, part := fs[:seqLen+kernelLen-1], fs[seqLen+kernelLen-1:seqLen+2*kernelLen-1]
	acc = acc[:kernelLen]
	clear(pad[seqLen:])
	row := channels * seqLen
	for h := range channels {
		kh := k[h*kernelLen : (h+1)*kernelLen]
		clear(acc)
		var ddSum float64
		for b := 0; b+row <= len(u); b += row {
			uh := u[b+h*seqLen : b+(h+1)*seqLen]
			dyh := dy[b+h*seqLen : b+(h+1)*seqLen]
			if dd != nil {
				ddSum += dot64(dyh, uh)
			}
			copy(pad, dyh)
			if du != nil {
				duh := du[b+h*seqLen : b+(h+1)*seqLen]
				directRow(l, duh, pad, kh)
				if d != nil {
					addSkip(l, duh, dyh, d[h])
				}
			}
			if dk != nil {
				for m0 := 0; m0 < seqLen; m0 += convBackwardChunk {
					m1 := min(m0+convBackwardChunk, seqLen)
					directRow(l, part, pad[m0:m1+kernelLen-1], uh[m0:m1])
					for j, v := range part {
						acc[j] += float64(v)
					}
				}
			}
		}
		if dd != nil {
			dd[h] = float32(ddSum)
		}
		if dk != nil {
			for j, v := range acc {
				dk[h*kernelLen+j] = float32(v)
			}
		}
	}
}

// dot64 returns Σ a[i]·b[i] summed in float64, in four interleaved sums so
// that the additions need not wait for one another.
func dot64(a, b []float32) float64 {
	b = b[:len(a)]
	var s0, s1, s2, s3 float64
	i := 0
	for ; i+4 <= len(a); i += 4 {
		s0 += float64(a[i]) * float64(b[i])
		s1 += float64(a[i+1]) * float64(b[i+1])
		s2 += float64(a[i+2]) * float64(b[i+2])
		s3 += float64(a[i+3]) * float64(b[i+3])
	}
	for ; i < len(a); i++ {
		s0 += float64(a[i]) * float64(b[i])
	}
	return (s0 + s1) + (s2 + s3)
}
