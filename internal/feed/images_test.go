package feed

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"
)

// pictureCases are feeds with site images, item pictures and label
// directories, rendered to goldens and checked by a strict XML pass and
// by gofeed.
func pictureCases() []renderCase {
	// A host with a dot: the W3C validator wants one in an enclosure URL.
	const base = "https://news.example.org/"
	m := fullMeta()
	m.BaseURL = base
	m.Images = SiteImages{Icon: "/icon.png", Logo: "https://cdn.example.org/logo.png"}
	items := []Item{
		{
			ID: "tag:localhost,2024-06-01:gallery", Slug: "gallery", Title: "Gallery",
			ContentHTML: `<p>Pictures.</p>`,
			Published:   date("2024-06-01T10:00:00Z"),
			Pictures: []Picture{
				{URL: "/media/lead.JPG"}, // relative to the page, type by extension
				{URL: "https://img.example.org/b.png", Type: "image/png", Length: 12345},
				{URL: "https://img.example.org/c"},  // no known type
				{URL: "data:image/png;base64,AAAA"}, // dropped: not a link
				{URL: "/media/lead.JPG"},            // a repeat
				{URL: "javascript:alert(1)"},        // dropped
			},
		},
		{
			ID: "tag:localhost,2024-06-01:no-type", Slug: "no-type", Title: "Only an untyped picture",
			ContentHTML: `<p>One.</p>`,
			Published:   date("2024-06-01T09:00:00Z"),
			Pictures:    []Picture{{URL: "../pics/photo?id=7"}},
		},
		{
			ID: "tag:localhost,2024-06-01:plain", Slug: "plain", Title: "No pictures",
			ContentHTML: `<p>Text.</p>`, Published: date("2024-06-01T08:00:00Z"),
			Figures: []Figure{{Caption: "A caption without a URL", Credit: "Jo"}},
		},
	}
	tag := fullMeta()
	tag.BaseURL = base
	tag.Title = "Harbour Town Notes: हिंदी"
	tag.FeedID = ""
	tag.Dir = LabelDir("/tags", "हिंदी")
	author := fullMeta()
	author.BaseURL = base
	author.Title = "Harbour Town Notes: C#"
	author.FeedID = ""
	author.Dir = LabelDir("/authors", "c#")
	author.Images = SiteImages{Icon: "https://example.org/favicon.ico"}
	return []renderCase{
		{name: "pictures", meta: m, items: items},
		{name: "tag-hindi", meta: tag, items: items[2:]},
		{name: "author-csharp", meta: author, items: items[:1]},
	}
}

func TestPictureAndLabelGolden(t *testing.T) {
	for _, tc := range pictureCases() {
		out, err := Render(tc.meta, tc.items)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		want := []string{tc.meta.Dir + PathFeed, tc.meta.Dir + PathRSS, tc.meta.Dir + PathJSON}
		if tc.meta.Dir == "" {
			want = append(want, PathAtom)
		}
		if len(out) != len(want) {
			t.Errorf("%s: %d documents, want %d", tc.name, len(out), len(want))
		}
		for _, p := range want {
			body, ok := out[p]
			if !ok {
				t.Errorf("%s: no document at %s", tc.name, p)
				continue
			}
			gp := goldenPath(tc.name, strings.TrimPrefix(p, tc.meta.Dir))
			if *update {
				if err := os.WriteFile(gp, body, 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			golden, err := os.ReadFile(gp)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(body, golden) {
				t.Errorf("%s differs from %s (run go test -update and review the diff):\n%s", p, gp, firstDiff(body, golden))
			}
		}
	}
}

func TestPictureElements(t *testing.T) {
	tc := pictureCases()[0]
	out, err := Render(tc.meta, tc.items)
	if err != nil {
		t.Fatal(err)
	}
	const lead = "https://news.example.org/media/lead.JPG"

	atom, err := parseXML(out[PathFeed])
	if err != nil {
		t.Fatal(err)
	}
	if got := atom.root.childText(nsAtom, "icon"); got != "https://news.example.org/icon.png" {
		t.Errorf("atom icon = %q", got)
	}
	if got := atom.root.childText(nsAtom, "logo"); got != "https://cdn.example.org/logo.png" {
		t.Errorf("atom logo = %q", got)
	}
	entries := atom.root.all(nsAtom, "entry")
	type encl struct{ href, typ, length string }
	var got []encl
	for _, l := range entries[0].all(nsAtom, "link") {
		if rel, _ := l.attr("", "rel"); rel == "enclosure" {
			h, _ := l.attr("", "href")
			ty, _ := l.attr("", "type")
			n, hasLen := l.attr("", "length")
			if hasLen && n == "0" {
				t.Errorf("enclosure %s has length 0: a length is given only when known", h)
			}
			got = append(got, encl{h, ty, n})
		}
	}
	wantEncl := []encl{{lead, "image/jpeg", ""}, {"https://img.example.org/b.png", "image/png", "12345"}, {"https://img.example.org/c", "", ""}}
	if len(got) != len(wantEncl) {
		t.Fatalf("atom enclosures = %+v, want %+v", got, wantEncl)
	}
	for i := range got {
		if got[i] != wantEncl[i] {
			t.Errorf("atom enclosure %d = %+v, want %+v", i, got[i], wantEncl[i])
		}
	}
	mc := entries[0].one(nsMedia, "content")
	if mc == nil {
		t.Fatal("atom: no media:content for the lead picture")
	}
	if u, _ := mc.attr("", "url"); u != lead {
		t.Errorf("media:content url = %q", u)
	}
	if th := entries[0].one(nsMedia, "thumbnail"); th == nil {
		t.Error("atom: no media:thumbnail")
	}
	if len(entries[2].all(nsMedia, "content")) != 0 {
		t.Error("an item without a picture URL got media:content: a caption alone invents nothing")
	}

	rss, err := parseXML(out[PathRSS])
	if err != nil {
		t.Fatal(err)
	}
	ch := rss.root.one("", "channel")
	img := ch.one("", "image")
	if img == nil || img.childText("", "url") != "https://cdn.example.org/logo.png" || img.childText("", "link") != "https://news.example.org/" ||
		img.childText("", "title") != ch.childText("", "title") {
		t.Errorf("rss image = %+v", img)
	}
	items := ch.all("", "item")
	encs := items[0].all("", "enclosure")
	if len(encs) != 1 {
		t.Fatalf("rss item 0 has %d enclosures, want 1", len(encs))
	}
	for attr, want := range map[string]string{"url": lead, "type": "image/jpeg", "length": "0"} {
		if v, _ := encs[0].attr("", attr); v != want {
			t.Errorf("rss enclosure %s = %q, want %q", attr, v, want)
		}
	}
	// An untyped picture cannot be an RSS enclosure (type is required),
	// but it is still the item's Media RSS picture.
	if len(items[1].all("", "enclosure")) != 0 || items[1].one(nsMedia, "content") == nil {
		t.Error("rss item 1: want no enclosure and one media:content")
	}

	var jf struct {
		Icon, Favicon string
		Items         []struct{ Image string }
	}
	if err := json.Unmarshal(out[PathJSON], &jf); err != nil {
		t.Fatal(err)
	}
	if jf.Icon != "https://cdn.example.org/logo.png" || jf.Favicon != "https://news.example.org/icon.png" {
		t.Errorf("json icon %q favicon %q", jf.Icon, jf.Favicon)
	}
	if jf.Items[0].Image != lead || jf.Items[1].Image != "https://news.example.org/pics/photo?id=7" || jf.Items[2].Image != "" {
		t.Errorf("json images = %+v", jf.Items)
	}

	for _, p := range []string{PathFeed, PathRSS, PathJSON} {
		f, err := gofeed.NewParser().ParseString(string(out[p]))
		if err != nil {
			t.Fatalf("%s: gofeed: %v", p, err)
		}
		if f.Image == nil || f.Image.URL == "" {
			t.Errorf("%s: gofeed sees no feed image", p)
		}
		if f.Items[0].Image == nil && len(f.Items[0].Enclosures) == 0 {
			t.Errorf("%s: gofeed sees no picture on item 0", p)
		}
		if p != PathJSON && (len(f.Items[0].Enclosures) == 0 || f.Items[0].Enclosures[0].URL != lead) {
			t.Errorf("%s: gofeed enclosures %+v", p, f.Items[0].Enclosures)
		}
	}
}

// Without site images or pictures, none of their elements is written.
func TestNoPicturesNoElements(t *testing.T) {
	out, err := Render(fullMeta(), hardItems())
	if err != nil {
		t.Fatal(err)
	}
	for p, body := range out {
		for _, s := range []string{"<icon>", "<logo>", "<image>", "enclosure", "media:", nsMedia, `"icon"`, `"favicon"`, `"image"`} {
			if bytes.Contains(body, []byte(s)) {
				t.Errorf("%s contains %q without any picture or site image", p, s)
			}
		}
	}
}

func TestLabelFeedLinks(t *testing.T) {
	for _, tc := range pictureCases()[1:] {
		out, err := Render(tc.meta, tc.items)
		if err != nil {
			t.Fatal(err)
		}
		base := "https://news.example.org" + tc.meta.Dir
		for _, p := range []string{PathFeed, PathRSS} {
			doc, err := parseXML(out[tc.meta.Dir+p])
			if err != nil {
				t.Fatalf("%s%s: %v", tc.meta.Dir, p, err)
			}
			var self, alt []string
			root := doc.root
			if p == PathRSS {
				root = root.one("", "channel")
				alt = append(alt, root.childText("", "link"))
			}
			for _, l := range root.all(nsAtom, "link") {
				rel, _ := l.attr("", "rel")
				h, _ := l.attr("", "href")
				switch rel {
				case "self":
					self = append(self, h)
				case "alternate":
					alt = append(alt, h)
				}
			}
			if len(self) != 1 || self[0] != base+p {
				t.Errorf("%s%s: self links %q, want %q", tc.meta.Dir, p, self, base+p)
			}
			if len(alt) != 1 || alt[0] != base+"/" {
				t.Errorf("%s%s: alternate links %q, want %q", tc.meta.Dir, p, alt, base+"/")
			}
			if p == PathFeed {
				if id := root.childText(nsAtom, "id"); !strings.HasSuffix(id, tc.meta.Dir) || id == "tag:localhost,2000:/feed" {
					t.Errorf("label feed id %q is not its own", id)
				}
			}
			if _, err := gofeed.NewParser().ParseString(string(out[tc.meta.Dir+p])); err != nil {
				t.Errorf("%s%s: gofeed: %v", tc.meta.Dir, p, err)
			}
		}
		var jf struct{ FeedURL, HomePageURL string }
		if err := json.Unmarshal(bytes.ReplaceAll(bytes.ReplaceAll(out[tc.meta.Dir+PathJSON], []byte(`"feed_url"`), []byte(`"FeedURL"`)), []byte(`"home_page_url"`), []byte(`"HomePageURL"`)), &jf); err != nil {
			t.Fatal(err)
		}
		if jf.FeedURL != base+PathJSON || jf.HomePageURL != base+"/" {
			t.Errorf("json feed_url %q home_page_url %q", jf.FeedURL, jf.HomePageURL)
		}
	}
	// RSS <image> takes GIF, JPEG or PNG only: an SVG logo leaves it to
	// a PNG icon, and with neither there is none.
	for _, tt := range []struct {
		im   SiteImages
		want string
	}{
		{SiteImages{Logo: "/logo.svg", Icon: "/icon.png"}, "https://x.org/icon.png"},
		{SiteImages{Logo: "/logo.svg", Icon: "/favicon.ico"}, ""},
		{SiteImages{Logo: "/logo.JPG?v=2"}, "https://x.org/logo.JPG?v=2"},
	} {
		out, err := Render(Meta{BaseURL: "https://x.org", Images: tt.im}, nil)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := parseXML(out[PathRSS])
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if img := doc.root.one("", "channel").one("", "image"); img != nil {
			got = img.childText("", "url")
		}
		if got != tt.want {
			t.Errorf("%+v: rss image %q, want %q", tt.im, got, tt.want)
		}
	}
	if _, err := Render(Meta{BaseURL: "http://x.org", Dir: "/tags/a b"}, nil); err == nil {
		t.Error("a Dir with a space was accepted")
	}
	if got := ContentType("/tags/x/rss.xml"); got != ContentType(PathRSS) {
		t.Errorf("ContentType of a label's RSS = %q", got)
	}
}
