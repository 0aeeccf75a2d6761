package fft

import (
	"fmt"
	"unsafe"
)

// Validation shared by every plan. Each error starts with "fft: ", names
// the call and the argument, and gives the value it wanted. The checks run
// before any dispatch, so that no kernel ever sees a bad length.

// checkLen returns an error unless len(s) = want.
func checkLen[T any](call, arg string, s []T, want int, what string) error {
	if len(s) != want {
		return fmt.Errorf("fft: %s: len(%s) = %d, want %s = %d", call, arg, len(s), what, want)
	}
	return nil
}

// span returns the byte range [start, end) of s; empty for an empty s.
func span[T any](s []T) (start, end uintptr) {
	if len(s) == 0 {
		return 0, 0
	}
	var zero T
	start = uintptr(unsafe.Pointer(unsafe.SliceData(s)))
	return start, start + uintptr(len(s))*unsafe.Sizeof(zero)
}

// sharesMemory reports whether a and b have a byte in common.
func sharesMemory[A, B any](a []A, b []B) bool {
	as, ae := span(a)
	bs, be := span(b)
	return as < ae && bs < be && as < be && bs < ae
}

// checkInPlace allows dst and src to be the same slice or disjoint, and
// rejects a partial overlap: the transforms read all of src before they
// write dst only when the two are exactly one buffer.
func checkInPlace[T any](call string, dst, src []T) error {
	if sharesMemory(dst, src) && unsafe.SliceData(dst) != unsafe.SliceData(src) {
		return fmt.Errorf("fft: %s: dst and src overlap partially (dst must be src itself or share no memory with it)", call)
	}
	return nil
}

// partialOverlap reports whether dst and src share memory without being
// one slice: what checkInPlace rejects, without building its error.
func partialOverlap[T any](dst, src []T) bool {
	return sharesMemory(dst, src) && unsafe.SliceData(dst) != unsafe.SliceData(src)
}

// overlapSameLen is partialOverlap for slices of one length n ≥ 1, in a
// few instructions that inline: two such slices overlap without being one
// when their starts differ, by less than n values.
func overlapSameLen[T any](dst, src []T) bool {
	var zero T
	d := uintptr(unsafe.Pointer(unsafe.SliceData(dst)))
	s := uintptr(unsafe.Pointer(unsafe.SliceData(src)))
	gap := d - s
	if s > d {
		gap = s - d
	}
	return gap != 0 && gap < uintptr(len(dst))*unsafe.Sizeof(zero)
}

// overlapNonEmpty is sharesMemory for two non-empty slices, small enough
// to inline.
func overlapNonEmpty[A, B any](a []A, b []B) bool {
	var za A
	var zb B
	as := uintptr(unsafe.Pointer(unsafe.SliceData(a)))
	bs := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	return as < bs+uintptr(len(b))*unsafe.Sizeof(zb) && bs < as+uintptr(len(a))*unsafe.Sizeof(za)
}

// checkDisjoint rejects any memory shared by an output and an input.
func checkDisjoint[A, B any](call, outName string, out []A, inName string, in []B) error {
	if sharesMemory(out, in) {
		return fmt.Errorf("fft: %s: %s overlaps %s (they must share no memory)", call, outName, inName)
	}
	return nil
}

// checkPlanLen validates the n of a plan constructor.
func checkPlanLen(call string, n int) error {
	if n < 1 || n > MaxLen {
		return fmt.Errorf("fft: %s: n = %d, want 1 ≤ n ≤ %d", call, n, MaxLen)
	}
	return nil
}

func errNilPlan(call, typ string) error {
	return fmt.Errorf("fft: %s: nil *%s (make it with New%s)", call, typ, typ)
}
