//go:build gc && !purego

package asm

// The kernels of the prepared steps (fftmixrun.go) by number, and
// FFTMixedRun, which calls each by a switch on its number: a direct call
// of the assembly function, where a func value goes through an ABI
// wrapper (perf: the wrappers were 5% of complex64 n = 60 at AVX-512).
// MixedVsFFTW, AVX-512, best of 5 interleaved rounds, ours-ns, func
// values → switch: c64 60 48.7 → 47.2, 120 75.6 → 75.9; c128 60 60.1 →
// 58.6, 120 103.9 → 102.6; r32 60 68.2 → 67.2, 120 81.0 → 79.2; r64 60
// 66.1 → 64.8, 120 93.5 → 92.5. This is amd64's one list of the
// mixed-radix kernels: fftMixedPrepare picks from the tables mixNIDs,
// mixGroupIDs, mixWideIDs, mix64NIDs and mix64WideIDs (0 is none) for the
// prepared steps and for FFTMixedStage alike, which runs its stage as a
// chain of one. A kernel added to avogen needs its number, its table
// entry and its case here (fftmix_test.go and fftmixn_test.go check every
// form of FFTMixedStage against MixedStageGo; fftmixrun_test.go, chains
// of steps against stage-by-stage calls).

const (
	mixKNone = iota
	mixK_fftMixN2AVX2Fwd
	mixK_fftMixN3AVX2Fwd
	mixK_fftMixN4AVX2Fwd
	mixK_fftMixN5AVX2Fwd
	mixK_fftMixN8AVX2Fwd
	mixK_fftMixN2AVX2Inv
	mixK_fftMixN3AVX2Inv
	mixK_fftMixN4AVX2Inv
	mixK_fftMixN5AVX2Inv
	mixK_fftMixN8AVX2Inv
	mixK_fftMixN2AVX512Fwd
	mixK_fftMixN3AVX512Fwd
	mixK_fftMixN4AVX512Fwd
	mixK_fftMixN5AVX512Fwd
	mixK_fftMixN8AVX512Fwd
	mixK_fftMixN2AVX512Inv
	mixK_fftMixN3AVX512Inv
	mixK_fftMixN4AVX512Inv
	mixK_fftMixN5AVX512Inv
	mixK_fftMixN8AVX512Inv
	mixK_fftMixN2cAVX2Fwd
	mixK_fftMixN3cAVX2Fwd
	mixK_fftMixN4cAVX2Fwd
	mixK_fftMixN5cAVX2Fwd
	mixK_fftMixN8cAVX2Fwd
	mixK_fftMixN2cAVX2Inv
	mixK_fftMixN3cAVX2Inv
	mixK_fftMixN4cAVX2Inv
	mixK_fftMixN5cAVX2Inv
	mixK_fftMixN8cAVX2Inv
	mixK_fftMixN2cAVX512Fwd
	mixK_fftMixN3cAVX512Fwd
	mixK_fftMixN4cAVX512Fwd
	mixK_fftMixN5cAVX512Fwd
	mixK_fftMixN8cAVX512Fwd
	mixK_fftMixN2cAVX512Inv
	mixK_fftMixN3cAVX512Inv
	mixK_fftMixN4cAVX512Inv
	mixK_fftMixN5cAVX512Inv
	mixK_fftMixN8cAVX512Inv
	mixK_fftMixGroup2R2AVX2Fwd
	mixK_fftMixGroup3R2AVX2Fwd
	mixK_fftMixGroup4R2AVX2Fwd
	mixK_fftMixGroup5R2AVX2Fwd
	mixK_fftMixGroup8R2AVX2Fwd
	mixK_fftMixGroup2R2AVX2Inv
	mixK_fftMixGroup3R2AVX2Inv
	mixK_fftMixGroup4R2AVX2Inv
	mixK_fftMixGroup5R2AVX2Inv
	mixK_fftMixGroup8R2AVX2Inv
	mixK_fftMixGroup2R2AVX512Fwd
	mixK_fftMixGroup3R2AVX512Fwd
	mixK_fftMixGroup4R2AVX512Fwd
	mixK_fftMixGroup5R2AVX512Fwd
	mixK_fftMixGroup8R2AVX512Fwd
	mixK_fftMixGroup2R2AVX512Inv
	mixK_fftMixGroup3R2AVX512Inv
	mixK_fftMixGroup4R2AVX512Inv
	mixK_fftMixGroup5R2AVX512Inv
	mixK_fftMixGroup8R2AVX512Inv
	mixK_fftMixWide2AVX2Fwd
	mixK_fftMixWide3AVX2Fwd
	mixK_fftMixWide4AVX2Fwd
	mixK_fftMixWide5AVX2Fwd
	mixK_fftMixWide8AVX2Fwd
	mixK_fftMixWide2AVX2Inv
	mixK_fftMixWide3AVX2Inv
	mixK_fftMixWide4AVX2Inv
	mixK_fftMixWide5AVX2Inv
	mixK_fftMixWide8AVX2Inv
	mixK_fftMixWide2AVX512Fwd
	mixK_fftMixWide3AVX512Fwd
	mixK_fftMixWide4AVX512Fwd
	mixK_fftMixWide5AVX512Fwd
	mixK_fftMixWide8AVX512Fwd
	mixK_fftMixWide2AVX512Inv
	mixK_fftMixWide3AVX512Inv
	mixK_fftMixWide4AVX512Inv
	mixK_fftMixWide5AVX512Inv
	mixK_fftMixWide8AVX512Inv
	mixKEnd64
)

const (
	mix64KNone = iota
	mix64K_fft64MixN2AVX2Fwd
	mix64K_fft64MixN3AVX2Fwd
	mix64K_fft64MixN4AVX2Fwd
	mix64K_fft64MixN5AVX2Fwd
	mix64K_fft64MixN8AVX2Fwd
	mix64K_fft64MixN2AVX2Inv
	mix64K_fft64MixN3AVX2Inv
	mix64K_fft64MixN4AVX2Inv
	mix64K_fft64MixN5AVX2Inv
	mix64K_fft64MixN8AVX2Inv
	mix64K_fft64MixN2AVX512Fwd
	mix64K_fft64MixN3AVX512Fwd
	mix64K_fft64MixN4AVX512Fwd
	mix64K_fft64MixN8AVX512Fwd
	mix64K_fft64MixN2AVX512Inv
	mix64K_fft64MixN3AVX512Inv
	mix64K_fft64MixN4AVX512Inv
	mix64K_fft64MixN8AVX512Inv
	mix64K_fft64MixN2cAVX2Fwd
	mix64K_fft64MixN3cAVX2Fwd
	mix64K_fft64MixN4cAVX2Fwd
	mix64K_fft64MixN5cAVX2Fwd
	mix64K_fft64MixN8cAVX2Fwd
	mix64K_fft64MixN2cAVX2Inv
	mix64K_fft64MixN3cAVX2Inv
	mix64K_fft64MixN4cAVX2Inv
	mix64K_fft64MixN5cAVX2Inv
	mix64K_fft64MixN8cAVX2Inv
	mix64K_fft64MixN2cAVX512Fwd
	mix64K_fft64MixN3cAVX512Fwd
	mix64K_fft64MixN4cAVX512Fwd
	mix64K_fft64MixN8cAVX512Fwd
	mix64K_fft64MixN2cAVX512Inv
	mix64K_fft64MixN3cAVX512Inv
	mix64K_fft64MixN4cAVX512Inv
	mix64K_fft64MixN8cAVX512Inv
	mix64K_fft64MixWide2AVX2Fwd
	mix64K_fft64MixWide3AVX2Fwd
	mix64K_fft64MixWide4AVX2Fwd
	mix64K_fft64MixWide5AVX2Fwd
	mix64K_fft64MixWide8AVX2Fwd
	mix64K_fft64MixWide2AVX2Inv
	mix64K_fft64MixWide3AVX2Inv
	mix64K_fft64MixWide4AVX2Inv
	mix64K_fft64MixWide5AVX2Inv
	mix64K_fft64MixWide8AVX2Inv
	mix64K_fft64MixWide2AVX512Fwd
	mix64K_fft64MixWide3AVX512Fwd
	mix64K_fft64MixWide4AVX512Fwd
	mix64K_fft64MixWide5AVX512Fwd
	mix64K_fft64MixWide8AVX512Fwd
	mix64K_fft64MixWide2AVX512Inv
	mix64K_fft64MixWide3AVX512Inv
	mix64K_fft64MixWide4AVX512Inv
	mix64K_fft64MixWide5AVX512Inv
	mix64K_fft64MixWide8AVX512Inv
	mix64KEnd
)

// mixNIDs ([compact][AVX-512][inverse][p]), mixGroupIDs and mixWideIDs
// ([AVX-512][inverse][p]) number the complex64 kernels, mix64NIDs and
// mix64WideIDs the complex128 ones (no radix-5 narrow kernel at AVX-512:
// fft64MixNLevel runs the AVX2 one).
var (
	mixNIDs = [2][2][2][9]uint8{
		{
			{
				{2: mixK_fftMixN2AVX2Fwd, 3: mixK_fftMixN3AVX2Fwd, 4: mixK_fftMixN4AVX2Fwd, 5: mixK_fftMixN5AVX2Fwd, 8: mixK_fftMixN8AVX2Fwd},
				{2: mixK_fftMixN2AVX2Inv, 3: mixK_fftMixN3AVX2Inv, 4: mixK_fftMixN4AVX2Inv, 5: mixK_fftMixN5AVX2Inv, 8: mixK_fftMixN8AVX2Inv},
			},
			{
				{2: mixK_fftMixN2AVX512Fwd, 3: mixK_fftMixN3AVX512Fwd, 4: mixK_fftMixN4AVX512Fwd, 5: mixK_fftMixN5AVX512Fwd, 8: mixK_fftMixN8AVX512Fwd},
				{2: mixK_fftMixN2AVX512Inv, 3: mixK_fftMixN3AVX512Inv, 4: mixK_fftMixN4AVX512Inv, 5: mixK_fftMixN5AVX512Inv, 8: mixK_fftMixN8AVX512Inv},
			},
		},
		{
			{
				{2: mixK_fftMixN2cAVX2Fwd, 3: mixK_fftMixN3cAVX2Fwd, 4: mixK_fftMixN4cAVX2Fwd, 5: mixK_fftMixN5cAVX2Fwd, 8: mixK_fftMixN8cAVX2Fwd},
				{2: mixK_fftMixN2cAVX2Inv, 3: mixK_fftMixN3cAVX2Inv, 4: mixK_fftMixN4cAVX2Inv, 5: mixK_fftMixN5cAVX2Inv, 8: mixK_fftMixN8cAVX2Inv},
			},
			{
				{2: mixK_fftMixN2cAVX512Fwd, 3: mixK_fftMixN3cAVX512Fwd, 4: mixK_fftMixN4cAVX512Fwd, 5: mixK_fftMixN5cAVX512Fwd, 8: mixK_fftMixN8cAVX512Fwd},
				{2: mixK_fftMixN2cAVX512Inv, 3: mixK_fftMixN3cAVX512Inv, 4: mixK_fftMixN4cAVX512Inv, 5: mixK_fftMixN5cAVX512Inv, 8: mixK_fftMixN8cAVX512Inv},
			},
		},
	}
	mixGroupIDs = [2][2][9]uint8{
		{
			{2: mixK_fftMixGroup2R2AVX2Fwd, 3: mixK_fftMixGroup3R2AVX2Fwd, 4: mixK_fftMixGroup4R2AVX2Fwd, 5: mixK_fftMixGroup5R2AVX2Fwd, 8: mixK_fftMixGroup8R2AVX2Fwd},
			{2: mixK_fftMixGroup2R2AVX2Inv, 3: mixK_fftMixGroup3R2AVX2Inv, 4: mixK_fftMixGroup4R2AVX2Inv, 5: mixK_fftMixGroup5R2AVX2Inv, 8: mixK_fftMixGroup8R2AVX2Inv},
		},
		{
			{2: mixK_fftMixGroup2R2AVX512Fwd, 3: mixK_fftMixGroup3R2AVX512Fwd, 4: mixK_fftMixGroup4R2AVX512Fwd, 5: mixK_fftMixGroup5R2AVX512Fwd, 8: mixK_fftMixGroup8R2AVX512Fwd},
			{2: mixK_fftMixGroup2R2AVX512Inv, 3: mixK_fftMixGroup3R2AVX512Inv, 4: mixK_fftMixGroup4R2AVX512Inv, 5: mixK_fftMixGroup5R2AVX512Inv, 8: mixK_fftMixGroup8R2AVX512Inv},
		},
	}
	mixWideIDs = [2][2][9]uint8{
		{
			{2: mixK_fftMixWide2AVX2Fwd, 3: mixK_fftMixWide3AVX2Fwd, 4: mixK_fftMixWide4AVX2Fwd, 5: mixK_fftMixWide5AVX2Fwd, 8: mixK_fftMixWide8AVX2Fwd},
			{2: mixK_fftMixWide2AVX2Inv, 3: mixK_fftMixWide3AVX2Inv, 4: mixK_fftMixWide4AVX2Inv, 5: mixK_fftMixWide5AVX2Inv, 8: mixK_fftMixWide8AVX2Inv},
		},
		{
			{2: mixK_fftMixWide2AVX512Fwd, 3: mixK_fftMixWide3AVX512Fwd, 4: mixK_fftMixWide4AVX512Fwd, 5: mixK_fftMixWide5AVX512Fwd, 8: mixK_fftMixWide8AVX512Fwd},
			{2: mixK_fftMixWide2AVX512Inv, 3: mixK_fftMixWide3AVX512Inv, 4: mixK_fftMixWide4AVX512Inv, 5: mixK_fftMixWide5AVX512Inv, 8: mixK_fftMixWide8AVX512Inv},
		},
	}
	mix64NIDs = [2][2][2][9]uint8{
		{
			{
				{2: mix64K_fft64MixN2AVX2Fwd, 3: mix64K_fft64MixN3AVX2Fwd, 4: mix64K_fft64MixN4AVX2Fwd, 5: mix64K_fft64MixN5AVX2Fwd, 8: mix64K_fft64MixN8AVX2Fwd},
				{2: mix64K_fft64MixN2AVX2Inv, 3: mix64K_fft64MixN3AVX2Inv, 4: mix64K_fft64MixN4AVX2Inv, 5: mix64K_fft64MixN5AVX2Inv, 8: mix64K_fft64MixN8AVX2Inv},
			},
			{
				{2: mix64K_fft64MixN2AVX512Fwd, 3: mix64K_fft64MixN3AVX512Fwd, 4: mix64K_fft64MixN4AVX512Fwd, 8: mix64K_fft64MixN8AVX512Fwd},
				{2: mix64K_fft64MixN2AVX512Inv, 3: mix64K_fft64MixN3AVX512Inv, 4: mix64K_fft64MixN4AVX512Inv, 8: mix64K_fft64MixN8AVX512Inv},
			},
		},
		{
			{
				{2: mix64K_fft64MixN2cAVX2Fwd, 3: mix64K_fft64MixN3cAVX2Fwd, 4: mix64K_fft64MixN4cAVX2Fwd, 5: mix64K_fft64MixN5cAVX2Fwd, 8: mix64K_fft64MixN8cAVX2Fwd},
				{2: mix64K_fft64MixN2cAVX2Inv, 3: mix64K_fft64MixN3cAVX2Inv, 4: mix64K_fft64MixN4cAVX2Inv, 5: mix64K_fft64MixN5cAVX2Inv, 8: mix64K_fft64MixN8cAVX2Inv},
			},
			{
				{2: mix64K_fft64MixN2cAVX512Fwd, 3: mix64K_fft64MixN3cAVX512Fwd, 4: mix64K_fft64MixN4cAVX512Fwd, 8: mix64K_fft64MixN8cAVX512Fwd},
				{2: mix64K_fft64MixN2cAVX512Inv, 3: mix64K_fft64MixN3cAVX512Inv, 4: mix64K_fft64MixN4cAVX512Inv, 8: mix64K_fft64MixN8cAVX512Inv},
			},
		},
	}
	mix64WideIDs = [2][2][9]uint8{
		{
			{2: mix64K_fft64MixWide2AVX2Fwd, 3: mix64K_fft64MixWide3AVX2Fwd, 4: mix64K_fft64MixWide4AVX2Fwd, 5: mix64K_fft64MixWide5AVX2Fwd, 8: mix64K_fft64MixWide8AVX2Fwd},
			{2: mix64K_fft64MixWide2AVX2Inv, 3: mix64K_fft64MixWide3AVX2Inv, 4: mix64K_fft64MixWide4AVX2Inv, 5: mix64K_fft64MixWide5AVX2Inv, 8: mix64K_fft64MixWide8AVX2Inv},
		},
		{
			{2: mix64K_fft64MixWide2AVX512Fwd, 3: mix64K_fft64MixWide3AVX512Fwd, 4: mix64K_fft64MixWide4AVX512Fwd, 5: mix64K_fft64MixWide5AVX512Fwd, 8: mix64K_fft64MixWide8AVX512Fwd},
			{2: mix64K_fft64MixWide2AVX512Inv, 3: mix64K_fft64MixWide3AVX512Inv, 4: mix64K_fft64MixWide4AVX512Inv, 5: mix64K_fft64MixWide5AVX512Inv, 8: mix64K_fft64MixWide8AVX512Inv},
		},
	}
)

// FFTMixedRun runs the steps in order, the first from src, the last into
// dst (dst may be src; then, with an odd count, the first reads a copy in
// work), the others ping-ponging between dst and work; work shares no
// memory with dst or src. tw holds the steps' tables back to back, in
// order. The first step's inputs are scaled by s, which must be 1 unless
// its ls is 1 (an inverse's 1/n). It panics unless every step is of
// length n = len(dst) = len(src) = len(work) and the tables fit in tw.
func FFTMixedRun(steps []FFTMixedStep, dst, src, work []complex64, tw []float32, s float32, inverse bool) {
	n := len(dst)
	if n == 0 || len(src) != n || len(work) != n || len(steps) == 0 || (s != 1 && steps[0].ls != 1) {
		panic("asm: FFTMixedRun: bad shape")
	}
	// Pointers, not slices, once the lengths are checked: three fewer
	// registers to keep across the kernel calls.
	out, other := &dst[0], &work[0]
	if len(steps)%2 == 0 {
		out, other = other, out
	}
	in := &src[0]
	if len(steps)%2 == 1 && in == &dst[0] {
		copy(work, src)
		in = &work[0]
	}
	d := b2i(inverse)
	off := 0
	for k := range steps {
		st := &steps[k]
		if st.n != n || st.twLen > len(tw)-off {
			panic("asm: FFTMixedRun: step does not fit")
		}
		o, i, w, ls := out, in, &tw[off], st.ls
		switch st.k.id[d] {
		case mixK_fftMixN2AVX2Fwd:
			fftMixN2AVX2Fwd(o, i, w, ls)
		case mixK_fftMixN3AVX2Fwd:
			fftMixN3AVX2Fwd(o, i, w, ls)
		case mixK_fftMixN4AVX2Fwd:
			fftMixN4AVX2Fwd(o, i, w, ls)
		case mixK_fftMixN5AVX2Fwd:
			fftMixN5AVX2Fwd(o, i, w, ls)
		case mixK_fftMixN8AVX2Fwd:
			fftMixN8AVX2Fwd(o, i, w, ls)
		case mixK_fftMixN2AVX2Inv:
			fftMixN2AVX2Inv(o, i, w, ls)
		case mixK_fftMixN3AVX2Inv:
			fftMixN3AVX2Inv(o, i, w, ls)
		case mixK_fftMixN4AVX2Inv:
			fftMixN4AVX2Inv(o, i, w, ls)
		case mixK_fftMixN5AVX2Inv:
			fftMixN5AVX2Inv(o, i, w, ls)
		case mixK_fftMixN8AVX2Inv:
			fftMixN8AVX2Inv(o, i, w, ls)
		case mixK_fftMixN2AVX512Fwd:
			fftMixN2AVX512Fwd(o, i, w, ls)
		case mixK_fftMixN3AVX512Fwd:
			fftMixN3AVX512Fwd(o, i, w, ls)
		case mixK_fftMixN4AVX512Fwd:
			fftMixN4AVX512Fwd(o, i, w, ls)
		case mixK_fftMixN5AVX512Fwd:
			fftMixN5AVX512Fwd(o, i, w, ls)
		case mixK_fftMixN8AVX512Fwd:
			fftMixN8AVX512Fwd(o, i, w, ls)
		case mixK_fftMixN2AVX512Inv:
			fftMixN2AVX512Inv(o, i, w, ls)
		case mixK_fftMixN3AVX512Inv:
			fftMixN3AVX512Inv(o, i, w, ls)
		case mixK_fftMixN4AVX512Inv:
			fftMixN4AVX512Inv(o, i, w, ls)
		case mixK_fftMixN5AVX512Inv:
			fftMixN5AVX512Inv(o, i, w, ls)
		case mixK_fftMixN8AVX512Inv:
			fftMixN8AVX512Inv(o, i, w, ls)
		case mixK_fftMixN2cAVX2Fwd:
			fftMixN2cAVX2Fwd(o, i, w, ls)
		case mixK_fftMixN3cAVX2Fwd:
			fftMixN3cAVX2Fwd(o, i, w, ls)
		case mixK_fftMixN4cAVX2Fwd:
			fftMixN4cAVX2Fwd(o, i, w, ls)
		case mixK_fftMixN5cAVX2Fwd:
			fftMixN5cAVX2Fwd(o, i, w, ls)
		case mixK_fftMixN8cAVX2Fwd:
			fftMixN8cAVX2Fwd(o, i, w, ls)
		case mixK_fftMixN2cAVX2Inv:
			fftMixN2cAVX2Inv(o, i, w, ls)
		case mixK_fftMixN3cAVX2Inv:
			fftMixN3cAVX2Inv(o, i, w, ls)
		case mixK_fftMixN4cAVX2Inv:
			fftMixN4cAVX2Inv(o, i, w, ls)
		case mixK_fftMixN5cAVX2Inv:
			fftMixN5cAVX2Inv(o, i, w, ls)
		case mixK_fftMixN8cAVX2Inv:
			fftMixN8cAVX2Inv(o, i, w, ls)
		case mixK_fftMixN2cAVX512Fwd:
			fftMixN2cAVX512Fwd(o, i, w, ls)
		case mixK_fftMixN3cAVX512Fwd:
			fftMixN3cAVX512Fwd(o, i, w, ls)
		case mixK_fftMixN4cAVX512Fwd:
			fftMixN4cAVX512Fwd(o, i, w, ls)
		case mixK_fftMixN5cAVX512Fwd:
			fftMixN5cAVX512Fwd(o, i, w, ls)
		case mixK_fftMixN8cAVX512Fwd:
			fftMixN8cAVX512Fwd(o, i, w, ls)
		case mixK_fftMixN2cAVX512Inv:
			fftMixN2cAVX512Inv(o, i, w, ls)
		case mixK_fftMixN3cAVX512Inv:
			fftMixN3cAVX512Inv(o, i, w, ls)
		case mixK_fftMixN4cAVX512Inv:
			fftMixN4cAVX512Inv(o, i, w, ls)
		case mixK_fftMixN5cAVX512Inv:
			fftMixN5cAVX512Inv(o, i, w, ls)
		case mixK_fftMixN8cAVX512Inv:
			fftMixN8cAVX512Inv(o, i, w, ls)
		case mixK_fftMixGroup2R2AVX2Fwd:
			fftMixGroup2R2AVX2Fwd(o, i, w, ls)
		case mixK_fftMixGroup3R2AVX2Fwd:
			fftMixGroup3R2AVX2Fwd(o, i, w, ls)
		case mixK_fftMixGroup4R2AVX2Fwd:
			fftMixGroup4R2AVX2Fwd(o, i, w, ls)
		case mixK_fftMixGroup5R2AVX2Fwd:
			fftMixGroup5R2AVX2Fwd(o, i, w, ls)
		case mixK_fftMixGroup8R2AVX2Fwd:
			fftMixGroup8R2AVX2Fwd(o, i, w, ls)
		case mixK_fftMixGroup2R2AVX2Inv:
			fftMixGroup2R2AVX2Inv(o, i, w, ls)
		case mixK_fftMixGroup3R2AVX2Inv:
			fftMixGroup3R2AVX2Inv(o, i, w, ls)
		case mixK_fftMixGroup4R2AVX2Inv:
			fftMixGroup4R2AVX2Inv(o, i, w, ls)
		case mixK_fftMixGroup5R2AVX2Inv:
			fftMixGroup5R2AVX2Inv(o, i, w, ls)
		case mixK_fftMixGroup8R2AVX2Inv:
			fftMixGroup8R2AVX2Inv(o, i, w, ls)
		case mixK_fftMixGroup2R2AVX512Fwd:
			fftMixGroup2R2AVX512Fwd(o, i, w, ls)
		case mixK_fftMixGroup3R2AVX512Fwd:
			fftMixGroup3R2AVX512Fwd(o, i, w, ls)
		case mixK_fftMixGroup4R2AVX512Fwd:
			fftMixGroup4R2AVX512Fwd(o, i, w, ls)
		case mixK_fftMixGroup5R2AVX512Fwd:
			fftMixGroup5R2AVX512Fwd(o, i, w, ls)
		case mixK_fftMixGroup8R2AVX512Fwd:
			fftMixGroup8R2AVX512Fwd(o, i, w, ls)
		case mixK_fftMixGroup2R2AVX512Inv:
			fftMixGroup2R2AVX512Inv(o, i, w, ls)
		case mixK_fftMixGroup3R2AVX512Inv:
			fftMixGroup3R2AVX512Inv(o, i, w, ls)
		case mixK_fftMixGroup4R2AVX512Inv:
			fftMixGroup4R2AVX512Inv(o, i, w, ls)
		case mixK_fftMixGroup5R2AVX512Inv:
			fftMixGroup5R2AVX512Inv(o, i, w, ls)
		case mixK_fftMixGroup8R2AVX512Inv:
			fftMixGroup8R2AVX512Inv(o, i, w, ls)
		case mixK_fftMixWide2AVX2Fwd:
			fftMixWide2AVX2Fwd(o, i, w, ls, st.r, s, st.k.ovl)
		case mixK_fftMixWide3AVX2Fwd:
			fftMixWide3AVX2Fwd(o, i, w, ls, st.r, s, st.k.ovl)
		case mixK_fftMixWide4AVX2Fwd:
			fftMixWide4AVX2Fwd(o, i, w, ls, st.r, s, st.k.ovl)
		case mixK_fftMixWide5AVX2Fwd:
			fftMixWide5AVX2Fwd(o, i, w, ls, st.r, s, st.k.ovl)
		case mixK_fftMixWide8AVX2Fwd:
			fftMixWide8AVX2Fwd(o, i, w, ls, st.r, s, st.k.ovl)
		case mixK_fftMixWide2AVX2Inv:
			fftMixWide2AVX2Inv(o, i, w, ls, st.r, s, st.k.ovl)
		case mixK_fftMixWide3AVX2Inv:
			fftMixWide3AVX2Inv(o, i, w, ls, st.r, s, st.k.ovl)
		case mixK_fftMixWide4AVX2Inv:
			fftMixWide4AVX2Inv(o, i, w, ls, st.r, s, st.k.ovl)
		case mixK_fftMixWide5AVX2Inv:
			fftMixWide5AVX2Inv(o, i, w, ls, st.r, s, st.k.ovl)
		case mixK_fftMixWide8AVX2Inv:
			fftMixWide8AVX2Inv(o, i, w, ls, st.r, s, st.k.ovl)
		case mixK_fftMixWide2AVX512Fwd:
			fftMixWide2AVX512Fwd(o, i, w, ls, st.r, s, st.k.ovl)
		case mixK_fftMixWide3AVX512Fwd:
			fftMixWide3AVX512Fwd(o, i, w, ls, st.r, s, st.k.ovl)
		case mixK_fftMixWide4AVX512Fwd:
			fftMixWide4AVX512Fwd(o, i, w, ls, st.r, s, st.k.ovl)
		case mixK_fftMixWide5AVX512Fwd:
			fftMixWide5AVX512Fwd(o, i, w, ls, st.r, s, st.k.ovl)
		case mixK_fftMixWide8AVX512Fwd:
			fftMixWide8AVX512Fwd(o, i, w, ls, st.r, s, st.k.ovl)
		case mixK_fftMixWide2AVX512Inv:
			fftMixWide2AVX512Inv(o, i, w, ls, st.r, s, st.k.ovl)
		case mixK_fftMixWide3AVX512Inv:
			fftMixWide3AVX512Inv(o, i, w, ls, st.r, s, st.k.ovl)
		case mixK_fftMixWide4AVX512Inv:
			fftMixWide4AVX512Inv(o, i, w, ls, st.r, s, st.k.ovl)
		case mixK_fftMixWide5AVX512Inv:
			fftMixWide5AVX512Inv(o, i, w, ls, st.r, s, st.k.ovl)
		case mixK_fftMixWide8AVX512Inv:
			fftMixWide8AVX512Inv(o, i, w, ls, st.r, s, st.k.ovl)
		default:
			panic("asm: FFTMixedRun: no kernel")
		}
		off += st.twLen
		s = 1
		in, out, other = out, other, out
	}
}

// FFT64MixedRun is FFTMixedRun for complex128.
func FFT64MixedRun(steps []FFT64MixedStep, dst, src, work []complex128, tw []float64, s float64, inverse bool) {
	n := len(dst)
	if n == 0 || len(src) != n || len(work) != n || len(steps) == 0 || (s != 1 && steps[0].ls != 1) {
		panic("asm: FFT64MixedRun: bad shape")
	}
	// Pointers, not slices, once the lengths are checked: three fewer
	// registers to keep across the kernel calls.
	out, other := &dst[0], &work[0]
	if len(steps)%2 == 0 {
		out, other = other, out
	}
	in := &src[0]
	if len(steps)%2 == 1 && in == &dst[0] {
		copy(work, src)
		in = &work[0]
	}
	d := b2i(inverse)
	off := 0
	for k := range steps {
		st := &steps[k]
		if st.n != n || st.twLen > len(tw)-off {
			panic("asm: FFT64MixedRun: step does not fit")
		}
		o, i, w, ls := out, in, &tw[off], st.ls
		switch st.k.id[d] {
		case mix64K_fft64MixN2AVX2Fwd:
			fft64MixN2AVX2Fwd(o, i, w, ls)
		case mix64K_fft64MixN3AVX2Fwd:
			fft64MixN3AVX2Fwd(o, i, w, ls)
		case mix64K_fft64MixN4AVX2Fwd:
			fft64MixN4AVX2Fwd(o, i, w, ls)
		case mix64K_fft64MixN5AVX2Fwd:
			fft64MixN5AVX2Fwd(o, i, w, ls)
		case mix64K_fft64MixN8AVX2Fwd:
			fft64MixN8AVX2Fwd(o, i, w, ls)
		case mix64K_fft64MixN2AVX2Inv:
			fft64MixN2AVX2Inv(o, i, w, ls)
		case mix64K_fft64MixN3AVX2Inv:
			fft64MixN3AVX2Inv(o, i, w, ls)
		case mix64K_fft64MixN4AVX2Inv:
			fft64MixN4AVX2Inv(o, i, w, ls)
		case mix64K_fft64MixN5AVX2Inv:
			fft64MixN5AVX2Inv(o, i, w, ls)
		case mix64K_fft64MixN8AVX2Inv:
			fft64MixN8AVX2Inv(o, i, w, ls)
		case mix64K_fft64MixN2AVX512Fwd:
			fft64MixN2AVX512Fwd(o, i, w, ls)
		case mix64K_fft64MixN3AVX512Fwd:
			fft64MixN3AVX512Fwd(o, i, w, ls)
		case mix64K_fft64MixN4AVX512Fwd:
			fft64MixN4AVX512Fwd(o, i, w, ls)
		case mix64K_fft64MixN8AVX512Fwd:
			fft64MixN8AVX512Fwd(o, i, w, ls)
		case mix64K_fft64MixN2AVX512Inv:
			fft64MixN2AVX512Inv(o, i, w, ls)
		case mix64K_fft64MixN3AVX512Inv:
			fft64MixN3AVX512Inv(o, i, w, ls)
		case mix64K_fft64MixN4AVX512Inv:
			fft64MixN4AVX512Inv(o, i, w, ls)
		case mix64K_fft64MixN8AVX512Inv:
			fft64MixN8AVX512Inv(o, i, w, ls)
		case mix64K_fft64MixN2cAVX2Fwd:
			fft64MixN2cAVX2Fwd(o, i, w, ls)
		case mix64K_fft64MixN3cAVX2Fwd:
			fft64MixN3cAVX2Fwd(o, i, w, ls)
		case mix64K_fft64MixN4cAVX2Fwd:
			fft64MixN4cAVX2Fwd(o, i, w, ls)
		case mix64K_fft64MixN5cAVX2Fwd:
			fft64MixN5cAVX2Fwd(o, i, w, ls)
		case mix64K_fft64MixN8cAVX2Fwd:
			fft64MixN8cAVX2Fwd(o, i, w, ls)
		case mix64K_fft64MixN2cAVX2Inv:
			fft64MixN2cAVX2Inv(o, i, w, ls)
		case mix64K_fft64MixN3cAVX2Inv:
			fft64MixN3cAVX2Inv(o, i, w, ls)
		case mix64K_fft64MixN4cAVX2Inv:
			fft64MixN4cAVX2Inv(o, i, w, ls)
		case mix64K_fft64MixN5cAVX2Inv:
			fft64MixN5cAVX2Inv(o, i, w, ls)
		case mix64K_fft64MixN8cAVX2Inv:
			fft64MixN8cAVX2Inv(o, i, w, ls)
		case mix64K_fft64MixN2cAVX512Fwd:
			fft64MixN2cAVX512Fwd(o, i, w, ls)
		case mix64K_fft64MixN3cAVX512Fwd:
			fft64MixN3cAVX512Fwd(o, i, w, ls)
		case mix64K_fft64MixN4cAVX512Fwd:
			fft64MixN4cAVX512Fwd(o, i, w, ls)
		case mix64K_fft64MixN8cAVX512Fwd:
			fft64MixN8cAVX512Fwd(o, i, w, ls)
		case mix64K_fft64MixN2cAVX512Inv:
			fft64MixN2cAVX512Inv(o, i, w, ls)
		case mix64K_fft64MixN3cAVX512Inv:
			fft64MixN3cAVX512Inv(o, i, w, ls)
		case mix64K_fft64MixN4cAVX512Inv:
			fft64MixN4cAVX512Inv(o, i, w, ls)
		case mix64K_fft64MixN8cAVX512Inv:
			fft64MixN8cAVX512Inv(o, i, w, ls)
		case mix64K_fft64MixWide2AVX2Fwd:
			fft64MixWide2AVX2Fwd(o, i, w, ls, st.r, s, st.k.ovl)
		case mix64K_fft64MixWide3AVX2Fwd:
			fft64MixWide3AVX2Fwd(o, i, w, ls, st.r, s, st.k.ovl)
		case mix64K_fft64MixWide4AVX2Fwd:
			fft64MixWide4AVX2Fwd(o, i, w, ls, st.r, s, st.k.ovl)
		case mix64K_fft64MixWide5AVX2Fwd:
			fft64MixWide5AVX2Fwd(o, i, w, ls, st.r, s, st.k.ovl)
		case mix64K_fft64MixWide8AVX2Fwd:
			fft64MixWide8AVX2Fwd(o, i, w, ls, st.r, s, st.k.ovl)
		case mix64K_fft64MixWide2AVX2Inv:
			fft64MixWide2AVX2Inv(o, i, w, ls, st.r, s, st.k.ovl)
		case mix64K_fft64MixWide3AVX2Inv:
			fft64MixWide3AVX2Inv(o, i, w, ls, st.r, s, st.k.ovl)
		case mix64K_fft64MixWide4AVX2Inv:
			fft64MixWide4AVX2Inv(o, i, w, ls, st.r, s, st.k.ovl)
		case mix64K_fft64MixWide5AVX2Inv:
			fft64MixWide5AVX2Inv(o, i, w, ls, st.r, s, st.k.ovl)
		case mix64K_fft64MixWide8AVX2Inv:
			fft64MixWide8AVX2Inv(o, i, w, ls, st.r, s, st.k.ovl)
		case mix64K_fft64MixWide2AVX512Fwd:
			fft64MixWide2AVX512Fwd(o, i, w, ls, st.r, s, st.k.ovl)
		case mix64K_fft64MixWide3AVX512Fwd:
			fft64MixWide3AVX512Fwd(o, i, w, ls, st.r, s, st.k.ovl)
		case mix64K_fft64MixWide4AVX512Fwd:
			fft64MixWide4AVX512Fwd(o, i, w, ls, st.r, s, st.k.ovl)
		case mix64K_fft64MixWide5AVX512Fwd:
			fft64MixWide5AVX512Fwd(o, i, w, ls, st.r, s, st.k.ovl)
		case mix64K_fft64MixWide8AVX512Fwd:
			fft64MixWide8AVX512Fwd(o, i, w, ls, st.r, s, st.k.ovl)
		case mix64K_fft64MixWide2AVX512Inv:
			fft64MixWide2AVX512Inv(o, i, w, ls, st.r, s, st.k.ovl)
		case mix64K_fft64MixWide3AVX512Inv:
			fft64MixWide3AVX512Inv(o, i, w, ls, st.r, s, st.k.ovl)
		case mix64K_fft64MixWide4AVX512Inv:
			fft64MixWide4AVX512Inv(o, i, w, ls, st.r, s, st.k.ovl)
		case mix64K_fft64MixWide5AVX512Inv:
			fft64MixWide5AVX512Inv(o, i, w, ls, st.r, s, st.k.ovl)
		case mix64K_fft64MixWide8AVX512Inv:
			fft64MixWide8AVX512Inv(o, i, w, ls, st.r, s, st.k.ovl)
		default:
			panic("asm: FFT64MixedRun: no kernel")
		}
		off += st.twLen
		s = 1
		in, out, other = out, other, out
	}
}
