package kernelgen

import "math"

// DiagSSM is one channel of a discretised diagonal SSM in the
// conjugate-pair convention (nh stored complex states for 2·nh real ones):
//
//	h_k = DA ⊙ h_{k−1} + DB·x_k,   y_k = 2·Re Σ_n C[n]·h_k[n] + D·x_k
//
// DA and DB come from DiscretizeZOH or DiscretizeBilinear. Its impulse
// response is the S4D kernel: Run on x = (1, 0, 0, …) gives
// K[l] + D·δ_l0 with K from S4DKernel64 (TestThreeRepresentationsAgree).
// This is recurrent inference: O(nh) per step, for decoding one sample at
// a time where the convolution needs the whole sequence.
type DiagSSM struct {
	DA, DB, C []complex128 // [nh]
	D         float64
}

func (m *DiagSSM) check(state []complex128) error {
	if m == nil {
		return errorf("DiagSSM is nil")
	}
	nh := len(m.DA)
	return firstError(
		checkPositive("len(DA)", nh),
		checkLen("DB", m.DB, nh),
		checkLen("C", m.C, nh),
		checkLen("state", state, nh),
		checkFiniteComplex("DA", m.DA),
		checkFiniteComplex("DB", m.DB),
		checkFiniteComplex("C", m.C),
		checkFinite("D", []float64{m.D}),
	)
}

// Step advances state (h_{k−1} → h_k, [nh], in place) by one input x and
// returns y_k. A NaN or Inf x propagates into y and the state.
//
// Errors: a nil m; len(DA) < 1; DB, C or state of another length; NaN or
// Inf in DA, DB, C or D.
func (m *DiagSSM) Step(state []complex128, x float64) (float64, error) {
	if err := m.check(state); err != nil {
		return 0, err
	}
	return m.step(state, x), nil
}

func (m *DiagSSM) step(state []complex128, x float64) float64 {
	var y float64
	xc := complex(x, 0)
	for n, a := range m.DA {
		h := a*state[n] + m.DB[n]*xc
		state[n] = h
		c := m.C[n]
		y += real(c)*real(h) - imag(c)*imag(h)
	}
	return 2*y + m.D*x
}

// Run applies Step to every x[k] in order, writing y[k]; state holds the
// initial h (zero for a fresh sequence) and ends as the last one.
//
// Errors: as Step, and len(y) ≠ len(x).
func (m *DiagSSM) Run(y []float64, state []complex128, x []float64) error {
	if err := firstError(m.check(state), checkLen("y", y, len(x))); err != nil {
		return err
	}
	for k, xk := range x {
		y[k] = m.step(state, xk)
	}
	return nil
}

// DenseSSM is one channel of a discretised dense real SSM:
//
//	h_k = DA·h_{k−1} + DB·x_k,   y_k = C·h_k + D·x_k
//
// with DA n×n row-major and DB, C of n entries (DiscretizeZOHDense or
// DiscretizeBilinearDense), n = len(DB). O(n²) per step.
type DenseSSM struct {
	DA    []float64 // [n][n]
	DB, C []float64 // [n]
	D     float64
}

func (m *DenseSSM) check(state []float64) error {
	if m == nil {
		return errorf("DenseSSM is nil")
	}
	n := len(m.DB)
	if err := checkPositive("len(DB)", n); err != nil {
		return err
	}
	if n > maxDense {
		return errorf("len(DB) = %d, want ≤ %d", n, maxDense)
	}
	return firstError(
		checkLen("DA", m.DA, n*n),
		checkLen("C", m.C, n),
		checkLen("state", state, n),
		checkFinite("DA", m.DA),
		checkFinite("DB", m.DB),
		checkFinite("C", m.C),
		checkFinite("D", []float64{m.D}),
	)
}

// Step computes next = DA·state + DB·x (next and state of n entries; they
// must not overlap) and returns y_k = C·next + D·x.
//
// Errors: a nil m; len(DB) < 1 or > 4096; DA, C, state or next of the
// wrong length; NaN or Inf in DA, DB, C or D.
func (m *DenseSSM) Step(next, state []float64, x float64) (float64, error) {
	if err := firstError(m.check(state), checkLen("next", next, len(m.DB))); err != nil {
		return 0, err
	}
	if len(next) > 0 && &next[0] == &state[0] {
		return 0, errorf("next and state are the same slice; Step needs two")
	}
	return m.step(next, state, x), nil
}

func (m *DenseSSM) step(next, state []float64, x float64) float64 {
	n := len(state)
	var y float64
	for r := range n {
		s := m.DB[r] * x
		row := m.DA[r*n : (r+1)*n]
		for c, v := range state {
			s = math.FMA(row[c], v, s)
		}
		next[r] = s
		y += m.C[r] * s
	}
	return y + m.D*x
}

// Run applies the recurrence to every x[k], writing y[k]; state holds the
// initial h and ends as the last one. It allocates one n-vector per call.
//
// Errors: as Step, and len(y) ≠ len(x).
func (m *DenseSSM) Run(y, state, x []float64) error {
	if err := firstError(m.check(state), checkLen("y", y, len(x))); err != nil {
		return err
	}
	cur, next := state, make([]float64, len(state))
	for k, xk := range x {
		y[k] = m.step(next, cur, xk)
		cur, next = next, cur
	}
	if len(x)%2 == 1 {
		copy(state, cur)
	}
	return nil
}
