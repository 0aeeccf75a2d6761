// The cmul generator writes asm/cmul_amd64.s and asm/cmul_amd64.go: the
// pointwise complex64 product of the FFT convolution (spectrum times
// kernel spectrum) at AVX2 and AVX-512.
//
//	cd avogen && go run . -gen cmul -out ../asm
//
// Interleaved complex64, 4 or 8 per register. For x = a[i], y = b[i]:
//
//	(xr·yr − xi·yi, xi·yr + xr·yi) = fmaddsub(x, dup(yr), swap(x)·dup(yi))
//
// with the real and imaginary parts of y duplicated by VMOVSLDUP and
// VMOVSHDUP and x's parts swapped by VPERMILPS: two multiplies' worth of
// work per vector and no horizontal operation.
package main

import (
	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"

	"github.com/ssmkern/ssmkern/avogen/vmath"
)

func generateCMul() {
	mulComplex64(vmath.AVX2)
	mulComplex64(vmath.AVX512)
}

// mulComplex64 emits dst[i] = a[i]·b[i] for the whole vectors of dst
// (the caller does the rest); dst may be a or b.
func mulComplex64(v vmath.ISA) {
	name := "mulComplex64" + v.Name
	TEXT(name, NOSPLIT, "func(dst, a, b []complex64)")
	Pragma("noescape")
	Doc(name + " sets dst[i] = a[i]·b[i] for the whole vectors of dst; see avogen/cmul.go.")
	dst := Load(Param("dst").Base(), GP64())
	a := Load(Param("a").Base(), GP64())
	b := Load(Param("b").Base(), GP64())
	n := Load(Param("dst").Len(), GP64())
	per := v.Lanes / 2 // complex64 per register
	SHRQ(U8(log2(per)), n)
	JZ(LabelRef(name + "_done"))
	Label(name + "_loop")
	x, y, yr, yi, t := v.Vec(), v.Vec(), v.Vec(), v.Vec(), v.Vec()
	VMOVUPS(Mem{Base: a}, x)
	VMOVUPS(Mem{Base: b}, y)
	VMOVSLDUP(y, yr)
	VMOVSHDUP(y, yi)
	VPERMILPS(U8(0xb1), x, t)
	VMULPS(yi, t, t)
	VFMADDSUB231PS(yr, x, t)
	VMOVUPS(t, Mem{Base: dst})
	ADDQ(U8(v.Bytes()), a)
	ADDQ(U8(v.Bytes()), b)
	ADDQ(U8(v.Bytes()), dst)
	DECQ(n)
	JNZ(LabelRef(name + "_loop"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}
