// Package kernelgen builds the parameters and convolution kernels of
// linear time-invariant state space models (S4, S4D): HiPPO matrices, the
// S4D initialisations, zero-order-hold and bilinear discretisation, and the
// kernels K = (CB̄, CĀB̄, …, CĀ^{L−1}B̄) that package fft's long convolution
// applies.
//
// It is being built (see the README's status table); nothing is exported
// yet.
package kernelgen
