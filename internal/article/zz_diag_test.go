package article

import (
	"fmt"
	"os"
	"sort"
	"testing"
)

func TestDiagWrong(t *testing.T) {
	if os.Getenv("SEEDFEED_FIT_HEADLINE") == "" {
		t.Skip()
	}
	pages := headlinePages(t)
	for _, p := range pages {
		hasGold := false
		for _, g := range p.gold {
			hasGold = hasGold || g
		}
		idx := make([]int, len(p.cands))
		for k := range idx {
			idx[k] = k
		}
		sort.Slice(idx, func(a, b int) bool {
			return dotHead(&headWeights, &p.cands[idx[a]].f) > dotHead(&headWeights, &p.cands[idx[b]].f)
		})
		if len(idx) > 0 && p.gold[idx[0]] {
			continue
		}
		fmt.Printf("== %s gold=%v ncand=%d\n", p.name, hasGold, len(p.cands))
		for r, k := range idx {
			if r >= 4 && !p.gold[k] {
				continue
			}
			fmt.Printf("  %d %v %.2f line=%d %q\n", r, p.gold[k], dotHead(&headWeights, &p.cands[k].f), p.cands[k].i, trunc(p.text[k], 90))
		}
	}
}

func trunc(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
