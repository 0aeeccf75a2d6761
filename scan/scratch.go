package scan

import "sync"

// slicePool hands out working memory that is reused across calls, so that
// steady-state calls allocate nothing and concurrent calls do not share it.
type slicePool[T any] struct{ pool sync.Pool }

// get returns a buffer of length n; give it back with put.
func (p *slicePool[T]) get(n int) *[]T {
	buf, _ := p.pool.Get().(*[]T)
	if buf == nil || cap(*buf) < n {
		b := make([]T, n)
		buf = &b
	}
	*buf = (*buf)[:n]
	return buf
}

func (p *slicePool[T]) put(buf *[]T) { p.pool.Put(buf) }
