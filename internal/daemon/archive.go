package daemon

import (
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"runtime"
	"sync"
	"time"

	"seedfeed/internal/feed"
	"seedfeed/internal/pages"
	"seedfeed/internal/server"
	"seedfeed/internal/store"
)

// The archived feed (RFC 5005) and the paginated index.
//
// Archive page n holds the published articles whose store seq lies in
// ((n-1)*size, n*size], size being feed.items. A seq is given once, when an
// article is first stored, above every seq present, and an edit keeps it,
// so a page's set of articles changes only when one of them is edited,
// removed or (a draft) published: pages fill from the oldest, and a page
// whose range lies wholly at or below the highest seq never gains an
// article. Such a page is complete, and served with a long Cache-Control,
// once a newer page exists (until then it lacks its next-archive link).
// Empty pages (every article in them removed) are
// skipped by the links. With fewer than two non-empty pages there is no
// archive: the subscription feed then holds every article, and an archive
// document needs a prev-archive or a next-archive link.
//
// Rendering every page on every snapshot would make a rebuild cost grow
// with the whole history; archiveCache keeps each page's resources under a
// key over everything its bytes depend on, so a rebuild renders only the
// pages whose articles, links or completeness changed (after a new article,
// usually the newest page alone).

// archivePagePlan is one archive page to publish.
type archivePagePlan struct {
	pos      feed.ArchivePosition
	lo, hi   int64 // seq range
	complete bool
	lastMod  time.Time
	key      [sha256.Size]byte
}

// planArchive groups slots (by seq) into pages of size articles. metaKey
// stands for everything else the documents depend on (the feed metadata).
func planArchive(slots []store.ArchiveSlot, maxSeq int64, size int, metaKey string) []archivePagePlan {
	if size <= 0 || len(slots) == 0 {
		return nil
	}
	var plans []archivePagePlan
	var h []byte
	for i := 0; i < len(slots); {
		page := (slots[i].Seq-1)/int64(size) + 1
		p := archivePagePlan{
			pos: feed.ArchivePosition{Page: int(page)},
			lo:  (page-1)*int64(size) + 1,
			hi:  page * int64(size),
		}
		h = h[:0]
		for ; i < len(slots) && slots[i].Seq <= p.hi; i++ {
			sl := slots[i]
			h = binary.AppendVarint(h, sl.Seq)
			h = append(h, sl.ID...)
			h = append(h, 0)
			h = append(h, sl.Slug...)
			h = append(h, 0)
			h = binary.AppendVarint(h, sl.Published.Unix())
			h = binary.AppendVarint(h, sl.Updated.Unix())
			h = append(h, sl.Hash[:]...)
			if sl.Updated.After(p.lastMod) {
				p.lastMod = sl.Updated
			}
		}
		// Page content now; links and completeness are added below.
		p.key = sha256.Sum256(h)
		plans = append(plans, p)
	}
	if len(plans) < 2 {
		return nil
	}
	for i := range plans {
		if i > 0 {
			plans[i].pos.Prev = plans[i-1].pos.Page
		}
		if i+1 < len(plans) {
			plans[i].pos.Next = plans[i+1].pos.Page
			// The newest page is never complete: even when its range is
			// full, it gains a next-archive link with the next page.
			plans[i].complete = plans[i].hi <= maxSeq
		}
		k := fmt.Appendf(nil, "%x|%+v|%v|%d|%s", plans[i].key, plans[i].pos, plans[i].complete, size, metaKey)
		plans[i].key = sha256.Sum256(k)
	}
	return plans
}

// archiveCache keeps the rendered archive pages of the last build. It is
// safe for concurrent use; builds that overlap simply render more.
type archiveCache struct {
	mu    sync.Mutex
	pages map[int]archiveCachedPage
}

type archiveCachedPage struct {
	key  [sha256.Size]byte
	docs map[string]*server.Resource
}

func newArchiveCache() *archiveCache {
	return &archiveCache{pages: map[int]archiveCachedPage{}}
}

// lookup returns the cached resources of a page if its key still matches.
func (c *archiveCache) lookup(p archivePagePlan) map[string]*server.Resource {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.pages[p.pos.Page]; ok && e.key == p.key {
		return e.docs
	}
	return nil
}

// replace makes the cache hold exactly the given pages.
func (c *archiveCache) replace(pages map[int]archiveCachedPage) {
	if c == nil {
		return
	}
	c.mu.Lock()
	c.pages = pages
	c.mu.Unlock()
}

// archiveInline is how many archive pages a snapshot build renders before
// it is published; when more are missing from the cache (at start, after
// a change of configuration), the build leaves them all out and the
// daemon renders them in a second build, so that a new article or a
// restart does not wait for the whole history to render.
const archiveInline = 8

// archiveStats says what a build did with the archive.
type archiveStats struct {
	pages, rendered, deferred int
}

// buildArchive returns the resources of every archive page of plans,
// rendering those cache does not hold on all cores; when more than
// maxRender are missing (maxRender < 0: no limit), it renders none and
// returns the cached ones alone, with stats.deferred saying how many are
// missing.
func buildArchive(ctx context.Context, st *store.Store, meta feed.Meta, plans []archivePagePlan, cache *archiveCache, maxRender int) (map[string]*server.Resource, archiveStats, error) {
	stats := archiveStats{pages: len(plans)}
	docs := make([]map[string]*server.Resource, len(plans))
	var todo []int
	for i, p := range plans {
		if d := cache.lookup(p); d != nil {
			docs[i] = d
		} else {
			todo = append(todo, i)
		}
	}
	if maxRender >= 0 && len(todo) > maxRender {
		stats.deferred, todo = len(todo), nil
	}
	stats.rendered = len(todo)
	jobs := make(chan int)
	errs := make([]error, len(plans))
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(todo)) {
		wg.Go(func() {
			for i := range jobs {
				docs[i], errs[i] = renderArchivePage(ctx, st, meta, plans[i])
			}
		})
	}
	for _, i := range todo {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	out := make(map[string]*server.Resource, 3*len(plans))
	keep := make(map[int]archiveCachedPage, len(plans))
	for i, p := range plans {
		if errs[i] != nil {
			return nil, stats, errs[i]
		}
		if docs[i] == nil {
			continue // deferred
		}
		for path, res := range docs[i] {
			out[path] = res
		}
		keep[p.pos.Page] = archiveCachedPage{key: p.key, docs: docs[i]}
	}
	if stats.deferred == 0 {
		cache.replace(keep)
	}
	return out, stats, nil
}

// renderArchivePage reads one page's articles and prepares its three
// documents for serving.
func renderArchivePage(ctx context.Context, st *store.Store, meta feed.Meta, p archivePagePlan) (map[string]*server.Resource, error) {
	recs, err := st.ArchiveRange(ctx, p.lo, p.hi)
	if err != nil {
		return nil, fmt.Errorf("render archive page %d: %w", p.pos.Page, err)
	}
	items := make([]feed.Item, len(recs))
	for i, r := range recs {
		items[i] = feedItem(r)
	}
	bodies, err := feed.RenderArchived(meta, items, p.pos)
	if err != nil {
		return nil, fmt.Errorf("render archive page %d: %w", p.pos.Page, err)
	}
	out := make(map[string]*server.Resource, len(bodies))
	for path, body := range bodies {
		// A complete page keeps only its gzip form in memory (readers
		// without gzip get it decompressed per request): the history
		// held plain and gzipped made the snapshot grow with it.
		var res *server.Resource
		if p.complete {
			res = server.NewResourceGzipOnly(body, feed.ContentType(path), p.lastMod, gzip.BestSpeed)
			res.WithCacheControl(server.CacheControlArchive)
		} else {
			res = server.NewResourceLevel(body, feed.ContentType(path), p.lastMod, gzip.BestSpeed)
		}
		out[path] = res
	}
	return out, nil
}

// newestArchivePage is the page the subscription feeds link prev-archive
// to; 0 without an archive.
func newestArchivePage(plans []archivePagePlan) int {
	if len(plans) == 0 {
		return 0
	}
	return plans[len(plans)-1].pos.Page
}

// buildIndexPages renders every page of the HTML index from every
// published article, newest first, size to a page: page 1 is the front
// page ("/"), page n /page/n/. It returns the pages by path.
func buildIndexPages(ctx context.Context, st *store.Store, site pages.SiteInfo, size int) (map[string][]byte, error) {
	var all []pages.Entry
	if err := st.Each(ctx, func(r store.Record) error {
		e := entry(r)
		e.BodyHTML = "" // the index shows summaries: keep the history small
		all = append(all, e)
		return nil
	}); err != nil {
		return nil, fmt.Errorf("render index pages: %w", err)
	}
	size = max(size, 1)
	count := max(1, (len(all)+size-1)/size)
	bodies := make([][]byte, count+1)
	errs := make([]error, count+1)
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), count) {
		wg.Go(func() {
			for n := range jobs {
				lo, hi := (n-1)*size, min(n*size, len(all))
				bodies[n], errs[n] = pages.IndexPage(site, all[lo:hi], n, count)
			}
		})
	}
	for n := 1; n <= count; n++ {
		jobs <- n
	}
	close(jobs)
	wg.Wait()
	out := make(map[string][]byte, count)
	for n := 1; n <= count; n++ {
		if errs[n] != nil {
			return nil, fmt.Errorf("render index page %d: %w", n, errs[n])
		}
		out[pages.IndexPagePath(n)] = bodies[n]
	}
	return out, nil
}

// frontPage renders the front page alone from the newest records, as
// page 1 of an index of count articles, size to a page.
func frontPage(site pages.SiteInfo, recs []store.Record, count, size int) (map[string][]byte, error) {
	entries := make([]pages.Entry, len(recs))
	for i, r := range recs {
		entries[i] = entry(r)
		entries[i].BodyHTML = ""
	}
	size = max(size, 1)
	body, err := pages.IndexPage(site, entries, 1, max(1, (count+size-1)/size))
	if err != nil {
		return nil, fmt.Errorf("render index page 1: %w", err)
	}
	return map[string][]byte{pages.IndexPagePath(1): body}, nil
}
