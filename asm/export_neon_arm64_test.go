//go:build gc && !purego

package asm

// ExpFloat32NEON exposes the kernel to the external tests (package
// asm_test), which use asmtest's guard pages; asmtest imports asm, so
// those tests cannot be in package asm.
var ExpFloat32NEON = expFloat32NEON

// MulAddComplex64NEON likewise.
var MulAddComplex64NEON = mulAddComplex64NEON
