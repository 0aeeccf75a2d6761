package fuzz

import (
	"math"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/fft"
	"github.com/ssmkern/ssmkern/generic"
	"github.com/ssmkern/ssmkern/generic/golden"
)

// Tolerances of the FFT targets: the design's relative RMS bounds per
// log2(n) (max(1, log2 n)), the same as package fft's own tests.
const (
	fftTol64PerLog2 = 1e-14
	fftTol32PerLog2 = 1e-6
)

// fftMaxLen bounds the decoded lengths: the O(n²) oracle stays in the
// microseconds, and every radix, tail and Bluestein path is reachable.
const fftMaxLen = 320

// value returns a float32 in [−4, 4]; one code in 16 is an exact 0 and one
// in 16 a power of two, so sparse and exactly representable inputs occur.
func (s *byteSource) value() float32 {
	v := s.uint16()
	switch v & 15 {
	case 0:
		return 0
	case 1:
		return float32(math.Ldexp(1, int(v>>4)%9-4))
	}
	return float32(8*float64(v)/65535 - 4)
}

func fftLog2(n int) float64 { return max(1, math.Log2(float64(n))) }

func fftSeeds(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{0, 0})               // n = 1
	f.Add([]byte{59, 0, 1, 0})        // n = 60, inverse
	f.Add([]byte{63, 0, 0, 0})        // n = 64
	f.Add([]byte{96, 0, 0, 0, 1, 2})  // n = 97, prime: Bluestein
	f.Add([]byte{255, 0, 1, 0, 0, 0}) // n = 256, inverse, first value 0
	f.Add([]byte{0x3f, 1, 0, 0})      // n = 320
}

// FuzzFFT compares Plan32 and Plan64 (forward or inverse, in place or not)
// at every level with the O(n²) DFT of the same input.
func FuzzFFT(f *testing.F) {
	fftSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		s := &byteSource{data: data, state: 1}
		n := s.intn(1, fftMaxLen)
		flags := s.uint16()
		inverse, inPlace := flags&1 != 0, flags&2 != 0
		x32 := make([]complex64, n)
		for i := range x32 {
			x32[i] = complex(s.value(), s.value())
		}
		x := make([]complex128, n)
		for i, v := range x32 {
			x[i] = complex128(v)
		}
		want := make([]complex128, n)
		generic.DFT(want, x, inverse)
		p32, err := fft.NewPlan32(n)
		if err != nil {
			t.Fatal(err)
		}
		p64, err := fft.NewPlan64(n)
		if err != nil {
			t.Fatal(err)
		}
		atEveryLevel(t, func(l asm.Level) {
			got32 := append([]complex64(nil), x32...)
			got64 := append([]complex128(nil), x...)
			src32, src64 := got32, got64
			if !inPlace {
				src32, src64 = x32, x
			}
			run32, run64 := p32.Forward, p64.Forward
			if inverse {
				run32, run64 = p32.Inverse, p64.Inverse
			}
			if err := run32(got32, src32); err != nil {
				t.Fatal(err)
			}
			if err := run64(got64, src64); err != nil {
				t.Fatal(err)
			}
			if e, tol := golden.RelativeRMSError(got32, want), fftTol32PerLog2*fftLog2(n); !(e <= tol) {
				t.Errorf("%v n=%d inverse=%v in place=%v: Plan32 relative RMS error %.3g > %.3g", l, n, inverse, inPlace, e, tol)
			}
			if e, tol := golden.RelativeRMSError(got64, want), fftTol64PerLog2*fftLog2(n); !(e <= tol) {
				t.Errorf("%v n=%d inverse=%v in place=%v: Plan64 relative RMS error %.3g > %.3g", l, n, inverse, inPlace, e, tol)
			}
		})
	})
}

// FuzzRealFFT compares RealPlan32 and RealPlan64 at every level with the
// DFT: forward against its first n/2+1 bins, inverse against the inverse
// DFT of the Hermitian extension (Im of bin 0 and of bin n/2 dropped).
func FuzzRealFFT(f *testing.F) {
	fftSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		s := &byteSource{data: data, state: 2}
		n := s.intn(1, fftMaxLen)
		s.uint16()
		bins := n/2 + 1
		r32 := make([]float32, n)
		r := make([]complex128, n)
		for i := range r32 {
			r32[i] = s.value()
			r[i] = complex(float64(r32[i]), 0)
		}
		spec32 := make([]complex64, bins)
		ext := make([]complex128, n)
		for k := range spec32 {
			spec32[k] = complex(s.value(), s.value())
			v := complex128(spec32[k])
			if k == 0 || 2*k == n {
				v = complex(real(v), 0)
			}
			ext[k] = v
			if k > 0 {
				ext[n-k] = complex(real(v), -imag(v))
			}
		}
		wantF, wantI := make([]complex128, n), make([]complex128, n)
		generic.DFT(wantF, r, false)
		generic.DFT(wantI, ext, true)
		rp32, err := fft.NewRealPlan32(n)
		if err != nil {
			t.Fatal(err)
		}
		rp64, err := fft.NewRealPlan64(n)
		if err != nil {
			t.Fatal(err)
		}
		r64 := make([]float64, n)
		for i, v := range r32 {
			r64[i] = float64(v)
		}
		spec64 := make([]complex128, bins)
		for k, v := range spec32 {
			spec64[k] = complex128(v)
		}
		tol32, tol64 := fftTol32PerLog2*fftLog2(n), fftTol64PerLog2*fftLog2(n)
		atEveryLevel(t, func(l asm.Level) {
			f32, f64 := make([]complex64, bins), make([]complex128, bins)
			i32, i64 := make([]float32, n), make([]float64, n)
			for _, err := range []error{rp32.Forward(f32, r32), rp64.Forward(f64, r64), rp32.Inverse(i32, spec32), rp64.Inverse(i64, spec64)} {
				if err != nil {
					t.Fatal(err)
				}
			}
			if e := golden.RelativeRMSError(f32, wantF[:bins]); !(e <= tol32) {
				t.Errorf("%v n=%d: RealPlan32.Forward relative RMS error %.3g > %.3g", l, n, e, tol32)
			}
			if e := golden.RelativeRMSError(f64, wantF[:bins]); !(e <= tol64) {
				t.Errorf("%v n=%d: RealPlan64.Forward relative RMS error %.3g > %.3g", l, n, e, tol64)
			}
			c32, c64 := make([]complex64, n), make([]complex128, n)
			for i := range n {
				c32[i], c64[i] = complex(i32[i], 0), complex(i64[i], 0)
			}
			if e := golden.RelativeRMSError(c32, wantI); !(e <= tol32) {
				t.Errorf("%v n=%d: RealPlan32.Inverse relative RMS error %.3g > %.3g", l, n, e, tol32)
			}
			if e := golden.RelativeRMSError(c64, wantI); !(e <= tol64) {
				t.Errorf("%v n=%d: RealPlan64.Inverse relative RMS error %.3g > %.3g", l, n, e, tol64)
			}
		})
	})
}
