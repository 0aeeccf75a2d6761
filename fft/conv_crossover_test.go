package fft

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// BenchmarkConvCrossover times the direct sum and the FFT path of Conv32
// on one channel for a grid of (seqLen, kernelLen); directIsFaster's
// convFFTCostPerPoint is fitted to where the two cross.
//
//	go test -run '^$' -bench ConvCrossover ./fft
func BenchmarkConvCrossover(b *testing.B) {
	rng := rand.New(rand.NewPCG(61, 62))
	for _, seqLen := range []int{64, 256, 1024, 4096} {
		for _, kernelLen := range []int{4, 8, 16, 32, 64, 128, 256} {
			if kernelLen > seqLen {
				continue
			}
			k := toF32(randFloat64(rng, kernelLen))
			u := toF32(randFloat64(rng, seqLen))
			y := make([]float32, seqLen)
			for _, mode := range []convMode{convDirect, convFFT} {
				name := map[convMode]string{convDirect: "direct", convFFT: "fft"}[mode]
				b.Run(fmt.Sprintf("L=%d/K=%d/%s", seqLen, kernelLen, name), func(b *testing.B) {
					c, err := newConvPlan("NewConv32", 1, seqLen, k, mode)
					if err != nil {
						b.Fatal(err)
					}
					for b.Loop() {
						c.apply("Conv32.Apply", y, u, nil)
					}
					b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(seqLen), "ns/sample")
				})
			}
		}
	}
}
