package neon

import "fmt"

// VReg is a SIMD&FP register, V0 to V31. Go's ABI0 (the ABI of assembly
// functions) preserves none of them across a call, so a leaf kernel may
// use all 32.
type VReg uint8

// The SIMD&FP registers.
const (
	V0 VReg = iota
	V1
	V2
	V3
	V4
	V5
	V6
	V7
	V8
	V9
	V10
	V11
	V12
	V13
	V14
	V15
	V16
	V17
	V18
	V19
	V20
	V21
	V22
	V23
	V24
	V25
	V26
	V27
	V28
	V29
	V30
	V31
)

// Arrangement is the shape of a vector operand: element size and count.
type Arrangement uint8

// The arrangements, named as Go's assembler names them (V0.S4 is the Arm
// ARM's v0.4s).
const (
	B8 Arrangement = iota
	B16
	H4
	H8
	S2
	S4
	D1
	D2
)

var arrangementArm = [...]string{B8: "8b", B16: "16b", H4: "4h", H8: "8h", S2: "2s", S4: "4s", D1: "1d", D2: "2d"}
var arrangementGo = [...]string{B8: "B8", B16: "B16", H4: "H4", H8: "H8", S2: "S2", S4: "S4", D1: "D1", D2: "D2"}

// q is the Q bit: 1 for the 128-bit arrangements.
func (a Arrangement) q() uint32 {
	switch a {
	case B16, H8, S4, D2:
		return 1
	}
	return 0
}

// size is the element size field: 0 bytes, 1 halfwords, 2 words, 3 doublewords.
func (a Arrangement) size() uint32 { return uint32(a) / 2 }

// ElemBits is the element width in bits.
func (a Arrangement) ElemBits() int { return 8 << a.size() }

// Vec is a register viewed as a vector of an arrangement.
type Vec struct {
	R VReg
	A Arrangement
}

// B8 and the like view r with an arrangement: V1.S4() is v1.4s.
func (r VReg) B8() Vec  { return Vec{r, B8} }
func (r VReg) B16() Vec { return Vec{r, B16} }
func (r VReg) H4() Vec  { return Vec{r, H4} }
func (r VReg) H8() Vec  { return Vec{r, H8} }
func (r VReg) S2() Vec  { return Vec{r, S2} }
func (r VReg) S4() Vec  { return Vec{r, S4} }
func (r VReg) D1() Vec  { return Vec{r, D1} }
func (r VReg) D2() Vec  { return Vec{r, D2} }

// Arm is the operand in the Arm ARM's syntax, "v1.4s".
func (v Vec) Arm() string { return fmt.Sprintf("v%d.%s", v.R, arrangementArm[v.A]) }

// Go is the operand in Go's assembler syntax, "V1.S4".
func (v Vec) Go() string { return fmt.Sprintf("V%d.%s", v.R, arrangementGo[v.A]) }

// Lane is one element of a register: V1.S(2) is v1.s[2].
type Lane struct {
	R     VReg
	Bits  int // element width: 8, 16, 32 or 64
	Index int
}

// B, H, S and D name one element of r.
func (r VReg) B(i int) Lane { return Lane{r, 8, i} }
func (r VReg) H(i int) Lane { return Lane{r, 16, i} }
func (r VReg) S(i int) Lane { return Lane{r, 32, i} }
func (r VReg) D(i int) Lane { return Lane{r, 64, i} }

var laneLetter = map[int]string{8: "b", 16: "h", 32: "s", 64: "d"}

// Arm is the operand in the Arm ARM's syntax, "v1.s[2]".
func (l Lane) Arm() string { return fmt.Sprintf("v%d.%s[%d]", l.R, laneLetter[l.Bits], l.Index) }

// Go is the operand in Go's assembler syntax, "V1.S[2]".
func (l Lane) Go() string {
	return fmt.Sprintf("V%d.%s[%d]", l.R, map[int]string{8: "B", 16: "H", 32: "S", 64: "D"}[l.Bits], l.Index)
}

func (l Lane) check() {
	if l.Bits != 8 && l.Bits != 16 && l.Bits != 32 && l.Bits != 64 || l.Index < 0 || l.Index >= 128/l.Bits {
		panic(fmt.Sprintf("neon: bad lane %d-bit [%d]", l.Bits, l.Index))
	}
}

// Reg is a general-purpose register used as a 64-bit X register: R0 to
// R30 in Go's names.
type Reg uint8

// The general-purpose registers a kernel may use. Go reserves R18 (the
// platform register), R26 (closure context), R27 (the assembler's
// scratch, which it uses to build large constants and offsets), R28 (g),
// R29 (frame pointer) and R30 (link register); they are not declared, so
// a kernel cannot name them.
const (
	R0 Reg = iota
	R1
	R2
	R3
	R4
	R5
	R6
	R7
	R8
	R9
	R10
	R11
	R12
	R13
	R14
	R15
	R16
	R17
	_ // R18: platform register
	R19
	R20
	R21
	R22
	R23
	R24
	R25
)

// Reserved reports whether Go reserves r (see the register constants).
func (r Reg) Reserved() bool { return r == 18 || r >= 26 }

// Go is the register in Go's assembler syntax, "R3".
func (r Reg) Go() string { return fmt.Sprintf("R%d", r) }

// Arm is the register in the Arm ARM's syntax as an X register, "x3".
func (r Reg) Arm() string { return fmt.Sprintf("x%d", r) }

// W is the register in the Arm ARM's syntax as a W register, "w3".
func (r Reg) W() string { return fmt.Sprintf("w%d", r) }
