package fft

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
)

const (
	// stream64Tol is the normwise error allowed between a float64 stream
	// and one Conv64.Apply over the concatenated input: two float64 FFT
	// methods (or an FFT and a direct sum), each within conv64Tol of the
	// exact result.
	stream64Tol = 2 * conv64Tol
	// stream32Tol is the error allowed to a float32 stream against
	// Conv32.Apply, relative to streamBound: the stream's FFT path runs
	// float32 FFTs and complex64 products, so this is the golden README's
	// bound for float32 FFT ops (as FuzzConv's convTol32).
	stream32Tol = 1e-5
)

// streamBound is max|u|·max_h(Σ_j |k[h][j]| + |d[h]|) ≥ max|y| (1 when 0):
// an FFT's error scales with its inputs' norms, not with an output that
// may cancel to almost nothing.
func streamBound(u, k, d []float64, channels int) float64 {
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

// maxAbsDiff is max_i |got[i] − want[i]| (NaN if any difference is NaN).
func maxAbsDiff(got, want []float64) float64 {
	var m float64
	for i := range want {
		d := math.Abs(got[i] - want[i])
		if d != d {
			return d
		}
		m = math.Max(m, d)
	}
	return m
}

type streamShape struct{ channels, blockLen, kernelLen, blocks int }

func (s streamShape) String() string {
	return fmt.Sprintf("h%d_B%d_K%d_x%d", s.channels, s.blockLen, s.kernelLen, s.blocks)
}

// streamShapes: blocks of 1, kernels of 1, kernels longer than a block,
// lengths that are not multiples of one another, and random shapes.
func streamShapes(rng *rand.Rand) []streamShape {
	shapes := []streamShape{
		{1, 1, 1, 5}, {2, 1, 7, 12}, {1, 5, 1, 4}, {3, 7, 30, 6}, {2, 64, 64, 3},
		{1, 12, 100, 10}, {2, 100, 12, 3}, {1, 97, 300, 4}, {1, 256, 1000, 5}, {2, 60, 61, 3},
	}
	for range 8 {
		b, k := 1+rng.IntN(80), 1+rng.IntN(200)
		shapes = append(shapes, streamShape{1 + rng.IntN(3), b, k, 2 + rng.IntN(4)})
	}
	for i := range shapes {
		// Enough blocks that the kernel reaches its end in the last one.
		shapes[i].blocks = max(shapes[i].blocks, (shapes[i].kernelLen+shapes[i].blockLen-1)/shapes[i].blockLen+1)
	}
	return shapes
}

// streamModes returns the methods to test for a block length: the cost
// model's choice, the direct sum, the largest 4 sub-block lengths with
// partitions of one sub-block, the largest with partitions of 2, 3 and 5
// sub-blocks, and last the direct sum across channels (float32 only: see
// mode64).
func streamModes(blockLen int) []streamMode {
	modes := []streamMode{streamAuto, {direct: true}, {sub: blockLen, q: 2}, {sub: blockLen, q: 3}, {sub: blockLen, q: 5},
		{sub: blockLen, m: 2}, {sub: blockLen, q: 2, m: 3}}
	if blockLen%2 == 0 {
		modes = append(modes, streamMode{sub: blockLen / 2, m: 4}) // far steps across calls
	}
	for sub, subs := blockLen, 0; sub >= 1 && subs < 4; sub-- {
		if blockLen%sub == 0 {
			modes = append(modes, streamMode{sub: sub})
			subs++
		}
	}
	return append(modes, streamMode{channels: true})
}

// mode64 is m for a float64 stream: the direct sum for the float32-only
// direct sum across channels.
func mode64(m streamMode) streamMode {
	if m.channels {
		return streamMode{direct: true}
	}
	return m
}

// toBlock copies block i of the [channels][seqLen] sequence x into a
// [channels][blockLen] block.
func toBlock[F float32 | float64](dst, x []F, channels, seqLen, blockLen, i int) {
	for h := range channels {
		copy(dst[h*blockLen:(h+1)*blockLen], x[h*seqLen+i*blockLen:])
	}
}

// fromBlock is the inverse of toBlock.
func fromBlock[F float32 | float64](x, src []F, channels, seqLen, blockLen, i int) {
	for h := range channels {
		copy(x[h*seqLen+i*blockLen:h*seqLen+(i+1)*blockLen], src[h*blockLen:])
	}
}

func TestConvStreamEqualsOneLongApplyAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(61, 62))
	shapes := streamShapes(rng)
	asmtest.ForEachLevel(t, func(t *testing.T, _ asm.Level) {
		for _, s := range shapes {
			seqLen := s.blocks * s.blockLen
			u, k, d := randFloat64(rng, s.channels*seqLen), randFloat64(rng, s.channels*s.kernelLen), randFloat64(rng, s.channels)
			u32, k32, d32 := toF32(u), toF32(k), toF32(d)
			c64, err := NewConv64(s.channels, seqLen, k)
			mustOK(t, err)
			c32, err := NewConv32(s.channels, seqLen, k32)
			mustOK(t, err)
			for _, withD := range []bool{false, true} {
				dIn, dIn32 := d, d32
				if !withD {
					dIn, dIn32 = nil, nil
				}
				want := make([]float64, len(u))
				mustOK(t, c64.Apply(want, u, dIn))
				want32 := make([]float32, len(u))
				mustOK(t, c32.Apply(want32, u32, dIn32))
				bound32 := streamBound(toF64(u32), toF64(k32), nil, s.channels)
				if withD {
					bound32 = streamBound(toF64(u32), toF64(k32), toF64(d32), s.channels)
				}
				for _, mode := range streamModes(s.blockLen) {
					st64, err := newConvStream[float64, complex128]("NewConvStream64", s.channels, s.blockLen, k, mode64(mode))
					mustOK(t, err)
					st32, err := newConvStream[float32, complex64]("NewConvStream32", s.channels, s.blockLen, k32, mode)
					mustOK(t, err)
					for pass := range 2 { // the second pass after Reset
						got, got32 := make([]float64, len(u)), make([]float32, len(u))
						blk, blk32, out := make([]float64, s.channels*s.blockLen), make([]float32, s.channels*s.blockLen), make([]float64, s.channels*s.blockLen)
						for i := range s.blocks {
							toBlock(blk, u, s.channels, seqLen, s.blockLen, i)
							mustOK(t, st64.process("ConvStream64.Process", out, blk, dIn))
							fromBlock(got, out, s.channels, seqLen, s.blockLen, i)
							toBlock(blk32, u32, s.channels, seqLen, s.blockLen, i)
							mustOK(t, st32.process("ConvStream32.Process", blk32, blk32, dIn32)) // in place
							fromBlock(got32, blk32, s.channels, seqLen, s.blockLen, i)
						}
						if e := normwise(got, want); !(e <= stream64Tol) {
							t.Errorf("%v d=%v %+v pass %d: ConvStream64 normwise error %.3g > %g", s, withD, mode, pass, e, stream64Tol)
						}
						if e := maxAbsDiff(toF64(got32), toF64(want32)) / bound32; !(e <= stream32Tol) {
							t.Errorf("%v d=%v %+v pass %d: ConvStream32 error %.3g of the bound > %g", s, withD, mode, pass, e, stream32Tol)
						}
						st64.reset()
						st32.reset()
					}
				}
			}
		}
	})
}

// A stream longer than any kernel forgets inputs older than K samples: an
// impulse followed by zeros gives k itself, then exact zeros.
func TestConvStreamImpulseResponseIsTheKernelThenZero(t *testing.T) {
	rng := rand.New(rand.NewPCG(63, 64))
	for _, s := range []streamShape{{1, 4, 10, 6}, {1, 16, 16, 4}, {1, 7, 3, 3}} {
		k := randFloat64(rng, s.kernelLen)
		for _, mode := range streamModes(s.blockLen) {
			st, err := newConvStream[float64, complex128]("NewConvStream64", 1, s.blockLen, k, mode64(mode))
			mustOK(t, err)
			var got []float64
			for i := range s.blocks {
				u, y := make([]float64, s.blockLen), make([]float64, s.blockLen)
				if i == 0 {
					u[0] = 1
				}
				mustOK(t, st.process("ConvStream64.Process", y, u, nil))
				got = append(got, y...)
			}
			want := append(append([]float64(nil), k...), make([]float64, len(got)-len(k))...)
			if e := normwise(got, want); !(e <= stream64Tol) {
				t.Errorf("%v %+v: impulse response normwise error %.3g > %g", s, mode, e, stream64Tol)
			}
		}
	}
}

func TestConvStreamChoosesTheDirectSumForTinyBlocksAndShortKernels(t *testing.T) {
	for _, c := range []struct {
		blockLen, kernelLen int
		direct, directSIMD  bool // the choice in plain Go, and with the float32 assembly
	}{
		{1, 1, true, true}, {1, 64, true, true}, {16, 16, true, true}, {256, 4, true, false},
		{256, 4096, false, false}, {1024, 4096, false, false}, {4096, 4096, false, false},
		// Even one sample a block: the near level's tiny FFTs and the far
		// level's every 32 steps beat 4096 taps a step (2.3–3.5 vs 9–10 µs
		// per channel·step at 4 channels, measured).
		{1, 4096, false, false},
	} {
		for _, simd := range []bool{false, true} {
			m := chooseStream(c.blockLen, c.kernelLen, 1, simd, simd)
			want := c.direct
			if simd {
				want = c.directSIMD
			}
			if m.direct != want {
				t.Errorf("blockLen %d kernelLen %d simd %v: chooseStream = %+v, want direct = %v", c.blockLen, c.kernelLen, simd, m, want)
			}
			if !m.direct && c.blockLen%m.sub != 0 {
				t.Errorf("blockLen %d kernelLen %d: sub-block %d does not divide the block", c.blockLen, c.kernelLen, m.sub)
			}
		}
	}
}

// With many channels and the float32 assembly, tiny blocks take the direct
// sum across channels (one vector multiply-add per tap for all channels);
// with few channels, or in plain Go, the per-channel direct sum.
func TestConvStreamSumsAcrossChannelsOnlyWithManyChannelsAndAssembly(t *testing.T) {
	for _, c := range []struct {
		channels, blockLen, kernelLen int
		simd, across                  bool
	}{
		{256, 1, 256, true, true}, {256, 4, 128, true, true}, {256, 1, 256, false, false},
		{1, 1, 256, true, false}, {256, 1024, 4096, true, false},
	} {
		if m := chooseStream(c.blockLen, c.kernelLen, c.channels, true, c.simd); m.channels != c.across {
			t.Errorf("%+v: chooseStream = %+v", c, m)
		}
	}
}

func TestConvStreamStaysInsideGuardedSlicesAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(65, 66))
	asmtest.ForEachLevel(t, func(t *testing.T, _ asm.Level) {
		for _, s := range []streamShape{{1, 1, 1, 2}, {2, 13, 5, 2}, {2, 100, 300, 2}} {
			k, d := toF32(randFloat64(rng, s.channels*s.kernelLen)), toF32(randFloat64(rng, s.channels))
			for _, mode := range streamModes(s.blockLen) {
				ref, err := newConvStream[float32, complex64]("NewConvStream32", s.channels, s.blockLen, k, mode)
				mustOK(t, err)
				st, err := newConvStream[float32, complex64]("NewConvStream32", s.channels, s.blockLen, asmtest.GuardedFloat32(t, k), mode)
				mustOK(t, err)
				for range s.blocks {
					u := toF32(randFloat64(rng, s.channels*s.blockLen))
					want := make([]float32, len(u))
					mustOK(t, ref.process("ConvStream32.Process", want, u, d))
					y := asmtest.GuardedFloat32(t, make([]float32, len(u)))
					mustOK(t, st.process("ConvStream32.Process", y, asmtest.GuardedFloat32(t, u), asmtest.GuardedFloat32(t, d)))
					mustEqual(t, fmt.Sprintf("%v %+v", s, mode), y, want)
				}
			}
		}
	})
}

func TestConvStreamProcessAllocatesNothing(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector makes the plans' sync.Pool drop items")
	}
	for _, s := range []streamShape{{3, 1, 40, 0}, {3, 64, 40, 0}, {2, 256, 1000, 0}} {
		for _, mode := range append(streamModes(s.blockLen)[:3], streamMode{channels: true}, streamMode{sub: s.blockLen, m: 2}) {
			st32, _ := newConvStream[float32, complex64]("NewConvStream32", s.channels, s.blockLen, make([]float32, s.channels*s.kernelLen), mode)
			st64, _ := newConvStream[float64, complex128]("NewConvStream64", s.channels, s.blockLen, make([]float64, s.channels*s.kernelLen), mode64(mode))
			u32, y32, d32 := make([]float32, s.channels*s.blockLen), make([]float32, s.channels*s.blockLen), make([]float32, s.channels)
			u64 := make([]float64, s.channels*s.blockLen)
			pub, _ := NewConvStream32(s.channels, s.blockLen, make([]float32, s.channels*s.kernelLen))
			for name, call := range map[string]func() error{
				"ConvStream32.Process":          func() error { return st32.process("ConvStream32.Process", y32, u32, d32) },
				"ConvStream64.Process in place": func() error { return st64.process("ConvStream64.Process", u64, u64, nil) },
				"public ConvStream32.Process":   func() error { return pub.Process(y32, u32, nil) },
				"ConvStream32.Reset":            func() error { pub.Reset(); return nil },
			} {
				if a := testing.AllocsPerRun(20, func() { _ = call() }); a != 0 {
					t.Errorf("%v %+v %s: %v allocations per call", s, mode, name, a)
				}
			}
		}
	}
}

func TestConvStreamRejectsBadArgumentsNamingThem(t *testing.T) {
	st, _ := NewConvStream32(2, 8, make([]float32, 2*3))
	st64, _ := NewConvStream64(2, 8, make([]float64, 2*30))
	var nil32 *ConvStream32
	var nil64 *ConvStream64
	f := func(n int) []float32 { return make([]float32, n) }
	buf := f(64)
	for _, c := range []struct {
		name, want string
		call       func() error
	}{
		{"channels = 0", "channels = 0", func() error { _, err := NewConvStream32(0, 8, f(8)); return err }},
		{"blockLen = 0", "blockLen = 0", func() error { _, err := NewConvStream32(1, 0, f(8)); return err }},
		{"blockLen < 0", "blockLen = -3", func() error { _, err := NewConvStream64(1, -3, make([]float64, 8)); return err }},
		{"huge blockLen", "blockLen = ", func() error { _, err := NewConvStream32(1, MaxLen, f(8)); return err }},
		{"nil k", "len(k) = 0", func() error { _, err := NewConvStream32(1, 8, nil); return err }},
		{"k not a multiple", "len(k) = 7 is not a multiple of channels = 2", func() error { _, err := NewConvStream32(2, 8, f(7)); return err }},
		{"nil ConvStream32", "nil *ConvStream32", func() error { return nil32.Process(nil, nil, nil) }},
		{"nil ConvStream64", "nil *ConvStream64", func() error { return nil64.Process(nil, nil, nil) }},
		{"nil ConvStream32 Reset then Process", "nil *ConvStream32", func() error { nil32.Reset(); nil64.Reset(); return nil32.Process(nil, nil, nil) }},
		{"nil u", "len(u) = 0, want channels·blockLen = 16", func() error { return st.Process(f(16), nil, nil) }},
		{"long u", "len(u) = 17", func() error { return st.Process(f(17), f(17), nil) }},
		{"short y", "len(y) = 15, want len(u) = 16", func() error { return st.Process(f(15), f(16), nil) }},
		{"d length", "len(d) = 3, want channels = 2", func() error { return st.Process(f(16), f(16), f(3)) }},
		{"empty non-nil d", "len(d) = 0", func() error { return st64.Process(make([]float64, 16), make([]float64, 16), []float64{}) }},
		{"y overlaps u partially", "y and u overlap partially", func() error { return st.Process(buf[1:17], buf[0:16], nil) }},
		{"y overlaps d", "y overlaps d", func() error { return st.Process(buf[0:16], f(16), buf[14:16]) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := callNoPanic(c.call)
			if err == nil {
				t.Fatalf("no error")
			}
			if !strings.HasPrefix(err.Error(), "fft: ") || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %q, want it to start with \"fft: \" and contain %q", err, c.want)
			}
		})
	}
}

// A failed call leaves the stream as it was.
func TestConvStreamIsUnchangedByARejectedCall(t *testing.T) {
	rng := rand.New(rand.NewPCG(67, 68))
	k := toF32(randFloat64(rng, 2*20))
	a, _ := NewConvStream32(2, 8, k)
	b, _ := NewConvStream32(2, 8, k)
	for i := range 4 {
		u := toF32(randFloat64(rng, 16))
		if i == 2 {
			if err := a.Process(make([]float32, 16), u, make([]float32, 5)); err == nil {
				t.Fatal("bad d accepted")
			}
		}
		ya, yb := make([]float32, 16), make([]float32, 16)
		mustOK(t, a.Process(ya, u, nil))
		mustOK(t, b.Process(yb, u, nil))
		mustEqual(t, fmt.Sprintf("block %d", i), ya, yb)
	}
}

// BenchmarkConvStreamCost times each method of the stream on shapes that
// span the cost model (ns per block and channel), to fit its constants:
//
//	go test -run '^$' -bench ConvStreamCost ./fft
func BenchmarkConvStreamCost(b *testing.B) {
	type shape struct {
		blockLen, kernelLen int
		mode                streamMode
	}
	var shapes []shape
	for _, bk := range [][2]int{{1, 64}, {1, 1024}, {16, 16}, {16, 256}, {64, 64}, {64, 1024}, {256, 4}, {256, 32}, {256, 4096}, {1024, 4096}} {
		shapes = append(shapes, shape{bk[0], bk[1], streamMode{direct: true}})
		for _, sub := range []int{1, 4, 16, 64, 256, 1024} {
			if sub <= bk[0] && bk[0]%sub == 0 && (bk[1]+sub-1)/sub <= 1024 {
				shapes = append(shapes, shape{bk[0], bk[1], streamMode{sub: sub, q: 1}})
			}
		}
		for _, q := range []int{2, 3, 7} {
			if q*bk[0] < bk[1] {
				shapes = append(shapes, shape{bk[0], bk[1], streamMode{sub: bk[0], q: q}})
			}
		}
		for _, m := range []int{2, 4, 8} {
			if m*bk[0] < bk[1] {
				shapes = append(shapes, shape{bk[0], bk[1], streamMode{sub: bk[0], q: 1, m: m}})
			}
		}
	}
	const channels = 4
	for _, z := range shapes {
		name := fmt.Sprintf("B=%d/K=%d/direct", z.blockLen, z.kernelLen)
		if !z.mode.direct {
			name = fmt.Sprintf("B=%d/K=%d/S=%d/q=%d/m=%d", z.blockLen, z.kernelLen, z.mode.sub, z.mode.q, z.mode.m)
		}
		b.Run(name, func(b *testing.B) {
			rng := rand.New(rand.NewPCG(1, 2))
			st, err := newConvStream[float32, complex64]("NewConvStream32", channels, z.blockLen, toF32(randFloat64(rng, channels*z.kernelLen)), z.mode)
			if err != nil {
				b.Fatal(err)
			}
			u, y := toF32(randFloat64(rng, channels*z.blockLen)), make([]float32, channels*z.blockLen)
			for b.Loop() {
				if err := st.process("ConvStream32.Process", y, u, nil); err != nil {
					b.Fatal(err)
				}
			}
			ns := float64(b.Elapsed().Nanoseconds()) / float64(b.N) / channels
			b.ReportMetric(ns, "ns/block")
			model := streamDirectCost(z.blockLen, z.kernelLen)
			if !z.mode.direct {
				model = streamFFTCost(z.blockLen, z.mode.sub, z.mode.q, z.mode.m, z.kernelLen, true, asm.Current() != asm.Generic)
			}
			b.ReportMetric(model, "model-ns/block")
		})
	}
}
