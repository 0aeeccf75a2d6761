package generic

// FFTConvPass is the twin of asm.FFTConvPass in complex64 arithmetic:
// with h = len(z) − 1, for k ≤ h and c = conj z[h−k],
//
//	E = z_k + c,  O = z_k − c,  T = tw_k·O
//	Y1 = K_k·(E − T),  Y2 = conj(K_{h−k})·(E + T)
//	dst[k] = s·(Y1 + Y2 − conj(tw_k)·(Y1 − Y2))
//
// the forward real pass, the product with the spectrum K of a real kernel
// and the inverse real pass of an FFT convolution, with tw_k = i·ω_{2h}^k
// given for k ≤ h/2 (tw_{h−k} = conj tw_k) and s = 1/(4h). z, k and dst
// have h+1 values (z[h] = z[0]); dst must not overlap z or k. The
// assembly fuses sums into products and gets the outputs above h/2 from
// the terms of their mirrors, a difference of a few ulps of the terms'
// magnitudes.
func FFTConvPass(dst, z, k, tw []complex64, s float32) {
	h := len(z) - 1
	dst, k = dst[:h+1], k[:h+1]
	conj := func(x complex64) complex64 { return complex(real(x), -imag(x)) }
	for i := range dst {
		w := conj(tw[min(i, h-i)])
		if i <= h/2 {
			w = tw[i]
		}
		c := conj(z[h-i])
		e, o := z[i]+c, z[i]-c
		t := w * o
		y1, y2 := k[i]*(e-t), conj(k[h-i])*(e+t)
		dst[i] = (y1 + y2 - conj(w)*(y1-y2)) * complex(s, 0)
	}
}

// AddScaled sets y[i] = a[i] + d·u[i] for i < len(y); y may be a or u.
func AddScaled(y, a, u []float32, d float32) {
	a, u = a[:len(y)], u[:len(y)]
	for i := range y {
		y[i] = a[i] + d*u[i]
	}
}
