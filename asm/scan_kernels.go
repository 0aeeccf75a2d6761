//go:build gc && !purego && (amd64 || arm64)

package asm

// The recurrence kernels' entry points, the same on amd64 (avogen/scan.go)
// and arm64 (avogen/neongen/scan.go): each checks its slices against the
// arguments, so that a bad call panics before any assembly runs, then
// calls the kernel of level l (scanChannelsAt, scanLanesAt in
// scan_kernels_amd64.go and scan_kernels_arm64.go).

// ScanChannels runs the recurrence of channels consecutive channels over
// steps steps. Channel i uses h and a at i·w (w = chunks whole vectors),
// delta, u and y from i·cx at stride sx, and b and c rows from i·cbc at
// stride sbc, each row w floats.
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
	scanChannelsAt(l, &h[0], &a[0], &b[0], &c[0], &delta[0], &u[0], &y[0], steps, sx, sbc, chunks, channels, cx, cbc)
}

// ScanLanes runs the BLD recurrence of lanes ≤ Lanes(l) channels of one
// group vectorised across the channels: h is the block's state as
// [states][Lanes(l)], at the block's column of Aᵀ ([states] rows ad apart,
// each readable Lanes(l) wide), b and c the group's panels (row s at
// s·sbc, states entries), delta, u and y the block's first channel at
// step 0, stride sx. Only the block's lanes of delta, u and y are touched.
// damped promises that no decay exceeds 1 (every δ ≥ 0 and A ≤ 0): the
// amd64 kernels then skip a correction that only growing decays need
// (avogen/scan.go, scanLanes).
func ScanLanes(l Level, h, at, b, c, delta, u, y []float32, ad, sx, sbc, steps, states, lanes int, damped bool) {
	if steps <= 0 || states <= 0 || lanes <= 0 {
		return
	}
	if lanes > Lanes(l) {
		panic("asm: ScanLanes: more lanes than a vector holds")
	}
	lastX := (steps-1)*sx + lanes - 1
	rows := (steps-1)*sbc + states
	_, _, _ = h[Lanes(l)*states-1], at[(states-1)*ad+Lanes(l)-1], b[rows-1]
	_, _, _, _ = c[rows-1], delta[lastX], u[lastX], y[lastX]
	scanLanesAt(l, &h[0], &at[0], &b[0], &c[0], &delta[0], &u[0], &y[0], ad, sx, sbc, steps, states, lanes, damped)
}
