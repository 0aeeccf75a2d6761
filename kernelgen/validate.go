package kernelgen

import (
	"fmt"
	"math"
	"slices"
)

// maxElements bounds every tensor kernelgen writes, so that no index
// arithmetic overflows and byte offsets (×16 for complex128) fit an int.
const maxElements = math.MaxInt / 16

// errorf prefixes every error with the package name.
func errorf(format string, args ...any) error {
	return fmt.Errorf("kernelgen: "+format, args...)
}

// checkPositive reports a size that is not ≥ 1.
func checkPositive(name string, v int) error {
	if v < 1 {
		return errorf("%s = %d, want ≥ 1", name, v)
	}
	return nil
}

// mulSizes multiplies sizes (each ≥ 1) and reports an error naming what
// when the product exceeds maxElements.
func mulSizes(what string, xs ...int) (int, error) {
	p := 1
	for _, x := range xs {
		if x != 0 && p > maxElements/x {
			return 0, errorf("%s overflows: %v", what, slices.Clone(xs)) // a copy, so that xs stays on the caller's stack
		}
		p *= x
	}
	return p, nil
}

// checkStep reports a step size that is not finite and > 0.
func checkStep(name string, dt float64) error {
	if !(dt > 0) || math.IsInf(dt, 1) {
		return errorf("%s = %v, want finite and > 0", name, dt)
	}
	return nil
}

// checkSteps checks every step of dt.
func checkSteps(name string, dt []float64) error {
	for i, v := range dt {
		if checkStep(name, v) != nil { // name the element only then: no allocation per call
			return checkStep(fmt.Sprintf("%s[%d]", name, i), v)
		}
	}
	return nil
}

// checkLen reports a slice whose length is not want.
func checkLen[T any](name string, x []T, want int) error {
	return checkLenN(name, len(x), want)
}

// checkLenN reports a length got that is not want.
func checkLenN(name string, got, want int) error {
	if got != want {
		return errorf("len(%s) = %d, want %d", name, got, want)
	}
	return nil
}

// checkFiniteComplex reports the first NaN or Inf entry of x.
func checkFiniteComplex(name string, x []complex128) error {
	// x − x is 0 for a finite x and NaN for ±Inf or NaN, and a sum of
	// such terms is NaN once one is: four running sums over a chunk and
	// one compare, where cmplx.IsNaN and IsInf cost calls and a branch a
	// part costs a compare (S4DKernel checks H·Nh·(2 + Channels) values
	// per call). A chunk that is not all finite is searched part by part.
	const chunk = 64
	for i0 := 0; i0 < len(x); i0 += chunk {
		c := x[i0:min(i0+chunk, len(x))]
		var s0, s1, s2, s3 float64
		for len(c) >= 2 {
			a, b := c[0], c[1]
			s0 += real(a) - real(a)
			s1 += imag(a) - imag(a)
			s2 += real(b) - real(b)
			s3 += imag(b) - imag(b)
			c = c[2:]
		}
		for _, v := range c {
			s0 += real(v) - real(v) + (imag(v) - imag(v))
		}
		if s0+s1+s2+s3 == 0 {
			continue
		}
		for i := i0; i < min(i0+chunk, len(x)); i++ {
			if v := x[i]; real(v)-real(v) != 0 || imag(v)-imag(v) != 0 {
				return errorf("%s[%d] = %v, want finite", name, i, v)
			}
		}
	}
	return nil
}

// checkFinite reports the first NaN or Inf entry of x.
func checkFinite(name string, x []float64) error {
	for i, v := range x {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return errorf("%s[%d] = %v, want finite", name, i, v)
		}
	}
	return nil
}

// firstError returns the first non-nil error.
func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
