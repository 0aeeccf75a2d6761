//go:build !amd64 || !gc || purego

package fft

import "github.com/ssmkern/ssmkern/asm"

// Without the amd64 kernels every batch runs row by row.

type batch32 struct{}
type batch64 struct{}
type realBatch32 struct{}

func batchSmall32(l asm.Level, p *Plan32, dst, src []complex64, rows int, s *scratch, inverse bool) bool {
	return false
}

func batchSmall64(l asm.Level, p *Plan64, dst, src []complex128, rows int, s *scratch, inverse bool) bool {
	return false
}

func batchRealForwardSmall32(l asm.Level, p *RealPlan32, dst []complex64, src []float32, rows int, s *scratch) bool {
	return false
}

func batchRealInverseSmall32(l asm.Level, p *RealPlan32, dst []float32, src []complex64, rows int, s *scratch) bool {
	return false
}

func batchSideBySide(l asm.Level, plan string, n int) bool { return false }
