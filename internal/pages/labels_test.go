package pages

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func TestLabelPagesGolden(t *testing.T) {
	site := testSite()
	site.Icon = "https://news.example.org/harbour/icon.png"
	entries := testEntries()
	withTags := site
	withTags.Tags = []LabelRef{
		{Section: SectionTags, Slug: "transport", Name: "Transport", Count: 12},
		{Section: SectionTags, Slug: "हिंदी", Name: "हिंदी", Count: 3},
		{Section: SectionTags, Slug: "c#", Name: "C#"},
	}
	hindi := LabelRef{Section: SectionTags, Slug: "हिंदी", Name: "हिंदी", Count: 1}
	author := LabelRef{Section: SectionAuthors, Slug: "kofi-mensah", Name: "Kofi Mensah", Count: 1}
	tests := []struct {
		golden    string
		render    func() ([]byte, error)
		feedDir   string // the page's own feeds
		wantLinks []string
	}{
		{"label-tag.golden.html", func() ([]byte, error) { return LabelPage(site, hindi, entries[1:2]) },
			"https://news.example.org/harbour/tags/%E0%A4%B9%E0%A4%BF%E0%A4%82%E0%A4%A6%E0%A5%80", nil},
		{"label-author.golden.html", func() ([]byte, error) { return LabelPage(site, author, entries[:1]) },
			"https://news.example.org/harbour/authors/kofi-mensah",
			[]string{"https://news.example.org/harbour/authors/kofi-mensah/", "https://news.example.org/harbour/authors/amina-odhiambo/"}},
		{"index-tags.golden.html", func() ([]byte, error) { return Index(withTags, entries) },
			"https://news.example.org/harbour",
			[]string{"https://news.example.org/harbour/tags/transport/", "https://news.example.org/harbour/tags/%E0%A4%B9%E0%A4%BF%E0%A4%82%E0%A4%A6%E0%A5%80/", "https://news.example.org/harbour/tags/c%23/"}},
		{"labels-list.golden.html", func() ([]byte, error) { return LabelListPage(site, SectionTags, withTags.Tags) },
			"https://news.example.org/harbour",
			[]string{"https://news.example.org/harbour/tags/transport/", "https://news.example.org/harbour/tags/c%23/"}},
		{"article-tags.golden.html", func() ([]byte, error) { return Article(site, entries[0]) },
			"https://news.example.org/harbour",
			[]string{"https://news.example.org/harbour/tags/transport/", "https://news.example.org/harbour/tags/harbour/", "https://news.example.org/harbour/authors/lena-brandt/"}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			got, err := tt.render()
			if err != nil {
				t.Fatal(err)
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
				t.Errorf("output differs from %s (run with -update after checking)", path)
			}
			doc, err := html.Parse(bytes.NewReader(got))
			if err != nil {
				t.Fatal(err)
			}
			alternates := map[string]string{}
			hrefs := map[string]bool{}
			icons := 0
			for n := range doc.Descendants() {
				if n.Type != html.ElementNode {
					continue
				}
				switch {
				case n.DataAtom == atom.Link && attr(n, "rel") == "alternate":
					alternates[attr(n, "type")] = attr(n, "href")
				case n.DataAtom == atom.Link && attr(n, "rel") == "icon":
					icons++
					if attr(n, "href") != site.Icon {
						t.Errorf("icon href %q", attr(n, "href"))
					}
				case n.DataAtom == atom.A:
					hrefs[attr(n, "href")] = true
				}
			}
			for typ, p := range map[string]string{"application/atom+xml": "/feed.xml", "application/rss+xml": "/rss.xml", "application/feed+json": "/feed.json"} {
				if alternates[typ] != tt.feedDir+p {
					t.Errorf("alternate %s = %q, want %q", typ, alternates[typ], tt.feedDir+p)
				}
			}
			if icons != 1 {
				t.Errorf("%d icon links, want 1", icons)
			}
			for _, l := range tt.wantLinks {
				if !hrefs[l] {
					t.Errorf("no link to %s", l)
				}
			}
		})
	}
}

func TestNoIconNoLink(t *testing.T) {
	page, err := Index(testSite(), testEntries())
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(page, []byte(`rel="icon"`)) {
		t.Error("a page links an icon the site does not have")
	}
}

func TestLabelPageRejects(t *testing.T) {
	for _, l := range []LabelRef{{Section: SectionTags}, {Section: "/x", Slug: "a"}} {
		if _, err := LabelPage(testSite(), l, nil); err == nil {
			t.Errorf("LabelPage(%+v) accepted", l)
		}
	}
}

// The front page of a paginated index lists the tags; the older pages
// list articles only.
func TestIndexPagesListTagsOnFrontPageOnly(t *testing.T) {
	site := testSite()
	site.Tags = []LabelRef{{Section: SectionTags, Slug: "port", Name: "Port", Count: 3}}
	for _, tt := range []struct {
		n    int
		want bool
	}{{1, true}, {2, false}, {3, false}} {
		b, err := IndexPage(site, nil, tt.n, 3)
		if err != nil {
			t.Fatal(err)
		}
		if got := bytes.Contains(b, []byte(`class="all-tags"`)) && bytes.Contains(b, []byte(`/tags/port/`)); got != tt.want {
			t.Errorf("page %d of 3 lists the tags: %v, want %v", tt.n, got, tt.want)
		}
	}
}
