package article

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// splitSegmentsRef is splitSegments trying every separator at every
// space, bar and lead byte, as it did before it looked at the byte after
// a space first.
func splitSegmentsRef(s string, out []string) []string {
	from := 0
	for i := 0; i < len(s) && len(out) < cap(out)-1; i++ {
		switch s[i] {
		case ' ', '|', 0xC2, 0xE2:
		default:
			continue
		}
		for _, sep := range segmentSeps {
			if strings.HasPrefix(s[i:], sep) {
				if t := strings.TrimSpace(s[from:i]); t != "" {
					out = append(out, t)
				}
				from = i + len(sep)
				i = from - 1
				break
			}
		}
	}
	if t := strings.TrimSpace(s[from:]); t != "" {
		out = append(out, t)
	}
	return out
}

func TestSplitSegmentsMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	pieces := []string{" ", "  ", "|", "-", "--", ":", "::", "·", "•", "—", "–", "»", "«", "\xc2", "\xe2", "By", "Jane Roe", "May 3, 2024", "x"}
	for range 30000 {
		s := randomText(r, pieces, 14)
		var a, b [8]string
		if got, want := splitSegments(s, a[:0]), splitSegmentsRef(s, b[:0]); !slices.Equal(got, want) {
			t.Fatalf("splitSegments(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestBylineLabelsByFirstByte holds bylineLabel, which tries only the
// labels that open with the line's first letter, to trying them all, and
// checks what that rests on: every label opens with an ASCII letter or a
// rune that folds to no ASCII letter.
func TestBylineLabelsByFirstByte(t *testing.T) {
	for _, p := range bylineLabels {
		c := p[0]
		if c < 0x80 && (c|0x20)-'a' >= 26 || c == 0xC5 || c == 0xE2 {
			t.Errorf("label %q opens with %#x", p, c)
		}
	}
	r := rand.New(rand.NewPCG(17, 18))
	pieces := append([]string{" ", ":", "Jane Roe", "x", "ſ", "\u212a", "É", "1", "-", "Bystander"}, bylineLabels[:]...)
	for range 30000 {
		s := randomText(r, pieces, 4)
		if r.IntN(2) == 0 {
			s = strings.ToUpper(s)
		}
		gr, gh, gs, gok := bylineLabel(s)
		wr, wh, ws, wok := bylineLabelAmong(s, bylineLabels[:])
		if gr != wr || gh != wh || gs != ws || gok != wok {
			t.Fatalf("bylineLabel(%q) = %q %v %v %v, trying every label %q %v %v %v", s, gr, gh, gs, gok, wr, wh, ws, wok)
		}
	}
}
