package boilerplate

import (
	"math/rand/v2"
	"seedfeed/internal/longtest"
	"testing"
	"unicode/utf8"
)

func TestIsTeaser(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"Big Storm Hits The CoastThe storm made landfall on Tuesday and cut power to thousands of homes.", true},
		{"Tape Gaffe Ends Title RunDenny Hamlin's bid for the title was undone by a strip of tape on Sunday.", true},
		{"Why Are Prices Rising?Economists point to three causes that are unlikely to fade this year.", true},
		{"Following the 16-inch MacBook Pro, Apple plans to release a new 13-inch model with the same keyboard.", false},
		{"Sony Unveils New PlayStation", false},
		{"The council met on Tuesday. It agreed that the bridge would be rebuilt before the winter.", false},
		{"Local Team Wins Cup", false},
		{"Man pleads guilty to fraud scheme in US NEW YORK: A man has pleaded guilty to a scheme that cost investors millions.", true},
		{"Talks resume after a long pause UNITED NATIONS: Envoys met again on Monday to discuss the draft text of the deal.", true},
		{"The agency said the rule, known as the EPA: Clean Air Standard, would take effect in two years' time.", false},
		{"NEW DELHI: Their dream shattered, nearly 150 people returned home on Monday after months away.", false},
		// A sentence ends before the junction: prose, not a headline.
		{"It rained on Monday. The Storm Hit Every Coast TownThe town lost power for two days and nights.", false},
	}
	sw := stopWordSet()
	var c [numLangs]uint16
	for _, tt := range tests {
		f := measure(tt.line, sw, &c)
		f.setLang(tt.line, langEN, sw, &c)
		if got := isTeaser(tt.line, f, sw, langEN); got != tt.want {
			t.Errorf("isTeaser(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

// mayGlueRef is mayGlue byte by byte.
func mayGlueRef(s string) bool {
	for k := 1; k < min(len(s), maxTeaserHead+1); k++ {
		c := s[k]
		if c >= utf8.RuneSelf {
			return true
		}
		if c-'A' >= 26 {
			continue
		}
		switch b := s[k-1]; {
		case b-'a' < 26, b-'0' < 10, b == '?', b == '!', b == '"', b == ')':
			return true
		}
	}
	return false
}

func TestMayGlueMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(2, 3))
	common, rare := []byte(" a.,z"), []byte("AZ09?!\")([@`{-\t\x7f")
	for range longtest.Scale(20000, 100000) {
		b := make([]byte, r.IntN(230))
		for i := range b {
			b[i] = common[r.IntN(len(common))]
			if r.IntN(12) == 0 {
				b[i] = rare[r.IntN(len(rare))]
			}
		}
		if r.IntN(10) == 0 && len(b) > 0 {
			b[r.IntN(len(b))] = 0xC3
		}
		if got, want := mayGlue(string(b)), mayGlueRef(string(b)); got != want {
			t.Fatalf("mayGlue(%q) = %v, want %v", b, got, want)
		}
	}
}

// TestIsTeaserSkipsLowerSafely holds isTeaser, which passes over the rest
// of a word's lower-case letters in a loop of its own, to the letter by
// letter scan it was written from, on random lines of capitalised and
// glued words, sentence ends and letters outside ASCII.
func TestIsTeaserSkipsLowerSafely(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 5))
	pieces := []string{"Storm", "Hits", "The", "Coast", "the", "storm", "made", "landfall", "on", "it", "RunDenny",
		"rain", "?", "!", ". ", " ", " ", " ", " ", "’", "É", "é", "Über", "über", "3", "NEW YORK: ", "CoastThe", "ist", "die"}
	sw := stopWordSet()
	var c [numLangs]uint16
	teasers := 0
	for range longtest.Scale(20000, 100000) {
		var b []byte
		for range r.IntN(60) {
			b = append(b, pieces[r.IntN(len(pieces))]...)
		}
		line := string(b)
		for _, lg := range []lang{langEN, langDE} {
			f := measure(line, sw, &c)
			f.setLang(line, lg, sw, &c)
			got, want := isTeaser(line, f, sw, lg), teaserScan(line, f, sw, lg, false)
			if got != want {
				t.Fatalf("isTeaser(%q, %v) = %v, want %v", line, lg, got, want)
			}
			if got {
				teasers++
			}
		}
	}
	if teasers < 100 {
		t.Errorf("only %d random lines were teasers: the test hardly covers the junction", teasers)
	}
}
