//go:build gc && !purego && (amd64 || arm64)

package asm_test

import (
	"fmt"
	"math"
	"math/cmplx"
	"testing"
	"unsafe"

	"github.com/ssmkern/ssmkern/asm"
)

// BenchmarkFFTMixedStage times one mixed-radix stage through the public
// entry point at each level (whichever form the shape takes: wide,
// grouped for r = 2, or narrow), and the plain-Go stand-in as "go", and
// reports ns per four complex values, the unit of the power-of-two
// stages' speed. Radix 8 (n = 1536, 4000, 48000; levels that have it)
// runs beside "p4p2": the same work as a radix-4 stage at ls and a
// radix-2 stage at 4·ls, in → out → a third buffer.
//
//	go test -run '^$' -bench 'FFTMixedStage/avx512/c64_p5_n3000' ./asm
//	go test -run '^$' -bench 'FFTMixedStage/avx2/c128_p(8|4p2)_n4000' ./asm
func BenchmarkFFTMixedStage(b *testing.B) {
	levels := []string{"go"}
	for _, l := range asm.Levels() {
		if asm.FFTMixedSupported(l, 2, 1, 1) {
			levels = append(levels, l.String())
		}
	}
	type shape struct {
		n, p, ls int
		pair     bool // p = 8 as radix 4 then radix 2
	}
	var shapes []shape
	for _, n := range []int{1000, 3000} {
		for _, p := range []int{2, 3, 4, 5} {
			for _, ls := range []int{1, 5, 25, 40, 100, 125, 200} {
				if n%(p*ls) == 0 {
					shapes = append(shapes, shape{n: n, p: p, ls: ls})
				}
			}
		}
	}
	for _, sh := range [][2]int{{1536, 1}, {1536, 3}, {1536, 24}, {4000, 1}, {4000, 5}, {4000, 125}, {2000, 25}, {3000, 3}, {48000, 1}, {48000, 15}, {48000, 375},
		{1536, 192}, {2000, 125}, {3000, 125}, {1536, 48}, {4000, 100}, {1920, 40}, {1536, 96}, {4000, 250}} {
		for _, pair := range []bool{false, true} {
			shapes = append(shapes, shape{n: sh[0], p: 8, ls: sh[1], pair: pair})
		}
	}
	for _, lv := range levels {
		for _, sh := range shapes {
			n, p, ls := sh.n, sh.p, sh.ls
			if l, err := asm.ParseLevel(lv); err == nil && !asm.FFTMixedSupported(l, p, ls, n/(p*ls)) {
				continue
			}
			if sh.pair {
				if lv != "go" {
					mixBenchPair(b, lv, n, ls)
				}
				continue
			}
			_, w := mixTwiddles[float32](p, ls)
			_, w64 := mixTwiddles[float64](p, ls)
			wf := func(q, j int) complex128 { return cmplx.Rect(1, -2*math.Pi*float64(q*j)/float64(p*ls)) }
			in32, out32 := mixBenchBuffers[complex64](n)
			in64, out64 := mixBenchBuffers[complex128](n)
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
							asm.MixedStageGo[complex64](p, out32, in32, func(i int) complex128 { return w[i] }, ls, 1, false)
						}
					case lv == "go":
						run = func() {
							asm.MixedStageGo[complex128](p, out64, in64, func(i int) complex128 { return w64[i] }, ls, 1, false)
						}
					default:
						l, _ := asm.ParseLevel(lv)
						r := n / (p * ls)
						if typ == "c64" {
							tw := make([]float32, asm.FFTMixedTwiddleLen(l, p, ls, r))
							asm.FFTMixedTwiddles(l, p, ls, r, wf, tw)
							run = func() { asm.FFTMixedStage(l, p, out32, in32, tw, ls, 1, false) }
						} else {
							tw := make([]float64, asm.FFT64MixedTwiddleLen(l, p, ls, r))
							asm.FFT64MixedTwiddles(l, p, ls, r, wf, tw)
							run = func() { asm.FFT64MixedStage(l, p, out64, in64, tw, ls, 1, false) }
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

// mixBenchPair is BenchmarkFFTMixedStage's "p4p2": a radix-4 stage at
// ls and a radix-2 stage at 4·ls, the work of the radix-8 stage at ls.
func mixBenchPair(b *testing.B, lv string, n, ls int) {
	l, _ := asm.ParseLevel(lv)
	wf := func(p, ls int) func(q, j int) complex128 {
		return func(q, j int) complex128 { return cmplx.Rect(1, -2*math.Pi*float64(q*j)/float64(p*ls)) }
	}
	in32, out32 := mixBenchBuffers[complex64](n)
	tmp32, _ := mixBenchBuffers[complex64](n)
	in64, out64 := mixBenchBuffers[complex128](n)
	tmp64, _ := mixBenchBuffers[complex128](n)
	for i := range in32 {
		in32[i] = complex(float32(i%7), 1)
		in64[i] = complex(float64(i%7), 1)
	}
	r4, r2 := n/(4*ls), n/(8*ls)
	tw4 := make([]float32, asm.FFTMixedTwiddleLen(l, 4, ls, r4))
	asm.FFTMixedTwiddles(l, 4, ls, r4, wf(4, ls), tw4)
	tw2 := make([]float32, asm.FFTMixedTwiddleLen(l, 2, 4*ls, r2))
	asm.FFTMixedTwiddles(l, 2, 4*ls, r2, wf(2, 4*ls), tw2)
	tw4d := make([]float64, asm.FFT64MixedTwiddleLen(l, 4, ls, r4))
	asm.FFT64MixedTwiddles(l, 4, ls, r4, wf(4, ls), tw4d)
	tw2d := make([]float64, asm.FFT64MixedTwiddleLen(l, 2, 4*ls, r2))
	asm.FFT64MixedTwiddles(l, 2, 4*ls, r2, wf(2, 4*ls), tw2d)
	for _, typ := range []string{"c64", "c128"} {
		b.Run(fmt.Sprintf("%s/%s_p4p2_n%d_ls%d", lv, typ, n, ls), func(b *testing.B) {
			for b.Loop() {
				if typ == "c64" {
					asm.FFTMixedStage(l, 4, out32, in32, tw4, ls, 1, false)
					asm.FFTMixedStage(l, 2, tmp32, out32, tw2, 4*ls, 1, false)
				} else {
					asm.FFT64MixedStage(l, 4, out64, in64, tw4d, ls, 1, false)
					asm.FFT64MixedStage(l, 2, tmp64, out64, tw2d, 4*ls, 1, false)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)*4/float64(n), "ns/4val")
		})
	}
}

// mixBenchBuffers returns in and out of n values each, in starting a page
// and out half a page past a page boundary: the timing of a stage moves
// by up to 2× with the addresses' distance modulo 4 KB (loads that seem
// to alias earlier stores wait for them), which allocations of their own
// would leave to chance.
func mixBenchBuffers[T complex64 | complex128](n int) (in, out []T) {
	var zero T
	size := int(unsafe.Sizeof(zero))
	page := 4096 / size
	slab := make([]T, 3*page+2*n)
	skip := (page - int(uintptr(unsafe.Pointer(&slab[0]))%4096)/size) % page
	in = slab[skip : skip+n]
	o := skip + (n+page-1)/page*page + page/2
	return in, slab[o : o+n]
}

// BenchmarkFFTRadix4StageForMixed times the power-of-two radix-4 stage
// (FFTRadix4) of n = 1024 and 4096 at the ls BenchmarkFFTMixedStage uses
// the nearest of, in the same unit: the speed a wide mixed-radix stage is
// measured against.
func BenchmarkFFTRadix4StageForMixed(b *testing.B) {
	for _, l := range asm.Levels() {
		for _, n := range []int{1024, 4096} {
			for _, ls := range []int{1, 4, 16} {
				r := n / (4 * ls)
				if !asm.FFTMixedSupported(l, 4, ls, r) || !asm.FFTRadix4Supported(l, ls, r) {
					continue
				}
				var w [3][]complex128
				for q := range w {
					w[q] = make([]complex128, ls)
					for j := range ls {
						w[q][j] = cmplx.Exp(complex(0, -2*math.Pi*float64((q+1)*j)/float64(4*ls)))
					}
				}
				tw := packTwiddles(l, w, ls, r)
				in, out := make([]complex64, n), make([]complex64, n)
				for i := range in {
					in[i] = complex(float32(i%7), 1)
				}
				b.Run(fmt.Sprintf("%s/c64_p4_n%d_ls%d", l, n, ls), func(b *testing.B) {
					for b.Loop() {
						asm.FFTRadix4(l, out, in, tw, ls, false)
					}
					b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)*4/float64(n), "ns/4val")
				})
			}
		}
	}
}
