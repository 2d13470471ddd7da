package main

import (
	"bytes"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
)

const (
	plainHdr = "HTTP/1.1 200 OK\r\nCache-Control: public, max-age=300\r\nContent-Length: 5\r\n" +
		"Content-Type: application/atom+xml; charset=utf-8\r\nEtag: \"p\"\r\nVary: Accept-Encoding\r\nDate: Mon, 01 Jan 2026 00:00:00 GMT\r\n\r\n"
	gzipHdr = "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Type: application/atom+xml; charset=utf-8\r\n" +
		"Etag: \"g\"\r\nVary: Accept-Encoding\r\n\r\n"
	notModHdr = "HTTP/1.1 304 Not Modified\r\nEtag: \"g\"\r\nVary: Accept-Encoding\r\n\r\n"
)

func fixture(t *testing.T) *ceiling {
	t.Helper()
	dir := t.TempDir()
	for name, body := range map[string]string{
		"plain.hdr": plainHdr, "gzip.hdr": gzipHdr, "304.hdr": notModHdr,
		"feed.xml": "plain", "feed.xml.gz": "gz",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, err := load(dir)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCeiling(t *testing.T) {
	for _, sendfile := range []bool{false, true} {
		c := fixture(t)
		c.sendfile = sendfile
		t.Run(map[bool]string{false: "memory", true: "sendfile"}[sendfile], func(t *testing.T) { testCeiling(t, c) })
	}
}

func testCeiling(t *testing.T, c *ceiling) {
	tests := []struct {
		name, ae, inm string
		code          int
		body, etag    string
		encoding      string
	}{
		{"plain", "", "", 200, "plain", `"p"`, ""},
		{"gzip", "gzip, br", "", 200, "gz", `"g"`, "gzip"},
		{"gzip 304", "gzip", `"g"`, 304, "", `"g"`, ""},
		{"plain 304", "", `"p"`, 304, "", `"p"`, ""},
		{"stale etag", "gzip", `"p"`, 200, "gz", `"g"`, "gzip"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest("GET", "/feed.xml", nil)
			if tt.ae != "" {
				req.Header.Set("Accept-Encoding", tt.ae)
			}
			if tt.inm != "" {
				req.Header.Set("If-None-Match", tt.inm)
			}
			rec := httptest.NewRecorder()
			c.ServeHTTP(rec, req)
			if rec.Code != tt.code || rec.Body.String() != tt.body {
				t.Fatalf("got %d %q, want %d %q", rec.Code, rec.Body, tt.code, tt.body)
			}
			if got := rec.Header().Get("Etag"); got != tt.etag {
				t.Errorf("ETag %q, want %q", got, tt.etag)
			}
			if got := rec.Header().Get("Content-Encoding"); got != tt.encoding {
				t.Errorf("Content-Encoding %q, want %q", got, tt.encoding)
			}
			if rec.Header().Get("Date") != "" {
				t.Error("captured Date header replayed")
			}
		})
	}
}

func TestParseHeaderDropsWhatNetHTTPWrites(t *testing.T) {
	h := parseHeader([]byte(plainHdr))
	for _, k := range []string{"Date", "Content-Length"} {
		if _, ok := h[k]; ok {
			t.Errorf("%s kept", k)
		}
	}
	if got := h.Get("Cache-Control"); got != "public, max-age=300" {
		t.Errorf("Cache-Control %q", got)
	}
	if c := fixture(t); !bytes.Equal([]byte(c.plain.header.Get("Content-Length")), []byte("5")) {
		t.Errorf("Content-Length %q, want the body's length", c.plain.header.Get("Content-Length"))
	}
}

func TestLoadNeedsETag(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"plain.hdr", "gzip.hdr", "304.hdr", "feed.xml", "feed.xml.gz"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("HTTP/1.1 200 OK\r\n\r\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := load(dir); err == nil {
		t.Fatal("load accepted headers without an ETag")
	}
}
