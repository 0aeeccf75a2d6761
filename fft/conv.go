package fft

import (
	"fmt"
	"math"
	"math/bits"
	"slices"
	"sync"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/generic"
)

// Conv32 is a causal long convolution with fixed kernels, the
// convolutional form of an LTI state space layer (S4, S4D): per channel h
// of each sequence,
//
//	y[h][l] = Σ_{j ≤ l, j < K} k[h][j]·u[h][l−j] + d[h]·u[h][l]
//
// with k [channels][K], 1 ≤ K ≤ seqLen. NewConv32 computes the kernels'
// spectra once (real FFT of the least even 2^a·3^b·5^c ≥ seqLen+K−1, so
// the circular product never wraps round); Apply transforms each row of u,
// multiplies, transforms back and adds the skip term. Short kernels, where
// the O(seqLen·K) sum is cheaper than the two FFTs, take the direct sum
// instead (see directIsFaster). At the generic level the sums run in
// float64 and y is rounded once; at AVX2, AVX-512 and NEON the FFT path is a
// float32 pipeline (conv32FFT: power-of-two real FFTs in assembly, the
// spectrum product and the skip term vectorised, kernel spectra from
// float64 FFTs), within 1e−5 normwise of the float64 direct sum
// (TestConvFFTEqualsDirectSumOverRandomShapesAtEveryLevel). Immutable, safe
// for concurrent use, allocation-free in steady state.
type Conv32 struct{ c convPlan[float32] }

// Conv64 is Conv32 for float64.
type Conv64 struct{ c convPlan[float64] }

// NewConv32 returns the convolution of channels channels of length seqLen
// with the kernels k ([channels][kernelLen], kernelLen = len(k)/channels,
// 1 ≤ kernelLen ≤ seqLen). k is copied: later changes to it do not affect
// the plan.
func NewConv32(channels, seqLen int, k []float32) (*Conv32, error) {
	c, err := newConvPlan("NewConv32", channels, seqLen, k, convAuto)
	if err != nil {
		return nil, err
	}
	return &Conv32{c: *c}, nil
}

// NewConv64 is NewConv32 for float64.
func NewConv64(channels, seqLen int, k []float64) (*Conv64, error) {
	c, err := newConvPlan("NewConv64", channels, seqLen, k, convAuto)
	if err != nil {
		return nil, err
	}
	return &Conv64{c: *c}, nil
}

// Apply convolves a batch of sequences: u and y are [batch][channels][seqLen]
// with the same length, a positive multiple of channels·seqLen; d is
// [channels], or nil for no skip term. y may be u itself (in place); y must
// not otherwise overlap u, and must not overlap d.
func (c *Conv32) Apply(y, u, d []float32) error {
	if c == nil {
		return errNilPlan("Conv32.Apply", "Conv32")
	}
	return c.c.apply("Conv32.Apply", y, u, d)
}

// Apply is Conv32.Apply for float64.
func (c *Conv64) Apply(y, u, d []float64) error {
	if c == nil {
		return errNilPlan("Conv64.Apply", "Conv64")
	}
	return c.c.apply("Conv64.Apply", y, u, d)
}

// Channels, SeqLen and KernelLen return the shape the plan was made for.
func (c *Conv32) Channels() int  { return c.c.channels }
func (c *Conv32) SeqLen() int    { return c.c.seqLen }
func (c *Conv32) KernelLen() int { return c.c.kernelLen }

// FFTLen returns the length of the real FFTs Apply runs at the current
// level (asm.Current()), or 0 when it takes the direct sum.
func (c *Conv32) FFTLen() int { return c.c.fftLen() }

// Channels, SeqLen and KernelLen return the shape the plan was made for.
func (c *Conv64) Channels() int  { return c.c.channels }
func (c *Conv64) SeqLen() int    { return c.c.seqLen }
func (c *Conv64) KernelLen() int { return c.c.kernelLen }

// FFTLen returns the length of the real FFTs Apply runs at the current
// level (asm.Current()), or 0 when it takes the direct sum.
func (c *Conv64) FFTLen() int { return c.c.fftLen() }

type convMode int

const (
	convAuto   convMode = iota // the faster of the two, by directIsFaster
	convDirect                 // tests: always the direct sum
	convFFT                    // tests: always the FFT
)

// convPlan is the shared body of Conv32 and Conv64.
type convPlan[F float32 | float64] struct {
	channels, seqLen, kernelLen int
	k                           []F                    // copy of the kernels
	fft                         bool                   // by FFT, else the direct sum
	gen                         *lazy[generic.FFTConv] // a pointer: Conv32 and Conv64 copy the plan
	pool                        *sync.Pool             // *scratch, for gen's calls and the direct sum
	f32                         *conv32FFT             // Conv32 by FFT on a host with float32 assembly; else nil
	d32                         *conv32Direct          // Conv32 by direct sum on such a host; else nil
	f64                         *conv64FFT             // Conv64 by FFT on a host with float64 assembly; else nil
}

// directIsFaster reports whether the direct sum beats the FFT for one row,
// by a cost model in multiply-add equivalents: the sum costs
// seqLen·(K + convDirectRowCost) − K²/2, the FFT path (two real FFTs, the
// conversions, the spectrum product, the pooled scratch)
// convFFTCostPerPoint·size·log2(size) + convFFTCallCost.
func directIsFaster(seqLen, kernelLen int) bool {
	size := float64(generic.ConvFFTLen(seqLen + kernelLen - 1))
	k := float64(kernelLen)
	direct := float64(seqLen)*(k+convDirectRowCost) - k*k/2
	return direct < convFFTCostPerPoint*size*math.Log2(size)+convFFTCallCost
}

// The cost model's constants are fitted to BenchmarkConvCrossover
// (conv_crossover_test.go) on the generic code (amd64, Go 1.26, one
// multiply-add ≈ 0.7 ns in the direct loop): the two paths cross at
// kernelLen ≈ 28 for seqLen 64, ≈ 16 for 256, ≈ 16–22 for 1024 and
// ≈ 20–26 for 4096, where the FFT path costs 12–19 ns per sample.
const (
	convDirectRowCost   = 4    // loop overhead per output, in multiply-adds
	convFFTCostPerPoint = 1.15 // per point and log2 point of the FFT length
	convFFTCallCost     = 900  // per row: scratch, conversions, short loops
)

// directIsFasterSIMD is directIsFaster for Conv32 on a host with its
// float32 assembly, in nanoseconds on this project's reference machine
// (AVX-512, BenchmarkConvCrossover): the direct sum costs about 0.036 ns
// per tap and output plus 0.25 per output, every output taking all K
// taps (the input is zero-padded in front); the FFT path (power-of-two
// length n) 0.12·n·log2 n + 300. They cross near kernelLen ≈ 100 for
// seqLen 256 … 4096 (K = 64: 2.3 ns per sample direct against 2.8–3.8 by
// FFT; K = 128: 4.5 against 3.0–4.0); for seqLen = 64 the direct sum wins
// at every kernel length.
func directIsFasterSIMD(seqLen, kernelLen int) bool {
	n := float64(conv32Len(seqLen, kernelLen))
	direct := float64(seqLen) * (convSIMDTapCost*float64(kernelLen) + convSIMDOutputCost)
	return direct < convSIMDFFTCostPerPoint*n*math.Log2(n)+convSIMDFFTCallCost
}

const (
	convSIMDTapCost         = 0.036
	convSIMDOutputCost      = 0.25
	convSIMDFFTCostPerPoint = 0.12
	convSIMDFFTCallCost     = 300
)

func newConvPlan[F float32 | float64](call string, channels, seqLen int, k []F, mode convMode) (*convPlan[F], error) {
	if channels < 1 {
		return nil, fmt.Errorf("fft: %s: channels = %d, want ≥ 1", call, channels)
	}
	if seqLen < 1 {
		return nil, fmt.Errorf("fft: %s: seqLen = %d, want ≥ 1", call, seqLen)
	}
	if seqLen > MaxLen/2 {
		return nil, fmt.Errorf("fft: %s: seqLen = %d exceeds %d (MaxLen/2)", call, seqLen, MaxLen/2)
	}
	if hi, lo := bits.Mul64(uint64(channels), uint64(seqLen)); hi != 0 || lo > math.MaxInt {
		return nil, fmt.Errorf("fft: %s: channels·seqLen = %d·%d overflows int", call, channels, seqLen)
	}
	if len(k) == 0 {
		return nil, fmt.Errorf("fft: %s: len(k) = 0, want channels·kernelLen with 1 ≤ kernelLen ≤ seqLen = %d", call, seqLen)
	}
	if len(k)%channels != 0 {
		return nil, fmt.Errorf("fft: %s: len(k) = %d is not a multiple of channels = %d", call, len(k), channels)
	}
	kernelLen := len(k) / channels
	if kernelLen > seqLen {
		return nil, fmt.Errorf("fft: %s: kernelLen = len(k)/channels = %d exceeds seqLen = %d", call, kernelLen, seqLen)
	}
	c := &convPlan[F]{channels: channels, seqLen: seqLen, kernelLen: kernelLen, gen: &lazy[generic.FFTConv]{}}
	k32, simd := any(k).([]float32)
	simd = simd && slices.ContainsFunc(asm.Levels(), hasConv32SIMD)
	direct := directIsFaster(seqLen, kernelLen)
	if simd {
		direct = directIsFasterSIMD(seqLen, kernelLen)
	}
	c.k = append([]F(nil), k...)
	c.pool = &sync.Pool{New: func() any { return &scratch{} }}
	if mode == convDirect || (mode == convAuto && direct) {
		if simd {
			c.d32 = newConv32Direct(channels, seqLen, kernelLen, k32)
		}
		return c, nil
	}
	c.fft = true
	var err error
	if simd {
		if c.f32, err = newConv32FFT(channels, seqLen, kernelLen, k32); err != nil {
			return nil, fmt.Errorf("fft: %s: %w", call, err)
		}
	}
	if k64, ok := any(k).([]float64); ok {
		if c.f64, err = newConv64FFT(channels, seqLen, kernelLen, k64); err != nil {
			return nil, fmt.Errorf("fft: %s: %w", call, err)
		}
	}
	if c.f32 == nil && c.f64 == nil {
		// Every level of this host runs the generic pipeline: build it
		// now, so that its errors surface here.
		fftc, err := generic.NewFFTConv(channels, seqLen, k)
		if err != nil {
			return nil, fmt.Errorf("fft: %s: %w", call, err)
		}
		c.gen.v.Store(fftc)
	}
	return c, nil
}

// generic returns the float64 pipeline (kernel spectra at the length
// generic.ConvFFTLen, complex128), built on first use where a vector
// pipeline serves the host's levels: it then runs only if the level is
// set to generic, or for Conv64's Backward, and would otherwise double
// the plan's memory and its construction time.
func (c *convPlan[F]) generic() *generic.FFTConv {
	return c.gen.get(func() *generic.FFTConv {
		fftc, err := generic.NewFFTConv(c.channels, c.seqLen, c.k)
		if err != nil {
			panic("fft: generic.NewFFTConv rejected a checked shape: " + err.Error())
		}
		return fftc
	})
}

// genericScratch returns a scratch of c.pool with room for fftc's calls
// (backward: Backward's).
func (c *convPlan[F]) genericScratch(fftc *generic.FFTConv, backward bool) *scratch {
	s := c.pool.Get().(*scratch)
	cl, rl := fftc.ScratchLen()
	if backward {
		cl, rl = fftc.BackwardScratchLen()
	}
	if len(s.c) < cl {
		s.c = make([]complex128, cl)
	}
	if len(s.f) < rl {
		s.f = make([]float64, rl)
	}
	return s
}

// fftLen returns the length of the real FFTs Apply runs at the current
// level, 0 for the direct sum.
func (c *convPlan[F]) fftLen() int {
	if !c.fft {
		return 0
	}
	l := asm.Current()
	switch {
	case c.f64 != nil && hasStockham32(l):
		return c.f64.plan.Len()
	case c.f32 != nil && hasConv32SIMD(l):
		return c.f32.plan.Len()
	}
	return generic.ConvFFTLen(c.seqLen + c.kernelLen - 1)
}

func (c *convPlan[F]) apply(call string, y, u, d []F) error {
	row := c.channels * c.seqLen
	if len(u) == 0 || len(u)%row != 0 {
		return fmt.Errorf("fft: %s: len(u) = %d, want a positive multiple of channels·seqLen = %d", call, len(u), row)
	}
	if len(y) != len(u) {
		return fmt.Errorf("fft: %s: len(y) = %d, want len(u) = %d", call, len(y), len(u))
	}
	if d != nil && len(d) != c.channels {
		return fmt.Errorf("fft: %s: len(d) = %d, want channels = %d (or d = nil)", call, len(d), c.channels)
	}
	if err := checkInPlace(call, y, u); err != nil {
		return fmt.Errorf("fft: %s: y and u overlap partially (y must be u itself or share no memory with it)", call)
	}
	if err := checkDisjoint(call, "y", y, "d", d); err != nil {
		return err
	}
	l := asm.Current()
	if c.f64 != nil && hasStockham32(l) {
		c.f64.apply(l, any(y).([]float64), any(u).([]float64), any(d).([]float64), c.channels, c.seqLen)
		return nil
	}
	if hasConv32SIMD(l) {
		switch {
		case c.f32 != nil:
			c.f32.apply(l, any(y).([]float32), any(u).([]float32), any(d).([]float32), c.channels, c.seqLen)
			return nil
		case c.d32 != nil:
			c.d32.apply(l, any(y).([]float32), any(u).([]float32), any(d).([]float32), c.channels, c.seqLen)
			return nil
		}
	}
	if !c.fft {
		s := c.pool.Get().(*scratch)
		convApply(l, nil, c.k, y, u, d, c.channels, c.seqLen, s.c, s.f)
		c.pool.Put(s)
		return nil
	}
	fftc := c.generic()
	s := c.genericScratch(fftc, false)
	convApply(l, fftc, c.k, y, u, d, c.channels, c.seqLen, s.c, s.f)
	c.pool.Put(s)
	return nil
}
