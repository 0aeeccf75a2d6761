//go:build gc && !purego && (amd64 || arm64)

package asm_test

import (
	"fmt"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
)

// mixN8BenchLens are lengths whose plans can end in a radix-8 stage:
// 1536 = 3·8·8·8 (ls = 192), 1000 = 5·5·5·8 (125), 4000 (500), 48000
// (6000), and two in L1 with their tables: 512 (64), 192 (24).
var mixN8BenchLens = []int{1536, 1000, 4000, 48000, 512, 192}

// BenchmarkFFTMixedStageR8 times, at the current level (SSMKERN_ISA picks
// it), forward, the radix-8 narrow stage of length n (ls = n/8) against
// the two stages that do its work today: r8 is the radix-8 stage; p2p4 a
// radix-2 stage (ls, r = 4) then the narrow radix-4 one (2·ls, r = 1);
// p4p2 a radix-4 stage (ls, r = 2) then the narrow radix-2 one (4·ls),
// both by FFTMixedStage's current kernels.
func BenchmarkFFTMixedStageR8(b *testing.B) {
	l := asm.Current()
	if !asm.FFTMixedNarrowForTest(l, 8, 8, 1) {
		b.Skip("no narrow kernels at this level")
	}
	for _, n := range mixN8BenchLens {
		ls := n / 8
		b.Run(fmt.Sprintf("c64_n%d_r8", n), func(b *testing.B) {
			in, out := mixN8BenchData[complex64](n)
			tw := make([]float32, asm.FFTMixedTwiddleLen(l, 8, ls, 1))
			asm.FFTMixedTwiddles(l, 8, ls, 1, mixNTwiddle(n), tw)
			for b.Loop() {
				asm.FFTMixedStage(l, 8, out, in, tw, ls, 1, false)
			}
		})
		for _, pair := range [][2]int{{2, 4}, {4, 2}} {
			b.Run(fmt.Sprintf("c64_n%d_p%dp%d", n, pair[0], pair[1]), func(b *testing.B) {
				in, out := mixN8BenchData[complex64](n)
				p0, p1 := pair[0], pair[1]
				tw0 := make([]float32, asm.FFTMixedTwiddleLen(l, p0, ls, n/(p0*ls)))
				asm.FFTMixedTwiddles(l, p0, ls, n/(p0*ls), mixNTwiddle(p0*ls), tw0)
				tw1 := make([]float32, asm.FFTMixedTwiddleLen(l, p1, p0*ls, 1))
				asm.FFTMixedTwiddles(l, p1, p0*ls, 1, mixNTwiddle(n), tw1)
				for b.Loop() {
					asm.FFTMixedStage(l, p0, out, in, tw0, ls, 1, false)
					asm.FFTMixedStage(l, p1, in, out, tw1, p0*ls, 1, false)
				}
			})
		}
		b.Run(fmt.Sprintf("c128_n%d_r8", n), func(b *testing.B) {
			in, out := mixN8BenchData[complex128](n)
			tw := make([]float64, asm.FFT64MixedTwiddleLen(l, 8, ls, 1))
			asm.FFT64MixedTwiddles(l, 8, ls, 1, mixNTwiddle(n), tw)
			for b.Loop() {
				asm.FFT64MixedStage(l, 8, out, in, tw, ls, 1, false)
			}
		})
		for _, pair := range [][2]int{{2, 4}, {4, 2}} {
			b.Run(fmt.Sprintf("c128_n%d_p%dp%d", n, pair[0], pair[1]), func(b *testing.B) {
				in, out := mixN8BenchData[complex128](n)
				p0, p1 := pair[0], pair[1]
				tw0 := make([]float64, asm.FFT64MixedTwiddleLen(l, p0, ls, n/(p0*ls)))
				asm.FFT64MixedTwiddles(l, p0, ls, n/(p0*ls), mixNTwiddle(p0*ls), tw0)
				tw1 := make([]float64, asm.FFT64MixedTwiddleLen(l, p1, p0*ls, 1))
				asm.FFT64MixedTwiddles(l, p1, p0*ls, 1, mixNTwiddle(n), tw1)
				for b.Loop() {
					asm.FFT64MixedStage(l, p0, out, in, tw0, ls, 1, false)
					asm.FFT64MixedStage(l, p1, in, out, tw1, p0*ls, 1, false)
				}
			})
		}
	}
}

func mixN8BenchData[T complex64 | complex128](n int) (in, out []T) {
	in, out = make([]T, n), make([]T, n)
	for i := range in {
		in[i] = T(complex(float64(i%7), float64(i%5)))
	}
	return in, out
}
