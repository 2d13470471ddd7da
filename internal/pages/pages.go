// Package pages renders the HTML a person sees: the index of the newest
// articles and each article's own page. Output is deterministic (no clock,
// no randomness), self-contained (one inline stylesheet, no script, no
// external resource) and escaped by html/template; only an article's
// BodyHTML, already sanitized upstream, is inserted as markup.
package pages

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"errors"
	"fmt"
	"html/template"
	"strings"
	"time"
)

// ErrInvalid is returned when the input cannot produce a correct page, for
// example a relative base URL or an entry without a slug.
var ErrInvalid = errors.New("pages: invalid input")

// Feed paths advertised by every page. They are the server's routes; /feed.xml
// is the main (Atom) feed, so /atom.xml is not advertised a second time.
const (
	AtomPath = "/feed.xml"
	RSSPath  = "/rss.xml"
	JSONPath = "/feed.json"
)

// SiteInfo describes the site as a whole.
type SiteInfo struct {
	Title    string
	Subtitle string
	Author   string
	// Language is a BCP 47 tag for <html lang>; empty means "en".
	Language string
	// BaseURL is absolute ("https://example.org" or "https://example.org/blog");
	// every link on a page is built on it, so a static copy works anywhere.
	BaseURL string
	// Location is the zone dates are shown in; nil means UTC.
	Location *time.Location
	// Icon is the absolute URL of the site's icon, for <link rel="icon">;
	// empty writes none.
	Icon string
	// Tags are the tags the index page lists, in the order given (the
	// caller's choice: most used first); empty lists none.
	Tags []LabelRef
}

// Image is a picture the article referred to, known by its caption and credit.
type Image struct {
	Caption string
	Credit  string
}

// Entry is one article as the pages need it. The daemon maps store records
// to it.
type Entry struct {
	Slug     string
	Title    string
	Subtitle string
	// Authors are the authors' names one by one, in byline order; empty
	// means Author, every name in one string.
	Authors   []string
	Author    string
	Published time.Time
	// Updated is shown only when it differs from Published.
	Updated time.Time
	// DatelinePlace is the "Place" of a "Place, Month Day:" lead.
	DatelinePlace string
	Images        []Image
	// Summary is plain text.
	Summary string
	// BodyHTML is sanitized, safe HTML and is inserted as is.
	BodyHTML string
	Tags     []string
}

//go:embed templates/*.html templates/style.css
var files embed.FS

// tmpl and style are parsed once from embedded, constant files; they are
// read-only after package initialization, so sharing them is safe.
var (
	style = mustRead("templates/style.css")
	tmpl  = template.Must(template.New("").Funcs(template.FuncMap{
		"date":     formatDate,
		"datetime": formatDatetime,
		"sameDay":  sameDay,
		"names":    joinNames,
		"links":    joinLinks,
	}).ParseFS(files, "templates/*.html"))
)

func mustRead(name string) string {
	b, err := files.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// StyleHash is the CSP source expression ('sha256-...') that allows the
// inline stylesheet every page carries, so a Content-Security-Policy can
// forbid every other style.
func StyleHash() string {
	sum := sha256.Sum256([]byte(style))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// view is what every template receives.
type view struct {
	Site      SiteInfo
	Lang      string
	Title     string
	Canonical string
	Desc      string
	// Robots is the robots meta tag's content; empty leaves the tag out.
	Robots string
	// Refresh is where a page that only sends the reader on points (a
	// refresh to it); empty for every other page.
	Refresh string
	Style   template.CSS
	Feeds   feedLinks
	// FeedTitle names the page's own feeds in autodiscovery: the site's
	// title, or the site's and a tag's or author's.
	FeedTitle string
	// Heading is a label page's <h1>.
	Heading string
	// TagLinks are the index's list of tags.
	TagLinks []linkView
	Entries  []entryView
	Entry    entryView
	// Pager is set on the pages of a paginated index only.
	Pager *pager
	// FeedURL, FeedFormat, OtherFeeds and FeedEntries (the rendered list)
	// are for the feed pages only.
	FeedURL     string
	FeedFormat  string
	OtherFeeds  []namedLink
	FeedEntries template.HTML
}

// namedLink is a link with its text.
type namedLink struct {
	Name, URL string
}

// feedLinks are absolute feed URLs. Their MIME types are written literally
// in the templates: html/template would escape the "+" of a dynamic value as
// &#43;, which is valid HTML but trips naive autodiscovery scanners.
type feedLinks struct {
	Atom, RSS, JSON string
}

type entryView struct {
	Entry
	URL  string
	Body template.HTML
	Loc  *time.Location
	// AuthorLinks and TagLinks link each author and tag to its page.
	AuthorLinks, TagLinks []linkView
}

// Index renders the home page: the given entries (newest first, as the
// caller orders them) with dates and summaries, feed autodiscovery links and
// a subscribe box.
func Index(site SiteInfo, items []Entry) ([]byte, error) {
	v, err := indexView(site, items)
	if err != nil {
		return nil, err
	}
	return execute("index.html", v)
}

// indexView is the front page's view of items.
func indexView(site SiteInfo, items []Entry) (view, error) {
	v, err := newView(site)
	if err != nil {
		return view{}, err
	}
	v.Title = site.Title
	v.Canonical = v.Site.BaseURL + "/"
	v.Desc = site.Subtitle
	for _, l := range v.Site.Tags {
		if l.Slug != "" {
			v.TagLinks = append(v.TagLinks, linkView{Name: l.Name, URL: v.Site.BaseURL + LabelDir(SectionTags, l.Slug) + "/", Count: l.Count})
		}
	}
	v.Entries = make([]entryView, 0, len(items))
	for i := range items {
		ev, err := newEntryView(v.Site, items[i])
		if err != nil {
			return view{}, err
		}
		v.Entries = append(v.Entries, ev)
	}
	return v, nil
}

// Article renders one article's page.
func Article(site SiteInfo, a Entry) ([]byte, error) {
	v, err := newView(site)
	if err != nil {
		return nil, err
	}
	ev, err := newEntryView(v.Site, a)
	if err != nil {
		return nil, err
	}
	v.Entry = ev
	v.Title = a.Title + " · " + site.Title
	if site.Title == "" {
		v.Title = a.Title
	}
	v.Canonical = ev.URL
	v.Desc = a.Summary
	return execute("article.html", v)
}

// FeedPages renders, for each of feedPaths (AtomPath, RSSPath or
// "/atom.xml"), what a browser is shown at that feed's address instead of
// the feed itself: that this address is a feed, the address to copy into a
// feed reader (BaseURL + the path), and the entries the feed holds, with
// links to their pages. The pages are not meant for search engines
// (robots: noindex); the index page lists the same articles. The entries
// are rendered once for all the pages.
func FeedPages(site SiteInfo, feedPaths []string, items []Entry) ([][]byte, error) {
	v, err := newView(site)
	if err != nil {
		return nil, err
	}
	v.Title = site.Title + " (web feed)"
	if site.Title == "" {
		v.Title = "Web feed"
	}
	v.Robots = "noindex"
	v.Entries = make([]entryView, 0, len(items))
	for i := range items {
		ev, err := newEntryView(v.Site, items[i])
		if err != nil {
			return nil, err
		}
		v.Entries = append(v.Entries, ev)
	}
	list, err := execute("feedentries", v)
	if err != nil {
		return nil, err
	}
	// html/template escaped every value in the list as it rendered it.
	v.FeedEntries = template.HTML(list)
	v.Entries = nil
	out := make([][]byte, len(feedPaths))
	for i, path := range feedPaths {
		var format string
		switch path {
		case AtomPath, atomAliasPath:
			format = "Atom"
			v.OtherFeeds = []namedLink{{"RSS", v.Feeds.RSS}, {"JSON Feed", v.Feeds.JSON}}
		case RSSPath:
			format = "RSS"
			v.OtherFeeds = []namedLink{{"Atom", v.Feeds.Atom}, {"JSON Feed", v.Feeds.JSON}}
		default:
			return nil, fmt.Errorf("%w: no feed page for %q", ErrInvalid, path)
		}
		v.FeedURL = v.Site.BaseURL + path
		v.FeedFormat = "The feed is in the " + format + " format"
		if out[i], err = execute("feedpage.html", v); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// atomAliasPath is the server's second address of the Atom feed, which the
// pages do not advertise.
const atomAliasPath = "/atom.xml"

// Moved renders what a static copy shows at the address of the file an
// article was read from (a link from another article to "walk.md"),
// where the daemon answers a redirect: a page that sends the reader on to
// the article's page at once, and names it as the canonical address.
func Moved(site SiteInfo, title, slug string) ([]byte, error) {
	v, err := newView(site)
	if err != nil {
		return nil, err
	}
	v.Heading = title
	v.Title = title + " · " + site.Title
	if site.Title == "" {
		v.Title = title
	}
	v.Canonical = v.Site.BaseURL + "/articles/" + slug
	v.Refresh = v.Canonical
	v.Robots = "noindex"
	return execute("moved.html", v)
}

// NotFound renders the page shown for an unknown URL.
func NotFound(site SiteInfo) ([]byte, error) {
	v, err := newView(site)
	if err != nil {
		return nil, err
	}
	v.Title = "Not found · " + site.Title
	return execute("notfound.html", v)
}

func newView(site SiteInfo) (view, error) {
	base := site.BaseURL
	if !strings.HasPrefix(base, "https://") && !strings.HasPrefix(base, "http://") {
		return view{}, fmt.Errorf("%w: base URL %q is not absolute http(s)", ErrInvalid, base)
	}
	site.BaseURL = strings.TrimRight(base, "/")
	if site.Location == nil {
		site.Location = time.UTC
	}
	lang := site.Language
	if lang == "" {
		lang = "en"
	}
	return view{
		Site:      site,
		Lang:      lang,
		Style:     template.CSS(style),
		FeedTitle: site.Title,
		Feeds: feedLinks{
			Atom: site.BaseURL + AtomPath,
			RSS:  site.BaseURL + RSSPath,
			JSON: site.BaseURL + JSONPath,
		},
	}, nil
}

// newEntryView expects site as normalized by newView.
func newEntryView(site SiteInfo, e Entry) (entryView, error) {
	if e.Slug == "" {
		return entryView{}, fmt.Errorf("%w: entry %q has no slug", ErrInvalid, e.Title)
	}
	if len(e.Authors) == 0 && e.Author != "" {
		e.Authors = []string{e.Author}
	}
	return entryView{
		Entry: e,
		URL:   site.BaseURL + "/articles/" + e.Slug,
		Loc:   site.Location,
		// BodyHTML is sanitized by the article package before it is stored.
		Body:        template.HTML(e.BodyHTML),
		AuthorLinks: labelLinks(site.BaseURL, SectionAuthors, e.Authors),
		TagLinks:    labelLinks(site.BaseURL, SectionTags, e.Tags),
	}, nil
}

func execute(name string, v view) ([]byte, error) {
	var buf bytes.Buffer
	// The stylesheet and the body dominate a page; the rest fits in 4 KB
	// per entry shown, so the buffer is sized once.
	buf.Grow(len(style) + len(v.Entry.BodyHTML) + len(v.FeedEntries) + 4<<10*max(1, len(v.Entries)))
	if err := tmpl.ExecuteTemplate(&buf, name, v); err != nil {
		return nil, fmt.Errorf("pages: render %s: %w", name, err)
	}
	return buf.Bytes(), nil
}

// joinNames lists names as a byline does: "A", "A and B", "A, B and C".
func joinNames(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// joinLinks lists names as joinNames does, each linked to its page when
// it has one.
func joinLinks(links []linkView) template.HTML {
	names := make([]string, len(links))
	for i, l := range links {
		names[i] = template.HTMLEscapeString(l.Name)
		if l.URL != "" {
			names[i] = `<a href="` + template.HTMLEscapeString(l.URL) + `" rel="author">` + names[i] + `</a>`
		}
	}
	return template.HTML(joinNames(names))
}

func formatDate(t time.Time, loc *time.Location) string {
	return t.In(loc).Format("January 2, 2006")
}

func formatDatetime(t time.Time) string {
	return t.UTC().Format(time.RFC3339)
}

func sameDay(a, b time.Time, loc *time.Location) bool {
	return formatDate(a, loc) == formatDate(b, loc)
}
