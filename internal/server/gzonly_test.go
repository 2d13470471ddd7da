package server

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
)

// gzipOnlyTestBody is a feed-like document large enough for gzip to pay.
func gzipOnlyTestBody() []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom">`)
	for i := range 300 {
		b.WriteString("<entry><title>Harbour story ")
		b.WriteString(strings.Repeat("x", i%17))
		b.WriteString("</title></entry>")
	}
	b.WriteString("</feed>")
	return []byte(b.String())
}

// TestGzipOnlyServesAsBoth: a resource that holds only its gzip form
// answers every request exactly as the same resource holding both forms
// (status, headers and body), through net/http and through the Front.
func TestGzipOnlyServesAsBoth(t *testing.T) {
	body := gzipOnlyTestBody()
	const ct = "application/atom+xml; charset=utf-8"
	both := NewResourceLevel(body, ct, testLastMod, gzip.BestSpeed).WithCacheControl(CacheControlArchive)
	only := NewResourceGzipOnly(body, ct, testLastMod, gzip.BestSpeed).WithCacheControl(CacheControlArchive)
	if only.Body != nil || only.Gzip == nil || !bytes.Equal(only.Gzip, both.Gzip) || only.ETag != both.ETag {
		t.Fatalf("gzip-only resource: body %d bytes, gzip %d, ETag %s vs %s", len(only.Body), len(only.Gzip), only.ETag, both.ETag)
	}
	if id, err := only.Identity(); err != nil || !bytes.Equal(id, body) {
		t.Fatalf("Identity: %d bytes, %v", len(id), err)
	}
	snap := testSnapshot(1)
	snap.Resources["/archive/1/feed.xml"] = both
	snap.Resources["/archive/2/feed.xml"] = only
	s := New(Config{})
	s.Publish(snap)
	base := "http://" + startFrontWith(t, s, NewHTTPServer("127.0.0.1:0", s), s)
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	tests := []struct {
		name, method string
		header       map[string]string
		wantCode     int
		wantBody     []byte
	}{
		{"identity", "GET", nil, 200, body},
		{"gzip", "GET", map[string]string{"Accept-Encoding": "gzip"}, 200, both.Gzip},
		{"identity refused gzip", "GET", map[string]string{"Accept-Encoding": "gzip;q=0, identity"}, 200, body},
		{"head", "HEAD", nil, 200, nil},
		{"not modified", "GET", map[string]string{"If-None-Match": both.ETag}, 304, nil},
		{"gzip not modified", "GET", map[string]string{"Accept-Encoding": "gzip", "If-None-Match": both.GzipETag}, 304, nil},
	}
	for _, tc := range tests {
		for _, via := range []string{"net/http", "front"} {
			var got [2]*http.Response
			var bodies [2][]byte
			for i, path := range []string{"/archive/1/feed.xml", "/archive/2/feed.xml"} {
				req := httptest.NewRequest(tc.method, path, nil)
				for k, v := range tc.header {
					req.Header.Set(k, v)
				}
				if via == "net/http" {
					rec := httptest.NewRecorder()
					s.ServeHTTP(rec, req)
					got[i] = rec.Result()
				} else {
					r, err := http.NewRequest(tc.method, base+path, nil)
					if err != nil {
						t.Fatal(err)
					}
					r.Header = req.Header
					if got[i], err = client.Do(r); err != nil {
						t.Fatal(err)
					}
				}
				b, err := io.ReadAll(got[i].Body)
				got[i].Body.Close()
				if err != nil {
					t.Fatal(err)
				}
				bodies[i] = b
				got[i].Header.Del("Date")
			}
			if got[1].StatusCode != tc.wantCode || !bytes.Equal(bodies[1], tc.wantBody) {
				t.Errorf("%s via %s: %d, %d bytes; want %d, %d bytes", tc.name, via, got[1].StatusCode, len(bodies[1]), tc.wantCode, len(tc.wantBody))
			}
			if got[0].StatusCode != got[1].StatusCode || !bytes.Equal(bodies[0], bodies[1]) || !reflect.DeepEqual(got[0].Header, got[1].Header) {
				t.Errorf("%s via %s: gzip-only answers %d %v, both forms %d %v", tc.name, via, got[1].StatusCode, got[1].Header, got[0].StatusCode, got[0].Header)
			}
		}
	}
}

// A body gzip does not shrink keeps its identity form.
func TestGzipOnlyKeepsIncompressible(t *testing.T) {
	res := NewResourceGzipOnly([]byte("x"), "text/plain", testLastMod, gzip.BestSpeed)
	if id, err := res.Identity(); err != nil || string(id) != "x" || string(res.Body) != "x" {
		t.Errorf("Identity %q, %v; Body %q", id, err, res.Body)
	}
}

// BenchmarkServeArchiveIdentity: a request without gzip for a ~400 KB
// archive page held in both forms ("both") against held as gzip only
// ("gzip-only", decompressed per request).
func BenchmarkServeArchiveIdentity(b *testing.B) {
	var body []byte
	for len(body) < 400<<10 {
		body = append(body, gzipOnlyTestBody()...)
		body = append(body, strings.Repeat("paragraph of article text, ", len(body)%97)...)
	}
	const ct = "application/atom+xml; charset=utf-8"
	for _, tc := range []struct {
		name string
		res  *Resource
	}{
		{"both", NewResourceLevel(body, ct, testLastMod, gzip.BestSpeed)},
		{"gzip-only", NewResourceGzipOnly(body, ct, testLastMod, gzip.BestSpeed)},
	} {
		b.Run(tc.name, func(b *testing.B) {
			snap := testSnapshot(1)
			snap.Resources["/archive/1/feed.xml"] = tc.res
			s := New(Config{})
			s.Publish(snap)
			req := httptest.NewRequest("GET", "/archive/1/feed.xml", nil)
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for b.Loop() {
				rec := httptest.NewRecorder()
				s.ServeHTTP(rec, req)
				if rec.Body.Len() != len(body) {
					b.Fatalf("%d bytes", rec.Body.Len())
				}
			}
		})
	}
}
