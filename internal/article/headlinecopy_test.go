package article

import (
	"math"
	"testing"
)

// TestNearestCopy: of the candidates that are the chosen headline's text,
// the one nearest above the body start is the story's header (a copy
// further up is a teaser of it, with another teaser's writer and the
// list's dates around it); a headline below the body start stays where
// it is, and a candidate with other words is never taken for a copy.
func TestNearestCopy(t *testing.T) {
	// Lines: 0 menu, 1 teaser copy, 2 teaser's date, 3 header copy,
	// 4 byline, 5 body start (body = 5), 6 a late copy below it.
	paras := []string{"Startseite", "Stille Stunden im Garten", "4. Mai 2023",
		"Stille Stunden im Garten", "Ulrike Brandt", "Wer morgens …", "Stille Stunden im Garten"}
	const body = 5
	cand := func(i int, part string) headCand {
		c := headCand{i: i, part: part}
		if i >= body {
			c.f[hfAfter] = 1
			c.f[hfLogDist] = math.Log1p(float64(i - body + 1))
		} else {
			c.f[hfLogDist] = math.Log1p(float64(body - i))
		}
		return c
	}
	tests := []struct {
		name  string
		cands []headCand
		best  int // index into cands
		want  int // line
	}{
		{"teaser copy gives way to the header's", []headCand{cand(1, ""), cand(3, ""), cand(6, "")}, 0, 3},
		{"the header's copy stays", []headCand{cand(1, ""), cand(3, "")}, 1, 3},
		{"a headline below the body start stays", []headCand{cand(1, ""), cand(3, ""), cand(6, "")}, 2, 6},
		{"a copy below the body start is not taken for the header's", []headCand{cand(1, ""), cand(6, "")}, 0, 1},
		{"other words are no copy", []headCand{cand(1, ""), cand(3, "Stille Stunden")}, 0, 1},
		{"a part with the same words is a copy", []headCand{cand(1, ""), cand(2, "Stille Stunden im Garten")}, 0, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := &textReader{paras: paras}
			if got := tr.nearestCopy(tt.cands, tt.cands[tt.best]); got.i != tt.want {
				t.Errorf("line %d, want %d", got.i, tt.want)
			}
		})
	}
}
