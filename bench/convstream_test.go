package main

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/ssmkern/ssmkern/fft"
)

// BenchmarkConvStream32 measures the streaming causal convolution (D on) at
// asm.Current(): one Process call per op, a block of every channel,
// reporting ns per (channel, sample); compare with BenchmarkConv32, which
// convolves a whole sequence at once.
//
//	go test -run '^$' -bench ConvStream32 ./bench
func BenchmarkConvStream32(b *testing.B) {
	for _, z := range []struct{ channels, kernelLen, blockLen int }{{256, 4096, 256}, {256, 4096, 1024}, {256, 4096, 1}} {
		b.Run(fmt.Sprintf("H=%d/K=%d/B=%d", z.channels, z.kernelLen, z.blockLen), func(b *testing.B) {
			rng := rand.New(rand.NewPCG(5, 6))
			k := randomFloat32s(rng, z.channels*z.kernelLen)
			u := randomFloat32s(rng, z.channels*z.blockLen)
			d := randomFloat32s(rng, z.channels)
			s, err := fft.NewConvStream32(z.channels, z.blockLen, k)
			if err != nil {
				b.Fatal(err)
			}
			y := make([]float32, len(u))
			b.SetBytes(int64(len(u)) * 4)
			for b.Loop() {
				if err := s.Process(y, u, d); err != nil {
					b.Fatal(err)
				}
			}
			ns := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
			b.ReportMetric(ns/float64(len(u)), "ns/sample")
		})
	}
}

// BenchmarkConvBackward32 measures Conv32.Backward with every gradient
// wanted (D on, batch 1) at asm.Current(), next to Conv32.Apply on the same
// plan, reporting ns per (channel, sample): kernelLen = seqLen (the FFT
// path), and kernelLen 64 (the direct sums).
//
//	go test -run '^$' -bench ConvBackward32 ./bench
func BenchmarkConvBackward32(b *testing.B) {
	for _, z := range []struct{ channels, seqLen, kernelLen int }{{256, 1024, 1024}, {256, 4096, 4096}, {256, 4096, 64}} {
		for _, op := range []string{"Backward", "Apply"} {
			b.Run(fmt.Sprintf("H=%d/L=%d/K=%d/%s", z.channels, z.seqLen, z.kernelLen, op), func(b *testing.B) {
				rng := rand.New(rand.NewPCG(7, 8))
				n := z.channels * z.seqLen
				k := randomFloat32s(rng, z.channels*z.kernelLen)
				u, dy := randomFloat32s(rng, n), randomFloat32s(rng, n)
				d := randomFloat32s(rng, z.channels)
				c, err := fft.NewConv32(z.channels, z.seqLen, k)
				if err != nil {
					b.Fatal(err)
				}
				du, dk, dd := make([]float32, n), make([]float32, len(k)), make([]float32, z.channels)
				call := func() error { return c.Backward(du, dk, dd, dy, u, d) }
				if op == "Apply" {
					call = func() error { return c.Apply(du, u, d) }
				}
				b.SetBytes(int64(n) * 4)
				for b.Loop() {
					if err := call(); err != nil {
						b.Fatal(err)
					}
				}
				ns := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
				b.ReportMetric(ns/float64(n), "ns/sample")
			})
		}
	}
}
