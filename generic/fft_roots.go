package generic

// Roots gives the roots of unity e^{−2πi·k/n} of one length n from cos
// and sin of the exact angle (rootTable: the quarter turns exact, the
// rest reduced to at most π/4), the values of FFTPlan's twiddles bit for
// bit. Package fft's mixed-radix plans build their stage tables from it,
// so that its vector stages start from the oracle's twiddles. It is
// immutable and safe for concurrent use; it holds n/(2·gcd(4, n)) + 1
// values.
type Roots struct{ t rootTable }

// NewRoots returns the roots of n ≥ 1.
func NewRoots(n int) *Roots { return &Roots{t: newRootTable(n)} }

// Root returns e^{−2πi·k/n} for any integer k.
func (r *Roots) Root(k int) complex128 { return r.t.root(k) }
