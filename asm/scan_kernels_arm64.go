//go:build gc && !purego

package asm

// Entry points of the NEON selective-scan kernels (avogen/neongen/scan.go)
// for package scan, with the signatures of scan_kernels_amd64.go so that
// the driver is the same on both architectures. Each takes the level to
// run at (NEON is the only vector level here); row kernels process whole
// 4-lane vectors and return how many elements they did, leaving the tail
// to the caller's plain-Go code. Lengths are checked here, so a caller's
// mistake panics with an index error instead of letting assembly touch
// foreign memory.

// Lanes is the number of float32 lanes of a vector at level l.
func Lanes(l Level) int { return 4 }

// whole is n rounded down to whole vectors of level l.
func whole(l Level, n int) int { return n &^ (Lanes(l) - 1) }

// Exp2Row sets dst[i] = 2^src[i] for the whole-vector part of dst and
// returns its length: the scan kernels' decay on its own, for its tests.
func Exp2Row(l Level, dst, src []float32) int {
	src = src[:len(dst)]
	exp2RowNEON(dst, src)
	return whole(l, len(dst))
}

// DeltaRow sets dst[i] = f(src[i] + bias), f = softplus or the identity,
// for the whole-vector part of dst and returns its length.
func DeltaRow(l Level, dst, src []float32, bias float32, softplus bool) int {
	src = src[:len(dst)]
	if softplus {
		deltaRowSoftplusScalarNEON(dst, src, bias)
	} else {
		deltaRowScalarNEON(dst, src, bias)
	}
	return whole(l, len(dst))
}

// DeltaRowVec is DeltaRow with bias[i] in place of the scalar.
func DeltaRowVec(l Level, dst, src, bias []float32, softplus bool) int {
	src, bias = src[:len(dst)], bias[:len(dst)]
	if softplus {
		deltaRowSoftplusVecNEON(dst, src, bias)
	} else {
		deltaRowVecNEON(dst, src, bias)
	}
	return whole(l, len(dst))
}

// GateRow sets out[i] = (out[i] + d·u[i])·silu(z[i]), without the gate
// when z is nil, for the whole-vector part of out and returns its length.
func GateRow(l Level, out, u, z []float32, d float32) int {
	u = u[:len(out)]
	if z != nil {
		gateRowSiLUScalarNEON(out, u, z[:len(out)], d)
	} else {
		gateRowScalarNEON(out, u, d)
	}
	return whole(l, len(out))
}

// GateRowVec is GateRow with d[i] in place of the scalar.
func GateRowVec(l Level, out, u, z, d []float32) int {
	u, d = u[:len(out)], d[:len(out)]
	if z != nil {
		gateRowSiLUVecNEON(out, u, z[:len(out)], d)
	} else {
		gateRowVecNEON(out, u, d)
	}
	return whole(l, len(out))
}

// ScanChannels runs the recurrence of channels consecutive channels over
// steps steps (see avogen/neongen/scan.go). Channel i uses h and a at i·w
// (w = chunks whole vectors), delta, u and y from i·cx at stride sx, and b
// and c rows from i·cbc at stride sbc, each row w floats.
func ScanChannels(l Level, h, a, b, c, delta, u, y []float32, steps, sx, sbc, chunks, channels, cx, cbc int) {
	if steps <= 0 || channels <= 0 || chunks <= 0 {
		return
	}
	w := chunks * Lanes(l)
	lastX := (channels-1)*cx + (steps-1)*sx
	rows := (channels-1)*cbc + (steps-1)*sbc + w
	// Bounds checks: one index per slice at its furthest element.
	_, _, _, _ = h[channels*w-1], a[channels*w-1], b[rows-1], c[rows-1]
	_, _, _ = delta[lastX], u[lastX], y[lastX]
	scanChannelsNEON(&h[0], &a[0], &b[0], &c[0], &delta[0], &u[0], &y[0], steps, sx, sbc, chunks, channels, cx, cbc)
}

// ScanLanes runs the BLD recurrence of lanes ≤ 4 channels of one group
// vectorised across the channels (see avogen/neongen/scan.go): h is the
// block's state as [states][4], at the block's column of Aᵀ ([states] rows
// ad apart, each readable 4 wide), b and c the group's panels (row s at
// s·sbc, states entries), delta, u and y the block's first channel at step
// 0, stride sx. Only the block's lanes of delta, u and y are touched.
func ScanLanes(l Level, h, at, b, c, delta, u, y []float32, ad, sx, sbc, steps, states, lanes int) {
	if steps <= 0 || states <= 0 || lanes <= 0 {
		return
	}
	lastX := (steps-1)*sx + lanes - 1
	rows := (steps-1)*sbc + states
	_, _, _ = h[Lanes(l)*states-1], at[(states-1)*ad+Lanes(l)-1], b[rows-1]
	_, _, _, _ = c[rows-1], delta[lastX], u[lastX], y[lastX]
	_ = [4]int{}[lanes-1] // lanes ≤ 4
	scanLanesNEON(&h[0], &at[0], &b[0], &c[0], &delta[0], &u[0], &y[0], ad, sx, sbc, steps, states, lanes)
}

// ScanDecode16 has no NEON kernel: it reports false and the caller runs
// the decode step through ScanChannels (see scan_kernels_amd64.go).
func ScanDecode16(l Level, h, a, b, c, delta, u, y []float32, channels, cbc int) bool {
	return false
}
