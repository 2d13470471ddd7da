package article

import (
	"math/rand/v2"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestUnglueMatchesReference holds unglue, which passes over ASCII
// lower-case letters without asking unicode about them, to the rune by
// rune loop it was written from.
func TestUnglueMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 16))
	pieces := []string{"By", "Alex", "Bozarjian", "Staff", "Writer", "November", "6", "2023", "Follow", "Author", "Evan", "Halper",
		"谢若含", "Adwan", "1", "Mai", " ", " ", ",", "é", "É", "\xff", "\u00a0", "x", "Ⱥ"}
	for range 30000 {
		s := randomText(r, pieces, 10)
		if got, want := unglue(s), unglueRef(s); got != want {
			t.Fatalf("unglue(%q) = %q, want %q", s, got, want)
		}
	}
}

// unglueRef is unglue asking unicode about every rune.
func unglueRef(s string) string {
	var b []byte
	last := 0
	prev := rune(0)
	wordStart := 0
	for i, r := range s {
		if unicode.IsSpace(r) {
			wordStart = i + utf8.RuneLen(r)
			prev = r
			continue
		}
		cut := false
		switch {
		case unicode.IsUpper(r) && unicode.IsLower(prev):
			rest := s[i:]
			word := rest[:wordLen(rest)]
			left := s[wordStart:i]
			cut = monthWord(word) || roleWord(word) || followWord(word) || gluedLabel(word) || labelWord(left)
		case unicode.IsUpper(r) && prev >= '0' && prev <= '9':
			// "2021April 9", "2022Author Redaktion".
			rest := s[i:]
			word := rest[:wordLen(rest)]
			cut = monthWord(word) || gluedLabel(word)
		case r >= '0' && r <= '9' && (unicode.IsLetter(prev) && !unicode.IsLower(prev) && !unicode.IsUpper(prev)):
			cut = true // a script without case: "谢若含2017"
		case r >= '0' && r <= '9' && unicode.IsLower(prev):
			// "Adwan1", "Mai 2019": a digit run at the end of a
			// capitalized word, or a year.
			rest := s[i:]
			n := 0
			for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
				n++
			}
			r0, _ := utf8.DecodeRuneInString(s[wordStart:])
			cut = unicode.IsUpper(r0) && (n >= 4 || n <= 2 && (n == len(rest) || rest[n] == ' ' || rest[n] == ','))
		}
		if cut {
			if b == nil {
				b = make([]byte, 0, len(s)+8)
			}
			b = append(b, s[last:i]...)
			b = append(b, ' ')
			last = i
			wordStart = i
		}
		prev = r
	}
	if b == nil {
		return s
	}
	return string(append(b, s[last:]...))
}

// TestUndoubleMatchesReference holds undouble, which first looks for its
// first word again, to finding every word.
func TestUndoubleMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(19, 20))
	pieces := []string{"Sean", "Martin", " ", "  ", "\t", "\u00a0", "\u2009", "Sean Martin", "é", "\xff", "x", "Jane Roe Jane Roe"}
	doubled := 0
	for range 30000 {
		s := randomText(r, pieces, 8)
		if r.IntN(4) == 0 {
			s = s + " " + s
		}
		got, want := undouble(s), undoubleRef(s)
		if got != want {
			t.Fatalf("undouble(%q) = %q, want %q", s, got, want)
		}
		if got != s {
			doubled++
		}
	}
	if doubled < 100 {
		t.Errorf("only %d doubled lines: the test hardly covers the collapse", doubled)
	}
}

// undoubleRef is undouble finding every word first.
func undoubleRef(s string) string {
	var spanBuf [16]span
	w := fieldSpans(s, spanBuf[:0])
	if len(w)%2 == 0 && len(w) > 0 {
		h := len(w) / 2
		for k := range h {
			if s[w[k].start:w[k].end] != s[w[h+k].start:w[h+k].end] {
				return s
			}
		}
		return joinFields(s, w[:h])
	}
	return s
}
