//go:build gc && !purego

package asm

// The arm64 side of the mixed-radix stages (fftmixed.go): which NEON
// kernel of avogen/neongen/fftmix.go runs a wide stage. Each kernel is
// vectorised over k (four complex64 or two complex128 values a vector);
// the r mod 4 (mod 2) values after the last whole vector are one more
// vector overlapping it, or, for r below the vector, a partial vector;
// the last stage (r = 1), and complex64's r = 2 and 3, run vectorised
// over j instead. So every r ≥ 1 is served, and the narrow hooks
// (fftmixn.go) can stay off at NEON. The
// scaled kernels are the first stage (ls = 1) with the inputs times s.
// The table is FFTMixedTwiddles' j-major pairs.
// Accuracy: fftmix_neon_arm64_test.go checks each kernel against
// MixedStageGo (under qemu) and whole transforms against the DFT. No
// arm64 timings exist (no hardware); avogen/neongen's instruction counts
// stand in.

// fftMixedWideAt runs the wide complex64 radix-p stage at NEON: the tests'
// FFTMixedWideForTest (FFTMixedStage runs the prepared step's kernel,
// fftmixrun_arm64.go, the same one).
func fftMixedWideAt(l Level, p int, out, in []complex64, tw []float32, ls int, s float32, inverse bool) {
	n := len(in)
	if ls < 1 || n == 0 || n%(p*ls) != 0 || len(out) != n || len(tw) < 2*(p-1)*ls || (s != 1 && ls != 1) {
		panic("asm: fftMixedWideAt: bad shape")
	}
	r := n / (p * ls)
	o, i := &out[0], &in[0]
	if s != 1 {
		k := fftMixScaledNEON[p][b2i(inverse)]
		if k == nil {
			panic("asm: fftMixedWideAt: bad radix")
		}
		k(o, i, r, s)
		return
	}
	k := fftMixNEON[p][b2i(inverse)]
	if k == nil {
		panic("asm: fftMixedWideAt: bad radix")
	}
	k(o, i, &tw[0], ls, r)
}

// fft64MixedWideAt runs the wide complex128 radix-p stage at NEON.
func fft64MixedWideAt(l Level, p int, out, in []complex128, tw []float64, ls int, s float64, inverse bool) {
	n := len(in)
	if ls < 1 || n == 0 || n%(p*ls) != 0 || len(out) != n || len(tw) < 2*(p-1)*ls || (s != 1 && ls != 1) {
		panic("asm: fft64MixedWideAt: bad shape")
	}
	r := n / (p * ls)
	o, i := &out[0], &in[0]
	if s != 1 {
		k := fft64MixScaledNEON[p][b2i(inverse)]
		if k == nil {
			panic("asm: fft64MixedWideAt: bad radix")
		}
		k(o, i, r, s)
		return
	}
	k := fft64MixNEON[p][b2i(inverse)]
	if k == nil {
		panic("asm: fft64MixedWideAt: bad radix")
	}
	k(o, i, &tw[0], ls, r)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// The kernels by radix and direction (forward, inverse).
var (
	fftMixNEON = [6][2]func(o, i *complex64, w *float32, ls, r int){
		2: {fftMixR2NEONFwd, fftMixR2NEONInv},
		3: {fftMixR3NEONFwd, fftMixR3NEONInv},
		4: {fftMixR4NEONFwd, fftMixR4NEONInv},
		5: {fftMixR5NEONFwd, fftMixR5NEONInv},
	}
	fftMixScaledNEON = [6][2]func(o, i *complex64, r int, s float32){
		2: {fftMixR2ScaledNEONFwd, fftMixR2ScaledNEONInv},
		3: {fftMixR3ScaledNEONFwd, fftMixR3ScaledNEONInv},
		4: {fftMixR4ScaledNEONFwd, fftMixR4ScaledNEONInv},
		5: {fftMixR5ScaledNEONFwd, fftMixR5ScaledNEONInv},
	}
	fft64MixNEON = [6][2]func(o, i *complex128, w *float64, ls, r int){
		2: {fft64MixR2NEONFwd, fft64MixR2NEONInv},
		3: {fft64MixR3NEONFwd, fft64MixR3NEONInv},
		4: {fft64MixR4NEONFwd, fft64MixR4NEONInv},
		5: {fft64MixR5NEONFwd, fft64MixR5NEONInv},
	}
	fft64MixScaledNEON = [6][2]func(o, i *complex128, r int, s float64){
		2: {fft64MixR2ScaledNEONFwd, fft64MixR2ScaledNEONInv},
		3: {fft64MixR3ScaledNEONFwd, fft64MixR3ScaledNEONInv},
		4: {fft64MixR4ScaledNEONFwd, fft64MixR4ScaledNEONInv},
		5: {fft64MixR5ScaledNEONFwd, fft64MixR5ScaledNEONInv},
	}
)

// NEON has no grouped form (amd64's complex64 r = 2 stages): its wide
// kernels run r = 2 vectorised over j already.

func fftMixedGrouped(l Level, p, ls, r int) bool { return false }

// fftMixedRadix8 reports whether level l has the radix-8 stages: not
// NEON (avogen/neongen/fftmix.go builds radix 2 … 5).
func fftMixedRadix8(l Level) bool { return false }

func mixedGroupTwiddles(vals, p, ls, r int, w func(q, j int) complex128, tw []float32) {}

func mixedGroupTwiddleLen(p, ls, r int) int { return 0 }
