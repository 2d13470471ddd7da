package server

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"seedfeed/internal/pages"
)

// fakeLabels renders a label's documents from its name and the number of
// renders so far, and counts renders per label.
type fakeLabels struct {
	mu    sync.Mutex
	calls map[string]int
	total atomic.Int64
	gate  chan struct{} // when set, renders wait on it
}

func (f *fakeLabels) LabelDocs(ctx context.Context, l pages.LabelRef) (LabelDocs, error) {
	section, slug := l.Section, l.Slug
	if f.gate != nil {
		<-f.gate
	}
	f.total.Add(1)
	f.mu.Lock()
	if f.calls == nil {
		f.calls = map[string]int{}
	}
	f.calls[section+"/"+slug]++
	n := f.calls[section+"/"+slug]
	f.mu.Unlock()
	if slug == "gone" {
		return nil, fmt.Errorf("label %s: %w", slug, ErrNotFound)
	}
	body := func(kind string) []byte {
		return []byte(fmt.Sprintf("<%s>%s %s render %d %s</%s>", kind, section, slug, n, strings.Repeat("padding ", 200), kind))
	}
	return LabelDocs{
		LabelPage: {Body: body("html"), ContentType: "text/html; charset=utf-8", LastMod: testLastMod},
		LabelAtom: {Body: body("feed"), ContentType: "application/atom+xml; charset=utf-8", LastMod: testLastMod},
		LabelRSS:  {Body: body("rss"), ContentType: "application/rss+xml; charset=utf-8", LastMod: testLastMod},
		LabelJSON: {Body: body("json"), ContentType: "application/feed+json; charset=utf-8", LastMod: testLastMod},
	}, nil
}

func labelSnapshot(gen int) *Snapshot {
	snap := testSnapshot(gen)
	snap.Labels = map[string]pages.LabelRef{}
	for _, l := range []pages.LabelRef{
		{Section: pages.SectionTags, Slug: "economie", Name: "Économie"},
		{Section: pages.SectionTags, Slug: "हिंदी", Name: "हिंदी"},
		{Section: pages.SectionTags, Slug: "c#", Name: "C#"},
		{Section: pages.SectionTags, Slug: "gone", Name: "Gone"},
		{Section: pages.SectionAuthors, Slug: "ana-lima", Name: "Ana Lima"},
	} {
		snap.Labels[LabelKey(l.Section, l.Slug)] = l
	}
	return snap
}

func TestLabelRoutes(t *testing.T) {
	src := &fakeLabels{}
	f := &fixture{srv: New(Config{Labels: src})}
	f.srv.Publish(labelSnapshot(1))

	tests := []struct {
		target   string
		code     int
		ct       string
		location string
	}{
		{"/tags/economie/", 200, "text/html; charset=utf-8", ""},
		{"/tags/economie/feed.xml", 200, "application/atom+xml; charset=utf-8", ""},
		{"/tags/economie/rss.xml", 200, "application/rss+xml; charset=utf-8", ""},
		{"/tags/economie/feed.json", 200, "application/feed+json; charset=utf-8", ""},
		{"/tags/%E0%A4%B9%E0%A4%BF%E0%A4%82%E0%A4%A6%E0%A5%80/feed.xml", 200, "application/atom+xml; charset=utf-8", ""},
		{"/tags/c%23/rss.xml", 200, "application/rss+xml; charset=utf-8", ""},
		{"/authors/ana-lima/", 200, "text/html; charset=utf-8", ""},
		// Another spelling of a tag leads to its one address.
		{"/tags/%C3%89conomie/feed.json", 301, "", "/tags/economie/feed.json"},
		{"/authors/Ana%20Lima/", 301, "", "/authors/ana-lima/"},
		{"/tags/unknown/", 404, "", ""},
		{"/tags/Unknown/", 404, "", ""},
		{"/tags/economie/atom.xml", 404, "", ""},
		{"/tags/gone/feed.xml", 404, "", ""},                                    // listed, but the source has none
		{"/tags/economie", http.StatusTemporaryRedirect, "", "/tags/economie/"}, // net/http adds the slash
	}
	for _, tt := range tests {
		resp := f.do(t, "GET", tt.target)
		if resp.StatusCode != tt.code {
			t.Errorf("%s: status %d, want %d", tt.target, resp.StatusCode, tt.code)
			continue
		}
		if tt.ct != "" && resp.Header.Get("Content-Type") != tt.ct {
			t.Errorf("%s: Content-Type %q, want %q", tt.target, resp.Header.Get("Content-Type"), tt.ct)
		}
		if tt.location != "" && resp.Header.Get("Location") != tt.location {
			t.Errorf("%s: Location %q, want %q", tt.target, resp.Header.Get("Location"), tt.location)
		}
	}
	if n := src.calls[pages.SectionTags+"/unknown"]; n != 0 {
		t.Errorf("an unlisted label was rendered %d times", n)
	}
	if n := src.calls[pages.SectionTags+"/economie"]; n != 1 {
		t.Errorf("economie rendered %d times for four documents, want 1", n)
	}
	if resp := f.do(t, "POST", "/tags/economie/feed.xml"); resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: status %d", resp.StatusCode)
	}
}

// A label's feed is served as a snapshot feed is: ETag, 304, gzip,
// HEAD; a new snapshot renders it again only when its version or the
// stamp changed.
func TestLabelConditionalAndVersions(t *testing.T) {
	src := &fakeLabels{}
	f := &fixture{srv: New(Config{Labels: src})}
	f.srv.Publish(labelSnapshot(1))
	const p = "/tags/economie/feed.xml"

	resp := f.do(t, "GET", p)
	body := readBody(t, resp)
	etag := resp.Header.Get("Etag")
	if etag != hashETag(body) || resp.Header.Get("Last-Modified") == "" || resp.Header.Get("Vary") != "Accept-Encoding" {
		t.Errorf("headers %v", resp.Header)
	}
	if resp := f.do(t, "GET", p, "If-None-Match", etag); resp.StatusCode != http.StatusNotModified {
		t.Errorf("If-None-Match: status %d", resp.StatusCode)
	}
	gz := f.do(t, "GET", p, "Accept-Encoding", "gzip")
	if gz.Header.Get("Content-Encoding") != "gzip" || string(gunzip(t, readBody(t, gz))) != string(body) {
		t.Error("gzip form differs")
	}
	if head := f.do(t, "HEAD", p); head.StatusCode != 200 || len(readBody(t, head)) != 0 {
		t.Errorf("HEAD: %d", head.StatusCode)
	}
	if src.total.Load() != 1 {
		t.Errorf("%d renders in one generation, want 1", src.total.Load())
	}
	// A scan report or a snapshot that leaves the label's version and
	// the stamp as they were renders nothing.
	f.srv.ReportScan(testBuilt, nil)
	f.srv.Publish(labelSnapshot(2))
	f.do(t, "GET", p)
	if src.total.Load() != 1 {
		t.Errorf("%d renders after snapshots that did not change the label, want 1", src.total.Load())
	}
	bump := labelSnapshot(3)
	ref := bump.Labels[LabelKey(pages.SectionTags, "economie")]
	ref.Version++
	bump.Labels[LabelKey(pages.SectionTags, "economie")] = ref
	f.srv.Publish(bump)
	again := readBody(t, f.do(t, "GET", p))
	if src.total.Load() != 2 || string(again) == string(body) {
		t.Errorf("after a new version: %d renders, body changed %v", src.total.Load(), string(again) != string(body))
	}
	f.do(t, "GET", "/tags/c%23/feed.xml") // another label: its own render
	restamp := labelSnapshot(4)
	restamp.Labels = bump.Labels
	restamp.LabelStamp = "site title changed"
	f.srv.Publish(restamp)
	f.do(t, "GET", p)
	if src.total.Load() != 4 {
		t.Errorf("%d renders after a new stamp, want 4", src.total.Load())
	}
}

// Concurrent first requests for one label wait for one render.
func TestLabelSingleRender(t *testing.T) {
	src := &fakeLabels{gate: make(chan struct{})}
	f := &fixture{srv: New(Config{Labels: src})}
	f.srv.Publish(labelSnapshot(1))
	var wg sync.WaitGroup
	codes := make([]int, 16)
	for i := range codes {
		wg.Go(func() {
			codes[i] = f.do(t, "GET", "/tags/economie/feed.xml").StatusCode
		})
	}
	close(src.gate)
	wg.Wait()
	for i, c := range codes {
		if c != 200 {
			t.Errorf("request %d: %d", i, c)
		}
	}
	if n := src.total.Load(); n != 1 {
		t.Errorf("%d renders for 16 concurrent requests, want 1", n)
	}
}

func TestLabelCacheBound(t *testing.T) {
	c := newLabelCache(10 << 10)
	render := func(size int) func() (map[string]*Resource, error) {
		return func() (map[string]*Resource, error) {
			return map[string]*Resource{"/": {Body: make([]byte, size)}}, nil
		}
	}
	for i := range 20 {
		if _, err := c.get(labelKey{version: 1, slug: fmt.Sprint(i)}, render(3<<10)); err != nil {
			t.Fatal(err)
		}
		if c.size > c.max {
			t.Fatalf("after %d entries the cache holds %d bytes, over its bound %d", i+1, c.size, c.max)
		}
	}
	if len(c.byKey) != 3 || c.order.Len() != 3 {
		t.Errorf("%d entries kept, want 3", len(c.byKey))
	}
	// The most recent survive; an entry larger than the bound is served
	// and then the only one.
	if _, ok := c.byKey[labelKey{version: 1, slug: "19"}]; !ok {
		t.Error("the newest entry was dropped")
	}
	if _, err := c.get(labelKey{version: 1, slug: "big"}, render(20<<10)); err != nil {
		t.Fatal(err)
	}
	if len(c.byKey) != 1 || c.size != 20<<10 {
		t.Errorf("%d entries, %d bytes after a large one, want 1", len(c.byKey), c.size)
	}
	// A render that panics is an error for every waiter, and not kept.
	if _, err := c.get(labelKey{version: 3, slug: "p"}, func() (map[string]*Resource, error) { panic("boom") }); err == nil {
		t.Error("a panicking render gave no error")
	}
	if _, ok := c.byKey[labelKey{version: 3, slug: "p"}]; ok {
		t.Error("a panicking render was cached")
	}
	// Failures are not cached.
	fails := 0
	fail := func() (map[string]*Resource, error) { fails++; return nil, ErrNotFound }
	c.get(labelKey{version: 2, slug: "x"}, fail)
	c.get(labelKey{version: 2, slug: "x"}, fail)
	if fails != 2 || len(c.byKey) != 1 {
		t.Errorf("failure cached: %d renders, %d entries", fails, len(c.byKey))
	}
}

// /tags/ and /authors/ list the snapshot's labels; the page is rendered
// once per state of the list.
func TestLabelListPages(t *testing.T) {
	f := &fixture{srv: New(Config{Labels: &fakeLabels{}})}
	snap := labelSnapshot(1)
	snap.LabelListKeys = map[string]string{pages.SectionTags: "k1"}
	f.srv.Publish(snap)
	resp := f.do(t, "GET", "/tags/")
	body := readBody(t, resp)
	if resp.StatusCode != 200 || !strings.Contains(string(body), `href="https://news.example.org/tags/c%23/"`) ||
		strings.Contains(string(body), "ana-lima") {
		t.Fatalf("/tags/: %d\n%s", resp.StatusCode, body)
	}
	etag := resp.Header.Get("Etag")
	if r := f.do(t, "GET", "/tags/", "If-None-Match", etag); r.StatusCode != http.StatusNotModified {
		t.Errorf("If-None-Match: %d", r.StatusCode)
	}
	if r := f.do(t, "GET", "/authors/"); r.StatusCode != 200 || !strings.Contains(string(readBody(t, r)), "ana-lima") {
		t.Error("/authors/ does not list ana-lima")
	}
	// A new list (key) is rendered anew.
	next := labelSnapshot(2)
	delete(next.Labels, LabelKey(pages.SectionTags, "c#"))
	next.LabelListKeys = map[string]string{pages.SectionTags: "k2"}
	f.srv.Publish(next)
	if b := readBody(t, f.do(t, "GET", "/tags/")); strings.Contains(string(b), "c%23") {
		t.Error("a tag gone from the snapshot is still listed")
	}
}
