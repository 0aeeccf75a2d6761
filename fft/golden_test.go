package fft

import (
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
	"github.com/ssmkern/ssmkern/generic/golden"
)

func TestComplexPlansMatchGoldenFFTAndIFFTAtEveryLevel(t *testing.T) {
	asmtest.ForEachLevel(t, func(t *testing.T, _ asm.Level) {
		for _, op := range []string{"fft", "ifft"} {
			inverse := op == "ifft"
			for _, c := range golden.Load(t, op) {
				n := c.Int(t, "n")
				x, want := c.InComplex(t, "x"), c.OutComplex(t, "y")
				p64, err := NewPlan64(n)
				if err != nil {
					t.Fatal(err)
				}
				got64 := make([]complex128, n)
				run64 := p64.Forward
				if inverse {
					run64 = p64.Inverse
				}
				if err := run64(got64, x); err != nil {
					t.Fatal(err)
				}
				if e := golden.NormwiseErrorComplex(got64, want); !(e <= golden64Tol) {
					t.Errorf("%s: Plan64 normwise error %.3g > %g", c.Name, e, golden64Tol)
				}
				p32, err := NewPlan32(n)
				if err != nil {
					t.Fatal(err)
				}
				got32 := golden.C64(x)
				run32 := p32.Forward
				if inverse {
					run32 = p32.Inverse
				}
				if err := run32(got32, got32); err != nil { // in place
					t.Fatal(err)
				}
				if e := golden.NormwiseErrorComplex(got32, want); !(e <= golden32Tol) {
					t.Errorf("%s: Plan32 normwise error %.3g > %g", c.Name, e, golden32Tol)
				}
			}
		}
	})
}

func TestRealPlansMatchGoldenRFFTAndIRFFTAtEveryLevel(t *testing.T) {
	asmtest.ForEachLevel(t, func(t *testing.T, _ asm.Level) {
		for _, c := range golden.Load(t, "rfft") {
			n := c.Int(t, "n")
			x, want := c.In(t, "x"), c.OutComplex(t, "y")
			p64, _ := NewRealPlan64(n)
			got64 := make([]complex128, n/2+1)
			if err := p64.Forward(got64, x); err != nil {
				t.Fatal(err)
			}
			if e := golden.NormwiseErrorComplex(got64, want); !(e <= golden64Tol) {
				t.Errorf("%s: RealPlan64 normwise error %.3g > %g", c.Name, e, golden64Tol)
			}
			p32, _ := NewRealPlan32(n)
			got32 := make([]complex64, n/2+1)
			if err := p32.Forward(got32, golden.F32(x)); err != nil {
				t.Fatal(err)
			}
			if e := golden.NormwiseErrorComplex(got32, want); !(e <= golden32Tol) {
				t.Errorf("%s: RealPlan32 normwise error %.3g > %g", c.Name, e, golden32Tol)
			}
		}
		for _, c := range golden.Load(t, "irfft") {
			n := c.Int(t, "n")
			x, want := c.InComplex(t, "x"), c.Out(t, "y")
			p64, _ := NewRealPlan64(n)
			got64 := make([]float64, n)
			if err := p64.Inverse(got64, x); err != nil {
				t.Fatal(err)
			}
			if e := golden.NormwiseError(got64, want); !(e <= golden64Tol) {
				t.Errorf("%s: RealPlan64.Inverse normwise error %.3g > %g", c.Name, e, golden64Tol)
			}
			p32, _ := NewRealPlan32(n)
			got32 := make([]float32, n)
			if err := p32.Inverse(got32, golden.C64(x)); err != nil {
				t.Fatal(err)
			}
			if e := golden.NormwiseError(got32, want); !(e <= golden32Tol) {
				t.Errorf("%s: RealPlan32.Inverse normwise error %.3g > %g", c.Name, e, golden32Tol)
			}
		}
	})
}

func TestConvMatchesGoldenFFTConvAtEveryLevelOnBothPaths(t *testing.T) {
	asmtest.ForEachLevel(t, func(t *testing.T, _ asm.Level) {
		for _, c := range golden.Load(t, "fft_conv") {
			uT := c.Inputs["u"]
			if len(uT.Shape) != 3 {
				t.Fatalf("%s: u shape %v, want (batch, H, L)", c.Name, uT.Shape)
			}
			channels, seqLen := uT.Shape[1], uT.Shape[2]
			u, k, d := c.In(t, "u"), c.In(t, "k"), c.In(t, "D")
			want := c.Out(t, "y")
			for _, mode := range []convMode{convAuto, convDirect, convFFT} {
				c64, err := newConvPlan("NewConv64", channels, seqLen, k, mode)
				if err != nil {
					t.Fatal(err)
				}
				got64 := make([]float64, len(u))
				if err := c64.apply("Conv64.Apply", got64, u, d); err != nil {
					t.Fatal(err)
				}
				if e := golden.NormwiseError(got64, want); !(e <= golden64Tol) {
					t.Errorf("%s mode %d: Conv64 normwise error %.3g > %g", c.Name, mode, e, golden64Tol)
				}
				c32, err := newConvPlan("NewConv32", channels, seqLen, golden.F32(k), mode)
				if err != nil {
					t.Fatal(err)
				}
				got32 := golden.F32(u)
				if err := c32.apply("Conv32.Apply", got32, got32, golden.F32(d)); err != nil { // in place
					t.Fatal(err)
				}
				if e := golden.NormwiseError(got32, want); !(e <= golden32Tol) {
					t.Errorf("%s mode %d: Conv32 normwise error %.3g > %g", c.Name, mode, e, golden32Tol)
				}
			}
			// And through the public constructors.
			pub, err := NewConv32(channels, seqLen, golden.F32(k))
			if err != nil {
				t.Fatal(err)
			}
			got := make([]float32, len(u))
			if err := pub.Apply(got, golden.F32(u), golden.F32(d)); err != nil {
				t.Fatal(err)
			}
			if e := golden.NormwiseError(got, want); !(e <= golden32Tol) {
				t.Errorf("%s: Conv32 normwise error %.3g > %g", c.Name, e, golden32Tol)
			}
		}
	})
}
