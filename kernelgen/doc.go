// Package kernelgen builds the parameters and convolution kernels of
// linear time-invariant state space models (S4, S4D), in float64 with
// float32 kernels for package fft's long convolution:
//
//   - HiPPO(measure, n): the HiPPO matrices (A, B) of LegS, LegT, LagT,
//     FouT, as S4's transition(); NPLR(measure, n): their diagonal plus
//     low-rank form (Λ, P, B, V) for S4.
//   - InitS4D(init, nh): the S4D-Lin, S4D-Inv and S4D-Real diagonal A, B.
//   - DiscretizeZOH, DiscretizeBilinear (diagonal complex A, closed forms);
//     DiscretizeZOHDense, DiscretizeBilinearDense (dense real A: matrix
//     exponential of the augmented matrix, LU solves); DiscretizeDPLR
//     (the conjugate-extended DPLR matrices, Sherman–Morrison).
//   - S4DKernel, S4DKernel64: K[c,h,l] = 2·Re Σ_n C·B̄·Ā^l, a Vandermonde
//     product whose powers are re-anchored every 64 steps, so its error does
//     not grow with l. The float32 tables (product chains) and the hot
//     loop (generic.VandermondeChain, VandermondeKernel32) run in assembly
//     at every vector level (AVX2, AVX-512, NEON).
//   - DPLRKernel, DPLRKernel64 (and the spectrum alone, DPLRSpectrum):
//     the S4 kernel by the Cauchy kernel at the roots of unity (float64,
//     in assembly at every vector level, bit-identical to
//     generic.CauchyConj4) and the Woodbury correction; CTilde converts
//     S4's C into the C̃ it stores.
//   - DiagSSM, DenseSSM: the recurrent form (Step, Run) of the same SSMs,
//     for decoding one sample at a time.
//
// The convention for complex diagonal SSMs is S4's: nh stored states with
// Im λ ≤ 0 stand for 2·nh real ones (each with its conjugate), so outputs
// are 2·Re of a sum over the stored states. Every function validates its
// arguments and returns an error naming the bad one; none panics.
//
// An S4D layer, from initialisation to the kernel the convolution applies:
//
//	A, B, err := kernelgen.InitS4D(kernelgen.S4DLin, 32) // 64 real states
//	p := &kernelgen.S4DParams{Channels: 1, H: 1, Nh: 32, L: 4096,
//		A: A, B: B, C: c /* [1][1][32] learned */, Dt: []float64{0.01}, Disc: kernelgen.ZOH}
//	k := make([]float32, p.Channels*p.H*p.L)
//	if err := kernelgen.S4DKernel(k, p); err != nil { … }
//	conv, err := fft.NewConv32(p.H, p.L, k) // y = K∗u + D·u
//
// and an S4 (HiPPO-LegS) one:
//
//	lambda, P, B, V, err := kernelgen.NPLR(kernelgen.LegS, 64)
//	ct := make([]complex128, 32)
//	err = kernelgen.CTilde(ct, lambda, P, c, dt, L) // c: C in DPLR coordinates
//	q := &kernelgen.DPLRParams{Channels: 1, H: 1, Nh: 32, L: L,
//		Lambda: lambda, P: P, B: B, CTilde: ct, Dt: []float64{dt}}
//	khat := make([]complex128, kernelgen.DPLRBins(L))
//	err = kernelgen.DPLRSpectrum(khat, q) // K = irfft(khat, L)
//
// The rest is plain Go (with the purego tag, all of it is); the tests
// check every level against the golden vectors of the S4 repository
// (hippo_transition, s4d_kernel, s4_dplr_kernel) and against independent
// dense and continuous-time evaluations.
package kernelgen
