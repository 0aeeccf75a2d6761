package fuzz

import (
	"math"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/generic"
	"github.com/ssmkern/ssmkern/scan"
)

// scanTol is the tolerance of a float32 scan against the float64 oracle:
// 4× PyTorch's own float32 error on the golden cases (5.4e-7 normwise),
// loosened 2× because fuzz shapes reach SeqLen 64 with Δ up to e^4. It is
// applied by scanError.
const scanTol = 2 * 4 * 5.4e-7

// scanTolFor scales scanTol to the decoded problem: an output is a float32
// sum of State terms h·C, whose rounding error grows (at worst) linearly
// with their count and with their size. The golden cases scanTol is
// calibrated on have State ≤ 16 and terms of order 1; here |h| and |C|
// reach 2, terms 4. The fuzz targets hunt wrong tails and stray memory,
// which give errors of order 1; the scan tests check precision on
// realistic data.
func scanTolFor(p *scan.Params) float64 {
	return scanTol * math.Max(1, float64(p.State)/16) * 4
}

// scanError is max|got − want| / max(1, max|want|). The decoded inputs are
// O(1), so every output is a sum of O(1) terms; an output much smaller than
// 1 comes from cancellation (one step of 49 states, say) and float32 keeps
// only the absolute accuracy of its terms, which a normwise ratio over a
// tiny maximum would misread as a large relative error.
func scanError(got []float32, want []float32) float64 {
	var maxDiff, maxWant float64
	for i, w := range want {
		d := math.Abs(float64(got[i]) - float64(w))
		if math.IsNaN(d) {
			return math.NaN()
		}
		maxDiff = math.Max(maxDiff, d)
		maxWant = math.Max(maxWant, math.Abs(float64(w)))
	}
	return maxDiff / math.Max(1, maxWant)
}

// decodeScan builds a valid scan problem from fuzz bytes: every size, tail,
// option and layout is reachable.
func decodeScan(data []byte, seqLen1 bool) *scan.Params {
	s := &byteSource{data: data, state: 1}
	p := &scan.Params{
		Batch: s.intn(1, 3), Dim: s.intn(1, 40), SeqLen: s.intn(1, 64), State: s.intn(1, 64),
	}
	if seqLen1 {
		p.SeqLen = 1
	}
	flags := s.uint16()
	p.Layout = scan.Layout(flags & 1)
	p.DeltaSoftplus = flags&2 != 0
	switch (flags >> 2) & 3 {
	case 0:
		p.Groups = 0
	case 1:
		p.Groups = 1
	default:
		for _, g := range []int{4, 3, 2, 1} {
			if p.Dim%g == 0 {
				p.Groups = g
				break
			}
		}
	}
	x := p.Batch * p.Dim * p.SeqLen
	p.U = s.floats(x, -3, 3)
	if p.DeltaSoftplus {
		p.Delta = s.floats(x, -8, 4)
	} else {
		p.Delta = s.floats(x, 0, 1)
	}
	p.A = s.floats(p.Dim*p.State, -8, 0)
	bc := p.Dim * p.State
	if p.Groups > 0 {
		bc = p.Batch * p.Groups * p.State * p.SeqLen
	}
	p.B, p.C = s.floats(bc, -2, 2), s.floats(bc, -2, 2)
	if flags&16 != 0 {
		p.D = s.floats(p.Dim, -2, 2)
	}
	if flags&32 != 0 {
		p.Z = s.floats(x, -6, 6)
	}
	if flags&64 != 0 {
		// Without softplus a negative δ makes exp(δA) grow; keep δ ≥ 0 so
		// that float32 does not overflow where float64 does not.
		lo := 0.0
		if p.DeltaSoftplus {
			lo = -2
		}
		p.DeltaBias = s.floats(p.Dim, lo, 2)
	}
	if flags&128 != 0 && !seqLen1 {
		p.InitialState = s.floats(p.Batch*p.Dim*p.State, -2, 2)
	}
	return p
}

func scanSeeds(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0})                // all sizes 1
	f.Add([]byte{1, 0, 15, 0, 40, 0, 15, 0, 0xff, 0xff})          // dim 16, state 16, every option
	f.Add([]byte{2, 0, 32, 0, 7, 0, 63, 0, 0xfd, 0})              // state 64, grouped, BLD
	f.Add([]byte{0, 0, 16, 0, 63, 0, 16, 0, 0x08, 0, 1, 2, 3, 4}) // dim 17, state 17, groups
}

func FuzzScanForward(f *testing.F) {
	scanSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		p := decodeScan(data, false)
		want := make([]float32, p.Batch*p.Dim*p.SeqLen)
		wantLast := make([]float32, p.Batch*p.Dim*p.State)
		generic.ScanForward(want, wantLast, p)
		atEveryLevel(t, func(l asm.Level) {
			out := make([]float32, len(want))
			last := make([]float32, len(wantLast))
			if err := scan.Forward(out, last, p); err != nil {
				t.Fatalf("%v: %v", l, err)
			}
			if e := scanError(out, want); !(e <= scanTolFor(p)) {
				t.Errorf("%v: out normwise error %.3g > %.3g (batch %d dim %d len %d state %d groups %d %v)",
					l, e, scanTolFor(p), p.Batch, p.Dim, p.SeqLen, p.State, p.Groups, p.Layout)
			}
			if e := scanError(last, wantLast); !(e <= scanTolFor(p)) {
				t.Errorf("%v: last state normwise error %.3g > %.3g", l, e, scanTolFor(p))
			}
		})
	})
}

func FuzzScanStep(f *testing.F) {
	scanSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		p := decodeScan(data, true)
		s := &byteSource{data: data, state: 2}
		state0 := s.floats(p.Batch*p.Dim*p.State, -2, 2)
		want := make([]float32, p.Batch*p.Dim)
		wantState := append([]float32(nil), state0...)
		generic.ScanStep(want, wantState, p)
		atEveryLevel(t, func(l asm.Level) {
			out := make([]float32, len(want))
			state := append([]float32(nil), state0...)
			if err := scan.Step(out, state, p); err != nil {
				t.Fatalf("%v: %v", l, err)
			}
			if e := scanError(out, want); !(e <= scanTolFor(p)) {
				t.Errorf("%v: out normwise error %.3g > %.3g", l, e, scanTolFor(p))
			}
			if e := scanError(state, wantState); !(e <= scanTolFor(p)) {
				t.Errorf("%v: state normwise error %.3g > %.3g", l, e, scanTolFor(p))
			}
		})
	})
}
