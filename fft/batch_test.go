package fft

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/asm/asmtest"
)

// batchLengths hit every path of the batches: n < 4 and odd n (row by
// row), 4, 8, 16 (side by side where the single call runs float64 code),
// 32 … 256 (side by side against the single call's Stockham stages; real
// rows to 64), 100 (mixed radix or Bluestein), 512 and 1024 (row by row on
// the Stockham stages); batchRows every block tail (blocks hold 1 … 512
// rows, moved by the transposes four at a time and the rest one by one).
var (
	batchLengths = []int{1, 2, 3, 4, 5, 8, 16, 17, 32, 64, 100, 256, 512, 1024}
	batchRows    = []int{0, 1, 3, 7, 16, 33}
)

// batchRowTol32 and batchRowTol64 bound a side-by-side row against the
// single call on the same row, per log2 n: both are within the design's
// RMS bound of the exact transform, so they are within twice it of each
// other.
const (
	batchRowTol32 = 2 * fft32RMSPerLog2
	batchRowTol64 = 2 * fft64RMSPerLog2
)

// checkRows compares every row of a batch with the single-row result:
// bit for bit when the batch runs row by row, within tol·log2 n relative
// RMS when it runs side by side.
func checkRows[T complex64 | complex128](t *testing.T, what string, got, want []T, rows int, exact bool, tol float64, n int) {
	t.Helper()
	if rows == 0 {
		return
	}
	w := len(want) / rows
	for r := range rows {
		g, x := got[r*w:(r+1)*w], want[r*w:(r+1)*w]
		if exact {
			for i := range x {
				if g[i] != x[i] && !(isNaN(x[i]) && isNaN(g[i])) {
					t.Fatalf("%s: row %d value %d = %v, want %v bit for bit", what, r, i, g[i], x[i])
				}
			}
			continue
		}
		if e := relRMS(g, toC128(x)); !(e <= tol*log2n(n)) {
			t.Fatalf("%s: row %d: relative RMS %.3g against the single call, want ≤ %.3g", what, r, e, tol*log2n(n))
		}
	}
}

func isNaN[T complex64 | complex128](v T) bool {
	c := complex128(v)
	return math.IsNaN(real(c)) || math.IsNaN(imag(c))
}

func TestBatchesMatchTheSingleRowCallsAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		for _, n := range batchLengths {
			p32, _ := NewPlan32(n)
			p64, _ := NewPlan64(n)
			r32, _ := NewRealPlan32(n)
			r64, _ := NewRealPlan64(n)
			bins := n/2 + 1
			for _, rows := range batchRows {
				name := fmt.Sprintf("n=%d rows=%d", n, rows)
				x := randComplex128(rng, rows*n)
				x32 := toC64(x)
				for _, inverse := range []bool{false, true} {
					// Plan32
					want := make([]complex64, len(x32))
					for r := range rows {
						one := p32.Forward
						if inverse {
							one = p32.Inverse
						}
						mustOK(t, one(want[r*n:(r+1)*n], x32[r*n:(r+1)*n]))
					}
					got := make([]complex64, len(x32))
					call, callName := p32.ForwardBatch, "Plan32.ForwardBatch"
					if inverse {
						call, callName = p32.InverseBatch, "Plan32.InverseBatch"
					}
					exact := !batchSideBySide(l, "Plan32", n)
					mustOK(t, call(got, x32, rows))
					if !exact && rows > 0 && p32.batch.get(l, func(asm.Level) *batch32 { return nil }) == nil {
						t.Fatalf("%s: Plan32 has no side-by-side plan at %v", name, l)
					}
					checkRows(t, name+" "+callName, got, want, rows, exact, batchRowTol32, n)
					inPlace := append([]complex64(nil), x32...)
					mustOK(t, call(inPlace, inPlace, rows))
					mustEqual(t, name+" "+callName+" in place", inPlace, got)

					// Plan64
					want64 := make([]complex128, len(x))
					for r := range rows {
						one := p64.Forward
						if inverse {
							one = p64.Inverse
						}
						mustOK(t, one(want64[r*n:(r+1)*n], x[r*n:(r+1)*n]))
					}
					got64 := make([]complex128, len(x))
					call64, name64 := p64.ForwardBatch, "Plan64.ForwardBatch"
					if inverse {
						call64, name64 = p64.InverseBatch, "Plan64.InverseBatch"
					}
					mustOK(t, call64(got64, x, rows))
					if batchSideBySide(l, "Plan64", n) && rows > 0 && p64.batch.get(l, func(asm.Level) *batch64 { return nil }) == nil {
						t.Fatalf("%s: Plan64 has no side-by-side plan at %v", name, l)
					}
					checkRows(t, name+" "+name64, got64, want64, rows, !batchSideBySide(l, "Plan64", n), batchRowTol64, n)
					inPlace64 := append([]complex128(nil), x...)
					mustOK(t, call64(inPlace64, inPlace64, rows))
					mustEqual(t, name+" "+name64+" in place", inPlace64, got64)
				}

				// The real plans: forward from real rows, inverse from
				// their spectra with junk in the ignored imaginary parts.
				xr := randFloat64(rng, rows*n)
				xr32 := toF32(xr)
				spec32 := make([]complex64, rows*bins)
				for r := range rows {
					mustOK(t, r32.Forward(spec32[r*bins:(r+1)*bins], xr32[r*n:(r+1)*n]))
				}
				gotSpec := make([]complex64, rows*bins)
				mustOK(t, r32.ForwardBatch(gotSpec, xr32, rows))
				exact := !batchSideBySide(l, "RealPlan32", n)
				if !exact && rows > 0 && r32.batch.get(l, func(asm.Level) *realBatch32 { return nil }) == nil {
					t.Fatalf("%s: RealPlan32 has no side-by-side plan at %v", name, l)
				}
				checkRows(t, name+" RealPlan32.ForwardBatch", gotSpec, spec32, rows, exact, batchRowTol32, n)
				junk := append([]complex64(nil), spec32...)
				for r := range rows {
					junk[r*bins] += 3i
					if n%2 == 0 {
						junk[r*bins+bins-1] -= 5i
					}
				}
				wantBack := make([]float32, rows*n)
				for r := range rows {
					mustOK(t, r32.Inverse(wantBack[r*n:(r+1)*n], junk[r*bins:(r+1)*bins]))
				}
				gotBack := make([]float32, rows*n)
				mustOK(t, r32.InverseBatch(gotBack, junk, rows))
				checkRows(t, name+" RealPlan32.InverseBatch", realToC64(gotBack), realToC64(wantBack), rows, exact, batchRowTol32, n)

				spec64 := make([]complex128, rows*bins)
				for r := range rows {
					mustOK(t, r64.Forward(spec64[r*bins:(r+1)*bins], xr[r*n:(r+1)*n]))
				}
				gotSpec64 := make([]complex128, rows*bins)
				mustOK(t, r64.ForwardBatch(gotSpec64, xr, rows))
				checkRows(t, name+" RealPlan64.ForwardBatch", gotSpec64, spec64, rows, true, 0, n)
				wantBack64 := make([]float64, rows*n)
				for r := range rows {
					mustOK(t, r64.Inverse(wantBack64[r*n:(r+1)*n], spec64[r*bins:(r+1)*bins]))
				}
				gotBack64 := make([]float64, rows*n)
				mustOK(t, r64.InverseBatch(gotBack64, spec64, rows))
				mustEqual(t, name+" RealPlan64.InverseBatch", gotBack64, wantBack64)
			}
		}
	})
}

func realToC64(x []float32) []complex64 {
	y := make([]complex64, len(x))
	for i, v := range x {
		y[i] = complex(v, 0)
	}
	return y
}

// The side-by-side rows are independent: a NaN or an Inf in one row (or
// a huge row beside a tiny one) leaves the other rows of its block as the
// single call makes them.
func TestBatchRowsDoNotLeakIntoEachOther(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	asmtest.ForEachLevel(t, func(t *testing.T, l asm.Level) {
		for _, n := range []int{4, 16, 64} {
			const rows = 9
			p32, _ := NewPlan32(n)
			r32, _ := NewRealPlan32(n)
			x := toC64(randComplex128(rng, rows*n))
			x[3*n+1] = complex(float32(math.NaN()), 0)
			x[5*n] = complex(float32(math.Inf(1)), 0)
			for i := range n {
				x[6*n+i] *= 1e30
				x[7*n+i] *= 1e-30
			}
			got := make([]complex64, len(x))
			mustOK(t, p32.ForwardBatch(got, x, rows))
			want := make([]complex64, n)
			for _, r := range []int{0, 2, 4, 7, 8} {
				mustOK(t, p32.Forward(want, x[r*n:(r+1)*n]))
				checkRows(t, fmt.Sprintf("Plan32 n=%d row %d", n, r), got[r*n:(r+1)*n], want, 1, !batchSideBySide(l, "Plan32", n), batchRowTol32, n)
			}
			xr := make([]float32, rows*n)
			for i := range xr {
				xr[i] = real(x[i])
			}
			bins := n/2 + 1
			spec := make([]complex64, rows*bins)
			mustOK(t, r32.ForwardBatch(spec, xr, rows))
			wantSpec := make([]complex64, bins)
			for _, r := range []int{0, 2, 4, 7, 8} {
				mustOK(t, r32.Forward(wantSpec, xr[r*n:(r+1)*n]))
				checkRows(t, fmt.Sprintf("RealPlan32 n=%d row %d", n, r), spec[r*bins:(r+1)*bins], wantSpec, 1, !batchSideBySide(l, "RealPlan32", n), batchRowTol32, n)
			}
		}
	})
}

// The batches read and write only their slices: inputs and outputs
// flush against an inaccessible page.
func TestBatchesStayInsideGuardedSlicesAtEveryLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	asmtest.ForEachLevel(t, func(t *testing.T, _ asm.Level) {
		for _, n := range []int{1, 4, 8, 16, 17, 32, 64, 256, 512, 1024} {
			for _, rows := range []int{1, 3, 33} {
				bins := n/2 + 1
				x := toC64(randComplex128(rng, rows*n))
				p32, _ := NewPlan32(n)
				want := make([]complex64, len(x))
				mustOK(t, p32.ForwardBatch(want, x, rows))
				src, dst := asmtest.GuardedComplex64(t, x), asmtest.GuardedComplex64(t, make([]complex64, len(x)))
				mustOK(t, p32.ForwardBatch(dst, src, rows))
				mustEqual(t, "Plan32.ForwardBatch", dst, want)
				mustOK(t, p32.InverseBatch(src, src, rows))

				x64 := randComplex128(rng, rows*n)
				p64, _ := NewPlan64(n)
				want64 := make([]complex128, len(x64))
				mustOK(t, p64.InverseBatch(want64, x64, rows))
				src64, dst64 := asmtest.GuardedComplex128(t, x64), asmtest.GuardedComplex128(t, make([]complex128, len(x64)))
				mustOK(t, p64.InverseBatch(dst64, src64, rows))
				mustEqual(t, "Plan64.InverseBatch", dst64, want64)

				xr := toF32(randFloat64(rng, rows*n))
				r32, _ := NewRealPlan32(n)
				wantSpec := make([]complex64, rows*bins)
				mustOK(t, r32.ForwardBatch(wantSpec, xr, rows))
				spec := asmtest.GuardedComplex64(t, make([]complex64, rows*bins))
				mustOK(t, r32.ForwardBatch(spec, asmtest.GuardedFloat32(t, xr), rows))
				mustEqual(t, "RealPlan32.ForwardBatch", spec, wantSpec)
				wantBack := make([]float32, rows*n)
				mustOK(t, r32.InverseBatch(wantBack, wantSpec, rows))
				back := asmtest.GuardedFloat32(t, make([]float32, rows*n))
				mustOK(t, r32.InverseBatch(back, asmtest.GuardedComplex64(t, wantSpec), rows))
				mustEqual(t, "RealPlan32.InverseBatch", back, wantBack)

				xr64 := randFloat64(rng, rows*n)
				r64, _ := NewRealPlan64(n)
				spec64 := asmtest.GuardedComplex128(t, make([]complex128, rows*bins))
				mustOK(t, r64.ForwardBatch(spec64, asmtest.GuardedFloat64(t, xr64), rows))
				mustOK(t, r64.InverseBatch(asmtest.GuardedFloat64(t, make([]float64, rows*n)), spec64, rows))
			}
		}
	})
}

func TestBatchesAllocateNothingInSteadyState(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector makes sync.Pool drop items")
	}
	asmtest.ForEachLevel(t, func(t *testing.T, _ asm.Level) {
		for _, n := range []int{1, 8, 12, 64, 97, 1024} {
			const rows = 5
			p32, _ := NewPlan32(n)
			p64, _ := NewPlan64(n)
			r32, _ := NewRealPlan32(n)
			r64, _ := NewRealPlan64(n)
			c64 := make([]complex64, rows*n)
			c128 := make([]complex128, rows*n)
			f32, f64 := make([]float32, rows*n), make([]float64, rows*n)
			b32, b64 := make([]complex64, rows*(n/2+1)), make([]complex128, rows*(n/2+1))
			for name, call := range map[string]func() error{
				"Plan32.ForwardBatch":     func() error { return p32.ForwardBatch(c64, c64, rows) },
				"Plan32.InverseBatch":     func() error { return p32.InverseBatch(c64, c64, rows) },
				"Plan64.ForwardBatch":     func() error { return p64.ForwardBatch(c128, c128, rows) },
				"Plan64.InverseBatch":     func() error { return p64.InverseBatch(c128, c128, rows) },
				"RealPlan32.ForwardBatch": func() error { return r32.ForwardBatch(b32, f32, rows) },
				"RealPlan32.InverseBatch": func() error { return r32.InverseBatch(f32, b32, rows) },
				"RealPlan64.ForwardBatch": func() error { return r64.ForwardBatch(b64, f64, rows) },
				"RealPlan64.InverseBatch": func() error { return r64.InverseBatch(f64, b64, rows) },
			} {
				if a := testing.AllocsPerRun(20, func() { _ = call() }); a != 0 {
					t.Errorf("n=%d %s: %v allocations per call", n, name, a)
				}
			}
		}
	})
}

func TestBatchBadInputsReturnAnErrorNamingTheArgument(t *testing.T) {
	p32, _ := NewPlan32(8)
	p64, _ := NewPlan64(8)
	r32, _ := NewRealPlan32(8)
	r64, _ := NewRealPlan64(8)
	var nilP32 *Plan32
	var nilR64 *RealPlan64
	c := make([]complex64, 24)
	cases := []struct {
		name, want string
		call       func() error
	}{
		{"negative rows", "rows = -1", func() error { return p32.ForwardBatch(nil, nil, -1) }},
		{"rows·n overflows", "overflows int", func() error { return p64.InverseBatch(nil, nil, math.MaxInt/4) }},
		{"real rows·n overflows", "overflows int", func() error { return r32.ForwardBatch(nil, nil, math.MaxInt/4) }},
		{"short dst", "len(dst) = 23, want rows·8 = 24", func() error { return p32.ForwardBatch(c[:23], c, 3) }},
		{"long src", "len(src) = 24, want rows·8 = 16", func() error { return p32.InverseBatch(c[:16], c, 2) }},
		{"rows = 0 with data", "len(dst) = 24, want rows·8 = 0", func() error { return p32.ForwardBatch(c, c, 0) }},
		{"partial overlap", "overlap partially", func() error { return p32.ForwardBatch(c[:16], c[8:24], 2) }},
		{"Plan64 short src", "len(src) = 8", func() error { return p64.ForwardBatch(make([]complex128, 16), make([]complex128, 8), 2) }},
		{"real dst bins", "len(dst) = 8, want rows·5 = 10", func() error { return r32.ForwardBatch(make([]complex64, 8), make([]float32, 16), 2) }},
		{"real inverse src", "len(src) = 9, want rows·5 = 10", func() error { return r32.InverseBatch(make([]float32, 16), make([]complex64, 9), 2) }},
		{"real overlap", "dst overlaps src", func() error {
			spec := make([]complex64, 10)
			return r32.ForwardBatch(spec, complexAsFloats(spec)[:16], 2)
		}},
		{"RealPlan64 dst", "len(dst) = 15", func() error { return r64.InverseBatch(make([]float64, 15), make([]complex128, 10), 2) }},
		{"nil Plan32", "nil *Plan32", func() error { return nilP32.ForwardBatch(nil, nil, 0) }},
		{"nil RealPlan64", "nil *RealPlan64", func() error { return nilR64.InverseBatch(nil, nil, 0) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.call()
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want one containing %q", err, c.want)
			}
		})
	}
	if err := p32.ForwardBatch(nil, nil, 0); err != nil {
		t.Fatalf("rows = 0: %v, want nil", err)
	}
	if err := r64.ForwardBatch(nil, nil, 0); err != nil {
		t.Fatalf("real rows = 0: %v, want nil", err)
	}
}

// Fresh plans shared by goroutines that batch at once, so that the
// side-by-side plans are built under contention too; every result must
// equal that of another plan of the same length used alone. Run with -race.
func TestBatchesAreSafeForConcurrentUse(t *testing.T) {
	const goroutines, rows = 8, 19
	rng := rand.New(rand.NewPCG(13, 14))
	for _, n := range []int{8, 32, 64, 1000} {
		x := toC64(randComplex128(rng, rows*n))
		r := toF32(randFloat64(rng, rows*n))
		x64 := randComplex128(rng, rows*n)
		alone32, _ := NewPlan32(n)
		aloneR, _ := NewRealPlan32(n)
		alone64, _ := NewPlan64(n)
		wantX := make([]complex64, len(x))
		mustOK(t, alone32.ForwardBatch(wantX, x, rows))
		wantR := make([]complex64, rows*(n/2+1))
		mustOK(t, aloneR.ForwardBatch(wantR, r, rows))
		want64 := make([]complex128, len(x64))
		mustOK(t, alone64.InverseBatch(want64, x64, rows))

		p32, _ := NewPlan32(n)
		rp32, _ := NewRealPlan32(n)
		p64, _ := NewPlan64(n)
		var wg sync.WaitGroup
		errs := make(chan string, goroutines)
		for g := range goroutines {
			wg.Add(1)
			go func() {
				defer wg.Done()
				X := make([]complex64, len(x))
				R := make([]complex64, len(wantR))
				Y := make([]complex128, len(x64))
				for i := range 30 {
					var ok bool
					var what string
					switch (g + i) % 3 {
					case 0:
						what, ok = "Plan32.ForwardBatch", p32.ForwardBatch(X, x, rows) == nil && equalSlices(X, wantX)
					case 1:
						what, ok = "RealPlan32.ForwardBatch", rp32.ForwardBatch(R, r, rows) == nil && equalSlices(R, wantR)
					case 2:
						what, ok = "Plan64.InverseBatch", p64.InverseBatch(Y, x64, rows) == nil && equalSlices(Y, want64)
					}
					if !ok {
						errs <- what
						return
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for e := range errs {
			t.Errorf("n=%d: concurrent %s differs from the result computed alone", n, e)
		}
	}
}
