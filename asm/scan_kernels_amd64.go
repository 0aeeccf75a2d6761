//go:build gc && !purego

package asm

// Entry points of the selective-scan kernels (avogen/scan) for package
// scan. Each takes the level to run at; row kernels process whole vectors
// and return how many elements they did, leaving the tail to the caller's
// plain-Go code. Lengths are checked here, so a caller's mistake panics
// with an index error instead of letting assembly touch foreign memory.

// Lanes is the number of float32 lanes of a vector at level l.
func Lanes(l Level) int {
	if l == AVX512 {
		return 16
	}
	return 8
}

// whole is n rounded down to whole vectors of level l.
func whole(l Level, n int) int { return n &^ (Lanes(l) - 1) }

// ExpRow sets dst[i] = exp(src[i]) for the first whole-vector part of dst
// and returns its length.
func ExpRow(l Level, dst, src []float32) int {
	src = src[:len(dst)]
	if l == AVX512 {
		expRowAVX512(dst, src)
	} else {
		expRowAVX2(dst, src)
	}
	return whole(l, len(dst))
}

// DeltaRow sets dst[i] = f(src[i] + bias), f = softplus or the identity,
// for the whole-vector part of dst and returns its length.
func DeltaRow(l Level, dst, src []float32, bias float32, softplus bool) int {
	src = src[:len(dst)]
	switch {
	case l == AVX512 && softplus:
		deltaRowSoftplusScalarAVX512(dst, src, bias)
	case l == AVX512:
		deltaRowScalarAVX512(dst, src, bias)
	case softplus:
		deltaRowSoftplusScalarAVX2(dst, src, bias)
	default:
		deltaRowScalarAVX2(dst, src, bias)
	}
	return whole(l, len(dst))
}

// DeltaRowVec is DeltaRow with bias[i] in place of the scalar.
func DeltaRowVec(l Level, dst, src, bias []float32, softplus bool) int {
	src, bias = src[:len(dst)], bias[:len(dst)]
	switch {
	case l == AVX512 && softplus:
		deltaRowSoftplusVecAVX512(dst, src, bias)
	case l == AVX512:
		deltaRowVecAVX512(dst, src, bias)
	case softplus:
		deltaRowSoftplusVecAVX2(dst, src, bias)
	default:
		deltaRowVecAVX2(dst, src, bias)
	}
	return whole(l, len(dst))
}

// GateRow sets out[i] = (out[i] + d·u[i])·silu(z[i]), without the gate
// when z is nil, for the whole-vector part of out and returns its length.
func GateRow(l Level, out, u, z []float32, d float32) int {
	u = u[:len(out)]
	if z != nil {
		z = z[:len(out)]
	}
	switch {
	case l == AVX512 && z != nil:
		gateRowSiLUScalarAVX512(out, u, z, d)
	case l == AVX512:
		gateRowScalarAVX512(out, u, d)
	case z != nil:
		gateRowSiLUScalarAVX2(out, u, z, d)
	default:
		gateRowScalarAVX2(out, u, d)
	}
	return whole(l, len(out))
}

// GateRowVec is GateRow with d[i] in place of the scalar.
func GateRowVec(l Level, out, u, z, d []float32) int {
	u, d = u[:len(out)], d[:len(out)]
	if z != nil {
		z = z[:len(out)]
	}
	switch {
	case l == AVX512 && z != nil:
		gateRowSiLUVecAVX512(out, u, z, d)
	case l == AVX512:
		gateRowVecAVX512(out, u, d)
	case z != nil:
		gateRowSiLUVecAVX2(out, u, z, d)
	default:
		gateRowVecAVX2(out, u, d)
	}
	return whole(l, len(out))
}

func scanChannelsAt(l Level, h, a, b, c, delta, u, y *float32, steps, sx, sbc, chunks, channels, cx, cbc int) {
	if l == AVX512 {
		scanChannelsAVX512(h, a, b, c, delta, u, y, steps, sx, sbc, chunks, channels, cx, cbc)
	} else {
		scanChannelsAVX2(h, a, b, c, delta, u, y, steps, sx, sbc, chunks, channels, cx, cbc)
	}
}

// laneMasks holds eight all-ones int32 then eight zeros: the 8 int32 at
// laneMasks[8−n] select the first n lanes of a YMM vector.
var laneMasks = [16]int32{-1, -1, -1, -1, -1, -1, -1, -1}

// scanLanesAt runs the kernel of level l on lanes ≤ Lanes(l) channels: the
// AVX-512 kernel takes a K mask of the lanes, the AVX2 one 8 int32 masks.
func scanLanesAt(l Level, h, at, b, c, delta, u, y *float32, ad, sx, sbc, steps, states, lanes int, damped bool) {
	switch {
	case l == AVX512 && damped:
		scanLanesDampedAVX512(h, at, b, c, delta, u, y, ad, sx, sbc, steps, states, 1<<lanes-1)
	case l == AVX512:
		scanLanesAVX512(h, at, b, c, delta, u, y, ad, sx, sbc, steps, states, 1<<lanes-1)
	case damped:
		scanLanesDampedAVX2(h, at, b, c, delta, u, y, ad, sx, sbc, steps, states, &laneMasks[8-lanes])
	default:
		scanLanesAVX2(h, at, b, c, delta, u, y, ad, sx, sbc, steps, states, &laneMasks[8-lanes])
	}
}

// ScanDecode16 runs one decode step of channels channels with State 16 at
// AVX-512 (avogen/scan.go, scanDecode16): h and a are [channels][16],
// delta, u and y hold one value per channel, and b and c are one shared
// row of 16 (cbc = 0) or one row per channel (cbc = 16). It reports
// whether it ran: other levels leave the step to ScanChannels.
func ScanDecode16(l Level, h, a, b, c, delta, u, y []float32, channels, cbc int) bool {
	if l != AVX512 || (cbc != 0 && cbc != 16) {
		return false
	}
	if channels <= 0 {
		return true
	}
	rows := (channels-1)*cbc + 16
	_, _, _, _ = h[16*channels-1], a[16*channels-1], b[rows-1], c[rows-1]
	_, _, _ = delta[channels-1], u[channels-1], y[channels-1]
	scanDecode16AVX512(&h[0], &a[0], &b[0], &c[0], &delta[0], &u[0], &y[0], channels, cbc)
	return true
}

// State16Pad is the steps ScanState16's panels, delta and work are laid
// out for: steps rounded up to a whole block of 16.
func State16Pad(steps int) int { return (steps + 15) &^ 15 }

// ScanState16 runs one channel's recurrence over steps = len(y) steps
// with its 16 states in one AVX-512 register (avogen/scan_state16.go): h
// and a are the channel's 16 states and A row, b and c [pad][16] panels
// (pad = State16Pad(steps)) finite past steps, delta the effective δ,
// readable to pad and zero past steps, u the row's inputs, and work 3·pad
// floats of scratch. damped selects the kernel for decays of at most 1
// (every δ ≥ 0 and A ≤ 0; see avogen/scan_state16.go). It reports whether
// it ran: only AVX-512 has the kernel.
func ScanState16(l Level, h, a, b, c, delta, u, y, work []float32, damped bool) bool {
	if l != AVX512 {
		return false
	}
	steps := len(y)
	if steps == 0 {
		return true
	}
	pad := State16Pad(steps)
	_, _, _, _ = h[15], a[15], b[16*pad-1], c[16*pad-1]
	_, _, _ = delta[pad-1], u[steps-1], work[3*pad-1]
	tail := 0xffff
	if r := steps % 16; r != 0 {
		tail = 1<<r - 1
	}
	if damped {
		scanState16DampedAVX512(&h[0], &a[0], &b[0], &c[0], &delta[0], &u[0], &y[0], &work[0], pad/16, tail)
	} else {
		scanState16AVX512(&h[0], &a[0], &b[0], &c[0], &delta[0], &u[0], &y[0], &work[0], pad/16, tail)
	}
	return true
}
