package fft

import (
	"sync"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/generic"
)

// conv64FFT is Conv64's pipeline at the levels with the float64 Stockham
// kernels (hasStockham32: AVX2, AVX-512): per row, RealPlan64's kernels at
// the power-of-two length conv32Len(seqLen, kernelLen) (generic.FFTConv
// takes the least even 2^a·3^b·5^c, which the assembly does not run), the
// spectrum product and y = out + d·u in Go, with one scratch of the plan
// for the call. Against generic.ApplyFFTConv, the pipeline before it at
// every level (best of 10 alternating Applies, H = 64, kernelLen =
// seqLen, throwaway A/B on the shared machine), ns per sample: AVX-512 L
// = 1024 21.1 → 5.3, 4096 24.3 → 7.9, 16384 26.9 → 9.3; AVX2 25.6 → 5.8,
// 24.5 → 7.8, 26.7 → 9.7 (2.8–4.4×). Backward runs generic.FFTConv, which
// convPlan.generic builds on its first call.
type conv64FFT struct {
	plan *RealPlan64
	khat []complex128 // [channels][n/2+1]
	pool sync.Pool    // *conv64Scratch
}

type conv64Scratch struct {
	buf  []float64    // n
	spec []complex128 // n/2+1
}

// newConv64FFT returns the pipeline, or nil where no level of this host
// has the float64 kernels.
func newConv64FFT(channels, seqLen, kernelLen int, k []float64) (*conv64FFT, error) {
	host := false
	for _, l := range asm.Levels() {
		host = host || hasStockham32(l)
	}
	if !host {
		return nil, nil
	}
	n := conv32Len(seqLen, kernelLen)
	plan, err := NewRealPlan64(n)
	if err != nil {
		return nil, err
	}
	p64, err := generic.NewRealFFTPlan(n)
	if err != nil {
		return nil, err
	}
	bins := n/2 + 1
	row := make([]float64, n)
	work := make([]complex128, p64.ScratchLen())
	khat := make([]complex128, channels*bins)
	for h := range channels {
		clear(row)
		copy(row, k[h*kernelLen:(h+1)*kernelLen])
		p64.Forward(khat[h*bins:(h+1)*bins], row, work)
	}
	f := &conv64FFT{plan: plan, khat: khat}
	f.pool.New = func() any {
		return &conv64Scratch{buf: make([]float64, n), spec: make([]complex128, bins)}
	}
	return f, nil
}

// apply runs a validated Conv64.Apply at level l (hasStockham32(l)).
func (f *conv64FFT) apply(l asm.Level, y, u, d []float64, channels, seqLen int) {
	n, bins := f.plan.Len(), f.plan.Bins()
	s := f.pool.Get().(*conv64Scratch)
	t := f.plan.pool.Get().(*scratch)
	for r := 0; r < len(u)/seqLen; r++ {
		h := r % channels
		ur, yr := u[r*seqLen:(r+1)*seqLen], y[r*seqLen:(r+1)*seqLen]
		copy(s.buf, ur)
		clear(s.buf[seqLen:n])
		realForward64(l, f.plan, s.spec, s.buf, t)
		for i, kh := range f.khat[h*bins : (h+1)*bins] {
			s.spec[i] *= kh
		}
		realInverse64(l, f.plan, s.buf, s.spec, t)
		if d == nil {
			copy(yr, s.buf[:seqLen])
			continue
		}
		dh := d[h]
		for i, v := range s.buf[:seqLen] {
			yr[i] = v + dh*ur[i]
		}
	}
	f.plan.pool.Put(t)
	f.pool.Put(s)
}
