package main

import (
	"fmt"
	"testing"
)

// BenchmarkConv32 measures the S4 long convolution (kernelLen = seqLen, D
// on, H = 256) at asm.Current(), reporting ns per (channel, sample), with
// the case names of BenchmarkConv32FFTW (build tag fftw), so that one run
// of both is a side-by-side comparison:
//
//	go test -tags fftw -run '^$' -bench 'Conv32(FFTW)?/' -count 6 ./bench
func BenchmarkConv32(b *testing.B) {
	for _, seqLen := range []int{1024, 4096, 16384, 65536} {
		b.Run(fmt.Sprintf("H=%d/L=%d", 256, seqLen), convBench(256, seqLen))
	}
}
