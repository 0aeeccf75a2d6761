//go:build gc && !purego

package asm_test

import (
	"fmt"
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
	"github.com/ssmkern/ssmkern/generic"
)

// fftConvPassTol bounds the assembly against its generic twin, in units
// of float32 epsilon times the magnitudes going in, 4·|K|·(|z_k| +
// |z_{h−k}|)·s (|tw| = 1, two kernel bins): a dozen roundings on each
// side, some fused in the assembly.
const fftConvPassTol = 32 * 0x1p-24

// FFTConvPass over every h from one pair of blocks to six, with every input flush
// against a guard page, against generic.FFTConvPass.
func TestFFTConvPassMatchesGeneric(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if l == asm.Generic {
			t.Skip("no assembly at this level")
		}
		for h := 2 * asm.FFTConvBlock; h <= 12*asm.FFTConvBlock; h += 2 * asm.FFTConvBlock {
			z, k, tw := make([]complex64, h+1), make([]complex64, h+1), make([]complex64, h/2+1)
			for i := range z {
				z[i] = complex(float32(rng.NormFloat64()), float32(rng.NormFloat64()))
				k[i] = complex(float32(rng.NormFloat64()), float32(rng.NormFloat64()))
			}
			z[h] = z[0]
			for i := range tw {
				s, c := math.Sincos(math.Pi * float64(i) / float64(h))
				tw[i] = complex(float32(s), float32(c)) // i·e^{−iπk/h}
			}
			s := float32(1 / (4 * float64(h)))
			want := make([]complex64, h+1)
			generic.FFTConvPass(want, z, k, tw, s)
			got := asmtest.GuardedComplex64(t, make([]complex64, h+1))
			asm.FFTConvPass(l, got, asmtest.GuardedComplex64(t, z), asmtest.GuardedComplex64(t, k), asmtest.GuardedComplex64(t, tw), s)
			for i := range h + 1 {
				mag := 4 * float64(s) * (cmplx.Abs(complex128(k[i])) + cmplx.Abs(complex128(k[h-i]))) * (cmplx.Abs(complex128(z[i])) + cmplx.Abs(complex128(z[h-i])))
				if d := cmplx.Abs(complex128(got[i] - want[i])); d > fftConvPassTol*mag {
					t.Fatalf("h=%d k=%d: %v, want %v (difference %.3g, bound %.3g)", h, i, got[i], want[i], d, fftConvPassTol*mag)
				}
			}
			// In place, dst = z: the same values.
			inPlace := asmtest.GuardedComplex64(t, z)
			asm.FFTConvPass(l, inPlace, inPlace, asmtest.GuardedComplex64(t, k), asmtest.GuardedComplex64(t, tw), s)
			for i := range h {
				if inPlace[i] != got[i] {
					t.Fatalf("h=%d k=%d: in place %v, apart %v", h, i, inPlace[i], got[i])
				}
			}
		}
	})
}

// AddScaled is exact against its twin up to the fused multiply-add's one
// rounding: within half an ulp of |a| + |d·u|, checked over lengths that
// leave every tail, in place on a and on u.
func TestAddScaledMatchesGeneric(t *testing.T) {
	rng := rand.New(rand.NewPCG(23, 24))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if l == asm.Generic {
			t.Skip("no assembly at this level")
		}
		for n := 0; n <= 70; n++ {
			a, u := make([]float32, n), make([]float32, n)
			for i := range a {
				a[i], u[i] = float32(rng.NormFloat64()), float32(rng.NormFloat64())
			}
			const d = float32(-0.7)
			want := make([]float32, n)
			generic.AddScaled(want, a, u, d)
			for _, mode := range []string{"apart", "y=a", "y=u"} {
				ga, gu := asmtest.GuardedFloat32(t, a), asmtest.GuardedFloat32(t, u)
				y := asmtest.GuardedFloat32(t, make([]float32, n))
				switch mode {
				case "y=a":
					y = ga
				case "y=u":
					y = gu
				}
				done := asm.AddScaled(l, y, ga, gu, d)
				if lanes := asm.Lanes(l); done != n/lanes*lanes {
					t.Fatalf("n=%d: did %d, want %d", n, done, n/lanes*lanes)
				}
				for i := range done {
					bound := 0x1p-24 * (math.Abs(float64(a[i])) + math.Abs(float64(d*u[i])))
					if diff := math.Abs(float64(y[i] - want[i])); diff > 2*bound {
						t.Fatalf("n=%d %s i=%d: %v, want %v", n, mode, i, y[i], want[i])
					}
				}
			}
		}
	})
}

// FFTConvFirst is FFTRadix4FirstScaled (scale 1) on the input padded with
// zeros, value for value, reading only the unpadded half (guarded).
func TestFFTConvFirstIsTheFirstStageOfTheZeroPaddedInput(t *testing.T) {
	rng := rand.New(rand.NewPCG(25, 26))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if l == asm.Generic {
			t.Skip("no assembly at this level")
		}
		v := asm.FFTValues(l)
		for r := v; r <= 6*v; r += v {
			in := make([]complex64, 2*r)
			for i := range in {
				in[i] = complex(float32(rng.NormFloat64()), float32(rng.NormFloat64()))
			}
			padded := append(append([]complex64(nil), in...), make([]complex64, 2*r)...)
			want := make([]complex64, 4*r)
			asm.FFTRadix4FirstScaled(l, want, padded, 1, false)
			got := asmtest.GuardedComplex64(t, make([]complex64, 4*r))
			asm.FFTConvFirst(l, got, asmtest.GuardedComplex64(t, in))
			for i := range want {
				if got[i] != want[i] {
					t.Fatalf("r=%d: out[%d] = %v, want %v", r, i, got[i], want[i])
				}
			}
		}
	})
}

// FFTConvTail16 is the first half of the inverse FFTTail16, value for
// value, and with the skip that half through AddScaled, value for value:
// every n from one group of 8 j to four, every slice guarded, y apart from
// u and y = u.
func TestFFTConvTail16IsTheFirstHalfOfTheInverseTail16(t *testing.T) {
	rng := rand.New(rand.NewPCG(27, 28))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if !asm.FFTTail16Supported(l, 128) {
			t.Skip("no FFTTail16 at this level")
		}
		for n := 128; n <= 4*128; n += 128 {
			in := make([]complex64, n)
			for i := range in {
				in[i] = complex(float32(rng.NormFloat64()), float32(rng.NormFloat64()))
			}
			// Any table: the kernels must agree on every one.
			tw := make([]float32, asm.FFTTail16TwiddleLen(n))
			for i := range tw {
				tw[i] = float32(rng.NormFloat64())
			}
			u := make([]float32, n)
			for i := range u {
				u[i] = float32(rng.NormFloat64())
			}
			full := make([]complex64, n)
			asm.FFTTail16(l, full, in, tw, true)
			gin, gtw := asmtest.GuardedComplex64(t, in), asmtest.GuardedFloat32(t, tw)
			checkPrunedTail(t, l, fmt.Sprintf("n=%d", n), full, u, -0.7, func(y, u []float32, d float32, skip bool) {
				asm.FFTConvTail16(l, y, u, gin, gtw, d, skip)
			})
		}
	})
}

// FFTConvFirst16 is FFTRadix16Seg's first pass (ls = 1) of the input
// followed by as many zeros, value for value: contiguous and segmented
// output, every length from one vector per row to a segmented plan's,
// every slice guarded.
func TestFFTConvFirst16IsTheRadix16FirstPassOfTheZeroPaddedInput(t *testing.T) {
	rng := rand.New(rand.NewPCG(33, 34))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if !asm.FFTRadix16Supported(l, 1, 8) {
			t.Skip("no FFTRadix16 at this level")
		}
		for _, n := range []int{128, 256, 384, 4096, 65536} {
			for _, pad := range []int{0, 16} {
				r := n / 16
				in := make([]complex64, n/2)
				for i := range in {
					in[i] = complex(float32(rng.NormFloat64()), float32(rng.NormFloat64()))
				}
				padded := make([]complex64, n)
				copy(padded, in)
				tw := make([]float32, asm.FFTRadix16TwiddleLen(1))
				for i := range tw {
					tw[i] = float32(rng.NormFloat64())
				}
				m := asm.FFTSegIndex(n-1, r, pad) + 1
				want := make([]complex64, m)
				asm.FFTRadix16Seg(l, want, padded, tw, n, 1, 0, pad, false, 1)
				got := asmtest.GuardedComplex64(t, make([]complex64, m))
				asm.FFTConvFirst16(l, got, asmtest.GuardedComplex64(t, in), asmtest.GuardedFloat32(t, tw), pad)
				for i := range got {
					if got[i] != want[i] {
						t.Fatalf("n=%d pad=%d: out[%d] = %v, want %v", n, pad, i, got[i], want[i])
					}
				}
			}
		}
	})
}

// FFTConvFirstSeg is a segmented plan's first radix-4 pass
// (FFTRadix4Strided as runSeg32 lays it out) of the input followed by as
// many zeros, value for value, every slice guarded.
func TestFFTConvFirstSegIsTheStridedFirstPassOfTheZeroPaddedInput(t *testing.T) {
	rng := rand.New(rand.NewPCG(35, 36))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if l != asm.AVX512 {
			t.Skip("FFTConvFirstSeg is AVX-512's")
		}
		for _, n := range []int{128, 256, 1024, 16384} {
			for _, pad := range []int{0, 16} {
				seg := n / 16
				in := make([]complex64, n/2)
				for i := range in {
					in[i] = complex(float32(rng.NormFloat64()), float32(rng.NormFloat64()))
				}
				padded := make([]complex64, n)
				copy(padded, in)
				m := asm.FFTSegIndex(n-1, seg, pad) + 1
				want := make([]complex64, m)
				st := asm.FFTStageLayout{Rows: 4, Width: seg, QIn: n / 4, RowIn: seg, SOut: 4 * (seg + pad), RowOut: seg + pad}
				asm.FFTRadix4Strided(l, want, padded, nil, 1, st, false, 1)
				got := asmtest.GuardedComplex64(t, make([]complex64, m))
				asm.FFTConvFirstSeg(l, got, asmtest.GuardedComplex64(t, in), pad)
				for i := range got {
					if got[i] != want[i] {
						t.Fatalf("n=%d pad=%d: out[%d] = %v, want %v", n, pad, i, got[i], want[i])
					}
				}
			}
		}
	})
}

// FFTConvTail16Seg is the first half of the inverse FFTTail16Seg, value
// for value, and with the skip that half through AddScaled: the lengths
// of both tables (below and from FFTTail16CompactMinLen), segmented and
// contiguous input, every slice guarded, y apart from u and y = u.
func TestFFTConvTail16SegIsTheFirstHalfOfTheInverseTail16Seg(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 32))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if !asm.FFTTail16Supported(l, 2048) {
			t.Skip("no FFTTail16Seg at this level")
		}
		for _, n := range []int{2048, 4096, 16384, 32768} {
			for _, pad := range []int{0, 16} {
				m := n / 16
				in := make([]complex64, asm.FFTSegIndex(n-1, m, pad)+1)
				for i := range in {
					in[i] = complex(float32(rng.NormFloat64()), float32(rng.NormFloat64()))
				}
				tw := make([]float32, asm.FFTTail16SegTwiddleLen(n))
				for i := range tw {
					tw[i] = float32(rng.NormFloat64())
				}
				u := make([]float32, n)
				for i := range u {
					u[i] = float32(rng.NormFloat64())
				}
				full := make([]complex64, n)
				asm.FFTTail16Seg(l, full, in, tw, n, pad, true)
				gin, gtw := asmtest.GuardedComplex64(t, in), asmtest.GuardedFloat32(t, tw)
				checkPrunedTail(t, l, fmt.Sprintf("n=%d pad=%d", n, pad), full, u, 0.45, func(y, u []float32, d float32, skip bool) {
					asm.FFTConvTail16Seg(l, y, u, gin, gtw, pad, d, skip)
				})
			}
		}
	})
}

// FFTConvLast4 is the first half of the inverse last radix-4 stage (r =
// 1), value for value, and with the skip that half through AddScaled:
// every n from one group of 4 j to eight, every slice guarded, y apart
// from u and y = u.
func TestFFTConvLast4IsTheFirstHalfOfTheInverseLastStage(t *testing.T) {
	rng := rand.New(rand.NewPCG(29, 30))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if !asm.FFTConvLast4Supported(l, 16) {
			t.Skip("no FFTConvLast4 at this level")
		}
		for n := 16; n <= 8*16; n += 16 {
			in := make([]complex64, n)
			for i := range in {
				in[i] = complex(float32(rng.NormFloat64()), float32(rng.NormFloat64()))
			}
			tw := make([]float32, asm.FFTRadix4TwiddleLen(l, n/4, 1))
			for i := range tw {
				tw[i] = float32(rng.NormFloat64())
			}
			u := make([]float32, n)
			for i := range u {
				u[i] = float32(rng.NormFloat64())
			}
			full := make([]complex64, n)
			asm.FFTRadix4(l, full, in, tw, n/4, true)
			gin, gtw := asmtest.GuardedComplex64(t, in), asmtest.GuardedFloat32(t, tw)
			checkPrunedTail(t, l, fmt.Sprintf("n=%d", n), full, u, 0.3, func(y, u []float32, d float32, skip bool) {
				asm.FFTConvLast4(l, y, u, gin, gtw, d, skip)
			})
		}
	})
}

// checkPrunedTail checks a pruned, skip-fused last pass run(y, u, d, skip)
// against its unpruned twin's output full: y must be the first half of
// full as floats, plus d·u when skip, with y apart from u and y = u, both
// on guard pages.
func checkPrunedTail(t *testing.T, l asm.Level, name string, full []complex64, u []float32, d float32, run func(y, u []float32, d float32, skip bool)) {
	t.Helper()
	n := len(full)
	half := make([]float32, n)
	for i, v := range full[:n/2] {
		half[2*i], half[2*i+1] = real(v), imag(v)
	}
	skipped := make([]float32, n)
	if done := asm.AddScaled(l, skipped, half, u, d); done != n {
		t.Fatalf("AddScaled did %d of %d", done, n)
	}
	for _, c := range []struct {
		name string
		skip bool
		want []float32
	}{{"no skip", false, half}, {"skip", true, skipped}, {"skip, y = u", true, skipped}} {
		gu := asmtest.GuardedFloat32(t, u)
		y := asmtest.GuardedFloat32(t, make([]float32, n))
		if c.name == "skip, y = u" {
			y = gu
		}
		run(y, gu, d, c.skip)
		for i := range y {
			if y[i] != c.want[i] {
				t.Fatalf("%s %s: y[%d] = %v, want %v", name, c.name, i, y[i], c.want[i])
			}
		}
	}
}
