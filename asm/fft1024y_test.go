//go:build gc && !purego && amd64

package asm_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
)

// TestFFT1024YMatchesItsFourPasses checks the AVX2 whole-transform kernel
// of n = 1024 against the four kernels whose passes it runs, as
// runR8Direct32 calls them (FFTRadix8First with the scale, FFTRadix4 at
// ls = 8, FFTRadix8 at ls = 32, FFTRadix4 at ls = 256), bit for bit: the
// same operations in the same order. The table is random (a twiddle read
// from the wrong place shows); both directions, the inverse with scales 1
// and 1/1024, out of place and in place, dst, src and the table flush
// against guard pages.
func TestFFT1024YMatchesItsFourPasses(t *testing.T) {
	const n = 1024
	rng := rand.New(rand.NewPCG(10, 25))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if !asm.FFT1024YSupported(l) {
			t.Skipf("no FFT1024Y at %v", l)
		}
		lens := [3]int{asm.FFTRadix4TwiddleLen(l, 8, 32), asm.FFTRadix8TwiddleLen(l, 32, 4), asm.FFTRadix4TwiddleLen(l, 256, 1)}
		if lens != [3]int{48, 448, 3072} {
			t.Fatalf("table lengths %v, FFT1024Y takes 48, 448, 3072", lens)
		}
		table := make([]float32, asm.FFT1024YTwiddleLen)
		for i := range table {
			table[i] = float32(rng.Float64()*2 - 1)
		}
		tw := asmtest.GuardedFloat32(t, table)
		for _, inverse := range []bool{false, true} {
			for _, s := range []float32{1, 1.0 / 1024} {
				if !inverse && s != 1 {
					continue // the forward takes no scale
				}
				src := randC64(rng, n)
				a, b := make([]complex64, n), make([]complex64, n)
				asm.FFTRadix8First(l, a, src, s, inverse)
				asm.FFTRadix4(l, b, a, tw[:48], 8, inverse)
				asm.FFTRadix8(l, a, b, tw[48:496], 32, inverse)
				want := make([]complex64, n)
				asm.FFTRadix4(l, want, a, tw[496:], 256, inverse)
				checkWholeKernel(t, fmt.Sprintf("inverse %v s %v", inverse, s), asmtest.GuardedComplex64, src, want, func(dst, in []complex64) {
					asm.FFT1024Y(l, dst, in, tw, inverse, s)
				})
			}
		}
	})
}

// TestFFT2048YMatchesItsFourPasses is TestFFT1024YMatchesItsFourPasses
// for n = 2048: FFTRadix8First with the scale, FFTRadix4 at ls = 8,
// FFTRadix8 at ls = 32 and FFTRadix8 at ls = 256 (its compact table), as
// runR8Direct32 calls them, bit for bit.
func TestFFT2048YMatchesItsFourPasses(t *testing.T) {
	const n = 2048
	rng := rand.New(rand.NewPCG(20, 48))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if !asm.FFT2048YSupported(l) {
			t.Skipf("no FFT2048Y at %v", l)
		}
		lens := [3]int{asm.FFTRadix4TwiddleLen(l, 8, 64), asm.FFTRadix8TwiddleLen(l, 32, 8), asm.FFTRadix8TwiddleLen(l, 256, 1)}
		if lens != [3]int{48, 448, 3584} || !asm.FFTRadix8NarrowCompact(l, 256) {
			t.Fatalf("table lengths %v, FFT2048Y takes 48, 448, 3584 (compact)", lens)
		}
		table := make([]float32, asm.FFT2048YTwiddleLen)
		for i := range table {
			table[i] = float32(rng.Float64()*2 - 1)
		}
		tw := asmtest.GuardedFloat32(t, table)
		for _, inverse := range []bool{false, true} {
			for _, s := range []float32{1, 1.0 / n} {
				if !inverse && s != 1 {
					continue // the forward takes no scale
				}
				src := randC64(rng, n)
				a, b := make([]complex64, n), make([]complex64, n)
				asm.FFTRadix8First(l, a, src, s, inverse)
				asm.FFTRadix4(l, b, a, tw[:48], 8, inverse)
				asm.FFTRadix8(l, a, b, tw[48:496], 32, inverse)
				want := make([]complex64, n)
				asm.FFTRadix8(l, want, a, tw[496:], 256, inverse)
				checkWholeKernel(t, fmt.Sprintf("inverse %v s %v", inverse, s), asmtest.GuardedComplex64, src, want, func(dst, in []complex64) {
					asm.FFT2048Y(l, dst, in, tw, inverse, s)
				})
			}
		}
	})
}
