//go:build !(amd64 || arm64) || !gc || purego

package fft

import "github.com/ssmkern/ssmkern/asm"

// addProducts sets out[i] += d[i]·u[i].
func addProducts(l asm.Level, out, u, d []float32) {
	u, d = u[:len(out)], d[:len(out)]
	for i := range out {
		out[i] += d[i] * u[i]
	}
}
