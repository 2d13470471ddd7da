package htmlextract

import (
	"strings"
	"testing"
)

// TestSavedPageFolder: a page saved "complete" by a browser finds its
// pictures in its "_files" folder beside it, though it names the address
// it was saved from; its other relative addresses still belong to that
// address.
func TestSavedPageFolder(t *testing.T) {
	story := strings.Repeat("<p>The ferry ran all winter, and the islanders who rode it every morning kept count of the storms it sailed through.</p>\n", 6)
	page := `<html><head><title>Ferry keeps running | Harbour Post</title>
<link rel="canonical" href="https://post.example.org/news/ferry">
<meta property="og:image" content="Ferry%20keeps%20running_files/lead.jpg">
</head><body><article><h1>Ferry keeps running</h1>` + story + `
<img src="./Ferry%20keeps%20running_files/deck.jpg" alt="The deck">
<img src="img/map.png" alt="The route">
<img src="https://cdn.example.net/a_files/remote.jpg" alt="Remote">
<p><a href="related_files/">related</a> and <a href="timetable">the timetable</a></p>
</article></body></html>`
	res, err := Extract([]byte(page), mustURL(t, "https://feeds.example.com/files/trips/"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`src="https://feeds.example.com/files/trips/Ferry%20keeps%20running_files/deck.jpg"`,
		`src="https://post.example.org/news/img/map.png"`,
		`src="https://cdn.example.net/a_files/remote.jpg"`,
		`href="https://post.example.org/news/related_files/"`,
		`href="https://post.example.org/news/timetable"`,
	} {
		if !strings.Contains(res.BodyHTML, want) {
			t.Errorf("body HTML misses %s:\n%s", want, res.BodyHTML)
		}
	}
	if want := "https://feeds.example.com/files/trips/Ferry%20keeps%20running_files/lead.jpg"; res.Image != want {
		t.Errorf("image %q, want %q", res.Image, want)
	}
}

func TestSavedPath(t *testing.T) {
	for raw, want := range map[string]bool{
		"page_files/wall.jpg":                true,
		"./Page%20Title_files/wall.jpg":      true,
		"  X_FILES/a.png ":                   true,
		"page_files/":                        false,
		"page_files":                         false,
		"img/page_files/wall.jpg":            false,
		"/page_files/wall.jpg":               false,
		"https://x.example/page_files/a.jpg": false,
		"//cdn.example/page_files/a.jpg":     false,
		"?q=page_files/a.jpg":                false,
		"#page_files/a":                      false,
		"mailto:page_files/a":                false,
	} {
		if got := savedPath(raw); got != want {
			t.Errorf("savedPath(%q) = %v, want %v", raw, got, want)
		}
	}
}

// TestSanitizerKeepsDescriptions: a picture's alt text and a title keep
// their punctuation, and stay attribute text.
func TestSanitizerKeepsDescriptions(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<img src="https://x.example/a.jpg" alt="Photo: Jane Roe">`, `<img src="https://x.example/a.jpg" alt="Photo: Jane Roe">`},
		{`<img src="https://x.example/a.jpg" alt="Why did the wall fall? Before — and after; 50% “new”">`, `alt="Why did the wall fall? Before — and after; 50% “new”"`},
		{`<img src="https://x.example/a.jpg" alt="Jane Roe’s boat &amp; net">`, `alt="Jane Roe’s boat &amp; net"`},
		{`<img src="https://x.example/a.jpg" alt='"><script>alert(1)</script>'>`, `alt="&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"`},
		{`<abbr title="Royal National Lifeboat Institution: the charity">RNLI</abbr>`, `title="Royal National Lifeboat Institution: the charity"`},
		{"<img src=\"https://x.example/a.jpg\" alt=\"bell\x07\">", `<img src="https://x.example/a.jpg">`},
		{`<img src="https://x.example/a.jpg" onerror="alert(1)" alt="ok">`, `<img src="https://x.example/a.jpg" alt="ok">`},
	}
	for _, tc := range tests {
		if got := Sanitizer().Sanitize(tc.in); !strings.Contains(got, tc.want) {
			t.Errorf("Sanitize(%q) = %q, want it to hold %q", tc.in, got, tc.want)
		}
	}
}
