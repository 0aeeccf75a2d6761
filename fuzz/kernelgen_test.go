package fuzz

import (
	"math"
	"math/cmplx"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/generic/golden"
	"github.com/ssmkern/ssmkern/kernelgen"
)

// s4dFuzzTol bounds S4DKernel against S4DKernel64, normwise: the
// kernelgen level test's bound (float32 tables from float64 chains, a
// float32 sum over at most 24 states).
const s4dFuzzTol = 1e-5

// complexValue is a complex number with parts in [−2, 2].
func (s *byteSource) complexValue() complex128 {
	return complex(float64(s.float(-2, 2)), float64(s.float(-2, 2)))
}

// FuzzS4DKernel compares S4DKernel at every level (the float32 chains and
// hot loop in assembly at AVX2/AVX-512) with S4DKernel64, over decoded
// shapes (1–2 channels, H 1–3, Nh 1–24, L 1–300) and states with decay
// rates from 10⁻³ to 10 per step and phases up to ±30 rad per step, ZOH
// or bilinear.
func FuzzS4DKernel(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0})      // all sizes 1
	f.Add([]byte{1, 0, 2, 0, 23, 0, 43, 1, 1, 0})    // Nh 24, L 300, bilinear
	f.Add([]byte{0, 0, 0, 0, 15, 0, 63, 0, 0, 0, 9}) // one whole block
	f.Fuzz(func(t *testing.T, data []byte) {
		s := &byteSource{data: data, state: 7}
		p := &kernelgen.S4DParams{Channels: s.intn(1, 2), H: s.intn(1, 3), Nh: s.intn(1, 24), L: s.intn(1, 300)}
		p.Disc = kernelgen.ZOH
		if s.uint16()&1 != 0 {
			p.Disc = kernelgen.Bilinear
		}
		for range p.H * p.Nh {
			decay := math.Pow(10, float64(s.float(-3, 1)))
			p.A = append(p.A, complex(-decay, float64(s.float(-30, 30))))
			p.B = append(p.B, s.complexValue())
		}
		for range p.Channels * p.H * p.Nh {
			p.C = append(p.C, s.complexValue())
		}
		for range p.H {
			p.Dt = append(p.Dt, math.Pow(10, float64(s.float(-3, 0))))
		}
		want := make([]float64, p.Channels*p.H*p.L)
		if err := kernelgen.S4DKernel64(want, p); err != nil {
			if p.Disc == kernelgen.Bilinear {
				return // a bilinear pole (Dt·A = 2) is an error at every level
			}
			t.Fatal(err)
		}
		atEveryLevel(t, func(l asm.Level) {
			k := make([]float32, len(want))
			if err := kernelgen.S4DKernel(k, p); err != nil {
				t.Fatalf("%v: %v", l, err)
			}
			if e := golden.NormwiseError(k, want); !(e <= s4dFuzzTol) {
				t.Fatalf("%v: %+v: normwise error %.3g > %g", l, *p, e, s4dFuzzTol)
			}
		})
	})
}

// FuzzDPLRSpectrum checks that DPLRSpectrum gives the same bits at every
// level (the Cauchy sums are bit-identical by construction,
// generic.CauchyConj4) and stays finite, over decoded shapes (1–2
// channels, H 1–2, Nh 1–20, L 1–300) with Re Λ < 0.
func FuzzDPLRSpectrum(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{0, 0, 0, 0, 0, 0, 0, 0})
	f.Add([]byte{1, 0, 1, 0, 19, 0, 43, 1}) // L 300, Nh 20, 2 channels
	f.Fuzz(func(t *testing.T, data []byte) {
		s := &byteSource{data: data, state: 11}
		p := &kernelgen.DPLRParams{Channels: s.intn(1, 2), H: s.intn(1, 2), Nh: s.intn(1, 20), L: s.intn(1, 300)}
		for range p.H * p.Nh {
			p.Lambda = append(p.Lambda, complex(-math.Pow(10, float64(s.float(-2, 1))), float64(s.float(-50, 50))))
			p.P = append(p.P, s.complexValue())
			p.B = append(p.B, s.complexValue())
		}
		for range p.Channels * p.H * p.Nh {
			p.CTilde = append(p.CTilde, s.complexValue())
		}
		for range p.H {
			p.Dt = append(p.Dt, math.Pow(10, float64(s.float(-3, -1))))
		}
		var first []complex128
		atEveryLevel(t, func(l asm.Level) {
			khat := make([]complex128, p.Channels*p.H*kernelgen.DPLRBins(p.L))
			if err := kernelgen.DPLRSpectrum(khat, p); err != nil {
				t.Fatalf("%v: %v", l, err)
			}
			if first == nil {
				first = khat
				return
			}
			for i := range khat {
				if khat[i] != first[i] && !(cmplx.IsNaN(khat[i]) && cmplx.IsNaN(first[i])) {
					t.Fatalf("%v: khat[%d] = %v, want the generic level's %v", l, i, khat[i], first[i])
				}
			}
		})
	})
}
