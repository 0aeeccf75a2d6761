package fft

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
)

// Powers of two from 32 run the float32 Stockham kernels at the vector levels
// (32: radix-2 first stage, 64 and 4096: radix-4 only; at AVX-512 512,
// 1024 and 2048 as one asm.FFT512, FFT1024, FFT2048 call, the real 1024,
// 2048 and 4096 their halves so).
var guardLengths = []int{1, 2, 3, 7, 8, 13, 32, 60, 64, 66, 97, 128, 202, 512, 1000, 1009, 1024, 2048, 4096}

// Every plan type reads and writes its arguments placed flush against an
// inaccessible page: an over-read or over-write past the end faults. The
// results must equal those on ordinary slices.
func TestPlansStayInsideGuardedSlicesAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(41, 42))
	asmtest.ForEachLevel(t, func(t *testing.T, _ asm.Level) {
		for _, n := range guardLengths {
			bins := n/2 + 1
			x := randComplex128(rng, n)
			p64, _ := NewPlan64(n)
			want := make([]complex128, n)
			p64.Forward(want, x)
			src, dst := asmtest.GuardedComplex128(t, x), asmtest.GuardedComplex128(t, make([]complex128, n))
			mustOK(t, p64.Forward(dst, src))
			mustEqual(t, "Plan64.Forward", dst, want)
			mustOK(t, p64.Inverse(src, src))

			p32, _ := NewPlan32(n)
			want32 := make([]complex64, n)
			p32.Inverse(want32, toC64(x))
			src32, dst32 := asmtest.GuardedComplex64(t, toC64(x)), asmtest.GuardedComplex64(t, make([]complex64, n))
			mustOK(t, p32.Inverse(dst32, src32))
			mustEqual(t, "Plan32.Inverse", dst32, want32)
			mustOK(t, p32.Forward(src32, src32))

			r := randFloat64(rng, n)
			rp64, _ := NewRealPlan64(n)
			wantR := make([]complex128, bins)
			rp64.Forward(wantR, r)
			rdst := asmtest.GuardedComplex128(t, make([]complex128, bins))
			mustOK(t, rp64.Forward(rdst, asmtest.GuardedFloat64(t, r)))
			mustEqual(t, "RealPlan64.Forward", rdst, wantR)
			back := asmtest.GuardedFloat64(t, make([]float64, n))
			mustOK(t, rp64.Inverse(back, asmtest.GuardedComplex128(t, wantR)))

			rp32, _ := NewRealPlan32(n)
			r32 := toF32(r)
			wantR32 := make([]complex64, bins)
			rp32.Forward(wantR32, r32)
			rdst32 := asmtest.GuardedComplex64(t, make([]complex64, bins))
			mustOK(t, rp32.Forward(rdst32, asmtest.GuardedFloat32(t, r32)))
			mustEqual(t, "RealPlan32.Forward", rdst32, wantR32)
			back32 := asmtest.GuardedFloat32(t, make([]float32, n))
			mustOK(t, rp32.Inverse(back32, asmtest.GuardedComplex64(t, wantR32)))
		}
	})
}

func TestConvStaysInsideGuardedSlicesAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(43, 44))
	asmtest.ForEachLevel(t, func(t *testing.T, _ asm.Level) {
		for _, s := range []convShape{{1, 1, 1, 1}, {2, 3, 13, 5}, {1, 2, 100, 100}, {2, 1, 1000, 1000}} {
			u := toF32(randFloat64(rng, s.batch*s.channels*s.seqLen))
			k := toF32(randFloat64(rng, s.channels*s.kernelLen))
			d := toF32(randFloat64(rng, s.channels))
			for _, mode := range []convMode{convDirect, convFFT} {
				c, err := newConvPlan("NewConv32", s.channels, s.seqLen, asmtest.GuardedFloat32(t, k), mode)
				mustOK(t, err)
				want := make([]float32, len(u))
				mustOK(t, c.apply("Conv32.Apply", want, u, d))
				y := asmtest.GuardedFloat32(t, make([]float32, len(u)))
				mustOK(t, c.apply("Conv32.Apply", y, asmtest.GuardedFloat32(t, u), asmtest.GuardedFloat32(t, d)))
				mustEqual(t, "Conv32.Apply "+s.String(), y, want)
				yu := asmtest.GuardedFloat32(t, u) // in place
				mustOK(t, c.apply("Conv32.Apply", yu, yu, asmtest.GuardedFloat32(t, d)))
				mustEqual(t, "Conv32.Apply in place "+s.String(), yu, want)

				c64, err := newConvPlan("NewConv64", s.channels, s.seqLen, asmtest.GuardedFloat64(t, toF64(k)), mode)
				mustOK(t, err)
				y64 := asmtest.GuardedFloat64(t, make([]float64, len(u)))
				mustOK(t, c64.apply("Conv64.Apply", y64, asmtest.GuardedFloat64(t, toF64(u)), asmtest.GuardedFloat64(t, toF64(d))))
			}
		}
	})
}

// Sub-slices at odd element offsets (complex64 only 8-byte aligned,
// float32 4-byte), surrounded by NaN sentinels that must stay untouched.
func TestPlansWorkOnUnalignedSubSlicesAndWriteNothingOutside(t *testing.T) {
	rng := rand.New(rand.NewPCG(45, 46))
	const pad = 3
	nan64 := complex64(complex(float32(math.NaN()), float32(math.NaN())))
	for _, n := range guardLengths {
		x := toC64(randComplex128(rng, n))
		p, _ := NewPlan32(n)
		want := make([]complex64, n)
		p.Forward(want, x)
		buf := make([]complex64, n+2*pad)
		for i := range buf {
			buf[i] = nan64
		}
		dst := buf[pad : pad+n]
		srcBuf := make([]complex64, n+1)
		src := srcBuf[1:]
		copy(src, x)
		mustOK(t, p.Forward(dst, src))
		mustEqual(t, "Plan32.Forward unaligned", dst, want)
		for i := range pad {
			if !isNaN64(buf[i]) || !isNaN64(buf[pad+n+i]) {
				t.Fatalf("n=%d: Plan32.Forward wrote outside dst", n)
			}
		}

		r := toF32(randFloat64(rng, n))
		rp, _ := NewRealPlan32(n)
		wantR := make([]float32, n)
		spec := make([]complex64, n/2+1)
		rp.Forward(spec, r)
		rp.Inverse(wantR, spec)
		fbuf := make([]float32, n+2*pad)
		for i := range fbuf {
			fbuf[i] = float32(math.NaN())
		}
		out := fbuf[pad : pad+n]
		specBuf := make([]complex64, len(spec)+1)
		copy(specBuf[1:], spec)
		mustOK(t, rp.Inverse(out, specBuf[1:]))
		mustEqual(t, "RealPlan32.Inverse unaligned", out, wantR)
		for i := range pad {
			if !math.IsNaN(float64(fbuf[i])) || !math.IsNaN(float64(fbuf[pad+n+i])) {
				t.Fatalf("n=%d: RealPlan32.Inverse wrote outside dst", n)
			}
		}
	}
}

func isNaN64(v complex64) bool { return real(v) != real(v) }

func mustOK(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func mustEqual[T comparable](t *testing.T, what string, got, want []T) {
	t.Helper()
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("%s: element %d = %v, want %v", what, i, got[i], want[i])
		}
	}
}
