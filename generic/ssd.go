package generic

import "math"

// SSDParams describes one Mamba-2 state-space-duality layer
// (mamba_chunk_scan_combined semantics). Per batch b, head h (in group
// g = h / (Heads/Groups)), step t, head channel p and state n:
//
//	δ        = Dt[b,t,h] + DtBias[h];  if DtSoftplus: δ = softplus(δ)
//	S[p,n]   = exp(δ·A[h])·S[p,n] + δ·X[b,t,h,p]·B[b,t,g,n]
//	y[p]     = Σ_n S[p,n]·C[b,t,g,n] + D[h]·X[b,t,h,p]
//	Y[b,t,h,p] = y[p]·silu(Z[b,t,h,p])       if Z is given
//
// S starts at InitialState (zero when nil). ChunkSize is the block length
// of the chunked algorithm; it changes rounding, not the result.
type SSDParams struct {
	Batch, SeqLen, Heads, HeadDim, Groups, State, ChunkSize int

	X            []float32 // [Batch][SeqLen][Heads][HeadDim]
	Dt           []float32 // [Batch][SeqLen][Heads]
	A            []float32 // [Heads]: scalar decay per head
	B, C         []float32 // [Batch][SeqLen][Groups][State]
	D, DtBias    []float32 // [Heads] or nil
	Z            []float32 // like X, or nil
	DtSoftplus   bool
	InitialState []float32 // [Batch][Heads][HeadDim][State] or nil
}

// ssdIndex maps indices to offsets in the slices of an SSDParams.
type ssdIndex struct{ p *SSDParams }

func (ix ssdIndex) x(b, t, h, q int) int {
	p := ix.p
	return ((b*p.SeqLen+t)*p.Heads+h)*p.HeadDim + q
}

func (ix ssdIndex) bc(b, t, h, n int) int {
	p := ix.p
	g := h / (p.Heads / p.Groups)
	return ((b*p.SeqLen+t)*p.Groups+g)*p.State + n
}

func (ix ssdIndex) state(b, h, q, n int) int {
	p := ix.p
	return ((b*p.Heads+h)*p.HeadDim+q)*p.State + n
}

// dt is δ at (b, t, h) after bias and softplus.
func (ix ssdIndex) dt(b, t, h int) float64 {
	p := ix.p
	d := float64(p.Dt[(b*p.SeqLen+t)*p.Heads+h])
	if p.DtBias != nil {
		d += float64(p.DtBias[h])
	}
	if p.DtSoftplus {
		d = Softplus(d)
	}
	return d
}

// finish adds the D skip and the z gate to the state term y of (b, t, h, q)
// and stores it.
func (ix ssdIndex) finish(out []float32, y float64, b, t, h, q int) {
	p := ix.p
	i := ix.x(b, t, h, q)
	if p.D != nil {
		y += float64(p.D[h]) * float64(p.X[i])
	}
	if p.Z != nil {
		y *= SiLU(float64(p.Z[i]))
	}
	out[i] = float32(y)
}

// SSDRecurrent evaluates p step by step, in float64: the definition, and
// the oracle of SSDChunked. It allocates its HeadDim·State state.
func SSDRecurrent(y, finalState []float32, p *SSDParams) {
	ix := ssdIndex{p}
	s := make([]float64, p.HeadDim*p.State)
	for b := 0; b < p.Batch; b++ {
		for h := 0; h < p.Heads; h++ {
			loadSSDState(s, ix, b, h)
			for t := 0; t < p.SeqLen; t++ {
				dt := ix.dt(b, t, h)
				decay := math.Exp(dt * float64(p.A[h]))
				for q := 0; q < p.HeadDim; q++ {
					x := dt * float64(p.X[ix.x(b, t, h, q)])
					row := s[q*p.State : (q+1)*p.State]
					acc := 0.0
					for n := range row {
						row[n] = decay*row[n] + x*float64(p.B[ix.bc(b, t, h, n)])
						acc += row[n] * float64(p.C[ix.bc(b, t, h, n)])
					}
					ix.finish(y, acc, b, t, h, q)
				}
			}
			storeSSDState(finalState, s, ix, b, h)
		}
	}
}

func loadSSDState(s []float64, ix ssdIndex, b, h int) {
	p := ix.p
	for q := 0; q < p.HeadDim; q++ {
		for n := 0; n < p.State; n++ {
			v := 0.0
			if p.InitialState != nil {
				v = float64(p.InitialState[ix.state(b, h, q, n)])
			}
			s[q*p.State+n] = v
		}
	}
}

func storeSSDState(finalState []float32, s []float64, ix ssdIndex, b, h int) {
	if finalState == nil {
		return
	}
	p := ix.p
	for q := 0; q < p.HeadDim; q++ {
		for n := 0; n < p.State; n++ {
			finalState[ix.state(b, h, q, n)] = float32(s[q*p.State+n])
		}
	}
}

// SSDScratchLen is the number of float64 values SSDChunked needs.
func SSDScratchLen(p *SSDParams) int {
	q := min(p.ChunkSize, p.SeqLen)
	// State; per-step δ, cumulative log decay and state-update weight; and
	// the chunk's decayed C·Bᵀ.
	return p.HeadDim*p.State + 3*q + q*q
}

// SSDChunked evaluates p with Mamba-2's chunked algorithm, in float64:
// within a chunk of T ≤ ChunkSize steps, with cumulative log decays
// s_t = Σ_{τ≤t} δ_τ·A,
//
//	y_t = Σ_{τ≤t} (C_t·B_τ)·exp(s_t − s_τ)·δ_τ·x_τ   (the quadratic, attention-like form)
//	    + exp(s_t)·C_t·S_in                          (the state passed in)
//	S_out = exp(s_T)·S_in + Σ_τ exp(s_T − s_τ)·δ_τ·x_τ⊗B_τ
//
// so that only one state per (batch, head) crosses chunk boundaries. The
// last chunk may be shorter. scratch holds SSDScratchLen(p) values.
func SSDChunked(y, finalState []float32, p *SSDParams, scratch []float64) {
	ix := ssdIndex{p}
	q := min(p.ChunkSize, p.SeqLen)
	s, rest := scratch[:p.HeadDim*p.State], scratch[p.HeadDim*p.State:]
	dts, cum, w, cb := rest[:q], rest[q:2*q], rest[2*q:3*q], rest[3*q:3*q+q*q]
	for b := 0; b < p.Batch; b++ {
		for h := 0; h < p.Heads; h++ {
			loadSSDState(s, ix, b, h)
			a := float64(p.A[h])
			for t0 := 0; t0 < p.SeqLen; t0 += q {
				T := min(q, p.SeqLen-t0)
				run := 0.0
				for i := 0; i < T; i++ {
					dts[i] = ix.dt(b, t0+i, h)
					run += dts[i] * a
					cum[i] = run
				}
				for i := 0; i < T; i++ {
					for j := 0; j <= i; j++ {
						dot := 0.0
						for n := 0; n < p.State; n++ {
							dot += float64(p.C[ix.bc(b, t0+i, h, n)]) * float64(p.B[ix.bc(b, t0+j, h, n)])
						}
						cb[i*q+j] = dot * math.Exp(cum[i]-cum[j]) * dts[j]
					}
				}
				for i := 0; i < T; i++ {
					decayIn := math.Exp(cum[i])
					for d := 0; d < p.HeadDim; d++ {
						acc := 0.0
						for j := 0; j <= i; j++ {
							acc += cb[i*q+j] * float64(p.X[ix.x(b, t0+j, h, d)])
						}
						row := s[d*p.State : (d+1)*p.State]
						inter := 0.0
						for n, v := range row {
							inter += v * float64(p.C[ix.bc(b, t0+i, h, n)])
						}
						ix.finish(y, acc+decayIn*inter, b, t0+i, h, d)
					}
				}
				total := cum[T-1]
				for j := 0; j < T; j++ {
					w[j] = math.Exp(total-cum[j]) * dts[j]
				}
				decayAll := math.Exp(total)
				for d := 0; d < p.HeadDim; d++ {
					row := s[d*p.State : (d+1)*p.State]
					for n := range row {
						v := decayAll * row[n]
						for j := 0; j < T; j++ {
							v += w[j] * float64(p.X[ix.x(b, t0+j, h, d)]) * float64(p.B[ix.bc(b, t0+j, h, n)])
						}
						row[n] = v
					}
				}
			}
			storeSSDState(finalState, s, ix, b, h)
		}
	}
}
