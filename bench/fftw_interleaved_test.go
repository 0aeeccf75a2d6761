//go:build fftw

package main

import (
	"testing"
	"time"
)

// BenchmarkFFTWInterleaved compares our forward transform with FFTW's in
// alternation: 200 rounds, each timing a batch of our calls and then the
// same number of FFTW's (one C loop), keeping the best batch of each. On
// a machine shared with other work, BenchmarkFFT and BenchmarkFFTW run
// minutes apart under different loads and their ratio wanders (factors
// of two were seen); the best of interleaved batches is the speed of
// each when neither is interrupted. It reports ns per transform of both,
// our MFLOPS, and ratio = FFTW's time / ours (> 1: ours faster):
//
//	go test -tags fftw -run '^$' -bench 'FFTWInterleaved/c64/n=(64|256)$' -benchtime 1x ./bench
func BenchmarkFFTWInterleaved(b *testing.B) {
	b.Log(fftwStatus())
	for _, n := range fftCompareSizes {
		for _, kind := range fftKinds {
			b.Run(fftBenchName(kind, n), func(b *testing.B) { fftwInterleaved(b, kind, n) })
		}
	}
}

// BenchmarkMixedVsFFTW is BenchmarkFFTWInterleaved for the short
// 2^a·3^b·5^c lengths, where the mixed-radix plans' per-call overhead
// shows (package fft, mixed_simd.go):
//
//	go test -tags fftw -run '^$' -bench 'MixedVsFFTW/c64/' -benchtime 1x ./bench
func BenchmarkMixedVsFFTW(b *testing.B) {
	b.Log(fftwStatus())
	for _, n := range []int{60, 120, 240, 360, 480, 960, 1000} {
		for _, kind := range fftKinds {
			b.Run(fftBenchName(kind, n), func(b *testing.B) { fftwInterleaved(b, kind, n) })
		}
	}
}

// fftwInterleaved is one case of BenchmarkFFTWInterleaved.
func fftwInterleaved(b *testing.B, kind string, n int) {
	f, err := lastFFTWFFT(kind, n)
	if err != nil {
		b.Fatal(err)
	}
	ours, err := newFFTForward(kind, n)
	if err != nil {
		b.Fatal(err)
	}
	batch := max(1, 100000/n) // about 0.1–1 ms per batch
	bestOurs, bestFFTW := time.Duration(1<<62), time.Duration(1<<62)
	for range 200 {
		start := time.Now()
		for range batch {
			if err := ours(); err != nil {
				b.Fatal(err)
			}
		}
		bestOurs = min(bestOurs, time.Since(start))
		start = time.Now()
		f.execute(batch)
		bestFFTW = min(bestFFTW, time.Since(start))
	}
	oursNs := float64(bestOurs.Nanoseconds()) / float64(batch)
	fftwNs := float64(bestFFTW.Nanoseconds()) / float64(batch)
	b.ReportMetric(oursNs, "ours-ns")
	b.ReportMetric(fftwNs, "fftw-ns")
	b.ReportMetric(fftFlops(kind, n)/oursNs*1e3, "MFLOPS")
	b.ReportMetric(fftwNs/oursNs, "ratio")
}
