package kernelgen

import "math"

// Measure names a HiPPO measure: the weighting of the past that the state
// of a HiPPO SSM projects the input onto.
type Measure int

const (
	// LegS is scaled Legendre (the whole past, uniformly): S4's default.
	LegS Measure = iota
	// LegT is translated Legendre (a sliding window of length 1).
	LegT
	// LagT is translated Laguerre (exponentially decaying past, beta 1).
	LagT
	// FouT is translated Fourier (a sliding window, Fourier basis); n must
	// be even.
	FouT
)

func (m Measure) String() string {
	switch m {
	case LegS:
		return "LegS"
	case LegT:
		return "LegT"
	case LagT:
		return "LagT"
	case FouT:
		return "FouT"
	}
	return "Measure(invalid)"
}

// maxHiPPO bounds n so that the n×n matrix fits comfortably; larger state
// sizes have no use and would only exhaust memory.
const maxHiPPO = 1 << 14

// HiPPO returns the continuous-time HiPPO matrices of measure with n
// states: A is n×n, row-major (A[r·n + c]), B has n entries (the single
// input column). With indices r (row), c (column) from 0:
//
//	LegS: A[r,c] = −√(2r+1)·√(2c+1) (r > c), −(r+1) (r = c), 0 (r < c);  B[r] = √(2r+1)
//	LegT: A[r,c] = −½·√(2r+1)·√(2c+1)·s, s = (−1)^(r−c) if r < c else 1;  B[r] = ½·√(2r+1)
//	LagT: A = I/2 − tril(ones): −1 below the diagonal, −½ on it;          B[r] = 1
//	FouT: b = (1, 0, √2, 0, √2, 0, …); A0[2j,2j+1] = −πj, A0[2j+1,2j] = πj;
//	      A = A0 − b·bᵀ;                                                    B = b
//
// This is transition(measure, n) of the S4 repository (hippo.py), which
// the golden hippo_transition vectors reproduce to within 1e−15 relative
// (S4 computes LegS as T·M·T⁻¹, which differs from the closed form by an
// ulp). The slices are newly allocated; wrap A with gonum's
// mat.NewDense(n, n, A) when a matrix type is wanted.
//
// Errors: n < 1 or n > 16384; FouT with odd n; an unknown measure.
func HiPPO(measure Measure, n int) (A, B []float64, err error) {
	if err := checkPositive("n", n); err != nil {
		return nil, nil, err
	}
	if n > maxHiPPO {
		return nil, nil, errorf("n = %d, want ≤ %d", n, maxHiPPO)
	}
	A = make([]float64, n*n)
	B = make([]float64, n)
	switch measure {
	case LegS:
		for r := range n {
			sr := math.Sqrt(float64(2*r + 1))
			B[r] = sr
			for c := range r {
				A[r*n+c] = -sr * math.Sqrt(float64(2*c+1))
			}
			A[r*n+r] = -float64(r + 1)
		}
	case LegT:
		for r := range n {
			sr := math.Sqrt(float64(2*r + 1))
			B[r] = 0.5 * sr
			for c := range n {
				s := 1.0
				if r < c && (c-r)%2 == 1 {
					s = -1
				}
				A[r*n+c] = -(sr * s * math.Sqrt(float64(2*c+1))) * 0.5
			}
		}
	case LagT:
		for r := range n {
			B[r] = 1
			for c := range r {
				A[r*n+c] = -1
			}
			A[r*n+r] = -0.5
		}
	case FouT:
		if n%2 != 0 {
			return nil, nil, errorf("n = %d, want even for FouT (sine/cosine pairs)", n)
		}
		for r := 0; r < n; r += 2 {
			B[r] = math.Sqrt2
		}
		B[0] = 1
		for j := 1; 2*j+1 < n; j++ {
			A[2*j*n+2*j+1] = math.Pi * -float64(j)
			A[(2*j+1)*n+2*j] = math.Pi * float64(j)
		}
		for r := range n {
			for c := range n {
				A[r*n+c] -= B[r] * B[c]
			}
		}
	default:
		return nil, nil, errorf("measure = %d, want LegS, LegT, LagT or FouT", int(measure))
	}
	return A, B, nil
}
