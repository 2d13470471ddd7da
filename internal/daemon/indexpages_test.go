package daemon

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"seedfeed/internal/htmlcheck"
	"seedfeed/internal/pages"
	"seedfeed/internal/server"
	"seedfeed/internal/store"
)

// indexPageResponse is what a client sees of one response.
type indexPageResponse struct {
	code   int
	header http.Header
	body   []byte
}

func getIndexPage(t *testing.T, base, method, path string, hdr ...string) indexPageResponse {
	t.Helper()
	req, err := http.NewRequest(method, base+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	// The body as sent: no transparent gunzip.
	tr := &http.Transport{DisableCompression: true}
	defer tr.CloseIdleConnections()
	resp, err := (&http.Client{Transport: tr}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	resp.Header.Del("Date")
	return indexPageResponse{resp.StatusCode, resp.Header, body}
}

// indexPageListing parses an index page and returns the slugs of the
// articles it lists and its "page n of count" heading.
func indexPageListing(t *testing.T, body []byte) (slugs []string, heading string) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("parse index page: %v", err)
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "h2":
				for _, a := range n.Attr {
					if a.Key == "id" && a.Val == "latest" {
						heading = htmlcheck.Text(n)
					}
				}
			case "a":
				for _, a := range n.Attr {
					if a.Key == "href" && strings.HasPrefix(a.Val, archiveBase+"/articles/") {
						slug := strings.TrimSuffix(strings.TrimPrefix(a.Val, archiveBase+"/articles/"), "/")
						if len(slugs) == 0 || slugs[len(slugs)-1] != slug {
							slugs = append(slugs, slug)
						}
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return slugs, heading
}

// TestIndexPagesOnDemandMatchBuild: the daemon's snapshot holds no
// older index page; each, rendered on request through the real handler,
// is the page BuildSnapshot renders (bytes, gzip, ETags, Last-Modified,
// every header), lists the articles Each gives for its place, and says
// "page n of count"; after a change the pages follow it.
func TestIndexPagesOnDemandMatchBuild(t *testing.T) {
	w := newArchiveWorld(t, filepath.Join(t.TempDir(), "state.db"), 3)
	w.add(18)
	w.edit(4) // "updated" on its entry
	w.remove(9)
	ctx := context.Background()
	lazySrv := server.New(server.Config{Articles: articleSource{w.st}, IndexPages: indexPageSource{w.st}})
	lazyTS := httptest.NewServer(lazySrv)
	defer lazyTS.Close()
	for round := range 2 {
		if round == 1 {
			w.add(2) // moves every article down two places
			w.edit(12)
		}
		eager, err := BuildSnapshot(ctx, w.st, w.cfg)
		if err != nil {
			t.Fatal(err)
		}
		lazy, deferred, err := buildSnapshot(ctx, w.st, w.cfg, snapshotOptions{cache: newArchiveCache(), maxArchive: -1})
		if err != nil || deferred {
			t.Fatalf("round %d: %v, deferred %v", round, err, deferred)
		}
		for p := range lazy.Resources {
			if strings.HasPrefix(p, "/page/") {
				t.Errorf("round %d: the daemon's snapshot holds %s", round, p)
			}
		}
		if !bytes.Equal(lazy.Resources["/"].Body, eager.Resources["/"].Body) {
			t.Errorf("round %d: the front pages differ", round)
		}
		lazySrv.Publish(lazy)
		eagerSrv := server.New(server.Config{Articles: articleSource{w.st}})
		eagerSrv.Publish(eager)
		eagerTS := httptest.NewServer(eagerSrv)

		var all []string
		if err := w.st.Each(ctx, func(r store.Record) error { all = append(all, r.Slug); return nil }); err != nil {
			t.Fatal(err)
		}
		size := w.cfg.Feed.Items
		count := (len(all) + size - 1) / size
		if got := lazy.IndexPageCount(); got != count || count < 6 {
			t.Fatalf("round %d: %d index pages, want %d (of %d articles)", round, got, count, len(all))
		}
		for n := 2; n <= count+1; n++ {
			path := pages.IndexPagePath(n)
			for _, req := range [][]string{
				{"GET"}, {"GET", "Accept-Encoding", "gzip"}, {"HEAD"}, {"HEAD", "Accept-Encoding", "gzip"},
			} {
				want := getIndexPage(t, eagerTS.URL, req[0], path, req[1:]...)
				got := getIndexPage(t, lazyTS.URL, req[0], path, req[1:]...)
				if n <= count && want.code != http.StatusOK || n > count && want.code != http.StatusNotFound {
					t.Fatalf("round %d: the eager snapshot answers %s %s with %d", round, req, path, want.code)
				}
				if got.code != want.code || !bytes.Equal(got.body, want.body) || fmt.Sprint(got.header) != fmt.Sprint(want.header) {
					t.Errorf("round %d: %v %s:\n got %d %v %d bytes\nwant %d %v %d bytes", round, req, path,
						got.code, got.header, len(got.body), want.code, want.header, len(want.body))
				}
				if want.code != http.StatusOK {
					continue
				}
				// The validators the eager page was served with hold.
				cond := append([]string{"If-None-Match", want.header.Get("Etag")}, req[1:]...)
				if c := getIndexPage(t, lazyTS.URL, "GET", path, cond...).code; c != http.StatusNotModified {
					t.Errorf("round %d: %v %s If-None-Match: %d, want 304", round, req, path, c)
				}
			}
			if n > count {
				continue
			}
			res := eager.Resources[path]
			slugs, heading := indexPageListing(t, getIndexPage(t, lazyTS.URL, "GET", path).body)
			if wantSlugs := all[(n-1)*size : min(n*size, len(all))]; !slices.Equal(slugs, wantSlugs) {
				t.Errorf("round %d: %s lists %v, want %v", round, path, slugs, wantSlugs)
			}
			if want := fmt.Sprintf("Older articles, page %d of %d", n, count); heading != want {
				t.Errorf("round %d: %s heading %q, want %q", round, path, heading, want)
			}
			if !res.LastModified.Equal(eager.Resources["/"].LastModified) {
				t.Errorf("round %d: %s dated %v, the front page %v", round, path, res.LastModified, eager.Resources["/"].LastModified)
			}
		}
		eagerTS.Close()
	}
}

// TestPublishLeavesIndexPagesOut: the daemon's publish puts no older
// index page in the snapshot, serves them on request, and after a new
// article publishes in one step (the archive pages are cached, and the
// index pages are no longer a second step's work).
func TestPublishLeavesIndexPagesOut(t *testing.T) {
	w := newArchiveWorld(t, filepath.Join(t.TempDir(), "state.db"), 3)
	w.add(3 * (archiveInline + 2)) // more archive pages than a first step renders
	ctx := context.Background()
	steps := &publishStepTimes{}
	d, err := newDaemon(w.cfg, w.st, slog.New(steps))
	if err != nil {
		t.Fatal(err)
	}
	for round := range 2 {
		if round == 1 {
			w.add(1)
		}
		steps.reset()
		if !d.publish(ctx, w.cfg) {
			t.Fatalf("round %d: nothing published", round)
		}
		_, _, sawFeeds, sawHistory := steps.get()
		// At the first publish the archive pages are all missing from
		// the cache: they come in a second step.
		if !sawFeeds || sawHistory != (round == 0) {
			t.Errorf("round %d: published the feeds %v, the history %v", round, sawFeeds, sawHistory)
		}
		snap := d.srv.Snapshot()
		for p := range snap.Resources {
			if strings.HasPrefix(p, "/page/") {
				t.Errorf("round %d: the published snapshot holds %s", round, p)
			}
		}
		if snap.IndexPageCount() != (snap.Articles+2)/3 {
			t.Errorf("round %d: %d index pages for %d articles", round, snap.IndexPageCount(), snap.Articles)
		}
		eager, err := BuildSnapshot(ctx, w.st, w.cfg)
		if err != nil {
			t.Fatal(err)
		}
		for n := 2; n <= snap.IndexPageCount()+1; n++ {
			rec := httptest.NewRecorder()
			d.srv.ServeHTTP(rec, httptest.NewRequest("GET", pages.IndexPagePath(n), nil))
			want := eager.Resources[pages.IndexPagePath(n)]
			switch {
			case want == nil && rec.Code != http.StatusNotFound:
				t.Errorf("round %d: page %d past the last: %d", round, n, rec.Code)
			case want != nil && (rec.Code != http.StatusOK || !bytes.Equal(rec.Body.Bytes(), want.Body) || rec.Header().Get("Etag") != want.ETag):
				t.Errorf("round %d: page %d: %d, %d bytes, ETag %s; want %d bytes, %s", round, n, rec.Code, rec.Body.Len(), rec.Header().Get("Etag"), len(want.Body), want.ETag)
			}
		}
	}
}

// TestIndexPagesKey: the key moves with anything an index page shows and
// stays for the same state. Only an index of more than one page (and so an
// archive) is served under it: with one page there is nothing to key.
func TestIndexPagesKey(t *testing.T) {
	mk := func(n int) []store.ArchiveSlot {
		out := make([]store.ArchiveSlot, n)
		for i := range out {
			out[i] = store.ArchiveSlot{Seq: int64(i + 1), ID: fmt.Sprintf("id-%d", i), Slug: fmt.Sprintf("s-%d", i),
				Published: time.Unix(int64(1000*i), 0), Updated: time.Unix(int64(1000*i), 0)}
		}
		return out
	}
	key := func(slots []store.ArchiveSlot, size int, stamp string) string {
		return indexPagesKey(planArchive(slots, int64(len(slots)), size, "meta"), size, stamp)
	}
	n := 12 // four pages
	base := key(mk(n), 3, "stamp")
	if again := key(mk(n), 3, "stamp"); again != base {
		t.Errorf("%d articles: the same state gives %s and %s", n, base, again)
	}
	for name, change := range map[string]func(s []store.ArchiveSlot) []store.ArchiveSlot{
		"edited": func(s []store.ArchiveSlot) []store.ArchiveSlot { s[0].Hash[0] = 1; return s },
		"updated": func(s []store.ArchiveSlot) []store.ArchiveSlot {
			s[1].Updated = s[1].Updated.Add(time.Second)
			return s
		},
		"redated":  func(s []store.ArchiveSlot) []store.ArchiveSlot { s[0].Published = time.Unix(99999, 0); return s },
		"removed":  func(s []store.ArchiveSlot) []store.ArchiveSlot { return append(s[:0:0], s[1:]...) },
		"added":    func(s []store.ArchiveSlot) []store.ArchiveSlot { return mk(len(s) + 1) },
		"new slug": func(s []store.ArchiveSlot) []store.ArchiveSlot { s[1].Slug = "other"; return s },
	} {
		if got := key(change(mk(n)), 3, "stamp"); got == base {
			t.Errorf("%d articles, %s: key unchanged", n, name)
		}
	}
	if key(mk(n), 4, "stamp") == base || key(mk(n), 3, "other stamp") == base {
		t.Errorf("%d articles: page size or configuration left the key unchanged", n)
	}
}

// TestIndexPagesOnDemandStayWithTheirSnapshot: articles stored after a
// snapshot (on a replica, before it hears of them) leave the pages it
// renders on request as they were at that snapshot: the same bytes every
// other server renders for that key, and no article on two pages.
func TestIndexPagesOnDemandStayWithTheirSnapshot(t *testing.T) {
	w := newArchiveWorld(t, filepath.Join(t.TempDir(), "state.db"), 3)
	w.add(10)
	ctx := context.Background()
	d, err := newDaemon(w.cfg, w.st, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	if !d.publish(ctx, w.cfg) {
		t.Fatal("nothing published")
	}
	eager, err := BuildSnapshot(ctx, w.st, w.cfg)
	if err != nil {
		t.Fatal(err)
	}
	w.add(2) // stored, not yet published
	for n := 2; n <= d.srv.Snapshot().IndexPageCount(); n++ {
		rec := httptest.NewRecorder()
		d.srv.ServeHTTP(rec, httptest.NewRequest("GET", pages.IndexPagePath(n), nil))
		want := eager.Resources[pages.IndexPagePath(n)]
		if want == nil || rec.Code != http.StatusOK || !bytes.Equal(rec.Body.Bytes(), want.Body) {
			t.Errorf("page %d after two articles were stored: %d, %d bytes; want the page as published", n, rec.Code, rec.Body.Len())
		}
	}
}
