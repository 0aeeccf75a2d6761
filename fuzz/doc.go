// Package fuzz holds ssmkern's differential fuzz targets. Each target
// decodes a problem (shapes and values) from the fuzz input, runs it at every
// instruction-set level the host supports (asm.Levels) and compares the
// result with the plain-Go reference of package generic, within the named
// tolerances of the kernel's own tests.
//
// Targets: FuzzScanForward and FuzzScanStep (package scan), FuzzFFT and
// FuzzRealFFT (the complex and real plans, float32 and float64), FuzzConv
// (the causal long convolution, FFT and direct paths), FuzzConvStream and
// FuzzConvBackward (its streaming form and gradients), FuzzS4DKernel
// (against the float64 kernel) and FuzzDPLRSpectrum (bit-identical at
// every level) for package kernelgen.
//
// The committed corpus under testdata/fuzz seeds every target, so that
// `go test ./fuzz` replays it on any machine (under qemu for arm64 too). A
// campaign runs one target at a time:
//
//	go test -run '^$' -fuzz '^FuzzScanForward$' -fuzztime 10m ./fuzz
//
// New failures land in testdata/fuzz/<Target>/ and become regression tests.
package fuzz
