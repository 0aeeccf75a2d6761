package scan

import "sync"

// float64Pool hands out float64 working memory that is reused across calls,
// so that steady-state calls allocate nothing and concurrent calls do not
// share it.
type float64Pool struct{ pool sync.Pool }

// get returns a buffer of length n; give it back with put.
func (p *float64Pool) get(n int) *[]float64 {
	buf, _ := p.pool.Get().(*[]float64)
	if buf == nil || cap(*buf) < n {
		b := make([]float64, n)
		buf = &b
	}
	*buf = (*buf)[:n]
	return buf
}

func (p *float64Pool) put(buf *[]float64) { p.pool.Put(buf) }
