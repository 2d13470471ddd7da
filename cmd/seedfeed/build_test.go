package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"seedfeed/internal/feed"
)

// build -out writes the resources the daemon serves, at the same paths and
// with the same bytes, plus a page per article.
func TestBuildWritesWhatServeServes(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "  schedule: \"@every 1h\"\n  watch: false\n  settle: 0s\n")
	seeds := filepath.Join(dir, "seeds")
	copyFixture(t, filepath.Join(seeds, "bridge.txt"), time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC))
	for i, body := range []string{
		"Gulls return to the old pier\n\nThe colony that left the pier during the works has come back, and the wardens counted more nests than before.\n",
		"---\ntitle: Lantern walk\ndate: 2026-10-31\n---\n\nThe lantern walk starts at the library at six and ends by the river.\n",
	} {
		name := []string{"gulls.txt", "lanterns.md"}[i]
		if err := os.WriteFile(filepath.Join(seeds, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "site")
	var stdout bytes.Buffer
	if err := run(context.Background(), []string{"build", "-config", cfg, "-out", out}, func(string) string { return "" }, &stdout, io.Discard); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout.String(), "wrote 3 articles") {
		t.Errorf("build said %q", stdout.String())
	}
	for _, slug := range []string{"inspectors-close-the-old-swing-bridge-for-urgent-repairs", "gulls-return-to-the-old-pier", "lantern-walk"} {
		for _, name := range []string{"index.html", "index.html.gz"} {
			if _, err := os.Stat(filepath.Join(out, "articles", slug, name)); err != nil {
				t.Errorf("article %s: %v", slug, err)
			}
		}
	}

	// The daemon on the same database serves the same bytes.
	in := start(t, cfg)
	for file, path := range map[string]string{"feed.xml": "/feed.xml", "atom.xml": "/atom.xml", "rss.xml": "/rss.xml",
		"feed.json": "/feed.json", "feed.css": "/feed.css", "index.html": "/",
		"articles/gulls-return-to-the-old-pier/index.html": "/articles/gulls-return-to-the-old-pier"} {
		written, err := os.ReadFile(filepath.Join(out, file))
		if err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		if _, served := in.get(path); !bytes.Equal(written, served) {
			t.Errorf("%s differs from what the daemon serves at %s", file, path)
		}
	}

	// A static host cannot choose by Accept: it serves the feeds, whose
	// stylesheet instruction names the CSS written beside them, and no
	// XSLT. The CSS file's time is its Last-Modified, not 1970.
	feedXML, err := os.ReadFile(filepath.Join(out, "feed.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(feedXML, []byte(`<?xml-stylesheet type="text/css" href="http://news.example.org/feed.css"?>`)) ||
		!bytes.HasPrefix(bytes.TrimSpace(feedXML[bytes.IndexByte(feedXML, '\n'):]), []byte("<?xml-stylesheet")) {
		t.Errorf("feed.xml does not start by naming feed.css:\n%.300s", feedXML)
	}
	if _, err := os.Stat(filepath.Join(out, "feed.xsl")); !os.IsNotExist(err) {
		t.Errorf("feed.xsl: %v, want no such file", err)
	}
	fi, err := os.Stat(filepath.Join(out, "feed.css"))
	if err != nil {
		t.Fatal(err)
	}
	if !fi.ModTime().Equal(feed.StylesheetModified) {
		t.Errorf("feed.css modified %v, want %v", fi.ModTime(), feed.StylesheetModified)
	}
	resp, _ := in.get("/feed.css")
	if got, want := resp.Header.Get("Last-Modified"), feed.StylesheetModified.Format(http.TimeFormat); got != want {
		t.Errorf("/feed.css Last-Modified %q, want %q", got, want)
	}
}
