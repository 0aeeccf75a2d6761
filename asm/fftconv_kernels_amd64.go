//go:build gc && !purego

package asm

// FFTConvBlock is the block of FFTConvPass: h/2 is a multiple of it.
const FFTConvBlock = 8

// FFTConvPass runs the middle of a real FFT convolution in one pass
// (avogen/fftconv.go): with h = len(z) − 1, h/2 a multiple of
// FFTConvBlock, for k ≤ h,
//
//	E = z_k + conj z_{h−k},  O = z_k − conj z_{h−k},  T = tw_k·O
//	Y1 = K_k·(E − T),  Y2 = conj(K_{h−k})·(E + T)
//	dst[k] = s·(Y1 + Y2 − conj(tw_k)·(Y1 − Y2))
//
// where z (z[h] = z[0]) is the FFT of length h of a real row read as
// complex values, K (h+1 bins) a real kernel's spectrum at length 2h,
// tw_k = i·ω_{2h}^k for k ≤ h/2 (h/2+1 values; tw_{h−k} = conj tw_k)
// and s = 1/(4h): dst[:h] is then the inverse FFT's input whose output is
// the circular convolution, and dst[h] a copy of dst[0] to rounding.
// len(dst) = len(k) = h+1. dst may be z itself (each pair k, h−k is read
// before it is written); otherwise it must not overlap z, and never k. l
// is AVX2 or AVX512.
func FFTConvPass(l Level, dst, z, k, tw []complex64, s float32) {
	h := len(z) - 1
	if h < 0 || h%(2*FFTConvBlock) != 0 || len(dst) != h+1 || len(k) != h+1 || len(tw) < h/2+1 {
		panic("asm: FFTConvPass: bad length")
	}
	if h == 0 {
		dst[0] = 0
		return
	}
	if l == AVX512 {
		fftConvPassAVX512(dst, z, k, tw, s)
	} else {
		fftConvPassAVX2(dst, z, k, tw, s)
	}
	// k = h/2 pairs with itself: the kernels leave it (and z[m] as read).
	m := h / 2
	a := z[m]
	c := complex(real(a), -imag(a))
	e, o := a+c, a-c
	w := tw[m]
	t := w * o
	km := k[m]
	y1, y2 := km*(e-t), complex(real(km), -imag(km))*(e+t)
	dst[m] = (y1 + y2 - complex(real(w), -imag(w))*(y1-y2)) * complex(s, 0)
}

// AddScaled sets y[i] = a[i] + d·u[i] for the whole-vector part of y and
// returns its length; the caller finishes the rest. y may be a or u; a and
// u must be at least as long as y.
func AddScaled(l Level, y, a, u []float32, d float32) int {
	n := whole(l, len(y))
	if n == 0 {
		return 0
	}
	y, a, u = y[:n], a[:n], u[:n]
	if l == AVX512 {
		addScaledAVX512(y, a, u, d)
	} else {
		addScaledAVX2(y, a, u, d)
	}
	return n
}

// FFTConvFirst runs the first forward radix-4 Stockham stage (ls = 1, the
// layout of FFTRadix4FirstScaled) of an FFT of length 4r whose inputs from
// 2r on are zero, reading only the first 2r from in: out[k] = a0 + a1,
// out[r+k] = a0 − i·a1, out[2r+k] = a0 − a1, out[3r+k] = a0 + i·a1 with
// a0 = in[k], a1 = in[r+k], k < r = len(in)/2, a multiple of
// FFTValues(l); len(out) = 2·len(in). out must not overlap in. l is AVX2
// or AVX512.
func FFTConvFirst(l Level, out, in []complex64) {
	r := len(in) / 2
	if r == 0 || len(in) != 2*r || r%FFTValues(l) != 0 || len(out) != 4*r {
		panic("asm: FFTConvFirst: bad length")
	}
	if l == AVX512 {
		fftConvFirstAVX512(out, in)
	} else {
		fftConvFirstAVX2(out, in)
	}
}

// FFTConvFirst16 is the forward FFTRadix16Seg pass with ls = 1 (its
// table tw, s = 1, contiguous input) of a length-n transform whose inputs
// from n/2 on are zero, reading only in's first n/2 = len(in) values:
// out, in the segmented layout of outPad values after every n/16, holds
// what FFTRadix16Seg writes from in followed by n/2 zeros.
// FFTRadix16Supported(l, 1, n/16) must hold; out must not overlap in.
func FFTConvFirst16(l Level, out, in []complex64, tw []float32, outPad int) {
	n := 2 * len(in)
	r := n / 16
	if !FFTRadix16Supported(l, 1, r) || n != 16*r || outPad < 0 || len(out) <= FFTSegIndex(n-1, r, outPad) {
		panic("asm: FFTConvFirst16: bad length or padding")
	}
	tw = tw[:FFTRadix16TwiddleLen(1)]
	fftConvFirst16AVX512(&out[0], &in[0], &tw[0], r, (r+outPad)*8)
}

// FFTConvFirstSeg is FFTConvFirst with its output in the segmented
// layout of a segmented plan's first radix-4 pass (FFTRadix4Strided, ls =
// 1, onto outPad values after every n/16, n = 2·len(in)): out holds what
// that pass writes from in followed by n/2 zeros. l is AVX512, n/16 a
// multiple of FFTValues(l); out must not overlap in.
func FFTConvFirstSeg(l Level, out, in []complex64, outPad int) {
	n := 2 * len(in)
	seg := n / 16
	if l != AVX512 || seg == 0 || n != 16*seg || seg%FFTValues(l) != 0 || outPad < 0 || len(out) <= FFTSegIndex(n-1, seg, outPad) {
		panic("asm: FFTConvFirstSeg: bad level, length or padding")
	}
	const b = 8 // bytes per value
	for row := range 4 {
		fftConvFirstRowAVX512(&out[row*(seg+outPad)], &in[row*seg], seg, n/4*b, 4*(seg+outPad)*b)
	}
}

// FFTConvTail16 is the inverse FFTTail16 (the same table and arithmetic,
// so the same values) computing only the first half of its outputs,
// written as floats to y with the D skip added: with out the inverse
// FFTTail16 of in, y[i] = out_f[i] + d·u[i] (skip, one fused
// multiply-add) or y[i] = out_f[i] for i < len(in), where out_f is out
// read as floats. len(y) = len(u) = len(in) (u unused and may be nil
// without skip); y may be u, and must not otherwise overlap u or in. l
// is AVX512 (FFTTail16Supported).
func FFTConvTail16(l Level, y, u []float32, in []complex64, tw []float32, d float32, skip bool) {
	n := len(in)
	if !FFTTail16Supported(l, n) || len(y) != n || (skip && len(u) != n) {
		panic("asm: FFTConvTail16: bad length")
	}
	tw = tw[:FFTTail16TwiddleLen(n)]
	if skip {
		fftConvTail16AVX512Skip(&y[0], &u[0], &in[0], &tw[0], n/16, d)
	} else {
		fftConvTail16AVX512(&y[0], nil, &in[0], &tw[0], n/16, 0)
	}
}

// FFTConvTail16Seg is FFTConvTail16 for the tail of a segmented plan: it
// computes the first half of the inverse FFTTail16Seg of in (a length-n
// transform, n = len(y), its input segmented with inPad values after
// every n/16, its table FFTTail16Seg's: the compact one from
// FFTTail16CompactMinLen), with the same values, written to y as
// FFTConvTail16 writes them. len(u) = n with skip; y may be u, and must
// not otherwise overlap u or in.
func FFTConvTail16Seg(l Level, y, u []float32, in []complex64, tw []float32, inPad int, d float32, skip bool) {
	n := len(y)
	m := n / 16
	if !FFTTail16Supported(l, n) || inPad < 0 || (inPad > 0 && m%128 != 0) || len(in) <= FFTSegIndex(n-1, m, inPad) || (skip && len(u) != n) {
		panic("asm: FFTConvTail16Seg: bad length or padding")
	}
	tw = tw[:FFTTail16SegTwiddleLen(n)]
	per := m / 128
	if inPad == 0 {
		per = m / 8
	}
	var up *float32
	if skip {
		up = &u[0]
	}
	yp, i, w := &y[0], &in[0], &tw[0]
	switch compact := n >= FFTTail16CompactMinLen; {
	case compact && skip:
		fftConvTail16SegCAVX512Skip(yp, up, i, w, m, per, inPad*8, d)
	case compact:
		fftConvTail16SegCAVX512(yp, nil, i, w, m, per, inPad*8, 0)
	case skip:
		fftConvTail16SegAVX512Skip(yp, up, i, w, m, per, inPad*8, d)
	default:
		fftConvTail16SegAVX512(yp, nil, i, w, m, per, inPad*8, 0)
	}
}

// FFTConvLast4Supported reports whether FFTConvLast4 runs at level l for
// transform length n.
func FFTConvLast4Supported(l Level, n int) bool { return l == AVX2 && n >= 16 && n%16 == 0 }

// FFTConvLast4 is FFTConvTail16 for AVX2, whose inverse FFT ends with a
// radix-4 stage of r = 1 (FFTRadix4 with ls = n/4, its table tw): that
// stage's first half of outputs, the same values, written as floats to y
// with the D skip (skip: y[i] = out_f[i] + d·u[i], one fused
// multiply-add; else y[i] = out_f[i]) for i < n = len(in). len(y) =
// len(u) = n (u unused and may be nil without skip); y may be u, and must
// not otherwise overlap u or in. FFTConvLast4Supported(l, n) must hold.
func FFTConvLast4(l Level, y, u []float32, in []complex64, tw []float32, d float32, skip bool) {
	n := len(in)
	if !FFTConvLast4Supported(l, n) || len(y) != n || (skip && len(u) != n) {
		panic("asm: FFTConvLast4: bad length")
	}
	ls := n / 4
	tw = tw[:FFTRadix4TwiddleLen(l, ls, 1)]
	if skip {
		fftConvLast4AVX2Skip(&y[0], &u[0], &in[0], &tw[0], ls, d)
	} else {
		fftConvLast4AVX2(&y[0], nil, &in[0], &tw[0], ls, 0)
	}
}
