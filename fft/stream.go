package fft

import (
	"fmt"
	"math"
	"math/bits"
	"unsafe"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/generic"
)

// ConvStream32 is the causal long convolution of Conv32 computed block by
// block over an unbounded stream: per channel h,
//
//	y[h][t] = Σ_{0 ≤ j < K, j ≤ t} k[h][j]·u[h][t−j] + d[h]·u[h][t]
//
// where t counts samples since creation (or the last Reset), and each call
// of Process takes the next blockLen samples of every channel and returns
// the blockLen outputs they complete. The history the kernel reaches back
// into (the last K−1 inputs) is carried between calls, so the outputs of a
// sequence of calls equal one Conv32.Apply over the concatenated input
// (within rounding). K is any length ≥ 1, shorter or longer than a block.
//
// Blocks run by uniformly partitioned overlap-save: the kernel is cut into
// P partitions of Q = q·S samples, S a sub-block length that divides
// blockLen, whose spectra are computed once; each sub-block costs one real
// FFT of the last N ≥ S + Q − 1 inputs, P spectrum products against the
// spectra of the windows of 0, Q, 2Q, … samples ago (a frequency-domain
// delay line), and one inverse FFT. With a far level (m > 1), those
// partitions cover only the first Q2 = m·S taps, and the rest run the same
// way in steps of Q2 samples: once every m sub-blocks, on the last Q2
// inputs, giving the far taps' share of the next Q2 outputs (fewer, larger
// products: less arithmetic and less memory traffic for long kernels; the
// calls that start a period take longer than the others).
// S, q, m and N are chosen from blockLen and K by a cost model (q > 1
// trades larger FFTs for fewer products), and short kernels or tiny
// blocks take the direct sum over the carried
// history instead (FFTLen() = 0), in float64 with y rounded once. With
// many channels at the vector levels (Conv32's float32 assembly: AVX2,
// AVX-512, NEON), ConvStream32's direct sum runs across
// channels instead: kernels and history stored tap-major, one vector
// multiply-add per tap for all channels (decoding a step at a time),
// float32 sums blocked every ⌈√K⌉ taps, K ≤ 4096. The FFT path of
// ConvStream32 runs RealPlan32 (float32 at the SIMD levels, N a power of
// two so that they apply) and complex64 products (in assembly at those
// levels). Every ConvStream32 path is within 1e-5 of
// max|u|·max_h(Σ_j |k[h][j]| + |d[h]|) of the exact result (the golden
// README's float32 FFT bound, checked by the tests and FuzzConvStream);
// ConvStream64 runs RealPlan64 and complex128 products.
//
// A stream is stateful: Process and Reset change it, so a stream must not
// be used by two goroutines at once (make one stream per sequence, or
// guard it with a lock). Process allocates nothing.
type ConvStream32 struct {
	s convStream[float32, complex64]
}

// ConvStream64 is ConvStream32 for float64.
type ConvStream64 struct {
	s convStream[float64, complex128]
}

// NewConvStream32 returns a stream of channels channels that takes blocks
// of blockLen samples, with the kernels k ([channels][kernelLen],
// kernelLen = len(k)/channels ≥ 1, any length). k is copied. The history
// starts at zero, as for the first block of Conv32.Apply.
func NewConvStream32(channels, blockLen int, k []float32) (*ConvStream32, error) {
	s, err := newConvStream[float32, complex64]("NewConvStream32", channels, blockLen, k, streamAuto)
	if err != nil {
		return nil, err
	}
	return &ConvStream32{s: *s}, nil
}

// NewConvStream64 is NewConvStream32 for float64.
func NewConvStream64(channels, blockLen int, k []float64) (*ConvStream64, error) {
	s, err := newConvStream[float64, complex128]("NewConvStream64", channels, blockLen, k, streamAuto)
	if err != nil {
		return nil, err
	}
	return &ConvStream64{s: *s}, nil
}

// Process convolves the next block: u and y are [channels][blockLen], d is
// [channels] or nil (no skip term). y may be u itself (in place); y must
// not otherwise overlap u, and must not overlap d. On an error the stream
// is unchanged.
func (s *ConvStream32) Process(y, u, d []float32) error {
	if s == nil {
		return errNilPlan("ConvStream32.Process", "ConvStream32")
	}
	return s.s.process("ConvStream32.Process", y, u, d)
}

// Process is ConvStream32.Process for float64.
func (s *ConvStream64) Process(y, u, d []float64) error {
	if s == nil {
		return errNilPlan("ConvStream64.Process", "ConvStream64")
	}
	return s.s.process("ConvStream64.Process", y, u, d)
}

// Reset forgets the history: the next block is processed as the first.
// It allocates nothing; on a nil stream it does nothing.
func (s *ConvStream32) Reset() {
	if s != nil {
		s.s.reset()
	}
}

// Reset is ConvStream32.Reset for float64.
func (s *ConvStream64) Reset() {
	if s != nil {
		s.s.reset()
	}
}

// Channels, BlockLen and KernelLen return the shape the stream was made for.
func (s *ConvStream32) Channels() int  { return s.s.channels }
func (s *ConvStream32) BlockLen() int  { return s.s.blockLen }
func (s *ConvStream32) KernelLen() int { return s.s.kernelLen }

// FFTLen returns the length N of the real FFTs Process runs each
// sub-block, or 0 when it takes the direct sum; SubBlockLen and Partitions
// return S and P (of the near level when there is a far one).
func (s *ConvStream32) FFTLen() int      { return s.s.n }
func (s *ConvStream32) SubBlockLen() int { return s.s.sub }
func (s *ConvStream32) Partitions() int  { return s.s.parts }

// Channels, BlockLen and KernelLen return the shape the stream was made for.
func (s *ConvStream64) Channels() int  { return s.s.channels }
func (s *ConvStream64) BlockLen() int  { return s.s.blockLen }
func (s *ConvStream64) KernelLen() int { return s.s.kernelLen }

// FFTLen returns the length N of the real FFTs Process runs each
// sub-block, or 0 when it takes the direct sum; SubBlockLen and Partitions
// return S and P (of the near level when there is a far one).
func (s *ConvStream64) FFTLen() int      { return s.s.n }
func (s *ConvStream64) SubBlockLen() int { return s.s.sub }
func (s *ConvStream64) Partitions() int  { return s.s.parts }

// streamMode forces a method in tests; streamAuto is the cost model's.
type streamMode struct {
	direct   bool // the direct sum
	channels bool // ConvStream32's direct sum vectorised across channels
	sub      int  // > 0: partitioned FFT with this sub-block length S
	q        int  // kernel partitions of q·S samples (0 means 1)
	m        int  // > 1: the taps from m·S on by a far level of m·S-sample steps
}

var streamAuto = streamMode{}

// streamPlan is RealPlan32 (F float32, C complex64) or RealPlan64.
type streamPlan[F float32 | float64, C complex64 | complex128] interface {
	Forward(dst []C, src []F) error
	Inverse(dst []F, src []C) error
}

// newStreamPlan returns the real plan of length n in F's precision.
func newStreamPlan[F float32 | float64, C complex64 | complex128](n int) (streamPlan[F, C], error) {
	if isFloat32[F]() {
		p, err := NewRealPlan32(n)
		if err != nil {
			return nil, err
		}
		return any(p).(streamPlan[F, C]), nil
	}
	p, err := NewRealPlan64(n)
	if err != nil {
		return nil, err
	}
	return any(p).(streamPlan[F, C]), nil
}

// isFloat32 reports whether F is float32.
func isFloat32[F float32 | float64]() bool {
	var zero F
	_, ok := any(zero).(float32)
	return ok
}

// convStream is the shared body of ConvStream32 and ConvStream64.
type convStream[F float32 | float64, C complex64 | complex128] struct {
	channels, blockLen, kernelLen int

	// Direct sum (n = 0): hist[h] holds the last K−1 inputs, then the block.
	krev []float64 // [channels][K], each kernel reversed: a dot product with the history
	hist []float64 // [channels][K−1+blockLen]

	// ConvStream32's direct sum across channels (n = 0, xk != nil).
	xk *streamAcross

	// Partitioned overlap-save (n > 0): near covers the kernel's first
	// taps block by block; far, when not nil, the taps from Q2 = m·S on,
	// Q2 samples at a time.
	sub, parts, n int // S, near's P and N (the accessors' values)
	near, far     *upolsLevel[F, C]
	m             int // sub-blocks per far step (0: no far level)
	phase         int // sub-blocks since the last far step, 0 … m−1
	pend          []F // [channels][Q2]: the inputs since the last far step
	farOut        []F // [channels][Q2]: far's outputs for this period
}

// upolsLevel is one uniformly partitioned overlap-save: the taps [from,
// to) of every kernel, cut into partitions of partLen = q·block samples,
// their spectra computed once; each step takes block new inputs of a
// channel, transforms the last n, sums the products of the delay line with
// the partitions' spectra, and transforms back. The step's valid outputs
// are the last block values of out: those of the steps from−block … from
// after the inputs' own (the present block when from = 0).
type upolsLevel[F float32 | float64, C complex64 | complex128] struct {
	block, q, partLen, parts, n, bins int
	slots                             int // (parts−1)·q + 1 spectra in the delay line
	plan                              streamPlan[F, C]
	kspec                             []C           // [channels][parts][bins], spectra of the partitions
	win                               []F           // [channels][n], the last n inputs
	line                              []C           // [channels][slots][bins], spectra of the last windows, a ring
	head                              int           // slot in line of the newest window's spectrum
	acc                               []C           // [bins] scratch
	out                               []F           // [n] scratch
	fast                              *streamFast32 // the spectra as complex64 (ConvStream32); else nil
}

// streamFast32 views ConvStream32's spectra as complex64, for the delay
// line's products in assembly at the levels with Conv32's float32
// assembly (hasConv32SIMD): each product by mulSpectrum
// (asm.MulComplex64), the sum by addSkip (asm.GateRow with d = 1) on the
// spectra read as float32 pairs.
type streamFast32 struct {
	kspec, line, acc, tmp []complex64
	accF, tmpF            []float32
}

// streamAcross is ConvStream32's direct sum vectorised across channels,
// for tiny blocks with many channels (decoding one step at a time): the
// kernels and the history are stored tap-major, [K][channels], so that
// each tap is one multiply-add of a channel vector, y += k[j]·u[t−j]
// (addProducts: asm.GateRowVec at the vector levels). The float32 sums are
// blocked, every acrossBlock taps added into a second accumulator, so
// that their error grows like 2·√K roundings rather than K.
type streamAcross struct {
	kt    []float32 // [K][channels]: kt[j][h] = k[h][j]
	ring  []float32 // [K][channels]: row (t mod K) holds u[·][t]
	cur   int       // the row the next input goes to
	block int       // taps per partial sum, ⌈√K⌉
	part  []float32 // [channels] partial sum
	total []float32 // [channels]
	ones  []float32 // [channels] of 1, to add part into total
}

// streamAcrossMaxLen is the longest kernel streamAcross takes: its blocked
// float32 sums stay within about 2·√K roundings, 2·64·2^-24 ≈ 7.6e-6 of
// the bound at K = 4096, inside ConvStream32's 1e-5.
const streamAcrossMaxLen = 4096

func newStreamAcross(channels, kernelLen int, k []float32) *streamAcross {
	x := &streamAcross{
		kt:    make([]float32, kernelLen*channels),
		ring:  make([]float32, kernelLen*channels),
		block: int(math.Ceil(math.Sqrt(float64(kernelLen)))),
		part:  make([]float32, channels),
		total: make([]float32, channels),
		ones:  make([]float32, channels),
	}
	for h := range channels {
		for j, v := range k[h*kernelLen : (h+1)*kernelLen] {
			x.kt[j*channels+h] = v
		}
		x.ones[h] = 1
	}
	return x
}

// process runs a block of blockLen steps, u and y [channels][blockLen].
func (x *streamAcross) process(l asm.Level, y, u, d []float32, channels, blockLen int) {
	kernelLen := len(x.kt) / channels
	simd := hasConv32SIMD(l)
	add := func(out, in, k []float32) {
		if simd {
			addProducts(l, out, in, k)
			return
		}
		for i, v := range in {
			out[i] += k[i] * v
		}
	}
	for t := range blockLen {
		row := x.ring[x.cur*channels : (x.cur+1)*channels]
		for h := range channels {
			row[h] = u[h*blockLen+t]
		}
		clear(x.total)
		clear(x.part)
		// Tap j meets row cur−j (mod K): rows cur … 0, then K−1 … cur+1.
		r, inBlock := x.cur, 0
		for j := range kernelLen {
			add(x.part, x.ring[r*channels:(r+1)*channels], x.kt[j*channels:(j+1)*channels])
			if r--; r < 0 {
				r = kernelLen - 1
			}
			if inBlock++; inBlock == x.block {
				add(x.total, x.part, x.ones)
				clear(x.part)
				inBlock = 0
			}
		}
		add(x.total, x.part, x.ones)
		for h := range channels {
			v := float64(x.total[h])
			if d != nil {
				v += float64(d[h]) * float64(row[h])
			}
			y[h*blockLen+t] = float32(v)
		}
		if x.cur++; x.cur == kernelLen {
			x.cur = 0
		}
	}
}

func (x *streamAcross) reset() {
	clear(x.ring)
	x.cur = 0
}

// floats views c as its real and imaginary parts, interleaved.
func floats(c []complex64) []float32 {
	return unsafe.Slice((*float32)(unsafe.Pointer(unsafe.SliceData(c))), 2*len(c))
}

// products sets acc = Σ_p line[slot(p)]·kspec[p] for one channel (its
// spectra from kAt and lineAt), slot(p) = head − p·q modulo slots.
func (f *streamFast32) products(l asm.Level, kAt, lineAt, head, q, slots, parts, bins int) {
	slot := head
	for p := range parts {
		x := f.line[lineAt+slot*bins : lineAt+(slot+1)*bins]
		kp := f.kspec[kAt+p*bins : kAt+(p+1)*bins]
		if p == 0 {
			copy(f.acc, x)
			mulSpectrum(l, f.acc, kp)
		} else {
			copy(f.tmp, x)
			mulSpectrum(l, f.tmp, kp)
			addSkip(l, f.accF, f.tmpF, 1)
		}
		if slot -= q; slot < 0 {
			slot += slots
		}
	}
}

// The cost model that picks the method, in nanoseconds per block and
// channel, fitted to BenchmarkConvStreamCost (stream_test.go) on amd64,
// Go 1.26, a shared machine whose load moved single timings by up to 3×:
// trust it for rankings (the direct sum for tiny blocks and short kernels,
// the largest sub-block, q = 3 over q = 1 for K = 16·blockLen with the
// SIMD FFTs), not for absolute times.
const (
	streamDirectPerMAC      = 0.9  // one k·u product of the direct sum
	streamDirectPerSample   = 1    // per output: loop, conversions
	streamDirectPerShift    = 0.3  // per value of history moved after each block
	streamFFTPerPoint       = 2.4  // a forward plus an inverse real FFT in plain Go, per point·log2 point
	streamFFTPerPointSIMD   = 0.1  // the same for RealPlan32's AVX2/AVX-512 FFT (powers of two ≥ 64)
	streamFFTPerSub         = 400  // per sub-block: plan calls, window shift, conversions
	streamProductPerBin     = 2.5  // one complex multiply-add of the delay line
	streamProductPerBinSIMD = 0.4  // the same by mulSpectrum and addSkip (ConvStream32 at a vector level)
	streamProductPerPart    = 10   // per partition: loop set-up
	streamAcrossPerTap      = 17   // streamAcross: per tap and step, for all channels (the call)
	streamAcrossPerMAC      = 0.15 // streamAcross: per tap, step and channel
)

// streamFFTShape returns, for sub-blocks of S = sub samples and kernel
// partitions of Q = q·S (or K, when that is shorter), the partition
// length Q, the count P = ⌈K/Q⌉, and the FFT length N: the least power of
// two (pow2, for the float32 SIMD FFTs) or even 5-smooth number ≥ S+Q−1,
// so that no output of the circular product wraps round.
func streamFFTShape(sub, q, kernelLen int, pow2 bool) (partLen, parts, n int) {
	partLen = min(max(q, 1)*sub, kernelLen)
	parts = (kernelLen + partLen - 1) / partLen
	m := sub + partLen - 1
	if pow2 {
		return partLen, parts, max(2, 1<<bits.Len(uint(m-1)))
	}
	return partLen, parts, generic.ConvFFTLen(m)
}

// streamFFTCost is the model's cost of a block by the partitioned FFT
// (sub-blocks of sub, partitions of q·sub, and with m > 1 a far level of
// m·sub-sample steps for the taps from m·sub on); simd says the stream
// runs ConvStream32's assembly (float32, an amd64 vector level): the
// products, and the FFTs for N a power of two ≥ 64.
func streamFFTCost(blockLen, sub, q, m, kernelLen int, pow2, simd bool) float64 {
	steps := float64(blockLen / sub)
	if q2 := m * sub; m > 1 && q2 < kernelLen {
		return steps*streamStepCost(sub, q, q2, pow2, simd) + steps/float64(m)*streamStepCost(q2, 1, kernelLen-q2, pow2, simd)
	}
	return steps * streamStepCost(sub, q, kernelLen, pow2, simd)
}

// streamStepCost is the model's cost of one step of a level of taps taps.
func streamStepCost(sub, q, taps int, pow2, simd bool) float64 {
	_, parts, n := streamFFTShape(sub, q, taps, pow2)
	fn := float64(n)
	perPoint, perBin := streamFFTPerPoint, streamProductPerBin
	if simd && n >= 64 {
		perPoint = streamFFTPerPointSIMD
	}
	if simd {
		perBin = streamProductPerBinSIMD
	}
	perPart := float64(n/2+1)*perBin + streamProductPerPart
	return perPoint*fn*math.Log2(fn) + float64(parts)*perPart + streamFFTPerSub
}

// streamSlots returns the delay line's length in spectra, and whether the
// line stays within streamMaxLineGrowth of the q = 1 line's memory
// (≈ (K + S) values a channel): a larger q saves products but keeps q
// spectra per partition.
func streamSlots(sub, q, kernelLen int, pow2 bool) (slots int, ok bool) {
	_, parts, n := streamFFTShape(sub, q, kernelLen, pow2)
	slots = (parts-1)*max(q, 1) + 1
	values, fits := mulFits(slots, n/2+1)
	return slots, fits && values <= streamMaxLineGrowth*(kernelLen+sub)+1024
}

const streamMaxLineGrowth = 4

func streamDirectCost(blockLen, kernelLen int) float64 {
	return float64(blockLen)*(float64(kernelLen)*streamDirectPerMAC+streamDirectPerSample) + float64(kernelLen)*streamDirectPerShift
}

// chooseStream returns the cheapest method by the cost model: the direct
// sum (across channels too with simd, up to streamAcrossMaxLen), or the
// partitioned FFT with the best sub-block length S (a divisor of blockLen,
// so that every call ends on a sub-block boundary) and partition length
// q·S (q = 1 … 16, then powers of two, then one partition; the delay line
// within streamMaxLineGrowth).
func chooseStream(blockLen, kernelLen, channels int, pow2, simd bool) streamMode {
	best, bestCost := streamMode{direct: true}, streamDirectCost(blockLen, kernelLen)
	if simd && kernelLen <= streamAcrossMaxLen {
		across := float64(blockLen*kernelLen)*(streamAcrossPerTap/float64(channels)+streamAcrossPerMAC) + float64(blockLen)*streamDirectPerSample
		if across < bestCost {
			best, bestCost = streamMode{channels: true}, across
		}
	}
	try := func(sub, q int) {
		if _, ok := streamSlots(sub, q, kernelLen, pow2); !ok {
			return
		}
		if c := streamFFTCost(blockLen, sub, q, 0, kernelLen, pow2, simd); c < bestCost {
			best, bestCost = streamMode{sub: sub, q: q}, c
		}
		for m := 2; m <= 32 && m*sub < kernelLen; m *= 2 {
			if c := streamFFTCost(blockLen, sub, q, m, kernelLen, pow2, simd); c < bestCost {
				best, bestCost = streamMode{sub: sub, q: q, m: m}, c
			}
		}
	}
	for a := 1; a*a <= blockLen; a++ {
		if blockLen%a != 0 {
			continue
		}
		for _, sub := range []int{a, blockLen / a} {
			whole := (kernelLen + sub - 1) / sub // q giving one partition
			for q := 1; q <= min(16, whole); q++ {
				try(sub, q)
			}
			for q := 32; q < whole; q *= 2 {
				try(sub, q)
			}
			try(sub, whole)
		}
	}
	return best
}

// mulFits returns a·b and whether it fits an int.
func mulFits(a, b int) (int, bool) {
	hi, lo := bits.Mul64(uint64(a), uint64(b))
	return int(lo), hi == 0 && lo <= math.MaxInt
}

func newConvStream[F float32 | float64, C complex64 | complex128](call string, channels, blockLen int, k []F, mode streamMode) (*convStream[F, C], error) {
	if channels < 1 {
		return nil, fmt.Errorf("fft: %s: channels = %d, want ≥ 1", call, channels)
	}
	if blockLen < 1 || blockLen > MaxLen/2 {
		return nil, fmt.Errorf("fft: %s: blockLen = %d, want 1 ≤ blockLen ≤ %d (MaxLen/2)", call, blockLen, MaxLen/2)
	}
	if len(k) == 0 {
		return nil, fmt.Errorf("fft: %s: len(k) = 0, want channels·kernelLen with kernelLen ≥ 1", call)
	}
	if len(k)%channels != 0 {
		return nil, fmt.Errorf("fft: %s: len(k) = %d is not a multiple of channels = %d", call, len(k), channels)
	}
	kernelLen := len(k) / channels
	if kernelLen > MaxLen/2 {
		return nil, fmt.Errorf("fft: %s: kernelLen = len(k)/channels = %d exceeds %d (MaxLen/2)", call, kernelLen, MaxLen/2)
	}
	if _, ok := mulFits(channels, blockLen+kernelLen); !ok {
		return nil, fmt.Errorf("fft: %s: channels·(blockLen+kernelLen) = %d·%d overflows int", call, channels, blockLen+kernelLen)
	}
	if mode == streamAuto {
		mode = chooseStream(blockLen, kernelLen, channels, isFloat32[F](), isFloat32[F]() && hasConv32SIMD(asm.Current()))
	}
	s := &convStream[F, C]{channels: channels, blockLen: blockLen, kernelLen: kernelLen}
	if mode.channels {
		k32, ok := any(k).([]float32)
		if !ok || kernelLen > streamAcrossMaxLen {
			return nil, fmt.Errorf("fft: %s: the channel-vectorised direct sum needs float32 and kernelLen ≤ %d", call, streamAcrossMaxLen)
		}
		s.xk = newStreamAcross(channels, kernelLen, k32)
		return s, nil
	}
	if mode.direct {
		s.krev = make([]float64, len(k))
		for h := range channels {
			for j, v := range k[h*kernelLen : (h+1)*kernelLen] {
				s.krev[h*kernelLen+kernelLen-1-j] = float64(v)
			}
		}
		s.hist = make([]float64, channels*(kernelLen-1+blockLen))
		return s, nil
	}
	if mode.sub < 1 || blockLen%mode.sub != 0 {
		return nil, fmt.Errorf("fft: %s: sub-block length %d does not divide blockLen = %d", call, mode.sub, blockLen)
	}
	s.sub = mode.sub
	nearTo := kernelLen
	if q2, ok := mulFits(mode.m, mode.sub); ok && mode.m > 1 && q2 < kernelLen {
		s.m, nearTo = mode.m, q2
	}
	var err error
	if s.near, err = newUpolsLevel[F, C](channels, s.sub, mode.q, k, kernelLen, 0, nearTo); err != nil {
		return nil, fmt.Errorf("fft: %s: %w", call, err)
	}
	s.parts, s.n = s.near.parts, s.near.n
	if s.m > 0 {
		q2 := nearTo
		if s.far, err = newUpolsLevel[F, C](channels, q2, 1, k, kernelLen, q2, kernelLen); err != nil {
			return nil, fmt.Errorf("fft: %s: %w", call, err)
		}
		s.pend = make([]F, channels*q2)
		s.farOut = make([]F, channels*q2)
	}
	return s, nil
}

// newUpolsLevel makes the level of the taps [from, to) of the kernels k
// ([channels][kernelLen]) with steps of block inputs and partitions of
// q·block taps.
func newUpolsLevel[F float32 | float64, C complex64 | complex128](channels, block, q int, k []F, kernelLen, from, to int) (*upolsLevel[F, C], error) {
	v := &upolsLevel[F, C]{block: block, q: max(q, 1)}
	v.partLen, v.parts, v.n = streamFFTShape(block, v.q, to-from, isFloat32[F]())
	v.bins = v.n/2 + 1
	v.slots = (v.parts-1)*v.q + 1
	// The spectra: channels·(parts + slots)·bins values, ≈ 2·channels·(K + S)
	// for q = 1.
	perChannel, ok := mulFits(v.parts+v.slots, v.bins)
	if !ok {
		return nil, fmt.Errorf("kernelLen = %d, block %d: spectra too large", kernelLen, block)
	}
	if _, ok := mulFits(channels, perChannel+2*v.n); !ok {
		return nil, fmt.Errorf("channels = %d: spectra too large", channels)
	}
	plan, err := newStreamPlan[F, C](v.n)
	if err != nil {
		return nil, err
	}
	v.plan = plan
	v.kspec = make([]C, channels*v.parts*v.bins)
	v.line = make([]C, channels*v.slots*v.bins)
	v.win = make([]F, channels*v.n)
	v.acc = make([]C, v.bins)
	v.out = make([]F, v.n)
	if acc, ok := any(v.acc).([]complex64); ok {
		tmp := make([]complex64, v.bins)
		v.fast = &streamFast32{kspec: any(v.kspec).([]complex64), line: any(v.line).([]complex64),
			acc: acc, tmp: tmp, accF: floats(acc), tmpF: floats(tmp)}
	}
	// Partition p of channel h is k[h][from+p·Q : from+p·Q+Q], zero-padded
	// to n.
	for h := range channels {
		kh := k[h*kernelLen+from : h*kernelLen+to]
		for p := range v.parts {
			clear(v.out)
			copy(v.out, kh[p*v.partLen:min((p+1)*v.partLen, len(kh))])
			at := (h*v.parts + p) * v.bins
			if err := plan.Forward(v.kspec[at:at+v.bins], v.out); err != nil {
				return nil, err
			}
		}
	}
	return v, nil
}

func (v *upolsLevel[F, C]) reset() {
	clear(v.win)
	clear(v.line)
	v.head = 0
}

// step pushes block inputs of channel h, whose spectrum goes to slot head
// of the delay line, and returns the block valid outputs (in v.out).
func (v *upolsLevel[F, C]) step(l asm.Level, fast bool, h, head int, in []F) ([]F, error) {
	n, bins, slots, P := v.n, v.bins, v.slots, v.parts
	win := v.win[h*n : (h+1)*n]
	line := v.line[h*slots*bins : (h+1)*slots*bins]
	copy(win, win[v.block:])
	copy(win[n-v.block:], in)
	if err := v.plan.Forward(line[head*bins:(head+1)*bins], win); err != nil {
		return nil, err
	}
	// acc = Σ_p X_{now−p·q}·K_p: partition p meets the window of p·q steps
	// ago.
	if fast {
		v.fast.products(l, h*P*bins, h*slots*bins, head, v.q, slots, P, bins)
	} else {
		v.products(v.kspec[h*P*bins:(h+1)*P*bins], line, head)
	}
	if err := v.plan.Inverse(v.out, v.acc); err != nil {
		return nil, err
	}
	return v.out[n-v.block:], nil
}

func (s *convStream[F, C]) reset() {
	if s.xk != nil {
		s.xk.reset()
	}
	clear(s.hist)
	if s.near != nil {
		s.near.reset()
	}
	if s.far != nil {
		s.far.reset()
		clear(s.pend)
		clear(s.farOut)
		s.phase = 0
	}
}

func (s *convStream[F, C]) process(call string, y, u, d []F) error {
	if err := checkLen(call, "u", u, s.channels*s.blockLen, "channels·blockLen"); err != nil {
		return err
	}
	if err := checkLen(call, "y", y, len(u), "len(u)"); err != nil {
		return err
	}
	if d != nil && len(d) != s.channels {
		return fmt.Errorf("fft: %s: len(d) = %d, want channels = %d (or d = nil)", call, len(d), s.channels)
	}
	if err := checkInPlace(call, y, u); err != nil {
		return fmt.Errorf("fft: %s: y and u overlap partially (y must be u itself or share no memory with it)", call)
	}
	if err := checkDisjoint(call, "y", y, "d", d); err != nil {
		return err
	}
	if s.xk != nil {
		s.xk.process(asm.Current(), any(y).([]float32), any(u).([]float32), any(d).([]float32), s.channels, s.blockLen)
		return nil
	}
	if s.n == 0 {
		s.direct(y, u, d)
		return nil
	}
	return s.overlapSave(y, u, d)
}

// direct runs the direct sum over the carried history, then keeps the last
// K−1 inputs for the next block.
func (s *convStream[F, C]) direct(y, u, d []F) {
	K, B := s.kernelLen, s.blockLen
	for h := range s.channels {
		hist := s.hist[h*(K-1+B) : (h+1)*(K-1+B)]
		kr := s.krev[h*K : (h+1)*K]
		uh, yh := u[h*B:(h+1)*B], y[h*B:(h+1)*B]
		for t, v := range uh {
			hist[K-1+t] = float64(v)
		}
		var dh float64
		if d != nil {
			dh = float64(d[h])
		}
		for t := range yh {
			x := hist[t : K+t : K+t] // x[i] is u[t−(K−1−i)]
			x = x[:len(kr)]
			sum := dh * x[K-1]
			for i, kv := range kr {
				sum += kv * x[i]
			}
			yh[t] = F(sum)
		}
		copy(hist, hist[B:])
	}
}

// overlapSave runs the partitioned overlap-save, sub-block by sub-block:
// near gives each sub-block's outputs of the first taps; with a far level,
// each period of m sub-blocks first runs far's step on the last period's
// inputs (zero before the first), which gives this period's outputs of the
// other taps.
func (s *convStream[F, C]) overlapSave(y, u, d []F) error {
	S, B, near, far := s.sub, s.blockLen, s.near, s.far
	l := asm.Current()
	fast := near.fast != nil && hasConv32SIMD(l)
	var q2 int
	if far != nil {
		q2 = far.block
	}
	for h := range s.channels {
		var dh float64
		if d != nil {
			dh = float64(d[h])
		}
		head, farHead, phase := near.head, 0, s.phase
		if far != nil {
			farHead = far.head
		}
		for t0 := 0; t0 < B; t0 += S {
			in := u[h*B+t0 : h*B+t0+S]
			var farOut []F
			if far != nil {
				pend, fo := s.pend[h*q2:(h+1)*q2], s.farOut[h*q2:(h+1)*q2]
				if phase == 0 {
					if farHead++; farHead == far.slots {
						farHead = 0
					}
					out, err := far.step(l, fast, h, farHead, pend)
					if err != nil {
						return err
					}
					copy(fo, out)
				}
				copy(pend[phase*S:], in)
				farOut = fo[phase*S : (phase+1)*S]
				if phase++; phase == s.m {
					phase = 0
				}
			}
			if head++; head == near.slots {
				head = 0
			}
			out, err := near.step(l, fast, h, head, in)
			if err != nil {
				return err
			}
			// u's values are in near's window: y may be u.
			win := near.win[(h+1)*near.n-S : (h+1)*near.n]
			yh := y[h*B+t0 : h*B+t0+S]
			if farOut != nil {
				for t := range yh {
					yh[t] = F(float64(out[t]) + float64(farOut[t]) + dh*float64(win[t]))
				}
			} else {
				for t := range yh {
					yh[t] = F(float64(out[t]) + dh*float64(win[t]))
				}
			}
		}
	}
	steps := B / S
	near.head = (near.head + steps) % near.slots
	if far != nil {
		// far stepped at each sub-block whose phase was 0: the first at
		// i0 = (m − phase) mod m, then every m.
		farSteps := 0
		if i0 := (s.m - s.phase) % s.m; i0 < steps {
			farSteps = (steps-1-i0)/s.m + 1
		}
		far.head = (far.head + farSteps) % far.slots
		s.phase = (s.phase + steps) % s.m
	}
	return nil
}

// products sets acc = Σ_p line[slot(p)]·kspec[p] for one channel's
// spectra, slot(p) = head − p·q modulo slots.
func (s *upolsLevel[F, C]) products(kspec, line []C, head int) {
	bins, slot := s.bins, head
	for p := range s.parts {
		x, kp := line[slot*bins:(slot+1)*bins], kspec[p*bins:(p+1)*bins]
		if p == 0 {
			for i, v := range x {
				s.acc[i] = v * kp[i]
			}
		} else {
			for i, v := range x {
				s.acc[i] += v * kp[i]
			}
		}
		if slot -= s.q; slot < 0 {
			slot += s.slots
		}
	}
}
