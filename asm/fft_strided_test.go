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

// refStrided is the radix-4 stage on the layout st in float64: the
// inputs scaled by s, twiddles w[q−1][j] (conjugated for the inverse).
// It returns the output index of each value it writes.
func refStrided(in []complex128, w [3][]complex128, ls int, st asm.FFTStageLayout, inverse bool, s float64) map[int]complex128 {
	out := map[int]complex128{}
	rot := complex(0, -1)
	if inverse {
		rot = complex(0, 1)
	}
	for j := range ls {
		for i := range st.Rows {
			for c := range st.Width {
				var a [4]complex128
				for q := range a {
					a[q] = in[j*st.JIn+q*st.QIn+i*st.RowIn+c] * complex(s, 0)
					if q > 0 && ls > 1 {
						wq := w[q-1][j]
						if inverse {
							wq = cmplx.Conj(wq)
						}
						a[q] *= wq
					}
				}
				s02, d02 := a[0]+a[2], a[0]-a[2]
				s13, d13 := a[1]+a[3], rot*(a[1]-a[3])
				y := [4]complex128{s02 + s13, d02 + d13, s02 - s13, d02 - d13}
				for t := range y {
					out[j*st.JOut+t*st.SOut+i*st.RowOut+c] = y[t]
				}
			}
		}
	}
	return out
}

// stridedLayouts are the four-step plan's two layouts (a column block read
// from a matrix, a block written into one) and a layout with a gap after
// every row, q, s and j, odd-sized, for v values per vector.
func stridedLayouts(v int) []struct {
	ls int
	st asm.FFTStageLayout
} {
	b, stride, m := 2*v, 6*v, 16
	rows := 3
	rowIn, rowOut := 2*v+v, 2*v+2
	qIn, sOut := rows*rowIn+1, rows*rowOut+5
	return []struct {
		ls int
		st asm.FFTStageLayout
	}{
		{1, asm.FFTStageLayout{Rows: m / 4, Width: b, QIn: m / 4 * stride, RowIn: stride, SOut: m / 4 * b, RowOut: b}},
		{m / 4, asm.FFTStageLayout{Rows: 1, Width: b, JIn: 4 * b, QIn: b, RowIn: b, JOut: stride, SOut: m / 4 * stride, RowOut: stride}},
		{1, asm.FFTStageLayout{Rows: rows, Width: 2 * v, JIn: 4*qIn + 3, QIn: qIn, RowIn: rowIn, JOut: 4*sOut + 1, SOut: sOut, RowOut: rowOut}},
		{3, asm.FFTStageLayout{Rows: rows, Width: 2 * v, JIn: 4*qIn + 3, QIn: qIn, RowIn: rowIn, JOut: 4*sOut + 1, SOut: sOut, RowOut: rowOut}},
	}
}

func lastIndexes(ls int, st asm.FFTStageLayout) (lastIn, lastOut int) {
	lastIn = (ls-1)*st.JIn + 3*st.QIn + (st.Rows-1)*st.RowIn + st.Width - 1
	lastOut = (ls-1)*st.JOut + 3*st.SOut + (st.Rows-1)*st.RowOut + st.Width - 1
	return
}

func randTwiddles(rng *rand.Rand, ls int) [3][]complex128 {
	var w [3][]complex128
	for q := range w {
		w[q] = make([]complex128, ls)
		for j := range ls {
			w[q][j] = cmplx.Rect(1, rng.Float64()*2*math.Pi)
		}
	}
	return w
}

// TestFFTRadix4StridedMatchesFloat64AtEveryLevel runs FFTRadix4Strided
// and FFT64Radix4Strided on stridedLayouts, both directions, scaled (ls =
// 1) and not, with the furthest value read and written flush against a
// guard page, and checks every written value and that no other is.
func TestFFTRadix4StridedMatchesFloat64AtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 32))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if !hasFFTKernels(l) {
			t.Skip("no FFT kernels at this level")
		}
		for _, lay := range stridedLayouts(asm.FFTValues(l)) {
			ls, st := lay.ls, lay.st
			lastIn, lastOut := lastIndexes(ls, st)
			w := randTwiddles(rng, ls)
			tw := make([]float32, 6*ls)
			for j := range ls {
				for q := range 3 {
					re, im := float32(real(w[q][j])), float32(imag(w[q][j]))
					tw[6*j+2*q], tw[6*j+2*q+1] = re, im
					w[q][j] = complex(float64(re), float64(im))
				}
			}
			x := randC64(rng, lastIn+1)
			x128 := make([]complex128, len(x))
			for i, v := range x {
				x128[i] = complex128(v)
			}
			for _, inverse := range []bool{false, true} {
				s := float32(1)
				if ls == 1 {
					s = 0.125
				}
				want := refStrided(x128, w, ls, st, inverse, float64(s))
				out := asmtest.GuardedComplex64(t, make([]complex64, lastOut+1))
				asm.FFTRadix4Strided(l, out, asmtest.GuardedComplex64(t, x), asmtest.GuardedFloat32(t, tw), ls, st, inverse, s)
				for i, got := range out {
					wv, ok := want[i]
					if !ok {
						if got != 0 {
							t.Fatalf("ls=%d %+v: wrote out[%d] outside the layout", ls, st, i)
						}
						continue
					}
					if d := cmplx.Abs(complex128(got) - wv); !(d <= fftStageTol*4*4) {
						t.Fatalf("ls=%d %+v inverse=%v: out[%d] = %v, want %v", ls, st, inverse, i, got, wv)
					}
				}
			}
		}
		for _, lay := range stridedLayouts(asm.FFT64Values(l)) {
			ls, st := lay.ls, lay.st
			lastIn, lastOut := lastIndexes(ls, st)
			w := randTwiddles(rng, ls)
			tw := make([]float64, 6*ls)
			for j := range ls {
				for q := range 3 {
					tw[6*j+2*q], tw[6*j+2*q+1] = real(w[q][j]), imag(w[q][j])
				}
			}
			x := randC128(rng, lastIn+1)
			for _, inverse := range []bool{false, true} {
				s := 1.0
				if ls == 1 {
					s = 0.125
				}
				want := refStrided(x, w, ls, st, inverse, s)
				out := asmtest.GuardedComplex128(t, make([]complex128, lastOut+1))
				asm.FFT64Radix4Strided(l, out, asmtest.GuardedComplex128(t, x), asmtest.GuardedFloat64(t, tw), ls, st, inverse, s)
				for i, got := range out {
					wv, ok := want[i]
					if !ok {
						if got != 0 {
							t.Fatalf("complex128 ls=%d %+v: wrote out[%d] outside the layout", ls, st, i)
						}
						continue
					}
					if d := cmplx.Abs(got - wv); !(d <= fft64StageTol*4*8) {
						t.Fatalf("complex128 ls=%d %+v inverse=%v: out[%d] = %v, want %v", ls, st, inverse, i, got, wv)
					}
				}
			}
		}
	})
}
