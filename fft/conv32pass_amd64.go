//go:build gc && !purego

package fft

import (
	"unsafe"

	"github.com/ssmkern/ssmkern/asm"
)

// conv32Pass is the fused middle of conv32FFT at AVX2 and AVX-512:
// asm.FFTConvPass maps z = FFT_h(u read as h complex values) and the
// kernel spectrum K̂ straight to the half-length spectrum whose inverse FFT
// is the convolution, in place of the forward real pass, the spectrum
// product and the inverse real pass (three passes over the spectrum
// become one, each pair k, h−k computed together). The forward pass is
// X_k = (E − T)/2 and conj X_{h−k} = (E + T)/2 with E = z_k + conj
// z_{h−k}, O = z_k − conj z_{h−k}, T = i·w·O, w = ω_n^k; the inverse pass
// Z_k = (Y_k + conj Y_{h−k})/2 + i·conj w·(Y_k − conj Y_{h−k})/2 with Y =
// K̂·X, and i·conj w = −conj(i·w); s = 1/4 is the two halvings (the
// inverse FFT applies its own 1/h).
//
// Measured against the three passes it replaces (best of 200×20 calls,
// throwaway A/B on the shared machine): AVX-512 n = 2048 410 against 393
// ns, 8192 1.59 against 2.31 µs, 32768 6.18 against 9.66 µs; AVX2 601
// against 705 ns, 2.34 against 2.91 µs, 7.88 against 9.96 µs. With the
// kernel spectra streamed from memory, 256 channels at n = 2048: 428–536
// against 448–601 ns per row. In the whole Apply (best of 40 alternating
// calls, H = 256, L = 1024 … 16384, AVX-512) the difference is within the
// noise of the loaded machine (0.92–1.09×): the FFT stages are 80% of it.
// With the forward FFT's first stage reading the row in place as well
// (forwardHalfZero), the whole Apply against the pipeline before either
// (best of 40 alternating calls, four runs, AVX-512 and AVX2): L = 1024
// 0.89–1.11×, 4096 1.05–1.06×, 16384 0.96–1.14×, 65536 (H = 64)
// 1.06–1.12×.
// A table of
// composed coefficients instead (Z_k = P_k·z_k + Q_k·conj z_{h−k}, no
// twiddle, no second kernel bin) made Apply 1.09× faster at L = 1024 but
// 0.88× at 4096 and 0.92× at 16384: twice the spectra's bytes to stream
// per row cost more than the arithmetic they save.
type conv32Pass struct {
	tw []complex64 // i·ω_n^k, k ≤ h/2
}

// newConv32Pass returns the pass of FFT length n, or nil where no level of
// this host runs it.
func newConv32Pass(n int) *conv32Pass {
	h := n / 2
	if h%(2*asm.FFTConvBlock) != 0 || !hostHasStockham32() {
		return nil
	}
	p := &conv32Pass{tw: make([]complex64, h/2+1)}
	roots := newRootTable32(n)
	for k := range p.tw {
		re, im := roots.root(k)
		p.tw[k] = complex64(complex(-im, re))
	}
	return p
}

// hostHasStockham32 reports whether any level of this host has the float32
// Stockham kernels.
func hostHasStockham32() bool {
	for _, l := range asm.Levels() {
		if hasStockham32(l) {
			return true
		}
	}
	return false
}

// applyPass runs a validated Apply at level l (hasStockham32(l)) with the
// fused pass: per row, the complex FFT of length h of u padded with zeros
// (its first stage reading the row in place when the row is exactly the
// first half, else of a padded copy), asm.FFTConvPass, the inverse complex
// FFT, and y = out + d·u in one pass (asm.AddScaled: the D skip fused with
// the copy out of the FFT buffer). When the row is the first half (seqLen
// = h) and the inverse ends with the radix-16 tail (AVX-512), that tail is
// asm.FFTConvTail16 instead, writing y itself: only the half of the
// outputs kept, the skip added on the way out, no AddScaled pass. Apply,
// H = 256, AVX-512, best of 80 alternating calls (thread CPU time), with
// against without it: L = 4096 3.19 against 3.35 ns per sample, 16384
// 3.91 against 4.25. A segmented plan (h ≥ 2048 at AVX-512) ends the
// same way (prunedSegTail). The stages run here (inverseStages,
// forwardHalfZero) ping-pong between two buffers of h values, where
// realStockham32.transform wrote a third (the real output, 8·h bytes).
func (f *conv32FFT) applyPass(l asm.Level, y, u, d []float32, channels, seqLen int) {
	n, bins := f.plan.Len(), f.plan.Bins()
	h := n / 2
	rp := f.plan.stockham(l)
	// The pass's two halvings, and where the inverse runs its stages here
	// (stagesHere) the inverse FFT's 1/h too (a power of two: the same
	// values as on the first stage, where realStockham32.transform puts
	// it).
	scale := float32(0.25)
	stagesHere := rp.cplx != nil && rp.cplx.small == nil && !rp.cplx.seg // a segmented plan runs through rp.transform (runSeg32), or segTail
	segTail := prunedSegTail(l, rp, seqLen)
	if stagesHere || segTail {
		scale /= float32(h)
	}
	s := f.pool.Get().(*conv32Scratch)
	t := f.plan.pool.Get().(*scratch)
	// z (h+1 values) and the FFT's work buffer each start on a cache line,
	// so that no vector of the stages straddles two.
	off := (h + 1 + 7) &^ 7
	work := t.complex64s(off + max(rp.workLen(), h+1))
	a, b := work[:h+1], work[off:off+h+1]
	w := work[off : off+rp.workLen()] // the transforms' work buffer
	direct := firstStageReadsRow(l, rp, seqLen)
	tail := stagesHere && prunedTail(l, rp.cplx, seqLen)
	segFirst := segTail && !rp.cplx.radix2 && !rp.cplx.radix8 // a first pass of radix 16 or 4, ls = 1
	if segTail && !segFirst {
		// Only the forward reads s.buf, and only its first seqLen values
		// change from row to row: the padding is cleared once.
		clear(s.buf[seqLen:n])
	}
	rows := len(u) / seqLen
	for r := 0; r < rows; r++ {
		ch := r % channels
		ur, yr := u[r*seqLen:(r+1)*seqLen], y[r*seqLen:(r+1)*seqLen]
		var dh float32 // the row's D skip
		if d != nil {
			dh = d[ch]
		}
		var z []complex64
		switch {
		case direct:
			z = forwardHalfZero(rp.cplx, a, b, ur)
		case segFirst:
			z = a
			forwardSegHalfZero(rp.cplx, z[:h], w, ur)
		default:
			copy(s.buf, ur)
			if !segTail {
				clear(s.buf[seqLen:n])
			}
			z = a
			rp.transform(z[:h], asComplex64(s.buf), w, false)
		}
		z[h] = z[0]
		// In place: one buffer fewer in L2 (Apply 1.0–1.19×, best of 30
		// alternating calls, L = 1024 … 65536, AVX-512 and AVX2).
		asm.FFTConvPass(l, z, z, f.khat[ch*bins:(ch+1)*bins], f.pass.tw, scale)
		var out []float32
		if segTail {
			sp := rp.cplx
			cur, pad := segPasses32(sp, z[:h], w, true, 1)
			_, tw := sp.lastStage()
			asm.FFTConvTail16Seg(l, yr, ur, cur, tw, pad, dh, d != nil)
			continue
		}
		if stagesHere {
			other := a
			if &z[0] == &a[0] {
				other = b
			}
			sp := rp.cplx
			if tail {
				cur := inverseStages(sp, len(sp.stages)-1, z[:h], other[:h])
				last, tw := sp.lastStage()
				if last.r == 0 {
					asm.FFTConvTail16(l, yr, ur, cur, tw, dh, d != nil)
				} else {
					asm.FFTConvLast4(l, yr, ur, cur, tw, dh, d != nil)
				}
				continue
			}
			out = asFloat32(inverseStages(sp, len(sp.stages), z[:h], other[:h]))[:seqLen]
		} else {
			rp.transform(asComplex64(s.buf), z[:h], w, true)
			out = s.buf[:seqLen]
		}
		if d == nil {
			copy(yr, out)
			continue
		}
		for i := asm.AddScaled(l, yr, out, ur, dh); i < seqLen; i++ {
			yr[i] = out[i] + dh*ur[i]
		}
	}
	f.plan.pool.Put(t)
	f.pool.Put(s)
}

// inverseStages runs the inverse complex FFT of sp without its 1/n, up to
// the end of stages (sp.stages, or a prefix of it: the caller runs the
// rest), ping-ponging between src and other (each len sp.n), and returns
// the one holding the result.
func inverseStages(sp *stockham32, end int, src, other []complex64) []complex64 {
	cur := src
	i, ran := sp.runFirst(other, cur, true, 1)
	if ran {
		cur, other = other, cur
	}
	for ; i < end; i++ {
		sp.runStage(i, other, cur, true, 1)
		cur, other = other, cur
	}
	return cur
}

// prunedTail reports whether the inverse FFT of sp at level l can end
// with a pruned, skip-fused last pass: the row (seqLen values) is the
// first half of the real inverse's output, the first half of sp's, and sp
// ends with the radix-16 tail (AVX-512: asm.FFTConvTail16) or a radix-4
// stage of r = 1 with asm.FFTConvLast4 at l (AVX2).
func prunedTail(l asm.Level, sp *stockham32, seqLen int) bool {
	k := len(sp.stages)
	if seqLen != sp.n || k < 2 || sp.seg { // a segmented plan: prunedSegTail
		return false
	}
	last := sp.stages[k-1]
	return last.r == 0 || (last.r == 1 && !sp.radix16(k-1) && !sp.radix8Stage(k-1) && asm.FFTConvLast4Supported(l, sp.n))
}

// forwardSegHalfZero runs the forward FFT of the segmented plan sp
// (length h, its first pass of radix 16 or 4: not sp.radix2 or
// sp.radix8) on the row u read as h/2 complex values followed by h/2
// zeros into z, its passes in work (sp.workLen values):
// asm.FFTConvFirst16 or asm.FFTConvFirstSeg, then runSeg32's other
// passes.
// As forwardHalfZero, this saves the copy of the row into a padded
// buffer and half the first pass's reads. The forward alone (one row,
// min of 15 rounds): L = 4096 2.81 against 3.63 µs, 65536 79.2 against
// 95.7 µs. Apply, H = 256, AVX-512, seven interleaved rounds on the
// loaded machine (thread CPU ns per sample, median), with against
// without: L = 4096 3.02 against 3.34, 65536 3.25 against 3.36; with
// the radix-4 first pass too (asm.FFTConvFirstSeg), L = 16384 2.96
// against 3.30 (its forward alone 14.7 against 17.0 µs).
func forwardSegHalfZero(sp *stockham32, z, work []complex64, u []float32) {
	l, n := sp.level, sp.n
	m := segLen(n)
	cur, other := work[:m], work[m:2*m]
	if first := &sp.stages[0]; sp.radix16(0) {
		asm.FFTConvFirst16(l, cur, asComplex64(u), sp.tw[first.off:first.off+first.len], segPad32)
	} else {
		asm.FFTConvFirstSeg(l, cur, asComplex64(u), segPad32)
	}
	end := len(sp.stages) - 1
	for i := 1; i < end; i++ {
		st := &sp.stages[i]
		asm.FFTRadix16Seg(l, other, cur, sp.tw[st.off:st.off+st.len], n, st.ls, segPad32, segPad32, false, 1)
		cur, other = other, cur
	}
	last := &sp.stages[end]
	asm.FFTTail16Seg(l, z, cur, sp.tw[last.off:last.off+last.len], n, segPad32, false)
}

// prunedSegTail reports whether applyPass runs the passes of rp's
// segmented complex plan itself (segPasses32) and ends the inverse with
// the pruned, skip-fused asm.FFTConvTail16Seg: the row is the first half
// of the real inverse's output (seqLen = h). Apply, H = 256, AVX-512,
// five interleaved rounds on the loaded machine (thread CPU ns per
// sample, median), with against without: L = 4096 3.22 against 3.50,
// 16384 3.24 against 3.59, 65536 3.73 against 4.08.
func prunedSegTail(l asm.Level, rp *realStockham32, seqLen int) bool {
	sp := rp.cplx
	return sp != nil && sp.seg && seqLen == sp.n && asm.FFTTail16Supported(l, sp.n)
}

// asFloat32 reads x as its 2·len(x) float32 parts.
func asFloat32(x []complex64) []float32 {
	return unsafe.Slice((*float32)(unsafe.Pointer(unsafe.SliceData(x))), 2*len(x))
}

// firstStageReadsRow reports whether the forward FFT of a row of u padded
// with zeros can start with asm.FFTConvFirst reading the row in place: the
// row fills exactly the first half of the FFT input (seqLen = h, which is
// Conv32's case kernelLen = seqLen a power of two) and rp's complex plan
// starts with a wide radix-4 stage, not a four-step plan or a radix-2 or
// radix-8 first stage.
func firstStageReadsRow(l asm.Level, rp *realStockham32, seqLen int) bool {
	sp := rp.cplx
	return sp != nil && !sp.seg && seqLen == rp.h && seqLen%2 == 0 && !sp.radix2 && !sp.radix8 &&
		len(sp.stages) >= 2 && sp.stages[0].ls == 1 && sp.stages[0].r > 0 && !sp.radix16(0) && !asm.FFTRadix4Narrow(l, sp.stages[0].r)
}

// forwardHalfZero runs the forward complex FFT of sp (length h) on the row
// u read as h/2 complex values followed by h/2 zeros: asm.FFTConvFirst,
// then sp's other stages, ping-ponging between a and b (h+1 values each);
// it returns the one holding the result, with room for z[h]. This saves
// the copy of the row into a zero-padded buffer, the clearing of its
// padding, and half the first stage's reads (conv32Pass has the
// measurements).
func forwardHalfZero(sp *stockham32, a, b []complex64, u []float32) []complex64 {
	l, h := sp.level, sp.n
	asm.FFTConvFirst(l, a[:h], asComplex64(u))
	cur, other := a, b
	for i := 1; i < len(sp.stages); i++ {
		sp.runStage(i, other[:h], cur[:h], false, 1)
		cur, other = other, cur
	}
	return cur
}
