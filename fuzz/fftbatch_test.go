package fuzz

import (
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/fft"
	"github.com/ssmkern/ssmkern/generic"
	"github.com/ssmkern/ssmkern/generic/golden"
)

// fftBatchMaxLen and fftBatchMaxRows bound the decoded batch: every
// side-by-side length (4 … 256 complex64, 4 … 64 complex128, 8 … 64
// real) with rows filling a block and leaving a tail, and the row-by-row
// lengths past them; the O(n²) oracle per row stays in the milliseconds.
const (
	fftBatchMaxLen  = 260
	fftBatchMaxRows = 24
)

func fftBatchSeeds(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{3, 0, 0, 0, 2, 0})     // n = 4, rows 2
	f.Add([]byte{15, 0, 1, 0, 32, 0})   // n = 16, inverse, rows 32
	f.Add([]byte{31, 0, 2, 0, 17, 0})   // n = 32, in place, rows 17
	f.Add([]byte{255, 0, 0, 0, 9, 0})   // n = 256, rows 9
	f.Add([]byte{63, 0, 3, 0, 7, 0})    // n = 64, inverse in place, rows 7
	f.Add([]byte{16, 0, 0, 0, 5, 0, 9}) // n = 17 (row by row), rows 5
	f.Add([]byte{7, 0, 0, 0, 0, 0})     // rows 0
}

// FuzzFFTBatch compares every row of Plan32's, Plan64's and RealPlan32's
// batches (forward or inverse, complex in place or not) at every level
// with the O(n²) DFT of that row.
func FuzzFFTBatch(f *testing.F) {
	fftBatchSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		s := &byteSource{data: data, state: 3}
		n := s.intn(1, fftBatchMaxLen)
		flags := s.uint16()
		inverse, inPlace := flags&1 != 0, flags&2 != 0
		rows := s.intn(0, fftBatchMaxRows)
		bins := n/2 + 1
		x32 := make([]complex64, rows*n)
		r32 := make([]float32, rows*n)
		for i := range x32 {
			x32[i] = complex(s.value(), s.value())
			r32[i] = s.value()
		}
		x := make([]complex128, len(x32))
		for i, v := range x32 {
			x[i] = complex128(v)
		}
		want := make([]complex128, len(x))
		wantR := make([]complex128, rows*n)
		for r := range rows {
			generic.DFT(want[r*n:(r+1)*n], x[r*n:(r+1)*n], inverse)
			row := make([]complex128, n)
			for j := range row {
				row[j] = complex(float64(r32[r*n+j]), 0)
			}
			generic.DFT(wantR[r*n:(r+1)*n], row, false)
		}
		p32, err := fft.NewPlan32(n)
		if err != nil {
			t.Fatal(err)
		}
		p64, err := fft.NewPlan64(n)
		if err != nil {
			t.Fatal(err)
		}
		rp32, err := fft.NewRealPlan32(n)
		if err != nil {
			t.Fatal(err)
		}
		tol32, tol64 := fftTol32PerLog2*fftLog2(n), fftTol64PerLog2*fftLog2(n)
		atEveryLevel(t, func(l asm.Level) {
			got32 := append([]complex64(nil), x32...)
			got64 := append([]complex128(nil), x...)
			src32, src64 := got32, got64
			if !inPlace {
				src32, src64 = x32, x
			}
			run32, run64 := p32.ForwardBatch, p64.ForwardBatch
			if inverse {
				run32, run64 = p32.InverseBatch, p64.InverseBatch
			}
			if err := run32(got32, src32, rows); err != nil {
				t.Fatal(err)
			}
			if err := run64(got64, src64, rows); err != nil {
				t.Fatal(err)
			}
			spec := make([]complex64, rows*bins)
			if err := rp32.ForwardBatch(spec, r32, rows); err != nil {
				t.Fatal(err)
			}
			for r := range rows {
				w := want[r*n : (r+1)*n]
				if e := golden.RelativeRMSError(got32[r*n:(r+1)*n], w); !(e <= tol32) {
					t.Errorf("%v n=%d rows=%d inverse=%v in place=%v: Plan32 row %d relative RMS error %.3g > %.3g", l, n, rows, inverse, inPlace, r, e, tol32)
				}
				if e := golden.RelativeRMSError(got64[r*n:(r+1)*n], w); !(e <= tol64) {
					t.Errorf("%v n=%d rows=%d inverse=%v in place=%v: Plan64 row %d relative RMS error %.3g > %.3g", l, n, rows, inverse, inPlace, r, e, tol64)
				}
				if e := golden.RelativeRMSError(spec[r*bins:(r+1)*bins], wantR[r*n:r*n+bins]); !(e <= tol32) {
					t.Errorf("%v n=%d rows=%d: RealPlan32.ForwardBatch row %d relative RMS error %.3g > %.3g", l, n, rows, r, e, tol32)
				}
			}
			// The inverse real batch undoes the forward one, row by row as
			// the single call does.
			back := make([]float32, rows*n)
			if err := rp32.InverseBatch(back, spec, rows); err != nil {
				t.Fatal(err)
			}
			one := make([]float32, n)
			for r := range rows {
				if err := rp32.Inverse(one, spec[r*bins:(r+1)*bins]); err != nil {
					t.Fatal(err)
				}
				g, o := make([]complex64, n), make([]complex128, n)
				for j := range n {
					g[j], o[j] = complex(back[r*n+j], 0), complex(float64(one[j]), 0)
				}
				if e := golden.RelativeRMSError(g, o); !(e <= 2*tol32) {
					t.Errorf("%v n=%d rows=%d: RealPlan32.InverseBatch row %d relative RMS error %.3g against Inverse > %.3g", l, n, rows, r, e, 2*tol32)
				}
			}
		})
	})
}
