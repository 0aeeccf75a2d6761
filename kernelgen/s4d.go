package kernelgen

import "math"

// S4DInit names an initialisation of the diagonal state matrix of S4D
// ("On the Parameterization and Initialization of Diagonal State Space
// Models", Gu et al. 2022; the dplr() function of the S4 repository).
type S4DInit int

const (
	// S4DLin is S4D-Lin: λ_n = −½ − iπn, the Fourier-like frequencies.
	S4DLin S4DInit = iota
	// S4DInv is S4D-Inv: λ_n = −½ − i(N/π)(N/(2n+1) − 1), N = 2·nh, the
	// asymptotics of the HiPPO-LegS eigenvalues.
	S4DInv
	// S4DReal is S4D-Real: λ_n = −(n+1), the real HiPPO-LegS eigenvalues.
	S4DReal
)

func (i S4DInit) String() string {
	switch i {
	case S4DLin:
		return "S4D-Lin"
	case S4DInv:
		return "S4D-Inv"
	case S4DReal:
		return "S4D-Real"
	}
	return "S4DInit(invalid)"
}

// InitS4D returns the diagonal A (nh complex states, n = 0 … nh−1) and
// B of an S4D initialisation. The real model has N = 2·nh states: each
// stored λ stands for the pair (λ, conj λ), which is why every kernel of
// this package takes 2·Re of a sum over the nh stored states.
//
// Signs follow the S4 code (and the golden s4d_kernel vectors): Re λ < 0
// and Im λ ≤ 0. The S4D paper writes S4D-Lin as −½ + iπn; that is the
// other member of each pair, and gives the same kernel when B and C are
// conjugated too. B is all ones (B_init = "constant" in S4, which then
// learns C; S4D's standalone kernel folds B into C likewise).
//
// Errors: nh < 1 or nh > 2²⁴; an unknown init.
func InitS4D(init S4DInit, nh int) (A, B []complex128, err error) {
	if err := checkPositive("nh", nh); err != nil {
		return nil, nil, err
	}
	if nh > 1<<24 {
		return nil, nil, errorf("nh = %d, want ≤ %d", nh, 1<<24)
	}
	A = make([]complex128, nh)
	B = make([]complex128, nh)
	n2 := float64(2 * nh)
	for n := range nh {
		B[n] = 1
		fn := float64(n)
		switch init {
		case S4DLin:
			A[n] = complex(-0.5, -math.Pi*fn)
		case S4DInv:
			A[n] = complex(-0.5, -(1 / math.Pi * n2 * (n2/(1+2*fn) - 1)))
		case S4DReal:
			A[n] = complex(-(1 + fn), 0)
		default:
			return nil, nil, errorf("init = %d, want S4DLin, S4DInv or S4DReal", int(init))
		}
	}
	return A, B, nil
}
