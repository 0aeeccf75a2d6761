//go:build gc && !purego

package asm

import "golang.org/x/sys/cpu"

// neonKernels makes NEON a level: exp, the complex multiply-add and the
// selective scan have NEON kernels, each tested against its generic twin.
// Packages without NEON kernels yet (fft, kernelgen) run their generic
// code at this level (their arm64 dispatch takes every level as generic).
const neonKernels = true

func supportedLevels() []Level {
	l := []Level{Generic}
	if neonKernels && cpu.ARM64.HasASIMD {
		l = append(l, NEON)
	}
	return l
}
