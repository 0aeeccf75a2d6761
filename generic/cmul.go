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
