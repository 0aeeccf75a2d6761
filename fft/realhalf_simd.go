//go:build gc && !purego && (amd64 || arm64)

package fft

import (
	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/generic"
)

// realPass32 is the vector part of realHalf32's pass at one level (see
// realhalf.go): asm.FFTRealPass on the slices from d with the half length
// hv = h − 2d, d = (h/2) mod V, which pairs bins d + k' and h − d − k',
// so that it runs the bins d+1 … h/2 and their mirrors; its table holds
// t_{d+k'} = −i·ω_n^{d+k'}/2 (k' = 1 … hv/2; generic.Roots of n, in
// float64, rounded once) in the kernel's layout.
type realPass32 struct {
	d, hv int
	level asm.Level // whose kernel runs it (realPassAt)
	tw    []float32
}

// realPass64 is realPass32 for asm.FFT64RealPass.
type realPass64 struct {
	d, hv int
	level asm.Level
	tw    []float64
}

// realPassLevel reports whether the real plans of lengths that are not
// powers of two take the vector pass at level l: AVX2 and AVX-512 (NEON,
// which has the kernel too, keeps the Go pass: not measured there).
func realPassLevel(l asm.Level) bool { return l == asm.AVX2 || l == asm.AVX512 }

// realPassAt is the level whose kernel runs the vector pass of the real
// FFT of length n at level l (values: the values per vector of the
// type): AVX2's at AVX-512 for short lengths (h/2 ≤ 64) where its vector
// of half the values leaves fewer bins to the Go loop, (h/2) mod
// V(AVX-512) ≥ V(AVX2). MixedVsFFTW, best of 4 interleaved rounds,
// ours-ns: r32 60 (d = 7 → 3 of h/2 = 15) 77.5 → 68.5, 120 86.0 → 82.1,
// 240 112.8 → 107.6; r64 60 69.9 → 67.4, 120 and 240 within 1%. Longer
// lengths lost (FFTWInterleaved: r32 3000 1404 → 1425, r64 2000 1539 →
// 1570, 3000 2603 → 2659): there the wider kernel's bins outweigh the
// Go loop's few.
func realPassAt(n int, l asm.Level, values func(asm.Level) int) asm.Level {
	if l == asm.AVX512 && n/4 <= 64 && n/4%values(asm.AVX512) >= values(asm.AVX2) {
		return asm.AVX2
	}
	return l
}

// realPassSplit returns d and hv for the real FFT of length n with v
// values per vector, or ok false when the kernel cannot take it (odd n
// or h, or hv too short).
func realPassSplit(n, v int, supported func(asm.Level, int) bool, l asm.Level) (d, hv int, ok bool) {
	h := n / 2
	if n%2 != 0 || h%2 != 0 || !realPassLevel(l) {
		return 0, 0, false
	}
	d = h / 2 % v
	hv = h - 2*d
	return d, hv, supported(l, hv)
}

// passTwiddle returns t_k = −i·ω_n^k/2.
func passTwiddle(roots *generic.Roots, k int) (re, im float64) {
	w := roots.Root(k)
	return imag(w) / 2, -real(w) / 2
}

func newRealPass32(n int, l asm.Level) *realPass32 {
	l = realPassAt(n, l, asm.FFTValues)
	v := asm.FFTValues(l)
	d, hv, ok := realPassSplit(n, v, asm.FFTRealPassSupported, l)
	if !ok {
		return nil
	}
	p := &realPass32{d: d, hv: hv, level: l, tw: make([]float32, asm.FFTRealPassTwiddleLen(hv))}
	roots := generic.NewRoots(n)
	for g := range hv / 2 / v {
		blk := p.tw[g*4*v : (g+1)*4*v]
		for i := range v {
			re, im := passTwiddle(roots, d+1+g*v+i)
			blk[2*i], blk[2*i+1] = float32(re), float32(re)
			blk[2*v+2*i], blk[2*v+2*i+1] = float32(im), float32(im)
		}
	}
	return p
}

func newRealPass64(n int, l asm.Level) *realPass64 {
	l = realPassAt(n, l, asm.FFT64Values)
	v := asm.FFT64Values(l)
	d, hv, ok := realPassSplit(n, v, asm.FFT64RealPassSupported, l)
	if !ok {
		return nil
	}
	p := &realPass64{d: d, hv: hv, level: l, tw: make([]float64, asm.FFT64RealPassTwiddleLen(hv))}
	roots := generic.NewRoots(n)
	for g := range hv / 2 / v {
		blk := p.tw[g*4*v : (g+1)*4*v]
		for i := range v {
			re, im := passTwiddle(roots, d+1+g*v+i)
			blk[2*i], blk[2*i+1] = re, re
			blk[2*v+2*i], blk[2*v+2*i+1] = im, im
		}
	}
	return p
}

// vector returns r's vector pass at level l, or nil (built on first use).
func (r *realHalf32) vector(l asm.Level) *realPass32 {
	if vp, ok := r.vec.built(l); ok {
		return vp
	}
	return r.vec.get(l, func(l asm.Level) *realPass32 { return newRealPass32(r.n, l) })
}

// vector is realHalf32.vector for realHalf64.
func (r *realHalf64) vector(l asm.Level) *realPass64 {
	if vp, ok := r.vec.built(l); ok {
		return vp
	}
	return r.vec.get(l, func(l asm.Level) *realPass64 { return newRealPass64(r.n, l) })
}

// run runs the vector part of the pass from src into dst (no overlap),
// forward or inverse, with the 1/2 of E and O, by vp.level's kernel.
func (vp *realPass32) run(dst, src []complex64, inverse bool) {
	asm.FFTRealPass(vp.level, dst[vp.d:], src[vp.d:], vp.tw, vp.hv, inverse, 0.5)
}

// run is realPass32.run for complex128; dst may be src.
func (vp *realPass64) run(dst, src []complex128, inverse bool) {
	asm.FFT64RealPass(vp.level, dst[vp.d:], src[vp.d:], vp.tw, vp.hv, inverse, 0.5)
}
