package fft

import (
	"math/rand/v2"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
	"github.com/ssmkern/ssmkern/generic"
)

// oracleLengths: every n ≤ 64 (every tail of every vector width), primes
// (Bluestein), and products of 3, 5 and 7 (mixed radix and Bluestein).
func oracleLengths() []int {
	var ns []int
	for n := 1; n <= 64; n++ {
		ns = append(ns, n)
	}
	return append(ns, 97, 101, 1009, 105, 147, 225, 243, 245, 343, 375, 441, 625, 735, 1125, 1225)
}

// hermitian extends the n/2+1 bins of a real spectrum to all n bins,
// dropping Im of bin 0 and (even n) of bin n/2, as irfft does.
func hermitian(bins []complex128, n int) []complex128 {
	full := make([]complex128, n)
	for k := range bins {
		v := bins[k]
		if k == 0 || 2*k == n {
			v = complex(real(v), 0)
		}
		full[k] = v
		if k > 0 {
			full[(n-k)%n] = complex(real(v), -imag(v))
		}
	}
	return full
}

func TestEveryPlanMatchesTheDFTOracleAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	asmtest.ForEachLevel(t, func(t *testing.T, _ asm.Level) {
		for _, n := range oracleLengths() {
			tol64, tol32 := fft64RMSPerLog2*log2n(n), fft32RMSPerLog2*log2n(n)
			x := randComplex128(rng, n)
			x32 := toC64(x)
			xw := toC128(x32) // the float32 input, exactly
			p64, _ := NewPlan64(n)
			p32, _ := NewPlan32(n)
			for _, inverse := range []bool{false, true} {
				want, want32 := make([]complex128, n), make([]complex128, n)
				generic.DFT(want, x, inverse)
				generic.DFT(want32, xw, inverse)
				got := make([]complex128, n)
				got32 := make([]complex64, n)
				if inverse {
					p64.Inverse(got, x)
					p32.Inverse(got32, x32)
				} else {
					p64.Forward(got, x)
					p32.Forward(got32, x32)
				}
				if e := relRMS(got, want); !(e <= tol64) {
					t.Errorf("Plan64 n=%d inverse=%v: relative RMS error %.3g > %.3g", n, inverse, e, tol64)
				}
				if e := relRMS(got32, want32); !(e <= tol32) {
					t.Errorf("Plan32 n=%d inverse=%v: relative RMS error %.3g > %.3g", n, inverse, e, tol32)
				}
			}

			// Real plans: forward against the first n/2+1 DFT bins, inverse
			// against the inverse DFT of the Hermitian extension.
			r := randFloat64(rng, n)
			r32 := toF32(r)
			want := make([]complex128, n)
			generic.DFT(want, realToComplex(r), false)
			want32 := make([]complex128, n)
			generic.DFT(want32, realToComplex(r32), false)
			rp64, _ := NewRealPlan64(n)
			rp32, _ := NewRealPlan32(n)
			bins := n/2 + 1
			got := make([]complex128, bins)
			got32 := make([]complex64, bins)
			rp64.Forward(got, r)
			rp32.Forward(got32, r32)
			if e := relRMS(got, want[:bins]); !(e <= tol64) {
				t.Errorf("RealPlan64 n=%d: relative RMS error %.3g > %.3g", n, e, tol64)
			}
			if e := relRMS(got32, want32[:bins]); !(e <= tol32) {
				t.Errorf("RealPlan32 n=%d: relative RMS error %.3g > %.3g", n, e, tol32)
			}
			spec := randComplex128(rng, bins) // random Im in bins 0 and n/2: ignored
			spec32 := toC64(spec)
			wantInv := make([]complex128, n)
			generic.DFT(wantInv, hermitian(spec, n), true)
			wantInv32 := make([]complex128, n)
			generic.DFT(wantInv32, hermitian(toC128(spec32), n), true)
			gotInv := make([]float64, n)
			gotInv32 := make([]float32, n)
			rp64.Inverse(gotInv, spec)
			rp32.Inverse(gotInv32, spec32)
			if e := relRMS(realToComplex(gotInv), wantInv); !(e <= tol64) {
				t.Errorf("RealPlan64.Inverse n=%d: relative RMS error %.3g > %.3g", n, e, tol64)
			}
			if e := relRMS(realToComplex(gotInv32), wantInv32); !(e <= tol32) {
				t.Errorf("RealPlan32.Inverse n=%d: relative RMS error %.3g > %.3g", n, e, tol32)
			}
		}
	})
}

// powerOfTwoMax is the largest 2^k of the sweep: 2^20 in a full run, 2^16
// with -short (the 2^20 transforms take a few hundred ms each at generic).
func powerOfTwoMax() int {
	if testing.Short() {
		return 1 << 16
	}
	return 1 << 20
}

func TestFloat32PlansMatchFloat64PlansOnPowersOfTwoAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(23, 24))
	asmtest.ForEachLevel(t, func(t *testing.T, _ asm.Level) {
		for n := 2; n <= powerOfTwoMax(); n *= 2 {
			tol32 := fft32RMSPerLog2 * log2n(n)
			x32 := toC64(randComplex128(rng, n))
			p64, _ := NewPlan64(n)
			p32, _ := NewPlan32(n)
			want := make([]complex128, n)
			p64.Forward(want, toC128(x32))
			got := make([]complex64, n)
			p32.Forward(got, x32)
			if e := relRMS(got, want); !(e <= tol32) {
				t.Errorf("Plan32 n=%d: relative RMS error %.3g vs Plan64 > %.3g", n, e, tol32)
			}
			r32 := toF32(randFloat64(rng, n))
			rp64, _ := NewRealPlan64(n)
			rp32, _ := NewRealPlan32(n)
			rwant := make([]complex128, n/2+1)
			rp64.Forward(rwant, toF64(r32))
			rgot := make([]complex64, n/2+1)
			rp32.Forward(rgot, r32)
			if e := relRMS(rgot, rwant); !(e <= tol32) {
				t.Errorf("RealPlan32 n=%d: relative RMS error %.3g vs RealPlan64 > %.3g", n, e, tol32)
			}
		}
	})
}

// TestFloat32PlanMatchesFloat64PlanOnOtherLengthsAtEveryLevel covers the
// lengths that are not powers of two beyond the DFT oracle's reach — at
// the vector levels Plan32 runs them by Bluestein's algorithm on the
// float32 power-of-two kernels — forward, inverse and in place, against
// Plan64 within the float32 bound.
func TestFloat32PlanMatchesFloat64PlanOnOtherLengthsAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(25, 26))
	lengths := []int{33, 100, 1000, 1009, 3000, 6561, 15625, 65537}
	if !testing.Short() {
		lengths = append(lengths, 100000, 1000003)
	}
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		worst := 0.0
		for _, n := range lengths {
			tol32 := fft32RMSPerLog2 * log2n(n)
			x32 := toC64(randComplex128(rng, n))
			p64, _ := NewPlan64(n)
			p32, _ := NewPlan32(n)
			for _, inverse := range []bool{false, true} {
				want := make([]complex128, n)
				got := append([]complex64(nil), x32...)
				if inverse {
					p64.Inverse(want, toC128(x32))
					p32.Inverse(got, got)
				} else {
					p64.Forward(want, toC128(x32))
					p32.Forward(got, got)
				}
				e := relRMS(got, want)
				worst = max(worst, e/tol32)
				if !(e <= tol32) {
					t.Errorf("Plan32 n=%d inverse=%v: relative RMS error %.3g vs Plan64 > %.3g", n, inverse, e, tol32)
				}
			}
		}
		t.Logf("%v: worst error %.2g of the bound", l, worst)
	})
}

func TestFloat64PlanRoundTripsPowersOfTwo(t *testing.T) {
	// Beyond the DFT's reach the float64 plans are checked by
	// Inverse∘Forward = identity (and, in package generic, against
	// Bluestein, an independent algorithm).
	rng := rand.New(rand.NewPCG(25, 26))
	for n := 2; n <= powerOfTwoMax(); n *= 4 {
		tol := fft64RMSPerLog2 * log2n(n)
		x := randComplex128(rng, n)
		p, _ := NewPlan64(n)
		y := append([]complex128(nil), x...)
		p.Forward(y, y)
		p.Inverse(y, y)
		if e := relRMS(y, x); !(e <= tol) {
			t.Errorf("Plan64 n=%d: Inverse∘Forward relative RMS error %.3g > %.3g", n, e, tol)
		}
	}
}
