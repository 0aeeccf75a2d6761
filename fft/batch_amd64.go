//go:build gc && !purego

package fft

import (
	"github.com/ssmkern/ssmkern/asm"
)

// batchMaxLen32, batchMaxLen64 and batchRealMaxLen32 are the longest
// rows that ForwardBatch transforms side by side (RealPlan32: its
// half-length complex FFTs); longer rows run one at a time, where a row's
// vectors are full and its stages cost more than the two transposes.
// Measured in the thread's CPU time (go test -run '^$' -bench
// 'FFTBatch/(c64|c128|r32)/' ./bench, cpu-MFLOPS per row, rows = 256,
// three runs per SSMKERN_ISA on the loaded shared machine; side by side
// where it runs, against Forward called per row):
//
//	           AVX-512                            AVX2
//	c64   16   36,500–41,100 / 2,000–2,200        37,000–39,500 / 2,400–2,500
//	c64   32   44,300–47,800 / 12,500–12,900      44,100–45,300 / 15,000–17,800
//	c64   64   35,200–36,300 / 20,800–24,100      42,500–45,300 / 21,400–24,200
//	c64  128   50,700–55,900 / 38,500–40,800      46,600–47,700 / 35,000–39,300
//	c64  256   50,400–51,500 / 37,800–46,100      51,600–52,700 / 36,100–39,400
//	c128  16   15,100–20,200 / 2,800–3,100        17,800–20,400 / 2,700–2,900
//	c128  32   16,000–18,100 / 8,200–8,700        16,900–20,000 / 9,200–11,000
//	c128  64   15,800–19,500 / 14,100–21,100      19,200–20,600 / 12,000–18,200
//	c128 128   21,000–24,900 / 18,300–24,500      15,200–16,000 / 14,900–16,700
//	r32   16   8,000–9,000 / 1,300–1,300          8,600–9,000 / 900–1,400
//	r32   32   11,800–12,500 / 2,100–2,300        12,200–12,600 / 1,700–1,800
//	r32   64   13,500–15,800 / 10,000–11,800      10,200–15,600 / 10,600–14,400
//
// (c128 128 ran side by side for this table: even with Forward, it stays
// row by row.) The transposes are asm.FFTTranspose and FFTTranspose128;
// with them in Go (four rows at a time) they were 75% of a block's time
// at n = 16 and the crossover was n = 32 for both precisions. The real
// rows' pass between the half-length spectrum and the bins runs in Go
// per row (realSplit32), which is what stops them at n = 64. From n = 512
// up and for other n the batch is the row loop, at Forward's speed.
const (
	batchMaxLen32     = 256
	batchMaxLen64     = 64
	batchRealMaxLen32 = 64
)

// batchBlockValues bounds a block's values (rows × n): its two buffers,
// 2·2048 complex64 = 32 KB, stay in L1 with the twiddles beside them.
const batchBlockValues = 2048

// batch32 is the plan of b rows of length n transformed side by side, for
// every power of two b from the least the kernels take up to
// batchBlockValues/n: the rows of a block are transposed into a [n][b]
// buffer, x_r[j] at j·b + r, which the Stockham stages of
// newStockham32Batch transform in one pass each, with every vector full
// whatever n, and transposed back. A last block of fewer rows runs the
// least b that holds them, its empty columns zero.
type batch32 struct {
	b   []int         // block sizes, increasing
	sps []*stockham32 // sps[i] transforms b[i] rows
}

// newBatch32 returns the side-by-side plan of rows of length n at level
// l, or nil when n is not a power of two in [4, maxLen] or l has no
// float32 kernels.
func newBatch32(n, maxLen int, l asm.Level) *batch32 {
	if n < 4 || n > maxLen || n&(n-1) != 0 || !hasStockham32(l) {
		return nil
	}
	p := &batch32{}
	for b := 1; b*n <= batchBlockValues; b *= 2 {
		if sp := newStockham32Batch(n, b, l); sp != nil {
			p.b = append(p.b, b)
			p.sps = append(p.sps, sp)
		}
	}
	if len(p.b) == 0 {
		return nil
	}
	return p
}

// block returns the plan of the least block size ≥ rows, or of the largest.
func (p *batch32) block(rows int) (int, *stockham32) {
	for i, b := range p.b {
		if b >= rows {
			return b, p.sps[i]
		}
	}
	i := len(p.b) - 1
	return p.b[i], p.sps[i]
}

// run transforms the [n][b] block a (scaled by 1/n for the inverse), using
// w as the other buffer, and returns the one that holds the result: the
// stages ping-pong between the two so that none only copies.
func (p *batch32) run(sp *stockham32, a, w []complex64, inverse bool) []complex64 {
	if sp.stageCount()%2 == 0 {
		runStockham32(sp, a, a, w, inverse, inverse)
		return a
	}
	// Odd: the first stage reads a and writes w, after which a is free
	// to be the work buffer.
	runStockham32(sp, w, a, a, inverse, inverse)
	return w
}

// batchSmall32 runs a validated Plan32 batch side by side (batch32) when n
// is short enough for it to pay, and reports whether it did.
func batchSmall32(l asm.Level, p *Plan32, dst, src []complex64, rows int, s *scratch, inverse bool) bool {
	n := p.n
	if n > batchMaxLen32 || !hasStockham32(l) {
		return false
	}
	bp := p.batch.get(l, func(l asm.Level) *batch32 { return newBatch32(n, batchMaxLen32, l) })
	if bp == nil {
		return false
	}
	bMax := bp.b[len(bp.b)-1]
	buf := s.complex64s(2 * n * bMax)
	for r0 := 0; r0 < rows; {
		b, sp := bp.block(rows - r0)
		nr := min(b, rows-r0)
		a, w := buf[:n*b], buf[n*b:2*n*b]
		gatherRows32(l, a, src[r0*n:(r0+nr)*n], n, b, nr)
		out := bp.run(sp, a, w, inverse)
		scatterRows32(l, dst[r0*n:(r0+nr)*n], out, n, b, nr)
		r0 += nr
	}
	return true
}

// gatherRows32 is gatherRows with the rows in whole groups of four moved
// by asm.FFTTranspose (4×4 tiles in registers).
func gatherRows32(l asm.Level, blk, src []complex64, n, b, nr int) {
	nr4 := nr &^ 3
	asm.FFTTranspose(l, blk, src, nr4, n, b, n)
	for r := nr4; r < nr; r++ {
		row := src[r*n : (r+1)*n]
		for j, v := range row {
			blk[j*b+r] = v
		}
	}
	if nr < b {
		for j := range n {
			clear(blk[j*b+nr : (j+1)*b])
		}
	}
}

// scatterRows32 is scatterRows with asm.FFTTranspose.
func scatterRows32(l asm.Level, dst, blk []complex64, n, b, nr int) {
	nr4 := nr &^ 3
	asm.FFTTranspose(l, dst, blk, n, nr4, n, b)
	for r := nr4; r < nr; r++ {
		row := dst[r*n : (r+1)*n]
		for k := range row {
			row[k] = blk[k*b+r]
		}
	}
}

// gatherRows128 is gatherRows32 for complex128: pairs of rows by
// asm.FFTTranspose128, an odd last row one value at a time.
func gatherRows128(l asm.Level, blk, src []complex128, n, b, nr int) {
	nr2 := nr &^ 1
	asm.FFTTranspose128(l, blk, src, nr2, n, b, n)
	if nr2 < nr {
		row := src[nr2*n : (nr2+1)*n]
		for j, v := range row {
			blk[j*b+nr2] = v
		}
	}
	if nr < b {
		for j := range n {
			clear(blk[j*b+nr : (j+1)*b])
		}
	}
}

// scatterRows128 is gatherRows128's inverse for the first nr columns.
func scatterRows128(l asm.Level, dst, blk []complex128, n, b, nr int) {
	nr2 := nr &^ 1
	asm.FFTTranspose128(l, dst, blk, n, nr2, n, b)
	if nr2 < nr {
		row := dst[nr2*n : (nr2+1)*n]
		for k := range row {
			row[k] = blk[k*b+nr2]
		}
	}
}

// batch64 is batch32 for complex128.
type batch64 struct {
	b   []int
	sps []*stockham64
}

func newBatch64(n, maxLen int, l asm.Level) *batch64 {
	if n < 4 || n > maxLen || n&(n-1) != 0 || !hasStockham32(l) {
		return nil
	}
	p := &batch64{}
	// complex128 values are twice as wide: half as many per block.
	for b := 1; b*n <= batchBlockValues/2; b *= 2 {
		if sp := newStockham64Batch(n, b, l); sp != nil {
			p.b = append(p.b, b)
			p.sps = append(p.sps, sp)
		}
	}
	if len(p.b) == 0 {
		return nil
	}
	return p
}

func (p *batch64) block(rows int) (int, *stockham64) {
	for i, b := range p.b {
		if b >= rows {
			return b, p.sps[i]
		}
	}
	i := len(p.b) - 1
	return p.b[i], p.sps[i]
}

func (p *batch64) run(sp *stockham64, a, w []complex128, inverse bool) []complex128 {
	stages := len(sp.stages)
	if sp.radix2 {
		stages++
	}
	if stages%2 == 0 {
		runStockham64(sp, a, a, w, inverse, inverse)
		return a
	}
	runStockham64(sp, w, a, a, inverse, inverse)
	return w
}

// batchSmall64 is batchSmall32 for Plan64.
func batchSmall64(l asm.Level, p *Plan64, dst, src []complex128, rows int, s *scratch, inverse bool) bool {
	n := p.n
	if n > batchMaxLen64 || !hasStockham32(l) {
		return false
	}
	bp := p.batch.get(l, func(l asm.Level) *batch64 { return newBatch64(n, batchMaxLen64, l) })
	if bp == nil {
		return false
	}
	bMax := bp.b[len(bp.b)-1]
	buf := s.complex128s(2 * n * bMax)
	for r0 := 0; r0 < rows; {
		b, sp := bp.block(rows - r0)
		nr := min(b, rows-r0)
		a, w := buf[:n*b], buf[n*b:2*n*b]
		gatherRows128(l, a, src[r0*n:(r0+nr)*n], n, b, nr)
		out := bp.run(sp, a, w, inverse)
		scatterRows128(l, dst[r0*n:(r0+nr)*n], out, n, b, nr)
		r0 += nr
	}
	return true
}

// realBatch32 is the side-by-side plan of RealPlan32's rows (n = 2h): the
// half-length complex FFTs of z_r[j] = x_r[2j] + i·x_r[2j+1] as batch32
// blocks, and the pass between Z and the n/2+1 bins (realStockham32's, in
// Go, per row) with its twiddles w_k = ω_n^k, k ≤ h/2.
type realBatch32 struct {
	cplx *batch32
	w    []complex64
}

func newRealBatch32(n int, l asm.Level) *realBatch32 {
	h := n / 2
	if n%2 != 0 {
		return nil
	}
	cplx := newBatch32(h, batchRealMaxLen32/2, l)
	if cplx == nil {
		return nil
	}
	p := &realBatch32{cplx: cplx, w: make([]complex64, h/2+1)}
	roots := newRootTable32(n)
	for k := range p.w {
		re, im := roots.root(k)
		p.w[k] = complex(float32(re), float32(im))
	}
	return p
}

// batchRealForwardSmall32 runs a validated RealPlan32.ForwardBatch side by
// side (realBatch32) when n is short enough, and reports whether it did.
func batchRealForwardSmall32(l asm.Level, p *RealPlan32, dst []complex64, src []float32, rows int, s *scratch) bool {
	n := p.n
	if n > batchRealMaxLen32 || !hasStockham32(l) {
		return false
	}
	bp := p.batch.get(l, func(l asm.Level) *realBatch32 { return newRealBatch32(n, l) })
	if bp == nil {
		return false
	}
	h, bins := n/2, n/2+1
	cp := bp.cplx
	bMax := cp.b[len(cp.b)-1]
	buf := s.complex64s(2 * h * bMax)
	for r0 := 0; r0 < rows; {
		b, sp := cp.block(rows - r0)
		nr := min(b, rows-r0)
		a, w := buf[:h*b], buf[h*b:2*h*b]
		gatherRows32(l, a, asComplex64(src[r0*n:(r0+nr)*n]), h, b, nr)
		z := cp.run(sp, a, w, false)
		for r := range nr {
			realSplit32(dst[(r0+r)*bins:(r0+r+1)*bins], z[r:], b, bp.w)
		}
		r0 += nr
	}
	return true
}

// realSplit32 writes the n/2+1 bins X of a real row from Z, the FFT of
// its half-length complex row, read with stride b from z: X_k = E_k +
// w_k·O_k with E_k = (Z_k + conj Z_{h−k})/2, O_k = −i(Z_k − conj
// Z_{h−k})/2, and X_{h−k} = conj(E_k − w_k·O_k).
func realSplit32(x, z []complex64, b int, w []complex64) {
	h := len(x) - 1
	z0 := z[0]
	x[0] = complex(real(z0)+imag(z0), 0)
	x[h] = complex(real(z0)-imag(z0), 0)
	for k := 1; k <= h/2; k++ {
		a, c := z[k*b], z[(h-k)*b]
		er, ei := 0.5*(real(a)+real(c)), 0.5*(imag(a)-imag(c))
		or, oi := 0.5*(imag(a)+imag(c)), 0.5*(real(c)-real(a))
		wr, wi := real(w[k]), imag(w[k])
		tr, ti := wr*or-wi*oi, wr*oi+wi*or
		x[k] = complex(er+tr, ei+ti)
		x[h-k] = complex(er-tr, ti-ei)
	}
}

// batchRealInverseSmall32 is batchRealForwardSmall32 for InverseBatch.
func batchRealInverseSmall32(l asm.Level, p *RealPlan32, dst []float32, src []complex64, rows int, s *scratch) bool {
	n := p.n
	if n > batchRealMaxLen32 || !hasStockham32(l) {
		return false
	}
	bp := p.batch.get(l, func(l asm.Level) *realBatch32 { return newRealBatch32(n, l) })
	if bp == nil {
		return false
	}
	h, bins := n/2, n/2+1
	cp := bp.cplx
	bMax := cp.b[len(cp.b)-1]
	buf := s.complex64s(2 * h * bMax)
	for r0 := 0; r0 < rows; {
		b, sp := cp.block(rows - r0)
		nr := min(b, rows-r0)
		a, w := buf[:h*b], buf[h*b:2*h*b]
		for r := range nr {
			realMerge32(a[r:], src[(r0+r)*bins:(r0+r+1)*bins], b, bp.w)
		}
		if nr < b {
			for j := range h {
				clear(a[j*b+nr : (j+1)*b])
			}
		}
		z := cp.run(sp, a, w, true)
		scatterRows32(l, asComplex64(dst[r0*n:(r0+nr)*n]), z, h, b, nr)
		r0 += nr
	}
	return true
}

// realMerge32 writes the half-length spectrum Z of a real row's bins X
// into z with stride b, realSplit32 undone: E_k = (X_k + conj X_{h−k})/2,
// O_k = (X_k − conj X_{h−k})·conj(w_k)/2, Z_k = E_k + i·O_k and Z_{h−k}
// = conj E_k + i·conj O_k. Im X_0 and Im X_h are ignored.
func realMerge32(z, x []complex64, b int, w []complex64) {
	h := len(x) - 1
	x0, xh := real(x[0]), real(x[h])
	z[0] = complex(0.5*(x0+xh), 0.5*(x0-xh))
	for k := 1; k <= h/2; k++ {
		a, c := x[k], x[h-k]
		er, ei := 0.5*(real(a)+real(c)), 0.5*(imag(a)-imag(c))
		dr, di := 0.5*(real(a)-real(c)), 0.5*(imag(a)+imag(c))
		wr, wi := real(w[k]), -imag(w[k])
		or, oi := dr*wr-di*wi, dr*wi+di*wr
		z[k*b] = complex(er-oi, ei+or)
		z[(h-k)*b] = complex(er+oi, or-ei)
	}
}

// batchSideBySide reports whether a batch of plan ("Plan32", "Plan64",
// "RealPlan32") of length n runs side by side at level l, rather than row
// by row bit for bit as the single-row call (the tests' oracle choice).
func batchSideBySide(l asm.Level, plan string, n int) bool {
	pow2 := n&(n-1) == 0
	switch plan {
	case "Plan32":
		return hasStockham32(l) && pow2 && n >= 4 && n <= batchMaxLen32
	case "Plan64":
		return hasStockham32(l) && pow2 && n >= 4 && n <= batchMaxLen64
	case "RealPlan32":
		return hasStockham32(l) && pow2 && n >= 8 && n <= batchRealMaxLen32
	}
	return false
}
