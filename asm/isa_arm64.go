//go:build gc && !purego

package asm

import "golang.org/x/sys/cpu"

// neonKernels makes NEON a level: exp, the complex products, the selective
// scan, kernelgen's S4D Vandermonde kernels, Conv32's direct sum and the
// FFT stages of package fft's plans (fft_kernels_arm64.go) have NEON
// kernels, each tested against its generic twin. What has none yet
// (asm.Transpose) runs its generic code at this level, and so do the DPLR
// Cauchy sums, whose NEON kernel (CauchyConj4) kernelgen leaves unused for
// now (see its dispatch_vector.go).
const neonKernels = true

func supportedLevels() []Level {
	l := []Level{Generic}
	if neonKernels && cpu.ARM64.HasASIMD {
		l = append(l, NEON)
	}
	return l
}
