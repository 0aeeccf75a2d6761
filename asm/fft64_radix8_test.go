//go:build gc && !purego && (amd64 || arm64)

package asm_test

import (
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
)

// radix8Stage128 is one radix-8 Stockham stage in complex128 arithmetic,
// the length-8 DFT written as its sum: w[q-1][j] is the twiddle of input
// q of j, conjugated for the inverse.
func radix8Stage128(in []complex128, w [7][]complex128, ls int, inverse bool) []complex128 {
	n := len(in)
	r := n / (8 * ls)
	out := make([]complex128, n)
	sign := -1.0
	if inverse {
		sign = 1
	}
	for j := range ls {
		for k := range r {
			var a [8]complex128
			for q := range 8 {
				a[q] = in[j*8*r+q*r+k]
				if q > 0 {
					wq := w[q-1][j]
					if inverse {
						wq = cmplx.Conj(wq)
					}
					a[q] *= wq
				}
			}
			for s := range 8 {
				var sum complex128
				for q := range 8 {
					sum += a[q] * cmplx.Exp(complex(0, sign*2*math.Pi*float64(q*s%8)/8))
				}
				out[(j+s*ls)*r+k] = sum
			}
		}
	}
	return out
}

// TestFFT64Radix8MatchesTheFloat64StageAtEveryLevel checks the radix-8
// stage against radix8Stage128 with random unit twiddles (not roots of
// unity, so that a twiddle read from the wrong slot shows; but 1 for j =
// 0, whose slots hold NaN, which the stage must not read), both
// directions, at every ls and R = n/(8·ls) the level supports for n = 16
// … 2^12, under guard pages. Where a level has no such kernel, the entry
// point must panic.
func TestFFT64Radix8MatchesTheFloat64StageAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(47, 48))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if !asm.FFT64Radix8Supported(l, 1, 2) {
			mustPanic(t, func() {
				asm.FFT64Radix8(l, make([]complex128, 16), make([]complex128, 16), make([]float64, 56), 1, false)
			})
			t.Skip("no radix-8 middle stage at this level")
		}
		mustPanic(t, func() {
			asm.FFT64Radix8(l, make([]complex128, 16), make([]complex128, 16), make([]float64, 55), 1, false)
		})
		mustPanic(t, func() {
			asm.FFT64Radix8(l, make([]complex128, 16), make([]complex128, 16), make([]float64, 56*2), 2, false)
		}) // R = 1
		mustPanic(t, func() {
			asm.FFT64Radix8(l, make([]complex128, 8), make([]complex128, 16), make([]float64, 56), 1, false)
		})
		ran := 0
		for n := 16; n <= 1<<12; n *= 2 {
			for ls := 1; 8*ls <= n; ls *= 2 {
				r := n / (8 * ls)
				if !asm.FFT64Radix8Supported(l, ls, r) {
					continue
				}
				w, tw := radix8Twiddles128(rng, ls, r)
				for q := range w { // j = 0's twiddles are 1, never read: NaN would show
					w[q][0] = 1
				}
				for i := range len(tw) / ls {
					tw[i] = math.NaN()
				}
				x := randC128(rng, n)
				for _, inverse := range []bool{false, true} {
					want := radix8Stage128(x, w, ls, inverse)
					out := asmtest.GuardedComplex128(t, make([]complex128, n))
					asm.FFT64Radix8(l, out, asmtest.GuardedComplex128(t, x), asmtest.GuardedFloat64(t, tw), ls, inverse)
					for i := range want {
						if d := cmplx.Abs(out[i] - want[i]); !(d <= fft64StageTol*40*cmplx.Abs(want[i])+fft64StageTol*40) {
							t.Fatalf("n=%d ls=%d R=%d inverse=%v: out[%d] = %v, want %v", n, ls, r, inverse, i, out[i], want[i])
						}
					}
					ran++
				}
			}
		}
		if ran < 20 {
			t.Fatalf("only %d stages ran", ran)
		}
	})
}

// TestFFT64Radix8SegMatchesTheFloat64StageAtEveryLevel checks
// FFT64Radix8Seg against radix8Stage128 for every padding of in (0, and
// 4 where ls is a multiple of 8) and of out (0, 4), both directions, at
// every ls and R the level supports for n = 16 … 2^13, under guard
// pages: in's padding holds NaN (a read shows in the result), out's a
// marker that must stay; the twiddles are random units but 1 for j = 0,
// whose slots hold NaN, which the stage must not read. Where a level has no such kernel, the entry
// point must panic.
func TestFFT64Radix8SegMatchesTheFloat64StageAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(49, 50))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if !asm.FFT64Radix8Supported(l, 1, 2) {
			mustPanic(t, func() {
				asm.FFT64Radix8Seg(l, make([]complex128, 16), make([]complex128, 16), make([]float64, 56), 16, 1, 0, 0, false)
			})
			t.Skip("no radix-8 middle stage at this level")
		}
		mustPanic(t, func() { // in padded with ls = 1
			asm.FFT64Radix8Seg(l, make([]complex128, 64), make([]complex128, 64), make([]float64, 56), 32, 1, 4, 0, false)
		})
		mustPanic(t, func() { // out one value short of its padded layout
			asm.FFT64Radix8Seg(l, make([]complex128, 16+7*4-1), make([]complex128, 16), make([]float64, 56), 16, 1, 0, 4, false)
		})
		mustPanic(t, func() {
			asm.FFT64Radix8Seg(l, make([]complex128, 16), make([]complex128, 16), make([]float64, 56), 16, 1, 0, -1, false)
		})
		ran := 0
		for n := 16; n <= 1<<13; n *= 2 {
			for ls := 1; 8*ls <= n; ls *= 2 {
				r := n / (8 * ls)
				if !asm.FFT64Radix8Supported(l, ls, r) {
					continue
				}
				w, tw := radix8Twiddles128(rng, ls, r)
				for q := range w { // j = 0's twiddles are 1, never read: NaN would show
					w[q][0] = 1
				}
				for i := range len(tw) / ls {
					tw[i] = math.NaN()
				}
				x := randC128(rng, n)
				seg := n / 8
				for _, inPad := range []int{0, 4} {
					if inPad > 0 && ls%8 != 0 {
						continue
					}
					in := make([]complex128, asm.FFTSegIndex(n-1, seg, inPad)+1)
					for i := range in {
						in[i] = complex(math.NaN(), math.NaN())
					}
					for i, xi := range x {
						in[asm.FFTSegIndex(i, seg, inPad)] = xi
					}
					for _, outPad := range []int{0, 4} {
						for _, inverse := range []bool{false, true} {
							want := radix8Stage128(x, w, ls, inverse)
							marker := complex(math.Inf(1), 7)
							out := make([]complex128, asm.FFTSegIndex(n-1, seg, outPad)+1)
							for i := range out {
								out[i] = marker
							}
							out = asmtest.GuardedComplex128(t, out)
							asm.FFT64Radix8Seg(l, out, asmtest.GuardedComplex128(t, in), asmtest.GuardedFloat64(t, tw), n, ls, inPad, outPad, inverse)
							for i := range want {
								o := out[asm.FFTSegIndex(i, seg, outPad)]
								if d := cmplx.Abs(o - want[i]); !(d <= fft64StageTol*40*cmplx.Abs(want[i])+fft64StageTol*40) {
									t.Fatalf("n=%d ls=%d R=%d pads %d, %d inverse=%v: out[%d] = %v, want %v", n, ls, r, inPad, outPad, inverse, i, o, want[i])
								}
							}
							written := 0
							for i := range out {
								if out[i] != marker {
									written++
								}
							}
							if written != n {
								t.Fatalf("n=%d ls=%d R=%d pads %d, %d inverse=%v: %d values written, want %d", n, ls, r, inPad, outPad, inverse, written, n)
							}
							ran++
						}
					}
				}
			}
		}
		if ran < 40 {
			t.Fatalf("only %d stages ran", ran)
		}
	})
}

// packRadix8Last writes w (w[q-1][j] the twiddle of input q of j) in the
// layout asm.FFT64Radix8Last documents for sub-transform length ls.
func packRadix8Last(w [7][]complex128, ls int) []float64 {
	tw := make([]float64, asm.FFT64Radix8LastTwiddleLen(ls))
	compact := asm.FFT64Radix8LastCompact(ls)
	for j := range ls {
		g, i := j/2, j%2
		for q := range 7 {
			c := w[q][j]
			if compact {
				o := 28*g + 4*q + 2*i
				tw[o], tw[o+1] = real(c), imag(c)
				continue
			}
			o := 56*g + 8*q + 2*i
			tw[o], tw[o+1], tw[o+4], tw[o+5] = real(c), real(c), imag(c), imag(c)
		}
	}
	return tw
}

// TestFFT64Radix8LastMatchesTheFloat64StageAtEveryLevel checks the
// radix-8 stage with R = 1 against radix8Stage128 with random unit
// twiddles, both directions, for n = 16 … 2^13 (both twiddle layouts),
// its input unpadded and, where ls is a multiple of 16, padded with NaN
// (a read shows in the result), under guard pages, out prefilled with a
// marker that every value must replace. Where a level has no such
// kernel, the entry point must panic.
func TestFFT64Radix8LastMatchesTheFloat64StageAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(51, 52))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if !asm.FFT64Radix8LastSupported(l, 2) {
			mustPanic(t, func() {
				asm.FFT64Radix8Last(l, make([]complex128, 16), make([]complex128, 16), make([]float64, 56), 0, false)
			})
			t.Skip("no radix-8 last stage at this level")
		}
		mustPanic(t, func() { // ls = 1
			asm.FFT64Radix8Last(l, make([]complex128, 8), make([]complex128, 8), make([]float64, 56), 0, false)
		})
		mustPanic(t, func() { // padded with ls = 8
			asm.FFT64Radix8Last(l, make([]complex128, 64), make([]complex128, 64+7*4), make([]float64, 28*8), 4, false)
		})
		mustPanic(t, func() { // in one value short of its padded layout
			asm.FFT64Radix8Last(l, make([]complex128, 128), make([]complex128, 128+7*4-1), make([]float64, 28*16), 4, false)
		})
		mustPanic(t, func() { // table one value short
			asm.FFT64Radix8Last(l, make([]complex128, 16), make([]complex128, 16), make([]float64, 55), 0, false)
		})
		ran := 0
		for n := 16; n <= 1<<13; n *= 2 {
			ls := n / 8
			var w [7][]complex128
			for q := range 7 {
				w[q] = make([]complex128, ls)
				for j := range ls {
					w[q][j] = cmplx.Rect(1, rng.Float64()*2*math.Pi)
				}
			}
			tw := packRadix8Last(w, ls)
			x := randC128(rng, n)
			for _, inPad := range []int{0, 4} {
				if inPad > 0 && ls%16 != 0 {
					continue
				}
				in := make([]complex128, asm.FFTSegIndex(n-1, ls, inPad)+1)
				for i := range in {
					in[i] = complex(math.NaN(), math.NaN())
				}
				for i, xi := range x {
					in[asm.FFTSegIndex(i, ls, inPad)] = xi
				}
				for _, inverse := range []bool{false, true} {
					want := radix8Stage128(x, w, ls, inverse)
					marker := complex(math.Inf(1), 7)
					out := make([]complex128, n)
					for i := range out {
						out[i] = marker
					}
					out = asmtest.GuardedComplex128(t, out)
					asm.FFT64Radix8Last(l, out, asmtest.GuardedComplex128(t, in), asmtest.GuardedFloat64(t, tw), inPad, inverse)
					for i := range want {
						if d := cmplx.Abs(out[i] - want[i]); !(d <= fft64StageTol*40*cmplx.Abs(want[i])+fft64StageTol*40) {
							t.Fatalf("n=%d pad %d inverse=%v: out[%d] = %v, want %v", n, inPad, inverse, i, out[i], want[i])
						}
					}
					ran++
				}
			}
		}
		if ran < 20 {
			t.Fatalf("only %d stages ran", ran)
		}
	})
}

// radix8Twiddles128 draws random unit twiddles w[q][j] for a radix-8
// stage of ls and R = r and lays them out as FFT64Radix8 reads them: per j, for q =
// 1 … 7, four Re then four Im, or Re and Im once where
// FFT64Radix8Compact.
func radix8Twiddles128(rng *rand.Rand, ls, r int) (w [7][]complex128, tw []float64) {
	tw = make([]float64, asm.FFT64Radix8TwiddleLen(ls, r))
	for q := range 7 {
		w[q] = make([]complex128, ls)
		for j := range ls {
			c := cmplx.Rect(1, rng.Float64()*2*math.Pi)
			w[q][j] = c
			if asm.FFT64Radix8Compact(ls, r) {
				tw[14*j+2*q], tw[14*j+2*q+1] = real(c), imag(c)
				continue
			}
			for i := range 4 {
				tw[56*j+8*q+i], tw[56*j+8*q+4+i] = real(c), imag(c)
			}
		}
	}
	return w, tw
}
