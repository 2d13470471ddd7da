package htmlextract

import (
	"encoding/json"
	"net/url"
	"strings"
	"time"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// meta is what the page says about itself outside its body's prose: the
// <head>, JSON-LD, and the few marked-up elements of the body (headings,
// bylines, <time>) that name the article's headline, authors and dates.
type meta struct {
	// Title candidates by origin: Open Graph and twitter:title, the
	// JSON-LD headline, the document's <title>.
	ogTitle, ldTitle, docTitle string
	excerpt, lang, siteName    string
	// metaLang is the language a <meta> gives (Content-Language,
	// og:locale), for a page whose <html> gives none.
	metaLang string
	// publisher is the JSON-LD publisher's or the site's application
	// name: another spelling of the site name a <title> may carry.
	publisher           string
	published, modified string
	// publishedRank is the place in publishedKeys of the key that gave
	// published.
	publishedRank int
	// byline is a metadata author (JSON-LD, <meta name=author>, ...) and
	// authors its names one by one when the source lists them.
	byline   string
	authors  []string
	tags     []string
	baseHref string
	ogURL    string
	// ogImage and twImage are the Open Graph and Twitter card images;
	// keywords is <meta name=keywords>, tags for a page without
	// article:tag.
	ogImage, twImage, keywords string
	// canonical is the <link rel=canonical> address.
	canonical string

	dom domFacts
}

// maxJSONLD bounds the size of one JSON-LD script that is decoded.
const maxJSONLD = 1 << 20

// readMeta walks the document once for <html lang>, <base>, <link
// rel=canonical>, <title>, <meta> properties, JSON-LD article objects and
// the body's header markup. Explicit Open Graph and article:* properties
// come first, JSON-LD fills the gaps.
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
					// XHTML pages may give only xml:lang.
					m.lang = strings.TrimSpace(firstNonEmpty(attr(n, "lang"), attr(n, "xml:lang")))
				}
			case atom.Base:
				if m.baseHref == "" {
					m.baseHref = strings.TrimSpace(attr(n, "href"))
				}
			case atom.Link:
				if strings.EqualFold(strings.TrimSpace(attr(n, "rel")), "canonical") && m.canonical == "" {
					m.canonical = strings.TrimSpace(attr(n, "href"))
				}
			case atom.Title:
				if m.docTitle == "" && !inSVG(n) {
					m.docTitle = collapse(textOf(n))
				}
				return
			case atom.Meta:
				m.readMetaTag(n)
			case atom.Script:
				if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") && n.FirstChild != nil {
					if text := n.FirstChild.Data; len(text) <= maxJSONLD {
						readJSONLD(text, &ld)
					}
				}
				return
			case atom.Style, atom.Template, atom.Noscript:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	m.dom = readDOM(doc)
	fill := func(dst *string, src string) {
		if *dst == "" {
			*dst = src
		}
	}
	m.ldTitle = ld.ldTitle
	fill(&m.excerpt, ld.excerpt)
	fill(&m.publisher, ld.publisher)
	// JSON-LD's datePublished is the article's own statement; a <meta>
	// date is as often the page's (re)build time.
	if ld.published != "" {
		m.published = ld.published
	}
	fill(&m.modified, ld.modified)
	if len(ld.authors) > 0 {
		m.authors, m.byline = ld.authors, strings.Join(ld.authors, ", ")
	}
	if len(m.tags) == 0 {
		m.tags = ld.tags
	}
	return m
}

// inSVG reports whether n sits inside an <svg> (whose <title> names a
// drawing, not the page).
func inSVG(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == atom.Svg {
			return true
		}
	}
	return false
}

// publishedKeys are the <meta> names and properties that give the
// article's publication date, strongest first.
var publishedKeys = []string{
	"article:published_time", "og:article:published_time", "og:published_time", "datepublished",
	"dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created", "citation_publication_date",
	"citation_date", "article.published", "article_date_original", "publication_date", "publish-date",
	"publish_date", "publishdate", "pubdate", "parsely-pub-date", "sailthru.date", "dc.date", "dcterms.date",
	"date", "original-publish-date", "cxenseparse:recs:publishtime",
}

// modifiedKeys name the page's last modification.
var modifiedKeys = map[string]bool{
	"article:modified_time": true, "og:updated_time": true, "datemodified": true, "dc.date.modified": true,
	"dcterms.modified": true, "last-modified": true, "lastmod": true,
}

// authorKeys name the article's author in <meta>.
var authorKeys = map[string]bool{
	"author": true, "article:author": true, "dc.creator": true, "dcterms.creator": true, "byl": true,
	"sailthru.author": true, "parsely-author": true, "citation_author": true,
}

func (m *meta) readMetaTag(n *html.Node) {
	key := strings.ToLower(strings.TrimSpace(attr(n, "property")))
	if key == "" {
		key = strings.ToLower(strings.TrimSpace(attr(n, "name")))
	}
	if key == "" {
		key = strings.ToLower(strings.TrimSpace(attr(n, "itemprop")))
	}
	if key == "" && strings.EqualFold(strings.TrimSpace(attr(n, "http-equiv")), "content-language") {
		// Of the HTTP headers a page repeats, only its language is read:
		// a Last-Modified there is the server's, not the article's.
		key = "content-language"
	}
	val := collapse(attr(n, "content"))
	if key == "" || val == "" {
		return
	}
	set := func(dst *string) {
		if *dst == "" {
			*dst = val
		}
	}
	switch {
	case key == "og:title" || key == "twitter:title":
		set(&m.ogTitle)
	case key == "og:description" || key == "description" || key == "twitter:description":
		set(&m.excerpt)
	case key == "og:site_name":
		set(&m.siteName)
	case key == "application-name" || key == "publisher" || key == "dc.publisher":
		set(&m.publisher)
	case key == "og:url":
		set(&m.ogURL)
	case key == "content-language" || key == "og:locale" || key == "language" || key == "dc.language":
		set(&m.metaLang)
	case modifiedKeys[key]:
		set(&m.modified)
	case authorKeys[key]:
		if !strings.Contains(val, "://") && !strings.HasPrefix(val, "@") {
			if m.byline == "" {
				m.byline = val
			}
		}
	case key == "article:tag":
		m.tags = appendTag(m.tags, val)
	case key == "og:image" || key == "og:image:url" || key == "og:image:secure_url":
		set(&m.ogImage)
	case key == "twitter:image" || key == "twitter:image:src":
		set(&m.twImage)
	case key == "keywords" || key == "news_keywords":
		set(&m.keywords)
	default:
		for i, k := range publishedKeys {
			if k != key {
				continue
			}
			// The strongest key wins whatever its order in the page.
			if m.published == "" || i < m.publishedRank {
				m.published, m.publishedRank = val, i
			}
			break
		}
	}
}

// appendTag adds t, a tag or a name, to tags unless it is there already,
// in any case, or has no letter or digit.
func appendTag(tags []string, t string) []string {
	t = strings.TrimSpace(unescapeAgain(t))
	if !strings.ContainsFunc(t, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		return tags
	}
	for _, old := range tags {
		if strings.EqualFold(old, t) {
			return tags
		}
	}
	return append(tags, t)
}

// unescapeAgain decodes the character references a value kept after the
// parser decoded it, when the page escaped it twice ("PG&amp;amp;E",
// "&amp;quot"), and drops an "&" left at its end by a reference cut short
// ("PG&amp"). "R&D" and "AT&T" hold none and stay.
func unescapeAgain(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	if u := html.UnescapeString(s); u != s {
		return strings.TrimRight(u, "&")
	}
	return s
}

// articleTypes are the schema.org types whose headline, dates and author
// describe the page's article.
var articleTypes = map[string]bool{
	"article": true, "newsarticle": true, "blogposting": true, "reportagenewsarticle": true,
	"analysisnewsarticle": true, "opinionnewsarticle": true, "reviewnewsarticle": true,
	"backgroundnewsarticle": true, "techarticle": true, "scholarlyarticle": true, "report": true,
	"liveblogposting": true, "socialmediaposting": true, "posting": true, "recipe": true,
	"discussionforumposting": true, "creativework": true, "review": true, "howto": true,
}

// readJSONLD fills m from the first article object of a JSON-LD script,
// looking inside arrays and @graph; a WebPage stands in when the page
// has no article object. Malformed JSON is ignored: metadata is a bonus,
// never a reason to fail.
func readJSONLD(text string, m *meta) {
	if m.ldTitle != "" && m.published != "" {
		return
	}
	var v any
	if err := json.Unmarshal([]byte(strings.TrimSpace(text)), &v); err != nil {
		return
	}
	ids := map[string]map[string]any{}
	collectIDs(v, ids, 0)
	obj := findTyped(v, 0, isArticleType)
	if obj == nil {
		obj = findTyped(v, 0, func(t any) bool { return hasType(t, "webpage") })
		if obj == nil {
			return
		}
		// A WebPage's name is the <title>; its dates and author are the
		// page's, which are the article's on a one-article page.
		if m.published == "" {
			m.published = str(obj["datePublished"])
		}
		if len(m.authors) == 0 {
			m.authors = authorNames(obj["author"], ids, 0)
		}
		return
	}
	if m.ldTitle == "" {
		m.ldTitle = collapse(html.UnescapeString(str(obj["headline"])))
		if m.ldTitle == "" {
			m.ldTitle = collapse(html.UnescapeString(str(obj["name"])))
		}
	}
	if m.excerpt == "" {
		m.excerpt = str(obj["description"])
	}
	if p := str(obj["datePublished"]); p != "" {
		m.published = p
	} else if m.published == "" {
		m.published = str(obj["dateCreated"])
	}
	if m.modified == "" {
		m.modified = str(obj["dateModified"])
	}
	if len(m.authors) == 0 {
		m.authors = authorNames(obj["author"], ids, 0)
		if len(m.authors) == 0 {
			m.authors = authorNames(obj["creator"], ids, 0)
		}
	}
	if m.publisher == "" {
		m.publisher = publisherName(obj["publisher"], ids)
	}
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

// collectIDs indexes the objects of a JSON-LD document by @id, for
// authors and publishers given as references ({"@id": "#person-1"}).
func collectIDs(v any, ids map[string]map[string]any, depth int) {
	if depth > 8 {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			collectIDs(e, ids, depth+1)
		}
	case map[string]any:
		if id := str(x["@id"]); id != "" && len(x) > 1 {
			if _, seen := ids[id]; !seen {
				ids[id] = x
			}
		}
		for _, e := range x {
			collectIDs(e, ids, depth+1)
		}
	}
}

func findTyped(v any, depth int, want func(any) bool) map[string]any {
	if depth > 8 {
		return nil
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			if o := findTyped(e, depth+1, want); o != nil {
				return o
			}
		}
	case map[string]any:
		if want(x["@type"]) {
			return x
		}
		for _, k := range []string{"@graph", "mainEntity", "mainEntityOfPage"} {
			if g, ok := x[k]; ok {
				if o := findTyped(g, depth+1, want); o != nil {
					return o
				}
			}
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

func hasType(t any, name string) bool {
	switch x := t.(type) {
	case string:
		return strings.EqualFold(x, name)
	case []any:
		for _, e := range x {
			if hasType(e, name) {
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

// authorNames reads schema.org author as a string, a Person (or a
// reference to one), or a list of either. Organizations are not bylines.
func authorNames(v any, ids map[string]map[string]any, depth int) []string {
	if depth > 4 {
		return nil
	}
	switch x := v.(type) {
	case string:
		if s := collapse(html.UnescapeString(x)); s != "" && !strings.Contains(s, "://") {
			return []string{s}
		}
	case map[string]any:
		if ref := str(x["@id"]); ref != "" && len(x) == 1 {
			if o, ok := ids[ref]; ok {
				return authorNames(o, ids, depth+1)
			}
			return nil
		}
		if hasType(x["@type"], "organization") || hasType(x["@type"], "newsmediaorganization") {
			return nil
		}
		if s := collapse(html.UnescapeString(str(x["name"]))); s != "" && !strings.Contains(s, "://") {
			return []string{s}
		}
		given, family := str(x["givenName"]), str(x["familyName"])
		if s := collapse(given + " " + family); s != "" {
			return []string{s}
		}
	case []any:
		var names []string
		for _, e := range x {
			for _, n := range authorNames(e, ids, depth+1) {
				names = appendTag(names, n)
			}
		}
		return names
	}
	return nil
}

func publisherName(v any, ids map[string]map[string]any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case map[string]any:
		if ref := str(x["@id"]); ref != "" && len(x) == 1 {
			if o, ok := ids[ref]; ok {
				return str(o["name"])
			}
		}
		return str(x["name"])
	case []any:
		if len(x) > 0 {
			return publisherName(x[0], ids)
		}
	}
	return ""
}

// timeLayouts are the date forms metadata uses in practice, RFC 3339 and
// its near misses first.
var timeLayouts = []string{
	time.RFC3339Nano, time.RFC3339, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04:05", "2006-01-02T15:04:05.999999999", "2006-01-02T15:04Z07:00", "2006-01-02T15:04Z0700",
	"2006-01-02T15:04", "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05 Z07:00", "2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 -0700 MST", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02", "2006/01/02",
	"2006/01/02 15:04:05", "2006/01/02 15:04", "20060102", time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 02 Jan 2006", "January 2, 2006", "Jan 2, 2006", "2 January 2006", "02.01.2006",
}

// parseTime reads a metadata date; false when it reads none of the known
// forms. A value that starts with an ISO date but goes on in a form not
// known here gives that date.
func parseTime(s string) (*time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return nil, false
	}
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return &t, plausibleTime(t)
		}
	}
	if len(s) > 10 && (s[10] < '0' || s[10] > '9') {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return &t, plausibleTime(t)
		}
	}
	return nil, false
}

// plausibleTime turns away the zero dates and epoch defaults that
// templates print when a field is empty.
func plausibleTime(t time.Time) bool {
	return t.Year() >= 1995 && t.Year() <= 2999
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
