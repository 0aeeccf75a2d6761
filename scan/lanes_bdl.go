//go:build gc && !purego && (amd64 || arm64)

package scan

import "github.com/ssmkern/ssmkern/asm"

// bdlLaneTile is the steps per tile of scanLanesBDL: the transposed tiles
// of a block ([bdlLaneTile][lanes] δ, u and y) stay in L1.
const bdlLaneTile = 64

// scanLanesBDL runs a BDL scan with grouped B and C through the
// channel-vectorised kernel of BLD, a block of channels and a tile of
// steps at a time: Δ, u and z of the block's channels are transposed into
// [step][lane] tiles (asm.Transpose), δ and the gate run over the whole
// tile as one row (asm.DeltaRowVec, asm.GateRowVec, with bias and D laid
// out per lane once per call), the kernel runs with stride lanes, and the
// outputs are transposed back into the channels' rows. The row kernels
// see one long row per block and tile instead of a short row per channel,
// and the recurrence is the BLD kernel's, with no horizontal sums.
func scanLanesBDL(l asm.Level, out, lastState []float32, p *Params) {
	tile := min(bdlLaneTile, p.SeqLen)
	lanes := asm.Lanes(l)
	t := tile * lanes
	blocks := p.Groups * ((p.Dim/p.Groups + lanes - 1) / lanes)
	s, work := newLaneScan(l, p, tile, 4*t+2*blocks*t)
	dT, rest := s.rest[:t], s.rest[t:]
	uT, rest := rest[:t], rest[t:]
	zT, rest := rest[:t], rest[t:]
	yT, rest := rest[:t], rest[t:]
	biasT, dskipT := rest[:blocks*t], rest[blocks*t:2*blocks*t]
	clear(dT) // lanes past a block's channels stay finite
	perLane := func(dst, v []float32) {
		clear(dst)
		if v == nil {
			return
		}
		for g := 0; g < p.Groups; g++ {
			for blk := 0; blk < s.blocksPerGroup; blk++ {
				_, d0, w := s.block(g, blk)
				tiled := dst[(g*s.blocksPerGroup+blk)*t:][:t]
				for i := 0; i < tile; i++ {
					copy(tiled[i*lanes:i*lanes+w], v[d0:d0+w])
				}
			}
		}
	}
	perLane(biasT, p.DeltaBias)
	perLane(dskipT, p.D)
	n := p.State
	for b := 0; b < p.Batch; b++ {
		s.load(b)
		for l0 := 0; l0 < p.SeqLen; l0 += tile {
			steps := min(tile, p.SeqLen-l0)
			span := steps * lanes
			for g := 0; g < p.Groups; g++ {
				fillPanels(p, b, g, l0, steps, n, s.bPanel, s.cPanel)
				for blk := 0; blk < s.blocksPerGroup; blk++ {
					h, d0, w := s.block(g, blk)
					k := g*s.blocksPerGroup + blk
					first := (b*p.Dim+d0)*p.SeqLen + l0 // channel d0, step l0
					s.prefetchNextBDL(b, g, blk, l0, tile, out)
					transpose(l, dT, p.Delta[first:], lanes, p.SeqLen, w, steps)
					bias := biasT[k*t:][:span]
					done := asm.DeltaRowVec(l, dT[:span], dT[:span], bias, p.DeltaSoftplus)
					deltaTail(dT[done:span], dT[done:span], func(i int) float32 { return bias[done+i] }, p.DeltaSoftplus)
					transpose(l, uT, p.U[first:], lanes, p.SeqLen, w, steps)
					asm.ScanLanes(l, h, s.at[d0:], s.bPanel, s.cPanel, dT[:span], uT[:span], yT[:span],
						s.ad, lanes, n, steps, n, w, s.damped)
					if p.D != nil || p.Z != nil {
						var z, zt []float32
						if p.Z != nil {
							transpose(l, zT, p.Z[first:], lanes, p.SeqLen, w, steps)
							z = zT[:span]
						}
						dv := dskipT[k*t:][:span]
						done := asm.GateRowVec(l, yT[:span], uT[:span], z, dv)
						if z != nil {
							zt = z[done:]
						}
						gateTail(yT[done:span], uT[done:span], zt, func(i int) float32 { return dv[done+i] })
					}
					transpose(l, out[first:], yT, p.SeqLen, lanes, steps, w)
				}
			}
		}
		s.store(b, lastState)
	}
	scanWorkPool.put(work)
}

// prefetchNextBDL prefetches the tiles of Δ, u, z and the output that
// the block after (g, blk) at step l0 will transpose, so that they arrive
// while this block's recurrence runs: the rows of a tile are SeqLen floats
// apart and the transposes have nothing to overlap their misses with.
func (s *laneScan) prefetchNextBDL(b, g, blk, l0, tile int, out []float32) {
	p := s.p
	switch {
	case blk+1 < s.blocksPerGroup:
		blk++
	case g+1 < p.Groups:
		g, blk = g+1, 0
	case l0+tile < p.SeqLen:
		g, blk, l0 = 0, 0, l0+tile
	default:
		return
	}
	_, d0, w := s.block(g, blk)
	first := (b*p.Dim+d0)*p.SeqLen + l0
	steps := min(tile, p.SeqLen-l0)
	for _, x := range [][]float32{p.Delta, p.U, p.Z, out} {
		if x != nil {
			asm.PrefetchRows(x[first:], p.SeqLen, w, steps)
		}
	}
}

// transpose sets dst[c·dstStride + r] = src[r·srcStride + c] for r < rows,
// c < cols: whole 16×16 blocks by asm.Transpose16 at AVX-512, else whole
// 8×8 blocks by asm.Transpose, the edges here.
func transpose(l asm.Level, dst, src []float32, dstStride, srcStride, rows, cols int) {
	dr, dc := asm.Transpose16(l, dst, src, dstStride, srcStride, rows, cols)
	if dr == 0 {
		dr, dc = asm.Transpose(dst, src, dstStride, srcStride, rows, cols)
	}
	r0 := 0
	if dc == cols { // rows below dr are done
		r0 = dr
	}
	for r := r0; r < rows; r++ {
		c0 := dc
		if r >= dr {
			c0 = 0
		}
		for c := c0; c < cols; c++ {
			dst[c*dstStride+r] = src[r*srcStride+c]
		}
	}
}
