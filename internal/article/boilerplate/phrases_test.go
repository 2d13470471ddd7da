package boilerplate

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestLongLinePrefixFilter: on lines long enough that only prefix
// phrases apply, match agrees with normalizing the whole key and trying
// every prefix, for lines that start with a phrase, with part of one, or
// with one in another case, after counts and bullets.
func TestLongLinePrefixFilter(t *testing.T) {
	ph := phraseSet()
	r := rand.New(rand.NewPCG(13, 14))
	leads := []string{"", "", "12 ", "• ", "  ", "(c) ", "- ", "3. ", "«", "é ", "\xff", "Ⅻ "}
	tails := []string{" the council met on Tuesday", ": more", "ness of it", "", " ", "s", "\u212A", "é"}
	var texts []string
	for _, list := range ph.prefix {
		for _, e := range list {
			texts = append(texts, e.text)
		}
	}
	var key keyBuf
	for range 50000 {
		text := texts[r.IntN(len(texts))]
		if r.IntN(3) == 0 {
			text = text[:r.IntN(len(text)+1)]
		}
		if r.IntN(2) == 0 {
			text = strings.ToUpper(text)
		}
		s := leads[r.IntN(len(leads))] + text + tails[r.IntN(len(tails))]
		for len(s) < maxContainsLine {
			s += " " + proseA
		}
		got, gotOK := ph.match(s, &key)
		var want phrase
		wantOK := false
		if kb := normalizeKey(s, &key, ph.maxPrefix+prefixSlack); len(kb) > 0 {
			want, wantOK = ph.matchPrefix(kb)
		}
		if got != want || gotOK != wantOK {
			t.Fatalf("match(%q) = %+v %v, want %+v %v", s[:60], got, gotOK, want, wantOK)
		}
	}
}

// normalizeKey writes at most maxKeyBytes of a line into its fixed buffer:
// every limit match passes must be within that, or keys would be cut short.
func TestKeyLimits(t *testing.T) {
	ph := phraseSet()
	for name, limit := range map[string]int{"quick": quickKeyBytes, "prefix": ph.maxPrefix + prefixSlack} {
		if limit > maxKeyBytes {
			t.Errorf("%s key limit %d > maxKeyBytes %d", name, limit, maxKeyBytes)
		}
	}
	// The worst case for the buffer: inner bytes all invalid, each
	// becoming a three-byte U+FFFD.
	var key keyBuf
	s := "a" + strings.Repeat("\xff", maxKeyBytes-2) + "a"
	if got, want := len(normalizeKey(s, &key, maxKeyBytes)), 2+3*(maxKeyBytes-2); got != want {
		t.Errorf("key of %d bytes, want %d", got, want)
	}
}

// normalizeKeyRef is normalizeKey a byte or a rune at a time, as it was
// before its eight-byte path.
func normalizeKeyRef(s string, limit int) string {
	if len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	s = trimKey(s)
	var b []byte
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || (r >= utf8.RuneSelf && unicode.IsSpace(r)) {
			space = true
			continue
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		if r < utf8.RuneSelf {
			if r-'A' < 26 && r >= 'A' {
				r += 'a' - 'A'
			}
			b = append(b, byte(r))
			continue
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return string(b)
}

// The eight-byte path lowercases and copies exactly what the byte loop
// does, whatever sits where in a word: capitals at its ends, spaces and
// tabs, other control bytes, bytes next to the letters' range, non-ASCII.
func TestNormalizeKeyMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	pieces := []string{"Share", "THIS", "story", "@", "[", "`", "{", "Z", "A", "a", "z", "0", "9", " ", "  ", "\t", "\x0b",
		"\x7f", "\x00", "É", "é", "\u00a0", "\u2003", "©", "*", "(", "+", "Ⱥ", "\xff", "..", "|"}
	var key keyBuf
	for range 30000 {
		var b strings.Builder
		for range r.IntN(60) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		for _, limit := range []int{quickKeyBytes, 40, maxKeyBytes} {
			if got, want := string(normalizeKey(s, &key, limit)), normalizeKeyRef(s, limit); got != want {
				t.Fatalf("normalizeKey(%q, %d) = %q, want %q", s, limit, got, want)
			}
		}
	}
}
