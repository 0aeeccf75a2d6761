package main

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/ssmkern/ssmkern/asm"

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
	return []section{scanSection(quick), fftSection(quick), convSection(quick), convMoreSection(quick), kernelgenSection(quick)}
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
	if !quick {
		shape := problem.Scan{Batch: 1, Dim: 1536, SeqLen: 128, State: 16, Groups: 1, Layout: scan.BDL, D: true, Z: true, Softplus: true}
		s.cases = append(s.cases, benchCase{name: "Backward mamba-130m BDL L128", bench: backwardBench(shape),
			rate: func(ns float64) float64 { return 1536 * 128 * 16 / ns * 1e3 }})
		s.cases = append(s.cases, benchCase{name: "SSD mamba2-130m L256 (24×64 heads, State 128)", bench: ssdBench(1, 256, 24, 64, 1, 128, 256),
			rate: func(ns float64) float64 { return 256 * 24 * 64 * 128 / ns * 1e3 }})
	}
	for _, z := range steps {
		shape := problem.Scan{Batch: z.batch, Dim: z.dim, SeqLen: 1, State: 16, Groups: 1, Layout: scan.BLD,
			D: true, Z: true, Softplus: true}
		s.cases = append(s.cases, scanCase(fmt.Sprintf("Step %s batch %d", z.model, z.batch), shape, true))
	}
	return s
}

// peakGFLOPS is the core's float32 FMA peak at level l, measured once per
// process (asm.FMAPeak: independent FMAs on full vectors, the best of five
// runs of about 10 ms), so that %peak compares a kernel with what this
// machine does in the same run rather than with a datasheet: on the Zen 4
// core these reports were first made on, AVX-512 and AVX2 both peak near
// 115 GFLOP/s (a 512-bit FMA is two 256-bit halves), not the 170 and 82 of
// a core with two 512-bit FMA ports. Plain Go is measured against the best
// vector peak the core has, which is what the hardware could give it; 0
// (no %peak) where no peak loop exists.
func peakGFLOPS(l asm.Level) float64 {
	if l == asm.Generic {
		best := 0.0
		for _, v := range asm.Levels() {
			if v != asm.Generic {
				best = max(best, peakGFLOPS(v))
			}
		}
		return best
	}
	peakMu.Lock()
	defer peakMu.Unlock()
	if g, ok := peaks[l]; ok {
		return g
	}
	best := 0.0
	for range 5 {
		start := time.Now()
		flops := asm.FMAPeak(l, 1<<20)
		best = max(best, flops/time.Since(start).Seconds()/1e9)
	}
	peaks[l] = best
	return best
}

var (
	peakMu sync.Mutex
	peaks  = map[asm.Level]float64{}
)

// scanFlopsPerElem counts the useful work of one (batch, channel, step,
// state) update: two fused multiply-adds, h = a·h + δBu and y += C·h.
// exp(δA) is not counted, so %peak understates the kernels' real rate.
const scanFlopsPerElem = 4

// reportScanMetrics reports ns/elem, Melem/s and the fraction of peak.
func reportScanMetrics(b *testing.B, elems float64) {
	ns := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
	b.ReportMetric(ns/elems, "ns/elem")
	b.ReportMetric(elems/ns*1e3, "Melem/s")
	if peak := peakGFLOPS(asm.Current()); peak > 0 {
		b.ReportMetric(100*scanFlopsPerElem*elems/ns/peak, "%peak")
	}
}

func scanCase(name string, shape problem.Scan, step bool) benchCase {
	elems := float64(shape.Batch * shape.Dim * shape.SeqLen * shape.State)
	return benchCase{
		name: name,
		bench: func(b *testing.B) {
			p := problem.NewScan(rand.New(rand.NewPCG(1, 2)), shape)
			out := make([]float32, p.Batch*p.Dim*p.SeqLen)
			state := make([]float32, p.Batch*p.Dim*p.State)
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			cpu0 := threadCPU()
			for b.Loop() {
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
			reportScanMetrics(b, elems)
			if cpu := threadCPU() - cpu0; cpu0 > 0 && cpu > 0 {
				b.ReportMetric(cpu/float64(b.N)/elems, "cpu-ns/elem")
			}
		},
		rate: func(ns float64) float64 { return elems / ns * 1e3 }, // elements per µs = Melem/s
	}
}

// backwardBench measures scan.Backward with every gradient wanted.
func backwardBench(shape problem.Scan) func(b *testing.B) {
	return func(b *testing.B) {
		p := problem.NewScan(rand.New(rand.NewPCG(1, 2)), shape)
		like := func(x []float32) []float32 {
			if x == nil {
				return nil
			}
			return make([]float32, len(x))
		}
		g := &scan.Grads{U: like(p.U), Delta: like(p.Delta), A: like(p.A), B: like(p.B), C: like(p.C),
			D: like(p.D), Z: like(p.Z), DeltaBias: like(p.DeltaBias)}
		dout := make([]float32, len(p.U))
		for i := range dout {
			dout[i] = 1
		}
		for b.Loop() {
			if err := scan.Backward(g, dout, p); err != nil {
				b.Fatal(err)
			}
		}
		reportScanMetrics(b, float64(p.Batch*p.Dim*p.SeqLen*p.State))
	}
}

// ssdBench measures scan.SSD; an element is one (batch, head, channel,
// step, state) update.
func ssdBench(batch, seqLen, heads, headDim, groups, state, chunk int) func(b *testing.B) {
	return func(b *testing.B) {
		rng := rand.New(rand.NewPCG(5, 6))
		normal := func(n int, shift float64) []float32 {
			v := make([]float32, n)
			for i := range v {
				v[i] = float32(shift + rng.NormFloat64())
			}
			return v
		}
		p := &scan.SSDParams{Batch: batch, SeqLen: seqLen, Heads: heads, HeadDim: headDim, Groups: groups, State: state,
			ChunkSize: chunk, DtSoftplus: true, X: normal(batch*seqLen*heads*headDim, 0), Dt: normal(batch*seqLen*heads, -3),
			A: normal(heads, -2), B: normal(batch*seqLen*groups*state, 0), C: normal(batch*seqLen*groups*state, 0)}
		y := make([]float32, len(p.X))
		for b.Loop() {
			if err := scan.SSD(y, nil, p); err != nil {
				b.Fatal(err)
			}
		}
		reportScanMetrics(b, float64(batch*seqLen*heads*headDim*state))
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
