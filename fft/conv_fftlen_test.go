package fft

import (
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
)

// FFTLen is the length of the pipeline Apply runs at the current level:
// for seqLen = kernelLen = 1000 (1999 outputs), the vector pipelines' least
// power of two ≥ 1999, 2048, and the generic pipeline's least even
// 2^a·3^b·5^c ≥ 1999, 2000 = 2^4·5^3. Where a vector pipeline runs,
// Apply and Backward (Conv32's) never build the generic one, whose
// complex128 kernel spectra would double the plan's memory.
func TestFFTLenIsTheLengthApplyRunsAtEveryLevel(t *testing.T) {
	const seqLen = 1000
	k32 := make([]float32, 2*seqLen)
	for i := range k32 {
		k32[i] = float32(i%7) - 3
	}
	k64 := toF64(k32)
	c32, err := NewConv32(2, seqLen, k32)
	mustOK(t, err)
	c64, err := NewConv64(2, seqLen, k64)
	mustOK(t, err)
	u32 := make([]float32, 2*seqLen)
	y32 := make([]float32, 2*seqLen)
	u64 := make([]float64, 2*seqLen)
	y64 := make([]float64, 2*seqLen)
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		want32, want64 := 2000, 2000
		if l != asm.Generic {
			want32 = 2048
		}
		if hasStockham32(l) {
			want64 = 2048
		}
		if got := c32.FFTLen(); got != want32 {
			t.Errorf("Conv32.FFTLen() = %d, want %d", got, want32)
		}
		if got := c64.FFTLen(); got != want64 {
			t.Errorf("Conv64.FFTLen() = %d, want %d", got, want64)
		}
		if l == asm.Generic {
			return
		}
		mustOK(t, c32.Apply(y32, u32, nil))
		mustOK(t, c32.Backward(y32, nil, nil, u32, u32, nil))
		if c32.c.gen.v.Load() != nil {
			t.Errorf("Conv32 built its generic pipeline at %v", l)
		}
		if want64 == 2048 {
			mustOK(t, c64.Apply(y64, u64, nil))
			if c64.c.gen.v.Load() != nil {
				t.Errorf("Conv64.Apply built its generic pipeline at %v", l)
			}
		}
	})
}
