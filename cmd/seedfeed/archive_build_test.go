package main

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// build -out writes the archived feed and the index pages at the paths the
// daemon serves them, with the same bytes, and a reader walking the
// written files from feed.xml finds every article once.
func TestBuildWritesArchiveAndIndexPages(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "  schedule: \"@every 1h\"\n  watch: false\n  settle: 0s\nfeed:\n  items: 2\n")
	seeds := filepath.Join(dir, "seeds")
	const articles = 7
	for i := 1; i <= articles; i++ {
		body := fmt.Sprintf("---\ntitle: Tide table %d\ndate: 2026-10-%02d\n---\n\nThe tide table for week %d is out, with the spring tides marked.\n", i, i, i)
		if err := os.WriteFile(filepath.Join(seeds, fmt.Sprintf("tide-%d.md", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "site")
	if err := run(context.Background(), []string{"build", "-config", cfg, "-out", out}, func(string) string { return "" }, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}

	// Seven articles, two to a page: four archive pages and four index pages.
	var files []string
	for n := 1; n <= 4; n++ {
		for _, name := range []string{"feed.xml", "rss.xml", "feed.json"} {
			files = append(files, fmt.Sprintf("archive/%d/%s", n, name))
		}
		if n > 1 {
			files = append(files, fmt.Sprintf("page/%d/index.html", n))
		}
	}
	in := start(t, cfg)
	// A restart serves the feeds at once, and the history (archive and
	// index pages) after its first scan.
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		a, _ := in.get("/archive/4/feed.json")
		p, _ := in.get("/page/4/")
		if a.StatusCode == http.StatusOK && p.StatusCode == http.StatusOK {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the archive is not served 20 s after start")
		}
	}
	for _, f := range files {
		written, err := os.ReadFile(filepath.Join(out, f))
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if _, err := os.Stat(filepath.Join(out, f+".gz")); err != nil {
			t.Errorf("%s.gz: %v", f, err)
		}
		path := "/" + strings.TrimSuffix(f, "index.html")
		if _, served := in.get(path); !bytes.Equal(written, served) {
			t.Errorf("%s differs from what the daemon serves at %s", f, path)
		}
	}
	for _, missing := range []string{"archive/5/feed.xml", "page/5/index.html", "page/1/index.html"} {
		if _, err := os.Stat(filepath.Join(out, missing)); err == nil {
			t.Errorf("%s written", missing)
		}
	}

	// Walk the files as a static host serves them.
	seen := map[string]int{}
	next := "http://news.example.org/feed.xml"
	for hops := 0; next != ""; hops++ {
		if hops > 10 {
			t.Fatal("the walk does not end")
		}
		body, err := os.ReadFile(filepath.Join(out, strings.TrimPrefix(next, "http://news.example.org/")))
		if err != nil {
			t.Fatal(err)
		}
		var f struct {
			Links []struct {
				Rel  string `xml:"rel,attr"`
				Href string `xml:"href,attr"`
			} `xml:"http://www.w3.org/2005/Atom link"`
			Archive []struct{} `xml:"http://purl.org/syndication/history/1.0 archive"`
			Entries []struct {
				ID string `xml:"http://www.w3.org/2005/Atom id"`
			} `xml:"http://www.w3.org/2005/Atom entry"`
		}
		if err := xml.Unmarshal(body, &f); err != nil {
			t.Fatal(err)
		}
		if hops > 0 {
			if len(f.Archive) != 1 {
				t.Errorf("%s is not marked fh:archive", next)
			}
			for _, e := range f.Entries {
				seen[e.ID]++
			}
		}
		next = ""
		for _, l := range f.Links {
			if l.Rel == "prev-archive" {
				next = l.Href
			}
		}
	}
	if len(seen) != articles {
		t.Errorf("the walk found %d articles, want %d", len(seen), articles)
	}
	for id, n := range seen {
		if n != 1 {
			t.Errorf("%s archived %d times", id, n)
		}
	}
}
