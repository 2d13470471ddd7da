package htmlextract

import (
	"encoding/json"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// meta is what the page says about itself outside its body.
type meta struct {
	title, byline, excerpt, lang, siteName string
	published, modified                    string
	tags                                   []string
	baseHref, ogURL, canonical             string
}

// maxJSONLD bounds the size of one JSON-LD script that is decoded.
const maxJSONLD = 1 << 20

// readMeta walks the document once for <html lang>, <base>, <link
// rel=canonical>, <meta> properties and JSON-LD article objects. Explicit
// Open Graph and article:* properties come first, JSON-LD fills the gaps.
func readMeta(doc *html.Node) meta {
	var m meta
	var ld meta
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > maxDepth {
			return
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				if m.lang == "" {
					m.lang = strings.TrimSpace(attr(n, "lang"))
				}
			case atom.Base:
				if m.baseHref == "" {
					m.baseHref = strings.TrimSpace(attr(n, "href"))
				}
			case atom.Link:
				if strings.EqualFold(strings.TrimSpace(attr(n, "rel")), "canonical") && m.canonical == "" {
					m.canonical = strings.TrimSpace(attr(n, "href"))
				}
			case atom.Meta:
				m.readMetaTag(n)
			case atom.Script:
				if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") && n.FirstChild != nil {
					if text := n.FirstChild.Data; len(text) <= maxJSONLD {
						readJSONLD(text, &ld)
					}
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	fill := func(dst *string, src string) {
		if *dst == "" {
			*dst = src
		}
	}
	fill(&m.title, ld.title)
	fill(&m.byline, ld.byline)
	fill(&m.excerpt, ld.excerpt)
	fill(&m.published, ld.published)
	fill(&m.modified, ld.modified)
	if len(m.tags) == 0 {
		m.tags = ld.tags
	}
	return m
}

func (m *meta) readMetaTag(n *html.Node) {
	key := strings.ToLower(strings.TrimSpace(attr(n, "property")))
	if key == "" {
		key = strings.ToLower(strings.TrimSpace(attr(n, "name")))
	}
	val := strings.TrimSpace(attr(n, "content"))
	if key == "" || val == "" {
		return
	}
	set := func(dst *string) {
		if *dst == "" {
			*dst = val
		}
	}
	switch key {
	case "og:title":
		set(&m.title)
	case "og:description", "description", "twitter:description":
		set(&m.excerpt)
	case "og:site_name":
		set(&m.siteName)
	case "og:url":
		set(&m.ogURL)
	case "article:published_time", "og:article:published_time", "datepublished", "pubdate":
		set(&m.published)
	case "article:modified_time", "og:updated_time", "datemodified":
		set(&m.modified)
	case "article:author", "author":
		if !strings.Contains(val, "://") {
			set(&m.byline)
		}
	case "article:tag":
		m.tags = appendTag(m.tags, val)
	}
}

func appendTag(tags []string, t string) []string {
	t = strings.TrimSpace(t)
	if t == "" {
		return tags
	}
	for _, old := range tags {
		if strings.EqualFold(old, t) {
			return tags
		}
	}
	return append(tags, t)
}

// articleTypes are the schema.org types whose headline, dates and author
// describe the page's article.
var articleTypes = map[string]bool{
	"article": true, "newsarticle": true, "blogposting": true, "reportagenewsarticle": true,
	"analysisnewsarticle": true, "opinionnewsarticle": true, "reviewnewsarticle": true,
	"backgroundnewsarticle": true, "techarticle": true, "scholarlyarticle": true, "report": true,
	"webpage": false, "liveblogposting": true, "socialmediaposting": true, "posting": true,
}

// readJSONLD fills m from the first article object of a JSON-LD script,
// looking inside arrays and @graph. Malformed JSON is ignored: metadata is
// a bonus, never a reason to fail.
func readJSONLD(text string, m *meta) {
	if m.title != "" {
		return
	}
	var v any
	if err := json.Unmarshal([]byte(text), &v); err != nil {
		return
	}
	if obj := findArticle(v, 0); obj != nil {
		m.title = str(obj["headline"])
		if m.title == "" {
			m.title = str(obj["name"])
		}
		m.excerpt = str(obj["description"])
		m.published = str(obj["datePublished"])
		m.modified = str(obj["dateModified"])
		m.byline = authorName(obj["author"])
		switch k := obj["keywords"].(type) {
		case string:
			for _, t := range strings.Split(k, ",") {
				m.tags = appendTag(m.tags, t)
			}
		case []any:
			for _, t := range k {
				m.tags = appendTag(m.tags, str(t))
			}
		}
	}
}

func findArticle(v any, depth int) map[string]any {
	if depth > 8 {
		return nil
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			if o := findArticle(e, depth+1); o != nil {
				return o
			}
		}
	case map[string]any:
		if isArticleType(x["@type"]) {
			return x
		}
		if g, ok := x["@graph"]; ok {
			return findArticle(g, depth+1)
		}
	}
	return nil
}

func isArticleType(t any) bool {
	switch x := t.(type) {
	case string:
		return articleTypes[strings.ToLower(x)]
	case []any:
		for _, e := range x {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

func str(v any) string {
	if s, ok := v.(string); ok {
		return strings.TrimSpace(s)
	}
	return ""
}

// authorName reads schema.org author as a string, a Person, or a list of
// either, joining several names with ", ".
func authorName(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case map[string]any:
		return str(x["name"])
	case []any:
		var names []string
		for _, e := range x {
			if n := authorName(e); n != "" {
				names = append(names, n)
			}
		}
		return strings.Join(names, ", ")
	}
	return ""
}

// timeLayouts are the date forms metadata uses in practice, RFC 3339 and
// its near misses first.
var timeLayouts = []string{
	time.RFC3339Nano, time.RFC3339, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05", "2006-01-02T15:04Z07:00",
	"2006-01-02T15:04", "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05", "2006-01-02", time.RFC1123Z,
	time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700", "January 2, 2006", "Jan 2, 2006",
}

// parseTime reads a metadata date; the zero time and false when it reads
// none of the known forms.
func parseTime(s string) (*time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return nil, false
	}
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return &t, true
		}
	}
	return nil, false
}

// pageBase decides what relative URLs in the body are resolved against:
// the page's <base href> (itself resolved against the page's own URL),
// else its og:url or canonical link, else the caller's base.
func pageBase(m meta, base *url.URL) *url.URL {
	own := base
	for _, s := range []string{m.ogURL, m.canonical} {
		if u, err := url.Parse(s); err == nil && s != "" {
			if base != nil {
				u = base.ResolveReference(u)
			}
			if u.IsAbs() && (u.Scheme == "http" || u.Scheme == "https") {
				own = u
				break
			}
		}
	}
	if m.baseHref != "" {
		if u, err := url.Parse(m.baseHref); err == nil {
			if own != nil {
				u = own.ResolveReference(u)
			}
			if u.IsAbs() && (u.Scheme == "http" || u.Scheme == "https") {
				return u
			}
		}
	}
	return own
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}
