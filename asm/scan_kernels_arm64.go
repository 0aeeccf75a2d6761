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

func scanChannelsAt(l Level, h, a, b, c, delta, u, y *float32, steps, sx, sbc, chunks, channels, cx, cbc int) {
	scanChannelsNEON(h, a, b, c, delta, u, y, steps, sx, sbc, chunks, channels, cx, cbc)
}

func scanLanesAt(l Level, h, at, b, c, delta, u, y *float32, ad, sx, sbc, steps, states, lanes int, damped bool) {
	scanLanesNEON(h, at, b, c, delta, u, y, ad, sx, sbc, steps, states, lanes)
}

// ScanDecode16 has no NEON kernel: it reports false and the caller runs
// the decode step through ScanChannels (see scan_kernels_amd64.go).
func ScanDecode16(l Level, h, a, b, c, delta, u, y []float32, channels, cbc int) bool {
	return false
}

// State16Pad is the steps ScanState16's buffers are laid out for (see
// scan_kernels_amd64.go).
func State16Pad(steps int) int { return (steps + 15) &^ 15 }

// ScanState16 has no NEON kernel: it reports false.
func ScanState16(l Level, h, a, b, c, delta, u, y, work []float32, damped bool) bool {
	return false
}
