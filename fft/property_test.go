package fft

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
	"github.com/ssmkern/ssmkern/generic"
)

// conv32Tol is the normwise error allowed to Conv32 against the float64
// direct sum of its float32 inputs: the golden README's float32 bound.
const conv32Tol = 1e-5

// conv64Tol is the normwise error allowed to Conv64 against the float64
// direct sum: two float64 FFTs of length ≤ 2^14 (1e-14·log2 n each) with
// margin for the spectrum product.
const conv64Tol = 1e-12

var propertyLengths = []int{1, 2, 3, 5, 7, 8, 12, 60, 64, 97, 128, 1000, 1024, 3000, 4096}

func TestForwardIsLinear(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 32))
	for _, n := range propertyLengths {
		p, _ := NewPlan64(n)
		x, y := randComplex128(rng, n), randComplex128(rng, n)
		a, b := complex(0.7, -1.3), complex(-2.1, 0.4)
		mix := make([]complex128, n)
		for i := range mix {
			mix[i] = a*x[i] + b*y[i]
		}
		fx, fy, fmix := make([]complex128, n), make([]complex128, n), make([]complex128, n)
		p.Forward(fx, x)
		p.Forward(fy, y)
		p.Forward(fmix, mix)
		want := make([]complex128, n)
		for i := range want {
			want[i] = a*fx[i] + b*fy[i]
		}
		if e, tol := relRMS(fmix, want), fft64RMSPerLog2*log2n(n); !(e <= tol) {
			t.Errorf("n=%d: F(a·x+b·y) differs from a·F(x)+b·F(y) by relative RMS %.3g > %.3g", n, e, tol)
		}
	}
}

func TestParsevalHolds(t *testing.T) {
	rng := rand.New(rand.NewPCG(33, 34))
	for _, n := range propertyLengths {
		p, _ := NewPlan64(n)
		p32, _ := NewPlan32(n)
		x := randComplex128(rng, n)
		X := make([]complex128, n)
		p.Forward(X, x)
		x32 := toC64(x)
		X32 := make([]complex64, n)
		p32.Forward(X32, x32)
		energy := func(v []complex128) float64 {
			var s float64
			for _, z := range v {
				s += real(z)*real(z) + imag(z)*imag(z)
			}
			return s
		}
		// Σ|X|² = n·Σ|x|²; a relative error e in X is 2e in the energy.
		if e, tol := math.Abs(energy(X)/(float64(n)*energy(x))-1), 2*fft64RMSPerLog2*log2n(n); !(e <= tol) {
			t.Errorf("Plan64 n=%d: Parseval relative error %.3g > %.3g", n, e, tol)
		}
		if e, tol := math.Abs(energy(toC128(X32))/(float64(n)*energy(toC128(x32)))-1), 2*fft32RMSPerLog2*log2n(n); !(e <= tol) {
			t.Errorf("Plan32 n=%d: Parseval relative error %.3g > %.3g", n, e, tol)
		}
	}
}

func TestInverseUndoesForwardForEveryPlanType(t *testing.T) {
	rng := rand.New(rand.NewPCG(35, 36))
	for _, n := range propertyLengths {
		tol64, tol32 := fft64RMSPerLog2*log2n(n), fft32RMSPerLog2*log2n(n)
		x := randComplex128(rng, n)
		p64, _ := NewPlan64(n)
		y := append([]complex128(nil), x...)
		p64.Forward(y, y)
		p64.Inverse(y, y)
		if e := relRMS(y, x); !(e <= tol64) {
			t.Errorf("Plan64 n=%d: relative RMS %.3g > %.3g", n, e, tol64)
		}
		p32, _ := NewPlan32(n)
		x32 := toC64(x)
		y32 := append([]complex64(nil), x32...)
		p32.Forward(y32, y32)
		p32.Inverse(y32, y32)
		if e := relRMS(y32, toC128(x32)); !(e <= tol32) {
			t.Errorf("Plan32 n=%d: relative RMS %.3g > %.3g", n, e, tol32)
		}
		r := randFloat64(rng, n)
		rp64, _ := NewRealPlan64(n)
		spec := make([]complex128, n/2+1)
		back := make([]float64, n)
		rp64.Forward(spec, r)
		rp64.Inverse(back, spec)
		if e := relRMSReal(back, r); !(e <= tol64) {
			t.Errorf("RealPlan64 n=%d: relative RMS %.3g > %.3g", n, e, tol64)
		}
		r32 := toF32(r)
		rp32, _ := NewRealPlan32(n)
		spec32 := make([]complex64, n/2+1)
		back32 := make([]float32, n)
		rp32.Forward(spec32, r32)
		rp32.Inverse(back32, spec32)
		if e := relRMSReal(back32, toF64(r32)); !(e <= tol32) {
			t.Errorf("RealPlan32 n=%d: relative RMS %.3g > %.3g", n, e, tol32)
		}
	}
}

func TestRealPlansAgreeWithComplexPlans(t *testing.T) {
	rng := rand.New(rand.NewPCG(37, 38))
	for _, n := range propertyLengths {
		r := randFloat64(rng, n)
		p, _ := NewPlan64(n)
		full := make([]complex128, n)
		p.Forward(full, realToComplex(r))
		rp, _ := NewRealPlan64(n)
		bins := make([]complex128, n/2+1)
		rp.Forward(bins, r)
		if e, tol := relRMS(bins, full[:n/2+1]), fft64RMSPerLog2*log2n(n); !(e <= tol) {
			t.Errorf("n=%d: RealPlan64 vs Plan64 relative RMS %.3g > %.3g", n, e, tol)
		}
		// The full spectrum of a real signal is Hermitian: the complex
		// inverse of the extended bins is real and equals the signal.
		back := make([]complex128, n)
		p.Inverse(back, hermitian(bins, n))
		if e, tol := relRMS(back, realToComplex(r)), fft64RMSPerLog2*log2n(n); !(e <= tol) {
			t.Errorf("n=%d: Plan64.Inverse of the Hermitian extension vs the signal: relative RMS %.3g > %.3g", n, e, tol)
		}
	}
}

type convShape struct{ batch, channels, seqLen, kernelLen int }

func (s convShape) String() string {
	return fmt.Sprintf("b%d_h%d_L%d_K%d", s.batch, s.channels, s.seqLen, s.kernelLen)
}

// randomConvShapes: fixed corner cases (seqLen 1, kernelLen 1 and =
// seqLen) and random shapes.
func randomConvShapes(rng *rand.Rand) []convShape {
	shapes := []convShape{
		{1, 1, 1, 1}, {3, 2, 1, 1}, {1, 3, 7, 1}, {2, 3, 7, 7}, {1, 1, 300, 300},
		{1, 2, 257, 1}, {2, 1, 1000, 999}, {1, 4, 1024, 1024},
	}
	for range 12 {
		seqLen := 1 + rng.IntN(600)
		shapes = append(shapes, convShape{1 + rng.IntN(3), 1 + rng.IntN(5), seqLen, 1 + rng.IntN(seqLen)})
	}
	return shapes
}

func TestConvFFTEqualsDirectSumOverRandomShapesAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(39, 40))
	shapes := randomConvShapes(rng)
	asmtest.ForEachLevel(t, func(t *testing.T, _ asm.Level) {
		for _, s := range shapes {
			u := randFloat64(rng, s.batch*s.channels*s.seqLen)
			k := randFloat64(rng, s.channels*s.kernelLen)
			d := randFloat64(rng, s.channels)
			u32, k32, d32 := toF32(u), toF32(k), toF32(d)
			for _, dd := range []bool{false, true} {
				want := make([]float64, len(u))
				want32 := make([]float64, len(u))
				var d64, d32w []float64
				var d32in []float32
				if dd {
					d64, d32w, d32in = d, toF64(d32), d32
				}
				generic.ConvDirect(want, u, k, d64, s.channels, s.seqLen)
				generic.ConvDirect(want32, toF64(u32), toF64(k32), d32w, s.channels, s.seqLen)
				for _, mode := range []convMode{convAuto, convDirect, convFFT} {
					c64, err := newConvPlan("NewConv64", s.channels, s.seqLen, k, mode)
					if err != nil {
						t.Fatal(err)
					}
					got := make([]float64, len(u))
					if err := c64.apply("Conv64.Apply", got, u, d64); err != nil {
						t.Fatal(err)
					}
					if e := normwise(got, want); !(e <= conv64Tol) {
						t.Errorf("%v d=%v mode %d: Conv64 normwise error %.3g > %g", s, dd, mode, e, conv64Tol)
					}
					c32, err := newConvPlan("NewConv32", s.channels, s.seqLen, k32, mode)
					if err != nil {
						t.Fatal(err)
					}
					got32 := append([]float32(nil), u32...)
					if err := c32.apply("Conv32.Apply", got32, got32, d32in); err != nil {
						t.Fatal(err)
					}
					if e := normwise(toF64(got32), want32); !(e <= conv32Tol) {
						t.Errorf("%v d=%v mode %d: Conv32 normwise error %.3g > %g", s, dd, mode, e, conv32Tol)
					}
				}
			}
		}
	})
}

func TestConvNeverWrapsRound(t *testing.T) {
	// An impulse at the last step must not leak into the first outputs:
	// with a circular product of length < seqLen+K−1 it would.
	for _, s := range []convShape{{1, 1, 8, 8}, {1, 1, 1000, 1000}, {1, 1, 999, 500}} {
		k := make([]float64, s.kernelLen)
		for i := range k {
			k[i] = 1
		}
		c, err := newConvPlan("NewConv64", 1, s.seqLen, k, convFFT)
		if err != nil {
			t.Fatal(err)
		}
		u := make([]float64, s.seqLen)
		u[s.seqLen-1] = 1
		y := make([]float64, s.seqLen)
		c.apply("Conv64.Apply", y, u, nil)
		for l := 0; l < s.seqLen-1; l++ {
			if math.Abs(y[l]) > conv64Tol {
				t.Fatalf("%v: y[%d] = %g, want 0 (circular wrap-around)", s, l, y[l])
			}
		}
		if math.Abs(y[s.seqLen-1]-1) > conv64Tol {
			t.Fatalf("%v: y[last] = %g, want 1", s, y[s.seqLen-1])
		}
	}
}

// TestConv32NeverWrapsRound is TestConvNeverWrapsRound for Conv32 at
// every level (the float32 pipeline pads to its own power-of-two length).
func TestConv32NeverWrapsRound(t *testing.T) {
	asmtest.ForEachLevel(t, func(t *testing.T, _ asm.Level) {
		for _, s := range []convShape{{1, 1, 8, 8}, {1, 1, 1000, 1000}, {1, 1, 999, 500}, {1, 1, 1024, 1025 - 64}} {
			k := make([]float32, s.kernelLen)
			for i := range k {
				k[i] = 1
			}
			c, err := newConvPlan("NewConv32", 1, s.seqLen, k, convFFT)
			if err != nil {
				t.Fatal(err)
			}
			u := make([]float32, s.seqLen)
			u[s.seqLen-1] = 1
			y := make([]float32, s.seqLen)
			c.apply("Conv32.Apply", y, u, nil)
			for l := 0; l < s.seqLen-1; l++ {
				if math.Abs(float64(y[l])) > conv32Tol {
					t.Fatalf("%v: y[%d] = %g, want 0 (circular wrap-around)", s, l, y[l])
				}
			}
			if math.Abs(float64(y[s.seqLen-1])-1) > conv32Tol {
				t.Fatalf("%v: y[last] = %g, want 1", s, y[s.seqLen-1])
			}
		}
	})
}

func normwise(got, want []float64) float64 {
	var maxDiff, maxWant float64
	for i := range want {
		maxDiff = math.Max(maxDiff, math.Abs(got[i]-want[i]))
		maxWant = math.Max(maxWant, math.Abs(want[i]))
	}
	if maxWant == 0 {
		return maxDiff
	}
	return maxDiff / maxWant
}

func TestConvChoosesDirectSumOnlyForShortKernels(t *testing.T) {
	for _, c := range []struct {
		seqLen, kernelLen int
		direct            bool
	}{{1, 1, true}, {64, 8, true}, {64, 16, true}, {1024, 8, true}, {1024, 64, false}, {4096, 4096, false}, {64, 64, false}, {256, 64, false}} {
		if got := directIsFaster(c.seqLen, c.kernelLen); got != c.direct {
			t.Errorf("seqLen %d kernelLen %d: directIsFaster = %v, want %v", c.seqLen, c.kernelLen, got, c.direct)
		}
	}
	// With the float32 assembly (the measured crossovers of
	// directIsFasterSIMD's doc).
	for _, c := range []struct {
		seqLen, kernelLen int
		direct            bool
	}{{1, 1, true}, {64, 64, true}, {256, 64, true}, {256, 128, false}, {1024, 64, true}, {1024, 128, false}, {4096, 64, true}, {4096, 128, false}, {4096, 4096, false}} {
		if got := directIsFasterSIMD(c.seqLen, c.kernelLen); got != c.direct {
			t.Errorf("seqLen %d kernelLen %d: directIsFasterSIMD = %v, want %v", c.seqLen, c.kernelLen, got, c.direct)
		}
	}
}
