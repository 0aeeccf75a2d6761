//go:build gc && !purego && (amd64 || arm64)

package asm_test

import (
	"fmt"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
)

// mixNBenchStages are last stages (r = 1) of real plans: n = 1000 ends
// with radix 2 or 4, 3^7 with radix 3, 5^5 with radix 5, all beyond L1
// with their tables; the four after them fit in it.
var mixNBenchStages = []struct{ n, p int }{{1000, 2}, {1000, 4}, {2187, 3}, {3125, 5}, {625, 5}, {375, 3}, {256, 4}, {200, 2}}

// BenchmarkFFTMixedStageR1 times one r = 1 stage at the current level
// (SSMKERN_ISA picks it), forward, reporting ns per stage.
func BenchmarkFFTMixedStageR1(b *testing.B) {
	l := asm.Current()
	for _, s := range mixNBenchStages {
		ls := s.n / s.p
		w := mixNTwiddle(s.n)
		b.Run(fmt.Sprintf("c64/n%d_p%d", s.n, s.p), func(b *testing.B) {
			in, out := make([]complex64, s.n), make([]complex64, s.n)
			for i := range in {
				in[i] = complex(float32(i%7), float32(i%5))
			}
			tw := make([]float32, asm.FFTMixedTwiddleLen(l, s.p, ls, 1))
			asm.FFTMixedTwiddles(l, s.p, ls, 1, w, tw)
			for b.Loop() {
				asm.FFTMixedStage(l, s.p, out, in, tw, ls, 1, false)
			}
		})
		b.Run(fmt.Sprintf("c128/n%d_p%d", s.n, s.p), func(b *testing.B) {
			in, out := make([]complex128, s.n), make([]complex128, s.n)
			for i := range in {
				in[i] = complex(float64(i%7), float64(i%5))
			}
			tw := make([]float64, asm.FFT64MixedTwiddleLen(l, s.p, ls, 1))
			asm.FFT64MixedTwiddles(l, s.p, ls, 1, w, tw)
			for b.Loop() {
				asm.FFT64MixedStage(l, s.p, out, in, tw, ls, 1, false)
			}
		})
	}
}
