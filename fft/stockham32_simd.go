//go:build gc && !purego && (amd64 || arm64)

package fft

import (
	"math/bits"

	"github.com/ssmkern/ssmkern/asm"
)

// stockham32 is the float32 Stockham plan of a power-of-two complex64 FFT
// for one vector level: a radix-8 or radix-2 first stage when log2 n is
// odd, then radix-4 stages (at AVX-512 the last two fused, asm.FFTTail16),
// with every twiddle computed in float64 (cos and sin of its exact angle)
// and rounded once to float32. The table layouts are those of
// asm.FFTRadix4 (and FFTTail16) at that level. Immutable once built.
type stockham32 struct {
	n       int // transform length
	batch   int // transforms run side by side (column blocks of a four-step plan)
	level   asm.Level
	radix2  bool                // a radix-2 stage (ls = 1) runs first, or
	radix8  bool                // a radix-8 stage (ls = 1)
	stages  []stage32           // the radix-4 stages (or the fused tail), in order
	tw      []float32           // all their tables, back to back
	small   *asm.FFTSmallKernel // when not nil, the whole transform is one call of it instead of the stages
	seg     bool                // the passes between the first and the last use segmented buffers (runSeg32)
	invN    float32             // 1/n (exact: n is a power of two), kept so that an inverse does not divide
	compact bool                // the last stage takes asm.FFTRadix4Compact's table (compactLastStage)
	r16Tail bool                // the passes are radix 16 (ls = 1), radix 4, tail (radix16FirstStages; runR16Tail32)
	one     bool                // n = 512 or 2048 at AVX-512: the passes run as one asm.FFT512 or FFT2048 call (wholeFFT; runOne32)
	r8Runs  bool                // the passes are radix 8 (ls = 1) and three radix-4 or radix-8 stages (r8DirectStages; runR8Direct32)
	seg8    bool                // the radix-8 passes write segmented buffers (seg8Stages; runSeg8_32)
}

// stage32 is one radix-4 stage: sub-transform length ls, r = n/(4·ls), and
// its table tw[off : off+len]; r = 0 marks the fused last two stages
// (asm.FFTTail16, ls = n/16), r = n/(16·ls) two radix-4 stages fused
// (asm.FFTRadix16; stockham32.radix16).
type stage32 struct {
	ls, r, off, len int
}

// radix16 reports whether stage i of sp is a radix-16 pass (r =
// n/(16·ls), where a radix-4 stage has n·batch/(4·ls)): a property of the
// stage's shape rather than a field, so that stage32, which the
// complex128 plans share, keeps its four words.
func (sp *stockham32) radix16(i int) bool {
	st := &sp.stages[i]
	return st.r > 0 && 16*st.ls*st.r == sp.n*sp.batch
}

// lastStage returns sp's last stage and its table.
func (sp *stockham32) lastStage() (stage32, []float32) {
	last := sp.stages[len(sp.stages)-1]
	return last, sp.tw[last.off : last.off+last.len]
}

// stockhamMinLen is the shortest length the float32 Stockham kernels run:
// below it, the last stages of a ZMM level have fewer j than a vector holds,
// and the transform takes well under a microsecond in package generic.
const stockhamMinLen = 32

// radix8MaxLen is the longest transform (values, batch included) that
// starts with radix 8 rather than radix 2 when log2 n is odd. Same-run best
// of 40, radix-8 against radix-2 first (a throwaway A/B during
// development): AVX2 n = 128 90 against 119 ns, 512 328/383 ns, 2048
// 1.74/1.98 µs, but 8192 10.5/9.4 µs and 32768 47.7/44.7 µs; AVX-512 128
// 58/91 ns, 2048 1.39/1.59 µs, 8192 9.06/9.00 µs. Beyond L1 the radix-8
// stage's sixteen memory streams cost more than the pass it saves.
const radix8MaxLen = 2048

// newStockham32 returns the plan of length n at level l, or nil when n is
// not a power of two, is too short, or a stage has no kernel at l.
func newStockham32(n int, l asm.Level) *stockham32 {
	if n < stockhamMinLen {
		return nil
	}
	p := newStockham32Batch(n, 1, l)
	if p != nil {
		p.compactLastStage()
		p.radix16FirstStages()
		p.wholeFFT()
		p.r8DirectStages()
		if p.small == nil {
			p.small = asm.NewFFTSmallKernel(l, n) // n = 512 at AVX2: see smallHalfMaxLen
		}
	}
	return p
}

// smallHalfMaxLen is the longest plan built by newStockham32Radix8 (and
// so a real plan's half) that runs as one whole-transform kernel call
// where the level has one. The AVX2 kernel of n = 512 is Plan32's only:
// against FFTW (FFTWInterleaved, AVX2, two interleaved rounds, ratio =
// FFTW's time / ours) c64 n = 512 0.92–0.93 → 1.03–1.04 with it, but r32
// n = 1024, whose half then ran the kernel and a separate real pass
// instead of its stages, 1.92–1.95 → 1.68.
const smallHalfMaxLen = 256

// compactLastStage gives p's last stage the compact table of
// asm.FFTRadix4Compact where the level has it for that stage (a radix-4
// r = 1 stage of a contiguous plan, long enough that its duplicated table
// crowds L1): Plan32's own plans only, since the real plans' halves and
// Conv32 read the last stage's table in the duplicated layout
// themselves. Against FFTW (FFTWInterleaved/c64, AVX2, three interleaved
// rounds, ratio = FFTW's time / ours) duplicated → compact: n = 4096
// 0.92–0.94 → 0.98, 8192 1.01–1.04 → 1.05–1.06, 16384 1.13–1.14 →
// 1.14–1.19, 65536 1.05–1.06 → 1.10–1.12; n = 1024 (ls = 256, not
// compact) unchanged.
func (p *stockham32) compactLastStage() {
	k := len(p.stages) - 1
	if k < 0 || p.seg || p.batch != 1 {
		return
	}
	st := &p.stages[k]
	if st.r != 1 || p.radix8Stage(k) || !asm.FFTRadix4CompactSupported(p.level, st.ls) || st.off+st.len != len(p.tw) {
		return
	}
	// The duplicated table: per vector g of v values (j = g·v + i), six
	// vectors of 2v floats (Re w1, Im w1, …, each over two lanes); the
	// compact one: per g, w1, w2, w3 as v complex values each.
	v := asm.FFTValues(p.level)
	dup := p.tw[st.off : st.off+st.len]
	compact := make([]float32, asm.FFTRadix4CompactTwiddleLen(st.ls))
	for g := range st.ls / v {
		for q := range 3 {
			for i := range v {
				from := g*12*v + 2*q*2*v + 2*i
				to := g*6*v + q*2*v + 2*i
				compact[to], compact[to+1] = dup[from], dup[from+2*v]
			}
		}
	}
	st.len = copy(dup, compact)
	p.tw = p.tw[:st.off+st.len]
	p.compact = true
}

// radix16FirstStages turns p's passes radix 4 (ls = 1), radix 16, tail
// (n = 1024 at AVX-512) into radix 16 (ls = 1), radix 4, tail: the
// radix-16 pass at ls = 1 multiplies by no stage-A twiddles and by no
// stage-B ones for s = 0 (9 of 24 products remain), and the radix-4 pass
// that takes its place in the middle costs about what the first one did.
// Plan32's own plans only: Conv32 and the real plans' halves read the
// radix-4 first stage and the tables of fuseRadix16's layout themselves.
// runStockham32, best of 300 batches of 100, five interleaved rounds (a
// throwaway harness, src and dst page-aligned): 602.6–604.0 → 585.0–586.0
// ns; FFTWInterleaved/c64 n = 1024 at AVX-512, three interleaved rounds
// of the two test binaries: 628.5–638.0 → 604.0–614.3 ns (r32 unchanged).
func (p *stockham32) radix16FirstStages() {
	n, l := p.n, p.level
	if p.batch != 1 || p.seg || p.radix2 || p.radix8 || p.small != nil || len(p.stages) != 3 {
		return
	}
	if st := p.stages; st[0].ls != 1 || p.radix16(0) || !p.radix16(1) || st[1].ls != 4 || st[2].r != 0 ||
		!asm.FFTRadix16Supported(l, 1, n/16) || !asm.FFTRadix4Supported(l, 16, n/64) {
		return
	}
	r16 := asm.FFTRadix16TwiddleLen(1)
	r4 := asm.FFTRadix4TwiddleLen(l, 16, n/64)
	tail := p.stages[2]
	// The tail's table starts on a cache line (16 floats; the slice
	// itself is at least 64-byte aligned, 16 KB from the allocator):
	// after the 126 floats of the other two its vectors had split lines.
	// Same harness as runR16Tail32's, four interleaved rounds: 585.1–591.8
	// → 583.4–596.5 ns, within the noise, kept for asm.FFT1024's loads.
	toff := (r16 + r4 + 15) &^ 15
	p.stages = []stage32{
		{ls: 1, r: n / 16, off: 0, len: r16},
		{ls: 16, r: n / 64, off: r16, len: r4},
		{ls: tail.ls, r: 0, off: toff, len: tail.len},
	}
	// After the tail's, the radix-4 pass's table times 1/n: the inverse
	// of asm.FFT1024 takes its scale there.
	p.tw = make([]float32, toff+tail.len+r4)
	p.fillTables(newRootTable32(n))
	for i, w := range p.tw[r16 : r16+r4] {
		p.tw[toff+tail.len+i] = w * p.invN
	}
	p.r16Tail = true
}

// wholeFFT marks a plan whose passes are those of asm.FFT512 (n = 512:
// radix 8 at ls = 1, radix 4 at ls = 8, the tail) or asm.FFT2048 (n =
// 2048, segmented: radix 8 at ls = 1, radix 16 at ls = 8, the tail) to
// run as that one call, and appends the middle pass's table with the
// inverse's 1/n on it (FFT512: the whole radix-4 table; FFT2048: each
// j's stage-A twiddles, its first six floats of 30), which the inverse
// reads (the kernels scale there). Plan32's own plans and the real
// plans' whole halves only, like radix16FirstStages. FFTWInterleaved at
// AVX-512, minima of interleaved rounds (ns): c64 n = 512 282 → 234, r32
// 1024 353 → 316; c64 2048 1305–1312 → 1220–1243, r32 4096 1736–1744 →
// 1672–1703 (avogen/fft512.go, fft2048.go).
func (p *stockham32) wholeFFT() {
	st := p.stages
	if p.batch != 1 || !p.radix8 || p.small != nil || !asm.FFT1024Supported(p.level) || len(st) != 2 || st[0].off != 0 || st[1].r != 0 || st[1].off != st[0].len {
		return
	}
	switch {
	case p.n == 512 && !p.seg && st[0].ls == 8 && st[0].len == 48:
	case p.n == 2048 && p.seg && segPad32 == 16 && st[0].ls == 8 && p.radix16(0) && st[0].len == 240 && st[1].len == asm.FFTTail16TwiddleLen(p.n):
	default:
		return
	}
	tw := make([]float32, len(p.tw)+st[0].len)
	copy(tw, p.tw)
	for i, w := range p.tw[:st[0].len] {
		if p.n == 512 || i%30 < 6 {
			w *= p.invN
		}
		tw[len(p.tw)+i] = w
	}
	p.tw = tw
	p.one = true
}

// r8DirectStages marks p for runR8Direct32 when its passes are those of
// radix8Plans at n = 1024 and 2048 (AVX2): a radix-8 first pass and three
// radix-4 or radix-8 stages, the last not compact. Plan32's own plans
// only, as radix16FirstStages.
func (p *stockham32) r8DirectStages() {
	p.r8Runs = p.batch == 1 && !p.seg && p.radix8 && p.small == nil && !p.compact && !p.r16Tail && len(p.stages) == 3
}

// newStockham32Batch is newStockham32 for batch transforms of length n
// interleaved value by value (x_b[j] at j·batch + b, batch a power of
// two): every stage's r is batch times that of one transform, so a
// column block of a matrix transforms its columns in one pass.
func newStockham32Batch(n, batch int, l asm.Level) *stockham32 {
	return newStockham32Roots(n, batch, l, rootTable32{})
}

// newStockham32Roots is newStockham32Batch with the root table of n, or
// the zero table to build one.
func newStockham32Roots(n, batch int, l asm.Level, roots rootTable32) *stockham32 {
	return newStockham32Radix8(n, batch, l, roots, radix8Plans)
}

// newStockham32Radix8 is newStockham32Roots taking its radix-8 plans from
// plans (radix8Plans, or radix8RealPlans for a real plan's half).
func newStockham32Radix8(n, batch int, l asm.Level, roots rootTable32, plans map[int][]int) *stockham32 {
	if n < 4 || n&(n-1) != 0 || batch < 1 || batch&(batch-1) != 0 || !hasStockham32(l) {
		return nil
	}
	p := &stockham32{n: n, batch: batch, level: l, invN: 1 / float32(n)}
	total := 0
	if rs := radix8Plan(n, batch, l, plans); rs != nil {
		if total = p.radixStages(rs); total < 0 {
			return nil
		}
	} else if batch == 1 && n > radix16MaxLen && asm.FFTRadix16Supported(l, 1, 8) && asm.FFTTail16Supported(l, n) {
		total = p.segStages()
	} else if total = p.stockhamStages(); total < 0 {
		return nil
	}
	p.seg8Stages()
	p.tw = make([]float32, total)
	if roots.q == nil {
		roots = newRootTable32(n)
	}
	p.fillTables(roots)
	if batch == 1 && n <= smallHalfMaxLen {
		p.small = asm.NewFFTSmallKernel(l, n) // nil where the level has none of length n
	}
	return p
}

// stockhamStages lays out the stages of the contiguous plan: a radix-8 or
// radix-2 first stage when log2 n is odd, radix-4 stages, the last two
// fused at AVX-512 and pairs of the others fused up to radix16MaxLen. It
// returns the tables' total length, or −1 when a stage has no kernel.
func (p *stockham32) stockhamStages() int {
	n, batch, l := p.n, p.batch, p.level
	ls := 1
	if bits.TrailingZeros(uint(n))%2 == 1 {
		// An odd log2 n starts with radix 8 (one pass fewer than radix
		// 2) up to radix8MaxLen, or radix 2 (longer, or where n/8 values
		// are not whole vectors).
		switch v := asm.FFTValues(l); {
		case n >= 8 && n*batch <= radix8MaxLen && (n*batch/8)%v == 0:
			p.radix8 = true
			ls = 8
		case (n*batch/2)%v == 0:
			p.radix2 = true
			ls = 2
		default:
			return -1
		}
	}
	total := 0
	for ; ls < n; ls *= 4 {
		r := n / (4 * ls) * batch
		if !asm.FFTRadix4Supported(l, ls, r) {
			return -1
		}
		s := stage32{ls: ls, r: r, off: total}
		if ls > 1 || asm.FFTRadix4Narrow(l, r) {
			s.len = asm.FFTRadix4TwiddleLen(l, ls, r)
		}
		total += s.len
		p.stages = append(p.stages, s)
	}
	// AVX-512: the last two stages (r = 4, then r = 1) as one radix-16
	// pass, r = 0 marking it.
	if k := len(p.stages); batch == 1 && k >= 2 && asm.FFTTail16Supported(l, n) && p.stages[k-2].r == 4 && p.stages[k-1].r == 1 {
		total = p.stages[k-2].off
		tail := stage32{ls: n / 16, r: 0, off: total, len: asm.FFTTail16TwiddleLen(n)}
		total += tail.len
		p.stages = append(p.stages[:k-2], tail)
	}
	if batch == 1 {
		p.stages, total = fuseRadix16(l, n, p.stages, total)
	}
	return total
}

// radix8Plans are the radices, first pass first, of the AVX2 plans that
// run radix-8 stages (asm.FFTRadix8), by log2 n: one pass fewer than
// radix 4 (a radix-8 stage costs about what a radix-4 one does per
// level, the pass saved is its loads, stores and calls). Best of five
// interleaved rounds of BenchmarkFFTWInterleaved/c64 at AVX2 (ns, radix-4
// plans against these): n = 512 349 → 330, 1024 770 → 700, 2048 1724 →
// 1601; 1024 as 4·8·8·4 745, 8·8·4·4 745, 2048 as 8·8·8·4 1654. From
// 4096 on every radix-8 pass writes (or reads) eight streams n bytes
// apart, in one L1 set: 4096 as 8·8·8·8 took 6.6 µs against 4.2.
// Re-measured with the other orders (Plan32.Forward, best of 200
// batches, three rounds, a throwaway harness; ns): 512 8·8·8 304–306,
// 4·4·8·4 326–329, 8·4·4·4 334–336, 2·4·8·8 354–356; 1024 8·4·8·4
// 664–675, 4·4·8·8 702–706, 8·8·4·4 700–730, 4·8·4·8 707–715, 2·8·8·8
// 746–753; 2048 8·4·8·8 1531–1542, 8·8·8·4 1569–1580, 8·8·4·8
// 1576–1589, 4·8·8·8 1649–1657; 4096 all radix 4 3885–3940, with one
// or two radix-8 passes 5086–5435. n = 4096 runs 8·8·4·4·4 with the
// radix-8 passes writing segmented buffers (seg8Stages, runSeg8_32), its
// radix-8 rows then a row and 128 bytes apart: BenchmarkFFT/c64/n=4096 at
// AVX2, /tmp/s12/ab3.sh 8 rounds, best, 3988 ns all radix 4 against 3621;
// FFTWInterleaved/c64 ratio 0.98 → 1.09 (3584 against FFTW's 3898 ns).
// The passes alone (best of 200 batches of 20, work 1536 bytes past a
// page-aligned src): radix 8 first 597–600 ns, radix 8 (ls = 8) 771–786,
// radix 4 (ls = 64) reading the segments 599–605, where the six radix-4
// passes take 570–800 each (each streams 64 KB through L2: a copy of the
// 32 KB takes 588 ns). Rejected on the way: a radix-16 first pass at AVX2
// (sixteen YMM of data, stage A spilled to a 1 KB frame; two vectors of k
// per iteration so that each line is read once): at 4096 its sixteen
// rows 2 KB apart share two L1 sets, 1087–1511 ns against 1154 for the
// two radix-4 passes (972 in place), and at 1024 (16·8·8, 16·4·4·4)
// 653–669 ns against 640–650, L1-resident and bound by the FP ports, which
// it does not relieve; the last two radix-4 stages fused (a radix-16
// tail, spilled, 4 j per vector): 1024 344–347 ns against 346–352 for the
// two stages, 2048 689–700 against 695–718, 4096 1710–1908 against
// 1536–1555.
var radix8Plans = map[int][]int{
	9:  {8, 8, 8},
	10: {8, 4, 8, 4},
	11: {8, 4, 8, 8},
	12: {8, 8, 4, 4, 4},
}

// radix8RealPlans are radix8Plans for the half-length plan of a real FFT:
// those that start and end with radix 4 where log2 n is even, so that
// Conv32 keeps its first pass reading the row in place and its pruned
// last pass (firstStageReadsRow, prunedTail), and end with radix 4 for n
// = 2048.
var radix8RealPlans = map[int][]int{
	9:  {8, 8, 8},
	10: {4, 8, 8, 4},
	11: {8, 8, 8, 4},
}

// radix8Plan returns the radices of the plan of n at level l when it
// runs radix-8 stages (from plans), or nil.
func radix8Plan(n, batch int, l asm.Level, plans map[int][]int) []int {
	if batch != 1 || !asm.FFTRadix8Supported(l, 8, 8) {
		return nil
	}
	return plans[bits.TrailingZeros(uint(n))]
}

// radixStages lays out the passes of radices rs (product n): the first
// (2, 4 or 8, no twiddles) as radix2, a radix-4 stage of ls = 1 or
// radix8, the others as radix-4 or radix-8 stages. It returns the tables'
// total length, or −1 when a stage has no kernel.
func (p *stockham32) radixStages(rs []int) int {
	n, l := p.n, p.level
	switch rs[0] {
	case 2:
		p.radix2 = true
	case 4:
		p.stages = append(p.stages, stage32{ls: 1, r: n / 4})
	case 8:
		p.radix8 = true
	default:
		return -1
	}
	total, ls := 0, rs[0]
	for _, radix := range rs[1:] {
		r := n / (radix * ls)
		s := stage32{ls: ls, r: r, off: total}
		switch {
		case radix == 4 && asm.FFTRadix4Supported(l, ls, r):
			s.len = asm.FFTRadix4TwiddleLen(l, ls, r)
		case radix == 8 && asm.FFTRadix8Supported(l, ls, r):
			s.len = asm.FFTRadix8TwiddleLen(l, ls, r)
		default:
			return -1
		}
		total += s.len
		p.stages = append(p.stages, s)
		ls *= radix
	}
	if ls != n {
		return -1
	}
	return total
}

// radix8Stage reports whether stage i of sp is a radix-8 one (r =
// n/(8·ls)), like radix16 a property of the stage's shape.
func (sp *stockham32) radix8Stage(i int) bool {
	st := &sp.stages[i]
	return st.r > 0 && 8*st.ls*st.r == sp.n*sp.batch
}

// fillRadix8 writes asm.FFTRadix8's table at level l of the stage (ls,
// r) of a length-n FFT: ω_{8ls}^{qj} = ω_n^{qj·n/(8ls)} for q = 1 … 7.
func fillRadix8(tw []float32, l asm.Level, n, ls, r int, roots rootTable32) {
	stride := n / (8 * ls)
	for j := range ls {
		for q := 1; q < 8; q++ {
			c64, s64 := roots.root(q * j * stride)
			c, s := float32(c64), float32(s64)
			if r > 1 && asm.FFTRadix8VectorTable(l, ls) {
				o := 112*j + (q-1)*16
				for i := range 8 {
					tw[o+i], tw[o+8+i] = c, s
				}
				continue
			}
			if r > 1 {
				tw[14*j+2*q-2], tw[14*j+2*q-1] = c, s
				continue
			}
			if asm.FFTRadix8NarrowCompact(l, ls) {
				// Per four j, w_q of those j as plain complex64.
				o := j/4*56 + (q-1)*8 + 2*(j%4)
				tw[o], tw[o+1] = c, s
				continue
			}
			// Per four j, Re w_q and Im w_q as vectors, each value over
			// a complex value's two lanes.
			o := j/4*112 + (q-1)*16 + 2*(j%4)
			tw[o], tw[o+1], tw[o+8], tw[o+9] = c, c, s, s
		}
	}
}

// seg8Pad is the padding, in values, after every n/8 values of the
// segmented buffers of runSeg8_32.
const seg8Pad = 16

// seg8Stages marks p for runSeg8_32 where its passes are radix 8 (ls =
// 1), radix 8 (ls = 8), radix 4 (ls = 64) and more radix-4 stages, n ≥
// 4096, at a level with the segmented kernels (AVX2).
func (p *stockham32) seg8Stages() {
	st := p.stages
	p.seg8 = asm.FFTSeg8Supported(p.level) && p.batch == 1 && p.n >= 4096 && p.radix8 && len(st) >= 3 &&
		p.radix8Stage(0) && st[0].ls == 8 && !p.radix8Stage(1) && st[1].ls == 64 && st[1].r > 0
	for i := 2; p.seg8 && i < len(st); i++ {
		p.seg8 = !p.radix8Stage(i) && st[i].r > 0
	}
}

// segPad32 is the padding, in values, after every n/16 values of the
// buffers of a segmented plan (asm.FFTRadix16Seg): two cache lines, which
// measured faster than one (best of 15, n = 65536, ls = 16: 13.5 against
// 18.0 µs; the contiguous pass 21.5 µs).
const segPad32 = 16

// segStages lays out the passes of a long transform at a level with
// asm.FFTRadix16Seg and asm.FFTTail16: a first pass of radix 16, 4, 2 or
// 8 (whichever leaves a multiple of four stages before the tail), then
// radix-16 passes, then the fused tail, so that n = 65536 takes four
// passes; the first writes a segmented buffer (the radix-2 one a
// contiguous one) and the tail reads one (runSeg32). It returns
// the tables' total length.
func (p *stockham32) segStages() int {
	n := p.n
	p.seg = true
	ls := 1
	switch (bits.TrailingZeros(uint(n)) - 4) % 4 {
	case 1:
		p.radix2, ls = true, 2
	case 2:
		p.stages = append(p.stages, stage32{ls: 1, r: n / 4}) // radix 4, no table
		ls = 4
	case 3:
		p.radix8, ls = true, 8
	}
	total := 0
	for ; ls < n/16; ls *= 16 {
		s := stage32{ls: ls, r: n / (16 * ls), off: total, len: asm.FFTRadix16TwiddleLen(ls)}
		total += s.len
		p.stages = append(p.stages, s)
	}
	p.stages = append(p.stages, stage32{ls: n / 16, off: total, len: asm.FFTTail16SegTwiddleLen(n)})
	return total + asm.FFTTail16SegTwiddleLen(n)
}

// segLen is the length of one segmented buffer of a length-n transform.
func segLen(n int) int { return n + 16*segPad32 }

// workLen is the work length runStockham32 needs.
func (sp *stockham32) workLen() int {
	if sp.seg {
		return 2 * segLen(sp.n)
	}
	if sp.seg8 {
		return 2 * (sp.n + 8*seg8Pad)
	}
	return sp.n
}

// fillTables writes the twiddle tables of p's stages into p.tw.
func (p *stockham32) fillTables(roots rootTable32) {
	n, l := p.n, p.level
	v := asm.FFTValues(l)
	for i := range p.stages {
		s := &p.stages[i]
		if s.len == 0 {
			continue
		}
		if s.r == 0 && p.seg && n >= asm.FFTTail16CompactMinLen {
			fillTail16Seg(p.tw[s.off:s.off+s.len], n, roots)
			continue
		}
		if s.r == 0 {
			fillTail16(p.tw[s.off:s.off+s.len], n, roots)
			continue
		}
		if p.radix8Stage(i) {
			fillRadix8(p.tw[s.off:s.off+s.len], l, n, s.ls, s.r, roots)
			continue
		}
		if p.radix16(i) {
			fillRadix16(p.tw[s.off:s.off+s.len], n, s.ls, roots)
			continue
		}
		tw := p.tw[s.off : s.off+s.len]
		stride := n / (4 * s.ls) // ω_{4ls}^{qj} = ω_n^{qj·stride}
		if !asm.FFTRadix4Narrow(l, s.r) {
			for j := range s.ls {
				for q := 1; q < 4; q++ {
					c, si := roots.root(q * j * stride)
					tw[6*j+2*q-2], tw[6*j+2*q-1] = float32(c), float32(si)
				}
			}
			continue
		}
		// Narrow: per vector g of v values (value i is j = (g·v+i)/r),
		// six vectors of 2v floats: Re w1, Im w1, Re w2, … duplicated.
		lv, lr := bits.TrailingZeros(uint(v)), bits.TrailingZeros(uint(s.r))
		for q := 1; q < 4; q++ {
			for x := range s.ls * s.r {
				c64, s64 := roots.root(q * (x >> lr) * stride)
				c, si := float32(c64), float32(s64)
				o := x>>lv*12*v + (2*q-2)*2*v + 2*(x&(v-1))
				tw[o], tw[o+1], tw[o+2*v], tw[o+2*v+1] = c, c, si, si
			}
		}
	}
}

// radix16MaxLen is the longest transform of the contiguous plan at a
// level with asm.FFTRadix16 (AVX-512), its radix-4 stages fused in pairs
// (fuseRadix16); longer ones run segmented passes (segStages), which need
// n ≥ 2048. Contiguous, a fused pass's sixteen output streams lie n/2
// bytes apart: from n = 8192 on they share one L1 set (8 ways) and the
// pass takes as long as the two it replaces or longer (best of 15, n =
// 16384, ls = 16: 4.95 µs against 4.83 µs), where segmented it takes 3.2
// µs. Whole transforms (best of 21 batches, interleaved, three rounds):
// n = 4096 3.63–4.50 µs contiguous, 2.97–3.73 µs segmented; n = 2048
// 1.33–1.73 against 1.35–1.37 µs.
const radix16MaxLen = 1024

// fuseRadix16 replaces pairs of consecutive radix-4 stages (ls, 4r) and
// (4ls, r) by one asm.FFTRadix16 pass where the level has it and n ≤
// radix16MaxLen, pairing from the last radix-4 stage back, so that an
// odd one out is the first (at ls = 1 the cheapest, without twiddles),
// and returns the stages with their tables laid out anew and the tables'
// total length.
func fuseRadix16(l asm.Level, n int, stages []stage32, total int) ([]stage32, int) {
	if n > radix16MaxLen {
		return stages, total
	}
	end := len(stages)
	if end > 0 && stages[end-1].r == 0 {
		end-- // the fused tail stays
	}
	var fused []stage32
	i := end % 2 // an odd count leaves the first alone
	fused = append(fused, stages[:i]...)
	for ; i+1 < end; i += 2 {
		a := stages[i]
		if a.r == 0 || stages[i+1].r == 0 || !asm.FFTRadix16Supported(l, a.ls, a.r/4) || n != 16*a.ls*(a.r/4) {
			fused = append(fused, stages[i], stages[i+1])
			continue
		}
		fused = append(fused, stage32{ls: a.ls, r: a.r / 4, len: asm.FFTRadix16TwiddleLen(a.ls)})
	}
	fused = append(fused, stages[i:]...)
	total = 0
	for k := range fused {
		fused[k].off = total
		total += fused[k].len
	}
	return fused, total
}

// fillRadix16 writes asm.FFTRadix16's table for sub-transform length ls
// of a length-n FFT: per j, ω_{4ls}^{qj} (q = 1, 2, 3), then for s = 0 …
// 3 ω_{16ls}^{p(j+s·ls)} (p = 1, 2, 3), as Re, Im.
func fillRadix16(tw []float32, n, ls int, roots rootTable32) {
	a, b := n/(4*ls), n/(16*ls) // ω_{4ls} = ω_n^a, ω_{16ls} = ω_n^b
	put := func(at, k int) {
		c, s := roots.root(k)
		tw[at], tw[at+1] = float32(c), float32(s)
	}
	for j := range ls {
		blk := 30 * j
		for q := 1; q < 4; q++ {
			put(blk+2*(q-1), q*j*a)
		}
		for s := range 4 {
			for p := 1; p < 4; p++ {
				put(blk+6+6*s+2*(p-1), p*(j+s*ls)*b)
			}
		}
	}
}

// fillTail16 writes asm.FFTTail16's table for length n: per 8 j, the
// stage-A twiddles ω_n^{4qj} (q = 1, 2, 3) and for s = 0 … 3 the stage-B
// twiddles ω_n^{k(j+s·m)} (k = 1, 2, 3), each as Re and Im vectors with
// every value duplicated over its two lanes.
func fillTail16(tw []float32, n int, roots rootTable32) {
	const v = 8 // values per ZMM
	m := n / 16
	// Twiddle pair p of value j: Re vector 2p and Im vector 2p+1 of j's
	// block of 30 vectors. One pair at a time, so that the roots run in
	// order.
	fill := func(p, mul, add int) {
		for j := range m {
			c, s := roots.root(mul * (j + add))
			re, im := float32(c), float32(s)
			o := j/v*30*2*v + p*4*v + 2*(j%v)
			tw[o], tw[o+1], tw[o+2*v], tw[o+2*v+1] = re, re, im, im
		}
	}
	for q := 1; q < 4; q++ {
		fill(q-1, 4*q, 0)
	}
	for st := range 4 {
		for k := 1; k < 4; k++ {
			fill(3+3*st+k-1, k, st*m)
		}
	}
}

// fillTail16Seg writes asm.FFTTail16Seg's table for length n: per 8 j,
// ω_n^{4qj} (q = 1, 2, 3), then ω_n^{kj} (k = 1, 2, 3), each as Re and Im
// vectors with every value duplicated over its two lanes.
func fillTail16Seg(tw []float32, n int, roots rootTable32) {
	const v = 8 // values per ZMM
	for j := range n / 16 {
		blk := tw[j/v*12*2*v:]
		for p, k := range [6]int{4, 8, 12, 1, 2, 3} {
			c, s := roots.root(k * j)
			re, im := float32(c), float32(s)
			o := p*4*v + 2*(j%v)
			blk[o], blk[o+1], blk[o+2*v], blk[o+2*v+1] = re, re, im, im
		}
	}
}

// realStockham32 is the float32 plan of an even-length real FFT at one
// vector level: the complex plan of the half length h = n/2 and the table
// of asm.FFTRealPass, t_k = −i·ω_n^k/2 for k = 1 … h/2 (per vector of k,
// Re t and Im t each duplicated over a complex value's two lanes).
type realStockham32 struct {
	h     int
	cplx  *stockham32 // the complex FFT of length h, or
	fs    *fourStep32 // its four-step plan when h is that long
	tw    []float32   // t_k, both directions
	whole *stockham32 // h = 512, 1024 or 2048 at AVX-512, 1024 or 2048 at AVX2: Plan32's plan, one asm.FFT512, FFT1024, FFT2048, FFT1024Y or FFT2048Y call, for Forward and Inverse (Conv32 reads cplx's stages)
}

// newRealStockham32 returns the plan of the real FFT of length n at level
// l, or nil when n/2 has no float32 Stockham plan there; fourStepTw is as
// newFourStep32's tw.
func newRealStockham32(n int, l asm.Level, fourStepTw []complex64) *realStockham32 {
	h := n / 2
	if n%2 != 0 || !asm.FFTRealPassSupported(l, h) {
		return nil
	}
	var cplx *stockham32
	roots := newRootTable32(n) // the half-length plan's roots are every other one
	fs := newFourStep32(h, l, fourStepTw)
	if fs == nil {
		if h < stockhamMinLen {
			return nil
		}
		if cplx = newStockham32Radix8(h, 1, l, roots.divided(2), radix8RealPlans); cplx == nil {
			return nil
		}
	}
	p := &realStockham32{h: h, cplx: cplx, fs: fs, tw: make([]float32, asm.FFTRealPassTwiddleLen(h))}
	if h == 1024 && asm.FFT1024Supported(l) {
		// RealPlan32 n = 2048, FFTWInterleaved/r32 at AVX-512, three
		// interleaved rounds of the two test binaries: 818.3–840.0 →
		// 726.5–759.7 ns (ratio to FFTW 1.90–1.93 → 2.09–2.17).
		if w := newStockham32(h, l); w != nil && w.r16Tail {
			p.whole = w
		}
	}
	if (h == 512 || h == 2048) && asm.FFT1024Supported(l) {
		if w := newStockham32(h, l); w != nil && w.one {
			p.whole = w
		}
	}
	if (h == 1024 || h == 2048) && p.whole == nil {
		p.whole = wholeY(h, l)
	}
	v := asm.FFTValues(l)
	for g := range h / 2 / v {
		blk := p.tw[g*4*v : (g+1)*4*v]
		for i := range v {
			c, s := roots.root(1 + g*v + i)
			re, im := float32(s/2), float32(-c/2) // −i·(c + i·s)/2
			blk[2*i], blk[2*i+1] = re, re
			blk[2*v+2*i], blk[2*v+2*i+1] = im, im
		}
	}
	return p
}

// fourStep32 is the cache-aware plan of a long power-of-two complex64 FFT
// (n ≥ fourStepMinLen): n = n1·n2 with n1 = 4^m ≤ n2, x read as the
// matrix [n1][n2].
//
//  1. For each block of b columns: run the b length-n1 column FFTs side
//     by side (col) in an L2-sized [n1][b] buffer, the first radix-4
//     stage reading the block straight from x; multiply by ω_n^{j2·k1}
//     and write it transposed into T ([n2][n1 + pad], b rows).
//  2. For each block of b columns of T: the b length-n2 FFTs (row), the
//     first stage reading T (a gather first when n2 starts with radix
//     2), the last writing straight into dst ([n2][n1]), which is then X
//     in natural order: X[k1 + n1·k2].
//
// Each pass reads and writes the whole array once (with the twiddle
// matrix), where the stages of one long Stockham FFT stream it through
// memory log4 n times.
type fourStep32 struct {
	n, n1, n2, b int
	tStride      int // row stride of T: n1 and a cache line, so that its power-of-two rows do not share cache sets
	col, row     *stockham32
	tw           []complex64 // ω_n^{j2·k1} = ω_n^{c0·k1}·ω_n^{c·k1}: n2/b rows of the first, then b of the second
}

// fourStepMinLen is the shortest length run in four steps at level l.
// Measured as the best of 25 alternating calls of runStockham32 and
// runFourStep32 (a throwaway A/B during development, on the shared,
// loaded machine, load average 7), direct → four-step: AVX2 2^17 0.293 →
// 0.334 ms, 2^18 0.916 → 0.827 ms, 2^19 2.24 → 2.06 ms, 2^20 5.95 → 5.40
// ms, 2^21 17.7 → 12.1 ms; AVX-512 2^17 0.224 → 0.237 ms, 2^18 0.526 →
// 0.518 ms, 2^20 4.60 → 3.75 ms, 2^21 21.9 → 9.8 ms. The direct FFT's two
// buffers fit the 32 MB L3 up to 2^21, which keeps its log4 n passes
// cheap until then.
func fourStepMinLen(l asm.Level) int { return 1 << 18 }

// fourStepBlock is the columns per block: 32 complex64 are four cache
// lines per row, and a block of 1024 rows (n = 2^20) is 256 KB. At 2^20
// (same A/B) AVX2 4.66, 3.89, 3.93 ms and AVX-512 4.14, 3.63, 3.67 ms
// for blocks of 16, 32, 64.
const fourStepBlock = 32

// newFourStep32 returns the four-step plan of length n at level l, or nil.
// tw, when not nil, is the twiddle matrix of another level's plan of the
// same n, which this one shares (it depends on n alone): a plan holds
// one copy of it, n values, not one per level.
func newFourStep32(n int, l asm.Level, tw []complex64) *fourStep32 {
	if n < fourStepMinLen(l) {
		return nil
	}
	return newFourStep32Any(n, l, tw)
}

// newFourStep32Any is newFourStep32 without the length threshold (tests).
func newFourStep32Any(n int, l asm.Level, tw []complex64) *fourStep32 {
	if n&(n-1) != 0 || !hasStockham32(l) {
		return nil
	}
	lg := bits.TrailingZeros(uint(n))
	// n1 = 4^m, so that the column FFTs start with a radix-4 stage that
	// reads the matrix in place; n2 ≥ n1.
	n1 := 1 << (lg / 4 * 2)
	p := &fourStep32{n: n, n1: n1, n2: n / n1, b: min(fourStepBlock, n1), tStride: n1 + 8}
	// One root table of n serves the twiddle matrix and both FFTs (their
	// roots are every n/n1-th and n/n2-th) when this plan builds the
	// matrix; else the FFTs build their own, shorter tables.
	twLen := n/p.b + p.b*n1
	var roots, colRoots, rowRoots rootTable32
	if len(tw) != twLen {
		roots = newRootTable32(n)
		colRoots, rowRoots = roots.divided(n/p.n1), roots.divided(n/p.n2)
	}
	p.col = newStockham32Roots(p.n1, p.b, l, colRoots)
	p.row = newStockham32Roots(p.n2, p.b, l, rowRoots)
	if p.col == nil || p.row == nil {
		return nil
	}
	b := p.b
	if len(tw) == twLen {
		p.tw = tw
		return p
	}
	// ω_n^{j2·k1} for j2 = c0 + c: one row ω_n^{c0·k1} per column block
	// c0, then the b rows ω_n^{c·k1} that every block shares.
	p.tw = make([]complex64, twLen)
	for blk := range p.n2 / b {
		row := p.tw[blk*n1 : (blk+1)*n1]
		for k1 := range row {
			c, s := roots.root(blk * b * k1)
			row[k1] = complex64(complex(c, s))
		}
	}
	shared := p.tw[p.n2/b*n1:]
	for c := range b {
		row := shared[c*n1 : (c+1)*n1]
		for k1 := range row {
			re, im := roots.root(c * k1)
			row[k1] = complex64(complex(re, im))
		}
	}
	return p
}

// scratchLen is the complex64 work length of a call: T and two blocks.
func (p *fourStep32) scratchLen() int { return p.n2*p.tStride + 2*p.n2*p.b }
