package scan

import (
	"fmt"
	"math"
	"unsafe"
)

// shape holds the element counts of the tensors of a Params, computed once
// with overflow checks so that no later index arithmetic can overflow.
type shape struct {
	x     int // U, Delta, Z, out: Batch·Dim·SeqLen
	a     int // A: Dim·State
	bc    int // B, C
	state int // InitialState, last state: Batch·Dim·State
}

// mulSizes multiplies non-negative sizes and reports whether the product
// overflows an int.
func mulSizes(xs ...int) (int, bool) {
	p := 1
	for _, x := range xs {
		if x != 0 && p > math.MaxInt/x {
			return 0, false
		}
		p *= x
	}
	return p, true
}

// maxElements bounds every tensor so that byte offsets (element count × 8,
// the widest element the kernels read) fit in an int on every platform.
const maxElements = math.MaxInt / 8

// checkShape validates the dimensions of p and returns the tensor sizes.
func checkShape(p *Params) (shape, error) {
	if p == nil {
		return shape{}, fmt.Errorf("scan: Params is nil")
	}
	for _, f := range []struct {
		name string
		v    int
	}{{"Batch", p.Batch}, {"Dim", p.Dim}, {"SeqLen", p.SeqLen}, {"State", p.State}} {
		if f.v < 1 {
			return shape{}, fmt.Errorf("scan: %s = %d, want ≥ 1", f.name, f.v)
		}
	}
	if p.Groups < 0 {
		return shape{}, fmt.Errorf("scan: Groups = %d, want ≥ 0 (0 = input-independent B and C)", p.Groups)
	}
	if p.Groups > 0 && p.Dim%p.Groups != 0 {
		return shape{}, fmt.Errorf("scan: Dim = %d is not divisible by Groups = %d", p.Dim, p.Groups)
	}
	if p.Layout != BDL && p.Layout != BLD {
		return shape{}, fmt.Errorf("scan: Layout = %d, want BDL or BLD", int(p.Layout))
	}
	var s shape
	var ok [4]bool
	s.x, ok[0] = mulSizes(p.Batch, p.Dim, p.SeqLen)
	s.a, ok[1] = mulSizes(p.Dim, p.State)
	s.state, ok[2] = mulSizes(p.Batch, p.Dim, p.State)
	if p.Groups == 0 {
		s.bc, ok[3] = s.a, ok[1]
	} else {
		s.bc, ok[3] = mulSizes(p.Batch, p.Groups, p.State, p.SeqLen)
	}
	for i, name := range []string{"Batch*Dim*SeqLen", "Dim*State", "Batch*Dim*State", "the size of B and C"} {
		if !ok[i] || []int{s.x, s.a, s.state, s.bc}[i] > maxElements {
			return shape{}, fmt.Errorf("scan: %s overflows (Batch %d, Dim %d, SeqLen %d, State %d, Groups %d)",
				name, p.Batch, p.Dim, p.SeqLen, p.State, p.Groups)
		}
	}
	return s, nil
}

// checkLen reports a slice whose length is not want. A required slice must
// be non-nil; an optional one may be nil.
func checkLen(name string, x []float32, want int, wantDesc string, optional bool) error {
	if x == nil {
		if optional {
			return nil
		}
		return fmt.Errorf("scan: %s is nil, want %s = %d elements", name, wantDesc, want)
	}
	if len(x) != want {
		return fmt.Errorf("scan: len(%s) = %d, want %s = %d", name, len(x), wantDesc, want)
	}
	return nil
}

// checkFinite rejects a NaN or infinite weight: A, D and DeltaBias are
// parameters of the model, and a non-finite one is a caller's bug that
// would silently poison every output. Activations (U, Delta, B, C, Z,
// InitialState) are not inspected: their NaN and Inf propagate as in the
// reference.
func checkFinite(name string, x []float32) error {
	for i, v := range x {
		if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
			return fmt.Errorf("scan: %s[%d] = %v, want a finite value", name, i, v)
		}
	}
	return nil
}

// checkParams validates every slice of p against its dimensions. When
// weights is set it also rejects non-finite A, D and DeltaBias.
func checkParams(p *Params, weights bool) (shape, error) {
	s, err := checkShape(p)
	if err != nil {
		return s, err
	}
	xDesc := "Batch*Dim*SeqLen"
	bcDesc := "Batch*Groups*State*SeqLen"
	if p.Groups == 0 {
		bcDesc = "Dim*State (Groups = 0)"
	}
	for _, c := range []struct {
		name     string
		x        []float32
		want     int
		desc     string
		optional bool
	}{
		{"U", p.U, s.x, xDesc, false},
		{"Delta", p.Delta, s.x, xDesc, false},
		{"A", p.A, s.a, "Dim*State", false},
		{"B", p.B, s.bc, bcDesc, false},
		{"C", p.C, s.bc, bcDesc, false},
		{"D", p.D, p.Dim, "Dim", true},
		{"DeltaBias", p.DeltaBias, p.Dim, "Dim", true},
		{"Z", p.Z, s.x, xDesc, true},
		{"InitialState", p.InitialState, s.state, "Batch*Dim*State", true},
	} {
		if err := checkLen(c.name, c.x, c.want, c.desc, c.optional); err != nil {
			return s, err
		}
	}
	if weights {
		for _, w := range []struct {
			name string
			x    []float32
		}{{"A", p.A}, {"D", p.D}, {"DeltaBias", p.DeltaBias}} {
			if err := checkFinite(w.name, w.x); err != nil {
				return s, err
			}
		}
	}
	return s, nil
}

// overlaps reports whether x and y share memory.
func overlaps(x, y []float32) bool {
	if len(x) == 0 || len(y) == 0 {
		return false
	}
	x0 := uintptr(unsafe.Pointer(unsafe.SliceData(x)))
	y0 := uintptr(unsafe.Pointer(unsafe.SliceData(y)))
	return x0 < y0+uintptr(len(y))*4 && y0 < x0+uintptr(len(x))*4
}

// checkOutput rejects an output slice that shares memory with an input of
// p: the kernels read inputs after writing outputs, so aliasing would
// silently change results from one level to another.
func checkOutput(name string, out []float32, p *Params) error {
	for _, in := range []struct {
		name string
		x    []float32
	}{
		{"U", p.U}, {"Delta", p.Delta}, {"A", p.A}, {"B", p.B}, {"C", p.C},
		{"D", p.D}, {"DeltaBias", p.DeltaBias}, {"Z", p.Z}, {"InitialState", p.InitialState},
	} {
		if overlaps(out, in.x) {
			return fmt.Errorf("scan: %s overlaps %s", name, in.name)
		}
	}
	return nil
}
