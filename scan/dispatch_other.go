//go:build !(amd64 || arm64) || !gc || purego

package scan

import (
	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/generic"
)

// forward and step run a validated call at level l: without amd64 or arm64
// assembly every level runs the generic code.
func forward(l asm.Level, out, lastState []float32, p *Params) {
	generic.ScanForward(out, lastState, p)
}

func step(l asm.Level, out, state []float32, p *Params) {
	generic.ScanStep(out, state, p)
}
