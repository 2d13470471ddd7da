package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
	"seedfeed/internal/feedcheck"
)

// syncBuffer collects the daemon's log while it runs.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// instance is one seedfeed started through run(), as the binary would be.
type instance struct {
	t      *testing.T
	url    string
	cancel context.CancelFunc
	done   chan error
	logs   *syncBuffer
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// writeConfig writes config.yaml into dir; the site's base_url is fixed so
// that restarts on another port render identical feeds.
func writeConfig(t *testing.T, dir, seedsYAML string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(dir, "seeds"), 0o755); err != nil {
		t.Fatal(err)
	}
	cfg := fmt.Sprintf(`site:
  title: "End to end"
  base_url: "http://news.example.org"
  author: "Desk"
seeds:
  dir: seeds
%sserver:
  listen: %q
state:
  path: state.db
`, seedsYAML, freeAddr(t))
	p := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(p, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func start(t *testing.T, configPath string) *instance {
	t.Helper()
	if testing.Short() {
		t.Skip("runs the daemon end to end; skipped in -short mode")
	}
	data, err := os.ReadFile(configPath)
	if err != nil {
		t.Fatal(err)
	}
	_, after, _ := strings.Cut(string(data), "listen: \"")
	addr, _, _ := strings.Cut(after, "\"")
	ctx, cancel := context.WithCancel(context.Background())
	in := &instance{t: t, url: "http://" + addr, cancel: cancel, done: make(chan error, 1), logs: &syncBuffer{}}
	go func() {
		in.done <- run(ctx, []string{"serve", "-config", configPath}, func(string) string { return "" }, io.Discard, in.logs)
	}()
	t.Cleanup(in.stop)
	deadline := time.Now().Add(20 * time.Second)
	for {
		resp, err := http.Get(in.url + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return in
			}
		}
		select {
		case err := <-in.done:
			t.Fatalf("daemon exited early: %v\n%s", err, in.logs)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("daemon not healthy in time\n%s", in.logs)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (in *instance) stop() {
	if in.cancel == nil {
		return
	}
	in.cancel()
	in.cancel = nil
	select {
	case err := <-in.done:
		if err != nil {
			in.t.Errorf("daemon exited with %v", err)
		}
	case <-time.After(15 * time.Second):
		in.t.Error("daemon did not stop within 15s")
	}
}

func (in *instance) get(path string, hdr ...string) (*http.Response, []byte) {
	in.t.Helper()
	req, err := http.NewRequest(http.MethodGet, in.url+path, nil)
	if err != nil {
		in.t.Fatal(err)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	// The transport must not add or undo gzip behind the test's back.
	resp, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
	if err != nil {
		in.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		in.t.Fatal(err)
	}
	return resp, body
}

func (in *instance) feed(path string) *gofeed.Feed {
	in.t.Helper()
	resp, body := in.get(path)
	if resp.StatusCode != http.StatusOK {
		in.t.Fatalf("GET %s: %s", path, resp.Status)
	}
	f, err := gofeed.NewParser().ParseString(string(body))
	if err != nil {
		in.t.Fatalf("%s does not parse: %v", path, err)
	}
	return f
}

// waitFor polls the main feed until cond holds.
func (in *instance) waitFor(what string, limit time.Duration, cond func(*gofeed.Feed) bool) *gofeed.Feed {
	in.t.Helper()
	deadline := time.Now().Add(limit)
	for {
		f := in.feed("/feed.xml")
		if cond(f) {
			return f
		}
		if time.Now().After(deadline) {
			in.t.Fatalf("timed out waiting for %s\n%s", what, in.logs)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func itemTitled(f *gofeed.Feed, title string) *gofeed.Item {
	for _, it := range f.Items {
		if it.Title == title {
			return it
		}
	}
	return nil
}

func countTitled(f *gofeed.Feed, title string) int {
	n := 0
	for _, it := range f.Items {
		if it.Title == title {
			n++
		}
	}
	return n
}

func copyFixture(t *testing.T, dst string, mtime time.Time) {
	t.Helper()
	data, err := os.ReadFile("testdata/bridge-inspection.txt")
	if err != nil {
		t.Fatal(err)
	}
	// Write under a temporary name and rename into place, as a careful
	// writer would; the mtime is set before the file appears.
	tmp := filepath.Join(filepath.Dir(dst), ".tmp-"+filepath.Base(dst))
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(tmp, mtime, mtime); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, dst); err != nil {
		t.Fatal(err)
	}
}

const bridgeTitle = "Inspectors close the old swing bridge for urgent repairs"

var boilerplateLines = []string{
	"Spread the love", "About The Author", "Leave a Reply",
	"Your email address will not be published", "(image credit Harbour Authority)",
}

// TestEndToEnd drives issue 2's points through HTTP against the real daemon.
func TestEndToEnd(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "  schedule: \"@every 1h\"\n  watch: true\n  settle: 300ms\n")
	for _, name := range []string{"welcome.txt", "notes.md"} {
		src := map[string]string{
			"welcome.txt": "A quiet start\n\nThe first article in this folder says hello to every reader, and explains that more will follow soon.\n",
			"notes.md":    "---\ntitle: Field notes\ndate: 2026-05-01\nauthor: Sam\ntags: [notes]\n---\n\nWe walked the coast path and counted **forty** seals on the rocks below the lighthouse.\n",
		}[name]
		if err := os.WriteFile(filepath.Join(dir, "seeds", name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	in := start(t, cfg)

	// 1. Every format parses with a real parser.
	f := in.waitFor("the sample articles", 10*time.Second, func(f *gofeed.Feed) bool { return len(f.Items) == 2 })
	if f.FeedType != "atom" {
		t.Errorf("/feed.xml is %s, want atom", f.FeedType)
	}
	if rss := in.feed("/rss.xml"); rss.FeedType != "rss" || rss.FeedVersion != "2.0" || len(rss.Items) != 2 {
		t.Errorf("/rss.xml: type %s %s, %d items", rss.FeedType, rss.FeedVersion, len(rss.Items))
	}
	if js := in.feed("/feed.json"); js.FeedType != "json" || !strings.HasSuffix(js.FeedVersion, "1.1") || len(js.Items) != 2 {
		t.Errorf("/feed.json: type %s %s, %d items", js.FeedType, js.FeedVersion, len(js.Items))
	}
	checkFeedparser(t, in)

	// 2. A scraped article dropped in while it runs appears after it settles,
	// dated March 25 of the latest such year not after its mtime.
	mtime := time.Date(2026, 2, 1, 12, 0, 0, 0, time.UTC)
	copyFixture(t, filepath.Join(dir, "seeds", "bridge.txt"), mtime)
	f = in.waitFor("the new article", 10*time.Second, func(f *gofeed.Feed) bool { return itemTitled(f, bridgeTitle) != nil })
	it := itemTitled(f, bridgeTitle)
	if it.PublishedParsed == nil || !it.PublishedParsed.Equal(time.Date(2025, 3, 25, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("published = %v, want 2025-03-25 (latest March 25 not after the mtime)", it.Published)
	}
	if len(it.Authors) == 0 || it.Authors[0].Name != "Our Harbour Correspondent" {
		t.Errorf("authors = %+v", it.Authors)
	}
	if !strings.Contains(it.Content, "The old swing bridge across the floating harbour was closed") {
		t.Errorf("content lacks the body: %q", it.Content)
	}
	for _, path := range []string{"/feed.xml", "/atom.xml", "/rss.xml", "/feed.json", "/"} {
		_, body := in.get(path)
		for _, line := range boilerplateLines {
			if bytes.Contains(body, []byte(line)) {
				t.Errorf("%s contains boilerplate %q", path, line)
			}
		}
	}
	id, updated := it.GUID, *it.UpdatedParsed

	// 3. Edit: same id, later updated, still one item.
	time.Sleep(1100 * time.Millisecond) // updated is kept to the second
	data, _ := os.ReadFile(filepath.Join(dir, "seeds", "bridge.txt"))
	edited := bytes.Replace(data, []byte("at least three weeks"), []byte("at least four weeks"), 1)
	if err := os.WriteFile(filepath.Join(dir, "seeds", "bridge.txt"), edited, 0o644); err != nil {
		t.Fatal(err)
	}
	f = in.waitFor("the edit", 10*time.Second, func(f *gofeed.Feed) bool {
		it := itemTitled(f, bridgeTitle)
		return it != nil && strings.Contains(it.Content, "four weeks")
	})
	it = itemTitled(f, bridgeTitle)
	if it.GUID != id || countTitled(f, bridgeTitle) != 1 {
		t.Errorf("edit: id %q (was %q), %d items", it.GUID, id, countTitled(f, bridgeTitle))
	}
	if !it.UpdatedParsed.After(updated) {
		t.Errorf("edit: updated %v not after %v", it.UpdatedParsed, updated)
	}

	// Rename: same id.
	if err := os.Rename(filepath.Join(dir, "seeds", "bridge.txt"), filepath.Join(dir, "seeds", "bridge-renamed.txt")); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Second)
	f = in.waitFor("the rename", 10*time.Second, func(f *gofeed.Feed) bool { return countTitled(f, bridgeTitle) == 1 })
	if got := itemTitled(f, bridgeTitle).GUID; got != id {
		t.Errorf("rename changed the id: %q, was %q", got, id)
	}

	// 5. HTTP semantics.
	resp, body := in.get("/feed.xml")
	etag := resp.Header.Get("ETag")
	if got := resp.Header.Get("Content-Type"); got != "application/atom+xml; charset=utf-8" {
		t.Errorf("Content-Type = %q", got)
	}
	if got := resp.Header.Get("Vary"); !strings.Contains(got, "Accept-Encoding") {
		t.Errorf("Vary = %q, want it to name Accept-Encoding", got)
	}
	if etag == "" || resp.Header.Get("Last-Modified") == "" || resp.Header.Get("Cache-Control") == "" {
		t.Errorf("missing caching headers: %v", resp.Header)
	}
	if resp, _ := in.get("/feed.xml", "If-None-Match", etag); resp.StatusCode != http.StatusNotModified {
		t.Errorf("If-None-Match: %s, want 304", resp.Status)
	}
	resp, gz := in.get("/feed.xml", "Accept-Encoding", "gzip")
	if resp.Header.Get("Content-Encoding") != "gzip" {
		t.Errorf("no gzip: %v", resp.Header)
	} else if plain, err := gunzip(gz); err != nil || !bytes.Equal(plain, body) {
		t.Errorf("gzip body differs from the plain one (err %v)", err)
	}
	head, err := http.Head(in.url + "/feed.xml")
	if err != nil || head.StatusCode != http.StatusOK || head.Header.Get("ETag") != etag {
		t.Errorf("HEAD: %v %v", head, err)
	}
	post, err := http.Post(in.url+"/feed.xml", "text/plain", strings.NewReader("x"))
	if err != nil || post.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: %v %v", post, err)
	} else {
		post.Body.Close()
	}

	// 4. Restart with nothing changed: identical bytes and ETags.
	before := map[string][]byte{}
	etags := map[string]string{}
	for _, p := range []string{"/feed.xml", "/atom.xml", "/rss.xml", "/feed.json", "/"} {
		resp, b := in.get(p)
		before[p], etags[p] = b, resp.Header.Get("ETag")
	}
	in.stop()
	in = start(t, cfg)
	time.Sleep(500 * time.Millisecond) // let the first scan run
	for p, b := range before {
		resp, after := in.get(p)
		if !bytes.Equal(b, after) || resp.Header.Get("ETag") != etags[p] {
			t.Errorf("%s changed across a restart", p)
		}
	}

	// Delete: gone after the next scan.
	if err := os.Remove(filepath.Join(dir, "seeds", "bridge-renamed.txt")); err != nil {
		t.Fatal(err)
	}
	in.waitFor("the deletion", 10*time.Second, func(f *gofeed.Feed) bool { return itemTitled(f, bridgeTitle) == nil })
}

// With watch off, a new file waits for the next cron tick.
func TestEndToEndScheduleOnly(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "  schedule: \"@every 1s\"\n  watch: false\n  settle: 200ms\n")
	in := start(t, cfg)
	copyFixture(t, filepath.Join(dir, "seeds", "bridge.txt"), time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC))
	f := in.waitFor("the scheduled scan", 10*time.Second, func(f *gofeed.Feed) bool { return itemTitled(f, bridgeTitle) != nil })
	if p := itemTitled(f, bridgeTitle).PublishedParsed; p == nil || !p.Equal(time.Date(2026, 3, 25, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("published = %v, want 2026-03-25", p)
	}
}

// 6. Bad files are logged once each, rejected by check, and do not stop the
// other articles from being served.
func TestEndToEndBadFiles(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "  schedule: \"@every 1s\"\n  watch: true\n  settle: 100ms\n  max_file_bytes: 4096\n")
	seeds := filepath.Join(dir, "seeds")
	bad := map[string][]byte{
		"binary.txt":  {0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3, 0, 0, 0, 0xff, 0xfe, 0},
		"empty.txt":   {},
		"huge.txt":    bytes.Repeat([]byte("All work and no play makes a long file. "), 200),
		"invalid.txt": []byte("Broken bytes\n\nThis text has \xc3\x28 an invalid sequence \xa0\xa1 and \xf0\x28\x8c\x28 more of them \x81\x8d\x8f\x90\x9d.\n"),
	}
	for name, data := range bad {
		if err := os.WriteFile(filepath.Join(seeds, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	copyFixture(t, filepath.Join(seeds, "bridge.txt"), time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC))
	in := start(t, cfg)
	in.waitFor("the good article", 10*time.Second, func(f *gofeed.Feed) bool { return len(f.Items) == 1 && f.Items[0].Title == bridgeTitle })
	time.Sleep(2500 * time.Millisecond) // two more scheduled scans
	logs := in.logs.String()
	for name := range bad {
		if n := strings.Count(logs, "path="+name); n != 1 {
			t.Errorf("%s logged %d times, want once:\n%s", name, n, logs)
		}
	}

	var out, errOut bytes.Buffer
	err := run(context.Background(), []string{"check", "-json", "-config", cfg, seeds}, func(string) string { return "" }, &out, &errOut)
	var ee *exitError
	if !errors.As(err, &ee) || ee.code != 1 {
		t.Fatalf("check exit = %v, want status 1", err)
	}
	rejected := 0
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var r checkResult
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("check output line %q: %v", line, err)
		}
		if _, isBad := bad[filepath.Base(r.Path)]; isBad != (r.Error != nil) {
			t.Errorf("%s: error = %v", r.Path, r.Error)
		}
		if r.Error != nil {
			rejected++
		}
	}
	if rejected != len(bad) {
		t.Errorf("check rejected %d files, want %d", rejected, len(bad))
	}
}

func gunzip(b []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

// checkFeedparser parses every feed with Debian's python3-feedparser when
// it is installed (CI installs it) and fails on a bozo flag.
func checkFeedparser(t *testing.T, in *instance) {
	t.Helper()
	if !feedcheck.HaveFeedparser() {
		t.Log("python3-feedparser not installed; skipping that check")
		return
	}
	for _, p := range []string{"/feed.xml", "/atom.xml", "/rss.xml", "/feed.json"} {
		_, body := in.get(p)
		if p == "/feed.json" {
			var v map[string]any
			if err := json.Unmarshal(body, &v); err != nil || v["version"] != "https://jsonfeed.org/version/1.1" {
				t.Errorf("%s: not JSON Feed 1.1: %v", p, err)
			}
			continue
		}
		if err := feedcheck.Feedparser(body); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
}

// A seeds folder that does not exist at start is watched once it appears,
// without waiting for the (hourly) schedule.
func TestEndToEndSeedsFolderAppearsLater(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.yaml")
	yaml := fmt.Sprintf("site:\n  base_url: \"http://news.example.org\"\nseeds:\n  dir: later\n  schedule: \"@every 1h\"\n  watch: true\n  settle: 100ms\nserver:\n  listen: %q\nstate:\n  path: state.db\n", freeAddr(t))
	if err := os.WriteFile(cfg, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	in := start(t, cfg)
	if err := os.Mkdir(filepath.Join(dir, "later"), 0o755); err != nil {
		t.Fatal(err)
	}
	copyFixture(t, filepath.Join(dir, "later", "bridge.txt"), time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC))
	in.waitFor("the article in the new folder", 30*time.Second, func(f *gofeed.Feed) bool { return itemTitled(f, bridgeTitle) != nil })
	if !strings.Contains(in.logs.String(), "watching the seeds folder") {
		t.Errorf("no log line says watching started:\n%s", in.logs)
	}
}
