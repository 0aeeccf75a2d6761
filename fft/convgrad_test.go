package fft

import (
	"math"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
	"github.com/ssmkern/ssmkern/generic"
	"github.com/ssmkern/ssmkern/generic/golden"
)

const (
	// convGrad64Tol is the normwise error allowed to Conv64.Backward
	// against generic.ConvBackwardDirect: float64 FFTs of length ≤ 2^11
	// here, each within 1e-14·log2(n), and a product (as conv64Tol).
	convGrad64Tol = 1e-12
	// convGrad32Tol is the error allowed to Conv32.Backward relative to
	// each gradient's bound (gradBound): at the float32 assembly levels its
	// FFTs run in float32, so this is the golden README's bound for float32
	// FFT ops (elsewhere it computes in float64 and rounds once).
	convGrad32Tol = 1e-5
	// convGradFDTol is the normwise error allowed to Conv64.Backward
	// against central differences of Σ Apply(u)·dy: the loss is linear in
	// each of u, k, d, so the quotient is exact but for the float64 FFT
	// error of two loss values (~1e-14 of Σ|y·dy|) over 2·convGradFDStep.
	convGradFDTol = 1e-9
	// convGradFDStep is the central-difference step (exact for linear
	// functions; a large step keeps the rounding small).
	convGradFDStep = 0.25
)

var convModes = []convMode{convAuto, convDirect, convFFT}

func TestConvBackwardMatchesTheDirectTwinAtEveryLevelOnBothPaths(t *testing.T) {
	rng := rand.New(rand.NewPCG(51, 52))
	shapes := randomConvShapes(rng)
	asmtest.ForEachLevel(t, func(t *testing.T, _ asm.Level) {
		for _, s := range shapes {
			u, dy := randFloat64(rng, s.batch*s.channels*s.seqLen), randFloat64(rng, s.batch*s.channels*s.seqLen)
			k, d := randFloat64(rng, s.channels*s.kernelLen), randFloat64(rng, s.channels)
			u32, dy32, k32, d32 := toF32(u), toF32(dy), toF32(k), toF32(d)
			for _, withD := range []bool{false, true} {
				dIn, dIn32 := d, d32
				if !withD {
					dIn, dIn32 = nil, nil
				}
				wantU, wantK, wantD := make([]float64, len(u)), make([]float64, len(k)), make([]float64, len(d))
				generic.ConvBackwardDirect(wantU, wantK, wantD, dy, u, k, dIn, s.channels, s.seqLen)
				var dWide32 []float64 // nil stays nil
				if withD {
					dWide32 = toF64(d32)
				}
				want32U, want32K, want32D := make([]float64, len(u)), make([]float64, len(k)), make([]float64, len(d))
				generic.ConvBackwardDirect(want32U, want32K, want32D, toF64(dy32), toF64(u32), toF64(k32), dWide32, s.channels, s.seqLen)
				for _, mode := range convModes {
					c64, err := newConvPlan("NewConv64", s.channels, s.seqLen, k, mode)
					mustOK(t, err)
					du, dk, dd := make([]float64, len(u)), make([]float64, len(k)), make([]float64, len(d))
					mustOK(t, c64.backward("Conv64.Backward", du, dk, dd, dy, u, dIn))
					c32, err := newConvPlan("NewConv32", s.channels, s.seqLen, k32, mode)
					mustOK(t, err)
					du32, dk32, dd32 := make([]float32, len(u)), make([]float32, len(k)), make([]float32, len(d))
					mustOK(t, c32.backward("Conv32.Backward", du32, dk32, dd32, dy32, u32, dIn32))
					boundU, boundKD := gradBound(toF64(u32), toF64(dy32), toF64(k32), dWide32, s.channels)
					for _, g := range []struct {
						name      string
						got, want []float64
						got32     []float32
						want32    []float64
						bound32   float64
					}{{"du", du, wantU, du32, want32U, boundU}, {"dk", dk, wantK, dk32, want32K, boundKD}, {"dd", dd, wantD, dd32, want32D, boundKD}} {
						if e := normwise(g.got, g.want); !(e <= convGrad64Tol) {
							t.Errorf("%v d=%v mode %d: Conv64 %s normwise error %.3g > %g", s, withD, mode, g.name, e, convGrad64Tol)
						}
						if e := maxAbsDiff(toF64(g.got32), g.want32) / g.bound32; !(e <= convGrad32Tol) {
							t.Errorf("%v d=%v mode %d: Conv32 %s error %.3g of the bound > %g", s, withD, mode, g.name, e, convGrad32Tol)
						}
					}
				}
			}
		}
	})
}

// The gradients are those of Σ Apply(u)·dy, by central differences
// through the public Conv64 on both paths.
func TestConvBackwardMatchesCentralDifferencesOfApply(t *testing.T) {
	rng := rand.New(rand.NewPCG(53, 54))
	for _, s := range []convShape{{1, 1, 1, 1}, {2, 2, 9, 4}, {1, 3, 30, 30}, {2, 1, 40, 7}} {
		for _, mode := range []convMode{convDirect, convFFT} {
			u, dy := randFloat64(rng, s.batch*s.channels*s.seqLen), randFloat64(rng, s.batch*s.channels*s.seqLen)
			k, d := randFloat64(rng, s.channels*s.kernelLen), randFloat64(rng, s.channels)
			y := make([]float64, len(u))
			loss := func() float64 {
				c, err := newConvPlan("NewConv64", s.channels, s.seqLen, k, mode)
				mustOK(t, err)
				mustOK(t, c.apply("Conv64.Apply", y, u, d))
				var sum float64
				for i, v := range y {
					sum += v * dy[i]
				}
				return sum
			}
			c, err := newConvPlan("NewConv64", s.channels, s.seqLen, k, mode)
			mustOK(t, err)
			du, dk, dd := make([]float64, len(u)), make([]float64, len(k)), make([]float64, len(d))
			mustOK(t, c.backward("Conv64.Backward", du, dk, dd, dy, u, d))
			for _, g := range []struct {
				name    string
				got, at []float64
			}{{"du", du, u}, {"dk", dk, k}, {"dd", dd, d}} {
				fd := make([]float64, len(g.at))
				for i, v := range g.at {
					g.at[i] = v + convGradFDStep
					plus := loss()
					g.at[i] = v - convGradFDStep
					minus := loss()
					g.at[i] = v
					fd[i] = (plus - minus) / (2 * convGradFDStep)
				}
				if e := normwise(g.got, fd); !(e <= convGradFDTol) {
					t.Errorf("%v mode %d: %s normwise error %.3g against central differences > %g", s, mode, g.name, e, convGradFDTol)
				}
			}
		}
	}
}

func TestConvBackwardComputesOnlyWantedGradientsAndOverwrites(t *testing.T) {
	rng := rand.New(rand.NewPCG(55, 56))
	const channels, seqLen, kernelLen, batch = 2, 50, 50, 2
	u, dy := toF32(randFloat64(rng, batch*channels*seqLen)), toF32(randFloat64(rng, batch*channels*seqLen))
	k, d := toF32(randFloat64(rng, channels*kernelLen)), toF32(randFloat64(rng, channels))
	c, err := NewConv32(channels, seqLen, k)
	mustOK(t, err)
	all := [3][]float32{make([]float32, len(u)), make([]float32, len(k)), make([]float32, channels)}
	mustOK(t, c.Backward(all[0], all[1], all[2], dy, u, d))
	for i := range 3 {
		var only [3][]float32
		only[i] = make([]float32, len(all[i]))
		for j := range only[i] {
			only[i][j] = 1e30 // overwritten, not accumulated into
		}
		mustOK(t, c.Backward(only[0], only[1], only[2], dy, u, d))
		mustEqual(t, []string{"du", "dk", "dd"}[i]+" alone", only[i], all[i])
	}
	mustOK(t, c.Backward(nil, nil, nil, dy, u, d))
}

func TestConvBackwardStaysInsideGuardedSlicesAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(57, 58))
	asmtest.ForEachLevel(t, func(t *testing.T, _ asm.Level) {
		for _, s := range []convShape{{1, 1, 1, 1}, {2, 3, 13, 5}, {1, 2, 100, 100}, {2, 1, 1000, 999}} {
			u, dy := toF32(randFloat64(rng, s.batch*s.channels*s.seqLen)), toF32(randFloat64(rng, s.batch*s.channels*s.seqLen))
			k, d := toF32(randFloat64(rng, s.channels*s.kernelLen)), toF32(randFloat64(rng, s.channels))
			for _, mode := range []convMode{convDirect, convFFT} {
				c, err := newConvPlan("NewConv32", s.channels, s.seqLen, asmtest.GuardedFloat32(t, k), mode)
				mustOK(t, err)
				du, dk, dd := make([]float32, len(u)), make([]float32, len(k)), make([]float32, len(d))
				mustOK(t, c.backward("Conv32.Backward", du, dk, dd, dy, u, d))
				gu := asmtest.GuardedFloat32(t, make([]float32, len(u)))
				gk := asmtest.GuardedFloat32(t, make([]float32, len(k)))
				gd := asmtest.GuardedFloat32(t, make([]float32, len(d)))
				mustOK(t, c.backward("Conv32.Backward", gu, gk, gd, asmtest.GuardedFloat32(t, dy), asmtest.GuardedFloat32(t, u), asmtest.GuardedFloat32(t, d)))
				mustEqual(t, "du "+s.String(), gu, du)
				mustEqual(t, "dk "+s.String(), gk, dk)
				mustEqual(t, "dd "+s.String(), gd, dd)
			}
		}
	})
}

func TestConvBackwardAllocatesNothingInSteadyState(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector makes sync.Pool drop items")
	}
	const channels, seqLen, kernelLen, batch = 3, 100, 40, 2
	for _, mode := range convModes {
		c32, _ := newConvPlan("NewConv32", channels, seqLen, make([]float32, channels*kernelLen), mode)
		c64, _ := newConvPlan("NewConv64", channels, seqLen, make([]float64, channels*kernelLen), mode)
		u32, dy32, du32 := make([]float32, batch*channels*seqLen), make([]float32, batch*channels*seqLen), make([]float32, batch*channels*seqLen)
		dk32, dd32, d32 := make([]float32, channels*kernelLen), make([]float32, channels), make([]float32, channels)
		u64, dy64, dk64 := make([]float64, batch*channels*seqLen), make([]float64, batch*channels*seqLen), make([]float64, channels*kernelLen)
		pub, _ := NewConv64(channels, seqLen, make([]float64, channels*kernelLen))
		for name, call := range map[string]func() error{
			"Conv32.Backward all":    func() error { return c32.backward("Conv32.Backward", du32, dk32, dd32, dy32, u32, d32) },
			"Conv32.Backward du":     func() error { return c32.backward("Conv32.Backward", du32, nil, nil, dy32, u32, nil) },
			"Conv64.Backward dk":     func() error { return c64.backward("Conv64.Backward", nil, dk64, nil, dy64, u64, nil) },
			"public Conv64.Backward": func() error { return pub.Backward(nil, dk64, nil, dy64, u64, nil) },
		} {
			if a := testing.AllocsPerRun(20, func() { _ = call() }); a != 0 {
				t.Errorf("mode %d %s: %v allocations per call", mode, name, a)
			}
		}
	}
}

func TestConvBackwardRejectsBadArgumentsNamingThem(t *testing.T) {
	c32, _ := NewConv32(2, 8, make([]float32, 2*3))
	c64, _ := NewConv64(2, 8, make([]float64, 2*3))
	var nilC32 *Conv32
	var nilC64 *Conv64
	f := func(n int) []float32 { return make([]float32, n) }
	buf := f(64)
	for _, c := range []struct {
		name, want string
		call       func() error
	}{
		{"nil Conv32", "nil *Conv32", func() error { return nilC32.Backward(nil, nil, nil, nil, nil, nil) }},
		{"nil Conv64", "nil *Conv64", func() error { return nilC64.Backward(nil, nil, nil, nil, nil, nil) }},
		{"empty u", "len(u) = 0, want a positive multiple of channels·seqLen = 16", func() error { return c32.Backward(nil, nil, nil, nil, nil, nil) }},
		{"u not a multiple", "len(u) = 20", func() error { return c32.Backward(nil, nil, nil, f(20), f(20), nil) }},
		{"short dy", "len(dy) = 15, want len(u) = 16", func() error { return c32.Backward(f(16), nil, nil, f(15), f(16), nil) }},
		{"nil dy", "len(dy) = 0", func() error { return c64.Backward(nil, nil, nil, nil, make([]float64, 32), nil) }},
		{"long du", "len(du) = 17, want len(u) = 16", func() error { return c32.Backward(f(17), nil, nil, f(16), f(16), nil) }},
		{"empty non-nil du", "len(du) = 0", func() error { return c32.Backward([]float32{}, nil, nil, f(16), f(16), nil) }},
		{"dk length", "len(dk) = 5, want channels·kernelLen = 6", func() error { return c32.Backward(nil, f(5), nil, f(16), f(16), nil) }},
		{"dd length", "len(dd) = 1, want channels = 2", func() error { return c32.Backward(nil, nil, f(1), f(16), f(16), nil) }},
		{"d length", "len(d) = 3, want channels = 2", func() error { return c32.Backward(nil, nil, nil, f(16), f(16), f(3)) }},
		{"du overlaps dy", "du overlaps dy", func() error { return c32.Backward(buf[0:16], nil, nil, buf[8:24], f(16), nil) }},
		{"du is u", "du overlaps u", func() error { return c32.Backward(buf[0:16], nil, nil, f(16), buf[0:16], nil) }},
		{"dk overlaps d", "dk overlaps d", func() error { return c32.Backward(nil, buf[0:6], nil, f(16), f(16), buf[4:6]) }},
		{"dd overlaps du", "du overlaps dd", func() error { return c32.Backward(buf[0:16], nil, buf[14:16], f(16), f(16), nil) }},
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

// gradBound bounds the gradients' magnitudes, as streamBound bounds y:
// |du| ≤ max|dy|·max_h(Σ_j |k[h][j]| + |d[h]|), and |dk|, |dd| ≤
// max|u|·max|dy|·batch·seqLen (1 when 0).
func gradBound(u, dy, k, d []float64, channels int) (boundU, boundKD float64) {
	boundU = streamBound(dy, k, d, channels)
	var maxU, maxDy float64
	for i, v := range u {
		maxU = math.Max(maxU, math.Abs(v))
		maxDy = math.Max(maxDy, math.Abs(dy[i]))
	}
	if boundKD = maxU * maxDy * float64(len(u)/channels); boundKD == 0 {
		boundKD = 1
	}
	return boundU, boundKD
}

// Backward is the adjoint of the reference convolution: for the golden
// fft_conv cases (y from the S4 code) and a random dy,
// Σ y·dy = Σ u·du (y is linear in u) = Σ k·dk + Σ D·dd (and in k, D).
func TestConvBackwardIsTheAdjointOfTheGoldenFFTConvAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(59, 60))
	asmtest.ForEachLevel(t, func(t *testing.T, _ asm.Level) {
		for _, c := range golden.Load(t, "fft_conv") {
			channels, seqLen := c.Inputs["u"].Shape[1], c.Inputs["u"].Shape[2]
			u, k, d, y := c.In(t, "u"), c.In(t, "k"), c.In(t, "D"), c.Out(t, "y")
			dy := toF64(toF32(randFloat64(rng, len(u))))
			// dot returns Σ a·b and Σ |a·b|, the scale of its rounding.
			dot := func(a, b []float64) (sum, scale float64) {
				for i, v := range a {
					sum += v * b[i]
					scale += math.Abs(v * b[i])
				}
				return sum, scale
			}
			want, scale := dot(y, dy)
			check := func(name string, tol float64, du, dk, dd []float64) {
				viaU, su := dot(u, du)
				viaK, sk := dot(k, dk)
				viaD, sd := dot(d, dd)
				if e := math.Abs(viaU-want) / (scale + su); !(e <= tol) {
					t.Errorf("%s %s: Σ u·du = %g, Σ y·dy = %g: error %.3g > %g", c.Name, name, viaU, want, e, tol)
				}
				if e := math.Abs(viaK+viaD-want) / (scale + sk + sd); !(e <= tol) {
					t.Errorf("%s %s: Σ k·dk + Σ D·dd = %g, Σ y·dy = %g: error %.3g > %g", c.Name, name, viaK+viaD, want, e, tol)
				}
			}
			c64, err := NewConv64(channels, seqLen, k)
			mustOK(t, err)
			du, dk, dd := make([]float64, len(u)), make([]float64, len(k)), make([]float64, channels)
			mustOK(t, c64.Backward(du, dk, dd, dy, u, d))
			check("Conv64", golden64Tol, du, dk, dd)
			c32, err := NewConv32(channels, seqLen, golden.F32(k))
			mustOK(t, err)
			du32, dk32, dd32 := make([]float32, len(u)), make([]float32, len(k)), make([]float32, channels)
			mustOK(t, c32.Backward(du32, dk32, dd32, golden.F32(dy), golden.F32(u), golden.F32(d)))
			check("Conv32", golden32Tol, toF64(du32), toF64(dk32), toF64(dd32))
		}
	})
}

// Backward on one plan from many goroutines at once (each with its own
// outputs) gives the result computed alone; streams, one per goroutine,
// likewise. Run with -race to check that neither shares state it writes.
func TestConvBackwardAndStreamsAreSafeForConcurrentUse(t *testing.T) {
	const goroutines = 6
	rng := rand.New(rand.NewPCG(61, 62))
	for _, kernelLen := range []int{8, 200} { // direct sums and FFTs
		const channels, seqLen, blockLen = 2, 200, 40
		k := toF32(randFloat64(rng, channels*kernelLen))
		u, dy := toF32(randFloat64(rng, channels*seqLen)), toF32(randFloat64(rng, channels*seqLen))
		conv, err := NewConv32(channels, seqLen, k)
		mustOK(t, err)
		wantU, wantK := make([]float32, len(u)), make([]float32, len(k))
		mustOK(t, conv.Backward(wantU, wantK, nil, dy, u, nil))
		wantS := streamAll(t, channels, blockLen, k, u, seqLen)
		var wg sync.WaitGroup
		errs := make(chan string, goroutines)
		for g := range goroutines {
			wg.Add(1)
			go func() {
				defer wg.Done()
				du, dk := make([]float32, len(u)), make([]float32, len(k))
				for i := range 20 {
					if (g+i)%2 == 0 {
						if err := conv.Backward(du, dk, nil, dy, u, nil); err != nil || !equalSlices(du, wantU) || !equalSlices(dk, wantK) {
							errs <- "Conv32.Backward"
							return
						}
					} else if !equalSlices(streamAll(t, channels, blockLen, k, u, seqLen), wantS) {
						errs <- "ConvStream32"
						return
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for e := range errs {
			t.Errorf("kernelLen %d: concurrent %s differs from the result computed alone", kernelLen, e)
		}
	}
}

// streamAll runs a new ConvStream32 over u ([channels][seqLen]) block by
// block and returns its outputs in u's layout.
func streamAll(t *testing.T, channels, blockLen int, k, u []float32, seqLen int) []float32 {
	s, err := NewConvStream32(channels, blockLen, k)
	if err != nil {
		t.Error(err)
		return nil
	}
	y, blk := make([]float32, len(u)), make([]float32, channels*blockLen)
	for i := range seqLen / blockLen {
		toBlock(blk, u, channels, seqLen, blockLen, i)
		if err := s.Process(blk, blk, nil); err != nil {
			t.Error(err)
			return nil
		}
		fromBlock(y, blk, channels, seqLen, blockLen, i)
	}
	return y
}
