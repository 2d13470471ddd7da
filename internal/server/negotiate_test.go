package server

import (
	"bufio"
	"bytes"
	"net/http"
	"strings"
	"testing"
)

// Navigation Accept headers of the browsers (their current defaults).
const (
	chromeAccept  = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7"
	firefoxAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
	safariAccept  = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
)

// Accept headers of feed readers, from their source (see acceptWantsHTML).
const (
	feedparserAccept = "application/atom+xml,application/rdf+xml,application/rss+xml,application/x-netcdf,application/xml;q=0.9,text/xml;q=0.2,*/*;q=0.1"
	minifluxAccept   = "application/xml,application/atom+xml,application/rss+xml,application/rdf+xml,application/feed+json,text/html,*/*;q=0.9"
	simplepieAccept  = "application/atom+xml, application/rss+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, text/html;q=0.7, unknown/unknown;q=0.1, application/unknown;q=0.1, */*;q=0.1"
)

func TestAcceptWantsHTML(t *testing.T) {
	tests := []struct {
		accept string
		want   bool
	}{
		{chromeAccept, true},
		{firefoxAccept, true},
		{safariAccept, true},
		{"text/html", true},
		{"application/xhtml+xml", true},
		{"TEXT/HTML;Q=0.5, */*;q=0.1", true},
		{"application/atom+xml;q=0.5, text/html", true},

		{"", false}, // gofeed
		{"*/*", false},
		{feedparserAccept, false},
		{minifluxAccept, false},
		{simplepieAccept, false},
		// FreshRSS's own fetch of XML for its XPath feeds.
		{"application/xml,application/xhtml+xml,text/xml;q=0.9,*/*;q=0.8", false},
		{"application/atom+xml, text/html;q=0.5", false},
		{"application/rss+xml, text/html", false},
		{"application/feed+json, text/html", false},
		{"text/html;q=0", false},
		{"text/html;q=0, application/xhtml+xml;q=0", false},
		{"text/*", false},
		{"text/htmlx", false},
	}
	for _, tt := range tests {
		if got := acceptWantsHTML([]string{tt.accept}); got != tt.want {
			t.Errorf("acceptWantsHTML(%q) = %v, want %v", tt.accept, got, tt.want)
		}
	}
	// Split over field lines, as a proxy may send it.
	if acceptWantsHTML([]string{"text/html", "application/atom+xml"}) {
		t.Error("a feed type on a second Accept line was ignored")
	}
}

// TestFeedPageNegotiation requests the feeds as readers and as browsers, in
// both codings, through net/http and through the Front, and checks what
// each gets: readers the feed's exact bytes and validators, browsers the
// page, both with Vary: Accept, the page never storable by a shared cache,
// and each representation answering its own conditional requests.
func TestFeedPageNegotiation(t *testing.T) {
	f := newFixture(t, true)
	snap := f.srv.Snapshot()
	addrs := map[string]string{
		"net/http": startHTTP(t, NewHTTPServer("", f.srv)),
		"front":    startFront(t, NewHTTPServer("", f.srv)),
	}
	type want struct {
		body, gzBody []byte
		etag, gzETag string
		contentType  string
		cacheControl string
		html         bool
	}
	for _, path := range []string{PathFeed, PathAtom, PathRSS} {
		res := snap.Resources[path]
		if res.Page == nil || res.page[1].body == nil {
			t.Fatalf("%s: no page, or no gzip page", path)
		}
		reader := want{res.Body, res.Gzip, res.ETag, res.GzipETag, testTypes[path], "public, max-age=300", false}
		browser := want{res.Page, res.page[1].body, res.page[0].etag, res.page[1].etag, "text/html; charset=utf-8", "private, max-age=300", true}
		cases := []struct {
			who, accept string
			want        want
		}{
			{"no Accept", "", reader},
			{"any", "*/*", reader},
			{"feedparser", feedparserAccept, reader},
			{"Miniflux", minifluxAccept, reader},
			{"SimplePie", simplepieAccept, reader},
			{"Chromium", chromeAccept, browser},
			{"Firefox", firefoxAccept, browser},
		}
		for server, addr := range addrs {
			for _, tc := range cases {
				for _, gz := range []bool{false, true} {
					name := server + " " + path + " " + tc.who
					if gz {
						name += " gzip"
					}
					t.Run(name, func(t *testing.T) {
						w := tc.want
						body, etag := w.body, w.etag
						if gz {
							body, etag = w.gzBody, w.gzETag
						}
						hdr := ""
						if tc.accept != "" {
							hdr += "Accept: " + tc.accept + "\r\n"
						}
						if gz {
							hdr += "Accept-Encoding: gzip\r\n"
						}
						resp, got := roundTrip(t, addr, "GET", path, hdr)
						if resp.StatusCode != 200 || !bytes.Equal(got, body) {
							t.Fatalf("status %d, %d bytes; want 200 and the %d bytes of the %s", resp.StatusCode, len(got), len(body), map[bool]string{false: "feed", true: "page"}[w.html])
						}
						checkNegotiated(t, resp, etag, w.contentType, w.cacheControl, gz, w.html)

						// The representation's own validators give 304 with
						// the same Vary and Cache-Control.
						for _, cond := range []string{"If-None-Match: " + etag, "If-Modified-Since: " + res.lastModStr} {
							resp, got = roundTrip(t, addr, "GET", path, hdr+cond+"\r\n")
							if resp.StatusCode != 304 || len(got) != 0 {
								t.Errorf("%s: status %d with %d bytes, want 304", cond, resp.StatusCode, len(got))
							}
							checkNegotiated(t, resp, etag, "", w.cacheControl, false, w.html)
						}
						// The other representation's tag does not match.
						other := reader.etag + ", " + reader.gzETag
						if !w.html {
							other = browser.etag + ", " + browser.gzETag
						}
						if resp, got = roundTrip(t, addr, "GET", path, hdr+"If-None-Match: "+other+"\r\n"); resp.StatusCode != 200 || !bytes.Equal(got, body) {
							t.Errorf("If-None-Match of the other representation: status %d, %d bytes", resp.StatusCode, len(got))
						}
						// HEAD sends the same head without the body.
						if resp, got = roundTrip(t, addr, "HEAD", path, hdr); resp.StatusCode != 200 || len(got) != 0 || resp.Header.Get("Etag") != etag {
							t.Errorf("HEAD: status %d, %d bytes, ETag %s", resp.StatusCode, len(got), resp.Header.Get("Etag"))
						}
					})
				}
			}
		}
	}

	// Resources without a page do not vary by Accept.
	for _, path := range []string{PathJSON, PathIndex, PathStylesheet} {
		resp, got := roundTrip(t, addrs["front"], "GET", path, "Accept: "+chromeAccept+"\r\n")
		if !bytes.Equal(got, snap.Resources[path].Body) || resp.Header.Get("Vary") != "Accept-Encoding" {
			t.Errorf("%s for a browser: %d bytes, Vary %q", path, len(got), resp.Header.Get("Vary"))
		}
	}
}

// roundTrip sends one raw request with the given extra header lines and
// returns the response and its body as sent (not decompressed).
func roundTrip(t *testing.T, addr, method, path, hdr string) (*http.Response, []byte) {
	t.Helper()
	c := dialSend(t, addr, method+" "+path+" HTTP/1.1\r\nHost: x\r\n"+hdr+"\r\n")
	defer c.Close()
	req, _ := http.NewRequest(method, path, nil)
	resp, err := http.ReadResponse(bufio.NewReader(c), req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	return resp, readBody(t, resp)
}

func checkNegotiated(t *testing.T, resp *http.Response, etag, contentType, cacheControl string, gz, html bool) {
	t.Helper()
	h := resp.Header
	if got := h.Values("Vary"); len(got) != 1 || got[0] != "Accept-Encoding, Accept" {
		t.Errorf("Vary %q, want [Accept-Encoding, Accept]", got)
	}
	if got := h.Get("Etag"); got != etag {
		t.Errorf("ETag %s, want %s", got, etag)
	}
	if got := h.Get("Cache-Control"); got != cacheControl {
		t.Errorf("Cache-Control %q, want %q", got, cacheControl)
	}
	if h.Get("Last-Modified") == "" {
		t.Error("no Last-Modified")
	}
	if contentType != "" && h.Get("Content-Type") != contentType {
		t.Errorf("Content-Type %q, want %q", h.Get("Content-Type"), contentType)
	}
	if got := h.Get("Content-Encoding") == "gzip"; got != gz {
		t.Errorf("Content-Encoding %q (gzip %v)", h.Get("Content-Encoding"), gz)
	}
	if got := h.Get("Content-Security-Policy") != ""; got != html {
		t.Errorf("Content-Security-Policy %q on html=%v", h.Get("Content-Security-Policy"), html)
	}
	if strings.Contains(h.Get("Cache-Control"), "public") && html {
		t.Error("the page is public")
	}
}

func TestPrivateCacheControl(t *testing.T) {
	tests := map[string]string{
		"public, max-age=300":                 "private, max-age=300",
		"max-age=60":                          "private, max-age=60",
		"public, max-age=60, s-maxage=3600":   "private, max-age=60",
		"no-cache":                            "private, no-cache",
		"private, max-age=5":                  "private, max-age=5",
		"public,max-age=0,must-revalidate":    "private, max-age=0, must-revalidate",
		"PUBLIC, max-age=1, Proxy-Revalidate": "private, max-age=1",
		"":                                    "private",
	}
	for in, want := range tests {
		if got := privateCacheControl(in); got != want {
			t.Errorf("privateCacheControl(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestQValue(t *testing.T) {
	tests := map[string]int{
		"": 1000, ";q=1": 1000, "; q=1.000": 1000, ";q=0": 0, ";q=0.": 0, ";q=0.5": 500, ";q=0.05": 50,
		";q=0.001": 1, ";q=0.0001": 1, ";q=0.0000": 0, ";q=": 0, ";q=x": 0, ";q=0.5x": 0, ";level=1": 1000,
		";level=1;Q=0.25": 250, ";q=00": 0,
	}
	for params, want := range tests {
		if got := qValue(params); got != want {
			t.Errorf("qValue(%q) = %d, want %d", params, got, want)
		}
	}
}
