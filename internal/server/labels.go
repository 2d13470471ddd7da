package server

import (
	"cmp"
	"container/list"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"sync"
	"time"

	"seedfeed/internal/pages"
	"seedfeed/internal/taxonomy"
)

// A tag's or an author's page and feeds are not in the snapshot: with
// thousands of tags, rendering and compressing every one of them at each
// change would cost more than all the rest of a rebuild (see
// docs/performance.md). The snapshot holds which labels exist, each with
// a version that moves whenever one of its articles changes; their
// resources are rendered on first request from a LabelSource, prepared
// like snapshot resources (gzip, ETag, Last-Modified) and kept in a cache
// bounded in bytes and keyed by label, version and the snapshot's
// LabelStamp. A new snapshot therefore re-renders only the labels whose
// articles changed, and is never answered with the bytes of an older
// version.

// The documents of one label, under its directory.
const (
	LabelPage = "/"
	LabelAtom = "/feed.xml"
	LabelRSS  = "/rss.xml"
	LabelJSON = "/feed.json"
)

// LabelDocs are the rendered documents of one label, by LabelPage,
// LabelAtom, LabelRSS and LabelJSON.
type LabelDocs map[string]LabelDoc

// LabelDoc is one rendered document and what to serve it with.
type LabelDoc struct {
	Body        []byte
	ContentType string
	LastMod     time.Time
}

// LabelSource renders a label's documents on demand.
type LabelSource interface {
	// LabelDocs renders the page and feeds of a label the snapshot lists
	// (its Section is pages.SectionTags or pages.SectionAuthors). It
	// returns an error wrapping ErrNotFound when the label has no article.
	LabelDocs(ctx context.Context, l pages.LabelRef) (LabelDocs, error)
}

// DefaultLabelCacheBytes bounds the rendered label resources kept in
// memory (bodies and their gzip forms).
const DefaultLabelCacheBytes = 64 << 20

// labelCache is an LRU of rendered labels, bounded by bytes. Concurrent
// requests for one label wait for one render.
type labelCache struct {
	mu    sync.Mutex
	max   int64
	size  int64
	order *list.List // of *labelEntry, most recent first
	byKey map[labelKey]*list.Element
}

type labelKey struct {
	stamp, section, slug string
	version              int64
}

type labelEntry struct {
	key   labelKey
	ready chan struct{}
	res   map[string]*Resource
	err   error
	size  int64
}

func newLabelCache(max int64) *labelCache {
	if max <= 0 {
		max = DefaultLabelCacheBytes
	}
	return &labelCache{max: max, order: list.New(), byKey: map[labelKey]*list.Element{}}
}

// get returns the label's resources, rendering them with render when the
// cache has none for this generation.
func (c *labelCache) get(key labelKey, render func() (map[string]*Resource, error)) (map[string]*Resource, error) {
	c.mu.Lock()
	if el, ok := c.byKey[key]; ok {
		c.order.MoveToFront(el)
		e := el.Value.(*labelEntry)
		c.mu.Unlock()
		<-e.ready
		return e.res, e.err
	}
	e := &labelEntry{key: key, ready: make(chan struct{})}
	el := c.order.PushFront(e)
	c.byKey[key] = el
	c.mu.Unlock()

	e.res, e.err = renderRecovering(render)
	for _, r := range e.res {
		e.size += int64(len(r.Body) + len(r.Gzip))
	}
	close(e.ready)

	c.mu.Lock()
	defer c.mu.Unlock()
	if e.err != nil {
		// Failures are not kept: the next request tries again.
		c.remove(el)
		return e.res, e.err
	}
	if c.byKey[key] == el {
		c.size += e.size
	}
	// Drop the least recently used, and entries of older generations,
	// until the cache fits; never the entry just made.
	for back := c.order.Back(); back != nil && c.size > c.max; {
		prev := back.Prev()
		if back != el {
			c.remove(back)
		}
		back = prev
	}
	return e.res, nil
}

// renderRecovering runs render, turning a panic into an error: requests
// waiting for the same label must get an answer, not wait forever.
func renderRecovering(render func() (map[string]*Resource, error)) (res map[string]*Resource, err error) {
	defer func() {
		if p := recover(); p != nil {
			res, err = nil, fmt.Errorf("server: render label: panic: %v", p)
		}
	}()
	return render()
}

// remove drops el; c.mu is held.
func (c *labelCache) remove(el *list.Element) {
	e := el.Value.(*labelEntry)
	if c.byKey[e.key] == el {
		delete(c.byKey, e.key)
	}
	c.order.Remove(el)
	select {
	case <-e.ready:
		c.size -= e.size
	default:
		// Still rendering: its size was never added.
	}
}

// handleLabel serves one document (doc) of a label under section.
func (s *Server) handleLabel(section, doc string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		st := s.state.Load()
		if !st.snap.good() {
			s.unavailable(w)
			return
		}
		slug := r.PathValue("slug")
		if canon := taxonomy.Slug(slug); canon != slug {
			// "/tags/Économie/" is the tag economie: send readers to
			// its one address.
			if canon == "" || !st.snap.hasLabel(section, canon) {
				s.notFound(w, r, st)
				return
			}
			http.Redirect(w, r, pages.LabelDir(section, canon)+doc, http.StatusMovedPermanently)
			return
		}
		ref, ok := st.snap.Labels[LabelKey(section, slug)]
		if s.labels == nil || !ok {
			s.notFound(w, r, st)
			return
		}
		key := labelKey{stamp: st.snap.LabelStamp, section: section, slug: slug, version: ref.Version}
		res, err := s.labelCache.get(key, func() (map[string]*Resource, error) {
			// The render outlives the request that started it: others
			// may be waiting for it.
			docs, err := s.labels.LabelDocs(context.WithoutCancel(r.Context()), ref)
			if err != nil {
				return nil, err
			}
			out := make(map[string]*Resource, len(docs))
			for p, d := range docs {
				out[p] = NewResource(d.Body, d.ContentType, d.LastMod)
			}
			return out, nil
		})
		switch {
		case errors.Is(err, ErrNotFound):
			s.notFound(w, r, st)
			return
		case err != nil:
			s.log.Error("render label", slog.String("section", section), slog.String("slug", slug), slog.Any("error", err))
			http.Error(w, "500 internal server error", http.StatusInternalServerError)
			return
		}
		rs := res[doc]
		if rs == nil {
			s.notFound(w, r, st)
			return
		}
		s.serveResource(w, r, rs, http.StatusOK, s.hdr.cacheControl)
	})
}

// handleLabelList serves the page listing every label of section, by
// slug, rendered from the snapshot's list on first request and cached
// like a label's documents.
func (s *Server) handleLabelList(section string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		st := s.state.Load()
		if !st.snap.good() {
			s.unavailable(w)
			return
		}
		key := labelKey{stamp: st.snap.LabelStamp + "\x00" + st.snap.LabelListKeys[section], section: section}
		res, err := s.labelCache.get(key, func() (map[string]*Resource, error) {
			page, err := st.snap.LabelListPage(section)
			if err != nil {
				return nil, err
			}
			return map[string]*Resource{LabelPage: NewResource(page, "text/html; charset=utf-8", st.snap.labelListLastMod())}, nil
		})
		if err != nil {
			s.log.Error("render label list", slog.String("section", section), slog.Any("error", err))
			http.Error(w, "500 internal server error", http.StatusInternalServerError)
			return
		}
		s.serveResource(w, r, res[LabelPage], http.StatusOK, s.hdr.cacheControl)
	})
}

// LabelListPage renders the page that lists every label of section the
// snapshot holds, in the order of their slugs (alphabetical with case and
// accents folded).
func (s *Snapshot) LabelListPage(section string) ([]byte, error) {
	refs := make([]pages.LabelRef, 0, len(s.Labels))
	for _, l := range s.Labels {
		if l.Section == section {
			refs = append(refs, l)
		}
	}
	slices.SortFunc(refs, func(a, b pages.LabelRef) int { return cmp.Compare(a.Slug, b.Slug) })
	return pages.LabelListPage(s.Site, section, refs)
}

// labelListLastMod dates the list pages as the index is dated (the newest
// change among the articles it shows), never by the clock: replicas agree.
func (s *Snapshot) labelListLastMod() time.Time {
	if r := s.Resources[PathIndex]; r != nil {
		return r.LastModified
	}
	return time.Time{}
}

// labelRoutes are the patterns of every label document.
func labelRoutes() []struct{ section, doc, pattern string } {
	var out []struct{ section, doc, pattern string }
	for _, sec := range []string{pages.SectionTags, pages.SectionAuthors} {
		for _, doc := range []string{LabelPage, LabelAtom, LabelRSS, LabelJSON} {
			p := sec + "/{slug}" + doc
			if doc == LabelPage {
				p += "{$}"
			}
			out = append(out, struct{ section, doc, pattern string }{sec, doc, p})
		}
	}
	return out
}

// hasLabel reports whether the snapshot lists the label.
func (s *Snapshot) hasLabel(section, slug string) bool {
	_, ok := s.Labels[section+"/"+slug]
	return ok
}

// LabelKey is the key of Snapshot.Labels for a label.
func LabelKey(section, slug string) string { return section + "/" + slug }
