package fuzz

import (
	"math"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/fft"
	"github.com/ssmkern/ssmkern/generic"
)

// Tolerances of FuzzConvStream: the stream against one Apply over the
// concatenated blocks, relative to convBound. In float64 both are FFTs or
// direct sums of the same inputs, each within convTol64 of the exact sum;
// ConvStream32 runs float32 FFTs and complex64 products, within the golden
// README's float32 bound like Conv32.
const (
	streamTol64 = 2 * convTol64
	streamTol32 = convTol32
)

// Tolerances of FuzzConvBackward against generic.ConvBackwardDirect in
// float64, relative to the bound of each gradient (gradBounds): the same
// FFT error bounds as FuzzConv.
const (
	gradTol32 = convTol32
	gradTol64 = convTol64
)

// FuzzConvStream runs ConvStream32/64 block by block over a decoded input
// (1–3 channels, blockLen 1–64, kernelLen 1–128, or with flag 4 the many
// channels, tiny blocks and short kernels of the direct sum across
// channels: 25–27 channels, blockLen 1–4, kernelLen 1–32; enough blocks
// for the kernel to reach its end, with or without d, in place or not) and compares
// the outputs with one Conv32/64.Apply over the concatenation, at every
// level; a Reset and a second pass must give the same outputs again.
func FuzzConvStream(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0})          // all sizes 1
	f.Add([]byte{0, 0, 0, 0, 99, 0, 0, 0, 1, 0})         // blockLen 1, kernelLen 100, d
	f.Add([]byte{1, 0, 39, 0, 99, 0, 1, 0, 2, 0})        // blockLen 40 < kernelLen 100: partitioned FFT, in place
	f.Add([]byte{2, 0, 63, 0, 0, 0, 2, 0, 3, 0, 7, 9})   // kernelLen 1, 3 channels
	f.Add([]byte{0, 0, 59, 0, 127, 0, 3, 0, 1, 0, 1, 2}) // blockLen 60, kernelLen 128
	f.Add([]byte{2, 0, 0, 0, 63, 0, 0, 0, 5, 0})         // 27 channels, blockLen 1, kernelLen 32, d: across channels
	f.Fuzz(func(t *testing.T, data []byte) {
		s := &byteSource{data: data, state: 5}
		channels := s.intn(1, 3)
		blockLen := s.intn(1, 64)
		kernelLen := s.intn(1, 128)
		blocks := max(s.intn(1, 4), (kernelLen+blockLen-1)/blockLen)
		flags := s.uint16()
		withD, inPlace := flags&1 != 0, flags&2 != 0
		if flags&4 != 0 {
			channels, blockLen, kernelLen = 24+channels, 1+blockLen%4, 1+kernelLen%32
			blocks = max(blocks, (kernelLen+blockLen-1)/blockLen)
		}
		seqLen := blocks * blockLen
		u := make([]float32, channels*seqLen)
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
		bound := convBound(u64, k64, d64, channels)

		c32, c64 := newConvs(t, channels, seqLen, k, k64)
		st32, err := fft.NewConvStream32(channels, blockLen, k)
		if err != nil {
			t.Fatal(err)
		}
		st64, err := fft.NewConvStream64(channels, blockLen, k64)
		if err != nil {
			t.Fatal(err)
		}
		atEveryLevel(t, func(l asm.Level) {
			want32, want64 := make([]float32, len(u)), make([]float64, len(u))
			if err := c32.Apply(want32, u, d); err != nil {
				t.Fatal(err)
			}
			if err := c64.Apply(want64, u64, d64); err != nil {
				t.Fatal(err)
			}
			for pass := range 2 {
				st32.Reset()
				st64.Reset()
				got32, got64 := make([]float32, len(u)), make([]float64, len(u))
				in32, out32 := make([]float32, channels*blockLen), make([]float32, channels*blockLen)
				in64, out64 := make([]float64, channels*blockLen), make([]float64, channels*blockLen)
				for b := range blocks {
					for h := range channels {
						copy(in32[h*blockLen:(h+1)*blockLen], u[h*seqLen+b*blockLen:])
						copy(in64[h*blockLen:(h+1)*blockLen], u64[h*seqLen+b*blockLen:])
					}
					y32, y64 := out32, out64
					if inPlace {
						y32, y64 = in32, in64
					}
					if err := st32.Process(y32, in32, d); err != nil {
						t.Fatal(err)
					}
					if err := st64.Process(y64, in64, d64); err != nil {
						t.Fatal(err)
					}
					for h := range channels {
						copy(got32[h*seqLen+b*blockLen:h*seqLen+(b+1)*blockLen], y32[h*blockLen:])
						copy(got64[h*seqLen+b*blockLen:h*seqLen+(b+1)*blockLen], y64[h*blockLen:])
					}
				}
				if e := maxAbsDiff(float64s(got32), float64s(want32)) / bound; !(e <= streamTol32) {
					t.Errorf("%v channels %d blockLen %d kernelLen %d blocks %d d=%v pass %d: ConvStream32 error %.3g of the bound > %g (FFT length %d)",
						l, channels, blockLen, kernelLen, blocks, withD, pass, e, streamTol32, st32.FFTLen())
				}
				if e := maxAbsDiff(got64, want64) / bound; !(e <= streamTol64) {
					t.Errorf("%v channels %d blockLen %d kernelLen %d blocks %d d=%v pass %d: ConvStream64 error %.3g of the bound > %g (FFT length %d)",
						l, channels, blockLen, kernelLen, blocks, withD, pass, e, streamTol64, st64.FFTLen())
				}
			}
		})
	})
}

// FuzzConvBackward compares Conv32/64.Backward at every level with the
// float64 direct sums of generic.ConvBackwardDirect, over decoded shapes
// (seqLen 1 … 160, kernelLen 1 … seqLen, 1–3 channels, batch 1–2, with or
// without d, each gradient wanted or not).
func FuzzConvBackward(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{0, 0, 0, 0, 0, 0, 0, 0, 7, 0})          // all sizes 1, every gradient
	f.Add([]byte{1, 0, 159, 0, 159, 0, 1, 0, 15, 0})     // kernelLen = seqLen = 160, batch 2, d
	f.Add([]byte{0, 0, 99, 0, 3, 0, 0, 0, 6, 0})         // kernelLen 4: the direct path; dk, dd
	f.Add([]byte{2, 0, 120, 0, 60, 0, 0, 0, 9, 0, 1, 2}) // 3 channels, du and d only
	f.Fuzz(func(t *testing.T, data []byte) {
		s := &byteSource{data: data, state: 7}
		channels := s.intn(1, 3)
		seqLen := s.intn(1, 160)
		kernelLen := 1 + int(s.uint16())%seqLen
		batch := s.intn(1, 2)
		flags := s.uint16()
		wantU, wantK, wantD, withD := flags&1 != 0, flags&2 != 0, flags&4 != 0, flags&8 != 0
		u := make([]float32, batch*channels*seqLen)
		dy := make([]float32, len(u))
		k := make([]float32, channels*kernelLen)
		for i := range u {
			u[i], dy[i] = s.value(), s.value()
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
		u64, dy64, k64, d64 := float64s(u), float64s(dy), float64s(k), float64s(d)
		refU, refK, refD := make([]float64, len(u)), make([]float64, len(k)), make([]float64, channels)
		generic.ConvBackwardDirect(refU, refK, refD, dy64, u64, k64, d64, channels, seqLen)
		boundU, boundKD := gradBounds(u64, dy64, k64, d64, channels)

		c32, c64 := newConvs(t, channels, seqLen, k, k64)
		atEveryLevel(t, func(l asm.Level) {
			du32, dk32, dd32 := wanted[float32](wantU, len(u)), wanted[float32](wantK, len(k)), wanted[float32](wantD, channels)
			du64, dk64, dd64 := wanted[float64](wantU, len(u)), wanted[float64](wantK, len(k)), wanted[float64](wantD, channels)
			if err := c32.Backward(du32, dk32, dd32, dy, u, d); err != nil {
				t.Fatal(err)
			}
			if err := c64.Backward(du64, dk64, dd64, dy64, u64, d64); err != nil {
				t.Fatal(err)
			}
			for _, g := range []struct {
				name  string
				got32 []float32
				got64 []float64
				want  []float64
				bound float64
			}{{"du", du32, du64, refU, boundU}, {"dk", dk32, dk64, refK, boundKD}, {"dd", dd32, dd64, refD, boundKD}} {
				if g.got64 == nil {
					continue
				}
				if e := maxAbsDiff(float64s(g.got32), g.want) / g.bound; !(e <= gradTol32) {
					t.Errorf("%v channels %d seqLen %d kernelLen %d batch %d d=%v: Conv32 %s error %.3g of the bound > %g (FFT length %d)",
						l, channels, seqLen, kernelLen, batch, withD, g.name, e, gradTol32, c32.FFTLen())
				}
				if e := maxAbsDiff(g.got64, g.want) / g.bound; !(e <= gradTol64) {
					t.Errorf("%v channels %d seqLen %d kernelLen %d batch %d d=%v: Conv64 %s error %.3g of the bound > %g (FFT length %d)",
						l, channels, seqLen, kernelLen, batch, withD, g.name, e, gradTol64, c64.FFTLen())
				}
			}
		})
	})
}

// wanted returns a gradient buffer of length n, or nil when it is not
// wanted.
func wanted[F float32 | float64](want bool, n int) []F {
	if !want {
		return nil
	}
	return make([]F, n)
}

// gradBounds bounds the gradients' magnitudes, as convBound bounds y:
// |du| ≤ max|dy|·max_h(Σ_j |k[h][j]| + |d[h]|), and |dk|, |dd| ≤
// max|u|·max|dy|·batch·seqLen (1 when 0).
func gradBounds(u, dy, k, d []float64, channels int) (boundU, boundKD float64) {
	boundU = convBound(dy, k, d, channels)
	var maxU, maxDy float64
	for i, v := range u {
		maxU = math.Max(maxU, math.Abs(v))
		maxDy = math.Max(maxDy, math.Abs(dy[i]))
	}
	boundKD = maxU * maxDy * float64(len(u)/channels)
	if boundKD == 0 {
		boundKD = 1
	}
	return boundU, boundKD
}
