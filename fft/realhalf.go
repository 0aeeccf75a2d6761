package fft

import (
	"math"
	"slices"
	"sync/atomic"
	"unsafe"

	"github.com/ssmkern/ssmkern/asm"
)

// The real plans of a length n that is not a power of two, at the levels
// with vector kernels: the complex plan of the half length h = n/2 (even
// n) or of n itself (odd n, its input widened to complex), which runs the
// mixed-radix stages (h or n = 2^a·3^b·5^c from realHalfMixedMinLen, at the
// levels with them: mixed_simd.go) or Bluestein's algorithm on the
// power-of-two kernels (bluestein32, bluestein64), and a pass
// between the two spectra (the half-length trick of package generic's
// RealFFTPlan, with the same twiddles ω_n^k from exact angles). The pass
// is one O(n) loop in Go, or at AVX2 and AVX-512 for even h mostly
// asm.FFTRealPass (realPass32, realPass64): that kernel needs h/2 a
// multiple of the vector's values, which these h seldom are, but it
// pairs bins k and h−k the same on the slices from d with the half
// length h − 2d, so that it takes the bins d+1 … h/2 and Go the d < V
// below. The forward pass alone (a throwaway benchmark, best of three
// runs of 20000 calls), Go → vector: n = 1000 592 → 73 ns at AVX-512,
// 627 → 79 at AVX2; 3000 1776 → 327; 10000 6038 → 1113 (AVX-512). The
// whole forward with the mixed-radix kernels of branches mixk (7b98feb)
// and mixn (f033ca8) built in beside these plans (a throwaway tree;
// FFTWInterleaved, ours-ns, three interleaved rounds each way, Go pass →
// vector pass), AVX-512: r32 n = 60 124 → 114, 1000 944 → 442, 3000
// 2862 → 1470; r64 60 124 → 109, 1000 1110 → 721, 3000 3793 → 2691;
// AVX2: r32 60 130 → 112, 1000 970 → 477, 3000 3025 → 1615; r64 60 125
// → 109, 1000 1207 → 836, 3000 4097 → 2987.

// realHalf32 is RealPlan32's complex plan and pass table for such n.
type realHalf32 struct {
	n    int
	cplx *Plan32     // length h (even n) or n (odd n)
	tw   []complex64 // ω_n^k, k = 0 … h/2 (even n only)
	vec  levelKernels[*realPass32]

	// The direct path (forwardDirect, inverseDirect): at level, the
	// level current when the plan was made, where cplx runs the
	// mixed-radix plan mixed, the calls take mixed, the level's vector
	// pass vp and own (the complex length twice: buffer, then work)
	// straight, while one call at a time holds own (busy, as Plan32's),
	// instead of the scratch pool and the per-level look-ups of
	// realForward32, transform32 and the pass.
	level asm.Level
	mixed *mixed32
	vp    *realPass32
	own   []complex64
	busy  atomic.Uint32
}

// realHalf64 is realHalf32 for RealPlan64.
type realHalf64 struct {
	n    int
	cplx *Plan64
	tw   []complex128
	vec  levelKernels[*realPass64]

	level asm.Level // the direct path's, as realHalf32's
	mixed *mixed64
	vp    *realPass64
	own   []complex128
	busy  atomic.Uint32
}

// newRealHalf32 returns the float32 path of the real FFT of length n, or
// nil where RealPlan32 runs its Stockham plan (n a power of two) or
// package generic (the complex plan would at every level: neither the
// mixed-radix stages nor bluestein32).
func newRealHalf32(n int) (*realHalf32, error) {
	c := realHalfLen(n)
	if n&(n-1) == 0 || !useBluestein32(c) && !useRealHalfMixed(c) {
		return nil, nil
	}
	cplx, err := NewPlan32(c)
	mixed := func(l asm.Level) bool { return mixed32At(c, l) }
	if err != nil || cplx.blue == nil && !slices.ContainsFunc(asm.Levels(), mixed) {
		return nil, err
	}
	r := &realHalf32{n: n, cplx: cplx}
	if n%2 == 0 {
		r.tw = make([]complex64, n/4+1)
		for k := range r.tw {
			r.tw[k] = complex64(halfTwiddle(k, n))
		}
	}
	if r.level = cplx.directLevel; cplx.directMixed != nil && hasStockham32(r.level) {
		r.mixed = r.mixedAt(r.level)
		r.vp = r.vector(r.level)
		r.own = make([]complex64, 2*c)
	}
	return r, nil
}

// newRealHalf64 is newRealHalf32 for RealPlan64: the lengths whose
// complex plan runs the mixed-radix stages or bluestein64.
func newRealHalf64(n int) (*realHalf64, error) {
	c := realHalfLen(n)
	if n&(n-1) == 0 || !useBluestein64(c) && !useRealHalfMixed(c) {
		return nil, nil
	}
	cplx, err := NewPlan64(c)
	mixed := func(l asm.Level) bool { return mixed64At(c, l) }
	if err != nil || cplx.blue == nil && !slices.ContainsFunc(asm.Levels(), mixed) {
		return nil, err
	}
	r := &realHalf64{n: n, cplx: cplx}
	if n%2 == 0 {
		r.tw = make([]complex128, n/4+1)
		for k := range r.tw {
			r.tw[k] = halfTwiddle(k, n)
		}
	}
	if r.level, r.mixed = cplx.directLevel, cplx.directMixed; r.mixed != nil && hasStockham32(r.level) {
		r.vp = r.vector(r.level)
		r.own = make([]complex128, 2*c)
	} else {
		r.mixed = nil
	}
	return r, nil
}

// runsAt reports whether the real plan takes r (not nil) at level l: a
// level with vector kernels where r's complex plan runs the mixed-radix
// stages or Bluestein on them, not package generic.
func (r *realHalf32) runsAt(l asm.Level) bool {
	return r != nil && hasStockham32(l) && (r.cplx.blue != nil || r.cplx.mixed(l) != nil)
}

// runsAt is realHalf32.runsAt for realHalf64.
func (r *realHalf64) runsAt(l asm.Level) bool {
	return r != nil && hasStockham32(l) && (r.cplx.blue != nil || r.cplx.mixed(l) != nil)
}

// realHalf32AVX2Max is the longest complex length at which a RealPlan32
// at AVX-512 runs its half on the AVX2 mixed-radix kernels (mixedAt):
// for these few stages, with their narrow and grouped AVX-512 kernels
// mostly in tail passes, the AVX2 ones were the faster. MixedVsFFTW, best
// of 5 interleaved rounds, ours-ns, AVX-512 → AVX2 half: r32 60 (h =
// 30) 63.6 → 57.8, 120 (h = 60) 78.6 → 72.9; but 240 105.2 → 110.0, 360
// 158.3 → 172.9, 480 175.9 → 197.6. RealPlan64's half gained nothing
// (r64 60 62.3 → 62.4, 120 90.2 → 92.8) and keeps its level's kernels.
const realHalf32AVX2Max = 64

// mixedAt is the mixed-radix plan r's complex FFT runs on at level l, or
// nil where it runs none there: the complex plan's own, or at AVX-512
// up to realHalf32AVX2Max its AVX2 one. The direct path and the pooled
// one take the same, so that a call's bits do not depend on which
// buffer served it.
func (r *realHalf32) mixedAt(l asm.Level) *mixed32 {
	if l == asm.AVX512 && r.cplx.n <= realHalf32AVX2Max {
		if m := r.cplx.mixed(asm.AVX2); m != nil {
			return m
		}
	}
	return r.cplx.mixed(l)
}

// forwardDirect runs realForwardHalf32 at r.level on the direct path
// (see realHalf32), reporting false, having done nothing, where r has
// none or another call holds own.
func (r *realHalf32) forwardDirect(dst []complex64, src []float32) bool {
	if r.mixed == nil || !takeOwn(&r.busy) {
		return false
	}
	c := len(r.own) / 2
	realForwardHalf32On(r.level, r, r.vp, r.mixed, dst, src, r.own[:c], r.own[c:], nil)
	releaseOwn(&r.busy)
	return true
}

// inverseDirect is forwardDirect for realInverseHalf32.
func (r *realHalf32) inverseDirect(dst []float32, src []complex64) bool {
	if r.mixed == nil || !takeOwn(&r.busy) {
		return false
	}
	c := len(r.own) / 2
	realInverseHalf32On(r.level, r, r.vp, r.mixed, dst, src, r.own[:c], r.own[c:], nil)
	releaseOwn(&r.busy)
	return true
}

// forwardDirect is realHalf32.forwardDirect for float64.
func (r *realHalf64) forwardDirect(dst []complex128, src []float64) bool {
	if r.mixed == nil || !takeOwn(&r.busy) {
		return false
	}
	c := len(r.own) / 2
	realForwardHalf64On(r.level, r, r.vp, r.mixed, dst, src, r.own[:c], r.own[c:], nil)
	releaseOwn(&r.busy)
	return true
}

// inverseDirect is realHalf32.inverseDirect for float64.
func (r *realHalf64) inverseDirect(dst []float64, src []complex128) bool {
	if r.mixed == nil || !takeOwn(&r.busy) {
		return false
	}
	c := len(r.own) / 2
	realInverseHalf64On(r.level, r, r.vp, r.mixed, dst, src, r.own[:c], r.own[c:], nil)
	releaseOwn(&r.busy)
	return true
}

// realHalfLen is the length of the complex FFT behind a real one of
// length n.
func realHalfLen(n int) int {
	if n%2 == 0 {
		return n / 2
	}
	return n
}

// halfTwiddle returns ω_n^k = e^{−2πi·k/n} for 0 ≤ k ≤ n/4: an angle of at
// most π/2, whose cos and sin are within about an ulp.
func halfTwiddle(k, n int) complex128 {
	if 4*k == n {
		return complex(0, -1)
	}
	s, c := math.Sincos(2 * math.Pi * float64(k) / float64(n))
	return complex(c, -s)
}

// realForwardHalf32 runs a validated float32 real FFT through r at level l
// (hasStockham32(l)), its buffer from s (realForwardHalf32On).
func realForwardHalf32(l asm.Level, r *realHalf32, dst []complex64, src []float32, s *scratch) {
	vp, m := r.vector(l), r.mixedAt(l)
	c := realHalfLen(len(src))
	var buf, work []complex64
	if len(src)%2 == 1 || vp != nil {
		buf = s.realBuf32(c)
	}
	if m != nil {
		work = s.complex64s(c)
	}
	realForwardHalf32On(l, r, vp, m, dst, src, buf, work, s)
}

// realForwardHalf32On is realForwardHalf32's work with the vector pass vp
// (nil: the pass in Go) and the buffer buf of the complex length given;
// the complex FFT runs on the mixed-radix plan m with work where m is not
// nil (realHalf32.forwardDirect), else by transform32 with s. Even n: the
// complex FFT of z[j] = src[2j] + i·src[2j+1] (src read in place as
// complex64) into dst[:h], then the pass in place, pairing bins k and
// h−k; or into buf, and the pass from there where asm.FFTRealPass takes
// most of it. Odd n: the complex FFT of src widened into buf. The
// choice of m or transform32 is written out at each use: as a method,
// too large to inline, it cost about 2 ns of n = 60 (MixedVsFFTW, r32
// 66.6 → 64.2 ns without it).
func realForwardHalf32On(l asm.Level, r *realHalf32, vp *realPass32, m *mixed32, dst []complex64, src []float32, buf, work []complex64, s *scratch) {
	n := len(src)
	if n%2 == 1 {
		buf = buf[:n]
		for j, x := range src {
			buf[j] = complex(x, 0)
		}
		if m != nil {
			runMixed32(m, buf, buf, work, false)
		} else {
			transform32(l, r.cplx, buf, buf, s, false)
		}
		copy(dst, buf)
		return
	}
	h := n / 2
	z := unsafe.Slice((*complex64)(unsafe.Pointer(unsafe.SliceData(src))), h)
	spec := dst[:h]
	if vp != nil {
		spec = buf[:h]
	}
	if m != nil {
		runMixed32(m, spec, z, work, false)
	} else {
		transform32(l, r.cplx, spec, z, s, false)
	}
	z0 := spec[0]
	dst[0] = complex(real(z0)+imag(z0), 0)
	dst[h] = complex(real(z0)-imag(z0), 0)
	rest := h / 2
	if vp != nil {
		vp.run(dst, spec, false)
		rest = vp.d
	}
	halfForward32(dst, spec, r.tw, h, rest)
}

// halfForward32 runs the forward pass of bins k = 1 … to and h−k from
// the half-length spectrum z into dst (which may be z).
func halfForward32(dst, z, tw []complex64, h, to int) {
	tw = tw[:to+1]
	for k := 1; k <= to; k++ {
		a, b := z[k], z[h-k]
		// E = (a + conj b)/2, O = (a − conj b)/(2i), X_k = E + ω^k·O,
		// X_{h−k} = conj(E − ω^k·O).
		er, ei := 0.5*(real(a)+real(b)), 0.5*(imag(a)-imag(b))
		or, oi := 0.5*(imag(a)+imag(b)), 0.5*(real(b)-real(a))
		w := tw[k]
		wr, wi := real(w)*or-imag(w)*oi, real(w)*oi+imag(w)*or
		dst[k] = complex(er+wr, ei+wi)
		dst[h-k] = complex(er-wr, wi-ei)
	}
}

// realInverseHalf32 runs a validated float32 inverse real FFT through r,
// its buffer from s (realInverseHalf32On).
func realInverseHalf32(l asm.Level, r *realHalf32, dst []float32, src []complex64, s *scratch) {
	m := r.mixedAt(l)
	var buf, work []complex64
	if len(dst)%2 == 1 {
		buf = s.realBuf32(len(dst))
	}
	if m != nil {
		work = s.complex64s(realHalfLen(len(dst)))
	}
	realInverseHalf32On(l, r, r.vector(l), m, dst, src, buf, work, s)
}

// realInverseHalf32On is realInverseHalf32's work with vp, m, buf (odd n
// only), work and s as in realForwardHalf32On. Even n: the pass from src
// into dst read as complex64 (the 1/2 of E and O there, the 1/h in the
// complex inverse), then the inverse complex FFT in place; odd n, the
// inverse complex FFT of the Hermitian extension in buf.
func realInverseHalf32On(l asm.Level, r *realHalf32, vp *realPass32, m *mixed32, dst []float32, src []complex64, buf, work []complex64, s *scratch) {
	n := len(dst)
	if n%2 == 1 {
		buf = buf[:n]
		buf[0] = complex(real(src[0]), 0)
		for k := 1; k < len(src); k++ {
			buf[k] = src[k]
			buf[n-k] = complex(real(src[k]), -imag(src[k]))
		}
		if m != nil {
			runMixed32(m, buf, buf, work, true)
		} else {
			transform32(l, r.cplx, buf, buf, s, true)
		}
		for j, v := range buf {
			dst[j] = real(v)
		}
		return
	}
	h := n / 2
	z := unsafe.Slice((*complex64)(unsafe.Pointer(unsafe.SliceData(dst))), h)
	x0, xh := real(src[0]), real(src[h])
	z[0] = complex(0.5*(x0+xh), 0.5*(x0-xh))
	rest := h / 2
	if vp != nil {
		vp.run(z, src, true)
		rest = vp.d
	}
	halfInverse32(z, src, r.tw, h, rest)
	if m != nil {
		runMixed32(m, z, z, work, true)
	} else {
		transform32(l, r.cplx, z, z, s, true)
	}
}

// halfInverse32 runs the inverse pass of bins k = 1 … to and h−k from the
// spectrum src into the half-length spectrum z.
func halfInverse32(z, src, tw []complex64, h, to int) {
	tw = tw[:to+1]
	for k := 1; k <= to; k++ {
		a, b := src[k], src[h-k]
		// E = (a + conj b)/2, O = (a − conj b)·conj(ω^k)/2,
		// Z_k = E + i·O, Z_{h−k} = conj E + i·conj O.
		er, ei := 0.5*(real(a)+real(b)), 0.5*(imag(a)-imag(b))
		dr, di := 0.5*(real(a)-real(b)), 0.5*(imag(a)+imag(b))
		w := tw[k]
		or, oi := dr*real(w)+di*imag(w), di*real(w)-dr*imag(w)
		z[k] = complex(er-oi, ei+or)
		z[h-k] = complex(er+oi, or-ei)
	}
}

// realForwardHalf64 is realForwardHalf32 for float64.
func realForwardHalf64(l asm.Level, r *realHalf64, dst []complex128, src []float64, s *scratch) {
	var buf []complex128
	if len(src)%2 == 1 {
		buf = s.realBuf64(len(src))
	}
	realForwardHalf64On(l, r, r.vector(l), nil, dst, src, buf, nil, s)
}

// realForwardHalf64On is realForwardHalf32On for float64: even n writes
// the half-length spectrum straight into dst and runs the pass in place
// (asm.FFT64RealPass allows it), so buf serves odd n only.
func realForwardHalf64On(l asm.Level, r *realHalf64, vp *realPass64, m *mixed64, dst []complex128, src []float64, buf, work []complex128, s *scratch) {
	n := len(src)
	if n%2 == 1 {
		buf = buf[:n]
		for j, x := range src {
			buf[j] = complex(x, 0)
		}
		if m != nil {
			runMixed64(m, buf, buf, work, false)
		} else {
			transform(l, r.cplx, buf, buf, s, false)
		}
		copy(dst, buf)
		return
	}
	h := n / 2
	z := unsafe.Slice((*complex128)(unsafe.Pointer(unsafe.SliceData(src))), h)
	if m != nil {
		runMixed64(m, dst[:h], z, work, false)
	} else {
		transform(l, r.cplx, dst[:h], z, s, false)
	}
	z0 := dst[0]
	dst[0] = complex(real(z0)+imag(z0), 0)
	dst[h] = complex(real(z0)-imag(z0), 0)
	rest := h / 2
	if vp != nil {
		vp.run(dst, dst, false)
		rest = vp.d
	}
	halfForward64(dst, r.tw, h, rest)
}

// halfForward64 is halfForward32 for complex128, in place.
func halfForward64(dst, tw []complex128, h, to int) {
	tw = tw[:to+1]
	for k := 1; k <= to; k++ {
		a, b := dst[k], dst[h-k]
		er, ei := 0.5*(real(a)+real(b)), 0.5*(imag(a)-imag(b))
		or, oi := 0.5*(imag(a)+imag(b)), 0.5*(real(b)-real(a))
		w := tw[k]
		wr, wi := real(w)*or-imag(w)*oi, real(w)*oi+imag(w)*or
		dst[k] = complex(er+wr, ei+wi)
		dst[h-k] = complex(er-wr, wi-ei)
	}
}

// realInverseHalf64 is realInverseHalf32 for float64.
func realInverseHalf64(l asm.Level, r *realHalf64, dst []float64, src []complex128, s *scratch) {
	var buf []complex128
	if len(dst)%2 == 1 {
		buf = s.realBuf64(len(dst))
	}
	realInverseHalf64On(l, r, r.vector(l), nil, dst, src, buf, nil, s)
}

// realInverseHalf64On is realInverseHalf32On for float64.
func realInverseHalf64On(l asm.Level, r *realHalf64, vp *realPass64, m *mixed64, dst []float64, src []complex128, buf, work []complex128, s *scratch) {
	n := len(dst)
	if n%2 == 1 {
		buf = buf[:n]
		buf[0] = complex(real(src[0]), 0)
		for k := 1; k < len(src); k++ {
			buf[k] = src[k]
			buf[n-k] = complex(real(src[k]), -imag(src[k]))
		}
		if m != nil {
			runMixed64(m, buf, buf, work, true)
		} else {
			transform(l, r.cplx, buf, buf, s, true)
		}
		for j, v := range buf {
			dst[j] = real(v)
		}
		return
	}
	h := n / 2
	z := unsafe.Slice((*complex128)(unsafe.Pointer(unsafe.SliceData(dst))), h)
	x0, xh := real(src[0]), real(src[h])
	z[0] = complex(0.5*(x0+xh), 0.5*(x0-xh))
	rest := h / 2
	if vp != nil {
		vp.run(z, src, true)
		rest = vp.d
	}
	halfInverse64(z, src, r.tw, h, rest)
	if m != nil {
		runMixed64(m, z, z, work, true)
	} else {
		transform(l, r.cplx, z, z, s, true)
	}
}

// halfInverse64 is halfInverse32 for complex128.
func halfInverse64(z, src, tw []complex128, h, to int) {
	tw = tw[:to+1]
	for k := 1; k <= to; k++ {
		a, b := src[k], src[h-k]
		er, ei := 0.5*(real(a)+real(b)), 0.5*(imag(a)-imag(b))
		dr, di := 0.5*(real(a)-real(b)), 0.5*(imag(a)+imag(b))
		w := tw[k]
		or, oi := dr*real(w)+di*imag(w), di*real(w)-dr*imag(w)
		z[k] = complex(er-oi, ei+or)
		z[h-k] = complex(er+oi, or-ei)
	}
}
