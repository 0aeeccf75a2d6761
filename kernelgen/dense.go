package kernelgen

import "gonum.org/v1/gonum/mat"

// maxDense bounds the state size of the dense routines (n×n matrices,
// O(n³) work): far above any HiPPO size in use.
const maxDense = 4096

// DiscretizeZOHDense discretises a dense real SSM (A n×n row-major, B n
// entries, n = len(B)) with the zero-order hold:
//
//	dA = exp(dt·A),   dB = ∫₀^dt exp(s·A) ds · B   (= A⁻¹(exp(dt·A) − I)·B when A is invertible)
//
// both from one matrix exponential of the augmented (n+1)×(n+1) matrix
// [[dt·A, dt·B], [0, 0]], whose exponential is [[dA, dB], [0, 1]]: no
// inverse of A, so a singular A (an integrator, A = 0, gives dB = dt·B)
// works. The exponential is gonum's
// (scaling and squaring with Padé approximants).
//
// Errors: n < 1 or > 4096; len(A) ≠ n², len(dA) ≠ n², len(dB) ≠ n; dt not
// finite and > 0; NaN or Inf in A or B; an exponential that overflows.
func DiscretizeZOHDense(dA, dB, A, B []float64, dt float64) error {
	n, err := checkDense(dA, dB, A, B, dt)
	if err != nil {
		return err
	}
	m := mat.NewDense(n+1, n+1, nil)
	for r := range n {
		for c := range n {
			m.Set(r, c, dt*A[r*n+c])
		}
		m.Set(r, n, dt*B[r])
	}
	var e mat.Dense
	e.Exp(m)
	for r := range n {
		for c := range n {
			dA[r*n+c] = e.At(r, c)
		}
		dB[r] = e.At(r, n)
	}
	if err := firstError(checkFinite("dA", dA), checkFinite("dB", dB)); err != nil {
		return errorf("exp(dt·A) overflows with dt = %v: %v", dt, err)
	}
	return nil
}

// DiscretizeBilinearDense discretises a dense real SSM with the bilinear
// (Tustin) rule:
//
//	dA = (I − dt/2·A)⁻¹(I + dt/2·A),   dB = (I − dt/2·A)⁻¹·dt·B
//
// by one LU factorisation of I − dt/2·A (gonum) and solves, no inverse.
//
// Errors: as DiscretizeZOHDense, and I − dt/2·A singular or so
// ill-conditioned (condition number > 1e14) that the solve means nothing.
func DiscretizeBilinearDense(dA, dB, A, B []float64, dt float64) error {
	n, err := checkDense(dA, dB, A, B, dt)
	if err != nil {
		return err
	}
	minus := mat.NewDense(n, n, nil)
	rhs := mat.NewDense(n, n+1, nil)
	for r := range n {
		for c := range n {
			x := dt / 2 * A[r*n+c]
			minus.Set(r, c, -x)
			rhs.Set(r, c, x)
		}
		minus.Set(r, r, 1+minus.At(r, r))
		rhs.Set(r, r, 1+rhs.At(r, r))
		rhs.Set(r, n, dt*B[r])
	}
	var lu mat.LU
	lu.Factorize(minus)
	if c := lu.Cond(); !(c <= 1e14) {
		return errorf("I − dt/2·A is singular or ill-conditioned (condition number %.3g) with dt = %v", c, dt)
	}
	var x mat.Dense
	if err := lu.SolveTo(&x, false, rhs); err != nil {
		return errorf("solving with I − dt/2·A: %v", err)
	}
	for r := range n {
		for c := range n {
			dA[r*n+c] = x.At(r, c)
		}
		dB[r] = x.At(r, n)
	}
	return nil
}

func checkDense(dA, dB, A, B []float64, dt float64) (int, error) {
	n := len(B)
	if err := checkPositive("len(B)", n); err != nil {
		return 0, err
	}
	if n > maxDense {
		return 0, errorf("len(B) = %d, want ≤ %d", n, maxDense)
	}
	return n, firstError(
		checkLen("A", A, n*n),
		checkLen("dA", dA, n*n),
		checkLen("dB", dB, n),
		checkStep("dt", dt),
		checkFinite("A", A),
		checkFinite("B", B),
	)
}
