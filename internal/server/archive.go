package server

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"strings"
	"time"
)

// Paths of the history a snapshot may hold besides SnapshotPaths: the
// RFC 5005 archive pages of the feeds (their paths are the feed package's:
// /archive/{n}/feed.xml, rss.xml and feed.json) and the older pages of the
// HTML index, /page/{n}/ for n >= 2 (page 1 is /).
const (
	archiveRoute   = "/archive/{page}/{file}"
	indexPageRoute = "/page/{page}/"
)

// CacheControlArchive is the Cache-Control of a complete archive page: its
// bytes change only when an article in it is edited or removed, so caches
// may keep it a week; the newest, still filling page gets the server's
// default like the subscription feeds.
const CacheControlArchive = "public, max-age=604800"

// WithCacheControl makes res answer with cc instead of the server's
// Cache-Control, and returns res. Call it before res is published.
func (res *Resource) WithCacheControl(cc string) *Resource {
	res.cacheControl = []string{cc}
	return res
}

// cacheControlOf is the Cache-Control res is served with.
func (s *Server) cacheControlOf(res *Resource) []string {
	if res.cacheControl != nil {
		return res.cacheControl
	}
	return s.hdr.cacheControl
}

// archiveRoutes registers the routes of the archive and index pages; each
// serves the snapshot resource at the request path, if there is one.
func (s *Server) archiveRoutes(get func(route, path string, h http.Handler)) {
	get(archiveRoute, archiveRoute, s.handleSnapshotPath())
	get(indexPageRoute, indexPageRoute+"{$}", s.handleSnapshotPath())
}

// handleSnapshotPath serves the snapshot resource whose path is the
// request's, or else an index page rendered on demand (indexpages.go),
// and the not-found page when there is neither.
func (s *Server) handleSnapshotPath() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		st := s.state.Load()
		if !st.snap.good() {
			s.unavailable(w)
			return
		}
		// Only the paths a snapshot was built with: never "/" or a feed
		// through a second name.
		p := r.URL.Path
		var res *Resource
		if strings.HasPrefix(p, "/archive/") || strings.HasPrefix(p, "/page/") {
			res = st.snap.Resources[p]
		}
		if res == nil {
			if strings.HasPrefix(p, "/page/") && s.serveIndexPageOnDemand(w, r, st) {
				return
			}
			s.notFound(w, r, st)
			return
		}
		s.serveResource(w, r, res, http.StatusOK, s.cacheControlOf(res))
	})
}

// NewResourceLevel is NewResource compressing at the given gzip level.
// History pages are many, large and seldom fetched: gzip.BestSpeed
// renders them an order of magnitude faster than the best level, for a
// gzip form about a tenth larger.
func NewResourceLevel(body []byte, contentType string, lastMod time.Time, level int) *Resource {
	return buildResource(body, contentType, lastMod, func(b []byte) []byte { return gzipLevel(b, level) })
}

// gzipLevel compresses b at level; nil if the level is invalid.
func gzipLevel(b []byte, level int) []byte {
	var buf bytes.Buffer
	buf.Grow(len(b)/3 + 64)
	zw, err := gzip.NewWriterLevel(&buf, level)
	if err != nil {
		return nil
	}
	if _, err := zw.Write(b); err != nil {
		return nil
	}
	if err := zw.Close(); err != nil {
		return nil
	}
	return buf.Bytes()
}
