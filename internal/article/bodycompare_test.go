package article

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestCompareBodies is a tool, run by hand, not a check:
//
//	SEEDFEED_BODY_COMPARE=1 go test ./internal/article/ -run CompareBodies -v
//
// The metadata corpus labels no bodies, but each of its pages comes as a
// text scrape and as HTML, which Parse reads by two different paths.
// Where the two bodies share less than half their words (token F1 of one
// against the other, as the corpus scorer counts it), one of them is
// wrong: it lists those pages with each body's size and share of
// sentence-ending paragraphs, worst first. It found the guillemet and
// the readability-list bugs.
func TestCompareBodies(t *testing.T) {
	if os.Getenv("SEEDFEED_BODY_COMPARE") == "" {
		t.Skip("SEEDFEED_BODY_COMPARE not set")
	}
	dir := filepath.Join(sharedDir(t), "corpus", "metadata")
	files, _ := filepath.Glob(filepath.Join(dir, "input", "*.txt"))
	type row struct {
		name         string
		f1           float64
		text, html   int
		sentT, sentH float64
	}
	var rows []row
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		page, err := gunzipFile(filepath.Join(dir, "html", name+".html.gz"))
		if err != nil {
			continue
		}
		ta, errT := Parse(name+".txt", data, goldenOptions())
		ha, errH := Parse(name+".html", page, goldenOptions())
		var tb, hb []string
		if errT == nil {
			tb = ta.BodyParagraphs
		}
		if errH == nil {
			hb = ha.BodyParagraphs
		}
		tw, hw := wordBag(tb), wordBag(hb)
		if f := bagF1(tw, hw); f < 0.5 {
			rows = append(rows, row{name, f, len(tw), len(hw), sentenceShare(tb), sentenceShare(hb)})
		}
	}
	slices.SortFunc(rows, func(a, b row) int {
		switch {
		case a.f1 < b.f1:
			return -1
		case a.f1 > b.f1:
			return 1
		}
		return strings.Compare(a.name, b.name)
	})
	for _, r := range rows {
		t.Logf("%s  F1 %.2f  words text %5d html %5d  sentence-ending text %.2f html %.2f", r.name, r.f1, r.text, r.html, r.sentT, r.sentH)
	}
	t.Logf("%d of %d pages below 0.5", len(rows), len(files))
}

func gunzipFile(path string) ([]byte, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

// wordBag is the paragraphs' words, lower-cased and split at white
// space as the corpus scorer splits them.
func wordBag(paras []string) []string {
	return strings.Fields(strings.ToLower(strings.Join(paras, "\n")))
}

// bagF1 is the F1 of two multisets of words, 0 when either is empty.
func bagF1(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	count := make(map[string]int, len(a))
	for _, w := range a {
		count[w]++
	}
	common := 0
	for _, w := range b {
		if count[w] > 0 {
			count[w]--
			common++
		}
	}
	return 2 * float64(common) / float64(len(a)+len(b))
}

// sentenceShare is the share of the paragraphs' bytes in paragraphs of
// prose.
func sentenceShare(paras []string) float64 {
	all, in := 0, 0
	for _, p := range paras {
		all += len(p)
		if prose(p) {
			in += len(p)
		}
	}
	if all == 0 {
		return 0
	}
	return float64(in) / float64(all)
}
