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
// ours is faster), each time the best of 200 interleaved batches, five
// runs at AVX-512 and three at AVX2 on the shared 2-core Zen 4 VM
// (2026-11-29; with libfftw3-dev installed: go test -c -tags fftw -o
// fftw.test ./bench, then SSMKERN_ISA=avx512 or avx2 ./fftw.test
// -test.run '^$' -test.bench 'FFTWInterleaved/(c64|r32|c128|r64)/n=(64|…|1048576)$'
// -test.benchtime 1x). c64 and c128 are Plan32 and Plan64, r32 and r64
// RealPlan32 and RealPlan64 (n real values):
//
//	         AVX-512                                 AVX2
//	n        c64        r32        c128       r64        c64        r32        c128       r64
//	64       0.95–1.51  1.52–1.59  1.16–1.88  1.39–1.41  1.12–1.24  1.50–1.56  1.14–1.18  1.19–1.21
//	128      1.16–1.69  1.62–1.68  0.79–1.21  1.35–1.39  1.22–1.35  1.61–1.64  1.09–1.11  1.24–1.25
//	256      1.13–1.14  2.22–2.26  1.14–1.27  1.08–1.38  1.14–1.15  2.15–2.16  1.10–1.13  1.26–1.28
//	512      1.20–1.33  1.93–2.00  1.00–1.19  1.32–1.39  1.04–1.06  1.95–1.98  1.02–1.07  1.21–1.23
//	1024     0.99–1.29  2.22–2.44  1.10–1.16  1.24–1.41  1.03–1.06  1.93–1.98  0.99–1.06  1.15–1.17
//	2048     1.23–1.30  2.06–2.19  1.17–1.22  1.23–1.27  1.04–1.07  1.76–1.82  1.03–1.05  1.11–1.14
//	4096     1.36–1.39  1.97–2.10  1.16–1.24  1.24–1.33  1.08–1.09  1.70–1.72  1.16–1.19  1.10–1.12
//	8192     1.26–1.34  1.89–1.94  1.31–1.34  1.21–1.27  1.05–1.07  1.41–1.43  1.23–1.25  1.20–1.20
//	16384    1.41–1.50  1.70–1.73  1.21–1.22  1.35–1.43  1.16–1.20  1.43–1.44  1.19–1.22  1.32–1.34
//	32768    1.47–1.57  1.84–1.89  1.24–1.25  1.20–1.25  1.09–1.12  1.46–1.46  1.13–1.15  1.19–1.19
//	65536    1.50–1.57  1.83–1.86  1.13–1.16  1.22–1.40  1.10–1.10  1.31–1.32  1.17–1.20  1.12–1.16
//	2^18     1.08–1.18  1.58–1.65  0.98–1.05  1.08–1.45  0.96–1.06  1.20–1.21  0.84–0.90  0.97–1.14
//	2^20     1.16–1.21  1.50–1.65  2.30–3.33  1.69–2.07  1.08–1.13  1.36–1.41  2.92–3.00  1.60–1.73
//
// The low ends come from single runs whose best batch landed at a slower
// speed, ours or FFTW's: c64 n = 64 at AVX-512 read 24.1–24.3 ns in four
// runs of five and 39.4 in one, c128 n = 128 94–95 ns in three and
// 137–144 in two, c64 n = 1024 505–576 and 653 once. It is the host, not
// the plan or the buffers' placement: the same plan on the same buffers
// at fixed offsets read 25.0 and 38.9 ns in two counts of one process. In
// benchFFT MFLOPS (5·n·log2 n per µs, half for the real plans), complex64
// at AVX-512 runs 101,000–102,000 at n = 1024 (in the runs at 500–505 ns),
// 85,400–86,600 at 4096, 76,900–78,200 at 65536; real float32
// 80,300–80,800 at 1024 and 66,100–67,000 at 65536; complex128
// 42,500–43,600 at 1024.
//
// The 2^a·3^b·5^c lengths (the mixed-radix stages; 1009 is prime and
// runs Bluestein's algorithm), two runs per level, same command with
// n=(60|1000|1009|1536|2000|3000|4000|6561|10000|15625|48000) (2000 and
// 10000 after 2^4 became two radix-4 stages):
//
//	         AVX-512                                 AVX2
//	n        c64        r32        c128       r64        c64        r32        c128       r64
//	60       1.13–1.14  1.05–1.07  0.98–1.05  0.81–0.83  1.16–1.16  1.04–1.05  0.91–0.91  0.83–0.84
//	1000     1.82–1.82  1.90–2.22  1.23–1.28  1.49–1.49  1.47–1.58  1.92–1.99  1.07–1.08  1.23–1.29
//	1009     5.02–5.02  3.62–3.62  1.86–1.89  1.45–1.46  3.73–4.07  3.17–3.18  1.71–1.72  1.32–1.33
//	1536     1.23–1.28  2.10–2.14  1.22–1.23  1.25–1.29  1.04–1.05  1.84–1.89  1.02–1.04  1.06–1.08
//	2000     1.18–1.19  2.25–2.45  1.08–1.13  1.33–1.34  1.05–1.09  2.10–2.17  0.99–1.00  1.14–1.17
//	3000     1.57–1.60  2.24–2.27  1.11–1.12  1.22–1.27  1.39–1.41  1.98–2.07  1.04–1.05  1.13–1.16
//	4000     1.18–1.19  1.98–2.02  1.06–1.08  1.07–1.10  1.07–1.10  1.75–1.76  0.98–1.00  1.01–1.03
//	6561     3.02–3.04  2.08–2.10  1.50–1.51  1.38–1.39  2.82–2.89  2.06–2.06  1.42–1.46  1.33–1.34
//	10000    1.23–1.25  2.30–2.34  1.23–1.24  1.32–1.32  1.12–1.15  2.10–2.14  1.11–1.15  1.20–1.21
//	15625    4.47–4.47  2.73–2.75  1.92–2.01  1.79–1.82  3.86–3.91  2.47–2.50  1.79–1.83  1.64–1.65
//	48000    1.10–1.11  1.68–1.69  1.50–1.51  1.56–1.57  1.04–1.04  1.51–1.58  1.43–1.44  1.46–1.46
//
// Before the mixed-radix stages these lengths ran Bluestein's algorithm
// (Plan32) or package generic's float64 stages (Plan64) at 0.16–0.44 of
// FFTW's speed (n = 1000 c128 8.5 µs against FFTW's 1.56; now 1.2 µs).
package fft
