package daemon

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/robfig/cron/v3"

	"seedfeed/internal/config"
	"seedfeed/internal/server"
	"seedfeed/internal/store"
)

const article1 = "Harbour wall repairs begin\n\nThe council agreed on Tuesday to repair the harbour wall before the winter storms, at a cost shared with the port.\n"

// Each scan appears once in seedfeed_scans_total and in the duration
// histogram, whether it was a full scan (counted by ingest) or a scan of
// the paths file events named (counted by the daemon).
func TestEachScanCountedOnce(t *testing.T) {
	d := newTestDaemon(t, "seeds:\n  settle: 0s\n")
	writeFile(t, filepath.Join(d.seeds, "a.txt"), article1)
	d.scan(true)
	ok := d.metrics.ScansTotal.WithLabelValues("ok")
	if got := metricValue(t, ok); got != 1 {
		t.Errorf("after one full scan: scans_total{ok} = %v, want 1", got)
	}
	writeFile(t, filepath.Join(d.seeds, "b.txt"), strings.Replace(article1, "Harbour", "Quay", 1))
	d.scan(false, "b.txt")
	if got := metricValue(t, ok); got != 2 {
		t.Errorf("after a path scan too: scans_total{ok} = %v, want 2", got)
	}
	if got := metricValue(t, d.metrics.ScanDuration); got != 2 {
		t.Errorf("scan_duration_seconds has %v samples, want 2", got)
	}
	if snap := d.srv.Snapshot(); snap == nil || snap.Articles != 2 {
		t.Errorf("snapshot after two scans: %+v", snap)
	}
}

// SIGHUP's reload: a valid file takes effect at the next scan; an invalid
// one is rejected with one log line naming the key and its line, and the
// running config stays in force.
func TestReload(t *testing.T) {
	base := "site:\n  title: \"Old title\"\nseeds:\n  settle: 0s\n  schedule: \"@every 1h\"\n"
	d := newTestDaemon(t, base)
	writeFile(t, filepath.Join(d.seeds, "a.txt"), article1)
	d.scan(true)
	sched := cron.New(cron.WithParser(config.CronParser))
	if _, err := sched.AddFunc("@every 1h", d.requestFull); err != nil {
		t.Fatal(err)
	}
	feedTitle := func() string {
		t.Helper()
		res := d.srv.Snapshot().Resources[server.PathFeed]
		if res == nil {
			t.Fatal("no feed in the snapshot")
		}
		_, after, _ := bytes.Cut(res.Body, []byte("<title>"))
		title, _, _ := bytes.Cut(after, []byte("</title>"))
		return string(title)
	}
	if got := feedTitle(); got != "Old title" {
		t.Fatalf("feed title %q", got)
	}

	bad := []struct{ name, yaml, want string }{
		{"bad yaml", "site:\n  title: [unclosed\n", "yaml"},
		{"unknown key", "site:\n  title: x\n  colour: red\n", "config.yaml:3: site.colour"},
		{"bad cron", "seeds:\n  schedule: \"every minute\"\n", "config.yaml:2: seeds.schedule"},
		{"relative base_url", "site:\n  base_url: /blog\n", "config.yaml:2: site.base_url"},
		{"unknown timezone", "site:\n  timezone: Mars/Olympus\n", "config.yaml:2: site.timezone"},
		{"zero items", "feed:\n  items: 0\n", "config.yaml:2: feed.items"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			before := strings.Count(d.logs.String(), "config reload rejected")
			writeFile(t, d.cfgPath, tt.yaml)
			d.reload(d.cfgPath, nil, sched)
			logs := d.logs.String()
			if n := strings.Count(logs, "config reload rejected") - before; n != 1 {
				t.Errorf("%d rejection lines, want 1:\n%s", n, logs)
			}
			line := logs[strings.LastIndex(logs, "config reload rejected"):]
			line, _, _ = strings.Cut(line, "\n")
			if !strings.Contains(line, tt.want) || !strings.Contains(line, "keeping the running config") {
				t.Errorf("rejection line %q does not name %q", line, tt.want)
			}
			d.scan(true)
			if got := feedTitle(); got != "Old title" || d.cfg.Site.Title != "Old title" || d.cfg.Feed.Items != 50 {
				t.Errorf("an invalid config took effect: title %q, items %d", got, d.cfg.Feed.Items)
			}
		})
	}

	valid := strings.NewReplacer("Old title", "New title", "@every 1h", "@every 5m").Replace(base)
	writeFile(t, d.cfgPath, valid+"state:\n  path: state.db\n")
	d.reload(d.cfgPath, nil, sched)
	if !strings.Contains(d.logs.String(), "config reloaded") {
		t.Errorf("no 'config reloaded' line:\n%s", d.logs)
	}
	d.mu.Lock()
	full, force := d.pendingFull, d.forceRender
	d.mu.Unlock()
	if !full || !force {
		t.Error("a reload does not ask for a rescan and a new render")
	}
	d.mu.Lock()
	cfg, sc := d.cfg, d.scanner
	d.mu.Unlock()
	d.scanOnce(t.Context(), cfg, sc, true, nil, true)
	if got := feedTitle(); got != "New title" {
		t.Errorf("after a valid reload the feed title is %q", got)
	}
	if n := len(sched.Entries()); n != 1 {
		t.Errorf("%d cron entries after a schedule change, want 1", n)
	}
}

// A reload that changes nothing the scanner reads keeps the scanner, so
// problems already logged once (a symlink is not recorded in the store) are
// not logged again; one that does (max_file_bytes) takes effect.
func TestReloadLogsNothingTwice(t *testing.T) {
	base := "seeds:\n  settle: 0s\n  max_file_bytes: 1000\n"
	d := newTestDaemon(t, base)
	writeFile(t, filepath.Join(d.seeds, "a.txt"), article1)
	writeFile(t, filepath.Join(d.seeds, "big.txt"), "Long report on the harbour\n\n"+strings.Repeat("The harbour wall needs repairs. ", 60))
	if err := os.Symlink("/etc/hostname", filepath.Join(d.seeds, "link.txt")); err != nil {
		t.Fatal(err)
	}
	d.scan(true)
	sched := cron.New(cron.WithParser(config.CronParser))
	writeFile(t, d.cfgPath, "site:\n  title: \"Renamed\"\n"+base+"state:\n  path: state.db\n")
	d.reload(d.cfgPath, nil, sched)
	d.scan(true)
	if n := strings.Count(d.logs.String(), "path=link.txt"); n != 1 {
		t.Errorf("symlink logged %d times across a reload, want once:\n%s", n, d.logs)
	}
	if d.srv.Snapshot().Articles != 1 {
		t.Fatalf("%d articles, want 1 (big.txt is over the limit)", d.srv.Snapshot().Articles)
	}
	writeFile(t, d.cfgPath, strings.Replace(base, "1000", "100000", 1)+"state:\n  path: state.db\n")
	d.reload(d.cfgPath, nil, sched)
	d.scan(true)
	if got := d.srv.Snapshot().Articles; got != 2 {
		t.Errorf("after raising max_file_bytes: %d articles, want 2", got)
	}
}

// A new base_url reaches the articles already published: at the next scan
// their pictures point at the new address, and they keep their ids and
// dates (an upgrade of seedfeed is the same, in internal/ingest).
func TestReloadReadsArticlesAgain(t *testing.T) {
	base := "site:\n  base_url: \"https://example.org/\"\nseeds:\n  settle: 0s\n"
	d := newTestDaemon(t, base)
	writeFile(t, filepath.Join(d.seeds, "walk.md"), "# Harbour walk\n\n![The wall](wall.png)\n\n"+
		"We walked along the harbour wall on Tuesday and counted the stones the storm had moved.\n")
	walk := func(host string) store.Record {
		t.Helper()
		d.scan(true)
		r, err := d.st.BySlug(t.Context(), "harbour-walk")
		if err != nil {
			t.Fatal(err)
		}
		if want := `src="https://` + host + `/files/wall.png"`; !strings.Contains(r.Article.BodyHTML, want) {
			t.Fatalf("picture with base_url https://%s/: %s", host, r.Article.BodyHTML)
		}
		return r
	}
	before := walk("example.org")
	writeFile(t, d.cfgPath, strings.Replace(base, "//example.org", "//news.example.org", 1)+"state:\n  path: state.db\n")
	d.reload(d.cfgPath, nil, cron.New())
	after := walk("news.example.org")
	if after.ID != before.ID || !after.Published.Equal(before.Published) || !after.Updated.Equal(before.Updated) {
		t.Errorf("the item moved: %s %v %v -> %s %v %v", before.ID, before.Published, before.Updated, after.ID, after.Published, after.Updated)
	}
	if !strings.Contains(d.logs.String(), "read unchanged files again") {
		t.Errorf("the re-reading is not logged:\n%s", d.logs)
	}
	// The site's language orders dates in figures: a new one is a new
	// reading too.
	writeFile(t, d.cfgPath, strings.NewReplacer("//example.org", "//news.example.org", "seeds:", "  language: en-GB\nseeds:").Replace(base)+"state:\n  path: state.db\n")
	d.reload(d.cfgPath, nil, cron.New())
	walk("news.example.org")
	if n := strings.Count(d.logs.String(), "read unchanged files again"); n != 2 {
		t.Errorf("read again %d times after a new base_url and a new language, want 2:\n%s", n, d.logs)
	}
}
