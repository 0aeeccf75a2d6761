// The peak generator writes asm/peak_amd64.s and asm/peak_amd64.go: a loop
// of independent fused multiply-adds that runs at the core's FMA
// throughput, so that benchmarks can state a kernel's speed as a fraction
// of a peak measured on the machine in the same run, rather than of a
// datasheet figure (AVX-512 is not twice AVX2 on every core: Zen 4 splits
// a 512-bit FMA into two 256-bit halves).
//
//	cd avogen && go run . -gen peak -out ../asm
package main

import (
	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	"github.com/mmcloughlin/avo/reg"

	"github.com/ssmkern/ssmkern/avogen/vmath"
)

// peakChains is the number of independent accumulators: more than FMA
// latency (4–5 cycles) times FMA ports (2) on current cores.
const peakChains = 12

func generatePeak() {
	for _, v := range []vmath.ISA{vmath.AVX2, vmath.AVX512} {
		name := "fmaPeak" + v.Name
		TEXT(name, NOSPLIT, "func(n int)")
		Doc(name + " runs n rounds of " + "12 independent fused multiply-adds; see avogen/peak.go.")
		n := Load(Param("n"), GP64())
		acc := make([]reg.VecVirtual, peakChains)
		for i := range acc {
			acc[i] = v.Vec()
			VXORPS(acc[i], acc[i], acc[i])
		}
		x, y := v.Vec(), v.Vec()
		VXORPS(x, x, x)
		VXORPS(y, y, y)
		TESTQ(n, n)
		JZ(LabelRef(name + "_done"))
		Label(name + "_loop")
		for i := range acc {
			VFMADD231PS(x, y, acc[i])
		}
		DECQ(n)
		JNZ(LabelRef(name + "_loop"))
		Label(name + "_done")
		VZEROUPPER()
		RET()
	}
}
