package fft

import (
	"sync"
	"sync/atomic"

	"github.com/ssmkern/ssmkern/asm"
)

// levelKernels holds a plan's kernels for each instruction-set level,
// built the first time the plan runs at that level (the constructor builds
// the current level's), so that a plan costs the tables of the levels it
// runs at, not of every level the CPU has: a power-of-two plan's per-level
// twiddle tables are most of its creation time. Safe for concurrent use:
// a level is built once, under mu, and published by ready.
type levelKernels[K any] struct {
	mu    sync.Mutex
	ready [asm.NEON + 1]atomic.Bool
	k     [asm.NEON + 1]K
}

// built returns level l's kernels when they are built: small enough to
// inline, where get (with its build closure) is a call, which cost about
// 3 ns of a 64-point FFT's 40 (each transform looks its kernels up).
func (lk *levelKernels[K]) built(l asm.Level) (K, bool) {
	if uint(l) < uint(len(lk.k)) && lk.ready[l].Load() {
		return lk.k[l], true
	}
	var zero K
	return zero, false
}

// get returns level l's kernels, building them with build on first use;
// build runs under the lock, so it may read what earlier builds left
// (the shared four-step twiddles). Levels outside the table get the zero
// K.
func (lk *levelKernels[K]) get(l asm.Level, build func(l asm.Level) K) K {
	if l < 0 || int(l) >= len(lk.k) {
		var zero K
		return zero
	}
	if !lk.ready[l].Load() {
		lk.mu.Lock()
		if !lk.ready[l].Load() {
			lk.k[l] = build(l)
			lk.ready[l].Store(true)
		}
		lk.mu.Unlock()
	}
	return lk.k[l]
}

// takeOwn reports whether the caller took a plan's own work buffer,
// whose state busy holds: 0 free, 1 taken, 2 given up for good once two
// calls have overlapped, so that concurrent callers then take the pool's
// buffers, which stay with their processor, rather than pass one buffer
// between their caches. releaseOwn frees it.
func takeOwn(busy *atomic.Uint32) bool {
	if busy.Load() == 2 {
		return false
	}
	if busy.CompareAndSwap(0, 1) {
		return true
	}
	busy.Store(2)
	return false
}

// releaseOwn frees the buffer takeOwn took.
func releaseOwn(busy *atomic.Uint32) { busy.CompareAndSwap(1, 0) }
