//go:build gc && !purego

package asm

// fftMixNLevel reports whether level l has the narrow mixed-radix kernels.
func fftMixNLevel(l Level) bool { return l == AVX2 || l == AVX512 }

// fftMixNKernels holds the narrow complex64 kernels by
// [compact][AVX-512][inverse][p], p = 2 … 5 and 8.
var fftMixNKernels = [2][2][2][9]func(o, i *complex64, w *float32, ls int){
	{
		{
			{nil, nil, fftMixN2AVX2Fwd, fftMixN3AVX2Fwd, fftMixN4AVX2Fwd, fftMixN5AVX2Fwd, nil, nil, fftMixN8AVX2Fwd},
			{nil, nil, fftMixN2AVX2Inv, fftMixN3AVX2Inv, fftMixN4AVX2Inv, fftMixN5AVX2Inv, nil, nil, fftMixN8AVX2Inv},
		},
		{
			{nil, nil, fftMixN2AVX512Fwd, fftMixN3AVX512Fwd, fftMixN4AVX512Fwd, fftMixN5AVX512Fwd, nil, nil, fftMixN8AVX512Fwd},
			{nil, nil, fftMixN2AVX512Inv, fftMixN3AVX512Inv, fftMixN4AVX512Inv, fftMixN5AVX512Inv, nil, nil, fftMixN8AVX512Inv},
		},
	},
	{
		{
			{nil, nil, fftMixN2cAVX2Fwd, fftMixN3cAVX2Fwd, fftMixN4cAVX2Fwd, fftMixN5cAVX2Fwd, nil, nil, fftMixN8cAVX2Fwd},
			{nil, nil, fftMixN2cAVX2Inv, fftMixN3cAVX2Inv, fftMixN4cAVX2Inv, fftMixN5cAVX2Inv, nil, nil, fftMixN8cAVX2Inv},
		},
		{
			{nil, nil, fftMixN2cAVX512Fwd, fftMixN3cAVX512Fwd, fftMixN4cAVX512Fwd, fftMixN5cAVX512Fwd, nil, nil, fftMixN8cAVX512Fwd},
			{nil, nil, fftMixN2cAVX512Inv, fftMixN3cAVX512Inv, fftMixN4cAVX512Inv, fftMixN5cAVX512Inv, nil, nil, fftMixN8cAVX512Inv},
		},
	},
}

// fft64MixNKernels is fftMixNKernels for complex128 (radix 5 at AVX-512
// runs the AVX2 kernel: fft64MixNLevel).
var fft64MixNKernels = [2][2][2][9]func(o, i *complex128, w *float64, ls int){
	{
		{
			{nil, nil, fft64MixN2AVX2Fwd, fft64MixN3AVX2Fwd, fft64MixN4AVX2Fwd, fft64MixN5AVX2Fwd, nil, nil, fft64MixN8AVX2Fwd},
			{nil, nil, fft64MixN2AVX2Inv, fft64MixN3AVX2Inv, fft64MixN4AVX2Inv, fft64MixN5AVX2Inv, nil, nil, fft64MixN8AVX2Inv},
		},
		{
			{nil, nil, fft64MixN2AVX512Fwd, fft64MixN3AVX512Fwd, fft64MixN4AVX512Fwd, nil, nil, nil, fft64MixN8AVX512Fwd},
			{nil, nil, fft64MixN2AVX512Inv, fft64MixN3AVX512Inv, fft64MixN4AVX512Inv, nil, nil, nil, fft64MixN8AVX512Inv},
		},
	},
	{
		{
			{nil, nil, fft64MixN2cAVX2Fwd, fft64MixN3cAVX2Fwd, fft64MixN4cAVX2Fwd, fft64MixN5cAVX2Fwd, nil, nil, fft64MixN8cAVX2Fwd},
			{nil, nil, fft64MixN2cAVX2Inv, fft64MixN3cAVX2Inv, fft64MixN4cAVX2Inv, fft64MixN5cAVX2Inv, nil, nil, fft64MixN8cAVX2Inv},
		},
		{
			{nil, nil, fft64MixN2cAVX512Fwd, fft64MixN3cAVX512Fwd, fft64MixN4cAVX512Fwd, nil, nil, nil, fft64MixN8cAVX512Fwd},
			{nil, nil, fft64MixN2cAVX512Inv, fft64MixN3cAVX512Inv, fft64MixN4cAVX512Inv, nil, nil, nil, fft64MixN8cAVX512Inv},
		},
	},
}

// fftMixNAt runs the narrow complex64 kernel of radix p at level l.
func fftMixNAt(l Level, p int, o, i *complex64, w *float32, ls int, inverse bool) {
	fftMixNKernels[b2i(mixNCompact(p, ls, 8))][b2i(l == AVX512)][b2i(inverse)][p](o, i, w, ls)
}

// fft64MixNAt runs the narrow complex128 kernel of radix p at level l.
func fft64MixNAt(l Level, p int, o, i *complex128, w *float64, ls int, inverse bool) {
	fft64MixNKernels[b2i(mixNCompact(p, ls, 16))][b2i(l == AVX512)][b2i(inverse)][p](o, i, w, ls)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
