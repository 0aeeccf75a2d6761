//go:build gc && !purego

package asm

// fftMixNLevel is false: arm64 has no narrow mixed-radix kernel yet.
func fftMixNLevel(l Level) bool { return false }
