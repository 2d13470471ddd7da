package daemon

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
)

// Posts moved from Pelican (Markdown with "Key: value" lines, and
// reStructuredText), Hugo (TOML front matter), Jekyll (a dated name),
// Antora (AsciiDoc) and Emacs (Org)
// reach the feeds with their titles, authors, dates and tags, their
// footnotes and their pictures at /files/, in feeds that parse.
func TestPostsFromSiteGenerators(t *testing.T) {
	d := newTestDaemon(t, "site:\n  title: Harbour\n  base_url: https://news.example.org\nseeds:\n  settle: 0s\n")
	files := map[string]string{
		"pelican/gulls.md": "Title: Gulls over the quay\nDate: 2025-04-01 09:00\nAuthors: Ana Lima, Bo Chen\nTags: birds\n\n" +
			"Every spring the gulls return to the quay before the ferries do.\n",
		"pelican/fog.rst": "Ferries in the fog\n##################\n\n:date: 2025-04-02\n:author: Tom Lind\n:tags: ferries\n\n" +
			"When the fog is down the pilots steer by the **horn** on the breakwater.\n\n" +
			".. figure:: radar.png\n   :alt: The radar screen\n\n   The wake shows as a second echo.\n",
		"pelican/radar.png": "\x89PNG\r\n\x1a\n",
		"hugo/lanterns.md": "+++\ntitle = \"Lanterns on the water\"\ndate = 2025-04-03T20:00:00Z\nauthors = [\"Ines Duarte\"]\n+++\n\n" +
			"Two hundred paper lanterns floated across the harbour on Friday night[^1].\n\n[^1]: Two hundred and twelve, the organisers said.\n",
		"_posts/2025-04-04-new-pier.md": "---\ntitle: The new pier opens\n---\n\nThe new pier opened to walkers on Saturday morning.\n",
		"notes/tides.org": "#+TITLE: Spring tides\n#+AUTHOR: Tom Lind\n#+DATE: <2025-04-06 Sun>\n#+FILETAGS: :tides:\n\n" +
			"The spring tides reach the quay steps this *weekend*[fn:: On Saturday at 06:40.].\n\n- Spring tide :: the largest range.\n",
		"antora/log.adoc": "= The harbour log for April\nMarta Oliveira <marta@example.org>\nv1.0, 2025-04-05\n:page-tags: log\n\n" +
			"April brought *forty* ships into the harbour.\n",
	}
	for name, body := range files {
		p := filepath.Join(d.seeds, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		writeFile(t, p, body)
	}
	d.scan(true)

	code, body := get(t, d.srv, "/feed.xml")
	if code != 200 {
		t.Fatalf("/feed.xml: %d", code)
	}
	strictXML(t, "/feed.xml", body)
	f, err := gofeed.NewParser().ParseString(string(body))
	if err != nil {
		t.Fatal(err)
	}
	type item struct {
		authors []string
		day     string
		tags    []string
	}
	want := map[string]item{
		"Gulls over the quay":       {[]string{"Ana Lima", "Bo Chen"}, "2025-04-01", []string{"birds"}},
		"Ferries in the fog":        {[]string{"Tom Lind"}, "2025-04-02", []string{"ferries"}},
		"Lanterns on the water":     {[]string{"Ines Duarte"}, "2025-04-03", nil},
		"The new pier opens":        {nil, "2025-04-04", nil},
		"The harbour log for April": {[]string{"Marta Oliveira"}, "2025-04-05", []string{"log"}},
		"Spring tides":              {[]string{"Tom Lind"}, "2025-04-06", []string{"tides"}},
	}
	if len(f.Items) != len(want) {
		t.Errorf("%d items, want %d", len(f.Items), len(want))
	}
	for _, it := range f.Items {
		w, ok := want[it.Title]
		if !ok {
			t.Errorf("unexpected item %q", it.Title)
			continue
		}
		var names []string
		for _, a := range it.Authors {
			names = append(names, a.Name)
		}
		if w.authors != nil && !slices.Equal(names, w.authors) {
			t.Errorf("%q: authors %q, want %q", it.Title, names, w.authors)
		}
		if it.PublishedParsed == nil || it.PublishedParsed.UTC().Format(time.DateOnly) != w.day {
			t.Errorf("%q: published %v, want %s", it.Title, it.PublishedParsed, w.day)
		}
		if w.tags != nil && !slices.Equal(it.Categories, w.tags) {
			t.Errorf("%q: categories %q, want %q", it.Title, it.Categories, w.tags)
		}
		// A footnote's number links to the note on the article's page.
		if it.Title == "Lanterns on the water" || it.Title == "Spring tides" {
			for _, s := range []string{`<sup id="fnref:1"><a href="https://news.example.org/`, `#fn:1"`, `<li id="fn:1">`} {
				if !strings.Contains(it.Content, s) {
					t.Errorf("%q: content lacks %s:\n%s", it.Title, s, it.Content)
				}
			}
		}
		if it.Title == "Ferries in the fog" {
			for _, s := range []string{`src="https://news.example.org/files/pelican/radar.png"`, "<figcaption>The wake shows as a second echo.</figcaption>", "<p>When the fog is down"} {
				if !strings.Contains(it.Content, s) {
					t.Errorf("%q: content lacks %s:\n%s", it.Title, s, it.Content)
				}
			}
		}
	}
	if code, _ := get(t, d.srv, "/files/pelican/radar.png"); code != 200 {
		t.Errorf("/files/pelican/radar.png: %d", code)
	}
}
