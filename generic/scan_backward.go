package generic

import "math"

// ScanGrads receives the gradients of a selective scan's loss
// L = Σ out·dout with respect to its inputs. A nil field is a gradient that
// is not wanted; every other field has the length of the input it belongs
// to and is overwritten. Gradients of inputs that several channels, steps
// or batches share (A, D, DeltaBias; B and C when Groups is 0 or when
// channels share a group) are summed over everything that shares them, as
// autograd does.
type ScanGrads struct {
	U, Delta, A, B, C, D, Z, DeltaBias, InitialState []float32
}

// ScanBackwardScratchLen is the number of float64 values ScanBackward needs
// as working memory for p.
func ScanBackwardScratchLen(p *ScanParams) int {
	bc := p.Dim * p.State
	if p.Groups > 0 {
		bc = p.Batch * p.Groups * p.State * p.SeqLen
	}
	// States of one channel at every step and the gradient carried back
	// through the state, then float64 accumulators for the shared
	// gradients: A, B, C, D and DeltaBias.
	return (p.SeqLen+2)*p.State + p.Dim*p.State + 2*bc + 2*p.Dim
}

// ScanBackward writes into g the gradients of Σ out·dout, where out is
// ScanForward's output for p and dout has out's shape. scratch holds at
// least ScanBackwardScratchLen(p) values.
//
// It is the hand-derived reverse-time recurrence of the forward pass.
// With a = exp(δ·A), h_l = a_l·h_{l−1} + δ_l·B_l·u_l, y_l = Σ C_l·h_l + D·u_l
// and out_l = y_l·silu(z_l), the gradient reaching h_l is
//
//	g_l = dy_l·C_l + a_{l+1}·g_{l+1},   dy_l = dout_l·silu(z_l),
//
// from which dC_l = dy_l·h_l, dB_l = g_l·δ_l·u_l, du_l = D·dy_l + Σ g_l·δ_l·B_l,
// dδ_l = Σ g_l·(B_l·u_l + A·a_l·h_{l−1}), dA = Σ_l g_l·δ_l·a_l·h_{l−1},
// dh_{−1} = a_0·g_0, and dΔ = dδ·softplus′ (sigmoid below the threshold,
// 1 above it). The states h_l of one channel are recomputed forward into
// scratch first, in float64, so memory is O(SeqLen·State) per channel, not
// per call; the shared gradients are accumulated in float64 and rounded
// once. Every non-nil field of g is overwritten, not accumulated into.
func ScanBackward(g *ScanGrads, dout []float32, p *ScanParams, scratch []float64) {
	ix := newScanIndex(p)
	n, L := p.State, p.SeqLen
	hs, rest := scratch[:(L+1)*n], scratch[(L+1)*n:]
	carry, rest := rest[:n], rest[n:]
	accA, rest := rest[:p.Dim*n], rest[p.Dim*n:]
	bc := p.Dim * n
	if p.Groups > 0 {
		bc = p.Batch * p.Groups * n * L
	}
	accB, rest := rest[:bc], rest[bc:]
	accC, rest := rest[:bc], rest[bc:]
	accD, accBias := rest[:p.Dim], rest[p.Dim:2*p.Dim]
	for _, acc := range [][]float64{accA, accB, accC, accD, accBias} {
		clear(acc)
	}

	for b := 0; b < p.Batch; b++ {
		for d := 0; d < p.Dim; d++ {
			// Forward: hs[(l+1)·n …] is h after step l, hs[0 …] the initial state.
			for k := 0; k < n; k++ {
				hs[k] = 0
				if p.InitialState != nil {
					hs[k] = float64(p.InitialState[ix.state(b, d, k)])
				}
			}
			for l := 0; l < L; l++ {
				delta, _ := ix.delta(b, d, l)
				u := float64(p.U[ix.x(b, d, l)])
				prev, cur := hs[l*n:(l+1)*n], hs[(l+1)*n:(l+2)*n]
				for k := 0; k < n; k++ {
					a := math.Exp(delta * float64(p.A[d*n+k]))
					cur[k] = a*prev[k] + delta*float64(p.B[ix.bc(b, d, k, l)])*u
				}
			}

			// Backward: carry holds a_{l+1}·g_{l+1}, the part of g_l that
			// comes from later steps.
			clear(carry)
			for l := L - 1; l >= 0; l-- {
				delta, raw := ix.delta(b, d, l)
				xi := ix.x(b, d, l)
				u := float64(p.U[xi])
				prev, cur := hs[l*n:(l+1)*n], hs[(l+1)*n:(l+2)*n]

				dy := float64(dout[xi])
				if p.Z != nil {
					z := float64(p.Z[xi])
					if g.Z != nil {
						y := 0.0
						for k := 0; k < n; k++ {
							y += cur[k] * float64(p.C[ix.bc(b, d, k, l)])
						}
						if p.D != nil {
							y += float64(p.D[d]) * u
						}
						s := Sigmoid(z)
						g.Z[xi] = float32(dy * y * s * (1 + z*(1-s)))
					}
					dy *= SiLU(z)
				}

				du := 0.0
				if p.D != nil {
					du = float64(p.D[d]) * dy
					accD[d] += dy * u
				}
				ddelta := 0.0
				for k := 0; k < n; k++ {
					bci := ix.bc(b, d, k, l)
					c, bb, a := float64(p.C[bci]), float64(p.B[bci]), float64(p.A[d*n+k])
					accC[bci] += dy * cur[k]
					gk := dy*c + carry[k]
					ea := math.Exp(delta * a)
					// dL/da_l = g·h_{l−1}; a = exp(δ·A).
					da := gk * prev[k] * ea
					ddelta += gk*bb*u + da*a
					accA[d*n+k] += da * delta
					accB[bci] += gk * delta * u
					du += gk * delta * bb
					carry[k] = gk * ea
				}
				if g.U != nil {
					g.U[xi] = float32(du)
				}
				draw := ddelta
				if p.DeltaSoftplus && raw <= softplusThreshold {
					draw *= Sigmoid(raw)
				}
				if g.Delta != nil {
					g.Delta[xi] = float32(draw)
				}
				accBias[d] += draw
			}
			if g.InitialState != nil {
				for k := 0; k < n; k++ {
					g.InitialState[ix.state(b, d, k)] = float32(carry[k])
				}
			}
		}
	}
	for _, out := range []struct {
		dst []float32
		acc []float64
	}{{g.A, accA}, {g.B, accB}, {g.C, accC}, {g.D, accD}, {g.DeltaBias, accBias}} {
		for i := range out.dst {
			out.dst[i] = float32(out.acc[i])
		}
	}
}
