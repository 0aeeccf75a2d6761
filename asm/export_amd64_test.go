//go:build gc && !purego

package asm

// PrefetchSpansForTest exposes prefetchSpans to the external tests.
var PrefetchSpansForTest = prefetchSpans

// FFT64Radix8FirstAVX2PlainForTest runs fft64R8FirstAVX2Fwd, the kernel
// that fft64R8FirstFAVX2Fwd replaces at AVX2, on n = len(in) values with
// output rows os bytes apart.
func FFT64Radix8FirstAVX2PlainForTest(out, in []complex128, os int) {
	fft64R8FirstAVX2Fwd(&out[0], &in[0], len(in)/8, os, 1)
}
