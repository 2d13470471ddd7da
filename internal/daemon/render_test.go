package daemon

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"seedfeed/internal/article"
	"seedfeed/internal/config"
	"seedfeed/internal/feed"
	"seedfeed/internal/pages"
	"seedfeed/internal/store"

	"seedfeed/internal/htmlcheck"
)

// wireArticle has every piece the article page shows above the body, and
// a byline of three.
func wireArticle() *article.Article {
	body := []string{"Heavy rain closed the coast road on Tuesday.", "Buses go round by the hill & the old quay."}
	return &article.Article{
		Title:          "Floods close the coast road",
		Subtitle:       "Two streams burst their banks overnight",
		Author:         "Adaeze Okafor, Tomas Lindqvist, Ines Duval",
		Authors:        []string{"Adaeze Okafor", "Tomas Lindqvist", "Ines Duval"},
		Dateline:       &article.Dateline{Place: "PORT ELLEN, Islay"},
		Images:         []article.Image{{Caption: "Residents wade past the bus shelter.", Credit: "Ngozi Eke/Harbour Wire"}, {Caption: "The road at dawn."}},
		BodyParagraphs: body,
		BodyHTML:       "<p>" + body[0] + "</p>\n<p>Buses go round by the hill &amp; the old quay.</p>",
		Summary:        body[0],
		Slug:           "floods-close-the-coast-road",
		Tags:           []string{},
	}
}

// TestFeedsCarryThePage stores an article, builds the snapshot the server
// would serve, and checks that every feed names each author separately
// and that its content shows what the article page shows, in the page's
// order.
func TestFeedsCarryThePage(t *testing.T) {
	ctx := context.Background()
	st := openTestStore(t, "example.org")
	t0 := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	a := wireArticle()
	if _, err := st.Apply(ctx, store.Changes{At: t0, Upserts: []store.Upsert{
		{Path: "floods.txt", Hash: [32]byte{1}, ModTime: t0, Size: 1, Article: a},
	}}); err != nil {
		t.Fatal(err)
	}
	cfg := config.Default()
	cfg.Site.BaseURL = "https://news.example.org"
	snap, err := BuildSnapshot(ctx, st, cfg)
	if err != nil {
		t.Fatal(err)
	}
	again, err := BuildSnapshot(ctx, st, cfg)
	if err != nil {
		t.Fatal(err)
	}

	rec, err := st.BySlug(ctx, a.Slug)
	if err != nil {
		t.Fatal(err)
	}
	page, err := pages.Article(siteInfo(cfg), articleEntry(rec))
	if err != nil {
		t.Fatal(err)
	}
	want := pageBlocks(t, page)
	if len(want) != 6 { // subtitle, two figures, dateline, two paragraphs
		t.Fatalf("the article page shows %q, want six blocks", want)
	}
	// Each name links to the author's page: the byline is read as text.
	pageDoc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(htmlcheck.Text(pageDoc), "By Adaeze Okafor, Tomas Lindqvist and Ines Duval") {
		t.Error("the article page does not name every author")
	}

	for _, path := range []string{feed.PathFeed, feed.PathAtom, feed.PathRSS, feed.PathJSON} {
		body := snap.Resources[path].Body
		if !bytes.Equal(body, again.Resources[path].Body) || snap.Resources[path].ETag != again.Resources[path].ETag {
			t.Errorf("%s: two snapshots of the same store differ", path)
		}
		f, err := gofeed.NewParser().ParseString(string(body))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if len(f.Items) != 1 {
			t.Fatalf("%s: %d items", path, len(f.Items))
		}
		it := f.Items[0]
		var names []string
		if path == feed.PathRSS && it.DublinCoreExt != nil {
			names = it.DublinCoreExt.Creator // gofeed's Authors takes the first
		} else {
			for _, p := range it.Authors {
				names = append(names, p.Name)
			}
		}
		if !slices.Equal(names, a.Authors) {
			t.Errorf("%s: authors %q, want %q", path, names, a.Authors)
		}
		if got := contentBlocks(t, it.Content); !slices.Equal(got, want) {
			t.Errorf("%s: content blocks\n%q\nwant the page's\n%q", path, got, want)
		}
	}
}

// pageBlocks is the text of what the article page shows between its byline
// and its tags, one string per block, a figure's credit set off as the
// feeds set it off.
func pageBlocks(t *testing.T, page []byte) []string {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch {
			case n.DataAtom == atom.P && (hasClass(n, "subtitle") || hasClass(n, "dateline")):
				out = append(out, htmlcheck.Text(n))
				return
			case n.DataAtom == atom.Figcaption:
				var caption, credit strings.Builder
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					if hasClass(c, "credit") {
						credit.WriteString(htmlcheck.Text(c))
					} else {
						caption.WriteString(htmlcheck.Text(c))
					}
				}
				out = append(out, strings.Join(slices.DeleteFunc([]string{strings.TrimSpace(caption.String()), credit.String()},
					func(s string) bool { return s == "" }), " — "))
				return
			case n.DataAtom == atom.Div && hasClass(n, "body"):
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					if c.Type == html.ElementNode {
						out = append(out, htmlcheck.Text(c))
					}
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(doc)
	return out
}

// contentBlocks is the text of each top-level block of feed content.
func contentBlocks(t *testing.T, content string) []string {
	t.Helper()
	nodes, err := html.ParseFragment(strings.NewReader(content), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, n := range nodes {
		if s := htmlcheck.Text(n); n.Type == html.ElementNode || s != "" {
			out = append(out, s)
		}
	}
	return out
}

func hasClass(n *html.Node, class string) bool {
	for _, a := range n.Attr {
		if a.Key == "class" && slices.Contains(strings.Fields(a.Val), class) {
			return true
		}
	}
	return false
}

// TestLeadImages: a caption an HTML or Markdown body shows already, in a
// figure, a line under the picture or its alt text, gets no figure above
// the body; a text's captions, which leave its body, always do.
func TestLeadImages(t *testing.T) {
	wall := article.Image{Caption: "The new sea wall.", Credit: "Jane Roe"}
	tests := []struct {
		name, body string
		images     []article.Image
		want       int
	}{
		{"a caption the body does not show", "<p>The harbour reopened.</p>", []article.Image{wall}, 1},
		{"a credit the story names", "<p>Jane Roe/AP says the harbour reopened.</p>", []article.Image{{Credit: "Jane Roe/AP"}}, 0},
		{"an HTML figure", `<p>The harbour reopened.</p><figure><img src="w.jpg"/><figcaption>The new sea wall. Photo: Jane Roe</figcaption></figure>`, []article.Image{wall}, 0},
		{"a Markdown caption line", `<p><img src="w.jpg" alt="wall"></p><p><em>The new sea wall. Photo: Jane Roe</em></p>`, []article.Image{wall}, 0},
		{"alt text", `<p><img src="w.jpg" alt="The new sea wall."></p>`, []article.Image{wall}, 0},
		{"escaped text", `<p><em>Jane&#39;s boat &amp; the pier</em></p>`, []article.Image{{Caption: "Jane's boat & the pier"}}, 0},
		{"a credit alone", "<p>The harbour reopened.</p>", []article.Image{{Credit: "Jane Roe"}}, 1},
		{"a credit alone the body shows", "<figure><figcaption><span>Jane Roe/AP</span></figcaption></figure>", []article.Image{{Credit: "Jane Roe/AP"}}, 0},
		{"markup inside the caption", `<figure><img src="a.jpg"><figcaption>Films such as <i>Alien</i>  (pictured) and<br>more.</figcaption></figure>`,
			[]article.Image{{Caption: "Films such as Alien (pictured) and more."}}, 1},
		{"markup inside the caption, spaced", `<figure><img src="a.jpg"><figcaption>Films such as <i>Alien</i>  (pictured) and more.</figcaption></figure>`,
			[]article.Image{{Caption: "Films such as Alien (pictured) and more."}}, 0},
		{"caption and credit in spans", `<figcaption><span>Rep. Omar speaks.</span><span>J. Scott / AP</span></figcaption>`,
			[]article.Image{{Caption: "Rep. Omar speaks.J. Scott / AP"}}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := &article.Article{BodyHTML: tc.body, Images: tc.images}
			if got := leadImages("a.html", a); len(got) != tc.want {
				t.Errorf("lead images %+v, want %d", got, tc.want)
			}
			if got := leadImages("a.txt", a); len(got) != len(tc.images) {
				t.Errorf("a text's lead images %+v, want all %d", got, len(tc.images))
			}
		})
	}
}
