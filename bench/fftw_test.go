//go:build fftw

package main

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/ssmkern/ssmkern/fft"
	"github.com/ssmkern/ssmkern/generic"
	"github.com/ssmkern/ssmkern/generic/golden"
)

// BenchmarkFFTW measures FFTW's forward transforms (fftwf_ for c64 and r32,
// fftw_ for c128 and r64; FFTW_PATIENT unless SSMKERN_FFTW_PLAN says
// otherwise) in benchFFT MFLOPS, with BenchmarkFFT's case names:
//
//	go test -tags fftw -run '^$' -bench '^Benchmark(FFT|FFTW)$/c64/n=1024$' -count 3 ./bench
//
// The first run plans patiently (minutes at 2^22); the wisdom is cached
// (SSMKERN_FFTW_WISDOM, fftw.go), so later runs start at once.
func BenchmarkFFTW(b *testing.B) {
	b.Log(fftwStatus())
	for _, n := range fftCompareSizes {
		for _, kind := range fftKinds {
			b.Run(fftBenchName(kind, n), fftwFFTBench(kind, n))
		}
	}
}

// BenchmarkConv32FFTW measures the S4 long convolution through FFTW in
// float32 (kernelLen = seqLen, D on, H = 256), reporting ns per (channel,
// sample) with BenchmarkConv32's case names. fft.Conv32 at every one of
// these lengths, beside FFTW in the same run, is the report's conv section:
//
//	go run -tags fftw ./bench -run conv
func BenchmarkConv32FFTW(b *testing.B) {
	for _, seqLen := range []int{1024, 4096, 16384, 65536} {
		b.Run(fmt.Sprintf("H=%d/L=%d", 256, seqLen), fftwConvBench(256, seqLen))
	}
}

// fftwAgreementTol bounds the relative RMS difference between FFTW's and our
// transforms: each is within the DESIGN bound 1e-6·log2(n) (float32) of
// the exact DFT, so they are within twice that of each other.
const fftwAgreementTol = 2e-6 * 12

// TestFFTWComputesOurTransform checks that BenchmarkFFTW times the transform
// ours computes (sign, scale, bin order) at every kind.
func TestFFTWComputesOurTransform(t *testing.T) {
	t.Setenv(fftwPlanEnv, "estimate")
	for _, n := range []int{1000, 4096} {
		for _, kind := range fftKinds {
			f, err := newFFTWFFT(kind, n)
			if err != nil {
				t.Fatal(err)
			}
			f.execute(1)
			var e float64
			switch kind {
			case "c64":
				p, _ := fft.NewPlan32(n)
				want := make([]complex64, n)
				if err := p.Forward(want, f.c64In()); err != nil {
					t.Fatal(err)
				}
				e = golden.RelativeRMSError(f.c64Out(), widen(want))
			case "c128":
				p, _ := fft.NewPlan64(n)
				want := make([]complex128, n)
				if err := p.Forward(want, f.c128In()); err != nil {
					t.Fatal(err)
				}
				e = golden.RelativeRMSError(f.c128Out(), want)
			case "r32":
				p, _ := fft.NewRealPlan32(n)
				want := make([]complex64, n/2+1)
				if err := p.Forward(want, f.r32In()); err != nil {
					t.Fatal(err)
				}
				e = golden.RelativeRMSError(f.r32Out(), widen(want))
			case "r64":
				p, _ := fft.NewRealPlan64(n)
				want := make([]complex128, n/2+1)
				if err := p.Forward(want, f.r64In()); err != nil {
					t.Fatal(err)
				}
				e = golden.RelativeRMSError(f.r64Out(), want)
			}
			f.close()
			if !(e <= fftwAgreementTol) {
				t.Errorf("%s n=%d: FFTW vs ours relative RMS %.3g > %.3g", kind, n, e, fftwAgreementTol)
			}
		}
	}
}

func widen(x []complex64) []complex128 {
	w := make([]complex128, len(x))
	for i, v := range x {
		w[i] = complex128(v)
	}
	return w
}

// TestFFTWConvMatchesDirectSum checks the FFTW pipeline of
// BenchmarkConv32FFTW against the float64 direct sum, with a kernel
// shorter than the sequence and with d nil and given.
func TestFFTWConvMatchesDirectSum(t *testing.T) {
	t.Setenv(fftwPlanEnv, "estimate")
	for _, z := range []struct{ channels, seqLen, kernelLen int }{{3, 700, 500}, {2, 1024, 1024}, {1, 1, 1}} {
		rng := rand.New(rand.NewPCG(8, uint64(z.seqLen)))
		k := make([]float32, z.channels*z.kernelLen)
		u := make([]float32, z.channels*z.seqLen)
		d := make([]float32, z.channels)
		for i := range k {
			k[i] = float32(rng.NormFloat64())
		}
		for i := range u {
			u[i] = float32(rng.NormFloat64())
		}
		for i := range d {
			d[i] = float32(rng.NormFloat64())
		}
		c, err := newFFTWConv32(z.channels, z.seqLen, k)
		if err != nil {
			t.Fatal(err)
		}
		for _, dd := range [][]float32{nil, d} {
			got := make([]float32, len(u))
			if err := c.apply(got, u, dd); err != nil {
				t.Fatal(err)
			}
			want := make([]float32, len(u))
			generic.ConvDirect(want, u, k, dd, z.channels, z.seqLen)
			if err := within("y", got, want); err != nil {
				t.Errorf("H=%d L=%d K=%d d=%v: %v", z.channels, z.seqLen, z.kernelLen, dd != nil, err)
			}
		}
		c.close()
	}
}
