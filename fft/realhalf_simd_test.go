//go:build gc && !purego && (amd64 || arm64)

package fft

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
)

// realPassTol bounds the relative RMS difference between the vector pass
// and the Go pass on the same half-length spectrum: both are a few
// operations per bin, their twiddles within an ulp of each other
// (generic.Roots against halfTwiddle), so float32 differs by rounding.
const (
	realPassTol32 = 1e-6
	realPassTol64 = 1e-14
)

// At AVX2 and AVX-512 the real plans of even n with even half length h
// run most of their pass in asm.FFTRealPass (realPass32, realPass64),
// d = (h/2) mod V bins in Go; forward and inverse must agree with the Go
// pass over all bins. Lengths with d = 0 (1536, 4000) and d > 0 (1000,
// 3000 at either width, 100 and 2000 at AVX-512, 60 with d = 7 of h/2 =
// 15 at AVX-512), 250 (odd h: no vector pass), and 4036 (h = 2018 by
// Bluestein).
func TestRealHalfVectorPassMatchesTheGoPassAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(91, 92))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		for _, n := range []int{60, 100, 250, 1000, 1536, 2000, 3000, 4000, 2 * 1009 * 2} {
			h := n / 2
			r32, err := NewRealPlan32(n)
			mustOK(t, err)
			r64, err := NewRealPlan64(n)
			mustOK(t, err)
			if !r32.half.runsAt(l) || !r64.half.runsAt(l) {
				continue
			}
			want := realPassLevel(l) && h%2 == 0 && h/2 >= asm.FFTValues(l)
			vp32, vp64 := r32.half.vector(l), r64.half.vector(l)
			if (vp32 != nil) != want || (vp64 != nil) != (realPassLevel(l) && h%2 == 0 && h/2 >= asm.FFT64Values(l)) {
				t.Errorf("n=%d %v: vector passes %v %v, want %v", n, l, vp32 != nil, vp64 != nil, want)
			}
			z := randComplex128(rng, h+1)
			z32 := toC64(z)
			if vp32 != nil {
				wantF, got := make([]complex64, h+1), make([]complex64, h+1)
				halfForward32(wantF, z32, r32.half.tw, h, h/2)
				vp32.run(got, z32, false)
				halfForward32(got, z32, r32.half.tw, h, vp32.d)
				if e := relRMS(got[1:h], toC128(wantF[1:h])); !(e <= realPassTol32) {
					t.Errorf("n=%d %v: vector forward pass differs from Go's by %.3g", n, l, e)
				}
				wantI, gotI := make([]complex64, h), make([]complex64, h)
				halfInverse32(wantI, z32, r32.half.tw, h, h/2)
				vp32.run(gotI, z32, true)
				halfInverse32(gotI, z32, r32.half.tw, h, vp32.d)
				if e := relRMS(gotI[1:], toC128(wantI[1:])); !(e <= realPassTol32) {
					t.Errorf("n=%d %v: vector inverse pass differs from Go's by %.3g", n, l, e)
				}
			}
			if vp64 != nil {
				wantF := slices.Clone(z)
				halfForward64(wantF, r64.half.tw, h, h/2)
				got := slices.Clone(z)
				vp64.run(got, got, false)
				halfForward64(got, r64.half.tw, h, vp64.d)
				if e := relRMS(got[1:h], wantF[1:h]); !(e <= realPassTol64) {
					t.Errorf("n=%d %v: complex128 vector forward pass differs from Go's by %.3g", n, l, e)
				}
				wantI, gotI := make([]complex128, h), make([]complex128, h)
				halfInverse64(wantI, z, r64.half.tw, h, h/2)
				vp64.run(gotI, z, true)
				halfInverse64(gotI, z, r64.half.tw, h, vp64.d)
				if e := relRMS(gotI[1:], wantI[1:]); !(e <= realPassTol64) {
					t.Errorf("n=%d %v: complex128 vector inverse pass differs from Go's by %.3g", n, l, e)
				}
			}
		}
	})
}
