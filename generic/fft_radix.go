package generic

// One Stockham stage of radix p. Before it, the data hold the length-ls
// DFTs of the R = n/ls interleaved subsequences x[c], x[c+R], x[c+2R], …
// (c < R): DFT value j of subsequence c sits at in[j·R + c]. The stage
// merges the p subsequences c = k + q·r (q < p, r = R/p) into the
// length-L = p·ls DFT of subsequence k (decimation in time):
//
//	Y_k[j + s·ls] = Σ_q ω_p^{q·s} · (ω_L^{q·j} · y_{k+q·r}[j]),   s < p
//
// reading in[j·p·r + q·r + k] and writing out[(j + s·ls)·r + k]. For fixed
// j the loop over k touches contiguous elements with fixed twiddles
// ω_L^{q·j} = tw[j·(p−1) + q−1]. The first stage (ls = 1) reads the input
// in natural order, the last (r = 1) writes the DFT in natural order.

// runStage dispatches one stage on its radix.
func runStage(s fftStage, out, in, tw []complex128) {
	switch s.radix {
	case 4:
		stageRadix4(out, in, tw, s.ls, s.r)
	case 2:
		stageRadix2(out, in, tw, s.ls, s.r)
	case 3:
		stageRadix3(out, in, tw, s.ls, s.r)
	case 5:
		stageRadix5(out, in, tw, s.ls, s.r)
	default:
		panic("generic: unsupported FFT radix") // unreachable: smoothFactors yields only these
	}
}

// rmul returns c·v for a real c: two products, where Go's complex
// product would take four (and turn 0·Inf into NaN).
func rmul(c float64, v complex128) complex128 { return complex(c*real(v), c*imag(v)) }

// mulNegI returns −i·v.
func mulNegI(v complex128) complex128 { return complex(imag(v), -real(v)) }

func stageRadix2(out, in, tw []complex128, ls, r int) {
	for j := range ls {
		w1 := tw[j]
		x := in[j*2*r : (j+1)*2*r]
		x0, x1 := x[:r], x[r:2*r]
		y0, y1 := out[j*r:j*r+r], out[(j+ls)*r:(j+ls)*r+r]
		for k := range r {
			a0, a1 := x0[k], w1*x1[k]
			y0[k] = a0 + a1
			y1[k] = a0 - a1
		}
	}
}

func stageRadix4(out, in, tw []complex128, ls, r int) {
	for j := range ls {
		w1, w2, w3 := tw[3*j], tw[3*j+1], tw[3*j+2]
		x := in[j*4*r : (j+1)*4*r]
		x0, x1, x2, x3 := x[:r], x[r:2*r], x[2*r:3*r], x[3*r:4*r]
		y0 := out[j*r : j*r+r]
		y1 := out[(j+ls)*r : (j+ls)*r+r]
		y2 := out[(j+2*ls)*r : (j+2*ls)*r+r]
		y3 := out[(j+3*ls)*r : (j+3*ls)*r+r]
		if j == 0 { // all twiddles are 1
			for k := range r {
				a0, a1, a2, a3 := x0[k], x1[k], x2[k], x3[k]
				s02, d02 := a0+a2, a0-a2
				s13, d13 := a1+a3, mulNegI(a1-a3)
				y0[k] = s02 + s13
				y1[k] = d02 + d13
				y2[k] = s02 - s13
				y3[k] = d02 - d13
			}
			continue
		}
		for k := range r {
			a0, a1, a2, a3 := x0[k], w1*x1[k], w2*x2[k], w3*x3[k]
			s02, d02 := a0+a2, a0-a2
			s13, d13 := a1+a3, mulNegI(a1-a3)
			y0[k] = s02 + s13
			y1[k] = d02 + d13
			y2[k] = s02 - s13
			y3[k] = d02 - d13
		}
	}
}

// Radix-3 and radix-5 butterfly constants: cos and sin of 2π/3, 2π/5 and
// 4π/5, as float64 literals correctly rounded.
const (
	sin2Pi3 = 0.86602540378443864676372317075293618 // sin(2π/3) = √3/2
	cos2Pi5 = 0.30901699437494742410229341718281906 // cos(2π/5)
	cos4Pi5 = -0.80901699437494742410229341718281906
	sin2Pi5 = 0.95105651629515357211643933337938214
	sin4Pi5 = 0.58778525229247312916870595463907277
)

func stageRadix3(out, in, tw []complex128, ls, r int) {
	for j := range ls {
		w1, w2 := tw[2*j], tw[2*j+1]
		x := in[j*3*r : (j+1)*3*r]
		x0, x1, x2 := x[:r], x[r:2*r], x[2*r:3*r]
		y0 := out[j*r : j*r+r]
		y1 := out[(j+ls)*r : (j+ls)*r+r]
		y2 := out[(j+2*ls)*r : (j+2*ls)*r+r]
		for k := range r {
			a0, a1, a2 := x0[k], w1*x1[k], w2*x2[k]
			s := a1 + a2
			m := a0 - rmul(0.5, s)
			d := rmul(sin2Pi3, mulNegI(a1-a2))
			y0[k] = a0 + s
			y1[k] = m + d
			y2[k] = m - d
		}
	}
}

func stageRadix5(out, in, tw []complex128, ls, r int) {
	for j := range ls {
		w1, w2, w3, w4 := tw[4*j], tw[4*j+1], tw[4*j+2], tw[4*j+3]
		x := in[j*5*r : (j+1)*5*r]
		x0, x1, x2, x3, x4 := x[:r], x[r:2*r], x[2*r:3*r], x[3*r:4*r], x[4*r:5*r]
		y0 := out[j*r : j*r+r]
		y1 := out[(j+ls)*r : (j+ls)*r+r]
		y2 := out[(j+2*ls)*r : (j+2*ls)*r+r]
		y3 := out[(j+3*ls)*r : (j+3*ls)*r+r]
		y4 := out[(j+4*ls)*r : (j+4*ls)*r+r]
		for k := range r {
			a0, a1, a2, a3, a4 := x0[k], w1*x1[k], w2*x2[k], w3*x3[k], w4*x4[k]
			b1, b2 := a1+a4, a2+a3
			d1, d2 := mulNegI(a1-a4), mulNegI(a2-a3)
			m1 := a0 + rmul(cos2Pi5, b1) + rmul(cos4Pi5, b2)
			m2 := a0 + rmul(cos4Pi5, b1) + rmul(cos2Pi5, b2)
			e1 := rmul(sin2Pi5, d1) + rmul(sin4Pi5, d2)
			e2 := rmul(sin4Pi5, d1) - rmul(sin2Pi5, d2)
			y0[k] = a0 + b1 + b2
			y1[k] = m1 + e1
			y4[k] = m1 - e1
			y2[k] = m2 + e2
			y3[k] = m2 - e2
		}
	}
}
