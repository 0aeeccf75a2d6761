// Package neon writes Go arm64 assembly for ssmkern's NEON kernels, the
// way Avo writes amd64: a generator builds functions with Go calls and the
// package writes the .s file and its Go declarations.
//
// Go's arm64 assembler lacks most Advanced SIMD floating-point
// instructions (vector FADD, FMUL, FRINTN, FCVTZS, FCMGT, …). This package
// encodes every instruction it offers itself (encode.go, one function per
// instruction form, from the Arm ARM's encoding diagrams) and writes
// Go's own mnemonic where Go's assembler has the instruction (VFMLA, VAND,
// VZIP1, VLD1, …), else `WORD $0x…  // fmul v0.4s, v1.4s, v2.4s`. The
// tests decode every word back with golang.org/x/arch/arm64/arm64asm and
// compare it with the comment, and assemble every native form with Go's
// assembler and compare its bytes with this package's encoding.
//
// Unlike Avo there is no register allocation: a kernel names its
// registers (V0–V31, and R0–R25 except R18). Operands are in the Arm ARM's
// order, destination first, for every instruction, native or not; the
// package reverses them for Go's syntax.
//
//	f := neon.NewFile("asm", "go run ./neongen -gen exp -out ../asm")
//	fn := f.Func("scaleNEON", "func(dst []float32, s float32)")
//	fn.Load(fn.Param("dst").Base(), neon.R0)
//	fn.Load(fn.Param("dst").Len(), neon.R1)
//	fn.LoadFloat(fn.Param("s").Value(), neon.V1)
//	fn.Label("loop")
//	fn.Emit(neon.VLD1(neon.R0, neon.V0.S4()), neon.FMULElem(neon.V0.S4(), neon.V0.S4(), neon.V1.S(0)))
//	…
//	f.WriteFiles("../asm/scale_arm64.s", "../asm/scale_arm64.go")
package neon

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"strings"
)

// BuildConstraint is the build line of every generated file: the assembly
// builds with the gc toolchain unless the purego tag asks for none.
const BuildConstraint = "gc && !purego"

// File is one generated .s file and its Go declaration file.
type File struct {
	pkg     string
	command string
	funcs   []*Func
}

// NewFile starts a file of package pkg; command is the command that
// regenerates it, for the "Code generated" header.
func NewFile(pkg, command string) *File {
	return &File{pkg: pkg, command: command}
}

// Func is one assembly function under construction.
type Func struct {
	name    string
	sig     string
	doc     []string
	args    map[string]Arg
	argSize int
	lines   []string
	labels  map[string]bool
	targets map[string]bool
}

// Func starts a function with the Go signature sig ("func(dst, src
// []float32) int"); its argument frame is laid out as Go's ABI0 lays it
// out on arm64. The function is a leaf with no frame (NOSPLIT|NOFRAME)
// and is declared //go:noescape.
func (f *File) Func(name, sig string) *Func {
	fn := &Func{name: name, sig: sig, args: map[string]Arg{}, labels: map[string]bool{}, targets: map[string]bool{}}
	fn.layout()
	f.funcs = append(f.funcs, fn)
	return fn
}

// Doc sets the function's doc comment in the Go declaration file.
func (fn *Func) Doc(lines ...string) { fn.doc = lines }

// Arg is one word of the argument frame, as `go vet` names it: dst_base,
// dst_len, x, ret, c_real.
type Arg struct {
	Name   string
	Offset int
	Size   int
	Float  bool // a float32 or float64 (or half of a complex)
}

// Addr is the argument's operand in Go's syntax: "dst_len+8(FP)".
func (a Arg) Addr() string { return fmt.Sprintf("%s+%d(FP)", a.Name, a.Offset) }

// Param is a parameter or result of the function, by name; unnamed
// results are ret, ret1, ….
type Param struct {
	fn   *Func
	name string
}

// Param returns the named parameter or result.
func (fn *Func) Param(name string) Param {
	if _, ok := fn.args[name]; !ok {
		if _, ok := fn.args[name+"_base"]; !ok {
			if _, ok := fn.args[name+"_real"]; !ok {
				panic(fmt.Sprintf("neon: %s has no parameter %s", fn.name, name))
			}
		}
	}
	return Param{fn, name}
}

func (p Param) word(suffix string) Arg {
	a, ok := p.fn.args[p.name+suffix]
	if !ok {
		panic(fmt.Sprintf("neon: %s: parameter %s has no part %q", p.fn.name, p.name, suffix))
	}
	return a
}

// Base, Len and Cap are a slice's (or string's) words; Real and Imag a
// complex number's halves; Value a scalar parameter itself.
func (p Param) Base() Arg  { return p.word("_base") }
func (p Param) Len() Arg   { return p.word("_len") }
func (p Param) Cap() Arg   { return p.word("_cap") }
func (p Param) Real() Arg  { return p.word("_real") }
func (p Param) Imag() Arg  { return p.word("_imag") }
func (p Param) Value() Arg { return p.word("") }

// arm64Sizes is how gc lays out values on arm64.
var arm64Sizes = types.SizesFor("gc", "arm64")

// layout type-checks the signature and assigns frame offsets the way
// Go's ABI0 (and go vet's asmdecl check) does: each argument at the next
// offset aligned for its type, results from the next 8-byte boundary.
func (fn *Func) layout() {
	src := "package p\nimport \"unsafe\"\nvar _ unsafe.Pointer\nfunc " + fn.name + strings.TrimPrefix(fn.sig, "func") + "\n"
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "sig.go", src, 0)
	if err != nil {
		panic(fmt.Sprintf("neon: %s: signature %q: %v", fn.name, fn.sig, err))
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}}
	conf := types.Config{Importer: unsafeOnly{}, Sizes: arm64Sizes}
	if _, err := conf.Check("p", fset, []*ast.File{file}, info); err != nil {
		panic(fmt.Sprintf("neon: %s: signature %q: %v", fn.name, fn.sig, err))
	}
	decl := file.Decls[len(file.Decls)-1].(*ast.FuncDecl)
	offset := 0
	add := func(list *ast.FieldList, result bool) {
		if list == nil {
			return
		}
		n := 0
		for _, field := range list.List {
			t := info.Types[field.Type].Type
			names := []string{}
			for _, id := range field.Names {
				names = append(names, id.Name)
			}
			if len(names) == 0 {
				name := "arg"
				if result {
					name = "ret"
				}
				if n > 0 {
					name += fmt.Sprint(n)
				}
				names = []string{name}
			}
			n += len(names)
			align, size := int(arm64Sizes.Alignof(t)), int(arm64Sizes.Sizeof(t))
			for _, name := range names {
				offset += -offset & (align - 1)
				fn.addArg(name, t, offset)
				offset += size
			}
		}
	}
	add(decl.Type.Params, false)
	if decl.Type.Results != nil && len(decl.Type.Results.List) > 0 {
		offset += -offset & 7
		add(decl.Type.Results, true)
	}
	fn.argSize = offset
}

// unsafeOnly imports the one package a kernel signature may name.
type unsafeOnly struct{}

func (unsafeOnly) Import(path string) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	return nil, fmt.Errorf("a kernel signature may use only builtin types and unsafe.Pointer, not package %q", path)
}

func (fn *Func) addArg(name string, t types.Type, off int) {
	switch u := t.Underlying().(type) {
	case *types.Slice:
		fn.args[name+"_base"] = Arg{name + "_base", off, 8, false}
		fn.args[name+"_len"] = Arg{name + "_len", off + 8, 8, false}
		fn.args[name+"_cap"] = Arg{name + "_cap", off + 16, 8, false}
	case *types.Basic:
		switch {
		case u.Kind() == types.String:
			fn.args[name+"_base"] = Arg{name + "_base", off, 8, false}
			fn.args[name+"_len"] = Arg{name + "_len", off + 8, 8, false}
		case u.Info()&types.IsComplex != 0:
			half := int(arm64Sizes.Sizeof(t)) / 2
			fn.args[name+"_real"] = Arg{name + "_real", off, half, true}
			fn.args[name+"_imag"] = Arg{name + "_imag", off + half, half, true}
		default:
			fn.args[name] = Arg{name, off, int(arm64Sizes.Sizeof(t)), u.Info()&types.IsFloat != 0}
		}
	case *types.Pointer:
		fn.args[name] = Arg{name, off, 8, false}
	default:
		panic(fmt.Sprintf("neon: %s: parameter %s of type %v is not supported", fn.name, name, t))
	}
}

// Emit appends instructions.
func (fn *Func) Emit(insts ...Inst) {
	for _, i := range insts {
		fn.lines = append(fn.lines, "\t"+i.String())
	}
}

// Comment appends a comment line.
func (fn *Func) Comment(format string, args ...any) {
	fn.lines = append(fn.lines, "\t// "+fmt.Sprintf(format, args...))
}

// Label places a label; labels are local to the function.
func (fn *Func) Label(name string) {
	if fn.labels[name] {
		panic(fmt.Sprintf("neon: %s: label %s placed twice", fn.name, name))
	}
	fn.labels[name] = true
	fn.lines = append(fn.lines, name+":")
}

// Load moves an argument word into a general register (MOVD, MOVWU,
// MOVHU or MOVBU by its size; use LoadFloat for floats).
func (fn *Func) Load(a Arg, r Reg) {
	if a.Float {
		panic(fmt.Sprintf("neon: %s: %s is a float: use LoadFloat", fn.name, a.Name))
	}
	op := map[int]string{1: "MOVBU", 2: "MOVHU", 4: "MOVWU", 8: "MOVD"}[a.Size]
	fn.Emit(Go(op, a.Addr(), r.Go()))
}

// LoadFloat moves a float argument into the low lane of v (FMOVS or FMOVD).
func (fn *Func) LoadFloat(a Arg, v VReg) {
	if !a.Float {
		panic(fmt.Sprintf("neon: %s: %s is not a float", fn.name, a.Name))
	}
	op := map[int]string{4: "FMOVS", 8: "FMOVD"}[a.Size]
	fn.Emit(Go(op, a.Addr(), fmt.Sprintf("F%d", v)))
}

// Store moves a general register into an integer result or argument word.
func (fn *Func) Store(r Reg, a Arg) {
	op := map[int]string{1: "MOVB", 2: "MOVH", 4: "MOVW", 8: "MOVD"}[a.Size]
	fn.Emit(Go(op, r.Go(), a.Addr()))
}

// Branch instructions record their targets so that Asm can check them.
func (fn *Func) branch(op, label string, operands ...string) {
	fn.targets[label] = true
	fn.Emit(Go(op, append(operands, label)...))
}

// B, BEQ, BNE, BLT, BGE, BGT, BLE, BLO and BHS branch to label
// (conditions from the last flag-setting instruction: SUBS, CMP).
func (fn *Func) B(label string)   { fn.branch("B", label) }
func (fn *Func) BEQ(label string) { fn.branch("BEQ", label) }
func (fn *Func) BNE(label string) { fn.branch("BNE", label) }
func (fn *Func) BLT(label string) { fn.branch("BLT", label) }
func (fn *Func) BGE(label string) { fn.branch("BGE", label) }
func (fn *Func) BGT(label string) { fn.branch("BGT", label) }
func (fn *Func) BLE(label string) { fn.branch("BLE", label) }
func (fn *Func) BLO(label string) { fn.branch("BLO", label) }
func (fn *Func) BHS(label string) { fn.branch("BHS", label) }

// CBZ and CBNZ branch when r is (not) zero.
func (fn *Func) CBZ(r Reg, label string)  { fn.branch("CBZ", label, r.Go()) }
func (fn *Func) CBNZ(r Reg, label string) { fn.branch("CBNZ", label, r.Go()) }

// RET returns.
func (fn *Func) RET() { fn.Emit(Go("RET")) }

// Asm is the function's assembly text.
func (fn *Func) Asm() string {
	for t := range fn.targets {
		if !fn.labels[t] {
			panic(fmt.Sprintf("neon: %s: branch to missing label %s", fn.name, t))
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "// func %s%s\n", fn.name, strings.TrimPrefix(fn.sig, "func"))
	fmt.Fprintf(&b, "TEXT ·%s(SB), NOSPLIT|NOFRAME, $0-%d\n", fn.name, fn.argSize)
	for _, l := range fn.lines {
		b.WriteString(l + "\n")
	}
	return b.String()
}

func (f *File) header() string {
	return fmt.Sprintf("// Code generated by command: %s. DO NOT EDIT.\n\n//go:build %s\n\n", f.command, BuildConstraint)
}

// Asm is the .s file.
func (f *File) Asm() []byte {
	var b bytes.Buffer
	b.WriteString(f.header())
	b.WriteString("#include \"textflag.h\"\n")
	for _, fn := range f.funcs {
		b.WriteString("\n" + fn.Asm())
	}
	return b.Bytes()
}

// Stubs is the Go declaration file.
func (f *File) Stubs() []byte {
	var b bytes.Buffer
	b.WriteString(f.header())
	fmt.Fprintf(&b, "package %s\n", f.pkg)
	for _, fn := range f.funcs {
		b.WriteString("\n")
		for _, d := range fn.doc {
			b.WriteString(strings.TrimRight("// "+d, " ") + "\n")
		}
		if len(fn.doc) > 0 {
			b.WriteString("//\n")
		}
		fmt.Fprintf(&b, "//go:noescape\nfunc %s%s\n", fn.name, strings.TrimPrefix(fn.sig, "func"))
	}
	return b.Bytes()
}

// WriteFiles writes the .s file and the Go declaration file.
func (f *File) WriteFiles(asmPath, stubsPath string) error {
	if err := os.WriteFile(asmPath, f.Asm(), 0o644); err != nil {
		return err
	}
	return os.WriteFile(stubsPath, f.Stubs(), 0o644)
}
