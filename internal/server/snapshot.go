package server

import (
	"time"

	"seedfeed/internal/pages"
)

// Paths of the resources a complete Snapshot holds.
const (
	PathIndex      = "/"
	PathFeed       = "/feed.xml"
	PathAtom       = "/atom.xml"
	PathRSS        = "/rss.xml"
	PathJSON       = "/feed.json"
	PathStylesheet = "/feed.css"
)

// SnapshotPaths lists every path a Snapshot is expected to hold.
func SnapshotPaths() []string {
	return []string{PathIndex, PathFeed, PathAtom, PathRSS, PathJSON, PathStylesheet}
}

// Snapshot is everything the server answers from without touching the
// database. It is immutable once published: build a new one for every
// change and hand it to (*Server).Publish.
type Snapshot struct {
	// Resources are keyed by URL path (see SnapshotPaths). A nil map means
	// no good snapshot exists yet.
	Resources map[string]*Resource
	// Site is used to render article and not-found pages on demand.
	Site pages.SiteInfo
	// Labels are the tags and authors that have articles, by LabelKey;
	// their pages and feeds are rendered on demand from the server's
	// LabelSource (labels.go). Nil means none.
	Labels map[string]pages.LabelRef
	// LabelListKeys name the state of each section's list of labels
	// (pages.SectionTags, pages.SectionAuthors): the list page rendered
	// for one key is reused while it stays the same.
	LabelListKeys map[string]string
	// IconPath is the path in Resources of the site's icon file, when
	// site.icon names one (SiteImagePath); "" otherwise. See SiteIcon.
	IconPath string
	// LabelStamp names everything besides a label's articles that its
	// rendering depends on (the configuration): what was rendered for a
	// label is reused while its Version and the stamp stay the same.
	LabelStamp string
	// IndexKey, when not empty, says that the older pages of the HTML
	// index (/page/{n}/) are not in Resources but rendered on demand
	// from the server's IndexPageSource (indexpages.go); it changes
	// whenever any of them would, and what was rendered for one key is
	// reused while it stays the same. IndexPageSize is how many
	// articles a page lists.
	IndexKey      string
	IndexPageSize int
	// IndexMaxSeq is the newest article the index may list (the store's
	// seq): a page rendered after the database has moved on lists what
	// the snapshot did, so every server renders the same bytes for one
	// IndexKey and no article moves between pages in the meantime.
	IndexMaxSeq int64
	Built       time.Time
	Articles    int
	// LastScan and LastScanErr describe the latest scan, which may be newer
	// than the content (a failed rescan keeps the last good resources).
	LastScan    time.Time
	LastScanErr string
}

// Add prepares body with NewResource and stores it under path, creating the
// map if needed. It is meant for building a snapshot before Publish.
func (s *Snapshot) Add(path string, body []byte, contentType string, lastMod time.Time) *Resource {
	if s.Resources == nil {
		s.Resources = make(map[string]*Resource, 8)
	}
	r := NewResource(body, contentType, lastMod)
	s.Resources[path] = r
	return r
}

// AddFeed is Add for a feed that browsers are shown page instead of (see
// NewFeedResource); a nil page makes it Add.
func (s *Snapshot) AddFeed(path string, body []byte, contentType string, page []byte, lastMod time.Time) *Resource {
	if s.Resources == nil {
		s.Resources = make(map[string]*Resource, 8)
	}
	r := NewFeedResource(body, contentType, page, lastMod)
	s.Resources[path] = r
	return r
}

// good reports whether s can serve content.
func (s *Snapshot) good() bool {
	return s != nil && s.Resources != nil
}
