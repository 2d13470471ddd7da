package server

import (
	"bytes"
	"net/http"
	"strconv"
	"testing"
	"time"
)

func TestFeedHeaders(t *testing.T) {
	f := newFixture(t, true)
	snap := f.srv.Snapshot()
	for path, ct := range testTypes {
		t.Run(path, func(t *testing.T) {
			res := snap.Resources[path]
			resp := f.do(t, "GET", path)
			body := readBody(t, resp)
			vary := "Accept-Encoding"
			if res.Page != nil { // feeds with a page for browsers
				vary = "Accept-Encoding, Accept"
			}
			want := map[string]string{
				"Content-Type":           ct,
				"Etag":                   res.ETag,
				"Last-Modified":          "Mon, 25 Mar 2024 09:30:16 GMT",
				"Cache-Control":          "public, max-age=300",
				"Vary":                   vary,
				"Content-Length":         strconv.Itoa(len(res.Body)),
				"X-Content-Type-Options": "nosniff",
				"Content-Encoding":       "",
			}
			if resp.StatusCode != 200 {
				t.Fatalf("status %d", resp.StatusCode)
			}
			for k, v := range want {
				if got := resp.Header.Get(k); got != v {
					t.Errorf("%s = %q, want %q", k, got, v)
				}
			}
			if !bytes.Equal(body, res.Body) {
				t.Error("body differs from the snapshot's")
			}
			if got := hashETag(body); got != res.ETag {
				t.Errorf("ETag %s is not the hash of the body (%s)", res.ETag, got)
			}
			isHTML := ct == "text/html; charset=utf-8"
			if got := resp.Header.Get("Content-Security-Policy") != ""; got != isHTML {
				t.Errorf("CSP present = %v, want %v", got, isHTML)
			}
		})
	}
}

func TestGzipNegotiation(t *testing.T) {
	f := newFixture(t, true)
	res := f.srv.Snapshot().Resources[PathFeed]
	if res.Gzip == nil || res.GzipETag == res.ETag {
		t.Fatal("resource has no distinct gzip form")
	}
	tests := []struct {
		accept string
		gzip   bool
	}{
		{"", false},
		{"gzip", true},
		{"GZIP", true},
		{"x-gzip", true},
		{"deflate, gzip;q=1.0, br", true},
		{"gzip;q=0.5", true},
		{"gzip;q=0.001", true},
		{"gzip;q=0", false},
		{"gzip; q=0.000", false},
		{"gzip;Q=0", false},
		{"gzip;level=9;q=0", false},
		{"br;q=1, gzip;q=0", false},
		{"*", true},
		{"*;q=0", false},
		{"*;q=0.1, gzip;q=0", false},
		{"gzip;q=0, *", false},
		{"identity", false},
		{"deflate, br", false},
		{"gzipx", false},
		{"gzip;q=bogus", false},
		{" gzip ,deflate", true},
	}
	for _, tt := range tests {
		t.Run(tt.accept, func(t *testing.T) {
			resp := f.do(t, "GET", PathFeed, "Accept-Encoding", tt.accept)
			body := readBody(t, resp)
			gotGzip := resp.Header.Get("Content-Encoding") == "gzip"
			if gotGzip != tt.gzip {
				t.Fatalf("gzip = %v, want %v", gotGzip, tt.gzip)
			}
			wantETag, wantBody := res.ETag, res.Body
			if tt.gzip {
				wantETag, wantBody = res.GzipETag, res.Gzip
				if !bytes.Equal(gunzip(t, body), res.Body) {
					t.Error("gzip body does not decompress to the plain body")
				}
			}
			if !bytes.Equal(body, wantBody) {
				t.Error("wrong body")
			}
			if resp.Header.Get("Etag") != wantETag || hashETag(body) != wantETag {
				t.Errorf("ETag %q, want %q (hash of the bytes sent)", resp.Header.Get("Etag"), wantETag)
			}
			if resp.Header.Get("Content-Length") != strconv.Itoa(len(wantBody)) {
				t.Errorf("Content-Length %q, want %d", resp.Header.Get("Content-Length"), len(wantBody))
			}
			if resp.Header.Get("Vary") != "Accept-Encoding, Accept" {
				t.Errorf("Vary %q, want Accept-Encoding, Accept", resp.Header.Get("Vary"))
			}
		})
	}
}

func TestConditional(t *testing.T) {
	f := newFixture(t, true)
	res := f.srv.Snapshot().Resources[PathFeed]
	lm := res.LastModified.Format(http.TimeFormat)
	tests := []struct {
		name string
		hdr  []string
		want int
	}{
		{"none", nil, 200},
		{"inm exact", []string{"If-None-Match", res.ETag}, 304},
		{"inm weak", []string{"If-None-Match", "W/" + res.ETag}, 304},
		{"inm list", []string{"If-None-Match", `"aaa", W/"bbb", ` + res.ETag}, 304},
		{"inm list no space", []string{"If-None-Match", `"a,b",` + res.ETag}, 304},
		{"inm two fields", []string{"If-None-Match", `"aaa"`, "If-None-Match", res.ETag}, 304},
		{"inm star", []string{"If-None-Match", "*"}, 304},
		{"inm other", []string{"If-None-Match", `"0123"`}, 200},
		{"inm unquoted", []string{"If-None-Match", res.ETag[1 : len(res.ETag)-1]}, 200},
		{"inm gzip etag for plain", []string{"If-None-Match", res.GzipETag}, 200},
		{"inm empty", []string{"If-None-Match", ""}, 200},
		{"ims equal", []string{"If-Modified-Since", lm}, 304},
		{"ims later", []string{"If-Modified-Since", res.LastModified.Add(time.Hour).Format(http.TimeFormat)}, 304},
		{"ims earlier", []string{"If-Modified-Since", res.LastModified.Add(-time.Second).Format(http.TimeFormat)}, 200},
		{"ims rfc850", []string{"If-Modified-Since", res.LastModified.Format(time.RFC850)}, 304},
		{"ims garbage", []string{"If-Modified-Since", "yesterday"}, 200},
		// If-None-Match takes precedence over If-Modified-Since.
		{"inm miss ims hit", []string{"If-None-Match", `"old"`, "If-Modified-Since", lm}, 200},
		{"inm hit ims miss", []string{"If-None-Match", res.ETag, "If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT"}, 304},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, method := range []string{"GET", "HEAD"} {
				resp := f.do(t, method, PathFeed, tt.hdr...)
				body := readBody(t, resp)
				if resp.StatusCode != tt.want {
					t.Fatalf("%s: status %d, want %d", method, resp.StatusCode, tt.want)
				}
				if tt.want == 304 {
					if len(body) != 0 {
						t.Errorf("%s: 304 with a body", method)
					}
					for _, k := range []string{"Etag", "Cache-Control", "Vary", "Last-Modified"} {
						if resp.Header.Get(k) == "" {
							t.Errorf("%s: 304 lacks %s", method, k)
						}
					}
				}
			}
		})
	}

	t.Run("gzip etag", func(t *testing.T) {
		resp := f.do(t, "GET", PathFeed, "Accept-Encoding", "gzip", "If-None-Match", res.GzipETag)
		if resp.StatusCode != 304 || resp.Header.Get("Etag") != res.GzipETag {
			t.Errorf("status %d ETag %q, want 304 with the gzip ETag", resp.StatusCode, resp.Header.Get("Etag"))
		}
	})
}

func TestHead(t *testing.T) {
	f := newFixture(t, true)
	for _, gz := range []string{"", "gzip"} {
		get := f.do(t, "GET", PathRSS, "Accept-Encoding", gz)
		getBody := readBody(t, get)
		head := f.do(t, "HEAD", PathRSS, "Accept-Encoding", gz)
		if b := readBody(t, head); len(b) != 0 {
			t.Errorf("HEAD %q: %d body bytes", gz, len(b))
		}
		if head.StatusCode != 200 {
			t.Errorf("HEAD %q: status %d", gz, head.StatusCode)
		}
		for k := range get.Header {
			if head.Header.Get(k) != get.Header.Get(k) {
				t.Errorf("HEAD %q: %s = %q, GET had %q", gz, k, head.Header.Get(k), get.Header.Get(k))
			}
		}
		if head.Header.Get("Content-Length") != strconv.Itoa(len(getBody)) {
			t.Errorf("HEAD %q: Content-Length %q, want %d", gz, head.Header.Get("Content-Length"), len(getBody))
		}
	}
}

func TestMethodNotAllowed(t *testing.T) {
	f := newFixture(t, true)
	paths := []string{PathFeed, PathAtom, PathRSS, PathJSON, PathStylesheet, "/", "/articles/ferry-timetable", "/healthz", "/metrics"}
	for _, path := range paths {
		for _, method := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"} {
			resp := f.do(t, method, path)
			if resp.StatusCode != http.StatusMethodNotAllowed {
				t.Errorf("%s %s: status %d, want 405", method, path, resp.StatusCode)
			}
			if got := resp.Header.Get("Allow"); got != "GET, HEAD" {
				t.Errorf("%s %s: Allow %q", method, path, got)
			}
		}
	}
	if f.articles.calls.Load() != 0 {
		t.Error("a refused method reached the article source")
	}
}

func TestNotFound(t *testing.T) {
	f := newFixture(t, true)
	for _, path := range []string{"/nope", "/feed.xml/", "/index.html", "/articles", "/articles/", "/FEED.XML"} {
		resp := f.do(t, "GET", path)
		body := readBody(t, resp)
		if resp.StatusCode != 404 {
			t.Errorf("GET %s: status %d, want 404", path, resp.StatusCode)
			continue
		}
		if resp.Header.Get("Content-Security-Policy") == "" || !bytes.Contains(body, []byte("Not found")) {
			t.Errorf("GET %s: not the HTML not-found page with CSP", path)
		}
	}
}

func TestBeforeFirstSnapshot(t *testing.T) {
	f := newFixture(t, false)
	for _, path := range []string{PathFeed, "/", "/articles/ferry-timetable"} {
		resp := f.do(t, "GET", path)
		if resp.StatusCode != 503 || resp.Header.Get("Retry-After") == "" {
			t.Errorf("GET %s: status %d, Retry-After %q; want 503 with Retry-After", path, resp.StatusCode, resp.Header.Get("Retry-After"))
		}
	}
	if f.articles.calls.Load() != 0 {
		t.Error("article source asked before the first snapshot")
	}
}

func TestPublishSwaps(t *testing.T) {
	f := newFixture(t, true)
	before := f.do(t, "GET", PathFeed).Header.Get("Etag")
	f.srv.Publish(testSnapshot(2))
	resp := f.do(t, "GET", PathFeed, "If-None-Match", before)
	if resp.StatusCode != 200 || resp.Header.Get("Etag") == before {
		t.Errorf("after Publish: status %d ETag %q; want the new feed", resp.StatusCode, resp.Header.Get("Etag"))
	}
	if got := readBody(t, resp); !bytes.Equal(got, testFeed(PathFeed, 2)) {
		t.Error("body is not the new snapshot's")
	}
}

func TestResourceDeterministic(t *testing.T) {
	body := testFeed("x", 1)
	a := NewResource(body, "application/atom+xml; charset=utf-8", testLastMod)
	b := NewResource(bytes.Clone(body), "application/atom+xml; charset=utf-8", testLastMod)
	if a.ETag != b.ETag || a.GzipETag != b.GzipETag || !bytes.Equal(a.Gzip, b.Gzip) {
		t.Error("the same bytes gave different ETags or gzip forms")
	}
	if tiny := NewResource([]byte("{}"), "application/json", testLastMod); tiny.Gzip != nil {
		t.Error("kept a gzip form larger than the body")
	}
	if nolm := NewResource(body, "text/plain", time.Time{}); nolm.lastModified != nil {
		t.Error("zero modification time produced a Last-Modified header")
	}
}
