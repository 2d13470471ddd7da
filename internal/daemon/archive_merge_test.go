package daemon

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"

	"seedfeed/internal/feed"
	"seedfeed/internal/server"
)

// TestArchiveWithHubsAndBrowserPages: the archive beside WebSub hubs and
// the feed pages for browsers. The subscription feeds name the hubs (in
// the body and in Link lines) and link to the archive; archive pages name
// no hub, send no Link lines, keep their own Cache-Control, and are no
// WebSub topics; a browser at a feed address gets the HTML page, a reader
// the feed; the index's older pages are served.
func TestArchiveWithHubsAndBrowserPages(t *testing.T) {
	const hub = "https://hub.example.net/"
	w := newArchiveWorld(t, filepath.Join(t.TempDir(), "s.db"), 4)
	w.cfg.WebSub.Hubs = []string{hub}
	w.add(13)
	snap := w.publish()
	newest := 0
	for p := range snap.Resources {
		if n, _, ok := feed.ParseArchivePath(p); ok {
			newest = max(newest, n)
		}
	}
	if newest < 3 {
		t.Fatalf("newest archive page %d; 13 articles at 4 a page make more", newest)
	}

	fetch := func(path, accept string) *httptest.ResponseRecorder {
		t.Helper()
		req := httptest.NewRequest("GET", path, nil)
		if accept != "" {
			req.Header.Set("Accept", accept)
		}
		rec := httptest.NewRecorder()
		w.srv.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			t.Fatalf("GET %s: %d", path, rec.Code)
		}
		return rec
	}
	for _, p := range []string{feed.PathFeed, feed.PathRSS, feed.PathJSON} {
		rec := fetch(p, "application/atom+xml, application/rss+xml, application/feed+json")
		if links := rec.Header().Values("Link"); len(links) != 2 || !strings.Contains(strings.Join(links, ","), hub) {
			t.Errorf("%s: Link lines %q, want the hub and self", p, links)
		}
		f, err := gofeed.NewParser().ParseString(rec.Body.String())
		if err != nil {
			t.Fatalf("%s: gofeed: %v", p, err)
		}
		if !strings.Contains(rec.Body.String(), hub) {
			t.Errorf("%s: the body names no hub", p)
		}
		if !strings.Contains(rec.Body.String(), fmt.Sprintf("/archive/%d/", newest)) {
			t.Errorf("%s: no link to the newest archive page", p)
		}
		if len(f.Items) != 4 {
			t.Errorf("%s: %d items, want 4", p, len(f.Items))
		}
		if p != feed.PathJSON {
			if self := strings.Count(rec.Body.String(), `rel="self"`); self != 1 {
				t.Errorf("%s: %d self links", p, self)
			}
			page := fetch(p, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
			if ct := page.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
				t.Errorf("%s for a browser: Content-Type %q", p, ct)
			}
		}
	}
	for n := 1; n <= newest; n++ {
		for _, p := range []string{feed.ArchiveAtomPath(n), feed.ArchiveRSSPath(n), feed.ArchiveJSONPath(n)} {
			rec := fetch(p, "")
			body := rec.Body.String()
			if links := rec.Header().Values("Link"); len(links) != 0 {
				t.Errorf("%s: Link lines %q on an archive page", p, links)
			}
			if strings.Contains(body, hub) {
				t.Errorf("%s: an archive page names the hub", p)
			}
			if _, err := gofeed.NewParser().ParseString(body); err != nil {
				t.Errorf("%s: gofeed: %v", p, err)
			}
			if cc := rec.Header().Get("Cache-Control"); (cc == server.CacheControlArchive) != (n < newest) {
				t.Errorf("%s: Cache-Control %q", p, cc)
			}
		}
	}
	if page := fetch("/page/2/", "text/html"); !strings.Contains(page.Body.String(), "Harbour story") {
		t.Errorf("/page/2/ lists no article")
	}
	for _, topic := range changedTopics(nil, snap, w.cfg.Site.BaseURL) {
		if strings.Contains(topic, "/archive/") {
			t.Errorf("archive page %s announced as a topic", topic)
		}
	}
}
