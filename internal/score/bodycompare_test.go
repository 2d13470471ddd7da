package score_test

import (
	"cmp"
	"os"
	"path"
	"slices"
	"strings"
	"testing"

	"seedfeed/internal/score"
)

// TestCompareBodies is a tool, run by hand, not a check:
//
//	SEEDFEED_BODY_COMPARE=1 go test ./internal/score/ -run CompareBodies -v
//
// The metadata corpus labels no bodies, but each of its pages comes as a
// text scrape and as HTML, which Parse reads by two different paths.
// Where the two bodies share less than half their words (the scorer's
// token F1 of one against the other), one of them is wrong: it lists
// those pages, worst first. It found the guillemet and the
// readability-list bugs of 2026-12-03.
func TestCompareBodies(t *testing.T) {
	if os.Getenv("SEEDFEED_BODY_COMPARE") == "" {
		t.Skip("SEEDFEED_BODY_COMPARE not set")
	}
	fsys := os.DirFS(sharedCorpus(t, "metadata"))
	// bodies reads every page of one input through the corpus reader,
	// keeping the body paragraphs the header scorer has no use for.
	bodies := func(src score.Source) map[string]string {
		out := map[string]string{}
		_, err := score.MetaCorpus(fsys, src, func(name string, data []byte) (score.MetaPred, error) {
			paras, err := parseBody(name, data)
			out[strings.TrimSuffix(name, path.Ext(name))] = strings.Join(paras, "\n")
			return score.MetaPred{}, err
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	text, html := bodies(score.Text), bodies(score.HTML)
	type row struct {
		name       string
		f1         float64
		text, html int
	}
	var rows []row
	for name, tb := range text {
		hb := html[name]
		if f := score.Tokens(hb, tb).F1; f < 0.5 {
			rows = append(rows, row{name, f, len(strings.Fields(tb)), len(strings.Fields(hb))})
		}
	}
	slices.SortFunc(rows, func(a, b row) int { return cmp.Or(cmp.Compare(a.f1, b.f1), cmp.Compare(a.name, b.name)) })
	for _, r := range rows {
		t.Logf("%s  F1 %.2f  words text %5d html %5d", r.name, r.f1, r.text, r.html)
	}
	t.Logf("%d of %d pages below 0.5", len(rows), len(text))
}
