package neon

import (
	"fmt"
	"strings"
)

// Instructions of Go's assembler that this package does not encode itself:
// general-register arithmetic, constants, and the vector loads and stores.
// Their Inst has only Go text. Operands are destination first, as
// everywhere in this package.

// Go is an instruction of Go's assembler written as given, operands in
// Go's order (source first): the escape hatch for anything not below.
func Go(op string, operands ...string) Inst {
	if len(operands) == 0 {
		return Inst{Go: op}
	}
	return Inst{Go: goText(op, operands...)}
}

func imm(x int64) string { return fmt.Sprintf("$%d", x) }

// MOVD sets d = n.
func MOVD(d, n Reg) Inst { return Go("MOVD", n.Go(), d.Go()) }

// MOVDImm sets d to a 64-bit constant (the assembler picks MOVZ/MOVK or
// a literal).
func MOVDImm(d Reg, x int64) Inst { return Go("MOVD", imm(x), d.Go()) }

// MOVWImm sets the low 32 bits of d to x and clears the rest.
func MOVWImm(d Reg, x uint32) Inst { return Go("MOVW", fmt.Sprintf("$0x%08x", x), d.Go()) }

// ADDImm sets d = n + x.
func ADDImm(d, n Reg, x int64) Inst { return Go("ADD", imm(x), n.Go(), d.Go()) }

// SUBImm sets d = n − x.
func SUBImm(d, n Reg, x int64) Inst { return Go("SUB", imm(x), n.Go(), d.Go()) }

// SUBSImm sets d = n − x and the flags.
func SUBSImm(d, n Reg, x int64) Inst { return Go("SUBS", imm(x), n.Go(), d.Go()) }

// CMPImm sets the flags from n − x.
func CMPImm(n Reg, x int64) Inst { return Go("CMP", imm(x), n.Go()) }

// ANDImm sets d = n & x (x a bitmask immediate).
func ANDImm(d, n Reg, x int64) Inst { return Go("AND", imm(x), n.Go(), d.Go()) }

// LSRImm sets d = n >> x (logical); LSLImm d = n << x.
func LSRImm(d, n Reg, x int) Inst { return Go("LSR", imm(int64(x)), n.Go(), d.Go()) }
func LSLImm(d, n Reg, x int) Inst { return Go("LSL", imm(int64(x)), n.Go(), d.Go()) }

// DupConst32 sets every 32-bit lane of d to the bit pattern bits, through
// the general register scratch: MOVW then DUP.
func DupConst32(d Vec, bits uint32, scratch Reg) []Inst {
	if d.A != S2 && d.A != S4 {
		panic("neon: DupConst32 needs a 2S or 4S destination")
	}
	return []Inst{MOVWImm(scratch, bits), DUP(d, scratch)}
}

func list(regs []Vec) (string, int) {
	if len(regs) == 0 || len(regs) > 4 {
		panic("neon: a load or store takes one to four registers")
	}
	names := make([]string, len(regs))
	for i, v := range regs {
		if v.A != regs[0].A || (i > 0 && v.R != (regs[i-1].R+1)%32) {
			panic("neon: a load or store list is consecutive registers of one arrangement")
		}
		names[i] = v.Go()
	}
	return "[" + strings.Join(names, ", ") + "]", len(regs) * (8 << regs[0].A.q())
}

// VLD1 loads consecutive registers from (base): LD1 {v…}, [base].
func VLD1(base Reg, regs ...Vec) Inst {
	l, _ := list(regs)
	return Go("VLD1", "("+base.Go()+")", l)
}

// VLD1P is VLD1 with base advanced past the loaded bytes (post-index).
func VLD1P(base Reg, regs ...Vec) Inst {
	l, n := list(regs)
	return Go("VLD1.P", fmt.Sprintf("%d(%s)", n, base.Go()), l)
}

// VST1 stores consecutive registers to (base): ST1 {v…}, [base].
func VST1(base Reg, regs ...Vec) Inst {
	l, _ := list(regs)
	return Go("VST1", l, "("+base.Go()+")")
}

// VST1P is VST1 with base advanced past the stored bytes (post-index).
func VST1P(base Reg, regs ...Vec) Inst {
	l, n := list(regs)
	return Go("VST1.P", l, fmt.Sprintf("%d(%s)", n, base.Go()))
}

// VLD1LaneP loads one element into lane l from (base) and advances base
// by the element's size; the other lanes keep their values.
func VLD1LaneP(base Reg, l Lane) Inst {
	l.check()
	return Go("VLD1.P", fmt.Sprintf("%d(%s)", l.Bits/8, base.Go()), l.Go())
}

// VST1LaneP stores lane l to (base) and advances base by its size.
func VST1LaneP(base Reg, l Lane) Inst {
	l.check()
	return Go("VST1.P", l.Go(), fmt.Sprintf("%d(%s)", l.Bits/8, base.Go()))
}

// VLD2P loads pairs from (base), de-interleaving them: the even elements
// into the first register, the odd into the second (LD2, post-index): a
// complex64 vector's real and imaginary parts.
func VLD2P(base Reg, first, second Vec) Inst {
	l, n := list([]Vec{first, second})
	return Go("VLD2.P", fmt.Sprintf("%d(%s)", n, base.Go()), l)
}

// VST2P stores two registers interleaved (ST2, post-index): VLD2P's inverse.
func VST2P(base Reg, first, second Vec) Inst {
	l, n := list([]Vec{first, second})
	return Go("VST2.P", l, fmt.Sprintf("%d(%s)", n, base.Go()))
}

// ADDReg sets d = n + m (general registers).
func ADDReg(d, n, m Reg) Inst { return Go("ADD", m.Go(), n.Go(), d.Go()) }

// VLD1R loads one element from (base) into every lane of v: LD1R.
func VLD1R(base Reg, v Vec) Inst {
	l, _ := list([]Vec{v})
	return Go("VLD1R", "("+base.Go()+")", l)
}

// VLD1RP is VLD1R with base advanced by the element size (post-index).
func VLD1RP(base Reg, v Vec) Inst {
	l, _ := list([]Vec{v})
	return Go("VLD1R.P", fmt.Sprintf("%d(%s)", v.A.ElemBits()/8, base.Go()), l)
}

// VLD1RPReg is VLD1R with base advanced by the register inc afterwards:
// a strided broadcast.
func VLD1RPReg(base, inc Reg, v Vec) Inst {
	l, _ := list([]Vec{v})
	return Go("VLD1R.P", "("+base.Go()+")("+inc.Go()+")", l)
}

// VLD1Lane loads one element into lane l from (base); the other lanes
// keep their values.
func VLD1Lane(base Reg, l Lane) Inst {
	l.check()
	return Go("VLD1", "("+base.Go()+")", l.Go())
}

// VST1Lane stores lane l to (base).
func VST1Lane(base Reg, l Lane) Inst {
	l.check()
	return Go("VST1", l.Go(), "("+base.Go()+")")
}

// LDRS loads the float32 at (base) into lane 0 of v and clears the rest
// (LDR St); LDRD loads 64 bits into the low half (LDR Dt).
func LDRS(v VReg, base Reg) Inst { return Go("FMOVS", "("+base.Go()+")", fmt.Sprintf("F%d", v)) }
func LDRD(v VReg, base Reg) Inst { return Go("FMOVD", "("+base.Go()+")", fmt.Sprintf("F%d", v)) }

// STRS stores lane 0 of v at (base) (STR St); STRD the low 64 bits (STR Dt).
func STRS(v VReg, base Reg) Inst { return Go("FMOVS", fmt.Sprintf("F%d", v), "("+base.Go()+")") }
func STRD(v VReg, base Reg) Inst { return Go("FMOVD", fmt.Sprintf("F%d", v), "("+base.Go()+")") }

// VLD1PReg is VLD1 with base advanced by the register inc afterwards: a
// strided load.
func VLD1PReg(base, inc Reg, regs ...Vec) Inst {
	l, _ := list(regs)
	return Go("VLD1.P", "("+base.Go()+")("+inc.Go()+")", l)
}

// LDRDP loads 64 bits into the low half of v from (base), clearing the
// rest, and advances base by 8 (LDR Dt, post-index).
func LDRDP(v VReg, base Reg) Inst {
	return Go("FMOVD.P", fmt.Sprintf("8(%s)", base.Go()), fmt.Sprintf("F%d", v))
}

// LDRSP is LDRDP for 32 bits: lane 0 of v, base advanced by 4.
func LDRSP(v VReg, base Reg) Inst {
	return Go("FMOVS.P", fmt.Sprintf("4(%s)", base.Go()), fmt.Sprintf("F%d", v))
}

// VLD4P loads four registers from (base), de-interleaving by four: element
// i of register t is element 4i+t of memory (LD4, post-index). With the 2D
// arrangement an element is one complex64, so four radix-4 inputs q = 0 … 3
// of two consecutive j land in one register each.
func VLD4P(base Reg, first, second, third, fourth Vec) Inst {
	l, n := list([]Vec{first, second, third, fourth})
	return Go("VLD4.P", fmt.Sprintf("%d(%s)", n, base.Go()), l)
}

// VLD2PReg is VLD2P with base advanced by the register inc afterwards: a
// strided de-interleaving load (a matrix column block, row by row).
func VLD2PReg(base, inc Reg, first, second Vec) Inst {
	l, _ := list([]Vec{first, second})
	return Go("VLD2.P", "("+base.Go()+")("+inc.Go()+")", l)
}

// INSGen copies the general register r into lane l (INS, general; Go:
// VMOV R, V.S[i]); the other lanes keep their values. Lane by lane it
// builds a vector of distinct constants for the by-element multiplies.
func INSGen(l Lane, r Reg) Inst {
	l.check()
	if l.Bits != 32 && l.Bits != 64 {
		panic("neon: INSGen takes a 32- or 64-bit lane")
	}
	return Go("VMOV", r.Go(), l.Go())
}

// VLD3P loads three registers from (base), de-interleaving by three:
// element i of register t is element 3i+t of memory (LD3, post-index).
// With the 2D arrangement an element is one complex64.
func VLD3P(base Reg, first, second, third Vec) Inst {
	l, n := list([]Vec{first, second, third})
	return Go("VLD3.P", fmt.Sprintf("%d(%s)", n, base.Go()), l)
}

// SUBReg sets d = n − m (general registers).
func SUBReg(d, n, m Reg) Inst { return Go("SUB", m.Go(), n.Go(), d.Go()) }

// VLD1LanePReg loads one element into lane l from (base) and advances
// base by the register inc: a strided gather, one lane at a time.
func VLD1LanePReg(base, inc Reg, l Lane) Inst {
	l.check()
	return Go("VLD1.P", "("+base.Go()+")("+inc.Go()+")", l.Go())
}

// VST1LanePReg stores lane l to (base) and advances base by the register
// inc: a strided scatter, one lane at a time.
func VST1LanePReg(base, inc Reg, l Lane) Inst {
	l.check()
	return Go("VST1.P", l.Go(), "("+base.Go()+")("+inc.Go()+")")
}
