// Package htmlextract finds the article in an HTML page: its body as safe
// HTML and as plain paragraphs, and what the page's metadata says about
// it (title, byline, dates, tags, language).
//
// The body comes from go-readability (a port of Mozilla's Readability.js);
// the plain-text line classifier of package boilerplate gives a second
// opinion on what readability kept, and takes over when readability finds
// nothing.
package htmlextract

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/microcosm-cc/bluemonday"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Errors returned by Extract, wrapped with detail.
var (
	ErrTooLarge  = errors.New("htmlextract: page too large")
	ErrNoArticle = errors.New("htmlextract: no article text found")
)

// Result is what Extract found in a page.
type Result struct {
	Title, Byline, Excerpt, Lang, SiteName string
	// Authors are the byline's names one by one, as the metadata gives
	// them (not yet cleaned of "By", roles, dates); Byline is them joined
	// with ", ", or else readability's byline.
	Authors []string
	// MarkedAuthors are the texts of the byline markup (rel=author and
	// itemprop=author first, then byline and author classes), each a
	// candidate, in that order, for when the metadata names nobody.
	MarkedAuthors []string
	// SiteNames are the folded spellings of the site's name (og:site_name,
	// publisher, host): a byline that is one of them credits no person.
	SiteNames []string
	// DateTexts are short texts of elements whose class says they hold
	// a date, in page order: for a date reader when the metadata gives
	// none.
	DateTexts           []string
	Published, Modified *time.Time
	// PublishedText is the metadata's publication date as written when
	// only go-readability's looser reading understood it ("10/05/2022
	// 05:22 pm"), which takes day and month in the American order: the
	// caller knows the page's language.
	PublishedText string
	// URLDate is a date the page's address gives in its path, nil when it
	// gives none: a last resort for the publication date.
	URLDate *time.Time
	// Tags are article:tag, else JSON-LD keywords, else the keywords
	// meta tag, split at commas.
	Tags []string
	// Image is the page's Open Graph (or Twitter card) image, absolute;
	// "" when it has none.
	Image string
	// BodyHTML is the article body sanitized with bluemonday's UGC policy,
	// every URL in it absolute (relative ones that cannot be resolved are
	// dropped).
	BodyHTML string
	// Paragraphs is the plain text of each block of the body, in order,
	// whitespace collapsed. Figure captions and credits are not among
	// them: they are in Captions, in order.
	Paragraphs []string
	Captions   []string
	// PageLines is the visible text of the whole page, one line per
	// block, as a whole-page text scrape has it.
	PageLines []string
}

// Limits that keep hostile or broken pages from taking unbounded time or
// stack: bigger pages are refused, deeper trees are cut.
const (
	maxPageBytes = 16 << 20
	maxDepth     = 400
	maxElements  = 400_000
)

// minReadableRunes is the least body readability must return before its
// answer is trusted over the line classifier's reading of the whole page.
const minReadableRunes = 250

// Extract finds the article in page. base is the page's address, used
// when the page does not say where it lives; it may be nil.
func Extract(page []byte, base *url.URL) (Result, error) {
	if len(page) > maxPageBytes {
		return Result{}, fmt.Errorf("%w: %d bytes", ErrTooLarge, len(page))
	}
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return Result{}, fmt.Errorf("htmlextract: parsing: %w", err)
	}
	limitTree(doc)
	localSaved(doc, base)
	m := readMeta(doc)
	pageURL := pageBase(m, base)

	// The whole page as lines, for the classifier's view of it.
	pageParas := paragraphs(doc, true)

	var res Result
	parser := readability.NewParser()
	art, rerr := parser.ParseDocument(doc, pageURL)
	var body *html.Node
	if rerr == nil && art.Node != nil {
		body = art.Node
	}
	var all, paras, caps []para
	if body != nil {
		all = paragraphs(body, false)
		paras, caps = splitCaptions(all, body)
		res.Captions = texts(caps)
	}
	if runeCount(paras) < minReadableRunes {
		// Readability found little or nothing: fall back on the line
		// classifier over the whole page, unless what it keeps is what
		// readability found: a short note written by hand, whose
		// figures and captions readability's body still has.
		fallback, _ := splitCaptions(classifyRun(pageParas), doc)
		if body == nil || !within(fallback, all) {
			paras, caps, res.Captions, body = fallback, nil, nil, nil
		}
	} else {
		paras = secondOpinion(paras)
	}
	if len(paras) == 0 {
		return Result{}, ErrNoArticle
	}
	for _, p := range paras {
		res.Paragraphs = append(res.Paragraphs, p.text)
	}
	// Captions stay in the HTML, under their pictures.
	res.BodyHTML = renderBody(body, all, append(paras[:len(paras):len(paras)], caps...), pageURL)

	res.Title = firstNonEmpty(chooseTitle(m, pageURL), art.Title())
	res.Authors = m.authors
	if len(res.Authors) == 0 && m.byline != "" {
		res.Authors = []string{m.byline}
	}
	res.MarkedAuthors = append(m.dom.strongAuthors[:len(m.dom.strongAuthors):len(m.dom.strongAuthors)], m.dom.authors...)
	res.Byline = strings.Join(res.Authors, ", ")
	if res.Byline == "" {
		res.Byline = art.Byline()
	}
	res.DateTexts = m.dom.dateTexts
	res.PageLines = texts(pageParas)
	res.Excerpt = firstNonEmpty(m.excerpt, art.Excerpt())
	res.Lang = firstNonEmpty(firstNonEmpty(m.lang, m.metaLang), art.Language())
	res.SiteName = firstNonEmpty(m.siteName, art.SiteName())
	res.SiteNames = newSiteNames(m, pageURL)
	res.Tags = m.tags
	if len(res.Tags) == 0 && m.keywords != "" {
		for _, k := range strings.Split(m.keywords, ",") {
			res.Tags = appendTag(res.Tags, k)
		}
	}
	res.Image = metaImage(firstNonEmpty(m.ogImage, m.twImage), pageURL)
	res.Published = choosePublished(m)
	res.URLDate = urlDate(pageURL)
	if res.Published == nil {
		if t, err := art.PublishedTime(); err == nil && !t.IsZero() {
			res.Published = &t
			res.PublishedText = m.published
		}
	}
	if t, ok := parseTime(m.modified); ok {
		res.Modified = t
	} else if t, err := art.ModifiedTime(); err == nil && !t.IsZero() {
		res.Modified = &t
	}
	res.Title = collapse(res.Title)
	res.Byline = collapse(res.Byline)
	res.Excerpt = collapse(res.Excerpt)
	return res, nil
}

// splitCaptions sets apart the text of figures (captions and credits
// under a picture): it describes the picture, it is not the article's
// prose. Tables, quotes, lists and code that a figure wraps (as some
// editors put them) stay. root is the body; the walk stops there.
func splitCaptions(ps []para, root *html.Node) (body, caps []para) {
	for _, p := range ps {
		if inFigure(p.node, root) {
			caps = append(caps, p)
		} else {
			body = append(body, p)
		}
	}
	return body, caps
}

func inFigure(n, root *html.Node) bool {
	for ; n != nil && n != root; n = n.Parent {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.DataAtom {
		case atom.Figcaption, atom.Figure:
			return true
		case atom.Table, atom.Blockquote, atom.Ul, atom.Ol, atom.Pre:
			return false
		}
	}
	return false
}

func firstNonEmpty(a, b string) string {
	if strings.TrimSpace(a) != "" {
		return a
	}
	return b
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// within reports whether every paragraph of ps has its text among those
// of in, and ps has one at least.
func within(ps, in []para) bool {
	have := make(map[string]bool, len(in))
	for _, p := range in {
		have[p.text] = true
	}
	for _, p := range ps {
		if !have[p.text] {
			return false
		}
	}
	return len(ps) > 0
}

func runeCount(ps []para) int {
	n := 0
	for _, p := range ps {
		n += len([]rune(p.text))
	}
	return n
}

// limitTree cuts the parsed tree below maxDepth and after maxElements
// elements, so that every later walk (ours and readability's, which
// recurses) is bounded.
func limitTree(doc *html.Node) {
	type item struct {
		n     *html.Node
		depth int
	}
	stack := []item{{doc, 0}}
	count := 0
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		count++
		if it.depth >= maxDepth || count > maxElements {
			for c := it.n.FirstChild; c != nil; {
				next := c.NextSibling
				it.n.RemoveChild(c)
				c = next
			}
			continue
		}
		for c := it.n.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, item{c, it.depth + 1})
		}
	}
}

// Sanitizer is the one policy every HTML body passes, HTML pages' and
// Markdown's alike: bluemonday's for user-generated content, but for a
// numbered list's start, which it drops, and a picture's alt text and
// any element's title, which it keeps only when they hold letters,
// digits and a few marks. "Photo: Jane Roe", "Why
// the wall fell?", "Jane Roe’s boat" and "Before — and after" lost
// their words, and a reader who cannot see the picture lost its
// description. They are attribute text, escaped when written, so any
// text is safe there; only control characters are refused.
// The policy is built once: bluemonday's policies are safe for
// concurrent use once built, and building one took longer than
// sanitizing a short article.
var Sanitizer = sync.OnceValue(func() *bluemonday.Policy {
	p := bluemonday.UGCPolicy()
	p.AllowAttrs("alt").Matching(attrText).OnElements("img")
	p.AllowAttrs("title").Matching(attrText).Globally()
	// A numbered list that starts past one ("3. Lock the gate") keeps
	// its first number.
	p.AllowAttrs("start").Matching(olStart).OnElements("ol")
	return p
})

// olStart is what an ordered list's start may hold: a number.
var olStart = regexp.MustCompile(`^[0-9]{1,9}$`)

// attrText is what alt and title may hold: anything without control
// characters.
var attrText = regexp.MustCompile(`^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F]*$`)

// metaImage resolves a metadata image URL against the page; "" unless
// the result is an http(s) URL.
func metaImage(raw string, page *url.URL) string {
	if raw == "" {
		return ""
	}
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return ""
	}
	if page != nil {
		u = page.ResolveReference(u)
	}
	if !u.IsAbs() || u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return ""
	}
	return u.String()
}
