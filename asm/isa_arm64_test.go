package asm_test

import (
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
)

// TestRequiredISAIsALevel makes the arm64 CI run (SSMKERN_REQUIRE_ISA=neon,
// .ci/run) fail up front when NEON is not among the levels, whatever the
// reason (purego, neonKernels off, a CPU or emulator without ASIMD), rather
// than pass with the scan kernels never run.
func TestRequiredISAIsALevel(t *testing.T) {
	asmtest.CheckRequiredLevel(t)
	t.Logf("levels %v, current %v", asm.Levels(), asm.Current())
}
