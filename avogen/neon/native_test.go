package neon

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// assemble assembles lines (one instruction each) as one arm64 function
// with Go's own assembler and returns the words it produced per line
// (several for a line the assembler expands), read back with go tool
// objdump.
func assemble(t *testing.T, lines []string) map[int][]uint32 {
	t.Helper()
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to assemble with")
	}
	dir := t.TempDir()
	var src bytes.Buffer
	src.WriteString("#include \"textflag.h\"\nTEXT ·f(SB), NOSPLIT|NOFRAME, $0-0\n")
	const first = 3 // line number of lines[0]
	for _, l := range lines {
		src.WriteString("\t" + l + "\n")
	}
	src.WriteString("\tRET\n")
	s, o := filepath.Join(dir, "a.s"), filepath.Join(dir, "a.o")
	if err := os.WriteFile(s, src.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	goroot, err := exec.Command(goBin, "env", "GOROOT").Output()
	if err != nil {
		t.Fatal(err)
	}
	include := filepath.Join(strings.TrimSpace(string(goroot)), "pkg", "include")
	cmd := exec.Command(goBin, "tool", "asm", "-p", "main", "-I", include, "-o", o, s)
	cmd.Env = append(os.Environ(), "GOOS=linux", "GOARCH=arm64")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go tool asm: %v\n%s", err, out)
	}
	out, err := exec.Command(goBin, "tool", "objdump", o).Output()
	if err != nil {
		t.Fatalf("go tool objdump: %v", err)
	}
	// "  a.s:3		0x37c		4e22cc20	VFMLA V2.S4, V1.S4, V0.S4"
	re := regexp.MustCompile(`^\s*a\.s:(\d+)\s+0x[0-9a-f]+\s+([0-9a-f]{8})\s`)
	words := map[int][]uint32{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		m := re.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		ln, _ := strconv.Atoi(m[1])
		w, _ := strconv.ParseUint(m[2], 16, 32)
		words[ln-first] = append(words[ln-first], uint32(w))
	}
	return words
}

// TestNativeFormsMatchGoAssembler assembles every form that the emitter
// writes with Go's own mnemonic (VFMLA, VAND, VZIP1, VSHL, …) and requires
// Go's bytes to equal this package's encoding: so the operand order the
// emitter writes for Go is right, and the encoder (which arm64asm checks)
// and Go's assembler agree.
func TestNativeFormsMatchGoAssembler(t *testing.T) {
	var insts []Inst
	everyInst(func(_ form, i Inst) {
		if i.Go != "" {
			insts = append(insts, i)
		}
	})
	lines := make([]string, len(insts))
	for k, i := range insts {
		lines[k] = i.Go
	}
	words := assemble(t, lines)
	for k, i := range insts {
		got := words[k]
		if len(got) != 1 || got[0] != i.Word {
			t.Errorf("%s: Go assembles %s, want %08x (%s)", i.Go, hexWords(got), i.Word, i.Arm)
		}
	}
	t.Logf("%d native instructions assembled", len(insts))
}

// TestGoInstructionsAssemble checks that the Go-only helpers (loads,
// stores, general-register arithmetic) are accepted by Go's assembler.
func TestGoInstructionsAssemble(t *testing.T) {
	insts := []Inst{
		VLD1(R0, V0.S4()), VLD1P(R1, V28.S4(), V29.S4(), V30.S4(), V31.S4()), VLD1P(R2, V31.D2(), V0.D2()),
		VST1(R3, V4.S4(), V5.S4()), VST1P(R4, V1.S4(), V2.S4(), V3.S4()),
		VLD1LaneP(R5, V6.S(3)), VST1LaneP(R6, V7.S(0)), VLD1LaneP(R5, V6.D(1)),
		VLD2P(R7, V8.S4(), V9.S4()), VST2P(R8, V31.S4(), V0.S4()),
		MOVD(R1, R2), MOVDImm(R3, 1<<40+5), MOVWImm(R4, 0x3fb8aa3b), ADDImm(R5, R6, 64), SUBImm(R7, R8, 4),
		SUBSImm(R9, R9, 16), CMPImm(R10, 16), ANDImm(R11, R12, 15), LSRImm(R13, R14, 4), LSLImm(R15, R16, 2),
		ADDReg(R1, R2, R3), VLD1R(R0, V1.S4()), VLD1RP(R2, V3.S4()), VLD1RPReg(R4, R5, V6.S4()),
		VLD1Lane(R6, V7.S(2)), VST1Lane(R7, V8.S(3)), LDRS(V9, R8), LDRD(V10, R9), STRS(V11, R10), STRD(V12, R11),
	}
	insts = append(insts, DupConst32(V9.S4(), 0x7f800000, R17)...)
	lines := make([]string, len(insts))
	for k, i := range insts {
		lines[k] = i.Go
	}
	words := assemble(t, lines)
	for k, i := range insts {
		if len(words[k]) == 0 {
			t.Errorf("%s: no code", i.Go)
		}
	}
}

func hexWords(ws []uint32) string {
	var s []string
	for _, w := range ws {
		s = append(s, fmt.Sprintf("%08x", w))
	}
	return "[" + strings.Join(s, " ") + "]"
}

// TestGoLoadsAndStoresAreTheArmInstructions assembles the Go-only load,
// store and add helpers and decodes Go's bytes with arm64asm: each must be
// the Arm instruction its doc comment names, with its operands.
func TestGoLoadsAndStoresAreTheArmInstructions(t *testing.T) {
	cases := []struct {
		i    Inst
		want string
	}{
		{ADDReg(R1, R2, R3), "add x1, x2, x3"},
		{VLD1R(R0, V1.S4()), "ld1r {v1.4s}, [x0]"},
		{VLD1RP(R2, V3.S4()), "ld1r {v3.4s}, [x2],#4"}, // arm64asm prints no space before a post-index immediate,
		{VLD1RPReg(R4, R5, V6.S4()), "ld1r {v6.4s}, [x4], x5"},
		{VLD1Lane(R6, V7.S(2)), "ld1 {v7.s}[2], [x6]"},
		{VST1Lane(R7, V8.S(3)), "st1 {v8.s}[3], [x7]"},
		{LDRS(V9, R8), "ldr s9, [x8]"},
		{LDRD(V10, R9), "ldr d10, [x9]"},
		{STRS(V11, R10), "str s11, [x10]"},
		{STRD(V12, R11), "str d12, [x11]"},
		{VLD1PReg(R12, R13, V14.S4(), V15.S4()), "ld1 {v14.4s, v15.4s}, [x12], x13"},
		{LDRDP(V16, R14), "ldr d16, [x14],#8"},
		{LDRSP(V17, R15), "ldr s17, [x15],#4"},
		{VLD4P(R16, V30.D2(), V31.D2(), V0.D2(), V1.D2()), "ld4 {v30.2d, v31.2d, v0.2d, v1.2d}, [x16],#64"},
		{VLD2P(R17, V2.D2(), V3.D2()), "ld2 {v2.2d, v3.2d}, [x17],#32"},
		{VLD2PReg(R19, R20, V4.S4(), V5.S4()), "ld2 {v4.4s, v5.4s}, [x19], x20"},
	}
	lines := make([]string, len(cases))
	for k, c := range cases {
		lines[k] = c.i.Go
	}
	words := assemble(t, lines)
	for k, c := range cases {
		if len(words[k]) != 1 {
			t.Errorf("%s: %d words", c.i.Go, len(words[k]))
			continue
		}
		got, err := decode(words[k][0])
		if err != nil || got != c.want {
			t.Errorf("%s: Go assembles %08x = %q (%v), want %q", c.i.Go, words[k][0], got, err, c.want)
		}
	}
}
