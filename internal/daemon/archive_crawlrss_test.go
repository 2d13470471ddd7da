package daemon

import (
	"bytes"
	"encoding/json"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	"seedfeed/internal/feed"
)

// TestArchiveCrawlRSS has a real RFC 5005 consumer walk the archive: the
// crawler of github.com/jameysharp/crawl-rss (Python), from a checkout in
// CRAWL_RSS_DIR, with /usr/bin/python3 (or CRAWL_RSS_PYTHON) providing
// feedparser, SQLAlchemy 1.4, httpx and starlette (Debian: python3-feedparser
// python3-sqlalchemy python3-httpx python3-starlette). Skipped otherwise.
func TestArchiveCrawlRSS(t *testing.T) {
	dir := os.Getenv("CRAWL_RSS_DIR")
	if dir == "" {
		t.Skip("CRAWL_RSS_DIR not set")
	}
	python := os.Getenv("CRAWL_RSS_PYTHON")
	if python == "" {
		python = "/usr/bin/python3"
	}
	if out, err := exec.Command(python, "-c", "import feedparser, sqlalchemy, httpx, starlette").CombinedOutput(); err != nil {
		t.Skipf("%s lacks crawl-rss's modules: %v\n%s", python, err, out)
	}
	driver, err := filepath.Abs("testdata/crawlrss.py")
	if err != nil {
		t.Fatal(err)
	}

	w := newArchiveWorld(t, filepath.Join(t.TempDir(), "state.db"), 3)
	ts := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) { w.srv.ServeHTTP(rw, r) }))
	defer ts.Close()
	w.cfg.Site.BaseURL = ts.URL

	// crawl runs the crawler with its database db and checks that it
	// kept exactly the published articles, each once.
	crawl := func(db, sub string, want []string) {
		t.Helper()
		cmd := exec.Command(python, driver, dir, ts.URL+sub)
		cmd.Env = append(os.Environ(), "DATABASE_URL=sqlite:///"+db)
		cmd.Dir = t.TempDir()
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("crawl-rss: %v\n%s", err, stderr.String())
		}
		var rows [][2]string
		if err := json.Unmarshal(out, &rows); err != nil {
			t.Fatalf("crawl-rss output %q: %v", out, err)
		}
		kept := map[string]int{}
		pages := map[string]bool{}
		for _, r := range rows {
			kept[r[0]]++
			pages[r[1]] = true
		}
		for id, n := range kept {
			if n != 1 {
				t.Errorf("crawl-rss kept %s %d times", id, n)
			}
		}
		if got := slices.Sorted(maps.Keys(kept)); !slices.Equal(got, want) {
			t.Errorf("crawl-rss kept %d entries, %d are published:\n got %q\nwant %q", len(got), len(want), got, want)
		}
		t.Logf("crawl-rss kept %d entries from %d documents", len(kept), len(pages))
	}

	w.add(11) // four archive pages
	w.publish()
	ids, _ := w.published()
	db := filepath.Join(t.TempDir(), "crawl.db")
	crawl(db, feed.PathFeed, ids)

	// More articles: the same database crawls again incrementally.
	w.add(4)
	w.publish()
	ids, _ = w.published()
	crawl(db, feed.PathFeed, ids)

	// An edit and a removal in the middle, read by a new crawler.
	w.edit(5)
	w.remove(8)
	w.publish()
	ids, _ = w.published()
	crawl(filepath.Join(t.TempDir(), "fresh.db"), feed.PathFeed, ids)
	// RSS carries the same links as atom:link elements.
	crawl(filepath.Join(t.TempDir(), "rss.db"), feed.PathRSS, ids)
}
