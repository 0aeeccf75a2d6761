package fuzz

import (
	"math"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/fft"
	"github.com/ssmkern/ssmkern/generic"
)

// Tolerances of FuzzConv, relative to the bound max|u|·max_h(Σ_j |k[h][j]| +
// |d[h]|) on |y|: an FFT's error scales with its inputs' norms, not with
// an output that may cancel to almost nothing.
const (
	// convTol32: the golden README's float32 bound for FFT ops.
	convTol32 = 1e-5
	// convTol64: float64 FFTs of length ≤ 1024, 1e-14·log2(n) each.
	convTol64 = 1e-12
)

// FuzzConv compares Conv32 and Conv64 at every level with the float64
// direct sum of generic.ConvDirect, over decoded shapes (seqLen 1 … 200,
// kernelLen 1 … seqLen, 1–4 channels, batch 1–3, with or without d, in
// place or not).
func FuzzConv(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0})          // all sizes 1
	f.Add([]byte{1, 0, 199, 0, 199, 0, 0, 0, 3, 0})      // kernelLen = seqLen = 200, d, in place
	f.Add([]byte{3, 0, 99, 0, 0, 0, 2, 0, 1, 0})         // kernelLen 1
	f.Add([]byte{2, 0, 150, 0, 37, 0, 1, 0, 2, 0, 5, 6}) // 3 channels, batch 2
	f.Fuzz(func(t *testing.T, data []byte) {
		s := &byteSource{data: data, state: 3}
		channels := s.intn(1, 4)
		seqLen := s.intn(1, 200)
		kernelLen := 1 + int(s.uint16())%seqLen
		batch := s.intn(1, 3)
		flags := s.uint16()
		withD, inPlace := flags&1 != 0, flags&2 != 0
		u := make([]float32, batch*channels*seqLen)
		k := make([]float32, channels*kernelLen)
		for i := range u {
			u[i] = s.value()
		}
		for i := range k {
			k[i] = s.value()
		}
		var d []float32
		if withD {
			d = make([]float32, channels)
			for i := range d {
				d[i] = s.value()
			}
		}
		u64, k64, d64 := float64s(u), float64s(k), float64s(d)
		want := make([]float64, len(u))
		generic.ConvDirect(want, u64, k64, d64, channels, seqLen)
		bound := convBound(u64, k64, d64, channels)

		c32, c64 := newConvs(t, channels, seqLen, k, k64)
		atEveryLevel(t, func(l asm.Level) {
			y32 := make([]float32, len(u))
			y64 := make([]float64, len(u))
			src32, src64 := u, u64
			if inPlace {
				copy(y32, u)
				copy(y64, u64)
				src32, src64 = y32, y64
			}
			if err := c32.Apply(y32, src32, d); err != nil {
				t.Fatal(err)
			}
			if err := c64.Apply(y64, src64, d64); err != nil {
				t.Fatal(err)
			}
			if e := maxAbsDiff(float64s(y32), want) / bound; !(e <= convTol32) {
				t.Errorf("%v channels %d seqLen %d kernelLen %d batch %d d=%v: Conv32 error %.3g of the bound > %g (FFT length %d)",
					l, channels, seqLen, kernelLen, batch, withD, e, convTol32, c32.FFTLen())
			}
			if e := maxAbsDiff(y64, want) / bound; !(e <= convTol64) {
				t.Errorf("%v channels %d seqLen %d kernelLen %d batch %d d=%v: Conv64 error %.3g of the bound > %g",
					l, channels, seqLen, kernelLen, batch, withD, e, convTol64)
			}
		})
	})
}

// convBound is max|u|·max_h(Σ_j |k[h][j]| + |d[h]|) ≥ max|y| (1 when 0).
func convBound(u, k, d []float64, channels int) float64 {
	var maxU, maxK float64
	for _, v := range u {
		maxU = math.Max(maxU, math.Abs(v))
	}
	kernelLen := len(k) / channels
	for h := range channels {
		var s float64
		for _, v := range k[h*kernelLen : (h+1)*kernelLen] {
			s += math.Abs(v)
		}
		if d != nil {
			s += math.Abs(d[h])
		}
		maxK = math.Max(maxK, s)
	}
	if b := maxU * maxK; b > 0 {
		return b
	}
	return 1
}

func maxAbsDiff(got, want []float64) float64 {
	var m float64
	for i := range want {
		d := math.Abs(got[i] - want[i])
		if math.IsNaN(d) {
			return math.NaN()
		}
		m = math.Max(m, d)
	}
	return m
}

// newConvs makes the float32 and float64 plans of one convolution.
func newConvs(t *testing.T, channels, seqLen int, k []float32, k64 []float64) (*fft.Conv32, *fft.Conv64) {
	t.Helper()
	c32, err := fft.NewConv32(channels, seqLen, k)
	if err != nil {
		t.Fatal(err)
	}
	c64, err := fft.NewConv64(channels, seqLen, k64)
	if err != nil {
		t.Fatal(err)
	}
	return c32, c64
}
