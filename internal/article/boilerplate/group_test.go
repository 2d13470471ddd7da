package boilerplate

import (
	"math/rand/v2"
	"testing"
)

// TestGroupLinesMatchesMap checks the line grouping against a map of
// texts: every line's group is the first line with its text, and a line
// whose text occurs n > 1 times has dup n, others 0.
func TestGroupLinesMatchesMap(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	texts := []string{"", "Share this:", "Share this", "share this:", proseA, proseB, "Photo: AP", "Photo: AP ", "1", "2", "Advertisement"}
	for _, n := range []int{0, 1, 2, 3, 7, 40, 1000} {
		for range 20 {
			lines := make([]string, n)
			for i := range lines {
				if r.IntN(4) == 0 {
					lines[i] = proseC[:r.IntN(len(proseC))]
				} else {
					lines[i] = texts[r.IntN(len(texts))]
				}
			}
			p := &page{lines: lines, feats: make([]feat, n)}
			p.groupLines()
			count := map[string]int{}
			first := map[string]int{}
			for i, s := range lines {
				if _, ok := first[s]; !ok {
					first[s] = i
				}
				count[s]++
			}
			dups := false
			for i, s := range lines {
				want := count[s]
				if want < 2 {
					want = 0
				} else {
					dups = true
				}
				if int(p.feats[i].dup) != want || int(p.group[i]) != first[s] {
					t.Fatalf("line %d %q: dup %d group %d, want %d %d", i, s, p.feats[i].dup, p.group[i], want, first[s])
				}
			}
			if p.dups != dups {
				t.Fatalf("dups %v, want %v", p.dups, dups)
			}
		}
	}
}
