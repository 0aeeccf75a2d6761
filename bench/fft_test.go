package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/fft"
)

// fftBenchSizes: powers of two from 64 to 2^20, and non-powers (60 and
// 1000 mixed radix, 3000 = 2^3·3·5^3, 1009 prime: Bluestein).
var fftBenchSizes = []int{64, 256, 1024, 4096, 16384, 65536, 1 << 18, 1 << 20, 60, 1000, 1009, 3000}

// reportFFTMFLOPS reports benchFFT's MFLOPS: 5·n·log2(n) / µs for a complex
// transform, half of that for a real one (the convention of FFTW's benchFFT).
func reportFFTMFLOPS(b *testing.B, n int, real bool) {
	flops := 5 * float64(n) * math.Log2(float64(n))
	if real {
		flops /= 2
	}
	us := float64(b.Elapsed().Nanoseconds()) / 1e3 / float64(b.N)
	b.ReportMetric(flops/us, "MFLOPS")
}

// BenchmarkFFT measures the forward transform of each plan type at the
// level asm.Current() chooses (set SSMKERN_ISA to compare levels).
//
//	go test -run '^$' -bench 'FFT/c64' ./bench
func BenchmarkFFT(b *testing.B) {
	b.Logf("level %v", asm.Current())
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range fftBenchSizes {
		b.Run(fmt.Sprintf("c64/n=%d", n), func(b *testing.B) {
			p, err := fft.NewPlan32(n)
			if err != nil {
				b.Fatal(err)
			}
			src, dst := make([]complex64, n), make([]complex64, n)
			for i := range src {
				src[i] = complex(float32(rng.NormFloat64()), float32(rng.NormFloat64()))
			}
			b.SetBytes(int64(n) * 8)
			for b.Loop() {
				p.Forward(dst, src)
			}
			reportFFTMFLOPS(b, n, false)
		})
		b.Run(fmt.Sprintf("c128/n=%d", n), func(b *testing.B) {
			p, err := fft.NewPlan64(n)
			if err != nil {
				b.Fatal(err)
			}
			src, dst := make([]complex128, n), make([]complex128, n)
			for i := range src {
				src[i] = complex(rng.NormFloat64(), rng.NormFloat64())
			}
			b.SetBytes(int64(n) * 16)
			for b.Loop() {
				p.Forward(dst, src)
			}
			reportFFTMFLOPS(b, n, false)
		})
		b.Run(fmt.Sprintf("r32/n=%d", n), func(b *testing.B) {
			p, err := fft.NewRealPlan32(n)
			if err != nil {
				b.Fatal(err)
			}
			src, dst := make([]float32, n), make([]complex64, n/2+1)
			for i := range src {
				src[i] = float32(rng.NormFloat64())
			}
			b.SetBytes(int64(n) * 4)
			for b.Loop() {
				p.Forward(dst, src)
			}
			reportFFTMFLOPS(b, n, true)
		})
		b.Run(fmt.Sprintf("r64/n=%d", n), func(b *testing.B) {
			p, err := fft.NewRealPlan64(n)
			if err != nil {
				b.Fatal(err)
			}
			src, dst := make([]float64, n), make([]complex128, n/2+1)
			for i := range src {
				src[i] = rng.NormFloat64()
			}
			b.SetBytes(int64(n) * 8)
			for b.Loop() {
				p.Forward(dst, src)
			}
			reportFFTMFLOPS(b, n, true)
		})
	}
}

// BenchmarkNewPlan32 measures plan creation (twiddles and factorisation).
func BenchmarkNewPlan32(b *testing.B) {
	for _, n := range []int{1024, 65536, 1009} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := fft.NewPlan32(n); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
