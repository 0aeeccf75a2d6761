// Package asm holds the generated assembly kernels of ssmkern, their Go
// declarations, and the detection and selection of the instruction-set level
// they run at.
//
// Every kernel here has a plain-Go twin in package generic with the same
// meaning; the public packages (scan, fft, kernelgen) validate their
// arguments and then dispatch once, per call, on Current().
//
// Levels, lowest first: Generic, then AVX2 (AVX2 together with FMA) and
// AVX512 (F, VL, DQ and BW) on amd64, or NEON on arm64. Detection reads
// golang.org/x/sys/cpu, so GODEBUG=cpu.avx512f=off and the like lower the
// level; the environment variable SSMKERN_ISA=generic|avx2|avx512|neon caps
// it further (it never raises the level past what the CPU has). Building
// with the purego tag removes all assembly: Generic is then the only level.
//
//	fmt.Println(asm.Current(), asm.Levels()) // e.g. "avx512 [generic avx2 avx512]"
package asm

import (
	"fmt"
	"os"
	"strings"
	"sync/atomic"
)

// Level is an instruction-set level that kernels can be run at.
type Level int32

const (
	Generic Level = iota // plain Go: the reference and the fallback
	AVX2                 // amd64 AVX2 with FMA3
	AVX512               // amd64 AVX-512 F, VL, DQ and BW
	NEON                 // arm64 Advanced SIMD
)

var levelNames = [...]string{Generic: "generic", AVX2: "avx2", AVX512: "avx512", NEON: "neon"}

// String returns the level's name as SSMKERN_ISA spells it.
func (l Level) String() string {
	if l >= 0 && int(l) < len(levelNames) {
		return levelNames[l]
	}
	return fmt.Sprintf("Level(%d)", int32(l))
}

// ParseLevel returns the level named s (case-insensitive), as SSMKERN_ISA
// spells it.
func ParseLevel(s string) (Level, error) {
	for l, name := range levelNames {
		if strings.EqualFold(strings.TrimSpace(s), name) {
			return Level(l), nil
		}
	}
	return Generic, fmt.Errorf("asm: unknown ISA level %q (want one of %s)", s, strings.Join(levelNames[:], ", "))
}

// levels is every level this build can run on this CPU, lowest first.
// It is fixed at start-up.
var levels = supportedLevels()

// current is the level in use; tests and benchmarks may change it with
// SetLevel.
var current atomic.Int32

// capLevel is the level after SSMKERN_ISA is applied, before any SetLevel.
var capLevel Level

// capError records a malformed SSMKERN_ISA so that reports can show it;
// the level then stays at the highest the CPU supports.
var capError error

func init() {
	capLevel, capError = levelFromEnv(os.Getenv("SSMKERN_ISA"))
	current.Store(int32(capLevel))
}

// levelFromEnv is the start-up level for SSMKERN_ISA = s: the highest
// supported level, capped by s when s names a level.
func levelFromEnv(s string) (Level, error) {
	highest := levels[len(levels)-1]
	if s == "" {
		return highest, nil
	}
	want, err := ParseLevel(s)
	if err != nil {
		return highest, fmt.Errorf("SSMKERN_ISA ignored: %w", err)
	}
	return highestAtMost(want), nil
}

// highestAtMost is the highest supported level not above want.
func highestAtMost(want Level) Level {
	best := Generic
	for _, l := range levels {
		if l <= want {
			best = l
		}
	}
	return best
}

// Levels returns every level this build supports on this CPU, lowest first.
// Generic is always first. SSMKERN_ISA does not shorten the list: it only
// chooses which of them Current returns.
func Levels() []Level {
	return append([]Level(nil), levels...)
}

// Supported reports whether l is in Levels().
func Supported(l Level) bool {
	for _, s := range levels {
		if s == l {
			return true
		}
	}
	return false
}

// Current returns the level the public calls dispatch on.
func Current() Level {
	return Level(current.Load())
}

// Default returns the level chosen at start-up: the highest the CPU
// supports, capped by SSMKERN_ISA.
func Default() Level {
	return capLevel
}

// EnvError returns the problem with SSMKERN_ISA, or nil when it is unset or
// valid.
func EnvError() error {
	return capError
}

// SetLevel makes l the level the public calls dispatch on and returns the
// previous one. It is meant for tests and benchmarks that compare levels in
// one process: calls already under way finish at the level they started
// with. It refuses a level the CPU or build does not support.
func SetLevel(l Level) (previous Level, err error) {
	if !Supported(l) {
		return Current(), fmt.Errorf("asm: level %v is not supported here (supported: %v)", l, levels)
	}
	return Level(current.Swap(int32(l))), nil
}

func envISA() string { return os.Getenv("SSMKERN_ISA") }
