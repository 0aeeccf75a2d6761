// Package asmtest holds test helpers shared by the ssmkern packages: running
// a test body at every ISA level the host supports, and placing slices flush
// against an inaccessible page so that any out-of-bounds read or write by a
// kernel faults instead of passing silently.
//
//	func TestForwardMatchesGenericAtEveryLevel(t *testing.T) {
//		asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) { ... })
//	}
package asmtest

import (
	"os"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
)

// RequireEnv names the environment variable that makes a test run fail when
// the given level is not among the levels it exercises, so that a CI job
// meant to test assembly cannot silently fall back to generic code.
// Example: SSMKERN_REQUIRE_ISA=avx512.
const RequireEnv = "SSMKERN_REQUIRE_ISA"

// ForEachLevel runs body once per ISA level the host supports, as a subtest
// named after the level, with asm.SetLevel set to that level for the
// duration. The body must not call t.Parallel: the level is process-wide.
func ForEachLevel(t *testing.T, body func(t *testing.T, l asm.Level)) {
	t.Helper()
	CheckRequiredLevel(t)
	for _, l := range asm.Levels() {
		t.Run(l.String(), func(t *testing.T) {
			prev, err := asm.SetLevel(l)
			if err != nil {
				t.Fatal(err)
			}
			defer asm.SetLevel(prev)
			body(t, l)
		})
	}
}

// CheckRequiredLevel fails t when SSMKERN_REQUIRE_ISA names a level that
// this host and build do not support.
func CheckRequiredLevel(t testing.TB) {
	t.Helper()
	want, ok := os.LookupEnv(RequireEnv)
	if !ok || want == "" {
		return
	}
	l, err := asm.ParseLevel(want)
	if err != nil {
		t.Fatalf("%s: %v", RequireEnv, err)
	}
	if !asm.Supported(l) {
		t.Fatalf("%s=%s but this build supports only %v: the kernels under test would not run", RequireEnv, want, asm.Levels())
	}
}
