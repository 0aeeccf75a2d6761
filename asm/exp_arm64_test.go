//go:build gc && !purego

package asm_test

import (
	"math"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
	"github.com/ssmkern/ssmkern/generic"
)

// The NEON kernels are tested directly here, each against its generic
// twin, whatever the dispatch level.

// neonExpMaxULP is the accuracy avogen/vmathdef promises for exp against
// float64 math.Exp rounded to float32 (DESIGN: within 2 ulp over the
// whole domain).
const neonExpMaxULP = 2

// TestExpFloat32NEONMatchesGenericOnEveryTail runs the kernel on every
// length 0…67 (every tail of the 16-, 4- and 1-element loops) with both
// slices flush against a guard page, and on unaligned sub-slices.
func TestExpFloat32NEONMatchesGenericOnEveryTail(t *testing.T) {
	for n := 0; n <= 67; n++ {
		src := make([]float32, n)
		for i := range src {
			src[i] = float32(i)*0.37 - 12 + float32(n)*0.01
		}
		want := make([]float32, n)
		generic.ExpFloat32(want, src)
		for _, offset := range []int{0, 1} {
			if offset > n {
				continue
			}
			gsrc := asmtest.GuardedFloat32(t, src[offset:])
			dst := asmtest.GuardedFloat32(t, make([]float32, n-offset))
			asm.ExpFloat32NEON(dst, gsrc)
			for i := range dst {
				if d := asmtest.ULPsApart(dst[i], want[offset+i]); d > neonExpMaxULP {
					t.Errorf("n=%d offset=%d: exp(%v) = %v, want %v (%d ulp)", n, offset, src[offset+i], dst[i], want[offset+i], d)
				}
			}
		}
	}
}

// TestExpFloat32NEONDoesNotWritePastDst checks that the elements after
// dst (in the same array) keep their values.
func TestExpFloat32NEONDoesNotWritePastDst(t *testing.T) {
	for n := 0; n <= 35; n++ {
		buf := make([]float32, n+8)
		for i := range buf {
			buf[i] = -7
		}
		src := make([]float32, n+8)
		asm.ExpFloat32NEON(buf[:n], src)
		for i := n; i < len(buf); i++ {
			if buf[i] != -7 {
				t.Fatalf("n=%d: element %d after dst changed to %v", n, i-n, buf[i])
			}
		}
	}
}

// TestExpFloat32NEONSweepWithin2ULP checks every 997th float32 bit pattern
// (every 9973rd with -short): the whole range, positive and negative,
// normal and not, Inf and NaN.
func TestExpFloat32NEONSweepWithin2ULP(t *testing.T) {
	step := uint64(997)
	if testing.Short() {
		step = 9973
	}
	var in, out [1]float32 // generic.ExpFloat32 of one value, the reference
	worst, worstX := asmtest.SweepULP(func(dst, src []float32) int {
		asm.ExpFloat32NEON(dst, src)
		return len(dst)
	}, func(x float32) float32 {
		in[0] = x
		generic.ExpFloat32(out[:], in[:])
		return out[0]
	}, 0, step)
	if worst > neonExpMaxULP {
		t.Errorf("exp max error %d ulp at x = %v", worst, worstX)
	}
	t.Logf("exp max error %d ulp", worst)
}

// exp64 is exp of the float32 x in float64, rounded to float32.
func exp64(x float32) float32 { return float32(math.Exp(float64(x))) }

func TestExpFloat32NEONSpecialValues(t *testing.T) {
	inf := float32(math.Inf(1))
	nan := float32(math.NaN())
	for _, c := range []struct{ x, want float32 }{
		{0, 1}, {float32(math.Copysign(0, -1)), 1}, {inf, inf}, {-inf, 0}, {-87.4, 0}, {-1000, 0},
		{89, inf}, {1e30, inf}, {-1e30, 0}, {88.72, exp64(88.72)}, {-87.3, exp64(-87.3)},
		{math.SmallestNonzeroFloat32, 1}, {nan, nan},
	} {
		var dst [1]float32
		asm.ExpFloat32NEON(dst[:], []float32{c.x})
		if d := asmtest.ULPsApart(dst[0], c.want); d > neonExpMaxULP || (c.want == 0 && dst[0] != 0) || (c.want != c.want) != (dst[0] != dst[0]) {
			t.Errorf("exp(%v) = %v, want %v", c.x, dst[0], c.want)
		}
	}
}
