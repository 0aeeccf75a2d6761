//go:build !amd64 || !gc || purego

package fft

import "github.com/ssmkern/ssmkern/asm"

// conv32Pass is the fused pass of the amd64 kernels: none here.
type conv32Pass struct{}

func newConv32Pass(n int) *conv32Pass { return nil }

func (f *conv32FFT) applyPass(l asm.Level, y, u, d []float32, channels, seqLen int) {
	panic("fft: conv32FFT.applyPass without the amd64 kernels")
}
