package article

import (
	"math/rand/v2"
	"testing"
)

// TestUnglueSkipsLowerSafely holds unglue, which passes over ASCII
// lower-case letters without asking unicode about them, to the rune by
// rune scan it was written from.
func TestUnglueSkipsLowerSafely(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 16))
	pieces := []string{"By", "Alex", "Bozarjian", "Staff", "Writer", "November", "6", "2023", "Follow", "Author", "Evan", "Halper",
		"谢若含", "Adwan", "1", "Mai", " ", " ", ",", "é", "É", "\xff", "\u00a0", "x", "Ⱥ"}
	for range 30000 {
		s := randomText(r, pieces, 10)
		if got, want := unglue(s), unglueScan(s, false); got != want {
			t.Fatalf("unglue(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestUndoubleLooksFirstSafely holds undouble, which first looks for its
// first word again, to finding every word.
func TestUndoubleLooksFirstSafely(t *testing.T) {
	r := rand.New(rand.NewPCG(19, 20))
	pieces := []string{"Sean", "Martin", " ", "  ", "\t", "\u00a0", "\u2009", "Sean Martin", "é", "\xff", "x", "Jane Roe Jane Roe"}
	doubled := 0
	for range 30000 {
		s := randomText(r, pieces, 8)
		if r.IntN(4) == 0 {
			s = s + " " + s
		}
		got, want := undouble(s), undoubleFields(s)
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
