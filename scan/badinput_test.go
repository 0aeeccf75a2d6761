package scan_test

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/ssmkern/ssmkern/scan"
)

// badCall is one invalid call and a word its error must contain, so that
// the error names the argument at fault.
type badCall struct {
	name  string
	names string // a substring the error must contain
	call  func() error
}

// forwardWith returns a call of Forward on a valid problem after edit has
// broken it.
func forwardWith(edit func(p *scan.Params, out, last *[]float32)) func() error {
	return func() error {
		rng := rand.New(rand.NewPCG(21, 22))
		p := randomParams(rng, scanShape{Batch: 2, Dim: 6, SeqLen: 5, State: 4, Groups: 2, Layout: scan.BDL,
			D: true, Z: true, DeltaBias: true, Softplus: true, InitialState: true})
		out := make([]float32, p.Batch*p.Dim*p.SeqLen)
		last := make([]float32, p.Batch*p.Dim*p.State)
		edit(p, &out, &last)
		return scan.Forward(out, last, p)
	}
}

// stepWith is forwardWith for Step.
func stepWith(edit func(p *scan.Params, out, state *[]float32)) func() error {
	return func() error {
		rng := rand.New(rand.NewPCG(23, 24))
		p := randomParams(rng, scanShape{Batch: 2, Dim: 6, SeqLen: 1, State: 4, Groups: 1, Layout: scan.BLD, D: true})
		out := make([]float32, p.Batch*p.Dim)
		state := make([]float32, p.Batch*p.Dim*p.State)
		edit(p, &out, &state)
		return scan.Step(out, state, p)
	}
}

// backwardWith is forwardWith for Backward.
func backwardWith(edit func(p *scan.Params, g *scan.Grads, dout *[]float32)) func() error {
	return func() error {
		rng := rand.New(rand.NewPCG(25, 26))
		p := randomParams(rng, scanShape{Batch: 2, Dim: 6, SeqLen: 5, State: 4, Groups: 3, Layout: scan.BLD,
			D: true, Z: true, Softplus: true})
		g := allGrads(p)
		dout := make([]float32, len(p.U))
		edit(p, g, &dout)
		return scan.Backward(g, dout, p)
	}
}

// ssdWith is forwardWith for SSD.
func ssdWith(edit func(p *scan.SSDParams, y, state *[]float32)) func() error {
	return func() error {
		p := randomSSD(rand.New(rand.NewPCG(27, 28)), 2, 9, 4, 3, 2, 5, 4, true)
		y := make([]float32, len(p.X))
		state := make([]float32, p.Batch*p.Heads*p.HeadDim*p.State)
		edit(p, &y, &state)
		return scan.SSD(y, state, p)
	}
}

func badScanCalls() []badCall {
	nan := float32(math.NaN())
	type P = scan.Params
	type S = *[]float32
	return []badCall{
		{"nil params", "Params", func() error { return scan.Forward(nil, nil, nil) }},
		{"zero batch", "Batch", forwardWith(func(p *P, o, l S) { p.Batch = 0 })},
		{"negative dim", "Dim", forwardWith(func(p *P, o, l S) { p.Dim = -6 })},
		{"zero seqlen", "SeqLen", forwardWith(func(p *P, o, l S) { p.SeqLen = 0 })},
		{"negative state", "State", forwardWith(func(p *P, o, l S) { p.State = -1 })},
		{"negative groups", "Groups", forwardWith(func(p *P, o, l S) { p.Groups = -2 })},
		{"dim not divisible by groups", "Groups", forwardWith(func(p *P, o, l S) { p.Groups = 4 })},
		{"unknown layout", "Layout", forwardWith(func(p *P, o, l S) { p.Layout = 7 })},
		{"overflowing sizes", "overflows", forwardWith(func(p *P, o, l S) { p.Batch, p.SeqLen = math.MaxInt/2, 1<<20 })},
		{"overflow in B size", "overflows", forwardWith(func(p *P, o, l S) { p.Dim, p.Groups, p.State = math.MaxInt/4+1, math.MaxInt/4+1, 1<<30 })}, // fits an int on 32-bit too
		{"short U", "len(U)", forwardWith(func(p *P, o, l S) { p.U = p.U[:len(p.U)-1] })},
		{"long Delta", "len(Delta)", forwardWith(func(p *P, o, l S) { p.Delta = append(p.Delta, 0) })},
		{"nil U", "U is nil", forwardWith(func(p *P, o, l S) { p.U = nil })},
		{"nil Delta", "Delta is nil", forwardWith(func(p *P, o, l S) { p.Delta = nil })},
		{"nil A", "A is nil", forwardWith(func(p *P, o, l S) { p.A = nil })},
		{"short A", "len(A)", forwardWith(func(p *P, o, l S) { p.A = p.A[1:] })},
		{"nil B", "B is nil", forwardWith(func(p *P, o, l S) { p.B = nil })},
		{"short C", "len(C)", forwardWith(func(p *P, o, l S) { p.C = p.C[:3] })},
		{"B sized for Groups 0", "len(B)", forwardWith(func(p *P, o, l S) { p.B = make([]float32, p.Dim*p.State) })},
		{"short D", "len(D)", forwardWith(func(p *P, o, l S) { p.D = p.D[:2] })},
		{"long DeltaBias", "len(DeltaBias)", forwardWith(func(p *P, o, l S) { p.DeltaBias = append(p.DeltaBias, 1) })},
		{"short Z", "len(Z)", forwardWith(func(p *P, o, l S) { p.Z = p.Z[:1] })},
		{"short InitialState", "len(InitialState)", forwardWith(func(p *P, o, l S) { p.InitialState = p.InitialState[:5] })},
		{"nil out", "out is nil", forwardWith(func(p *P, o, l S) { *o = nil })},
		{"short out", "len(out)", forwardWith(func(p *P, o, l S) { *o = (*o)[:7] })},
		{"short lastState", "len(lastState)", forwardWith(func(p *P, o, l S) { *l = (*l)[:7] })},
		{"out aliasing U", "out overlaps U", forwardWith(func(p *P, o, l S) { *o = p.U })},
		{"lastState aliasing InitialState", "lastState overlaps InitialState", forwardWith(func(p *P, o, l S) { *l = p.InitialState })},
		{"lastState inside out", "out overlaps lastState", forwardWith(func(p *P, o, l S) { *l = (*o)[:len(*l)] })},
		{"NaN in A", "A[3]", forwardWith(func(p *P, o, l S) { p.A[3] = nan })},
		{"Inf in D", "D[1]", forwardWith(func(p *P, o, l S) { p.D[1] = float32(math.Inf(1)) })},
		{"NaN in DeltaBias", "DeltaBias[0]", forwardWith(func(p *P, o, l S) { p.DeltaBias[0] = nan })},
		{"Step with SeqLen 2", "SeqLen", stepWith(func(p *P, o, s S) { p.SeqLen = 2 })},
		{"Step with nil state", "state is nil", stepWith(func(p *P, o, s S) { *s = nil })},
		{"Step with short state", "len(state)", stepWith(func(p *P, o, s S) { *s = (*s)[:3] })},
		{"Step with InitialState", "InitialState", stepWith(func(p *P, o, s S) { p.InitialState = make([]float32, len(*s)) })},
		{"Step with out aliasing state", "overlaps", stepWith(func(p *P, o, s S) { *o = (*s)[:len(*o)] })},
		{"Step with short U", "len(U)", stepWith(func(p *P, o, s S) { p.U = p.U[:1] })},
		{"Backward with nil Grads", "Grads is nil", func() error {
			p := randomParams(rand.New(rand.NewPCG(1, 1)), scanShape{Batch: 1, Dim: 2, SeqLen: 2, State: 2, Groups: 1})
			return scan.Backward(nil, make([]float32, 4), p)
		}},
		{"Backward with nil Params", "Params", func() error { return scan.Backward(&scan.Grads{}, nil, nil) }},
		{"Backward with short dout", "len(dout)", backwardWith(func(p *P, g *scan.Grads, d S) { *d = (*d)[1:] })},
		{"Backward with long g.B", "len(g.B)", backwardWith(func(p *P, g *scan.Grads, d S) { g.B = append(g.B, 0) })},
		{"Backward gradient of absent DeltaBias", "g.DeltaBias", backwardWith(func(p *P, g *scan.Grads, d S) { g.DeltaBias = make([]float32, p.Dim) })},
		{"Backward gradient of absent InitialState", "g.InitialState", backwardWith(func(p *P, g *scan.Grads, d S) { g.InitialState = make([]float32, 48) })},
		{"Backward g.U aliasing U", "g.U overlaps U", backwardWith(func(p *P, g *scan.Grads, d S) { g.U = p.U })},
		{"Backward g.Z aliasing g.U", "g.Z overlaps g.U", backwardWith(func(p *P, g *scan.Grads, d S) { g.Z = g.U })},
		{"Backward g.Delta aliasing dout", "g.Delta overlaps dout", backwardWith(func(p *P, g *scan.Grads, d S) { g.Delta = *d })},
		{"SSD with nil params", "SSDParams", func() error { return scan.SSD(nil, nil, nil) }},
		{"SSD with zero ChunkSize", "ChunkSize", ssdWith(func(p *scan.SSDParams, y, s S) { p.ChunkSize = 0 })},
		{"SSD with negative Heads", "Heads", ssdWith(func(p *scan.SSDParams, y, s S) { p.Heads = -4 })},
		{"SSD with Heads not divisible by Groups", "Groups", ssdWith(func(p *scan.SSDParams, y, s S) { p.Groups = 3 })},
		{"SSD with overflowing sizes", "overflow", ssdWith(func(p *scan.SSDParams, y, s S) { p.SeqLen, p.HeadDim = math.MaxInt/2, math.MaxInt/2 })},
		{"SSD with short X", "len(X)", ssdWith(func(p *scan.SSDParams, y, s S) { p.X = p.X[1:] })},
		{"SSD with nil Dt", "Dt is nil", ssdWith(func(p *scan.SSDParams, y, s S) { p.Dt = nil })},
		{"SSD with long A", "len(A)", ssdWith(func(p *scan.SSDParams, y, s S) { p.A = append(p.A, -1) })},
		{"SSD with short C", "len(C)", ssdWith(func(p *scan.SSDParams, y, s S) { p.C = p.C[:2] })},
		{"SSD with short InitialState", "len(InitialState)", ssdWith(func(p *scan.SSDParams, y, s S) { p.InitialState = p.InitialState[:1] })},
		{"SSD with NaN in A", "A[1]", ssdWith(func(p *scan.SSDParams, y, s S) { p.A[1] = float32(math.NaN()) })},
		{"SSD with short y", "len(y)", ssdWith(func(p *scan.SSDParams, y, s S) { *y = (*y)[:3] })},
		{"SSD with y aliasing Z", "y overlaps Z", ssdWith(func(p *scan.SSDParams, y, s S) { *y = p.Z })},
		{"SSD with finalState inside y", "overlaps", ssdWith(func(p *scan.SSDParams, y, s S) { *s = (*y)[:len(*s)] })},
		{"Backward NaN in A", "A[0]", backwardWith(func(p *P, g *scan.Grads, d S) { p.A[0] = float32(math.NaN()) })},
	}
}

func TestBadInputsReturnErrorsNamingTheArgument(t *testing.T) {
	for _, c := range badScanCalls() {
		t.Run(strings.ReplaceAll(c.name, " ", "_"), func(t *testing.T) {
			var err error
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Fatalf("panicked: %v", r)
					}
				}()
				err = c.call()
			}()
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), c.names) {
				t.Errorf("error %q does not name %q", err, c.names)
			}
		})
	}
}
