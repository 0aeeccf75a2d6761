//go:build !fftw

package main

import "testing"

// fftwLinked reports whether this binary was built with -tags fftw; see
// fftw.go.
const fftwLinked = false

// fftwStatus tells the report's reader how to add the FFTW column.
func fftwStatus() string {
	return "FFTW was not linked: for an FFTW column measured in the same run, " +
		"`apt-get install -y libfftw3-dev` and `go run -tags fftw ./bench` (cgo)."
}

// Without FFTW there is nothing to measure.
func fftwFFTBench(kind string, n int) func(b *testing.B)    { return nil }
func fftwConvBench(channels, seqLen int) func(b *testing.B) { return nil }
