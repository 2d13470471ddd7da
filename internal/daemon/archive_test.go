package daemon

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"seedfeed/internal/article"
	"seedfeed/internal/config"
	"seedfeed/internal/feed"
	"seedfeed/internal/server"
	"seedfeed/internal/store"
)

const archiveBase = "https://news.example.org"

// archiveWorld is a store, the snapshots built from it with the daemon's
// archive cache, and a server answering from the latest one.
type archiveWorld struct {
	t     *testing.T
	st    *store.Store
	cfg   config.Config
	cache *archiveCache
	srv   *server.Server
	snap  *server.Snapshot
	at    time.Time
	n     int
}

func newArchiveWorld(t *testing.T, dbPath string, items int) *archiveWorld {
	t.Helper()
	cfg := config.Default()
	cfg.Site.BaseURL = archiveBase
	cfg.Site.Title = "Harbour Notes"
	cfg.Feed.Items = items
	st, err := store.Open(context.Background(), dbPath, cfg.Site.Host())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return &archiveWorld{
		t: t, st: st, cfg: cfg, cache: newArchiveCache(), srv: server.New(server.Config{Articles: articleSource{st}, IndexPages: indexPageSource{st}}),
		at: time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC),
	}
}

// archiveArticle is article number i; its date runs backwards with i
// for every third one, so that the archive order (first stored) and the
// feed order (published) differ.
func archiveArticle(i int, body string) (*article.Article, store.Hash) {
	pub := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * 24 * time.Hour)
	if i%3 == 0 {
		pub = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).Add(-time.Duration(i) * time.Hour)
	}
	title := fmt.Sprintf("Harbour story %02d", i)
	a := &article.Article{
		Title: title, Author: "Desk", Authors: []string{"Desk"},
		Summary: body, BodyParagraphs: []string{body}, BodyHTML: "<p>" + body + "</p>",
		Slug: fmt.Sprintf("harbour-story-%02d", i), Published: &pub,
	}
	return a, sha256.Sum256([]byte(title + body))
}

func (w *archiveWorld) apply(c store.Changes) {
	w.t.Helper()
	w.at = w.at.Add(time.Minute)
	c.At = w.at
	if _, err := w.st.Apply(context.Background(), c); err != nil {
		w.t.Fatal(err)
	}
}

// add stores k new articles in one scan.
func (w *archiveWorld) add(k int) {
	var ups []store.Upsert
	for range k {
		w.n++
		a, h := archiveArticle(w.n, fmt.Sprintf("Story %d as first written.", w.n))
		ups = append(ups, store.Upsert{Path: fmt.Sprintf("s%02d.md", w.n), Hash: h, ModTime: w.at, Size: 1, Article: a})
	}
	w.apply(store.Changes{Upserts: ups})
}

func (w *archiveWorld) edit(i int) {
	a, h := archiveArticle(i, fmt.Sprintf("Story %d, corrected.", i))
	w.apply(store.Changes{Upserts: []store.Upsert{{Path: fmt.Sprintf("s%02d.md", i), Hash: h, ModTime: w.at, Size: 2, Article: a}}})
}

func (w *archiveWorld) remove(i int) {
	w.apply(store.Changes{Removed: []string{fmt.Sprintf("s%02d.md", i)}})
}

// publish builds a snapshot as the daemon does and serves it.
func (w *archiveWorld) publish() *server.Snapshot {
	w.t.Helper()
	snap, deferred, err := buildSnapshot(context.Background(), w.st, w.cfg,
		snapshotOptions{cache: w.cache, maxArchive: -1, allIndexPages: true})
	if err != nil || deferred {
		w.t.Fatal(err, deferred)
	}
	w.srv.Publish(snap)
	w.snap = snap
	return snap
}

// get fetches an absolute URL of the site from the server.
func (w *archiveWorld) get(u string) *httptest.ResponseRecorder {
	w.t.Helper()
	path, ok := strings.CutPrefix(u, archiveBase)
	if !ok {
		w.t.Fatalf("link %q leaves the site", u)
	}
	rec := httptest.NewRecorder()
	w.srv.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
	if rec.Code != http.StatusOK {
		w.t.Fatalf("GET %s: %d", path, rec.Code)
	}
	return rec
}

// published is every published article's id and slug, from the store.
func (w *archiveWorld) published() (ids, slugs []string) {
	w.t.Helper()
	err := w.st.Each(context.Background(), func(r store.Record) error {
		ids = append(ids, r.ID)
		slugs = append(slugs, r.Slug)
		return nil
	})
	if err != nil {
		w.t.Fatal(err)
	}
	slices.Sort(ids)
	slices.Sort(slugs)
	return ids, slugs
}

// feedDoc is what a walker reads from one document: its links by
// relation, its items' ids, whether it is marked fh:archive, and its
// JSON next_url and feed_url.
type feedDoc struct {
	links            map[string]string
	ids              []string
	archive          bool
	nextURL, feedURL string
}

type xmlLink struct {
	Rel  string `xml:"rel,attr"`
	Href string `xml:"href,attr"`
}

// readFeedDoc reads body strictly (encoding/xml's Unmarshal is strict, or
// encoding/json) and with gofeed, which must agree on the items.
func readFeedDoc(t *testing.T, kind string, body []byte) feedDoc {
	t.Helper()
	d := feedDoc{links: map[string]string{}}
	var links []xmlLink
	switch kind {
	case "atom":
		var f struct {
			XMLName xml.Name   `xml:"http://www.w3.org/2005/Atom feed"`
			Links   []xmlLink  `xml:"http://www.w3.org/2005/Atom link"`
			Archive []struct{} `xml:"http://purl.org/syndication/history/1.0 archive"`
			Entries []struct {
				ID string `xml:"http://www.w3.org/2005/Atom id"`
			} `xml:"http://www.w3.org/2005/Atom entry"`
		}
		if err := xml.Unmarshal(body, &f); err != nil {
			t.Fatalf("strict XML: %v", err)
		}
		links, d.archive = f.Links, len(f.Archive) == 1
		for _, e := range f.Entries {
			d.ids = append(d.ids, e.ID)
		}
	case "rss":
		var f struct {
			XMLName xml.Name `xml:"rss"`
			Channel struct {
				Links   []xmlLink  `xml:"http://www.w3.org/2005/Atom link"`
				Archive []struct{} `xml:"http://purl.org/syndication/history/1.0 archive"`
				Items   []struct {
					GUID string `xml:"guid"`
				} `xml:"item"`
			} `xml:"channel"`
		}
		if err := xml.Unmarshal(body, &f); err != nil {
			t.Fatalf("strict XML: %v", err)
		}
		links, d.archive = f.Channel.Links, len(f.Channel.Archive) == 1
		for _, it := range f.Channel.Items {
			d.ids = append(d.ids, it.GUID)
		}
	case "json":
		var f struct {
			FeedURL string `json:"feed_url"`
			NextURL string `json:"next_url"`
			Items   []struct {
				ID string `json:"id"`
			} `json:"items"`
		}
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.DisallowUnknownFields()
		if err := json.Unmarshal(body, &f); err != nil {
			t.Fatalf("JSON: %v", err)
		}
		d.feedURL, d.nextURL = f.FeedURL, f.NextURL
		for _, it := range f.Items {
			d.ids = append(d.ids, it.ID)
		}
	}
	for _, l := range links {
		if _, dup := d.links[l.Rel]; dup {
			t.Errorf("two links rel=%q", l.Rel)
		}
		d.links[l.Rel] = l.Href
	}
	gf, err := gofeed.NewParser().ParseString(string(body))
	if err != nil {
		t.Fatalf("gofeed: %v", err)
	}
	var gids []string
	for _, it := range gf.Items {
		gids = append(gids, it.GUID)
	}
	if !slices.Equal(gids, d.ids) {
		t.Errorf("gofeed reads items %q, strict parse %q", gids, d.ids)
	}
	return d
}

// walkResult is what a reader that walked the archive holds.
type walkResult struct {
	current  []string            // the subscription feed's items
	pages    []string            // archive page URLs, newest first
	byPage   map[string][]string // item ids by archive page
	archived map[string]int      // how many archive pages hold each id
}

// walkArchive follows the archive from the subscription document sub as an
// RFC 5005 reader does (prev-archive, or for JSON next_url), checking each
// document's links on the way.
func (w *archiveWorld) walkArchive(kind, sub string) walkResult {
	w.t.Helper()
	t := w.t
	top := readFeedDoc(t, kind, w.get(sub).Body.Bytes())
	res := walkResult{current: top.ids, byPage: map[string][]string{}, archived: map[string]int{}}
	if top.archive {
		t.Errorf("%s: the subscription feed is marked fh:archive", sub)
	}
	if _, ok := top.links["next-archive"]; ok {
		t.Errorf("%s: the subscription feed has a next-archive link", sub)
	}
	next := top.links["prev-archive"]
	if kind == "json" {
		next = top.nextURL
	}
	newer := "" // the page walked before, which next-archive must name
	for next != "" {
		if _, seen := res.byPage[next]; seen {
			t.Fatalf("%s: the walk comes back to %s", kind, next)
		}
		if len(res.pages) > 1000 {
			t.Fatal("walk does not end")
		}
		d := readFeedDoc(t, kind, w.get(next).Body.Bytes())
		res.pages = append(res.pages, next)
		res.byPage[next] = d.ids
		for _, id := range d.ids {
			res.archived[id]++
		}
		if len(d.ids) == 0 {
			t.Errorf("%s: empty archive page", next)
		}
		if kind == "json" {
			if d.feedURL != archiveBase+feed.PathJSON {
				t.Errorf("%s: feed_url %q", next, d.feedURL)
			}
			next = d.nextURL
			continue
		}
		subPath := map[string]string{"atom": feed.PathFeed, "rss": feed.PathRSS}[kind]
		if !d.archive || d.links["current"] != archiveBase+subPath || d.links["self"] != next {
			t.Errorf("%s: archive %v current %q self %q", next, d.archive, d.links["current"], d.links["self"])
		}
		if d.links["next-archive"] != newer {
			t.Errorf("%s: next-archive %q, want %q", next, d.links["next-archive"], newer)
		}
		newer = next
		next = d.links["prev-archive"]
	}
	return res
}

// checkWalk: every published article is in exactly one archive page, the
// subscription feed's items are among them, and the walk found nothing
// else; so a reader collects each article exactly once.
func (w *archiveWorld) checkWalk(kind string, res walkResult, wantArchive bool) {
	w.t.Helper()
	ids, _ := w.published()
	if !wantArchive {
		if len(res.pages) != 0 {
			w.t.Errorf("%s: %d archive pages for %d articles", kind, len(res.pages), len(ids))
		}
		if got := slices.Sorted(slices.Values(res.current)); !slices.Equal(got, ids) {
			w.t.Errorf("%s: the subscription feed holds %d of %d articles", kind, len(got), len(ids))
		}
		return
	}
	for id, n := range res.archived {
		if n != 1 {
			w.t.Errorf("%s: %s is in %d archive pages", kind, id, n)
		}
	}
	if got := slices.Sorted(maps.Keys(res.archived)); !slices.Equal(got, ids) {
		w.t.Errorf("%s: the archive holds %d articles, %d are published:\n got %q\nwant %q", kind, len(got), len(ids), got, ids)
	}
	for _, id := range res.current {
		if res.archived[id] != 1 {
			w.t.Errorf("%s: subscription item %s is not archived", kind, id)
		}
	}
}

// crawlIndex follows every link from / to the index pages and lists each
// article link found, by index page; it fetches each article page once.
func (w *archiveWorld) crawlIndex() map[string][]string {
	w.t.Helper()
	found := map[string][]string{} // slug -> index pages listing it
	queue := []string{archiveBase + "/"}
	visited := map[string]bool{archiveBase + "/": true}
	fetched := map[string]bool{}
	for len(queue) > 0 {
		page := queue[0]
		queue = queue[1:]
		doc, err := html.Parse(w.get(page).Body)
		if err != nil {
			w.t.Fatal(err)
		}
		rels := map[string]string{}
		for n := range doc.Descendants() {
			if n.Type != html.ElementNode || n.DataAtom != atom.A && n.DataAtom != atom.Link {
				continue
			}
			href, rel := "", ""
			for _, a := range n.Attr {
				switch a.Key {
				case "href":
					href = a.Val
				case "rel":
					rel = a.Val
				}
			}
			u, err := url.Parse(href)
			if err != nil || !strings.HasPrefix(href, archiveBase+"/") {
				continue
			}
			if n.DataAtom == atom.Link && (rel == "prev" || rel == "next") {
				rels[rel] = href
			}
			switch {
			case n.DataAtom == atom.A && strings.HasPrefix(u.Path, "/articles/"):
				slug := strings.TrimPrefix(u.Path, "/articles/")
				found[slug] = append(found[slug], page)
				if !fetched[slug] {
					fetched[slug] = true
					w.get(href)
				}
			case u.Path == "/" || strings.HasPrefix(u.Path, "/page/"):
				if !visited[href] {
					visited[href] = true
					queue = append(queue, href)
				}
			}
		}
		// rel=next leads to the page after, rel=prev back.
		if nx := rels["next"]; nx != "" {
			if back := w.pagerPrev(nx); back != page {
				w.t.Errorf("%s links rel=next %s, whose rel=prev is %q", page, nx, back)
			}
		}
	}
	return found
}

// pagerPrev is the rel=prev link in the head of an index page.
func (w *archiveWorld) pagerPrev(page string) string {
	doc, err := html.Parse(w.get(page).Body)
	if err != nil {
		w.t.Fatal(err)
	}
	for n := range doc.Descendants() {
		if n.DataAtom == atom.Link {
			var rel, href string
			for _, a := range n.Attr {
				if a.Key == "rel" {
					rel = a.Val
				} else if a.Key == "href" {
					href = a.Val
				}
			}
			if rel == "prev" {
				return href
			}
		}
	}
	return ""
}

func (w *archiveWorld) checkCrawl() {
	w.t.Helper()
	found := w.crawlIndex()
	_, slugs := w.published()
	if got := slices.Sorted(maps.Keys(found)); !slices.Equal(got, slugs) {
		w.t.Errorf("crawl from / found %d articles, %d are published:\n got %q\nwant %q", len(got), len(slugs), got, slugs)
	}
	for slug, on := range found {
		if len(on) != 1 {
			w.t.Errorf("article %s is listed on %d index pages: %q", slug, len(on), on)
		}
	}
}

// checkAll walks every format and crawls the index.
func (w *archiveWorld) checkAll(wantArchive bool) map[string]walkResult {
	w.t.Helper()
	out := map[string]walkResult{}
	for kind, sub := range map[string]string{"atom": feed.PathFeed, "rss": feed.PathRSS, "json": feed.PathJSON} {
		res := w.walkArchive(kind, archiveBase+sub)
		w.checkWalk(kind, res, wantArchive)
		out[kind] = res
	}
	// /atom.xml is the same feed under its other name.
	if a, b := w.walkArchive("atom", archiveBase+feed.PathAtom), out["atom"]; !slices.Equal(a.pages, b.pages) {
		w.t.Errorf("/atom.xml walks %q, /feed.xml %q", a.pages, b.pages)
	}
	w.checkCrawl()
	return out
}

// archiveResources are the snapshot's archive resources by path.
func archiveResources(snap *server.Snapshot) map[string]*server.Resource {
	out := map[string]*server.Resource{}
	for p, r := range snap.Resources {
		if _, _, ok := feed.ParseArchivePath(p); ok {
			out[p] = r
		}
	}
	return out
}

// changedPages lists the archive pages rendered anew between two
// snapshots (a page kept is the very same cached resource), and checks
// that each of them did change: its Atom document's ETag differs (the
// JSON document of a page whose neighbours changed may come out the same,
// having no link to newer pages).
func changedPages(t *testing.T, before, after *server.Snapshot) []int {
	t.Helper()
	a, b := archiveResources(before), archiveResources(after)
	set := map[int]bool{}
	for p, rb := range b {
		if a[p] != rb {
			n, _, _ := feed.ParseArchivePath(p)
			set[n] = true
		}
	}
	for p := range a {
		if b[p] == nil {
			n, _, _ := feed.ParseArchivePath(p)
			set[n] = true
		}
	}
	for n := range set {
		p := feed.ArchiveAtomPath(n)
		if a[p] != nil && b[p] != nil && a[p].ETag == b[p].ETag {
			t.Errorf("%s rendered again with the same bytes", p)
		}
	}
	return slices.Sorted(maps.Keys(set))
}

// TestArchiveWalk builds the archive through additions, an edit and a
// removal in the middle of the history, and after each has an Atom, an
// RSS and a JSON Feed reader walk it and a crawler crawl the index.
func TestArchiveWalk(t *testing.T) {
	db := filepath.Join(t.TempDir(), "state.db")
	w := newArchiveWorld(t, db, 3)

	// Three articles fit the subscription feed: no archive yet.
	w.add(3)
	w.publish()
	w.checkAll(false)

	// Eleven: seqs 1-11, pages 1-4, the fourth still filling.
	w.add(8)
	s1 := w.publish()
	res := w.checkAll(true)
	if got := res["atom"].pages; len(got) != 4 || got[0] != archiveBase+"/archive/4/feed.xml" {
		t.Fatalf("pages %q", got)
	}
	checkArchiveCaching(t, s1, map[int]bool{1: true, 2: true, 3: true, 4: false})

	// One more fills page 4, which stays the newest and so not complete.
	w.add(1)
	s2 := w.publish()
	w.checkAll(true)
	if got := changedPages(t, s1, s2); !slices.Equal(got, []int{4}) {
		t.Errorf("adding to page 4 changed pages %v", got)
	}
	// And one more opens page 5: page 4 gains its next-archive link.
	w.add(1)
	s3 := w.publish()
	w.checkAll(true)
	if got := changedPages(t, s2, s3); !slices.Equal(got, []int{4, 5}) {
		t.Errorf("opening page 5 changed pages %v", got)
	}
	checkArchiveCaching(t, s3, map[int]bool{1: true, 2: true, 3: true, 4: true, 5: false})

	// An edit in the middle changes that page alone.
	w.edit(5)
	s4 := w.publish()
	w.checkAll(true)
	if got := changedPages(t, s3, s4); !slices.Equal(got, []int{2}) {
		t.Errorf("editing article 5 changed pages %v", got)
	}
	// So does a removal.
	w.remove(8)
	s5 := w.publish()
	w.checkAll(true)
	if got := changedPages(t, s4, s5); !slices.Equal(got, []int{3}) {
		t.Errorf("removing article 8 changed pages %v", got)
	}
	// Emptying page 3 drops it: its neighbours link past it.
	w.remove(7)
	w.remove(9)
	s6 := w.publish()
	res = w.checkAll(true)
	if got := changedPages(t, s5, s6); !slices.Equal(got, []int{2, 3, 4}) {
		t.Errorf("emptying page 3 changed pages %v", got)
	}
	if got := len(res["rss"].pages); got != 4 {
		t.Errorf("%d pages after emptying page 3, want 4", got)
	}

	// A restart renders the same bytes with no cache.
	again, err := BuildSnapshot(context.Background(), w.st, w.cfg)
	if err != nil {
		t.Fatal(err)
	}
	for p, r := range s6.Resources {
		if a := again.Resources[p]; a == nil || a.ETag != r.ETag || !bytes.Equal(a.Body, r.Body) {
			t.Errorf("%s: rebuilt without the cache, it differs", p)
		}
	}
	if len(again.Resources) != len(s6.Resources) {
		t.Errorf("rebuilt with %d resources, had %d", len(again.Resources), len(s6.Resources))
	}
}

// checkArchiveCaching checks which archive pages a server answers with
// the long Cache-Control.
func checkArchiveCaching(t *testing.T, snap *server.Snapshot, complete map[int]bool) {
	t.Helper()
	srv := server.New(server.Config{})
	srv.Publish(snap)
	for n, long := range complete {
		for _, p := range []string{feed.ArchiveAtomPath(n), feed.ArchiveRSSPath(n), feed.ArchiveJSONPath(n)} {
			rec := httptest.NewRecorder()
			srv.ServeHTTP(rec, httptest.NewRequest("GET", p, nil))
			cc := rec.Header().Get("Cache-Control")
			if rec.Code != 200 || (cc == server.CacheControlArchive) != long {
				t.Errorf("%s: %d Cache-Control %q, complete %v", p, rec.Code, cc, long)
			}
			body, _ := io.ReadAll(rec.Body)
			if ct := rec.Header().Get("Content-Type"); ct != feed.ContentType(p) || len(body) == 0 {
				t.Errorf("%s: Content-Type %q, %d bytes", p, ct, len(body))
			}
		}
	}
}

// TestArchiveDeferred, with the daemon's options: a first build leaves
// out the older index pages (the server renders them on request) and,
// with many archive pages missing from the cache, those pages, while the
// feeds already link to them; the second build renders them all, without
// changing the feeds; afterwards a change renders within the limit and
// needs no second build.
func TestArchiveDeferred(t *testing.T) {
	w := newArchiveWorld(t, filepath.Join(t.TempDir(), "state.db"), 2)
	w.add(11) // six archive pages, six index pages
	ctx := context.Background()
	first := snapshotOptions{cache: w.cache, maxArchive: 3}
	full := snapshotOptions{cache: w.cache, maxArchive: -1}
	snap, deferred, err := buildSnapshot(ctx, w.st, w.cfg, first)
	if err != nil {
		t.Fatal(err)
	}
	if !deferred || len(archiveResources(snap)) != 0 || snap.Resources["/page/2/"] != nil {
		t.Errorf("deferred %v, %d archive resources, /page/2/ %v", deferred, len(archiveResources(snap)), snap.Resources["/page/2/"] != nil)
	}
	top := readFeedDoc(t, "atom", snap.Resources[feed.PathFeed].Body)
	if top.links["prev-archive"] != archiveBase+feed.ArchiveAtomPath(6) {
		t.Errorf("prev-archive %q before the archive is rendered", top.links["prev-archive"])
	}
	all, deferred, err := buildSnapshot(ctx, w.st, w.cfg, full)
	if err != nil || deferred || len(archiveResources(all)) != 18 {
		t.Fatalf("full build: %v, deferred %v, %d archive resources", err, deferred, len(archiveResources(all)))
	}
	for _, p := range []string{feed.PathFeed, feed.PathRSS, feed.PathJSON, "/"} {
		if !bytes.Equal(all.Resources[p].Body, snap.Resources[p].Body) {
			t.Errorf("%s changed when the history was rendered", p)
		}
	}
	w.srv.Publish(all)
	if code := w.indexPageStatus(6); code != 200 {
		t.Errorf("/page/6/ after the full build: %d", code)
	}
	w.checkAll(true)

	// One more article: the first build renders the newest archive page
	// (within the limit), renders no older index page, and leaves nothing
	// for a second build.
	w.add(1)
	first.prev = all
	next, deferred, err := buildSnapshot(ctx, w.st, w.cfg, first)
	if err != nil || deferred {
		t.Fatalf("after one more article: %v, deferred %v", err, deferred)
	}
	if got := changedPages(t, all, next); !slices.Equal(got, []int{6}) {
		t.Errorf("one more article changed pages %v", got)
	}
	for p := range next.Resources {
		if strings.HasPrefix(p, "/page/") {
			t.Errorf("the first build rendered %s", p)
		}
	}
	w.srv.Publish(next)
	if code := w.indexPageStatus(6); code != 200 {
		t.Errorf("/page/6/ after one more article: %d", code)
	}
	again, deferred, err := buildSnapshot(ctx, w.st, w.cfg, full)
	if err != nil || deferred {
		t.Fatal(err, deferred)
	}
	w.srv.Publish(again)
	w.snap = again
	w.checkAll(true)

	// Down to one page of articles: the first build keeps no older index
	// page, and there is no second.
	for i := 1; i <= 10; i++ {
		w.remove(i)
	}
	first.prev = again
	last, deferred, err := buildSnapshot(ctx, w.st, w.cfg, first)
	if err != nil || deferred {
		t.Fatalf("with %d articles: %v, deferred %v", last.Articles, err, deferred)
	}
	for p := range last.Resources {
		if strings.HasPrefix(p, "/page/") || strings.HasPrefix(p, "/archive/") {
			t.Errorf("%s kept with %d articles", p, last.Articles)
		}
	}
	w.srv.Publish(last)
	if code := w.indexPageStatus(2); code != 404 {
		t.Errorf("/page/2/ with %d articles: %d", last.Articles, code)
	}
	w.checkAll(false)
}

// indexPageStatus is the status w.srv answers for page n of the HTML
// index.
func (w *archiveWorld) indexPageStatus(n int) int {
	rec := httptest.NewRecorder()
	w.srv.ServeHTTP(rec, httptest.NewRequest("GET", fmt.Sprintf("/page/%d/", n), nil))
	return rec.Code
}
