package scan

import (
	"fmt"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/generic"
)

// Grads receives the gradients that Backward computes; see
// generic.ScanGrads. A nil field is not wanted; the others are overwritten.
type Grads = generic.ScanGrads

// Backward writes into g the gradients of Σ out·dout with respect to the
// inputs of p, where out = Forward(p) and dout has out's shape: the
// backward pass for training. Gradients of shared inputs (A, D, DeltaBias,
// and B and C when channels share them) are summed over their users.
// A gradient asked for an absent optional input (D, Z, DeltaBias,
// InitialState) is an error, as is any overlap between a gradient and an
// input or another gradient.
func Backward(g *Grads, dout []float32, p *Params) error {
	s, err := checkParams(p, true)
	if err != nil {
		return err
	}
	if g == nil {
		return fmt.Errorf("scan: Backward: Grads is nil")
	}
	if err := checkLen("dout", dout, s.x, "Batch*Dim*SeqLen", false); err != nil {
		return err
	}
	grads := []struct {
		name  string
		grad  []float32
		input []float32
		want  int
		desc  string
	}{
		{"g.U", g.U, p.U, s.x, "Batch*Dim*SeqLen"},
		{"g.Delta", g.Delta, p.Delta, s.x, "Batch*Dim*SeqLen"},
		{"g.A", g.A, p.A, s.a, "Dim*State"},
		{"g.B", g.B, p.B, s.bc, "len(B)"},
		{"g.C", g.C, p.C, s.bc, "len(C)"},
		{"g.D", g.D, p.D, p.Dim, "Dim"},
		{"g.Z", g.Z, p.Z, s.x, "Batch*Dim*SeqLen"},
		{"g.DeltaBias", g.DeltaBias, p.DeltaBias, p.Dim, "Dim"},
		{"g.InitialState", g.InitialState, p.InitialState, s.state, "Batch*Dim*State"},
	}
	for i, c := range grads {
		if c.grad == nil {
			continue
		}
		if c.input == nil {
			return fmt.Errorf("scan: Backward: %s is set but its input is nil", c.name)
		}
		if err := checkLen(c.name, c.grad, c.want, c.desc, true); err != nil {
			return err
		}
		if err := checkOutput(c.name, c.grad, p); err != nil {
			return err
		}
		if overlaps(c.grad, dout) {
			return fmt.Errorf("scan: %s overlaps dout", c.name)
		}
		for _, other := range grads[:i] {
			if overlaps(c.grad, other.grad) {
				return fmt.Errorf("scan: %s overlaps %s", c.name, other.name)
			}
		}
	}
	backward(asm.Current(), g, dout, p)
	return nil
}

// backwardScratch pools the float64 working memory of the backward pass,
// so that steady-state calls allocate nothing.
var backwardScratch slicePool[float64]

// backward runs a validated call at level l. There is no assembly backward
// kernel yet: every level runs the float64 reference.
func backward(l asm.Level, g *Grads, dout []float32, p *Params) {
	buf := backwardScratch.get(generic.ScanBackwardScratchLen(p))
	generic.ScanBackward(g, dout, p, *buf)
	backwardScratch.put(buf)
}
