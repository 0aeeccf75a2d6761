// Package problem draws random but realistic inputs for ssmkern's kernels,
// shared by the tests, the fuzz targets and the benchmark report so that
// they all exercise the kernels on the same kind of data.
package problem

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/ssmkern/ssmkern/generic"
)

// Scan is the size and option set of a selective-scan problem.
type Scan struct {
	Batch, Dim, SeqLen, State, Groups int
	Layout                            generic.Layout
	D, Z, DeltaBias, Softplus         bool
	InitialState                      bool
}

func (s Scan) String() string {
	return fmt.Sprintf("%v/b%d_d%d_l%d_n%d_g%d_D%v_z%v_bias%v_sp%v_h0%v", s.Layout,
		s.Batch, s.Dim, s.SeqLen, s.State, s.Groups, s.D, s.Z, s.DeltaBias, s.Softplus, s.InitialState)
}

// NewScan draws a problem of shape s with the value ranges of trained Mamba
// layers: A = −exp(U[0,1]) decays, Δ = softplus(N(−4, 1)) ≈ 0.02 (or
// U[0.01, 0.11] without softplus), unit-normal U, B, C, D and initial state.
func NewScan(rng *rand.Rand, s Scan) *generic.ScanParams {
	x := s.Batch * s.Dim * s.SeqLen
	normal := func(n int, scale float64) []float32 {
		v := make([]float32, n)
		for i := range v {
			v[i] = float32(rng.NormFloat64() * scale)
		}
		return v
	}
	p := &generic.ScanParams{
		Batch: s.Batch, Dim: s.Dim, SeqLen: s.SeqLen, State: s.State, Groups: s.Groups,
		Layout: s.Layout, DeltaSoftplus: s.Softplus,
		U: normal(x, 1), A: make([]float32, s.Dim*s.State),
	}
	p.Delta = make([]float32, x)
	for i := range p.Delta {
		if s.Softplus {
			p.Delta[i] = float32(-4 + rng.NormFloat64())
		} else {
			p.Delta[i] = float32(0.01 + 0.1*rng.Float64())
		}
	}
	for i := range p.A {
		p.A[i] = float32(-math.Exp(rng.Float64()))
	}
	bc := s.Dim * s.State
	if s.Groups > 0 {
		bc = s.Batch * s.Groups * s.State * s.SeqLen
	}
	p.B, p.C = normal(bc, 1), normal(bc, 1)
	if s.D {
		p.D = normal(s.Dim, 1)
	}
	if s.Z {
		p.Z = normal(x, 1.5)
	}
	if s.DeltaBias {
		p.DeltaBias = normal(s.Dim, 0.5)
	}
	if s.InitialState {
		p.InitialState = normal(s.Batch*s.Dim*s.State, 1)
	}
	return p
}
