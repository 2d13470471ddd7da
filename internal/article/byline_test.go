package article

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// A byline whose name grows when lowercased, ending in a date label,
// once made trimDateLabel slice past the end of the line.
func TestBylineLabelAfterGrowingName(t *testing.T) {
	body := strings.Repeat("The council said the harbour would stay open through the winter and into the spring. ", 5)
	for _, line := range []string{"By " + strings.Repeat("Ⱥ", 30) + " updated", "By Jane " + strings.Repeat("Ⱥ", 12) + " Updated:"} {
		if _, err := Parse("a.txt", []byte("Harbour stays open for winter\n\n"+line+"\n\n"+body), Options{}); err != nil {
			t.Errorf("%q: %v", line, err)
		}
		if got := trimDateLabel(line); got != line {
			t.Errorf("trimDateLabel(%q) = %q", line, got)
		}
	}
	if got := trimDateLabel("Jane Roe updated:"); got != "Jane Roe" {
		t.Errorf("trimDateLabel = %q, want Jane Roe", got)
	}
}

// refCutAny is cutAny as one strings.Index per separator.
func refCutAny(s string, seps ...string) (before, after string, found bool) {
	best := -1
	var sep string
	for _, p := range seps {
		if i := strings.Index(s, p); i >= 0 && (best < 0 || i < best) {
			best, sep = i, p
		}
	}
	if best < 0 {
		return s, "", false
	}
	return s[:best], s[best+len(sep):], true
}

// foldPieces make strings where case folding is not byte for byte: the
// Kelvin sign folds to k, the long s to s.
var foldPieces = []string{"by ", "BY ", "By", "\u212A", "k", "K", "\u017Ftory by ", "story", "STORY BY ", "автор: ", "АВТОР ",
	", ", " | ", " / ", " - ", " – ", " — ", "|", "-", " ", ",", "Jane Roe", "Reuters", "é", "\xff", "1", "@"}

func TestCutAnyMatchesIndex(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	seps := []string{", ", " | ", " / ", " - ", " – ", " — "}
	for range 20000 {
		s := randomText(r, foldPieces, 8)
		b, a, ok := cutAny(s, seps...)
		wb, wa, wok := refCutAny(s, seps...)
		if b != wb || a != wa || ok != wok {
			t.Fatalf("cutAny(%q) = %q %q %v, want %q %q %v", s, b, a, ok, wb, wa, wok)
		}
	}
	// Separators that start alike or inside one another: the earliest
	// wins, then the first listed.
	for _, s := range []string{"a-b--c", "x--y-z", "--", "-", "a-+b", "a-+-b", "-+", "-+--"} {
		b, a, ok := cutAny(s, "--", "-+", "-+-")
		wb, wa, wok := refCutAny(s, "--", "-+", "-+-")
		if b != wb || a != wa || ok != wok {
			t.Fatalf("cutAny(%q) = %q %q %v, want %q %q %v", s, b, a, ok, wb, wa, wok)
		}
	}
}

func TestHasPrefixFoldMatchesEqualFold(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	prefixes := []string{"", "by ", "story by ", "k", "автор: ", "written by ", "1", "|", "Ka", "\u212Aa"}
	for range 20000 {
		s := randomText(r, foldPieces, 8)
		for _, p := range prefixes {
			want := len(s) >= len(p) && strings.EqualFold(s[:len(p)], p)
			if got := hasPrefixFold(s, p); got != want {
				t.Fatalf("hasPrefixFold(%q, %q) = %v, want %v", s, p, got, want)
			}
			if want && !mayPrefixFold(s, p) {
				t.Fatalf("mayPrefixFold(%q, %q) = false, but it has the prefix", s, p)
			}
		}
	}
}

// TestMayPrefixFold checks the inlined gate on every pair of first
// bytes: it may only turn away what EqualFold would.
func TestMayPrefixFold(t *testing.T) {
	for a := range 256 {
		for b := range 256 {
			s, p := string([]byte{byte(a), 'x'}), string([]byte{byte(b)})
			if !mayPrefixFold(s, p) && strings.EqualFold(s[:1], p) {
				t.Fatalf("mayPrefixFold(%q, %q) = false, EqualFold true", s, p)
			}
			if a < utf8.RuneSelf && b < utf8.RuneSelf && mayPrefixFold(s, p) != strings.EqualFold(s[:1], p) {
				t.Fatalf("mayPrefixFold(%q, %q) = %v on ASCII, EqualFold %v", s, p, mayPrefixFold(s, p), !mayPrefixFold(s, p))
			}
		}
	}
	for _, s := range []string{"Kelvin", "ſtory by x"} {
		for _, p := range []string{"kelvin", "story by "} {
			if hasPrefixFold(s, p) && !mayPrefixFold(s, p) {
				t.Fatalf("mayPrefixFold(%q, %q) = false, hasPrefixFold true", s, p)
			}
		}
	}
	// Every rune that folds to an ASCII byte, on either side, passes
	// the gate; the prefixes in other scripts do not pass it on a
	// Latin line.
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			if f >= utf8.RuneSelf {
				continue
			}
			a, b := string(f), string(r)
			if !mayPrefixFold(a+"xx", b) || !mayPrefixFold(b+"x", a) {
				t.Fatalf("%U folds to %q, but the gate turns it away", r, f)
			}
		}
	}
	for _, p := range []string{"автор", "作者", "द्वारा", "écrit par"} {
		if mayPrefixFold("Spread the love", p) {
			t.Errorf("mayPrefixFold(Latin line, %q) = true", p)
		}
	}
	if mayPrefixFold("by", "by ") {
		t.Error("mayPrefixFold of a line shorter than the prefix = true")
	}
}
