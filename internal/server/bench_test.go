package server

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"seedfeed/internal/front"
	"seedfeed/internal/mhtml"
)

// discardWriter is a ResponseWriter whose header map is reused across
// requests, so a benchmark counts only the handler's own allocations.
type discardWriter struct {
	h    http.Header
	code int
	n    int
}

func (w *discardWriter) Header() http.Header  { return w.h }
func (w *discardWriter) WriteHeader(code int) { w.code = code }
func (w *discardWriter) Write(b []byte) (int, error) {
	w.n += len(b)
	return len(b), nil
}

func benchCases(b *testing.B, srv *Server) []struct {
	name string
	req  *http.Request
	code int
} {
	res := srv.Snapshot().Resources[PathFeed]
	mk := func(hdr ...string) *http.Request {
		req, err := http.NewRequest("GET", "http://example.org"+PathFeed, nil)
		if err != nil {
			b.Fatal(err)
		}
		req.RequestURI = PathFeed
		for i := 0; i+1 < len(hdr); i += 2 {
			req.Header.Set(hdr[i], hdr[i+1])
		}
		return req
	}
	return []struct {
		name string
		req  *http.Request
		code int
	}{
		{"plain", mk("User-Agent", "bench"), 200},
		{"gzip", mk("Accept-Encoding", "gzip, deflate, br"), 200},
		{"304", mk("Accept-Encoding", "gzip", "If-None-Match", res.GzipETag), 304},
		{"reader", mk("Accept-Encoding", "gzip", "Accept", simplepieAccept), 200},
		{"browser", mk("Accept-Encoding", "gzip, deflate, br", "Accept", chromeAccept), 200},
	}
}

// benchFixture serves a feed with a page for browsers, as the daemon's
// are, so that Accept negotiation is part of the measurement.
func benchFixture(b *testing.B) *fixture {
	return newFixture(b, true)
}

// BenchmarkServeFeed measures the whole seedfeed handler (metrics
// middleware, path check, mux, feed handler) on /feed.xml.
func BenchmarkServeFeed(b *testing.B) {
	f := benchFixture(b)
	for _, bc := range benchCases(b, f.srv) {
		b.Run(bc.name, func(b *testing.B) {
			w := &discardWriter{h: make(http.Header, 16)}
			b.ReportAllocs()
			for b.Loop() {
				clear(w.h)
				w.code, w.n = 0, 0
				f.srv.ServeHTTP(w, bc.req)
			}
			if w.code != bc.code {
				b.Fatalf("status %d, want %d", w.code, bc.code)
			}
		})
	}
}

// BenchmarkServeIndex is BenchmarkServeFeed for the HTML index, which
// carries the security headers as well.
func BenchmarkServeIndex(b *testing.B) {
	f := newFixture(b, true)
	for _, ae := range []string{"", "gzip"} {
		req, err := http.NewRequest("GET", "http://example.org/", nil)
		if err != nil {
			b.Fatal(err)
		}
		req.RequestURI = "/"
		req.Header.Set("Accept-Encoding", ae)
		b.Run("accept="+ae, func(b *testing.B) {
			w := &discardWriter{h: make(http.Header, 16)}
			b.ReportAllocs()
			for b.Loop() {
				clear(w.h)
				f.srv.ServeHTTP(w, req)
			}
			if w.code != 200 {
				b.Fatalf("status %d", w.code)
			}
		})
	}
}

// BenchmarkServeFeedHTTP runs the same requests through a real net/http
// server over loopback, next to a minimal handler that writes the same
// bytes from memory with the same headers (Go's own ceiling). The client
// is a raw keep-alive connection so that allocations are the server's.
func BenchmarkServeFeedHTTP(b *testing.B) {
	f := benchFixture(b)
	res := f.srv.Snapshot().Resources[PathFeed]
	minimal := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		gz := r.Header.Get("Accept-Encoding") != ""
		etag, body := res.ETag, res.Body
		if gz {
			etag, body = res.GzipETag, res.Gzip
			h.Set("Content-Encoding", "gzip")
		}
		h.Set("Etag", etag)
		h.Set("Vary", "Accept-Encoding, Accept")
		h.Set("Cache-Control", "public, max-age=300")
		h.Set("Last-Modified", res.lastModStr)
		h.Set("X-Content-Type-Options", "nosniff")
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		h.Set("Content-Type", res.ContentType)
		h.Set("Content-Length", strconv.Itoa(len(body)))
		_, _ = w.Write(body)
	})
	kinds := []struct{ name, extra string }{
		{"plain", ""},
		{"gzip", "Accept-Encoding: gzip\r\n"},
		{"304", "Accept-Encoding: gzip\r\nIf-None-Match: " + res.GzipETag + "\r\n"},
		{"reader", "Accept: " + minifluxAccept + "\r\nAccept-Encoding: gzip\r\n"},
		{"browser", "Accept: " + chromeAccept + "\r\nAccept-Encoding: gzip\r\n"},
	}
	for _, handler := range []struct {
		name  string
		h     http.Handler
		front bool
	}{{"front", f.srv, true}, {"seedfeed", f.srv, false}, {"minimal", minimal, false}} {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			b.Fatal(err)
		}
		srv := NewHTTPServer("", handler.h)
		var fr *front.Front
		if handler.front {
			fr = NewFront(f.srv, srv)
			go func() { _ = fr.Serve(ln) }()
		} else {
			go func() { _ = srv.Serve(ln) }()
		}
		for _, k := range kinds {
			b.Run(handler.name+"/"+k.name, func(b *testing.B) {
				conn, err := net.Dial("tcp", ln.Addr().String())
				if err != nil {
					b.Fatal(err)
				}
				defer conn.Close()
				req := []byte("GET /feed.xml HTTP/1.1\r\nHost: bench\r\n" + k.extra + "\r\n")
				br := bufio.NewReaderSize(conn, 64<<10)
				b.ReportAllocs()
				for b.Loop() {
					if _, err := conn.Write(req); err != nil {
						b.Fatal(err)
					}
					if err := readRawResponse(br); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
		if fr != nil {
			_ = fr.Shutdown(context.Background())
		} else {
			_ = srv.Close()
		}
	}
}

// readRawResponse consumes one response, using Content-Length, without
// allocating.
func readRawResponse(br *bufio.Reader) error {
	length := 0
	for first := true; ; first = false {
		line, err := br.ReadSlice('\n')
		if err != nil {
			return err
		}
		if first && !bytes.HasPrefix(line, []byte("HTTP/1.1 200")) && !bytes.HasPrefix(line, []byte("HTTP/1.1 304")) {
			return fmt.Errorf("status line %q", line)
		}
		if len(line) <= 2 {
			break
		}
		if v, ok := bytes.CutPrefix(line, []byte("Content-Length: ")); ok {
			for _, c := range bytes.TrimSpace(v) {
				length = length*10 + int(c-'0')
			}
		}
	}
	_, err := br.Discard(length)
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// BenchmarkAcceptWantsHTML measures the Accept check every request to an
// XML feed makes, on a long reader header and a browser's.
func BenchmarkAcceptWantsHTML(b *testing.B) {
	for name, accept := range map[string]string{"simplepie": simplepieAccept, "chromium": chromeAccept} {
		fields := []string{accept}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				acceptWantsHTML(fields)
			}
		})
	}
}

// BenchmarkSavedPicture: the last of fifty 20 KB pictures of a saved
// page, served from the kept pictures ("kept") against reading the
// archive for it ("read"), as every request did before the cache.
func BenchmarkSavedPicture(b *testing.B) {
	var arc strings.Builder
	arc.WriteString("Content-Type: multipart/related; boundary=b\r\n\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>x</p>\r\n")
	pic := base64.StdEncoding.EncodeToString(bytes.Repeat([]byte("harbour "), 20<<10/8))
	for range 50 {
		arc.WriteString("--b\r\nContent-Type: image/jpeg\r\nContent-Transfer-Encoding: base64\r\n\r\n" + pic + "\r\n")
	}
	arc.WriteString("--b--\r\n")
	data := []byte(arc.String())
	srv := New(Config{Files: fstest.MapFS{"ferry.mhtml": {Data: data, ModTime: time.Unix(1e9, 0)}}})
	srv.Publish(testSnapshot(1))
	b.Run("kept", func(b *testing.B) {
		req := httptest.NewRequest("GET", "/files/ferry.mhtml/51.jpg", nil)
		b.ReportAllocs()
		for b.Loop() {
			rec := httptest.NewRecorder()
			srv.ServeHTTP(rec, req)
			if rec.Code != 200 {
				b.Fatal(rec.Code)
			}
		}
	})
	b.Run("read", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, ok, err := mhtml.Picture(bytes.NewReader(data), "51.jpg", MaxSavedPicture); !ok || err != nil {
				b.Fatal(ok, err)
			}
		}
	})
}
