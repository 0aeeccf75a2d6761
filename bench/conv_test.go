package main

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/ssmkern/ssmkern/fft"
)

// BenchmarkConv32 measures the S4 long convolution (kernelLen = seqLen, D
// on) at asm.Current(), reporting ns per (channel, sample). Long sequences
// use fewer channels so that one op stays short; ns/sample is comparable.
//
//	go test -run '^$' -bench Conv32 ./bench
func BenchmarkConv32(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, z := range []struct{ channels, seqLen int }{{256, 1024}, {256, 4096}, {32, 16384}} {
		b.Run(fmt.Sprintf("H=%d/L=%d", z.channels, z.seqLen), func(b *testing.B) {
			k := make([]float32, z.channels*z.seqLen)
			u := make([]float32, z.channels*z.seqLen)
			d := make([]float32, z.channels)
			for i := range k {
				k[i] = float32(rng.NormFloat64())
				u[i] = float32(rng.NormFloat64())
			}
			c, err := fft.NewConv32(z.channels, z.seqLen, k)
			if err != nil {
				b.Fatal(err)
			}
			y := make([]float32, len(u))
			b.SetBytes(int64(len(u)) * 4)
			for b.Loop() {
				c.Apply(y, u, d)
			}
			ns := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
			b.ReportMetric(ns/float64(len(u)), "ns/sample")
		})
	}
}
