package main

import (
	"fmt"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/generic/problem"
	"github.com/ssmkern/ssmkern/scan"
)

// scanModels are the channel counts of published Mamba-1 models, all with
// State 16.
var scanModels = []struct {
	name string
	dim  int
}{{"mamba-130m", 1536}, {"mamba-2.8b", 5120}}

// eachLevel runs b.Run for every level the host supports, with the
// dispatch level set, so that ratios to generic come from one run.
func eachLevel(b *testing.B, body func(b *testing.B)) {
	for _, l := range asm.Levels() {
		b.Run("level="+l.String(), func(b *testing.B) {
			prev, err := asm.SetLevel(l)
			if err != nil {
				b.Fatal(err)
			}
			defer asm.SetLevel(prev)
			body(b)
		})
	}
}

// BenchmarkScanForward measures scan.Forward with softplus, D and z on,
// Batch 1, Groups 1, at every level; ns/elem counts one (batch, channel,
// step, state) update, cpu-ns/elem the same in the thread's CPU time
// (threadCPU: robust to other processes' load), and %peak counts its two
// fused multiply-adds against the core's FMA peak (peakGFLOPS).
//
//	go test -run '^$' -bench 'ScanForward/mamba-130m/L1024' -count 6 ./bench
func BenchmarkScanForward(b *testing.B) {
	for _, m := range scanModels {
		for _, seqLen := range []int{1, 128, 1024, 4096} {
			for _, layout := range []scan.Layout{scan.BDL, scan.BLD} {
				shape := problem.Scan{Batch: 1, Dim: m.dim, SeqLen: seqLen, State: 16, Groups: 1, Layout: layout,
					D: true, Z: true, Softplus: true}
				b.Run(fmt.Sprintf("%s/L%d/%v", m.name, seqLen, layout), func(b *testing.B) {
					eachLevel(b, scanCase("", shape, false).bench)
				})
			}
		}
	}
}

// BenchmarkScanStep measures one decode step (scan.Step) for Batch 1 and 8.
func BenchmarkScanStep(b *testing.B) {
	for _, m := range scanModels {
		for _, batch := range []int{1, 8} {
			shape := problem.Scan{Batch: batch, Dim: m.dim, SeqLen: 1, State: 16, Groups: 1, Layout: scan.BLD,
				D: true, Z: true, Softplus: true}
			b.Run(fmt.Sprintf("%s/batch%d", m.name, batch), func(b *testing.B) {
				eachLevel(b, scanCase("", shape, true).bench)
			})
		}
	}
}

// BenchmarkScanBackward measures the gradients of every input.
func BenchmarkScanBackward(b *testing.B) {
	for _, seqLen := range []int{128, 1024} {
		shape := problem.Scan{Batch: 1, Dim: 1536, SeqLen: seqLen, State: 16, Groups: 1, Layout: scan.BDL,
			D: true, Z: true, Softplus: true}
		b.Run(fmt.Sprintf("mamba-130m/L%d", seqLen), func(b *testing.B) {
			eachLevel(b, backwardBench(shape))
		})
	}
}

// BenchmarkSSD measures Mamba-2's chunked scan at mamba2-130m's shape
// (24 heads of 64 channels, State 128, chunk 256).
func BenchmarkSSD(b *testing.B) {
	for _, seqLen := range []int{256, 1024} {
		b.Run(fmt.Sprintf("mamba2-130m/L%d", seqLen), func(b *testing.B) {
			eachLevel(b, ssdBench(1, seqLen, 24, 64, 1, 128, 256))
		})
	}
}
