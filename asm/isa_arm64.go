//go:build gc && !purego

package asm

import "golang.org/x/sys/cpu"

// NEON is enabled only once its kernels exist; until then arm64 runs the
// generic code, and Levels says so.
const neonKernels = false

func supportedLevels() []Level {
	l := []Level{Generic}
	if neonKernels && cpu.ARM64.HasASIMD {
		l = append(l, NEON)
	}
	return l
}
