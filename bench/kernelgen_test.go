package main

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/ssmkern/ssmkern/asm"

	"github.com/ssmkern/ssmkern/kernelgen"
)

// BenchmarkS4DKernel measures the S4D (Vandermonde) kernel generation.
// GFLOP/s counts 8 flops per (channel, H, state, step) complex
// multiply-add, the work of the textbook evaluation; the blocked hot loop
// executes 4 of them (the real part only: two fused multiply-adds), which
// exec-GFLOP/s counts; %peak is exec-GFLOP/s against the core's FMA
// peak measured at the level (peakGFLOPS), the fraction of the hardware's
// FMA rate the whole call sustains. The tables (powers and anchors) are in
// ns/op but in neither count. cpu-ns/op and cpu-%peak are the same over
// the thread's CPU time (threadCPU), which other processes on a shared
// machine disturb less. The float32 kernel runs at every level:
//
//	go test -run '^$' -bench 'S4DKernel/float32' -count 6 ./bench
func BenchmarkS4DKernel(b *testing.B) {
	for _, sz := range []struct{ h, nh, l int }{{256, 32, 4096}} {
		p := s4dBenchParams(sz.h, sz.nh, sz.l)
		elems := float64(p.Channels * sz.h * sz.nh * sz.l)
		b.Run(fmt.Sprintf("float32/H%d/Nh%d/L%d", sz.h, sz.nh, sz.l), func(b *testing.B) {
			eachLevel(b, func(b *testing.B) {
				k := make([]float32, sz.h*sz.l)
				pk := peakGFLOPS(asm.Current())
				runtime.LockOSThread()
				defer runtime.UnlockOSThread()
				cpu0 := threadCPU()
				for b.Loop() {
					if err := kernelgen.S4DKernel(k, p); err != nil {
						b.Fatal(err)
					}
				}
				cpu := threadCPU() - cpu0
				sec := b.Elapsed().Seconds() / float64(b.N)
				b.ReportMetric(8*elems/sec/1e9, "GFLOP/s")
				b.ReportMetric(4*elems/sec/1e9, "exec-GFLOP/s")
				if pk > 0 {
					b.ReportMetric(100*4*elems/sec/1e9/pk, "%peak")
				}
				if cpu0 > 0 && cpu > 0 {
					ns := cpu / float64(b.N)
					b.ReportMetric(ns, "cpu-ns/op")
					if pk > 0 {
						b.ReportMetric(100*4*elems/ns/pk, "cpu-%peak")
					}
				}
			})
		})
		b.Run(fmt.Sprintf("float64/H%d/Nh%d/L%d", sz.h, sz.nh, sz.l), func(b *testing.B) {
			k := make([]float64, sz.h*sz.l)
			for b.Loop() {
				if err := kernelgen.S4DKernel64(k, p); err != nil {
					b.Fatal(err)
				}
			}
			sec := b.Elapsed().Seconds() / float64(b.N)
			b.ReportMetric(8*elems/sec/1e9, "GFLOP/s")
			b.ReportMetric(4*elems/sec/1e9, "exec-GFLOP/s")
		})
	}
}

// BenchmarkDPLRSpectrum measures the Cauchy/Woodbury part of the S4
// kernel (all of it but the inverse real FFT), H = 256, N = 64, L = 4096.
// GFLOP/s counts, per (H, bin, stored state), 2 reciprocals of 14 flops
// and 2·(2 + 2·Channels) complex multiply-adds of 8: 92 flops for one
// channel.
func BenchmarkDPLRSpectrum(b *testing.B) {
	for _, sz := range []struct{ h, n, l int }{{256, 64, 4096}} {
		p := dplrBenchParams(sz.h, sz.n, sz.l)
		khat := make([]complex128, sz.h*kernelgen.DPLRBins(sz.l))
		terms := float64(sz.h * kernelgen.DPLRBins(sz.l) * sz.n / 2)
		b.Run(fmt.Sprintf("H%d/N%d/L%d", sz.h, sz.n, sz.l), func(b *testing.B) {
			for b.Loop() {
				if err := kernelgen.DPLRSpectrum(khat, p); err != nil {
					b.Fatal(err)
				}
			}
			sec := b.Elapsed().Seconds() / float64(b.N)
			b.ReportMetric(92*terms/sec/1e9, "GFLOP/s")
		})
	}
}
