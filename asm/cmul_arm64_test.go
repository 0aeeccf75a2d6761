//go:build gc && !purego

package asm_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
	"github.com/ssmkern/ssmkern/generic"
)

// cmulTermRounding bounds each part's error against the once-rounded
// float64 result, relative to the sum of its terms' magnitudes: two fused
// multiply-adds round twice (2·2^−24), and the twin's own rounding adds
// half an ulp of the result.
const cmulTermRounding = 3.0 / (1 << 24)

// TestMulAddComplex64NEONMatchesGenericOnEveryTail runs every length
// 0…67 (every tail of the 8-, 4- and 1-element loops) with all three
// slices flush against guard pages, at two alignments.
func TestMulAddComplex64NEONMatchesGenericOnEveryTail(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	c := func() complex64 { return complex(float32(rng.NormFloat64()), float32(rng.NormFloat64())) }
	for n := 0; n <= 67; n++ {
		d0, a0, b0 := make([]complex64, n), make([]complex64, n), make([]complex64, n)
		for i := range d0 {
			d0[i], a0[i], b0[i] = c(), c(), c()
		}
		for _, offset := range []int{0, 1} {
			if offset > n {
				continue
			}
			want := append([]complex64(nil), d0[offset:]...)
			generic.MulAddComplex64(want, a0[offset:], b0[offset:])
			dst := asmtest.GuardedComplex64(t, d0[offset:])
			asm.MulAddComplex64NEON(dst, asmtest.GuardedComplex64(t, a0[offset:]), asmtest.GuardedComplex64(t, b0[offset:]))
			for i := range dst {
				d, a, b := d0[offset+i], a0[offset+i], b0[offset+i]
				scaleRe := abs32(real(d)) + abs32(real(a)*real(b)) + abs32(imag(a)*imag(b))
				scaleIm := abs32(imag(d)) + abs32(real(a)*imag(b)) + abs32(imag(a)*real(b))
				if abs32(real(dst[i])-real(want[i])) > cmulTermRounding*scaleRe ||
					abs32(imag(dst[i])-imag(want[i])) > cmulTermRounding*scaleIm {
					t.Errorf("n=%d offset=%d i=%d: %v + %v·%v = %v, want %v", n, offset, i, d, a, b, dst[i], want[i])
				}
			}
		}
	}
}

func abs32(x float32) float32 { return float32(math.Abs(float64(x))) }

// TestMulAddComplex64NEONPropagatesNaNAndInf: a NaN or Inf input reaches
// the output as the twin's does.
func TestMulAddComplex64NEONPropagatesNaNAndInf(t *testing.T) {
	nan, inf := float32(math.NaN()), float32(math.Inf(1))
	for _, n := range []int{1, 5, 9} {
		dst := make([]complex64, n)
		a := make([]complex64, n)
		b := make([]complex64, n)
		for i := range a {
			a[i], b[i] = 1, 1
		}
		a[n-1] = complex(nan, 0)
		b[0] = complex(inf, 0)
		asm.MulAddComplex64NEON(dst, a, b)
		if r := real(dst[n-1]); r == r {
			t.Errorf("n=%d: NaN input gave %v", n, dst[n-1])
		}
		if n > 1 && !math.IsInf(float64(real(dst[0])), 1) {
			t.Errorf("n=%d: Inf input gave %v", n, dst[0])
		}
	}
}
