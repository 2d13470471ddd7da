package article

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// tailMarksRef is tailMarks a position at a time, as it was before it
// passed over quiet words.
func tailMarksRef(line string) (glued, separated bool) {
	for i := len(line) - 2; i > 0 && i >= len(line)-maxCreditLine-4; i-- {
		c, next := line[i], line[i+1]
		switch {
		case c >= 'a' && c <= 'z':
			glued = glued || next >= 'A' && next <= 'Z'
		case c == ' ':
			if !separated && (next == '|' || next == '-' || next == 0xE2 || quotedEnd(line[:i])) {
				n := creditSeparator(line, i)
				separated = n > 0 && creditLabelStart(line, i+n)
			}
		case c == '.':
			if !separated && next == ' ' {
				separated = creditLabelStart(line, i+2)
			}
			glued = glued || next >= 'A' && next <= 'Z' || next >= utf8.RuneSelf
		case c == ')' || c == '!' || c == '?':
			glued = glued || next >= 'A' && next <= 'Z' || next >= utf8.RuneSelf
		}
	}
	return glued, separated
}

// tailMarks against the position-at-a-time version, on lines whose marks
// fall anywhere in and around the searched end, bytes next to the tested
// ones included.
func TestTailMarksMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(31, 32))
	pieces := []string{"harbour", "at", "dusk", " ", " ", ".", ". ", "Photo", "photo", "Credit", " | ", " - ", " — ", "|", "-",
		")", "!", "?", "Z", "A", "@", "[", "`", "{", "é", "É", "\xae", "\xfc", "\xad", "Getty", "iStock", ",", "/", "0"}
	for range 40000 {
		s := randomText(r, pieces, 80)
		g, sep := tailMarks(s)
		wg, wsep := tailMarksRef(s)
		if g != wg || sep != wsep {
			t.Fatalf("tailMarks(%q) = %v, %v; want %v, %v", s, g, sep, wg, wsep)
		}
	}
}
