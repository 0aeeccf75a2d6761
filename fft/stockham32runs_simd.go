//go:build gc && !purego && (amd64 || arm64)

package fft

import (
	"unsafe"

	"github.com/ssmkern/ssmkern/asm"
)

// The AVX2 complex64 plans run straight rather than through
// runStockham32's loop of stages: n = 1024 and 2048 (runR8Direct32),
// 4096 (runSeg8_32). In a file of their own, after plan.go and
// dispatch_simd.go, so that adding them moved no function on the path of
// the whole-transform kernels: the AVX2 n = 512 kernel's speed follows
// where the code it runs with lies (FFTWInterleaved/c64 n = 512, three
// rounds: 279–282 ns with these functions here, 315–343 with them in
// dispatch_simd.go and stockham32_simd.go, the kernel at the same
// address; see avogen/fftsmall.go, alignBody).

// placeWorkGap is placeWork with the gap, in bytes, past ref.
func placeWorkGap(buf []complex64, n int, ref []complex64, want uintptr) []complex64 {
	gap := uintptr(unsafe.Pointer(unsafe.SliceData(buf))) - uintptr(unsafe.Pointer(unsafe.SliceData(ref)))
	o := int((want - gap) % 4096 / 8)
	return buf[o : o+n]
}

// seg8Gap is where runSeg8_32's work starts past src, modulo 4 KB: its
// first pass reads eight rows of src 4 KB apart (one L1 set) and writes
// eight rows of work 4 KB and a padding apart. The plan of n = 4096
// (runStockham32, best of 200 batches of 20, src and dst page-aligned, a
// throwaway harness), by the work's offset from src: 0 3636–3687 ns,
// 512 … 2560 bytes 3475–3534, 3072 3507–3527, 3584 3765–3824 (the first
// pass 597–600 ns at 512 … 2560, 755–780 at 0, 879–887 at 3584).
const seg8Gap = 1536

// transform32AVX2 runs the AVX2 plans of runR8Direct32 and runSeg8_32
// with their work from the scratch pool; a function of its own, so that
// transform32Short, on the path of the whole-transform kernels, stays
// short (the n = 512 kernel's speed follows the code around it: see
// avogen/fftsmall.go, alignBody).
func transform32AVX2(p *Plan32, sp *stockham32, dst, src []complex64, inverse bool) {
	if oneY(sp) {
		runOneY(sp, dst, src, inverse, inverse)
		return
	}
	s := p.pool.Get().(*scratch)
	if sp.seg8 {
		w := sp.workLen()
		runSeg8_32(sp, dst, src, placeWorkGap(s.complex64s(w+workSlack), w, src, seg8Gap), inverse, inverse)
	} else {
		runR8Direct32(sp, dst, src, stockhamWork(sp, s, dst), inverse, inverse)
	}
	p.pool.Put(s)
}

// runR8Direct32 is runStockham32 for a plan of a radix-8 first pass and
// three stages (stockham32.r8DirectStages: AVX2 n = 1024, 2048), its
// kernels called straight, and Plan32.run takes it from transform32Short
// without transform32's checks: BenchmarkFFT/c64 at AVX2, /tmp/s12/ab3.sh
// 12 rounds, best, through runStockham32's loop of stages against
// straight: n = 1024 691.5–695.3 against 674.9–682.4 ns, 2048 1530–1547
// against 1513–1515 ns. Four passes: the first writes work, so that in
// place it reads src before anything writes dst.
func runR8Direct32(sp *stockham32, dst, src, work []complex64, inverse, scale bool) {
	if oneY(sp) && (inverse || !scale) {
		runOneY(sp, dst, src, inverse, scale)
		return
	}
	l, st := sp.level, sp.stages
	s := float32(1)
	if scale {
		s = sp.invN
	}
	asm.FFTRadix8First(l, work, src, s, inverse)
	out, in := dst, work
	for i := range st {
		tw := sp.tw[st[i].off : st[i].off+st[i].len]
		if sp.radix8Stage(i) {
			asm.FFTRadix8(l, out, in, tw, st[i].ls, inverse)
		} else {
			asm.FFTRadix4(l, out, in, tw, st[i].ls, inverse)
		}
		out, in = in, out
	}
}

// runSeg8_32 runs a plan of stockham32.seg8Stages: the radix-8 first
// pass writes the first of two segmented buffers in work (padding after
// every n/8 values), the radix-8 stage the second, the radix-4 stage
// after it reads that and writes contiguous values, and the radix-4
// stages ping-pong between dst and work, the last writing dst. dst may
// be src: only the first pass reads src, and it runs before any writes
// dst.
func runSeg8_32(sp *stockham32, dst, src, work []complex64, inverse, scale bool) {
	l, n, st := sp.level, sp.n, sp.stages
	s := float32(1)
	if scale {
		s = sp.invN
	}
	m := n + 8*seg8Pad
	a, b := work[:m], work[m:2*m]
	asm.FFTRadix8FirstSeg8(l, a, src[:n], seg8Pad, s, inverse)
	asm.FFTRadix8Seg(l, b, a, sp.tw[st[0].off:st[0].off+st[0].len], n, st[0].ls, seg8Pad, seg8Pad, inverse)
	out, other := dst[:n], a[:n]
	if (len(st)-1)%2 == 0 {
		out, other = other, out
	}
	asm.FFTRadix4SegIn(l, out, b, sp.tw[st[1].off:st[1].off+st[1].len], st[1].ls, seg8Pad, inverse)
	in := out
	out = other
	for i := 2; i < len(st); i++ {
		sp.runStage(i, out, in, inverse, 1)
		in, out = out, in
	}
}

// oneY1024 reports whether sp, a plan of runR8Direct32, runs as one
// asm.FFT1024Y call: n = 1024 at AVX2, its stages radix 4 (ls = 8),
// radix 8 (ls = 32) and radix 4 (ls = 256) with their tables where the
// kernel reads them. Against the four calls with the pool's work
// (FFTWInterleaved/c64 n = 1024 at AVX2, four interleaved rounds of the
// test binaries, ns): 673.5–677.6 → 634.0–656.3, best 628–634 in later
// rounds (ratio to FFTW 0.96–1.01 → 1.00–1.05).
func oneY1024(sp *stockham32) bool {
	if sp.n != 1024 || !asm.FFT1024YSupported(sp.level) || len(sp.tw) < asm.FFT1024YTwiddleLen {
		return false
	}
	st := sp.stages
	return st[0].ls == 8 && st[0].off == 0 && st[1].ls == 32 && st[1].off == 48 && st[2].ls == 256 && st[2].off == 496
}

// runOneY1024 runs a plan of oneY1024 as one asm.FFT1024Y call, the
// inverse scaled by 1/n when scale (the forward takes no scale).
func runOneY1024(sp *stockham32, dst, src []complex64, inverse, scale bool) {
	s := float32(1)
	if scale {
		s = sp.invN
	}
	asm.FFT1024Y(sp.level, dst, src, sp.tw, inverse, s)
}

// wholeY1024 returns Plan32's plan of n = 1024 at level l when it runs
// as one asm.FFT1024Y call, for RealPlan32 n = 2048's Forward and Inverse
// (realStockham32.whole; its cplx, 4·8·8·4, stays Conv32's), or nil.
// FFTWInterleaved/r32 n = 2048 at AVX2, three interleaved rounds, ns:
// 957–970 → 872–881 (ratio 1.65 → 1.79–1.88). Its level check here
// rather than in newRealStockham32 is layout alone: with it there (the
// code after it 32 bytes on) the AVX2 n = 512 whole-transform kernel,
// untouched and at the same address, measured 351–353 ns against 278
// (FFTWInterleaved/c64, three interleaved rounds each); why, unknown.
func wholeY1024(l asm.Level) *stockham32 {
	if !asm.FFT1024YSupported(l) {
		return nil
	}
	if w := newStockham32(1024, l); w != nil && w.r8Runs && oneY1024(w) {
		return w
	}
	return nil
}

// runWholeStaged runs realStockham32.whole of h = 1024 or 2048 that is
// not runOne32's: asm.FFT1024 at AVX-512 (runR16Tail32 takes no work
// there), FFT1024Y or FFT2048Y at AVX2; the inverse with its 1/h.
func runWholeStaged(sp *stockham32, dst, src []complex64, inverse bool) {
	if sp.r16Tail {
		runR16Tail32(sp, dst, src, nil, inverse, inverse)
		return
	}
	runOneY(sp, dst, src, inverse, inverse)
}

// oneY reports whether sp, a plan of runR8Direct32, runs as one
// asm.FFT1024Y or FFT2048Y call.
func oneY(sp *stockham32) bool { return oneY1024(sp) || oneY2048(sp) }

// runOneY runs a plan of oneY as its one call, the inverse scaled by 1/n
// when scale.
func runOneY(sp *stockham32, dst, src []complex64, inverse, scale bool) {
	if sp.n == 2048 {
		runOneY2048(sp, dst, src, inverse, scale)
		return
	}
	runOneY1024(sp, dst, src, inverse, scale)
}

// oneY2048 is oneY1024 of n = 2048 (asm.FFT2048Y): stages radix 4 (ls =
// 8), radix 8 (ls = 32) and radix 8 (ls = 256, its compact table) where
// the kernel reads their tables. Against the four calls with the pool's
// work (FFTWInterleaved at AVX2, interleaved rounds of the test binaries,
// minima, ns): c64 n = 2048 1521–1527 → 1469–1512, RealPlan32 n = 4096
// (its half, wholeY) 2052–2074 → 1958–1995; c64 512 and 1024 unchanged.
func oneY2048(sp *stockham32) bool {
	if sp.n != 2048 || !asm.FFT2048YSupported(sp.level) || len(sp.tw) < asm.FFT2048YTwiddleLen {
		return false
	}
	st := sp.stages
	return st[0].ls == 8 && st[0].off == 0 && st[1].ls == 32 && st[1].off == 48 &&
		st[2].ls == 256 && st[2].off == 496 && st[2].len == asm.FFT2048YTwiddleLen-496 &&
		asm.FFTRadix8NarrowCompact(sp.level, 256)
}

// runOneY2048 runs a plan of oneY2048 as one asm.FFT2048Y call.
func runOneY2048(sp *stockham32, dst, src []complex64, inverse, scale bool) {
	s := float32(1)
	if scale {
		s = sp.invN
	}
	asm.FFT2048Y(sp.level, dst, src, sp.tw, inverse, s)
}

// wholeY returns Plan32's plan of n = h (1024 or 2048) at level l when it
// runs as one asm.FFT1024Y or FFT2048Y call, for RealPlan32 n = 2h's
// Forward and Inverse (realStockham32.whole), or nil.
func wholeY(h int, l asm.Level) *stockham32 {
	if h == 1024 {
		return wholeY1024(l)
	}
	if h != 2048 || !asm.FFT2048YSupported(l) {
		return nil
	}
	if w := newStockham32(h, l); w != nil && w.r8Runs && oneY2048(w) {
		return w
	}
	return nil
}
