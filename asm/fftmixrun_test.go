//go:build gc && !purego && (amd64 || arm64)

package asm_test

import (
	"fmt"
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
)

// mixRunAPI is one element type's checked stage and prepared chain, for
// checkMixedRun.
type mixRunAPI[T complex64 | complex128, F float32 | float64, S any] struct {
	twLen    func(l asm.Level, p, ls, r int) int
	twiddles func(l asm.Level, p, ls, r int, w func(q, j int) complex128, tw []F)
	stage    func(l asm.Level, p int, out, in []T, tw []F, ls int, s F, inverse bool)
	step     func(l asm.Level, p, ls, r int) (S, bool)
	run      func(steps []S, dst, src, work []T, tw []F, s F, inverse bool)
}

var (
	mixRun64 = mixRunAPI[complex64, float32, asm.FFTMixedStep]{
		asm.FFTMixedTwiddleLen, asm.FFTMixedTwiddles, asm.FFTMixedStage, asm.NewFFTMixedStep, asm.FFTMixedRun,
	}
	mixRun128 = mixRunAPI[complex128, float64, asm.FFT64MixedStep]{
		asm.FFT64MixedTwiddleLen, asm.FFT64MixedTwiddles, asm.FFT64MixedStage, asm.NewFFT64MixedStep, asm.FFT64MixedRun,
	}
)

// checkMixedRun builds the chain of radices at level l both ways — the
// prepared steps through one FFTMixedRun call, and one FFTMixedStage call
// per stage into fresh buffers — and requires the same bits, forward and
// inverse (with a first-stage scale), out of place and in place.
func checkMixedRun[T complex64 | complex128, F float32 | float64, S any](t *testing.T, l asm.Level, a mixRunAPI[T, F, S], radices []int) {
	n := 1
	for _, p := range radices {
		n *= p
	}
	var tw []F
	var steps []S
	offs := []int{0}
	ls := 1
	for _, p := range radices {
		r := n / (p * ls)
		st, ok := a.step(l, p, ls, r)
		if !ok {
			t.Fatalf("%v: step p=%d ls=%d r=%d rejected", radices, p, ls, r)
		}
		steps = append(steps, st)
		k := a.twLen(l, p, ls, r)
		t0 := make([]F, k)
		a.twiddles(l, p, ls, r, func(q, j int) complex128 {
			return cmplx.Rect(1, -2*math.Pi*float64(q*j)/float64(p*ls))
		}, t0)
		tw = append(tw, t0...)
		offs = append(offs, offs[len(offs)-1]+k)
		ls *= p
	}
	rng := rand.New(rand.NewPCG(uint64(n), 5))
	src := make([]T, n)
	for i := range src {
		src[i] = T(complex(rng.NormFloat64(), rng.NormFloat64()))
	}
	for _, inverse := range []bool{false, true} {
		s := F(1)
		if inverse {
			s = F(1 / float64(n))
		}
		want := append([]T(nil), src...)
		ls := 1
		for i, p := range radices {
			next := make([]T, n)
			sc := F(1)
			if i == 0 {
				sc = s
			}
			a.stage(l, p, next, want, tw[offs[i]:offs[i+1]], ls, sc, inverse)
			want = next
			ls *= p
		}
		dst, work := make([]T, n), make([]T, n)
		a.run(steps, dst, src, work, tw, s, inverse)
		inPlace := append([]T(nil), src...)
		a.run(steps, inPlace, inPlace, work, tw, s, inverse)
		for i := range want {
			if dst[i] != want[i] || inPlace[i] != want[i] {
				t.Fatalf("%v inverse=%v: out[%d] = %v, in place %v, stage by stage %v", radices, inverse, i, dst[i], inPlace[i], want[i])
			}
		}
	}
}

// TestFFTMixedRunMatchesStages checks the prepared chains against the
// checked stages, bit for bit, at every level: single stages of every
// form (wide, with and without ovl and the AVX2-at-AVX-512 rule; grouped;
// narrow, duplicated and compact tables, radix 2 compact from ls = 683)
// and whole chains, odd and even
// counts.
func TestFFTMixedRunMatchesStages(t *testing.T) {
	chains := [][]int{{5, 3, 4}, {5, 3, 2, 4}, {5, 5, 5, 2, 4}, {3, 5, 2}, {2, 3}, {5, 3, 8}, {3, 8, 8, 8},
		{5, 5, 5, 8, 4}, {8, 5, 3}, {3, 3, 3, 3, 3, 3, 3}, {5, 4, 2}, {5, 5, 5, 5, 5}, {3, 5, 4, 4, 4, 4}}
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if !asm.FFTMixedSupported(l, 2, 1, 1) {
			t.Skip("no mixed-radix kernels at this level")
		}
		for _, p := range mixRadices(l) {
			for _, ls := range []int{1, 2, 3, 5, 8, 9, 16, 25, 125, 512, 1024} {
				for _, r := range []int{1, 2, 3, 4, 5, 6, 7, 8, 12} {
					if ls == 1 && r == 1 {
						continue // a chain of one stage: n = p
					}
					// The stage (p, ls, r) inside a chain of radices
					// that make its ls and r.
					chain := append(factor(ls), p)
					chain = append(chain, factor(r)...)
					if !chainSupported(l, chain) {
						continue
					}
					t.Run(fmt.Sprintf("p%d/ls%d/r%d", p, ls, r), func(t *testing.T) {
						checkMixedRun(t, l, mixRun64, chain)
						checkMixedRun(t, l, mixRun128, chain)
					})
				}
			}
		}
		for _, c := range chains {
			if !chainSupported(l, c) {
				continue
			}
			checkMixedRun(t, l, mixRun64, c)
			checkMixedRun(t, l, mixRun128, c)
		}
	})
}

// factor splits m into radices 2 … 5 (and 8 where m allows).
func factor(m int) []int {
	var f []int
	for _, p := range []int{5, 4, 3, 2} {
		for m%p == 0 {
			f = append(f, p)
			m /= p
		}
	}
	return f
}

// chainSupported reports whether level l has every stage of the chain.
func chainSupported(l asm.Level, radices []int) bool {
	n := 1
	for _, p := range radices {
		n *= p
	}
	ls := 1
	for _, p := range radices {
		if !asm.FFTMixedSupported(l, p, ls, n/(p*ls)) {
			return false
		}
		ls *= p
	}
	return true
}

// TestFFTMixedRunRejects checks the steps the constructors refuse and the
// shapes FFTMixedRun and FFT64MixedRun panic on.
func TestFFTMixedRunRejects(t *testing.T) {
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if !asm.FFTMixedSupported(l, 2, 1, 1) {
			if _, ok := asm.NewFFTMixedStep(l, 2, 1, 3); ok {
				t.Error("NewFFTMixedStep accepted a level without kernels")
			}
			if _, ok := asm.NewFFT64MixedStep(l, 2, 1, 3); ok {
				t.Error("NewFFT64MixedStep accepted a level without kernels")
			}
			return
		}
		for _, sh := range [][3]int{{7, 1, 2}, {1, 1, 2}, {2, 0, 2}, {2, 1, 0}, {-3, 1, 1}} {
			if _, ok := asm.NewFFTMixedStep(l, sh[0], sh[1], sh[2]); ok {
				t.Errorf("NewFFTMixedStep%v accepted", sh)
			}
			if _, ok := asm.NewFFT64MixedStep(l, sh[0], sh[1], sh[2]); ok {
				t.Errorf("NewFFT64MixedStep%v accepted", sh)
			}
		}
		// n = 15: radix 3 (ls = 1, r = 5), then radix 5 (ls = 3, r = 1).
		a, _ := asm.NewFFTMixedStep(l, 3, 1, 5)
		b, _ := asm.NewFFTMixedStep(l, 5, 3, 1)
		a64, _ := asm.NewFFT64MixedStep(l, 3, 1, 5)
		b64, _ := asm.NewFFT64MixedStep(l, 5, 3, 1)
		k := a.TwiddleLen() + b.TwiddleLen()
		k64 := a64.TwiddleLen() + b64.TwiddleLen()
		steps, steps64 := []asm.FFTMixedStep{a, b}, []asm.FFT64MixedStep{a64, b64}
		c := func(n int) []complex64 { return make([]complex64, n) }
		z := func(n int) []complex128 { return make([]complex128, n) }
		cases := []struct {
			name string
			f32  func()
			f64  func()
		}{
			{"ok", func() { asm.FFTMixedRun(steps, c(15), c(15), c(15), make([]float32, k), 1, false) },
				func() { asm.FFT64MixedRun(steps64, z(15), z(15), z(15), make([]float64, k64), 1, false) }},
			{"short dst", func() { asm.FFTMixedRun(steps, c(14), c(15), c(15), make([]float32, k), 1, false) },
				func() { asm.FFT64MixedRun(steps64, z(14), z(15), z(15), make([]float64, k64), 1, false) }},
			{"long src", func() { asm.FFTMixedRun(steps, c(15), c(16), c(15), make([]float32, k), 1, false) },
				func() { asm.FFT64MixedRun(steps64, z(15), z(16), z(15), make([]float64, k64), 1, false) }},
			{"short work", func() { asm.FFTMixedRun(steps, c(15), c(15), c(14), make([]float32, k), 1, false) },
				func() { asm.FFT64MixedRun(steps64, z(15), z(15), z(14), make([]float64, k64), 1, false) }},
			{"other n", func() { asm.FFTMixedRun(steps, c(30), c(30), c(30), make([]float32, 2*k), 1, false) },
				func() { asm.FFT64MixedRun(steps64, z(30), z(30), z(30), make([]float64, 2*k64), 1, false) }},
			{"empty", func() { asm.FFTMixedRun(steps, nil, nil, nil, make([]float32, k), 1, false) },
				func() { asm.FFT64MixedRun(steps64, nil, nil, nil, make([]float64, k64), 1, false) }},
			{"no steps", func() { asm.FFTMixedRun(nil, c(15), c(15), c(15), make([]float32, k), 1, false) },
				func() { asm.FFT64MixedRun(nil, z(15), z(15), z(15), make([]float64, k64), 1, false) }},
			{"zero step", func() { asm.FFTMixedRun([]asm.FFTMixedStep{{}, b}, c(15), c(15), c(15), make([]float32, k), 1, false) },
				func() {
					asm.FFT64MixedRun([]asm.FFT64MixedStep{{}, b64}, z(15), z(15), z(15), make([]float64, k64), 1, false)
				}},
			{"short table", func() { asm.FFTMixedRun(steps, c(15), c(15), c(15), make([]float32, k-1), 1, false) },
				func() { asm.FFT64MixedRun(steps64, z(15), z(15), z(15), make([]float64, k64-1), 1, false) }},
			{"scale past ls 1", func() { asm.FFTMixedRun(steps[1:], c(15), c(15), c(15), make([]float32, k), 0.5, false) },
				func() { asm.FFT64MixedRun(steps64[1:], z(15), z(15), z(15), make([]float64, k64), 0.5, false) }},
		}
		for _, tc := range cases {
			for _, f := range []func(){tc.f32, tc.f64} {
				panicked := func() (p bool) {
					defer func() { p = recover() != nil }()
					f()
					return false
				}()
				if panicked != (tc.name != "ok") {
					t.Errorf("%s: panicked = %v", tc.name, panicked)
				}
			}
		}
		dst, w, tw := c(15), c(15), make([]float32, k)
		dst64, w64, tw64 := z(15), z(15), make([]float64, k64)
		if a := testing.AllocsPerRun(20, func() {
			asm.FFTMixedRun(steps, dst, dst, w, tw, 1.0/15, true)
			asm.FFT64MixedRun(steps64, dst64, dst64, w64, tw64, 1.0/15, true)
		}); a != 0 {
			t.Errorf("%v allocations per run", a)
		}
	})
}
