package server

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
)

var testHubs = []string{"https://hub.example.net/", "http://127.0.0.1:9/websub?a=1&b=2"}

// linkedSnapshot is testSnapshot with every feed sent with the WebSub Link
// lines of its own URL.
func linkedSnapshot(gen int) *Snapshot {
	snap := testSnapshot(gen)
	for _, p := range []string{PathFeed, PathAtom, PathRSS, PathJSON} {
		old := snap.Resources[p]
		snap.Resources[p] = NewResourceWithLinks(old.Body, old.ContentType, old.LastModified,
			WebSubLinks(testHubs, "https://news.example.org"+p))
	}
	return snap
}

func TestWebSubLinks(t *testing.T) {
	if got := WebSubLinks(nil, "https://x.example/feed.xml"); got != nil {
		t.Errorf("no hubs: %q, want no lines", got)
	}
	got := WebSubLinks(testHubs, "https://news.example.org/rss.xml")
	want := []string{
		`<https://hub.example.net/>; rel="hub"`,
		`<http://127.0.0.1:9/websub?a=1&b=2>; rel="hub"`,
		`<https://news.example.org/rss.xml>; rel="self"`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// linkLines returns the values of the Link header lines of the first
// response in a raw exchange.
func linkLines(raw string) []string {
	head, _, _ := strings.Cut(raw, "\r\n\r\n")
	var out []string
	for _, l := range strings.Split(head, "\r\n") {
		if v, ok := strings.CutPrefix(l, "Link: "); ok {
			out = append(out, v)
		}
	}
	return out
}

// The Link lines go out with every answer a feed gets, 200 and 304, plain
// and gzip, GET and HEAD, for a reader and for a browser, and the Front
// sends the same bytes as net/http without ever falling back to it.
func TestFeedLinkHeadersOnBothPaths(t *testing.T) {
	f := newFixture(t, false)
	f.srv.Publish(linkedSnapshot(1))
	std := startHTTP(t, NewHTTPServer("", f.srv))
	front := startFrontWith(t, f.srv, NewHTTPServer("", f.srv), http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("net/http got %s %s", r.Method, r.URL)
		http.Error(w, "fallback", http.StatusTeapot)
	}))
	snap := f.srv.Snapshot()
	for _, p := range []string{PathFeed, PathAtom, PathRSS, PathJSON} {
		res := snap.Resources[p]
		want := WebSubLinks(testHubs, "https://news.example.org"+p)
		cases := []struct{ name, extra, status string }{
			{"200", "", "200 OK"},
			{"gzip", "Accept-Encoding: gzip\r\n", "200 OK"},
			{"304 etag", "If-None-Match: " + res.ETag + "\r\n", "304 Not Modified"},
			{"304 gzip etag", "Accept-Encoding: gzip\r\nIf-None-Match: " + res.GzipETag + "\r\n", "304 Not Modified"},
			{"304 date", "If-Modified-Since: " + res.lastModStr + "\r\n", "304 Not Modified"},
			{"browser", "Accept: text/html,application/xml;q=0.9\r\n", "200 OK"},
		}
		for _, method := range []string{"GET", "HEAD"} {
			for _, tc := range cases {
				raw := method + " " + p + " HTTP/1.1\r\nHost: x\r\n" + tc.extra + "\r\n"
				got, ref := exchange(t, front, raw), exchange(t, std, raw)
				name := method + " " + p + " " + tc.name
				if got != ref {
					t.Errorf("%s: front and net/http differ\nfront:\n%.1500q\nnet/http:\n%.1500q", name, got, ref)
				}
				if !strings.HasPrefix(got, "HTTP/1.1 "+tc.status) {
					t.Errorf("%s: %.60q, want %s", name, got, tc.status)
				}
				if lines := linkLines(got); !slices.Equal(lines, want) {
					t.Errorf("%s: Link lines %q, want %q", name, lines, want)
				}
			}
		}
	}
	// Resources without links send none.
	for _, p := range []string{PathIndex, PathStylesheet} {
		if lines := linkLines(exchange(t, front, "GET "+p+" HTTP/1.1\r\nHost: x\r\n\r\n")); lines != nil {
			t.Errorf("%s: Link lines %q, want none", p, lines)
		}
	}
	// The handler alone (no Front) sends one header per line too.
	resp := f.do(t, http.MethodGet, PathRSS)
	if got := resp.Header.Values("Link"); !slices.Equal(got, WebSubLinks(testHubs, "https://news.example.org"+PathRSS)) {
		t.Errorf("handler Link %q", got)
	}
}

// NewResourceWithLinks keeps its own copy: the caller's slice can change
// after the snapshot is published without changing what is served.
func TestNewResourceWithLinksCopies(t *testing.T) {
	links := WebSubLinks(testHubs, "https://news.example.org/feed.xml")
	res := NewResourceWithLinks([]byte("<feed/>"), testTypes[PathFeed], testLastMod, links)
	links[0] = "<https://evil.example/>; rel=\"hub\""
	if strings.Contains(res.links[0], "evil") {
		t.Error("resource shares the caller's slice")
	}
	if cap(res.links) != len(res.links) {
		t.Error("links have spare capacity: an append by later code would write into shared memory")
	}
}

// BenchmarkServeFeedLinks serves /feed.xml through the handler with and
// without WebSub Link lines, for a ratio measured in one run.
func BenchmarkServeFeedLinks(b *testing.B) {
	for _, linked := range []bool{false, true} {
		f := newFixture(b, false)
		snap := testSnapshot(1)
		if linked {
			snap = linkedSnapshot(1)
		}
		f.srv.Publish(snap)
		for _, bc := range benchCases(b, f.srv) {
			b.Run(fmt.Sprintf("links=%t/%s", linked, bc.name), func(b *testing.B) {
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
}
