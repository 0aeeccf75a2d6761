//go:build gc && !purego

package asm

import "golang.org/x/sys/cpu"

// neonKernels makes NEON a level: exp, the complex products, the selective
// scan, kernelgen's S4D Vandermonde kernels and Conv32's direct sum have
// NEON kernels, each tested against its generic twin. What has none yet
// (the FFT plans' transforms, asm.Transpose) runs its generic code at this
// level, and so do the DPLR Cauchy sums, whose NEON kernel
// (CauchyConj4) kernelgen leaves unused for now (see its
// dispatch_vector.go).
const neonKernels = true

func supportedLevels() []Level {
	l := []Level{Generic}
	if neonKernels && cpu.ARM64.HasASIMD {
		l = append(l, NEON)
	}
	return l
}
