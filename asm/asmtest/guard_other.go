//go:build !unix

package asmtest

import "testing"

// Without mmap the guarded copies are plain copies: the tests still run, but
// only unix builds catch over-reads.

func GuardedFloat32(t testing.TB, src []float32) []float32       { return clone(src) }
func GuardedFloat64(t testing.TB, src []float64) []float64       { return clone(src) }
func GuardedComplex64(t testing.TB, src []complex64) []complex64 { return clone(src) }
func GuardedComplex128(t testing.TB, src []complex128) []complex128 {
	return clone(src)
}

func clone[T any](src []T) []T {
	if src == nil {
		return nil
	}
	return append(make([]T, 0, len(src)), src...)
}
