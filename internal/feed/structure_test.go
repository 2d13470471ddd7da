package feed

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"seedfeed/internal/htmlcheck"
)

// expected is what the structure tests compare against, worked out from a
// case's input independently of the renderers.
type expected struct {
	base      string
	lang      string
	full      bool
	stylesh   bool
	generator string
	ttl       int
	hubs      []string
	items     []expectedItem
}

type expectedItem struct {
	id, link  string
	published time.Time
	updated   time.Time
	tags      int
	content   bool
	authors   []string
	// lead is the text of each block the content starts with: the
	// subtitle, each figure's caption, the dateline.
	lead []leadBlock
}

// leadBlock is one block of an item's lead: its element, the element its
// text is wrapped in, and the text.
type leadBlock struct {
	elem, inner, text string
}

// plain is s as one line of text without the characters a feed may not
// carry.
func plain(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\r': // a line break, as cleanText makes it
			return '\n'
		case r != '\t' && r != '\n' && !keepRune(r):
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, ""))
	return strings.Join(strings.Fields(s), " ")
}

func expectedAuthors(meta Meta, it Item) []string {
	var names []string
	for _, n := range it.Authors {
		if n = plain(n); n != "" && !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	for _, n := range []string{it.Author, meta.Author, meta.Title} {
		if n = plain(n); len(names) == 0 && n != "" {
			names = []string{n}
		}
	}
	return names
}

func expectedLead(it Item) []leadBlock {
	var lead []leadBlock
	if s := plain(it.Subtitle); s != "" {
		lead = append(lead, leadBlock{"p", "em", s})
	}
	for _, f := range it.Figures {
		var parts []string
		for _, p := range []string{plain(f.Caption), plain(f.Credit)} {
			if p != "" {
				parts = append(parts, p)
			}
		}
		if len(parts) > 0 {
			lead = append(lead, leadBlock{"figure", "figcaption", strings.Join(parts, " — ")})
		}
	}
	if s := plain(it.Dateline); s != "" {
		lead = append(lead, leadBlock{"p", "strong", s})
	}
	return lead
}

func expectationsFor(tc renderCase) expected {
	base := strings.TrimRight(tc.meta.BaseURL, "/")
	ex := expected{
		base: base, lang: tc.meta.Language, full: tc.meta.FullContent,
		stylesh: tc.meta.Stylesheet != "", generator: tc.meta.Generator, ttl: tc.meta.TTL,
		hubs: tc.meta.Hubs,
	}
	for _, it := range tc.items {
		p, u := it.Published, it.Updated
		switch {
		case p.IsZero() && u.IsZero():
			p = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
			u = p
		case p.IsZero():
			p = u
		case u.IsZero():
			u = p
		}
		distinct := map[string]bool{}
		for _, t := range it.Tags {
			if t = strings.TrimSpace(strings.Map(func(r rune) rune {
				if r < 0x20 {
					return -1
				}
				return r
			}, t)); t != "" {
				distinct[t] = true
			}
		}
		ex.items = append(ex.items, expectedItem{
			id:        it.ID,
			link:      base + "/articles/" + it.Slug,
			published: p.UTC(),
			updated:   u.UTC().Add(updatedOffset(it.ID)),
			tags:      len(distinct),
			content:   tc.meta.FullContent && (it.ContentHTML != "" || len(expectedLead(it)) > 0),
			authors:   expectedAuthors(tc.meta, it),
			lead:      expectedLead(it),
		})
	}
	return ex
}

var rfc3339UTC = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$`)

func checkRFC3339(t *testing.T, what, s string, want time.Time) {
	t.Helper()
	if !rfc3339UTC.MatchString(s) {
		t.Errorf("%s = %q, want an RFC 3339 UTC date-time", what, s)
		return
	}
	got, _ := time.Parse(time.RFC3339, s)
	if !want.IsZero() && !got.Equal(want) {
		t.Errorf("%s = %s, want %s", what, s, want.Format(time.RFC3339))
	}
}

// checkRFC1123Z accepts exactly the form "Mon, 02 Jan 2006 15:04:05 -0700".
func checkRFC1123Z(t *testing.T, what, s string, want time.Time) {
	t.Helper()
	got, err := time.Parse(time.RFC1123Z, s)
	if err != nil || got.Format(time.RFC1123Z) != s {
		t.Errorf("%s = %q, want RFC 1123 with a numeric zone (%v)", what, s, err)
		return
	}
	if !want.IsZero() && !got.Equal(want) {
		t.Errorf("%s = %s, want %s", what, s, want.Format(time.RFC1123Z))
	}
}

// checkChars fails on any character keepRune rejects: legal XML, but
// U+FFFD, C1 controls and the like mean something was not cleaned.
func checkChars(t *testing.T, what, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Errorf("%s: invalid UTF-8 in %q", what, s)
		return
	}
	for _, r := range s {
		if !keepRune(r) && r != '\r' {
			t.Errorf("%s: character %U in %q", what, r, s)
			return
		}
	}
}

func checkAbsolute(t *testing.T, what, u string) {
	t.Helper()
	p, err := url.Parse(u)
	if err != nil || !p.IsAbs() || (p.Scheme == "http" || p.Scheme == "https") && p.Host == "" {
		t.Errorf("%s: %q is not an absolute URL", what, u)
	}
}

// checkContentURLs parses HTML content as a reader would and checks every
// URL-valued attribute.
func checkContentURLs(t *testing.T, what, fragment string) {
	t.Helper()
	nodes, err := html.ParseFragment(strings.NewReader(fragment), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		// The tree parser refuses very deep nesting; the tags are still
		// there for a reader's parser to find.
		checkContentURLTokens(t, what, fragment)
		return
	}
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		for _, a := range n.Attr {
			switch {
			case isURLAttr(a.Key):
				checkAbsolute(t, what+" "+n.Data+"@"+a.Key, a.Val)
			case a.Key == "srcset":
				for _, c := range strings.Split(a.Val, ",") {
					if f := strings.Fields(c); len(f) > 0 {
						checkAbsolute(t, what+" srcset", f[0])
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	for _, n := range nodes {
		visit(n)
	}
}

func checkContentURLTokens(t *testing.T, what, fragment string) {
	t.Helper()
	z := html.NewTokenizer(strings.NewReader(fragment))
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		for _, a := range tok.Attr {
			if key := a.Key[strings.LastIndexByte(a.Key, ':')+1:]; isURLAttr(key) {
				checkAbsolute(t, what+" "+tok.Data+"@"+a.Key, a.Val)
			}
		}
	}
}

func checkStylesheetPI(t *testing.T, what string, doc *xdoc, want bool) {
	t.Helper()
	if !want {
		if len(doc.procInst) != 0 {
			t.Errorf("%s: unexpected processing instructions %v", what, doc.procInst)
		}
		return
	}
	if len(doc.procInst) != 1 || doc.procInst[0].Target != "xml-stylesheet" {
		t.Errorf("%s: want one xml-stylesheet processing instruction, got %v", what, doc.procInst)
		return
	}
	m := regexp.MustCompile(`^type="text/css" href="([^"]+)"$`).FindStringSubmatch(string(doc.procInst[0].Inst))
	if m == nil {
		t.Errorf("%s: xml-stylesheet %q", what, doc.procInst[0].Inst)
		return
	}
	checkAbsolute(t, what+" stylesheet", m[1])
}

func TestAtomStructure(t *testing.T) {
	for _, tc := range renderCases() {
		ex := expectationsFor(tc)
		out, err := Render(tc.meta, tc.items)
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range []string{PathFeed, PathAtom} {
			t.Run(tc.name+path, func(t *testing.T) {
				doc, err := parseXML(out[path])
				if err != nil {
					t.Fatalf("not well-formed: %v", err)
				}
				checkStylesheetPI(t, path, doc, ex.stylesh)
				checkAtom(t, doc.root, ex, path)
			})
		}
	}
}

func checkAtom(t *testing.T, feed *xnode, ex expected, path string) {
	if feed.name != (xml.Name{Space: nsAtom, Local: "feed"}) {
		t.Fatalf("root is %v", feed.name)
	}
	feed.walk(func(n *xnode) {
		if n.name.Space != nsAtom {
			t.Errorf("element %v outside the Atom namespace", n.name)
		}
		checkChars(t, n.name.Local, n.text)
		for _, a := range n.attrs {
			checkChars(t, n.name.Local+"@"+a.Name.Local, a.Value)
		}
	})
	if lang, _ := feed.attr(nsXML, "lang"); lang != ex.lang {
		t.Errorf("xml:lang = %q, want %q", lang, ex.lang)
	}
	for _, name := range []string{"id", "title", "updated", "author"} {
		if feed.one(nsAtom, name) == nil {
			t.Errorf("feed needs exactly one %s", name)
		}
	}
	checkAbsolute(t, "feed id", feed.childText(nsAtom, "id"))
	if a := feed.one(nsAtom, "author"); a == nil || a.childText(nsAtom, "name") == "" {
		t.Error("feed author has no name")
	}
	if g := feed.childText(nsAtom, "generator"); g != ex.generator {
		t.Errorf("generator = %q, want %q", g, ex.generator)
	}
	newest := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, it := range ex.items {
		if it.updated.After(newest) {
			newest = it.updated
		}
	}
	checkRFC3339(t, "feed updated", feed.childText(nsAtom, "updated"), newest)
	links := map[string]*xnode{}
	var hubs []string
	for _, l := range feed.all(nsAtom, "link") {
		rel, _ := l.attr("", "rel")
		if rel == "hub" {
			href, _ := l.attr("", "href")
			hubs = append(hubs, href)
			continue
		}
		if links[rel] != nil {
			t.Errorf("two feed links with rel=%q", rel)
		}
		links[rel] = l
	}
	if self := links["self"]; self == nil {
		t.Error("no rel=self link")
	} else {
		href, _ := self.attr("", "href")
		typ, _ := self.attr("", "type")
		if href != ex.base+path || typ != "application/atom+xml" {
			t.Errorf("self link = %q (%q), want %q (application/atom+xml)", href, typ, ex.base+path)
		}
	}
	if !slices.Equal(hubs, ex.hubs) {
		t.Errorf("hub links %q, want %q", hubs, ex.hubs)
	}
	if alt := links["alternate"]; alt == nil {
		t.Error("no rel=alternate link")
	} else if href, _ := alt.attr("", "href"); href != ex.base+"/" {
		t.Errorf("alternate link = %q, want %q", href, ex.base+"/")
	}

	entries := feed.all(nsAtom, "entry")
	if len(entries) != len(ex.items) {
		t.Fatalf("%d entries, want %d", len(entries), len(ex.items))
	}
	for i, e := range entries {
		want := ex.items[i]
		if id := e.childText(nsAtom, "id"); id != want.id {
			t.Errorf("entry %d id = %q, want %q", i, id, want.id)
		}
		if e.one(nsAtom, "title") == nil || e.childText(nsAtom, "title") == "" {
			t.Errorf("entry %d: no title", i)
		}
		checkRFC3339(t, "entry published", e.childText(nsAtom, "published"), want.published)
		checkRFC3339(t, "entry updated", e.childText(nsAtom, "updated"), want.updated)
		var names []string
		for _, a := range e.all(nsAtom, "author") {
			names = append(names, a.childText(nsAtom, "name"))
		}
		if !slices.Equal(names, want.authors) {
			t.Errorf("entry %d authors %q, want %q", i, names, want.authors)
		}
		alt := e.all(nsAtom, "link")
		if len(alt) != 1 {
			t.Errorf("entry %d: %d links, want 1", i, len(alt))
		} else if href, _ := alt[0].attr("", "href"); href != want.link {
			t.Errorf("entry %d link = %q, want %q", i, href, want.link)
		} else if rel, _ := alt[0].attr("", "rel"); rel != "alternate" {
			t.Errorf("entry %d link rel = %q", i, rel)
		}
		if s := e.one(nsAtom, "summary"); s == nil {
			t.Errorf("entry %d: no summary", i)
		} else if typ, _ := s.attr("", "type"); typ != "text" && typ != "html" {
			t.Errorf("entry %d summary type = %q", i, typ)
		}
		c := e.one(nsAtom, "content")
		if (c != nil) != want.content {
			t.Errorf("entry %d: content present = %v, want %v", i, c != nil, want.content)
		}
		if c != nil {
			if typ, _ := c.attr("", "type"); typ != "html" {
				t.Errorf("entry %d content type = %q, want html", i, typ)
			}
			checkContentURLs(t, "entry content", c.text)
			checkLead(t, "entry content", c.text, want.lead)
		}
		cats := e.all(nsAtom, "category")
		if len(cats) != want.tags {
			t.Errorf("entry %d: %d categories, want %d", i, len(cats), want.tags)
		}
		for _, c := range cats {
			if term, ok := c.attr("", "term"); !ok || term == "" {
				t.Errorf("entry %d: category without term", i)
			}
		}
	}
}

func TestRSSStructure(t *testing.T) {
	for _, tc := range renderCases() {
		t.Run(tc.name, func(t *testing.T) {
			ex := expectationsFor(tc)
			out, err := Render(tc.meta, tc.items)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := parseXML(out[PathRSS])
			if err != nil {
				t.Fatalf("not well-formed: %v", err)
			}
			checkStylesheetPI(t, PathRSS, doc, ex.stylesh)
			checkRSS(t, doc.root, ex)
		})
	}
}

func checkRSS(t *testing.T, rss *xnode, ex expected) {
	if rss.name != (xml.Name{Local: "rss"}) {
		t.Fatalf("root is %v", rss.name)
	}
	if v, _ := rss.attr("", "version"); v != "2.0" {
		t.Errorf("version = %q", v)
	}
	rss.walk(func(n *xnode) {
		// An undeclared prefix would leave the prefix itself as Space.
		if !slices.Contains([]string{"", nsAtom, nsContent, nsDC}, n.name.Space) {
			t.Errorf("element %v in an undeclared namespace", n.name)
		}
		checkChars(t, n.name.Local, n.text)
	})
	ch := rss.one("", "channel")
	if ch == nil {
		t.Fatal("no single channel")
	}
	for _, name := range []string{"title", "link", "description", "lastBuildDate"} {
		if ch.childText("", name) == "" {
			t.Errorf("channel needs one non-empty %s", name)
		}
	}
	if got := ch.childText("", "link"); got != ex.base+"/" {
		t.Errorf("channel link = %q", got)
	}
	if got := ch.childText("", "language"); got != ex.lang {
		t.Errorf("language = %q, want %q", got, ex.lang)
	}
	if got := ch.childText("", "generator"); got != ex.generator {
		t.Errorf("generator = %q, want %q", got, ex.generator)
	}
	wantTTL := ""
	if ex.ttl > 0 {
		wantTTL = strconv.Itoa(ex.ttl)
	}
	if got := ch.childText("", "ttl"); got != wantTTL {
		t.Errorf("ttl = %q, want %q", got, wantTTL)
	}
	checkRFC1123Z(t, "lastBuildDate", ch.childText("", "lastBuildDate"), time.Time{})
	var self *xnode
	var hubs []string
	for _, l := range ch.all(nsAtom, "link") {
		rel, _ := l.attr("", "rel")
		href, _ := l.attr("", "href")
		switch {
		case rel == "hub":
			hubs = append(hubs, href)
		case self != nil:
			t.Errorf("a second atom:link rel=%q beside the self link", rel)
		default:
			self = l
		}
	}
	if !slices.Equal(hubs, ex.hubs) {
		t.Errorf("atom:link rel=hub %q, want %q", hubs, ex.hubs)
	}
	if self == nil {
		t.Error("no atom:link")
	} else {
		href, _ := self.attr("", "href")
		rel, _ := self.attr("", "rel")
		typ, _ := self.attr("", "type")
		if href != ex.base+PathRSS || rel != "self" || typ != "application/rss+xml" {
			t.Errorf("atom:link = %q %q %q", href, rel, typ)
		}
	}
	items := ch.all("", "item")
	if len(items) != len(ex.items) {
		t.Fatalf("%d items, want %d", len(items), len(ex.items))
	}
	for i, it := range items {
		want := ex.items[i]
		for _, name := range []string{"title", "link", "guid", "pubDate", "description"} {
			if it.childText("", name) == "" {
				t.Errorf("item %d needs one non-empty %s", i, name)
			}
		}
		if it.one("", "author") != nil {
			t.Errorf("item %d: <author> must be an e-mail address; names go in dc:creator", i)
		}
		if got := it.childText("", "link"); got != want.link {
			t.Errorf("item %d link = %q, want %q", i, got, want.link)
		}
		if g := it.one("", "guid"); g != nil {
			if pl, _ := g.attr("", "isPermaLink"); pl != "false" || g.text != want.id {
				t.Errorf("item %d guid = %q isPermaLink=%q, want %q false", i, g.text, pl, want.id)
			}
		}
		checkRFC1123Z(t, "pubDate", it.childText("", "pubDate"), want.published)
		var creators []string
		for _, c := range it.all(nsDC, "creator") {
			creators = append(creators, c.text)
		}
		if !slices.Equal(creators, want.authors) {
			t.Errorf("item %d dc:creator %q, want %q", i, creators, want.authors)
		}
		enc := it.one(nsContent, "encoded")
		if (enc != nil) != want.content {
			t.Errorf("item %d: content:encoded present = %v, want %v", i, enc != nil, want.content)
		}
		if enc != nil {
			checkContentURLs(t, "content:encoded", enc.text)
			checkLead(t, "content:encoded", enc.text, want.lead)
		}
		if n := len(it.all("", "category")); n != want.tags {
			t.Errorf("item %d: %d categories, want %d", i, n, want.tags)
		}
	}
}

func TestJSONStructure(t *testing.T) {
	// The fields JSON Feed 1.1 defines; anything else would need an
	// underscore prefix.
	topFields := []string{"version", "title", "home_page_url", "feed_url", "description", "user_comment",
		"next_url", "icon", "favicon", "authors", "language", "expired", "hubs", "items"}
	itemFields := []string{"id", "url", "external_url", "title", "content_html", "content_text", "summary",
		"image", "banner_image", "date_published", "date_modified", "authors", "tags", "language", "attachments"}
	for _, tc := range renderCases() {
		t.Run(tc.name, func(t *testing.T) {
			ex := expectationsFor(tc)
			out, err := Render(tc.meta, tc.items)
			if err != nil {
				t.Fatal(err)
			}
			var feed map[string]any
			if err := json.Unmarshal(out[PathJSON], &feed); err != nil {
				t.Fatal(err)
			}
			for k := range feed {
				if !slices.Contains(topFields, k) {
					t.Errorf("unknown top-level field %q", k)
				}
			}
			if feed["version"] != "https://jsonfeed.org/version/1.1" {
				t.Errorf("version = %v", feed["version"])
			}
			if s, _ := feed["title"].(string); s == "" {
				t.Error("no title")
			}
			if feed["home_page_url"] != ex.base+"/" || feed["feed_url"] != ex.base+PathJSON {
				t.Errorf("home_page_url %v, feed_url %v", feed["home_page_url"], feed["feed_url"])
			}
			var hubs []string
			list, _ := feed["hubs"].([]any)
			for _, h := range list {
				m, _ := h.(map[string]any)
				if m["type"] != "WebSub" || len(m) != 2 {
					t.Errorf("hub %v: want exactly type WebSub and url", h)
				}
				u, _ := m["url"].(string)
				hubs = append(hubs, u)
			}
			if _, ok := feed["hubs"]; ok != (len(ex.hubs) > 0) || !slices.Equal(hubs, ex.hubs) {
				t.Errorf("hubs %v, want %q", feed["hubs"], ex.hubs)
			}
			// Every item names its authors; top-level ones would be
			// added to them by some readers.
			for _, k := range []string{"authors", "author"} {
				if v, ok := feed[k]; ok {
					t.Errorf("top-level %s %v", k, v)
				}
			}
			items, ok := feed["items"].([]any)
			if !ok {
				t.Fatalf("items = %#v, want an array (even when empty)", feed["items"])
			}
			if len(items) != len(ex.items) {
				t.Fatalf("%d items, want %d", len(items), len(ex.items))
			}
			for i, raw := range items {
				it, _ := raw.(map[string]any)
				want := ex.items[i]
				for k, v := range it {
					if !slices.Contains(itemFields, k) {
						t.Errorf("item %d: unknown field %q", i, k)
					}
					if s, ok := v.(string); ok {
						checkChars(t, k, s)
					}
				}
				if it["id"] != want.id || it["url"] != want.link {
					t.Errorf("item %d id %v url %v, want %v %v", i, it["id"], it["url"], want.id, want.link)
				}
				html, hasHTML := it["content_html"].(string)
				text, hasText := it["content_text"].(string)
				if !(hasHTML && html != "" || hasText && text != "") {
					t.Errorf("item %d: needs content_html or content_text", i)
				}
				if hasHTML != want.content {
					t.Errorf("item %d: content_html present = %v, want %v", i, hasHTML, want.content)
				}
				if hasHTML {
					checkContentURLs(t, "content_html", html)
					checkLead(t, "content_html", html, want.lead)
				}
				pub, _ := it["date_published"].(string)
				mod, _ := it["date_modified"].(string)
				checkRFC3339(t, "date_published", pub, want.published)
				checkRFC3339(t, "date_modified", mod, want.updated)
				checkJSONAuthors(t, fmt.Sprintf("item %d", i), it["authors"], want.authors)
				tags, _ := it["tags"].([]any)
				if len(tags) != want.tags {
					t.Errorf("item %d: %d tags, want %d", i, len(tags), want.tags)
				}
			}
		})
	}
}

func checkJSONAuthors(t *testing.T, what string, v any, want []string) {
	t.Helper()
	authors, _ := v.([]any)
	var names []string
	for _, a := range authors {
		m, _ := a.(map[string]any)
		if len(m) != 1 {
			t.Errorf("%s: author %v, want a name only", what, a)
		}
		name, _ := m["name"].(string)
		names = append(names, name)
	}
	if !slices.Equal(names, want) {
		t.Errorf("%s authors %q, want %q", what, names, want)
	}
}

// checkLead checks that HTML content starts with the lead blocks, in
// order, each holding its text in its inner element alone.
func checkLead(t *testing.T, what, fragment string, want []leadBlock) {
	t.Helper()
	nodes, err := html.ParseFragment(strings.NewReader(fragment), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		t.Errorf("%s: %v", what, err)
		return
	}
	var blocks []*html.Node
	for _, n := range nodes {
		if n.Type != html.TextNode || strings.TrimSpace(n.Data) != "" {
			blocks = append(blocks, n)
		}
	}
	for i, w := range want {
		if i >= len(blocks) {
			t.Errorf("%s: lead block %d (%s) missing", what, i, w.text)
			return
		}
		b := blocks[i]
		inner := b.FirstChild
		if b.Data != w.elem || inner == nil || inner.Data != w.inner || inner.NextSibling != nil || htmlcheck.Text(inner) != w.text {
			var sb strings.Builder
			_ = html.Render(&sb, b)
			t.Errorf("%s: lead block %d is %s, want <%s><%s>%s</%s></%s>", what, i, sb.String(), w.elem, w.inner, w.text, w.inner, w.elem)
		}
	}
}

// TestGofeedReadsEveryFormat checks the feeds as a reader library sees them.
func TestGofeedReadsEveryFormat(t *testing.T) {
	for _, tc := range renderCases() {
		ex := expectationsFor(tc)
		out, err := Render(tc.meta, tc.items)
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range []string{PathFeed, PathAtom, PathRSS, PathJSON} {
			t.Run(tc.name+path, func(t *testing.T) {
				f, err := gofeed.NewParser().ParseString(string(out[path]))
				if err != nil {
					t.Fatal(err)
				}
				if f.Title == "" || f.Link != ex.base+"/" {
					t.Errorf("title %q link %q", f.Title, f.Link)
				}
				if f.Language != ex.lang {
					t.Errorf("language = %q, want %q", f.Language, ex.lang)
				}
				if len(f.Items) != len(ex.items) {
					t.Fatalf("%d items, want %d", len(f.Items), len(ex.items))
				}
				for i, it := range f.Items {
					want := ex.items[i]
					if it.GUID != want.id || it.Link != want.link {
						t.Errorf("item %d guid %q link %q, want %q %q", i, it.GUID, it.Link, want.id, want.link)
					}
					if it.Title == "" {
						t.Errorf("item %d: no title", i)
					}
					// gofeed makes an RSS item's first dc:creator its
					// one author, and keeps them all in its extension.
					var names []string
					if path == PathRSS && it.DublinCoreExt != nil {
						names = it.DublinCoreExt.Creator
					} else {
						for _, a := range it.Authors {
							names = append(names, a.Name)
						}
					}
					if !slices.Equal(names, want.authors) {
						t.Errorf("item %d authors %q, want %q", i, names, want.authors)
					}
					if want.content {
						checkLead(t, fmt.Sprintf("item %d content", i), it.Content, want.lead)
					} else if path != PathJSON && it.Content != "" {
						// JSON Feed requires content: there it is the summary.
						t.Errorf("item %d: content %q in a summary-only feed", i, it.Content)
					}
					if it.PublishedParsed == nil || !it.PublishedParsed.Equal(want.published) {
						t.Errorf("item %d published %v (%q), want %v", i, it.PublishedParsed, it.Published, want.published)
					}
					if path != PathRSS && (it.UpdatedParsed == nil || !it.UpdatedParsed.Equal(want.updated)) {
						t.Errorf("item %d updated %v, want %v", i, it.UpdatedParsed, want.updated)
					}
					if len(it.Categories) != want.tags {
						t.Errorf("item %d categories %q, want %d", i, it.Categories, want.tags)
					}
				}
			})
		}
	}
}

// Items updated in the same second (first seen in one scan) must still
// carry distinct atom:updated values, and each item the same value on
// every render.
func TestUpdatedDistinctAndStable(t *testing.T) {
	at := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	var items []Item
	for i := range 50 {
		items = append(items, Item{ID: fmt.Sprintf("tag:example.org,2026-11-25:/articles/a%d", i), Slug: fmt.Sprintf("a%d", i),
			Title: "T", ContentHTML: "<p>x</p>", Published: at, Updated: at})
	}
	meta := Meta{Title: "S", BaseURL: "https://example.org"}
	out, err := Render(meta, items)
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`<updated>([^<]+)</updated>`)
	seen := map[string]bool{}
	for _, m := range re.FindAllStringSubmatch(string(out[PathFeed]), -1)[1:] { // [0] is the feed's own
		if seen[m[1]] {
			t.Errorf("duplicate updated %s", m[1])
		}
		seen[m[1]] = true
		got, err := time.Parse(time.RFC3339Nano, m[1])
		if err != nil || got.Truncate(time.Second) != at {
			t.Errorf("updated %s is not within its second %v (%v)", m[1], at, err)
		}
	}
	again, _ := Render(meta, items[10:20])
	for _, it := range items[10:20] {
		want := at.Add(updatedOffset(it.ID)).Format(atomTime)
		if !strings.Contains(string(again[PathFeed]), "<updated>"+want+"</updated>") {
			t.Errorf("item %s: updated %s missing from another render", it.ID, want)
		}
	}
}
