package neon

import (
	"fmt"
	"math"
	"strings"
)

// Inst is one encoded instruction.
//
// Word is its A64 encoding, computed here from the Arm Architecture
// Reference Manual's encoding diagrams (section C4, "A64 Instruction Set
// Encoding", and the instruction pages of C7, "A64 Advanced SIMD and
// Floating-point Instruction Descriptions"). Arm is the instruction in the
// Arm ARM's syntax, lower case, destination first. Go is the same
// instruction in Go's assembler syntax when Go's assembler has it, else
// empty: the emitter then writes `WORD $0x…  // Arm`.
type Inst struct {
	Word uint32
	Arm  string
	Go   string
}

func (i Inst) String() string {
	if i.Go != "" {
		return i.Go
	}
	return fmt.Sprintf("WORD\t$0x%08x\t// %s", i.Word, i.Arm)
}

func arm(op string, operands ...string) string {
	return op + " " + strings.Join(operands, ", ")
}

// goText writes a Go instruction: Go lists the operands source first,
// destination last, the reverse of the Arm ARM.
func goText(op string, operands ...string) string {
	return op + "\t" + strings.Join(operands, ", ")
}

func rd(v VReg) uint32 { return uint32(v) }
func rn(v VReg) uint32 { return uint32(v) << 5 }
func rm(v VReg) uint32 { return uint32(v) << 16 }

func sameArrangement(op string, vs ...Vec) {
	for _, v := range vs[1:] {
		if v.A != vs[0].A {
			panic(fmt.Sprintf("neon: %s: mixed arrangements %s and %s", op, vs[0].Arm(), v.Arm()))
		}
	}
}

func allowed(op string, v Vec, ok ...Arrangement) {
	for _, a := range ok {
		if v.A == a {
			return
		}
	}
	panic(fmt.Sprintf("neon: %s has no form with arrangement .%s", op, arrangementArm[v.A]))
}

// fpArrangement checks a floating-point vector arrangement (2S, 4S or 2D)
// and returns its Q and sz bits.
func fpArrangement(op string, v Vec) (q, sz uint32) {
	allowed(op, v, S2, S4, D2)
	if v.A == D2 {
		return 1, 1
	}
	return v.A.q(), 0
}

// Floating-point "three registers of the same type" (Arm ARM C4.1.96,
// Advanced SIMD three same):
//
//	0 Q U 01110 a sz 1 Rm opcode(5) 1 Rn Rd
//
// with a = bit 23 selecting, for instance, FSUB over FADD.
func fpThreeSame(op string, u, a, opcode uint32, d, n, m Vec) Inst {
	sameArrangement(op, d, n, m)
	q, sz := fpArrangement(op, d)
	w := q<<30 | u<<29 | 0b01110<<24 | a<<23 | sz<<22 | 1<<21 | rm(m.R) | opcode<<11 | 1<<10 | rn(n.R) | rd(d.R)
	return Inst{Word: w, Arm: arm(op, d.Arm(), n.Arm(), m.Arm())}
}

// FADD: d = n + m, lane by lane.
func FADD(d, n, m Vec) Inst { return fpThreeSame("fadd", 0, 0, 0b11010, d, n, m) }

// FSUB: d = n − m.
func FSUB(d, n, m Vec) Inst { return fpThreeSame("fsub", 0, 1, 0b11010, d, n, m) }

// FMUL: d = n·m.
func FMUL(d, n, m Vec) Inst { return fpThreeSame("fmul", 1, 0, 0b11011, d, n, m) }

// FDIV: d = n / m.
func FDIV(d, n, m Vec) Inst { return fpThreeSame("fdiv", 1, 0, 0b11111, d, n, m) }

// FMAX: d = max(n, m); NaN in either gives NaN.
func FMAX(d, n, m Vec) Inst { return fpThreeSame("fmax", 0, 0, 0b11110, d, n, m) }

// FMIN: d = min(n, m); NaN in either gives NaN.
func FMIN(d, n, m Vec) Inst { return fpThreeSame("fmin", 0, 1, 0b11110, d, n, m) }

// FMAXNM: d = max(n, m), a quiet NaN losing to a number (IEEE maxNum).
func FMAXNM(d, n, m Vec) Inst { return fpThreeSame("fmaxnm", 0, 0, 0b11000, d, n, m) }

// FMINNM: d = min(n, m), a quiet NaN losing to a number (IEEE minNum).
func FMINNM(d, n, m Vec) Inst { return fpThreeSame("fminnm", 0, 1, 0b11000, d, n, m) }

// FADDP: pairwise add of the concatenation n:m.
func FADDP(d, n, m Vec) Inst { return fpThreeSame("faddp", 1, 0, 0b11010, d, n, m) }

// FCMEQ (register): d = n == m ? all ones : 0.
func FCMEQ(d, n, m Vec) Inst { return fpThreeSame("fcmeq", 0, 0, 0b11100, d, n, m) }

// FCMGE (register): d = n >= m ? all ones : 0.
func FCMGE(d, n, m Vec) Inst { return fpThreeSame("fcmge", 1, 0, 0b11100, d, n, m) }

// FCMGT (register): d = n > m ? all ones : 0 (false when either is NaN).
func FCMGT(d, n, m Vec) Inst { return fpThreeSame("fcmgt", 1, 1, 0b11100, d, n, m) }

// FMLA (vector): d += n·m, fused (one rounding). Go's assembler has it as
// VFMLA.
func FMLA(d, n, m Vec) Inst {
	i := fpThreeSame("fmla", 0, 0, 0b11001, d, n, m)
	i.Go = goText("VFMLA", m.Go(), n.Go(), d.Go())
	return i
}

// FMLS (vector): d −= n·m, fused. Go's assembler has it as VFMLS.
func FMLS(d, n, m Vec) Inst {
	i := fpThreeSame("fmls", 0, 1, 0b11001, d, n, m)
	i.Go = goText("VFMLS", m.Go(), n.Go(), d.Go())
	return i
}

// Floating-point "two-register miscellaneous" (Arm ARM C4.1.96, Advanced
// SIMD two-register miscellaneous):
//
//	0 Q U 01110 a sz 10000 opcode(5) 10 Rn Rd
func fpTwoMisc(op string, u, a, opcode uint32, d, n Vec, zero bool) Inst {
	sameArrangement(op, d, n)
	q, sz := fpArrangement(op, d)
	w := q<<30 | u<<29 | 0b01110<<24 | a<<23 | sz<<22 | 0b10000<<17 | opcode<<12 | 0b10<<10 | rn(n.R) | rd(d.R)
	text := arm(op, d.Arm(), n.Arm())
	if zero {
		text = arm(op, d.Arm(), n.Arm(), "#0.0")
	}
	return Inst{Word: w, Arm: text}
}

// FNEG: d = −n.
func FNEG(d, n Vec) Inst { return fpTwoMisc("fneg", 1, 1, 0b01111, d, n, false) }

// FABS: d = |n|.
func FABS(d, n Vec) Inst { return fpTwoMisc("fabs", 0, 1, 0b01111, d, n, false) }

// FSQRT: d = √n.
func FSQRT(d, n Vec) Inst { return fpTwoMisc("fsqrt", 1, 1, 0b11111, d, n, false) }

// FRINTN: round to the nearest integer, ties to even.
func FRINTN(d, n Vec) Inst { return fpTwoMisc("frintn", 0, 0, 0b11000, d, n, false) }

// FRINTM: round towards −∞ (floor).
func FRINTM(d, n Vec) Inst { return fpTwoMisc("frintm", 0, 0, 0b11001, d, n, false) }

// FRINTP: round towards +∞ (ceil).
func FRINTP(d, n Vec) Inst { return fpTwoMisc("frintp", 0, 1, 0b11000, d, n, false) }

// FRINTZ: round towards zero.
func FRINTZ(d, n Vec) Inst { return fpTwoMisc("frintz", 0, 1, 0b11001, d, n, false) }

// FCVTZS (vector, integer): float to signed integer of the same width,
// rounding towards zero, saturating; NaN gives 0.
func FCVTZS(d, n Vec) Inst { return fpTwoMisc("fcvtzs", 0, 1, 0b11011, d, n, false) }

// FCVTNS (vector): float to signed integer, rounding to nearest even.
func FCVTNS(d, n Vec) Inst { return fpTwoMisc("fcvtns", 0, 0, 0b11010, d, n, false) }

// SCVTF (vector, integer): signed integer to float of the same width.
func SCVTF(d, n Vec) Inst { return fpTwoMisc("scvtf", 0, 0, 0b11101, d, n, false) }

// FCMGTZero is FCMGT (zero): d = n > 0 ? all ones : 0.
func FCMGTZero(d, n Vec) Inst { return fpTwoMisc("fcmgt", 0, 1, 0b01100, d, n, true) }

// FCMGEZero is FCMGE (zero): d = n >= 0 ? all ones : 0.
func FCMGEZero(d, n Vec) Inst { return fpTwoMisc("fcmge", 1, 1, 0b01100, d, n, true) }

// FCMEQZero is FCMEQ (zero): d = n == 0 ? all ones : 0.
func FCMEQZero(d, n Vec) Inst { return fpTwoMisc("fcmeq", 0, 1, 0b01101, d, n, true) }

// FCMLTZero is FCMLT (zero): d = n < 0 ? all ones : 0.
func FCMLTZero(d, n Vec) Inst { return fpTwoMisc("fcmlt", 0, 1, 0b01110, d, n, true) }

// FCMLEZero is FCMLE (zero): d = n <= 0 ? all ones : 0.
func FCMLEZero(d, n Vec) Inst { return fpTwoMisc("fcmle", 1, 1, 0b01101, d, n, true) }

// Bitwise operations, "three same" with the size field choosing the
// operation (Arm ARM C4.1.96):
//
//	0 Q U 01110 opc2(2) 1 Rm 00011 1 Rn Rd
func logic(op string, u, opc2 uint32, d, n, m Vec, goOp string) Inst {
	sameArrangement(op, d, n, m)
	allowed(op, d, B8, B16)
	w := d.A.q()<<30 | u<<29 | 0b01110<<24 | opc2<<22 | 1<<21 | rm(m.R) | 0b00011<<11 | 1<<10 | rn(n.R) | rd(d.R)
	i := Inst{Word: w, Arm: arm(op, d.Arm(), n.Arm(), m.Arm())}
	if goOp != "" {
		i.Go = goText(goOp, m.Go(), n.Go(), d.Go())
	}
	return i
}

// AND: d = n & m (arrangement 8B or 16B). Go: VAND.
func AND(d, n, m Vec) Inst { return logic("and", 0, 0b00, d, n, m, "VAND") }

// BIC: d = n &^ m.
func BIC(d, n, m Vec) Inst { return logic("bic", 0, 0b01, d, n, m, "") }

// ORR: d = n | m. Go: VORR. With n = m it is MOV, and the comment says so
// (MOV is the Arm ARM's preferred disassembly).
func ORR(d, n, m Vec) Inst {
	i := logic("orr", 0, 0b10, d, n, m, "VORR")
	if n.R == m.R {
		i.Arm = arm("mov", d.Arm(), n.Arm())
	}
	return i
}

// ORN: d = n | ^m.
func ORN(d, n, m Vec) Inst { return logic("orn", 0, 0b11, d, n, m, "") }

// EOR: d = n ^ m. Go: VEOR.
func EOR(d, n, m Vec) Inst { return logic("eor", 1, 0b00, d, n, m, "VEOR") }

// BSL: d = d ? n : m, bit by bit (d is the mask). Go: VBSL.
func BSL(d, n, m Vec) Inst { return logic("bsl", 1, 0b01, d, n, m, "VBSL") }

// BIT: d = m ? n : d, bit by bit (insert n where m is set). Go: VBIT.
func BIT(d, n, m Vec) Inst { return logic("bit", 1, 0b10, d, n, m, "VBIT") }

// BIF: d = m ? d : n, bit by bit (insert n where m is clear). Go: VBIF.
func BIF(d, n, m Vec) Inst { return logic("bif", 1, 0b11, d, n, m, "VBIF") }

// MOV (vector) is ORR d, n, n: a register copy. Go: VMOV.
func MOV(d, n Vec) Inst {
	sameArrangement("mov", d, n)
	i := ORR(d, n, n)
	i.Go = goText("VMOV", n.Go(), d.Go())
	return i
}

// NOT: d = ^n (two-register miscellaneous, 0 Q 1 01110 00 10000 00101 10 Rn Rd).
func NOT(d, n Vec) Inst {
	sameArrangement("not", d, n)
	allowed("not", d, B8, B16)
	w := d.A.q()<<30 | 1<<29 | 0b01110<<24 | 0b10000<<17 | 0b00101<<12 | 0b10<<10 | rn(n.R) | rd(d.R)
	return Inst{Word: w, Arm: arm("not", d.Arm(), n.Arm())}
}

// intThreeSame: integer "three same", 0 Q U 01110 size 1 Rm opcode(5) 1 Rn Rd.
func intThreeSame(op string, u, opcode uint32, d, n, m Vec, goOp string) Inst {
	sameArrangement(op, d, n, m)
	allowed(op, d, B8, B16, H4, H8, S2, S4, D2)
	w := d.A.q()<<30 | u<<29 | 0b01110<<24 | d.A.size()<<22 | 1<<21 | rm(m.R) | opcode<<11 | 1<<10 | rn(n.R) | rd(d.R)
	i := Inst{Word: w, Arm: arm(op, d.Arm(), n.Arm(), m.Arm())}
	if goOp != "" {
		i.Go = goText(goOp, m.Go(), n.Go(), d.Go())
	}
	return i
}

// ADD (vector): d = n + m, integer lanes. Go: VADD.
func ADD(d, n, m Vec) Inst { return intThreeSame("add", 0, 0b10000, d, n, m, "VADD") }

// SUB (vector): d = n − m, integer lanes. Go: VSUB.
func SUB(d, n, m Vec) Inst { return intThreeSame("sub", 1, 0b10000, d, n, m, "VSUB") }

// CMGT (register): d = n > m (signed) ? all ones : 0.
func CMGT(d, n, m Vec) Inst { return intThreeSame("cmgt", 0, 0b00110, d, n, m, "") }

// Shift by immediate (Arm ARM C4.1.96, Advanced SIMD shift by immediate):
//
//	0 Q U 011110 immh:immb(7) opcode(5) 1 Rn Rd
//
// immh:immb is esize + shift for left shifts and 2·esize − shift for right
// shifts; immh's leading one gives the element size.
func shiftImm(op string, u, opcode uint32, left bool, d, n Vec, shift int, goOp string) Inst {
	sameArrangement(op, d, n)
	allowed(op, d, B8, B16, H4, H8, S2, S4, D2)
	esize := d.A.ElemBits()
	var imm int
	if left {
		if shift < 0 || shift >= esize {
			panic(fmt.Sprintf("neon: %s: shift %d out of range 0…%d", op, shift, esize-1))
		}
		imm = esize + shift
	} else {
		if shift < 1 || shift > esize {
			panic(fmt.Sprintf("neon: %s: shift %d out of range 1…%d", op, shift, esize))
		}
		imm = 2*esize - shift
	}
	w := d.A.q()<<30 | u<<29 | 0b011110<<23 | uint32(imm)<<16 | opcode<<11 | 1<<10 | rn(n.R) | rd(d.R)
	i := Inst{Word: w, Arm: arm(op, d.Arm(), n.Arm(), fmt.Sprintf("#%d", shift))}
	if goOp != "" {
		i.Go = goText(goOp, fmt.Sprintf("$%d", shift), n.Go(), d.Go())
	}
	return i
}

// SHL (immediate): d = n << shift. Go: VSHL.
func SHL(d, n Vec, shift int) Inst { return shiftImm("shl", 0, 0b01010, true, d, n, shift, "VSHL") }

// USHR: d = n >> shift, logical. Go: VUSHR.
func USHR(d, n Vec, shift int) Inst { return shiftImm("ushr", 1, 0b00000, false, d, n, shift, "VUSHR") }

// SSHR: d = n >> shift, arithmetic (sign-filling).
func SSHR(d, n Vec, shift int) Inst { return shiftImm("sshr", 0, 0b00000, false, d, n, shift, "") }

// Permutes (Arm ARM C4.1.96, Advanced SIMD permute):
//
//	0 Q 001110 size 0 Rm 0 opcode(3) 10 Rn Rd
func permute(op string, opcode uint32, d, n, m Vec, goOp string) Inst {
	sameArrangement(op, d, n, m)
	allowed(op, d, B8, B16, H4, H8, S2, S4, D2)
	w := d.A.q()<<30 | 0b001110<<24 | d.A.size()<<22 | rm(m.R) | opcode<<12 | 0b10<<10 | rn(n.R) | rd(d.R)
	return Inst{Word: w, Arm: arm(op, d.Arm(), n.Arm(), m.Arm()), Go: goText(goOp, m.Go(), n.Go(), d.Go())}
}

// UZP1: the even-numbered elements of n:m. Go: VUZP1.
func UZP1(d, n, m Vec) Inst { return permute("uzp1", 0b001, d, n, m, "VUZP1") }

// UZP2: the odd-numbered elements of n:m. Go: VUZP2.
func UZP2(d, n, m Vec) Inst { return permute("uzp2", 0b101, d, n, m, "VUZP2") }

// TRN1: n[0], m[0], n[2], m[2], … Go: VTRN1.
func TRN1(d, n, m Vec) Inst { return permute("trn1", 0b010, d, n, m, "VTRN1") }

// TRN2: n[1], m[1], n[3], m[3], … Go: VTRN2.
func TRN2(d, n, m Vec) Inst { return permute("trn2", 0b110, d, n, m, "VTRN2") }

// ZIP1: n[0], m[0], n[1], m[1], … from the low halves. Go: VZIP1.
func ZIP1(d, n, m Vec) Inst { return permute("zip1", 0b011, d, n, m, "VZIP1") }

// ZIP2: the same from the high halves. Go: VZIP2.
func ZIP2(d, n, m Vec) Inst { return permute("zip2", 0b111, d, n, m, "VZIP2") }

// EXT: bytes index… of the concatenation m:n (n lowest), as many as d
// holds. 0 Q 101110 00 0 Rm 0 imm4 0 Rn Rd. Go: VEXT.
func EXT(d, n, m Vec, index int) Inst {
	sameArrangement("ext", d, n, m)
	allowed("ext", d, B8, B16)
	if index < 0 || index >= 8<<d.A.q() {
		panic(fmt.Sprintf("neon: ext: index %d out of range for %s", index, d.Arm()))
	}
	w := d.A.q()<<30 | 0b101110<<24 | rm(m.R) | uint32(index)<<11 | rn(n.R) | rd(d.R)
	return Inst{Word: w, Arm: arm("ext", d.Arm(), n.Arm(), m.Arm(), fmt.Sprintf("#%d", index)),
		Go: goText("VEXT", fmt.Sprintf("$%d", index), m.Go(), n.Go(), d.Go())}
}

// Floating-point "vector × element" (Arm ARM C4.1.96, Advanced SIMD vector
// x indexed element):
//
//	0 Q U 01111 1 sz L M Rm(4) opcode(4) H 0 Rn Rd
//
// For single precision the index is H:L and M:Rm names V0–V31; for double
// precision the index is H and L is 0.
func fpByElement(op string, opcode uint32, d, n Vec, m Lane) Inst {
	sameArrangement(op, d, n)
	q, sz := fpArrangement(op, d)
	m.check()
	if m.Bits != d.A.ElemBits() {
		panic(fmt.Sprintf("neon: %s: element %s does not match %s", op, m.Arm(), d.Arm()))
	}
	var h, l uint32
	if sz == 0 {
		h, l = uint32(m.Index)>>1, uint32(m.Index)&1
	} else {
		h = uint32(m.Index)
	}
	w := q<<30 | 0b01111<<24 | 1<<23 | sz<<22 | l<<21 | uint32(m.R)<<16 | opcode<<12 | h<<11 | rn(n.R) | rd(d.R)
	return Inst{Word: w, Arm: arm(op, d.Arm(), n.Arm(), m.Arm())}
}

// FMULElem is FMUL (by element): d = n·m, m one lane broadcast.
func FMULElem(d, n Vec, m Lane) Inst { return fpByElement("fmul", 0b1001, d, n, m) }

// FMLAElem is FMLA (by element): d += n·m, fused.
func FMLAElem(d, n Vec, m Lane) Inst { return fpByElement("fmla", 0b0001, d, n, m) }

// FMLSElem is FMLS (by element): d −= n·m, fused.
func FMLSElem(d, n Vec, m Lane) Inst { return fpByElement("fmls", 0b0101, d, n, m) }

// Modified immediate (Arm ARM C4.1.96, Advanced SIMD modified immediate):
//
//	0 Q op 0111100000 a b c cmode(4) o2 1 d e f g h Rd
func modImm(q, op, cmode, imm8 uint32, d VReg) uint32 {
	return q<<30 | op<<29 | 0b0111100000<<19 | (imm8>>5)<<16 | cmode<<12 | 1<<10 | (imm8&31)<<5 | rd(d)
}

// MOVI sets every lane of d to imm8 << lsl: for 8B and 16B lsl is 0, for
// 2S and 4S it is 0, 8, 16 or 24. Go's assembler has the byte form as VMOVI.
func MOVI(d Vec, imm8 uint8, lsl int) Inst {
	allowed("movi", d, B8, B16, S2, S4)
	text := arm("movi", d.Arm(), fmt.Sprintf("#0x%x", imm8))
	if d.A == B8 || d.A == B16 {
		if lsl != 0 {
			panic("neon: movi: byte lanes take no shift")
		}
		return Inst{Word: modImm(d.A.q(), 0, 0b1110, uint32(imm8), d.R), Arm: text,
			Go: goText("VMOVI", fmt.Sprintf("$%d", imm8), d.Go())}
	}
	if lsl%8 != 0 || lsl < 0 || lsl > 24 {
		panic(fmt.Sprintf("neon: movi: shift %d is not 0, 8, 16 or 24", lsl))
	}
	if lsl != 0 {
		text += fmt.Sprintf(", lsl #%d", lsl)
	}
	return Inst{Word: modImm(d.A.q(), 0, uint32(lsl/8)<<1, uint32(imm8), d.R), Arm: text}
}

// FMOVImm sets every lane of d (2S, 4S or 2D) to x, which must be ±n/16·2^r
// with 16 ≤ n ≤ 31 and −3 ≤ r ≤ 4 (the floats an 8-bit immediate holds:
// 0.5, 1, 2, 10, 0.125, …; not 0).
func FMOVImm(d Vec, x float64) Inst {
	q, sz := fpArrangement("fmov", d)
	imm8, ok := FPImm8(x)
	if !ok {
		panic(fmt.Sprintf("neon: fmov: %v is not an 8-bit floating-point immediate", x))
	}
	return Inst{Word: modImm(q, sz, 0b1111, imm8, d.R), Arm: arm("fmov", d.Arm(), "#"+formatFloat(x))}
}

// FPImm8 returns the 8-bit floating-point immediate abcdefgh encoding x
// (VFPExpandImm's inverse: sign a, exponent NOT(b):c:d − 3 biased, mantissa
// efgh/16), and whether x has one.
func FPImm8(x float64) (uint32, bool) {
	for imm := uint32(0); imm < 256; imm++ {
		if fpImm8Value(imm) == x {
			return imm, true
		}
	}
	return 0, false
}

// fpImm8Value is the value of imm8: (−1)^a · 2^(exp) · (16+efgh)/16 with
// exp = bcd read as a signed 3-bit offset from 1 (b set means negative).
func fpImm8Value(imm uint32) float64 {
	sign := 1.0
	if imm&0x80 != 0 {
		sign = -1
	}
	b, cd := (imm>>6)&1, int((imm>>4)&3)
	exp := cd + 1 // b = 0: 2^1 … 2^4
	if b == 1 {
		exp = cd - 3 // b = 1: 2^−3 … 2^0
	}
	return sign * math.Ldexp(float64(16+imm&15)/16, exp)
}

func formatFloat(x float64) string {
	s := fmt.Sprintf("%g", x)
	if !strings.ContainsAny(s, ".e") {
		s += ".0"
	}
	return s
}

// DUP (general) sets every lane of d to the low bits of r. Go: VDUP.
func DUP(d Vec, r Reg) Inst {
	allowed("dup", d, B8, B16, H4, H8, S2, S4, D2)
	imm5 := uint32(1) << d.A.size()
	w := d.A.q()<<30 | 0b001110000<<21 | imm5<<16 | 0b000011<<10 | uint32(r)<<5 | rd(d.R)
	src := r.W()
	if d.A == D2 {
		src = r.Arm()
	}
	return Inst{Word: w, Arm: arm("dup", d.Arm(), src), Go: goText("VDUP", r.Go(), d.Go())}
}

// DUPElem is DUP (element): every lane of d = lane m. Go: VDUP.
func DUPElem(d Vec, m Lane) Inst {
	allowed("dup", d, B8, B16, H4, H8, S2, S4, D2)
	m.check()
	if m.Bits != d.A.ElemBits() {
		panic(fmt.Sprintf("neon: dup: element %s does not match %s", m.Arm(), d.Arm()))
	}
	size := d.A.size()
	imm5 := (uint32(m.Index)<<1 | 1) << size
	w := d.A.q()<<30 | 0b001110000<<21 | imm5<<16 | 0b000001<<10 | rn(m.R) | rd(d.R)
	return Inst{Word: w, Arm: arm("dup", d.Arm(), m.Arm()), Go: goText("VDUP", m.Go(), d.Go())}
}

// fcvtn is FCVTN and FCVTN2 with sz = 1 (double to single precision),
// "two-register miscellaneous" (Arm ARM C7.2.78):
//
//	0 Q 0 01110 0 1 10000 10110 10 Rn Rd
//
// Q = 0 writes the low half of d and clears the high half; Q = 1 (FCVTN2)
// writes the high half and keeps the low one.
func fcvtn(op string, q uint32, d, n Vec, want Arrangement) Inst {
	allowed(op, d, want)
	allowed(op, n, D2)
	w := q<<30 | 0b01110<<24 | 1<<22 | 0b10000<<17 | 0b10110<<12 | 0b10<<10 | rn(n.R) | rd(d.R)
	return Inst{Word: w, Arm: arm(op, d.Arm(), n.Arm())}
}

// FCVTN narrows the two float64 lanes of n (2D) to float32 in the low half
// of d (2S), rounding by the current mode (to nearest even, as Go's
// float32(x)); the high half of d is cleared.
func FCVTN(d, n Vec) Inst { return fcvtn("fcvtn", 0, d, n, S2) }

// FCVTN2 narrows the two float64 lanes of n into the high half of d (4S),
// keeping d's low half: after FCVTN, four float64 become one 4S vector.
func FCVTN2(d, n Vec) Inst { return fcvtn("fcvtn2", 1, d, n, S4) }

// REV64 reverses the order of the elements within each 64-bit doubleword
// of n (arrangements 8B … 4S): for 4S, lanes 0, 1, 2, 3 become 1, 0, 3, 2.
// Two-register miscellaneous, 0 Q 0 01110 size 10000 00000 10 Rn Rd. Go:
// VREV64.
func REV64(d, n Vec) Inst {
	sameArrangement("rev64", d, n)
	allowed("rev64", d, B8, B16, H4, H8, S2, S4)
	w := d.A.q()<<30 | 0b01110<<24 | d.A.size()<<22 | 0b10000<<17 | 0b10<<10 | rn(n.R) | rd(d.R)
	return Inst{Word: w, Arm: arm("rev64", d.Arm(), n.Arm()), Go: goText("VREV64", n.Go(), d.Go())}
}
