package generic

// The backward pass of the causal long convolution (conv.go). For
//
//	y[b][h][l] = Σ_{j ≤ l, j < K} k[h][j]·u[b][h][l−j] + d[h]·u[b][h][l]
//
// and the gradient dy of a loss with respect to y, the gradients are the
// correlations
//
//	du[b][h][m] = Σ_{j < K, m+j < L} k[h][j]·dy[b][h][m+j] + d[h]·dy[b][h][m]
//	dk[h][j]    = Σ_b Σ_{j ≤ l < L} dy[b][h][l]·u[b][h][l−j]
//	dd[h]       = Σ_b Σ_l dy[b][h][l]·u[b][h][l]
//
// (dk and dd sum over the batch, since the kernels are shared). Each of
// du, dk, dd may be nil (not wanted); the others are overwritten. d nil
// means no skip term (du gets no d·dy). Sums run in float64 and each
// gradient is rounded once. The caller validates the lengths; no output
// may share memory with an input or with another output.

// ConvBackwardDirect computes the gradients by the O(batch·seqLen·K) sums
// as written above: the oracle of the FFT form, and the faster path for
// short kernels. It allocates nothing.
func ConvBackwardDirect[F float32 | float64](du, dk, dd, dy, u, k, d []F, channels, seqLen int) {
	kernelLen := len(k) / channels
	row := channels * seqLen
	for h := range channels {
		kh := k[h*kernelLen : (h+1)*kernelLen]
		if dk != nil {
			for j := range kernelLen {
				var sum float64
				for b := 0; b+row <= len(u); b += row {
					uh := u[b+h*seqLen : b+(h+1)*seqLen]
					dyh := dy[b+h*seqLen : b+(h+1)*seqLen]
					for l := j; l < seqLen; l++ {
						sum += float64(dyh[l]) * float64(uh[l-j])
					}
				}
				dk[h*kernelLen+j] = F(sum)
			}
		}
		if dd != nil {
			var sum float64
			for b := 0; b+row <= len(u); b += row {
				uh := u[b+h*seqLen : b+(h+1)*seqLen]
				for l, v := range dy[b+h*seqLen : b+(h+1)*seqLen] {
					sum += float64(v) * float64(uh[l])
				}
			}
			dd[h] = F(sum)
		}
		if du != nil {
			var dh float64
			if d != nil {
				dh = float64(d[h])
			}
			for b := 0; b+row <= len(u); b += row {
				dyh := dy[b+h*seqLen : b+(h+1)*seqLen]
				duh := du[b+h*seqLen : b+(h+1)*seqLen]
				for m := range seqLen {
					sum := dh * float64(dyh[m])
					for j := range min(kernelLen, seqLen-m) {
						sum += float64(kh[j]) * float64(dyh[m+j])
					}
					duh[m] = F(sum)
				}
			}
		}
	}
}

// BackwardScratchLen returns the lengths of the complex and the float64
// scratch that ConvBackwardFFT needs.
func (c *FFTConv) BackwardScratchLen() (complexLen, realLen int) {
	return 4*c.plan.Bins() + c.plan.ScratchLen(), c.plan.Len()
}

// ConvBackwardFFT computes the gradients by FFT correlations of the same
// length as the forward product (Size() ≥ seqLen+K−1, so no correlation
// wraps round): per channel and sequence, dy and u are transformed once;
// du is the inverse transform of conj(k̂)·dŷ with the kernel spectra that
// NewFFTConv cached, plus d·dy; dk is the inverse transform of the sum over
// the batch of conj(û)·dŷ, one per channel; dd is the direct sum of dy·u.
// The caller validates the lengths and supplies the scratch
// (BackwardScratchLen).
func ConvBackwardFFT[F float32 | float64](c *FFTConv, du, dk, dd, dy, u, d []F, cscratch []complex128, fscratch []float64) {
	bins := c.plan.Bins()
	dyS, uS := cscratch[:bins], cscratch[bins:2*bins]
	prod, acc := cscratch[2*bins:3*bins], cscratch[3*bins:4*bins]
	work := cscratch[4*bins:]
	padded := fscratch[:c.plan.Len()]
	seqLen, kernelLen := c.seqLen, c.kernelLen
	row := c.channels * seqLen
	for h := range c.channels {
		ks := c.spectra[h*bins : (h+1)*bins]
		clear(acc)
		var ddSum float64
		for b := 0; b+row <= len(u); b += row {
			uh := u[b+h*seqLen : b+(h+1)*seqLen]
			dyh := dy[b+h*seqLen : b+(h+1)*seqLen]
			if dd != nil {
				for l, v := range dyh {
					ddSum += float64(v) * float64(uh[l])
				}
			}
			if du == nil && dk == nil {
				continue
			}
			for l, v := range dyh {
				padded[l] = float64(v)
			}
			clear(padded[seqLen:])
			c.plan.Forward(dyS, padded, work)
			if dk != nil {
				for l, v := range uh {
					padded[l] = float64(v)
				}
				clear(padded[seqLen:])
				c.plan.Forward(uS, padded, work)
				for i, v := range uS {
					acc[i] += conj(v) * dyS[i]
				}
			}
			if du != nil {
				for i, v := range ks {
					prod[i] = conj(v) * dyS[i]
				}
				c.plan.Inverse(padded, prod, work)
				var dh float64
				if d != nil {
					dh = float64(d[h])
				}
				duh := du[b+h*seqLen : b+(h+1)*seqLen]
				for m, v := range dyh {
					duh[m] = F(padded[m] + dh*float64(v))
				}
			}
		}
		if dd != nil {
			dd[h] = F(ddSum)
		}
		if dk != nil {
			c.plan.Inverse(padded, acc, work)
			for j := range kernelLen {
				dk[h*kernelLen+j] = F(padded[j])
			}
		}
	}
}
