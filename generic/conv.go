package generic

import "fmt"

// Causal long convolution, per channel h of each sequence in a batch:
//
//	y[h][l] = Σ_{j ≤ l, j < K} k[h][j]·u[h][l−j] + d[h]·u[h][l]
//
// with u and y [batch][channels][seqLen], k [channels][K] (K = kernelLen ≤
// seqLen) and d [channels] or nil (no skip term). ConvDirect evaluates the
// sum as written; FFTConv multiplies real spectra of length
// size ≥ seqLen + K − 1, so the circular product never wraps round onto
// the first seqLen outputs, and keeps those.

// ConvDirect computes the convolution by the O(seqLen·K) sum, accumulating
// in float64: the oracle of the FFT convolution, and the faster path for
// short kernels. y may equal u (it works from the last step back); no
// other overlap is allowed. The caller validates the lengths.
func ConvDirect[F float32 | float64](y, u, k, d []F, channels, seqLen int) {
	kernelLen := len(k) / channels
	row := channels * seqLen
	for b := 0; b+row <= len(u); b += row {
		for h := range channels {
			kh := k[h*kernelLen : (h+1)*kernelLen]
			uh := u[b+h*seqLen : b+(h+1)*seqLen]
			yh := y[b+h*seqLen : b+(h+1)*seqLen]
			var dh float64
			if d != nil {
				dh = float64(d[h])
			}
			for l := seqLen - 1; l >= 0; l-- {
				sum := dh * float64(uh[l])
				for j := range min(l+1, kernelLen) {
					sum += float64(kh[j]) * float64(uh[l-j])
				}
				yh[l] = F(sum)
			}
		}
	}
}

// FFTConv is the FFT form of the convolution for fixed kernels: their
// spectra are computed once. Immutable, safe for concurrent use.
type FFTConv struct {
	channels, seqLen, kernelLen int
	plan                        *RealFFTPlan // length Size()
	spectra                     []complex128 // [channels][Size()/2+1]
}

// NewFFTConv precomputes the spectra of k ([channels][kernelLen]).
func NewFFTConv[F float32 | float64](channels, seqLen int, k []F) (*FFTConv, error) {
	if channels < 1 || seqLen < 1 || len(k) == 0 || len(k)%channels != 0 || len(k)/channels > seqLen {
		return nil, fmt.Errorf("generic: NewFFTConv: channels = %d, seqLen = %d, len(k) = %d is not a valid shape", channels, seqLen, len(k))
	}
	kernelLen := len(k) / channels
	size := ConvFFTLen(seqLen + kernelLen - 1)
	plan, err := NewRealFFTPlan(size)
	if err != nil {
		return nil, err
	}
	bins := plan.Bins()
	c := &FFTConv{channels: channels, seqLen: seqLen, kernelLen: kernelLen, plan: plan,
		spectra: make([]complex128, channels*bins)}
	padded := make([]float64, size)
	scratch := make([]complex128, plan.ScratchLen())
	for h := range channels {
		for j, v := range k[h*kernelLen : (h+1)*kernelLen] {
			padded[j] = float64(v)
		}
		plan.Forward(c.spectra[h*bins:(h+1)*bins], padded, scratch)
	}
	return c, nil
}

// ConvFFTLen returns the FFT length used for a linear convolution of n
// outputs: the least even 2^a·3^b·5^c ≥ n (even for the half-length real
// FFT; 5-smooth for the radix 2/3/4/5 stages, never Bluestein).
func ConvFFTLen(n int) int {
	half := (n + 1) / 2
	for m := half; ; m++ {
		if _, ok := smoothFactors(m); ok {
			return 2 * m
		}
	}
}

// Size returns the FFT length.
func (c *FFTConv) Size() int { return c.plan.Len() }

// KernelLen returns the kernel length K.
func (c *FFTConv) KernelLen() int { return c.kernelLen }

// ScratchLen returns the lengths of the complex and the float64 scratch
// that ApplyFFTConv needs.
func (c *FFTConv) ScratchLen() (complexLen, realLen int) {
	return c.plan.Bins() + c.plan.ScratchLen(), c.plan.Len()
}

// ApplyFFTConv computes the convolution of every sequence of u into y,
// sequence by sequence and channel by channel: the zero-padded row is
// transformed, multiplied by the kernel's spectrum, transformed back, and
// the first seqLen values, plus d[h]·u, are kept. y may equal u; the
// caller validates the lengths and supplies the scratch (ScratchLen).
func ApplyFFTConv[F float32 | float64](c *FFTConv, y, u, d []F, cscratch []complex128, fscratch []float64) {
	bins := c.plan.Bins()
	spec, work := cscratch[:bins], cscratch[bins:]
	padded := fscratch[:c.plan.Len()]
	row := c.channels * c.seqLen
	for b := 0; b+row <= len(u); b += row {
		for h := range c.channels {
			uh := u[b+h*c.seqLen : b+(h+1)*c.seqLen]
			yh := y[b+h*c.seqLen : b+(h+1)*c.seqLen]
			for l, v := range uh {
				padded[l] = float64(v)
			}
			clear(padded[c.seqLen:])
			c.plan.Forward(spec, padded, work)
			for i, ks := range c.spectra[h*bins : (h+1)*bins] {
				spec[i] *= ks
			}
			c.plan.Inverse(padded, spec, work)
			var dh float64
			if d != nil {
				dh = float64(d[h])
			}
			for l := range yh {
				yh[l] = F(padded[l] + dh*float64(uh[l]))
			}
		}
	}
}
