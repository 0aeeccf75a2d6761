package fft

import (
	"sync"
	"sync/atomic"

	"github.com/ssmkern/ssmkern/generic"
)

// lazy is a value built on first use, for the parts of a plan that only
// some levels run: the float64 generic plan is a quarter of a 2^16
// plan's creation time (and 2 MB) but runs only at the generic level or
// for the lengths the vector kernels lack. Safe for concurrent use: the
// value is built once, under mu, and published by v; later calls are one
// atomic load and allocate nothing.
type lazy[T any] struct {
	mu sync.Mutex
	v  atomic.Pointer[T]
}

// get returns the value, building it with build on first use.
func (z *lazy[T]) get(build func() *T) *T {
	if v := z.v.Load(); v != nil {
		return v
	}
	z.mu.Lock()
	defer z.mu.Unlock()
	if v := z.v.Load(); v != nil {
		return v
	}
	v := build()
	z.v.Store(v)
	return v
}

// newGenericPlan is generic.NewFFTPlan for a length a constructor has
// already checked (1 ≤ n ≤ MaxLen), where it cannot fail.
func newGenericPlan(n int) *generic.FFTPlan {
	p, err := generic.NewFFTPlan(n)
	if err != nil {
		panic("fft: generic.NewFFTPlan rejected a checked length: " + err.Error())
	}
	return p
}

// newGenericRealPlan is newGenericPlan for generic.NewRealFFTPlan.
func newGenericRealPlan(n int) *generic.RealFFTPlan {
	p, err := generic.NewRealFFTPlan(n)
	if err != nil {
		panic("fft: generic.NewRealFFTPlan rejected a checked length: " + err.Error())
	}
	return p
}

// generic returns p's float64 plan, built on first use.
func (p *Plan64) generic() *generic.FFTPlan {
	return p.gen.get(func() *generic.FFTPlan { return newGenericPlan(p.n) })
}

// generic returns p's float64 plan, built on first use.
func (p *Plan32) generic() *generic.FFTPlan {
	return p.gen.get(func() *generic.FFTPlan { return newGenericPlan(p.n) })
}

// generic returns p's float64 plan, built on first use.
func (p *RealPlan64) generic() *generic.RealFFTPlan {
	return p.gen.get(func() *generic.RealFFTPlan { return newGenericRealPlan(p.n) })
}

// generic returns p's float64 plan, built on first use.
func (p *RealPlan32) generic() *generic.RealFFTPlan {
	return p.gen.get(func() *generic.RealFFTPlan { return newGenericRealPlan(p.n) })
}
