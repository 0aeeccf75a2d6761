package fuzz

import (
	"encoding/binary"
	"testing"

	"github.com/ssmkern/ssmkern/asm"
)

// byteSource turns fuzz bytes into bounded values; once the bytes run out it
// continues with a fixed pseudo-random sequence so that short inputs still
// give full problems.
type byteSource struct {
	data  []byte
	state uint64
}

func (s *byteSource) uint16() uint16 {
	if len(s.data) >= 2 {
		v := binary.LittleEndian.Uint16(s.data)
		s.data = s.data[2:]
		return v
	}
	s.state = s.state*6364136223846793005 + 1442695040888963407
	return uint16(s.state >> 48)
}

// intn returns a value in [lo, hi].
func (s *byteSource) intn(lo, hi int) int {
	return lo + int(s.uint16())%(hi-lo+1)
}

// float returns a value in [lo, hi].
func (s *byteSource) float(lo, hi float64) float32 {
	return float32(lo + (hi-lo)*float64(s.uint16())/65535)
}

func (s *byteSource) floats(n int, lo, hi float64) []float32 {
	v := make([]float32, n)
	for i := range v {
		v[i] = s.float(lo, hi)
	}
	return v
}

// float64s widens x; nil stays nil (an absent optional input).
func float64s(x []float32) []float64 {
	if x == nil {
		return nil
	}
	y := make([]float64, len(x))
	for i, v := range x {
		y[i] = float64(v)
	}
	return y
}

// atEveryLevel runs body at every supported level, restoring the level after.
func atEveryLevel(t *testing.T, body func(l asm.Level)) {
	prev := asm.Current()
	defer asm.SetLevel(prev)
	for _, l := range asm.Levels() {
		if _, err := asm.SetLevel(l); err != nil {
			t.Fatal(err)
		}
		body(l)
	}
}
