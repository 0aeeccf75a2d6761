//go:build gc && !purego && (amd64 || arm64)

package fft

import (
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
)

// TestPlansOfAsmFFT1024YTakeIt checks that where the level has
// asm.FFT1024Y (AVX2) Plan32 n = 1024 and RealPlan32 n = 2048's
// Forward and Inverse run it: a change of the plan's stages or tables
// would otherwise drop them back to the separate kernels silently. Their
// results against float64 are TestPlansOfAsmFFT1024MatchFloat64's (every
// level), the kernel's against the four passes bit for bit asm's
// TestFFT1024YMatchesItsFourPasses.
func TestPlansOfAsmFFT1024YTakeIt(t *testing.T) {
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if !asm.FFT1024YSupported(l) {
			t.Skipf("no FFT1024Y at %v", l)
		}
		p32, _ := NewPlan32(1024)
		if sp := p32.stockham(l); sp == nil || !sp.r8Runs || !oneY1024(sp) {
			t.Errorf("%v: Plan32 n = 1024 does not run asm.FFT1024Y", l)
		}
		rp32, _ := NewRealPlan32(2048)
		if rp := rp32.stockham(l); rp == nil || rp.whole == nil || !oneY1024(rp.whole) {
			t.Errorf("%v: RealPlan32 n = 2048 does not run asm.FFT1024Y", l)
		}
	})
}

// TestPlansOfAsmFFT2048YTakeIt is TestPlansOfAsmFFT1024YTakeIt for
// asm.FFT2048Y: Plan32 n = 2048 and RealPlan32 n = 4096 at AVX2. Their
// results against float64 are TestPlansOfAsmFFT1024MatchFloat64's (every
// level), the kernel's against its four passes asm's
// TestFFT2048YMatchesItsFourPasses.
func TestPlansOfAsmFFT2048YTakeIt(t *testing.T) {
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		if !asm.FFT2048YSupported(l) {
			t.Skipf("no FFT2048Y at %v", l)
		}
		p32, _ := NewPlan32(2048)
		if sp := p32.stockham(l); sp == nil || !sp.r8Runs || !oneY2048(sp) {
			t.Errorf("%v: Plan32 n = 2048 does not run asm.FFT2048Y", l)
		}
		rp32, _ := NewRealPlan32(4096)
		if rp := rp32.stockham(l); rp == nil || rp.whole == nil || !oneY2048(rp.whole) {
			t.Errorf("%v: RealPlan32 n = 4096 does not run asm.FFT2048Y", l)
		}
	})
}
