package daemon

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"
	"github.com/robfig/cron/v3"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"seedfeed/internal/feedcheck"
)

var labelSeeds = map[string]string{
	"one.md": `---
title: Harbour budget passes
author: Ana Lima
date: 2026-01-03
tags: [Économie, Port]
---
The council passed the harbour budget on Tuesday after a long debate about dredging.
`,
	"two.md": `---
title: Fish prices fall
author: [Ana Lima, Bo Chen]
date: 2026-01-04
tags: [economie, हिंदी]
---
Fish prices fell for the third week running as the boats came back early.
`,
	"three.md": `---
title: New ferry named
author: Bo Chen
date: 2026-01-05
tags: [C#, Port, R & D]
---
The new ferry will be named after the harbour master who retired last spring.
`,
}

// strictXML fails t on a document feedcheck.WellFormed refuses.
func strictXML(t *testing.T, what string, b []byte) {
	t.Helper()
	if err := feedcheck.WellFormed(b); err != nil {
		t.Fatalf("%s: not well-formed XML: %v", what, err)
	}
}

func get(t *testing.T, h http.Handler, target string) (int, []byte) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
	return rec.Code, rec.Body.Bytes()
}

func TestTagAndAuthorFeedsServed(t *testing.T) {
	d := newTestDaemon(t, "site:\n  title: Harbour\n  base_url: https://news.example.org\nseeds:\n  settle: 0s\n")
	for name, body := range labelSeeds {
		writeFile(t, filepath.Join(d.seeds, name), body)
	}
	d.scan(true)

	tests := []struct {
		dir    string
		titles []string
	}{
		{"/tags/economie", []string{"Fish prices fall", "Harbour budget passes"}},
		{"/tags/port", []string{"New ferry named", "Harbour budget passes"}},
		{"/tags/" + url.PathEscape("हिंदी"), []string{"Fish prices fall"}},
		{"/tags/c%23", []string{"New ferry named"}},
		{"/tags/r-%26-d", []string{"New ferry named"}},
		{"/authors/ana-lima", []string{"Fish prices fall", "Harbour budget passes"}},
		{"/authors/bo-chen", []string{"New ferry named", "Fish prices fall"}},
	}
	for _, tt := range tests {
		for _, doc := range []string{"/feed.xml", "/rss.xml", "/feed.json"} {
			code, body := get(t, d.srv, tt.dir+doc)
			if code != 200 {
				t.Errorf("%s%s: %d", tt.dir, doc, code)
				continue
			}
			if doc != "/feed.json" {
				strictXML(t, tt.dir+doc, body)
			}
			f, err := gofeed.NewParser().ParseString(string(body))
			if err != nil {
				t.Fatalf("%s%s: gofeed: %v", tt.dir, doc, err)
			}
			var titles []string
			for _, it := range f.Items {
				titles = append(titles, it.Title)
			}
			if !slices.Equal(titles, tt.titles) {
				t.Errorf("%s%s: items %q, want %q", tt.dir, doc, titles, tt.titles)
			}
			if f.Link != "https://news.example.org"+tt.dir+"/" {
				t.Errorf("%s%s: link %q", tt.dir, doc, f.Link)
			}
			if doc == "/feed.xml" && f.FeedLink != "https://news.example.org"+tt.dir+doc {
				t.Errorf("%s%s: self %q", tt.dir, doc, f.FeedLink)
			}
		}
		code, page := get(t, d.srv, tt.dir+"/")
		if code != 200 {
			t.Fatalf("%s/: %d", tt.dir, code)
		}
		alt := alternates(t, page)
		for typ, doc := range map[string]string{"application/atom+xml": "/feed.xml", "application/rss+xml": "/rss.xml", "application/feed+json": "/feed.json"} {
			if alt[typ] != "https://news.example.org"+tt.dir+doc {
				t.Errorf("%s/: alternate %s = %q", tt.dir, typ, alt[typ])
			}
		}
	}

	// The index lists the tags, the most used first; the article page
	// links its tags and authors.
	_, index := get(t, d.srv, "/")
	for _, want := range []string{`href="https://news.example.org/tags/economie/"`, `href="https://news.example.org/tags/port/"`, `href="https://news.example.org/tags/c%23/"`} {
		if !bytes.Contains(index, []byte(want)) {
			t.Errorf("index has no %s", want)
		}
	}
	if i, j := bytes.Index(index, []byte(">Économie<")), bytes.Index(index, []byte(">C#<")); i < 0 || j < 0 || i > j {
		t.Errorf("index tags not most used first (Économie at %d, C# at %d)", i, j)
	}
	_, art := get(t, d.srv, "/articles/fish-prices-fall")
	for _, want := range []string{`href="https://news.example.org/tags/economie/"`, `href="https://news.example.org/authors/bo-chen/"`, `href="https://news.example.org/tags/` + url.PathEscape("हिंदी") + `/"`} {
		if !bytes.Contains(art, []byte(want)) {
			t.Errorf("article page has no %s", want)
		}
	}

	// Every tag and every author is listed, by name, on its section's page.
	_, all := get(t, d.srv, "/tags/")
	want := []string{">C#<", ">Économie<", ">Port<", ">हिंदी<"}
	last := -1
	for _, w := range want {
		i := bytes.Index(all, []byte(w))
		if i < 0 || i < last {
			t.Errorf("/tags/: %s missing or out of order", w)
		}
		last = i
	}
	if _, authors := get(t, d.srv, "/authors/"); !bytes.Contains(authors, []byte(`href="https://news.example.org/authors/bo-chen/"`)) {
		t.Error("/authors/ does not link Bo Chen")
	}

	// A reload that renames the site renames the tag's feed too, although
	// the tag's articles did not change.
	_, before := get(t, d.srv, "/tags/port/feed.xml")
	if !bytes.Contains(before, []byte("<title>Harbour: Port</title>")) {
		t.Errorf("tag feed title: %s", before[:min(len(before), 600)])
	}
	writeFile(t, d.cfgPath, "site:\n  title: Quay\n  base_url: https://news.example.org\nseeds:\n  settle: 0s\nstate:\n  path: state.db\n")
	d.reload(d.cfgPath, nil, cron.New())
	d.scanOnce(t.Context(), d.currentConfig(), d.scanner, true, nil, true) // as the loop does after a reload
	if _, after := get(t, d.srv, "/tags/port/feed.xml"); !bytes.Contains(after, []byte("<title>Quay: Port</title>")) {
		t.Errorf("after a reload the tag feed still says %s", after[:min(len(after), 600)])
	}

	// An edit that drops a tag shows at the next snapshot.
	writeFile(t, filepath.Join(d.seeds, "two.md"), strings.Replace(labelSeeds["two.md"], "[economie, हिंदी]", "[हिंदी]", 1))
	d.scan(true)
	_, body := get(t, d.srv, "/tags/economie/feed.json")
	if bytes.Contains(body, []byte("Fish prices fall")) {
		t.Error("a tag's feed kept an article after the tag was removed from it")
	}
}

func alternates(t *testing.T, page []byte) map[string]string {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && n.DataAtom == atom.Link {
			var rel, typ, href string
			for _, a := range n.Attr {
				switch a.Key {
				case "rel":
					rel = a.Val
				case "type":
					typ = a.Val
				case "href":
					href = a.Val
				}
			}
			if rel == "alternate" {
				out[typ] = href
			}
		}
	}
	return out
}

// build -out writes every tag's and author's documents at the paths the
// server answers them on, with the same bytes.
func TestBuildWritesLabels(t *testing.T) {
	d := newTestDaemon(t, "site:\n  title: Harbour\n  base_url: https://news.example.org\nseeds:\n  settle: 0s\n")
	for name, body := range labelSeeds {
		writeFile(t, filepath.Join(d.seeds, name), body)
	}
	// The build reads the daemon's database, whose scan fixed the
	// articles' identities and dates, and finds nothing new to store.
	d.scan(true)
	out := t.TempDir()
	if _, err := Build(t.Context(), d.cfg, out, nil); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/tags/", "/authors/", "/tags/economie/", "/tags/economie/feed.xml", "/tags/c%23/rss.xml", "/tags/r-%26-d/feed.xml", "/tags/r-%26-d/", "/tags/" + url.PathEscape("हिंदी") + "/feed.json", "/authors/ana-lima/feed.xml", "/authors/bo-chen/"} {
		u, _ := url.PathUnescape(p)
		file := filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(u, "/")))
		if strings.HasSuffix(p, "/") {
			file = filepath.Join(file, "index.html")
		}
		got, err := os.ReadFile(file)
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		if _, err := os.Stat(file + ".gz"); err != nil {
			t.Errorf("%s: no gzip sibling: %v", p, err)
		}
		code, served := get(t, d.srv, p)
		if code != 200 || !bytes.Equal(got, served) {
			t.Errorf("%s: the built file differs from what the server sends (%d)", p, code)
		}
	}
}
