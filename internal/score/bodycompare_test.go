package score_test

import (
	"cmp"
	"os"
	"path"
	"slices"
	"strings"
	"testing"

	"seedfeed/internal/longtest"
	"seedfeed/internal/score"
)

// maxBodyDisagreements is the most metadata pages whose text and HTML
// bodies may share less than half their words (lower it as the paths
// improve).
const maxBodyDisagreements = 45

// TestCompareBodies: the metadata corpus labels no bodies, but each of
// its pages comes as a text scrape and as HTML, which Parse reads by two
// different paths. Where the two bodies share less than half their words
// (the scorer's token F1 of one against the other), one of them is
// wrong. It counts those pages against a ceiling and, with -v, lists
// them, worst first:
//
//	SEEDFEED_LONG=1 go test ./internal/score/ -run CompareBodies -v
//
// It found the guillemet and the readability-list bugs of 2026-12-03.
func TestCompareBodies(t *testing.T) {
	longtest.Skip(t, "parsing 420 pages twice")
	t.Parallel()
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
	if len(rows) > maxBodyDisagreements {
		t.Errorf("%d pages whose text and HTML bodies disagree, more than the ceiling of %d", len(rows), maxBodyDisagreements)
	}
}
