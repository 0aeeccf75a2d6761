// Package fft computes fast Fourier transforms and causal long
// convolutions on the CPU: complex and real FFTs of any length in float32
// and float64, and the FFT convolution of the convolutional form of an LTI
// state space layer (S4, S4D), y = k * u + d·u.
//
// Conventions (those of torch.fft with norm="backward"): Forward is
// unnormalised, X_k = Σ_j x_j·e^{−2πi·jk/n}; Inverse includes the 1/n, so
// that Inverse(Forward(x)) = x. A real plan of length n keeps the n/2+1
// bins X_0 … X_{n/2}; its Inverse ignores Im X_0 and, for even n,
// Im X_{n/2}. The suffix names the precision: 32 is float32/complex64, 64
// is float64/complex128.
//
// A plan is made once per length (or per convolution shape), is immutable
// and safe to share between goroutines, and its calls allocate nothing in
// steady state (working memory comes from the kernel's own stack frame —
// up to 38 KB at n = 2048, AVX-512, so a caller's goroutine stack grows
// once —, from a buffer of the plan's own that one call at a time takes
// by a compare-and-swap, or from a pool inside the plan). Making one is
// cheap — no timing-based planner: the tables of the current
// level only (another level's, and the float64 generic plan, on first use
// there), twiddles from one octant of sincos values; a plan of 2^16 takes
// 0.35–0.85 ms of CPU time for any of the four plan types at AVX2 or
// AVX-512, most of it writing its 0.5–2 MB of tables (go test -run '^$'
// -bench 'NewPlan/.*/n=65536$' ./bench, cpu-ns/op, three interleaved
// runs on the shared machine at a load average of 4; 0.93–2.2 ms before).
// Every call checks every length and returns an error that names the bad
// argument; none panics. dst may be src itself for the complex plans (in
// place), and y may be u for the convolutions; any other overlap between
// an output and an input is an error.
//
// Each call reads asm.Current() once and runs the kernels of that
// instruction-set level. At AVX2, AVX-512 and NEON, powers of two from 32
// up run Stockham radix-4 stages in assembly (avogen/fft.go,
// avogen/fft64.go, avogen/neongen/fft.go; a radix-8 or radix-2 first stage
// for odd log2 n; float32 at AVX-512 two stages per pass, radix 16, the
// longer transforms on padded buffers), in float32 for the
// 32 plans and float64 for the 64 plans, on interleaved complex data, with
// twiddles computed in float64 once per plan; from 2^18 a four-step
// decomposition keeps the passes in cache; a real plan is a half-length
// complex FFT and one vector pass. At AVX2, AVX-512 and NEON the other
// 2^a·3^b·5^c lengths from 6 run chains of mixed-radix Stockham stages
// in assembly (radix 5, 3, 2, 4 and, at AVX2 and AVX-512, 8;
// asm.FFTMixedStage and FFT64MixedStage), in float32 or float64 as the
// plan; both complex plans run any n ≥ 9 with a prime factor other than
// 2, 3 and 5 by Bluestein's algorithm on the power-of-two kernels; a real plan of any such length runs the complex
// plan of n/2 (odd n: of n) when that one takes the vector kernels, and
// the half-length pass (for even h mostly asm.FFTRealPass at AVX2 and
// AVX-512, else in Go). Everything else — short n, every transform at
// the generic level — runs the plain-Go code of package generic in float64
// (for the 32 plans the error is then one rounding of the result). Twiddles are cos and sin
// of the exact angle. Measured relative RMS error of the float32 assembly
// against float64: 1.1e-7 at n = 1024, 1.6e-7 at 2^20 (the bound is
// 1e-6·log2 n); Speed, below, has the speeds.
//
// Batches: ForwardBatch and InverseBatch on every plan transform rows
// rows of length n stored back to back (row r at [r·n, (r+1)·n); a real
// spectrum's rows n/2+1 bins apart), with one validation and one pooled
// scratch per call; rows = 0 does nothing. At AVX2 and AVX-512 the short
// powers of two (complex64 n ≤ 256, complex128 n ≤ 64, real n ≤ 64), whose
// single transforms run part-empty vectors, the float64 generic code or
// mostly call overhead, go side by side: a block of rows transposed value
// by value into [n][b] (asm.FFTTranspose), the batch Stockham stages (b
// transforms interleaved, every vector full), and back;
// such rows are within the accuracy bound of Forward, not bit for bit, and
// never mix. Every other batch runs Forward's kernels row by row, bit for
// bit. Plan32.ForwardBatch has the measured speeds.
//
//	err = p.ForwardBatch(spectra, signals, rows) // [rows][n] each; spectra may be signals
//
// Conv32 and Conv64 keep the kernels' spectra from the plan's creation.
// Conv32 at the vector levels is a float32 pipeline: per row, RealPlan32's
// half-length complex FFT at a power-of-two length ≥ seqLen + kernelLen −
// 1; then at AVX2 and AVX-512 one pass for the forward real pass, the
// spectrum product and the inverse real pass (asm.FFTConvPass), the
// inverse FFT, and the D skip fused with the copy out (asm.AddScaled),
// with the forward FFT's first stage reading u in place when u is exactly
// the first half of the padded row (asm.FFTConvFirst: no padded copy); at
// NEON the real passes, the product and the skip one by one. The channels
// run one at a time through the plan's kernels with one scratch for the
// call, which is what a batch call does at these lengths (the side-by-side
// real batches stop at n = 64, and at FFT lengths that short the cost
// model below always picks the direct sum). Below a kernel length of
// about 100 (a cost model measured on AVX-512: directIsFasterSIMD) it
// takes the direct sum, in assembly too. The generic level runs the
// float64 pipeline, the oracle of the tests. Conv64 at AVX2 and AVX-512
// runs RealPlan64's kernels at the same power-of-two lengths (2.8–4.4×
// the generic pipeline's speed at L = 1024 … 16384), elsewhere the
// generic pipeline.
//
//	p, err := fft.NewPlan32(1024)
//	if err != nil { ... }
//	spectrum := make([]complex64, 1024)
//	if err := p.Forward(spectrum, signal); err != nil { ... }
//	if err := p.Inverse(signal, spectrum); err != nil { ... } // signal again, to rounding
//
//	conv, err := fft.NewConv32(channels, seqLen, k) // k [channels][kernelLen]
//	if err != nil { ... }
//	err = conv.Apply(y, u, d) // u, y [batch][channels][seqLen]; d [channels] or nil
//
// # Gradients
//
// Conv32.Backward and Conv64.Backward are the backward pass of Apply: from
// dy = ∂loss/∂y they write du (the correlation of dy with k, plus d·dy), dk
// (the correlation of dy with u, summed over the batch) and dd (Σ dy·u),
// each optional (nil = not wanted) and overwritten. They run at the
// plan's FFT length with the kernel spectra the plan cached (Conv32 on
// Apply's float32 pipeline at the vector levels, the correlations as products
// with the time-reversed dy), or as direct sums in float64 where Apply
// takes the direct sum; generic.ConvBackwardDirect is the oracle.
//
//	err = conv.Backward(du, dk, dd, dy, u, d) // du like u, dk like k, dd [channels]
//
// # Streaming
//
// ConvStream32 and ConvStream64 compute the same convolution block by
// block over an unbounded stream: each Process call takes the next blockLen
// samples of every channel and returns their outputs, carrying the history
// the kernel reaches back into, so that a sequence of calls equals one
// Apply over the concatenated input. The kernel may be longer than a
// block. Blocks run by uniformly partitioned overlap-save (the kernel cut
// into partitions of q sub-blocks, the sub-block length dividing
// blockLen, their spectra computed once, a frequency-domain delay line of
// the last sub-blocks' spectra), or by the direct sum over the history
// when a cost model finds that cheaper (tiny blocks, short kernels); the
// model also picks the sub-block length, q, the FFT length, and whether
// the kernel's later taps run a second, coarser level of partitions once
// every m sub-blocks (two-level partitioned convolution).
// ConvStream32 runs float32 FFTs and, at the vector levels, its spectrum
// products in assembly; there, with many channels, its direct sum runs
// across channels (one vector multiply-add per tap for every channel),
// which suits decoding one step at a time. Unlike the plans, a stream has state: it must not
// be used by two goroutines at once.
//
//	s, err := fft.NewConvStream32(channels, blockLen, k) // k [channels][kernelLen], any kernelLen ≥ 1
//	for block := range blocks {
//		err = s.Process(y, block, d) // block, y [channels][blockLen]; y may be block
//	}
//	s.Reset() // the next block starts a new sequence
//
// # Speed
//
// Against FFTW 3.3.10 as Debian builds it (FFTW_PATIENT; its SSE2 and
// AVX kernels), ratio = FFTW's time / ours for one forward transform (> 1:
// ours is faster), each time the best of 200 interleaved batches, three
// runs per level on the shared 2-core Zen 4 VM (2026-11-29; with
// libfftw3-dev installed: go test -c -tags fftw -o fftw.test ./bench,
// then SSMKERN_ISA=avx512 or avx2 ./fftw.test -test.run '^$' -test.bench
// 'FFTWInterleaved/(c64|r32|c128|r64)/n=(64|…|1048576)$' -test.benchtime
// 1x). c64 and c128 are Plan32 and Plan64, r32 and r64 RealPlan32 and
// RealPlan64 (n real values):
//
//	         AVX-512                                 AVX2
//	n        c64        r32        c128       r64        c64        r32        c128       r64
//	64       1.12–1.59  1.39–1.52  1.47–1.50  1.37–1.42  1.11–1.28  1.54–1.67  1.11–1.15  1.19–1.32
//	128      1.20–1.45  1.53–1.70  1.12–1.45  1.30–1.38  1.14–1.28  1.55–1.63  1.07–1.11  1.25–1.27
//	256      1.14–1.20  2.02–2.04  0.86–1.30  1.33–1.36  1.12–1.15  1.93–2.03  1.08–1.33  1.29–1.33
//	512      1.23–1.37  1.66–1.83  1.10–1.20  1.34–1.41  1.04–1.06  1.61–1.82  1.02–1.08  1.15–1.20
//	1024     1.20–1.53  2.10–2.44  1.10–1.13  1.25–1.32  1.01–1.07  1.67–1.95  1.04–1.05  1.15–1.16
//	2048     1.25–1.44  2.15–2.22  1.16–1.21  1.24–1.25  1.05–1.09  1.64–1.80  1.03–1.05  1.10–1.12
//	4096     1.36–1.51  2.00–2.19  1.22–1.40  1.22–1.26  1.08–1.12  1.60–1.74  1.13–1.24  1.09–1.13
//	8192     1.23–1.31  1.89–2.18  1.30–1.53  1.27–1.41  1.05–1.10  1.39–1.44  1.24–1.24  1.18–1.23
//	16384    1.47–1.59  1.70–1.80  1.19–1.44  1.37–1.49  1.16–1.25  1.41–1.44  1.21–1.22  1.28–1.30
//	32768    1.55–1.64  1.81–1.83  1.25–1.26  1.18–1.20  1.08–1.16  1.43–1.48  1.13–1.18  1.18–1.21
//	65536    1.56–1.59  1.84–1.86  1.14–1.15  1.25–1.27  1.13–1.16  1.30–1.34  1.19–1.20  1.15–1.18
//	2^18     0.94–1.14  1.38–1.61  0.98–1.00  1.12–1.39  0.96–1.05  1.12–1.23  0.89–0.98  0.88–1.16
//	2^20     1.18–1.20  1.49–1.54  3.21–3.29  1.86–1.95  1.12–1.13  1.41–1.45  2.96–3.00  1.65–1.79
//
// The spread comes from runs, each with its plan and buffers made anew,
// whose best batch lands at one of two or three speeds up to 25% apart,
// ours and FFTW's alike (c64 n = 1024 at AVX-512: ours 500–503 ns in
// most runs, 570–635 in some, FFTW's 643–763; c128 n = 256 at AVX2: ours
// 242–244 in most, 279 in one). In benchFFT MFLOPS (5·n·log2 n per µs, half for the real
// plans), complex64 at AVX-512 runs 101,500–102,000 at n = 1024 (in the
// runs at 500 ns), 85,400–86,600 at 4096, 76,900–78,200 at 65536; real
// float32 80,300–80,800 at 1024 and 66,100–67,000 at 65536; complex128
// 42,500–43,600 at 1024.
package fft
