package score_test

import (
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"seedfeed/internal/article"
	"seedfeed/internal/article/boilerplate"
	"seedfeed/internal/article/htmlextract"
	"seedfeed/internal/longtest"
	"seedfeed/internal/score"
)

var (
	verbose = flag.Int("worst", 0, "print the N worst pages of the real-world corpus")
	dump    = flag.String("dump", "", "write every page's token F1 to this file")
)

// corpusDir finds ../shared/corpus/realworld beside the repository root,
// or skips the test when the shared folder is absent.
func corpusDir(t testing.TB) string {
	t.Helper()
	return sharedCorpus(t, "realworld")
}

// sharedCorpus finds ../shared/corpus/NAME beside the repository root, or
// skips the test when it (or its expected/ folder) is absent.
func sharedCorpus(t testing.TB, name string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("repository root not found")
		}
		dir = parent
	}
	c := filepath.Join(filepath.Dir(dir), "shared", "corpus", name)
	if _, err := os.Stat(filepath.Join(c, "expected")); err != nil {
		t.Skipf("%s corpus absent: %v", name, err)
	}
	return c
}

// splitLines is how plain text becomes the classifier's lines: one per
// non-blank line, trimmed.
func splitLines(data []byte) []string {
	var lines []string
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return lines
}

// classifyBody keeps the body lines Classify found.
func classifyBody(_ string, data []byte) ([]string, error) {
	lines := splitLines(data)
	res := boilerplate.Classify(lines)
	var out []string
	for i := res.Body; i < res.End; i++ {
		if res.Kinds[i] == "" {
			out = append(out, lines[i])
		}
	}
	return out, nil
}

// split reports the figures on the even- and odd-numbered pages apart, so
// that tuning on one half can be checked on the other.
func split(rep score.Report) (even, odd score.Report) {
	var e, o []score.Page
	for i, p := range rep.Pages {
		if i%2 == 0 {
			e = append(e, p)
		} else {
			o = append(o, p)
		}
	}
	return score.Summarize(e), score.Summarize(o)
}

// parseBody is the whole normalizer as the daemon runs it: the body
// paragraphs of article.Parse, header fields (title, byline, dateline)
// excluded, as the corpus's ground truth excludes them.
func parseBody(name string, data []byte) ([]string, error) {
	a, err := parseArticle(name, data)
	if err != nil {
		return nil, err
	}
	return a.BodyParagraphs, nil
}

// parseArticle parses a corpus page as the corpus tests do, at the
// reference time the labels were made for.
func parseArticle(name string, data []byte) (*article.Article, error) {
	return article.Parse(name, data, article.Options{Ref: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)})
}

// floors are the ratchet: the levels reached so far, on the whole corpus
// and on the held-out odd pages. Raise them as extraction improves; a
// change that lowers a figure below them is a regression.
type floors struct {
	tokenF1, oddTokenF1     float64
	below                   int
	shingleF1, oddShingleF1 float64
}

func TestRealWorldText(t *testing.T) {
	longtest.Skip(t, "corpus scoring of 181 pages")
	runCorpus(t, score.Text, []corpusRun{
		{"text parse", parseBody, floors{tokenF1: 0.931, oddTokenF1: 0.924, below: 3}},
		{"text classify", classifyBody, floors{tokenF1: 0.926, oddTokenF1: 0.920, below: 3}},
	})
}

func TestRealWorldHTML(t *testing.T) {
	longtest.Skip(t, "corpus scoring of 181 pages")
	runCorpus(t, score.HTML, []corpusRun{
		{"html parse", parseBody, floors{shingleF1: 0.963, oddShingleF1: 0.959, below: 1}},
		{"html extract", htmlBody, floors{shingleF1: 0.964, oddShingleF1: 0.960, below: 1}},
	})
}

type corpusRun struct {
	name    string
	extract score.Extractor
	floors  floors
}

func runCorpus(t *testing.T, src score.Source, runs []corpusRun) {
	dir := corpusDir(t)
	if testing.Short() {
		t.Skip("corpus scoring skipped in -short mode")
	}
	for _, r := range runs {
		rep, err := score.Corpus(os.DirFS(dir), src, r.extract)
		if err != nil {
			t.Fatal(err)
		}
		even, odd := split(rep)
		t.Logf("%s all : %v", r.name, rep)
		t.Logf("%s even: %v", r.name, even)
		t.Logf("%s odd : %v", r.name, odd)
		f := r.floors
		if rep.Tokens.F1 < f.tokenF1 || odd.Tokens.F1 < f.oddTokenF1 || rep.Below > f.below ||
			rep.Shingles.F1 < f.shingleF1 || odd.Shingles.F1 < f.oddShingleF1 {
			t.Errorf("%s: figures fell below %+v: all %v; held-out odd %v", r.name, f, rep, odd)
		}
		if *dump != "" {
			var b strings.Builder
			for _, p := range rep.Pages {
				sp, sr := ratio(p.Shingle.TP, p.Shingle.FP), ratio(p.Shingle.TP, p.Shingle.FN)
				fmt.Fprintf(&b, "%s %.3f %.3f %.3f shingle %.3f %.3f %v\n", p.Name, p.Tokens.P, p.Tokens.R, p.Tokens.F1, sp, sr, p.Err)
			}
			if err := os.WriteFile(*dump+"."+strings.ReplaceAll(r.name, " ", "-"), []byte(b.String()), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		for _, p := range rep.Worst(*verbose) {
			t.Logf("  %s P=%.3f R=%.3f F1=%.3f err=%v", p.Name, p.Tokens.P, p.Tokens.R, p.Tokens.F1, p.Err)
		}
	}
}

// ratio is a page's shingle precision or recall, for the dump.
func ratio(tp, miss int) float64 {
	if tp+miss == 0 {
		return 0
	}
	return float64(tp) / float64(tp+miss)
}

// TestRealWorldScrapeAsIs checks the scorers against the README's "naive
// scrape as-is" reference row: token F1 0.640, shingle F1 0.671.
func TestRealWorldScrapeAsIs(t *testing.T) {
	dir := corpusDir(t)
	asIs := func(_ string, data []byte) ([]string, error) { return []string{string(data)}, nil }
	rep, err := score.Corpus(os.DirFS(dir), score.Text, asIs)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("scrape as-is: %v", rep)
	checks := []struct {
		name      string
		got, want float64
	}{
		{"token P", rep.Tokens.P, 0.507}, {"token R", rep.Tokens.R, 0.998}, {"token F1", rep.Tokens.F1, 0.640},
		{"shingle P", rep.Shingles.P, 0.506}, {"shingle R", rep.Shingles.R, 0.993}, {"shingle F1", rep.Shingles.F1, 0.671},
	}
	for _, c := range checks {
		if math.Abs(c.got-c.want) > 0.0005 {
			t.Errorf("%s = %.4f, README says %.3f", c.name, c.got, c.want)
		}
	}
}

func htmlBody(_ string, data []byte) ([]string, error) {
	res, err := htmlextract.Extract(data, nil)
	if err != nil {
		return nil, err
	}
	return res.Paragraphs, nil
}
