package main

import (
	"fmt"
	"testing"
)

// BenchmarkConv32 measures the S4 long convolution (kernelLen = seqLen, D
// on) at asm.Current(), reporting ns per (channel, sample). Long sequences
// use fewer channels so that one op stays short; ns/sample is comparable.
//
//	go test -run '^$' -bench Conv32 ./bench
func BenchmarkConv32(b *testing.B) {
	for _, z := range []struct{ channels, seqLen int }{{256, 1024}, {256, 4096}, {32, 16384}} {
		b.Run(fmt.Sprintf("H=%d/L=%d", z.channels, z.seqLen), convBench(z.channels, z.seqLen))
	}
}
