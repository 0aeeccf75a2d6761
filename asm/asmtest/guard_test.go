//go:build unix

package asmtest

import (
	"runtime/debug"
	"testing"
	"unsafe"
)

// readPastEnd reads the float32 right after x's last element, the way an
// assembly kernel with a wrong tail would, and reports whether it faulted.
func readPastEnd(x []float32) (faulted bool) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() { faulted = recover() != nil }()
	end := unsafe.Add(unsafe.Pointer(unsafe.SliceData(x)), uintptr(len(x))*4)
	sink = *(*float32)(end)
	return false
}

// sink keeps the compiler from dropping the read.
var sink float32

func TestGuardedSliceFaultsOnReadPastItsEnd(t *testing.T) {
	for _, n := range []int{0, 1, 3, 1024, 1025, 4096} {
		src := make([]float32, n)
		for i := range src {
			src[i] = float32(i)
		}
		g := GuardedFloat32(t, src)
		if len(g) != n {
			t.Fatalf("len = %d, want %d", len(g), n)
		}
		for i := range g {
			if g[i] != src[i] {
				t.Fatalf("n=%d: g[%d] = %v, want %v", n, i, g[i], src[i])
			}
		}
		if !readPastEnd(g) {
			t.Errorf("n=%d: reading one element past the end did not fault", n)
		}
		if n > 0 && readPastEnd(g[:n-1]) {
			t.Errorf("n=%d: reading the last element faulted", n)
		}
	}
	if GuardedComplex128(t, nil) != nil {
		t.Error("a nil slice must stay nil: optional inputs are nil")
	}
}
