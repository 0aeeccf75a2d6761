// Command neongen writes ssmkern's arm64 NEON assembly with the emitter
// of package avogen/neon: for a generator named NAME, the files
// asm/NAME_arm64.s and their Go declarations asm/NAME_arm64.go, both
// under `//go:build gc && !purego`.
//
//	cd avogen && go run ./neongen -gen exp -out ../asm
//
// asm/generate_neon.go holds one such line per generator, so
// `go generate ./...` at the module root regenerates everything. The
// output is deterministic (CI regenerates and diffs).
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/ssmkern/ssmkern/avogen/neon"
)

// generators maps an output name (asm/NAME_arm64.s) to the function that
// fills its file.
var generators = map[string]func(f *neon.File){
	"exp":         generateExp,
	"cmul":        generateCmul,
	"scan":        generateScan,
	"cauchy":      generateCauchy,
	"vandermonde": generateVandermonde,
	"convdirect":  generateConvDirect,
	"fft":         generateFFT,
	"fftmix":      generateFFTMix,
}

func main() {
	name := flag.String("gen", "", "generator to run: one of "+strings.Join(names(), ", "))
	out := flag.String("out", "", "directory the NAME_arm64.s and NAME_arm64.go files are written to")
	pkg := flag.String("pkg", "asm", "package of the generated declarations")
	flag.Parse()
	gen, ok := generators[*name]
	if !ok || *out == "" || flag.NArg() != 0 {
		fmt.Fprintf(os.Stderr, "usage: go run ./neongen -gen NAME -out DIR (NAME: %s)\n", strings.Join(names(), ", "))
		os.Exit(2)
	}
	command := fmt.Sprintf("go run ./neongen -gen %s -out %s", *name, *out)
	if *pkg != "asm" {
		command += " -pkg " + *pkg
	}
	f := neon.NewFile(*pkg, command)
	gen(f)
	if err := f.WriteFiles(filepath.Join(*out, *name+"_arm64.s"), filepath.Join(*out, *name+"_arm64.go")); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func names() []string {
	var n []string
	for k := range generators {
		n = append(n, k)
	}
	sort.Strings(n)
	return n
}
