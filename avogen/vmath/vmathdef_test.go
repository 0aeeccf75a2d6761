package vmath

import (
	"testing"

	"github.com/ssmkern/ssmkern/avogen/vmathdef"
)

// TestConstantsAreVmathdefs: the NEON generator takes Exp2's polynomial,
// log2 e's two parts and softplus's series from avogen/vmathdef; the amd64
// kernels must compute the same functions.
func TestConstantsAreVmathdefs(t *testing.T) {
	if exp2Poly != vmathdef.Exp2Poly {
		t.Errorf("exp2Poly %v, vmathdef.Exp2Poly %v", exp2Poly, vmathdef.Exp2Poly)
	}
	if Log2E != vmathdef.Log2E || log2ELo != vmathdef.Log2ELo {
		t.Errorf("log2 e parts %v %v, vmathdef %v %v", Log2E, log2ELo, vmathdef.Log2E, vmathdef.Log2ELo)
	}
	if log1pSeries != vmathdef.Log1pSeries {
		t.Errorf("log1pSeries %v, vmathdef.Log1pSeries %v", log1pSeries, vmathdef.Log1pSeries)
	}
	if expTaylor != vmathdef.ExpTaylor || expLn2Hi != vmathdef.ExpLn2Hi || expLn2Lo != vmathdef.ExpLn2Lo {
		t.Error("exp's constants differ from vmathdef's")
	}
}
