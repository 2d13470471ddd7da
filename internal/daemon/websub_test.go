package daemon

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/robfig/cron/v3"

	"seedfeed/internal/feedcheck"
	"seedfeed/internal/server"
	"seedfeed/internal/websub/websubtest"
)

var feedPaths = []string{server.PathFeed, server.PathAtom, server.PathRSS, server.PathJSON}

func TestChangedTopics(t *testing.T) {
	mk := func(bodies map[string]string) *server.Snapshot {
		s := &server.Snapshot{}
		for p, b := range bodies {
			ct := "application/atom+xml; charset=utf-8"
			switch {
			case strings.HasSuffix(p, ".json"):
				ct = "application/feed+json; charset=utf-8"
			case strings.HasSuffix(p, "rss.xml"):
				ct = "application/rss+xml; charset=utf-8"
			case strings.HasSuffix(p, "/"):
				ct = "text/html; charset=utf-8"
			}
			s.Add(p, []byte(b), ct, time.Time{})
		}
		return s
	}
	base := "https://news.example.org/blog"
	old := mk(map[string]string{"/feed.xml": "a", "/rss.xml": "r", "/feed.json": "j", "/": "i", "/tags/x/feed.xml": "x"})
	tests := []struct {
		name string
		prev *server.Snapshot
		next *server.Snapshot
		want []string
	}{
		{"nothing before: every feed", nil, old, []string{base + "/feed.json", base + "/feed.xml", base + "/rss.xml", base + "/tags/x/feed.xml"}},
		{"same bytes", old, mk(map[string]string{"/feed.xml": "a", "/rss.xml": "r", "/feed.json": "j", "/": "i2", "/tags/x/feed.xml": "x"}), nil},
		{"one changed, one new, one gone, page ignored", old,
			mk(map[string]string{"/feed.xml": "a2", "/rss.xml": "r", "/feed.json": "j", "/": "i2", "/tags/y/feed.xml": "y"}),
			[]string{base + "/feed.xml", base + "/tags/y/feed.xml"}},
		{"archive pages are no topics", old,
			mk(map[string]string{"/feed.xml": "a", "/rss.xml": "r", "/feed.json": "j", "/": "i", "/tags/x/feed.xml": "x",
				"/archive/1/feed.xml": "p", "/archive/1/rss.xml": "q", "/archive/1/feed.json": "s"}), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := changedTopics(tt.prev, tt.next, base); !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// hubRecorder is a hub endpoint that records the topics of publish pings.
type hubRecorder struct {
	mu     sync.Mutex
	topics []string
	seen   chan struct{}
}

func newHubRecorder(t *testing.T) (*hubRecorder, string) {
	h := &hubRecorder{seen: make(chan struct{}, 100)}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm()
		h.mu.Lock()
		h.topics = append(h.topics, r.PostForm.Get("hub.topic"))
		h.mu.Unlock()
		w.WriteHeader(http.StatusAccepted)
		h.seen <- struct{}{}
	}))
	t.Cleanup(srv.Close)
	return h, srv.URL + "/hub"
}

func (h *hubRecorder) take() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := h.topics
	h.topics = nil
	slices.Sort(out)
	return out
}

func newWebSubTestDaemon(t *testing.T, hubs ...string) *testDaemon {
	t.Helper()
	quoted := make([]string, len(hubs))
	for i, h := range hubs {
		quoted[i] = fmt.Sprintf("%q", h)
	}
	d := newTestDaemon(t, "site:\n  base_url: \"https://news.example.org/blog\"\nseeds:\n  settle: 0s\nwebsub:\n  hubs: ["+strings.Join(quoted, ", ")+"]\n")
	t.Cleanup(d.websub.Close)
	return d
}

func flushWebSub(t *testing.T, d *testDaemon) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if n := d.websub.Flush(ctx); n != 0 {
		t.Fatalf("%d notifications still pending\n%s", n, d.logs)
	}
}

// Every feed in the snapshot advertises the hubs and itself, in its body
// (read by gofeed, strict encoding/xml and discovery) and in Link headers
// sent with 200 and 304; pages and the stylesheet send none.
func TestSnapshotAdvertisesHubs(t *testing.T) {
	hubs := []string{"https://hub.example.net/", "https://hub2.example.net/websub?a=1&b=2"}
	d := newWebSubTestDaemon(t, hubs...)
	writeFile(t, filepath.Join(d.seeds, "a.txt"), article1)
	d.scan(true)
	snap := d.srv.Snapshot()
	base, _ := url.Parse("https://news.example.org/blog/")
	for _, p := range feedPaths {
		self := "https://news.example.org/blog" + p
		res := snap.Resources[p]
		if res == nil {
			t.Fatalf("no %s", p)
		}
		if p != server.PathJSON {
			if err := feedcheck.WellFormed(res.Body); err != nil {
				t.Errorf("%s: %v", p, err)
			}
		}
		f, err := gofeed.NewParser().ParseString(string(res.Body))
		if err != nil || len(f.Items) != 1 {
			t.Errorf("%s: gofeed: %v (%v)", p, err, f)
		}
		found, err := websubtest.DiscoverBody(res.ContentType, res.Body, base)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if !slices.Equal(found.Hubs, hubs) || !slices.Equal(found.Selfs, []string{self}) {
			t.Errorf("%s body: hubs %q selfs %q, want %q and exactly %q", p, found.Hubs, found.Selfs, hubs, self)
		}
		want := server.WebSubLinks(hubs, self)
		for _, hdr := range [][2]string{{"Accept-Encoding", "gzip"}, {"If-None-Match", res.ETag}} {
			rec := httptest.NewRecorder()
			req := httptest.NewRequest(http.MethodGet, p, nil)
			req.Header.Set(hdr[0], hdr[1])
			d.srv.ServeHTTP(rec, req)
			if got := rec.Header().Values("Link"); !slices.Equal(got, want) {
				t.Errorf("%s %s (%d): Link %q, want %q", p, hdr[0], rec.Code, got, want)
			}
		}
	}
	for _, p := range []string{server.PathIndex, server.PathStylesheet} {
		rec := httptest.NewRecorder()
		d.srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
		if got := rec.Header().Values("Link"); got != nil {
			t.Errorf("%s: Link %q", p, got)
		}
	}
}

// Without hubs nothing is advertised: the feeds are byte for byte those
// of before WebSub.
func TestSnapshotWithoutHubs(t *testing.T) {
	d := newTestDaemon(t, "seeds:\n  settle: 0s\n")
	writeFile(t, filepath.Join(d.seeds, "a.txt"), article1)
	d.scan(true)
	for _, p := range feedPaths {
		res := d.srv.Snapshot().Resources[p]
		if p != server.PathJSON {
			if err := feedcheck.WellFormed(res.Body); err != nil {
				t.Errorf("%s: %v", p, err)
			}
		}
		if _, err := gofeed.NewParser().ParseString(string(res.Body)); err != nil {
			t.Errorf("%s: gofeed: %v", p, err)
		}
		if strings.Contains(string(res.Body), "hub") {
			t.Errorf("%s mentions a hub:\n%s", p, res.Body)
		}
		rec := httptest.NewRecorder()
		d.srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
		if got := rec.Header().Values("Link"); got != nil {
			t.Errorf("%s: Link %q", p, got)
		}
	}
}

// Each snapshot that changes the feeds' bytes announces exactly the feeds
// that changed; a scan that changes nothing announces nothing.
func TestScanNotifiesChangedFeeds(t *testing.T) {
	h, hub := newHubRecorder(t)
	d := newWebSubTestDaemon(t, hub)
	all := []string{
		"https://news.example.org/blog/atom.xml", "https://news.example.org/blog/feed.json",
		"https://news.example.org/blog/feed.xml", "https://news.example.org/blog/rss.xml",
	}
	writeFile(t, filepath.Join(d.seeds, "a.txt"), article1)
	d.scan(true)
	flushWebSub(t, d)
	if got := h.take(); !slices.Equal(got, all) {
		t.Errorf("first article: pinged %q, want %q", got, all)
	}
	d.scan(true)
	flushWebSub(t, d)
	if got := h.take(); got != nil {
		t.Errorf("nothing changed, yet pinged %q", got)
	}
	writeFile(t, filepath.Join(d.seeds, "b.txt"), strings.Replace(article1, "Harbour", "Quay", 1))
	d.scan(false, "b.txt")
	flushWebSub(t, d)
	if got := h.take(); !slices.Equal(got, all) {
		t.Errorf("second article: pinged %q, want %q", got, all)
	}
}

// A hub that takes connections and never answers holds up neither a scan
// nor a response: the notifications wait in the publisher.
func TestHubThatHangsDelaysNothing(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var conns []net.Conn
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c) // never read, never answered
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		mu.Lock()
		for _, c := range conns {
			c.Close()
		}
		mu.Unlock()
	})
	d := newWebSubTestDaemon(t, "http://"+ln.Addr().String()+"/")
	for i := range 5 {
		writeFile(t, filepath.Join(d.seeds, fmt.Sprintf("a%d.txt", i)), strings.Replace(article1, "Harbour", fmt.Sprintf("Harbour %d", i), 1))
		start := time.Now()
		d.scan(true)
		if took := time.Since(start); took > 3*time.Second {
			t.Errorf("scan %d took %v with the hub hanging", i, took)
		}
		rec := httptest.NewRecorder()
		start = time.Now()
		d.srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, server.PathFeed, nil))
		if took := time.Since(start); rec.Code != http.StatusOK || took > time.Second {
			t.Errorf("feed answered %d in %v", rec.Code, took)
		}
	}
	if d.srv.Snapshot().Articles != 5 {
		t.Errorf("%d articles published, want 5", d.srv.Snapshot().Articles)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if n := d.websub.Flush(ctx); n != len(feedPaths) {
		t.Errorf("%d notifications waiting, want the %d feeds once each", n, len(feedPaths))
	}
}

// A reload that changes websub.hubs re-renders the feeds with the new hubs
// and sends the next notifications there only.
func TestReloadChangesHubs(t *testing.T) {
	oldHub, oldURL := newHubRecorder(t)
	newHub, newURL := newHubRecorder(t)
	d := newWebSubTestDaemon(t, oldURL)
	writeFile(t, filepath.Join(d.seeds, "a.txt"), article1)
	d.scan(true)
	flushWebSub(t, d)
	if got := oldHub.take(); len(got) != len(feedPaths) {
		t.Fatalf("old hub pinged %q", got)
	}
	writeFile(t, d.cfgPath, "site:\n  base_url: \"https://news.example.org/blog\"\nseeds:\n  settle: 0s\nwebsub:\n  hubs:\n    - "+newURL+"\nstate:\n  path: state.db\n")
	d.reload(d.cfgPath, nil, cron.New())
	d.mu.Lock()
	force := d.forceRender
	d.mu.Unlock()
	if !force {
		t.Fatal("reload did not ask for a render")
	}
	d.mu.Lock()
	cfg, sc := d.cfg, d.scanner
	d.mu.Unlock()
	d.scanOnce(context.Background(), cfg, sc, true, nil, true)
	flushWebSub(t, d)
	if got := newHub.take(); len(got) != len(feedPaths) {
		t.Errorf("new hub pinged %q, want every feed (their hub links changed)", got)
	}
	if got := oldHub.take(); got != nil {
		t.Errorf("removed hub pinged %q", got)
	}
	rec := httptest.NewRecorder()
	d.srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, server.PathRSS, nil))
	if got, want := rec.Header().Values("Link"), server.WebSubLinks([]string{newURL}, "https://news.example.org/blog/rss.xml"); !slices.Equal(got, want) {
		t.Errorf("Link %q, want %q", got, want)
	}
}

// A tag's or author's feeds, rendered on demand and never announced to a
// hub, advertise none (body or Link header) while the site's feeds do: a
// reader polls them rather than waiting for pings that never come.
func TestLabelFeedsAdvertiseNoHub(t *testing.T) {
	hubs := []string{"https://hub.example.net/"}
	d := newWebSubTestDaemon(t, hubs...)
	for name, body := range labelSeeds {
		writeFile(t, filepath.Join(d.seeds, name), body)
	}
	d.scan(true)
	base, _ := url.Parse("https://news.example.org/blog/")
	check := func(p string, wantHubs []string) {
		t.Helper()
		rec := httptest.NewRecorder()
		d.srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: %d", p, rec.Code)
		}
		body := rec.Body.Bytes()
		if _, err := gofeed.NewParser().ParseString(string(body)); err != nil {
			t.Errorf("%s: gofeed: %v", p, err)
		}
		found, err := websubtest.DiscoverBody(rec.Header().Get("Content-Type"), body, base)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if !slices.Equal(found.Hubs, wantHubs) || len(found.Selfs) != 1 {
			t.Errorf("%s body: hubs %q selfs %q, want hubs %q and one self", p, found.Hubs, found.Selfs, wantHubs)
		}
		var linkHubs []string
		for _, l := range rec.Header().Values("Link") {
			if strings.Contains(l, `rel="hub"`) {
				linkHubs = append(linkHubs, l)
			}
		}
		if len(linkHubs) != len(wantHubs) {
			t.Errorf("%s: Link hub lines %q, want %d", p, linkHubs, len(wantHubs))
		}
	}
	check(server.PathFeed, hubs)
	for _, dir := range []string{"/tags/economie", "/authors/ana-lima"} {
		for _, doc := range []string{"/feed.xml", "/rss.xml", "/feed.json"} {
			check(dir+doc, nil)
		}
	}
}
