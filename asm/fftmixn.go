//go:build gc && !purego && (amd64 || arm64)

package asm

// The narrow form of the mixed-radix stages (fftmixed.go): the last stage
// of a transform, r = 1, vectorised over j rather than over k, by the
// kernels of avogen/fftmixn.go (fftMixN…, fft64MixN…) at AVX2 and
// AVX-512; arm64 has none yet, so there fftMixedNarrow is false and r = 1
// runs the wide form.
//
// Table layout (both types): for each group of V consecutive j (V values
// per vector of the type at level l) and each q = 1 … p−1, two vectors,
// Re ω_L^{q·j} and Im ω_L^{q·j} each duplicated over the two lanes of its
// value: the kernel reads them as memory operands of its complex product.
// The last group is padded (zeros) up to V values of j, and the kernel's
// one-value tail reads its lanes.

// fftMixedNarrow reports whether the radix-p stage of sub-transform length
// ls and r = n/(p·ls) runs the narrow kernel at level l. It is one answer
// for both types, so the threshold is the complex64 vector's values, at
// least the complex128 one's; ls ≥ 2 also keeps the inverse's scale
// (allowed only at ls = 1) out of the kernel.
func fftMixedNarrow(l Level, p, ls, r int) bool {
	return r == 1 && mixedRadix(p) && fftMixNLevel(l) && ls >= FFTValues(l)
}

// mixNGroups is the number of vectors of j of a narrow table.
func mixNGroups(ls, values int) int { return (ls + values - 1) / values }

// fftMixedNarrowTwiddleLen is the float32 count of a narrow stage's table.
func fftMixedNarrowTwiddleLen(l Level, p, ls int) int {
	v := FFTValues(l)
	return mixNGroups(ls, v) * (p - 1) * 4 * v
}

// fftMixedNarrowTwiddles fills a narrow stage's table (see
// FFTMixedTwiddles).
func fftMixedNarrowTwiddles(l Level, p, ls int, w func(q, j int) complex128, tw []float32) {
	mixNTwiddles(FFTValues(l), p, ls, w, tw)
}

// fftMixedNarrowAt runs the narrow complex64 stage (r = 1, s = 1).
func fftMixedNarrowAt(l Level, p int, out, in []complex64, tw []float32, ls int, inverse bool) {
	fftMixNAt(l, p, &out[0], &in[0], &tw[0], ls, inverse)
}

// fft64MixedNarrowTwiddleLen is the float64 count of a narrow complex128
// stage's table.
func fft64MixedNarrowTwiddleLen(l Level, p, ls int) int {
	v := FFT64Values(l)
	return mixNGroups(ls, v) * (p - 1) * 4 * v
}

// fft64MixedNarrowTwiddles fills a narrow complex128 stage's table.
func fft64MixedNarrowTwiddles(l Level, p, ls int, w func(q, j int) complex128, tw []float64) {
	mixNTwiddles(FFT64Values(l), p, ls, w, tw)
}

// fft64MixedNarrowAt runs the narrow complex128 stage (r = 1, s = 1).
func fft64MixedNarrowAt(l Level, p int, out, in []complex128, tw []float64, ls int, inverse bool) {
	fft64MixNAt(l, p, &out[0], &in[0], &tw[0], ls, inverse)
}

// mixNTwiddles writes the narrow table of values j per vector.
func mixNTwiddles[F float32 | float64](values, p, ls int, w func(q, j int) complex128, tw []F) {
	clear(tw)
	for j := range ls {
		g, i := j/values, j%values
		for q := 1; q < p; q++ {
			c := w(q, j)
			at := (g*2*(p-1) + 2*(q-1)) * 2 * values // Re vector; Im follows
			re, im := tw[at:at+2*values], tw[at+2*values:at+4*values]
			re[2*i], re[2*i+1] = F(real(c)), F(real(c))
			im[2*i], im[2*i+1] = F(imag(c)), F(imag(c))
		}
	}
}
