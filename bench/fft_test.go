package main

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/fft"
)

// fftBenchSizes are fftCompareSizes (every power of two from 2^4 to 2^22,
// and 60 and 1000 mixed radix, 3000 = 2^3·3·5^3, 6561 = 3^8, 15625 = 5^6,
// 1536, 2000, 4000, 10000, 48000, 1009 prime), so that benchstat sets every case beside FFTW's and
// gonum's, and 4095 = 3^2·5·7·13 and 65537 prime: Bluestein (the real
// plans' half lengths 500, 1500 smooth, 4095/2 and 65537 odd).
var fftBenchSizes = append(fftCompareSizes[:len(fftCompareSizes):len(fftCompareSizes)], 4095, 65537)

// BenchmarkFFT measures the forward transform of each plan type at the
// level asm.Current() chooses (set SSMKERN_ISA to compare levels),
// reporting benchFFT MFLOPS.
//
//	go test -run '^$' -bench 'FFT/c64' ./bench
func BenchmarkFFT(b *testing.B) {
	b.Logf("level %v", asm.Current())
	for _, n := range fftBenchSizes {
		for _, kind := range fftKinds {
			b.Run(fmt.Sprintf("%s/n=%d", kind, n), fftBench(kind, n))
		}
	}
}

// BenchmarkNewPlan measures plan creation (factorisation and twiddle
// tables of the level asm.Current() chooses) for each plan type; issue 4
// wants n = 65536 under 1 ms. cpu-ns/op is the benchmark thread's CPU
// time (threadCPU), which the other processes on a shared machine do not
// inflate; it leaves out the garbage collector's background workers.
//
//	go test -run '^$' -bench 'NewPlan/' ./bench
func BenchmarkNewPlan(b *testing.B) {
	for _, n := range []int{1024, 65536, 1 << 20, 1000, 1009} {
		for _, kind := range fftKinds {
			b.Run(fftBenchName(kind, n), func(b *testing.B) {
				var err error
				runtime.LockOSThread()
				defer runtime.UnlockOSThread()
				cpu0 := threadCPU()
				for b.Loop() {
					switch kind {
					case "c64":
						_, err = fft.NewPlan32(n)
					case "c128":
						_, err = fft.NewPlan64(n)
					case "r32":
						_, err = fft.NewRealPlan32(n)
					case "r64":
						_, err = fft.NewRealPlan64(n)
					}
					if err != nil {
						b.Fatal(err)
					}
				}
				if cpu := threadCPU() - cpu0; cpu0 > 0 && cpu > 0 {
					b.ReportMetric(cpu/float64(b.N), "cpu-ns/op")
				}
			})
		}
	}
}

// BenchmarkFFTShortMixed measures the short 2^a·3^b·5^c lengths around
// package fft's mixedMinLen, where Plan32 and Plan64 (and the real plans'
// half lengths) switch from package generic's float64 code to the
// mixed-radix vector stages: run
// it at SSMKERN_ISA=generic and at avx2 or avx512 (interleaved runs of
// a prebuilt test binary: the machine is shared) to retune that
// threshold.
//
//	go test -run '^$' -bench 'FFTShortMixed/c64' ./bench
func BenchmarkFFTShortMixed(b *testing.B) {
	b.Logf("level %v", asm.Current())
	for _, n := range []int{6, 10, 12, 15, 18, 20, 24, 30, 36, 40, 45, 48, 60} {
		for _, kind := range fftKinds {
			b.Run(fftBenchName(kind, n), fftBench(kind, n))
		}
	}
}
