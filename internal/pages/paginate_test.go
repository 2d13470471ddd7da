package pages

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// TestIndexPageGolden pins the three pages of a paginated index.
func TestIndexPageGolden(t *testing.T) {
	site := testSite()
	entries := testEntries()
	for n := 1; n <= 3; n++ {
		name := fmt.Sprintf("index-page%dof3.golden.html", n)
		t.Run(name, func(t *testing.T) {
			got, err := IndexPage(site, entries[n-1:n], n, 3)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", name)
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

// pagerLinks returns the rel=prev and rel=next hrefs of <link> elements
// in the head and of <a> elements in the body, and the canonical URL.
func pagerLinks(doc *html.Node) (head, body map[string]string, canonical string) {
	head, body = map[string]string{}, map[string]string{}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		rel := attr(n, "rel")
		switch {
		case n.DataAtom == atom.Link && rel == "canonical":
			canonical = attr(n, "href")
		case n.DataAtom == atom.Link && (rel == "prev" || rel == "next"):
			head[rel] = attr(n, "href")
		case n.DataAtom == atom.A && (rel == "prev" || rel == "next"):
			body[rel] = attr(n, "href")
		}
	}
	return head, body, canonical
}

func TestIndexPageLinks(t *testing.T) {
	const base = "https://news.example.org/harbour"
	tests := []struct {
		n, pages             int
		prev, next, canonial string
	}{
		{1, 1, "", "", base + "/"},
		{1, 2, "", base + "/page/2/", base + "/"},
		{2, 2, base + "/", "", base + "/page/2/"},
		{2, 5, base + "/", base + "/page/3/", base + "/page/2/"},
		{4, 5, base + "/page/3/", base + "/page/5/", base + "/page/4/"},
	}
	for _, tc := range tests {
		page, err := IndexPage(testSite(), testEntries(), tc.n, tc.pages)
		if err != nil {
			t.Fatal(err)
		}
		doc := checkDocument(t, page)
		head, body, canonical := pagerLinks(doc)
		want := map[string]string{}
		if tc.prev != "" {
			want["prev"] = tc.prev
		}
		if tc.next != "" {
			want["next"] = tc.next
		}
		if fmt.Sprint(head) != fmt.Sprint(want) || fmt.Sprint(body) != fmt.Sprint(want) || canonical != tc.canonial {
			t.Errorf("page %d of %d: head %v body %v canonical %q; want %v %q", tc.n, tc.pages, head, body, canonical, want, tc.canonial)
		}
		// The front page alone is the old index, byte for byte.
		if tc.pages == 1 {
			idx, err := Index(testSite(), testEntries())
			if err != nil || !bytes.Equal(idx, page) {
				t.Errorf("IndexPage(1 of 1) differs from Index (%v)", err)
			}
		}
		// The subscribe box is the front page's.
		if got := bytes.Contains(page, []byte(`id="subscribe"`)); got != (tc.n == 1) {
			t.Errorf("page %d: subscribe box %v", tc.n, got)
		}
	}
}

func TestIndexPageRejects(t *testing.T) {
	for _, c := range [][2]int{{0, 1}, {2, 1}, {1, 0}, {-1, 3}} {
		if _, err := IndexPage(testSite(), nil, c[0], c[1]); !errors.Is(err, ErrInvalid) {
			t.Errorf("IndexPage(%d of %d): err = %v, want ErrInvalid", c[0], c[1], err)
		}
	}
	if got := IndexPagePath(1); got != "/" {
		t.Errorf("IndexPagePath(1) = %q", got)
	}
	if got := IndexPagePath(12); got != "/page/12/" {
		t.Errorf("IndexPagePath(12) = %q", got)
	}
}
