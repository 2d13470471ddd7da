package article

import (
	"math"
	"testing"
)

// TestNearestCopy: when the chosen headline stands in a list, under
// another item's writer, the candidate with its text nearest above the
// body start is the story's header; a headline under the menu stays (a
// copy nearer the body is a gallery's), as does one below the body
// start, and a candidate with other words is never taken for a copy.
func TestNearestCopy(t *testing.T) {
	// Lines: 0 another teaser's writer, 1 teaser copy, 2 teaser's date,
	// 3 header copy, 4 byline, 5 body start (body = 5), 6 a late copy
	// below it.
	paras := []string{"Lena Hartmann", "Stille Stunden im Garten", "4. Mai 2023",
		"Stille Stunden im Garten", "Ulrike Brandt", "Wer morgens …", "Stille Stunden im Garten"}
	const body = 5
	cand := func(i int, part string) headCand {
		c := headCand{i: i, part: part}
		if i == 1 {
			c.f[hfAfterName] = 1
		}
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
		{"a copy under the menu stays", []headCand{func() headCand { c := cand(1, ""); c.f[hfAfterName] = 0; return c }(), cand(3, "")}, 0, 1},
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
