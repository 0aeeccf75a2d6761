// Package vmathdef holds the numbers that define ssmkern's vector math:
// the range reduction and polynomial of exp, shared by every generator
// (avogen/vmath for amd64 through Avo, avogen/neongen for arm64 NEON) so
// that every level computes one documented function. It imports nothing
// from Avo: a generator of any ISA can use it.
package vmathdef

import "math"

// Exp's range reduction and polynomial.
//
// exp(x) = 2^k · e^r with k = round(x·log2 e) and r = x − k·ln 2, the
// product k·ln 2 taken in two parts (Cody and Waite) so that r is exact to
// float32 precision; |r| ≤ ln2/2. e^r is the degree-7 Taylor polynomial
// Σ r^i/i! evaluated by Horner with fused multiply-adds; its truncation
// error at |r| = ln2/2 is 0.3466^8/8! = 5e-9 relative (0.1 ulp), so the
// error that remains is float32 rounding in the Horner steps. 2^k is
// applied as the two factors 2^(k>>1)·2^(k−k>>1), each a normal float32
// for every k ∈ [−127, 128] that a clamped argument gives, or by a scaling
// instruction where the ISA has one.
//
// Results below the smallest normal float32 (x < ln 2^−126) are exactly 0
// — Go does not flush denormals, and a denormal in a scan's state would
// slow every later step — results above the largest float32 are +Inf, and
// NaN stays NaN. Within 2 ulp of float64 math.Exp rounded to float32 over
// every float32 (asm's TestExpFloat32Exhaustive, -long).
var (
	ExpLog2E = float32(math.Log2E)
	// ExpLn2Hi is ln 2 to 16 bits: k·ExpLn2Hi is exact for |k| < 2^8.
	ExpLn2Hi = float32(0.693145751953125)
	// ExpLn2Lo is ln 2 − ExpLn2Hi.
	ExpLn2Lo = float32(1.42860682030941723e-6)
	// ExpMinArg is ln 2^−126: below it the result is not a normal float32.
	ExpMinArg = float32(-87.33654475)
	// ExpMaxArg is ln(max float32): above it the result is +Inf.
	ExpMaxArg = float32(88.72283905)
	// ExpClampLo and ExpClampHi bound the argument before the reduction
	// (NaN passes through a NaN-propagating max/min): beyond them the
	// result is 0 or +Inf anyway, and k stays in [−127, 128].
	ExpClampLo = float32(-88)
	ExpClampHi = float32(89)
	// MinNormal is 2^−126, the smallest normal float32.
	MinNormal = math.Float32frombits(0x00800000)
)

// ExpTaylor holds 1/i! for i = 7 … 0, the Horner order.
var ExpTaylor = [...]float64{1.0 / 5040, 1.0 / 720, 1.0 / 120, 1.0 / 24, 1.0 / 6, 1.0 / 2, 1, 1}
