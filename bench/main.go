// Command bench is ssmkern's main job: it describes this CPU, checks every
// kernel at every instruction-set level against the plain-Go reference, then
// measures each kernel at each level and writes a Markdown report that can be
// published as it is.
//
//	go run ./bench -o report.md          # full report (a few minutes)
//	go run ./bench -quick -o report.md   # small sizes, seconds
//
// The same kernels have `go test -bench` benchmarks in this folder
// (benchstat-compatible, one goroutine), for comparisons between commits:
//
//	go test -run '^$' -bench . -count 6 ./bench | tee new.txt
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/ssmkern/ssmkern/asm"
)

func main() {
	out := flag.String("o", "", "also write the Markdown report to this file")
	quick := flag.Bool("quick", false, "small sizes and short measurements (a smoke run)")
	benchtime := flag.Duration("benchtime", 300*time.Millisecond, "time spent measuring each kernel at each level")
	only := flag.String("run", "", "only sections whose name contains this string (scan, fft, conv, conv-stream-backward, kernelgen)")
	flag.Parse()

	testing.Init()
	if *quick && *benchtime > 50*time.Millisecond {
		*benchtime = 50 * time.Millisecond
	}
	if err := flag.Set("test.benchtime", benchtime.String()); err != nil {
		fatal(err)
	}

	var w io.Writer = os.Stdout
	var file *os.File
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			fatal(err)
		}
		file = f
		w = io.MultiWriter(os.Stdout, f)
	}
	r := &report{w: w, quick: *quick}
	failed := r.run(*only)
	if file != nil {
		if err := file.Close(); err != nil {
			fatal(err)
		}
	}
	if failed {
		fmt.Fprintln(os.Stderr, "bench: a self-check failed; see the report")
		os.Exit(1)
	}
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "bench:", err)
	os.Exit(2)
}

// report writes the Markdown document.
type report struct {
	w     io.Writer
	quick bool
}

func (r *report) printf(format string, args ...any) {
	fmt.Fprintf(r.w, format, args...)
}

func (r *report) run(only string) (failed bool) {
	host := asm.Host()
	r.printf("# ssmkern benchmark report\n\n")
	r.printf("Generated %s by `go run ./bench` (%s, %s/%s, GOMAXPROCS %d; every measurement is one goroutine).\n\n",
		time.Now().UTC().Format("2006-01-02 15:04 MST"), runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.GOMAXPROCS(0))
	r.printf("## Machine\n\n")
	r.printf("| | |\n|---|---|\n")
	r.printf("| CPU | %s (%s) |\n", orUnknown(host.Brand), orUnknown(host.Vendor))
	r.printf("| cores / threads | %d / %d |\n", host.Cores, host.Threads)
	r.printf("| caches | %s |\n", host.Caches())
	if host.X86Level > 0 {
		r.printf("| x86-64 level | v%d |\n", host.X86Level)
	}
	r.printf("| SIMD features | %s |\n", strings.Join(host.Features, " "))
	r.printf("| levels available | %v |\n", host.Levels)
	r.printf("| level in use | %v (SSMKERN_ISA=%q) |\n", host.Current, host.EnvISA)
	for _, l := range host.Levels {
		if l != asm.Generic {
			if g := peakGFLOPS(l); g > 0 {
				r.printf("| float32 FMA peak at %v, measured | %.0f GFLOP/s (the %%peak columns divide by it) |\n", l, g)
			}
		}
	}
	if host.EnvProblem != "" {
		r.printf("| SSMKERN_ISA ignored | %s |\n", host.EnvProblem)
	}
	r.printf("\n")

	var picked []section
	for _, s := range sections(r.quick) {
		if strings.Contains(s.name, only) {
			picked = append(picked, s)
		}
	}

	r.printf("## Self-check against the plain-Go reference\n\n")
	r.printf("| kernel | level | result |\n|---|---|---|\n")
	for _, s := range picked {
		for _, c := range s.checks {
			for _, l := range host.Levels {
				err := atLevel(l, c.run)
				result := "ok"
				if err != nil {
					result = "**FAILED**: " + err.Error()
					failed = true
				}
				r.printf("| %s | %v | %s |\n", c.name, l, result)
			}
		}
	}
	r.printf("\n")

	for _, s := range picked {
		r.printf("## %s\n\n%s\n\n", s.title, s.about)
		r.printf("| case | level | %s | ns/op | × generic |%s\n|---|---|---|---|---|%s\n", s.unit, s.refHeader(), strings.Repeat("---|---|", len(s.refs)))
		for _, c := range s.cases {
			var genericRate float64
			refRates := c.measureRefs()
			for i, l := range host.Levels {
				var res testing.BenchmarkResult
				if err := atLevel(l, func() error { res = testing.Benchmark(c.bench); return nil }); err != nil {
					fatal(err)
				}
				nsPerOp := float64(res.T.Nanoseconds()) / float64(max(res.N, 1))
				rate := c.rate(nsPerOp)
				ratio := "1.00"
				if l == asm.Generic {
					genericRate = rate
				} else if genericRate > 0 {
					ratio = fmt.Sprintf("%.2f", c.speedup(rate, genericRate))
				}
				r.printf("| %s | %v | %s | %.0f | %s |%s\n", c.name, l, c.format(rate), nsPerOp, ratio, c.refCells(rate, refRates, i == 0))
			}
		}
		r.printf("\n")
	}
	return failed
}

// section is one kernel family in the report.
type section struct {
	name, title, about string
	unit               string   // the column header of the rate
	refs               []string // other implementations measured beside ours, one column pair each
	checks             []check
	cases              []benchCase
}

// check compares a kernel at the current level with the reference.
type check struct {
	name string
	run  func() error
}

// benchCase measures one kernel at one size.
type benchCase struct {
	name  string
	bench func(b *testing.B)
	// rate turns ns per op into the section's unit.
	rate func(nsPerOp float64) float64
	// lowerIsBetter is set for units such as ns/sample.
	lowerIsBetter bool
	// refs measure the section's refs on the same case (nil: not available).
	refs []func(b *testing.B)
}

func (s section) refHeader() string {
	var h strings.Builder
	for _, name := range s.refs {
		fmt.Fprintf(&h, " %s %s | × %s |", name, s.unit, name)
	}
	return h.String()
}

// measureRefs runs each reference once; they do not dispatch on the level.
func (c benchCase) measureRefs() []float64 {
	rates := make([]float64, len(c.refs))
	for i, bench := range c.refs {
		if bench != nil {
			res := testing.Benchmark(bench)
			rates[i] = c.rate(float64(res.T.Nanoseconds()) / float64(max(res.N, 1)))
		}
	}
	return rates
}

// refCells are the reference columns of one row: the reference's rate
// (on the first row of the case only) and our speed over it.
func (c benchCase) refCells(rate float64, refRates []float64, first bool) string {
	var cells strings.Builder
	for _, ref := range refRates {
		switch {
		case ref == 0:
			cells.WriteString(" – | – |")
		case first:
			fmt.Fprintf(&cells, " %s | %.2f |", c.format(ref), c.speedup(rate, ref))
		default:
			fmt.Fprintf(&cells, " | %.2f |", c.speedup(rate, ref))
		}
	}
	return cells.String()
}

func (c benchCase) speedup(rate, genericRate float64) float64 {
	if c.lowerIsBetter {
		return genericRate / rate
	}
	return rate / genericRate
}

func (c benchCase) format(rate float64) string {
	switch {
	case rate >= 100:
		return fmt.Sprintf("%.0f", rate)
	case rate >= 1:
		return fmt.Sprintf("%.2f", rate)
	default:
		return fmt.Sprintf("%.3g", rate)
	}
}

// atLevel runs f with the dispatch level set to l.
func atLevel(l asm.Level, f func() error) error {
	prev, err := asm.SetLevel(l)
	if err != nil {
		return err
	}
	defer asm.SetLevel(prev)
	return f()
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}
