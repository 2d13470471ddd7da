package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeIndexPages renders a page that names the snapshot's key and its
// number, counting renders; gate, when set, holds each render until it
// is closed, and fail makes renders fail.
type fakeIndexPages struct {
	renders atomic.Int64
	gate    chan struct{}
	fail    atomic.Bool
}

func (f *fakeIndexPages) IndexPage(ctx context.Context, snap *Snapshot, n int) ([]byte, error) {
	f.renders.Add(1)
	if f.gate != nil {
		<-f.gate
	}
	if f.fail.Load() {
		return nil, errors.New("the store is away")
	}
	return fakeIndexPageBody(snap, n), nil
}

func fakeIndexPageBody(snap *Snapshot, n int) []byte {
	return fmt.Appendf(nil, "<!doctype html><title>page %d of %d (%s)</title>%s", n, snap.IndexPageCount(), snap.IndexKey,
		bytes.Repeat([]byte("<p>an older article</p>\n"), 50))
}

// lazyIndexSnapshot is testSnapshot with 95 articles, 20 to an index
// page (five pages), the older pages left to the source.
func lazyIndexSnapshot(key string) *Snapshot {
	snap := testSnapshot(1)
	snap.Articles, snap.IndexPageSize, snap.IndexKey = 95, 20, key
	return snap
}

func TestIndexPageOnDemand(t *testing.T) {
	src := &fakeIndexPages{}
	s := New(Config{IndexPages: src})
	snap := lazyIndexSnapshot("k1")
	s.Publish(snap)
	front := snap.Resources[PathIndex]
	get := func(method, path string, hdr ...string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(method, path, nil)
		for i := 0; i+1 < len(hdr); i += 2 {
			req.Header.Set(hdr[i], hdr[i+1])
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		return rec
	}
	tests := []struct {
		path string
		code int
	}{
		{"/page/2/", 200}, {"/page/5/", 200},
		{"/page/1/", 404}, {"/page/6/", 404}, {"/page/0/", 404}, {"/page/-2/", 404},
		{"/page/02/", 404}, {"/page/+3/", 404}, {"/page/x/", 404}, {"/page/3/x", 404},
		{"/page/99999999999999999999/", 404},
	}
	for _, tc := range tests {
		rec := get("GET", tc.path)
		if rec.Code != tc.code {
			t.Errorf("GET %s: %d, want %d", tc.path, rec.Code, tc.code)
			continue
		}
		if tc.code != 200 {
			continue
		}
		var n int
		fmt.Sscanf(tc.path, "/page/%d/", &n)
		want := NewResourceLevel(fakeIndexPageBody(snap, n), htmlType, front.LastModified, IndexPageGzipLevel)
		h := rec.Header()
		if !bytes.Equal(rec.Body.Bytes(), want.Body) || h.Get("Etag") != want.ETag ||
			h.Get("Last-Modified") != front.LastModified.Format(http.TimeFormat) ||
			h.Get("Content-Type") != htmlType || h.Get("Cache-Control") != "public, max-age=300" ||
			h.Get("Vary") != "Accept-Encoding" || h.Get("Content-Security-Policy") == "" {
			t.Errorf("GET %s: headers %v, body %.60q", tc.path, h, rec.Body.Bytes())
		}
		// gzip, HEAD and the validators work as for a snapshot resource.
		gz := get("GET", tc.path, "Accept-Encoding", "gzip")
		if gz.Code != 200 || gz.Header().Get("Content-Encoding") != "gzip" || gz.Header().Get("Etag") != want.GzipETag ||
			!bytes.Equal(gunzip(t, gz.Body.Bytes()), want.Body) {
			t.Errorf("GET %s with gzip: %d %v", tc.path, gz.Code, gz.Header())
		}
		if head := get("HEAD", tc.path); head.Code != 200 || head.Body.Len() != 0 || head.Header().Get("Etag") != want.ETag {
			t.Errorf("HEAD %s: %d, %d bytes, %v", tc.path, head.Code, head.Body.Len(), head.Header())
		}
		for etag, enc := range map[string]string{want.ETag: "identity", want.GzipETag: "gzip"} {
			if c := get("GET", tc.path, "If-None-Match", etag, "Accept-Encoding", enc).Code; c != http.StatusNotModified {
				t.Errorf("GET %s If-None-Match %s (%s): %d, want 304", tc.path, etag, enc, c)
			}
		}
	}
	if got := src.renders.Load(); got != 2 {
		t.Errorf("%d renders for two pages asked for many times", got)
	}

	// A copy of the snapshot (a scan that changed nothing) keeps the
	// rendered pages; a new key renders them again, with the new bytes.
	s.ReportScan(testBuilt, nil)
	get("GET", "/page/2/")
	if got := src.renders.Load(); got != 2 {
		t.Errorf("%d renders after a scan that changed nothing, want 2", got)
	}
	next := lazyIndexSnapshot("k2")
	next.Articles = 41 // three pages
	s.Publish(next)
	if rec := get("GET", "/page/2/"); !bytes.Equal(rec.Body.Bytes(), fakeIndexPageBody(next, 2)) {
		t.Errorf("after a new snapshot /page/2/ is %.60q", rec.Body.Bytes())
	}
	if c := get("GET", "/page/4/").Code; c != 404 {
		t.Errorf("/page/4/ of three pages: %d", c)
	}
	if got := src.renders.Load(); got != 3 {
		t.Errorf("%d renders, want 3", got)
	}

	// A failed render is a 500 and is not kept.
	src.fail.Store(true)
	if c := get("GET", "/page/3/").Code; c != 500 {
		t.Errorf("failed render: %d, want 500", c)
	}
	src.fail.Store(false)
	if c := get("GET", "/page/3/").Code; c != 200 {
		t.Errorf("after a failed render: %d, want 200", c)
	}

	// Without a key the pages are the snapshot's alone.
	eager := testSnapshot(2)
	eager.Articles, eager.IndexPageSize = 95, 20
	s.Publish(eager)
	if c := get("GET", "/page/2/").Code; c != 404 {
		t.Errorf("/page/2/ of a snapshot without IndexKey nor the page: %d", c)
	}
	// Without a source neither.
	bare := New(Config{})
	bare.Publish(lazyIndexSnapshot("k1"))
	rec := httptest.NewRecorder()
	bare.ServeHTTP(rec, httptest.NewRequest("GET", "/page/2/", nil))
	if rec.Code != 404 {
		t.Errorf("/page/2/ without an IndexPageSource: %d", rec.Code)
	}
}

// TestIndexPageOnDemandConcurrent: readers asking for one page at once
// wait for a single render, and all get its bytes.
func TestIndexPageOnDemandConcurrent(t *testing.T) {
	src := &fakeIndexPages{gate: make(chan struct{})}
	s := New(Config{IndexPages: src})
	snap := lazyIndexSnapshot("k1")
	s.Publish(snap)
	const readers = 32
	var (
		wg      sync.WaitGroup
		arrived atomic.Int64
	)
	bodies := make([][]byte, readers)
	for i := range readers {
		wg.Go(func() {
			rec := httptest.NewRecorder()
			req := httptest.NewRequest("GET", fmt.Sprintf("/page/%d/", 2+i%2), nil)
			arrived.Add(1)
			s.ServeHTTP(rec, req)
			bodies[i] = rec.Body.Bytes()
		})
	}
	// Every reader is in, and the two renders are held at the gate; give
	// the readers time to reach the cache, where they must wait for those
	// renders (a reader that rendered for itself would be held at the
	// gate too, and counted below), before the renders finish.
	for arrived.Load() < readers || src.renders.Load() < 2 {
		runtime.Gosched()
	}
	for end := time.Now().Add(50 * time.Millisecond); time.Now().Before(end) && src.renders.Load() <= 2; {
		runtime.Gosched()
	}
	close(src.gate)
	wg.Wait()
	if got := src.renders.Load(); got != 2 {
		t.Errorf("%d renders for %d readers of two pages", got, readers)
	}
	for i, b := range bodies {
		if !bytes.Equal(b, fakeIndexPageBody(snap, 2+i%2)) {
			t.Errorf("reader %d got %.60q", i, b)
		}
	}
}

// TestIndexPageCacheBounded: with room for a few pages, older ones are
// rendered again when asked for, and the cache never holds more.
func TestIndexPageCacheBounded(t *testing.T) {
	src := &fakeIndexPages{}
	snap := lazyIndexSnapshot("k1")
	snap.Articles = 20 * 40
	one := NewResourceLevel(fakeIndexPageBody(snap, 10), htmlType, testLastMod, IndexPageGzipLevel)
	per := int64(len(one.Body) + len(one.Gzip))
	s := New(Config{IndexPages: src, IndexPageCacheBytes: 3*per + per/2})
	s.Publish(snap)
	for n := 2; n <= 40; n++ {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest("GET", fmt.Sprintf("/page/%d/", n), nil))
		if rec.Code != 200 {
			t.Fatalf("/page/%d/: %d", n, rec.Code)
		}
	}
	s.indexPageCache.mu.Lock()
	held, size := len(s.indexPageCache.byKey), s.indexPageCache.size
	s.indexPageCache.mu.Unlock()
	if held > 3 || size > 3*per+per/2 {
		t.Errorf("cache holds %d pages, %d bytes, bound %d", held, size, 3*per+per/2)
	}
	before := src.renders.Load()
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", "/page/2/", nil))
	if src.renders.Load() != before+1 {
		t.Error("an evicted page was not rendered again")
	}
}
