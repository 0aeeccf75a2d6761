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

// TestFFTSeg8KernelsMatchContiguousAtEveryLevel runs the kernels of the
// segmented AVX2 plan (FFTRadix8FirstSeg8, FFTRadix8Seg, FFTRadix4SegIn)
// on segmented layouts (segments of n/8 values, padding 0, 8, 16 or 24
// values on either side) against the contiguous kernels on the same
// values (FFTRadix8First, FFTRadix8, FFTRadix4, which the float64 tests
// check): the same arithmetic, so bit for bit; the padding, NaN, must
// be neither read (it would reach the outputs) nor written. Both
// directions; buffers flush against guard pages.
func TestFFTSeg8KernelsMatchContiguousAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(47, 48))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if !asm.FFTSeg8Supported(l) {
			t.Skip("no segmented radix-8 plan at this level")
		}
		unit := func() complex128 { return cmplx.Rect(1, rng.Float64()*2*math.Pi) }
		first, r8, r4 := 0, 0, 0
		for _, n := range []int{256, 1024, 4096, 16384} {
			seg := n / 8
			x := randC64(rng, n)
			for _, pad := range []int{0, 8, 16, 24} {
				for _, inverse := range []bool{false, true} {
					// The first pass.
					for _, s := range []float32{1, 1 / float32(n)} {
						want := make([]complex64, n)
						asm.FFTRadix8First(l, want, x, s, inverse)
						out := asmtest.GuardedComplex64(t, toSeg(make([]complex64, n), seg, pad))
						asm.FFTRadix8FirstSeg8(l, out, asmtest.GuardedComplex64(t, x), pad, s, inverse)
						mustMatch(t, "FFTRadix8FirstSeg8", fromSeg(t, "FFTRadix8FirstSeg8", out, n, seg, pad), want)
						first++
					}
					// The wide radix-8 stages, input and output padded or not.
					for ls := 2; 8*ls*4 <= n; ls *= 2 {
						r := n / (8 * ls)
						if !asm.FFTRadix8Supported(l, ls, r) {
							continue
						}
						var w [7][]complex128
						for q := range w {
							w[q] = make([]complex128, ls)
							for j := range ls {
								w[q][j] = unit()
							}
						}
						tw := asmtest.GuardedFloat32(t, packRadix8(l, w, ls, r))
						want := make([]complex64, n)
						asm.FFTRadix8(l, want, x, tw, ls, inverse)
						for _, inPad := range []int{0, pad} {
							if inPad > 0 && ls%8 != 0 {
								continue
							}
							for _, outPad := range []int{0, pad} {
								in := asmtest.GuardedComplex64(t, toSeg(x, seg, inPad))
								out := asmtest.GuardedComplex64(t, toSeg(make([]complex64, n), seg, outPad))
								asm.FFTRadix8Seg(l, out, in, tw, n, ls, inPad, outPad, inverse)
								mustMatch(t, "FFTRadix8Seg", fromSeg(t, "FFTRadix8Seg", out, n, seg, outPad), want)
								r8++
							}
						}
					}
					// The wide radix-4 stages reading a padded input.
					for ls := 8; 4*ls*asm.FFTValues(l) <= n; ls *= 2 {
						r := n / (4 * ls)
						var w [3][]complex128
						for q := range w {
							w[q] = make([]complex128, ls)
							for j := range ls {
								w[q][j] = unit()
							}
						}
						tw := asmtest.GuardedFloat32(t, packTwiddles(l, w, ls, r))
						want := make([]complex64, n)
						asm.FFTRadix4(l, want, x, tw, ls, inverse)
						out := asmtest.GuardedComplex64(t, make([]complex64, n))
						asm.FFTRadix4SegIn(l, out, asmtest.GuardedComplex64(t, toSeg(x, seg, pad)), tw, ls, pad, inverse)
						mustMatch(t, "FFTRadix4SegIn", out, want)
						r4++
					}
				}
			}
		}
		if first < 32 || r8 < 64 || r4 < 32 {
			t.Fatalf("only %d first passes, %d radix-8 and %d radix-4 stages ran", first, r8, r4)
		}
		// Shapes the kernels cannot run panic in the entry points.
		tw := make([]float32, 1<<14)
		mustPanic(t, func() { asm.FFTRadix8FirstSeg8(l, make([]complex64, 1024), make([]complex64, 1024), 8, 1, false) }) // out too short
		mustPanic(t, func() {
			asm.FFTRadix8Seg(l, make([]complex64, 1024), make([]complex64, 1024+64), tw, 1024, 4, 8, 0, false)
		}) // padded in, ls not a multiple of 8
		mustPanic(t, func() {
			asm.FFTRadix8Seg(l, make([]complex64, 1024), make([]complex64, 1024), tw, 1024, 64, 0, 0, false)
		}) // r = 2
		mustPanic(t, func() { asm.FFTRadix4SegIn(l, make([]complex64, 1024), make([]complex64, 1024+64), tw, 4, 8, false) })   // ls not a multiple of 8
		mustPanic(t, func() { asm.FFTRadix4SegIn(l, make([]complex64, 1024), make([]complex64, 1024+64), tw, 128, 8, false) }) // r = 2: narrow
	})
}

// mustMatch fails unless got equals want bit for bit.
func mustMatch(t *testing.T, what string, got, want []complex64) {
	t.Helper()
	for i := range want {
		if math.Float32bits(real(got[i])) != math.Float32bits(real(want[i])) || math.Float32bits(imag(got[i])) != math.Float32bits(imag(want[i])) {
			t.Fatalf("%s: out[%d] = %v, want %v", what, i, got[i], want[i])
		}
	}
}
