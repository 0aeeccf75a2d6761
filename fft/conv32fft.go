package fft

import (
	"math/bits"
	"sync"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/generic"
)

// conv32FFT is Conv32's float32 pipeline, run at the levels with float32
// assembly (hasConv32SIMD): per row, the real FFT of u
// padded with zeros to a power of two n ≥ seqLen + kernelLen − 1, the
// product with the kernel's spectrum (asm.MulComplex64), the inverse real
// FFT, and y = (first seqLen outputs) + d·u (asm.GateRow). The generic
// level keeps the float64 pipeline (generic.FFTConv), which is the oracle
// the float32 one is tested against.
type conv32FFT struct {
	plan *RealPlan32
	khat []complex64 // [channels][n/2+1]: kernel spectra, from float64 FFTs
	pool sync.Pool   // *conv32Scratch
	pass *conv32Pass // Apply's fused middle pass at AVX2 and AVX-512, or nil
}

type conv32Scratch struct {
	buf  []float32   // n
	spec []complex64 // n/2+1
}

// conv32MinLen is the least FFT length of the float32 pipeline: the
// smallest at which RealPlan32 runs assembly.
const conv32MinLen = 64

// conv32Len is the FFT length of the float32 pipeline: the least power of
// two ≥ seqLen + kernelLen − 1, at least conv32MinLen.
func conv32Len(seqLen, kernelLen int) int {
	return max(conv32MinLen, 1<<bits.Len(uint(seqLen+kernelLen-2)))
}

func newConv32FFT(channels, seqLen, kernelLen int, k []float32) (*conv32FFT, error) {
	n := conv32Len(seqLen, kernelLen)
	plan, err := NewRealPlan32(n)
	if err != nil {
		return nil, err
	}
	bins := n/2 + 1
	p64, err := generic.NewRealFFTPlan(n)
	if err != nil {
		return nil, err
	}
	row := make([]float64, n)
	spec := make([]complex128, bins)
	work := make([]complex128, p64.ScratchLen())
	khat := make([]complex64, channels*bins)
	for h := range channels {
		clear(row)
		for j, v := range k[h*kernelLen : (h+1)*kernelLen] {
			row[j] = float64(v)
		}
		p64.Forward(spec, row, work)
		for i, v := range spec {
			khat[h*bins+i] = complex64(v)
		}
	}
	f := &conv32FFT{plan: plan, khat: khat, pass: newConv32Pass(n)}
	f.pool.New = func() any {
		return &conv32Scratch{buf: make([]float32, n), spec: make([]complex64, bins)}
	}
	return f, nil
}

// apply runs a validated Apply at level l (hasConv32SIMD(l)).
func (f *conv32FFT) apply(l asm.Level, y, u, d []float32, channels, seqLen int) {
	if f.pass != nil && hasStockham32(l) {
		f.applyPass(l, y, u, d, channels, seqLen)
		return
	}
	n, bins := f.plan.Len(), f.plan.Bins()
	s := f.pool.Get().(*conv32Scratch)
	// The plan's kernels run directly, with one scratch of its pool for the
	// whole call: the lengths are right by construction, so the public
	// calls' validation and pool round trip per row would be pure cost.
	t := f.plan.pool.Get().(*scratch)
	for r := 0; r < len(u)/seqLen; r++ {
		h := r % channels
		ur, yr := u[r*seqLen:(r+1)*seqLen], y[r*seqLen:(r+1)*seqLen]
		copy(s.buf, ur)
		clear(s.buf[seqLen:n])
		realForward32(l, f.plan, s.spec, s.buf, t)
		mulSpectrum(l, s.spec, f.khat[h*bins:(h+1)*bins])
		realInverse32(l, f.plan, s.buf, s.spec, t)
		out := s.buf[:seqLen]
		if d != nil {
			addSkip(l, out, ur, d[h])
		}
		copy(yr, out)
	}
	f.plan.pool.Put(t)
	f.pool.Put(s)
}
