package daemon

import (
	"encoding/json"
	"testing"
	"time"

	"seedfeed/internal/article"
	"seedfeed/internal/config"
	"seedfeed/internal/feed"
	"seedfeed/internal/feedcheck"
	"seedfeed/internal/htmlcheck"
	"seedfeed/internal/pages"
	"seedfeed/internal/store"
)

// FuzzPublishedArticle runs arbitrary file bytes through what the daemon
// does with a seed file: article.Parse, then the mapping to feed items and
// pages, then rendering. Whatever the normalizer accepts must render into
// feeds that encoding/xml parses strictly and a JSON feed that decodes, and
// into pages with no script, no event attribute and no javascript: URL.
func FuzzPublishedArticle(f *testing.F) {
	seeds := []struct {
		ext  string
		body string
	}{
		{".txt", "Harbour news\n\nThe ferry <script>alert(1)</script> runs again & on time.\n"},
		{".txt", "Title with \x01 controls \x1b\n\nBody \x0b text \ufffe with \u0085 odd characters and ]]> an end marker.\n"},
		{".html", `<html><head><title>Page</title></head><body><article><h1>Page</h1>` +
			`<p onclick="alert(1)">Clicked <a href="javascript:alert(1)">here</a> and <img src=x onerror=alert(1)>.</p>` +
			`<p>Second paragraph with <script>document.cookie</script> enough words to count as a body paragraph.</p>` +
			`<iframe src="https://evil.example/"></iframe></article></body></html>`},
		{".html", "<div><div><div><p>unclosed <b>bold <i>italic <a href='/rel'>relative link"},
		{".md", "---\ntitle: \"<script>x</script>\"\ntags: [\"<b>\", \"a&b\"]\nauthor: \"\\\"Quote\\\"\"\n---\n\n" +
			"A [link](javascript:alert(1)) and <span onmouseover=\"x()\">raw html</span> in **Markdown**.\n\n<script>alert(2)</script>\n"},
		{".md", "# Heading\n\n![img](data:text/html;base64,PHNjcmlwdD4=) and [ok](https://example.org/a?b=<c>)\n"},
	}
	for _, s := range seeds {
		f.Add(s.ext, []byte(s.body))
	}
	cfg := config.Default()
	cfg.Site.BaseURL = "https://news.example.org"
	ref := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, ext string, data []byte) {
		switch ext {
		case ".txt", ".md", ".html":
		default:
			ext = ".txt"
		}
		a, err := article.Parse("fuzz"+ext, data, article.Options{Ref: ref, Location: time.UTC, BaseURL: cfg.Site.BaseURL})
		if err != nil {
			return
		}
		slug := a.Slug
		if slug == "" {
			slug = "untitled"
		}
		r := store.Record{ID: "tag:news.example.org,2026-05-01:" + slug, Slug: slug, Path: "fuzz" + ext,
			FirstSeen: ref, Published: ref, Updated: ref, Article: a}
		if a.Published != nil {
			r.Published = *a.Published
		}
		docs, err := feed.Render(feedMeta(cfg), []feed.Item{feedItem(r)})
		if err != nil {
			t.Fatalf("a parsed article does not render: %v", err)
		}
		for _, p := range []string{feed.PathFeed, feed.PathAtom, feed.PathRSS} {
			if err := feedcheck.WellFormed(docs[p]); err != nil {
				t.Fatalf("%s is not well-formed XML: %v\n%s", p, err, docs[p])
			}
		}
		if !json.Valid(docs[feed.PathJSON]) {
			t.Fatalf("JSON feed does not decode:\n%s", docs[feed.PathJSON])
		}
		page, err := pages.Article(siteInfo(cfg), articleEntry(r))
		if err != nil {
			t.Fatalf("article page: %v", err)
		}
		index, err := pages.Index(siteInfo(cfg), []pages.Entry{entry(r)})
		if err != nil {
			t.Fatalf("index page: %v", err)
		}
		for name, b := range map[string][]byte{"article page": page, "index": index} {
			if err := htmlcheck.Inert(string(b)); err != nil {
				t.Fatalf("%s: %v\n%s", name, err, b)
			}
		}
	})
}
