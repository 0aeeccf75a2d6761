package scan

import (
	"fmt"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/generic"
)

// SSDParams describes one Mamba-2 layer; the field comments of
// generic.SSDParams give the formula and every tensor's layout.
type SSDParams = generic.SSDParams

// SSD runs Mamba-2's state-space duality (mamba_chunk_scan_combined):
// y receives the outputs (like X) and, when finalState is not nil, the
// state after the last step ([Batch][Heads][HeadDim][State]). It uses the
// chunked algorithm with p.ChunkSize steps per chunk; SeqLen need not be a
// multiple of it. Outputs must not share memory with inputs.
func SSD(y, finalState []float32, p *SSDParams) error {
	if p == nil {
		return fmt.Errorf("scan: SSDParams is nil")
	}
	for _, f := range []struct {
		name string
		v    int
	}{{"Batch", p.Batch}, {"SeqLen", p.SeqLen}, {"Heads", p.Heads}, {"HeadDim", p.HeadDim},
		{"Groups", p.Groups}, {"State", p.State}, {"ChunkSize", p.ChunkSize}} {
		if f.v < 1 {
			return fmt.Errorf("scan: SSD: %s = %d, want ≥ 1", f.name, f.v)
		}
	}
	if p.Heads%p.Groups != 0 {
		return fmt.Errorf("scan: SSD: Heads = %d is not divisible by Groups = %d", p.Heads, p.Groups)
	}
	x, ok1 := mulSizes(p.Batch, p.SeqLen, p.Heads, p.HeadDim)
	dt, ok2 := mulSizes(p.Batch, p.SeqLen, p.Heads)
	bc, ok3 := mulSizes(p.Batch, p.SeqLen, p.Groups, p.State)
	st, ok4 := mulSizes(p.Batch, p.Heads, p.HeadDim, p.State)
	chunk, ok5 := mulSizes(min(p.ChunkSize, p.SeqLen), min(p.ChunkSize, p.SeqLen))
	if !(ok1 && ok2 && ok3 && ok4 && ok5) || max(x, bc, st, chunk) > maxElements {
		return fmt.Errorf("scan: SSD: sizes overflow (Batch %d, SeqLen %d, Heads %d, HeadDim %d, Groups %d, State %d, ChunkSize %d)",
			p.Batch, p.SeqLen, p.Heads, p.HeadDim, p.Groups, p.State, p.ChunkSize)
	}
	inputs := []struct {
		name     string
		v        []float32
		want     int
		desc     string
		optional bool
	}{
		{"X", p.X, x, "Batch*SeqLen*Heads*HeadDim", false},
		{"Dt", p.Dt, dt, "Batch*SeqLen*Heads", false},
		{"A", p.A, p.Heads, "Heads", false},
		{"B", p.B, bc, "Batch*SeqLen*Groups*State", false},
		{"C", p.C, bc, "Batch*SeqLen*Groups*State", false},
		{"D", p.D, p.Heads, "Heads", true},
		{"DtBias", p.DtBias, p.Heads, "Heads", true},
		{"Z", p.Z, x, "Batch*SeqLen*Heads*HeadDim", true},
		{"InitialState", p.InitialState, st, "Batch*Heads*HeadDim*State", true},
	}
	for _, in := range inputs {
		if err := checkLen(in.name, in.v, in.want, in.desc, in.optional); err != nil {
			return err
		}
	}
	for _, w := range []struct {
		name string
		v    []float32
	}{{"A", p.A}, {"D", p.D}, {"DtBias", p.DtBias}} {
		if err := checkFinite(w.name, w.v); err != nil {
			return err
		}
	}
	if err := checkLen("y", y, x, "Batch*SeqLen*Heads*HeadDim", false); err != nil {
		return err
	}
	if err := checkLen("finalState", finalState, st, "Batch*Heads*HeadDim*State", true); err != nil {
		return err
	}
	for _, out := range []struct {
		name string
		v    []float32
	}{{"y", y}, {"finalState", finalState}} {
		for _, in := range inputs {
			if overlaps(out.v, in.v) {
				return fmt.Errorf("scan: %s overlaps %s", out.name, in.name)
			}
		}
	}
	if overlaps(y, finalState) {
		return fmt.Errorf("scan: y overlaps finalState")
	}
	ssd(asm.Current(), y, finalState, p)
	return nil
}

// ssdScratch pools the float64 working memory of SSD.
var ssdScratch slicePool[float64]

// ssd runs a validated call at level l; every level runs the float64
// chunked reference for now.
func ssd(l asm.Level, y, finalState []float32, p *SSDParams) {
	buf := ssdScratch.get(generic.SSDScratchLen(p))
	generic.SSDChunked(y, finalState, p, *buf)
	ssdScratch.put(buf)
}
