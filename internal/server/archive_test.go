package server

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// archiveTestSnapshot is testSnapshot plus two archive pages (the older
// complete, the newer still filling) and a second index page.
func archiveTestSnapshot() *Snapshot {
	snap := testSnapshot(1)
	snap.Add("/archive/1/feed.xml", testFeed("archive 1", 1), "application/atom+xml; charset=utf-8", testLastMod).
		WithCacheControl(CacheControlArchive)
	snap.Add("/archive/1/feed.json", testFeed("archive 1 json", 1), "application/feed+json; charset=utf-8", testLastMod).
		WithCacheControl(CacheControlArchive)
	snap.Add("/archive/2/rss.xml", testFeed("archive 2", 1), "application/rss+xml; charset=utf-8", testLastMod)
	snap.Add("/page/2/", testFeed("page 2", 1), "text/html; charset=utf-8", testLastMod)
	return snap
}

func TestArchiveRoutes(t *testing.T) {
	s := New(Config{})
	s.Publish(archiveTestSnapshot())
	tests := []struct {
		method, path string
		code         int
		cacheControl string
		contentType  string
	}{
		{"GET", "/archive/1/feed.xml", 200, CacheControlArchive, "application/atom+xml; charset=utf-8"},
		{"HEAD", "/archive/1/feed.xml", 200, CacheControlArchive, "application/atom+xml; charset=utf-8"},
		{"GET", "/archive/1/feed.json", 200, CacheControlArchive, "application/feed+json; charset=utf-8"},
		{"GET", "/archive/2/rss.xml", 200, "public, max-age=300", "application/rss+xml; charset=utf-8"},
		{"GET", "/page/2/", 200, "public, max-age=300", "text/html; charset=utf-8"},
		{"GET", "/archive/2/feed.xml", 404, "", ""},
		{"GET", "/archive/01/feed.xml", 404, "", ""},
		{"GET", "/archive/1/feed.xml/", 404, "", ""},
		{"GET", "/page/1/", 404, "", ""},
		{"GET", "/page/3/", 404, "", ""},
		{"GET", "/page/2/x", 404, "", ""},
		{"POST", "/archive/1/feed.xml", 405, "", ""},
		{"POST", "/page/2/", 405, "", ""},
	}
	for _, tc := range tests {
		req := httptest.NewRequest(tc.method, tc.path, nil)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != tc.code {
			t.Errorf("%s %s: %d, want %d", tc.method, tc.path, rec.Code, tc.code)
			continue
		}
		if tc.code != 200 {
			continue
		}
		h := rec.Header()
		if h.Get("Cache-Control") != tc.cacheControl || h.Get("Content-Type") != tc.contentType ||
			h.Get("Etag") == "" || h.Get("Last-Modified") == "" {
			t.Errorf("%s %s: headers %v", tc.method, tc.path, h)
		}
		// The validators work as for the feeds.
		req = httptest.NewRequest("GET", tc.path, nil)
		req.Header.Set("If-None-Match", h.Get("Etag"))
		rec = httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != http.StatusNotModified || rec.Header().Get("Cache-Control") != tc.cacheControl {
			t.Errorf("%s conditional: %d, Cache-Control %q", tc.path, rec.Code, rec.Header().Get("Cache-Control"))
		}
	}
}

// The Front, which answers feed requests itself, must send an archive
// page's own Cache-Control too.
func TestArchiveCacheControlThroughFront(t *testing.T) {
	s := New(Config{})
	s.Publish(archiveTestSnapshot())
	base := "http://" + startFrontWith(t, s, NewHTTPServer("127.0.0.1:0", s), s)
	for path, want := range map[string]string{
		"/archive/1/feed.xml": CacheControlArchive,
		"/archive/2/rss.xml":  "public, max-age=300",
		"/feed.xml":           "public, max-age=300",
	} {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 || resp.Header.Get("Cache-Control") != want {
			t.Errorf("%s: %d Cache-Control %q, want %q", path, resp.StatusCode, resp.Header.Get("Cache-Control"), want)
		}
	}
}
