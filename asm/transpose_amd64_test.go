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
	for rows := 0; rows <= 25; rows += 3 {
		for cols := 0; cols <= 25; cols += 4 {
			ss, ds := cols+3, rows+5
			src := make([]float32, max(1, rows*ss))
			for i := range src {
				src[i] = float32(i + 1)
			}
			dst := asmtest.GuardedFloat32(t, make([]float32, max(1, cols*ds)))
			r, c := asm.Transpose(dst, asmtest.GuardedFloat32(t, src), ds, ss, rows, cols)
			name := fmt.Sprintf("%d×%d", rows, cols)
			wr, wc := rows/8*8, cols/8*8
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
	}
}
