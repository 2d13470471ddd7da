package server

import (
	"bytes"
	"testing"
)

const (
	chromeAccept  = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7"
	firefoxAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
)

func styledFeed() []byte {
	return append([]byte(`<?xml version="1.0" encoding="UTF-8"?>`+"\n"+
		`<?xml-stylesheet type="text/xsl" href="https://news.example.org/feed.xsl"?>`+"\n"),
		testFeed(PathFeed, 1)[len(`<?xml version="1.0" encoding="utf-8"?>`)+1:]...)
}

func TestBrowserGetsXMLForStyledFeeds(t *testing.T) {
	f := newFixture(t, false)
	snap := testSnapshot(1)
	styled := snap.Add(PathFeed, styledFeed(), testTypes[PathFeed], testLastMod)
	rssBody := bytes.Replace(styledFeed(), []byte("<feed>"), []byte("<rss>"), 1)
	snap.Add(PathRSS, rssBody, testTypes[PathRSS], testLastMod)
	f.srv.Publish(snap)

	tests := []struct {
		path, accept string
		wantType     string
	}{
		{PathFeed, chromeAccept, BrowserXMLType},
		{PathFeed, firefoxAccept, BrowserXMLType},
		{PathRSS, chromeAccept, BrowserXMLType},
		{PathFeed, "", testTypes[PathFeed]},
		{PathFeed, "*/*", testTypes[PathFeed]},
		{PathFeed, "application/atom+xml", testTypes[PathFeed]},
		{PathFeed, "application/atom+xml, text/html;q=0.5", testTypes[PathFeed]},
		{PathFeed, "application/atom+xml;q=0.5, text/html", BrowserXMLType},
		{PathFeed, "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8", testTypes[PathFeed]},
		{PathFeed, "text/html;q=0", testTypes[PathFeed]},
		{PathRSS, "application/rss+xml, text/html", testTypes[PathRSS]},
		// Unstyled resources never change type.
		{PathAtom, chromeAccept, testTypes[PathAtom]},
		{PathJSON, chromeAccept, testTypes[PathJSON]},
	}
	for _, tt := range tests {
		t.Run(tt.path+" "+tt.accept, func(t *testing.T) {
			for _, gz := range []string{"", "gzip"} {
				resp := f.do(t, "GET", tt.path, "Accept", tt.accept, "Accept-Encoding", gz)
				body := readBody(t, resp)
				if got := resp.Header.Get("Content-Type"); got != tt.wantType {
					t.Fatalf("gzip=%q: Content-Type %q, want %q", gz, got, tt.wantType)
				}
				if gz != "" {
					body = gunzip(t, body)
				}
				if !bytes.Equal(body, f.srv.Snapshot().Resources[tt.path].Body) {
					t.Error("body differs from the resource's")
				}
				styledPath := tt.path == PathFeed || tt.path == PathRSS
				wantVary := "Accept-Encoding"
				if styledPath {
					wantVary = "Accept-Encoding, Accept"
				}
				if got := resp.Header.Get("Vary"); got != wantVary {
					t.Errorf("Vary %q, want %q", got, wantVary)
				}
				// Each representation has its own validator, and it works.
				etag := resp.Header.Get("Etag")
				again := f.do(t, "GET", tt.path, "Accept", tt.accept, "Accept-Encoding", gz, "If-None-Match", etag)
				if again.StatusCode != 304 {
					t.Errorf("If-None-Match %s: status %d", etag, again.StatusCode)
				}
			}
		})
	}

	etags := map[string]bool{}
	for _, accept := range []string{chromeAccept, "*/*"} {
		for _, gz := range []string{"", "gzip"} {
			etags[f.do(t, "GET", PathFeed, "Accept", accept, "Accept-Encoding", gz).Header.Get("Etag")] = true
		}
	}
	if len(etags) != 4 {
		t.Errorf("want 4 distinct ETags for 4 representations, got %v", etags)
	}
	if styled.browser == nil || styled.browser[0].etag == styled.ETag {
		t.Error("styled feed has no distinct browser variant")
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
