package server

import (
	"bytes"
	"log/slog"
	"net/http"
	"testing"
)

// TestFavicon: /favicon.ico answers 204 with a cache header, before and
// after the first snapshot, and never logs at warning or error level.
func TestFavicon(t *testing.T) {
	tests := []struct {
		name, method string
		publish      bool
		status       int
		cache        string
	}{
		{"GET", "GET", true, http.StatusNoContent, faviconCacheControl},
		{"HEAD", "HEAD", true, http.StatusNoContent, faviconCacheControl},
		{"before a snapshot", "GET", false, http.StatusNoContent, faviconCacheControl},
		{"POST", "POST", true, http.StatusMethodNotAllowed, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var logs logCapture
			f := newFixture(t, false)
			f.srv = New(Config{Logger: logs.logger(), AccessLog: logs.logger(), Metrics: f.metrics, Articles: f.articles})
			if tt.publish {
				f.srv.Publish(testSnapshot(1))
			}
			for range 3 {
				resp := f.do(t, tt.method, PathFavicon)
				body := readBody(t, resp)
				if resp.StatusCode != tt.status {
					t.Fatalf("status %d, want %d", resp.StatusCode, tt.status)
				}
				if tt.status == http.StatusNoContent && len(body) != 0 {
					t.Errorf("204 with a body %q", body)
				}
				if got := resp.Header.Get("Cache-Control"); tt.cache != "" && got != tt.cache {
					t.Errorf("Cache-Control %q, want %q", got, tt.cache)
				}
			}
			recs := logs.records(t)
			if len(recs) != 3 {
				t.Errorf("%d log lines, want the 3 access lines: %v", len(recs), recs)
			}
			for _, r := range recs {
				var lvl slog.Level
				if err := lvl.UnmarshalText([]byte(r["level"].(string))); err != nil {
					t.Fatal(err)
				}
				if lvl >= slog.LevelWarn || r["msg"] != "request" {
					t.Errorf("logged %v", r)
				}
			}
			if got := counterValue(t, f.metrics, PathFavicon, "204"); tt.status == 204 && got != 3 {
				t.Errorf("counted %v favicon answers, want 3", got)
			}
		})
	}
}

// TestFaviconSiteIcon: with site.icon naming a file, /favicon.ico answers
// with that file (its bytes, type and ETag, a 304 on revalidation); with
// site.icon an address elsewhere, a redirect there; the day's cache
// header either way.
func TestFaviconSiteIcon(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n not really a picture, but bytes to compare")
	tests := []struct {
		name     string
		snap     func() *Snapshot
		status   int
		body     []byte
		location string
	}{
		{"icon file", func() *Snapshot {
			s := testSnapshot(1)
			s.IconPath = "/icon.png"
			s.Resources[s.IconPath] = NewResource(png, "image/png", testLastMod)
			return s
		}, http.StatusOK, png, ""},
		{"icon address", func() *Snapshot {
			s := testSnapshot(1)
			s.Site.Icon = "https://cdn.example.net/icon.svg"
			return s
		}, http.StatusFound, nil, "https://cdn.example.net/icon.svg"},
		{"no icon", func() *Snapshot { return testSnapshot(1) }, http.StatusNoContent, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, false)
			f.srv.Publish(tt.snap())
			resp := f.do(t, "GET", PathFavicon)
			body := readBody(t, resp)
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d", resp.StatusCode, tt.status)
			}
			if !bytes.Equal(body, tt.body) && !(len(body) == 0 && len(tt.body) == 0) {
				t.Errorf("body %q, want %q", body, tt.body)
			}
			if got := resp.Header.Get("Location"); got != tt.location {
				t.Errorf("Location %q, want %q", got, tt.location)
			}
			if got := resp.Header.Get("Cache-Control"); got != faviconCacheControl {
				t.Errorf("Cache-Control %q, want %q", got, faviconCacheControl)
			}
			if tt.status != http.StatusOK {
				return
			}
			if got := resp.Header.Get("Content-Type"); got != "image/png" {
				t.Errorf("Content-Type %q", got)
			}
			etag := resp.Header.Get("ETag")
			if etag == "" {
				t.Fatal("no ETag")
			}
			if again := f.do(t, "GET", PathFavicon, "If-None-Match", etag); again.StatusCode != http.StatusNotModified {
				t.Errorf("revalidation: %d, want 304", again.StatusCode)
			}
		})
	}
}
