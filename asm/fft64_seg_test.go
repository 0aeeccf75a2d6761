//go:build gc && !purego && amd64

package asm_test

import (
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
)

// segmented returns x in the layout asm.FFTSegIndex describes (pad
// values after every seg), the padding NaN so that a read of it shows in
// any result.
func segmented(x []complex128, seg, pad int) []complex128 {
	y := make([]complex128, asm.FFTSegIndex(len(x)-1, seg, pad)+1)
	for i := range y {
		y[i] = complex(math.NaN(), math.NaN())
	}
	for i, xi := range x {
		y[asm.FFTSegIndex(i, seg, pad)] = xi
	}
	return y
}

// TestFFT64Radix8FirstSegMatchesTheDFTAtEveryLevel checks the radix-8
// first stage writing a segmented output against the length-8 DFTs it
// computes, both directions, scaled and not, for the paddings 0 and 4 at
// every r = n/8 from one vector to 512, under guard pages, out prefilled
// with a marker that the padding must keep; where a level has no kernel,
// the entry point must panic.
func TestFFT64Radix8FirstSegMatchesTheDFTAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(53, 54))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if !asm.FFT64Radix8FirstSupported(l) {
			mustPanic(t, func() { asm.FFT64Radix8FirstSeg(l, make([]complex128, 64), make([]complex128, 64), 1, 0, false) })
			t.Skip("no complex128 radix-8 first stage at this level")
		}
		v := asm.FFT64Values(l)
		mustPanic(t, func() { // out one value short of its padded layout
			asm.FFT64Radix8FirstSeg(l, make([]complex128, 8*v+7*4-1), make([]complex128, 8*v), 1, 4, false)
		})
		mustPanic(t, func() { asm.FFT64Radix8FirstSeg(l, make([]complex128, 8*v), make([]complex128, 8*v), 1, -1, false) })
		ran := 0
		for n := 8 * v; n <= 1<<12; n *= 2 {
			r := n / 8
			x := make([]complex128, n)
			scale := 0.0
			for i := range x {
				x[i] = complex(rng.NormFloat64(), rng.NormFloat64())
				scale = max(scale, cmplx.Abs(x[i]))
			}
			for _, pad := range []int{0, 4} {
				for _, inverse := range []bool{false, true} {
					sign := -1.0
					if inverse {
						sign = 1
					}
					for _, sc := range []float64{1, 0.125} {
						marker := complex(math.Inf(1), 7)
						out := make([]complex128, asm.FFTSegIndex(n-1, r, pad)+1)
						for i := range out {
							out[i] = marker
						}
						out = asmtest.GuardedComplex128(t, out)
						asm.FFT64Radix8FirstSeg(l, out, asmtest.GuardedComplex128(t, x), sc, pad, inverse)
						for k := range r {
							for tt := range 8 {
								var sum complex128
								for q := range 8 {
									sum += x[q*r+k] * cmplx.Exp(complex(0, sign*2*math.Pi*float64(q*tt)/8))
								}
								want := sum * complex(sc, 0)
								o := out[asm.FFTSegIndex(tt*r+k, r, pad)]
								if d := cmplx.Abs(o - want); !(d <= fft64StageTol*8*scale*sc) {
									t.Fatalf("n=%d pad=%d inverse=%v s=%v: out[%d] = %v, want %v", n, pad, inverse, sc, tt*r+k, o, want)
								}
							}
						}
						written := 0
						for _, o := range out {
							if o != marker {
								written++
							}
						}
						if written != n {
							t.Fatalf("n=%d pad=%d: %d values written, want %d", n, pad, written, n)
						}
						ran++
					}
				}
			}
		}
		if ran < 16 {
			t.Fatalf("only %d stages ran", ran)
		}
	})
}

// TestFFT64Radix4LastSegMatchesTheFloat64StageAtEveryLevel checks the
// r = 1 radix-4 stage reading a segmented input (segments of n/8, padding
// 0 and 4 values of NaN) against radix4Stage128 with random unit
// twiddles in the level's layout (duplicated or compact), both
// directions, for n = 16 … 2^13 where each segment holds whole vectors
// of j, under guard pages; where a level has no such stage, the entry
// point must panic.
func TestFFT64Radix4LastSegMatchesTheFloat64StageAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(55, 56))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if !hasFFTKernels(l) {
			mustPanic(t, func() {
				asm.FFT64Radix4LastSeg(l, make([]complex128, 64), make([]complex128, 64), make([]float64, 12*16), 0, false)
			})
			t.Skip("no FFT kernels at this level")
		}
		v := asm.FFT64Values(l)
		mustPanic(t, func() { // a segment of n/8 holding one j
			asm.FFT64Radix4LastSeg(l, make([]complex128, 32), make([]complex128, 32+7*4), make([]float64, 12*8), 4, false)
		})
		mustPanic(t, func() { // in one value short of its padded layout
			n := 32 * v
			asm.FFT64Radix4LastSeg(l, make([]complex128, n), make([]complex128, n+7*4-1), make([]float64, 12*n), 4, false)
		})
		ran, compactRan := 0, 0
		for n := 16; n <= 1<<13; n *= 2 {
			ls := n / 4
			if ls < 8*v || (ls/8)%v != 0 {
				continue
			}
			var w [3][]complex128
			for q := range w {
				w[q] = make([]complex128, ls)
				for j := range ls {
					w[q][j] = cmplx.Rect(1, rng.Float64()*2*math.Pi)
				}
			}
			tw := make([]float64, asm.FFT64Radix4TwiddleLen(l, ls, 1))
			compact := asm.FFT64Narrow1Compact(l, ls)
			for g := range ls / v {
				for i := range v {
					for q := range 3 {
						c := w[q][g*v+i]
						if compact {
							base := g*6*v + q*2*v
							tw[base+2*i], tw[base+2*i+1] = real(c), imag(c)
							continue
						}
						base := g*12*v + 2*q*2*v
						tw[base+2*i], tw[base+2*i+1] = real(c), real(c)
						tw[base+2*v+2*i], tw[base+2*v+2*i+1] = imag(c), imag(c)
					}
				}
			}
			x := randC128(rng, n)
			for _, pad := range []int{0, 4} {
				in := asmtest.GuardedComplex128(t, segmented(x, n/8, pad))
				for _, inverse := range []bool{false, true} {
					want := radix4Stage128(x, w, ls, inverse)
					out := asmtest.GuardedComplex128(t, make([]complex128, n))
					asm.FFT64Radix4LastSeg(l, out, in, asmtest.GuardedFloat64(t, tw), pad, inverse)
					for i := range want {
						if d := cmplx.Abs(out[i] - want[i]); !(d <= fft64StageTol*40*cmplx.Abs(want[i])+fft64StageTol*40) {
							t.Fatalf("n=%d pad=%d inverse=%v: out[%d] = %v, want %v", n, pad, inverse, i, out[i], want[i])
						}
					}
					ran++
					if compact {
						compactRan++
					}
				}
			}
		}
		if l == asm.AVX2 && compactRan == 0 {
			t.Fatal("no compact table ran at AVX2")
		}
		if ran < 16 {
			t.Fatalf("only %d stages ran", ran)
		}
	})
}
