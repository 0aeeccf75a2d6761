package main

import (
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/dsp/fourier"

	"github.com/ssmkern/ssmkern/fft"
	"github.com/ssmkern/ssmkern/generic/golden"
)

// BenchmarkGonumFFT measures gonum's dsp/fourier forward transforms
// (complex128 and real float64; gonum has no float32 FFT) in benchFFT
// MFLOPS, with BenchmarkFFT's case names:
//
//	go test -run '^$' -bench '^Benchmark(FFT|GonumFFT)$/c128/n=4096$' -count 3 ./bench
func BenchmarkGonumFFT(b *testing.B) {
	for _, n := range fftCompareSizes {
		for _, kind := range []string{"c128", "r64"} {
			b.Run(fftBenchName(kind, n), gonumFFTBench(kind, n))
		}
	}
}

// gonumAgreementTol bounds the relative RMS difference between gonum's and
// our float64 transforms: both are within 1e-14·log2(n) of the exact DFT.
const gonumAgreementTol = 2e-14 * 12

// TestGonumComputesOurTransform checks that the gonum benchmarks time the
// transform ours computes (sign, scale, bin order), so that the MFLOPS
// compare like with like.
func TestGonumComputesOurTransform(t *testing.T) {
	for _, n := range []int{1000, 4096} {
		rng := rand.New(rand.NewPCG(5, uint64(n)))
		src := make([]complex128, n)
		seq := make([]float64, n)
		for i := range src {
			src[i] = complex(rng.NormFloat64(), rng.NormFloat64())
			seq[i] = rng.NormFloat64()
		}
		p, err := fft.NewPlan64(n)
		if err != nil {
			t.Fatal(err)
		}
		want := make([]complex128, n)
		if err := p.Forward(want, src); err != nil {
			t.Fatal(err)
		}
		got := fourier.NewCmplxFFT(n).Coefficients(nil, src)
		if e := golden.RelativeRMSError(got, want); !(e <= gonumAgreementTol) {
			t.Errorf("c128 n=%d: gonum vs ours relative RMS %.3g > %.3g", n, e, gonumAgreementTol)
		}
		rp, err := fft.NewRealPlan64(n)
		if err != nil {
			t.Fatal(err)
		}
		wantR := make([]complex128, n/2+1)
		if err := rp.Forward(wantR, seq); err != nil {
			t.Fatal(err)
		}
		gotR := fourier.NewFFT(n).Coefficients(nil, seq)
		if e := golden.RelativeRMSError(gotR, wantR); !(e <= gonumAgreementTol) {
			t.Errorf("r64 n=%d: gonum vs ours relative RMS %.3g > %.3g", n, e, gonumAgreementTol)
		}
	}
}
