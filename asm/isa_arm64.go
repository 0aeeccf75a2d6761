//go:build gc && !purego

package asm

import "golang.org/x/sys/cpu"

// neonKernels makes NEON a level: exp, the complex products, the selective
// scan, kernelgen's S4D Vandermonde and DPLR Cauchy kernels and Conv32's
// direct sum have NEON kernels, each tested against its generic twin. What
// has none yet (the FFT plans' transforms, asm.Transpose) runs its generic
// code at this level.
const neonKernels = true

func supportedLevels() []Level {
	l := []Level{Generic}
	if neonKernels && cpu.ARM64.HasASIMD {
		l = append(l, NEON)
	}
	return l
}
