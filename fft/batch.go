package fft

import (
	"fmt"
	"math"
	"math/bits"

	"github.com/ssmkern/ssmkern/asm"
)

// Batched transforms: rows transforms of one plan's length n in one call,
// row r of a batch at [r·n, (r+1)·n) (a real spectrum's row at
// [r·(n/2+1), (r+1)·(n/2+1))). One call validates once, takes one scratch
// from the plan's pool for all its rows, and, where a transform is short
// enough that its per-call overhead and its part-empty vectors dominate,
// transforms a block of rows side by side (see batchSmall32).

// ForwardBatch writes the forward transforms of rows rows of length n,
// back to back in src, to the same places of dst: row r is src[r·n :
// (r+1)·n]. len(dst) = len(src) = rows·n; dst may be src itself but may
// not overlap it partially; rows = 0 does nothing.
//
// Each row's result is that of Forward on the row, to rounding: where the
// rows are transformed one at a time (n > 256 at AVX2 and AVX-512, n not
// a power of two, the generic and NEON levels) they are bit for bit
// Forward's; where a block of rows runs side by side (powers of two 4 ≤ n
// ≤ 256 at AVX2 and AVX-512: float32 stages where Forward computes n < 32
// in float64, and the batch stages from 32 on) each row is within the
// accuracy bound of Forward (relative RMS 1e-6·log2 n against float64),
// and rows never mix (a NaN stays in its row).
//
// Speed, benchFFT MFLOPS per row in the thread's CPU time for rows = 256
// (go test -run '^$' -bench 'FFTBatch/c64/' ./bench): n = 16 36,500–41,100
// side by side against 2,000–2,500 for Forward per row, n = 64 1.5–2×, n
// = 256 1.1–1.4×; from n = 512 the row loop, at Forward's speed
// (batchMaxLen32 has the table).
func (p *Plan32) ForwardBatch(dst, src []complex64, rows int) error {
	return p.runBatch("Plan32.ForwardBatch", dst, src, rows, false)
}

// InverseBatch is ForwardBatch for Inverse (with the 1/n).
func (p *Plan32) InverseBatch(dst, src []complex64, rows int) error {
	return p.runBatch("Plan32.InverseBatch", dst, src, rows, true)
}

func (p *Plan32) runBatch(call string, dst, src []complex64, rows int, inverse bool) error {
	if p == nil {
		return errNilPlan(call, "Plan32")
	}
	total, err := checkBatch(call, dst, src, rows, p.n, p.n)
	if err != nil {
		return err
	}
	if err := checkInPlace(call, dst, src); err != nil {
		return err
	}
	if total == 0 {
		return nil
	}
	l := asm.Current()
	s := p.pool.Get().(*scratch)
	if !batchSmall32(l, p, dst, src, rows, s, inverse) {
		n := p.n
		for r := range rows {
			transform32(l, p, dst[r*n:(r+1)*n], src[r*n:(r+1)*n], s, inverse)
		}
	}
	p.pool.Put(s)
	return nil
}

// ForwardBatch is Plan32.ForwardBatch for complex128: rows rows of length
// n back to back, dst may be src. Rows of powers of two 4 ≤ n ≤ 64 run
// side by side at AVX2 and AVX-512 (within the accuracy bound of Forward,
// 1e-14·log2 n; n = 16 15–20 against 2.7–3.1 GFLOPS per row in CPU
// time, n = 32 about 2×), every other row bit for bit as Forward.
func (p *Plan64) ForwardBatch(dst, src []complex128, rows int) error {
	return p.runBatch("Plan64.ForwardBatch", dst, src, rows, false)
}

// InverseBatch is ForwardBatch for Inverse (with the 1/n).
func (p *Plan64) InverseBatch(dst, src []complex128, rows int) error {
	return p.runBatch("Plan64.InverseBatch", dst, src, rows, true)
}

func (p *Plan64) runBatch(call string, dst, src []complex128, rows int, inverse bool) error {
	if p == nil {
		return errNilPlan(call, "Plan64")
	}
	total, err := checkBatch(call, dst, src, rows, p.n, p.n)
	if err != nil {
		return err
	}
	if err := checkInPlace(call, dst, src); err != nil {
		return err
	}
	if total == 0 {
		return nil
	}
	l := asm.Current()
	s := p.pool.Get().(*scratch)
	if !batchSmall64(l, p, dst, src, rows, s, inverse) {
		n := p.n
		for r := range rows {
			transform(l, p, dst[r*n:(r+1)*n], src[r*n:(r+1)*n], s, inverse)
		}
	}
	p.pool.Put(s)
	return nil
}

// ForwardBatch writes the spectra (n/2+1 bins each) of rows real rows of
// length n: src is [rows][n], dst [rows][n/2+1]; they share no memory;
// rows = 0 does nothing. At AVX2 and AVX-512, powers of two 8 ≤ n ≤ 64
// run their half-length complex FFTs side by side (see realBatch32),
// within the accuracy bound of Forward (n = 16: 8,000–9,000 against
// 900–1,400 MFLOPS per row, n = 32 5–7×, n = 64 1.1–1.4×); every other
// case is bit for bit Forward row by row (n = 128 and 256 about 1.2× the
// speed of Forward per row, from the one validation and scratch per call).
func (p *RealPlan32) ForwardBatch(dst []complex64, src []float32, rows int) error {
	const call = "RealPlan32.ForwardBatch"
	if p == nil {
		return errNilPlan(call, "RealPlan32")
	}
	n, bins := p.n, p.n/2+1
	total, err := checkBatch(call, dst, src, rows, bins, n)
	if err != nil {
		return err
	}
	if err := checkDisjoint(call, "dst", dst, "src", src); err != nil {
		return err
	}
	if total == 0 {
		return nil
	}
	l := asm.Current()
	s := p.pool.Get().(*scratch)
	if !batchRealForwardSmall32(l, p, dst, src, rows, s) {
		for r := range rows {
			realForward32(l, p, dst[r*bins:(r+1)*bins], src[r*n:(r+1)*n], s)
		}
	}
	p.pool.Put(s)
	return nil
}

// InverseBatch writes the real rows (length n, with the 1/n) of rows
// spectra: src is [rows][n/2+1], dst [rows][n]; each row as Inverse
// (Im of bins 0 and n/2 ignored), with ForwardBatch's rules.
func (p *RealPlan32) InverseBatch(dst []float32, src []complex64, rows int) error {
	const call = "RealPlan32.InverseBatch"
	if p == nil {
		return errNilPlan(call, "RealPlan32")
	}
	n, bins := p.n, p.n/2+1
	total, err := checkBatch(call, dst, src, rows, n, bins)
	if err != nil {
		return err
	}
	if err := checkDisjoint(call, "dst", dst, "src", src); err != nil {
		return err
	}
	if total == 0 {
		return nil
	}
	l := asm.Current()
	s := p.pool.Get().(*scratch)
	if !batchRealInverseSmall32(l, p, dst, src, rows, s) {
		for r := range rows {
			realInverse32(l, p, dst[r*n:(r+1)*n], src[r*bins:(r+1)*bins], s)
		}
	}
	p.pool.Put(s)
	return nil
}

// ForwardBatch is RealPlan32.ForwardBatch for float64. Its rows run one
// at a time, bit for bit as Forward, with one validation and one scratch
// for the call.
func (p *RealPlan64) ForwardBatch(dst []complex128, src []float64, rows int) error {
	const call = "RealPlan64.ForwardBatch"
	if p == nil {
		return errNilPlan(call, "RealPlan64")
	}
	n, bins := p.n, p.n/2+1
	total, err := checkBatch(call, dst, src, rows, bins, n)
	if err != nil {
		return err
	}
	if err := checkDisjoint(call, "dst", dst, "src", src); err != nil {
		return err
	}
	if total == 0 {
		return nil
	}
	l := asm.Current()
	s := p.pool.Get().(*scratch)
	for r := range rows {
		realForward64(l, p, dst[r*bins:(r+1)*bins], src[r*n:(r+1)*n], s)
	}
	p.pool.Put(s)
	return nil
}

// InverseBatch is RealPlan32.InverseBatch for float64, row by row as
// ForwardBatch.
func (p *RealPlan64) InverseBatch(dst []float64, src []complex128, rows int) error {
	const call = "RealPlan64.InverseBatch"
	if p == nil {
		return errNilPlan(call, "RealPlan64")
	}
	n, bins := p.n, p.n/2+1
	total, err := checkBatch(call, dst, src, rows, n, bins)
	if err != nil {
		return err
	}
	if err := checkDisjoint(call, "dst", dst, "src", src); err != nil {
		return err
	}
	if total == 0 {
		return nil
	}
	l := asm.Current()
	s := p.pool.Get().(*scratch)
	for r := range rows {
		realInverse64(l, p, dst[r*n:(r+1)*n], src[r*bins:(r+1)*bins], s)
	}
	p.pool.Put(s)
	return nil
}

// checkBatch validates rows and the lengths of a batch whose dst rows hold
// dstRow values and src rows srcRow, and returns rows·max(dstRow, srcRow).
func checkBatch[D, S any](call string, dst []D, src []S, rows, dstRow, srcRow int) (int, error) {
	if rows < 0 {
		return 0, fmt.Errorf("fft: %s: rows = %d, want ≥ 0", call, rows)
	}
	w := max(dstRow, srcRow)
	if hi, lo := bits.Mul64(uint64(rows), uint64(w)); hi != 0 || lo > math.MaxInt {
		return 0, fmt.Errorf("fft: %s: rows·n = %d·%d overflows int", call, rows, w)
	}
	if len(dst) != rows*dstRow {
		return 0, fmt.Errorf("fft: %s: len(dst) = %d, want rows·%d = %d", call, len(dst), dstRow, rows*dstRow)
	}
	if len(src) != rows*srcRow {
		return 0, fmt.Errorf("fft: %s: len(src) = %d, want rows·%d = %d", call, len(src), srcRow, rows*srcRow)
	}
	return rows * w, nil
}
