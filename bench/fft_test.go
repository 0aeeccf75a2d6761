package main

import (
	"fmt"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/fft"
)

// fftBenchSizes: powers of two from 64 to 2^20, and non-powers (60 and
// 1000 mixed radix, 3000 = 2^3·3·5^3, 1009 prime: Bluestein).
var fftBenchSizes = []int{64, 256, 1024, 4096, 16384, 65536, 1 << 18, 1 << 20, 60, 1000, 1009, 3000}

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
