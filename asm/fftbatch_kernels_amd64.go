//go:build gc && !purego

package asm

// FFTTranspose sets dst[c·ds + r] = src[r·ss + c] for r < rows and c <
// cols, both multiples of 4 (strides in values, ds ≥ rows, ss ≥ cols):
// the transposes of package fft's side-by-side batches
// (avogen/fftbatch.go; an AVX2 kernel, which AVX-512 runs too). dst must
// not overlap src. l is AVX2 or AVX512.
func FFTTranspose(l Level, dst, src []complex64, rows, cols, ds, ss int) {
	if rows <= 0 || cols <= 0 {
		return
	}
	if rows%4 != 0 || cols%4 != 0 || ds < rows || ss < cols {
		panic("asm: FFTTranspose: bad shape")
	}
	_, _ = dst[(cols-1)*ds+rows-1], src[(rows-1)*ss+cols-1]
	fftTranspose64AVX2(&dst[0], &src[0], rows, cols, ds, ss)
}

// FFTTranspose128 is FFTTranspose for complex128, rows and cols multiples
// of 2.
func FFTTranspose128(l Level, dst, src []complex128, rows, cols, ds, ss int) {
	if rows <= 0 || cols <= 0 {
		return
	}
	if rows%2 != 0 || cols%2 != 0 || ds < rows || ss < cols {
		panic("asm: FFTTranspose128: bad shape")
	}
	_, _ = dst[(cols-1)*ds+rows-1], src[(rows-1)*ss+cols-1]
	fftTranspose128AVX2(&dst[0], &src[0], rows, cols, ds, ss)
}
