package fft

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"unsafe"
)

// Every invalid call returns an error that names the bad argument, and
// none panics (a panic fails the subtest with the call's name).
func TestInvalidCallsReturnAnErrorNamingTheArgument(t *testing.T) {
	p32, _ := NewPlan32(12)
	p64, _ := NewPlan64(12)
	r32, _ := NewRealPlan32(12)
	r64, _ := NewRealPlan64(12)
	c32, _ := NewConv32(2, 8, make([]float32, 2*3))
	c64, _ := NewConv64(2, 8, make([]float64, 2*3))
	var nilP32 *Plan32
	var nilP64 *Plan64
	var nilR32 *RealPlan32
	var nilR64 *RealPlan64
	var nilC32 *Conv32
	var nilC64 *Conv64
	c64s := make([]complex64, 12)
	c128s := make([]complex128, 12)
	buf32 := make([]float32, 64)
	bufc := make([]complex64, 24)

	cases := []struct {
		name, want string // want: a substring the error must contain
		call       func() error
	}{
		{"NewPlan32 n=0", "n = 0", func() error { _, err := NewPlan32(0); return err }},
		{"NewPlan64 n<0", "n = -5", func() error { _, err := NewPlan64(-5); return err }},
		{"NewRealPlan32 n=0", "n = 0", func() error { _, err := NewRealPlan32(0); return err }},
		{"NewRealPlan64 n>MaxLen", "n = ", func() error { _, err := NewRealPlan64(MaxLen + 1); return err }},
		{"NewPlan64 huge n", "n = ", func() error { _, err := NewPlan64(math.MaxInt); return err }},
		{"Plan32.Forward short dst", "len(dst) = 10, want n = 12", func() error { return p32.Forward(make([]complex64, 10), c64s) }},
		{"Plan32.Forward nil src", "len(src) = 0, want n = 12", func() error { return p32.Forward(c64s, nil) }},
		{"Plan32.Inverse long src", "len(src) = 13", func() error { return p32.Inverse(c64s, make([]complex64, 13)) }},
		{"Plan64.Forward nil dst", "len(dst) = 0", func() error { return p64.Forward(nil, c128s) }},
		{"Plan64.Inverse short src", "len(src) = 11", func() error { return p64.Inverse(c128s, c128s[:11]) }},
		{"Plan32.Forward partial overlap", "overlap partially", func() error { return p32.Forward(bufc[0:12], bufc[1:13]) }},
		{"Plan32.Inverse dst after src by 11 values", "overlap partially", func() error { return p32.Inverse(bufc[11:23], bufc[0:12]) }},
		{"Plan64.Inverse partial overlap", "overlap partially", func() error {
			b := make([]complex128, 20)
			return p64.Inverse(b[8:20], b[0:12])
		}},
		{"nil Plan32", "nil *Plan32", func() error { return nilP32.Forward(c64s, c64s) }},
		{"nil Plan64", "nil *Plan64", func() error { return nilP64.Inverse(c128s, c128s) }},
		{"nil RealPlan32", "nil *RealPlan32", func() error { return nilR32.Forward(nil, nil) }},
		{"nil RealPlan64", "nil *RealPlan64", func() error { return nilR64.Inverse(nil, nil) }},
		{"RealPlan32.Forward dst n", "len(dst) = 12, want n/2+1 = 7", func() error { return r32.Forward(c64s, make([]float32, 12)) }},
		{"RealPlan32.Forward src", "len(src) = 6, want n = 12", func() error { return r32.Forward(make([]complex64, 7), make([]float32, 6)) }},
		{"RealPlan32.Inverse dst", "len(dst) = 7, want n = 12", func() error { return r32.Inverse(make([]float32, 7), make([]complex64, 7)) }},
		{"RealPlan64.Inverse src", "len(src) = 12, want n/2+1 = 7", func() error { return r64.Inverse(make([]float64, 12), c128s) }},
		{"RealPlan64.Forward nil dst", "len(dst) = 0", func() error { return r64.Forward(nil, make([]float64, 12)) }},
		{"RealPlan32.Forward dst overlaps src", "dst overlaps src", func() error {
			// The float32 view of the same memory as a complex64 dst.
			return r32.Forward(bufc[0:7], complexAsFloats(bufc)[2:14])
		}},
		{"NewConv32 channels=0", "channels = 0", func() error { _, err := NewConv32(0, 8, buf32); return err }},
		{"NewConv32 seqLen<0", "seqLen = -1", func() error { _, err := NewConv32(2, -1, buf32); return err }},
		{"NewConv32 k not a multiple", "len(k) = 7 is not a multiple of channels = 2", func() error { _, err := NewConv32(2, 8, buf32[:7]); return err }},
		{"NewConv64 nil k", "len(k) = 0", func() error { _, err := NewConv64(2, 8, nil); return err }},
		{"NewConv32 kernelLen > seqLen", "kernelLen = len(k)/channels = 9 exceeds seqLen = 8", func() error { _, err := NewConv32(2, 8, make([]float32, 18)); return err }},
		{"NewConv64 channels·seqLen overflows", "overflows", func() error { _, err := NewConv64(math.MaxInt/2, 4, make([]float64, 8)); return err }},
		{"NewConv32 huge seqLen", "seqLen = ", func() error { _, err := NewConv32(1, math.MaxInt, buf32[:1]); return err }},
		{"Conv32.Apply empty u", "len(u) = 0, want a positive multiple of channels·seqLen = 16", func() error { return c32.Apply(nil, nil, nil) }},
		{"Conv32.Apply u not a multiple", "len(u) = 20", func() error { return c32.Apply(make([]float32, 20), make([]float32, 20), nil) }},
		{"Conv32.Apply y length", "len(y) = 16, want len(u) = 32", func() error { return c32.Apply(make([]float32, 16), make([]float32, 32), nil) }},
		{"Conv32.Apply d length", "len(d) = 3, want channels = 2", func() error { return c32.Apply(make([]float32, 16), make([]float32, 16), make([]float32, 3)) }},
		{"Conv64.Apply empty non-nil d", "len(d) = 0", func() error { return c64.Apply(make([]float64, 16), make([]float64, 16), []float64{}) }},
		{"Conv32.Apply y overlaps u partially", "y and u overlap partially", func() error { return c32.Apply(buf32[1:17], buf32[0:16], nil) }},
		{"Conv32.Apply y overlaps d", "y overlaps d", func() error {
			y := make([]float32, 16)
			return c32.Apply(y, make([]float32, 16), y[4:6])
		}},
		{"nil Conv32", "nil *Conv32", func() error { return nilC32.Apply(nil, nil, nil) }},
		{"nil Conv64", "nil *Conv64", func() error { return nilC64.Apply(nil, nil, nil) }},
	}
	if len(cases) < 15 {
		t.Fatalf("only %d bad-input cases", len(cases))
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := callNoPanic(c.call)
			if err == nil {
				t.Fatalf("no error")
			}
			if !strings.HasPrefix(err.Error(), "fft: ") || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %q, want it to start with \"fft: \" and contain %q", err, c.want)
			}
		})
	}
}

func callNoPanic(f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("PANIC: %v", r)
		}
	}()
	return f()
}

// Valid calls with edge shapes succeed: n = 1, seqLen = 1, kernelLen = 1,
// kernelLen = seqLen, d = nil, in place.
func TestEdgeShapesAreAccepted(t *testing.T) {
	p, err := NewPlan32(1)
	mustOK(t, err)
	x := []complex64{3 - 2i}
	mustOK(t, p.Forward(x, x))
	mustOK(t, p.Inverse(x, x))
	if x[0] != 3-2i {
		t.Fatalf("n=1 round trip: %v", x[0])
	}
	r, err := NewRealPlan64(1)
	mustOK(t, err)
	spec := make([]complex128, 1)
	mustOK(t, r.Forward(spec, []float64{5}))
	if spec[0] != 5 {
		t.Fatalf("n=1 real forward: %v", spec[0])
	}
	for _, s := range [][2]int{{1, 1}, {5, 1}, {5, 5}} {
		c, err := NewConv32(1, s[0], make([]float32, s[1]))
		mustOK(t, err)
		u := make([]float32, 3*s[0])
		mustOK(t, c.Apply(u, u, nil))
	}
}

// complexAsFloats views complex64 memory as its float32 parts, to build
// arguments that alias across types.
func complexAsFloats(c []complex64) []float32 {
	return unsafe.Slice((*float32)(unsafe.Pointer(unsafe.SliceData(c))), 2*len(c))
}
