//go:build gc && !purego && (amd64 || arm64)

package asm_test

import (
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
)

// TestFFTRadix16MatchesTwoFloat64StagesAtEveryLevel checks the fused
// radix-16 pass against the float64 radix-4 stages (ls, 4r) and (4ls, r)
// with the same float32 twiddles (random unit values, so that a twiddle
// read for the wrong j shows), the first stage's output rounded to
// float32 as the kernel's registers hold it. Shapes: every ls from 1 to 32
// with r = 8 … 40 (one to five vectors per j, r not always a power of
// two), the ls = 1 pass with and without a scale and in place, both
// directions, in, out and table flush against guard pages.
func TestFFTRadix16MatchesTwoFloat64StagesAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(41, 42))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		ran := 0
		unit := func() complex128 {
			return complex128(complex64(cmplx.Rect(1, rng.Float64()*2*math.Pi))) // as the kernel reads it
		}
		for ls := 1; ls <= 32; ls *= 2 {
			for r := 8; r <= 40; r += 8 {
				if !asm.FFTRadix16Supported(l, ls, r) {
					continue
				}
				n := 16 * ls * r
				var wA, wB [3][]complex128
				tw := make([]float32, asm.FFTRadix16TwiddleLen(ls))
				for q := range 3 {
					wA[q] = make([]complex128, ls)
					wB[q] = make([]complex128, 4*ls)
					for j := range ls {
						wA[q][j] = 1 // ls = 1: the kernel does not read them
						if ls > 1 {
							wA[q][j] = unit()
						}
						tw[30*j+2*q], tw[30*j+2*q+1] = float32(real(wA[q][j])), float32(imag(wA[q][j]))
					}
					for j := range 4 * ls {
						wB[q][j] = unit()
						if ls == 1 && j == 0 {
							wB[q][j] = 1 // ls = 1, s = 0: not read either
						}
						at := 30*(j%ls) + 6 + 6*(j/ls) + 2*q
						tw[at], tw[at+1] = float32(real(wB[q][j])), float32(imag(wB[q][j]))
					}
				}
				scales := []float32{1}
				if ls == 1 {
					scales = append(scales, 1/float32(n*4)) // a power of two, not n's: the kernel must use the given one
				}
				x := randC64(rng, n)
				for _, s := range scales {
					xs := make([]complex64, n)
					for i, c := range x {
						xs[i] = c * complex(s, 0)
					}
					for _, inverse := range []bool{false, true} {
						mid := refRadix4(xs, wA, ls, inverse)
						mid32 := make([]complex64, n)
						for i, c := range mid {
							mid32[i] = complex64(c)
						}
						want := refRadix4(mid32, wB, 4*ls, inverse)
						out := asmtest.GuardedComplex64(t, make([]complex64, n))
						asm.FFTRadix16(l, out, asmtest.GuardedComplex64(t, x), asmtest.GuardedFloat32(t, tw), ls, inverse, s)
						checkStage(t, "FFTRadix16", out, want, mid32)
						if ls == 1 {
							inPlace := asmtest.GuardedComplex64(t, x)
							asm.FFTRadix16(l, inPlace, inPlace, asmtest.GuardedFloat32(t, tw), ls, inverse, s)
							checkStage(t, "FFTRadix16 in place", inPlace, want, mid32)
						}
						ran++
					}
				}
			}
		}
		if l == asm.AVX512 && ran == 0 {
			t.Fatal("FFTRadix16 never ran at AVX-512")
		}
	})
}

// TestFFTRadix16RejectsBadShapes checks that a shape the kernel cannot
// run panics in the entry point, before any assembly runs.
func TestFFTRadix16RejectsBadShapes(t *testing.T) {
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if !asm.FFTRadix16Supported(l, 1, 8) {
			t.Skip("no radix-16 pass at this level")
		}
		tw := make([]float32, asm.FFTRadix16TwiddleLen(4))
		for _, c := range []struct {
			name    string
			out, in int
			ls      int
			s       float32
		}{
			{"r not whole vectors", 16 * 4 * 4, 16 * 4 * 4, 4, 1},
			{"n not a multiple of 16·ls", 16*4*8 + 8, 16*4*8 + 8, 4, 1},
			{"out shorter", 16*4*8 - 8, 16 * 4 * 8, 4, 1},
			{"scale with ls > 1", 16 * 4 * 8, 16 * 4 * 8, 4, 0.5},
			{"ls = 0", 16 * 8, 16 * 8, 0, 1},
		} {
			func() {
				defer func() {
					if recover() == nil {
						t.Errorf("%s: no panic", c.name)
					}
				}()
				asm.FFTRadix16(l, make([]complex64, c.out), make([]complex64, c.in), tw, c.ls, false, c.s)
			}()
		}
	})
}

// toSeg lays x out in the segmented layout (asm.FFTSegIndex) of segment
// seg and padding pad, the padding NaN: a kernel that reads it spreads
// NaN into its outputs.
func toSeg(x []complex64, seg, pad int) []complex64 {
	nan := complex(float32(math.NaN()), float32(math.NaN()))
	y := make([]complex64, asm.FFTSegIndex(len(x)-1, seg, pad)+1+pad)
	for i := range y {
		y[i] = nan
	}
	for i, v := range x {
		y[asm.FFTSegIndex(i, seg, pad)] = v
	}
	return y
}

// fromSeg reads n values back from a segmented layout and fails the test
// when a padding value is not the NaN toSeg put there.
func fromSeg(t *testing.T, what string, y []complex64, n, seg, pad int) []complex64 {
	t.Helper()
	x := make([]complex64, n)
	data := make([]bool, len(y))
	for i := range x {
		x[i] = y[asm.FFTSegIndex(i, seg, pad)]
		data[asm.FFTSegIndex(i, seg, pad)] = true
	}
	for i, v := range y {
		if !data[i] && !cmplx.IsNaN(complex128(v)) {
			t.Fatalf("%s: padding value %d written (%v)", what, i, v)
		}
	}
	return x
}

// TestFFTRadix16SegMatchesContiguousAtEveryLevel runs the radix-16 pass
// and the fused tail on segmented layouts (padding 0, 8 and 24 values on
// either side) against the float64 stages on the contiguous values, and
// checks that the padding is neither read (NaN there would reach the
// outputs) nor written; buffers flush against guard pages.
func TestFFTRadix16SegMatchesContiguousAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(43, 44))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		ran := 0
		unit := func() complex128 {
			return complex128(complex64(cmplx.Rect(1, rng.Float64()*2*math.Pi)))
		}
		ns := []int{2048, 4096, 8192, 16384}
		if c := asm.FFTTail16CompactMinLen; c > 16384 && c <= 1<<16 {
			ns = append(ns, c) // the compact tail's shortest length
		}
		for _, n := range ns {
			seg := n / 16
			x := randC64(rng, n)
			for ls := 1; 16*ls*8 <= n; ls *= 2 {
				if !asm.FFTRadix16Supported(l, ls, n/(16*ls)) {
					continue
				}
				var wA, wB [3][]complex128
				tw := make([]float32, asm.FFTRadix16TwiddleLen(ls))
				for q := range 3 {
					wA[q], wB[q] = make([]complex128, ls), make([]complex128, 4*ls)
					for j := range ls {
						wA[q][j] = 1
						if ls > 1 {
							wA[q][j] = unit()
						}
						tw[30*j+2*q], tw[30*j+2*q+1] = float32(real(wA[q][j])), float32(imag(wA[q][j]))
					}
					for j := range 4 * ls {
						wB[q][j] = unit()
						if ls == 1 && j == 0 {
							wB[q][j] = 1 // ls = 1, s = 0: not read either
						}
						at := 30*(j%ls) + 6 + 6*(j/ls) + 2*q
						tw[at], tw[at+1] = float32(real(wB[q][j])), float32(imag(wB[q][j]))
					}
				}
				for _, pads := range [][2]int{{0, 8}, {8, 8}, {8, 0}, {24, 8}} {
					inverse := pads[0] == 8
					mid := refRadix4(x, wA, ls, inverse)
					mid32 := make([]complex64, n)
					for i, c := range mid {
						mid32[i] = complex64(c)
					}
					want := refRadix4(mid32, wB, 4*ls, inverse)
					in := asmtest.GuardedComplex64(t, toSeg(x, seg, pads[0]))
					out := asmtest.GuardedComplex64(t, toSeg(make([]complex64, n), seg, pads[1]))
					asm.FFTRadix16Seg(l, out, in, asmtest.GuardedFloat32(t, tw), n, ls, pads[0], pads[1], inverse, 1)
					checkStage(t, "FFTRadix16Seg", fromSeg(t, "FFTRadix16Seg", out, n, seg, pads[1]), want, mid32)
					ran++
				}
			}
			// The radix-8 first stage and the tail: their tables' values do
			// not matter here, only that both layouts give the same
			// outputs.
			if !asm.FFTRadix16Supported(l, 1, 8) {
				continue
			}
			for _, inverse := range []bool{false, true} {
				want := make([]complex64, n)
				asm.FFTRadix8First(l, want, x, 0.5, inverse)
				for _, pad := range []int{8, 24} {
					got := asmtest.GuardedComplex64(t, toSeg(make([]complex64, n), seg, pad))
					asm.FFTRadix8FirstSeg(l, got, asmtest.GuardedComplex64(t, x), pad, 0.5, inverse)
					for i, v := range fromSeg(t, "FFTRadix8FirstSeg", got, n, seg, pad) {
						if v != want[i] {
							t.Fatalf("FFTRadix8FirstSeg n=%d pad=%d: out[%d] = %v, contiguous %v", n, pad, i, v, want[i])
						}
					}
					ran++
				}
			}
			// The tail on its compact table: random unit w_A and v_k per
			// j, w_B(k, j + s·m) = v_k·ω_16^{ks} with ω_16^{ks} rounded to
			// float32 as the kernel holds it.
			m := n / 16
			w16 := func(e int) complex128 {
				if e%4 == 0 { // exact quarter turns, as the kernel's table
					return [4]complex128{1, -1i, -1, 1i}[e/4%4]
				}
				return complex128(complex64(cmplx.Exp(complex(0, -2*math.Pi*float64(e)/16))))
			}
			var wA, wB [3][]complex128
			tw := make([]float32, asm.FFTTail16SegTwiddleLen(n))
			compact := n >= asm.FFTTail16CompactMinLen
			put := func(vec, j int, x float64) {
				if !compact {
					return
				}
				o := j/8*12*16 + vec*16 + 2*(j%8)
				tw[o], tw[o+1] = float32(x), float32(x)
			}
			for q := range 3 {
				wA[q], wB[q] = make([]complex128, m), make([]complex128, 4*m)
				for j := range m {
					wA[q][j] = unit()
					vk := unit()
					put(2*q, j, real(wA[q][j]))
					put(2*q+1, j, imag(wA[q][j]))
					put(6+2*q, j, real(vk))
					put(6+2*q+1, j, imag(vk))
					for s := range 4 {
						wB[q][j+s*m] = vk * w16((q+1)*s)
					}
				}
			}
			if !compact { // the 30-vector table: w_A, then w_B for s = 0 … 3
				for j := range m {
					for q := range 3 {
						for vec, w := range []complex128{wA[q][j], wB[q][j], wB[q][j+m], wB[q][j+2*m], wB[q][j+3*m]} {
							o := j/8*30*16 + (6*vec+2*q)*16 + 2*(j%8)
							tw[o], tw[o+1] = float32(real(w)), float32(real(w))
							tw[o+16], tw[o+17] = float32(imag(w)), float32(imag(w))
						}
					}
				}
			}
			for _, inverse := range []bool{false, true} {
				mid := refRadix4(x, wA, m, inverse)
				mid32 := make([]complex64, n)
				for i, c := range mid {
					mid32[i] = complex64(c)
				}
				want := refRadix4(mid32, wB, 4*m, inverse)
				for _, pad := range []int{0, 8, 24} {
					got := asmtest.GuardedComplex64(t, make([]complex64, n))
					asm.FFTTail16Seg(l, got, asmtest.GuardedComplex64(t, toSeg(x, seg, pad)), asmtest.GuardedFloat32(t, tw), n, pad, inverse)
					// Two products where the float64 stage has one: a
					// rounding more on the stage-B inputs.
					checkStage(t, "FFTTail16Seg", got, want, mid32)
					ran++
				}
			}
		}
		if l == asm.AVX512 && ran == 0 {
			t.Fatal("the segmented kernels never ran at AVX-512")
		}
	})
}
