package kernelgen

import (
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// denseTol bounds the agreement of two float64 evaluations of the same
// discretisation or response (different but backward-stable algorithms on
// well-conditioned problems, values of order 1).
const denseTol = 1e-12

// diagSSM is a random stable diagonal SSM and the same SSM as a dense
// real one, rotated by a random orthogonal Q so that A is full.
type diagSSM struct {
	nh       int
	A, B, C  []complex128 // [nh]
	dA       []float64    // [2nh][2nh] real form Q·blkdiag(…)·Qᵀ
	dB, dC   []float64    // [2nh]
	D        float64
	realDims int
}

func newDiagSSM(rng *rand.Rand, nh int) *diagSSM {
	s := &diagSSM{nh: nh, realDims: 2 * nh, D: rng.NormFloat64()}
	n := 2 * nh
	// A: S4D-Lin-like spread with random decay.
	s.A, s.B, s.C = make([]complex128, nh), make([]complex128, nh), make([]complex128, nh)
	for i := range nh {
		s.A[i] = complex(-0.1-rng.Float64(), -math.Pi*float64(i)*(0.5+rng.Float64()))
		s.B[i] = complex(rng.NormFloat64(), rng.NormFloat64())
		s.C[i] = complex(rng.NormFloat64(), rng.NormFloat64())
	}
	// Real coordinates of each pair: u = Re h, v = Im h,
	// [u', v'] = [[Re λ, −Im λ], [Im λ, Re λ]]·[u, v] + [Re b, Im b]·x,
	// y = 2·(Re c·u − Im c·v).
	blk := mat.NewDense(n, n, nil)
	b := mat.NewVecDense(n, nil)
	c := mat.NewVecDense(n, nil)
	for i, l := range s.A {
		blk.Set(2*i, 2*i, real(l))
		blk.Set(2*i, 2*i+1, -imag(l))
		blk.Set(2*i+1, 2*i, imag(l))
		blk.Set(2*i+1, 2*i+1, real(l))
		b.SetVec(2*i, real(s.B[i]))
		b.SetVec(2*i+1, imag(s.B[i]))
		c.SetVec(2*i, 2*real(s.C[i]))
		c.SetVec(2*i+1, -2*imag(s.C[i]))
	}
	// Random orthogonal Q from a QR factorisation.
	g := mat.NewDense(n, n, nil)
	for i := range n {
		for j := range n {
			g.Set(i, j, rng.NormFloat64())
		}
	}
	var qr mat.QR
	qr.Factorize(g)
	var q mat.Dense
	qr.QTo(&q)
	var qa, a mat.Dense
	qa.Mul(&q, blk)
	a.Mul(&qa, q.T())
	var qb, qc mat.VecDense
	qb.MulVec(&q, b)
	qc.MulVec(&q, c) // y = cᵀu = cᵀQᵀ(Qu): the new C is Q·c
	s.dA = make([]float64, n*n)
	for i := range n {
		for j := range n {
			s.dA[i*n+j] = a.At(i, j)
		}
	}
	s.dB, s.dC = make([]float64, n), make([]float64, n)
	for i := range n {
		s.dB[i], s.dC[i] = qb.AtVec(i), qc.AtVec(i)
	}
	return s
}

// stepResponse returns S(τ) = ∫₀^τ exp(sA) ds·B for a dense A (n×n) by the
// exponential of the augmented matrix [[τA, τB], [0, 0]]: one independent
// exponential per τ, no recurrence.
func stepResponse(A, B []float64, tau float64) []float64 {
	n := len(B)
	m := mat.NewDense(n+1, n+1, nil)
	for r := range n {
		for c := range n {
			m.Set(r, c, tau*A[r*n+c])
		}
		m.Set(r, n, tau*B[r])
	}
	var e mat.Dense
	e.Exp(m)
	out := make([]float64, n)
	for r := range n {
		out[r] = e.At(r, n)
	}
	return out
}

func maxAbs(x []float64) float64 {
	var m float64
	for _, v := range x {
		m = math.Max(m, math.Abs(v))
	}
	return m
}

func maxDiff(a, b []float64) float64 {
	var m float64
	for i := range a {
		m = math.Max(m, math.Abs(a[i]-b[i]))
	}
	return m
}

// TestThreeRepresentationsAgree checks one SSM four ways for a
// piecewise-constant input x (x_k held on ((k−1)Δ, kΔ]):
//
//  1. the exact continuous solution at t = kΔ, y(t) = C·h(t) + D·x, with
//     h(kΔ) = Σ_j x_j·(S((k−j+1)Δ) − S((k−j)Δ)) and S the step response,
//     each S(mΔ) from its own matrix exponential (ZOH is exact here);
//  2. the dense real ZOH recurrence (DiscretizeZOHDense, DenseSSM.Run);
//  3. the diagonal complex ZOH recurrence (DiscretizeZOH, DiagSSM.Run);
//  4. the causal convolution y = K∗x + D·x with K from S4DKernel64.
func TestThreeRepresentationsAgree(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const nh, L, dt = 6, 200, 0.05
	s := newDiagSSM(rng, nh)
	n := 2 * nh
	x := make([]float64, L)
	for i := range x {
		x[i] = rng.NormFloat64()
	}

	// 1. Exact.
	S := make([][]float64, L+1)
	S[0] = make([]float64, n)
	for m := 1; m <= L; m++ {
		S[m] = stepResponse(s.dA, s.dB, float64(m)*dt)
	}
	exact := make([]float64, L)
	for k := range L {
		h := make([]float64, n)
		for j := 0; j <= k; j++ {
			for r := range n {
				h[r] += x[j] * (S[k-j+1][r] - S[k-j][r])
			}
		}
		for r := range n {
			exact[k] += s.dC[r] * h[r]
		}
		exact[k] += s.D * x[k]
	}

	// 2. Dense recurrence.
	dA, dB := make([]float64, n*n), make([]float64, n)
	if err := DiscretizeZOHDense(dA, dB, s.dA, s.dB, dt); err != nil {
		t.Fatal(err)
	}
	dense := make([]float64, L)
	if err := (&DenseSSM{DA: dA, DB: dB, C: s.dC, D: s.D}).Run(dense, make([]float64, n), x); err != nil {
		t.Fatal(err)
	}

	// 3. Diagonal recurrence.
	cA, cB := make([]complex128, nh), make([]complex128, nh)
	if err := DiscretizeZOH(cA, cB, s.A, s.B, dt); err != nil {
		t.Fatal(err)
	}
	diag := make([]float64, L)
	if err := (&DiagSSM{DA: cA, DB: cB, C: s.C, D: s.D}).Run(diag, make([]complex128, nh), x); err != nil {
		t.Fatal(err)
	}

	// 4. Convolution.
	K := make([]float64, L)
	p := &S4DParams{Channels: 1, H: 1, Nh: nh, L: L, A: s.A, B: s.B, C: s.C, Dt: []float64{dt}, Disc: ZOH}
	if err := S4DKernel64(K, p); err != nil {
		t.Fatal(err)
	}
	conv := make([]float64, L)
	for i := range L {
		for j := 0; j <= i; j++ {
			conv[i] += K[j] * x[i-j]
		}
		conv[i] += s.D * x[i]
	}

	scale := maxAbs(exact)
	for _, r := range []struct {
		name string
		y    []float64
	}{{"dense recurrence", dense}, {"diagonal recurrence", diag}, {"convolution with S4DKernel64", conv}} {
		e := maxDiff(r.y, exact) / scale
		if !(e <= denseTol) {
			t.Errorf("%s vs exact continuous solution: normwise %.3g > %g", r.name, e, denseTol)
		}
		t.Logf("%s vs exact continuous solution: normwise %.2g", r.name, e)
	}
	// The exact solution's own error (differences of step responses) is
	// the larger; the three discrete forms agree more closely.
	for _, r := range []struct {
		name string
		a, b []float64
	}{{"dense vs diagonal recurrence", dense, diag}, {"diagonal recurrence vs convolution", diag, conv}} {
		e := maxDiff(r.a, r.b) / scale
		if !(e <= denseTol) {
			t.Errorf("%s: normwise %.3g > %g", r.name, e, denseTol)
		}
		t.Logf("%s: normwise %.2g", r.name, e)
	}
}

// TestDiagonalDiscretizationMatchesDense compares the closed forms of
// DiscretizeZOH and DiscretizeBilinear with the dense routines on the
// same SSM in real coordinates: Q·blkdiag(Re/Im of dA)·Qᵀ and Q·(Re/Im dB).
func TestDiagonalDiscretizationMatchesDense(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	const nh = 5
	s := newDiagSSM(rng, nh)
	n := 2 * nh
	for _, dt := range []float64{1e-4, 0.01, 0.3} {
		for _, disc := range []Discretization{ZOH, Bilinear} {
			cA, cB := make([]complex128, nh), make([]complex128, nh)
			dA, dB := make([]float64, n*n), make([]float64, n)
			var err1, err2 error
			if disc == ZOH {
				err1 = DiscretizeZOH(cA, cB, s.A, s.B, dt)
				err2 = DiscretizeZOHDense(dA, dB, s.dA, s.dB, dt)
			} else {
				err1 = DiscretizeBilinear(cA, cB, s.A, s.B, dt)
				err2 = DiscretizeBilinearDense(dA, dB, s.dA, s.dB, dt)
			}
			if err1 != nil || err2 != nil {
				t.Fatal(err1, err2)
			}
			// Compare through the impulse response C·dA^l·dB, which is
			// basis-free: 2·Re(c·dA^l·dB) for the diagonal form.
			h := append([]float64(nil), dB...)
			next := make([]float64, n)
			hd := append([]complex128(nil), cB...)
			var worst, scale float64
			for l := range 50 {
				var yd, yc float64
				for r := range n {
					yd += s.dC[r] * h[r]
				}
				for i := range nh {
					yc += 2 * real(s.C[i]*hd[i])
					hd[i] *= cA[i]
				}
				for r := range n {
					var v float64
					for c := range n {
						v += dA[r*n+c] * h[c]
					}
					next[r] = v
				}
				h, next = next, h
				_ = l
				worst = math.Max(worst, math.Abs(yd-yc))
				scale = math.Max(scale, math.Abs(yd))
			}
			if e := worst / scale; !(e <= denseTol) {
				t.Errorf("%v dt %g: diagonal and dense impulse responses differ by %.3g > %g", disc, dt, e, denseTol)
			}
		}
	}
}

// TestZOHDenseMatchesInverseFormula checks the augmented-matrix B̄ against
// A⁻¹(exp(ΔA) − I)·B for an invertible A (HiPPO-LegS) and the integrator
// A = 0, where B̄ must be Δ·B.
func TestZOHDenseMatchesInverseFormula(t *testing.T) {
	const n, dt = 8, 0.1
	A, B, err := HiPPO(LegS, n)
	if err != nil {
		t.Fatal(err)
	}
	dA, dB := make([]float64, n*n), make([]float64, n)
	if err := DiscretizeZOHDense(dA, dB, A, B, dt); err != nil {
		t.Fatal(err)
	}
	em := mat.NewDense(n, n, append([]float64(nil), dA...))
	for i := range n {
		em.Set(i, i, em.At(i, i)-1)
	}
	var rhs, want mat.Dense
	rhs.Mul(em, mat.NewDense(n, 1, B))
	if err := want.Solve(mat.NewDense(n, n, A), &rhs); err != nil {
		t.Fatal(err)
	}
	if e := maxDiff(dB, want.RawMatrix().Data) / maxAbs(dB); !(e <= denseTol) {
		t.Errorf("LegS: augmented dB vs A⁻¹(exp(ΔA)−I)B: %.3g > %g", e, denseTol)
	}
	zero := make([]float64, n*n)
	if err := DiscretizeZOHDense(dA, dB, zero, B, dt); err != nil {
		t.Fatal(err)
	}
	for i := range n {
		if math.Abs(dB[i]-dt*B[i]) > 4e-16*math.Abs(dt*B[i]) || math.Abs(dA[i*n+i]-1) > 4e-16 { // gonum's Padé gives 1 − ulp
			t.Errorf("A = 0: dB[%d] = %v, want %v; dA[%d,%d] = %v, want 1", i, dB[i], dt*B[i], i, i, dA[i*n+i])
		}
	}
	// Diagonal ZOH at A = 0 is the same limit.
	cA, cB := make([]complex128, 1), make([]complex128, 1)
	if err := DiscretizeZOH(cA, cB, []complex128{0}, []complex128{2i}, dt); err != nil {
		t.Fatal(err)
	}
	if cA[0] != 1 || cmplx.Abs(cB[0]-complex(0, 2*dt)) > 1e-16 {
		t.Errorf("diagonal ZOH at A = 0: dA %v dB %v, want 1 and %v", cA[0], cB[0], complex(0, 2*dt))
	}
}

// TestExpAndExpm1MatchTheDirectFormulas checks the shared-sincos, expm1-
// based evaluation of ZOH's exp(z) and exp(z) − 1 against cmplx.Exp and the
// textbook cancellation-free form expm1(x)·cos y − 2·sin²(y/2) + i·exp(x)·sin y
// (each from its own exp, sincos and sin), over decays from e^−60 to e^5
// and phases up to ±200 rad, both relative to the complex modulus. Each
// side carries 3–4 roundings of its own (measured worst 7.9e-16, ≈ 3.5
// ulp), so the bound is 7 ulp.
func TestExpAndExpm1MatchTheDirectFormulas(t *testing.T) {
	const tol = 7 * 0x1p-53 * 2
	rng := rand.New(rand.NewPCG(21, 22))
	worstE, worstM := 0.0, 0.0
	for i := range 200000 {
		x := -60 + 65*rng.Float64()
		y := 400 * (rng.Float64() - 0.5)
		if i%4 == 0 { // near 0, where exp(z) − 1 cancels
			x, y = x*1e-6, y*1e-6
		}
		z := complex(x, y)
		e, em1 := expAndExpm1(z)
		wantE := cmplx.Exp(z)
		s, c := math.Sincos(y)
		h := math.Sin(y / 2)
		wantM := complex(math.Expm1(x)*c-2*h*h, math.Exp(x)*s)
		if d := cmplx.Abs(e-wantE) / cmplx.Abs(wantE); d > worstE {
			worstE = d
		}
		if d := cmplx.Abs(em1-wantM) / cmplx.Abs(wantM); d > worstM {
			worstM = d
		}
	}
	t.Logf("worst relative difference: exp %.2g, exp − 1 %.2g", worstE, worstM)
	if !(worstE <= tol && worstM <= tol) {
		t.Errorf("exp %.3g, exp − 1 %.3g: want ≤ %g", worstE, worstM, tol)
	}
}
