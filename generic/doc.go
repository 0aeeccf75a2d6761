// Package generic is the plain-Go reference of every ssmkern kernel: the
// fallback where no assembly runs (other architectures, the purego build tag,
// SSMKERN_ISA=generic) and the oracle that the assembly kernels, tests and
// fuzz targets are compared with.
//
// The code is written to be read: it follows the formulas of the reference
// implementations (mamba's selective_scan_ref, the S4 code, torch.fft) line
// by line and accumulates in float64 where rounding matters, so its float32
// results are the float64 answer rounded once. The public packages (scan,
// fft, kernelgen) validate every argument before calling in; the functions
// here assume valid input.
//
//	out := make([]float32, p.Batch*p.Dim*p.SeqLen)
//	generic.ScanForward(out, nil, p) // p validated by scan.Forward
//
// It imports no package of the module and carries no build tags, so it
// compiles, and its tests run, on every platform.
package generic
