//go:build gc && !purego

package asm_test

import (
	"fmt"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
)

// TestTransposeMovesEveryElement transposes matrices of every shape up to
// 3 blocks and a bit, with strides larger than the rows, both slices
// against guard pages, and checks every element it says it moved and that
// it touched nothing else.
func TestTransposeMovesEveryElement(t *testing.T) {
	for _, k := range []struct {
		name  string
		block int
		f     func(dst, src []float32, ds, ss, rows, cols int) (int, int)
	}{
		{"Transpose", 8, asm.Transpose},
		{"Transpose16", 16, func(dst, src []float32, ds, ss, rows, cols int) (int, int) {
			return asm.Transpose16(asm.AVX512, dst, src, ds, ss, rows, cols)
		}},
	} {
		if k.block == 16 && !asm.Supported(asm.AVX512) {
			continue
		}
		for rows := 0; rows <= 3*k.block+1; rows += 3 {
			for cols := 0; cols <= 3*k.block+1; cols += 4 {
				checkTranspose(t, k.name, k.block, k.f, rows, cols)
			}
		}
	}
}

func checkTranspose(t *testing.T, kernel string, block int, f func(dst, src []float32, ds, ss, rows, cols int) (int, int), rows, cols int) {
	t.Helper()
	ss, ds := cols+3, rows+5
	src := make([]float32, max(1, rows*ss))
	for i := range src {
		src[i] = float32(i + 1)
	}
	dst := asmtest.GuardedFloat32(t, make([]float32, max(1, cols*ds)))
	r, c := f(dst, asmtest.GuardedFloat32(t, src), ds, ss, rows, cols)
	name := fmt.Sprintf("%s %d×%d", kernel, rows, cols)
	wr, wc := rows/block*block, cols/block*block
	if wr == 0 || wc == 0 {
		wr, wc = 0, 0
	}
	if r != wr || c != wc {
		t.Fatalf("%s: did %d×%d, want %d×%d", name, r, c, wr, wc)
	}
	for j := range cols {
		for i := range ds {
			got, want := dst[j*ds+i], float32(0)
			if i < r && j < c {
				want = src[i*ss+j]
			}
			if got != want {
				t.Fatalf("%s: dst[%d][%d] = %v, want %v", name, j, i, got, want)
			}
		}
	}
}

// TestPrefetchSpansStayInside checks that every address PrefetchRows
// prefetches lies inside the slice and that every row it covers starts its
// prefetches at the row's start.
func TestPrefetchSpansStayInside(t *testing.T) {
	for n := 0; n < 80; n++ {
		for stride := 0; stride < 40; stride += 3 {
			for rows := 0; rows < 6; rows++ {
				for cols := 0; cols < 50; cols += 7 {
					full, lines, lastLines := asm.PrefetchSpansForTest(n, stride, rows, cols)
					inside := func(row, k, end int) {
						// The worst case: the row's start one float before a
						// cache line's end, so line k is at start + 64·k bytes.
						if off := 4*row*stride + 64*k; off >= 4*end {
							t.Fatalf("n=%d stride=%d rows=%d cols=%d: row %d line %d at byte %d, past %d", n, stride, rows, cols, row, k, off, 4*end)
						}
					}
					for r := 0; r < full; r++ {
						for k := 0; k < lines; k++ {
							inside(r, k, min(n, r*stride+cols))
						}
					}
					for k := 0; k < lastLines; k++ {
						inside(full, k, n)
					}
					if cols == 0 || rows == 0 || n == 0 {
						continue
					}
					// Every row that fits, and the next one when it starts
					// inside the slice.
					want := 1
					if stride > 0 {
						fit := 0
						if cols <= n {
							fit = (n-cols)/stride + 1
						}
						want = fit
						if fit*stride < n {
							want++
						}
					}
					if got := full + min(lastLines, 1); got != min(want, rows) {
						t.Fatalf("n=%d stride=%d rows=%d cols=%d: covered %d rows, want %d", n, stride, rows, cols, got, min(want, rows))
					}
				}
			}
		}
	}
}
