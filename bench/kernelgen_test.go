package main

import (
	"fmt"
	"math"
	"testing"

	"github.com/ssmkern/ssmkern/asm"

	"github.com/ssmkern/ssmkern/kernelgen"
)

// s4dBenchParams is an S4D layer of H channels with S4D-Lin states and
// the log-uniform step sizes of S4 (Δ ∈ [1e−3, 1e−1]).
func s4dBenchParams(h, nh, l int) *kernelgen.S4DParams {
	a, b, err := kernelgen.InitS4D(kernelgen.S4DLin, nh)
	if err != nil {
		panic(err)
	}
	p := &kernelgen.S4DParams{Channels: 1, H: h, Nh: nh, L: l, Disc: kernelgen.ZOH,
		A: make([]complex128, h*nh), B: make([]complex128, h*nh), C: make([]complex128, h*nh), Dt: make([]float64, h)}
	for i := range h {
		copy(p.A[i*nh:], a)
		copy(p.B[i*nh:], b)
		p.Dt[i] = math.Exp(math.Log(1e-3) + float64(i)/float64(h)*math.Log(100))
		for n := range nh {
			p.C[i*nh+n] = complex(math.Cos(float64(i*nh+n)), math.Sin(float64(3*(i*nh+n))))
		}
	}
	return p
}

// BenchmarkS4DKernel measures the S4D (Vandermonde) kernel generation.
// GFLOP/s counts 8 flops per (channel, H, state, step) complex
// multiply-add, the work of the textbook evaluation; the blocked hot loop
// executes 4 of them (the real part only: two fused multiply-adds), which
// exec-GFLOP/s counts; %peak is exec-GFLOP/s against the core's FMA
// peak measured at the level (peakGFLOPS), the fraction of the hardware's
// FMA rate the whole call sustains. The tables (powers and anchors) are in
// ns/op but in neither count. The float32 kernel runs at every level:
//
//	go test -run '^$' -bench 'S4DKernel/float32' -count 6 ./bench
func BenchmarkS4DKernel(b *testing.B) {
	for _, sz := range []struct{ h, nh, l int }{{256, 32, 4096}} {
		p := s4dBenchParams(sz.h, sz.nh, sz.l)
		elems := float64(p.Channels * sz.h * sz.nh * sz.l)
		b.Run(fmt.Sprintf("float32/H%d/Nh%d/L%d", sz.h, sz.nh, sz.l), func(b *testing.B) {
			eachLevel(b, func(b *testing.B) {
				k := make([]float32, sz.h*sz.l)
				for b.Loop() {
					if err := kernelgen.S4DKernel(k, p); err != nil {
						b.Fatal(err)
					}
				}
				sec := b.Elapsed().Seconds() / float64(b.N)
				b.ReportMetric(8*elems/sec/1e9, "GFLOP/s")
				b.ReportMetric(4*elems/sec/1e9, "exec-GFLOP/s")
				if pk := peakGFLOPS(asm.Current()); pk > 0 {
					b.ReportMetric(100*4*elems/sec/1e9/pk, "%peak")
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

// dplrBenchParams is an S4 layer: HiPPO-LegS through NPLR, H channels
// with log-uniform Δ, C̃ = a fixed pattern.
func dplrBenchParams(h, n, l int) *kernelgen.DPLRParams {
	lam, pp, bb, _, err := kernelgen.NPLR(kernelgen.LegS, n)
	if err != nil {
		panic(err)
	}
	nh := n / 2
	p := &kernelgen.DPLRParams{Channels: 1, H: h, Nh: nh, L: l,
		Lambda: make([]complex128, h*nh), P: make([]complex128, h*nh), B: make([]complex128, h*nh),
		CTilde: make([]complex128, h*nh), Dt: make([]float64, h)}
	for i := range h {
		copy(p.Lambda[i*nh:], lam)
		copy(p.P[i*nh:], pp)
		copy(p.B[i*nh:], bb)
		p.Dt[i] = math.Exp(math.Log(1e-3) + float64(i)/float64(h)*math.Log(100))
		for j := range nh {
			p.CTilde[i*nh+j] = complex(math.Cos(float64(i*nh+j)), math.Sin(float64(3*(i*nh+j))))
		}
	}
	return p
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
