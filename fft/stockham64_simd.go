//go:build gc && !purego && (amd64 || arm64)

package fft

import (
	"math/bits"
	"unsafe"

	"github.com/ssmkern/ssmkern/asm"
)

// stockham64 is the complex128 twin of stockham32 (Plan64 at the vector
// levels): a radix-8 or radix-2 first stage when log2 n is odd (as
// stockham32, up to radix8MaxLen64, at AVX-512 radix8MaxLenAVX512), then
// radix-4 stages (some fused or replaced by radix 8 or 16 where the level
// has them, the first two at AVX-512 by asm.FFT64Radix16First below
// segMinLen64, and at AVX2 radix 8 from the first stage for n = 256 …
// 65536, radix8Front64),
// the twiddles cos and sin of exact angles (rootTable32) in float64
// tables laid out for asm.FFT64Radix4.
type stockham64 struct {
	n      int
	level  asm.Level
	radix2 bool
	radix8 bool // a radix-8 first stage (ls = 1)
	stages []stage64
	tw     []float64
	small  *asm.FFT64SmallKernel // when not nil, the whole transform is one call of it instead of the stages
	// pad > 0: the radix-16 pass before the fused tail writes the work
	// buffer segmented (pad values after every n/16, asm.FFT64Radix16Seg),
	// and the tail reads it so.
	pad int
	// pad8 > 0: the radix-8 stages (AVX2) write their output segmented
	// (pad8 values after every n/8, asm.FFT64Radix8Seg) where the next
	// stage reads it so; runSeg8of64 runs such a plan.
	pad8 int
	// three: the plan is three unsegmented passes, the first of ls = 1
	// (the radix-8 first stage or asm.FFT64Radix16First), which
	// runThree64 runs.
	three bool
	// oneY: the plan of three passes runs as one asm.FFT64N256Y,
	// FFT64N512Y or FFT64N1024Y call (oneY64).
	oneY bool
}

// segPad64 is the padding of a complex128 plan's segmented buffer: four
// values (a cache line) after each segment move the sixteen output
// streams of the radix-16 pass before the tail, n/16 values apart (a
// multiple of 4 KB from n = 4096), into sixteen different L1 sets
// instead of one, whose eight ways they overran.
const segPad64 = 4

// seg8Pad64 is the padding of the radix-8 plans' segmented buffers
// (pad8, runSeg8of64): two cache lines after each segment of n/8
// values rather than segPad64's one. FFTWInterleaved AVX2, interleaved
// rounds (seven for 2048 … 16384, three beyond), ours-ns min, 8 against 4
// values: c128 2048 3140 against 3142–3144 (even), 4096 7019 against
// 7068, 8192 14628 against 14931, 16384 33326 against 34393, 32768
// 79001 against 80470, 65536 169461 against 173858; r64 8192 8271
// against 8341, 32768 39689 against 40914, 65536 90415 against 92658.
// 12 values: 2048 3170, 16384 33178, 8192 14936 (no better than 8).
const seg8Pad64 = 8

// segMinLen64 is the shortest complex128 plan whose radix-16 pass before
// the tail writes a segmented buffer; shorter plans fuse pairs of middle
// stages from the front (fuseRadix16of64: n = 1024 1280–1537 against the
// radix-4 stages' 1357–1863 ns). Same-run interleaved A/B
// (FFTWInterleaved, AVX-512, best of 200 batches, four rounds),
// segmented against what was there: n = 4096 6871–7159 against the
// radix-4 stages' 7613–8949 ns, 8192 (three rounds) 16165–16716 against
// 17691–18185 ns; n = 2048 (r2, r4, radix 16 segmented, tail against r2,
// radix 16 from the front, r4, tail) 3208–3280 against 3329–3371 ns,
// RealPlan64 4096 3816–3929 against 3978–4082 ns.
const segMinLen64 = 2048

// workLen is the work length runStockham64 needs.
func (sp *stockham64) workLen() int {
	if sp.pad8 > 0 {
		return 2*(sp.n+8*sp.pad8) + seg8Slack
	}
	if sp.firstApart() {
		return sp.n + 16*sp.pad + sp.n + seg8Slack
	}
	return sp.n + 16*sp.pad
}

// stage64 is a stage of stockham64: a stage32, or with r16 the radix-4
// stages of sub-transform lengths ls and 4·ls fused (asm.FFT64Radix16),
// r then being R = n/(16·ls).
type stage64 struct {
	stage32
	r16 bool
	r8  bool // a radix-8 stage (asm.FFT64Radix8), r being R = n/(8·ls)
}

// radix8MaxLen64 is the longest complex128 transform that starts with
// radix 8 rather than radix 2 when log2 n is odd (one-transform plans
// only: the four-step plan's batched ones keep radix 2).
const radix8MaxLen64 = 1 << 10

// radix8MaxLenAVX512 is radix8MaxLen64 at AVX-512, whose plans of odd
// log2 n from 2048 to 2^17 (the longest below the four-step plans) run
// radix 8, radix-4 stages, the segmented radix-16 pass and the tail
// (runFirstApart64) instead of radix 2 and the same: from n = 2048 a
// pass's input and output (64 KB) outgrow L1 and each pass costs about
// the same whatever its radix (stage alone at 2048, out 2 KB after in:
// radix 2 589, radix 4 589, radix 8 644 ns), so the plan with one pass
// fewer wins. Interleaved A/B of go test -c binaries (FFTWInterleaved,
// AVX-512, three rounds), ours-ns: c128 2048 2715–2743 against
// 3199–3236, 8192 13777–13903 against 15994–16332, 32768 71770–72237
// against 81137–81581, 131072 421537–465842 against 439352–501114
// (noisy); r64 4096 3391–3395 against 3765–3853, 16384 16490–16671
// against 18521–19092, 65536 83343–83985 against 92788–94361.
const radix8MaxLenAVX512 = 1 << 17

// newStockham64 returns the plan of length n at level l, or nil when n is
// not a power of two ≥ stockhamMinLen or a stage has no kernel at l.
func newStockham64(n int, l asm.Level) *stockham64 {
	if n < stockhamMinLen {
		return nil
	}
	return newStockham64Batch(n, 1, l)
}

// newStockham64Batch is newStockham32Batch for complex128.
func newStockham64Batch(n, batch int, l asm.Level) *stockham64 {
	return newStockham64Roots(n, batch, l, rootTable32{})
}

// newStockham64Roots is newStockham32Roots for complex128.
func newStockham64Roots(n, batch int, l asm.Level, roots rootTable32) *stockham64 {
	if n < 4 || n&(n-1) != 0 || batch < 1 || batch&(batch-1) != 0 || !hasStockham32(l) {
		return nil
	}
	p := &stockham64{n: n, level: l}
	v := asm.FFT64Values(l)
	ls := 1
	if bits.TrailingZeros(uint(n))%2 == 1 {
		switch {
		case batch == 1 && n >= 8 && (n <= radix8MaxLen64 || l == asm.AVX512 && n <= radix8MaxLenAVX512) && (n/8)%v == 0 && asm.FFT64Radix8FirstSupported(l):
			p.radix8 = true
			ls = 8
		case (n*batch/2)%v != 0:
			return nil
		default:
			p.radix2 = true
			ls = 2
		}
	}
	for ; ls < n; ls *= 4 {
		r := n / (4 * ls) * batch
		if !asm.FFT64Radix4Supported(l, ls, r) {
			return nil
		}
		p.stages = append(p.stages, stage64{stage32: stage32{ls: ls, r: r}})
	}
	// The last two stages (r = 4, then r = 1) as one radix-16 pass, r = 0
	// marking it: at AVX2 only below the radix8Front64 plans (n = 64 and
	// 128, which run their whole-transform kernels), which take the tail
	// only at n = 1024. (n = 256 ran 4, 4, tail before radix8Front64 took
	// it: c128 256 286–295 against its whole-transform kernel's 318–320
	// ns, interleaved A/B, FFTWInterleaved, three rounds.) From n = 4096 the
	// tail's sixteen output streams, n/16 values apart, share L1 sets:
	// 8, 8, 4, tail lost to 8, 8, 4, 4, 4 (c128 4096 9396–9473 against
	// 7122–7139 ns, 32768 97034–98313 against 81792–83611).
	if k := len(p.stages); batch == 1 && k >= 2 && (l == asm.AVX512 || n < radix8FrontMinLen64) && asm.FFT64Tail16Supported(l, n) && p.stages[k-2].r == 4 && p.stages[k-1].r == 1 {
		p.stages = append(p.stages[:k-2], stage64{stage32: stage32{ls: n / 16, r: 0}})
	}
	if batch == 1 && n < segMinLen64 {
		fuseRadix16of64(p, l)
	}
	// Longer: only the two stages before the tail fused (R = 16), their
	// output segmented. Fused unsegmented (the earlier rule, pairs from
	// the front) at 8192: 19967–21093 against the radix-4 stages'
	// 18180–18346 ns, and no gain from 4096 to 65536 however the pairs
	// were chosen: the pass's 32 streams a power of two apart cost what
	// the saved pass did.
	if k := len(p.stages); batch == 1 && n >= segMinLen64 && k >= 3 && p.stages[k-1].r == 0 {
		a, b := p.stages[k-3], p.stages[k-2]
		if a.ls > 1 && a.ls == n/256 && b.ls == 4*a.ls && asm.FFT64Radix16Supported(l, a.ls, 16) {
			p.stages = append(p.stages[:k-3], stage64{stage32: stage32{ls: a.ls, r: 16}, r16: true}, p.stages[k-1])
		}
	}
	if k := len(p.stages); batch == 1 && n >= segMinLen64 && k >= 2 && p.stages[k-1].r == 0 && p.stages[k-2].r16 && (n/16)%64 == 0 {
		p.pad = segPad64
	}
	if batch == 1 && n >= radix8FrontMinLen64 && n <= radix8FrontMaxLen64 && asm.FFT64Radix8Supported(l, 8, n/64) && asm.FFT64Radix8LastSupported(l, n/8) {
		radix8Front64(p, l)
	}
	total := 0
	for i := range p.stages {
		s := &p.stages[i]
		s.off = total
		switch {
		case s.r8 && s.r == 1:
			s.len = asm.FFT64Radix8LastTwiddleLen(s.ls)
		case s.r8:
			s.len = asm.FFT64Radix8TwiddleLen(s.ls, s.r)
		case s.r16:
			s.len = asm.FFT64Radix16TwiddleLen(s.ls)
		case s.r == 0:
			s.len = asm.FFT64Tail16TwiddleLen(n)
		case s.ls > 1 || s.r < v:
			s.len = asm.FFT64Radix4TwiddleLen(l, s.ls, s.r)
		}
		total += s.len
	}
	p.tw = make([]float64, total)
	if roots.q == nil {
		roots = newRootTable32(n)
	}
	for _, s := range p.stages {
		if s.len == 0 {
			continue
		}
		if s.r == 0 {
			fillTail16of64(p.tw[s.off:s.off+s.len], n, asm.FFT64Values(l), roots)
			continue
		}
		if s.r16 {
			fillRadix16of64(p.tw[s.off:s.off+s.len], n, s.ls, roots)
			continue
		}
		if s.r8 && s.r == 1 {
			fillRadix8Last64(p.tw[s.off:s.off+s.len], n, roots)
			continue
		}
		if s.r8 {
			// Per j, for q = 1 … 7, Re and Im of ω_{8ls}^{qj}, each over
			// the four lanes of a vector.
			// Compact (asm.FFT64Radix8Compact): Re and Im once.
			tw, stride := p.tw[s.off:s.off+s.len], n/(8*s.ls)
			compact := asm.FFT64Radix8Compact(s.ls, s.r)
			for j := range s.ls {
				for q := 1; q < 8; q++ {
					c, si := roots.root(q * j * stride)
					if compact {
						tw[14*j+2*(q-1)], tw[14*j+2*(q-1)+1] = c, si
						continue
					}
					o := 56*j + 8*(q-1)
					for i := range 4 {
						tw[o+i], tw[o+4+i] = c, si
					}
				}
			}
			continue
		}
		tw := p.tw[s.off : s.off+s.len]
		stride := n / (4 * s.ls)
		if s.r >= v {
			for j := range s.ls {
				for q := 1; q < 4; q++ {
					tw[6*j+2*q-2], tw[6*j+2*q-1] = roots.root(q * j * stride)
				}
			}
			continue
		}
		// r = 1: per vector g of v values j = g·v + i, six vectors of 2v
		// float64 (Re w1, Im w1, …), each value over both lanes. One q at a
		// time, so that the roots run in order.
		// Compact (asm.FFT64Narrow1Compact): per vector g, three vectors of
		// plain complex128, w_q of its j in vector q−1.
		lv := bits.TrailingZeros(uint(v))
		compact := asm.FFT64Narrow1Compact(l, s.ls)
		for q := 1; q < 4; q++ {
			for j := range s.ls {
				c, si := roots.root(q * j * stride)
				if compact {
					o := j>>lv*6*v + (q-1)*2*v + 2*(j&(v-1))
					tw[o], tw[o+1] = c, si
					continue
				}
				o := j>>lv*12*v + (2*q-2)*2*v + 2*(j&(v-1))
				tw[o], tw[o+1], tw[o+2*v], tw[o+2*v+1] = c, c, si, si
			}
		}
	}
	if batch == 1 {
		p.small = asm.NewFFT64SmallKernel(l, n) // nil where the level has none of length n
		k := len(p.stages)
		p.three = p.small == nil && p.pad == 0 && p.pad8 == 0 && !p.radix2 &&
			(p.radix8 && k == 2 || !p.radix8 && k == 3 && p.stages[0].r16 && p.stages[0].ls == 1) &&
			!p.stages[k-2].r16 && p.stages[k-1].r <= 1
		p.oneY = oneY64(p)
	}
	return p
}

// fuseRadix16of64 replaces pairs of consecutive wide radix-4 stages of sp
// (not the fused tail) by fused radix-16 passes where level l has them,
// the first two stages by asm.FFT64Radix16First, which carries an
// inverse's 1/n. n = 1024 at AVX-512 runs that first pass, a radix-4
// stage and the tail instead of the radix-4 first stage, the radix-16
// pass and the tail: the radix-4 first stage is bound by its stores, the
// later passes by their arithmetic, and the first pass takes the
// arithmetic of half a pass into units the radix-4 stage left idle.
// Interleaved A/B of go test -c binaries (FFTWInterleaved, AVX-512, four
// rounds), ours-ns: c128 1024 1184–1216 against 1263–1303, r64 2048
// 1495–1510 against 1602–1622.
func fuseRadix16of64(sp *stockham64, l asm.Level) {
	st := sp.stages
	out := st[:0]
	for i := 0; i < len(st); i++ {
		a := st[i]
		if i == 0 && len(st) >= 3 && a.ls == 1 && a.r > 0 && st[1].r > 0 && asm.FFT64Radix16FirstSupported(l, sp.n) {
			out = append(out, stage64{stage32: stage32{ls: 1, r: a.r / 4}, r16: true})
			i++
			continue
		}
		if i+1 < len(st) && a.ls > 1 && a.r > 0 && st[i+1].r > 0 && asm.FFT64Radix16Supported(l, a.ls, a.r/4) {
			a = stage64{stage32: stage32{ls: a.ls, r: a.r / 4}, r16: true}
			i++
		}
		out = append(out, a)
	}
	sp.stages = out
}

// radix8SegMinLen64 is the shortest radix8Front64 plan whose stages
// write their output segmented for the next (pad8, runSeg8of64): from n
// = 2048, where the eight output streams of a radix-8 stage, n/8 values
// apart, are a multiple of 4 KB apart and share the L1 sets. (Measured
// when radix 8 ran only in the middle: at 1024 segmenting lost,
// 1592–1597 against 1555–1564 ns; at 2048 and 4096 it won, 3825–3877
// against 3912–3922 and 7411–7455 against 7679–7701 ns. With
// radix8Front64's 8, 8, 4, 4 at 1024 it lost again: 1618–1657 against
// 1436–1445 ns.)
const radix8SegMinLen64 = 1 << 11

// radix8FrontMinLen64 and radix8FrontMaxLen64 bound the complex128
// plans that start with radix-8 stages whatever the parity of log2 n
// (radix8Front64) where the level has them (AVX2): a radix-8 first
// stage, radix-8 stages, then radix-4 ones, one or two passes fewer than
// the radix-2 or radix-4 first stage and radix-4 stages (or the radix-8
// middle stages of n = 1024 … 4096) they replace: n = 256 runs radix 8,
// 8, 4 instead of 4, 4 and the fused tail (as many passes;
// runStockham64 alone, src and dst page-aligned, 243 against 262 ns); n =
// 512 runs radix 8, 8, 8 (the last asm.FFT64Radix8Last) instead of 8, 4, 4, 4; 1024 8, 8,
// 4, 4 instead of 4, 8, 8, 4; 2048 8, 8, 8, 4 instead of 2, 8, 8, 4, 4;
// 4096 8, 8, 4, 4, 4 instead of 4, 8, 8, 4, 4; 8192 8, 8, 8, 4, 4
// instead of 2 and six radix-4 stages; 65536 8, 8, 8, 8, 4, 4 instead of
// eight radix-4 stages. Interleaved A/B of go test -c binaries
// (FFTWInterleaved, AVX2, best of 200 batches, three or four rounds),
// ours-ns: c128 n = 256 267–269 against 4, 4, tail's 288 (r64 512
// 350–356 against 371–373; a fourth round of each, disturbed, 285 and
// 288, 407 and 373), 512 606–618 against 625–638, 1024 1438–1459 against
// 1557–1586, 2048 3229–3234 against 3815–3827, 4096 7114–7153 against
// 7412–7434, 8192 14971–15087 against 17664–17761, 16384 36172–36855
// against 36898–37292, 32768 82069–82396 against 93589–94798, 65536
// 175260–177664 against 198855–201910; r64 (half that length) 1024
// 753–760 against 790–804, 2048 1764–1786 against 1866–1890, 4096
// 3876–3880 against 4459–4465, 8192 8408–8486 against 8724–8842, 16384
// 17927–18160 against 20404–20544, 65536 93299–93770 against
// 106147–106388. Longer plans were not measured.
//
// Tried and lost: 256 as 4, 8, 8 (the last asm.FFT64Radix8Last; 259
// against 8, 8, 4's 243 ns, runStockham64 alone, four rounds) and as 8,
// 4, 8 (241–264, no better); 512 as 4, 8, tail (609–639 against 8, 8, 8's
// 573–584 ns); 1024 as 2, 8, 8, 8 (1640–1646 against 1557–1566 ns)
// and 2048 as 4, 8, 8, 8 (3916–3946 against 3829–3847 ns), the radix-8
// last stage's eight output streams n/8 values (4 KB) apart costing it
// 1.65 µs against radix 4's 0.78 (stage alone, whatever the buffers'
// placement), hence radix 4 last from n = 2048 (4096 and 32768 end
// with three radix-4 stages); 2048 as 8, 8, 8, 4 without seg8Buffers
// (4097–4168 against 3851–3958 ns). The radix-8 pass does as many
// operations per level as radix 4 and both are bound by them in L1 (n =
// 512: 219 and 153 ns a pass, for three levels and two), so radix 8
// pays where it saves a pass and its streams stay clear of each other's
// L1 sets.
//
// Also tried and lost, with an AVX2 radix-16 first pass (the two radix-4
// stages of ls = 1 fused, as asm.FFT64Radix16First at AVX-512, stage A's
// outputs of s = 2, 3 spilled to the frame as fft64Tail16Y does; alone
// 97 ns at n = 256, 203 at 512, 409 at 1024, against the radix-8 first
// stage's 61, 118 and 242 for one level fewer): 256 as 16, tail
// (Plan64.Forward 264–268 against 8, 8, 4's 264–267 ns, its buffer 2 KB
// past src's page offset; at the same offset the pass alone took 445
// ns), 512 as 16, 4, 8 and 16, 8, 4 (626 and 649 against 596 ns,
// FFTWInterleaved), 1024 as 16, 4, tail (1419–1454 against 1375–1378)
// and 16, 8, 8 (10% slower). Every plan of n = 256 and 512 summed to
// about the same stage time: the passes cost per level what FFTW's do.
const (
	radix8FrontMinLen64 = 1 << 8
	radix8FrontMaxLen64 = 1 << 16
)

// radix8Front64 replaces the stages of sp (batch 1) by the radix-8 first
// stage and, log2(n/8) = 3a + 2b with b the fewest (but 3, not 0, above
// n = 512: only 512 ends with the radix-8 last stage), a radix-8 stages
// then b radix-4 ones, the last stage (R = 1) radix 8
// (asm.FFT64Radix8Last) when b = 0, the last two radix 4 fused
// (asm.FFT64Tail16) at n = 1024.
func radix8Front64(sp *stockham64, l asm.Level) {
	n := sp.n
	sp.radix2, sp.radix8, sp.pad, sp.pad8 = false, true, 0, 0
	k := bits.TrailingZeros(uint(n)) - 3
	b := [3]int{0, 2, 1}[k%3]
	if b == 0 && n > 512 {
		b = 3
	}
	a := (k - 2*b) / 3
	var st []stage64
	ls := 8
	for range a {
		st = append(st, stage64{stage32: stage32{ls: ls, r: n / (8 * ls)}, r8: true})
		ls *= 8
	}
	for range b {
		st = append(st, stage64{stage32: stage32{ls: ls, r: n / (4 * ls)}})
		ls *= 4
	}
	// The last two radix-4 stages (r = 4, then r = 1) as one radix-16
	// pass (asm.FFT64Tail16), r = 0 marking it: n = 1024 runs 8, 8,
	// tail instead of 8, 8, 4, 4. Interleaved A/B of go test -c binaries
	// (FFTWInterleaved, AVX2, three rounds), ours-ns: c128 1024
	// 1358–1392 against 1430–1456, r64 2048 1672–1687 against 1774–1783;
	// the tail's table compact (asm.FFT64Tail16Compact) 1379–1399. Tried
	// and lost: 512 as 8, 4, tail (603–608 against 8, 8, 8's 587–594 ns).
	// The segmented plans from radix8SegMinLen64 keep their stages.
	if k := len(st); n < radix8SegMinLen64 && k >= 2 && b >= 2 && asm.FFT64Tail16Supported(l, n) {
		st = append(st[:k-2], stage64{stage32: stage32{ls: n / 16, r: 0}})
	}
	sp.stages = st
	if n >= radix8SegMinLen64 {
		sp.pad8 = seg8Pad64
	}
}

// fillRadix8Last64 fills asm.FFT64Radix8Last's table of length n: per
// pair of j, for q = 1 … 7, ω_n^{qj} as that function lays it out.
func fillRadix8Last64(tw []float64, n int, roots rootTable32) {
	compact := asm.FFT64Radix8LastCompact(n / 8)
	for q := 1; q < 8; q++ { // one q at a time, so that the roots run in order
		for j := range n / 8 {
			c, s := roots.root(q * j)
			g, i := j/2, j%2
			if compact {
				o := 28*g + 4*(q-1) + 2*i
				tw[o], tw[o+1] = c, s
				continue
			}
			o := 56*g + 8*(q-1) + 2*i
			tw[o], tw[o+1], tw[o+4], tw[o+5] = c, c, s, s
		}
	}
}

// fillRadix16of64 fills asm.FFT64Radix16's table of the stages ls and
// 4·ls of length n: per j, stage A's roots q·j·n/(4ls), then for each s
// stage B's roots q·(j + s·ls)·n/(16ls).
func fillRadix16of64(tw []float64, n, ls int, roots rootTable32) {
	strideA, strideB := n/(4*ls), n/(16*ls)
	for j := range ls {
		blk := tw[30*j : 30*j+30]
		for q := 1; q < 4; q++ {
			blk[2*q-2], blk[2*q-1] = roots.root(q * j * strideA)
			for s := range 4 {
				blk[6+6*s+2*q-2], blk[6+6*s+2*q-1] = roots.root(q * (j + s*ls) * strideB)
			}
		}
	}
}

// fillTail16of64 is fillTail16 for asm.FFT64Tail16: float64 twiddles, v
// values per vector, duplicated over a value's two lanes or compact as
// asm.FFT64Tail16Compact says.
func fillTail16of64(tw []float64, n, v int, roots rootTable32) {
	m := n / 16
	compact := asm.FFT64Tail16Compact(n)
	// Twiddle p of value j, in j's block of 15 twiddles: compact, Re and
	// Im at 2(j%v) of vector p; else Re at 2(j%v) and 2(j%v)+1 of vector
	// 2p, Im likewise of vector 2p+1. One p at a time, so that the roots
	// run in order.
	fill := func(p, mul, add int) {
		for j := range m {
			c, s := roots.root(mul * (j + add))
			if compact {
				o := j/v*15*2*v + p*2*v + 2*(j%v)
				tw[o], tw[o+1] = c, s
				continue
			}
			o := j/v*30*2*v + p*4*v + 2*(j%v)
			tw[o], tw[o+1], tw[o+2*v], tw[o+2*v+1] = c, c, s, s
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

// runStockham64 is runStockham32 for complex128 (scale: end with the 1/n).
// Its work buffer is not placed against 4 KB aliasing as Plan32's is
// (stockhamWork): the AVX2 plans of n = 256, 512 and 1024 alone, src and
// dst page-aligned, ran within the noise (1–2%) with work 0, 512, … 3584
// bytes past a page (243–250, 549–571, 1286–1315 ns).
func runStockham64(sp *stockham64, dst, src, work []complex128, inverse, scale bool) {
	l := sp.level
	if sp.small != nil && (inverse || !scale) {
		s := 1.0
		if scale {
			s = 1 / float64(sp.n) // exact: n is a power of two
		}
		sp.small.Run(dst, src, inverse, s)
		return
	}
	if sp.pad8 > 0 {
		runSeg8of64(sp, dst, src, work, inverse, scale)
		return
	}
	if sp.firstApart() {
		runFirstApart64(sp, dst, src, work, inverse, scale)
		return
	}
	stages := len(sp.stages)
	if sp.radix2 || sp.radix8 {
		stages++
	}
	// The segmented buffer of sp.pad (batch 1) is all of work; the other
	// stages take its first n values.
	full := work
	if sp.pad > 0 {
		work = work[:sp.n]
	}
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
	s := 1.0
	if scale {
		s = 1 / float64(sp.n)
	}
	switch {
	case sp.radix8:
		asm.FFT64Radix8First(l, out, in, s, inverse)
		next()
		s = 1
	case sp.radix2:
		asm.FFT64Radix2First(l, out, in, s)
		next()
		s = 1
	}
	pad := 0 // of in
	// Stages go by pointer: copying each out of the slice stalled the
	// loop (perf, n = 512: 4% of the transform in runStockham64, most on
	// the copy), as stockham32.runStage found.
	for i := range sp.stages {
		st := &sp.stages[i]
		if st.r == 0 {
			asm.FFT64Tail16Seg(l, out, in, sp.tw[st.off:st.off+st.len], pad, inverse)
			next()
			continue
		}
		if st.r8 && st.r == 1 {
			asm.FFT64Radix8Last(l, out, in, sp.tw[st.off:st.off+st.len], 0, inverse)
			next()
			continue
		}
		if st.r8 {
			asm.FFT64Radix8(l, out, in, sp.tw[st.off:st.off+st.len], st.ls, inverse)
			next()
			continue
		}
		if st.r16 && st.ls == 1 {
			asm.FFT64Radix16First(l, out, in, sp.tw[st.off:st.off+st.len], s, inverse)
			next()
			s = 1
			continue
		}
		if st.r16 {
			if sp.pad > 0 && i == len(sp.stages)-2 && unsafe.SliceData(out) == unsafe.SliceData(full) {
				asm.FFT64Radix16Seg(l, full, in, sp.tw[st.off:st.off+st.len], st.ls, sp.pad, inverse)
				next()
				in, pad = full, sp.pad
				continue
			}
			asm.FFT64Radix16(l, out, in, sp.tw[st.off:st.off+st.len], st.ls, inverse)
			next()
			continue
		}
		ss := 1.0
		if st.ls == 1 && st.r >= asm.FFT64Values(l) {
			ss, s = s, 1
		}
		asm.FFT64Radix4(l, out, in, sp.tw[st.off:st.off+st.len], st.ls, inverse, ss)
		next()
	}
	if s != 1 {
		asm.FFT64Scale(l, dst, s)
	}
}

// runThree64 runs a plan of three passes (stockham64.three) out of place
// (dst is not src), its kernels called straight: the first from src to
// dst (with an inverse's 1/n), the second to work (n values), the third
// back to dst.
func runThree64(sp *stockham64, dst, src, work []complex128, inverse bool) {
	l, st := sp.level, sp.stages
	s := 1.0
	if inverse {
		s = 1 / float64(sp.n) // exact: n is a power of two
	}
	if sp.radix8 {
		asm.FFT64Radix8First(l, dst, src, s, inverse)
	} else {
		asm.FFT64Radix16First(l, dst, src, sp.tw[st[0].off:st[0].off+st[0].len], s, inverse)
		st = st[1:]
	}
	a, b := &st[0], &st[1]
	tw := sp.tw[a.off : a.off+a.len]
	switch {
	case a.r8:
		asm.FFT64Radix8(l, work, dst, tw, a.ls, inverse)
	default:
		asm.FFT64Radix4(l, work, dst, tw, a.ls, inverse, 1)
	}
	tw = sp.tw[b.off : b.off+b.len]
	switch {
	case b.r == 0:
		asm.FFT64Tail16Seg(l, dst, work, tw, 0, inverse)
	case b.r8: // R = 1
		asm.FFT64Radix8Last(l, dst, work, tw, 0, inverse)
	default:
		asm.FFT64Radix4(l, dst, work, tw, b.ls, inverse, 1)
	}
}

// firstApart reports whether runStockham64 runs sp by runFirstApart64.
func (sp *stockham64) firstApart() bool {
	return sp.radix8 && sp.pad > 0
}

// runFirstApart64 is runStockham64 for a plan of a radix-8 first stage
// and a segmented radix-16 pass before the tail (AVX-512): the first
// stage writes a buffer of its own placed 2 KB after src modulo 4 KB
// (seg8Buffers), the radix-4 stages between ping-pong between it and
// dst, the radix-16 pass writes the segmented buffer, the tail dst. The
// radix-8 stage of n = 2048 alone (AVX-512) took 1188 ns with its output
// at the same offset modulo 4 KB as its input (as src and dst often are:
// both page-aligned), 629–644 ns 1, 2 or 3 KB after.
func runFirstApart64(sp *stockham64, dst, src, work []complex128, inverse, scale bool) {
	l, n := sp.level, sp.n
	full := work[:n+16*sp.pad]
	rest := work[len(full):]
	o := halfPageAfter(rest, src)
	a := rest[o : o+n]
	s := 1.0
	if scale {
		s = 1 / float64(n) // exact: n is a power of two
	}
	asm.FFT64Radix8First(l, a, src, s, inverse)
	in, other := a, dst
	k := len(sp.stages)
	for i := range k - 2 {
		st := &sp.stages[i]
		asm.FFT64Radix4(l, other, in, sp.tw[st.off:st.off+st.len], st.ls, inverse, 1)
		in, other = other, in
	}
	st := &sp.stages[k-2]
	asm.FFT64Radix16Seg(l, full, in, sp.tw[st.off:st.off+st.len], st.ls, sp.pad, inverse)
	st = &sp.stages[k-1]
	asm.FFT64Tail16Seg(l, dst, full, sp.tw[st.off:st.off+st.len], sp.pad, inverse)
}

// runSeg8of64 is runStockham64 for a plan of pad8 > 0: work holds two
// buffers of n values and 8·pad8 of padding, the stages ping-pong between
// them from src, the last writing dst. A radix-8 stage writes its output
// segmented when the next stage, radix 8 or a wide radix 4 (ls ≥ 8),
// reads it so: the radix-4 one by a call per segment.
func runSeg8of64(sp *stockham64, dst, src, work []complex128, inverse, scale bool) {
	l, n, pad := sp.level, sp.n, sp.pad8
	size := n + 8*pad
	bufs := seg8Buffers(work, size, src)
	b := 0
	s := 1.0
	if scale {
		s = 1 / float64(n) // exact: n is a power of two
	}
	next := func(last bool) []complex128 {
		if last {
			return dst
		}
		o := bufs[b]
		b ^= 1
		return o
	}
	in, inPad := src, 0
	v := asm.FFT64Values(l)
	switch {
	case sp.radix8 && segmentedInput64(&sp.stages[0], v):
		out := next(false)
		asm.FFT64Radix8FirstSeg(l, out, in, s, pad, inverse)
		in, inPad, s = out, pad, 1
	case sp.radix8:
		out := next(false)[:n]
		asm.FFT64Radix8First(l, out, in, s, inverse)
		in, s = out, 1
	case sp.radix2:
		out := next(false)[:n]
		asm.FFT64Radix2First(l, out, in, s)
		in, s = out, 1
	}
	for i := range sp.stages {
		st := &sp.stages[i] // by pointer, as in runStockham64
		last := i == len(sp.stages)-1
		out := next(last)
		tw := sp.tw[st.off : st.off+st.len]
		switch {
		case st.r == 1 && inPad > 0:
			asm.FFT64Radix4LastSeg(l, out[:n], in, tw, inPad, inverse)
			in, inPad = out[:n], 0
		case st.r8:
			outPad := 0
			if nx := i + 1; nx < len(sp.stages) && segmentedInput64(&sp.stages[nx], v) {
				outPad = pad
			}
			asm.FFT64Radix8Seg(l, out, in, tw, n, st.ls, inPad, outPad, inverse)
			in, inPad = out, outPad
		case inPad > 0:
			r, per, seg := n/(4*st.ls), st.ls/8, n/8
			lay := asm.FFTStageLayout{Rows: 1, Width: r, JIn: 4 * r, QIn: r, RowIn: r, JOut: r, SOut: st.ls * r, RowOut: r}
			for g := range 8 {
				j0 := g * per
				asm.FFT64Radix4Strided(l, out[j0*r:n], in[g*(seg+inPad):], tw[6*j0:], per, lay, inverse, 1)
			}
			in, inPad = out[:n], 0
		default:
			ss := 1.0
			if st.ls == 1 && st.r >= v {
				ss, s = s, 1
			}
			asm.FFT64Radix4(l, out[:n], in[:n], tw, st.ls, inverse, ss)
			in = out[:n]
		}
	}
	if s != 1 {
		asm.FFT64Scale(l, dst, s)
	}
}

// segmentedInput64 reports whether runSeg8of64 runs st reading a
// segmented input (segments of n/8 values, each holding the inputs of
// whole j): a radix-8 or wide radix-4 stage of ls a multiple of 8, or
// the radix-4 last stage (R = 1) when each segment holds whole vectors
// of j (v per vector).
func segmentedInput64(st *stage64, v int) bool {
	switch {
	case st.r8:
		return st.ls%8 == 0
	case st.r == 1:
		return st.ls >= 8*v && st.ls%(8*v) == 0
	}
	return st.r >= v && st.ls%8 == 0
}

// seg8Slack is the room, in values, that runSeg8of64's work buffer holds
// beyond its two buffers to place them (seg8Buffers).
const seg8Slack = 4096 / 16

// seg8Buffers returns runSeg8of64's two buffers of size values in work,
// the first starting 2 KB after src modulo 4 KB, the second right after
// it. A pass whose output starts within a few hundred bytes of its input
// modulo 4 KB runs its loads into the 4 KB aliases of its recent stores
// and the two streams' lines into the same L1 sets: the radix-8 first
// stage of n = 2048 alone (AVX2) took 1.28–1.69 µs with src and out both
// 4 KB-aligned, 0.59–0.66 µs with out 1 or 2 KB after src (3 KB after
// cost the later passes 15–30%). The pool's buffers and the callers' are
// page-aligned as often as not. Interleaved A/B (FFTWInterleaved, AVX2,
// three rounds), ours-ns: c128 n = 2048 3229–3234 against 3303–3306 with
// the placement for the radix-8 plans only, 3268–3297 with the second
// buffer also 2 KB after the first (4096 then 7544–7668 against
// 7392–7422); r64 4096 3876–3880 against 3912–3948 and 3934–3939.
// With seg8Pad64 the second buffer starts 1 KB after the first modulo 4
// KB; 3 KB after it (four rounds, ours-ns min) moved c128 2048 3159 →
// 3135 but 4096 7016 → 7058 and r64 8192 8312 → 8343: not taken.
func seg8Buffers(work []complex128, size int, src []complex128) [2][]complex128 {
	a := halfPageAfter(work, src)
	return [2][]complex128{work[a : a+size], work[a+size : a+2*size]}
}

// halfPageAfter returns the index in work, below seg8Slack, of the first
// value 2 KB after src modulo 4 KB.
func halfPageAfter(work, src []complex128) int {
	const page, half, b = 4096, 2048, 16 // b: bytes per value
	w := uintptr(unsafe.Pointer(unsafe.SliceData(work)))
	return int((uintptr(unsafe.Pointer(unsafe.SliceData(src)))+half-w)%page) / b
}

// realStockham64 is realStockham32 for float64: the complex128 plan of the
// half length h and the tables of asm.FFT64RealPass.
type realStockham64 struct {
	h    int
	cplx *stockham64 // the complex FFT of length h, or
	fs   *fourStep64 // its four-step plan when h is that long
	tw   []float64   // t_k = −i·ω_n^k/2, both directions
}

// transform runs the complex FFT of length h of rp, the inverse with its
// 1/h (on the first stage).
func (rp *realStockham64) transform(dst, src, work []complex128, inverse bool) {
	switch {
	case rp.fs != nil:
		runFourStep64(rp.fs, dst, src, work, inverse, inverse)
	case rp.cplx.oneY:
		runOneY64(rp.cplx, dst, src, inverse)
	case rp.cplx.three && unsafe.SliceData(dst) != unsafe.SliceData(src):
		runThree64(rp.cplx, dst, src, work, inverse)
	default:
		runStockham64(rp.cplx, dst, src, work, inverse, inverse)
	}
}

// workLen is the work length transform needs.
func (rp *realStockham64) workLen() int {
	if rp.fs != nil {
		return rp.fs.scratchLen()
	}
	return rp.cplx.workLen()
}

// fourStepTwiddles returns the four-step twiddle matrix rp uses, or nil.
func (rp *realStockham64) fourStepTwiddles() []complex128 {
	if rp == nil || rp.fs == nil {
		return nil
	}
	return rp.fs.tw
}

// newRealStockham64 returns the plan of the float64 real FFT of length n
// at level l, or nil; fourStepTw as newFourStep64's tw.
func newRealStockham64(n int, l asm.Level, fourStepTw []complex128) *realStockham64 {
	h := n / 2
	if n%2 != 0 || !asm.FFT64RealPassSupported(l, h) {
		return nil
	}
	var cplx *stockham64
	roots := newRootTable32(n) // the half-length plan's roots are every other one
	fs := newFourStep64(h, l, fourStepTw)
	if fs == nil {
		if h < stockhamMinLen {
			return nil
		}
		if cplx = newStockham64Roots(h, 1, l, roots.divided(2)); cplx == nil {
			return nil
		}
	}
	p := &realStockham64{h: h, cplx: cplx, fs: fs, tw: make([]float64, asm.FFT64RealPassTwiddleLen(h))}
	v := asm.FFT64Values(l)
	for g := range h / 2 / v {
		blk := p.tw[g*4*v : (g+1)*4*v]
		for i := range v {
			c, s := roots.root(1 + g*v + i)
			re, im := s/2, -c/2 // −i·(c + i·s)/2
			blk[2*i], blk[2*i+1] = re, re
			blk[2*v+2*i], blk[2*v+2*i+1] = im, im
		}
	}
	return p
}

// realForward64 runs a validated float64 real FFT: for even n with a
// Stockham plan of n/2 at level l, the complex FFT of src read as
// complex128 and asm.FFT64RealPass; otherwise package generic.
func realForward64(l asm.Level, p *RealPlan64, dst []complex128, src []float64, s *scratch) {
	rp := p.stockham(l)
	if rp == nil {
		if p.half.runsAt(l) {
			realForwardHalf64(l, p.half, dst, src, s)
			return
		}
		realForwardGeneric(p, dst, src, s)
		return
	}
	realForward64Into(l, rp, dst, src, s.complex128s(rp.workLen()))
}

// realForward64Into is realForward64's work on rp with the work buffer of
// rp.transform given. The half-length spectrum goes straight into dst and
// the pass runs in place: one buffer of h values fewer to keep in cache.
func realForward64Into(l asm.Level, rp *realStockham64, dst []complex128, src []float64, work []complex128) {
	h := rp.h
	z := dst[:h]
	// A whole-transform kernel straight from here, not through
	// rp.transform and runStockham64: two calls fewer, 2–4% of n = 64 …
	// 256 (interleaved A/B of go test -c binaries, FFTWInterleaved, AVX2,
	// four rounds: r64 64 53.6–53.8 against 55.6–55.7 ns, 128 79.2–80.9
	// against 82.3–82.6, 256 146.7–147.8 against 149.2–151.5).
	if rp.cplx != nil && rp.cplx.small != nil {
		rp.cplx.small.Run(z, asComplex128(src), false, 1)
	} else {
		rp.transform(z, asComplex128(src), work, false)
	}
	re, im := real(z[0]), imag(z[0])
	asm.FFT64RealPass(l, z, z, rp.tw, h, false, 0.5)
	dst[0], dst[h] = complex(re+im, 0), complex(re-im, 0)
}

// realForward64Short runs realForward64 without the scratch pool when the
// half-length FFT is one whole-transform kernel call, which needs no work
// buffer; it reports false when it did not.
func realForward64Short(l asm.Level, p *RealPlan64, dst []complex128, src []float64) bool {
	rp := p.stockham(l)
	if rp == nil || rp.cplx == nil || rp.cplx.small == nil {
		return false
	}
	realForward64Into(l, rp, dst, src, nil)
	return true
}

// realInverse64 runs a validated float64 inverse real FFT, the 1/n split
// as in realInverse32.
func realInverse64(l asm.Level, p *RealPlan64, dst []float64, src []complex128, s *scratch) {
	rp := p.stockham(l)
	if rp == nil {
		if p.half.runsAt(l) {
			realInverseHalf64(l, p.half, dst, src, s)
			return
		}
		realInverseGeneric(p, dst, src, s)
		return
	}
	h := rp.h
	buf := s.complex128s(h + rp.workLen())
	z := buf[:h]
	asm.FFT64RealPass(l, z, src, rp.tw, h, true, 0.5)
	x0, xh := real(src[0]), real(src[h])
	z[0] = complex((x0+xh)*0.5, (x0-xh)*0.5)
	rp.transform(asComplex128(dst), z, buf[h:], true)
}

// asComplex128 reads the even-length x as len(x)/2 complex128 values.
func asComplex128(x []float64) []complex128 {
	return unsafe.Slice((*complex128)(unsafe.Pointer(unsafe.SliceData(x))), len(x)/2)
}

// fourStep64 is fourStep32 for complex128 (Plan64 from fourStepMinLen).
type fourStep64 struct {
	n, n1, n2, b int
	tStride      int
	col, row     *stockham64
	tw           []complex128 // as fourStep32.tw
}

// newFourStep64 returns the four-step plan of length n at level l, or nil;
// tw as for newFourStep32.
func newFourStep64(n int, l asm.Level, tw []complex128) *fourStep64 {
	if n < fourStepMinLen(l) {
		return nil
	}
	return newFourStep64Any(n, l, tw)
}

// newFourStep64Any is newFourStep64 without the length threshold (tests).
func newFourStep64Any(n int, l asm.Level, tw []complex128) *fourStep64 {
	if n&(n-1) != 0 || !hasStockham32(l) {
		return nil
	}
	lg := bits.TrailingZeros(uint(n))
	n1 := 1 << (lg / 4 * 2)
	// 16 complex128 per row of a block: four cache lines, as 32 complex64.
	p := &fourStep64{n: n, n1: n1, n2: n / n1, b: min(16, n1), tStride: n1 + 4}
	// One root table of n serves the twiddle matrix and both FFTs (their
	// roots are every n/n1-th and n/n2-th) when this plan builds the
	// matrix; else the FFTs build their own, shorter tables.
	twLen := n/p.b + p.b*n1
	var roots, colRoots, rowRoots rootTable32
	if len(tw) != twLen {
		roots = newRootTable32(n)
		colRoots, rowRoots = roots.divided(n/p.n1), roots.divided(n/p.n2)
	}
	p.col = newStockham64Roots(p.n1, p.b, l, colRoots)
	p.row = newStockham64Roots(p.n2, p.b, l, rowRoots)
	if p.col == nil || p.row == nil || p.col.radix2 {
		return nil
	}
	b := p.b
	if len(tw) == twLen {
		p.tw = tw
		return p
	}
	p.tw = make([]complex128, twLen)
	for blk := range p.n2 / b {
		row := p.tw[blk*n1 : (blk+1)*n1]
		for k1 := range row {
			row[k1] = complex(roots.root(blk * b * k1))
		}
	}
	shared := p.tw[p.n2/b*n1:]
	for c := range b {
		row := shared[c*n1 : (c+1)*n1]
		for k1 := range row {
			row[k1] = complex(roots.root(c * k1))
		}
	}
	return p
}

// scratchLen is the complex128 work length of a call: T and two blocks.
func (p *fourStep64) scratchLen() int { return p.n2*p.tStride + 2*p.n2*p.b }

// twiddles returns the twiddle matrix of fs, or nil.
func (fs *fourStep64) twiddles() []complex128 {
	if fs == nil {
		return nil
	}
	return fs.tw
}

// runFourStep64 is runFourStep32 for complex128.
func runFourStep64(fs *fourStep64, dst, src, work []complex128, inverse, scale bool) {
	l, n1, n2, b := fs.col.level, fs.n1, fs.n2, fs.b
	ts := fs.tStride
	t := work[:n2*ts]
	blk := work[n2*ts:]
	blkA, blkB := blk[:n2*b], blk[n2*b:2*n2*b]
	sc := 1.0
	if scale {
		sc = 1 / float64(fs.n)
	}
	for c0 := 0; c0 < n2; c0 += b {
		cur, other := blkA[:n1*b], blkB[:n1*b]
		asm.FFT64Radix4Strided(fs.col.level, cur, src[c0:], nil, 1, stripeIn(n1, b, n2), inverse, sc)
		cur = runStages64(fs.col, fs.col.stages[1:], cur, other, inverse)
		asm.FFT64TransposeTwiddle(l, t[c0*ts:], cur, fs.tw[c0/b*n1:], fs.tw[n2/b*n1:], n1, b, ts, inverse)
	}
	row := fs.row
	for c0 := 0; c0 < n1; c0 += b {
		cur, other := blkA[:n2*b], blkB[:n2*b]
		stages := row.stages
		if row.radix2 {
			asm.FFT64CopyRows(l, other, t[c0:], n2, b, b, ts)
			asm.FFT64Radix2First(l, cur, other, 1)
		} else {
			asm.FFT64Radix4Strided(l, cur, t[c0:], nil, 1, stripeIn(n2, b, ts), inverse, 1)
			stages = stages[1:]
		}
		last := stages[len(stages)-1]
		cur = runStages64(row, stages[:len(stages)-1], cur, other, inverse)
		asm.FFT64Radix4Strided(l, dst[c0:], cur, row.tw[last.off:last.off+last.len], last.ls, stripeOut(n2, b, n1), inverse, 1)
	}
}

// runStages64 is runStages for complex128.
func runStages64(sp *stockham64, stages []stage64, cur, other []complex128, inverse bool) []complex128 {
	for _, st := range stages {
		asm.FFT64Radix4(sp.level, other, cur, sp.tw[st.off:st.off+st.len], st.ls, inverse, 1)
		cur, other = other, cur
	}
	return cur
}
