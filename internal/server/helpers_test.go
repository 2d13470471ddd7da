package server

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"seedfeed/internal/metrics"
	"seedfeed/internal/pages"
)

var (
	testBuilt   = time.Date(2024, 3, 25, 10, 0, 0, 0, time.UTC)
	testLastMod = time.Date(2024, 3, 25, 9, 30, 15, 0, time.UTC)
)

func testSite() pages.SiteInfo {
	return pages.SiteInfo{Title: "Harbour Notes", BaseURL: "https://news.example.org"}
}

// testFeed returns a compressible feed body that differs per generation.
func testFeed(kind string, gen int) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- %s generation %d -->\n<feed>\n", kind, gen)
	for i := range 40 {
		fmt.Fprintf(&b, "<entry><title>Item %d of generation %d</title><summary>%s</summary></entry>\n",
			i, gen, strings.Repeat("the quick brown fox ", 10))
	}
	b.WriteString("</feed>\n")
	return b.Bytes()
}

var testTypes = map[string]string{
	PathFeed:       "application/atom+xml; charset=utf-8",
	PathAtom:       "application/atom+xml; charset=utf-8",
	PathRSS:        "application/rss+xml; charset=utf-8",
	PathJSON:       "application/feed+json; charset=utf-8",
	PathStylesheet: "text/css; charset=utf-8",
	PathIndex:      "text/html; charset=utf-8",
}

func testSnapshot(gen int) *Snapshot {
	snap := &Snapshot{
		Site:     testSite(),
		Built:    testBuilt.Add(time.Duration(gen) * time.Second),
		Articles: 40,
		LastScan: testBuilt.Add(time.Duration(gen) * time.Second),
	}
	for path, ct := range testTypes {
		lastMod := testLastMod.Add(time.Duration(gen) * time.Second)
		switch path {
		case PathFeed, PathAtom, PathRSS:
			snap.AddFeed(path, testFeed(path, gen), ct, testPage(path, gen), lastMod)
		default:
			snap.Add(path, testFeed(path, gen), ct, lastMod)
		}
	}
	return snap
}

// testPage returns a compressible HTML page, standing for what a browser
// is shown at a feed's address, that differs per feed and generation.
func testPage(feedPath string, gen int) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "<!doctype html>\n<title>%s generation %d</title>\n<p>This is a web feed.</p>\n", feedPath, gen)
	for i := range 40 {
		fmt.Fprintf(&b, "<article><h3>Item %d of generation %d</h3><p>%s</p></article>\n", i, gen, strings.Repeat("the quick brown fox ", 10))
	}
	return b.Bytes()
}

// fakeArticles serves two articles and counts how often it is asked.
type fakeArticles struct {
	calls atomic.Int64
	err   error
}

func (f *fakeArticles) Article(ctx context.Context, slug string) (pages.Entry, error) {
	f.calls.Add(1)
	if f.err != nil {
		return pages.Entry{}, f.err
	}
	switch slug {
	case "ferry-timetable":
		return pages.Entry{
			Slug:      slug,
			Title:     "Ferry timetable <changes>",
			Author:    "Amina",
			Published: time.Date(2024, 3, 20, 8, 0, 0, 0, time.UTC),
			Updated:   time.Date(2024, 3, 21, 8, 0, 0, 0, time.UTC),
			Summary:   "Fewer Sunday crossings.",
			BodyHTML:  "<p>" + strings.Repeat("The Sunday ferry stops twice less often. ", 30) + "</p>",
		}, nil
	case "script-title":
		return pages.Entry{Slug: slug, Title: `<script>alert(1)</script>`, BodyHTML: "<p>x</p>"}, nil
	}
	return pages.Entry{}, fmt.Errorf("article %q: %w", slug, ErrNotFound)
}

type fixture struct {
	srv      *Server
	metrics  *metrics.Metrics
	articles *fakeArticles
}

func newFixture(t testing.TB, publish bool) *fixture {
	t.Helper()
	f := &fixture{metrics: metrics.New(), articles: &fakeArticles{}}
	f.srv = New(Config{Metrics: f.metrics, Articles: f.articles})
	if publish {
		f.srv.Publish(testSnapshot(1))
	}
	return f
}

// do runs one request through the handler and returns the recorded result.
func (f *fixture) do(t testing.TB, method, target string, hdr ...string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Add(hdr[i], hdr[i+1])
	}
	rec := httptest.NewRecorder()
	f.srv.ServeHTTP(rec, req)
	return rec.Result()
}

func readBody(t testing.TB, resp *http.Response) []byte {
	t.Helper()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func gunzip(t testing.TB, b []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("gunzip: %v", err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("gunzip: %v", err)
	}
	return out
}

func hashETag(b []byte) string {
	sum := sha256.Sum256(b)
	return `"` + hex.EncodeToString(sum[:16]) + `"`
}

// dialSend connects to addr, to be closed when the test ends, and writes
// raw (if any) on the connection.
func dialSend(t testing.TB, addr, raw string) net.Conn {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	if raw != "" {
		if _, err := io.WriteString(c, raw); err != nil {
			t.Fatal(err)
		}
	}
	return c
}
