//go:build gc && !purego && amd64

package asm_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
)

// TestFFT1024MatchesItsThreePasses checks the whole-transform kernel of n
// = 1024 against the three kernels whose passes it runs (FFTRadix16 at
// ls = 1 with the scale, FFTRadix4 at ls = 16, FFTTail16), each tested
// against float64 stages of its own: the same operations in the same
// order, so the results agree bit for bit. The tables are random (a
// twiddle read from the wrong place shows), the tail's at an offset that
// is not a multiple of 16 floats as well as at one that is; both
// directions, the inverse with scales 1 and 1/4096, out of place and in place, dst, src and
// the table flush against guard pages.
func TestFFT1024MatchesItsThreePasses(t *testing.T) {
	const n = 1024
	rng := rand.New(rand.NewPCG(10, 24))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if !asm.FFT1024Supported(l) {
			t.Skipf("no FFT1024 at %v", l)
		}
		r4 := asm.FFTRadix4TwiddleLen(l, 16, n/64)
		if r4 != 96 {
			t.Fatalf("FFTRadix4TwiddleLen(ls = 16) = %d, FFT1024 takes 96", r4)
		}
		for _, tailOff := range []int{126, 128} {
			table := make([]float32, tailOff+asm.FFTTail16TwiddleLen(n))
			for i := range table {
				table[i] = float32(rng.Float64()*2 - 1)
			}
			tw := asmtest.GuardedFloat32(t, table)
			for _, inverse := range []bool{false, true} {
				for _, s := range []float32{1, 1.0 / 4096} {
					if !inverse && s != 1 {
						continue // the forward takes no scale
					}
					src := randC64(rng, n)
					// The three passes, as runR16Tail32 calls them.
					mid, work, want := make([]complex64, n), make([]complex64, n), make([]complex64, n)
					asm.FFTRadix16(l, mid, src, tw[:30], 1, inverse, s)
					asm.FFTRadix4(l, work, mid, tw[30:30+r4], 16, inverse)
					asm.FFTTail16(l, want, work, tw[tailOff:], inverse)
					midTw := make([]float32, r4)
					for i := range midTw {
						midTw[i] = tw[30+i] * s
					}
					checkWholeKernel(t, fmt.Sprintf("tailOff %d inverse %v s %v", tailOff, inverse, s), asmtest.GuardedComplex64, src, want, func(dst, in []complex64) {
						asm.FFT1024(l, dst, in, tw, tailOff, inverse, asmtest.GuardedFloat32(t, midTw), s)
					})
				}
			}
		}
	})
}

// TestFFT512MatchesItsThreePasses is TestFFT1024MatchesItsThreePasses for
// the kernel of n = 512: against FFTRadix8First (with the scale),
// FFTRadix4 at ls = 8 and FFTTail16, bit for bit.
func TestFFT512MatchesItsThreePasses(t *testing.T) {
	const n = 512
	rng := rand.New(rand.NewPCG(5, 12))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if !asm.FFT1024Supported(l) {
			t.Skipf("no FFT512 at %v", l)
		}
		r4 := asm.FFTRadix4TwiddleLen(l, 8, n/32)
		if r4 != 48 {
			t.Fatalf("FFTRadix4TwiddleLen(ls = 8) = %d, FFT512 takes 48", r4)
		}
		for _, tailOff := range []int{48, 50} {
			table := make([]float32, tailOff+asm.FFTTail16TwiddleLen(n))
			for i := range table {
				table[i] = float32(rng.Float64()*2 - 1)
			}
			tw := asmtest.GuardedFloat32(t, table)
			for _, inverse := range []bool{false, true} {
				for _, s := range []float32{1, 1.0 / 512} {
					if !inverse && s != 1 {
						continue // the forward takes no scale
					}
					src := randC64(rng, n)
					mid, work, want := make([]complex64, n), make([]complex64, n), make([]complex64, n)
					asm.FFTRadix8First(l, mid, src, s, inverse)
					asm.FFTRadix4(l, work, mid, tw[:r4], 8, inverse)
					asm.FFTTail16(l, want, work, tw[tailOff:], inverse)
					midTw := make([]float32, r4)
					for i := range midTw {
						midTw[i] = tw[i] * s
					}
					checkWholeKernel(t, fmt.Sprintf("tailOff %d inverse %v s %v", tailOff, inverse, s), asmtest.GuardedComplex64, src, want, func(dst, in []complex64) {
						asm.FFT512(l, dst, in, tw, tailOff, inverse, asmtest.GuardedFloat32(t, midTw), s)
					})
				}
			}
		}
	})
}

// TestFFT2048MatchesItsThreePasses is TestFFT1024MatchesItsThreePasses
// for the kernel of n = 2048: against the passes of Plan32's segmented
// plan (FFTRadix8FirstSeg with the scale, FFTRadix16Seg at ls = 8,
// FFTTail16Seg), bit for bit.
func TestFFT2048MatchesItsThreePasses(t *testing.T) {
	const (
		n   = 2048
		pad = 16
	)
	rng := rand.New(rand.NewPCG(20, 48))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if !asm.FFT1024Supported(l) {
			t.Skipf("no FFT2048 at %v", l)
		}
		r16 := asm.FFTRadix16TwiddleLen(8)
		if r16 != 240 {
			t.Fatalf("FFTRadix16TwiddleLen(8) = %d, FFT2048 takes 240", r16)
		}
		segLen := asm.FFTSegIndex(n-1, n/16, pad) + 1
		for _, tailOff := range []int{240, 250} {
			table := make([]float32, tailOff+asm.FFTTail16TwiddleLen(n))
			for i := range table {
				table[i] = float32(rng.Float64()*2 - 1)
			}
			tw := asmtest.GuardedFloat32(t, table)
			for _, inverse := range []bool{false, true} {
				for _, s := range []float32{1, 1.0 / 2048} {
					if !inverse && s != 1 {
						continue // the forward takes no scale
					}
					src := randC64(rng, n)
					a, b, want := make([]complex64, segLen), make([]complex64, segLen), make([]complex64, n)
					asm.FFTRadix8FirstSeg(l, a, src, pad, s, inverse)
					asm.FFTRadix16Seg(l, b, a, tw[:r16], n, 8, pad, pad, inverse, 1)
					asm.FFTTail16Seg(l, want, b, tw[tailOff:], n, pad, inverse)
					midTw := make([]float32, r16)
					for i := range midTw {
						midTw[i] = tw[i]
						if i%30 < 6 {
							midTw[i] *= s
						}
					}
					checkWholeKernel(t, fmt.Sprintf("tailOff %d inverse %v s %v", tailOff, inverse, s), asmtest.GuardedComplex64, src, want, func(dst, in []complex64) {
						asm.FFT2048(l, dst, in, tw, tailOff, inverse, asmtest.GuardedFloat32(t, midTw), s)
					})
				}
			}
		}
	})
}

// checkWholeKernel runs a whole-transform kernel, whole(dst, in), out of
// place and in place, dst and in flush against guard pages (guard), and
// fails unless dst is want bit for bit and, out of place, in is still
// src; what names the case.
func checkWholeKernel[T complex64 | complex128](t *testing.T, what string, guard func(testing.TB, []T) []T, src, want []T, whole func(dst, in []T)) {
	t.Helper()
	for _, inPlace := range []bool{false, true} {
		in := guard(t, src)
		dst := in
		if !inPlace {
			dst = guard(t, make([]T, len(src)))
		}
		whole(dst, in)
		for i := range want {
			if dst[i] != want[i] {
				t.Fatalf("%s in place %v: dst[%d] = %v, want %v", what, inPlace, i, dst[i], want[i])
			}
		}
		if !inPlace {
			for i := range src {
				if in[i] != src[i] {
					t.Fatalf("%s: src[%d] changed", what, i)
				}
			}
		}
	}
}
