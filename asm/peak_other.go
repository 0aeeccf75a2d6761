//go:build !amd64 || !gc || purego

package asm

// FMAPeak returns 0: no level here has a peak loop (see peak_kernels_amd64.go).
func FMAPeak(l Level, rounds int) float64 { return 0 }
