//go:build fftw

// The FFTW comparison (issues 4 and 5): Debian's FFTW, called through cgo,
// timed the way benchFFT times it. Only this file and fftw_test.go need cgo
// and libfftw3-dev, and only under the fftw build tag; fftw_none.go stands
// in without it, so a plain build of the module never links FFTW.
//
//	apt-get install -y libfftw3-dev
//	go test -tags fftw -run '^$' -bench 'FFTW?/c64' ./bench
//	go run -tags fftw ./bench -o report.md

package main

/*
#cgo CFLAGS: -O3
#cgo LDFLAGS: -lfftw3f -lfftw3 -lm
#include <fftw3.h>
#include <stdlib.h>
#include <string.h>

// Plans travel to Go as void*: fftwf_plan and fftw_plan are pointers.
static void *ssm_plan_c64(int n, void *in, void *out, unsigned flags) {
	return fftwf_plan_dft_1d(n, in, out, FFTW_FORWARD, flags);
}
static void *ssm_plan_c128(int n, void *in, void *out, unsigned flags) {
	return fftw_plan_dft_1d(n, in, out, FFTW_FORWARD, flags);
}
static void *ssm_plan_r32(int n, void *in, void *out, unsigned flags) {
	return fftwf_plan_dft_r2c_1d(n, in, out, flags);
}
static void *ssm_plan_r64(int n, void *in, void *out, unsigned flags) {
	return fftw_plan_dft_r2c_1d(n, in, out, flags);
}
static void *ssm_plan_c2r32(int n, void *in, void *out, unsigned flags) {
	return fftwf_plan_dft_c2r_1d(n, in, out, flags);
}

// The repeat loops run in C so that a timing holds no cgo call per
// transform (benchFFT's own loop does the same).
static void ssm_exec32(void *p, long reps) {
	for (long i = 0; i < reps; i++) fftwf_execute(p);
}
static void ssm_exec64(void *p, long reps) {
	for (long i = 0; i < reps; i++) fftw_execute(p);
}
static void ssm_destroy32(void *p) { fftwf_destroy_plan(p); }
static void ssm_destroy64(void *p) { fftw_destroy_plan(p); }

// ssm_conv32 is the causal long convolution as a C program with FFTW would
// write it: per channel, zero-pad the input row to n, r2c, multiply by the
// cached kernel spectrum (which carries the 1/n of the inverse), c2r, then
// y = first seqLen outputs + d·u. The r2c plan maps buf → spec and the c2r
// plan spec → buf.
static void ssm_conv32(void *r2c, void *c2r, float *buf, void *specp,
		const void *kspecp, const float *u, float *y, const float *d,
		long channels, long seqLen, long n) {
	fftwf_complex *spec = specp;
	const fftwf_complex *kspec = kspecp;
	long bins = n / 2 + 1;
	for (long h = 0; h < channels; h++) {
		const float *uh = u + h * seqLen;
		float *yh = y + h * seqLen;
		memcpy(buf, uh, seqLen * sizeof(float));
		memset(buf + seqLen, 0, (n - seqLen) * sizeof(float));
		fftwf_execute(r2c);
		const fftwf_complex *kh = kspec + h * bins;
		for (long i = 0; i < bins; i++) {
			float re = spec[i][0] * kh[i][0] - spec[i][1] * kh[i][1];
			float im = spec[i][0] * kh[i][1] + spec[i][1] * kh[i][0];
			spec[i][0] = re;
			spec[i][1] = im;
		}
		fftwf_execute(c2r);
		float dh = d ? d[h] : 0.0f;
		for (long l = 0; l < seqLen; l++) yh[l] = buf[l] + dh * uh[l];
	}
}

static const char *ssm_version32(void) { return fftwf_version; }
*/
import "C"

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"testing"
	"unsafe"

	"github.com/ssmkern/ssmkern/generic"
)

// fftwLinked reports whether this binary was built with -tags fftw.
const fftwLinked = true

// fftwPlanEnv names the environment variable that sets FFTW's planner
// effort: estimate, measure, patient (the default, as benchFFT reports
// FFTW) or exhaustive. CI sets estimate: it only checks that the code runs.
const fftwPlanEnv = "SSMKERN_FFTW_PLAN"

// fftwWisdomEnv names the environment variable that moves FFTW's wisdom
// cache (default: the user cache directory, ssmkern/fftw) or, set to off,
// disables it. Patient planning of the large sizes takes minutes; the
// cache makes that a one-time cost per machine.
const fftwWisdomEnv = "SSMKERN_FFTW_WISDOM"

// fftwTimeLimitEnv names the environment variable that bounds the planning
// of one plan, in seconds (default fftwDefaultTimeLimit; 0 = no bound).
// Unbounded FFTW_PATIENT planning of complex128 at n = 2^20 took over ten
// minutes on the shared two-core machine; past the bound FFTW keeps the
// best plan it has measured.
const fftwTimeLimitEnv = "SSMKERN_FFTW_TIMELIMIT"

const fftwDefaultTimeLimit = 120.0

// fftwTimeLimit returns the planning bound in seconds, negative for none.
func fftwTimeLimit() (float64, error) {
	v := os.Getenv(fftwTimeLimitEnv)
	if v == "" {
		return fftwDefaultTimeLimit, nil
	}
	t, err := strconv.ParseFloat(v, 64)
	if err != nil || t < 0 {
		return 0, fmt.Errorf("%s=%q: want seconds ≥ 0", fftwTimeLimitEnv, v)
	}
	if t == 0 {
		return -1, nil // FFTW_NO_TIMELIMIT
	}
	return t, nil
}

// fftwPlanner returns the planner flag and its name from fftwPlanEnv.
func fftwPlanner() (C.uint, string, error) {
	switch v := os.Getenv(fftwPlanEnv); v {
	case "", "patient":
		return C.FFTW_PATIENT, "FFTW_PATIENT", nil
	case "estimate":
		return C.FFTW_ESTIMATE, "FFTW_ESTIMATE", nil
	case "measure":
		return C.FFTW_MEASURE, "FFTW_MEASURE", nil
	case "exhaustive":
		return C.FFTW_EXHAUSTIVE, "FFTW_EXHAUSTIVE", nil
	default:
		return 0, "", fmt.Errorf("%s=%q: want estimate, measure, patient or exhaustive", fftwPlanEnv, v)
	}
}

// fftwStatus describes the linked FFTW for the report.
func fftwStatus() string {
	_, name, err := fftwPlanner()
	if err != nil {
		name = err.Error()
	}
	if limit, err := fftwTimeLimit(); err != nil {
		name += " (" + err.Error() + ")"
	} else if limit > 0 {
		name += fmt.Sprintf(" (planning bounded to %g s a plan)", limit)
	}
	return fmt.Sprintf("FFTW is %s (cgo, -tags fftw), %s plans made before timing, one thread; "+
		"its timed loops run in C (one cgo call per measurement of an FFT, one per Apply of the convolution).",
		C.GoString(C.ssm_version32()), name)
}

// The planner is not thread-safe, and wisdom is per precision: fftwMu
// guards both.
var (
	fftwMu     sync.Mutex
	fftwLoaded [2]bool // wisdom read for float32, float64
)

// fftwWisdomFile returns the wisdom file of one precision, or "" when the
// cache is off or has no home.
func fftwWisdomFile(double bool) string {
	dir := os.Getenv(fftwWisdomEnv)
	if dir == "off" {
		return ""
	}
	if dir == "" {
		cache, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		dir = filepath.Join(cache, "ssmkern", "fftw")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return ""
	}
	if double {
		return filepath.Join(dir, "wisdom-f64")
	}
	return filepath.Join(dir, "wisdom-f32")
}

// fftwPlan runs make under the planner lock with the cached wisdom loaded
// and the time limit set, and saves the wisdom it adds.
func fftwPlan(double bool, make func() unsafe.Pointer) (unsafe.Pointer, error) {
	fftwMu.Lock()
	defer fftwMu.Unlock()
	file := fftwWisdomFile(double)
	var cfile *C.char
	if file != "" {
		cfile = C.CString(file)
		defer C.free(unsafe.Pointer(cfile))
	}
	i := 0
	if double {
		i = 1
	}
	if cfile != nil && !fftwLoaded[i] {
		fftwLoaded[i] = true
		if _, err := os.Stat(file); err == nil {
			// A corrupt or foreign file only costs planning time.
			if double {
				C.fftw_import_wisdom_from_filename(cfile)
			} else {
				C.fftwf_import_wisdom_from_filename(cfile)
			}
		}
	}
	limit, err := fftwTimeLimit()
	if err != nil {
		return nil, err
	}
	if double {
		C.fftw_set_timelimit(C.double(limit))
	} else {
		C.fftwf_set_timelimit(C.double(limit))
	}
	p := make()
	if cfile != nil && p != nil {
		if double {
			C.fftw_export_wisdom_to_filename(cfile)
		} else {
			C.fftwf_export_wisdom_to_filename(cfile)
		}
	}
	return p, nil
}

// fftwFFT is one forward FFTW plan with its arrays (FFTW's aligned
// allocations, in C memory).
type fftwFFT struct {
	kind    string
	n       int
	double  bool
	plan    unsafe.Pointer
	in, out unsafe.Pointer
}

// newFFTWFFT plans the forward transform of kind (c64, c128, r32, r64, as
// in fftKinds) and length n out of place, then fills the input with
// normal deviates (planning may overwrite it).
func newFFTWFFT(kind string, n int) (*fftwFFT, error) {
	flag, _, err := fftwPlanner()
	if err != nil {
		return nil, err
	}
	if n < 1 || n > 1<<30 {
		return nil, fmt.Errorf("fftw: n = %d out of range", n)
	}
	var inBytes, outBytes int
	switch kind {
	case "c64":
		inBytes, outBytes = 8*n, 8*n
	case "c128":
		inBytes, outBytes = 16*n, 16*n
	case "r32":
		inBytes, outBytes = 4*n, 8*(n/2+1)
	case "r64":
		inBytes, outBytes = 8*n, 16*(n/2+1)
	default:
		return nil, fmt.Errorf("fftw: unknown FFT kind %q", kind)
	}
	f := &fftwFFT{kind: kind, n: n, double: kind == "c128" || kind == "r64"}
	f.in, f.out = f.malloc(inBytes), f.malloc(outBytes)
	if f.in == nil || f.out == nil {
		f.close()
		return nil, fmt.Errorf("fftw: out of memory for n = %d", n)
	}
	cn := C.int(n)
	f.plan, err = fftwPlan(f.double, func() unsafe.Pointer {
		switch kind {
		case "c64":
			return C.ssm_plan_c64(cn, f.in, f.out, flag)
		case "c128":
			return C.ssm_plan_c128(cn, f.in, f.out, flag)
		case "r32":
			return C.ssm_plan_r32(cn, f.in, f.out, flag)
		default:
			return C.ssm_plan_r64(cn, f.in, f.out, flag)
		}
	})
	if err != nil || f.plan == nil {
		f.close()
		return nil, fmt.Errorf("fftw: no plan for %s n = %d: %v", kind, n, err)
	}
	rng := rand.New(rand.NewPCG(1, uint64(n)))
	switch kind {
	case "c64":
		for i := range f.c64In() {
			f.c64In()[i] = complex(float32(rng.NormFloat64()), float32(rng.NormFloat64()))
		}
	case "c128":
		for i := range f.c128In() {
			f.c128In()[i] = complex(rng.NormFloat64(), rng.NormFloat64())
		}
	case "r32":
		for i := range f.r32In() {
			f.r32In()[i] = float32(rng.NormFloat64())
		}
	case "r64":
		for i := range f.r64In() {
			f.r64In()[i] = rng.NormFloat64()
		}
	}
	return f, nil
}

func (f *fftwFFT) malloc(bytes int) unsafe.Pointer {
	if f.double {
		return C.fftw_malloc(C.size_t(bytes))
	}
	return C.fftwf_malloc(C.size_t(bytes))
}

// The arrays as Go slices over C memory (valid until close).
func (f *fftwFFT) c64In() []complex64   { return unsafe.Slice((*complex64)(f.in), f.n) }
func (f *fftwFFT) c64Out() []complex64  { return unsafe.Slice((*complex64)(f.out), f.n) }
func (f *fftwFFT) c128In() []complex128 { return unsafe.Slice((*complex128)(f.in), f.n) }
func (f *fftwFFT) c128Out() []complex128 {
	return unsafe.Slice((*complex128)(f.out), f.n)
}
func (f *fftwFFT) r32In() []float32     { return unsafe.Slice((*float32)(f.in), f.n) }
func (f *fftwFFT) r32Out() []complex64  { return unsafe.Slice((*complex64)(f.out), f.n/2+1) }
func (f *fftwFFT) r64In() []float64     { return unsafe.Slice((*float64)(f.in), f.n) }
func (f *fftwFFT) r64Out() []complex128 { return unsafe.Slice((*complex128)(f.out), f.n/2+1) }

// execute runs the transform reps times in one C loop.
func (f *fftwFFT) execute(reps int) {
	if f.double {
		C.ssm_exec64(f.plan, C.long(reps))
	} else {
		C.ssm_exec32(f.plan, C.long(reps))
	}
}

// close frees the plan and the arrays.
func (f *fftwFFT) close() {
	if f.plan != nil {
		fftwMu.Lock()
		if f.double {
			C.ssm_destroy64(f.plan)
		} else {
			C.ssm_destroy32(f.plan)
		}
		fftwMu.Unlock()
		f.plan = nil
	}
	for _, p := range []*unsafe.Pointer{&f.in, &f.out} {
		if *p != nil {
			if f.double {
				C.fftw_free(*p)
			} else {
				C.fftwf_free(*p)
			}
			*p = nil
		}
	}
}

// fftwFFTBench measures FFTW's forward transform of one kind and length,
// reporting benchFFT MFLOPS like fftBench. The plan and its input are made
// before the timer starts; the b.N transforms run in one C loop.
func fftwFFTBench(kind string, n int) func(b *testing.B) {
	return func(b *testing.B) {
		f, err := lastFFTWFFT(kind, n)
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(fftBytes(kind, n)))
		b.ResetTimer()
		f.execute(b.N)
		b.StopTimer()
		us := float64(b.Elapsed().Nanoseconds()) / 1e3 / float64(b.N)
		b.ReportMetric(fftFlops(kind, n)/us, "MFLOPS")
	}
}

// fftwLast is the plan of the latest fftwFFTBench case. The testing
// package calls a benchmark function once per b.N it tries, and a plan
// whose patient planning hit the time limit is not in the wisdom, so it is
// kept for the calls that follow; one plan at a time bounds the C memory.
var fftwLast struct {
	sync.Mutex
	f *fftwFFT
}

func lastFFTWFFT(kind string, n int) (*fftwFFT, error) {
	fftwLast.Lock()
	defer fftwLast.Unlock()
	if f := fftwLast.f; f != nil {
		if f.kind == kind && f.n == n {
			return f, nil
		}
		f.close()
		fftwLast.f = nil
	}
	f, err := newFFTWFFT(kind, n)
	if err != nil {
		return nil, err
	}
	fftwLast.f = f
	return f, nil
}

// fftwConv32 is the causal long convolution through FFTW in float32, the
// pipeline fft.Conv32 implements: kernel spectra cached at plan time, then
// per channel r2c, pointwise product, c2r and the D skip term (ssm_conv32).
// The FFT length is fft.Conv32's, generic.ConvFFTLen(seqLen+kernelLen−1).
type fftwConv32 struct {
	channels, seqLen, n int
	r2c, c2r            unsafe.Pointer
	buf, spec, kspec    unsafe.Pointer
}

// newFFTWConv32 plans the convolution of channels rows of length seqLen with
// the kernels k ([channels][kernelLen], 1 ≤ kernelLen ≤ seqLen).
func newFFTWConv32(channels, seqLen int, k []float32) (*fftwConv32, error) {
	flag, _, err := fftwPlanner()
	if err != nil {
		return nil, err
	}
	if channels < 1 || seqLen < 1 || len(k) == 0 || len(k)%channels != 0 || len(k)/channels > seqLen {
		return nil, fmt.Errorf("fftw conv: channels %d, seqLen %d, len(k) %d: want k [channels][1…seqLen]", channels, seqLen, len(k))
	}
	kernelLen := len(k) / channels
	n := generic.ConvFFTLen(seqLen + kernelLen - 1)
	bins := n/2 + 1
	c := &fftwConv32{channels: channels, seqLen: seqLen, n: n}
	c.buf = C.fftwf_malloc(C.size_t(4 * n))
	c.spec = C.fftwf_malloc(C.size_t(8 * bins))
	c.kspec = C.fftwf_malloc(C.size_t(8 * bins * channels))
	if c.buf == nil || c.spec == nil || c.kspec == nil {
		c.close()
		return nil, fmt.Errorf("fftw conv: out of memory for n = %d", n)
	}
	var err2 error
	c.r2c, err = fftwPlan(false, func() unsafe.Pointer { return C.ssm_plan_r32(C.int(n), c.buf, c.spec, flag) })
	c.c2r, err2 = fftwPlan(false, func() unsafe.Pointer { return C.ssm_plan_c2r32(C.int(n), c.spec, c.buf, flag) })
	if err == nil {
		err = err2
	}
	if err != nil || c.r2c == nil || c.c2r == nil {
		c.close()
		return nil, fmt.Errorf("fftw conv: no plan for n = %d: %v", n, err)
	}
	buf := unsafe.Slice((*float32)(c.buf), n)
	spec := unsafe.Slice((*complex64)(c.spec), bins)
	kspec := unsafe.Slice((*complex64)(c.kspec), bins*channels)
	scale := complex(float32(1)/float32(n), 0)
	for h := range channels {
		clear(buf)
		copy(buf, k[h*kernelLen:(h+1)*kernelLen])
		C.ssm_exec32(c.r2c, 1)
		for i, s := range spec {
			kspec[h*bins+i] = s * scale
		}
	}
	return c, nil
}

// apply computes y[h][l] = Σ_{j≤l} k[h][j]·u[h][l−j] + d[h]·u[h][l] for
// one batch (u, y [channels][seqLen]; d [channels] or nil).
func (c *fftwConv32) apply(y, u, d []float32) error {
	if len(u) != c.channels*c.seqLen || len(y) != len(u) || (d != nil && len(d) != c.channels) {
		return fmt.Errorf("fftw conv: len(y) %d, len(u) %d, len(d) %d: want %d, %d, %d or 0",
			len(y), len(u), len(d), c.channels*c.seqLen, c.channels*c.seqLen, c.channels)
	}
	var dp *C.float
	if d != nil {
		dp = (*C.float)(&d[0])
	}
	C.ssm_conv32(c.r2c, c.c2r, (*C.float)(c.buf), c.spec, c.kspec,
		(*C.float)(&u[0]), (*C.float)(&y[0]), dp, C.long(c.channels), C.long(c.seqLen), C.long(c.n))
	return nil
}

func (c *fftwConv32) close() {
	fftwMu.Lock()
	for _, p := range []*unsafe.Pointer{&c.r2c, &c.c2r} {
		if *p != nil {
			C.ssm_destroy32(*p)
			*p = nil
		}
	}
	fftwMu.Unlock()
	for _, p := range []*unsafe.Pointer{&c.buf, &c.spec, &c.kspec} {
		if *p != nil {
			C.fftwf_free(*p)
			*p = nil
		}
	}
}

// fftwConvBench measures the FFTW convolution pipeline with kernelLen =
// seqLen and D on, reporting ns per (channel, sample) like convBench.
func fftwConvBench(channels, seqLen int) func(b *testing.B) {
	return func(b *testing.B) {
		rng := rand.New(rand.NewPCG(3, 4))
		k := make([]float32, channels*seqLen)
		u := make([]float32, channels*seqLen)
		d := make([]float32, channels)
		for i := range k {
			k[i] = float32(rng.NormFloat64())
			u[i] = float32(rng.NormFloat64())
		}
		c, err := newFFTWConv32(channels, seqLen, k)
		if err != nil {
			b.Fatal(err)
		}
		defer c.close()
		y := make([]float32, len(u))
		b.SetBytes(int64(len(u)) * 4)
		b.ResetTimer()
		// One call first: the timed ones are the steady state, without
		// the first touch of y's pages and of the scratch pools.
		if err := c.apply(y, u, d); err != nil {
			b.Fatal(err)
		}
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		cpu0 := threadCPU()
		for b.Loop() {
			if err := c.apply(y, u, d); err != nil {
				b.Fatal(err)
			}
		}
		ns := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
		b.ReportMetric(ns/float64(len(u)), "ns/sample")
		reportCPUPerSample(b, cpu0, len(u))
	}
}
