//go:build gc && !purego

package asm

import "golang.org/x/sys/cpu"

// What the CPU offers; AVX2 is only useful to us together with FMA.
var (
	hasAVX2   = cpu.X86.HasAVX2 && cpu.X86.HasFMA
	hasAVX512 = hasAVX2 && cpu.X86.HasAVX512F && cpu.X86.HasAVX512VL &&
		cpu.X86.HasAVX512DQ && cpu.X86.HasAVX512BW
)

func supportedLevels() []Level {
	l := []Level{Generic}
	if hasAVX2 {
		l = append(l, AVX2)
	}
	if hasAVX512 {
		l = append(l, AVX512)
	}
	return l
}
