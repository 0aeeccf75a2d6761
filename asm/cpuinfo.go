package asm

import (
	"fmt"
	"strings"

	"github.com/klauspost/cpuid/v2"
)

// CPUInfo describes the host for reports and bug reports.
type CPUInfo struct {
	Brand      string // marketing name, e.g. "AMD EPYC 9R14"
	Vendor     string
	Cores      int // physical cores
	Threads    int // logical CPUs
	X86Level   int // x86-64 micro-architecture level (1-4), 0 elsewhere
	L1D, L2    int // data cache sizes in bytes, -1 when unknown
	L3         int
	Features   []string // the SIMD features that matter to ssmkern
	Levels     []Level  // Levels()
	Current    Level    // Current()
	EnvISA     string   // SSMKERN_ISA as given, "" when unset
	EnvProblem string   // why SSMKERN_ISA was ignored, "" when it was not
}

// interesting lists the cpuid features worth naming in a report.
var interesting = []cpuid.FeatureID{
	cpuid.SSE2, cpuid.AVX, cpuid.AVX2, cpuid.FMA3, cpuid.AVX512F, cpuid.AVX512VL,
	cpuid.AVX512DQ, cpuid.AVX512BW, cpuid.AVX512BF16, cpuid.ASIMD, cpuid.SVE,
}

// Host returns the description of this machine.
func Host() CPUInfo {
	c := cpuid.CPU
	info := CPUInfo{
		Brand:    strings.TrimSpace(c.BrandName),
		Vendor:   c.VendorString,
		Cores:    c.PhysicalCores,
		Threads:  c.LogicalCores,
		X86Level: c.X64Level(),
		L1D:      c.Cache.L1D,
		L2:       c.Cache.L2,
		L3:       c.Cache.L3,
		Levels:   Levels(),
		Current:  Current(),
		EnvISA:   envISA(),
	}
	for _, f := range interesting {
		if c.Supports(f) {
			info.Features = append(info.Features, f.String())
		}
	}
	if capError != nil {
		info.EnvProblem = capError.Error()
	}
	return info
}

// String is a one-line summary for logs.
func (c CPUInfo) String() string {
	return fmt.Sprintf("%s (%d cores, %d threads, %s) features %v; levels %v, using %v",
		c.Brand, c.Cores, c.Threads, c.Caches(), c.Features, c.Levels, c.Current)
}

// Caches describes the cache sizes, e.g. "L1d 32 KiB, L2 1 MiB, L3 32 MiB".
func (c CPUInfo) Caches() string {
	return fmt.Sprintf("L1d %s, L2 %s, L3 %s", bytesString(c.L1D), bytesString(c.L2), bytesString(c.L3))
}

func bytesString(n int) string {
	switch {
	case n <= 0:
		return "?"
	case n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	default:
		return fmt.Sprintf("%d KiB", n>>10)
	}
}
