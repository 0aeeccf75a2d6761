package main

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/fft"
)

// fftBatchRows is the batch height of BenchmarkFFTBatch: the channel
// count of a small SSM layer.
const fftBatchRows = 256

// BenchmarkFFTBatch measures the batched forward transforms (ForwardBatch,
// case "batch") against Forward called once per row on the same rows
// (case "rows"), in benchFFT MFLOPS per row (5·n·log2 n per complex row,
// half that per real row, over the time per row), at the level
// asm.Current() chooses (set SSMKERN_ISA to compare levels); cpu-MFLOPS
// is the same over the thread's CPU time (threadCPU):
//
//	go test -run '^$' -bench 'FFTBatch/' ./bench
func BenchmarkFFTBatch(b *testing.B) {
	b.Logf("level %v", asm.Current())
	for _, kind := range fftKinds {
		for _, n := range []int{16, 32, 64, 128, 256, 1024, 4096} {
			for _, mode := range []string{"batch", "rows"} {
				b.Run(fmt.Sprintf("%s/n=%d/%s", kind, n, mode), fftBatchBench(kind, n, fftBatchRows, mode == "batch"))
			}
		}
	}
}

// fftBatchBench measures one forward batch of rows rows of length n.
func fftBatchBench(kind string, n, rows int, batch bool) func(b *testing.B) {
	return func(b *testing.B) {
		rng := rand.New(rand.NewPCG(5, uint64(n)))
		var forward func() error
		switch kind {
		case "c64":
			p, err := fft.NewPlan32(n)
			if err != nil {
				b.Fatal(err)
			}
			src, dst := make([]complex64, rows*n), make([]complex64, rows*n)
			for i := range src {
				src[i] = complex(float32(rng.NormFloat64()), float32(rng.NormFloat64()))
			}
			forward = func() error {
				if batch {
					return p.ForwardBatch(dst, src, rows)
				}
				for r := range rows {
					if err := p.Forward(dst[r*n:(r+1)*n], src[r*n:(r+1)*n]); err != nil {
						return err
					}
				}
				return nil
			}
		case "c128":
			p, err := fft.NewPlan64(n)
			if err != nil {
				b.Fatal(err)
			}
			src, dst := make([]complex128, rows*n), make([]complex128, rows*n)
			for i := range src {
				src[i] = complex(rng.NormFloat64(), rng.NormFloat64())
			}
			forward = func() error {
				if batch {
					return p.ForwardBatch(dst, src, rows)
				}
				for r := range rows {
					if err := p.Forward(dst[r*n:(r+1)*n], src[r*n:(r+1)*n]); err != nil {
						return err
					}
				}
				return nil
			}
		case "r32":
			p, err := fft.NewRealPlan32(n)
			if err != nil {
				b.Fatal(err)
			}
			bins := n/2 + 1
			src, dst := make([]float32, rows*n), make([]complex64, rows*bins)
			for i := range src {
				src[i] = float32(rng.NormFloat64())
			}
			forward = func() error {
				if batch {
					return p.ForwardBatch(dst, src, rows)
				}
				for r := range rows {
					if err := p.Forward(dst[r*bins:(r+1)*bins], src[r*n:(r+1)*n]); err != nil {
						return err
					}
				}
				return nil
			}
		case "r64":
			p, err := fft.NewRealPlan64(n)
			if err != nil {
				b.Fatal(err)
			}
			bins := n/2 + 1
			src, dst := make([]float64, rows*n), make([]complex128, rows*bins)
			for i := range src {
				src[i] = rng.NormFloat64()
			}
			forward = func() error {
				if batch {
					return p.ForwardBatch(dst, src, rows)
				}
				for r := range rows {
					if err := p.Forward(dst[r*bins:(r+1)*bins], src[r*n:(r+1)*n]); err != nil {
						return err
					}
				}
				return nil
			}
		default:
			b.Fatalf("unknown FFT kind %q", kind)
		}
		b.SetBytes(int64(rows * fftBytes(kind, n)))
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		cpu0 := threadCPU()
		for b.Loop() {
			if err := forward(); err != nil {
				b.Fatal(err)
			}
		}
		flops := float64(rows) * fftFlops(kind, n)
		us := float64(b.Elapsed().Nanoseconds()) / 1e3 / float64(b.N)
		b.ReportMetric(flops/us, "MFLOPS")
		// The same in the thread's CPU time: robust to other processes'
		// load on a shared machine.
		if cpu := threadCPU() - cpu0; cpu0 > 0 && cpu > 0 {
			b.ReportMetric(flops/(cpu/1e3/float64(b.N)), "cpu-MFLOPS")
		}
	}
}
