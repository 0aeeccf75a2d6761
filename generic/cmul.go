package generic

// MulAddComplex64 sets dst[i] += a[i]·b[i] for i < len(dst), the
// pointwise product of an FFT convolution, computed in complex128 and
// rounded once to complex64.
func MulAddComplex64(dst, a, b []complex64) {
	a, b = a[:len(dst)], b[:len(dst)]
	for i := range dst {
		dst[i] = complex64(complex128(dst[i]) + complex128(a[i])*complex128(b[i]))
	}
}

// MulComplex64 sets dst[i] = a[i]·b[i] for i < len(dst) in complex64
// arithmetic (the assembly twins fuse the real part's subtraction and the
// imaginary part's addition, a difference within an ulp of |a[i]|·|b[i]|).
// dst may be a or b.
func MulComplex64(dst, a, b []complex64) {
	a, b = a[:len(dst)], b[:len(dst)]
	for i := range dst {
		dst[i] = a[i] * b[i]
	}
}
