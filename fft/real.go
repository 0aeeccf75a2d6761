package fft

import (
	"sync"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/generic"
)

// RealPlan64 is a real FFT of one length n: n float64 samples ↔ the n/2+1
// (integer division) complex128 bins X[0 … n/2] of their spectrum; the
// other bins are X[n−k] = conj X[k]. Immutable, safe for concurrent use,
// allocation-free in steady state. At the AVX2, AVX-512 and NEON levels n = 2h,
// h a power of two ≥ 32, runs Plan64's kernels on the half length and a
// vector pass (asm.FFT64RealPass), as RealPlan32 does in float32; a
// length that is not a power of two whose half length (odd n: n) has a
// prime factor other than 2, 3 and 5, or at AVX2 and AVX-512 is a
// 2^a·3^b·5^c length from realHalfMixedMinLen (16), runs the complex
// Plan64 of that length, which takes Bluestein's algorithm on the vector
// kernels or the mixed-radix stages, and the half-length pass (realHalf64: in Go,
// or for even h mostly asm.FFT64RealPass at AVX2 and AVX-512; forward,
// AVX2, before the mixed-radix stages and the vector pass, go test -bench
// on a throwaway benchmark of both paths: n = 66 2.6 → 0.56 µs, 2018 64
// → 19, 8190 183 → 66, 65537 9.4 → 6.0 ms); other n and levels run
// package generic.
type RealPlan64 struct {
	n       int
	gen     lazy[generic.RealFFTPlan]     // the float64 plan, built where a level runs it
	kernels levelKernels[*realStockham64] // per level; nil where the level runs plan
	tw      []complex128                  // the four-step twiddles, shared by the levels (under kernels.mu)
	half    *realHalf64                   // n not a power of two, whose complex FFT runs the mixed-radix stages or Bluestein on the vector kernels; else nil
	pool    sync.Pool
}

// NewRealPlan64 returns the plan of the real FFT of length n (1 ≤ n ≤
// MaxLen). Even n runs a complex FFT of length n/2 (the half-length trick),
// odd n one of length n.
func NewRealPlan64(n int) (*RealPlan64, error) {
	if err := checkPlanLen("NewRealPlan64", n); err != nil {
		return nil, err
	}
	p := &RealPlan64{n: n, pool: sync.Pool{New: func() any { return new(scratch) }}}
	var err error
	if p.half, err = newRealHalf64(n); err != nil {
		return nil, err
	}
	p.stockham(asm.Current())
	return p, nil
}

// stockham returns the Stockham plan of level l, or nil, built on first
// use.
func (p *RealPlan64) stockham(l asm.Level) *realStockham64 {
	return p.kernels.get(l, func(l asm.Level) *realStockham64 {
		rp := newRealStockham64(p.n, l, p.tw)
		if t := rp.fourStepTwiddles(); t != nil {
			p.tw = t
		}
		return rp
	})
}

// Len returns the real length n.
func (p *RealPlan64) Len() int { return p.n }

// Bins returns n/2+1, the length of the spectrum.
func (p *RealPlan64) Bins() int { return p.n/2 + 1 }

// Forward writes the bins X_k = Σ_j src_j·e^{−2πi·jk/n}, k = 0 … n/2, to
// dst. len(src) = n, len(dst) = n/2+1, and they share no memory.
func (p *RealPlan64) Forward(dst []complex128, src []float64) error {
	// The checks inline here, the errors' construction out of line (as in
	// Plan64.run): a short transform takes tens of nanoseconds.
	if p == nil || len(dst) != p.n/2+1 || len(src) != p.n || overlapNonEmpty(dst, src) {
		return p.forwardError(dst, src)
	}
	l := asm.Current()
	if h := p.half; h != nil && l == h.level && h.forwardDirect(dst, src) {
		return nil
	}
	if realForward64Short(l, p, dst, src) {
		return nil
	}
	s := p.pool.Get().(*scratch)
	realForward64(l, p, dst, src, s)
	p.pool.Put(s)
	return nil
}

// forwardError returns Forward's error for arguments its inline checks
// rejected.
func (p *RealPlan64) forwardError(dst []complex128, src []float64) error {
	const call = "RealPlan64.Forward"
	if p == nil {
		return errNilPlan(call, "RealPlan64")
	}
	return checkReal(call, p.n, dst, src)
}

// Inverse writes the real x of length n whose spectrum src holds (bins
// 0 … n/2, extended Hermitian), with the 1/n: Inverse undoes Forward.
// Im src[0] and, for even n, Im src[n/2] are ignored, as torch.fft.irfft
// ignores them. len(dst) = n, len(src) = n/2+1, no shared memory.
func (p *RealPlan64) Inverse(dst []float64, src []complex128) error {
	const call = "RealPlan64.Inverse"
	if p == nil {
		return errNilPlan(call, "RealPlan64")
	}
	if err := checkRealInverse(call, p.n, dst, src); err != nil {
		return err
	}
	l := asm.Current()
	if h := p.half; h != nil && l == h.level && h.inverseDirect(dst, src) {
		return nil
	}
	s := p.pool.Get().(*scratch)
	realInverse64(l, p, dst, src, s)
	p.pool.Put(s)
	return nil
}

// RealPlan32 is the float32 ↔ complex64 real FFT of one length n, with the
// bins, rules and guarantees of RealPlan64. At the AVX2, AVX-512 and NEON
// levels an n = 2h with h a power of two ≥ 32 runs in float32: the complex64
// Stockham FFT of length h (see Plan32) on z[j] = x[2j] + i·x[2j+1] (the
// input read in place as complex64), then one vector pass (asm.FFTRealPass)
// that pairs bins k and h−k into the n/2+1 bins; the inverse runs the pass
// first, then the inverse complex FFT written straight into dst. A
// length that is not a power of two runs the complex Plan32 of n/2 (odd
// n: of n) where that one takes the vector kernels — the mixed-radix
// stages at AVX2 and AVX-512 for a 2^a·3^b·5^c length from
// realHalfMixedMinLen (16), else Bluestein's algorithm from 32 (from 9 with a prime factor
// other than 2, 3 and 5) — and the half-length pass (realHalf32: in Go,
// or for even h mostly asm.FFTRealPass at AVX2 and AVX-512; forward,
// AVX2, before the mixed-radix stages and the vector pass,
// same benchmark as RealPlan64's: n = 100 1.5 → 0.86 µs, 1000 14.1 →
// 4.2, 1009 71 → 8.1, 3000 18.4 → 15.3, 10000 68 → 54, 65537 15.4 → 1.5
// ms). Other n and levels compute in float64 (one rounding of the
// result). Measured
// at n = 1024 (go test -run '^$' -bench 'FFT/r32/n=1024$' ./bench, three
// interleaved runs per SSMKERN_ISA): generic 4,200–4,700, AVX2
// 46,900–56,200, AVX-512 59,200–66,900 benchFFT MFLOPS (2.5·n·log2 n/µs).
type RealPlan32 struct {
	n       int
	gen     lazy[generic.RealFFTPlan]     // the float64 plan, built where a level runs it
	kernels levelKernels[*realStockham32] // per level; nil where the level runs plan
	tw      []complex64                   // the four-step twiddles, shared by the levels (under kernels.mu)
	half    *realHalf32                   // n not a power of two, whose complex FFT runs the mixed-radix stages or Bluestein on the vector kernels; else nil
	pool    sync.Pool

	// direct is the plan of directLevel, the level current when the plan
	// was made (nil where that level has none), which the calls take at
	// that level without the per-level lookup (as Plan32.direct).
	direct      *realStockham32
	directLevel asm.Level

	batch levelKernels[*realBatch32] // ForwardBatch's side-by-side plans (batch.go), built on first use
}

// NewRealPlan32 returns the plan of the real FFT of length n (1 ≤ n ≤
// MaxLen).
func NewRealPlan32(n int) (*RealPlan32, error) {
	if err := checkPlanLen("NewRealPlan32", n); err != nil {
		return nil, err
	}
	p := &RealPlan32{n: n, pool: sync.Pool{New: func() any { return new(scratch) }}}
	var err error
	if p.half, err = newRealHalf32(n); err != nil {
		return nil, err
	}
	p.directLevel = asm.Current()
	p.direct = p.stockham(p.directLevel)
	return p, nil
}

// stockham returns the Stockham plan of level l, or nil, built on first
// use.
func (p *RealPlan32) stockham(l asm.Level) *realStockham32 {
	if l == p.directLevel && p.direct != nil {
		return p.direct
	}
	return p.kernels.get(l, func(l asm.Level) *realStockham32 {
		rp := newRealStockham32(p.n, l, p.tw)
		if t := rp.fourStepTwiddles(); t != nil {
			p.tw = t
		}
		return rp
	})
}

// Len returns the real length n.
func (p *RealPlan32) Len() int { return p.n }

// Bins returns n/2+1, the length of the spectrum.
func (p *RealPlan32) Bins() int { return p.n/2 + 1 }

// Forward writes the bins X_k, k = 0 … n/2, of the FFT of src to dst; see
// RealPlan64.Forward.
func (p *RealPlan32) Forward(dst []complex64, src []float32) error {
	// The checks inline here (both lengths are at least 1), the errors'
	// construction out of line, as in Plan32.run.
	if p == nil || len(dst) != p.n/2+1 || len(src) != p.n || overlapNonEmpty(dst, src) {
		return p.forwardError(dst, src)
	}
	l := asm.Current()
	// A length that is not a power of two whose half runs the
	// mixed-radix stages: straight on them, without the pool (realHalf32).
	if h := p.half; h != nil && l == h.level && h.forwardDirect(dst, src) {
		return nil
	}
	if realForward32Short(l, p, dst, src) {
		return nil
	}
	s := p.pool.Get().(*scratch)
	realForward32(l, p, dst, src, s)
	p.pool.Put(s)
	return nil
}

// forwardError returns the error of Forward's arguments.
//
//go:noinline
func (p *RealPlan32) forwardError(dst []complex64, src []float32) error {
	const call = "RealPlan32.Forward"
	if p == nil {
		return errNilPlan(call, "RealPlan32")
	}
	return checkReal(call, p.n, dst, src)
}

// Inverse writes the real x of length n whose spectrum src holds, with the
// 1/n; see RealPlan64.Inverse.
func (p *RealPlan32) Inverse(dst []float32, src []complex64) error {
	if p == nil || len(dst) != p.n || len(src) != p.n/2+1 || overlapNonEmpty(dst, src) {
		return p.inverseError(dst, src)
	}
	l := asm.Current()
	if h := p.half; h != nil && l == h.level && h.inverseDirect(dst, src) {
		return nil
	}
	if realInverse32Short(l, p, dst, src) {
		return nil
	}
	s := p.pool.Get().(*scratch)
	realInverse32(l, p, dst, src, s)
	p.pool.Put(s)
	return nil
}

// inverseError returns the error of Inverse's arguments.
//
//go:noinline
func (p *RealPlan32) inverseError(dst []float32, src []complex64) error {
	const call = "RealPlan32.Inverse"
	if p == nil {
		return errNilPlan(call, "RealPlan32")
	}
	return checkRealInverse(call, p.n, dst, src)
}

func checkReal[C, F any](call string, n int, dst []C, src []F) error {
	if err := checkLen(call, "dst", dst, n/2+1, "n/2+1"); err != nil {
		return err
	}
	if err := checkLen(call, "src", src, n, "n"); err != nil {
		return err
	}
	return checkDisjoint(call, "dst", dst, "src", src)
}

func checkRealInverse[F, C any](call string, n int, dst []F, src []C) error {
	if err := checkLen(call, "dst", dst, n, "n"); err != nil {
		return err
	}
	if err := checkLen(call, "src", src, n/2+1, "n/2+1"); err != nil {
		return err
	}
	return checkDisjoint(call, "dst", dst, "src", src)
}
