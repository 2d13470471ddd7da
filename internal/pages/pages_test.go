package pages

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"seedfeed/internal/htmlcheck"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

func testSite() SiteInfo {
	return SiteInfo{
		Title:    "Harbour Notes",
		Subtitle: "News from the quay & beyond",
		Author:   "The Harbour Desk",
		Language: "en-GB",
		BaseURL:  "https://news.example.org/harbour/",
		Location: time.FixedZone("EAT", 3*3600),
	}
}

func testEntries() []Entry {
	pub := time.Date(2024, 3, 25, 21, 30, 0, 0, time.UTC) // March 26 in EAT
	return []Entry{
		{
			Slug:          "ferry-timetable-changes",
			Title:         "Ferry timetable changes from April",
			Subtitle:      "Two crossings fewer on Sundays",
			Authors:       []string{"Amina Odhiambo", "Kofi Mensah", "Lena Brandt"},
			Author:        "Amina Odhiambo, Kofi Mensah, Lena Brandt",
			Published:     pub,
			Updated:       pub.Add(50 * time.Hour),
			DatelinePlace: "Mombasa",
			Images: []Image{
				{Caption: "The morning ferry leaving the jetty.", Credit: "Photo: K. Mwangi"},
				{Caption: "Passengers waiting in the rain."},
			},
			Summary:  "The harbour authority trims the Sunday service while the new pier is built.",
			BodyHTML: `<p>The harbour authority said on Monday that two Sunday crossings will stop.</p><p>Works on the <a href="https://example.org/pier">new pier</a> start in May.</p>`,
			Tags:     []string{"transport", "harbour"},
		},
		{
			Slug:      "fish-market-reopens",
			Title:     `Fish market "reopens" <after> repairs & a storm`,
			Published: time.Date(2024, 3, 20, 8, 0, 0, 0, time.UTC),
			Summary:   "Stalls are back in business.",
			BodyHTML:  "<p>Stalls are back.</p>",
		},
		{
			Slug:     "undated-note",
			Title:    "Café owners meet — ünïcödé",
			BodyHTML: "<p>No date, no author.</p>",
		},
	}
}

func TestGolden(t *testing.T) {
	site := testSite()
	entries := testEntries()
	tests := []struct {
		golden string
		render func() ([]byte, error)
	}{
		{"index.golden.html", func() ([]byte, error) { return Index(site, entries) }},
		{"index-empty.golden.html", func() ([]byte, error) { return Index(site, nil) }},
		{"article.golden.html", func() ([]byte, error) { return Article(site, entries[0]) }},
		{"article-minimal.golden.html", func() ([]byte, error) { return Article(site, entries[2]) }},
		{"notfound.golden.html", func() ([]byte, error) { return NotFound(site) }},
		{"moved.golden.html", func() ([]byte, error) { return Moved(site, entries[1].Title, entries[1].Slug) }},
		{"feedpage-atom.golden.html", func() ([]byte, error) { return feedPage(site, AtomPath, entries) }},
		{"feedpage-rss-empty.golden.html", func() ([]byte, error) { return feedPage(site, RSSPath, nil) }},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			got, err := tt.render()
			if err != nil {
				t.Fatal(err)
			}
			again, err := tt.render()
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, again) {
				t.Fatal("rendering twice gave different bytes")
			}
			path := filepath.Join("testdata", tt.golden)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("output differs from %s (run with -update after checking):\n%s", path, got)
			}
			checkDocument(t, got)
		})
	}
}

// checkDocument parses a page and checks what every page must have: the
// autodiscovery links with absolute URLs, an inline style matching
// StyleHash, and no script, external stylesheet or inline event handler.
func checkDocument(t *testing.T, page []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	alternates := map[string]string{}
	var styles int
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.DataAtom {
		case atom.Script, atom.Iframe, atom.Object, atom.Embed:
			t.Errorf("page has a <%s> element", n.Data)
		case atom.Style:
			styles++
			if n.FirstChild == nil {
				t.Fatal("empty <style>")
			}
			sum := sha256.Sum256([]byte(n.FirstChild.Data))
			if got := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"; got != StyleHash() {
				t.Errorf("inline style hashes to %s, StyleHash() = %s", got, StyleHash())
			}
		case atom.Link:
			if attr(n, "rel") == "alternate" {
				alternates[attr(n, "type")] = attr(n, "href")
			}
			if attr(n, "rel") == "stylesheet" {
				t.Error("page links an external stylesheet")
			}
		case atom.Time:
			if _, err := time.Parse(time.RFC3339, attr(n, "datetime")); err != nil {
				t.Errorf("<time datetime=%q>: %v", attr(n, "datetime"), err)
			}
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") {
				t.Errorf("<%s> has event handler attribute %s", n.Data, a.Key)
			}
		}
	}
	if styles != 1 {
		t.Errorf("%d <style> elements, want 1", styles)
	}
	want := map[string]string{
		"application/atom+xml":  "https://news.example.org/harbour/feed.xml",
		"application/rss+xml":   "https://news.example.org/harbour/rss.xml",
		"application/feed+json": "https://news.example.org/harbour/feed.json",
	}
	for typ, href := range want {
		if alternates[typ] != href {
			t.Errorf("alternate %s = %q, want %q", typ, alternates[typ], href)
		}
	}
	return doc
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func text(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return b.String()
}

func TestEscaping(t *testing.T) {
	hostile := `<script>alert("x")</script><img src=x onerror=alert(1)>`
	e := Entry{
		Slug:          "hostile",
		Title:         hostile,
		Subtitle:      hostile,
		Author:        hostile,
		Authors:       []string{hostile, hostile},
		DatelinePlace: hostile,
		Summary:       hostile,
		Images:        []Image{{Caption: hostile, Credit: hostile}},
		Tags:          []string{hostile},
		BodyHTML:      "<p>safe body</p>",
		Published:     time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC),
	}
	site := testSite()
	site.Title = hostile
	site.Subtitle = hostile
	for name, render := range map[string]func() ([]byte, error){
		"index":    func() ([]byte, error) { return Index(site, []Entry{e}) },
		"article":  func() ([]byte, error) { return Article(site, e) },
		"notfound": func() ([]byte, error) { return NotFound(site) },
	} {
		t.Run(name, func(t *testing.T) {
			page, err := render()
			if err != nil {
				t.Fatal(err)
			}
			if bytes.Contains(page, []byte("<script")) || bytes.Contains(page, []byte("<img")) {
				t.Errorf("markup from text fields reached the page:\n%s", page)
			}
			doc := checkDocument(t, page)
			// The text survives, as text.
			if !strings.Contains(text(doc), `<script>alert("x")</script>`) {
				t.Error("escaped title text is missing from the page")
			}
		})
	}
}

func TestByline(t *testing.T) {
	tests := []struct {
		authors []string
		author  string
		want    string
	}{
		{nil, "", ""},
		{nil, "Sam Ortiz, Ana Lima", `<span class="author">By <a href="https://news.example.org/harbour/authors/sam-ortiz-ana-lima/" rel="author">Sam Ortiz, Ana Lima</a></span>`},
		{[]string{"Sam Ortiz"}, "Sam Ortiz", `<span class="author">By <a href="https://news.example.org/harbour/authors/sam-ortiz/" rel="author">Sam Ortiz</a></span>`},
		{[]string{"Sam Ortiz", "Ana Lima"}, "Sam Ortiz, Ana Lima", `<span class="author">By <a href="https://news.example.org/harbour/authors/sam-ortiz/" rel="author">Sam Ortiz</a> and <a href="https://news.example.org/harbour/authors/ana-lima/" rel="author">Ana Lima</a></span>`},
		{[]string{"A", "B & Co", "C"}, "ignored", `<span class="author">By <a href="https://news.example.org/harbour/authors/a/" rel="author">A</a>, <a href="https://news.example.org/harbour/authors/b-%26-co/" rel="author">B &amp; Co</a> and <a href="https://news.example.org/harbour/authors/c/" rel="author">C</a></span>`},
		// A name with nothing for a URL is shown, not linked.
		{[]string{"Zoë", "—"}, "", `<span class="author">By <a href="https://news.example.org/harbour/authors/zoe/" rel="author">Zoë</a> and —</span>`},
		{[]string{"हिंदी लेखक"}, "", `<span class="author">By <a href="https://news.example.org/harbour/authors/%E0%A4%B9%E0%A4%BF%E0%A4%82%E0%A4%A6%E0%A5%80-%E0%A4%B2%E0%A5%87%E0%A4%96%E0%A4%95/" rel="author">हिंदी लेखक</a></span>`},
	}
	for _, tt := range tests {
		page, err := Article(testSite(), Entry{Slug: "s", Title: "T", Authors: tt.authors, Author: tt.author})
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if i := bytes.Index(page, []byte(`<span class="author">`)); i >= 0 {
			got = string(page[i:])
			got = got[:strings.Index(got, "</span>")+len("</span>")]
		}
		if got != tt.want {
			t.Errorf("Authors %q, Author %q: byline %s, want %s", tt.authors, tt.author, got, tt.want)
		}
	}
}

func TestBodyIsMarkup(t *testing.T) {
	e := testEntries()[0]
	page, err := Article(testSite(), e)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(page, []byte(e.BodyHTML)) {
		t.Error("BodyHTML was not inserted verbatim")
	}
}

func TestHostileSlugAndBase(t *testing.T) {
	site := testSite()
	e := Entry{Slug: `x" onmouseover="alert(1)`, Title: "t"}
	page, err := Article(site, e)
	if err != nil {
		t.Fatal(err)
	}
	checkDocument(t, page)

	for _, base := range []string{"", "/relative", "javascript:alert(1)", "example.org"} {
		site.BaseURL = base
		if _, err := Index(site, nil); !errors.Is(err, ErrInvalid) {
			t.Errorf("base %q: err = %v, want ErrInvalid", base, err)
		}
	}
	if _, err := Article(testSite(), Entry{Title: "no slug"}); !errors.Is(err, ErrInvalid) {
		t.Errorf("entry without slug: err = %v, want ErrInvalid", err)
	}
}

func TestDates(t *testing.T) {
	page, err := Article(testSite(), testEntries()[0])
	if err != nil {
		t.Fatal(err)
	}
	// 21:30 UTC on March 25 is March 26 in the site's zone; the machine
	// value stays in UTC.
	for _, want := range []string{
		`<time datetime="2024-03-25T21:30:00Z">March 26, 2024</time>`,
		`updated <time datetime="2024-03-27T23:30:00Z">March 28, 2024</time>`,
	} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("page lacks %s", want)
		}
	}
}

func BenchmarkArticle(b *testing.B) {
	site := testSite()
	e := testEntries()[0]
	e.BodyHTML = strings.Repeat("<p>"+strings.Repeat("word ", 80)+"</p>", 12)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Article(site, e); err != nil {
			b.Fatal(err)
		}
	}
}

// TestFeedPages checks what a browser visitor must find on a feed's page:
// the address to copy (this feed's own), a link to each entry's page, the
// other formats, and a noindex for search engines.
func TestFeedPages(t *testing.T) {
	site := testSite()
	entries := testEntries()
	base := strings.TrimRight(site.BaseURL, "/")
	for _, path := range []string{AtomPath, RSSPath, atomAliasPath} {
		t.Run(path, func(t *testing.T) {
			page, err := feedPage(site, path, entries)
			if err != nil {
				t.Fatal(err)
			}
			doc := checkDocument(t, page)
			var code []string
			links := map[string]bool{}
			robots := ""
			var visit func(*html.Node)
			visit = func(n *html.Node) {
				if n.Type == html.ElementNode {
					switch n.Data {
					case "code":
						code = append(code, htmlcheck.Text(n))
					case "a":
						links[attr(n, "href")] = true
					case "meta":
						if attr(n, "name") == "robots" {
							robots = attr(n, "content")
						}
					}
				}
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					visit(c)
				}
			}
			visit(doc)
			if len(code) != 1 || code[0] != base+path {
				t.Errorf("addresses shown %q, want [%s]", code, base+path)
			}
			for _, e := range entries {
				if !links[base+"/articles/"+e.Slug] {
					t.Errorf("no link to %s", e.Slug)
				}
			}
			for _, other := range []string{AtomPath, RSSPath, JSONPath} {
				if other != path && !(path == atomAliasPath && other == AtomPath) && !links[base+other] {
					t.Errorf("no link to %s", other)
				}
			}
			if robots != "noindex" {
				t.Errorf("robots %q, want noindex", robots)
			}
		})
	}
	if _, err := FeedPages(site, []string{AtomPath, JSONPath}, entries); !errors.Is(err, ErrInvalid) {
		t.Errorf("JSON feed page: err %v, want ErrInvalid", err)
	}
	// Rendered together or alone, each page is the same.
	all, err := FeedPages(site, []string{RSSPath, atomAliasPath, AtomPath}, entries)
	if err != nil {
		t.Fatal(err)
	}
	for i, path := range []string{RSSPath, atomAliasPath, AtomPath} {
		if alone, _ := feedPage(site, path, entries); !bytes.Equal(all[i], alone) {
			t.Errorf("%s rendered with others differs from alone", path)
		}
	}
}

func feedPage(site SiteInfo, path string, entries []Entry) ([]byte, error) {
	p, err := FeedPages(site, []string{path}, entries)
	if err != nil {
		return nil, err
	}
	return p[0], nil
}
