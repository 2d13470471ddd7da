package score_test

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"seedfeed/internal/longtest"
	"seedfeed/internal/score"
)

// metaFloors are the ratchet for header fields on shared/corpus/metadata:
// each figure of each input mode and source may not fall below its floor.
// Raise a row when extraction improves (the current figure minus about
// 0.005, as for the body floors); 0 means the source does not label that
// field. The figures are those `seedfeed check -score` and the corpus's
// score.py print: title exact and token F1, authors F1 on pages with a
// byline, the share of "no byline" pages predicted empty, date exact, and
// the share of "no date" pages predicted null. A floor fell once, on
// 2026-12-06: text headlines on Mercury's pages, 0.900 and 0.919 before
// the refit with hfBlockTop, whose weights score 0.884 on those pages
// against 0.905 for the weights before, which had been tuned with those
// pages in view; held out in ten-fold cross-validation the refit gets
// more of them right (0.862 against 0.850, nine drawings:
// SEEDFEED_FIT_HEADLINE's fit test prints both).
var metaFloors = []metaFloor{
	// mode, source:     title exact, title F1, authors, no byline, date exact, no date
	{"text", "all", 0.835, 0.872, 0.817, 0.951, 0.874, 0.867},
	{"text", "mercury", 0.890, 0.910, 0.861, 0, 0.914, 0},
	{"text", "trafilatura", 0.816, 0.857, 0.797, 0.951, 0.871, 0.867},
	{"text", "htmldate", 0, 0, 0, 0, 0.826, 0},
	{"html", "all", 0.905, 0.935, 0.854, 0.841, 0.932, 0.482},
	{"html", "mercury", 0.911, 0.936, 0.926, 0, 0.903, 0},
	{"html", "trafilatura", 0.903, 0.935, 0.822, 0.841, 0.940, 0.482},
	{"html", "htmldate", 0, 0, 0, 0, 0.944, 0},
}

type metaFloor struct {
	mode, source                                             string
	titleExact, titleF1, authors, noByline, date, noDateNull float64
}

func TestMetadataText(t *testing.T) { runMetaCorpus(t, "text", score.Text) }
func TestMetadataHTML(t *testing.T) { runMetaCorpus(t, "html", score.HTML) }

func runMetaCorpus(t *testing.T, mode string, src score.Source) {
	longtest.Skip(t, "corpus scoring of 420 pages")
	dir := sharedCorpus(t, "metadata")
	if testing.Short() {
		t.Skip("corpus scoring skipped in -short mode")
	}
	rep, err := score.MetaCorpus(os.DirFS(dir), src, score.Predict)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := rep.WriteSummary(&b); err != nil {
		t.Fatal(err)
	}
	t.Logf("%s:\n%s", mode, b.String())
	// The two halves by page number, to check that a gain is not one
	// half's luck.
	for _, half := range []int{0, 1} {
		s := rep.Summary(func(p score.MetaPage) bool { return pageNumber(p.Name)%2 == half })
		t.Logf("%s half %d: title exact %.3f F1 %.3f, authors %.3f, date exact %.3f",
			mode, half, s.TitleExact, s.TitleTokenF1, s.AuthorsBylineF1, s.DateExact)
	}
	checked := 0
	for _, f := range metaFloors {
		if f.mode != mode {
			continue
		}
		checked++
		s := rep.Summary(nil)
		if f.source != "all" {
			s = rep.BySource(f.source)
		}
		for _, c := range []struct {
			name       string
			got, floor float64
		}{
			{"title exact", s.TitleExact, f.titleExact},
			{"title token F1", s.TitleTokenF1, f.titleF1},
			{"authors F1 (byline)", s.AuthorsBylineF1, f.authors},
			{"no byline -> empty", s.AuthorsNoBylineEmpty, f.noByline},
			{"date exact", s.DateExact, f.date},
			{"no date -> null", s.DateAbsentNull, f.noDateNull},
		} {
			// A NaN figure (the source labels no such page) fails a
			// non-zero floor too: the corpus changed under the table.
			if c.floor > 0 && !(c.got >= c.floor) {
				t.Errorf("%s source=%s: %s = %.3f, below its floor %.3f", mode, f.source, c.name, c.got, c.floor)
			}
		}
	}
	if checked == 0 {
		t.Errorf("no floors for mode %s", mode)
	}
}

// pageNumber is NNN of md_NNN_hash, or -1.
func pageNumber(name string) int {
	parts := strings.SplitN(name, "_", 3)
	if len(parts) < 2 {
		return -1
	}
	n, err := strconv.Atoi(parts[1])
	if err != nil {
		return -1
	}
	return n
}
