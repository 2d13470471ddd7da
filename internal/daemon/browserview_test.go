package daemon

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"seedfeed/internal/config"
	"seedfeed/internal/feed"
	"seedfeed/internal/feedcheck"
	"seedfeed/internal/htmlcheck"
	"seedfeed/internal/server"
	"seedfeed/internal/store"
)

// readerAccepts are the Accept headers feed readers send, taken from their
// source (docs/browser-view.md lists the files). Feedly and Inoreader do
// not document theirs and are not here.
var readerAccepts = []struct{ reader, accept string }{
	{"newsboat (libcurl default)", "*/*"},
	{"NetNewsWire (URLSession default)", "*/*"},
	{"gofeed (none)", ""},
	{"feedparser", "application/atom+xml,application/rdf+xml,application/rss+xml,application/x-netcdf,application/xml;q=0.9,text/xml;q=0.2,*/*;q=0.1"},
	{"Miniflux", "application/xml,application/atom+xml,application/rss+xml,application/rdf+xml,application/feed+json,text/html,*/*;q=0.9"},
	{"FreshRSS (SimplePie)", "application/atom+xml, application/rss+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, text/html;q=0.7, unknown/unknown;q=0.1, application/unknown;q=0.1, */*;q=0.1"},
}

// browserAccepts are the navigation Accept headers of browsers: Chromium
// 156's as it sent it here, Firefox's and Safari's as MDN lists them
// (developer.mozilla.org, "List of default Accept values").
var browserAccepts = []struct{ browser, accept string }{
	{"Chromium 156", "text/html,application/xhtml+xml,application/xml;q=0.9,image/jxl,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7"},
	{"Firefox 92+", "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"},
	{"Firefox 66-71, Safari", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"},
}

// TestReadersGetTheFeedBrowsersThePage serves a real snapshot through the
// Front and through plain net/http and requests every XML feed with each
// reader's and each browser's Accept header: a reader must get exactly the
// feed's bytes and validators (identity and gzip) and be able to parse them
// with gofeed and strict encoding/xml, and to revalidate them; a browser
// must get the feed's page, which names the feed's address and links every
// article.
func TestReadersGetTheFeedBrowsersThePage(t *testing.T) {
	ctx := context.Background()
	st := openTestStore(t, "example.org")
	t0 := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	first, second := wireArticle(), wireArticle()
	second.Title, second.Slug = "Ferry back on the winter timetable", "ferry-back-on-the-winter-timetable"
	if _, err := st.Apply(ctx, store.Changes{At: t0, Upserts: []store.Upsert{
		{Path: "floods.txt", Hash: [32]byte{1}, ModTime: t0, Size: 1, Article: first},
		{Path: "ferry.txt", Hash: [32]byte{2}, ModTime: t0, Size: 1, Article: second},
	}}); err != nil {
		t.Fatal(err)
	}
	cfg := config.Default()
	cfg.Site.BaseURL = "https://news.example.org"
	snap, err := BuildSnapshot(ctx, st, cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv := server.New(server.Config{})
	srv.Publish(snap)
	bases := map[string]string{"front": serveFront(t, srv), "net/http": serveStd(t, srv)}
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	get := func(t *testing.T, url string, hdr ...string) (*http.Response, []byte) {
		t.Helper()
		req, err := http.NewRequest("GET", url, nil)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i+1 < len(hdr); i += 2 {
			if hdr[i+1] != "" {
				req.Header.Set(hdr[i], hdr[i+1])
			}
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		return resp, body
	}
	titles := []string{first.Title, second.Title}

	for _, path := range []string{feed.PathFeed, feed.PathAtom, feed.PathRSS} {
		res := snap.Resources[path]
		if res.Page == nil {
			t.Fatalf("%s has no page for browsers", path)
		}
		for name, base := range bases {
			for _, r := range readerAccepts {
				for _, ae := range []string{"", "gzip"} {
					t.Run(name+path+" "+r.reader+" "+ae, func(t *testing.T) {
						resp, body := get(t, base+path, "Accept", r.accept, "Accept-Encoding", ae)
						etag := res.ETag
						if ae != "" {
							etag = res.GzipETag
							body = gunzipBody(t, body, resp)
						}
						if resp.StatusCode != 200 || !bytes.Equal(body, res.Body) {
							t.Fatalf("status %d, %d bytes: not the feed's %d bytes", resp.StatusCode, len(body), len(res.Body))
						}
						if got := resp.Header.Get("Content-Type"); got != feed.ContentType(path) {
							t.Errorf("Content-Type %q", got)
						}
						if got := resp.Header.Get("Etag"); got != etag {
							t.Errorf("ETag %s, want %s", got, etag)
						}
						if got := resp.Header.Get("Vary"); got != "Accept-Encoding, Accept" {
							t.Errorf("Vary %q", got)
						}
						if err := feedcheck.WellFormed(body); err != nil {
							t.Errorf("strict XML: %v", err)
						}
						f, err := gofeed.NewParser().Parse(bytes.NewReader(body))
						if err != nil {
							t.Fatalf("gofeed: %v", err)
						}
						if len(f.Items) != len(titles) {
							t.Fatalf("gofeed found %d items, want %d", len(f.Items), len(titles))
						}
						for _, it := range f.Items {
							if !strings.Contains(strings.Join(titles, "\n"), it.Title) || it.Title == "" {
								t.Errorf("item %q is not one of the articles", it.Title)
							}
						}
						// Conditional requests as readers make them: the tag,
						// the date, or both (newsboat sends both).
						for _, cond := range [][]string{
							{"If-None-Match", etag},
							{"If-Modified-Since", resp.Header.Get("Last-Modified")},
							{"If-None-Match", etag, "If-Modified-Since", resp.Header.Get("Last-Modified"), "A-IM", "feed"},
						} {
							resp, body := get(t, base+path, append([]string{"Accept", r.accept, "Accept-Encoding", ae}, cond...)...)
							if resp.StatusCode != 304 || len(body) != 0 || resp.Header.Get("Etag") != etag {
								t.Errorf("%v: status %d, %d bytes, ETag %s", cond, resp.StatusCode, len(body), resp.Header.Get("Etag"))
							}
						}
					})
				}
			}
			for _, b := range browserAccepts {
				t.Run(name+path+" "+b.browser, func(t *testing.T) {
					resp, body := get(t, base+path, "Accept", b.accept, "Accept-Encoding", "gzip, deflate, br, zstd")
					body = gunzipBody(t, body, resp)
					if resp.StatusCode != 200 || !bytes.Equal(body, res.Page) {
						t.Fatalf("status %d, %d bytes: not the page", resp.StatusCode, len(body))
					}
					if got := resp.Header.Get("Content-Type"); got != "text/html; charset=utf-8" {
						t.Errorf("Content-Type %q", got)
					}
					if got := resp.Header.Get("Cache-Control"); !strings.HasPrefix(got, "private") {
						t.Errorf("Cache-Control %q: a shared cache may store the page", got)
					}
					if err := htmlcheck.Inert(string(body)); err != nil {
						t.Error(err)
					}
					page := string(body)
					for _, want := range append([]string{"<code>" + cfg.Site.BaseURL + path + "</code>",
						cfg.Site.BaseURL + "/articles/" + first.Slug, cfg.Site.BaseURL + "/articles/" + second.Slug}, titles...) {
						if !strings.Contains(page, want) {
							t.Errorf("the page does not show %q", want)
						}
					}
					etag := resp.Header.Get("Etag")
					if etag == res.ETag || etag == res.GzipETag {
						t.Error("the page has the feed's ETag")
					}
					if resp, _ := get(t, base+path, "Accept", b.accept, "Accept-Encoding", "gzip", "If-None-Match", etag); resp.StatusCode != 304 {
						t.Errorf("revalidating the page: status %d", resp.StatusCode)
					}
				})
			}
		}
	}
}

func gunzipBody(t *testing.T, body []byte, resp *http.Response) []byte {
	t.Helper()
	if resp.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("Content-Encoding %q, want gzip", resp.Header.Get("Content-Encoding"))
	}
	zr, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// serveFront serves srv through the fast path on a loopback port until the
// test ends and returns its base URL.
func serveFront(t *testing.T, srv *server.Server) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	front := server.NewFront(srv, server.NewHTTPServer("", srv))
	done := make(chan error, 1)
	go func() { done <- front.Serve(ln) }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = front.Shutdown(ctx)
		if err := <-done; !errors.Is(err, http.ErrServerClosed) {
			t.Errorf("Serve: %v", err)
		}
	})
	return "http://" + ln.Addr().String()
}

// serveStd serves srv with net/http alone.
func serveStd(t *testing.T, srv *server.Server) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hs := server.NewHTTPServer("", srv)
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	t.Cleanup(func() {
		_ = hs.Close()
		<-done
	})
	return "http://" + ln.Addr().String()
}
