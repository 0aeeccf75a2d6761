//go:build gc && !purego && (amd64 || arm64)

package fft

import (
	"unsafe"

	"github.com/ssmkern/ssmkern/asm"
)

// hasStockham32 reports whether level l has the float32 Stockham kernels.
func hasStockham32(l asm.Level) bool { return l == asm.AVX2 || l == asm.AVX512 || l == asm.NEON }

// transform runs a validated complex128 FFT (dst may be src): the float64
// Stockham kernels when the plan has them at level l (power-of-two n ≥
// stockhamMinLen), the mixed-radix stages for the n useMixed picks where
// l has them, Bluestein's algorithm on the Stockham kernels for the n
// useBluestein64 picks, else package generic.
func transform(l asm.Level, p *Plan64, dst, src []complex128, s *scratch, inverse bool) {
	k, ok := p.kernels.built(l)
	if !ok {
		k = p.levelKernels(l)
	}
	if fs := k.fs; fs != nil {
		runFourStep64(fs, dst, src, s.complex128s(fs.scratchLen()), inverse, inverse)
		return
	}
	sp := k.sp
	if sp == nil {
		if m := k.mx; m != nil {
			runMixed64(m, dst, src, s.complex128s(p.n), inverse)
			return
		}
		if p.blue != nil && hasStockham32(l) {
			p.blue.transform(l, dst, src, s, inverse)
			return
		}
		transformGeneric(p, dst, src, s, inverse)
		return
	}
	runStockham64(sp, dst, src, s.complex128s(sp.workLen()), inverse, inverse)
}

// transform32 runs a validated complex64 FFT (dst may be src): the float32
// Stockham kernels when the plan has them at level l (power-of-two n ≥
// stockhamMinLen), the mixed-radix stages for the n useMixed picks where
// l has them, Bluestein's algorithm on the Stockham kernels for the n
// useBluestein32 picks, else the float64 generic code.
func transform32(l asm.Level, p *Plan32, dst, src []complex64, s *scratch, inverse bool) {
	if sp := p.direct; sp != nil && l == p.directLevel {
		runStockham32(sp, dst, src, stockhamWork(sp, s, dst), inverse, inverse)
		return
	}
	if fs := p.fourStep(l); fs != nil {
		runFourStep32(fs, dst, src, s.complex64s(fs.scratchLen()), inverse, inverse)
		return
	}
	sp := p.stockham(l)
	if sp == nil {
		if m := p.mixed(l); m != nil {
			runMixed32(m, dst, src, s.complex64s(p.n), inverse)
			return
		}
		if p.blue != nil && hasStockham32(l) {
			p.blue.transform(l, dst, src, s, inverse)
			return
		}
		transform32Generic(p, dst, src, s, inverse)
		return
	}
	runStockham32(sp, dst, src, stockhamWork(sp, s, dst), inverse, inverse)
}

// workGap is where a contiguous Stockham plan's work buffer starts past
// dst, modulo 4 KB (stockhamWork). The passes ping-pong between the two;
// where their addresses agree in the low 12 bits (both page-aligned, as
// Go allocates 4 KB and more), a pass's loads of one and stores to the
// other alias in the CPU's 4 KB address check. Measured (runStockham32,
// best of 4 × 300 batches, src and dst page-aligned, AVX2): n = 4096
// 4.47–4.51 µs with work page-aligned against 4.16–4.20 µs 3584 bytes
// past a page; n = 2048 1.76–1.84 against 1.70–1.72 µs (2048 bytes past
// was as slow as 0: the radix-8 streams are 2 KB apart); n = 512, 1024
// and the AVX-512 plans within 1% at every offset. Plan32.Forward, same
// harness, before → after: n = 2048 1.79–1.83 → 1.74 µs, 4096 4.61–4.66
// → 4.18–4.28 µs; against FFTW (FFTWInterleaved/c64, AVX2, three
// interleaved rounds) n = 2048 0.97–0.98 → 1.00–1.01, 4096 0.93–0.94
// either way (there the old buffers did not alias), r32 unchanged.
const workGap = 4096 - 512

// workSlack is the values of slack stockhamWork takes to place the work.
const workSlack = 4096 / 8

// stockhamWork returns sp's work buffer from s, workGap bytes past dst
// modulo 4 KB when sp is contiguous (not segmented).
func stockhamWork(sp *stockham32, s *scratch, dst []complex64) []complex64 {
	if sp.seg || sp.seg8 {
		return s.complex64s(sp.workLen())
	}
	return placeWork(s.complex64s(sp.n+workSlack), sp.n, dst)
}

// placeWork returns n values of buf (n + workSlack long) starting workGap
// bytes past dst modulo 4 KB, or as near as the values' 8 bytes allow.
func placeWork(buf []complex64, n int, dst []complex64) []complex64 {
	gap := uintptr(unsafe.Pointer(unsafe.SliceData(buf))) - uintptr(unsafe.Pointer(unsafe.SliceData(dst)))
	o := int((workGap - gap) % 4096 / 8)
	return buf[o : o+n]
}

// transform32Short runs a short transform without the scratch pool,
// whose Get and Put cost as much as a 64-point FFT's stages: as one
// whole-transform kernel call (sp.small, n ≤ 512; at AVX-512 asm.FFT512
// and FFT2048, sp.one), or with the Stockham work buffer on the stack (n
// ≤ 256); or, with the pool, the radix 16, radix 4, tail plan by a short
// path (transform32R16Tail); or a mixed-radix plan with the plan's own
// work buffer (transform32Mixed); it reports false when it did none of
// these.
// At the plan's own level it takes p.direct, a field load where
// p.stockham is an atomic load and a call.
func transform32Short(l asm.Level, p *Plan32, dst, src []complex64, inverse bool) bool {
	sp := p.direct
	if l != p.directLevel {
		sp = p.stockham(l)
	}
	if sp == nil {
		return transform32Mixed(l, p, dst, src, inverse)
	}
	if k := sp.small; k != nil {
		if inverse {
			k.Run(dst, src, true, sp.invN)
		} else {
			k.Run(dst, src, false, 1) // the forward kernels take no scale
		}
		return true
	}
	if sp.r16Tail {
		transform32R16Tail(p, sp, dst, src, inverse)
		return true
	}
	if sp.one {
		runOne32(sp, dst, src, inverse)
		return true
	}
	if sp.r8Runs || sp.seg8 {
		transform32AVX2(p, sp, dst, src, inverse)
		return true
	}
	return transform32Stack(sp, dst, src, inverse)
}

// transform32R16Tail runs a plan of radix 16, radix 4 and the tail
// (runR16Tail32) with its work from the scratch pool, bypassing
// transform32Stack's switch, transform32's and runStockham32's checks:
// Plan32.run's path of n = 1024 at AVX-512 through it against through
// them, best of 300 batches of 100, eight interleaved rounds each way in
// one process (a throwaway copy of run): 591.5–593.8 against 600.3–602.1
// ns; FFTWInterleaved/c64 n = 1024, six interleaved rounds of the two
// test binaries, best 587.6 against 590.4 ns, within the machine's noise.
//
// n = 1024 at AVX-512 takes no work from the pool: asm.FFT1024 runs the
// three passes as one call with its work buffer in its own frame.
func transform32R16Tail(p *Plan32, sp *stockham32, dst, src []complex64, inverse bool) {
	if sp.n == 1024 && asm.FFT1024Supported(sp.level) {
		runR16Tail32(sp, dst, src, nil, inverse, inverse)
		return
	}
	s := p.pool.Get().(*scratch)
	runR16Tail32(sp, dst, src, stockhamWork(sp, s, dst), inverse, inverse)
	p.pool.Put(s)
}

// transform64Short runs a Plan64 transform that has a whole-transform
// kernel (sp.small) without the scratch pool, a plan of three passes
// out of place (stockham64.three) by transform64Three, or a mixed-radix
// plan by transform64Mixed; it reports false when it did none of these
// at level l. At the plan's own level it takes
// p.direct, as transform32Short. The forward kernels take no scale: the
// division of 1/n, when it sat on their path, cost 7% of n = 64 (perf,
// AVX-512), as did the calls of the kernels' look-up (4%; kernels.built
// inlines, Plan64.levelKernels does not).
func transform64Short(l asm.Level, p *Plan64, dst, src []complex128, inverse bool) bool {
	sp := p.direct
	if l != p.directLevel {
		k, ok := p.kernels.built(l)
		if !ok {
			k = p.levelKernels(l)
		}
		sp = k.sp
	}
	if sp == nil {
		return transform64Mixed(l, p, dst, src, inverse)
	}
	if k := sp.small; k != nil {
		s := 1.0
		if inverse {
			s = 1 / float64(sp.n) // exact: n is a power of two
		}
		k.Run(dst, src, inverse, s)
		return true
	}
	if sp.oneY {
		runOneY64(sp, dst, src, inverse)
		return true
	}
	if sp.three && unsafe.SliceData(dst) != unsafe.SliceData(src) {
		transform64Three(p, sp, dst, src, inverse)
		return true
	}
	return false
}

// transform64Three runs sp's three passes (runThree64), bypassing
// transform's and runStockham64's dispatch, with the plan's own work
// buffer (Plan64.own) when no other call holds it, else with one from the
// pool. The pool's Get and Put
// cost 12–14 ns a call (best of 300 batches), the flag's compare-and-swap
// and store about 5; a work array on the stack, zeroed on each call, 43
// ns for n = 256 (4 KB). The first overlap of two calls sends every later
// call to the pool, whose buffers stay with their processor, so that
// concurrent callers do not pass one buffer between their caches. Where
// the own buffer sits against dst modulo 4 KB did not matter (AVX2 c128
// 512, five interleaved rounds: 562–570 ns at the same offset, 564–573
// 2 KB after, 566–573 3 KB after, against 566–576 as allocated).
func transform64Three(p *Plan64, sp *stockham64, dst, src []complex128, inverse bool) {
	if p.own != nil && takeOwn(&p.busy) {
		runThree64(sp, dst, src, p.own, inverse)
		releaseOwn(&p.busy)
		return
	}
	s := p.pool.Get().(*scratch)
	runThree64(sp, dst, src, s.complex128s(sp.n), inverse)
	p.pool.Put(s)
}

// ownWork64 reports whether a Plan64 whose direct plan is sp keeps a work
// buffer of its own (transform64Three; not one of asm.FFT64N512Y, whose
// work is in its frame).
func ownWork64(sp *stockham64) bool { return sp != nil && sp.three && !sp.oneY }

// transform32Stack runs sp's stages with the work buffer on the stack,
// one array per size, so that only n values (not 256) are zeroed; a
// function of its own so that the small kernels' path above keeps a small
// frame.
func transform32Stack(sp *stockham32, dst, src []complex64, inverse bool) bool {
	switch sp.n {
	case 32:
		var w [32]complex64
		runStockham32(sp, dst, src, w[:], inverse, inverse)
	case 64:
		var w [64]complex64
		runStockham32(sp, dst, src, w[:], inverse, inverse)
	case 128:
		var w [128]complex64
		runStockham32(sp, dst, src, w[:], inverse, inverse)
	case 256:
		var w [256]complex64
		runStockham32(sp, dst, src, w[:], inverse, inverse)
	default:
		return false
	}
	return true
}

// invScale is the inverse's 1/n (exact: n is a power of two).
func (sp *stockham32) invScale() float32 { return sp.invN }

// runFourStep32 runs the two passes of fs (see fourStep32); dst may be
// src, since the first pass writes only work; scale applies the 1/n (in
// the first stage). The first stage of each column FFT reads its block
// straight from its matrix (src, or T when the row FFT starts with a
// radix-4 stage) and the last stage of each row FFT writes straight into
// dst, so that no pass only copies.
func runFourStep32(fs *fourStep32, dst, src, work []complex64, inverse, scale bool) {
	l, n1, n2, b := fs.col.level, fs.n1, fs.n2, fs.b
	ts := fs.tStride
	t := work[:n2*ts]
	blk := work[n2*ts:]
	blkA, blkB := blk[:n2*b], blk[n2*b:2*n2*b]
	sc := float32(1)
	if scale {
		sc = 1 / float32(fs.n) // exact: n is a power of two
	}
	for c0 := 0; c0 < n2; c0 += b {
		// The column plan starts with radix 4 (n1 = 4^m).
		cur, other := blkA[:n1*b], blkB[:n1*b]
		asm.FFTRadix4Strided(l, cur, src[c0:], nil, 1, stripeIn(n1, b, n2), inverse, sc)
		cur = runStages(fs.col, 1, len(fs.col.stages), cur, other, inverse)
		blkTw := fs.tw[c0/b*n1:]
		asm.FFTTransposeTwiddle(l, t[c0*ts:], cur, blkTw, fs.tw[n2/b*n1:], n1, b, ts, inverse)
	}
	row := fs.row
	for c0 := 0; c0 < n1; c0 += b {
		cur, other := blkA[:n2*b], blkB[:n2*b]
		first := 0
		switch {
		case row.radix8:
			asm.FFTCopyRows(l, other, t[c0:], n2, b, b, ts)
			asm.FFTRadix8First(l, cur, other, 1, inverse)
		case row.radix2:
			asm.FFTCopyRows(l, other, t[c0:], n2, b, b, ts)
			asm.FFTRadix2First(l, cur, other, 1)
		default:
			asm.FFTRadix4Strided(l, cur, t[c0:], nil, 1, stripeIn(n2, b, ts), inverse, 1)
			first = 1
		}
		end := len(row.stages) - 1
		last := &row.stages[end]
		cur = runStages(row, first, end, cur, other, inverse)
		asm.FFTRadix4Strided(l, dst[c0:], cur, row.tw[last.off:last.off+last.len], last.ls, stripeOut(n2, b, n1), inverse, 1)
	}
}

// stripeIn is the layout of the first radix-4 stage (ls = 1) of b
// length-m FFTs side by side, reading the b columns of a matrix with rows
// stride values apart and writing a contiguous [m][b] block.
func stripeIn(m, b, stride int) asm.FFTStageLayout {
	rows := m / 4
	return asm.FFTStageLayout{Rows: rows, Width: b, QIn: rows * stride, RowIn: stride, SOut: rows * b, RowOut: b}
}

// stripeOut is the layout of the last radix-4 stage (ls = m/4, r = b) of
// b length-m FFTs side by side, reading a contiguous block and writing
// the b columns of a matrix with rows stride values apart.
func stripeOut(m, b, stride int) asm.FFTStageLayout {
	ls := m / 4
	return asm.FFTStageLayout{Rows: 1, Width: b, JIn: 4 * b, QIn: b, RowIn: b, JOut: stride, SOut: ls * stride, RowOut: stride}
}

// runStages runs the stages [from, to) of sp from the buffer cur, ping-
// ponging with other, and returns the buffer holding the result.
func runStages(sp *stockham32, from, to int, cur, other []complex64, inverse bool) []complex64 {
	for i := from; i < to; i++ {
		sp.runStage(i, other, cur, inverse, 1)
		cur, other = other, cur
	}
	return cur
}

// runStage runs stage i of sp from in to out, its inputs scaled by s (a
// power of two; 1 unless it is a first stage that takes a scale). Stages
// go by index: a loop copying each out of the slice cost a few percent of
// a 512-point transform (perf: a stall on the copy).
func (sp *stockham32) runStage(i int, out, in []complex64, inverse bool, s float32) {
	st := &sp.stages[i]
	tw := sp.tw[st.off : st.off+st.len]
	switch {
	case sp.radix16(i):
		asm.FFTRadix16(sp.level, out, in, tw, st.ls, inverse, s)
	case st.r == 0:
		asm.FFTTail16(sp.level, out, in, tw, inverse)
	case sp.radix8Stage(i):
		asm.FFTRadix8(sp.level, out, in, tw, st.ls, inverse)
	case sp.compact && i == len(sp.stages)-1:
		asm.FFTRadix4Compact(sp.level, out, in, tw, st.ls, inverse)
	default:
		asm.FFTRadix4(sp.level, out, in, tw, st.ls, inverse)
	}
}

// runFirst runs sp's first stage from in to out with its inputs scaled
// by s, where that stage has a scaled form: the radix-8 or radix-2 stage
// before sp.stages, or stages[0] when it is the ls = 1 radix-16 pass or
// a wide radix-4 stage. It returns the index in sp.stages to go on from
// and whether it ran a stage (if not, s is still to apply).
func (sp *stockham32) runFirst(out, in []complex64, inverse bool, s float32) (next int, ran bool) {
	l := sp.level
	switch {
	case sp.radix8:
		asm.FFTRadix8First(l, out, in, s, inverse)
		return 0, true
	case sp.radix2:
		asm.FFTRadix2First(l, out, in, s)
		return 0, true
	case len(sp.stages) > 0 && sp.radix16(0) && sp.stages[0].ls == 1:
		sp.runStage(0, out, in, inverse, s)
		return 1, true
	case len(sp.stages) > 0 && sp.stages[0].ls == 1 && !asm.FFTRadix4Narrow(l, sp.stages[0].r):
		asm.FFTRadix4FirstScaled(l, out, in, s, inverse)
		return 1, true
	}
	return 0, false
}

// runStockham32 runs the stages of sp, ping-ponging between dst and work
// so that the last stage writes dst; scale ends it with the 1/n.
func runStockham32(sp *stockham32, dst, src, work []complex64, inverse, scale bool) {
	l := sp.level
	if sp.small != nil && (inverse || !scale) {
		s := float32(1)
		if scale {
			s = sp.invScale()
		}
		sp.small.Run(dst, src, inverse, s)
		return
	}
	if sp.seg {
		runSeg32(sp, dst, src, work, inverse, scale)
		return
	}
	if sp.r16Tail {
		runR16Tail32(sp, dst, src, work, inverse, scale)
		return
	}
	if sp.one && scale == inverse {
		runOne32(sp, dst, src, inverse)
		return
	}
	if sp.r8Runs {
		runR8Direct32(sp, dst, src, work, inverse, scale)
		return
	}
	if sp.seg8 {
		runSeg8_32(sp, dst, src, work, inverse, scale)
		return
	}
	stages := sp.stageCount()
	// Stage t writes dst when stages−1−t is even. When the first stage
	// writes dst and src is dst, it reads a copy in work instead.
	out, other := dst, work
	if stages%2 == 0 {
		out, other = work, dst
	}
	in := src
	if stages%2 == 1 && unsafe.SliceData(src) == unsafe.SliceData(dst) {
		copy(work, src)
		in = work
	}
	next := func() { in, out, other = out, other, out }
	// The 1/n (exact: n is a power of two) rides on the first stage.
	s := float32(1)
	if scale {
		s = 1 / float32(sp.n)
	}
	i, ran := sp.runFirst(out, in, inverse, s)
	if ran {
		next()
		s = 1
	}
	for ; i < len(sp.stages); i++ {
		sp.runStage(i, out, in, inverse, 1)
		next()
	}
	if s != 1 {
		asm.FFTScale(l, dst, s)
	}
}

// runR16Tail32 is runStockham32 for a plan of radix 16 (ls = 1), radix 4
// and the tail (stockham32.radix16FirstStages), its three kernels called
// straight, without runFirst's and runStage's dispatch: runStockham32
// of n = 1024 at AVX-512, best of 300 batches of 100, eight interleaved
// rounds in one process (a throwaway harness, machine loaded): 682.1–683.4
// ns against 702.2–708.4 through the loop of stages.
func runR16Tail32(sp *stockham32, dst, src, work []complex64, inverse, scale bool) {
	l, st := sp.level, sp.stages
	s := float32(1)
	if scale {
		s = sp.invN
	}
	// One call of the whole transform (asm.FFT1024; work unused): its
	// constant strides, its own frame for the work and the forward's
	// loads without a scale drop the pool, the wrappers' checks and the
	// radix-16 pass's offset table. Best of 300 batches of 100 (a
	// throwaway harness, src and dst apart, four and six interleaved
	// rounds of the two test binaries): forward 585.8–595.4 → 543.2–551.6
	// ns, inverse 588.3–592.1 → 554.9–578.6; with the kernel's later
	// changes (avogen/fft1024.go) forward 499–501, inverse 505–506.
	// Where the frame puts the work against dst does not matter: placed
	// 0 … 3840 bytes past dst modulo 4 KB in steps of 256 (asm.FFT1024
	// called straight, a throwaway variant), 515–522 ns at every offset.
	if sp.n == 1024 && asm.FFT1024Supported(l) && (s == 1 || (inverse && s == sp.invN)) {
		mid := sp.tw[st[1].off : st[1].off+st[1].len] // the inverse's times 1/n after the tail's
		if s != 1 {
			mid = sp.tw[st[2].off+st[2].len:]
		}
		asm.FFT1024(l, dst, src, sp.tw, st[2].off, inverse, mid, s)
		return
	}
	// In place the radix-16 pass reads and writes dst itself (asm.FFTRadix16
	// allows it at ls = 1) where runStockham32's first stage reads a copy:
	// same harness, in place, 627.7–631.0 ns against 703.7–707.0 with the
	// copy (and the loop of stages); out of place 668.0–670.8, its three
	// buffers and the tail's 15 KB table more than L1's 32 KB.
	asm.FFTRadix16(l, dst, src, sp.tw[st[0].off:st[0].off+st[0].len], 1, inverse, s)
	asm.FFTRadix4(l, work, dst, sp.tw[st[1].off:st[1].off+st[1].len], st[1].ls, inverse)
	asm.FFTTail16(l, dst, work, sp.tw[st[2].off:st[2].off+st[2].len], inverse)
}

// runOne32 runs a plan of wholeFFT as one asm.FFT512 or FFT2048 call,
// the inverse with its 1/n.
func runOne32(sp *stockham32, dst, src []complex64, inverse bool) {
	run := asm.FFT512
	if sp.n == 2048 {
		run = asm.FFT2048
	}
	st := sp.stages
	if inverse {
		run(sp.level, dst, src, sp.tw, st[1].off, true, sp.tw[st[1].off+st[1].len:], sp.invN)
		return
	}
	run(sp.level, dst, src, sp.tw, st[1].off, false, nil, 1)
}

// runSeg32 runs a segmented plan (stockham32.segStages): the first pass
// reads src and writes the first of two segmented buffers in work (the
// radix-2 one contiguous), the radix-16 passes ping-pong
// between them, and the tail writes dst; scale puts the 1/n on the first
// pass. dst may be src: only the first pass reads src, only the last
// writes dst.
func runSeg32(sp *stockham32, dst, src, work []complex64, inverse, scale bool) {
	s := float32(1)
	if scale {
		s = sp.invScale()
	}
	cur, pad := segPasses32(sp, src, work, inverse, s)
	_, tw := sp.lastStage()
	asm.FFTTail16Seg(sp.level, dst[:sp.n], cur, tw, sp.n, pad, inverse)
}

// segPasses32 runs the passes of runSeg32 before the tail, the first
// scaled by s, and returns the buffer of work holding their result and
// its padding: the tail's input (Conv32 ends with a pruned tail of its
// own, asm.FFTConvTail16Seg).
func segPasses32(sp *stockham32, src, work []complex64, inverse bool, s float32) ([]complex64, int) {
	l, n := sp.level, sp.n
	m := segLen(n)
	cur, other := work[:m], work[m:2*m]
	pad := segPad32 // of cur, once the first pass has written it
	i := 0
	switch first := &sp.stages[0]; {
	case sp.radix2:
		asm.FFTRadix2First(l, cur[:n], src[:n], s)
		pad = 0
	case sp.radix8:
		asm.FFTRadix8FirstSeg(l, cur, src[:n], segPad32, s, inverse)
	case sp.radix16(0):
		asm.FFTRadix16Seg(l, cur, src, sp.tw[first.off:first.off+first.len], n, 1, 0, segPad32, inverse, s)
		i = 1
	default: // radix 4, ls = 1: rows of a segment, four segments apart
		seg := n / 16
		st := asm.FFTStageLayout{Rows: 4, Width: seg, QIn: n / 4, RowIn: seg, SOut: 4 * (seg + segPad32), RowOut: seg + segPad32}
		asm.FFTRadix4Strided(l, cur, src, nil, 1, st, inverse, s)
		i = 1
	}
	for end := len(sp.stages) - 1; i < end; i++ {
		st := &sp.stages[i]
		asm.FFTRadix16Seg(l, other, cur, sp.tw[st.off:st.off+st.len], n, st.ls, pad, segPad32, inverse, 1)
		cur, other, pad = other, cur, segPad32
	}
	return cur, pad
}

// stageCount is the number of passes of sp.
func (sp *stockham32) stageCount() int {
	if sp.radix2 || sp.radix8 {
		return len(sp.stages) + 1
	}
	return len(sp.stages)
}

// realForward32 runs a validated float32 real FFT: for even n with a
// Stockham plan of n/2 at level l, the complex FFT of z[j] = src[2j] +
// i·src[2j+1] (src read in place as complex64) and asm.FFTRealPass;
// otherwise the float64 generic code.
func realForward32(l asm.Level, p *RealPlan32, dst []complex64, src []float32, s *scratch) {
	rp := p.stockham(l)
	if rp == nil {
		if p.half.runsAt(l) {
			realForwardHalf32(l, p.half, dst, src, s)
			return
		}
		realForward32Generic(p, dst, src, s)
		return
	}
	h := rp.h
	z, work := rp.buffers(s, nil)
	rp.transform(z, asComplex64(src), work, false)
	asm.FFTRealPass(l, dst, z, rp.tw, h, false, 0.5)
	re, im := real(z[0]), imag(z[0])
	dst[0], dst[h] = complex(re+im, 0), complex(re-im, 0)
}

// realForward32Short runs realForward32 without the scratch pool when the
// half-length FFT is one whole-transform kernel call (h ≤ 256), its
// output z in an array on the stack (one per size, so that only h values
// are zeroed); it reports false when it did not.
func realForward32Short(l asm.Level, p *RealPlan32, dst []complex64, src []float32) bool {
	rp := p.stockham(l)
	if rp == nil || rp.cplx == nil || rp.cplx.small == nil {
		return false
	}
	switch rp.h {
	case 32:
		var z [32]complex64
		realForward32Small(l, rp, dst, src, z[:])
	case 64:
		var z [64]complex64
		realForward32Small(l, rp, dst, src, z[:])
	case 128:
		var z [128]complex64
		realForward32Small(l, rp, dst, src, z[:])
	case 256:
		var z [256]complex64
		realForward32Small(l, rp, dst, src, z[:])
	default:
		return false
	}
	return true
}

// realForward32Small is realForward32's work with z given.
func realForward32Small(l asm.Level, rp *realStockham32, dst []complex64, src []float32, z []complex64) {
	h := rp.h
	rp.cplx.small.Run(z, asComplex64(src), false, 1)
	asm.FFTRealPass(l, dst, z, rp.tw, h, false, 0.5)
	re, im := real(z[0]), imag(z[0])
	dst[0], dst[h] = complex(re+im, 0), complex(re-im, 0)
}

// realInverse32Short is realForward32Short for realInverse32.
func realInverse32Short(l asm.Level, p *RealPlan32, dst []float32, src []complex64) bool {
	rp := p.stockham(l)
	if rp == nil || rp.cplx == nil || rp.cplx.small == nil {
		return false
	}
	switch rp.h {
	case 32:
		var z [32]complex64
		realInverse32Small(l, rp, dst, src, z[:])
	case 64:
		var z [64]complex64
		realInverse32Small(l, rp, dst, src, z[:])
	case 128:
		var z [128]complex64
		realInverse32Small(l, rp, dst, src, z[:])
	case 256:
		var z [256]complex64
		realInverse32Small(l, rp, dst, src, z[:])
	default:
		return false
	}
	return true
}

// realInverse32Small is realInverse32's work with z given.
func realInverse32Small(l asm.Level, rp *realStockham32, dst []float32, src, z []complex64) {
	h := rp.h
	asm.FFTRealPass(l, z, src, rp.tw, h, true, 0.5)
	x0, xh := real(src[0]), real(src[h]) // Im of bins 0 and h ignored
	z[0] = complex((x0+xh)*0.5, (x0-xh)*0.5)
	rp.cplx.small.Run(asComplex64(dst), z, true, 1/float32(h)) // exact: h is a power of two
}

// realInverse32 runs a validated float32 inverse real FFT: asm.FFTRealPass
// back to the half-length spectrum Z, then its inverse complex FFT
// written into dst read as complex64. The 1/n is the pass's 1/2 and the
// complex inverse's 1/h, which rides on its first stage, so no pass only
// scales and the pass shares the forward's table (h a power of two: the
// results are those of scaling the table by 1/h, bit for bit).
func realInverse32(l asm.Level, p *RealPlan32, dst []float32, src []complex64, s *scratch) {
	rp := p.stockham(l)
	if rp == nil {
		if p.half.runsAt(l) {
			realInverseHalf32(l, p.half, dst, src, s)
			return
		}
		realInverse32Generic(p, dst, src, s)
		return
	}
	h := rp.h
	out := asComplex64(dst)
	z, work := rp.buffers(s, out)
	asm.FFTRealPass(l, z, src, rp.tw, h, true, 0.5)
	x0, xh := real(src[0]), real(src[h]) // Im of bins 0 and h ignored
	z[0] = complex((x0+xh)*0.5, (x0-xh)*0.5)
	rp.transform(out, z, work, true)
}

// fourStepTwiddles returns the four-step twiddle matrix rp uses, or nil
// (for the next level's plan to share).
func (rp *realStockham32) fourStepTwiddles() []complex64 {
	if rp == nil || rp.fs == nil {
		return nil
	}
	return rp.fs.tw
}

// twiddles returns the twiddle matrix of fs, or nil.
func (fs *fourStep32) twiddles() []complex64 {
	if fs == nil {
		return nil
	}
	return fs.tw
}

// transform runs the complex FFT of length h of rp (work: workLen
// values), the inverse with its 1/h (on the first stage).
func (rp *realStockham32) transform(dst, src, work []complex64, inverse bool) {
	if rp.whole != nil {
		if rp.whole.one {
			runOne32(rp.whole, dst, src, inverse)
		} else {
			runWholeStaged(rp.whole, dst, src, inverse) // asm.FFT1024, FFT1024Y or FFT2048Y: no work
		}
		return
	}
	if rp.fs != nil {
		runFourStep32(rp.fs, dst, src, work, inverse, inverse)
	} else {
		runStockham32(rp.cplx, dst, src, work, inverse, inverse)
	}
}

// buffers returns, from s, the half-length spectrum z and the work of
// transform, the work placed as stockhamWork places it past the
// transform's output: out, or z itself when out is nil (the forward).
func (rp *realStockham32) buffers(s *scratch, out []complex64) (z, work []complex64) {
	h := rp.h
	if rp.fs != nil || rp.cplx.seg {
		buf := s.complex64s(h + rp.workLen())
		return buf[:h], buf[h:]
	}
	buf := s.complex64s(2*h + workSlack)
	z = buf[:h]
	if out == nil {
		out = z
	}
	return z, placeWork(buf[h:], h, out)
}

// workLen is the work length transform needs.
func (rp *realStockham32) workLen() int {
	if rp.fs != nil {
		return rp.fs.scratchLen()
	}
	return rp.cplx.workLen()
}

// asComplex64 reads the even-length x as len(x)/2 complex64 values (Go's
// complex64 has float32 alignment).
func asComplex64(x []float32) []complex64 {
	return unsafe.Slice((*complex64)(unsafe.Pointer(unsafe.SliceData(x))), len(x)/2)
}
