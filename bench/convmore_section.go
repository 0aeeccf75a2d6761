package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/ssmkern/ssmkern/fft"
	"github.com/ssmkern/ssmkern/generic"
)

// convMoreSection measures the streaming convolution and the
// convolution's backward pass, and checks both at every level.
func convMoreSection(quick bool) section {
	s := section{
		name:  "conv-stream-backward",
		title: "Streaming convolution and convolution gradients, float32",
		about: "fft.ConvStream32.Process (one block of every channel per call, the history carried) and fft.Conv32.Backward " +
			"(du, dk and dd of Σ y·dy); ns per (channel, sample), lower is better, D on.",
		unit: "ns/sample",
	}
	s.checks = append(s.checks,
		check{name: "fft.ConvStream32 vs the direct sum", run: checkConvStream32},
		check{name: "fft.Conv32.Backward vs direct sums", run: checkConvBackward32},
	)
	h, k, block, l := 256, 4096, 1024, 4096
	if quick {
		h = 8
	}
	streamSamples := float64(h * block)
	s.cases = append(s.cases, benchCase{
		name: fmt.Sprintf("ConvStream32 H=%d K=%d block %d", h, k, block),
		bench: func(b *testing.B) {
			rng := rand.New(rand.NewPCG(5, 6))
			kern := randomFloat32s(rng, h*k)
			u, d := randomFloat32s(rng, h*block), randomFloat32s(rng, h)
			y := make([]float32, len(u))
			st, err := fft.NewConvStream32(h, block, kern)
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if err := st.Process(y, u, d); err != nil {
					b.Fatal(err)
				}
			}
		},
		rate:          func(ns float64) float64 { return ns / streamSamples },
		lowerIsBetter: true,
	})
	backwardSamples := float64(h * l)
	s.cases = append(s.cases, benchCase{
		name: fmt.Sprintf("Conv32.Backward H=%d L=K=%d", h, l),
		bench: func(b *testing.B) {
			rng := rand.New(rand.NewPCG(7, 8))
			kern := randomFloat32s(rng, h*l)
			u, dy, d := randomFloat32s(rng, h*l), randomFloat32s(rng, h*l), randomFloat32s(rng, h)
			c, err := fft.NewConv32(h, l, kern)
			if err != nil {
				b.Fatal(err)
			}
			du, dk, dd := make([]float32, h*l), make([]float32, h*l), make([]float32, h)
			for b.Loop() {
				if err := c.Backward(du, dk, dd, dy, u, d); err != nil {
					b.Fatal(err)
				}
			}
		},
		rate:          func(ns float64) float64 { return ns / backwardSamples },
		lowerIsBetter: true,
	})
	return s
}

// randomFloat32s is n standard normal float32s.
func randomFloat32s(rng *rand.Rand, n int) []float32 {
	x := make([]float32, n)
	for i := range x {
		x[i] = float32(rng.NormFloat64())
	}
	return x
}

// normwise32 is max|got − want| / max|want|.
func normwise32(got []float32, want []float64) float64 {
	var d, m float64
	for i, w := range want {
		d = math.Max(d, math.Abs(float64(got[i])-w))
		m = math.Max(m, math.Abs(w))
	}
	return d / m
}

// checkConvStream32 feeds 3 channels through a stream in blocks of 100
// (kernel 250: longer than a block) and compares with the float64 direct
// sum over the whole sequence, normwise within 1e-5 (the golden README's
// float32 bound for FFT ops).
func checkConvStream32() error {
	const h, k, block, blocks = 3, 250, 100, 5
	const L = block * blocks
	rng := rand.New(rand.NewPCG(9, 10))
	kern, d := randomFloat32s(rng, h*k), randomFloat32s(rng, h)
	u := randomFloat32s(rng, h*L) // [h][L]
	st, err := fft.NewConvStream32(h, block, kern)
	if err != nil {
		return err
	}
	got := make([]float32, h*L)
	ub, yb := make([]float32, h*block), make([]float32, h*block)
	for b := range blocks {
		for c := range h {
			copy(ub[c*block:(c+1)*block], u[c*L+b*block:])
		}
		if err := st.Process(yb, ub, d); err != nil {
			return err
		}
		for c := range h {
			copy(got[c*L+b*block:c*L+(b+1)*block], yb[c*block:])
		}
	}
	want := make([]float64, h*L)
	generic.ConvDirect(want, toFloat64s(u), toFloat64s(kern), toFloat64s(d), h, L)
	if e := normwise32(got, want); !(e <= 1e-5) {
		return fmt.Errorf("normwise error %.3g > 1e-5", e)
	}
	return nil
}

// checkConvBackward32 compares Conv32.Backward with generic's direct sums
// in float64, each gradient normwise within 1e-5.
func checkConvBackward32() error {
	const h, l, k = 2, 300, 300
	rng := rand.New(rand.NewPCG(11, 12))
	kern, d := randomFloat32s(rng, h*k), randomFloat32s(rng, h)
	u, dy := randomFloat32s(rng, h*l), randomFloat32s(rng, h*l)
	c, err := fft.NewConv32(h, l, kern)
	if err != nil {
		return err
	}
	du, dk, dd := make([]float32, h*l), make([]float32, h*k), make([]float32, h)
	if err := c.Backward(du, dk, dd, dy, u, d); err != nil {
		return err
	}
	wu, wk, wd := make([]float64, h*l), make([]float64, h*k), make([]float64, h)
	generic.ConvBackwardDirect(wu, wk, wd, toFloat64s(dy), toFloat64s(u), toFloat64s(kern), toFloat64s(d), h, l)
	for _, g := range []struct {
		name string
		got  []float32
		want []float64
	}{{"du", du, wu}, {"dk", dk, wk}, {"dd", dd, wd}} {
		if e := normwise32(g.got, g.want); !(e <= 1e-5) {
			return fmt.Errorf("%s: normwise error %.3g > 1e-5", g.name, e)
		}
	}
	return nil
}

// toFloat64s converts float32s to float64s.
func toFloat64s(x []float32) []float64 {
	y := make([]float64, len(x))
	for i, v := range x {
		y[i] = float64(v)
	}
	return y
}
