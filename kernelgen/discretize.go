package kernelgen

import (
	"math"
)

// Discretization names the rule that turns the continuous (A, B) into the
// discrete (Ā, B̄) of the recurrence h_k = Ā·h_{k−1} + B̄·x_k.
type Discretization int

const (
	// ZOH is the zero-order hold: Ā = exp(ΔA), B̄ = A⁻¹(exp(ΔA) − I)·B,
	// exact for an input that is constant over each step.
	ZOH Discretization = iota
	// Bilinear is the Tustin rule: Ā = (I − ΔA/2)⁻¹(I + ΔA/2),
	// B̄ = (I − ΔA/2)⁻¹·ΔB.
	Bilinear
)

func (d Discretization) String() string {
	switch d {
	case ZOH:
		return "ZOH"
	case Bilinear:
		return "Bilinear"
	}
	return "Discretization(invalid)"
}

// DiscretizeZOH discretises a diagonal complex SSM with the zero-order
// hold, state by state:
//
//	dA[n] = exp(dt·A[n]),  dB[n] = (exp(dt·A[n]) − 1)/A[n]·B[n]   (dt·B[n] when A[n] = 0)
//
// exp(dt·A) − 1 is computed without cancellation (expm1 of the real part),
// so dB keeps full relative accuracy when dt·A is small. dA, dB, A and B
// have the same length; dA and dB are overwritten.
//
// Errors: lengths differ; dt not finite and > 0; a NaN or Inf in A or B.
func DiscretizeZOH(dA, dB, A, B []complex128, dt float64) error {
	if err := checkDiag(dA, dB, A, B, dt); err != nil {
		return err
	}
	discretizeZOH(dA, dB, A, B, dt)
	return nil
}

// discretizeZOH is DiscretizeZOH for validated arguments (S4DKernel checks
// A, B and every Dt once per call, not once per H).
func discretizeZOH(dA, dB, A, B []complex128, dt float64) {
	for n, a := range A {
		e, em1 := expAndExpm1(complex(dt, 0) * a)
		dA[n], dB[n] = e, zohB(em1, a, B[n], dt)
	}
}

// zohB is the zero-order hold's B̄ = (exp(dt·a) − 1)/a·b, dt·b at a = 0.
func zohB(em1, a, b complex128, dt float64) complex128 {
	if a == 0 {
		return complex(dt, 0) * b
	}
	return divide(em1, a) * b
}

// divide is x/y for y ≠ 0 by x·conj(y)/|y|², one real division instead of
// Go's complex division (which guards against overflow and Inf/NaN at a
// cost the per-state loop of S4DKernel notices); for |y|² outside the
// normal range it falls back to Go's.
func divide(x, y complex128) complex128 {
	yr, yi := real(y), imag(y)
	m := yr*yr + yi*yi
	if !(m > 0x1p-1000 && m < 0x1p1000) {
		return x / y
	}
	s := 1 / m
	return complex((real(x)*yr+imag(x)*yi)*s, (imag(x)*yr-real(x)*yi)*s)
}

// DiscretizeBilinear discretises a diagonal complex SSM with the bilinear
// (Tustin) rule, state by state:
//
//	dA[n] = (1 + dt·A[n]/2)/(1 − dt·A[n]/2),  dB[n] = dt/(1 − dt·A[n]/2)·B[n]
//
// Errors: as DiscretizeZOH, and dt·A[n] = 2 (a pole on the unit circle's
// image: 1 − dt·A/2 = 0).
func DiscretizeBilinear(dA, dB, A, B []complex128, dt float64) error {
	if err := checkDiag(dA, dB, A, B, dt); err != nil {
		return err
	}
	return discretizeBilinear(dA, dB, A, B, dt)
}

// discretizeBilinear is DiscretizeBilinear for validated arguments; the
// pole is its only error.
func discretizeBilinear(dA, dB, A, B []complex128, dt float64) error {
	for n, a := range A {
		half := complex(dt/2, 0) * a
		den := 1 - half
		if den == 0 {
			return errorf("A[%d] = %v: 1 − dt·A/2 = 0 with dt = %v, the bilinear map is singular", n, a, dt)
		}
		dA[n] = (1 + half) / den
		dB[n] = complex(dt, 0) / den * B[n]
	}
	return nil
}

func checkDiag(dA, dB, A, B []complex128, dt float64) error {
	return firstError(
		checkPositive("len(A)", len(A)),
		checkLen("B", B, len(A)),
		checkLen("dA", dA, len(A)),
		checkLen("dB", dB, len(A)),
		checkStep("dt", dt),
		checkFiniteComplex("A", A),
		checkFiniteComplex("B", B),
	)
}

// expAndExpm1 returns exp(z) and exp(z) − 1 for finite z, the second
// without cancellation near 0: exp(x)·cos y − 1 = expm1(x)·cos y −
// 2·sin²(y/2). One expm1 and one sincos of y/2 serve both: cos y = 1 −
// 2·sin²(y/2) and sin y = 2·sin(y/2)·cos(y/2), and exp(x) = 1 + expm1(x)
// while exp(x) ≥ 1/2 (no cancellation: within 3 ulp), math.Exp below.
func expAndExpm1(z complex128) (e, em1 complex128) {
	x, y := real(z), imag(z)
	m := math.Expm1(x)
	r := 1 + m
	if x < -0.6931471805599453 { // exp(x) < 1/2
		r = math.Exp(x)
	}
	sh, ch := math.Sincos(y / 2)
	return expParts(r, m, sh, ch)
}

// expParts returns exp(z) and exp(z) − 1 from r = exp(x), m = expm1(x),
// sh = sin(y/2) and ch = cos(y/2), z = x + iy, as expAndExpm1 combines
// them.
func expParts(r, m, sh, ch float64) (e, em1 complex128) {
	h2 := 2 * sh * sh
	c, s := 1-h2, 2*sh*ch
	return complex(r*c, r*s), complex(m*c-h2, r*s)
}
