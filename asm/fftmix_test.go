//go:build gc && !purego && (amd64 || arm64)

package asm_test

import (
	"fmt"
	"math"
	"math/cmplx"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
	"github.com/ssmkern/ssmkern/generic"
)

// Tolerances of one mixed-radix stage against the stand-in (float64
// arithmetic on the same rounded inputs and twiddles), relative to
// p·s·max|x|, the bound on an output's magnitude: a twiddle product
// rounds twice, the radix-5 butterfly's longest path (b, m, e, y) four
// times more, and its constants are rounded too — eight roundings of the
// element type leave a margin of about two.
const (
	mixStageTol32 = 8.0 / (1 << 24)
	mixStageTol64 = 8.0 / (1 << 53)
)

// mixKernel is one element type's wide kernel, its stand-in and its
// rounding, for checkMixedWide.
type mixKernel[T complex64 | complex128, F float32 | float64] struct {
	name   string
	tol    float64
	values func(asm.Level) int
	run    func(l asm.Level, p int, out, in []T, tw []F, ls int, s F, inverse bool)
	ref    func(p int, out, in []T, w func(i int) complex128, ls int, s float64, inverse bool)
	guard  func(testing.TB, []T) []T
	guardF func(testing.TB, []F) []F
}

var (
	mixKernel64 = mixKernel[complex64, float32]{
		name: "c64", tol: mixStageTol32, values: asm.FFTValues,
		run: asm.FFTMixedWideForTest, ref: asm.MixedStageGo[complex64],
		guard: asmtest.GuardedComplex64, guardF: asmtest.GuardedFloat32,
	}
	mixKernel128 = mixKernel[complex128, float64]{
		name: "c128", tol: mixStageTol64, values: asm.FFT64Values,
		run: asm.FFT64MixedWideForTest, ref: asm.MixedStageGo[complex128],
		guard: asmtest.GuardedComplex128, guardF: asmtest.GuardedFloat64,
	}
)

// mixShapes returns the (ls, r) of the test: every r up to two vectors
// and one value (every tail, with and without whole vectors), a few long
// ones, under each ls; -short keeps the long r to small ls.
func mixShapes(values int) [][2]int {
	var shapes [][2]int
	for _, ls := range []int{1, 2, 3, 5, 8, 25, 40} {
		for r := 1; r <= 2*values+1; r++ {
			shapes = append(shapes, [2]int{ls, r})
		}
		for _, r := range []int{64, 100, 200, 375} {
			if testing.Short() && ls > 8 {
				continue
			}
			shapes = append(shapes, [2]int{ls, r})
		}
	}
	return shapes
}

// mixTwiddles returns the j-major table of the wide form, ω_L^{q·j} of the
// forward transform rounded to F, and the rounded values as complex128
// for the stand-in.
func mixTwiddles[F float32 | float64](p, ls int) ([]F, []complex128) {
	tw := make([]F, 2*(p-1)*ls)
	w := make([]complex128, (p-1)*ls)
	for j := range ls {
		for q := 1; q < p; q++ {
			sin, cos := math.Sincos(-2 * math.Pi * float64(q*j) / float64(p*ls))
			i := j*(p-1) + q - 1
			tw[2*i], tw[2*i+1] = F(cos), F(sin)
			w[i] = complex(float64(tw[2*i]), float64(tw[2*i+1]))
		}
	}
	return tw, w
}

// checkMixedWide runs the wide kernel of level l on every shape of
// mixShapes, both directions, s = 1 and (ls = 1) s = 1/n, with in, out
// and the table flush against guard pages, against the stand-in.
func checkMixedWide[T complex64 | complex128, F float32 | float64](t *testing.T, l asm.Level, k mixKernel[T, F], p int) {
	rng := rand.New(rand.NewPCG(uint64(p), 99))
	worst := 0.0
	for _, sh := range mixShapes(k.values(l)) {
		ls, r := sh[0], sh[1]
		n := p * ls * r
		src := make([]T, n)
		for i := range src {
			src[i] = T(complex(rng.NormFloat64(), rng.NormFloat64()))
		}
		in := k.guard(t, src)
		out := k.guard(t, make([]T, n))
		tw0, w := mixTwiddles[F](p, ls)
		tw := k.guardF(t, tw0)
		want := make([]T, n)
		scales := []float64{1}
		if ls == 1 {
			scales = append(scales, float64(F(1/float64(n))))
		}
		for _, s := range scales {
			for _, inverse := range []bool{false, true} {
				for i := range out {
					out[i] = T(complex(math.NaN(), math.NaN()))
				}
				k.run(l, p, out, in, tw, ls, F(s), inverse)
				k.ref(p, want, in, func(i int) complex128 { return w[i] }, ls, s, inverse)
				bound := 0.0
				for _, x := range in {
					bound = max(bound, cmplx.Abs(complex128(x)))
				}
				bound *= float64(p) * s
				for i := range want {
					e := cmplx.Abs(complex128(out[i]) - complex128(want[i]))
					if !(e <= k.tol*bound) {
						t.Fatalf("p=%d ls=%d r=%d s=%g inverse=%v: out[%d] = %v, want %v (error %.3g of bound %.3g)",
							p, ls, r, s, inverse, i, out[i], want[i], e/bound, k.tol)
					}
					worst = max(worst, e/bound/k.tol)
				}
				for i := range in {
					if in[i] != src[i] {
						t.Fatalf("p=%d ls=%d r=%d: in[%d] changed", p, ls, r, i)
					}
				}
			}
		}
	}
	t.Logf("worst error: %.2f of the tolerance", worst)
}

// mixRadices returns the radices level l has stages of: 2 … 5, and 8
// where it has the kernel (amd64, not NEON).
func mixRadices(l asm.Level) []int {
	ps := []int{2, 3, 4, 5}
	if asm.FFTMixedSupported(l, 8, 1, 1) {
		ps = append(ps, 8)
	}
	return ps
}

// TestFFTMixedRadix8Levels checks which levels report radix 8: AVX2 and
// AVX-512, not NEON (whose generator builds radix 2 … 5).
func TestFFTMixedRadix8Levels(t *testing.T) {
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		want := l == asm.AVX2 || l == asm.AVX512
		for _, sh := range [][2]int{{1, 1}, {3, 64}, {125, 4}, {192, 1}} {
			if got := asm.FFTMixedSupported(l, 8, sh[0], sh[1]); got != want {
				t.Errorf("FFTMixedSupported(%v, 8, %d, %d) = %v, want %v", l, sh[0], sh[1], got, want)
			}
			if got := asm.FFT64MixedSupported(l, 8, sh[0], sh[1]); got != want {
				t.Errorf("FFT64MixedSupported(%v, 8, %d, %d) = %v, want %v", l, sh[0], sh[1], got, want)
			}
		}
		for _, p := range []int{6, 7, 9, 16} {
			if asm.FFTMixedSupported(l, p, 1, 1) || asm.FFT64MixedSupported(l, p, 1, 1) {
				t.Errorf("%v reports radix %d", l, p)
			}
		}
	})
}

// TestFFTMixedWideMatchesStandInAtEveryLevel checks every wide kernel
// (radix 2, 3, 4, 5 and 8, complex64 and complex128, both directions)
// against MixedStageGo at every level that has them.
func TestFFTMixedWideMatchesStandInAtEveryLevel(t *testing.T) {
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if !asm.FFTMixedSupported(l, 2, 1, 1) {
			t.Skip("no mixed-radix kernels at this level")
		}
		for _, p := range mixRadices(l) {
			t.Run(fmt.Sprintf("c64/p%d", p), func(t *testing.T) { checkMixedWide(t, l, mixKernel64, p) })
			t.Run(fmt.Sprintf("c128/p%d", p), func(t *testing.T) { checkMixedWide(t, l, mixKernel128, p) })
		}
	})
}

// mixPublic is one element type's public stage entry points, for
// checkMixedStage.
type mixPublic[T complex64 | complex128, F float32 | float64] struct {
	k        mixKernel[T, F]
	twLen    func(l asm.Level, p, ls, r int) int
	twiddles func(l asm.Level, p, ls, r int, w func(q, j int) complex128, tw []F)
	stage    func(l asm.Level, p int, out, in []T, tw []F, ls int, s F, inverse bool)
	grouped  func(l asm.Level, p, ls, r int) bool
}

var (
	mixPublic64 = mixPublic[complex64, float32]{
		k: mixKernel64, twLen: asm.FFTMixedTwiddleLen, twiddles: asm.FFTMixedTwiddles,
		stage: asm.FFTMixedStage, grouped: asm.FFTMixedGroupedForTest,
	}
	mixPublic128 = mixPublic[complex128, float64]{
		k: mixKernel128, twLen: asm.FFT64MixedTwiddleLen, twiddles: asm.FFT64MixedTwiddles,
		stage: asm.FFT64MixedStage, grouped: func(asm.Level, int, int, int) bool { return false },
	}
)

// checkMixedStage runs the public stage of level l, with the table its
// FFTMixedTwiddles builds (whichever form the shape takes: wide, grouped
// or narrow), on guard pages, both directions, against the stand-in, for
// every r up to a vector and a few more, under every ls up to 9 (every
// remainder of ls by the j per grouped vector) and some long ones; it
// returns how many shapes ran the grouped kernel.
func checkMixedStage[T complex64 | complex128, F float32 | float64](t *testing.T, l asm.Level, m mixPublic[T, F], p int) (grouped int) {
	rng := rand.New(rand.NewPCG(uint64(p), 77))
	for _, ls := range []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 16, 25, 40, 125} {
		for _, r := range []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 16} {
			if !asm.FFTMixedSupported(l, p, ls, r) {
				t.Fatalf("p=%d ls=%d r=%d unsupported", p, ls, r)
			}
			if m.grouped(l, p, ls, r) {
				grouped++
			}
			n := p * ls * r
			src := make([]T, n)
			for i := range src {
				src[i] = T(complex(rng.NormFloat64(), rng.NormFloat64()))
			}
			in := m.k.guard(t, src)
			out := m.k.guard(t, make([]T, n))
			tw := make([]F, m.twLen(l, p, ls, r))
			m.twiddles(l, p, ls, r, func(q, j int) complex128 {
				sin, cos := math.Sincos(-2 * math.Pi * float64(q*j) / float64(p*ls))
				return complex(cos, sin)
			}, tw)
			tw = m.k.guardF(t, tw)
			_, w := mixTwiddles[F](p, ls)
			want := make([]T, n)
			bound := 0.0
			for _, x := range in {
				bound = max(bound, cmplx.Abs(complex128(x)))
			}
			bound *= float64(p)
			for _, inverse := range []bool{false, true} {
				for i := range out {
					out[i] = T(complex(math.NaN(), math.NaN()))
				}
				m.stage(l, p, out, in, tw, ls, 1, inverse)
				m.k.ref(p, want, in, func(i int) complex128 { return w[i] }, ls, 1, inverse)
				for i := range want {
					if e := cmplx.Abs(complex128(out[i]) - complex128(want[i])); !(e <= m.k.tol*bound) {
						t.Fatalf("p=%d ls=%d r=%d inverse=%v: out[%d] = %v, want %v (error %.3g of bound %.3g)",
							p, ls, r, inverse, i, out[i], want[i], e/bound, m.k.tol)
					}
				}
			}
		}
	}
	return grouped
}

// TestFFTMixedStageMatchesStandInAtEveryLevel runs the public entry
// points (wide, grouped and narrow forms, as the level dispatches them)
// against MixedStageGo, and checks that the grouped kernels (complex64,
// amd64) were among them.
func TestFFTMixedStageMatchesStandInAtEveryLevel(t *testing.T) {
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if !asm.FFTMixedSupported(l, 2, 1, 1) {
			t.Skip("no mixed-radix kernels at this level")
		}
		for _, p := range mixRadices(l) {
			t.Run(fmt.Sprintf("c64/p%d", p), func(t *testing.T) {
				// Only amd64 has the grouped form (NEON runs r = 2 over j).
				if checkMixedStage(t, l, mixPublic64, p) == 0 && l != asm.NEON {
					t.Error("no shape ran a grouped kernel")
				}
			})
			t.Run(fmt.Sprintf("c128/p%d", p), func(t *testing.T) {
				checkMixedStage(t, l, mixPublic128, p)
			})
		}
	})
}

// TestFFTMixedStageAllocatesNothing runs each form of the stage (wide,
// grouped, and r = 1) through the public entry points under
// testing.AllocsPerRun.
func TestFFTMixedStageAllocatesNothing(t *testing.T) {
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if !asm.FFTMixedSupported(l, 2, 1, 1) {
			t.Skip("no mixed-radix kernels at this level")
		}
		for _, sh := range [][3]int{{5, 4, 30}, {3, 25, 2}, {4, 5, 1}, {8, 3, 20}, {8, 25, 2}, {8, 1, 7}, {8, 5, 1}} {
			p, ls, r := sh[0], sh[1], sh[2]
			if !asm.FFTMixedSupported(l, p, ls, r) {
				continue
			}
			n := p * ls * r
			w := func(q, j int) complex128 { return cmplx.Rect(1, -2*math.Pi*float64(q*j)/float64(p*ls)) }
			tw := make([]float32, asm.FFTMixedTwiddleLen(l, p, ls, r))
			asm.FFTMixedTwiddles(l, p, ls, r, w, tw)
			tw64 := make([]float64, asm.FFT64MixedTwiddleLen(l, p, ls, r))
			asm.FFT64MixedTwiddles(l, p, ls, r, w, tw64)
			in, out := make([]complex64, n), make([]complex64, n)
			in64, out64 := make([]complex128, n), make([]complex128, n)
			if a := testing.AllocsPerRun(20, func() {
				asm.FFTMixedStage(l, p, out, in, tw, ls, 1, false)
				asm.FFT64MixedStage(l, p, out64, in64, tw64, ls, 1, true)
			}); a != 0 {
				t.Errorf("p=%d ls=%d r=%d: %v allocations per call", p, ls, r, a)
			}
		}
	})
}

// TestFFTMixedStagesComposeToDFT chains the public stages into whole
// transforms (the radices in several orders, so that the grouped, wide
// and r = 1 forms all take part) and checks them against the DFT in
// float64: relative RMS error within the design's 1e-6·log2 n (complex64)
// and 1e-14·log2 n (complex128), the inverse with its 1/n as the first
// stage's s.
func TestFFTMixedStagesComposeToDFT(t *testing.T) {
	plans := [][]int{{5, 5, 5, 4, 2}, {2, 4, 5, 5, 5}, {3, 5, 2}, {4, 3, 2, 5, 5}, {2, 3}, {5, 3, 4, 5, 2, 5},
		{5, 5, 5, 5, 5}, {3, 3, 3, 3, 3, 3, 3}, {5, 3, 5, 3, 4, 2}, {3, 5, 5, 4}, {5, 4, 2}, {4, 3, 5},
		{3, 8, 8, 8}, {5, 5, 5, 8, 4}, {8, 5, 3}, {8, 8, 3, 5, 5}, {2, 8, 5}, {5, 3, 8}, {8, 2}, {5, 5, 5, 8, 2}, {8, 8, 8, 8}}
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if !asm.FFTMixedSupported(l, 2, 1, 1) {
			t.Skip("no mixed-radix kernels at this level")
		}
		rng := rand.New(rand.NewPCG(3, 4))
		for _, radices := range plans {
			if slices.Contains(radices, 8) && !asm.FFTMixedSupported(l, 8, 1, 1) {
				continue
			}
			n := 1
			for _, p := range radices {
				n *= p
			}
			x := make([]complex128, n)
			for i := range x {
				x[i] = complex(rng.NormFloat64(), rng.NormFloat64())
			}
			for _, inverse := range []bool{false, true} {
				want := make([]complex128, n)
				generic.DFT(want, x, inverse)
				a, b := make([]complex64, n), make([]complex64, n)
				a64, b64 := make([]complex128, n), make([]complex128, n)
				for i, v := range x {
					a[i], a64[i] = complex64(v), v
				}
				ls := 1
				for _, p := range radices {
					r := n / (p * ls)
					L := p * ls
					w := func(q, j int) complex128 { return cmplx.Rect(1, -2*math.Pi*float64(q*j)/float64(L)) }
					tw := make([]float32, asm.FFTMixedTwiddleLen(l, p, ls, r))
					asm.FFTMixedTwiddles(l, p, ls, r, w, tw)
					tw64 := make([]float64, asm.FFT64MixedTwiddleLen(l, p, ls, r))
					asm.FFT64MixedTwiddles(l, p, ls, r, w, tw64)
					s := 1.0
					if inverse && ls == 1 {
						s = 1 / float64(n)
					}
					asm.FFTMixedStage(l, p, b, a, tw, ls, float32(s), inverse)
					asm.FFT64MixedStage(l, p, b64, a64, tw64, ls, s, inverse)
					a, b, a64, b64 = b, a, b64, a64
					ls *= p
				}
				logn := math.Log2(float64(n))
				if e := mixRelRMS(widen128(a), want); !(e <= 1e-6*logn) {
					t.Errorf("c64 %v inverse=%v: relative RMS error %.3g", radices, inverse, e)
				}
				if e := mixRelRMS(a64, want); !(e <= 1e-14*logn) {
					t.Errorf("c128 %v inverse=%v: relative RMS error %.3g", radices, inverse, e)
				}
			}
		}
	})
}

// mixRelRMS is ‖got − want‖ / ‖want‖.
func mixRelRMS(got, want []complex128) float64 {
	var num, den float64
	for i := range want {
		d := got[i] - want[i]
		num += real(d)*real(d) + imag(d)*imag(d)
		den += real(want[i])*real(want[i]) + imag(want[i])*imag(want[i])
	}
	return math.Sqrt(num / den)
}
