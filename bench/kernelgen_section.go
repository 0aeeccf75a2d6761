package main

import (
	"fmt"
	"math"
	"math/cmplx"
	"testing"

	"github.com/ssmkern/ssmkern/generic/golden"
	"github.com/ssmkern/ssmkern/kernelgen"
)

// kernelgenSection measures the S4D (Vandermonde) kernel and the S4
// (DPLR) spectrum, and checks both at every level.
func kernelgenSection(quick bool) section {
	s := section{
		name:  "kernelgen",
		title: "S4 and S4D convolution kernels (kernelgen)",
		about: "GFLOP/s executed: S4DKernel (float32) counts the 4 flops (two FMAs) its hot loop spends per (channel, H, state, step) " +
			"— the textbook complex multiply-add is 8, twice the figure; the tables are in the time but not the count. " +
			"DPLRSpectrum (float64) counts 92 flops per (H, bin, stored state): two reciprocals and (2 + 2·Channels) complex multiply-adds. " +
			"The machine section gives the FMA peak to compare with.",
		unit: "GFLOP/s",
	}
	s.checks = append(s.checks,
		check{name: "kernelgen.S4DKernel vs S4DKernel64", run: checkS4DKernel},
		check{name: "kernelgen.DPLRSpectrum vs naive Cauchy sums", run: checkDPLRSpectrum},
	)
	h, l := 256, 4096
	if quick {
		h, l = 16, 1024
	}
	{
		p := s4dBenchParams(h, 32, l)
		flops := 4 * float64(p.Channels*h*32*l)
		k := make([]float32, h*l)
		s.cases = append(s.cases, benchCase{
			name: fmt.Sprintf("S4DKernel H=%d Nh=32 L=%d", h, l),
			bench: func(b *testing.B) {
				for b.Loop() {
					if err := kernelgen.S4DKernel(k, p); err != nil {
						b.Fatal(err)
					}
				}
			},
			rate: func(ns float64) float64 { return flops / ns },
		})
	}
	{
		p := dplrBenchParams(h, 64, l)
		flops := 92 * float64(h*kernelgen.DPLRBins(l)*32)
		khat := make([]complex128, h*kernelgen.DPLRBins(l))
		s.cases = append(s.cases, benchCase{
			name: fmt.Sprintf("DPLRSpectrum H=%d N=64 L=%d", h, l),
			bench: func(b *testing.B) {
				for b.Loop() {
					if err := kernelgen.DPLRSpectrum(khat, p); err != nil {
						b.Fatal(err)
					}
				}
			},
			rate: func(ns float64) float64 { return flops / ns },
		})
	}
	return s
}

// checkS4DKernel compares the float32 kernel with the float64 one:
// normwise within 1e-5 (kernelgen's own test bound).
func checkS4DKernel() error {
	p := s4dBenchParams(5, 33, 1000)
	want := make([]float64, 5*1000)
	if err := kernelgen.S4DKernel64(want, p); err != nil {
		return err
	}
	k := make([]float32, len(want))
	if err := kernelgen.S4DKernel(k, p); err != nil {
		return err
	}
	if e := golden.NormwiseError(k, want); !(e <= 1e-5) {
		return fmt.Errorf("normwise error %.3g > 1e-5", e)
	}
	return nil
}

// checkDPLRSpectrum compares DPLRSpectrum (the Cauchy sums in assembly)
// with the formula evaluated directly over the conjugate-extended states
// with complex division, within 1e-12 of the largest bin.
func checkDPLRSpectrum() error {
	p := dplrBenchParams(2, 16, 100)
	nh, nf := p.Nh, kernelgen.DPLRBins(p.L)
	khat := make([]complex128, p.H*nf)
	if err := kernelgen.DPLRSpectrum(khat, p); err != nil {
		return err
	}
	var worst, scale float64
	for h := range p.H {
		dt := complex(p.Dt[h], 0)
		r := func(a, b []complex128, z complex128) complex128 {
			var s complex128
			for n := range nh {
				w := dt * p.Lambda[h*nh+n]
				v := dt * a[n] * b[n]
				s += v/(z-w) + cmplx.Conj(v)/(z-cmplx.Conj(w))
			}
			return s
		}
		bh, ph, ch := p.B[h*nh:(h+1)*nh], p.P[h*nh:(h+1)*nh], p.CTilde[h*nh:(h+1)*nh]
		q := make([]complex128, nh)
		for n := range q {
			q[n] = cmplx.Conj(ph[n])
		}
		for k := range nf {
			omega := cmplx.Exp(complex(0, -2*math.Pi*float64(k)/float64(p.L)))
			if omega == -1 {
				continue // z = ∞: the kernel's projective form covers it; skip here
			}
			z := 2 * (1 - omega) / (1 + omega)
			want := (r(bh, ch, z) - r(bh, q, z)*r(ph, ch, z)/(1+r(ph, q, z))) * 2 / (1 + omega)
			worst = math.Max(worst, cmplx.Abs(khat[h*nf+k]-want))
			scale = math.Max(scale, cmplx.Abs(want))
		}
	}
	if !(worst <= 1e-12*scale) {
		return fmt.Errorf("max difference %.3g, %.3g of the largest bin", worst, worst/scale)
	}
	return nil
}

// s4dBenchParams is an S4D layer of H channels with S4D-Lin states and
// the log-uniform step sizes of S4 (Δ ∈ [1e−3, 1e−1]).
func s4dBenchParams(h, nh, l int) *kernelgen.S4DParams {
	a, b, err := kernelgen.InitS4D(kernelgen.S4DLin, nh)
	if err != nil {
		panic(err)
	}
	p := &kernelgen.S4DParams{Channels: 1, H: h, Nh: nh, L: l, Disc: kernelgen.ZOH,
		A: make([]complex128, h*nh), B: make([]complex128, h*nh), C: make([]complex128, h*nh), Dt: make([]float64, h)}
	for i := range h {
		copy(p.A[i*nh:], a)
		copy(p.B[i*nh:], b)
		p.Dt[i] = math.Exp(math.Log(1e-3) + float64(i)/float64(h)*math.Log(100))
		for n := range nh {
			p.C[i*nh+n] = complex(math.Cos(float64(i*nh+n)), math.Sin(float64(3*(i*nh+n))))
		}
	}
	return p
}

// dplrBenchParams is an S4 layer: HiPPO-LegS through NPLR, H channels
// with log-uniform Δ, C̃ = a fixed pattern.
func dplrBenchParams(h, n, l int) *kernelgen.DPLRParams {
	lam, pp, bb, _, err := kernelgen.NPLR(kernelgen.LegS, n)
	if err != nil {
		panic(err)
	}
	nh := n / 2
	p := &kernelgen.DPLRParams{Channels: 1, H: h, Nh: nh, L: l,
		Lambda: make([]complex128, h*nh), P: make([]complex128, h*nh), B: make([]complex128, h*nh),
		CTilde: make([]complex128, h*nh), Dt: make([]float64, h)}
	for i := range h {
		copy(p.Lambda[i*nh:], lam)
		copy(p.P[i*nh:], pp)
		copy(p.B[i*nh:], bb)
		p.Dt[i] = math.Exp(math.Log(1e-3) + float64(i)/float64(h)*math.Log(100))
		for j := range nh {
			p.CTilde[i*nh+j] = complex(math.Cos(float64(i*nh+j)), math.Sin(float64(3*(i*nh+j))))
		}
	}
	return p
}
