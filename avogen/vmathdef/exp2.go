package vmathdef

import "math"

// The scan's decay exp(δ·A) = 2^(δ·log2e·A): avogen/vmath.Exp2 (amd64)
// and avogen/neongen (arm64) evaluate one function with these numbers;
// vmath.Exp2's doc comment gives the fit and its measured accuracy.
//
// 2^t = 2^⌊t⌋ · 2^f, f = t − ⌊t⌋ ∈ [0, 1), and 2^f = Horner over
// Exp2Poly (c7 first, c0 = 1 last, so that 2^0 = 1 exactly) with fused
// multiply-adds. t is first clamped to [Exp2ClampLo, Exp2ClampHi]:
// ⌊t⌋ + 127 then fits the exponent field, −127 building +0 (a result below
// the normal range is 0) and 128 building +Inf.
var Exp2Poly = [...]float32{
	2.14686534e-05, // c7
	0.000143641199,
	0.00134207751,
	0.0096141668,
	0.0555050634,
	0.240226403,
	0.693147182,
	1, // c0
}

var (
	Exp2ClampLo = float32(-127)
	Exp2ClampHi = float32(128)
	// Log2E and Log2ELo carry log2 e to 48 bits: δ·log2e is taken as
	// hi = fl(δ·Log2E) and lo = (δ·Log2E − hi) + δ·Log2ELo.
	Log2E   = float32(math.Log2E)
	Log2ELo = float32(math.Log2E - float64(float32(math.Log2E)))
)

// Log1pSeries holds 1/(2i+1) for i = 6 … 0, softplus's series:
// log1p(e) = 2·atanh(s) = 2·Σ s^(2i+1)/(2i+1) with s = e/(2+e).
var Log1pSeries = [...]float64{1.0 / 13, 1.0 / 11, 1.0 / 9, 1.0 / 7, 1.0 / 5, 1.0 / 3, 1}
