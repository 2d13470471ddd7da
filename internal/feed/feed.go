// Package feed renders articles as Atom 1.0, RSS 2.0 and JSON Feed 1.1
// documents. It uses gorilla/feeds for its structs and marshalling but sets
// ids, dates and links itself, and cleans every string first, because the
// library left alone emits invalid feeds in ordinary cases.
package feed

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
)

// Errors returned by Render; they are wrapped with the offending field or
// item, so test with errors.Is.
var (
	ErrMeta = errors.New("feed: invalid feed metadata")
	ErrItem = errors.New("feed: invalid item")
)

// The URL paths Render produces, relative to Meta.BaseURL.
const (
	PathFeed       = "/feed.xml" // the main feed, Atom
	PathAtom       = "/atom.xml"
	PathRSS        = "/rss.xml"
	PathJSON       = "/feed.json"
	PathStylesheet = "/feed.css"
)

// Meta describes the feed as a whole.
type Meta struct {
	Title    string
	Subtitle string
	// Author is the site's author, used for every item without one of its
	// own. Empty means Title, since Atom requires an author on every entry.
	Author   string
	Language string // BCP 47 tag, e.g. "en"; empty leaves it out
	// BaseURL is absolute (http or https), optionally with a path:
	// "https://example.org/blog". Every link is built on it.
	BaseURL string
	// FeedID is the feed's permanent id, a tag: URI computed once by the
	// caller. Empty derives one from BaseURL's host and path.
	FeedID    string
	Generator string // "seedfeed 1.2.3"
	TTL       int    // minutes, RSS <ttl>; 0 leaves it out
	// FullContent puts each item's ContentHTML in the feeds; otherwise
	// readers get the summary only.
	FullContent bool
	// Stylesheet is the path (under BaseURL) or absolute URL of the CSS
	// stylesheet the XML feeds point browsers to (see Stylesheet); empty
	// adds no processing instruction.
	Stylesheet string
	// Dir is the URL path, under BaseURL, of a feed set other than the
	// site's own: "/tags/go" for a tag (escaped, as LabelDir makes it).
	// Its feeds are then Dir+PathFeed, Dir+PathRSS and Dir+PathJSON, and
	// their alternate (HTML) link is Dir+"/". Empty means the site's feeds.
	Dir string
	// Images are the site's icon and logo; empty fields leave the
	// elements out (see images.go).
	Images SiteImages
	// Hubs are the WebSub hubs the feeds advertise (absolute http or https
	// URLs, in this order): Atom and RSS get a link rel="hub" for each,
	// JSON Feed its hubs list. Empty advertises none.
	Hubs []string
}

// Item is one article as the feeds show it.
type Item struct {
	// ID is the item's permanent id (a tag: URI fixed by the store when the
	// article was first seen). It is never derived here.
	ID string
	// Slug names the article's page: BaseURL + "/articles/" + Slug.
	Slug  string
	Title string
	// Subtitle is plain text: the standfirst, which leads the content.
	Subtitle string
	Summary  string // plain text; empty derives one from ContentHTML
	// Authors are the authors' names one by one, in byline order; each
	// format lists them as separate people. Empty means Author as one
	// name, and both empty mean Meta.Author.
	Authors []string
	Author  string
	// Figures are the pictures the article referred to, by caption and
	// credit, and Dateline the place a news article was filed from. The
	// content shows them where the article page does: subtitle, figures,
	// dateline, then ContentHTML.
	Figures  []Figure
	Dateline string
	// ContentHTML is sanitized HTML; relative URLs in it are resolved
	// against the item's link.
	ContentHTML string
	// Published and Updated are converted to UTC and truncated to the
	// second; Updated then gets a sub-second offset fixed by ID, so that
	// items updated in the same second stay distinct. A zero Published takes Updated and vice versa; an item with
	// neither is dated 2000-01-01T00:00:00Z so that output stays
	// deterministic.
	Published time.Time
	Updated   time.Time
	Tags      []string
	// Pictures are the article's images that have a URL, the lead image
	// first: enclosures in Atom and RSS, Media RSS for the lead image,
	// and JSON Feed's image.
	Pictures []Picture
}

// Figure is one picture an article referred to, known by its plain-text
// caption and credit only: the source gave no image to show.
type Figure struct {
	Caption string
	Credit  string
}

// Render returns every feed document, keyed by URL path: Atom at PathFeed
// and PathAtom (each with its own rel="self" link), RSS at PathRSS and JSON
// Feed at PathJSON. Items appear in the order given. The same input always
// gives the same bytes.
func Render(meta Meta, items []Item) (map[string][]byte, error) {
	doc, err := prepare(meta, items)
	if err != nil {
		return nil, err
	}
	return renderAll(doc)
}

// renderAll renders the subscription documents of doc.
func renderAll(doc *doc) (map[string][]byte, error) {
	// The renderers only read doc, so the four documents are rendered at
	// once: a snapshot rebuild stands between a new file and its readers.
	jobs := [...]struct {
		path   string
		render func() ([]byte, error)
	}{
		{PathFeed, func() ([]byte, error) { return renderAtom(doc, PathFeed) }},
		{PathAtom, func() ([]byte, error) { return renderAtom(doc, PathAtom) }},
		{PathRSS, func() ([]byte, error) { return renderRSS(doc) }},
		{PathJSON, func() ([]byte, error) { return renderJSON(doc) }},
	}
	var bodies [len(jobs)][]byte
	var errs [len(jobs)]error
	var wg sync.WaitGroup
	for i := range jobs {
		// A label's feeds have no /atom.xml twin.
		if doc.dir != "" && jobs[i].path == PathAtom {
			continue
		}
		wg.Go(func() { bodies[i], errs[i] = jobs[i].render() })
	}
	wg.Wait()
	out := make(map[string][]byte, len(jobs))
	for i, j := range jobs {
		if errs[i] != nil {
			return nil, fmt.Errorf("feed: rendering %s: %w", doc.dir+j.path, errs[i])
		}
		if bodies[i] != nil {
			out[doc.dir+j.path] = bodies[i]
		}
	}
	return out, nil
}

// ContentType is the Content-Type to serve a path from Render or
// RenderArchived, or PathStylesheet, with; "" for any other path.
func ContentType(path string) string {
	if i := strings.LastIndexByte(path, '/'); i > 0 {
		path = path[i:] // a label's feed: Dir + PathFeed and so on
	}
	switch path {
	case PathFeed, PathAtom:
		return "application/atom+xml; charset=utf-8"
	case PathRSS:
		return "application/rss+xml; charset=utf-8"
	case PathJSON:
		return "application/feed+json; charset=utf-8"
	case PathStylesheet:
		return "text/css; charset=utf-8"
	}
	if _, ct, ok := ParseArchivePath(path); ok {
		return ct
	}
	return ""
}
