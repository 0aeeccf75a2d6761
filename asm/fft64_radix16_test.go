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

// TestFFT64Radix16MatchesTwoStagesAtEveryLevel checks the fused pass
// against the two radix-4 stages it replaces, in complex128, with random
// unit twiddles (not roots of unity, so that a twiddle read from the
// wrong slot shows), both directions, at every ls and R = n/(16·ls) the
// level supports for n = 64 … 2^13, under guard pages. Where a level has
// no such kernel, the entry point must panic.
func TestFFT64Radix16MatchesTwoStagesAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(45, 46))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if !asm.FFT64Radix16Supported(l, 1, 16) {
			mustPanic(t, func() {
				asm.FFT64Radix16(l, make([]complex128, 256), make([]complex128, 256), make([]float64, 30), 1, false)
			})
			t.Skip("no fused radix-16 pass at this level")
		}
		mustPanic(t, func() {
			asm.FFT64Radix16(l, make([]complex128, 256), make([]complex128, 256), make([]float64, 29), 1, false)
		})
		mustPanic(t, func() {
			asm.FFT64Radix16(l, make([]complex128, 256), make([]complex128, 256), make([]float64, 30*8), 8, false)
		}) // R = 2
		mustPanic(t, func() {
			asm.FFT64Radix16(l, make([]complex128, 128), make([]complex128, 256), make([]float64, 30), 1, false)
		})
		mustPanic(t, func() {
			asm.FFT64Radix16Seg(l, make([]complex128, 256+15*4-1), make([]complex128, 256), make([]float64, 30), 1, 4, false)
		}) // out one value short of the layout
		mustPanic(t, func() {
			asm.FFT64Radix16Seg(l, make([]complex128, 256), make([]complex128, 256), make([]float64, 30), 1, -1, false)
		})
		ran := 0
		for n := 64; n <= 1<<13; n *= 2 {
			for ls := 1; 16*ls <= n; ls *= 2 {
				r := n / (16 * ls)
				if !asm.FFT64Radix16Supported(l, ls, r) {
					continue
				}
				unit := func() complex128 { return cmplx.Rect(1, rng.Float64()*2*math.Pi) }
				var wA, wB [3][]complex128
				for q := range 3 {
					wA[q] = make([]complex128, ls)
					wB[q] = make([]complex128, 4*ls)
					for j := range wA[q] {
						wA[q][j] = unit()
					}
					for j := range wB[q] {
						wB[q][j] = unit()
					}
				}
				tw := make([]float64, asm.FFT64Radix16TwiddleLen(ls))
				for j := range ls {
					for q := range 3 {
						tw[30*j+2*q], tw[30*j+2*q+1] = real(wA[q][j]), imag(wA[q][j])
						for s := range 4 {
							c := wB[q][j+s*ls]
							tw[30*j+6+6*s+2*q], tw[30*j+6+6*s+2*q+1] = real(c), imag(c)
						}
					}
				}
				x := randC128(rng, n)
				for _, inverse := range []bool{false, true} {
					want := radix4Stage128(radix4Stage128(x, wA, ls, inverse), wB, 4*ls, inverse)
					// pad 0 through FFT64Radix16, else the segmented
					// layout of FFT64Radix16Seg, whose padding must stay
					// as it was.
					for _, pad := range []int{0, 0, 4} {
						seg := n / 16
						marker := complex(math.Inf(1), 7)
						out := make([]complex128, asm.FFTSegIndex(n-1, seg, pad)+1)
						for i := range out {
							out[i] = marker
						}
						out = asmtest.GuardedComplex128(t, out)
						if pad == 0 && ran%2 == 0 {
							asm.FFT64Radix16(l, out, asmtest.GuardedComplex128(t, x), asmtest.GuardedFloat64(t, tw), ls, inverse)
						} else {
							asm.FFT64Radix16Seg(l, out, asmtest.GuardedComplex128(t, x), asmtest.GuardedFloat64(t, tw), ls, pad, inverse)
						}
						for i := range want {
							o := out[asm.FFTSegIndex(i, seg, pad)]
							if d := cmplx.Abs(o - want[i]); !(d <= fft64StageTol*40*cmplx.Abs(want[i])+fft64StageTol*40) {
								t.Fatalf("n=%d ls=%d R=%d pad=%d inverse=%v: out[%d] = %v, want %v", n, ls, r, pad, inverse, i, o, want[i])
							}
						}
						written := 0
						for i := range out {
							if out[i] != marker {
								written++
							}
						}
						if written != n {
							t.Fatalf("n=%d ls=%d R=%d pad=%d inverse=%v: %d values written, want %d", n, ls, r, pad, inverse, written, n)
						}
						ran++
					}
				}
			}
		}
		if ran < 20 {
			t.Fatalf("only %d passes ran", ran)
		}
	})
}

// TestFFT64Radix16FirstMatchesTwoStagesAtEveryLevel checks the first
// pass (ls = 1) against the two radix-4 stages it replaces, twiddles of 1
// where the kernel assumes them (stage A's, and stage B's of s = 0) and
// random unit ones elsewhere, both directions, scaled by 1 and by 1/n
// (the forward through FFT64Scale), for n = 64 … 2^13, under guard pages.
// Where a level has no such kernel, the entry point must panic.
func TestFFT64Radix16FirstMatchesTwoStagesAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(47, 48))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if !asm.FFT64Radix16FirstSupported(l, 256) {
			mustPanic(t, func() {
				asm.FFT64Radix16First(l, make([]complex128, 256), make([]complex128, 256), make([]float64, 30), 1, false)
			})
			t.Skip("no radix-16 first pass at this level")
		}
		mustPanic(t, func() {
			asm.FFT64Radix16First(l, make([]complex128, 256), make([]complex128, 256), make([]float64, 29), 1, false)
		})
		mustPanic(t, func() {
			asm.FFT64Radix16First(l, make([]complex128, 32), make([]complex128, 32), make([]float64, 30), 1, false)
		}) // R = 2
		mustPanic(t, func() {
			asm.FFT64Radix16First(l, make([]complex128, 128), make([]complex128, 256), make([]float64, 30), 1, false)
		})
		ran := 0
		for n := 64; n <= 1<<13; n *= 2 {
			if !asm.FFT64Radix16FirstSupported(l, n) {
				t.Fatalf("n=%d not supported", n)
			}
			var wA, wB [3][]complex128
			tw := make([]float64, asm.FFT64Radix16TwiddleLen(1))
			for q := range 3 {
				wA[q] = []complex128{1}
				wB[q] = []complex128{1, 0, 0, 0}
				tw[2*q] = 1
				tw[6+2*q] = 1
				for s := 1; s < 4; s++ {
					c := cmplx.Rect(1, rng.Float64()*2*math.Pi)
					wB[q][s] = c
					tw[6+6*s+2*q], tw[6+6*s+2*q+1] = real(c), imag(c)
				}
			}
			x := randC128(rng, n)
			for _, inverse := range []bool{false, true} {
				for _, s := range []float64{1, 1 / float64(n)} {
					want := radix4Stage128(radix4Stage128(x, wA, 1, inverse), wB, 4, inverse)
					out := asmtest.GuardedComplex128(t, make([]complex128, n))
					asm.FFT64Radix16First(l, out, asmtest.GuardedComplex128(t, x), asmtest.GuardedFloat64(t, tw), s, inverse)
					for i := range want {
						w := want[i] * complex(s, 0)
						if d := cmplx.Abs(out[i] - w); !(d <= fft64StageTol*40*cmplx.Abs(w)+fft64StageTol*40*s) {
							t.Fatalf("n=%d inverse=%v s=%g: out[%d] = %v, want %v", n, inverse, s, i, out[i], w)
						}
					}
					ran++
				}
			}
		}
		if ran < 20 {
			t.Fatalf("only %d passes ran", ran)
		}
	})
}
