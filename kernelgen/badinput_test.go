package kernelgen

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// TestBadInputsReturnErrorsNamingTheArgument calls every exported function
// with one bad argument at a time; each must return an error naming it, and
// none may panic.
func TestBadInputsReturnErrorsNamingTheArgument(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	okS4D := func() *S4DParams {
		return &S4DParams{Channels: 1, H: 2, Nh: 3, L: 5,
			A:  []complex128{-0.5, -0.5 - 1i, -0.5 - 2i, -1, -1 - 1i, -1 - 2i},
			B:  []complex128{1, 1, 1, 1, 1, 1},
			C:  []complex128{1, 2, 3, 4, 5, 6},
			Dt: []float64{0.1, 0.01}}
	}
	okDPLR := func() *DPLRParams {
		return &DPLRParams{Channels: 1, H: 1, Nh: 2, L: 8,
			Lambda: []complex128{-0.5 - 1i, -0.5 - 3i}, P: []complex128{1, 1i},
			B: []complex128{1, 2}, CTilde: []complex128{1, 1}, Dt: []float64{0.1}}
	}
	c2 := make([]complex128, 2)
	k := make([]float64, 10)
	k32 := make([]float32, 10)
	kh := make([]complex128, 5)
	d4 := make([]float64, 4)
	d2 := make([]float64, 2)
	A2 := []float64{-1, 0, 0, -2}
	B2 := []float64{1, 1}
	cases := []struct {
		name string
		want string
		call func() error
	}{
		{"HiPPO n = 0", "n = 0", func() error { _, _, err := HiPPO(LegS, 0); return err }},
		{"HiPPO n huge", "n = ", func() error { _, _, err := HiPPO(LegT, math.MaxInt); return err }},
		{"HiPPO FouT odd", "n = 5", func() error { _, _, err := HiPPO(FouT, 5); return err }},
		{"HiPPO bad measure", "measure", func() error { _, _, err := HiPPO(Measure(9), 4); return err }},
		{"NPLR odd n", "n = 7", func() error { _, _, _, _, err := NPLR(LegS, 7); return err }},
		{"NPLR LegT", "measure", func() error { _, _, _, _, err := NPLR(LegT, 8); return err }},
		{"InitS4D nh = -1", "nh = -1", func() error { _, _, err := InitS4D(S4DLin, -1); return err }},
		{"InitS4D bad init", "init", func() error { _, _, err := InitS4D(S4DInit(7), 4); return err }},
		{"DiscretizeZOH dt = 0", "dt = 0", func() error { return DiscretizeZOH(c2, c2, c2, c2, 0) }},
		{"DiscretizeZOH dt NaN", "dt = NaN", func() error { return DiscretizeZOH(c2, c2, c2, c2, nan) }},
		{"DiscretizeZOH dt Inf", "dt = +Inf", func() error { return DiscretizeZOH(c2, c2, c2, c2, inf) }},
		{"DiscretizeZOH short dB", "len(dB)", func() error { return DiscretizeZOH(c2, c2[:1], c2, c2, 1) }},
		{"DiscretizeZOH empty A", "len(A)", func() error { return DiscretizeZOH(nil, nil, nil, nil, 1) }},
		{"DiscretizeBilinear NaN A", "A[1]", func() error {
			return DiscretizeBilinear(c2, c2, []complex128{-1, complex(nan, 0)}, c2, 1)
		}},
		{"DiscretizeBilinear pole", "singular", func() error {
			return DiscretizeBilinear(c2, c2, []complex128{-1, 20}, c2, 0.1)
		}},
		{"DiscretizeZOHDense A length", "len(A)", func() error { return DiscretizeZOHDense(d4, d2, d2, B2, 1) }},
		{"DiscretizeZOHDense Inf B", "B[0]", func() error { return DiscretizeZOHDense(d4, d2, A2, []float64{inf, 1}, 1) }},
		{"DiscretizeBilinearDense singular", "singular", func() error {
			return DiscretizeBilinearDense(d4, d2, []float64{20, 0, 0, -1}, B2, 0.1)
		}},
		{"DiscretizeBilinearDense dt < 0", "dt = -1", func() error { return DiscretizeBilinearDense(d4, d2, A2, B2, -1) }},
		{"S4DKernel nil params", "nil", func() error { return S4DKernel(k32, nil) }},
		{"S4DKernel k length", "len(k)", func() error { return S4DKernel(k32[:9], okS4D()) }},
		{"S4DKernel64 Channels = 0", "Channels = 0", func() error { p := okS4D(); p.Channels = 0; return S4DKernel64(k, p) }},
		{"S4DKernel64 L overflow", "overflows", func() error { p := okS4D(); p.L = math.MaxInt / 2; return S4DKernel64(k, p) }},
		{"S4DKernel64 Dt[1] NaN", "Dt[1]", func() error { p := okS4D(); p.Dt[1] = nan; return S4DKernel64(k, p) }},
		{"S4DKernel64 short C", "len(C)", func() error { p := okS4D(); p.C = p.C[:5]; return S4DKernel64(k, p) }},
		{"S4DKernel64 Inf B", "B[2]", func() error { p := okS4D(); p.B[2] = complex(0, inf); return S4DKernel64(k, p) }},
		{"S4DKernel64 bad Disc", "Disc", func() error { p := okS4D(); p.Disc = 5; return S4DKernel64(k, p) }},
		{"S4DKernel64 short Dt", "len(Dt)", func() error { p := okS4D(); p.Dt = p.Dt[:1]; return S4DKernel64(k, p) }},
		{"DPLRSpectrum khat length", "len(khat)", func() error { return DPLRSpectrum(kh[:4], okDPLR()) }},
		{"DPLRSpectrum nil", "nil", func() error { return DPLRSpectrum(kh, nil) }},
		{"DPLRSpectrum unstable Lambda", "Lambda[1]", func() error {
			p := okDPLR()
			p.Lambda[1] = 3i
			return DPLRSpectrum(kh, p)
		}},
		{"DPLRSpectrum NaN CTilde", "CTilde[0]", func() error {
			p := okDPLR()
			p.CTilde[0] = complex(nan, 0)
			return DPLRSpectrum(kh, p)
		}},
		{"DPLRSpectrum Nh = 0", "Nh = 0", func() error { p := okDPLR(); p.Nh = 0; return DPLRSpectrum(kh, p) }},
		{"DiscretizeDPLR dA length", "len(dA)", func() error {
			return DiscretizeDPLR(make([]complex128, 15), make([]complex128, 4), []complex128{-1, -2}, c2, c2, 0.1)
		}},
		{"CTilde L = 0", "L = 0", func() error { return CTilde(c2, []complex128{-1, -2}, c2, c2, 0.1, 0) }},
		{"CTilde p length", "len(p)", func() error { return CTilde(c2, []complex128{-1, -2}, c2[:1], c2, 0.1, 4) }},
		{"DiagSSM.Step state length", "len(state)", func() error {
			_, err := (&DiagSSM{DA: c2, DB: c2, C: c2}).Step(c2[:1], 1)
			return err
		}},
		{"DiagSSM.Run y length", "len(y)", func() error {
			return (&DiagSSM{DA: c2, DB: c2, C: c2}).Run(d2, make([]complex128, 2), d4)
		}},
		{"DiagSSM nil", "nil", func() error { var m *DiagSSM; _, err := m.Step(c2, 1); return err }},
		{"DenseSSM.Step NaN D", "D[0]", func() error {
			_, err := (&DenseSSM{DA: A2, DB: B2, C: B2, D: nan}).Step(make([]float64, 2), make([]float64, 2), 1)
			return err
		}},
		{"DenseSSM.Step aliased", "same slice", func() error {
			s := make([]float64, 2)
			_, err := (&DenseSSM{DA: A2, DB: B2, C: B2}).Step(s, s, 1)
			return err
		}},
		{"DenseSSM.Run DA length", "len(DA)", func() error {
			return (&DenseSSM{DA: A2[:3], DB: B2, C: B2}).Run(d2, make([]float64, 2), d2)
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("panic: %v", r)
				}
			}()
			errContains(t, c.call(), c.want)
		})
	}
}

// TestCheckFiniteComplexNamesTheFirstBadEntry covers the chunked sums: a
// bad entry past the first chunk, two in one chunk (the first is named),
// in either part, and in the odd entry at the end of a slice.
func TestCheckFiniteComplexNamesTheFirstBadEntry(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	for _, c := range []struct {
		n   int
		bad map[int]complex128
		idx int
	}{
		{200, map[int]complex128{130: complex(inf, 0), 150: complex(0, nan)}, 130},
		{200, map[int]complex128{64: complex(1, -inf)}, 64},
		{197, map[int]complex128{196: complex(nan, 1)}, 196},
		{1, map[int]complex128{0: complex(0, inf)}, 0},
		{197, nil, -1},
	} {
		x := make([]complex128, c.n)
		for i := range x {
			x[i] = complex(float64(i), -float64(i))
		}
		for i, v := range c.bad {
			x[i] = v
		}
		err := checkFiniteComplex("x", x)
		if c.idx < 0 {
			if err != nil {
				t.Errorf("n %d all finite: %v", c.n, err)
			}
			continue
		}
		if want := fmt.Sprintf("x[%d]", c.idx); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("n %d: error %v, want one naming %s", c.n, err, want)
		}
	}
}
