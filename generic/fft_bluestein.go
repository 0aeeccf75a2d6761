package generic

// Bluestein's algorithm: with jk = (j² + k² − (k−j)²)/2 and the chirp
// c_t = e^{−πi·t²/n},
//
//	X[k] = c_k · Σ_j (x[j]·c_j) · conj(c_{k−j}),
//
// a convolution of a[j] = x[j]·c_j with b[t] = conj(c_t), t ∈ (−n, n). It
// runs as a circular convolution of power-of-two length m ≥ 2n−1 (so no
// term wraps onto another): two FFTs of length m and a pointwise product
// with the precomputed spectrum B of b. The chirp angles are exact:
// π·t²/n = 2π·(t² mod 2n)/(2n), an exact index into the roots of order 2n.

type bluestein struct {
	n, m  int
	chirp []complex128 // c_k = e^{−πi·k²/n}, k < n
	bhat  []complex128 // FFT_m(b) / m: the 1/m of the inverse FFT folded in
	inner *FFTPlan     // power-of-two plan of length m
}

func newBluestein(n int) *bluestein {
	m := 1
	for m < 2*n-1 {
		m *= 2
	}
	inner, _ := smoothFactors(m)
	b := &bluestein{n: n, m: m, chirp: make([]complex128, n), bhat: make([]complex128, m),
		inner: newMixedRadixPlan(m, inner)}
	roots := newRootTable(2 * n)
	sq := 0 // k² mod 2n
	for k := range n {
		b.chirp[k] = roots.root(sq)
		sq += 2*k + 1
		for sq >= 2*n {
			sq -= 2 * n
		}
	}
	b.bhat[0] = conj(b.chirp[0])
	for t := 1; t < n; t++ {
		b.bhat[t] = conj(b.chirp[t])
		b.bhat[m-t] = conj(b.chirp[t])
	}
	b.inner.mixedRadix(b.bhat, b.bhat, make([]complex128, m), false)
	scale := 1 / float64(m) // exact: m is a power of two
	for i, v := range b.bhat {
		b.bhat[i] = rmul(scale, v)
	}
	return b
}

func (b *bluestein) scratchLen() int { return 2 * b.m }

// transform writes the DFT of src (inverse: of conj(src)) to dst; see
// FFTPlan.mixedRadix for the convention. dst may equal src.
func (b *bluestein) transform(dst, src, scratch []complex128, inverse bool) {
	a, work := scratch[:b.m], scratch[b.m:2*b.m]
	for j, x := range src {
		if inverse {
			x = conj(x)
		}
		a[j] = x * b.chirp[j]
	}
	clear(a[b.n:])
	b.inner.mixedRadix(a, a, work, false)
	// The inverse FFT of a·B is conj(FFT(conj(a·B))) (its 1/m is in B);
	// the outer conj is applied with the final chirp.
	for i, v := range a {
		a[i] = conj(v * b.bhat[i])
	}
	b.inner.mixedRadix(a, a, work, false)
	for k := range dst {
		dst[k] = b.chirp[k] * conj(a[k])
	}
}

// newBluesteinPlan is a plan that runs Bluestein's algorithm whatever n
// is: the tests compare it with the mixed-radix plans, two independent
// algorithms.
func newBluesteinPlan(n int) *FFTPlan {
	return &FFTPlan{n: n, blue: newBluestein(n)}
}
