//go:build !gc || purego || !(amd64 || arm64)

package asm

// Without assembly (purego, another compiler or another architecture) only
// the plain-Go level exists.
func supportedLevels() []Level {
	return []Level{Generic}
}
