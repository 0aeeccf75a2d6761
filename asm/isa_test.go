package asm

import (
	"strings"
	"testing"
)

func TestLevelsStartWithGenericAndAscend(t *testing.T) {
	l := Levels()
	if len(l) == 0 || l[0] != Generic {
		t.Fatalf("Levels() = %v, want generic first", l)
	}
	for i := 1; i < len(l); i++ {
		if l[i] <= l[i-1] {
			t.Fatalf("Levels() = %v is not ascending", l)
		}
	}
}

func TestParseLevelRoundTripsEveryName(t *testing.T) {
	for _, l := range []Level{Generic, AVX2, AVX512, NEON} {
		got, err := ParseLevel(strings.ToUpper(l.String()))
		if err != nil || got != l {
			t.Errorf("ParseLevel(%q) = %v, %v", strings.ToUpper(l.String()), got, err)
		}
	}
	if _, err := ParseLevel("sse9"); err == nil {
		t.Error("ParseLevel accepted an unknown level")
	}
}

func TestEnvironmentCapsButNeverRaisesTheLevel(t *testing.T) {
	highest := levels[len(levels)-1]
	for _, c := range []struct {
		env  string
		want Level
		err  bool
	}{
		{"", highest, false},
		{"generic", Generic, false},
		{"neon", highestAtMost(NEON), false},
		{"avx512", highestAtMost(AVX512), false},
		{"avx2", highestAtMost(AVX2), false},
		{"fastest", highest, true},
	} {
		got, err := levelFromEnv(c.env)
		if got != c.want || (err != nil) != c.err {
			t.Errorf("SSMKERN_ISA=%q: level %v, error %v; want %v, error %v", c.env, got, err, c.want, c.err)
		}
		if !Supported(got) {
			t.Errorf("SSMKERN_ISA=%q chose unsupported level %v", c.env, got)
		}
	}
}

func TestSetLevelRefusesUnsupportedLevels(t *testing.T) {
	prev := Current()
	defer SetLevel(prev)
	for _, l := range []Level{Generic, AVX2, AVX512, NEON, Level(42)} {
		_, err := SetLevel(l)
		if Supported(l) != (err == nil) {
			t.Errorf("SetLevel(%v): error %v, supported %v", l, err, Supported(l))
		}
		if err == nil && Current() != l {
			t.Errorf("after SetLevel(%v), Current() = %v", l, Current())
		}
	}
}

func TestHostDescribesTheLevels(t *testing.T) {
	h := Host()
	if len(h.Levels) != len(levels) || h.Current != Current() {
		t.Errorf("Host() = %+v, inconsistent with Levels/Current", h)
	}
	t.Log(h)
}
