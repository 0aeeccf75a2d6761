//go:build !(amd64 || arm64) || !gc || purego

package fft

import (
	"github.com/ssmkern/ssmkern/asm"
)

// Without the amd64 kernels every level runs the plain-Go code.

func hasStockham32(l asm.Level) bool { return false }

// stockham32 is the float32 Stockham plan of the amd64 kernels: none here.
type stockham32 struct{}

func newStockham32(n int, l asm.Level) *stockham32 { return nil }

// fourStep32 is the four-step plan of the amd64 kernels: none here.
type fourStep32 struct{}

func newFourStep32(n int, l asm.Level, tw []complex64) *fourStep32 { return nil }

// realStockham32 is the float32 real-FFT plan of the amd64 kernels: none
// here.
type realStockham32 struct{}

func newRealStockham32(n int, l asm.Level, fourStepTw []complex64) *realStockham32 { return nil }

// fourStepTwiddles returns a plan's four-step twiddle matrix: none here.
func (p *realStockham32) fourStepTwiddles() []complex64 { return nil }

func (p *fourStep32) twiddles() []complex64 { return nil }

// transform runs a validated complex128 FFT (dst may be src).
func transform(l asm.Level, p *Plan64, dst, src []complex128, s *scratch, inverse bool) {
	transformGeneric(p, dst, src, s, inverse)
}

// stockham64 is the complex128 Stockham plan of the amd64 kernels: none
// here.
type stockham64 struct{}

func newStockham64(n int, l asm.Level) *stockham64 { return nil }

// fourStep64 is the complex128 four-step plan of the amd64 kernels: none
// here.
type fourStep64 struct{}

func newFourStep64(n int, l asm.Level, tw []complex128) *fourStep64 { return nil }

func (fs *fourStep64) twiddles() []complex128 { return nil }

// realStockham64 is the float64 real-FFT plan of the amd64 kernels: none
// here.
type realStockham64 struct{}

func newRealStockham64(n int, l asm.Level, fourStepTw []complex128) *realStockham64 { return nil }

func (p *realStockham64) fourStepTwiddles() []complex128 { return nil }

// realForward64 runs a validated float64 real FFT.
func realForward64(l asm.Level, p *RealPlan64, dst []complex128, src []float64, s *scratch) {
	realForwardGeneric(p, dst, src, s)
}

// realInverse64 runs a validated float64 inverse real FFT.
func realInverse64(l asm.Level, p *RealPlan64, dst []float64, src []complex128, s *scratch) {
	realInverseGeneric(p, dst, src, s)
}

// transform32Short reports that no short transform runs without scratch
// here.
func transform32Short(l asm.Level, p *Plan32, dst, src []complex64, inverse bool) bool { return false }

// realForward32Short and realInverse32Short report that no short real
// transform runs without scratch here.
func realForward32Short(l asm.Level, p *RealPlan32, dst []complex64, src []float32) bool {
	return false
}

func realInverse32Short(l asm.Level, p *RealPlan32, dst []float32, src []complex64) bool {
	return false
}

// realForward64Short reports that no short real transform runs without
// scratch here.
func realForward64Short(l asm.Level, p *RealPlan64, dst []complex128, src []float64) bool {
	return false
}

// transform64Short is transform32Short for Plan64.
func transform64Short(l asm.Level, p *Plan64, dst, src []complex128, inverse bool) bool { return false }

// transform32 runs a validated complex64 FFT (dst may be src).
func transform32(l asm.Level, p *Plan32, dst, src []complex64, s *scratch, inverse bool) {
	transform32Generic(p, dst, src, s, inverse)
}

// realForward32 runs a validated float32 real FFT.
func realForward32(l asm.Level, p *RealPlan32, dst []complex64, src []float32, s *scratch) {
	realForward32Generic(p, dst, src, s)
}

// realInverse32 runs a validated float32 inverse real FFT.
func realInverse32(l asm.Level, p *RealPlan32, dst []float32, src []complex64, s *scratch) {
	realInverse32Generic(p, dst, src, s)
}

// ownWork64 reports false: no three-pass plans here.
func ownWork64(sp *stockham64) bool { return false }

// mixed32 and mixed64 are the mixed-radix plans of the vector levels:
// none here.
type mixed32 struct{}

type mixed64 struct{}

func newMixed32(n int, l asm.Level) *mixed32 { return nil }

func newMixed64(n int, l asm.Level) *mixed64 { return nil }

func mixed32At(n int, l asm.Level) bool { return false }

func mixed64At(n int, l asm.Level) bool { return false }

// realPass32 and realPass64 are the real plans' vector passes: none
// here.
type realPass32 struct{ d int }

type realPass64 struct{ d int }

func (r *realHalf32) vector(l asm.Level) *realPass32 { return nil }

func (r *realHalf64) vector(l asm.Level) *realPass64 { return nil }

func (vp *realPass32) run(dst, src []complex64, inverse bool) {}

func (vp *realPass64) run(dst, src []complex128, inverse bool) {}

func runMixed32(m *mixed32, dst, src, work []complex64, inverse bool) {
	panic("fft: no mixed-radix plans here")
}

func runMixed64(m *mixed64, dst, src, work []complex128, inverse bool) {
	panic("fft: no mixed-radix plans here")
}
