package asm_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestAVX2KernelsUseOnlyAVX2Registers reads every generated amd64 file and
// checks that no function but those named for AVX-512 (the AVX2 kernels
// and the level-free ones such as transpose8x8Blocks) names a register only
// AVX-512 has (X16–X31, Y16–Y31, any ZMM or mask register): Avo's
// allocator hands them out when a kernel runs short of registers, the
// assembler encodes them with EVEX, and the function would then fault on an
// AVX2 CPU while passing every test on this AVX-512 machine.
func TestAVX2KernelsUseOnlyAVX2Registers(t *testing.T) {
	files, err := filepath.Glob("*_amd64.s")
	if err != nil || len(files) == 0 {
		t.Fatalf("no generated amd64 files (%v)", err)
	}
	avx512Only := regexp.MustCompile(`\b([XY](1[6-9]|2[0-9]|3[01])|Z([0-9]|[12][0-9]|3[01])|K[1-7])\b`)
	checked := 0
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		fn := ""
		for i, line := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(line, "TEXT ") {
				fn = strings.Fields(line)[1]
				if !strings.Contains(fn, "AVX512") {
					checked++
				}
				continue
			}
			if fn == "" || strings.Contains(fn, "AVX512") {
				continue
			}
			code, _, _ := strings.Cut(line, "//")
			if r := avx512Only.FindString(code); r != "" {
				t.Errorf("%s:%d: %s uses %s: %s", file, i+1, fn, r, strings.TrimSpace(line))
			}
		}
	}
	if checked == 0 {
		t.Fatal("no AVX2 or level-free function found in the generated files")
	}
	t.Logf("%d AVX2 and level-free functions checked", checked)
}
