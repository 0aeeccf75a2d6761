package generic

import (
	"math"
	"math/rand/v2"
	"testing"
)

// fft64Tol is the relative RMS error allowed to a float64 FFT per log2(n):
// the design's bound, some 30× above what a Stockham FFT with exact
// twiddles shows (≈ 2⁻⁵³·√log2 n).
const fft64Tol = 1e-14

// rootTol bounds |root(k) − e^{−2πik/n}| against math.Sincos of the
// unreduced angle 2π·k/n < 2π: that reference's three roundings of an
// angle up to 2π cost up to ~3·ulp(2π) ≈ 2.7e-15, the root itself ~1e-16.
const rootTol = 3e-15

// unitModulusTol bounds ||root(k)| − 1|: cos and sin of a reduced angle
// are each within 1 ulp.
const unitModulusTol = 4e-16

func fftRandomComplex(rng *rand.Rand, n int) []complex128 {
	x := make([]complex128, n)
	for i := range x {
		x[i] = complex(rng.NormFloat64(), rng.NormFloat64())
	}
	return x
}

func fftRandomReal(rng *rand.Rand, n int) []float64 {
	x := make([]float64, n)
	for i := range x {
		x[i] = rng.NormFloat64()
	}
	return x
}

// fftRelRMS is sqrt(Σ|got−want|² / Σ|want|²).
func fftRelRMS(got, want []complex128) float64 {
	var num, den float64
	for i := range want {
		d := got[i] - want[i]
		num += real(d)*real(d) + imag(d)*imag(d)
		den += real(want[i])*real(want[i]) + imag(want[i])*imag(want[i])
	}
	if den == 0 {
		return math.Sqrt(num)
	}
	return math.Sqrt(num / den)
}

func fftLog2(n int) float64 { return max(1, math.Log2(float64(n))) }

// fftTestLengths is every n ≤ 64, primes (Bluestein), and 2^a·3^b·5^c·7^d mixes.
func fftTestLengths() []int {
	var ns []int
	for n := 1; n <= 64; n++ {
		ns = append(ns, n)
	}
	return append(ns, 97, 101, 120, 125, 128, 243, 343, 360, 625, 1000, 1009, 1024, 1029, 1536, 2048, 2401)
}

func TestFFTMatchesDFTForEveryLengthUpTo64PrimesAndMixedRadices(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range fftTestLengths() {
		p, err := NewFFTPlan(n)
		if err != nil {
			t.Fatal(err)
		}
		x := fftRandomComplex(rng, n)
		scratch := make([]complex128, p.ScratchLen())
		for _, inverse := range []bool{false, true} {
			want := make([]complex128, n)
			DFT(want, x, inverse)
			got := make([]complex128, n)
			p.Transform(got, x, scratch, inverse)
			if e := fftRelRMS(got, want); e > fft64Tol*fftLog2(n) {
				t.Errorf("n=%d inverse=%v bluestein=%v: relative RMS error %.3g vs DFT", n, inverse, p.Bluestein(), e)
			}
			inPlace := append([]complex128(nil), x...)
			p.Transform(inPlace, inPlace, scratch, inverse)
			for i := range got {
				if inPlace[i] != got[i] {
					t.Fatalf("n=%d inverse=%v: in-place result differs from out-of-place at %d", n, inverse, i)
				}
			}
		}
	}
}

func TestMixedRadixMatchesBluesteinOnLargeSmoothLengths(t *testing.T) {
	ns := []int{1 << 10, 3 * 5 * 5 * 64, 1 << 14}
	if !testing.Short() {
		ns = append(ns, 1<<17, 3*3*5*1024)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range ns {
		mixed, _ := NewFFTPlan(n)
		blue := newBluesteinPlan(n)
		if mixed.Bluestein() {
			t.Fatalf("n=%d: want a mixed-radix plan", n)
		}
		x := fftRandomComplex(rng, n)
		a, b := make([]complex128, n), make([]complex128, n)
		mixed.Transform(a, x, make([]complex128, mixed.ScratchLen()), false)
		blue.Transform(b, x, make([]complex128, blue.ScratchLen()), false)
		if e := fftRelRMS(a, b); e > fft64Tol*fftLog2(n) {
			t.Errorf("n=%d: mixed radix and Bluestein differ by relative RMS %.3g", n, e)
		}
	}
}

func TestRootTableMatchesSincosOfTheExactAngle(t *testing.T) {
	for _, n := range []int{1, 2, 3, 5, 6, 7, 8, 12, 60, 97, 1000, 1024, 4096, 2 * 1009} {
		r := newRootTable(n)
		for k := -n; k < 2*n; k++ {
			s, c := math.Sincos(2 * math.Pi * float64((k%n+n)%n) / float64(n))
			got := r.root(k)
			if math.Abs(real(got)-c) > rootTol || math.Abs(imag(got)+s) > rootTol {
				t.Fatalf("n=%d k=%d: root = %v, want %v", n, k, got, complex(c, -s))
			}
		}
		for k := range n {
			if d := math.Abs(math.Hypot(real(r.root(k)), imag(r.root(k))) - 1); d > unitModulusTol {
				t.Fatalf("n=%d k=%d: |root| − 1 = %.3g", n, k, d)
			}
		}
		// The reduction makes symmetric roots exactly symmetric.
		for k := 1; k < n; k++ {
			if r.root(n-k) != conj(r.root(k)) {
				t.Fatalf("n=%d k=%d: root(n−k) = %v, not conj(root(k)) = %v", n, k, r.root(n-k), conj(r.root(k)))
			}
		}
	}
}

func TestRealFFTMatchesComplexFFTAndIgnoresImaginaryDCAndNyquist(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	ns := append(fftTestLengths(), 4096, 3000)
	for _, n := range ns {
		rp, err := NewRealFFTPlan(n)
		if err != nil {
			t.Fatal(err)
		}
		cp, _ := NewFFTPlan(n)
		x := fftRandomReal(rng, n)
		xc := make([]complex128, n)
		for i, v := range x {
			xc[i] = complex(v, 0)
		}
		want := make([]complex128, n)
		cp.Transform(want, xc, make([]complex128, cp.ScratchLen()), false)
		got := make([]complex128, rp.Bins())
		scratch := make([]complex128, rp.ScratchLen())
		rp.Forward(got, x, scratch)
		if e := fftRelRMS(got, want[:rp.Bins()]); e > fft64Tol*fftLog2(n) {
			t.Errorf("n=%d: real FFT differs from complex FFT by relative RMS %.3g", n, e)
		}
		// Spoil Im X[0] and Im X[n/2]: the inverse must not see them.
		spec := append([]complex128(nil), got...)
		spec[0] += 7i
		if n%2 == 0 {
			spec[n/2] -= 3i
		}
		back := make([]float64, n)
		rp.Inverse(back, spec, scratch)
		var num, den float64
		for i := range x {
			num += (back[i] - x[i]) * (back[i] - x[i])
			den += x[i] * x[i]
		}
		if e := math.Sqrt(num / den); e > fft64Tol*fftLog2(n) {
			t.Errorf("n=%d: real inverse∘forward differs from identity by relative RMS %.3g", n, e)
		}
	}
}

func TestDFTInverseUndoesForward(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for _, n := range []int{1, 2, 7, 30, 101} {
		x := fftRandomComplex(rng, n)
		X, back := make([]complex128, n), make([]complex128, n)
		DFT(X, x, false)
		DFT(back, X, true)
		if e := fftRelRMS(back, x); e > fft64Tol*fftLog2(n) {
			t.Errorf("n=%d: DFT inverse∘forward relative RMS %.3g", n, e)
		}
	}
}

func TestNewFFTPlanRejectsBadLengths(t *testing.T) {
	for _, n := range []int{0, -1, MaxFFTLen + 1} {
		if _, err := NewFFTPlan(n); err == nil {
			t.Errorf("NewFFTPlan(%d): no error", n)
		}
		if _, err := NewRealFFTPlan(n); err == nil {
			t.Errorf("NewRealFFTPlan(%d): no error", n)
		}
	}
}

func TestRootStepsEqualRoot(t *testing.T) {
	for _, n := range []int{1, 2, 3, 5, 8, 12, 60, 97, 1024, 2018} {
		r := newRootTable(n)
		for _, step := range []int{1, 2, 3, n / 4, n / 3, n - 1, 3 * n / 4, 2*n + 1} {
			it := r.steps(step)
			for i := range 2 * n {
				if w := it.next(); w != r.root(i*step) {
					t.Fatalf("n=%d step=%d i=%d: steps gives %v, root %v", n, step, i, w, r.root(i*step))
				}
			}
		}
	}
}

func TestRootCircleEqualsRoot(t *testing.T) {
	for _, n := range []int{8, 16, 24, 40, 1000, 1024, 4096} {
		r := newRootTable(n)
		w := r.circle()
		for k := range w {
			if w[k] != r.root(k) {
				t.Fatalf("n=%d k=%d: circle gives %v, root %v", n, k, w[k], r.root(k))
			}
		}
	}
}
