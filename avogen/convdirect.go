// The convdirect generator writes asm/convdirect_amd64.s and
// asm/convdirect_amd64.go: the direct causal convolution of short kernels
// at AVX2 and AVX-512, the fast side of fft.Conv32's crossover.
//
//	cd avogen && go run . -gen convdirect -out ../asm
//
// With the kernel reversed (r[j] = k[K−1−j]) and the input padded in front
// with K−1 zeros (p), every output is the same forward dot product,
//
//	y[i] = Σ_{j<K} r[j]·p[i+j],
//
// vectorised over i: per kernel tap one broadcast and, for a block of 4
// output vectors, 4 unaligned loads of p and 4 fused multiply-adds into
// independent accumulators. Sums are float32.
package main

import (
	"fmt"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	"github.com/mmcloughlin/avo/reg"

	"github.com/ssmkern/ssmkern/avogen/vmath"
)

func generateConvDirect() {
	convDirect(vmath.AVX2)
	convDirect(vmath.AVX512)
}

// convDirect emits y[i] = Σ_j r[j]·p[i+j] for the whole vectors of y;
// the caller guarantees len(p) ≥ len(y) + len(r) − 1 and len(r) ≥ 1.
func convDirect(v vmath.ISA) {
	name := "convDirect" + v.Name
	TEXT(name, NOSPLIT, "func(y, p, r []float32)")
	Pragma("noescape")
	Doc(name + " sets y[i] = Σ_j r[j]·p[i+j] for the whole vectors of y; see avogen/convdirect.go.")
	y := Load(Param("y").Base(), GP64())
	p := Load(Param("p").Base(), GP64())
	n := Load(Param("y").Len(), GP64())
	SHRQ(U8(log2(v.Lanes)), n) // output vectors
	const block = 4
	// pass emits one pass over nv output vectors at y, reading p.
	pass := func(label string, nv int) {
		acc := make([]reg.VecVirtual, nv)
		for i := range acc {
			acc[i] = v.Vec()
			VXORPS(acc[i], acc[i], acc[i])
		}
		r := Load(Param("r").Base(), GP64())
		taps := Load(Param("r").Len(), GP64())
		q := GP64()
		MOVQ(p, q)
		Label(label)
		kj := v.Vec()
		VBROADCASTSS(Mem{Base: r}, kj)
		for i := range acc {
			VFMADD231PS(Mem{Base: q, Disp: i * v.Bytes()}, kj, acc[i])
		}
		ADDQ(U8(4), r)
		ADDQ(U8(4), q)
		DECQ(taps)
		JNZ(LabelRef(label))
		for i := range acc {
			VMOVUPS(acc[i], Mem{Base: y, Disp: i * v.Bytes()})
		}
		ADDQ(U32(nv*v.Bytes()), y)
		ADDQ(U32(nv*v.Bytes()), p)
	}
	Label(name + "_blocks")
	CMPQ(n, U8(block))
	JB(LabelRef(name + "_single"))
	pass(fmt.Sprintf("%s_taps%d", name, block), block)
	SUBQ(U8(block), n)
	JMP(LabelRef(name + "_blocks"))
	Label(name + "_single")
	TESTQ(n, n)
	JZ(LabelRef(name + "_done"))
	pass(name+"_taps1", 1)
	DECQ(n)
	JMP(LabelRef(name + "_single"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}
