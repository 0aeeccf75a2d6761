//go:build gc && !purego

package fft

import (
	"math/bits"
	"math/rand/v2"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
	"github.com/ssmkern/ssmkern/generic"
)

// The fused pipeline (applyPass) on both of its forward paths — the row
// read in place by asm.FFTConvFirst (kernelLen = seqLen, a power of two)
// and the copy into a zero-padded buffer (other shapes) — against the
// float64 direct sum, with and without d, in place and not, at every
// level.
func TestConv32FusedPassMatchesTheDirectSumAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 32))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		for _, shape := range []struct{ channels, seqLen, kernelLen int }{
			{3, 64, 64}, {3, 256, 256}, {2, 1024, 1024}, {1, 4096, 4096}, {2, 64, 40}, // row read in place
			{1, 8192, 8192}, {1, 16384, 16384}, // segmented at AVX-512
			{3, 32, 32}, {2, 128, 128}, {3, 512, 512}, {1, 2048, 2048}, // odd log2 h: radix-8 or radix-2 first, copied
			{2, 300, 200}, {3, 1000, 999}, {2, 200, 20}, // the row longer or shorter than h, copied
		} {
			c, sl, kl := shape.channels, shape.seqLen, shape.kernelLen
			k := make([]float32, c*kl)
			for i := range k {
				k[i] = float32(rng.NormFloat64())
			}
			plan, err := newConvPlan("NewConv32", c, sl, k, convFFT)
			if err != nil {
				t.Fatal(err)
			}
			if hasStockham32(l) {
				if plan.f32 == nil || plan.f32.pass == nil {
					t.Fatalf("%+v: no fused pass at %v", shape, l)
				}
				rp := plan.f32.plan.stockham(l)
				// The row fills the first half of the input, whose half-length
				// complex FFT starts with radix 4 (log2 h even), not with
				// two radix-4 stages fused (asm.FFTRadix16).
				h := conv32Len(sl, kl) / 2
				fusedFirst := rp.cplx != nil && (rp.cplx.radix16(0) || rp.cplx.seg)
				wantDirect := sl == h && bits.TrailingZeros(uint(h))%2 == 0 && !fusedFirst
				if got := firstStageReadsRow(l, rp, sl); got != wantDirect {
					t.Fatalf("%+v: firstStageReadsRow = %v, want %v", shape, got, wantDirect)
				}
				// The inverse's last pass (AVX-512's radix-16 tail, AVX2's
				// radix-4 stage) is pruned where the row fills the first
				// half (asm.FFTConvTail16, asm.FFTConvLast4; a segmented
				// plan's asm.FFTConvTail16Seg).
				if sl == h && h >= 1024 && !prunedTail(l, rp.cplx, sl) && !prunedSegTail(l, rp, sl) {
					t.Fatalf("%+v: no pruned inverse tail at %v", shape, l)
				}
			}
			const batch = 2
			u := make([]float32, batch*c*sl)
			for i := range u {
				u[i] = float32(rng.NormFloat64())
			}
			for _, d := range [][]float32{nil, []float32{0.5, -2, 1.25}[:c]} {
				var d64 []float64
				if d != nil {
					d64 = toF64(d)
				}
				want := make([]float64, len(u))
				generic.ConvDirect(want, toF64(u), toF64(k), d64, c, sl)
				got := make([]float32, len(u))
				mustOK(t, plan.apply("Conv32.Apply", got, u, d))
				if e := normwise(toF64(got), want); !(e <= conv32Tol) {
					t.Fatalf("%v %+v d=%v: normwise error %.3g > %g", l, shape, d, e, conv32Tol)
				}
				inPlace := append([]float32(nil), u...)
				mustOK(t, plan.apply("Conv32.Apply", inPlace, inPlace, d))
				mustEqual(t, "in place", inPlace, got)
			}
		}
	})
}
