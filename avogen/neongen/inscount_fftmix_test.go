package main

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// TestMixedInstructionsPerValue counts the inner loop of each NEON
// mixed-radix stage (the loop with twiddles, forward; the inverse loops
// are as long) per value of the stage (one pass does p vectors in, p
// out), and per value and bit of the transform (a radix-p stage does
// log2 p of the log2 n bits), beside the power-of-two radix-4 stage's;
// the "over j" rows are the loops over j of the last stage (r = 1) and,
// complex64, of r = 2 and 3 (one k a pass).
// Run with -v for the table:
//
//	cd avogen && go test -count=1 -run TestMixedInstructionsPerValue -v ./neongen
//
// (-count=1: the test reads ../asm, which go test's cache does not see.)
func TestMixedInstructionsPerValue(t *testing.T) {
	fns := readFunctions(t, "fftmix_arm64.s", "fft_arm64.s")
	type row struct {
		name, fn, label string
		p, vals         int
	}
	rows := []row{{"radix-4 power-of-two stage (fftR4WideNEONFwd)", "fftR4WideNEONFwd", "col", 4, 4}}
	for _, p := range []int{2, 3, 4, 5} {
		rows = append(rows, row{fmt.Sprintf("mixed radix-%d, complex64", p), fmt.Sprintf("fftMixR%dNEONFwd", p), "k", p, 4})
		rows = append(rows, row{fmt.Sprintf("mixed radix-%d, complex64, r = 1 over j", p), fmt.Sprintf("fftMixR%dNEONFwd", p), "n", p, 4})
		rows = append(rows, row{fmt.Sprintf("mixed radix-%d, complex64, r = 2, 3 over j", p), fmt.Sprintf("fftMixR%dNEONFwd", p), "sk", p, 4})
	}
	rows = append(rows, row{"radix-4 power-of-two stage (fft64R4WideNEONFwd)", "fft64R4WideNEONFwd", "col", 4, 2})
	for _, p := range []int{2, 3, 4, 5} {
		rows = append(rows, row{fmt.Sprintf("mixed radix-%d, complex128", p), fmt.Sprintf("fft64MixR%dNEONFwd", p), "k", p, 2})
		rows = append(rows, row{fmt.Sprintf("mixed radix-%d, complex128, r = 1 over j", p), fmt.Sprintf("fft64MixR%dNEONFwd", p), "n", p, 2})
	}
	var b strings.Builder
	b.WriteString("| stage loop | per pass | per value | per value and bit |\n|---|---|---|---|\n")
	for _, r := range rows {
		lines, ok := fns[r.fn]
		if !ok {
			t.Fatalf("no function %s in the assembly", r.fn)
		}
		n, err := loopLength(lines, r.label)
		if err != nil {
			t.Fatalf("%s: %v", r.fn, err)
		}
		v := float64(n) / float64(r.p*r.vals)
		fmt.Fprintf(&b, "| %s | %d | %.2f | %.2f |\n", r.name, n, v, v/math.Log2(float64(r.p)))
	}
	t.Logf("instructions of the NEON stage loops:\n%s", b.String())
}
