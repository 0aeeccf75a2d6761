// Package scan runs Mamba's selective scan on the CPU: the forward pass over
// a sequence, its backward pass (the gradients for training), the
// single-step decode update, and Mamba-2's chunked state-space duality (SSD).
//
// Every call validates its arguments and returns an error that names the
// bad one; it never panics and never reads or writes outside the slices it
// is given. Calls allocate nothing in steady state and are safe for
// concurrent use. The work runs at the instruction-set level of
// asm.Current(): AVX-512 or AVX2 assembly where the CPU has it, else the
// plain-Go reference of package generic.
//
//	p := &scan.Params{
//		Batch: 1, Dim: 1536, SeqLen: 1024, State: 16, Groups: 1, Layout: scan.BDL,
//		U: u, Delta: delta, A: a, B: b, C: c, D: d, Z: z, DeltaSoftplus: true,
//	}
//	out := make([]float32, len(u))
//	last := make([]float32, p.Batch*p.Dim*p.State)
//	if err := scan.Forward(out, last, p); err != nil { ... }
package scan

import (
	"fmt"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/generic"
)

// Layout is the memory order of U, Delta, Z, B and C.
type Layout = generic.Layout

const (
	BDL = generic.BDL // [Batch][Dim][SeqLen]: Mamba's and PyTorch's order
	BLD = generic.BLD // [Batch][SeqLen][Dim]: channels-last
)

// Params describes one selective scan; the field comments of
// generic.ScanParams give the formula and every tensor's layout.
type Params = generic.ScanParams

// Forward runs the selective scan of p, writing out (like U) and, when
// lastState is not nil, the final state h ([Batch][Dim][State]).
// out and lastState must not share memory with any input.
func Forward(out, lastState []float32, p *Params) error {
	s, err := checkParams(p, true)
	if err != nil {
		return err
	}
	if err := checkOutputs(out, "lastState", lastState, s, p); err != nil {
		return err
	}
	forward(asm.Current(), out, lastState, p)
	return nil
}

// Step is one decode step of a recurrent model: p.SeqLen must be 1, state
// ([Batch][Dim][State]) holds h and is updated in place, p.InitialState must
// be nil, and out (like U) receives the outputs. For latency, Step does not
// inspect values: a NaN weight propagates to out and state as in the
// reference, where Forward would reject it.
func Step(out, state []float32, p *Params) error {
	s, err := checkParams(p, false)
	if err != nil {
		return err
	}
	if p.SeqLen != 1 {
		return fmt.Errorf("scan: Step: SeqLen = %d, want 1", p.SeqLen)
	}
	if p.InitialState != nil {
		return fmt.Errorf("scan: Step: InitialState must be nil (the state argument holds h)")
	}
	if state == nil {
		return fmt.Errorf("scan: Step: state is nil, want Batch*Dim*State = %d elements", s.state)
	}
	if err := checkOutputs(out, "state", state, s, p); err != nil {
		return err
	}
	step(asm.Current(), out, state, p)
	return nil
}

// checkOutputs validates the out and state outputs of Forward and Step.
func checkOutputs(out []float32, stateName string, state []float32, s shape, p *Params) error {
	if err := checkLen("out", out, s.x, "Batch*Dim*SeqLen", false); err != nil {
		return err
	}
	if err := checkLen(stateName, state, s.state, "Batch*Dim*State", true); err != nil {
		return err
	}
	if err := checkOutput("out", out, p); err != nil {
		return err
	}
	if err := checkOutput(stateName, state, p); err != nil {
		return err
	}
	if overlaps(out, state) {
		return fmt.Errorf("scan: out overlaps %s", stateName)
	}
	return nil
}
