//go:build gc && !purego && (amd64 || arm64)

package scan

import "github.com/ssmkern/ssmkern/asm"

// bdlState16Tile is the steps per tile of scanState16BDL: a group's B and
// C panels for a tile, 2·16·4 bytes a step (512 KB), stay in L2 while
// every channel of the group streams through them. Longer runs of a row
// are cheaper to stream: at SeqLen 4096 (Dim 1536, interleaved runs, thread
// CPU ns per element) tiles of 512 steps took 0.43–0.47, 1024 0.36–0.38,
// 4096 0.34–0.35; prefetching the next channel's rows (128, 512 or all of
// their floats) measured no faster.
const bdlState16Tile = 4096

// scanState16BDL runs a BDL scan with grouped B and C and State 16 at
// AVX-512 one channel at a time, its 16 states in one register
// (asm.ScanState16): the channel's rows of Δ, u, z and y are contiguous,
// so each is read or written once, in order, by a row kernel (δ, then the
// recurrence, then D and the gate), with no transposes; the group's B and
// C are laid out [step][state] once per tile and shared by its channels.
func scanState16BDL(l asm.Level, out, lastState []float32, p *Params) {
	const n = 16
	tile := min(bdlState16Tile, p.SeqLen)
	pad := asm.State16Pad(tile)
	perGroup := p.Dim / p.Groups
	work := scanWorkPool.get(p.Dim*n + 2*pad*n + 4*pad)
	buf := *work
	h, buf := buf[:p.Dim*n], buf[p.Dim*n:]
	bPanel, buf := buf[:pad*n], buf[pad*n:]
	cPanel, buf := buf[:pad*n], buf[pad*n:]
	de, scratch := buf[:pad], buf[pad:4*pad]
	damped := decaysAtMostOne(p)
	for b := 0; b < p.Batch; b++ {
		if p.InitialState != nil {
			copy(h, p.InitialState[b*p.Dim*n:(b+1)*p.Dim*n])
		} else {
			clear(h)
		}
		for l0 := 0; l0 < p.SeqLen; l0 += tile {
			steps := min(tile, p.SeqLen-l0)
			sp := asm.State16Pad(steps)
			clear(de[steps:sp]) // a zero δ leaves h unchanged on the padded steps
			for g := 0; g < p.Groups; g++ {
				fillPanels(p, b, g, l0, steps, n, bPanel, cPanel)
				clear(bPanel[steps*n : sp*n])
				clear(cPanel[steps*n : sp*n])
				for d := g * perGroup; d < (g+1)*perGroup; d++ {
					row := (b*p.Dim+d)*p.SeqLen + l0
					deltaRowBDL(l, de[:steps], p, d, row)
					y := out[row : row+steps]
					asm.ScanState16(l, h[d*n:(d+1)*n], p.A[d*n:(d+1)*n], bPanel[:sp*n], cPanel[:sp*n], de[:sp],
						p.U[row:row+steps], y, scratch[:3*sp], damped)
					if p.D != nil || p.Z != nil {
						gateRowBDL(l, y, p, d, row, steps)
					}
				}
			}
		}
		if lastState != nil {
			copy(lastState[b*p.Dim*n:(b+1)*p.Dim*n], h)
		}
	}
	scanWorkPool.put(work)
}
