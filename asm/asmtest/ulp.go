package asmtest

import "math"

// ULPsApart is the distance between two float32 in units in the last
// place: 0 for equal values and for two NaNs.
func ULPsApart(a, b float32) int64 {
	if a == b || (a != a && b != b) {
		return 0
	}
	ordered := func(x float32) int64 {
		i := int64(int32(math.Float32bits(x)))
		if i < 0 {
			i = math.MinInt32 - i
		}
		return i
	}
	d := ordered(a) - ordered(b)
	if d < 0 {
		d = -d
	}
	return d
}

// FlushBelowNormal is x rounded to float32, or 0 when that is below the
// smallest normal float32: the vector exp functions' result below their
// range (they return exactly 0 rather than a subnormal).
func FlushBelowNormal(x float64) float32 {
	e := float32(x)
	if e != 0 && e < math.SmallestNonzeroFloat32*(1<<23) {
		return 0
	}
	return e
}

// SweepULP runs row over the float32 bit patterns start, start+step, …
// below 2^32, 2^16 at a time, and returns the largest distance in ulp
// between an output and want(x) over the elements row says it did (its
// result: a whole-vector kernel leaves the rest), with the x it occurs at.
func SweepULP(row func(dst, src []float32) int, want func(x float32) float32, start, step uint64) (worst int64, worstX float32) {
	const batch = 1 << 16
	src, dst := make([]float32, batch), make([]float32, batch)
	for base := start; base < 1<<32; base += batch * step {
		n := 0
		for i := range src {
			bits := base + uint64(i)*step
			if bits >= 1<<32 {
				break
			}
			src[i] = math.Float32frombits(uint32(bits))
			n++
		}
		done := row(dst[:n], src[:n])
		for i := range done {
			if d := ULPsApart(dst[i], want(src[i])); d > worst {
				worst, worstX = d, src[i]
			}
		}
	}
	return worst, worstX
}
