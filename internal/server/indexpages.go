package server

import (
	"compress/gzip"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"seedfeed/internal/pages"
)

// The older pages of the HTML index (/page/{n}/) need not be in the
// snapshot. Every one of them changes when any article is added (a new
// one moves all others down a place), so holding them all would mean
// rendering and compressing the whole history at each change, on every
// server. A snapshot with an IndexKey instead says how many there are
// (Articles, IndexPageSize); a page is rendered on first request from an
// IndexPageSource, prepared with NewResource like a snapshot resource,
// and kept in a cache keyed by the IndexKey and the page number, bounded
// in bytes (DefaultIndexPageCacheBytes). A new snapshot with a different
// key is never answered with an older page.

// IndexPageSource renders a page of the HTML index on demand.
type IndexPageSource interface {
	// IndexPage renders page n (2 <= n <= snap.IndexPageCount()) of the
	// index of snap exactly as a snapshot holding every page would hold
	// it: snap.Site, snap.Articles articles to the index,
	// snap.IndexPageSize to a page. It returns an error wrapping
	// ErrNotFound when the page has no article.
	IndexPage(ctx context.Context, snap *Snapshot, n int) ([]byte, error)
}

// DefaultIndexPageCacheBytes bounds the index pages kept in memory
// (bodies and their gzip forms). A page of 50 summaries (feed.items'
// default) is about 27 KB plain and gzipped together on the benchmark
// corpus, so this keeps about the 300 most recently read pages: readers
// walking the index from the front page find the pages they follow in
// memory, while a crawler sweeping a long history costs one render per
// page (a few milliseconds) and never more memory than this. The bound
// is in bytes, not pages, because pages vary with their summaries.
const DefaultIndexPageCacheBytes = 8 << 20

// IndexPageGzipLevel compresses the older pages of the HTML index (not
// the front page), in a build holding them all as on request: a page
// rendered on request is compressed while the request waits, where the
// best level took about a third of the render, and such pages are, like
// the archive's, many and seldom fetched. Both use it so that they serve
// the same bytes.
const IndexPageGzipLevel = gzip.BestSpeed

// IndexPageCount is how many pages the index of s has, the front page
// included; 0 when s renders no page on demand.
func (s *Snapshot) IndexPageCount() int {
	if s == nil || s.IndexKey == "" {
		return 0
	}
	size := max(s.IndexPageSize, 1)
	return max(1, (s.Articles+size-1)/size)
}

// indexPageLastMod dates every index page as the front page is dated
// (the newest change among the articles it shows), as a build holding
// every page dates them.
func (s *Snapshot) indexPageLastMod() time.Time {
	if r := s.Resources[PathIndex]; r != nil {
		return r.LastModified
	}
	return time.Time{}
}

// serveIndexPageOnDemand serves /page/{n}/ from the index page cache,
// rendering it if needed, and reports whether it answered: false when
// the snapshot renders no index page on demand or n is not one of its
// pages.
func (s *Server) serveIndexPageOnDemand(w http.ResponseWriter, r *http.Request, st *state) bool {
	snap := st.snap
	if s.indexPages == nil || snap.IndexKey == "" {
		return false
	}
	// Only the paths a build with every page would hold: never
	// "/page/02/", "/page/+3/" or "/page/1/". The first byte is checked
	// before Atoi so that junk costs no parse.
	v := r.PathValue("page")
	if v == "" || v[0] < '1' || v[0] > '9' {
		return false
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 2 || n > snap.IndexPageCount() || r.URL.Path != pages.IndexPagePath(n) {
		return false
	}
	key := labelKey{stamp: snap.IndexKey, section: indexPageRoute, version: int64(n)}
	res, err := s.indexPageCache.get(key, func() (map[string]*Resource, error) {
		// The render outlives the request that started it: others may
		// be waiting for it.
		body, err := s.indexPages.IndexPage(context.WithoutCancel(r.Context()), snap, n)
		if err != nil {
			return nil, err
		}
		return map[string]*Resource{indexPageRoute: NewResourceLevel(body, htmlType, snap.indexPageLastMod(), IndexPageGzipLevel)}, nil
	})
	switch {
	case errors.Is(err, ErrNotFound):
		return false
	case err != nil:
		s.log.Error("render index page", slog.Int("page", n), slog.Any("error", err))
		http.Error(w, "500 internal server error", http.StatusInternalServerError)
		return true
	}
	rs := res[indexPageRoute]
	s.serveResource(w, r, rs, http.StatusOK, s.cacheControlOf(rs))
	return true
}
