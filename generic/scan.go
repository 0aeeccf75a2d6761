package generic

import "math"

// Layout is the memory order of the per-step tensors of a selective scan.
type Layout int

const (
	// BDL is Mamba's and PyTorch's order: U[batch][dim][seqLen], sequence
	// contiguous; B and C are [batch][groups][state][seqLen].
	BDL Layout = iota
	// BLD is channels-last: U[batch][seqLen][dim]; B and C are
	// [batch][seqLen][groups][state].
	BLD
)

func (l Layout) String() string {
	switch l {
	case BDL:
		return "BDL"
	case BLD:
		return "BLD"
	}
	return "Layout(invalid)"
}

// ScanParams describes one selective scan (Mamba's S6). Per batch b,
// channel d, step l and state n:
//
//	δ    = Delta[b,d,l] + DeltaBias[d];  if DeltaSoftplus: δ = softplus(δ)
//	h[n] = exp(δ·A[d,n])·h[n] + δ·B[b,g(d),n,l]·U[b,d,l]
//	y    = Σ_n h[n]·C[b,g(d),n,l] + D[d]·U[b,d,l]
//	out  = y·silu(Z[b,d,l])            if Z is given
//
// with g(d) = d / (Dim/Groups), softplus(x) = x for x > 20 and log1p(exp(x))
// otherwise, silu(z) = z·sigmoid(z). h starts at InitialState (zero when
// nil). This is selective_scan_ref of the mamba repository.
type ScanParams struct {
	Batch, Dim, SeqLen, State int
	// Groups is the number of B/C groups; 0 means that B and C are
	// input-independent, [Dim][State].
	Groups int
	Layout Layout
	// U, Delta and Z are [Batch][Dim][SeqLen] (BDL) or
	// [Batch][SeqLen][Dim] (BLD); Z may be nil.
	U, Delta []float32
	A        []float32 // [Dim][State]
	// B and C are [Batch][Groups][State][SeqLen] (BDL) or
	// [Batch][SeqLen][Groups][State] (BLD), or [Dim][State] when Groups = 0.
	B, C          []float32
	D, DeltaBias  []float32 // [Dim] or nil
	Z             []float32
	DeltaSoftplus bool
	InitialState  []float32 // [Batch][Dim][State] or nil
}

// softplusThreshold is torch's F.softplus threshold (beta = 1): above it
// softplus(x) is x itself.
const softplusThreshold = 20

// Softplus is torch's F.softplus with beta 1 and threshold 20.
func Softplus(x float64) float64 {
	if x > softplusThreshold {
		return x
	}
	return math.Log1p(math.Exp(x))
}

// Sigmoid is 1/(1+exp(−x)), written so that neither tail overflows.
func Sigmoid(x float64) float64 {
	if x >= 0 {
		return 1 / (1 + math.Exp(-x))
	}
	e := math.Exp(x)
	return e / (1 + e)
}

// SiLU is x·sigmoid(x).
func SiLU(x float64) float64 { return x * Sigmoid(x) }

// maxStackState is the largest State whose float64 h lives on the stack;
// larger states (no published model has one) allocate per call.
const maxStackState = 256

// stateBuffer returns stack[:n] when it fits, else a new slice.
func stateBuffer(stack []float64, n int) []float64 {
	if n <= len(stack) {
		return stack[:n]
	}
	return make([]float64, n)
}

// scanIndex maps (b, d, l, n) to offsets in the slices of a ScanParams.
// The public packages have validated every length before any kernel runs.
type scanIndex struct {
	p            *ScanParams
	channelsPerG int
}

func newScanIndex(p *ScanParams) scanIndex {
	ix := scanIndex{p: p}
	if p.Groups > 0 {
		ix.channelsPerG = p.Dim / p.Groups
	}
	return ix
}

// x is the offset of U, Delta, Z and out at (b, d, l).
func (ix scanIndex) x(b, d, l int) int {
	p := ix.p
	if p.Layout == BLD {
		return (b*p.SeqLen+l)*p.Dim + d
	}
	return (b*p.Dim+d)*p.SeqLen + l
}

// bc is the offset of B and C at (b, d, n, l).
func (ix scanIndex) bc(b, d, n, l int) int {
	p := ix.p
	if p.Groups == 0 {
		return d*p.State + n
	}
	g := d / ix.channelsPerG
	if p.Layout == BLD {
		return ((b*p.SeqLen+l)*p.Groups+g)*p.State + n
	}
	return ((b*p.Groups+g)*p.State+n)*p.SeqLen + l
}

// state is the offset of InitialState and last states at (b, d, n).
func (ix scanIndex) state(b, d, n int) int {
	return (b*ix.p.Dim+d)*ix.p.State + n
}

// delta is δ at (b, d, l) after bias and softplus, and the value before
// softplus (which the backward pass needs).
func (ix scanIndex) delta(b, d, l int) (delta, raw float64) {
	p := ix.p
	raw = float64(p.Delta[ix.x(b, d, l)])
	if p.DeltaBias != nil {
		raw += float64(p.DeltaBias[d])
	}
	if p.DeltaSoftplus {
		return Softplus(raw), raw
	}
	return raw, raw
}

// ScanForward computes the selective scan of p into out (like U) and, when
// lastState is not nil, the final h into lastState ([Batch][Dim][State]).
// It accumulates in float64 and rounds once to float32: it is the oracle the
// assembly kernels are measured against, and their fallback.
func ScanForward(out, lastState []float32, p *ScanParams) {
	ix := newScanIndex(p)
	var stack [maxStackState]float64
	h := stateBuffer(stack[:], p.State)
	for b := 0; b < p.Batch; b++ {
		for d := 0; d < p.Dim; d++ {
			for n := range h {
				h[n] = 0
				if p.InitialState != nil {
					h[n] = float64(p.InitialState[ix.state(b, d, n)])
				}
			}
			for l := 0; l < p.SeqLen; l++ {
				out[ix.x(b, d, l)] = float32(ix.step(h, b, d, l))
			}
			if lastState != nil {
				for n, v := range h {
					lastState[ix.state(b, d, n)] = float32(v)
				}
			}
		}
	}
}

// step advances h by step l of channel d and returns the gated output.
func (ix scanIndex) step(h []float64, b, d, l int) float64 {
	p := ix.p
	delta, _ := ix.delta(b, d, l)
	u := float64(p.U[ix.x(b, d, l)])
	var y float64
	for n := range h {
		a := float64(p.A[d*p.State+n])
		h[n] = math.Exp(delta*a)*h[n] + delta*float64(p.B[ix.bc(b, d, n, l)])*u
		y += h[n] * float64(p.C[ix.bc(b, d, n, l)])
	}
	if p.D != nil {
		y += float64(p.D[d]) * u
	}
	if p.Z != nil {
		y *= SiLU(float64(p.Z[ix.x(b, d, l)]))
	}
	return y
}

// ScanStep is one decode step: p.SeqLen is 1, state ([Batch][Dim][State])
// holds h before the step and is overwritten with h after it; p.InitialState
// is ignored. It is ScanForward starting from state: each channel's state is
// read before it is written, so the two may be the same memory here.
func ScanStep(out, state []float32, p *ScanParams) {
	q := *p
	q.InitialState = state
	ScanForward(out, state, &q)
}
