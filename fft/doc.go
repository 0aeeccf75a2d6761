// Package fft computes fast Fourier transforms and causal long
// convolutions on the CPU: complex and real FFTs of any length in float32
// and float64, and the FFT convolution of the convolutional form of an LTI
// state space layer (S4, S4D), y = k * u + d·u.
//
// Conventions (those of torch.fft with norm="backward"): Forward is
// unnormalised, X_k = Σ_j x_j·e^{−2πi·jk/n}; Inverse includes the 1/n, so
// that Inverse(Forward(x)) = x. A real plan of length n keeps the n/2+1
// bins X_0 … X_{n/2}; its Inverse ignores Im X_0 and, for even n,
// Im X_{n/2}. The suffix names the precision: 32 is float32/complex64, 64
// is float64/complex128.
//
// A plan is made once per length (or per convolution shape), is immutable
// and safe to share between goroutines, and its calls allocate nothing in
// steady state (working memory comes from a pool inside the plan). Every
// call checks every length and returns an error that names the bad
// argument; none panics. dst may be src itself for the complex plans (in
// place), and y may be u for the convolutions; any other overlap between
// an output and an input is an error.
//
// Lengths 2^a·3^b·5^c run a mixed-radix Stockham FFT (radix 4, 2, 3, 5);
// other lengths use Bluestein's algorithm. Twiddles are cos and sin of the
// exact angle in float64. Each call reads asm.Current() once and runs the
// kernel of that instruction-set level; today every level runs the
// plain-Go code of package generic, in float64 even for the float32 plans
// (so their error is one rounding of the result). The SIMD kernels of a
// later release replace it at the AVX2, AVX-512 and NEON levels.
//
//	p, err := fft.NewPlan32(1024)
//	if err != nil { ... }
//	spectrum := make([]complex64, 1024)
//	if err := p.Forward(spectrum, signal); err != nil { ... }
//	if err := p.Inverse(signal, spectrum); err != nil { ... } // signal again, to rounding
//
//	conv, err := fft.NewConv32(channels, seqLen, k) // k [channels][kernelLen]
//	if err != nil { ... }
//	err = conv.Apply(y, u, d) // u, y [batch][channels][seqLen]; d [channels] or nil
package fft
