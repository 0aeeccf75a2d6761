package fft

import (
	"math"
	"math/rand/v2"

	"github.com/ssmkern/ssmkern/generic/golden"
)

// Tolerances shared by the tests of this package.
const (
	// fft64RMSPerLog2 is the design's bound on the relative RMS error of a
	// float64 FFT, per log2(n) (max(1, log2 n)).
	fft64RMSPerLog2 = 1e-14
	// fft32RMSPerLog2 is the design's bound for float32 plans, per log2(n).
	fft32RMSPerLog2 = 1e-6
	// golden64Tol is the normwise error allowed against the golden vectors
	// in float64: the README measured independent float64 implementations
	// within 1e-12 of them (n = 4096 sums reach ~100).
	golden64Tol = 1e-12
	// golden32Tol is the README's suggested normwise bound for float32 FFT
	// ops (torch's own float32 error is ≤ 2.4e-7 on them).
	golden32Tol = 1e-5
)

func log2n(n int) float64 { return max(1, math.Log2(float64(n))) }

func randComplex128(rng *rand.Rand, n int) []complex128 {
	x := make([]complex128, n)
	for i := range x {
		x[i] = complex(rng.NormFloat64(), rng.NormFloat64())
	}
	return x
}

func randFloat64(rng *rand.Rand, n int) []float64 {
	x := make([]float64, n)
	for i := range x {
		x[i] = rng.NormFloat64()
	}
	return x
}

func toC64(x []complex128) []complex64 {
	y := make([]complex64, len(x))
	for i, v := range x {
		y[i] = complex64(v)
	}
	return y
}

func toC128[T complex64 | complex128](x []T) []complex128 {
	y := make([]complex128, len(x))
	for i, v := range x {
		y[i] = complex128(v)
	}
	return y
}

func toF32(x []float64) []float32 {
	y := make([]float32, len(x))
	for i, v := range x {
		y[i] = float32(v)
	}
	return y
}

func toF64[T float32 | float64](x []T) []float64 {
	y := make([]float64, len(x))
	for i, v := range x {
		y[i] = float64(v)
	}
	return y
}

func realToComplex[T float32 | float64](x []T) []complex128 {
	y := make([]complex128, len(x))
	for i, v := range x {
		y[i] = complex(float64(v), 0)
	}
	return y
}

// relRMS is golden.RelativeRMSError.
func relRMS[T complex64 | complex128](got []T, want []complex128) float64 {
	return golden.RelativeRMSError(got, want)
}

// relRMSReal is relRMS for real vectors.
func relRMSReal[T float32 | float64](got []T, want []float64) float64 {
	return relRMS(realToComplex(got), realToComplex(want))
}
