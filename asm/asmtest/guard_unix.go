//go:build unix

package asmtest

import (
	"testing"
	"unsafe"

	"golang.org/x/sys/unix"
)

// guarded maps whole pages for nbytes, with one PROT_NONE page after them,
// and returns the nbytes that end exactly at the protected page.
func guarded(t testing.TB, nbytes int) []byte {
	t.Helper()
	page := unix.Getpagesize()
	data := (nbytes + page - 1) / page * page
	mem, err := unix.Mmap(-1, 0, data+page, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_ANON|unix.MAP_PRIVATE)
	if err != nil {
		t.Fatalf("guard page: mmap: %v", err)
	}
	if err := unix.Mprotect(mem[data:], unix.PROT_NONE); err != nil {
		t.Fatalf("guard page: mprotect: %v", err)
	}
	t.Cleanup(func() { unix.Munmap(mem) })
	return mem[data-nbytes : data : data]
}

// GuardedFloat32 returns a copy of src whose last element sits right before
// an inaccessible page: reading or writing past its end faults.
func GuardedFloat32(t testing.TB, src []float32) []float32 {
	return guardedCopy(t, src)
}

// GuardedFloat64 is GuardedFloat32 for float64.
func GuardedFloat64(t testing.TB, src []float64) []float64 {
	return guardedCopy(t, src)
}

// GuardedComplex64 is GuardedFloat32 for complex64.
func GuardedComplex64(t testing.TB, src []complex64) []complex64 {
	return guardedCopy(t, src)
}

// GuardedComplex128 is GuardedFloat32 for complex128.
func GuardedComplex128(t testing.TB, src []complex128) []complex128 {
	return guardedCopy(t, src)
}

func guardedCopy[T any](t testing.TB, src []T) []T {
	t.Helper()
	if src == nil {
		return nil
	}
	var zero T
	size := int(unsafe.Sizeof(zero))
	b := guarded(t, len(src)*size)
	// For an empty src the pointer is the guard page itself: any access faults.
	dst := unsafe.Slice((*T)(unsafe.Pointer(unsafe.SliceData(b))), len(src))
	copy(dst, src)
	return dst
}
