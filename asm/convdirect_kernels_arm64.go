//go:build gc && !purego

package asm

// ConvDirect sets y[i] = Σ_{j<len(r)} r[j]·p[i+j] (float32 sums) for the
// whole 4-lane vectors of y and returns how many outputs it wrote; the
// caller finishes the rest (avogen/neongen/convdirect.go). With r the
// reversed kernel and p the input after len(r)−1 zeros this is the causal
// convolution. It panics, before any assembly runs, unless len(r) ≥ 1 and
// len(p) ≥ len(y) + len(r) − 1.
func ConvDirect(l Level, y, p, r []float32) int {
	n := whole(l, len(y))
	if n == 0 {
		return 0
	}
	if len(r) == 0 || len(p) < len(y)+len(r)-1 {
		panic("asm: ConvDirect: p shorter than len(y) + len(r) − 1")
	}
	convDirectNEON(y[:n], p, r)
	return n
}
