package neon

import (
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/arch/arm64/arm64asm"
)

// form is one instruction form of encode.go with the operand values to try.
type form struct {
	name string
	arrs []Arrangement
	// ks lists the immediate (shift, index, lane, imm8) values to try for
	// an arrangement; nil means the form takes none.
	ks   func(a Arrangement) []int
	make func(d, n, m VReg, a Arrangement, k int) Inst
}

var (
	fpArrs    = []Arrangement{S2, S4, D2}
	byteArrs  = []Arrangement{B8, B16}
	intArrs   = []Arrangement{B8, B16, H4, H8, S2, S4, D2}
	shiftArrs = intArrs
)

func three(f func(d, n, m Vec) Inst) func(d, n, m VReg, a Arrangement, k int) Inst {
	return func(d, n, m VReg, a Arrangement, _ int) Inst { return f(Vec{d, a}, Vec{n, a}, Vec{m, a}) }
}

func two(f func(d, n Vec) Inst) func(d, n, m VReg, a Arrangement, k int) Inst {
	return func(d, n, _ VReg, a Arrangement, _ int) Inst { return f(Vec{d, a}, Vec{n, a}) }
}

func shifts(left bool) func(a Arrangement) []int {
	return func(a Arrangement) []int {
		e := a.ElemBits()
		if left {
			return []int{0, 1, e / 2, e - 1}
		}
		return []int{1, 2, e - 1, e}
	}
}

func shift(f func(d, n Vec, s int) Inst) func(d, n, m VReg, a Arrangement, k int) Inst {
	return func(d, n, _ VReg, a Arrangement, k int) Inst { return f(Vec{d, a}, Vec{n, a}, k) }
}

// lanes are the element indexes of the arrangement's element size.
func lanes(a Arrangement) []int {
	var l []int
	for i := 0; i < 128/a.ElemBits(); i++ {
		l = append(l, i)
	}
	return l
}

func byElement(f func(d, n Vec, m Lane) Inst) func(d, n, m VReg, a Arrangement, k int) Inst {
	return func(d, n, m VReg, a Arrangement, k int) Inst {
		return f(Vec{d, a}, Vec{n, a}, Lane{m, a.ElemBits(), k})
	}
}

// fmovImms are floats with an 8-bit immediate, by their encodings.
var fmovImms = []int{0x70, 0x60, 0xe0, 0x00, 0x7f, 0x80, 0xff, 0x24, 0x50}

// forms is every instruction form encode.go offers.
var forms = []form{
	{"fadd", fpArrs, nil, three(FADD)},
	{"fsub", fpArrs, nil, three(FSUB)},
	{"fmul", fpArrs, nil, three(FMUL)},
	{"fdiv", fpArrs, nil, three(FDIV)},
	{"fmax", fpArrs, nil, three(FMAX)},
	{"fmin", fpArrs, nil, three(FMIN)},
	{"fmaxnm", fpArrs, nil, three(FMAXNM)},
	{"fminnm", fpArrs, nil, three(FMINNM)},
	{"faddp", fpArrs, nil, three(FADDP)},
	{"fcmeq", fpArrs, nil, three(FCMEQ)},
	{"fcmge", fpArrs, nil, three(FCMGE)},
	{"fcmgt", fpArrs, nil, three(FCMGT)},
	{"fmla", fpArrs, nil, three(FMLA)},
	{"fmls", fpArrs, nil, three(FMLS)},
	{"fneg", fpArrs, nil, two(FNEG)},
	{"fabs", fpArrs, nil, two(FABS)},
	{"fsqrt", fpArrs, nil, two(FSQRT)},
	{"frintn", fpArrs, nil, two(FRINTN)},
	{"frintm", fpArrs, nil, two(FRINTM)},
	{"frintp", fpArrs, nil, two(FRINTP)},
	{"frintz", fpArrs, nil, two(FRINTZ)},
	{"fcvtzs", fpArrs, nil, two(FCVTZS)},
	{"fcvtns", fpArrs, nil, two(FCVTNS)},
	{"scvtf", fpArrs, nil, two(SCVTF)},
	{"fcmgt #0", fpArrs, nil, two(FCMGTZero)},
	{"fcmge #0", fpArrs, nil, two(FCMGEZero)},
	{"fcmeq #0", fpArrs, nil, two(FCMEQZero)},
	{"fcmlt #0", fpArrs, nil, two(FCMLTZero)},
	{"fcmle #0", fpArrs, nil, two(FCMLEZero)},
	{"and", byteArrs, nil, three(AND)},
	{"bic", byteArrs, nil, three(BIC)},
	{"orr", byteArrs, nil, three(ORR)},
	{"orn", byteArrs, nil, three(ORN)},
	{"eor", byteArrs, nil, three(EOR)},
	{"bsl", byteArrs, nil, three(BSL)},
	{"bit", byteArrs, nil, three(BIT)},
	{"bif", byteArrs, nil, three(BIF)},
	{"mov", byteArrs, nil, two(MOV)},
	{"not", byteArrs, nil, two(NOT)},
	{"add", intArrs, nil, three(ADD)},
	{"sub", intArrs, nil, three(SUB)},
	{"cmgt", intArrs, nil, three(CMGT)},
	{"shl", shiftArrs, shifts(true), shift(SHL)},
	{"ushr", shiftArrs, shifts(false), shift(USHR)},
	{"sshr", shiftArrs, shifts(false), shift(SSHR)},
	{"uzp1", intArrs, nil, three(UZP1)},
	{"uzp2", intArrs, nil, three(UZP2)},
	{"trn1", intArrs, nil, three(TRN1)},
	{"trn2", intArrs, nil, three(TRN2)},
	{"zip1", intArrs, nil, three(ZIP1)},
	{"zip2", intArrs, nil, three(ZIP2)},
	{"ext", byteArrs, func(a Arrangement) []int {
		if a == B8 {
			return []int{0, 1, 4, 7}
		}
		return []int{0, 1, 4, 8, 12, 15}
	}, func(d, n, m VReg, a Arrangement, k int) Inst { return EXT(Vec{d, a}, Vec{n, a}, Vec{m, a}, k) }},
	{"fmul (element)", fpArrs, lanes, byElement(FMULElem)},
	{"fmla (element)", fpArrs, lanes, byElement(FMLAElem)},
	{"fmls (element)", fpArrs, lanes, byElement(FMLSElem)},
	{"movi", []Arrangement{B8, B16}, func(Arrangement) []int { return []int{0, 1, 0x7f, 0x80, 0xff} },
		func(d, _, _ VReg, a Arrangement, k int) Inst { return MOVI(Vec{d, a}, uint8(k), 0) }},
	{"movi (lsl)", []Arrangement{S2, S4}, func(Arrangement) []int {
		// imm8 | lsl<<8
		return []int{0x7f, 8<<8 | 0x7f, 16<<8 | 0x80, 24<<8 | 0xff, 1}
	}, func(d, _, _ VReg, a Arrangement, k int) Inst { return MOVI(Vec{d, a}, uint8(k), k>>8) }},
	{"fmov (immediate)", fpArrs, func(Arrangement) []int { return fmovImms },
		func(d, _, _ VReg, a Arrangement, k int) Inst { return FMOVImm(Vec{d, a}, fpImm8Value(uint32(k))) }},
	{"fcvtn", []Arrangement{S2}, nil, func(d, n, _ VReg, a Arrangement, _ int) Inst { return FCVTN(Vec{d, S2}, Vec{n, D2}) }},
	{"fcvtn2", []Arrangement{S4}, nil, func(d, n, _ VReg, a Arrangement, _ int) Inst { return FCVTN2(Vec{d, S4}, Vec{n, D2}) }},
	{"rev64", []Arrangement{B8, B16, H4, H8, S2, S4}, nil, two(REV64)},
	{"dup (general)", intArrs, nil, func(d, n, _ VReg, a Arrangement, _ int) Inst { return DUP(Vec{d, a}, Reg(n%26)) }},
	{"dup (element)", intArrs, lanes, func(d, n, _ VReg, a Arrangement, k int) Inst {
		return DUPElem(Vec{d, a}, Lane{n, a.ElemBits(), k})
	}},
}

// registerSpread are (d, n, m) triples that put every register number's
// bits through every field: 0 and 31, both halves, M's bit 4 (16–31) for
// the by-element forms, and one register in every position.
var registerSpread = [][3]VReg{
	{V0, V1, V2}, {V31, V30, V29}, {V7, V16, V23}, {V15, V8, V31}, {V5, V5, V5}, {V17, V0, V16}, {V24, V19, V3},
}

// everyInst calls f with every instruction of every form over the register
// spread and each form's immediates.
func everyInst(f func(form form, i Inst)) {
	for _, fm := range forms {
		for _, a := range fm.arrs {
			ks := []int{0}
			if fm.ks != nil {
				ks = fm.ks(a)
			}
			for _, r := range registerSpread {
				for _, k := range ks {
					f(fm, fm.make(r[0], r[1], r[2], a, k))
				}
			}
		}
	}
}

var spaces = regexp.MustCompile(`\s+`)

// canonical is the one place where the Arm ARM syntax of our comments and
// arm64asm's GNU syntax are reconciled. Both are lower-cased with single
// spaces; then:
//   - arm64asm prints the compare-with-zero operand as "#0", the Arm ARM
//     (and our comments) as "#0.0": both become "#0.0";
//   - arm64asm prints FMOV's immediate as "#1.000000000000000000e+00":
//     float immediates are reparsed and printed shortest ("#1.0");
//   - NOT is printed by arm64asm under its alias MVN: both become "not".
func canonical(s string) string {
	s = strings.TrimSpace(spaces.ReplaceAllString(strings.ToLower(s), " "))
	op, rest, _ := strings.Cut(s, " ")
	if op == "mvn" {
		op = "not"
	}
	operands := strings.Split(rest, ", ")
	for i, o := range operands {
		if strings.HasPrefix(op, "fcm") && o == "#0" {
			operands[i] = "#0.0"
		}
		if op == "fmov" && strings.HasPrefix(o, "#") {
			if x, err := strconv.ParseFloat(o[1:], 64); err == nil {
				operands[i] = "#" + formatFloat(x)
			}
		}
	}
	return op + " " + strings.Join(operands, ", ")
}

func decode(w uint32) (string, error) {
	var b [4]byte
	binary.LittleEndian.PutUint32(b[:], w)
	in, err := arm64asm.Decode(b[:])
	if err != nil {
		return "", err
	}
	return arm64asm.GNUSyntax(in), nil
}

// TestEveryFormDecodesToItsComment decodes every encoding of every form
// (a spread of registers, every arrangement, a spread of immediates) with
// golang.org/x/arch's arm64asm and requires the text in the comment.
func TestEveryFormDecodesToItsComment(t *testing.T) {
	n := 0
	everyInst(func(fm form, i Inst) {
		n++
		got, err := decode(i.Word)
		if err != nil {
			t.Errorf("%s: %08x (%s) does not decode: %v", fm.name, i.Word, i.Arm, err)
			return
		}
		if canonical(got) != canonical(i.Arm) {
			t.Errorf("%s: %08x decodes as %q, comment says %q", fm.name, i.Word, got, i.Arm)
		}
	})
	t.Logf("%d encodings of %d forms decoded", n, len(forms))
}

// TestEveryFormIsDistinct guards against two forms sharing an encoding
// (a copied opcode field that happens to decode to something plausible).
func TestEveryFormIsDistinct(t *testing.T) {
	seen := map[uint32]string{}
	everyInst(func(fm form, i Inst) {
		if prev, ok := seen[i.Word]; ok && prev != i.Arm {
			t.Errorf("%08x is both %q and %q", i.Word, prev, i.Arm)
		}
		seen[i.Word] = i.Arm
	})
}

var wordLine = regexp.MustCompile(`^\s*WORD\s+\$0x([0-9a-f]{8})\s*// (.*)$`)

// TestGeneratedWordsDecodeToTheirComments checks every WORD in the
// committed NEON assembly (asm/*_arm64.s) the same way: what the emitter
// actually wrote, not only what the form table exercises.
func TestGeneratedWordsDecodeToTheirComments(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "asm", "*_arm64.s"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Skip("no asm/*_arm64.s files")
	}
	words := 0
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for ln, line := range strings.Split(string(b), "\n") {
			m := wordLine.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			words++
			w, _ := strconv.ParseUint(m[1], 16, 32)
			got, err := decode(uint32(w))
			where := fmt.Sprintf("%s:%d", filepath.Base(file), ln+1)
			if err != nil {
				t.Errorf("%s: %s does not decode: %v", where, m[1], err)
			} else if canonical(got) != canonical(m[2]) {
				t.Errorf("%s: %s decodes as %q, comment says %q", where, m[1], got, m[2])
			}
		}
	}
	t.Logf("%d WORDs in %d files decoded", words, len(files))
}

func TestCanonical(t *testing.T) {
	for _, c := range [][2]string{
		{"fcmgt v1.4s, v2.4s, #0", "fcmgt v1.4s, v2.4s, #0.0"},
		{"fmov v1.4s, #-5.000000000000000000e-01", "fmov v1.4s, #-0.5"},
		{"mvn v1.16b, v2.16b", "not v1.16b, v2.16b"},
		{"FADD  V1.4S, v2.4s,  v3.4s", "fadd v1.4s, v2.4s, v3.4s"},
	} {
		if canonical(c[0]) != canonical(c[1]) {
			t.Errorf("canonical(%q) = %q, canonical(%q) = %q", c[0], canonical(c[0]), c[1], canonical(c[1]))
		}
	}
	if canonical("fadd v1.4s, v2.4s, v3.4s") == canonical("fadd v1.4s, v2.4s, v4.4s") {
		t.Error("canonical forgets operands")
	}
}

func TestFPImm8RoundTrips(t *testing.T) {
	for imm := uint32(0); imm < 256; imm++ {
		x := fpImm8Value(imm)
		got, ok := FPImm8(x)
		if !ok || got != imm {
			t.Errorf("FPImm8(%v) = %#x, %v; want %#x", x, got, ok, imm)
		}
	}
	if _, ok := FPImm8(0); ok {
		t.Error("0 has no 8-bit immediate")
	}
	if _, ok := FPImm8(1.0 / 3); ok {
		t.Error("1/3 has no 8-bit immediate")
	}
}
