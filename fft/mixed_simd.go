//go:build gc && !purego && (amd64 || arm64)

package fft

import (
	"github.com/ssmkern/ssmkern/asm"
	"github.com/ssmkern/ssmkern/generic"
)

// mixed32 is Plan32's plan of a length useMixed takes at one level: the
// Stockham stages of mixedRadices(n), prepared once as asm.FFTMixedSteps
// (the kernel FFTMixedStage would pick for each) and run by one
// asm.FFTMixedRun call, ping-ponging between dst and a work buffer so
// that the last writes dst; the inverse's 1/n rides on the first stage (ls = 1) as its input
// scale. The stages' twiddles ω_L^{q·j} are package generic's roots of n
// (generic.Roots: cos and sin of the exact angle, in float64), rounded
// once into each stage's table in the level's layout
// (asm.FFTMixedTwiddles).
type mixed32 struct {
	n      int
	level  asm.Level
	stages []mixedStage
	steps  []asm.FFTMixedStep // the stages prepared for asm.FFTMixedRun
	tw     []float32          // the stages' tables back to back
	invN   float32            // 1/n rounded once from float64: the inverse's first-stage scale
}

// mixed64 is mixed32 for Plan64 (asm.FFT64MixedStep, FFT64MixedRun,
// float64 tables).
type mixed64 struct {
	n      int
	level  asm.Level
	stages []mixedStage
	steps  []asm.FFT64MixedStep
	tw     []float64
	invN   float64
}

// mixedStage is one radix-p stage: sub-transforms of length ls in, r =
// n/(p·ls) of them written, its table at tw[off : off+len].
type mixedStage struct {
	p, ls, r int
	off, len int
}

// mixedStages returns the stages of n at level l with their table
// offsets, and the tables' total length; nil when n is not a length for
// them or the level lacks the kernel of one stage (supported and twLen
// are asm's FFTMixed… or FFT64Mixed… functions).
func mixedStages(n int, l asm.Level, supported func(l asm.Level, p, ls, r int) bool, twLen func(l asm.Level, p, ls, r int) int) ([]mixedStage, int) {
	if !useMixed(n) {
		return nil, 0
	}
	// Radix 8 where the level has it for every stage, else 2, 3, 4, 5.
	for _, eights := range []bool{true, false} {
		if stages, total := stagesOf(n, mixedRadices(n, eights), l, supported, twLen); stages != nil {
			return stages, total
		}
	}
	return nil, 0
}

// stagesOf lays out the stages of the radices, or returns nil when the
// level lacks the kernel of one of them.
func stagesOf(n int, radices []int, l asm.Level, supported func(l asm.Level, p, ls, r int) bool, twLen func(l asm.Level, p, ls, r int) int) ([]mixedStage, int) {
	stages := make([]mixedStage, len(radices))
	ls, total := 1, 0
	for i, p := range radices {
		r := n / (p * ls)
		if !supported(l, p, ls, r) {
			return nil, 0
		}
		k := twLen(l, p, ls, r)
		stages[i] = mixedStage{p: p, ls: ls, r: r, off: total, len: k}
		total += k
		ls *= p
	}
	return stages, total
}

// twiddle returns the stage's w(q, j) = ω_L^{q·j} (L = p·ls) of the
// forward transform, root q·j·r of n.
func (st *mixedStage) twiddle(roots *generic.Roots) func(q, j int) complex128 {
	return func(q, j int) complex128 { return roots.Root(q * j * st.r) }
}

// newMixed32 returns the mixed-radix plan of n at level l, or nil where
// useMixed(n) is false or l lacks a stage's kernel.
func newMixed32(n int, l asm.Level) *mixed32 {
	stages, total := mixedStages(n, l, asm.FFTMixedSupported, asm.FFTMixedTwiddleLen)
	if stages == nil {
		return nil
	}
	m := &mixed32{n: n, level: l, stages: stages, tw: make([]float32, total), invN: float32(1 / float64(n))}
	m.steps = make([]asm.FFTMixedStep, len(stages))
	roots := generic.NewRoots(n)
	for i := range stages {
		st := &stages[i]
		asm.FFTMixedTwiddles(l, st.p, st.ls, st.r, st.twiddle(roots), m.tw[st.off:st.off+st.len])
		var ok bool
		if m.steps[i], ok = asm.NewFFTMixedStep(l, st.p, st.ls, st.r); !ok || m.steps[i].TwiddleLen() != st.len {
			panic("fft: asm.NewFFTMixedStep rejected a supported stage")
		}
	}
	return m
}

// newMixed64 is newMixed32 for Plan64.
func newMixed64(n int, l asm.Level) *mixed64 {
	stages, total := mixedStages(n, l, asm.FFT64MixedSupported, asm.FFT64MixedTwiddleLen)
	if stages == nil {
		return nil
	}
	m := &mixed64{n: n, level: l, stages: stages, tw: make([]float64, total), invN: 1 / float64(n)}
	m.steps = make([]asm.FFT64MixedStep, len(stages))
	roots := generic.NewRoots(n)
	for i := range stages {
		st := &stages[i]
		asm.FFT64MixedTwiddles(l, st.p, st.ls, st.r, st.twiddle(roots), m.tw[st.off:st.off+st.len])
		var ok bool
		if m.steps[i], ok = asm.NewFFT64MixedStep(l, st.p, st.ls, st.r); !ok || m.steps[i].TwiddleLen() != st.len {
			panic("fft: asm.NewFFT64MixedStep rejected a supported stage")
		}
	}
	return m
}

// mixed32At reports whether Plan32 of length n runs the mixed-radix
// stages at level l.
func mixed32At(n int, l asm.Level) bool {
	st, _ := mixedStages(n, l, asm.FFTMixedSupported, asm.FFTMixedTwiddleLen)
	return st != nil
}

// mixed64At is mixed32At for Plan64.
func mixed64At(n int, l asm.Level) bool {
	st, _ := mixedStages(n, l, asm.FFT64MixedSupported, asm.FFT64MixedTwiddleLen)
	return st != nil
}

// runMixed32 runs m's stages from src into dst (dst may be src) through
// work (n values, sharing no memory with either), the inverse with its
// 1/n on the first stage's inputs: one asm.FFTMixedRun call over the
// steps prepared with the plan, where a loop of asm.FFTMixedStage calls
// had redone each stage's checks and kernel choice per call.
func runMixed32(m *mixed32, dst, src, work []complex64, inverse bool) {
	s := float32(1)
	if inverse {
		s = m.invN
	}
	asm.FFTMixedRun(m.steps, dst, src, work, m.tw, s, inverse)
}

// runMixed64 is runMixed32 for complex128.
func runMixed64(m *mixed64, dst, src, work []complex128, inverse bool) {
	s := 1.0
	if inverse {
		s = m.invN
	}
	asm.FFT64MixedRun(m.steps, dst, src, work, m.tw, s, inverse)
}

// transform32Mixed runs a Plan32 transform on the mixed-radix plan of
// level l, if it has one (else it reports false), with the plan's own
// work buffer when no other call holds it, else one from the pool (as
// transform64Three: the pool's Get and Put cost 12–14 ns a call, a
// tenth of a short transform).
func transform32Mixed(l asm.Level, p *Plan32, dst, src []complex64, inverse bool) bool {
	m := p.directMixed
	if l != p.directLevel {
		m = p.mixed(l)
	}
	if m == nil {
		return false
	}
	if p.own != nil && takeOwn(&p.busy) {
		runMixed32(m, dst, src, p.own, inverse)
		releaseOwn(&p.busy)
		return true
	}
	s := p.pool.Get().(*scratch)
	runMixed32(m, dst, src, s.complex64s(m.n), inverse)
	p.pool.Put(s)
	return true
}

// transform64Mixed is transform32Mixed for Plan64.
func transform64Mixed(l asm.Level, p *Plan64, dst, src []complex128, inverse bool) bool {
	m := p.directMixed
	if l != p.directLevel {
		m = p.mixed(l)
	}
	if m == nil {
		return false
	}
	if p.own != nil && takeOwn(&p.busy) {
		runMixed64(m, dst, src, p.own, inverse)
		releaseOwn(&p.busy)
		return true
	}
	s := p.pool.Get().(*scratch)
	runMixed64(m, dst, src, s.complex128s(m.n), inverse)
	p.pool.Put(s)
	return true
}
