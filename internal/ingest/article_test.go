package ingest

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"seedfeed/internal/article"
	"seedfeed/internal/corpus"
)

// The real normalizer behind the scanner: every generated article is
// published under its own title, with the boilerplate gone, dated by its
// own date when the normalizer finds one (read in the year its file's
// mtime implies) and by the scan otherwise.
func TestScanWithArticleParse(t *testing.T) {
	mem := fstest.MapFS{}
	want := map[string]corpus.Article{}
	err := corpus.Generate(40, 9, func(a corpus.Article) error {
		mem[a.Name] = file(string(a.Data), a.ModTime)
		want[a.Name] = a
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, mem, func(c *Config) {
		c.Parse = article.Parse
		c.MaxFileBytes = 2 << 20
	})
	e.clock.Advance(48 * time.Hour) // past the corpus's newest mtime
	e.scan()
	if rej := e.rejects(); len(rej) != 0 {
		t.Fatalf("rejected %v", rej)
	}
	got := e.published()
	if len(got) != len(want) {
		t.Fatalf("%d published, want %d", len(got), len(want))
	}
	undated := 0
	for _, r := range got {
		a := want[r.Path]
		if r.Article.Title != a.Title {
			t.Errorf("%s: title %q, want %q", r.Path, r.Article.Title, a.Title)
		}
		switch own := r.Article.Published; {
		case own != nil && (!r.Published.Equal(*own) || !own.Equal(a.Date)):
			t.Errorf("%s: published %v, article's own date %v, want the dateline's day %v", r.Path, r.Published, own, a.Date)
		case own == nil && !r.Published.Equal(r.FirstSeen):
			t.Errorf("%s: undated article published %v, want first seen %v", r.Path, r.Published, r.FirstSeen)
		case own == nil:
			undated++
		}
		if body := strings.Join(r.Article.BodyParagraphs, "\n"); strings.Contains(body, "Spread the love") || strings.Contains(body, "Leave a Reply") {
			t.Errorf("%s: boilerplate left in the body", r.Path)
		}
		if !r.Updated.Equal(r.FirstSeen) || r.FirstSeen.Before(t0.Add(-time.Second)) {
			t.Errorf("%s: first seen %v updated %v", r.Path, r.FirstSeen, r.Updated)
		}
	}
	if undated > 0 {
		t.Logf("%d of %d articles came out of the normalizer without their dateline's date", undated, len(got))
	}
}
