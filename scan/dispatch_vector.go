//go:build gc && !purego && (amd64 || arm64)

package scan

import (
	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/generic"
)

// The driver of the vector kernels, shared by amd64 (AVX2, AVX-512) and
// arm64 (NEON): asm's entry points have the same signatures on both, and
// asm.Lanes gives the vector width; every level but asm.Generic has them.

// maxSIMDState is the largest State the vector kernels take; larger states
// (no published model has one) run the generic code.
const maxSIMDState = 256

// forward and step run a validated call at level l.
func forward(l asm.Level, out, lastState []float32, p *Params) {
	if l == asm.Generic || p.State > maxSIMDState {
		generic.ScanForward(out, lastState, p)
		return
	}
	if p.Layout == BLD && p.Groups > 0 && p.SeqLen > 1 {
		scanLanesBLD(l, out, lastState, p)
		return
	}
	if p.Layout == BDL && p.Groups > 0 && p.SeqLen > 1 && p.State == 16 && l == asm.AVX512 {
		scanState16BDL(l, out, lastState, p)
		return
	}
	// NEON has no transpose kernel (asm.Transpose): its BDL scan stays
	// state-vectorised.
	if p.Layout == BDL && p.Groups > 0 && p.SeqLen > 1 && l != asm.NEON {
		scanLanesBDL(l, out, lastState, p)
		return
	}
	scanSIMD(l, out, lastState, p, p.InitialState)
}

// step is Forward over one step, from state and back into it: scanSIMD
// reads a batch's whole state before it writes any of it.
func step(l asm.Level, out, state []float32, p *Params) {
	if l == asm.Generic || p.State > maxSIMDState {
		generic.ScanStep(out, state, p)
		return
	}
	scanSIMD(l, out, state, p, state)
}

// scanWorkPool holds the float32 working memory of vector scan calls.
var scanWorkPool slicePool[float32]

// Tile lengths: steps per call of the channel kernel. BDL rows are
// contiguous in time, so long tiles cost nothing; a BLD tile keeps
// [tile][Dim] effective steps δ in L2 (64 × 5120 × 4 B = 1.3 MB at most).
const (
	bdlTile = 512
	bldTile = 64
)

// scanSIMD runs the selective scan with the vector kernels of level l.
//
// The state of a channel is padded to whole vectors (chunks·lanes floats):
// padded lanes have A = B = C = 0, so their h stays 0 and adds nothing. For
// each tile of steps, δ = softplus(Δ + bias) is computed for the whole tile
// by a row kernel; then, channel by channel, the recurrence kernel runs over
// the tile with that channel's B and C rows gathered into padded panels;
// last, a row kernel adds D·u and applies the silu gate.
func scanSIMD(l asm.Level, out, lastState []float32, p *Params, initial []float32) {
	lanes := asm.Lanes(l)
	chunks := (p.State + lanes - 1) / lanes
	w := chunks * lanes
	// With one step the two layouts coincide; the BLD path handles all
	// channels in a few kernel calls, the decode case.
	bld := p.Layout == BLD || p.SeqLen == 1
	tile := bdlTile
	if bld {
		tile = bldTile
	}
	tile = min(tile, p.SeqLen)

	// Working memory: padded A and h per channel, B and C panels, the
	// effective δ tile, and zeros for an absent bias or D.
	panels := tile
	if p.Groups == 0 {
		panels = p.Dim // one constant row per channel
	}
	deltaLen := tile
	if bld {
		deltaLen = tile * p.Dim
	}
	need := 2*p.Dim*w + 2*panels*w + deltaLen + p.Dim
	work := scanWorkPool.get(need)
	buf := *work
	aPad, buf := buf[:p.Dim*w], buf[p.Dim*w:]
	hPad, buf := buf[:p.Dim*w], buf[p.Dim*w:]
	bPanel, buf := buf[:panels*w], buf[panels*w:]
	cPanel, buf := buf[:panels*w], buf[panels*w:]
	deltaEff, zeros := buf[:deltaLen], buf[deltaLen:deltaLen+p.Dim]
	clear(zeros)
	// A state that fills whole vectors needs no padding: A is used as it
	// is and, for a decode step (initial and last state the same memory),
	// the caller's state is updated in place, so the step moves no data
	// it does not compute with.
	exact := p.State == w
	inPlace := exact && initial != nil && lastState != nil && &initial[0] == &lastState[0]
	if exact {
		aPad = p.A
	} else {
		clear(aPad)
		for d := 0; d < p.Dim; d++ {
			copy(aPad[d*w:], p.A[d*p.State:(d+1)*p.State])
		}
	}
	if p.Groups == 0 {
		clear(bPanel)
		clear(cPanel)
		for d := 0; d < p.Dim; d++ {
			copy(bPanel[d*w:], p.B[d*p.State:(d+1)*p.State])
			copy(cPanel[d*w:], p.C[d*p.State:(d+1)*p.State])
		}
	}

	for b := 0; b < p.Batch; b++ {
		switch {
		case inPlace:
			hPad = lastState[b*p.Dim*w : (b+1)*p.Dim*w]
		case initial == nil:
			clear(hPad)
		default:
			clear(hPad)
			for d := 0; d < p.Dim; d++ {
				s := (b*p.Dim + d) * p.State
				copy(hPad[d*w:], initial[s:s+p.State])
			}
		}
		for l0 := 0; l0 < p.SeqLen; l0 += tile {
			steps := min(tile, p.SeqLen-l0)
			if bld {
				scanTileBLD(l, out, p, b, l0, steps, w, chunks, aPad, hPad, bPanel, cPanel, deltaEff, zeros)
			} else {
				scanTileBDL(l, out, p, b, l0, steps, w, chunks, aPad, hPad, bPanel, cPanel, deltaEff)
			}
		}
		if lastState != nil && !inPlace {
			for d := 0; d < p.Dim; d++ {
				s := (b*p.Dim + d) * p.State
				copy(lastState[s:s+p.State], hPad[d*w:d*w+p.State])
			}
		}
	}
	scanWorkPool.put(work)
}

// fillPanels copies the B and C rows of group g for steps l0 … l0+steps−1
// into [steps][w] panels (zero-padded).
func fillPanels(p *Params, b, g, l0, steps, w int, bPanel, cPanel []float32) {
	clear(bPanel[:steps*w])
	clear(cPanel[:steps*w])
	for i := 0; i < steps; i++ {
		l := l0 + i
		if p.Layout == BLD {
			s := ((b*p.SeqLen+l)*p.Groups + g) * p.State
			copy(bPanel[i*w:], p.B[s:s+p.State])
			copy(cPanel[i*w:], p.C[s:s+p.State])
			continue
		}
		base := (b*p.Groups+g)*p.State*p.SeqLen + l
		for n := 0; n < p.State; n++ {
			bPanel[i*w+n] = p.B[base+n*p.SeqLen]
			cPanel[i*w+n] = p.C[base+n*p.SeqLen]
		}
	}
}

// deltaTail finishes a row of effective steps after the vector kernel.
func deltaTail(dst, src []float32, bias func(i int) float32, softplus bool) {
	for i := range dst {
		x := float64(src[i]) + float64(bias(i))
		if softplus {
			x = generic.Softplus(x)
		}
		dst[i] = float32(x)
	}
}

// gateTail finishes a row of outputs after the vector kernel.
func gateTail(out, u, z []float32, d func(i int) float32) {
	for i := range out {
		y := float64(out[i]) + float64(d(i))*float64(u[i])
		if z != nil {
			y *= generic.SiLU(float64(z[i]))
		}
		out[i] = float32(y)
	}
}

// scanTileBDL runs steps l0 … l0+steps−1 of batch b in the BDL layout:
// every row is one channel's steps, contiguous.
func scanTileBDL(l asm.Level, out []float32, p *Params, b, l0, steps, w, chunks int, aPad, hPad, bPanel, cPanel, deltaEff []float32) {
	perGroup := p.Dim
	if p.Groups > 0 {
		perGroup = p.Dim / p.Groups
	}
	de := deltaEff[:steps]
	for d := 0; d < p.Dim; d++ {
		sbc, bRow, cRow := w, bPanel, cPanel
		if p.Groups == 0 {
			sbc, bRow, cRow = 0, bPanel[d*w:], cPanel[d*w:]
		} else if d%perGroup == 0 {
			fillPanels(p, b, d/perGroup, l0, steps, w, bPanel, cPanel)
		}
		row := (b*p.Dim+d)*p.SeqLen + l0
		deltaRowBDL(l, de, p, d, row)

		y := out[row : row+steps]
		asm.ScanChannels(l, hPad[d*w:(d+1)*w], aPad[d*w:(d+1)*w], bRow, cRow, de, p.U[row:row+steps], y, steps, 1, sbc, chunks, 1, 0, 0)

		if p.D != nil || p.Z != nil {
			gateRowBDL(l, y, p, d, row, steps)
		}
	}
}

// scanTileBLD runs steps l0 … l0+steps−1 of batch b in the BLD layout:
// every row is one step of all channels, so the δ and gate kernels run
// across channels and the channel kernel strides by Dim.
func scanTileBLD(l asm.Level, out []float32, p *Params, b, l0, steps, w, chunks int, aPad, hPad, bPanel, cPanel, deltaEff, zeros []float32) {
	first := (b*p.SeqLen + l0) * p.Dim
	deltaRowsBLD(l, deltaEff, p, first, steps, zeros)
	// One kernel call per group (its channels share the B and C panels), or
	// one for all channels when B and C are per-channel constants.
	runs, perRun, sbc, cbc := 1, p.Dim, 0, w
	if p.Groups > 0 {
		runs, perRun, sbc, cbc = p.Groups, p.Dim/p.Groups, w, 0
	}
	for g := 0; g < runs; g++ {
		d0 := g * perRun
		if p.Groups > 0 {
			fillPanels(p, b, g, l0, steps, w, bPanel, cPanel)
		}
		at := first + d0
		n := (steps-1)*p.Dim + perRun // span of the run's strided values in the tile
		h, a := hPad[d0*w:(d0+perRun)*w], aPad[d0*w:(d0+perRun)*w]
		if steps == 1 && w == 16 && asm.ScanDecode16(l, h, a, bPanel, cPanel, deltaEff[d0:d0+n], p.U[at:at+n], out[at:at+n], perRun, cbc) {
			continue // a decode step of State 16, the common case, by its own kernel
		}
		asm.ScanChannels(l, hPad[d0*w:(d0+perRun)*w], aPad[d0*w:(d0+perRun)*w], bPanel, cPanel,
			deltaEff[d0:d0+n], p.U[at:at+n], out[at:at+n], steps, p.Dim, sbc, chunks, perRun, 1, cbc)
	}
	gateRowsBLD(l, out, p, first, steps, zeros)
}

// deltaRowsBLD writes δ = softplus(Δ + bias) for steps rows of Dim channels
// starting at offset first of Delta into deltaEff ([steps][Dim]).
func deltaRowsBLD(l asm.Level, deltaEff []float32, p *Params, first, steps int, zeros []float32) {
	bias := zeros
	if p.DeltaBias != nil {
		bias = p.DeltaBias
	}
	for i := 0; i < steps; i++ {
		src := p.Delta[first+i*p.Dim : first+(i+1)*p.Dim]
		dst := deltaEff[i*p.Dim : (i+1)*p.Dim]
		done := asm.DeltaRowVec(l, dst, src, bias, p.DeltaSoftplus)
		deltaTail(dst[done:], src[done:], func(j int) float32 { return bias[done+j] }, p.DeltaSoftplus)
	}
}

// gateRowsBLD adds D·u and applies the silu gate to steps rows of Dim
// outputs starting at offset first.
func gateRowsBLD(l asm.Level, out []float32, p *Params, first, steps int, zeros []float32) {
	if p.D == nil && p.Z == nil {
		return
	}
	dv := zeros
	if p.D != nil {
		dv = p.D
	}
	for i := 0; i < steps; i++ {
		r := first + i*p.Dim
		y, u := out[r:r+p.Dim], p.U[r:r+p.Dim]
		var z, zt []float32
		if p.Z != nil {
			z = p.Z[r : r+p.Dim]
		}
		done := asm.GateRowVec(l, y, u, z, dv)
		if z != nil {
			zt = z[done:]
		}
		gateTail(y[done:], u[done:], zt, func(j int) float32 { return dv[done+j] })
	}
}

// laneScan is the state of a scan run by the channel-vectorised kernel:
// each group's channels in blocks of one vector (the last block masked),
// the state kept transposed, [block][State][lanes], and Aᵀ, so that a
// state's decays for a block are one load. There is no horizontal sum:
// each lane is a channel.
type laneScan struct {
	p                               *Params
	lanes, perGroup, blocksPerGroup int
	ad                              int  // row stride of at
	damped                          bool // no decay exceeds 1: see decaysAtMostOne
	at, hT, bPanel, cPanel, rest    []float32
}

func newLaneScan(l asm.Level, p *Params, tile int, extra int) (laneScan, *[]float32) {
	s := laneScan{p: p, lanes: asm.Lanes(l), perGroup: p.Dim / p.Groups, damped: decaysAtMostOne(p)}
	s.blocksPerGroup = (s.perGroup + s.lanes - 1) / s.lanes
	n := p.State
	blocks := p.Groups * s.blocksPerGroup
	s.ad = p.Dim + s.lanes // a padded row: every block's vector load is in bounds
	work := scanWorkPool.get(n*s.ad + blocks*n*s.lanes + 2*tile*n + extra)
	buf := *work
	s.at, buf = buf[:n*s.ad], buf[n*s.ad:]
	s.hT, buf = buf[:blocks*n*s.lanes], buf[blocks*n*s.lanes:]
	s.bPanel, buf = buf[:tile*n], buf[tile*n:]
	s.cPanel, s.rest = buf[:tile*n], buf[tile*n:]
	clear(s.at)
	for d := 0; d < p.Dim; d++ {
		for k := 0; k < n; k++ {
			s.at[k*s.ad+d] = p.A[d*n+k]
		}
	}
	return s, work
}

// decaysAtMostOne reports whether every decay exp(δ·A) of p is at most 1:
// softplus makes every δ ≥ 0, and every A must be ≤ 0 (Mamba's
// A = −exp(A_log) is). The kernels' damped forms rely on it.
func decaysAtMostOne(p *Params) bool {
	if !p.DeltaSoftplus {
		return false
	}
	for _, a := range p.A {
		if !(a <= 0) {
			return false
		}
	}
	return true
}

// stateIndex is where state k of channel d lives in hT.
func (s *laneScan) stateIndex(d, k int) int {
	g, r := d/s.perGroup, d%s.perGroup
	return ((g*s.blocksPerGroup+r/s.lanes)*s.p.State+k)*s.lanes + r%s.lanes
}

// load sets hT to batch b's initial state; store writes it to lastState.
func (s *laneScan) load(b int) {
	clear(s.hT)
	if s.p.InitialState == nil {
		return
	}
	for d := 0; d < s.p.Dim; d++ {
		for k := 0; k < s.p.State; k++ {
			s.hT[s.stateIndex(d, k)] = s.p.InitialState[(b*s.p.Dim+d)*s.p.State+k]
		}
	}
}

func (s *laneScan) store(b int, lastState []float32) {
	if lastState == nil {
		return
	}
	for d := 0; d < s.p.Dim; d++ {
		for k := 0; k < s.p.State; k++ {
			lastState[(b*s.p.Dim+d)*s.p.State+k] = s.hT[s.stateIndex(d, k)]
		}
	}
}

// block returns the state of block blk of group g, its first channel and
// its width.
func (s *laneScan) block(g, blk int) (h []float32, d0, w int) {
	n := s.p.State
	d0 = g*s.perGroup + blk*s.lanes
	w = min(s.lanes, (g+1)*s.perGroup-d0)
	return s.hT[(g*s.blocksPerGroup+blk)*n*s.lanes:][:n*s.lanes], d0, w
}

// scanLanesBLD runs a BLD scan with grouped B and C through the
// channel-vectorised kernel: per tile, δ for all channels (a row kernel),
// the kernel for every block of every group, then the D skip and gate rows.
func scanLanesBLD(l asm.Level, out, lastState []float32, p *Params) {
	tile := min(bldTile, p.SeqLen)
	s, work := newLaneScan(l, p, tile, tile*p.Dim+p.Dim)
	deltaEff, zeros := s.rest[:tile*p.Dim], s.rest[tile*p.Dim:tile*p.Dim+p.Dim]
	clear(zeros)
	n := p.State
	for b := 0; b < p.Batch; b++ {
		s.load(b)
		for l0 := 0; l0 < p.SeqLen; l0 += tile {
			steps := min(tile, p.SeqLen-l0)
			first := (b*p.SeqLen + l0) * p.Dim
			deltaRowsBLD(l, deltaEff, p, first, steps, zeros)
			for g := 0; g < p.Groups; g++ {
				fillPanels(p, b, g, l0, steps, n, s.bPanel, s.cPanel)
				for blk := 0; blk < s.blocksPerGroup; blk++ {
					h, d0, w := s.block(g, blk)
					span := (steps-1)*p.Dim + w
					at0 := first + d0
					asm.ScanLanes(l, h, s.at[d0:], s.bPanel, s.cPanel, deltaEff[d0:d0+span], p.U[at0:at0+span], out[at0:at0+span],
						s.ad, p.Dim, n, steps, n, w, s.damped)
				}
			}
			gateRowsBLD(l, out, p, first, steps, zeros)
		}
		s.store(b, lastState)
	}
	scanWorkPool.put(work)
}

// deltaRowBDL sets de to channel d's effective δ = f(Δ + bias) for
// len(de) steps from offset row (f softplus or the identity).
func deltaRowBDL(l asm.Level, de []float32, p *Params, d, row int) {
	var bias float32
	if p.DeltaBias != nil {
		bias = p.DeltaBias[d]
	}
	src := p.Delta[row : row+len(de)]
	done := asm.DeltaRow(l, de, src, bias, p.DeltaSoftplus)
	deltaTail(de[done:], src[done:], func(int) float32 { return bias }, p.DeltaSoftplus)
}

// gateRowBDL adds D·u and applies the silu gate to y, channel d's outputs
// for steps steps from offset row.
func gateRowBDL(l asm.Level, y []float32, p *Params, d, row, steps int) {
	var dd float32
	if p.D != nil {
		dd = p.D[d]
	}
	u := p.U[row : row+steps]
	var z, zt []float32
	if p.Z != nil {
		z = p.Z[row : row+steps]
	}
	done := asm.GateRow(l, y, u, z, dd)
	if z != nil {
		zt = z[done:]
	}
	gateTail(y[done:], u[done:], zt, func(int) float32 { return dd })
}
