package htmlextract

import (
	"bytes"
	"net/url"
	"strings"
	"time"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// domFacts is what the body's markup says about the article's header:
// its headings, the elements that carry a byline, and the dates it marks
// up, each in document order.
type domFacts struct {
	headings []heading
	// authors are texts of elements whose class or id names an author
	// or a byline.
	authors []string
	// strongAuthors come from rel=author and itemprop=author, which say
	// what they hold; class names only hint.
	strongAuthors []string
	// published is a machine-readable date the body marks as the
	// publication date (itemprop=datePublished, <time pubdate>).
	published string
	// times are the datetime attributes of the body's <time> elements;
	// updTimes those of the ones a label of a last change stands right
	// before ("Updated:" over "Mar 6, 2018").
	times, updTimes []string
	// lastText is the last text met in the walk: what stands before
	// the element being read.
	lastText string
	// dateTexts are short texts of elements whose class or id says they
	// hold a date, for the plain-text date reader.
	dateTexts []string
	// homeNames are the texts of headings that are a link to the site's
	// home page: the site's name, as a blog's theme prints it.
	homeNames []string
}

// heading is one candidate headline element.
type heading struct {
	// text is the heading without a kicker it marks up as one; full is
	// all of its text.
	text, full string
	// h1 is an <h1>; the rest are elements marked as a headline
	// (itemprop=headline, a title class on a heading).
	h1 bool
	// chrome is true inside <nav>, <footer> or <aside>, or inside a link:
	// the site's logo or a teaser, not the page's own headline.
	chrome bool
	// linked is a heading whose text is all a link's: a permalink, or
	// a section's name that links to the section.
	linked bool
}

// Limits on what one candidate may hold, in bytes: a longer text is a
// block of prose, not a byline or a date.
const (
	maxHeadingText = 400
	maxAuthorText  = 160
	maxDateText    = 120
	maxCandidates  = 64
)

// readDOM collects the header candidates of the body.
func readDOM(doc *html.Node) domFacts {
	var d domFacts
	var walk func(n *html.Node, depth int, chrome, inArticle, inComment bool)
	walk = func(n *html.Node, depth int, chrome, inArticle, inComment bool) {
		if n.Type == html.TextNode {
			if t := strings.TrimSpace(n.Data); t != "" {
				d.lastText = t
			}
			return
		}
		if depth > maxDepth || n.Type != html.ElementNode && n.Type != html.DocumentNode {
			return
		}
		switch n.DataAtom {
		case atom.Head, atom.Script, atom.Style, atom.Template, atom.Noscript, atom.Svg, atom.Select,
			atom.Textarea, atom.Button:
			return
		case atom.Form:
			// A search box or a comment form holds no header, but
			// ASP.NET wraps a whole page in one form: a form that
			// holds an <h1> is such a wrapper.
			if findElement(n, maxDepth, func(c *html.Node) (bool, bool) { return c.DataAtom == atom.H1, true }) == nil {
				return
			}
		case atom.Nav, atom.Aside, atom.A:
			chrome = true
		case atom.Footer:
			// An article's own footer holds its byline; the page's
			// footer is chrome.
			chrome = chrome || !inArticle
		case atom.Article:
			inArticle = true
		}
		if n.Type == html.ElementNode {
			// A comment's markup names its writer as an article's
			// does (class="comment-author" itemprop="author").
			names := classID(n)
			inComment = inComment || commentClass(names)
			if d.take(n, names, chrome, inComment) {
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1, chrome, inArticle, inComment)
		}
	}
	walk(doc, 0, false, false, false)
	return d
}

// take records n when it is a candidate, and reports whether its
// subtree is done with.
func (d *domFacts) take(n *html.Node, names string, chrome, inComment bool) bool {
	prop := strings.ToLower(attr(n, "itemprop"))
	switch {
	case prop == "datepublished" || prop == "datecreated":
		if d.published == "" {
			d.published = firstNonEmpty(attr(n, "datetime"), firstNonEmpty(attr(n, "content"), collapse(textOf(n))))
		}
		return false
	case n.DataAtom == atom.Time:
		dt := strings.TrimSpace(attr(n, "datetime"))
		if dt != "" {
			if _, ok := attrOK(n, "pubdate"); ok && d.published == "" {
				d.published = dt
			}
			switch {
			case updateLabel(d.lastText):
				if len(d.updTimes) < maxCandidates {
					d.updTimes = append(d.updTimes, dt)
				}
			case len(d.times) < maxCandidates:
				d.times = append(d.times, dt)
			}
		} else if t := collapse(textOf(n)); t != "" && len(t) <= maxDateText && len(d.dateTexts) < maxCandidates {
			// A <time> without a machine-readable value still says
			// that its text is a date.
			d.dateTexts = append(d.dateTexts, t)
		}
	}
	if n.DataAtom == atom.H1 || prop == "headline" || isHeading(n.DataAtom) && titleClass(names) {
		if t := collapse(textOf(n)); t != "" && len(t) <= maxHeadingText && len(d.headings) < maxCandidates {
			core := headingCore(n)
			if core == "" {
				core = t
			}
			linked, home := headingLink(n, t)
			if home {
				d.homeNames = append(d.homeNames, t)
			}
			d.headings = append(d.headings, heading{text: core, full: t, h1: n.DataAtom == atom.H1, chrome: chrome || home, linked: linked})
		}
		if n.DataAtom == atom.H1 && !chrome {
			d.headingDates(n, 0)
		}
		return true
	}
	if len(d.authors) >= maxCandidates {
		return false
	}
	if prop == "author" || prop == "creator" || strings.EqualFold(strings.TrimSpace(attr(n, "rel")), "author") {
		if inComment {
			return true
		}
		if t := authorText(n); t != "" {
			d.strongAuthors = append(d.strongAuthors, t)
			return true
		}
		return false
	}
	if authorClass(names) && !chrome {
		if inComment {
			// A comment's writer: <li class="comment"> … <span
			// class="author">.
			return true
		}
		if t := collapse(textOf(n)); t != "" && len(t) <= maxAuthorText {
			d.authors = append(d.authors, t)
			return true
		}
		return false
	}
	if dateClass(names) && len(d.dateTexts) < maxCandidates {
		if t := collapse(textOf(n)); t != "" && len(t) <= maxDateText {
			d.dateTexts = append(d.dateTexts, t)
			return false
		}
	}
	return false
}

// headingDates records the date-marked parts of a headline (a date in
// its kicker line: <h1><span class="topline"><span class="date">…), which
// date the article the headline heads.
func (d *domFacts) headingDates(n *html.Node, depth int) {
	for c := n.FirstChild; c != nil && depth < 4; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if dateClass(classID(c)) && len(d.dateTexts) < maxCandidates {
			if t := collapse(textOf(c)); t != "" && len(t) <= maxDateText {
				d.dateTexts = append(d.dateTexts, t)
				continue
			}
		}
		d.headingDates(c, depth+1)
	}
}

// authorText is the name an itemprop=author or rel=author element holds:
// its itemprop=name part when it has one.
func authorText(n *html.Node) string {
	if name := findProp(n, "name", 0); name != nil {
		if c := collapse(attr(name, "content")); c != "" {
			return c
		}
		if t := collapse(textOf(name)); t != "" && len(t) <= maxAuthorText {
			return t
		}
	}
	if c := collapse(attr(n, "content")); c != "" && !strings.Contains(c, "://") {
		return c
	}
	if t := collapse(textOf(n)); len(t) <= maxAuthorText {
		return t
	}
	return ""
}

func findProp(n *html.Node, prop string, depth int) *html.Node {
	if depth > 8 {
		return nil
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if strings.EqualFold(attr(c, "itemprop"), prop) {
			return c
		}
		if f := findProp(c, prop, depth+1); f != nil {
			return f
		}
	}
	return nil
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val, true
		}
	}
	return "", false
}

func isHeading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3:
		return true
	}
	return false
}

// classID is the class, id and test id of n (which generated class names
// leave as the one readable name), lower-cased, as one string of words.
func classID(n *html.Node) string {
	c, id, test := attr(n, "class"), attr(n, "id"), attr(n, "data-testid")
	if c == "" && id == "" && test == "" {
		return ""
	}
	return strings.ToLower(c + " " + id + " " + test)
}

func titleClass(names string) bool {
	for _, w := range strings.Fields(names) {
		for _, k := range []string{"entry-title", "post-title", "article-title", "headline", "story-title",
			"page-title", "article__title", "post__title", "entry__title"} {
			if strings.Contains(w, k) {
				return true
			}
		}
	}
	return false
}

// commentClass reports the class names of a comment or a list of them
// ("comment-author", "commentlist"), not of an opinion piece
// ("commentary") or of a post that says whether it takes comments
// ("comments-open", "has-comments").
func commentClass(names string) bool {
	for _, w := range strings.Fields(names) {
		if !strings.Contains(w, "comment") || strings.Contains(w, "commentary") || strings.HasPrefix(w, "has-") ||
			strings.HasPrefix(w, "no-") || strings.HasSuffix(w, "-open") || strings.HasSuffix(w, "-closed") {
			continue
		}
		return true
	}
	return false
}

// authorClass is true for class names that mark a byline or an author's
// name, and false for the author boxes, avatars and comment authors that
// share the word.
func authorClass(names string) bool {
	found := false
	for _, w := range strings.Fields(names) {
		for _, bad := range []string{"comment", "avatar", "bio", "box", "about", "img", "image", "photo", "pic",
			"description", "social", "follow", "more", "link-list", "widget", "card", "profile"} {
			if strings.Contains(w, bad) {
				return false
			}
		}
		for _, k := range []string{"author", "byline", "autor", "writer", "reporter", "dateline"} {
			if strings.Contains(w, k) {
				found = true
			}
		}
	}
	return found
}

func dateClass(names string) bool {
	for _, w := range strings.Fields(names) {
		for _, k := range []string{"date", "time", "publish", "posted", "meta", "datum", "fecha", "byline"} {
			if strings.Contains(w, k) {
				return !strings.Contains(w, "update") && !strings.Contains(w, "modif")
			}
		}
	}
	return false
}

// headingCore is a heading's text without the kicker (a topic line
// above the headline) that its markup sets apart: the part it marks as
// the headline when it marks one, else its text less the parts marked as
// a kicker or hidden. It is "" when the heading marks neither.
func headingCore(h *html.Node) string {
	inner := findElement(h, 8, func(c *html.Node) (bool, bool) {
		return strings.EqualFold(attr(c, "itemprop"), "headline") || strings.Contains(classID(c), "headline"), true
	})
	if inner != nil {
		return collapse(textOf(inner))
	}
	if core, ok := afterHiddenSep(h); ok {
		return core
	}
	cut := false
	core := collapse(textSkip(h, func(n *html.Node) bool {
		if strings.EqualFold(attr(n, "aria-hidden"), "true") || kickerClass(classID(n)) {
			cut = true
			return true
		}
		return false
	}))
	if !cut {
		return ""
	}
	return core
}

// headingLink reports whether a heading's text t is all one link's
// (linked: a permalink, or a section's name that links to the section)
// and whether that link is to the site's home page (home: <h1><a
// href="/">Site</a></h1>, a blog theme's site name on every page, not
// the page's headline).
func headingLink(h *html.Node, t string) (linked, home bool) {
	link := findElement(h, 4, func(c *html.Node) (bool, bool) { return c.DataAtom == atom.A, true })
	linked = link != nil && collapse(textOf(link)) == t
	return linked, linked && homeLink(attr(link, "href"))
}

// homeLink reports an address that names a site's home page: its root
// ("/", "https://example.org", "/index.html"), also as an archived copy
// ("https://web.archive.org/web/2008…/http://example.org/").
func homeLink(href string) bool {
	href = strings.TrimSpace(href)
	if i := max(strings.LastIndex(href, "http://"), strings.LastIndex(href, "https://")); i > 0 {
		href = href[i:]
	}
	u, err := url.Parse(href)
	if err != nil || u.RawQuery != "" || u.Fragment != "" {
		return false
	}
	if u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https" {
		return false
	}
	if u.Host == "" && u.Path == "" {
		// "" or "#top": the page itself.
		return false
	}
	switch strings.ToLower(u.Path) {
	case "", "/", "/index.html", "/index.htm", "/index.php", "./":
		return true
	}
	return false
}

// afterHiddenSep is the heading's text after a separator hidden from
// screen readers (<span aria-hidden="true"> – </span>) that stands
// between its kicker and its headline: the headline. A heading whose
// parts the markup glues ("ZoonosenWie …") is cut at the right place.
func afterHiddenSep(h *html.Node) (string, bool) {
	sep := findElement(h, 8, func(c *html.Node) (bool, bool) {
		if !strings.EqualFold(attr(c, "aria-hidden"), "true") {
			return false, true
		}
		t := strings.TrimSpace(textOf(c))
		return t != "" && strings.Trim(t, "-–—|:·•/") == "", false
	})
	if sep == nil {
		return "", false
	}
	passed := false
	before := collapse(textSkip(h, func(n *html.Node) bool {
		passed = passed || n == sep
		return passed
	}))
	full := collapse(textSkip(h, func(n *html.Node) bool { return n == sep }))
	if before == "" || len(full) <= len(before) || !strings.HasPrefix(full, before) {
		return "", false
	}
	return strings.TrimSpace(full[len(before):]), true
}

// findElement is the first element under n, in document order and at
// most maxDepth levels down, that match accepts; match also says whether
// to look inside an element it does not accept.
func findElement(n *html.Node, maxDepth int, match func(*html.Node) (ok, descend bool)) *html.Node {
	for c := n.FirstChild; c != nil && maxDepth > 0; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		ok, descend := match(c)
		if ok {
			return c
		}
		if descend {
			if f := findElement(c, maxDepth-1, match); f != nil {
				return f
			}
		}
	}
	return nil
}

func kickerClass(names string) bool {
	for _, w := range strings.Fields(names) {
		for _, k := range []string{"kicker", "overline", "dachzeile", "topline", "roofline", "eyebrow", "supertitle",
			"topic", "label", "small", "rubric", "category"} {
			if strings.Contains(w, k) {
				return true
			}
		}
	}
	return false
}

// textOf is the text under n, block elements set apart by a space.
func textOf(n *html.Node) string { return textSkip(n, nil) }

// textSkip is textOf less the elements skip is true for.
func textSkip(n *html.Node, skip func(*html.Node) bool) string {
	var b strings.Builder
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > 64 || b.Len() > 4*maxHeadingText {
			return
		}
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Template, atom.Noscript, atom.Svg:
				return
			}
			if skip != nil && depth > 0 && skip(n) {
				return
			}
			if isBlock(n.DataAtom) {
				b.WriteByte(' ')
				defer b.WriteByte(' ')
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return b.String()
}

// key folds a title for comparison: letters and digits, lower-cased,
// words separated by one space.
func key(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		} else {
			space = true
		}
	}
	return b.String()
}

// choosePublished takes the metadata's publication date, else the one
// the body marks up.
func choosePublished(m meta) *time.Time {
	for _, s := range []string{m.published, m.dom.published} {
		if t, ok := parseTime(s); ok {
			return localInstant(*t, m.dom.times)
		}
	}
	// The first <time> of the page is the article's more often than a
	// comment's or a teaser's, which come after it; one labelled as the
	// last change only when no other is.
	for _, times := range [][]string{m.dom.times, m.dom.updTimes} {
		for _, s := range times {
			if t, ok := parseTime(s); ok {
				return t
			}
		}
	}
	return nil
}

// updatedWords are the words of a label that dates a last change rather
// than the publication, lower-cased.
var updatedWords = [...]string{"updated", "modified", "aktualisiert", "änderung", "geändert", "atualizado", "mis à jour", "aggiornato",
	"diperbarui", "gewijzigd", "bijgewerkt", "обновлено"}

// HasUpdatedWord reports whether a lower-cased label holds a word of a
// last change ("updated", "aktualisiert"): the DOM walk and the text
// reader's date lines ask it.
func HasUpdatedWord(lower []byte) bool {
	for _, w := range updatedWords {
		if bytes.Contains(lower, []byte(w)) {
			return true
		}
	}
	return false
}

// maxDateLabel is how long, in bytes, a text that labels the date after
// it is at most.
const maxDateLabel = 32

// updateLabel reports a short text that labels the date after it as the
// last change's: "Updated:", "Zuletzt aktualisiert".
func updateLabel(s string) bool {
	return len(s) <= maxDateLabel && HasUpdatedWord([]byte(strings.ToLower(s)))
}

// urlDate reads a full date from the path of the page's address
// ("/2020/08/24/slug", "/20220503/slug", "/2019-06-13-slug"): news
// sites file articles under their publication day.
func urlDate(u *url.URL) *time.Time {
	if u == nil {
		return nil
	}
	p := u.EscapedPath()
	for i := 0; i+8 <= len(p); i++ {
		if i > 0 && isDigit(p[i-1]) || !isDigit(p[i]) {
			continue
		}
		for _, l := range []string{"2006/01/02", "2006-01-02", "2006_01_02", "20060102"} {
			if i+len(l) > len(p) || i+len(l) < len(p) && isDigit(p[i+len(l)]) {
				continue
			}
			if t, err := time.Parse(l, p[i:i+len(l)]); err == nil && plausibleTime(t) {
				return &t
			}
		}
	}
	return nil
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// localInstant gives t in the offset of a <time> element that marks the
// same instant with a non-zero offset: metadata often states a UTC
// instant whose calendar date is not the one the page prints.
func localInstant(t time.Time, times []string) *time.Time {
	if _, off := t.Zone(); off == 0 {
		for _, s := range times {
			lt, ok := parseTime(s)
			if !ok {
				continue
			}
			if _, loff := lt.Zone(); loff != 0 && lt.Sub(t).Abs() <= 2*time.Minute {
				return lt
			}
		}
	}
	return &t
}
