package server

import (
	"bufio"
	"context"
	"io"
	"log/slog"
	"net"
	"net/netip"
	"testing"
)

// BenchmarkAccessLog measures what the access log costs: the Front over
// loopback (as BenchmarkServeFeedHTTP/front) and the net/http handler in
// process (as BenchmarkServeFeed), each with the log off and on. "on"
// formats every line with slog's text handler into io.Discard, so it
// counts the formatting, not the disk or journal the line goes to.
// Compare "off" with BenchmarkServeFeedHTTP/front and BenchmarkServeFeed
// built from the commit before the access log.
func BenchmarkAccessLog(b *testing.B) {
	for _, mode := range []string{"off", "on"} {
		f := benchFixture(b)
		var access *slog.Logger
		if mode == "on" {
			access = slog.New(slog.NewTextHandler(io.Discard, nil))
		}
		f.srv = New(Config{Metrics: f.metrics, Articles: f.articles, AccessLog: access,
			TrustedProxies: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}})
		snap := testSnapshot(1)
		snap.Add(PathFeed, testFeed(PathFeed, 1), testTypes[PathFeed], testLastMod)
		f.srv.Publish(snap)
		res := f.srv.Snapshot().Resources[PathFeed]

		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			b.Fatal(err)
		}
		front := NewFront(f.srv, NewHTTPServer("", f.srv))
		go func() { _ = front.Serve(ln) }()
		const ua = "User-Agent: Miniflux/2.2.6 (https://miniflux.app)\r\n"
		for _, k := range []struct{ name, extra string }{
			{"plain", ua},
			{"gzip", ua + "Accept-Encoding: gzip\r\n"},
			{"304", ua + "Accept-Encoding: gzip\r\nIf-None-Match: " + res.GzipETag + "\r\n"},
		} {
			b.Run("front/"+mode+"/"+k.name, func(b *testing.B) {
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
		_ = front.Shutdown(context.Background())

		for _, c := range benchCases(b, f.srv) {
			c.req.RemoteAddr = "127.0.0.1:40000"
			b.Run("http/"+mode+"/"+c.name, func(b *testing.B) {
				w := &discardWriter{h: make(map[string][]string, 16)}
				b.ReportAllocs()
				for b.Loop() {
					clear(w.h)
					f.srv.ServeHTTP(w, c.req)
				}
				if w.code != c.code {
					b.Fatalf("status %d, want %d", w.code, c.code)
				}
			})
		}
	}
}
