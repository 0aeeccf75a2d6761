// Package golden reads the reference test vectors of ssmkern: input/output
// pairs computed in float64 by the public reference implementations (mamba's
// selective_scan_ref, the S4 code, torch.fft). The format and the exact
// semantics of every op are in the README beside the vectors.
//
// Two sets exist. The full set lives in ../shared/golden next to the module
// root when that folder is present; a subset of at most 1 MB, with every op
// represented, is committed in testdata/golden so that the tests mean
// something in any clone. Load reads the full set when it can and says in
// the test log which set ran.
package golden

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
)

// Tensor is one stored array: row-major data of the given shape.
type Tensor struct {
	Shape []int     `json:"shape"`
	Data  []float64 `json:"data"`
}

// Case is one reference computation.
type Case struct {
	Name    string            `json:"name"`
	Op      string            `json:"op"`
	Params  map[string]any    `json:"params"`
	Inputs  map[string]Tensor `json:"inputs"`
	Outputs map[string]Tensor `json:"outputs"`
}

// Int returns the integer parameter key, failing t when it is missing.
func (c *Case) Int(t testing.TB, key string) int {
	t.Helper()
	v, ok := c.Params[key].(float64)
	if !ok || v != math.Trunc(v) {
		t.Fatalf("%s: params.%s = %v, want an integer", c.Name, key, c.Params[key])
	}
	return int(v)
}

// Bool returns the boolean parameter key; a missing key is false.
func (c *Case) Bool(key string) bool {
	v, _ := c.Params[key].(bool)
	return v
}

// String returns the string parameter key; a missing key is "".
func (c *Case) String(key string) string {
	v, _ := c.Params[key].(string)
	return v
}

// Has reports whether the case has an input named name.
func (c *Case) Has(name string) bool {
	_, ok := c.Inputs[name]
	return ok
}

// In returns input name, failing t when it is missing.
func (c *Case) In(t testing.TB, name string) []float64 {
	t.Helper()
	x, ok := c.Inputs[name]
	if !ok {
		t.Fatalf("%s: no input %q", c.Name, name)
	}
	return x.Data
}

// Out returns output name, failing t when it is missing.
func (c *Case) Out(t testing.TB, name string) []float64 {
	t.Helper()
	x, ok := c.Outputs[name]
	if !ok {
		t.Fatalf("%s: no output %q", c.Name, name)
	}
	return x.Data
}

// InComplex returns the complex input stored as name_re and name_im.
func (c *Case) InComplex(t testing.TB, name string) []complex128 {
	t.Helper()
	return zip(c.In(t, name+"_re"), c.In(t, name+"_im"))
}

// OutComplex returns the complex output stored as name_re and name_im.
func (c *Case) OutComplex(t testing.TB, name string) []complex128 {
	t.Helper()
	return zip(c.Out(t, name+"_re"), c.Out(t, name+"_im"))
}

func zip(re, im []float64) []complex128 {
	z := make([]complex128, len(re))
	for i := range z {
		z[i] = complex(re[i], im[i])
	}
	return z
}

// F32 rounds xs to float32, as the float32 kernels receive their inputs.
// A nil xs gives nil.
func F32(xs []float64) []float32 {
	if xs == nil {
		return nil
	}
	out := make([]float32, len(xs))
	for i, x := range xs {
		out[i] = float32(x)
	}
	return out
}

// C64 rounds zs to complex64.
func C64(zs []complex128) []complex64 {
	out := make([]complex64, len(zs))
	for i, z := range zs {
		out[i] = complex64(z)
	}
	return out
}

// Set names the folder a Load read.
type Set struct {
	Dir  string
	Name string // "full set", "committed subset" or "SSMKERN_GOLDEN set"
}

var (
	setOnce sync.Once
	set     Set
	setErr  error
)

// Dir returns the folder Load reads: $SSMKERN_GOLDEN when set, else
// ../shared/golden beside the module root when it exists, else the module's
// testdata/golden.
func Dir() (Set, error) {
	setOnce.Do(func() {
		root, err := moduleRoot()
		if err != nil {
			setErr = err
			return
		}
		if env := os.Getenv("SSMKERN_GOLDEN"); env != "" {
			set = Set{Dir: env, Name: "SSMKERN_GOLDEN set"}
			return
		}
		shared := filepath.Join(root, "..", "shared", "golden")
		if st, err := os.Stat(shared); err == nil && st.IsDir() {
			set = Set{Dir: shared, Name: "full set"}
			return
		}
		set = Set{Dir: filepath.Join(root, "testdata", "golden"), Name: "committed subset"}
	})
	return set, setErr
}

func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if data, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil &&
			strings.Contains(string(data), "module github.com/ssmkern/ssmkern\n") {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("golden: no ssmkern go.mod above the working directory")
		}
		dir = parent
	}
}

// Load returns every case of op, in name order, from the set Dir chooses,
// and logs which set it read. It fails t when there is none: a golden test
// that checks nothing must not pass.
func Load(t testing.TB, op string) []*Case {
	t.Helper()
	s, err := Dir()
	if err != nil {
		t.Fatal(err)
	}
	names, err := filepath.Glob(filepath.Join(s.Dir, op+"_[0-9][0-9][0-9]_*.json.gz"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(names)
	if len(names) == 0 {
		t.Fatalf("golden: no %s cases in %s", op, s.Dir)
	}
	t.Logf("golden %s: %d cases from the %s in %s", op, len(names), s.Name, s.Dir)
	cases := make([]*Case, 0, len(names))
	for _, name := range names {
		c, err := ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if c.Op != op {
			t.Fatalf("%s: op %q, want %q", name, c.Op, op)
		}
		cases = append(cases, c)
	}
	return cases
}

// ReadFile decodes one gzipped JSON case.
func ReadFile(path string) (*Case, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("golden: %s: %w", path, err)
	}
	var c Case
	if err := json.NewDecoder(zr).Decode(&c); err != nil {
		return nil, fmt.Errorf("golden: %s: %w", path, err)
	}
	return &c, nil
}

// Number is any element type the kernels produce.
type Number interface {
	~float32 | ~float64
}

// NormwiseError returns max|got−want| / max|want| (max|got−want| when want
// is all zero), the criterion the README's float32-vs-float64 table uses.
// A NaN anywhere in got makes the error NaN, so that a comparison with
// any tolerance fails.
func NormwiseError[T Number](got []T, want []float64) float64 {
	if len(got) != len(want) {
		return math.Inf(1)
	}
	var maxDiff, maxWant float64
	for i, w := range want {
		d := math.Abs(float64(got[i]) - w)
		if math.IsNaN(d) {
			return math.NaN()
		}
		maxDiff = math.Max(maxDiff, d)
		maxWant = math.Max(maxWant, math.Abs(w))
	}
	if maxWant == 0 {
		return maxDiff
	}
	return maxDiff / maxWant
}

// NormwiseErrorComplex is NormwiseError for complex values, with |·| the
// complex modulus.
func NormwiseErrorComplex[T complex64 | complex128](got []T, want []complex128) float64 {
	if len(got) != len(want) {
		return math.Inf(1)
	}
	var maxDiff, maxWant float64
	for i, w := range want {
		g := complex128(got[i])
		d := math.Hypot(real(g)-real(w), imag(g)-imag(w))
		if math.IsNaN(d) {
			return math.NaN()
		}
		maxDiff = math.Max(maxDiff, d)
		maxWant = math.Max(maxWant, math.Hypot(real(w), imag(w)))
	}
	if maxWant == 0 {
		return maxDiff
	}
	return maxDiff / maxWant
}

// RelativeRMSError is sqrt(Σ|got−want|² / Σ|want|²), the accuracy measure
// DESIGN states for the FFTs (the absolute RMS error when want is 0).
func RelativeRMSError[T complex64 | complex128](got []T, want []complex128) float64 {
	if len(got) != len(want) {
		return math.Inf(1)
	}
	var num, den float64
	for i, w := range want {
		d := complex128(got[i]) - w
		num += real(d)*real(d) + imag(d)*imag(d)
		den += real(w)*real(w) + imag(w)*imag(w)
	}
	if den == 0 {
		return math.Sqrt(num)
	}
	return math.Sqrt(num / den)
}
