//go:build gc && !purego

package asm_test

import (
	"encoding/binary"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
	"github.com/ssmkern/ssmkern/generic"
)

// The NEON scan kernels (avogen/neongen/scan.go) through their entry
// points, each against float64 on every tail with guard pages; the scan
// package's tests then run them inside the driver at asm.NEON.

// neonExp2MaxULP bounds the decay 2^t against float64 math.Exp2 rounded
// to float32 (DESIGN: an exp within 2 ulp over its whole domain); it is
// avogen/vmath.Exp2's AVX2 algorithm, measured at 1 ulp there.
const neonExp2MaxULP = 2

// Row tolerances, relative to float64: the log1p series and the division
// add a few ulp to exp's (as asm's amd64 softplusTol and siluTol).
const (
	neonSoftplusTol = 4e-7
	neonSiLUTol     = 4e-7
)

// neonRecurrenceTol bounds the recurrence kernels' outputs and states
// normwise against float64 over a few steps: each step rounds the decay
// (2 ulp), the product and two fused multiply-adds.
const neonRecurrenceTol = 2e-6

// wantExp2 is 2^x as vmath.Exp2 defines it: float64 2^x rounded to
// float32, exactly 0 below the normal range.
func wantExp2(x float32) float32 { return asmtest.FlushBelowNormal(math.Exp2(float64(x))) }

// TestExp2RowNEONSweepWithin2ULP checks every 997th float32 bit pattern
// (every 9973rd with -short: qemu is slow).
func TestExp2RowNEONSweepWithin2ULP(t *testing.T) {
	step := uint64(997)
	if testing.Short() {
		step = 9973
	}
	worst, worstX := asmtest.SweepULP(func(dst, src []float32) int { return asm.Exp2Row(asm.NEON, dst, src) }, wantExp2, 0, step)
	if worst > neonExp2MaxULP {
		t.Errorf("exp2 max error %d ulp at x = %v", worst, worstX)
	}
	t.Logf("exp2 max error %d ulp", worst)
}

// The FNV-64a hashes of the AVX2 kernels' outputs (NaN canonicalised)
// over every step-th float32 bit pattern, taken on an amd64 host: 2^x
// (asm.Exp2Row, step 997), softplus (asm.DeltaRow with bias 0, step 9973)
// and silu (asm.GateRow of out 0, u 1, d 1, step 9973). The NEON kernels
// run the AVX2 algorithms instruction for instruction (FRINTM for
// VROUNDPS, FCVTZS for VCVTTPS2DQ, the same fused Horner steps and
// two-factor scaling), so they must give the same bits.
const (
	exp2AVX2Hash     = 0xb2f6f862c7b94bc9
	softplusAVX2Hash = 0x69882a6ed635ac09
	siluAVX2Hash     = 0xe6f3003ccbef6d64
)

// hashRow hashes f's outputs over every step-th float32 bit pattern.
func hashRow(step uint64, f func(dst, src []float32)) uint64 {
	h := fnv.New64a()
	src, dst := make([]float32, 1<<16), make([]float32, 1<<16)
	var b [4]byte
	for base := uint64(0); base < 1<<32; base += 1 << 16 * step {
		for i := range src {
			src[i] = math.Float32frombits(uint32(base + uint64(i)*step))
		}
		f(dst, src)
		for _, v := range dst {
			if v != v {
				v = float32(math.NaN())
			}
			binary.LittleEndian.PutUint32(b[:], math.Float32bits(v))
			h.Write(b[:])
		}
	}
	return h.Sum64()
}

func TestNEONRowsAreAVX2sToTheBit(t *testing.T) {
	ones := make([]float32, 1<<16)
	for i := range ones {
		ones[i] = 1
	}
	for _, c := range []struct {
		name string
		step uint64
		want uint64
		f    func(dst, src []float32)
	}{
		{"2^x", 997, exp2AVX2Hash, func(dst, src []float32) { asm.Exp2Row(asm.NEON, dst, src) }},
		{"softplus", 9973, softplusAVX2Hash, func(dst, src []float32) { asm.DeltaRow(asm.NEON, dst, src, 0, true) }},
		{"silu", 9973, siluAVX2Hash, func(dst, src []float32) { clear(dst); asm.GateRow(asm.NEON, dst, ones, src, 1) }},
	} {
		if got := hashRow(c.step, c.f); got != c.want {
			t.Errorf("NEON %s hashes to %#x, the AVX2 kernel's to %#x: the two levels no longer compute the same function", c.name, got, c.want)
		}
	}
}

func TestExp2RowNEONSpecialValues(t *testing.T) {
	inf := float32(math.Inf(1))
	below := math.Nextafter32(-126, -200)
	at := func(x float32) float32 {
		src, dst := []float32{x, x, x, x}, make([]float32, 4)
		asm.Exp2Row(asm.NEON, dst, src)
		return dst[0]
	}
	for _, c := range []struct{ x, want float32 }{
		{0, 1}, {float32(math.Copysign(0, -1)), 1}, {1, 2}, {-1, 0.5}, {127, 0x1p127},
		{-126, 0x1p-126}, {below, 0}, {-126.5, 0}, {-149, 0}, {-1000, 0}, {-1e30, 0}, {-inf, 0},
		{128, inf}, {200, inf}, {1e30, inf}, {inf, inf},
	} {
		if got := at(c.x); got != c.want {
			t.Errorf("exp2(%v) = %v (%#08x), want %v", c.x, got, math.Float32bits(got), c.want)
		}
	}
	if got := at(float32(math.NaN())); got == got {
		t.Errorf("exp2(NaN) = %v", got)
	}
}

func TestSoftplusAndSiLURowsNEONMatchFloat64(t *testing.T) {
	var xs []float32
	for x := -30.0; x <= 30; x += 0.0137 {
		xs = append(xs, float32(x))
	}
	xs = xs[:len(xs)&^3]
	sp := make([]float32, len(xs))
	asm.DeltaRow(asm.NEON, sp, xs, 0, true)
	out := make([]float32, len(xs))
	ones := make([]float32, len(xs))
	for i := range ones {
		ones[i] = 1
	}
	asm.GateRow(asm.NEON, out, ones, xs, 1) // (0 + 1·1)·silu(x)
	var worstSP, worstSiLU float64
	for i, x := range xs {
		want := generic.Softplus(float64(x))
		worstSP = math.Max(worstSP, math.Abs(float64(sp[i])-want)/math.Abs(want))
		if wantS := generic.SiLU(float64(x)); wantS != 0 {
			worstSiLU = math.Max(worstSiLU, math.Abs(float64(out[i])-wantS)/math.Abs(wantS))
		}
	}
	if worstSP > neonSoftplusTol {
		t.Errorf("softplus relative error %.3g > %.3g", worstSP, neonSoftplusTol)
	}
	if worstSiLU > neonSiLUTol {
		t.Errorf("silu relative error %.3g > %.3g", worstSiLU, neonSiLUTol)
	}
	t.Logf("softplus %.3g, silu %.3g relative", worstSP, worstSiLU)
	var nan [4]float32
	asm.DeltaRow(asm.NEON, nan[:], []float32{float32(math.NaN()), 25, -100, float32(math.Inf(1))}, 0, true)
	if nan[0] == nan[0] || nan[1] != 25 || nan[2] != 0 || !math.IsInf(float64(nan[3]), 1) {
		t.Errorf("softplus(NaN, 25, −100, +Inf) = %v", nan)
	}
}

// TestScanRowKernelsNEONOnEveryTail runs each row kernel on every length
// 0…13 with every slice flush against a guard page: it must do exactly the
// whole vectors, within tolerance of float64, and leave the tail alone.
func TestScanRowKernelsNEONOnEveryTail(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	row := func(n int, scale float64) []float32 {
		x := make([]float32, n)
		for i := range x {
			x[i] = float32(rng.NormFloat64() * scale)
		}
		return x
	}
	const sentinel = -12345
	check := func(name string, n int, got []float32, done int, want func(i int) float64, tol float64) {
		t.Helper()
		if done != n&^3 {
			t.Errorf("%s n=%d: did %d elements, want %d", name, n, done, n&^3)
		}
		for i := range got {
			if i >= done {
				if got[i] != sentinel {
					t.Errorf("%s n=%d: tail element %d changed to %v", name, n, i, got[i])
				}
				continue
			}
			w := want(i)
			if math.Abs(float64(got[i])-w) > tol*math.Max(math.Abs(w), 1e-30) {
				t.Errorf("%s n=%d: [%d] = %v, want %v", name, n, i, got[i], w)
			}
		}
	}
	fill := func(n int) []float32 {
		x := make([]float32, n)
		for i := range x {
			x[i] = sentinel
		}
		return x
	}
	for n := 0; n <= 13; n++ {
		src, bias, u, z, d := row(n, 3), row(n, 1), row(n, 1), row(n, 4), row(n, 1)
		g := func(x []float32) []float32 { return asmtest.GuardedFloat32(t, x) }
		const sBias, sD = 0.25, -0.75
		for _, sp := range []bool{false, true} {
			f := func(x float64) float64 {
				if sp {
					return generic.Softplus(x)
				}
				return x
			}
			dst := g(fill(n))
			done := asm.DeltaRow(asm.NEON, dst, g(src), sBias, sp)
			check("DeltaRow", n, dst, done, func(i int) float64 { return f(float64(src[i]) + sBias) }, neonSoftplusTol)
			dst = g(fill(n))
			done = asm.DeltaRowVec(asm.NEON, dst, g(src), g(bias), sp)
			check("DeltaRowVec", n, dst, done, func(i int) float64 { return f(float64(src[i]) + float64(bias[i])) }, neonSoftplusTol)
		}
		for _, gate := range []bool{false, true} {
			var zz []float32
			s := func(i int) float64 { return 1 }
			if gate {
				zz = z
				s = func(i int) float64 { return generic.SiLU(float64(z[i])) }
			}
			y := row(n, 1)
			out := g(append([]float32(nil), y...))
			done := asm.GateRow(asm.NEON, out, g(u), g(zz), sD)
			for i := done; i < n; i++ {
				out[i] = sentinel
			}
			check("GateRow", n, out, done, func(i int) float64 { return (float64(y[i]) + sD*float64(u[i])) * s(i) }, 4*neonSiLUTol)
			out = g(append([]float32(nil), y...))
			done = asm.GateRowVec(asm.NEON, out, g(u), g(zz), g(d))
			for i := done; i < n; i++ {
				if out[i] != y[i] {
					t.Errorf("GateRowVec n=%d: tail element %d changed", n, i)
				}
				out[i] = sentinel
			}
			check("GateRowVec", n, out, done, func(i int) float64 { return (float64(y[i]) + float64(d[i])*float64(u[i])) * s(i) }, 4*neonSiLUTol)
		}
	}
}

// normwise is max|got − want| / max|want|.
func normwise(got []float32, want []float64) float64 {
	var num, den float64
	for i, w := range want {
		num = math.Max(num, math.Abs(float64(got[i])-w))
		den = math.Max(den, math.Abs(w))
	}
	if den == 0 {
		return num
	}
	return num / den
}

// scanInputs draws n values uniformly from [lo, hi): the tests take A from
// [−16, −1) and δ from [0.001, 0.1), as trained Mamba layers have them.
func scanInputs(rng *rand.Rand, n int, lo, hi float64) []float32 {
	x := make([]float32, n)
	for i := range x {
		x[i] = float32(lo + (hi-lo)*rng.Float64())
	}
	return x
}

// TestScanChannelsNEONMatchesFloat64 runs the state-vectorised kernel on
// both layouts' strides (BDL: sx 1, one channel; BLD: sx = channels, all
// at once; per-channel constant B and C: sbc 0), every chunk count 1…3,
// with every slice exactly as long as the kernel may touch and flush
// against a guard page.
func TestScanChannelsNEONMatchesFloat64(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for _, chunks := range []int{1, 2, 3} {
		for _, channels := range []int{1, 3} {
			for _, steps := range []int{1, 2, 7} {
				for _, bld := range []bool{false, true} {
					for _, constBC := range []bool{false, true} {
						w := 4 * chunks
						sx, cx := 1, steps
						if bld {
							sx, cx = channels, 1
						}
						sbc, cbc := w, 0
						if constBC {
							sbc, cbc = 0, w
						}
						lastX := (channels-1)*cx + (steps-1)*sx + 1
						rows := (channels-1)*cbc + (steps-1)*sbc + w
						h := scanInputs(rng, channels*w, -1, 1)
						a := scanInputs(rng, channels*w, -16, -1)
						b, c := scanInputs(rng, rows, -1, 1), scanInputs(rng, rows, -1, 1)
						delta, u := scanInputs(rng, lastX, 0.001, 0.1), scanInputs(rng, lastX, -2, 2)
						wantH := make([]float64, len(h))
						for i, v := range h {
							wantH[i] = float64(v)
						}
						wantY := make([]float64, lastX)
						for ch := 0; ch < channels; ch++ {
							for s := 0; s < steps; s++ {
								x := ch*cx + s*sx
								r := ch*cbc + s*sbc
								dl, du := float64(delta[x]), float64(delta[x])*float64(u[x])
								var y float64
								for n := 0; n < w; n++ {
									k := ch*w + n
									wantH[k] = math.Exp(dl*float64(a[k]))*wantH[k] + du*float64(b[r+n])
									y += wantH[k] * float64(c[r+n])
								}
								wantY[x] = y
							}
						}
						g := func(x []float32) []float32 { return asmtest.GuardedFloat32(t, x) }
						gh, y := g(h), g(make([]float32, lastX))
						asm.ScanChannels(asm.NEON, gh, g(a), g(b), g(c), g(delta), g(u), y, steps, sx, sbc, chunks, channels, cx, cbc)
						if e := normwise(y, wantY); e > neonRecurrenceTol {
							t.Errorf("chunks %d channels %d steps %d bld %v constBC %v: y normwise error %.3g", chunks, channels, steps, bld, constBC, e)
						}
						if e := normwise(gh, wantH); e > neonRecurrenceTol {
							t.Errorf("chunks %d channels %d steps %d bld %v constBC %v: h normwise error %.3g", chunks, channels, steps, bld, constBC, e)
						}
					}
				}
			}
		}
	}
}

// TestScanLanesNEONOnEveryLaneCount runs the channel-vectorised kernel on
// blocks of 1…4 channels with δ, x and y flush against guard pages (the
// partial blocks read and write exactly their lanes), and checks that the
// lanes beyond the block in a whole row are untouched.
func TestScanLanesNEONOnEveryLaneCount(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for lanes := 1; lanes <= 4; lanes++ {
		for _, states := range []int{1, 5, 16} {
			for _, steps := range []int{1, 3} {
				const dim = 6 // row stride sx of the BLD activations
				ad := dim + 4
				lastX := (steps-1)*dim + lanes
				h := scanInputs(rng, 4*states, -1, 1)
				for n := 0; n < states; n++ {
					for j := lanes; j < 4; j++ {
						h[n*4+j] = 0 // lanes beyond the block hold no state
					}
				}
				at := scanInputs(rng, (states-1)*ad+4, -16, -1)
				rows := (steps-1)*states + states
				b, c := scanInputs(rng, rows, -1, 1), scanInputs(rng, rows, -1, 1)
				delta, u := scanInputs(rng, lastX, 0.001, 0.1), scanInputs(rng, lastX, -2, 2)
				wantH := make([]float64, len(h))
				for i, v := range h {
					wantH[i] = float64(v)
				}
				wantY := make([]float64, lastX)
				for s := 0; s < steps; s++ {
					for j := 0; j < lanes; j++ {
						x := s*dim + j
						dl, du := float64(delta[x]), float64(delta[x])*float64(u[x])
						var y float64
						for n := 0; n < states; n++ {
							k := n*4 + j
							wantH[k] = math.Exp(dl*float64(at[n*ad+j]))*wantH[k] + du*float64(b[s*states+n])
							y += wantH[k] * float64(c[s*states+n])
						}
						wantY[x] = y
					}
				}
				g := func(x []float32) []float32 { return asmtest.GuardedFloat32(t, x) }
				y := make([]float32, lastX)
				for i := range y {
					y[i] = -7 // the other channels' outputs between the block's rows
				}
				gh, gy := g(h), g(y)
				asm.ScanLanes(asm.NEON, gh, g(at), g(b), g(c), g(delta), g(u), gy, ad, dim, states, steps, states, lanes, false)
				for i := range gy {
					if i%dim >= lanes {
						if gy[i] != -7 {
							t.Errorf("lanes %d: y[%d] outside the block written", lanes, i)
						}
						gy[i], wantY[i] = 0, 0
					}
				}
				if e := normwise(gy, wantY); e > neonRecurrenceTol {
					t.Errorf("lanes %d states %d steps %d: y normwise error %.3g", lanes, states, steps, e)
				}
				if e := normwise(gh, wantH); e > neonRecurrenceTol {
					t.Errorf("lanes %d states %d steps %d: h normwise error %.3g", lanes, states, steps, e)
				}
			}
		}
	}
}
