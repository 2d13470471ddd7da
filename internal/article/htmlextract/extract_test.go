package htmlextract

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"
)

func mustURL(t testing.TB, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestExtractArticle(t *testing.T) {
	page, err := os.ReadFile("testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Extract(page, mustURL(t, "http://fallback.example.com/x"))
	if err != nil {
		t.Fatal(err)
	}
	wantPub := time.Date(2024, 4, 2, 6, 30, 0, 0, time.UTC)
	wantMod := time.Date(2024, 4, 3, 9, 0, 0, 0, time.UTC)
	checks := []struct{ name, got, want string }{
		{"title", res.Title, "Ferry returns to the island after a long winter"},
		{"byline", res.Byline, "Morag Innes, Tom Reid"},
		{"lang", res.Lang, "en-GB"},
		{"site", res.SiteName, "The Harbour Post"},
		{"excerpt", res.Excerpt, "The island ferry is back in service."},
		{"tags", strings.Join(res.Tags, ","), "Transport,Islands"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	if res.Published == nil || !res.Published.Equal(wantPub) {
		t.Errorf("published = %v, want %v", res.Published, wantPub)
	}
	if res.Modified == nil || !res.Modified.Equal(wantMod) {
		t.Errorf("modified = %v, want %v", res.Modified, wantMod)
	}
	body := strings.Join(res.Paragraphs, "\n")
	for _, want := range []string{"The little ferry that links", "About forty people", "The council, which owns",
		"Timetables are posted", "Islanders said"} {
		if !strings.Contains(body, want) {
			t.Errorf("paragraphs miss %q:\n%s", want, body)
		}
	}
	for _, bad := range []string{"Share this", "Read more", "Privacy", "©", "Home", "alert"} {
		if strings.Contains(body, bad) {
			t.Errorf("paragraphs keep %q:\n%s", bad, body)
		}
	}
	// <base href="/news/"> resolved against og:url decides relative URLs.
	// (bluemonday's UGC policy drops srcset; src and href stay.)
	for _, want := range []string{`src="https://post.example.org/news/img/ferry.jpg"`,
		`href="https://post.example.org/news/timetable"`} {
		if !strings.Contains(res.BodyHTML, want) {
			t.Errorf("body HTML misses %s:\n%s", want, res.BodyHTML)
		}
	}
	for _, bad := range []string{"<script", "onclick", "Share this", "Read more", "style="} {
		if strings.Contains(res.BodyHTML, bad) {
			t.Errorf("body HTML keeps %q:\n%s", bad, res.BodyHTML)
		}
	}
}

func TestExtractFallsBackToClassifier(t *testing.T) {
	// Too little markup for readability to pick a container with
	// confidence: the line classifier reads the page instead.
	page := `<html><body><div>Home</div><div>News</div>
<div>The bakery on the corner closed its doors on Saturday after sixty years, and its owners said they would miss the customers who came in every morning for bread.</div>
<div>Leave a Reply</div></body></html>`
	res, err := Extract([]byte(page), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Paragraphs) != 1 || !strings.HasPrefix(res.Paragraphs[0], "The bakery") {
		t.Errorf("paragraphs = %q", res.Paragraphs)
	}
	if !strings.HasPrefix(res.BodyHTML, "<p>The bakery") {
		t.Errorf("body HTML = %q", res.BodyHTML)
	}
}

func TestExtractErrors(t *testing.T) {
	if _, err := Extract([]byte("<html><body><nav>Home</nav></body></html>"), nil); !errors.Is(err, ErrNoArticle) {
		t.Errorf("menu only: err = %v, want ErrNoArticle", err)
	}
	huge := make([]byte, maxPageBytes+1)
	if _, err := Extract(huge, nil); !errors.Is(err, ErrTooLarge) {
		t.Errorf("huge page: err = %v, want ErrTooLarge", err)
	}
}

func TestExtractHostileNesting(t *testing.T) {
	var b strings.Builder
	for range 50_000 {
		b.WriteString("<div><b><i>")
	}
	b.WriteString("The hostile page ends with one sentence that is long enough to be read as the text of an article by anyone.")
	start := time.Now()
	_, _ = Extract([]byte(b.String()), nil)
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("deeply nested page took %v", d)
	}
}

func TestPageBase(t *testing.T) {
	fallback := mustURL(t, "http://fallback.example.com/a/b")
	tests := []struct {
		name string
		m    meta
		want string
	}{
		{"caller's base", meta{}, "http://fallback.example.com/a/b"},
		{"og:url", meta{ogURL: "https://site.example/x"}, "https://site.example/x"},
		{"canonical relative", meta{canonical: "/c"}, "http://fallback.example.com/c"},
		{"base href against og:url", meta{ogURL: "https://site.example/x/y", baseHref: "/z/"}, "https://site.example/z/"},
		{"javascript base ignored", meta{baseHref: "javascript:alert(1)"}, "http://fallback.example.com/a/b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pageBase(tt.m, fallback); got == nil || got.String() != tt.want {
				t.Errorf("pageBase = %v, want %s", got, tt.want)
			}
		})
	}
}

func TestAbsSrcset(t *testing.T) {
	base := mustURL(t, "https://a.example/dir/")
	got, ok := absSrcset("a.jpg 1x, //cdn.example/b.jpg 2x, javascript:x 3x", base)
	if want := "https://a.example/dir/a.jpg 1x, https://cdn.example/b.jpg 2x"; got != want || !ok {
		t.Errorf("absSrcset = %q, %v; want %q", got, ok, want)
	}
}

func TestAbsURL(t *testing.T) {
	base := mustURL(t, "https://a.example/dir/page")
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"img.png", "https://a.example/dir/img.png", true},
		{"//cdn.example/x", "https://cdn.example/x", true},
		{"#top", "https://a.example/dir/page#top", true},
		{"javascript:alert(1)", "", false},
		{"mailto:a@b.example", "mailto:a@b.example", true},
		{"ftp://x.example/f", "", false},
	}
	for _, tt := range tests {
		got, ok := absURL(tt.in, base, false)
		if got != tt.want || ok != tt.ok {
			t.Errorf("absURL(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	if _, ok := absURL("rel.png", nil, false); ok {
		t.Error("relative URL without a base was kept")
	}
}

// fuzzDeadline is far beyond what Extract takes on any fuzz input.
const fuzzDeadline = 20 * time.Second

func FuzzExtract(f *testing.F) {
	if page, err := os.ReadFile("testdata/article.html"); err == nil {
		f.Add(page)
	}
	f.Add([]byte("<p>x</p>"))
	f.Add([]byte("<html><head><script type=application/ld+json>[{\"@type\":\"Article\",\"author\":[1,{}]}]</script>"))
	f.Add([]byte("<article><p>One.</p><figure><figure><figcaption>x<table><tr><td>1</figure><p>Two</article>"))
	f.Add([]byte(`<link rel=canonical href="https://post.example.org/a/b"><meta property="og:image" content="./P_files/x.jpg"><p>One two three four.</p><img src="P%20Q_files/y.png" srcset="p_files/a.jpg 1x, b.jpg 2x"><a href="x_files/">x</a>`))
	// Half the inputs are read with a base, as the daemon reads them (the
	// article's folder), half without, as check does.
	base := mustURL(f, "https://feeds.example.com/files/trips/")
	f.Fuzz(func(t *testing.T, page []byte) {
		// A hang would stall the fuzzer silently; crash instead, so
		// that the input is kept.
		timer := time.AfterFunc(fuzzDeadline, func() { panic(fmt.Sprintf("Extract still running after %v", fuzzDeadline)) })
		var b *url.URL
		if len(page)%2 == 0 {
			b = base
		}
		res, err := Extract(page, b)
		timer.Stop()
		if err != nil {
			return
		}
		if strings.Contains(res.BodyHTML, "<script") {
			t.Errorf("script survived: %q", res.BodyHTML)
		}
		if len(res.Paragraphs) == 0 {
			t.Errorf("no paragraphs and no error")
		}
		for _, p := range append(res.Paragraphs, res.Captions...) {
			if p == "" || p != strings.TrimSpace(p) {
				t.Errorf("paragraph %q is empty or untrimmed", p)
			}
		}
	})
}

// Figure text describes a picture: it leaves the paragraphs for Captions
// but stays in the HTML under its picture. A table a figure wraps is
// content.
func TestExtractFigures(t *testing.T) {
	prose := strings.Repeat("The harbour master said that the new pier would be finished before the summer season began. ", 4)
	page := `<!doctype html><html lang="en"><head><title>Pier</title></head><body><article>
<h1>New pier opens at the harbour</h1>
<p>` + prose + `</p>
<figure><img src="/pier.jpg" alt=""><figcaption>The new pier at dawn. (Photo: A. Boatman)</figcaption></figure>
<p>` + prose + `</p>
<figure class="wp-block-table"><table><tr><td>Length</td><td>120 metres</td></tr></table></figure>
<p>` + prose + `</p>
</article></body></html>`
	res, err := Extract([]byte(page), mustURL(t, "https://harbour.example.org/pier"))
	if err != nil {
		t.Fatal(err)
	}
	body := strings.Join(res.Paragraphs, "\n")
	if strings.Contains(body, "pier at dawn") {
		t.Errorf("caption among the paragraphs:\n%s", body)
	}
	if len(res.Captions) != 1 || !strings.Contains(res.Captions[0], "pier at dawn") {
		t.Errorf("captions = %q", res.Captions)
	}
	if !strings.Contains(body, "120 metres") {
		t.Errorf("table in a figure dropped:\n%s", body)
	}
	if !strings.Contains(res.BodyHTML, "pier at dawn") || !strings.Contains(res.BodyHTML, `src="https://harbour.example.org/pier.jpg"`) {
		t.Errorf("figure missing from the HTML:\n%s", res.BodyHTML)
	}
}

// TestExtractShortNoteKeepsFigures: a note too short for readability's
// threshold, whose every line readability found too, keeps readability's
// body with its figure; a page where the classifier finds more keeps the
// classifier's.
func TestExtractShortNoteKeepsFigures(t *testing.T) {
	note := "<h1>Lifeboat day</h1><p>The lifeboat station opens its doors on Saturday.</p>" +
		"<figure><img src=\"https://x.example/boat.jpg\" alt=\"The lifeboat\"><figcaption>The station's new boat</figcaption></figure>" +
		"<p>Tours start at ten.</p><p>Bring a coat.</p>"
	res, err := Extract([]byte(note), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.BodyHTML, "<figcaption>The station&#39;s new boat</figcaption>") || len(res.Captions) != 1 {
		t.Errorf("figure lost: captions %q, body %s", res.Captions, res.BodyHTML)
	}
	if got := strings.Join(res.Paragraphs, "|"); strings.Contains(got, "new boat") || !strings.Contains(got, "Bring a coat.") {
		t.Errorf("paragraphs %q", got)
	}
}
