package kernelgen

import (
	"sync"

	"fmt"
	"github.com/ssmkern/ssmkern/asm"
	"math"
	"math/cmplx"

	"github.com/ssmkern/ssmkern/fft"
)

// DPLRParams describes the convolution kernels of an S4 layer: H SSMs in
// diagonal-plus-low-rank form, each with nh stored complex states that
// stand for N = 2·nh conjugate-extended ones (v̄ = [v, conj v]):
//
//	A = diag(Λ̄) − P̄·P̄ᴴ   (N×N complex, rank-1 correction; NPLR gives Λ, P, B for HiPPO-LegS)
//
// This is SSMKernelDPLR of the S4 repository with rank 1.
type DPLRParams struct {
	Channels, H, Nh, L int
	Lambda             []complex128 // [H][Nh] diagonal part Λ (Re < 0)
	P                  []complex128 // [H][Nh] low-rank vector P (A = diag Λ̄ − P̄P̄ᴴ)
	B                  []complex128 // [H][Nh]
	// CTilde is C̃ = (I − Ā^L)ᵀ·C̄ (first Nh entries), [Channels][H][Nh]:
	// the C that S4 stores and learns. CTilde (the function) computes it
	// from the original C; the kernel is then the length-L truncation that
	// the original C gives.
	CTilde []complex128
	Dt     []float64 // [H] step sizes (S4 stores them as exp(log_dt))
}

// DPLRBins is the number of frequency bins of the spectrum of a length-l
// kernel: ⌊l/2⌋ + 1, those of a real FFT.
func DPLRBins(l int) int { return l/2 + 1 }

// DPLRSpectrum writes the spectrum of the S4 kernels into khat,
// [Channels][H][DPLRBins(L)]: for ω_k = exp(−2πik/L), k = 0 … ⌊L/2⌋,
// z_k = 2(1−ω_k)/(1+ω_k) and the Cauchy sums over the 2·Nh
// conjugate-extended states
//
//	r_ab(z) = Σ_n Dt·ā[n]·b̄[n] / (z − Dt·Λ̄[n]),   Q = conj(P),
//	k̂      = (r_{B,C̃} − r_{B,Q}·r_{P,C̃}/(1 + r_{P,Q}))·2/(1+ω),
//
// the bilinear discretisation's truncated generating function evaluated
// with the Woodbury identity (golden s4_dplr_kernel). The sums are taken in
// projective form, Σ 2v/(2(1−ω) − (1+ω)·Dt·Λ̄) (generic.CauchyConj4, in
// assembly at every vector level, float64 throughout), so
// the bin ω = −1 of even L is the exact limit instead of a 0/0.
// The inverse real FFT of length L of each row is the kernel
// (DPLRKernel64 does that, with package fft).
//
// Work: (2 + 2·Channels)·N complex multiply-adds and N reciprocals per
// (H, bin). Errors: as DPLRKernel64.
func DPLRSpectrum(khat []complex128, p *DPLRParams) error {
	if err := checkDPLR("khat", len(khat), DPLRBins, p); err != nil {
		return err
	}
	nf := DPLRBins(p.L)
	dplrSpectrum(p, func(row int, spec []complex128) {
		copy(khat[row*nf:(row+1)*nf], spec)
	})
	return nil
}

// dplrScratch is the working memory of dplrSpectrum, pooled between calls.
type dplrScratch struct {
	aRe, aIm, bRe, bIm []float64    // the projective points (2(1−ω), 1+ω)
	rRe, rIm           []float64    // [rows][bins] Cauchy sums
	v, w               []complex128 // [rows][Nh] numerators, [Nh] Dt·Λ
	spec               []complex128 // one row's spectrum
	k64                []float64    // one row's kernel (DPLRKernel)
}

var dplrScratches = sync.Pool{New: func() any { return new(dplrScratch) }}

// dplrSpectrum computes the spectrum of every (channel, H) row of p and
// hands it to emit with its row index c·H + h; spec is scratch, valid only
// during the call.
func dplrSpectrum(p *DPLRParams, emit func(row int, spec []complex128)) {
	nh, nf := p.Nh, DPLRBins(p.L)
	// Rows B·Q, P·Q, then B·C̃, P·C̃ per channel: 2 + 2·Channels, padded
	// with zero rows to whole groups of four (generic.CauchyConj4).
	rows := (2 + 2*p.Channels + 3) / 4 * 4
	sc := dplrScratches.Get().(*dplrScratch)
	defer dplrScratches.Put(sc)
	aRe, aIm, bRe, bIm := grow(sc.aRe, nf), grow(sc.aIm, nf), grow(sc.bRe, nf), grow(sc.bIm, nf)
	rRe, rIm := grow(sc.rRe, rows*nf), grow(sc.rIm, rows*nf)
	v, w, out := grow(sc.v, rows*nh), grow(sc.w, nh), grow(sc.spec, nf)
	sc.aRe, sc.aIm, sc.bRe, sc.bIm, sc.rRe, sc.rIm, sc.v, sc.w, sc.spec = aRe, aIm, bRe, bIm, rRe, rIm, v, w, out
	clear(v)
	for k := range nf {
		// 1 − ω = 2·sin²(θ/2) + i·sin θ, 1 + ω = 2·cos²(θ/2) − i·sin θ,
		// θ = 2πk/L: no cancellation near ω = ±1.
		th := 2 * math.Pi * float64(k) / float64(p.L)
		s, c := math.Sincos(th / 2)
		sin := math.Sin(th)
		aRe[k], aIm[k] = 4*s*s, 2*sin
		bRe[k], bIm[k] = 2*c*c, -sin
	}
	l := asm.Current()
	for h := 0; h < p.H; h++ {
		dt := complex(p.Dt[h], 0)
		lam, pp, b := p.Lambda[h*nh:(h+1)*nh], p.P[h*nh:(h+1)*nh], p.B[h*nh:(h+1)*nh]
		for n := range nh {
			w[n] = dt * lam[n]
			q := conj(pp[n])
			v[0*nh+n] = 2 * dt * b[n] * q  // B·Q
			v[1*nh+n] = 2 * dt * pp[n] * q // P·Q
			for c := 0; c < p.Channels; c++ {
				ct := p.CTilde[(c*p.H+h)*nh+n]
				v[(2+2*c)*nh+n] = 2 * dt * b[n] * ct  // B·C̃
				v[(3+2*c)*nh+n] = 2 * dt * pp[n] * ct // P·C̃
			}
		}
		for g := 0; g < rows; g += 4 {
			cauchyConj4(l, rRe[g*nf:], rIm[g*nf:], v[g*nh:(g+4)*nh], w, aRe, aIm, bRe, bIm, nf)
		}
		for c := 0; c < p.Channels; c++ {
			bc, pc := (2+2*c)*nf, (3+2*c)*nf
			for k := range out {
				// s = r·2/(1+ω), so r = s·(1+ω)/2.
				hb := complex(bRe[k]/2, bIm[k]/2)
				sBQ, sPQ := complex(rRe[k], rIm[k]), complex(rRe[nf+k], rIm[nf+k])
				sBC, sPC := complex(rRe[bc+k], rIm[bc+k]), complex(rRe[pc+k], rIm[pc+k])
				out[k] = sBC - sBQ*sPC*hb/(1+sPQ*hb)
			}
			emit(c*p.H+h, out)
		}
	}
}

// realPlans64 caches the inverse-FFT plans of the kernels, one per L
// (immutable, shared by every call and goroutine).
var realPlans64 sync.Map // int → *fft.RealPlan64

func realPlan64(l int) (*fft.RealPlan64, error) {
	if p, ok := realPlans64.Load(l); ok {
		return p.(*fft.RealPlan64), nil
	}
	p, err := fft.NewRealPlan64(l)
	if err != nil {
		return nil, err
	}
	actual, _ := realPlans64.LoadOrStore(l, p)
	return actual.(*fft.RealPlan64), nil
}

func conj(z complex128) complex128 { return complex(real(z), -imag(z)) }

// checkDPLR validates p and the length of the output (named out) against
// perRow(L) entries per (channel, H).
func checkDPLR(out string, lenOut int, perRow func(int) int, p *DPLRParams) error {
	if p == nil {
		return errorf("DPLRParams is nil")
	}
	for _, f := range []struct {
		name string
		v    int
	}{{"Channels", p.Channels}, {"H", p.H}, {"Nh", p.Nh}, {"L", p.L}} {
		if err := checkPositive(f.name, f.v); err != nil {
			return err
		}
	}
	if p.L > maxElements {
		return errorf("L = %d, want ≤ %d", p.L, maxElements)
	}
	if _, err := mulSizes("Channels·H·(L+1)", p.Channels, p.H, p.L+1); err != nil {
		return err
	}
	if _, err := mulSizes("(2 + 2·Channels)·(L/2 + 1)", 2+2*p.Channels, p.L/2+1, 2); err != nil {
		return err
	}
	nOut := p.Channels * p.H * perRow(p.L)
	nC, err := mulSizes("Channels·H·Nh", p.Channels, p.H, p.Nh)
	if err != nil {
		return err
	}
	nA := p.H * p.Nh
	return firstError(
		checkLenN(out, lenOut, nOut),
		checkLen("Lambda", p.Lambda, nA),
		checkLen("P", p.P, nA),
		checkLen("B", p.B, nA),
		checkLen("CTilde", p.CTilde, nC),
		checkLen("Dt", p.Dt, p.H),
		checkSteps("Dt", p.Dt),
		checkFiniteComplex("Lambda", p.Lambda),
		checkFiniteComplex("P", p.P),
		checkFiniteComplex("B", p.B),
		checkFiniteComplex("CTilde", p.CTilde),
		checkStableLambda(p.Lambda),
	)
}

// checkStableLambda rejects Re Λ ≥ 0: the Cauchy denominators
// 2(1−ω) − (1+ω)·Dt·Λ vanish for Λ on the imaginary axis, and the
// truncated generating function of an unstable SSM is not what S4 means.
func checkStableLambda(lambda []complex128) error {
	for i, l := range lambda {
		if !(real(l) < 0) {
			return errorf("Lambda[%d] = %v, want Re < 0", i, l)
		}
	}
	return nil
}

// DiscretizeDPLR writes the bilinear discretisation of one DPLR SSM in
// its conjugate-extended coordinates, N = 2·len(lambda):
//
//	A  = diag(Λ̄) − P̄·P̄ᴴ
//	dA = (I − dt/2·A)⁻¹(I + dt/2·A),  dB = (I − dt/2·A)⁻¹·dt·B̄
//
// dA is N×N row-major, dB has N entries. With E = 1 − dt/2·Λ̄ and
// Sherman–Morrison, dA[m,k] = δ_mk·(2−E_m)/E_m − 2γ·P̄_m·conj(P̄_k)/(E_m·E_k)
// with γ = (dt/2)/(1 + dt/2·Σ|P̄_j|²/E_j): O(N²), no solve. This is the
// recurrent form of S4 (and the golden's dA, dB).
//
// Errors: lengths (lambda, p, b must match; dA N², dB N); dt not finite and
// > 0; NaN or Inf in lambda, p, b; a singular I − dt/2·A.
func DiscretizeDPLR(dA, dB, lambda, p, b []complex128, dt float64) error {
	nh := len(lambda)
	if err := firstError(
		checkPositive("len(lambda)", nh),
		checkLen("p", p, nh),
		checkLen("b", b, nh),
	); err != nil {
		return err
	}
	if nh > 1<<14 {
		return errorf("len(lambda) = %d, want ≤ %d (dA is (2·len)² dense)", nh, 1<<14)
	}
	n := 2 * nh
	if err := firstError(
		checkLen("dA", dA, n*n),
		checkLen("dB", dB, n),
		checkStep("dt", dt),
		checkFiniteComplex("lambda", lambda),
		checkFiniteComplex("p", p),
		checkFiniteComplex("b", b),
	); err != nil {
		return err
	}
	e := make([]complex128, n)
	pe := extend(p)
	be := extend(b)
	half := complex(dt/2, 0)
	var sigma complex128
	for m, l := range extend(lambda) {
		e[m] = 1 - half*l
		if e[m] == 0 {
			return errorf("lambda[%d] = %v: 1 − dt/2·Λ = 0 with dt = %v, the bilinear map is singular", m%nh, l, dt)
		}
		sigma += conj(pe[m]) * pe[m] / e[m]
	}
	s := 1 + half*sigma
	if s == 0 {
		return errorf("1 + dt/2·P̄ᴴ(I − dt/2·diag Λ̄)⁻¹P̄ = 0: I − dt/2·A is singular")
	}
	gamma := half / s
	var pb complex128
	for k := range n {
		pb += conj(pe[k]) * be[k] / e[k]
	}
	for m := range n {
		um := 2 * gamma * pe[m] / e[m]
		row := dA[m*n : (m+1)*n]
		for k := range n {
			row[k] = -um * conj(pe[k]) / e[k]
		}
		row[m] += (2 - e[m]) / e[m]
		dB[m] = complex(dt, 0) * (be[m] - gamma*pe[m]*pb) / e[m]
	}
	return nil
}

// extend returns the conjugate extension [v, conj v].
func extend(v []complex128) []complex128 {
	out := make([]complex128, 2*len(v))
	for i, x := range v {
		out[i], out[len(v)+i] = x, conj(x)
	}
	return out
}

// CTilde converts the original C of one DPLR SSM (one channel, one H) into
// the C̃ that DPLRKernel64 takes:
//
//	C̃ = first Nh entries of (I − (dA^L)ᵀ)·C̄,   C̄ = [c, conj c]
//
// with dA from DiscretizeDPLR(lambda, p, ·, dt). The power is taken by
// repeated squaring of the dense N×N dA (⌈log₂ L⌉ products of N³ complex
// multiply-adds, N = 2·Nh), so its error grows with log L, not L.
// ct and c have len(lambda) entries; ct may not alias c.
//
// Errors: lengths; L < 1; as DiscretizeDPLR.
func CTilde(ct, lambda, p, c []complex128, dt float64, L int) error {
	nh := len(lambda)
	if err := firstError(
		checkPositive("L", L),
		checkPositive("len(lambda)", nh),
		checkLen("c", c, nh),
		checkLen("ct", ct, nh),
		checkFiniteComplex("c", c),
	); err != nil {
		return err
	}
	if nh > 1<<10 {
		return errorf("len(lambda) = %d, want ≤ %d (dense N³ powers)", nh, 1<<10)
	}
	n := 2 * nh
	dA := make([]complex128, n*n)
	if err := DiscretizeDPLR(dA, make([]complex128, n), lambda, p, make([]complex128, nh), dt); err != nil {
		return err
	}
	// m = dAᵀ; v ← m^L·C̄ by binary powering.
	m := make([]complex128, n*n)
	for i := range n {
		for j := range n {
			m[i*n+j] = dA[j*n+i]
		}
	}
	v, tmp := extend(c), make([]complex128, n)
	sq := make([]complex128, n*n)
	for bits := L; ; {
		if bits&1 == 1 {
			matVec(tmp, m, v)
			v, tmp = tmp, v
		}
		bits >>= 1
		if bits == 0 {
			break
		}
		matMul(sq, m, m, n)
		m, sq = sq, m
	}
	for i := range nh {
		ct[i] = c[i] - v[i]
	}
	for _, x := range ct {
		if cmplx.IsNaN(x) || cmplx.IsInf(x) {
			return errorf("CTilde: %v in the result (dA^L overflowed: is Re Λ < 0?)", x)
		}
	}
	return nil
}

// matVec sets y = m·x for a square row-major m.
func matVec(y, m, x []complex128) {
	n := len(x)
	for i := range n {
		var s complex128
		row := m[i*n : (i+1)*n]
		for j, xj := range x {
			s += row[j] * xj
		}
		y[i] = s
	}
}

// matMul sets c = a·b for n×n row-major matrices (c aliases neither).
func matMul(c, a, b []complex128, n int) {
	clear(c)
	for i := range n {
		ci := c[i*n : (i+1)*n]
		for k := range n {
			aik := a[i*n+k]
			bk := b[k*n : (k+1)*n]
			for j := range ci {
				ci[j] += aik * bk[j]
			}
		}
	}
}

// DPLRKernel64 writes the S4 convolution kernels into k, [Channels][H][L]:
// the inverse real FFT of length L of each row of DPLRSpectrum, so that
// K[l] = Re(C̄ᵀ·dA^l·dB) for the bilinear discretisation (golden
// s4_dplr_kernel). Each row's spectrum is transformed as soon as it is
// computed, so the working memory is O(Channels·L), pooled, and the FFT
// plan of each L is made once and kept: no allocation per call in steady
// state. It is a set-up step, run once per parameter update, not per
// token.
func DPLRKernel64(k []float64, p *DPLRParams) error {
	if err := checkDPLR("k", len(k), func(l int) int { return l }, p); err != nil {
		return err
	}
	plan, err := realPlan64(p.L)
	if err != nil {
		return fmt.Errorf("kernelgen: DPLRKernel64: %w", err)
	}
	dplrSpectrum(p, func(row int, spec []complex128) {
		plan.Inverse(k[row*p.L:(row+1)*p.L], spec) // lengths are right by construction
	})
	return nil
}

// DPLRKernel is DPLRKernel64 rounded to float32, the kernel type that
// fft.NewConv32 takes.
func DPLRKernel(k []float32, p *DPLRParams) error {
	if err := checkDPLR("k", len(k), func(l int) int { return l }, p); err != nil {
		return err
	}
	plan, err := realPlan64(p.L)
	if err != nil {
		return fmt.Errorf("kernelgen: DPLRKernel: %w", err)
	}
	sc := dplrScratches.Get().(*dplrScratch)
	defer dplrScratches.Put(sc)
	sc.k64 = grow(sc.k64, p.L)
	row64 := sc.k64
	dplrSpectrum(p, func(row int, spec []complex128) {
		plan.Inverse(row64, spec)
		for i, v := range row64 {
			k[row*p.L+i] = float32(v)
		}
	})
	return nil
}
