package main

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/ssmkern/ssmkern/generic"
	"github.com/ssmkern/ssmkern/generic/golden"
	"github.com/ssmkern/ssmkern/generic/problem"
	"github.com/ssmkern/ssmkern/scan"
)

// scanCheckTol is the self-check's normwise tolerance against the float64
// oracle: 4× PyTorch's own float32 error on the golden scan cases (5.4e-7).
const scanCheckTol = 4 * 5.4e-7

// sections lists the report's kernel families in order.
func sections(quick bool) []section {
	return []section{scanSection(quick), fftSection(quick), convSection(quick)}
}

func scanSection(quick bool) section {
	s := section{
		name:  "scan",
		title: "Selective scan (Mamba-1), float32",
		about: "One element is one (batch, channel, step, state) update; softplus, D and z on, Groups 1. " +
			"mamba-130m: Dim 1536, State 16; mamba-2.8b: Dim 5120, State 16. Step is one decode step.",
		unit: "Melem/s",
	}
	for _, layout := range []scan.Layout{scan.BDL, scan.BLD} {
		for _, groups := range []int{0, 1, 3} {
			shape := problem.Scan{Batch: 2, Dim: 45, SeqLen: 37, State: 13, Groups: groups, Layout: layout,
				D: true, Z: true, DeltaBias: true, Softplus: true, InitialState: true}
			s.checks = append(s.checks, check{
				name: fmt.Sprintf("scan.Forward %v groups %d", layout, groups),
				run:  func() error { return checkForward(shape) },
			})
		}
	}
	s.checks = append(s.checks, check{name: "scan.Step BLD", run: checkStep})

	type size struct {
		model           string
		batch, dim, len int
	}
	sizes := []size{{"mamba-130m", 1, 1536, 1024}, {"mamba-130m", 1, 1536, 4096}, {"mamba-2.8b", 1, 5120, 1024}}
	steps := []size{{"mamba-130m", 1, 1536, 1}, {"mamba-2.8b", 8, 5120, 1}}
	if quick {
		sizes = []size{{"mamba-130m", 1, 1536, 128}}
		steps = steps[:1]
	}
	for _, layout := range []scan.Layout{scan.BDL, scan.BLD} {
		for _, z := range sizes {
			shape := problem.Scan{Batch: z.batch, Dim: z.dim, SeqLen: z.len, State: 16, Groups: 1, Layout: layout,
				D: true, Z: true, Softplus: true}
			s.cases = append(s.cases, scanCase(fmt.Sprintf("Forward %s %v L%d", z.model, layout, z.len), shape, false))
		}
	}
	for _, z := range steps {
		shape := problem.Scan{Batch: z.batch, Dim: z.dim, SeqLen: 1, State: 16, Groups: 1, Layout: scan.BLD,
			D: true, Z: true, Softplus: true}
		s.cases = append(s.cases, scanCase(fmt.Sprintf("Step %s batch %d", z.model, z.batch), shape, true))
	}
	return s
}

func scanCase(name string, shape problem.Scan, step bool) benchCase {
	elems := float64(shape.Batch * shape.Dim * shape.SeqLen * shape.State)
	return benchCase{
		name: name,
		bench: func(b *testing.B) {
			p := problem.NewScan(rand.New(rand.NewPCG(1, 2)), shape)
			out := make([]float32, p.Batch*p.Dim*p.SeqLen)
			state := make([]float32, p.Batch*p.Dim*p.State)
			b.ResetTimer()
			for range b.N {
				var err error
				if step {
					err = scan.Step(out, state, p)
				} else {
					err = scan.Forward(out, state, p)
				}
				if err != nil {
					b.Fatal(err)
				}
			}
		},
		rate: func(ns float64) float64 { return elems / ns * 1e3 }, // elements per µs = Melem/s
	}
}

func checkForward(shape problem.Scan) error {
	p := problem.NewScan(rand.New(rand.NewPCG(3, 4)), shape)
	want := make([]float32, p.Batch*p.Dim*p.SeqLen)
	wantLast := make([]float32, p.Batch*p.Dim*p.State)
	generic.ScanForward(want, wantLast, p)
	got := make([]float32, len(want))
	gotLast := make([]float32, len(wantLast))
	if err := scan.Forward(got, gotLast, p); err != nil {
		return err
	}
	return within("out", got, want, "last state", gotLast, wantLast)
}

func checkStep() error {
	shape := problem.Scan{Batch: 3, Dim: 77, SeqLen: 1, State: 16, Groups: 1, Layout: scan.BLD,
		D: true, Z: true, DeltaBias: true, Softplus: true, InitialState: true}
	p := problem.NewScan(rand.New(rand.NewPCG(5, 6)), shape)
	state := p.InitialState
	p.InitialState = nil
	want := make([]float32, p.Batch*p.Dim)
	wantState := append([]float32(nil), state...)
	generic.ScanStep(want, wantState, p)
	got := make([]float32, len(want))
	if err := scan.Step(got, state, p); err != nil {
		return err
	}
	return within("out", got, want, "state", state, wantState)
}

// within compares pairs of (name, got, want) float32 tensors normwise.
func within(pairs ...any) error {
	for i := 0; i+2 < len(pairs); i += 3 {
		name, got, want := pairs[i].(string), pairs[i+1].([]float32), pairs[i+2].([]float32)
		w := make([]float64, len(want))
		for j, v := range want {
			w[j] = float64(v)
		}
		if e := golden.NormwiseError(got, w); !(e <= scanCheckTol) {
			return fmt.Errorf("%s: normwise error %.3g > %.3g", name, e, scanCheckTol)
		}
	}
	return nil
}
