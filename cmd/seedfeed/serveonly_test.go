//go:build unix

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// writeServeOnlyConfig writes name.yaml in dir for a process of the same
// site as writeClusterConfig's, with seedsDir as seeds.dir ("" for none)
// and no seeds folder created.
func writeServeOnlyConfig(t *testing.T, dir, name, stateURL, seedsDir string) string {
	t.Helper()
	return writeClusterSiteConfig(t, dir, name, fmt.Sprintf(`seeds:
  dir: %q
server:
  listen: %q
state:
  url: %q
`, seedsDir, freeAddr(t), stateURL))
}

// procHealthRole is the role /healthz reports.
func procHealthRole(p *proc) string {
	_, b := p.get("/healthz")
	var doc struct {
		Role string `json:"role"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		p.t.Fatalf("/healthz: %v: %s", err, b)
	}
	return doc.Role
}

// procScanCount is how many scans a process has run, ok or not.
func procScanCount(t *testing.T, p *proc) float64 {
	t.Helper()
	_, m := p.get("/metrics")
	return metric(t, m, `seedfeed_scans_total{outcome="ok"}`) + metric(t, m, `seedfeed_scans_total{outcome="error"}`)
}

// clusterServersAgree reports whether every process serves the feeds and the
// index with the bytes and ETag of the first, and n articles.
func clusterServersAgree(t *testing.T, procs []*proc, n float64) (bool, string) {
	t.Helper()
	for _, path := range []string{"/feed.xml", "/rss.xml", "/feed.json", "/atom.xml", "/"} {
		code0, body0, etag0 := procs[0].getWithETag(path)
		if code0 != 200 || etag0 == "" {
			return false, fmt.Sprintf("%s: %d %q", path, code0, etag0)
		}
		for i, p := range procs[1:] {
			code, body, etag := p.getWithETag(path)
			if code != 200 || etag != etag0 || !bytes.Equal(body, body0) {
				return false, fmt.Sprintf("%s: server %d differs from server 0 (%d, %q vs %q)", path, i+1, code, etag, etag0)
			}
		}
	}
	for i, p := range procs {
		if got := procMetric(t, p, "seedfeed_articles_published"); got != n {
			return false, fmt.Sprintf("server %d publishes %v articles, want %v", i, got, n)
		}
	}
	return true, ""
}

// waitClusterServersAgree waits until clusterServersAgree, and says how long it took.
func waitClusterServersAgree(t *testing.T, procs []*proc, n float64, limit time.Duration) time.Duration {
	t.Helper()
	start := time.Now()
	for {
		ok, why := clusterServersAgree(t, procs, n)
		if ok {
			return time.Since(start)
		}
		if time.Since(start) > limit {
			t.Fatalf("the servers never agreed on %v articles within %v: %s", n, limit, why)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// A writer and two serve-only processes on one PostgreSQL; the serve-only
// ones have no seeds folder at all (one by seeds.dir "", one by -replica
// over a seeds.dir that does not exist). They serve what the writer
// publishes, byte for byte with its ETags, never take the lock (not even
// when it is free), never scan, and keep serving when the writer dies.
func TestServeOnlyFollowsTheWriterWithoutAFolder(t *testing.T) {
	stateURL := postgresSchema(t)
	dir := t.TempDir()
	emptyDir := filepath.Join(dir, "serve-only")
	if err := os.Mkdir(emptyDir, 0o755); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "no-such-folder")
	onlyA := startProc(t, writeServeOnlyConfig(t, emptyDir, "only-a", stateURL, ""))
	onlyB := startProcAs(t, writeServeOnlyConfig(t, emptyDir, "only-b", stateURL, missing), nil, "-replica")
	only := []*proc{onlyA, onlyB}
	for _, p := range only {
		p.waitHealthy(60 * time.Second)
	}
	// The lock is free and nobody leads: still no serve-only process
	// becomes the writer (each would have tried within 2 s).
	time.Sleep(5 * time.Second)
	for i, p := range only {
		if w := procMetric(t, p, "seedfeed_writer"); w != 0 {
			t.Errorf("serve-only %d: seedfeed_writer %v with the lock free", i, w)
		}
		if r := procHealthRole(p); r != "serve-only" {
			t.Errorf("serve-only %d: /healthz role %q", i, r)
		}
	}

	const settle = 300 * time.Millisecond
	writerCfg := writeClusterConfig(t, dir, "writer", stateURL, settle)
	writer := startHealthy(t, writerCfg)
	waitClusterCond(t, "the writer leads", 10*time.Second, func() bool { return procHealthRole(writer) == "writer" })
	seeds := filepath.Join(dir, "seeds")
	const first = 40
	for i := range first {
		writeSeed(t, seeds, fmt.Sprintf("story-%03d.txt", i), articleText(fmt.Sprintf("Story number %d of the day", i), fmt.Sprintf("Report %d from the harbour.", i)))
	}
	took := waitClusterServersAgree(t, []*proc{writer, onlyA, onlyB}, first, 30*time.Second)
	t.Logf("the serve-only processes serve the writer's %d articles, bytes and ETags, %v after the last file (settle %v)", first, took.Round(time.Millisecond), settle)
	// An article's own page too, by a slug the index links to.
	_, index := writer.get("/")
	slug, ok := indexFirstArticleSlug(string(index))
	if !ok {
		t.Fatalf("no article link in the index:\n%s", index)
	}
	_, want, wantTag := writer.getWithETag("/articles/" + slug)
	for i, p := range only {
		if code, got, tag := p.getWithETag("/articles/" + slug); code != 200 || !bytes.Equal(got, want) || tag != wantTag {
			t.Errorf("serve-only %d: /articles/%s differs (%d, ETag %q vs %q)", i, slug, code, tag, wantTag)
		}
	}

	// The pictures beside the articles: the writer keeps them in the
	// database, and the serve-only processes serve them from there with
	// the writer's bytes and ETag; a changed picture follows, a removed
	// one leaves.
	picture := "\x89PNG\r\n\x1a\n the harbour at dusk"
	samePicture := func(want string) bool {
		code, body, etag := writer.getWithETag("/files/dusk.png")
		if code != 200 || string(body) != want || etag == "" {
			return false
		}
		for _, p := range only {
			if c, b, e := p.getWithETag("/files/dusk.png"); c != 200 || string(b) != want || e != etag {
				return false
			}
		}
		return true
	}
	writeSeed(t, seeds, "dusk.png", picture)
	took = waitClusterCond(t, "the serve-only processes serve the writer's picture", 30*time.Second, func() bool { return samePicture(picture) })
	t.Logf("the serve-only processes serve a new picture %v after it was written", took.Round(time.Millisecond))
	picture += " and at dawn"
	writeSeed(t, seeds, "dusk.png", picture)
	waitClusterCond(t, "the serve-only processes serve the changed picture", 30*time.Second, func() bool { return samePicture(picture) })
	if err := os.Remove(filepath.Join(seeds, "dusk.png")); err != nil {
		t.Fatal(err)
	}
	waitClusterCond(t, "a removed picture leaves the serve-only processes", 30*time.Second, func() bool {
		for _, p := range only {
			if code, _ := p.get("/files/dusk.png"); code != 404 {
				return false
			}
		}
		return true
	})

	// The writer dies; nobody else may scan the folder. The serve-only
	// processes keep serving what they had and never lead.
	writer.cmd.Process.Kill()
	writer.wait(10 * time.Second)
	killed := time.Now()
	for i := range 5 {
		writeSeed(t, seeds, fmt.Sprintf("late-%d.txt", i), articleText(fmt.Sprintf("Late story %d", i), "Written while no writer runs."))
	}
	for time.Since(killed) < 3*2*time.Second+time.Second {
		for i, p := range only {
			if code, _ := p.get("/feed.xml"); code != 200 {
				t.Fatalf("serve-only %d: /feed.xml %d after the writer died", i, code)
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	if ok, why := clusterServersAgree(t, only, first); !ok {
		t.Errorf("after the writer died: %s", why)
	}
	for i, p := range only {
		if w := procMetric(t, p, "seedfeed_writer"); w != 0 {
			t.Errorf("serve-only %d became the writer", i)
		}
		if n := procScanCount(t, p); n != 0 {
			t.Errorf("serve-only %d scanned %v times", i, n)
		}
		if n := procMetric(t, p, "seedfeed_files_changed_total"); n != 0 {
			t.Errorf("serve-only %d counted %v changed files", i, n)
		}
		if r := procHealthRole(p); r != "serve-only" {
			t.Errorf("serve-only %d: /healthz role %q", i, r)
		}
		for _, bad := range []string{"scan failed", "now the writer", "file watching", "watching the seeds folder"} {
			if strings.Contains(p.logs.String(), bad) {
				t.Errorf("serve-only %d logged %q", i, bad)
			}
		}
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Errorf("the -replica process's seeds.dir: %v, want it never created", err)
	}

	// A new writer starts: the serve-only processes follow it.
	writer2 := startHealthy(t, writeClusterConfig(t, dir, "writer2", stateURL, settle))
	took = waitClusterServersAgree(t, []*proc{writer2, onlyA, onlyB}, first+5, 30*time.Second)
	t.Logf("with a new writer, the serve-only processes serve the %d articles %v after it started", first+5, took.Round(time.Millisecond))
}

// indexFirstArticleSlug is the slug of the first /articles/ link in an index.
func indexFirstArticleSlug(index string) (string, bool) {
	for _, prefix := range []string{`href="/articles/`, `href="http://news.example.org/articles/`} {
		if _, rest, ok := strings.Cut(index, prefix); ok {
			slug, _, _ := strings.Cut(rest, `"`)
			return strings.TrimSuffix(slug, "/"), slug != ""
		}
	}
	return "", false
}

// A serve-only process reloads its config on SIGHUP like any other: a new
// title is rendered from the database at once; a reload that names a
// site icon file no writer has kept in the database renders nothing new
// and says why; it stays serve-only even when the file now names a
// folder.
func TestServeOnlyReload(t *testing.T) {
	stateURL := postgresSchema(t)
	dir := t.TempDir()
	cfg := writeServeOnlyConfig(t, dir, "only", stateURL, "")
	p := startProc(t, cfg)
	p.waitHealthy(60 * time.Second)
	data, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	rewrite := func(old, new string) {
		t.Helper()
		data = bytes.Replace(data, []byte(old), []byte(new), 1)
		if err := os.WriteFile(cfg, data, 0o644); err != nil {
			t.Fatal(err)
		}
		p.signal(syscall.SIGHUP)
	}
	feedHas := func(s string) bool {
		_, b := p.get("/feed.xml")
		return bytes.Contains(b, []byte(s))
	}
	rewrite(`title: "Cluster"`, `title: "Harbour News"`)
	waitClusterCond(t, "the new title served", 10*time.Second, func() bool { return feedHas("Harbour News") })

	// No writer has kept an icon.png in the database: the render that
	// names it fails, naming site.icon, and the last feeds stay.
	rewrite("site:\n", "site:\n  icon: icon.png\n")
	waitLog(t, p.logs, "render failed", 10*time.Second)
	if !strings.Contains(p.logs.String(), `site.icon \"icon.png\": the database holds no copy`) {
		t.Errorf("the failed render does not name site.icon:\n%s", p.logs)
	}
	if !feedHas("Harbour News") {
		t.Error("the feed was lost when the icon could not be read")
	}

	rewrite("  icon: icon.png\n", "")
	rewrite(`dir: ""`, `dir: "seeds"`)
	waitLog(t, p.logs, "stays serve-only", 10*time.Second)
	time.Sleep(3 * time.Second) // a lock check or two
	if r := procHealthRole(p); r != "serve-only" {
		t.Errorf("role %q after a reload naming a folder", r)
	}
	if n := procScanCount(t, p); n != 0 {
		t.Errorf("%v scans after a reload naming a folder", n)
	}
	if !feedHas("Harbour News") {
		t.Error("the title was lost")
	}
}

// With site.icon and site.logo naming files in the seeds folder, a
// serve-only process serves them from the copies the writer keeps in the
// database, with the writer's bytes and ETags, and follows a replaced
// icon though no article changed.
func TestServeOnlySiteImages(t *testing.T) {
	stateURL := postgresSchema(t)
	dir := t.TempDir()
	withImages := func(path string) string {
		t.Helper()
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		data = bytes.Replace(data, []byte("site:\n"), []byte("site:\n  icon: icon.png\n  logo: img/logo.svg\n"), 1)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	seeds := filepath.Join(dir, "seeds")
	writerCfg := withImages(writeClusterConfig(t, dir, "writer", stateURL, 300*time.Millisecond))
	icon := "\x89PNG\r\n\x1a\n the harbour's flag"
	writeSeed(t, seeds, "icon.png", icon)
	if err := os.Mkdir(filepath.Join(seeds, "img"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeSeed(t, filepath.Join(seeds, "img"), "logo.svg", `<svg xmlns="http://www.w3.org/2000/svg"/>`)
	writeSeed(t, seeds, "story.txt", articleText("Ferry resumes its winter timetable", "Boats leave on the hour."))
	writer := startHealthy(t, writerCfg)
	onlyDir := filepath.Join(dir, "serve-only")
	if err := os.Mkdir(onlyDir, 0o755); err != nil {
		t.Fatal(err)
	}
	only := startProc(t, withImages(writeServeOnlyConfig(t, onlyDir, "only", stateURL, "")))
	only.waitHealthy(60 * time.Second)
	same := func(path, want string) bool {
		code, body, etag := writer.getWithETag(path)
		if code != 200 || string(body) != want {
			return false
		}
		c, b, e := only.getWithETag(path)
		return c == 200 && string(b) == want && e == etag
	}
	waitClusterCond(t, "the serve-only process serves the writer's icon and logo", 30*time.Second, func() bool {
		return same("/icon.png", icon) && same("/favicon.ico", icon) && same("/logo.svg", `<svg xmlns="http://www.w3.org/2000/svg"/>`)
	})
	if ok, why := clusterServersAgree(t, []*proc{writer, only}, 1); !ok {
		t.Errorf("the feeds and index differ: %s", why)
	}
	icon += ", redrawn"
	writeSeed(t, seeds, "icon.png", icon)
	took := waitClusterCond(t, "the serve-only process serves the replaced icon", 30*time.Second, func() bool {
		return same("/icon.png", icon) && same("/favicon.ico", icon)
	})
	t.Logf("a replaced icon served by the serve-only process %v after it was written", took.Round(time.Millisecond))
}
