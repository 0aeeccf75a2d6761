package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"runtime/debug"
	"testing"

	"gonum.org/v1/gonum/dsp/fourier"

	"github.com/ssmkern/ssmkern/fft"
	"github.com/ssmkern/ssmkern/generic"
	"github.com/ssmkern/ssmkern/generic/golden"
)

// fftCheckTol is the DESIGN bound on the relative RMS error of a float32
// FFT, 1e-6·log2(n), applied at n = 4096 and n = 1000.
const fftCheckTol = 1e-6 * 12

// fftKinds are the plan types: complex64, complex128, real float32, real
// float64.
var fftKinds = []string{"c64", "c128", "r32", "r64"}

// fftFlops is benchFFT's operation count: 5·n·log2(n) for a complex
// transform, half of that for a real one.
func fftFlops(kind string, n int) float64 {
	f := 5 * float64(n) * math.Log2(float64(n))
	if kind == "r32" || kind == "r64" {
		f /= 2
	}
	return f
}

// fftCompareSizes are the lengths at which BenchmarkFFTW and
// BenchmarkGonumFFT measure the other libraries (and BenchmarkFFT ours):
// every power of two from 2^4 to 2^22, 60 and 1000 mixed radix, 1009
// prime, 3000 = 2^3·3·5^3, 6561 = 3^8 and 15625 = 5^6, and the mixed-radix
// lengths users pick: 1536 = 3·2^9, 2000, 4000, 10000 and 48000 (a second
// of 48 kHz audio).
var fftCompareSizes = []int{
	1 << 4, 1 << 5, 1 << 6, 1 << 7, 1 << 8, 1 << 9, 1 << 10, 1 << 11, 1 << 12, 1 << 13,
	1 << 14, 1 << 15, 1 << 16, 1 << 17, 1 << 18, 1 << 19, 1 << 20, 1 << 21, 1 << 22,
	60, 1000, 1009, 3000, 6561, 15625, 1536, 2000, 4000, 10000, 48000,
}

// fftBenchName is the sub-benchmark name of one FFT case, "c64/n=1024".
// BenchmarkFFT (ours), BenchmarkFFTW and BenchmarkGonumFFT name their
// cases alike, so that benchstat sets them side by side:
//
//	go test -tags fftw -run '^$' -bench '^Benchmark(FFT|FFTW|GonumFFT)$' -count 3 ./bench > fft.txt
//	benchstat -col .name fft.txt
func fftBenchName(kind string, n int) string { return fmt.Sprintf("%s/n=%d", kind, n) }

// fftBytes is the size of one transform's input.
func fftBytes(kind string, n int) int {
	switch kind {
	case "c128":
		return 16 * n
	case "r32":
		return 4 * n
	default: // c64, r64
		return 8 * n
	}
}

// fftBench measures the forward transform of one plan type and length.
func fftBench(kind string, n int) func(b *testing.B) {
	return func(b *testing.B) {
		forward, err := newFFTForward(kind, n)
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(fftBytes(kind, n)))
		for b.Loop() {
			if err := forward(); err != nil {
				b.Fatal(err)
			}
		}
		us := float64(b.Elapsed().Nanoseconds()) / 1e3 / float64(b.N)
		b.ReportMetric(fftFlops(kind, n)/us, "MFLOPS")
	}
}

// newFFTForward returns one forward transform of the plan type kind and
// length n on random input, as a call.
func newFFTForward(kind string, n int) (func() error, error) {
	rng := rand.New(rand.NewPCG(1, uint64(n)))
	switch kind {
	case "c64":
		p, err := fft.NewPlan32(n)
		if err != nil {
			return nil, err
		}
		src, dst := make([]complex64, n), make([]complex64, n)
		for i := range src {
			src[i] = complex(float32(rng.NormFloat64()), float32(rng.NormFloat64()))
		}
		return func() error { return p.Forward(dst, src) }, nil
	case "c128":
		p, err := fft.NewPlan64(n)
		if err != nil {
			return nil, err
		}
		src, dst := make([]complex128, n), make([]complex128, n)
		for i := range src {
			src[i] = complex(rng.NormFloat64(), rng.NormFloat64())
		}
		return func() error { return p.Forward(dst, src) }, nil
	case "r32":
		p, err := fft.NewRealPlan32(n)
		if err != nil {
			return nil, err
		}
		src, dst := make([]float32, n), make([]complex64, n/2+1)
		for i := range src {
			src[i] = float32(rng.NormFloat64())
		}
		return func() error { return p.Forward(dst, src) }, nil
	case "r64":
		p, err := fft.NewRealPlan64(n)
		if err != nil {
			return nil, err
		}
		src, dst := make([]float64, n), make([]complex128, n/2+1)
		for i := range src {
			src[i] = rng.NormFloat64()
		}
		return func() error { return p.Forward(dst, src) }, nil
	}
	return nil, fmt.Errorf("unknown FFT kind %q", kind)
}

// gonumFFTBench measures gonum's dsp/fourier forward transform (FFTPACK in
// Go, float64 only) with the same input and unit as fftBench: c128 is
// CmplxFFT, r64 is FFT. It returns nil for c64 and r32, which gonum lacks.
func gonumFFTBench(kind string, n int) func(b *testing.B) {
	if kind != "c128" && kind != "r64" {
		return nil
	}
	return func(b *testing.B) {
		rng := rand.New(rand.NewPCG(1, uint64(n)))
		var forward func()
		if kind == "c128" {
			t := fourier.NewCmplxFFT(n)
			src, dst := make([]complex128, n), make([]complex128, n)
			for i := range src {
				src[i] = complex(rng.NormFloat64(), rng.NormFloat64())
			}
			forward = func() { t.Coefficients(dst, src) }
		} else {
			t := fourier.NewFFT(n)
			src, dst := make([]float64, n), make([]complex128, n/2+1)
			for i := range src {
				src[i] = rng.NormFloat64()
			}
			forward = func() { t.Coefficients(dst, src) }
		}
		b.SetBytes(int64(fftBytes(kind, n)))
		for b.Loop() {
			forward()
		}
		us := float64(b.Elapsed().Nanoseconds()) / 1e3 / float64(b.N)
		b.ReportMetric(fftFlops(kind, n)/us, "MFLOPS")
	}
}

// gonumVersion is the gonum module this binary was built with.
func gonumVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, m := range info.Deps {
			if m.Path == "gonum.org/v1/gonum" {
				return m.Path + " " + m.Version
			}
		}
	}
	return "gonum.org/v1/gonum"
}

// convBench measures the causal long convolution with kernelLen = seqLen
// and D on, reporting ns per (channel, sample).
func convBench(channels, seqLen int) func(b *testing.B) {
	return func(b *testing.B) {
		rng := rand.New(rand.NewPCG(3, 4))
		k := make([]float32, channels*seqLen)
		u := make([]float32, channels*seqLen)
		d := make([]float32, channels)
		for i := range k {
			k[i] = float32(rng.NormFloat64())
			u[i] = float32(rng.NormFloat64())
		}
		c, err := fft.NewConv32(channels, seqLen, k)
		if err != nil {
			b.Fatal(err)
		}
		y := make([]float32, len(u))
		b.SetBytes(int64(len(u)) * 4)
		// One call first: the timed ones are the steady state, without
		// the first touch of y's pages and of the scratch pools.
		if err := c.Apply(y, u, d); err != nil {
			b.Fatal(err)
		}
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		cpu0 := threadCPU()
		for b.Loop() {
			if err := c.Apply(y, u, d); err != nil {
				b.Fatal(err)
			}
		}
		ns := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
		b.ReportMetric(ns/float64(len(u)), "ns/sample")
		reportCPUPerSample(b, cpu0, len(u))
	}
}

func fftSection(quick bool) section {
	s := section{
		name:  "fft",
		title: "FFT, forward transform",
		about: "benchFFT MFLOPS: 5·n·log2(n) / µs for complex transforms, half of that for real ones. " +
			"Each reference column is measured in this run, once per case; × NAME is our speed over NAME's at each level. " +
			fftwStatus() + " gonum is " + gonumVersion() + " dsp/fourier (FFTPACK in Go; complex128 and float64 only).",
		unit: "MFLOPS",
	}
	if fftwLinked {
		s.refs = append(s.refs, "FFTW")
	}
	s.refs = append(s.refs, "gonum")
	for _, n := range []int{1000, 4096} {
		s.checks = append(s.checks, check{name: fmt.Sprintf("fft.Plan32 n=%d", n), run: func() error { return checkPlan32(n) }})
	}
	sizes := []int{64, 1024, 4096, 65536, 1 << 20, 1000}
	if quick {
		sizes = []int{1024}
	}
	for _, kind := range fftKinds {
		for _, n := range sizes {
			flops := fftFlops(kind, n)
			c := benchCase{
				name:  fmt.Sprintf("%s n=%d", kind, n),
				bench: fftBench(kind, n),
				rate:  func(ns float64) float64 { return flops / (ns / 1e3) },
			}
			if fftwLinked {
				c.refs = append(c.refs, fftwFFTBench(kind, n))
			}
			c.refs = append(c.refs, gonumFFTBench(kind, n))
			s.cases = append(s.cases, c)
		}
	}
	return s
}

func convSection(quick bool) section {
	s := section{
		name:  "conv",
		title: "Causal long convolution (S4), float32",
		about: "fft.Conv32.Apply with kernelLen = seqLen and D on; ns per (channel, sample), lower is better. " +
			"The FFTW column is the same pipeline in C (cached kernel spectra; per channel r2c, pointwise product, c2r, + D·u; same FFT length), " +
			"measured in this run; × FFTW is its time over ours. " + fftwStatus(),
		unit: "ns/sample",
	}
	if fftwLinked {
		s.refs = []string{"FFTW"}
	}
	s.checks = append(s.checks, check{name: "fft.Conv32 vs direct sum", run: checkConv32})
	sizes := []struct{ channels, seqLen int }{{256, 1024}, {256, 4096}, {256, 16384}, {256, 65536}}
	if quick {
		sizes = sizes[:1]
		sizes[0].channels = 16
	}
	for _, z := range sizes {
		samples := float64(z.channels * z.seqLen)
		c := benchCase{
			name:          fmt.Sprintf("H=%d L=%d", z.channels, z.seqLen),
			bench:         convBench(z.channels, z.seqLen),
			rate:          func(ns float64) float64 { return ns / samples },
			lowerIsBetter: true,
		}
		if fftwLinked {
			c.refs = []func(*testing.B){fftwConvBench(z.channels, z.seqLen)}
		}
		s.cases = append(s.cases, c)
	}
	return s
}

// checkPlan32 compares Plan32.Forward with the float64 generic plan by
// relative RMS error.
func checkPlan32(n int) error {
	rng := rand.New(rand.NewPCG(7, uint64(n)))
	src := make([]complex64, n)
	src128 := make([]complex128, n)
	for i := range src {
		src[i] = complex(float32(rng.NormFloat64()), float32(rng.NormFloat64()))
		src128[i] = complex128(src[i])
	}
	ref, err := generic.NewFFTPlan(n)
	if err != nil {
		return err
	}
	want := make([]complex128, n)
	ref.Transform(want, src128, make([]complex128, ref.ScratchLen()), false)
	p, err := fft.NewPlan32(n)
	if err != nil {
		return err
	}
	got := make([]complex64, n)
	if err := p.Forward(got, src); err != nil {
		return err
	}
	if e := golden.RelativeRMSError(got, want); !(e <= fftCheckTol) {
		return fmt.Errorf("relative RMS error %.3g > %.3g", e, fftCheckTol)
	}
	return nil
}

// checkConv32 compares the FFT convolution with the direct float64 sum.
func checkConv32() error {
	const channels, seqLen, kernelLen = 3, 700, 500
	rng := rand.New(rand.NewPCG(8, 9))
	k := make([]float32, channels*kernelLen)
	u := make([]float32, channels*seqLen)
	d := make([]float32, channels)
	for i := range k {
		k[i] = float32(rng.NormFloat64())
	}
	for i := range u {
		u[i] = float32(rng.NormFloat64())
	}
	c, err := fft.NewConv32(channels, seqLen, k)
	if err != nil {
		return err
	}
	got := make([]float32, len(u))
	if err := c.Apply(got, u, d); err != nil {
		return err
	}
	want := make([]float32, len(u))
	generic.ConvDirect(want, u, k, d, channels, seqLen)
	return within("y", got, want)
}

// reportCPUPerSample reports the thread's CPU time per sample since cpu0
// (threadCPU; the caller locked its thread): on a loaded machine it leaves
// out the time spent waiting for a core, which ns/sample counts.
func reportCPUPerSample(b *testing.B, cpu0 float64, samples int) {
	if cpu := threadCPU() - cpu0; cpu0 > 0 && cpu > 0 {
		b.ReportMetric(cpu/float64(b.N)/float64(samples), "cpu-ns/sample")
	}
}
