//go:build gc && !purego && (amd64 || arm64)

package asm_test

import (
	"fmt"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
)

// BenchmarkFFTMixedStage times one wide mixed-radix stage (kernel at each
// level, and the plain-Go stand-in as "go") and reports ns per four
// complex values, the unit of the power-of-two stages' speed.
//
//	go test -run '^$' -bench 'FFTMixedStage/avx512/c64_p5_n3000' ./asm
func BenchmarkFFTMixedStage(b *testing.B) {
	levels := []string{"go"}
	for _, l := range asm.Levels() {
		if asm.FFTMixedSupported(l, 2, 1, 1) {
			levels = append(levels, l.String())
		}
	}
	type shape struct{ n, p, ls int }
	var shapes []shape
	for _, n := range []int{1000, 3000} {
		for _, p := range []int{2, 3, 4, 5} {
			for _, ls := range []int{1, 5, 25} {
				if n%(p*ls) == 0 {
					shapes = append(shapes, shape{n, p, ls})
				}
			}
		}
	}
	for _, lv := range levels {
		for _, sh := range shapes {
			n, p, ls := sh.n, sh.p, sh.ls
			tw32, w := mixTwiddles[float32](p, ls)
			tw64, w64 := mixTwiddles[float64](p, ls)
			in32, out32 := make([]complex64, n), make([]complex64, n)
			in64, out64 := make([]complex128, n), make([]complex128, n)
			for i := range in32 {
				in32[i] = complex(float32(i%7), 1)
				in64[i] = complex(float64(i%7), 1)
			}
			for _, typ := range []string{"c64", "c128"} {
				b.Run(fmt.Sprintf("%s/%s_p%d_n%d_ls%d", lv, typ, p, n, ls), func(b *testing.B) {
					var run func()
					switch {
					case lv == "go" && typ == "c64":
						run = func() {
							asm.MixedStageGoForTest(p, out32, in32, func(i int) complex128 { return w[i] }, ls, 1, false)
						}
					case lv == "go":
						run = func() {
							asm.MixedStageGo64ForTest(p, out64, in64, func(i int) complex128 { return w64[i] }, ls, 1, false)
						}
					default:
						l, _ := asm.ParseLevel(lv)
						if typ == "c64" {
							run = func() { asm.FFTMixedWideForTest(l, p, out32, in32, tw32, ls, 1, false) }
						} else {
							run = func() { asm.FFT64MixedWideForTest(l, p, out64, in64, tw64, ls, 1, false) }
						}
					}
					for b.Loop() {
						run()
					}
					b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)*4/float64(n), "ns/4val")
				})
			}
		}
	}
}
