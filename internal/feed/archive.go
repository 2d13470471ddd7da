package feed

import (
	"fmt"
	"strconv"
	"strings"
)

// Archived feeds (RFC 5005 section 4). The subscription feeds carry the
// newest items; the whole history is published besides them as archive
// pages, each a feed document of its own in every format, at
//
//	/archive/{n}/feed.xml   Atom
//	/archive/{n}/rss.xml    RSS 2.0 (the links as atom:link)
//	/archive/{n}/feed.json  JSON Feed 1.1
//
// where page 1 is the oldest. Each archive document links prev-archive to
// the next older page, next-archive to the next newer one, current to the
// subscription feed of its format, and carries <fh:archive/>; the
// subscription feeds link prev-archive to the newest page. JSON Feed has
// no such links: its next_url walks from /feed.json to the newest page and
// from each page to the next older one, so that following next_url from
// the subscription feed reaches every item.
//
// Which items form a page, and which pages exist, is the caller's choice;
// this package only writes the documents and their links.

// NSHistory is the RFC 5005 namespace of fh:archive.
const NSHistory = "http://purl.org/syndication/history/1.0"

// archivePrefix starts every archive page's path.
const archivePrefix = "/archive/"

// The file names of an archive page's three documents.
const (
	archiveAtomName = "feed.xml"
	archiveRSSName  = "rss.xml"
	archiveJSONName = "feed.json"
)

// ArchivePosition places a feed document in the archived feed.
type ArchivePosition struct {
	// Page is the archive page the document is, 1 the oldest; 0 means the
	// subscription feeds.
	Page int
	// Prev is the next older archive page (for the subscription feeds,
	// the newest page); 0 means there is none.
	Prev int
	// Next is the next newer archive page; 0 means there is none, and for
	// an archive page that the subscription feed comes next.
	Next int
}

// ArchiveAtomPath, ArchiveRSSPath and ArchiveJSONPath are the URL paths of
// archive page n's documents (n >= 1).
func ArchiveAtomPath(n int) string { return archivePath(n, archiveAtomName) }

// ArchiveRSSPath is the path of page n's RSS document.
func ArchiveRSSPath(n int) string { return archivePath(n, archiveRSSName) }

// ArchiveJSONPath is the path of page n's JSON Feed document.
func ArchiveJSONPath(n int) string { return archivePath(n, archiveJSONName) }

func archivePath(n int, name string) string {
	return archivePrefix + strconv.Itoa(n) + "/" + name
}

// ParseArchivePath returns the page number of an archive document's path
// and its Content-Type, or ok false when path is none. Page numbers are
// written without leading zeros or sign, so each page has one path.
func ParseArchivePath(path string) (page int, contentType string, ok bool) {
	rest, found := strings.CutPrefix(path, archivePrefix)
	if !found {
		return 0, "", false
	}
	num, name, found := strings.Cut(rest, "/")
	if !found || num == "" || num[0] == '0' || len(num) > 9 {
		return 0, "", false
	}
	for _, c := range num {
		if c < '0' || c > '9' {
			return 0, "", false
		}
	}
	n, err := strconv.Atoi(num)
	if err != nil {
		return 0, "", false
	}
	switch name {
	case archiveAtomName:
		return n, ContentType(PathAtom), true
	case archiveRSSName:
		return n, ContentType(PathRSS), true
	case archiveJSONName:
		return n, ContentType(PathJSON), true
	}
	return 0, "", false
}

// RenderArchived renders the documents at pos. For the subscription feeds
// (pos.Page 0) it returns what Render does, linked to the newest archive
// page pos.Prev; for an archive page, its three documents keyed by their
// paths (ArchiveAtomPath and the others). Items appear in the order given;
// the same input always gives the same bytes.
func RenderArchived(meta Meta, items []Item, pos ArchivePosition) (map[string][]byte, error) {
	if pos.Page < 0 || pos.Prev < 0 || pos.Next < 0 ||
		pos.Page > 0 && (pos.Prev >= pos.Page || pos.Next != 0 && pos.Next <= pos.Page) ||
		pos.Page == 0 && pos.Next != 0 {
		return nil, fmt.Errorf("%w: archive position %+v", ErrMeta, pos)
	}
	// Only the site's feeds are archived: the pages' paths and links are
	// the site's, not a tag's or author's (Meta.Dir).
	if meta.Dir != "" && pos != (ArchivePosition{}) {
		return nil, fmt.Errorf("%w: an archive position for the feeds of %s", ErrMeta, meta.Dir)
	}
	doc, err := prepare(meta, items)
	if err != nil {
		return nil, err
	}
	doc.pos = pos
	if pos.Page == 0 {
		return renderAll(doc)
	}
	// Hubs announce changes to the subscription feeds; an archive page is
	// no WebSub topic, so it names none.
	doc.hubs = nil
	out := make(map[string][]byte, 3)
	atom, err := renderAtom(doc, ArchiveAtomPath(pos.Page))
	if err != nil {
		return nil, fmt.Errorf("feed: rendering archive page %d: %w", pos.Page, err)
	}
	rss, err := renderRSS(doc)
	if err != nil {
		return nil, fmt.Errorf("feed: rendering archive page %d: %w", pos.Page, err)
	}
	js, err := renderJSON(doc)
	if err != nil {
		return nil, fmt.Errorf("feed: rendering archive page %d: %w", pos.Page, err)
	}
	out[ArchiveAtomPath(pos.Page)] = atom
	out[ArchiveRSSPath(pos.Page)] = rss
	out[ArchiveJSONPath(pos.Page)] = js
	return out, nil
}

// archived reports whether d is an archive page.
func (d *doc) archived() bool { return d.pos.Page > 0 }

// archiveLinks are the RFC 5005 links of d, made with pagePath for
// archive pages of its format and current for its subscription feed.
func (d *doc) archiveLinks(pagePath func(int) string, current string) []archiveLink {
	var links []archiveLink
	if d.archived() {
		links = append(links, archiveLink{rel: "current", href: d.base + current})
	}
	if d.pos.Prev > 0 {
		links = append(links, archiveLink{rel: "prev-archive", href: d.base + pagePath(d.pos.Prev)})
	}
	if d.pos.Next > 0 {
		links = append(links, archiveLink{rel: "next-archive", href: d.base + pagePath(d.pos.Next)})
	}
	return links
}

type archiveLink struct{ rel, href string }

// fhArchive is the empty <fh:archive/> marker element.
type fhArchive struct{}
