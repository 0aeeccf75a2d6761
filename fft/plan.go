package fft

import (
	"sync"
	"sync/atomic"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/generic"
)

// MaxLen is the largest transform length a plan accepts (2^28), so that
// every internal buffer size fits an int on every platform.
const MaxLen = generic.MaxFFTLen

// scratch is the per-call working memory of a plan, kept in the plan's
// sync.Pool so that a call allocates nothing once the pool holds one per
// concurrent caller.
type scratch struct {
	c []complex128
	f []float64
	w []complex64  // the float32 Stockham kernels' work buffer
	b []complex64  // bluestein32's length-m buffer
	d []complex128 // bluestein64's length-m buffer
	z []complex64  // a real plan's length-n buffer (realHalf32, odd n)
	y []complex128 // realHalf64's
}

// complex128s returns s.c with at least n values, allocating it the first
// time this pooled scratch serves a call that needs it.
func (s *scratch) complex128s(n int) []complex128 {
	if len(s.c) < n {
		s.c = make([]complex128, n)
	}
	return s.c[:n]
}

// float64s is complex128s for the float64 buffer.
func (s *scratch) float64s(n int) []float64 {
	if len(s.f) < n {
		s.f = make([]float64, n)
	}
	return s.f[:n]
}

// complex64s is complex128s for the complex64 work buffer.
func (s *scratch) complex64s(n int) []complex64 {
	if len(s.w) < n {
		s.w = make([]complex64, n)
	}
	return s.w[:n]
}

// bluestein is complex64s for bluestein32's buffer.
func (s *scratch) bluestein(n int) []complex64 {
	if len(s.b) < n {
		s.b = make([]complex64, n)
	}
	return s.b[:n]
}

// bluestein128 is bluestein for bluestein64's buffer.
func (s *scratch) bluestein128(n int) []complex128 {
	if len(s.d) < n {
		s.d = make([]complex128, n)
	}
	return s.d[:n]
}

// realBuf32 is bluestein for realHalf32's buffer.
func (s *scratch) realBuf32(n int) []complex64 {
	if len(s.z) < n {
		s.z = make([]complex64, n)
	}
	return s.z[:n]
}

// realBuf64 is bluestein for realHalf64's buffer.
func (s *scratch) realBuf64(n int) []complex128 {
	if len(s.y) < n {
		s.y = make([]complex128, n)
	}
	return s.y[:n]
}

func newScratchPool(complexLen, realLen int) sync.Pool {
	return sync.Pool{New: func() any {
		return &scratch{c: make([]complex128, complexLen), f: make([]float64, realLen)}
	}}
}

// Plan64 is a complex128 FFT of one length n. It is immutable and safe for
// concurrent use; its calls allocate nothing in steady state.
//
// At the AVX2, AVX-512 and NEON levels a power-of-two n ≥ 32 runs the
// float64 twins of Plan32's Stockham kernels (avogen/fft64.go; interleaved, radix
// 2 then radix 4, the last two fused at AVX-512 and at AVX2 for n = 1024
// (asm.FFT64Tail16), at AVX2 radix 8 from the
// first stage for n = 256 … 65536 (radix8Front64), at AVX-512 radix 8
// first for odd log2 n up to 2^17 (radix8MaxLenAVX512) and n = 1024 a
// radix-16 first pass (fuseRadix16of64), twiddles from exact angles; four
// steps from 2^18, n = 2^20 7,400 → 11,500 MFLOPS at AVX2);
// a length n ≥ 9 with a prime factor other than 2, 3 and 5 runs
// Bluestein's algorithm on those kernels (bluestein64: n = 4095 176 →
// 60 µs, 65537 7.6 → 2.9 ms at AVX2); at AVX2, AVX-512 and NEON a
// 2^a·3^b·5^c length from mixedMinLen (6) that is not a power of two
// runs a chain of mixed-radix Stockham stages in assembly
// (asm.FFT64MixedStage, mixed64: the radix-5 stages, then 3, then 2^a
// as a radix 2 or 4 and radix 8s (at NEON: a radix 2 for odd a, then
// 4s), as mixedRadices orders them; twiddles
// generic.Roots', the work buffer the plan's own as for the three-pass
// plans); other n and levels run package generic, whose float64
// mixed-radix stages had run these lengths at every level (n = 1000 8.5
// µs against FFTW's 1.56).
//
// n = 32 … 256 (at AVX2 … 128) run instead one whole-transform
// kernel (asm.FFT64SmallKernel, avogen/fftsmall.go) without the scratch
// pool; at AVX2 n = 256, 512 and 1024 run their three passes as one
// kernel call of loops (asm.FFT64N256Y, FFT64N512Y, FFT64N1024Y;
// avogen/fft512y64.go), every stride a constant and the work in the
// kernel's frame (256 241–243 → 219–221 ns, 512 550–559 → 534–540 ns);
// the other plans of three passes (AVX-512 512 and 1024) run them
// straight from the plan made at the current level (Plan64.direct,
// runThree64) with a work buffer of the plan's own (transform64Three).
// What still holds AVX2 512 and 1024 near FFTW's
// speed is the last pass's table out of L1 after the first pass (41.5 KB
// of buffers and tables at 512) and the passes' vector-pipe work; the
// smaller tables tried cost more in shuffles than the evictions they
// saved (asm.FFT64Radix8, fft64R8Narrow1X). The package doc gives the
// speed against FFTW, size by size and level by level.
type Plan64 struct {
	n       int
	gen     lazy[generic.FFTPlan] // the float64 plan, built where a level runs it
	kernels levelKernels[plan64Kernels]
	tw      []complex128 // the four-step twiddles, shared by the levels (under kernels.mu)
	blue    *bluestein64 // useBluestein64(n), at the levels with float64 kernels; else nil
	pool    sync.Pool

	// direct is the Stockham plan of directLevel, the level current when
	// the plan was made (nil where that level runs none), taken by run
	// without the per-level lookup, as Plan32.direct.
	direct      *stockham64
	directLevel asm.Level
	// own is the work buffer of direct's three-pass plans
	// (transform64Three), taken by one call at a time while busy (0 free,
	// 1 taken) and for good once two calls have overlapped (2: the pool
	// serves every call).
	own  []complex128
	busy atomic.Uint32
	// directMixed is the mixed-radix plan of directLevel (nil where that
	// level runs none), which also takes own (transform64Mixed).
	directMixed *mixed64

	batch levelKernels[*batch64] // ForwardBatch's side-by-side plans (batch.go), built on first use
}

// plan64Kernels is one level's kernels: the four-step plan for long n,
// else the Stockham plan, else the mixed-radix plan, else none (the
// level runs Bluestein or package generic).
type plan64Kernels struct {
	fs *fourStep64
	sp *stockham64
	mx *mixed64
}

// NewPlan64 returns the plan of the complex128 FFT of length n (1 ≤ n ≤
// MaxLen). Lengths 2^a·3^b·5^c run mixed-radix stages; any other n runs
// Bluestein's algorithm through a power-of-two FFT of length ≥ 2n−1.
func NewPlan64(n int) (*Plan64, error) {
	if err := checkPlanLen("NewPlan64", n); err != nil {
		return nil, err
	}
	p := &Plan64{n: n, pool: sync.Pool{New: func() any { return new(scratch) }}}
	var err error
	if p.blue, err = newBluestein64(n); err != nil {
		return nil, err
	}
	p.directLevel = asm.Current()
	k := p.levelKernels(p.directLevel)
	p.direct, p.directMixed = k.sp, k.mx
	if ownWork64(p.direct) || p.directMixed != nil {
		p.own = make([]complex128, n)
	}
	return p, nil
}

// levelKernels returns level l's kernels, built on first use.
func (p *Plan64) levelKernels(l asm.Level) plan64Kernels {
	return p.kernels.get(l, func(l asm.Level) plan64Kernels {
		if fs := newFourStep64(p.n, l, p.tw); fs != nil {
			p.tw = fs.twiddles()
			return plan64Kernels{fs: fs}
		}
		if sp := newStockham64(p.n, l); sp != nil {
			return plan64Kernels{sp: sp}
		}
		return plan64Kernels{mx: newMixed64(p.n, l)}
	})
}

// mixed returns the mixed-radix plan of level l, or nil.
func (p *Plan64) mixed(l asm.Level) *mixed64 {
	if k, ok := p.kernels.built(l); ok {
		return k.mx
	}
	return p.levelKernels(l).mx
}

// fourStep returns the four-step plan of level l, or nil.
func (p *Plan64) fourStep(l asm.Level) *fourStep64 { return p.levelKernels(l).fs }

// stockham returns the float64 Stockham plan of level l, or nil.
func (p *Plan64) stockham(l asm.Level) *stockham64 { return p.levelKernels(l).sp }

// Len returns the transform length n.
func (p *Plan64) Len() int { return p.n }

// Forward writes X_k = Σ_j src_j·e^{−2πi·jk/n} (unnormalised) to dst.
// len(dst) = len(src) = n; dst may be src itself (in place) but may not
// overlap it partially.
func (p *Plan64) Forward(dst, src []complex128) error {
	return p.run("Plan64.Forward", dst, src, false)
}

// Inverse writes x_j = (1/n)·Σ_k src_k·e^{+2πi·jk/n} to dst, so that
// Inverse undoes Forward. The same rules as Forward hold for dst and src.
func (p *Plan64) Inverse(dst, src []complex128) error {
	return p.run("Plan64.Inverse", dst, src, true)
}

func (p *Plan64) run(call string, dst, src []complex128, inverse bool) error {
	// The checks inline here, the errors' construction out of line: a
	// short transform takes tens of nanoseconds.
	if p == nil || len(dst) != p.n || len(src) != p.n || overlapSameLen(dst, src) {
		return p.argError(call, dst, src)
	}
	l := asm.Current()
	if m := p.directMixed; m != nil && l == p.directLevel && takeOwn(&p.busy) {
		// As Plan32.run.
		runMixed64(m, dst, src, p.own, inverse)
		releaseOwn(&p.busy)
		return nil
	}
	if transform64Short(l, p, dst, src, inverse) {
		return nil
	}
	s := p.pool.Get().(*scratch)
	transform(l, p, dst, src, s, inverse)
	p.pool.Put(s)
	return nil
}

// Plan32 is a complex64 FFT of one length n. It is immutable and safe for
// concurrent use; its calls allocate nothing in steady state.
//
// At the AVX2, AVX-512 and NEON levels a power-of-two n ≥ 32 runs float32
// Stockham stages in assembly (avogen/fft.go, avogen/neongen/fft.go): when
// log2 n is odd a radix-8 first stage (n ≤ 2048) or a radix-2 one, then
// radix-4 stages; at AVX-512 the last two fused into one radix-16 pass
// (asm.FFTTail16), the others fused in pairs (asm.FFTRadix16), and from
// n = 2048 the passes between the first and the last on buffers with a
// cache line of padding after every n/16 values (stockham32.segStages),
// so that n = 65536 takes four passes whose sixteen streams do not share
// an L1 set; no bit-reversal pass, twiddles computed in float64
// (cos and sin of the exact angle) when the plan is made and stored as
// float32 tables in the plan; from n = 2^18 a four-step decomposition
// keeps the working set in L2 (see fourStep32). Inverses fold the 1/n
// into the first stage. Measured relative RMS error against the float64 plan:
// 1.1e-7 at n = 1024, 1.4e-7 at 2^16, 1.6e-7 at 2^20 (bound 1e-6·log2 n).
// At AVX2, AVX-512 and NEON a 2^a·3^b·5^c length from mixedMinLen (6) that
// is not a power of two runs a chain of float32 mixed-radix Stockham
// stages in assembly (asm.FFTMixedStage, mixed32: the radix-5 stages,
// then 3, then 2^a as a radix 2 or 4 and radix 8s (at NEON: a radix 2
// for odd a, then 4s), as mixedRadices orders them),
// ping-ponging between dst and the plan's own work buffer (taken by one
// call at a time, as Plan64's), twiddles from generic.Roots in float64
// rounded once, the inverse's 1/n on the first stage. At the vector
// levels any n ≥ 9 with a prime factor other than 2, 3 and 5 runs
// Bluestein's algorithm on the power-of-two kernels (bluestein32: the
// chirp products in assembly, a convolution of the power-of-two length m
// ≥ 2n − 1): n = 1009 (prime) 38.9 µs generic against 6.7 AVX2 and 4.7
// AVX-512 (go test -run '^$' -bench 'FFT/c64/n=1009$' -benchtime 2000x
// ./bench per SSMKERN_ISA; before the mixed-radix stages n = 1000 ran
// so in 4.5 µs at AVX-512, 3000 in 25.6); measured error ≤ 2.3% of the
// bound up to n = 1000003. Every other n and level computes in float64
// (src widened into pooled complex128 scratch, transformed by package
// generic, rounded once into dst).
//
// n = 32 … 256 do not run the stages: each is one straight-line kernel
// call (asm.FFTSmallKernel, avogen/fftsmall.go), data loaded once, the
// DFTs across vectors and an in-register transpose, stored once; at n =
// 64 the per-stage calls had cost as much as the arithmetic; so is n =
// 512 at AVX2 (its three stages took 305 ns with the pool's 13, the
// kernel 278–292). n = 512, 1024 and 2048 at AVX-512 and 1024 at AVX2
// run their passes as one kernel call of loops (asm.FFT512, FFT1024,
// FFT2048, FFT1024Y: avogen/fft512.go, fft1024.go, fft2048.go,
// fft1024y.go), every stride a constant and the work in the kernel's
// frame: no pool, no per-pass calls, no multiply by 1 on the forward
// (AVX-512 1024 585 → 500 ns with the tail software-pipelined and the
// butterflies' adds partly on the FMA pipes; 512 282 → 234, 2048 1305 →
// 1220; AVX2 1024 678 → 633). A straight-line kernel of 1024 had
// overflowed the instruction cache (AVX2, 906–922 against 655–699 ns).
// A call at the level the plan was made at takes that level's plan from
// a field (Plan32.direct) after checks that inline: the per-level
// lookup, the calls between run and the kernel and the overlap check had
// been a fifth of a 64-point transform (AVX2 39.0 → 33.0 ns).
//
// The package doc gives the speed against FFTW, size by size and level
// by level, and how it is measured.
//
// Interleaved, not split: the data stay (re, im) pairs, the layout of
// []complex64, and a twiddle product is VPERMILPS, VMULPS, VFMADDSUB. A
// split-format radix-4 stage (re and im in separate arrays, 4 FP ops per
// product, ∓i free) was measured against it on the same stages (best of
// 200×50 calls, throwaway experiment): n = 1024, stages ls = 4 and 16,
// interleaved 263 ns against split 213 ns (AVX2) and 247 against 190 ns
// (AVX-512), but converting to and from split costs two passes of at
// least a copy each (143 ns AVX2, 71 ns AVX-512 at n = 1024, measured as
// a copy), more than the 50–57 ns saved; at n = 4096 the split stages,
// with twice the memory streams, were slower outright (1.79 µs
// interleaved against 4.60 µs AVX2, 2.49 µs AVX-512). A whole
// split-format transform of n = 1024 at AVX-512, converting in its first
// and last passes (a four-step 64 × 16 with vertical butterflies and
// 16 × 16 transposes), lost too: 591 against asm.FFT1024's 511 ns, its
// operation count (2,016 arithmetic, 768 shuffles and extracting stores)
// no lower than the interleaved kernel's (2,000 and 904; avogen/fft1024.go).
type Plan32 struct {
	n       int
	gen     lazy[generic.FFTPlan] // the float64 plan, built where a level runs it
	kernels levelKernels[plan32Kernels]
	tw      []complex64  // the four-step twiddles, shared by the levels (under kernels.mu)
	blue    *bluestein32 // n not a power of two, at the levels with float32 kernels; else nil
	pool    sync.Pool

	// direct is the Stockham plan of directLevel, the level current when
	// the plan was made (nil where that level runs none), taken by run
	// without the per-level lookup: at n = 64 the lookups and the calls
	// between run and the kernel were a fifth of the transform.
	direct      *stockham32
	directLevel asm.Level
	// directMixed is the mixed-radix plan of directLevel (nil where that
	// level runs none), run with own, the plan's work buffer, while one
	// call at a time takes it (busy, as Plan64's; transform32Mixed).
	directMixed *mixed32
	own         []complex64
	busy        atomic.Uint32

	batch levelKernels[*batch32] // ForwardBatch's side-by-side plans (batch.go), built on first use
}

// plan32Kernels is one level's kernels: the four-step plan for long n,
// else the Stockham plan, else the mixed-radix plan, else none.
type plan32Kernels struct {
	fs *fourStep32
	sp *stockham32
	mx *mixed32
}

// NewPlan32 returns the plan of the complex64 FFT of length n (1 ≤ n ≤
// MaxLen); any n is allowed, as for NewPlan64.
func NewPlan32(n int) (*Plan32, error) {
	if err := checkPlanLen("NewPlan32", n); err != nil {
		return nil, err
	}
	p := &Plan32{n: n, pool: sync.Pool{New: func() any { return new(scratch) }}}
	var err error
	if p.blue, err = newBluestein32(n); err != nil {
		return nil, err
	}
	p.directLevel = asm.Current()
	k := p.levelKernels(p.directLevel)
	p.direct, p.directMixed = k.sp, k.mx
	if p.directMixed != nil {
		p.own = make([]complex64, n)
	}
	return p, nil
}

// levelKernels returns level l's kernels, built on first use.
func (p *Plan32) levelKernels(l asm.Level) plan32Kernels {
	return p.kernels.get(l, func(l asm.Level) plan32Kernels {
		if fs := newFourStep32(p.n, l, p.tw); fs != nil {
			p.tw = fs.twiddles()
			return plan32Kernels{fs: fs}
		}
		if sp := newStockham32(p.n, l); sp != nil {
			return plan32Kernels{sp: sp}
		}
		return plan32Kernels{mx: newMixed32(p.n, l)}
	})
}

// mixed returns the mixed-radix plan of level l, or nil.
func (p *Plan32) mixed(l asm.Level) *mixed32 {
	if k, ok := p.kernels.built(l); ok {
		return k.mx
	}
	return p.levelKernels(l).mx
}

// fourStep returns the four-step plan of level l, or nil.
func (p *Plan32) fourStep(l asm.Level) *fourStep32 {
	if k, ok := p.kernels.built(l); ok {
		return k.fs
	}
	return p.levelKernels(l).fs
}

// stockham returns the float32 Stockham plan of level l, or nil.
func (p *Plan32) stockham(l asm.Level) *stockham32 {
	if k, ok := p.kernels.built(l); ok {
		return k.sp
	}
	return p.levelKernels(l).sp
}

// Len returns the transform length n.
func (p *Plan32) Len() int { return p.n }

// Forward writes X_k = Σ_j src_j·e^{−2πi·jk/n} (unnormalised) to dst.
// len(dst) = len(src) = n; dst may be src itself (in place) but may not
// overlap it partially.
func (p *Plan32) Forward(dst, src []complex64) error {
	return p.run("Plan32.Forward", dst, src, false)
}

// Inverse writes x_j = (1/n)·Σ_k src_k·e^{+2πi·jk/n} to dst, so that
// Inverse undoes Forward. The same rules as Forward hold for dst and src.
func (p *Plan32) Inverse(dst, src []complex64) error {
	return p.run("Plan32.Inverse", dst, src, true)
}

func (p *Plan32) run(call string, dst, src []complex64, inverse bool) error {
	// The checks inline here, the errors' construction out of line: a
	// short transform takes tens of nanoseconds.
	if p == nil || len(dst) != p.n || len(src) != p.n || overlapSameLen(dst, src) {
		return p.argError(call, dst, src)
	}
	l := asm.Current()
	if m := p.directMixed; m != nil && l == p.directLevel && takeOwn(&p.busy) {
		// The mixed-radix plan straight from here (transform32Mixed's
		// first case): two Go frames fewer at n = 60.
		runMixed32(m, dst, src, p.own, inverse)
		releaseOwn(&p.busy)
		return nil
	}
	if transform32Short(l, p, dst, src, inverse) {
		return nil
	}
	s := p.pool.Get().(*scratch)
	transform32(l, p, dst, src, s, inverse)
	p.pool.Put(s)
	return nil
}

// argError returns the error of run's arguments (see run).
//
//go:noinline
func (p *Plan32) argError(call string, dst, src []complex64) error {
	if p == nil {
		return errNilPlan(call, "Plan32")
	}
	if err := checkLen(call, "dst", dst, p.n, "n"); err != nil {
		return err
	}
	if err := checkLen(call, "src", src, p.n, "n"); err != nil {
		return err
	}
	return checkInPlace(call, dst, src)
}

// argError returns the error of run's arguments (see run).
//
//go:noinline
func (p *Plan64) argError(call string, dst, src []complex128) error {
	if p == nil {
		return errNilPlan(call, "Plan64")
	}
	if err := checkLen(call, "dst", dst, p.n, "n"); err != nil {
		return err
	}
	if err := checkLen(call, "src", src, p.n, "n"); err != nil {
		return err
	}
	return checkInPlace(call, dst, src)
}
