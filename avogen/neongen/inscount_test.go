package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The instruction count of each kernel's inner loop, per element, at NEON
// against AVX2 and AVX-512, read from the committed assembly
// (instructionFiles). For the scan an element is one float32 lane of the
// loop's output: a row element, or one (channel, state) update of a
// recurrence; the S4 path's rows name theirs. Run with -v for the table:
//
//	cd avogen && go test -run TestInstructionsPerElement -v ./neongen

// countedLoop names a kernel's inner loop and the elements one pass does.
type countedLoop struct {
	fn, label string
	elems     int
}

// instructionsPerElementTable lists the kernels: NEON, AVX2, AVX-512.
var instructionsPerElementTable = []struct {
	kernel string
	loops  [3]countedLoop
}{
	{"δ row, Δ + bias", [3]countedLoop{{"deltaRowScalarNEON", "pair", 8}, {"deltaRowScalarAVX2", "deltaRowScalarAVX2_loop", 8}, {"deltaRowScalarAVX512", "deltaRowScalarAVX512_loop", 16}}},
	{"δ row, softplus", [3]countedLoop{{"deltaRowSoftplusScalarNEON", "loop", 4}, {"deltaRowSoftplusScalarAVX2", "deltaRowSoftplusScalarAVX2_unrolled", 16}, {"deltaRowSoftplusScalarAVX512", "deltaRowSoftplusScalarAVX512_unrolled", 32}}},
	{"gate row, D·u", [3]countedLoop{{"gateRowScalarNEON", "pair", 8}, {"gateRowScalarAVX2", "gateRowScalarAVX2_loop", 8}, {"gateRowScalarAVX512", "gateRowScalarAVX512_loop", 16}}},
	{"gate row, D·u and silu", [3]countedLoop{{"gateRowSiLUScalarNEON", "pair", 8}, {"gateRowSiLUScalarAVX2", "gateRowSiLUScalarAVX2_unrolled", 16}, {"gateRowSiLUScalarAVX512", "gateRowSiLUScalarAVX512_unrolled", 32}}},
	{"exp row", [3]countedLoop{{"expFloat32NEON", "loop16", 16}, {"expRowAVX2", "expRowAVX2_unrolled", 16}, {"expRowAVX512", "expRowAVX512_unrolled", 32}}},
	{"exp2 row (the decay)", [3]countedLoop{{"exp2RowNEON", "loop", 4}, {"exp2RowAVX2", "exp2RowAVX2_unrolled", 32}, {"exp2RowAVX512", "exp2RowAVX512_unrolled", 64}}},
	{"recurrence, state-vectorised", [3]countedLoop{{"scanChannelsNEON", "pair", 8}, {"scanChannelsAVX2", "scanChannelsAVX2_chunk", 8}, {"scanChannelsAVX512", "scanChannelsAVX512_chunk", 16}}},
	{"recurrence, channel-vectorised (BLD)", [3]countedLoop{{"scanLanesNEON", "pair4", 8}, {"scanLanesAVX2", "scanLanesAVX2_group", 16}, {"scanLanesAVX512", "scanLanesAVX512_group", 64}}},
	// The S4 path's kernels, each per its own element: a (state, step)
	// term of the S4D Vandermonde sum (two blocks a pass), a float64 chain
	// lane, a (state, point) term of the Cauchy sums (four rows, float64),
	// a complex64 product, a (tap, output) term of the direct convolution.
	{"S4D Vandermonde blocks, per (state, step)", [3]countedLoop{{"vandermondeBlocksNEON", "pair0", 256}, {"vandermondeBlocksAVX2", "vandermondeBlocksAVX2_pair0", 64}, {"vandermondeBlocksAVX512", "vandermondeBlocksAVX512_pair0", 128}}},
	{"S4D Vandermonde chain, per float64 lane", [3]countedLoop{{"vandermondeChainNEON", "group", 8}, {"vandermondeChainAVX2", "vandermondeChainAVX2_blockstep", 16}, {"vandermondeChainAVX512", "vandermondeChainAVX512_blockstep", 32}}},
	{"DPLR Cauchy sums (float64), per (state, point)", [3]countedLoop{{"cauchyConj4NEON", "state", 2}, {"cauchyConj4AVX2", "cauchyConj4AVX2_state", 4}, {"cauchyConj4AVX512", "cauchyConj4AVX512_state", 8}}},
	{"complex64 product, per product", [3]countedLoop{{"mulComplex64NEON", "loop8", 8}, {"mulComplex64AVX2", "mulComplex64AVX2_loop", 4}, {"mulComplex64AVX512", "mulComplex64AVX512_loop", 8}}},
	{"direct convolution, per (tap, output)", [3]countedLoop{{"convDirectNEON", "taps8", 128}, {"convDirectAVX2", "convDirectAVX2_taps4", 32}, {"convDirectAVX512", "convDirectAVX512_taps4", 64}}},
	// The FFT stages (forward; the inverse loops are as long), each per
	// radix-4 butterfly (one (j, k): four values in, four out, so a
	// length-n stage is n/4 of them), the real-FFT pass per k (the pair
	// k, h−k), the four-step transpose per value.
	{"FFT radix-8 first stage, complex64, per 8-point butterfly", [3]countedLoop{{"fftR8FirstNEONFwd", "loop", 4}, {"fftR8FirstAVX2Fwd", "fftR8FirstAVX2Fwd_loop", 4}, {"fftR8FirstAVX512Fwd", "fftR8FirstAVX512Fwd_loop", 8}}},
	{"FFT radix-4 first stage (ls = 1), complex64, per butterfly", [3]countedLoop{{"fftR4FirstNEONFwd", "col", 4}, {"fftR4FirstAVX2Fwd", "fftR4FirstAVX2Fwd_k", 4}, {"fftR4FirstAVX512Fwd", "fftR4FirstAVX512Fwd_k", 8}}},
	{"FFT radix-4 stage, wide (twiddles), complex64, per butterfly", [3]countedLoop{{"fftR4WideNEONFwd", "col", 4}, {"fftR4WideAVX2Fwd", "fftR4WideAVX2Fwd_k", 4}, {"fftR4WideAVX512Fwd", "fftR4WideAVX512Fwd_k", 8}}},
	{"FFT radix-4 last stage (r = 1), complex64, per butterfly", [3]countedLoop{{"fftR4Narrow1NEONFwd", "loop", 4}, {"fftR4Narrow1AVX2Fwd", "fftR4Narrow1AVX2Fwd_loop", 4}, {"fftR4Narrow1AVX512Fwd", "fftR4Narrow1AVX512Fwd_loop", 8}}},
	{"FFT four-step transpose and twiddle, complex64, per value", [3]countedLoop{{"fftTransposeTwiddleNEONFwd", "kblock", 16}, {"fftTransposeTwiddleAVX2Fwd", "fftTransposeTwiddleAVX2Fwd_k", 16}, {"fftTransposeTwiddleAVX512Fwd", "fftTransposeTwiddleAVX512Fwd_k", 64}}},
	{"FFT real pass, complex64, per k", [3]countedLoop{{"fftRealPassNEONFwd", "loop", 4}, {"fftRealPassAVX2Fwd", "fftRealPassAVX2Fwd_loop", 4}, {"fftRealPassAVX512Fwd", "fftRealPassAVX512Fwd_loop", 8}}},
	{"FFT radix-4 stage, wide (twiddles), complex128, per butterfly", [3]countedLoop{{"fft64R4WideNEONFwd", "col", 2}, {"fft64R4WideAVX2Fwd", "fft64R4WideAVX2Fwd_k", 2}, {"fft64R4WideAVX512Fwd", "fft64R4WideAVX512Fwd_k", 4}}},
	{"FFT radix-4 last stage (r = 1), complex128, per butterfly", [3]countedLoop{{"fft64R4Narrow1NEONFwd", "loop", 2}, {"fft64R4Narrow1AVX2Fwd", "fft64R4Narrow1AVX2Fwd_loop", 2}, {"fft64R4Narrow1AVX512Fwd", "fft64R4Narrow1AVX512Fwd_loop", 4}}},
	{"FFT real pass, complex128, per k", [3]countedLoop{{"fft64RealPassNEONFwd", "loop", 2}, {"fft64RealPassAVX2Fwd", "fft64RealPassAVX2Fwd_loop", 2}, {"fft64RealPassAVX512Fwd", "fft64RealPassAVX512Fwd_loop", 4}}},
}

// instructionFiles are the assembly files the table reads.
var instructionFiles = []string{
	"scan_arm64.s", "exp_arm64.s", "scan_amd64.s",
	"vandermonde_arm64.s", "vandermonde_amd64.s", "cauchy_arm64.s", "cauchy_amd64.s",
	"cmul_arm64.s", "cmul_amd64.s", "convdirect_arm64.s", "convdirect_amd64.s",
	"fft_arm64.s", "fft_amd64.s",
}

var textLine = regexp.MustCompile(`^TEXT\s+·(\w+)\(SB\)`)

// readFunctions returns the lines of every function in the .s files.
func readFunctions(t *testing.T, files ...string) map[string][]string {
	fns := map[string][]string{}
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join("..", "..", "asm", f))
		if err != nil {
			t.Fatal(err)
		}
		var cur string
		for _, line := range strings.Split(string(b), "\n") {
			if m := textLine.FindStringSubmatch(line); m != nil {
				cur = m[1]
				continue
			}
			if cur != "" {
				fns[cur] = append(fns[cur], strings.TrimSpace(line))
			}
		}
	}
	return fns
}

// isInstruction tells an instruction line from a label, comment or directive.
func isInstruction(l string) bool {
	if l == "" || strings.HasSuffix(l, ":") {
		return false
	}
	for _, p := range []string{"//", "#", "DATA", "GLOBL", "TEXT"} {
		if strings.HasPrefix(l, p) {
			return false
		}
	}
	return true
}

// loopLength counts the instructions from label to the last branch back
// to it, the branch included.
func loopLength(lines []string, label string) (int, error) {
	start := -1
	for i, l := range lines {
		if l == label+":" {
			start = i
			break
		}
	}
	if start < 0 {
		return 0, fmt.Errorf("no label %s", label)
	}
	end := -1
	for i := start + 1; i < len(lines); i++ {
		f := strings.Fields(lines[i])
		branch := len(f) >= 2 && (strings.HasPrefix(f[0], "J") || strings.HasPrefix(f[0], "B") || strings.HasPrefix(f[0], "CB"))
		if branch && f[len(f)-1] == label {
			end = i
		}
	}
	if end < 0 {
		return 0, fmt.Errorf("no branch back to %s", label)
	}
	n := 0
	for _, l := range lines[start+1 : end+1] {
		if isInstruction(l) {
			n++
		}
	}
	return n, nil
}

func TestInstructionsPerElement(t *testing.T) {
	fns := readFunctions(t, instructionFiles...)
	var b strings.Builder
	b.WriteString("| inner loop | NEON (4 lanes) | AVX2 (8) | AVX-512 (16) |\n|---|---|---|---|\n")
	for _, row := range instructionsPerElementTable {
		cells := []string{row.kernel}
		for _, c := range row.loops {
			lines, ok := fns[c.fn]
			if !ok {
				t.Fatalf("%s: no function %s in the assembly", row.kernel, c.fn)
			}
			n, err := loopLength(lines, c.label)
			if err != nil {
				t.Fatalf("%s: %s: %v", row.kernel, c.fn, err)
			}
			cells = append(cells, fmt.Sprintf("%.2f", float64(n)/float64(c.elems)))
		}
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	t.Logf("instructions per element in the inner loops:\n%s", b.String())
}
