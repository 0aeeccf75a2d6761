//go:build gc && !purego

package asm_test

import (
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
)

// FFTTranspose moves every value exactly, over shapes from one tile to
// several in each direction with padded strides, its operands flush
// against guard pages at both ends of the ranges it may touch.
func TestFFTTransposeMovesEveryValue(t *testing.T) {
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if l == asm.Generic {
			t.Skip("no assembly at this level")
		}
		for _, rows := range []int{4, 8, 12, 32} {
			for _, cols := range []int{4, 8, 16, 20} {
				for _, pad := range []int{0, 3} {
					ss, ds := cols+pad, rows+2*pad
					src := make([]complex64, (rows-1)*ss+cols)
					for i := range src {
						src[i] = complex(float32(i), -float32(i))
					}
					dst := asmtest.GuardedComplex64(t, make([]complex64, (cols-1)*ds+rows))
					for i := range dst {
						dst[i] = complex(-1, -1)
					}
					asm.FFTTranspose(l, dst, asmtest.GuardedComplex64(t, src), rows, cols, ds, ss)
					for c := range cols {
						for r := range ds {
							want := complex64(complex(-1, -1))
							if r < rows {
								want = src[r*ss+c]
							}
							if i := c*ds + r; i < len(dst) && dst[i] != want {
								t.Fatalf("rows %d cols %d pad %d: dst[%d·%d + %d] = %v, want %v", rows, cols, pad, c, ds, r, dst[i], want)
							}
						}
					}
				}
			}
		}
	})
}

// FFTTranspose128 likewise, for complex128 and 2×2 tiles.
func TestFFTTranspose128MovesEveryValue(t *testing.T) {
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if l == asm.Generic {
			t.Skip("no assembly at this level")
		}
		for _, rows := range []int{2, 4, 6, 16} {
			for _, cols := range []int{2, 4, 10} {
				for _, pad := range []int{0, 3} {
					ss, ds := cols+pad, rows+2*pad
					src := make([]complex128, (rows-1)*ss+cols)
					for i := range src {
						src[i] = complex(float64(i), -float64(i))
					}
					dst := asmtest.GuardedComplex128(t, make([]complex128, (cols-1)*ds+rows))
					for i := range dst {
						dst[i] = complex(-1, -1)
					}
					asm.FFTTranspose128(l, dst, asmtest.GuardedComplex128(t, src), rows, cols, ds, ss)
					for c := range cols {
						for r := range ds {
							want := complex128(complex(-1, -1))
							if r < rows {
								want = src[r*ss+c]
							}
							if i := c*ds + r; i < len(dst) && dst[i] != want {
								t.Fatalf("rows %d cols %d pad %d: dst[%d·%d + %d] = %v, want %v", rows, cols, pad, c, ds, r, dst[i], want)
							}
						}
					}
				}
			}
		}
	})
}
