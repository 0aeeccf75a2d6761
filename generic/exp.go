package generic

import "math"

// smallestNormal32 is 2^−126, the smallest normal float32.
const smallestNormal32 = 0x1p-126

// ExpFloat32 sets dst[i] = exp(src[i]) for i < len(dst): the float64
// exponential rounded to float32, except that a result below the
// smallest normal float32 is exactly 0. That is the function the vector
// kernels approximate (avogen/vmathdef): Go does not flush denormals, and
// a denormal in a scan's state would slow every later step.
func ExpFloat32(dst, src []float32) {
	src = src[:len(dst)]
	for i, x := range src {
		e := float32(math.Exp(float64(x)))
		if e < smallestNormal32 {
			e = 0
		}
		dst[i] = e
	}
}
