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

// fftStageTol bounds each output of one stage against the float64 stage
// of the same float32 inputs and twiddles, relative to the largest input
// magnitude: a product rounds twice (mul, then fused add) and the
// butterfly adds two more roundings, about 4·2^−24 of |w|·max|x| ≤ 4·max|x|.
const fftStageTol = 8.0 / (1 << 24)

// refRadix4 is radix4Stage128 of the complex64 values in.
func refRadix4(in []complex64, w [3][]complex128, ls int, inverse bool) []complex128 {
	return radix4Stage128(widen128(in), w, ls, inverse)
}

// radix4Stage128 is one radix-4 Stockham stage in complex128 arithmetic
// (generic/fft_radix.go's formula): w[q-1][j] is the twiddle of input q
// of j, conjugated for the inverse.
func radix4Stage128(in []complex128, w [3][]complex128, ls int, inverse bool) []complex128 {
	n := len(in)
	r := n / (4 * ls)
	out := make([]complex128, n)
	rot := complex(0, -1)
	if inverse {
		rot = complex(0, 1)
	}
	for j := range ls {
		for k := range r {
			var a [4]complex128
			for q := range 4 {
				a[q] = in[j*4*r+q*r+k]
				if q > 0 {
					wq := w[q-1][j]
					if inverse {
						wq = cmplx.Conj(wq)
					}
					a[q] *= wq
				}
			}
			s02, d02 := a[0]+a[2], a[0]-a[2]
			s13, d13 := a[1]+a[3], rot*(a[1]-a[3])
			out[j*r+k] = s02 + s13
			out[(j+ls)*r+k] = d02 + d13
			out[(j+2*ls)*r+k] = s02 - s13
			out[(j+3*ls)*r+k] = d02 - d13
		}
	}
	return out
}

// widen128 returns x in complex128.
func widen128(x []complex64) []complex128 {
	y := make([]complex128, len(x))
	for i, v := range x {
		y[i] = complex128(v)
	}
	return y
}

// packTwiddles writes w in the layout asm.FFTRadix4 documents.
func packTwiddles(l asm.Level, w [3][]complex128, ls, r int) []float32 {
	tw := make([]float32, asm.FFTRadix4TwiddleLen(l, ls, r))
	v := asm.FFTValues(l)
	if !asm.FFTRadix4Narrow(l, r) {
		for j := range ls {
			for q := range 3 {
				tw[6*j+2*q], tw[6*j+2*q+1] = float32(real(w[q][j])), float32(imag(w[q][j]))
			}
		}
		return tw
	}
	for g := range ls * r / v {
		for i := range v {
			j := (g*v + i) / r
			for q := range 3 {
				re, im := float32(real(w[q][j])), float32(imag(w[q][j]))
				base := g*12*v + 2*q*2*v
				tw[base+2*i], tw[base+2*i+1] = re, re
				tw[base+2*v+2*i], tw[base+2*v+2*i+1] = im, im
			}
		}
	}
	return tw
}

func checkStage(t *testing.T, what string, got []complex64, want []complex128, in []complex64) {
	t.Helper()
	scale := 0.0
	for _, x := range in {
		scale = max(scale, cmplx.Abs(complex128(x)))
	}
	for i := range want {
		if d := cmplx.Abs(complex128(got[i]) - want[i]); !(d <= fftStageTol*4*scale) {
			t.Fatalf("%s: out[%d] = %v, want %v (|error| %.3g, max |x| %.3g)", what, i, got[i], want[i], d, scale)
		}
	}
}

func randC128(rng *rand.Rand, n int) []complex128 {
	x := make([]complex128, n)
	for i := range x {
		x[i] = complex(rng.NormFloat64(), rng.NormFloat64())
	}
	return x
}

func randC64(rng *rand.Rand, n int) []complex64 {
	x := make([]complex64, n)
	for i := range x {
		x[i] = complex(float32(rng.NormFloat64()), float32(rng.NormFloat64()))
	}
	return x
}

// TestFFTRadix4MatchesFloat64StageAtEveryLevel runs every supported
// (ls, r) of n = 2^4 … 2^12, both directions, with in, out and the
// twiddle table flush against guard pages.
func TestFFTRadix4MatchesFloat64StageAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if !hasFFTKernels(l) {
			t.Skip("no FFT kernels at this level")
		}
		ran := 0
		for n := 16; n <= 1<<12; n *= 2 {
			for ls := 1; 4*ls <= n; ls *= 2 {
				r := n / (4 * ls)
				if !asm.FFTRadix4Supported(l, ls, r) {
					continue
				}
				var w [3][]complex128
				for q := range w {
					w[q] = make([]complex128, ls)
					for j := range ls {
						w[q][j] = cmplx.Rect(1, rng.Float64()*2*math.Pi)
						if ls == 1 {
							w[q][j] = 1 // the first stage has no twiddles
						}
					}
				}
				x := randC64(rng, n)
				for _, inverse := range []bool{false, true} {
					want := refRadix4(x, w, ls, inverse)
					in := asmtest.GuardedComplex64(t, x)
					out := asmtest.GuardedComplex64(t, make([]complex64, n))
					tw := asmtest.GuardedFloat32(t, packTwiddles(l, w, ls, r))
					asm.FFTRadix4(l, out, in, tw, ls, inverse)
					checkStage(t, "FFTRadix4", out, want, x)
					ran++
				}
			}
		}
		if ran < 20 {
			t.Fatalf("only %d stages ran", ran)
		}
	})
}

func TestFFTRadix2FirstAndScaleMatchGoAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if !hasFFTKernels(l) {
			t.Skip("no FFT kernels at this level")
		}
		for n := 2 * asm.FFTValues(l); n <= 1<<10; n *= 2 {
			x := randC64(rng, n)
			out := asmtest.GuardedComplex64(t, make([]complex64, n))
			asm.FFTRadix2First(l, out, asmtest.GuardedComplex64(t, x), 1)
			for k := range n / 2 {
				if out[k] != x[k]+x[k+n/2] || out[k+n/2] != x[k]-x[k+n/2] {
					t.Fatalf("n=%d: FFTRadix2First wrong at %d", n, k)
				}
			}
			asm.FFTRadix2First(l, out, asmtest.GuardedComplex64(t, x), 0.25)
			for k := range n / 2 {
				if out[k] != (x[k]+x[k+n/2])*0.25 || out[k+n/2] != (x[k]-x[k+n/2])*0.25 {
					t.Fatalf("n=%d: FFTRadix2First scaled wrong at %d", n, k)
				}
			}
			if n >= 4*asm.FFTValues(l) {
				s4 := asmtest.GuardedComplex64(t, make([]complex64, n))
				asm.FFTRadix4FirstScaled(l, s4, asmtest.GuardedComplex64(t, x), 0.25, false)
				u4 := make([]complex64, n)
				asm.FFTRadix4(l, u4, x, nil, 1, false)
				for i := range u4 {
					if s4[i] != u4[i]*0.25 {
						t.Fatalf("n=%d: FFTRadix4FirstScaled[%d] = %v, want %v", n, i, s4[i], u4[i]*0.25)
					}
				}
			}
			y := asmtest.GuardedComplex64(t, x)
			asm.FFTScale(l, y, 0.25)
			for i := range y {
				if y[i] != x[i]*0.25 {
					t.Fatalf("n=%d: FFTScale wrong at %d", n, i)
				}
			}
		}
	})
}

func TestFFTStagesRejectUnsupportedShapes(t *testing.T) {
	for _, l := range asm.Levels() {
		if !hasFFTKernels(l) {
			continue
		}
		if asm.FFTRadix4Supported(l, 1, 2) || asm.FFTRadix4Supported(l, 3, 1) {
			t.Errorf("%v: r = 2 or ls = 3 reported supported", l)
		}
		mustPanic(t, func() { asm.FFTRadix4(l, make([]complex64, 8), make([]complex64, 8), nil, 1, false) })
		mustPanic(t, func() { asm.FFTRadix4(l, make([]complex64, 32), make([]complex64, 64), nil, 1, false) })
		mustPanic(t, func() { asm.FFTRadix2First(l, make([]complex64, 6), make([]complex64, 6), 1) })
	}
}

func mustPanic(t *testing.T, f func()) {
	t.Helper()
	defer func() {
		if recover() == nil {
			t.Error("no panic")
		}
	}()
	f()
}

// TestFFTRealPassMatchesFloat64AtEveryLevel runs the real-FFT pass on
// every supported half length up to 2^11 with random t_k, both
// directions, under guard pages, against the same formula in float64.
func TestFFTRealPassMatchesFloat64AtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if !hasFFTKernels(l) {
			t.Skip("no FFT kernels at this level")
		}
		for h := 2; h <= 1<<11; h *= 2 {
			if !asm.FFTRealPassSupported(l, h) {
				continue
			}
			v := asm.FFTValues(l)
			tk := make([]complex128, h/2+1)
			tw := make([]float32, asm.FFTRealPassTwiddleLen(h))
			for k := 1; k <= h/2; k++ {
				tk[k] = cmplx.Rect(0.5, rng.Float64()*2*math.Pi)
				g, i := (k-1)/v, (k-1)%v
				re, im := float32(real(tk[k])), float32(imag(tk[k]))
				tw[g*4*v+2*i], tw[g*4*v+2*i+1] = re, re
				tw[g*4*v+2*v+2*i], tw[g*4*v+2*v+2*i+1] = im, im
				tk[k] = complex(float64(re), float64(im))
			}
			x := randC64(rng, h+1)
			for _, inverse := range []bool{false, true} {
				want := make([]complex128, h)
				for k := 1; k <= h/2; k++ {
					a, b := complex128(x[k]), cmplx.Conj(complex128(x[h-k]))
					w := tk[k]
					if inverse {
						w = cmplx.Conj(w)
					}
					want[k] = 0.25*(a+b) + w*(a-b)
					want[h-k] = cmplx.Conj(0.25*(a+b) - w*(a-b))
				}
				dst := asmtest.GuardedComplex64(t, make([]complex64, h))
				asm.FFTRealPass(l, dst, asmtest.GuardedComplex64(t, x[:h]), asmtest.GuardedFloat32(t, tw), h, inverse, 0.25)
				if dst[0] != 0 {
					t.Fatalf("h=%d: FFTRealPass wrote dst[0]", h)
				}
				checkStage(t, "FFTRealPass", dst[1:], want[1:], x)
			}
		}
	})
}

func TestFFTTransposeTwiddleAndCopyRowsMatchGoAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if !hasFFTKernels(l) {
			t.Skip("no FFT kernels at this level")
		}
		v := asm.FFTValues(l)
		for _, shape := range [][2]int{{v, v}, {2 * v, v}, {v, 3 * v}, {4 * v, 2 * v}, {64, 16}} {
			rows, cols := shape[0], shape[1]
			src, ta, tw := randC64(rng, rows*cols), randC64(rng, rows), randC64(rng, rows*cols)
			for _, inverse := range []bool{false, true} {
				ds := rows + v // a padded dst
				dst := asmtest.GuardedComplex64(t, make([]complex64, (cols-1)*ds+rows))
				asm.FFTTransposeTwiddle(l, dst, asmtest.GuardedComplex64(t, src), asmtest.GuardedComplex64(t, ta), asmtest.GuardedComplex64(t, tw), rows, cols, ds, inverse)
				for c := range cols {
					for k := range rows {
						w := complex128(ta[k]) * complex128(tw[c*rows+k])
						if inverse {
							w = cmplx.Conj(w)
						}
						want := complex128(src[k*cols+c]) * w
						got := complex128(dst[c*ds+k])
						if d := cmplx.Abs(got - want); !(d <= fftStageTol*cmplx.Abs(w)*cmplx.Abs(complex128(src[k*cols+c]))*4+1e-30) {
							t.Fatalf("%dx%d inverse=%v: dst[%d][%d] = %v, want %v", rows, cols, inverse, c, k, got, want)
						}
					}
				}
			}
			// A width-v·2 block out of a cols+v wide matrix, into a
			// matrix of stride width+v.
			width := 2 * v
			ss, ds := width+v, width+3*v
			big := randC64(rng, rows*ss)
			dst := asmtest.GuardedComplex64(t, make([]complex64, (rows-1)*ds+width))
			asm.FFTCopyRows(l, dst, asmtest.GuardedComplex64(t, big[:(rows-1)*ss+width]), rows, width, ds, ss)
			for i := range rows {
				for j := range width {
					if dst[i*ds+j] != big[i*ss+j] {
						t.Fatalf("FFTCopyRows: dst[%d][%d] wrong", i, j)
					}
				}
				if i < rows-1 {
					for j := width; j < ds; j++ {
						if dst[i*ds+j] != 0 {
							t.Fatalf("FFTCopyRows wrote outside the block")
						}
					}
				}
			}
		}
	})
}

// fft64StageTol bounds a complex128 stage like fftStageTol a complex64 one.
const fft64StageTol = 8.0 / (1 << 53)

// TestFFT64Radix4MatchesFloat64StageAtEveryLevel is the complex128 twin
// of TestFFTRadix4MatchesFloat64StageAtEveryLevel.
func TestFFT64Radix4MatchesFloat64StageAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if !hasFFTKernels(l) {
			t.Skip("no FFT kernels at this level")
		}
		v := asm.FFT64Values(l)
		ran, compactRan := 0, 0
		for n := 16; n <= 1<<12; n *= 2 {
			for ls := 1; 4*ls <= n; ls *= 2 {
				r := n / (4 * ls)
				if !asm.FFT64Radix4Supported(l, ls, r) {
					continue
				}
				var w [3][]complex128
				for q := range w {
					w[q] = make([]complex128, ls)
					for j := range ls {
						w[q][j] = cmplx.Rect(1, rng.Float64()*2*math.Pi)
						if ls == 1 {
							w[q][j] = 1
						}
					}
				}
				tw := make([]float64, asm.FFT64Radix4TwiddleLen(l, ls, r))
				if r >= v {
					for j := range ls {
						for q := range 3 {
							tw[6*j+2*q], tw[6*j+2*q+1] = real(w[q][j]), imag(w[q][j])
						}
					}
				} else {
					compact := asm.FFT64Narrow1Compact(l, ls)
					if compact {
						compactRan++
					}
					for g := range ls / v {
						for i := range v {
							for q := range 3 {
								c := w[q][g*v+i]
								if compact {
									base := g*6*v + q*2*v
									tw[base+2*i], tw[base+2*i+1] = real(c), imag(c)
									continue
								}
								base := g*12*v + 2*q*2*v
								tw[base+2*i], tw[base+2*i+1] = real(c), real(c)
								tw[base+2*v+2*i], tw[base+2*v+2*i+1] = imag(c), imag(c)
							}
						}
					}
				}
				x := make([]complex128, n)
				x32 := make([]complex64, n)
				for i := range x {
					x[i] = complex(rng.NormFloat64(), rng.NormFloat64())
					x32[i] = complex64(x[i])
					x[i] = complex128(x32[i]) // the reference reads x32
				}
				for _, inverse := range []bool{false, true} {
					want := refRadix4(x32, w, ls, inverse)
					in := asmtest.GuardedComplex128(t, x)
					out := asmtest.GuardedComplex128(t, make([]complex128, n))
					asm.FFT64Radix4(l, out, in, asmtest.GuardedFloat64(t, tw), ls, inverse, 1)
					for i := range want {
						if d := cmplx.Abs(out[i] - want[i]); !(d <= fft64StageTol*40) {
							t.Fatalf("n=%d ls=%d r=%d inverse=%v: out[%d] = %v, want %v", n, ls, r, inverse, i, out[i], want[i])
						}
					}
					ran++
				}
			}
		}
		if l == asm.AVX2 && compactRan == 0 {
			t.Fatal("no compact r = 1 table ran at AVX2")
		}
		if ran < 20 {
			t.Fatalf("only %d stages ran", ran)
		}
	})
}

// TestFFTTail16MatchesTwoFloat64StagesAtEveryLevel checks the fused last
// two stages against the float64 stages (r = 4, then r = 1) with the same
// float32 twiddles, under guard pages, both directions.
func TestFFTTail16MatchesTwoFloat64StagesAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 18))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		ran := 0
		for n := 16; n <= 1<<12; n *= 2 {
			if !asm.FFTTail16Supported(l, n) {
				continue
			}
			m := n / 16
			root := func(k int) complex128 {
				w := cmplx.Exp(complex(0, -2*math.Pi*float64(k%n)/float64(n)))
				return complex128(complex64(w)) // as the kernel reads it
			}
			var wA, wB [3][]complex128
			for q := range 3 {
				wA[q] = make([]complex128, m)
				wB[q] = make([]complex128, 4*m)
				for j := range m {
					wA[q][j] = root(4 * (q + 1) * j)
				}
				for j := range 4 * m {
					wB[q][j] = root((q + 1) * j)
				}
			}
			tw := make([]float32, asm.FFTTail16TwiddleLen(n))
			const v = 8
			for g := range m / v {
				blk := tw[g*480 : (g+1)*480]
				put := func(vec, i int, x float64) { blk[vec*16+2*i], blk[vec*16+2*i+1] = float32(x), float32(x) }
				for i := range v {
					j := g*v + i
					for q := range 3 {
						put(2*q, i, real(wA[q][j]))
						put(2*q+1, i, imag(wA[q][j]))
						for s := range 4 {
							put(6+6*s+2*q, i, real(wB[q][j+s*m]))
							put(6+6*s+2*q+1, i, imag(wB[q][j+s*m]))
						}
					}
				}
			}
			x := randC64(rng, n)
			for _, inverse := range []bool{false, true} {
				mid := refRadix4(x, wA, m, inverse)
				mid32 := make([]complex64, n)
				for i, c := range mid {
					mid32[i] = complex64(c)
				}
				want := refRadix4(mid32, wB, 4*m, inverse)
				out := asmtest.GuardedComplex64(t, make([]complex64, n))
				asm.FFTTail16(l, out, asmtest.GuardedComplex64(t, x), asmtest.GuardedFloat32(t, tw), inverse)
				checkStage(t, "FFTTail16", out, want, mid32)
				ran++
			}
		}
		if l == asm.AVX512 && ran == 0 {
			t.Fatal("FFTTail16 never ran at AVX-512")
		}
	})
}

// TestFFT64RealPassMatchesFloat64AtEveryLevel is the complex128 twin of
// TestFFTRealPassMatchesFloat64AtEveryLevel.
func TestFFT64RealPassMatchesFloat64AtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 20))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if !hasFFTKernels(l) {
			t.Skip("no FFT kernels at this level")
		}
		for h := 2; h <= 1<<11; h *= 2 {
			if !asm.FFT64RealPassSupported(l, h) {
				continue
			}
			v := asm.FFT64Values(l)
			tk := make([]complex128, h/2+1)
			tw := make([]float64, asm.FFT64RealPassTwiddleLen(h))
			for k := 1; k <= h/2; k++ {
				tk[k] = cmplx.Rect(0.5, rng.Float64()*2*math.Pi)
				g, i := (k-1)/v, (k-1)%v
				tw[g*4*v+2*i], tw[g*4*v+2*i+1] = real(tk[k]), real(tk[k])
				tw[g*4*v+2*v+2*i], tw[g*4*v+2*v+2*i+1] = imag(tk[k]), imag(tk[k])
			}
			x := randC128(rng, h+1)
			for _, inverse := range []bool{false, true} {
				dst := asmtest.GuardedComplex128(t, make([]complex128, h))
				asm.FFT64RealPass(l, dst, asmtest.GuardedComplex128(t, x[:h]), asmtest.GuardedFloat64(t, tw), h, inverse, 0.25)
				if dst[0] != 0 {
					t.Fatalf("h=%d: FFT64RealPass wrote dst[0]", h)
				}
				same := asmtest.GuardedComplex128(t, x[:h])
				asm.FFT64RealPass(l, same, same, asmtest.GuardedFloat64(t, tw), h, inverse, 0.25)
				if same[0] != x[0] {
					t.Fatalf("h=%d: FFT64RealPass in place wrote [0]", h)
				}
				for i := 1; i < h; i++ {
					if same[i] != dst[i] {
						t.Fatalf("h=%d inverse=%v: in place [%d] = %v, out of place %v", h, inverse, i, same[i], dst[i])
					}
				}
				for k := 1; k <= h/2; k++ {
					a, b := x[k], cmplx.Conj(x[h-k])
					w := tk[k]
					if inverse {
						w = cmplx.Conj(w)
					}
					for _, c := range []struct {
						i    int
						want complex128
					}{{k, 0.25*(a+b) + w*(a-b)}, {h - k, cmplx.Conj(0.25*(a+b) - w*(a-b))}} {
						if 2*k == h && c.i == k {
							continue // bin h/2 is written twice, the mirrored value last
						}
						if d := cmplx.Abs(dst[c.i] - c.want); !(d <= fft64StageTol*40) {
							t.Fatalf("h=%d inverse=%v: dst[%d] = %v, want %v", h, inverse, c.i, dst[c.i], c.want)
						}
					}
				}
			}
		}
	})
}

// TestFFT64Tail16MatchesTwoFloat64StagesAtEveryLevel is the complex128
// twin of TestFFTTail16MatchesTwoFloat64StagesAtEveryLevel.
func TestFFT64Tail16MatchesTwoFloat64StagesAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		ran, compactRan, segRan := 0, 0, 0
		for n := 16; n <= 1<<12; n *= 2 {
			if !asm.FFT64Tail16Supported(l, n) {
				continue
			}
			m := n / 16
			root := func(k int) complex128 { return cmplx.Exp(complex(0, -2*math.Pi*float64(k%n)/float64(n))) }
			var wA, wB [3][]complex128
			for q := range 3 {
				wA[q] = make([]complex128, m)
				wB[q] = make([]complex128, 4*m)
				for j := range m {
					wA[q][j] = root(4 * (q + 1) * j)
				}
				for j := range 4 * m {
					wB[q][j] = root((q + 1) * j)
				}
			}
			tw := make([]float64, asm.FFT64Tail16TwiddleLen(n))
			v := asm.FFT64Values(l)
			// Per v j, the 15 twiddles: wA's three, then wB's three of
			// j + s·m for each s; compact, each a vector of v complex,
			// else a vector of Re and one of Im, each over both lanes.
			compact := asm.FFT64Tail16Compact(n)
			if compact {
				compactRan++
			}
			for g := range m / v {
				put := func(p, i int, c complex128) {
					vf := 2 * v // float64 per vector
					if compact {
						blk := tw[g*15*vf : (g+1)*15*vf]
						blk[p*vf+2*i], blk[p*vf+2*i+1] = real(c), imag(c)
						return
					}
					blk := tw[g*30*vf : (g+1)*30*vf]
					blk[2*p*vf+2*i], blk[2*p*vf+2*i+1] = real(c), real(c)
					blk[(2*p+1)*vf+2*i], blk[(2*p+1)*vf+2*i+1] = imag(c), imag(c)
				}
				for i := range v {
					j := g*v + i
					for q := range 3 {
						put(q, i, wA[q][j])
						for s := range 4 {
							put(3+3*s+q, i, wB[q][j+s*m])
						}
					}
				}
			}
			// Inputs exactly float32, so refRadix4 (which reads complex64)
			// sees the same values.
			x32 := randC64(rng, n)
			x := make([]complex128, n)
			for i, c := range x32 {
				x[i] = complex128(c)
			}
			for _, inverse := range []bool{false, true} {
				mid := refRadix4(x32, wA, m, inverse)
				// The second stage on the float64 mid, by hand.
				want := make([]complex128, n)
				rot := complex(0, -1)
				if inverse {
					rot = complex(0, 1)
				}
				ls := 4 * m
				for j := range ls {
					var a [4]complex128
					for q := range 4 {
						a[q] = mid[4*j+q]
						if q > 0 {
							w := wB[q-1][j]
							if inverse {
								w = cmplx.Conj(w)
							}
							a[q] *= w
						}
					}
					s02, d02 := a[0]+a[2], a[0]-a[2]
					s13, d13 := a[1]+a[3], rot*(a[1]-a[3])
					want[j], want[j+ls], want[j+2*ls], want[j+3*ls] = s02+s13, d02+d13, s02-s13, d02-d13
				}
				// pad 0 through FFT64Tail16, else the segmented input of
				// FFT64Tail16Seg, its padding NaN (which must not be read).
				for _, pad := range []int{0, 4} {
					if pad > 0 && m%64 != 0 {
						mustPanic(t, func() {
							asm.FFT64Tail16Seg(l, make([]complex128, n), make([]complex128, n+16*pad), tw, pad, inverse)
						})
						continue
					}
					in := make([]complex128, asm.FFTSegIndex(n-1, m, pad)+1)
					for i := range in {
						in[i] = complex(math.NaN(), math.NaN())
					}
					for i, c := range x {
						in[asm.FFTSegIndex(i, m, pad)] = c
					}
					out := asmtest.GuardedComplex128(t, make([]complex128, n))
					if pad == 0 {
						asm.FFT64Tail16(l, out, asmtest.GuardedComplex128(t, in), asmtest.GuardedFloat64(t, tw), inverse)
					} else {
						asm.FFT64Tail16Seg(l, out, asmtest.GuardedComplex128(t, in), asmtest.GuardedFloat64(t, tw), pad, inverse)
						segRan++
					}
					for i := range want {
						if d := cmplx.Abs(out[i] - want[i]); !(d <= fft64StageTol*200) {
							t.Fatalf("n=%d pad=%d inverse=%v: out[%d] = %v, want %v", n, pad, inverse, i, out[i], want[i])
						}
					}
				}
				ran++
			}
		}
		// The levels with the kernel (AVX2, AVX-512; not NEON) must have
		// run both layouts.
		has := asm.FFT64Tail16Supported(l, 1024)
		if has && segRan < 6 {
			t.Fatalf("FFT64Tail16Seg ran %d times at %v, want both layouts at n = 1024 … 4096", segRan, l)
		}
		if has && (ran == 0 || compactRan == 0 || compactRan == ran/2) {
			t.Fatalf("FFT64Tail16 ran %d times at %v, %d lengths of them compact: want both layouts", ran, l, compactRan)
		}
	})
}

// TestFFTRadix8FirstMatchesTheDFTAtEveryLevel checks the radix-8 first
// stage against the length-8 DFTs it computes, in float64, both
// directions, scaled and not, under guard pages.
func TestFFTRadix8FirstMatchesTheDFTAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(23, 24))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if !hasFFTKernels(l) {
			t.Skip("no FFT kernels at this level")
		}
		for n := 8 * asm.FFTValues(l); n <= 1<<12; n *= 2 {
			r := n / 8
			x := randC64(rng, n)
			for _, inverse := range []bool{false, true} {
				for _, sc := range []float32{1, 0.125} {
					out := asmtest.GuardedComplex64(t, make([]complex64, n))
					asm.FFTRadix8First(l, out, asmtest.GuardedComplex64(t, x), sc, inverse)
					sign := -1.0
					if inverse {
						sign = 1
					}
					want := make([]complex128, n)
					for k := range r {
						for tt := range 8 {
							var sum complex128
							for q := range 8 {
								sum += complex128(x[q*r+k]) * cmplx.Exp(complex(0, sign*2*math.Pi*float64(q*tt)/8))
							}
							want[tt*r+k] = sum * complex(float64(sc), 0)
						}
					}
					checkStage(t, "FFTRadix8First", out, want, x)
				}
			}
		}
	})
}

func TestFFT64TransposeTwiddleAndCopyRowsMatchGoAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(25, 26))
	c128 := func(n int) []complex128 {
		x := randC128(rng, n)
		return x
	}
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if !hasFFTKernels(l) {
			t.Skip("no FFT kernels at this level")
		}
		v := asm.FFT64Values(l)
		for _, shape := range [][2]int{{v, v}, {2 * v, v}, {v, 3 * v}, {16, 16}} {
			rows, cols := shape[0], shape[1]
			src, ta, tw := c128(rows*cols), c128(rows), c128(rows*cols)
			for _, inverse := range []bool{false, true} {
				ds := rows + v
				dst := asmtest.GuardedComplex128(t, make([]complex128, (cols-1)*ds+rows))
				asm.FFT64TransposeTwiddle(l, dst, asmtest.GuardedComplex128(t, src), asmtest.GuardedComplex128(t, ta), asmtest.GuardedComplex128(t, tw), rows, cols, ds, inverse)
				for c := range cols {
					for k := range rows {
						w := ta[k] * tw[c*rows+k]
						if inverse {
							w = cmplx.Conj(w)
						}
						want := src[k*cols+c] * w
						if d := cmplx.Abs(dst[c*ds+k] - want); !(d <= fft64StageTol*4*cmplx.Abs(want)+1e-300) {
							t.Fatalf("%dx%d inverse=%v: dst[%d][%d] = %v, want %v", rows, cols, inverse, c, k, dst[c*ds+k], want)
						}
					}
				}
			}
			width := 2 * v
			ss, ds := width+v, width+3*v
			big := c128(rows * ss)
			dst := asmtest.GuardedComplex128(t, make([]complex128, (rows-1)*ds+width))
			asm.FFT64CopyRows(l, dst, asmtest.GuardedComplex128(t, big[:(rows-1)*ss+width]), rows, width, ds, ss)
			for i := range rows {
				for j := range width {
					if dst[i*ds+j] != big[i*ss+j] {
						t.Fatalf("FFT64CopyRows: dst[%d][%d] wrong", i, j)
					}
				}
			}
		}
	})
}

// TestFFTRadix4CompactMatchesFloat64StageAtEveryLevel runs the
// compact-table r = 1 stage wherever a level has it (AVX2, ls from
// FFTRadix4CompactMinLen), both directions, with in, out and the table
// flush against guard pages, against the float64 stage.
func TestFFTRadix4CompactMatchesFloat64StageAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		ran := 0
		for ls := 4; ls <= 1<<12; ls *= 2 {
			if !asm.FFTRadix4CompactSupported(l, ls) {
				continue
			}
			n := 4 * ls
			var w [3][]complex128
			tw := make([]float32, asm.FFTRadix4CompactTwiddleLen(ls))
			for q := range w {
				w[q] = make([]complex128, ls)
				for j := range ls {
					w[q][j] = cmplx.Rect(1, rng.Float64()*2*math.Pi)
					o := 24*(j/4) + 8*q + 2*(j%4)
					tw[o], tw[o+1] = float32(real(w[q][j])), float32(imag(w[q][j]))
					w[q][j] = complex(float64(tw[o]), float64(tw[o+1]))
				}
			}
			x := randC64(rng, n)
			for _, inverse := range []bool{false, true} {
				want := refRadix4(x, w, ls, inverse)
				out := asmtest.GuardedComplex64(t, make([]complex64, n))
				asm.FFTRadix4Compact(l, out, asmtest.GuardedComplex64(t, x), asmtest.GuardedFloat32(t, tw), ls, inverse)
				checkStage(t, "FFTRadix4Compact", out, want, x)
				ran++
			}
		}
		if l == asm.AVX2 && ran == 0 {
			t.Fatal("AVX2 ran no compact stage")
		}
	})
}
