package kernelgen

import (
	"math"
	"math/cmplx"
	"sort"

	"gonum.org/v1/gonum/mat"
)

// NPLR returns the diagonal-plus-low-rank form of the HiPPO matrix of
// measure with n (even) real states, as nplr(measure, n, rank 1) of the S4
// repository does it. A HiPPO matrix is normal plus low rank: with the rank
// correction P (LegS: P[r] = √(r+½); LagT: P[r] = √½),
//
//	S = A + P·Pᵀ = c·I + skew-symmetric,   c = mean diag S (−½ for LegS, 0 for LagT)
//
// is normal, S = V̄·diag(Λ̄)·V̄ᴴ with V̄ unitary. Its eigenvalues come in
// conjugate pairs; NPLR keeps the nh = n/2 with Im < 0, sorted by
// ascending imaginary part (S4's order), and returns
//
//	Lambda [nh]     Λ = c + i·Im(eig S)         (Re Λ = c exactly)
//	P      [nh]     V*·P   (first nh entries of V̄ᴴ·P)
//	B      [nh]     V*·B
//	V      [n][nh]  row-major: column j is the unit eigenvector of Lambda[j]
//
// so that A = V̄·(diag Λ̄ − P̄·P̄ᴴ)·V̄ᴴ with V̄ = [V, conj V], the input
// DPLRParams takes (TestNPLRReconstructsHiPPO: ≤ 1e−12 relative).
// Eigenvectors carry an arbitrary phase each; P and B rotate with it and
// the kernel (for a C transformed alike) does not change.
//
// Two differences from S4's nplr, both deliberate: it works in float64
// throughout (S4 rounds A and P to float32 before its float64 eigh, so the
// golden Λ has Re = −0.50000018), and B is not clipped. S4 clamps Im B to
// [−2, 2] (B_clip = 2) in the phases torch's eigh happens to return; that
// changes the SSM, by an amount that depends on those phases, whereas the
// B here makes the DPLR SSM exactly the HiPPO one (for LegS, B = √2·P).
//
// The eigen-decomposition is gonum's (LAPACK dgeev) of the real
// skew-symmetric part, in float64.
//
// Errors: n < 2, odd, or > 4096; a measure other than LegS and LagT (LegT
// needs a rank-2 correction, FouT has a zero eigenvalue pair); a failed
// decomposition or an eigenvalue pair on the real axis.
func NPLR(measure Measure, n int) (Lambda, P, B, V []complex128, err error) {
	if n < 2 || n%2 != 0 || n > 4096 {
		return nil, nil, nil, nil, errorf("n = %d, want even, ≥ 2 and ≤ 4096", n)
	}
	A, Bh, err := HiPPO(measure, n)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	p := make([]float64, n)
	switch measure {
	case LegS:
		for r := range p {
			p[r] = math.Sqrt(0.5 + float64(r))
		}
	case LagT:
		for r := range p {
			p[r] = math.Sqrt(0.5)
		}
	default:
		return nil, nil, nil, nil, errorf("measure = %v, want LegS or LagT (rank-1 NPLR)", measure)
	}
	// S = A + P·Pᵀ; its symmetric part is c·I, its skew part K.
	var c float64
	for r := range n {
		c += A[r*n+r] + p[r]*p[r]
	}
	c /= float64(n)
	k := mat.NewDense(n, n, nil)
	for r := range n {
		for col := range n {
			s := A[r*n+col] + p[r]*p[col]
			t := A[col*n+r] + p[col]*p[r]
			k.Set(r, col, (s-t)/2) // exactly skew-symmetric
		}
	}
	var eig mat.Eigen
	if !eig.Factorize(k, mat.EigenRight) {
		return nil, nil, nil, nil, errorf("NPLR(%v, %d): the eigen-decomposition did not converge", measure, n)
	}
	values := eig.Values(nil)
	var vecs mat.CDense
	eig.VectorsTo(&vecs)
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return imag(values[order[a]]) < imag(values[order[b]]) })
	nh := n / 2
	var norm float64
	for _, v := range values {
		norm = math.Max(norm, cmplx.Abs(v))
	}
	Lambda = make([]complex128, nh)
	V = make([]complex128, n*nh)
	for j := range nh {
		idx := order[j]
		if !(imag(values[idx]) < -1e-10*math.Max(norm, 1)) {
			return nil, nil, nil, nil, errorf("NPLR(%v, %d): eigenvalue %v is (nearly) real; no conjugate pair to halve", measure, n, values[idx])
		}
		Lambda[j] = complex(c, imag(values[idx]))
		var s float64
		for r := range n {
			s += real(vecs.At(r, idx))*real(vecs.At(r, idx)) + imag(vecs.At(r, idx))*imag(vecs.At(r, idx))
		}
		s = 1 / math.Sqrt(s)
		for r := range n {
			V[r*nh+j] = vecs.At(r, idx) * complex(s, 0)
		}
	}
	P = make([]complex128, nh)
	B = make([]complex128, nh)
	for j := range nh {
		var sp, sb complex128
		for r := range n {
			vc := cmplx.Conj(V[r*nh+j])
			sp += vc * complex(p[r], 0)
			sb += vc * complex(Bh[r], 0)
		}
		P[j], B[j] = sp, sb
	}
	return Lambda, P, B, V, nil
}
