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

// refRadix8 is radix8Stage128 of the complex64 values in.
func refRadix8(in []complex64, w [7][]complex128, ls int, inverse bool) []complex128 {
	return radix8Stage128(widen128(in), w, ls, inverse)
}

// packRadix8 writes w in the layout asm.FFTRadix8 documents.
func packRadix8(l asm.Level, w [7][]complex128, ls, r int) []float32 {
	tw := make([]float32, asm.FFTRadix8TwiddleLen(l, ls, r))
	if r > 1 && !asm.FFTRadix8VectorTable(l, ls) {
		for j := range ls {
			for q := range 7 {
				tw[14*j+2*q], tw[14*j+2*q+1] = float32(real(w[q][j])), float32(imag(w[q][j]))
			}
		}
		return tw
	}
	if r > 1 {
		for j := range ls {
			for q := range 7 {
				for i := range 8 {
					tw[112*j+16*q+i], tw[112*j+16*q+8+i] = float32(real(w[q][j])), float32(imag(w[q][j]))
				}
			}
		}
		return tw
	}
	for j := range ls {
		g, i := j/4, j%4
		for q := range 7 {
			re, im := float32(real(w[q][j])), float32(imag(w[q][j]))
			if asm.FFTRadix8NarrowCompact(l, ls) {
				base := g*56 + q*8
				tw[base+2*i], tw[base+2*i+1] = re, im
				continue
			}
			base := g*112 + q*16
			tw[base+2*i], tw[base+2*i+1] = re, re
			tw[base+8+2*i], tw[base+8+2*i+1] = im, im
		}
	}
	return tw
}

// TestFFTRadix8MatchesFloat64StageAtEveryLevel runs every supported
// (ls, r) of n = 2^5 … 2^13 (wide r = 4 … and narrow r = 1), both
// directions, with in, out and the twiddle table flush against guard
// pages, against the stage in float64 (the length-8 DFT summed directly).
func TestFFTRadix8MatchesFloat64StageAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(81, 82))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		ran, narrow, vtab, compact := 0, 0, 0, 0
		for n := 32; n <= 1<<13; n *= 2 {
			for ls := 1; 8*ls <= n; ls *= 2 {
				r := n / (8 * ls)
				if !asm.FFTRadix8Supported(l, ls, r) {
					continue
				}
				var w [7][]complex128
				for q := range w {
					w[q] = make([]complex128, ls)
					for j := range ls {
						w[q][j] = cmplx.Rect(1, rng.Float64()*2*math.Pi)
					}
				}
				x := randC64(rng, n)
				for _, inverse := range []bool{false, true} {
					want := refRadix8(x, w, ls, inverse)
					in := asmtest.GuardedComplex64(t, x)
					out := asmtest.GuardedComplex64(t, make([]complex64, n))
					tw := asmtest.GuardedFloat32(t, packRadix8(l, w, ls, r))
					asm.FFTRadix8(l, out, in, tw, ls, inverse)
					// Three levels of butterflies and a product: twice a
					// radix-4 stage's roundings.
					checkStageTol(t, "FFTRadix8", out, want, x, 2)
					ran++
					if r == 1 && asm.FFTRadix8NarrowCompact(l, ls) {
						compact++
					}
					if r == 1 {
						narrow++
					} else if asm.FFTRadix8VectorTable(l, ls) {
						vtab++
					}
				}
			}
		}
		if l == asm.AVX2 && (ran < 30 || narrow < 10 || vtab < 10 || ran-narrow-vtab < 10 || compact < 4 || narrow-compact < 4) {
			t.Fatalf("only %d stages ran (%d narrow, %d of them with the compact table, %d wide with the vector table)", ran, narrow, compact, vtab)
		}
		if l != asm.AVX2 && ran != 0 {
			t.Fatalf("%d stages ran at %v, which has no radix-8 kernel", ran, l)
		}
	})
}

// TestFFTRadix8RejectsUnsupportedShapes: a wrong length or an r of no
// kernel (2, or 1 with ls not a multiple of four) panics rather than
// reading past a slice.
func TestFFTRadix8RejectsUnsupportedShapes(t *testing.T) {
	for _, l := range asm.Levels() {
		if !asm.FFTRadix8Supported(l, 4, 4) {
			continue
		}
		tw := make([]float32, 1<<12)
		mustPanic(t, func() { asm.FFTRadix8(l, make([]complex64, 64), make([]complex64, 64), tw, 4, false) }) // r = 2
		mustPanic(t, func() { asm.FFTRadix8(l, make([]complex64, 16), make([]complex64, 16), tw, 2, false) }) // r = 1, ls = 2
		mustPanic(t, func() { asm.FFTRadix8(l, make([]complex64, 64), make([]complex64, 128), tw, 4, false) })
		mustPanic(t, func() {
			asm.FFTRadix8(l, make([]complex64, 128), make([]complex64, 128), make([]float32, 10), 4, false)
		})
	}
}

// checkStageTol is checkStage with its bound scaled by f.
func checkStageTol(t *testing.T, what string, got []complex64, want []complex128, in []complex64, f float64) {
	t.Helper()
	scale := 0.0
	for _, x := range in {
		scale = max(scale, cmplx.Abs(complex128(x)))
	}
	for i := range want {
		if d := cmplx.Abs(complex128(got[i]) - want[i]); !(d <= f*fftStageTol*4*scale) {
			t.Fatalf("%s: out[%d] = %v, want %v (|error| %.3g, max |x| %.3g)", what, i, got[i], want[i], d, scale)
		}
	}
}
