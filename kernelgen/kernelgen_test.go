package kernelgen

import (
	"math"
	"strings"
	"testing"

	"github.com/ssmkern/ssmkern/generic/golden"
)

// hippoTol is the relative tolerance against the golden HiPPO matrices:
// S4 computes LegS as T·M·T⁻¹ with np.linalg.inv, a few ulps from the
// closed form (the README asks for ~1e−14).
const hippoTol = 1e-13

// s4dTol64 is the README's float64 bound for the S4D kernel; the golden
// computes exp(l·dtA) directly, we from anchors and tables, so the two
// differ by a few ulps of the largest terms.
const s4dTol64 = 1e-12

// s4dTol32 is the README's float32 bound for the S4D kernel (normwise; the
// reference's own float32 run is at 8.2e−6).
const s4dTol32 = 1e-4

func measureOf(t *testing.T, s string) Measure {
	switch s {
	case "legs":
		return LegS
	case "legt":
		return LegT
	case "lagt":
		return LagT
	case "fout":
		return FouT
	}
	t.Fatalf("unknown measure %q", s)
	return 0
}

// relErr is max|got−want| / max(|want|, 1) entry by entry, the worst entry.
func relErr(got, want []float64) float64 {
	if len(got) != len(want) {
		return math.Inf(1)
	}
	var e float64
	for i := range want {
		d := math.Abs(got[i]-want[i]) / math.Max(math.Abs(want[i]), 1)
		if !(d <= e) {
			e = d
		}
	}
	return e
}

func TestHiPPOMatchesGolden(t *testing.T) {
	for _, c := range golden.Load(t, "hippo_transition") {
		n := c.Int(t, "N")
		m := measureOf(t, c.String("measure"))
		A, B, err := HiPPO(m, n)
		if err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		if e := relErr(A, c.Out(t, "A")); e > hippoTol {
			t.Errorf("%s: A relative error %.3g > %g", c.Name, e, hippoTol)
		}
		if e := relErr(B, c.Out(t, "B")); e > hippoTol {
			t.Errorf("%s: B relative error %.3g > %g", c.Name, e, hippoTol)
		}
	}
}

func TestS4DKernelMatchesGolden(t *testing.T) {
	for _, c := range golden.Load(t, "s4d_kernel") {
		p := &S4DParams{
			H:  c.Inputs["A_re"].Shape[0],
			Nh: c.Int(t, "N_half"),
			A:  c.InComplex(t, "A"),
			B:  c.InComplex(t, "B"),
			C:  c.InComplex(t, "C"),
			Dt: c.In(t, "dt"),
		}
		p.Channels = c.Inputs["C_re"].Shape[0]
		want := c.Out(t, "K")
		p.L = len(want) / (p.Channels * p.H)
		switch d := c.String("disc"); d {
		case "zoh", "":
			p.Disc = ZOH
		case "bilinear":
			p.Disc = Bilinear
		default:
			t.Fatalf("%s: disc %q", c.Name, d)
		}
		k64 := make([]float64, len(want))
		if err := S4DKernel64(k64, p); err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		e64 := golden.NormwiseError(k64, want)
		if !(e64 <= s4dTol64) {
			t.Errorf("%s: float64 K normwise error %.3g > %g", c.Name, e64, s4dTol64)
		}
		k32 := make([]float32, len(want))
		if err := S4DKernel(k32, p); err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		e32 := golden.NormwiseError(k32, want)
		if !(e32 <= s4dTol32) {
			t.Errorf("%s: float32 K normwise error %.3g > %g", c.Name, e32, s4dTol32)
		}
		t.Logf("%s (%v, L %d): normwise float64 %.2g, float32 %.2g", c.Name, p.Disc, p.L, e64, e32)
	}
}

// errContains fails t unless err names want.
func errContains(t *testing.T, err error, want string) {
	t.Helper()
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error %v, want one naming %q", err, want)
	}
}
