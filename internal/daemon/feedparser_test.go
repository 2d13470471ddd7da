package daemon

import (
	"path/filepath"
	"seedfeed/internal/feedcheck"
	"slices"
	"strings"
	"testing"
)

// TestEveryFeedParsesInFeedparser: every Atom and RSS document a site with
// tags, authors and an archive serves (the subscription feeds, each
// archive page, each tag's and author's feeds) parses in Python's
// feedparser, the library most feed tools are built on, without its bozo
// flag and with entries. It needs Debian's python3-feedparser (CI installs
// it) and skips without.
func TestEveryFeedParsesInFeedparser(t *testing.T) {
	if !feedcheck.HaveFeedparser() {
		t.Skip("python3-feedparser is not installed")
	}
	d := newTestDaemon(t, "site:\n  title: Harbour\n  base_url: https://news.example.org\nseeds:\n  settle: 0s\nfeed:\n  items: 1\n")
	for name, body := range labelSeeds {
		writeFile(t, filepath.Join(d.seeds, name), body)
	}
	d.scan(true)

	docs := []string{"/feed.xml", "/atom.xml", "/rss.xml"}
	archive := 0
	for path := range d.srv.Snapshot().Resources {
		if strings.HasPrefix(path, "/archive/") && strings.HasSuffix(path, ".xml") {
			docs = append(docs, path)
			archive++
		}
	}
	if archive == 0 {
		t.Fatal("no archive pages with three articles and feed.items 1")
	}
	for _, dir := range []string{"/tags/economie", "/tags/port", "/tags/c%23", "/authors/ana-lima", "/authors/bo-chen"} {
		docs = append(docs, dir+"/feed.xml", dir+"/rss.xml")
	}
	slices.Sort(docs)
	t.Logf("%d documents, %d of them archive pages", len(docs), archive)
	for _, p := range docs {
		code, body := get(t, d.srv, p)
		if code != 200 {
			t.Errorf("%s: status %d", p, code)
			continue
		}
		if err := feedcheck.Feedparser(body); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
}
