//go:build unix

package main

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"seedfeed/internal/feedcheck"
	"seedfeed/internal/store"
)

// runBinary runs the built seedfeed with args and returns its exit status,
// stdout and stderr.
func runBinary(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(seedfeedBinary(t), args...)
	cmd.Env = cleanEnv()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatalf("seedfeed %s: %v", strings.Join(args, " "), err)
	}
	return cmd.ProcessState.ExitCode(), stdout.String(), stderr.String()
}

// readTree maps every file under dir (slash paths) to its bytes.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// seedfeed migrate moves an SQLite state into PostgreSQL with every id,
// slug, path, date, reject and tombstone intact; the site built, and the
// feeds served, from PostgreSQL afterwards are byte for byte those from
// SQLite; a second migrate into the same database is refused.
func TestMigrateSQLiteToPostgres(t *testing.T) {
	pgURL := postgresSchema(t)
	dir := t.TempDir()
	liteCfg := writeConfig(t, dir, "  schedule: \"@every 1h\"\n  watch: false\n  settle: 0s\n")
	seeds := filepath.Join(dir, "seeds")
	copyFixture(t, filepath.Join(seeds, "bridge.txt"), time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC))
	for i, title := range []string{"Gulls return to the old pier", "Lantern walk by the river", "Market hall reopens", "Night buses to the coast", "School roof repaired"} {
		writeSeed(t, seeds, strings.ReplaceAll(strings.ToLower(title), " ", "-")+".txt", articleText(title, "Item "+string(rune('A'+i))+" of the week."))
	}
	// Same title twice: the second gets slug -2, which must survive.
	writeSeed(t, filepath.Join(seeds), "market-again.md", articleText("Market hall reopens", "A second story under the same title."))
	writeSeed(t, seeds, "draft.md", "---\ntitle: Not yet\ndraft: true\n---\n\nThis one is a draft and is not published.\n")
	writeSeed(t, seeds, "empty.txt", "")
	// Tags and an author: their pages and feeds are built and served from
	// the labels migrate copies.
	writeSeed(t, seeds, "harbour-dues.md", "---\ntitle: Harbour dues rise\nauthor: Zoë Roy\ndate: 2026-11-19\ntags: [Économie, Port]\n---\n\nThe harbour board raised the dues for visiting boats by a tenth.\n")

	site := func(cfg, name string) string {
		t.Helper()
		out := filepath.Join(t.TempDir(), name)
		if code, stdout, stderr := runBinary(t, "build", "-config", cfg, "-out", out); code != 0 {
			t.Fatalf("build %s: exit %d\n%s%s", name, code, stdout, stderr)
		}
		return out
	}
	site(liteCfg, "first")
	// A removed file leaves a tombstone to carry over.
	if err := os.Remove(filepath.Join(seeds, "school-roof-repaired.txt")); err != nil {
		t.Fatal(err)
	}
	fromSQLite := readTree(t, site(liteCfg, "sqlite"))

	data, err := os.ReadFile(liteCfg)
	if err != nil {
		t.Fatal(err)
	}
	pgCfg := filepath.Join(dir, "config-pg.yaml")
	if err := os.WriteFile(pgCfg, append(data, []byte("  url: \""+pgURL+"\"\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runBinary(t, "migrate", "-config", pgCfg)
	if code != 0 || !strings.Contains(stdout, "copied 8 articles, 1 rejected files and 1 tombstones") {
		t.Fatalf("migrate: exit %d\nstdout %s\nstderr %s", code, stdout, stderr)
	}
	t.Logf("migrate: %s", stdout)

	// Every identity and file state equal, read through the store.
	ctx := context.Background()
	lite, err := store.Open(ctx, filepath.Join(dir, "state.db"), "news.example.org")
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	pg, err := store.Open(ctx, pgURL, "news.example.org")
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	records := func(st *store.Store) []store.Record {
		var out []store.Record
		if err := st.Each(ctx, func(r store.Record) error { out = append(out, r); return nil }); err != nil {
			t.Fatal(err)
		}
		return out
	}
	lr, pr := records(lite), records(pg)
	if len(lr) != 7 || !reflect.DeepEqual(lr, pr) {
		t.Errorf("records differ (%d in SQLite, %d in PostgreSQL)", len(lr), len(pr))
	}
	for i := range min(len(lr), len(pr)) {
		a, b := lr[i], pr[i]
		if a.ID != b.ID || a.Slug != b.Slug || !a.Published.Equal(b.Published) || !a.FirstSeen.Equal(b.FirstSeen) || !a.Updated.Equal(b.Updated) || a.Path != b.Path {
			t.Errorf("record %d: SQLite %s %s %v %v, PostgreSQL %s %s %v %v", i, a.ID, a.Slug, a.Published, a.FirstSeen, b.ID, b.Slug, b.Published, b.FirstSeen)
		}
	}
	lf, _ := lite.Files(ctx)
	pf, _ := pg.Files(ctx)
	if !reflect.DeepEqual(lf, pf) {
		t.Errorf("file states differ:\n SQLite     %v\n PostgreSQL %v", lf, pf)
	}
	lite.Close()
	pg.Close()

	// The site built from PostgreSQL is the one built from SQLite.
	fromPG := readTree(t, site(pgCfg, "postgres"))
	if len(fromSQLite) < 10 || len(fromPG) != len(fromSQLite) {
		t.Errorf("built %d files from SQLite, %d from PostgreSQL", len(fromSQLite), len(fromPG))
	}
	for name, want := range fromSQLite {
		if got, ok := fromPG[name]; !ok || !bytes.Equal(got, want) {
			t.Errorf("%s built from PostgreSQL differs from the SQLite build", name)
		}
	}
	for _, name := range []string{"tags/economie/feed.xml", "tags/port/rss.xml", "authors/zoe-roy/feed.json", "tags/index.html"} {
		if len(fromPG[name]) == 0 {
			t.Errorf("no %s built from PostgreSQL", name)
		}
	}
	for _, name := range []string{"feed.xml", "rss.xml"} {
		if err := feedcheck.WellFormed(fromPG[name]); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	for _, name := range []string{"feed.xml", "rss.xml", "feed.json"} {
		f, err := gofeed.NewParser().ParseString(string(fromPG[name]))
		if err != nil || len(f.Items) != 7 {
			t.Errorf("%s from PostgreSQL: %v, want 7 items", name, err)
		}
	}

	// The daemon on PostgreSQL serves those bytes.
	p := startHealthy(t, pgCfg)
	for path, file := range map[string]string{"/feed.xml": "feed.xml", "/rss.xml": "rss.xml", "/feed.json": "feed.json", "/": "index.html",
		"/tags/economie/feed.xml": "tags/economie/feed.xml", "/authors/zoe-roy/": "authors/zoe-roy/index.html", "/tags/": "tags/index.html"} {
		if code, body := p.get(path); code != 200 || !bytes.Equal(body, fromSQLite[file]) {
			t.Errorf("GET %s on PostgreSQL: %d, differs from %s built from SQLite", path, code, file)
		}
	}
	p.signal(os.Interrupt)
	p.wait(20 * time.Second)

	// A second copy into the same database is refused, saying why.
	code, _, stderr = runBinary(t, "migrate", "-config", pgCfg)
	if code != 1 || !strings.Contains(stderr, "already holds") || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
		t.Errorf("second migrate: exit %d, stderr %q", code, stderr)
	}
}

// Usage mistakes are exit status 2 and say what to give.
func TestMigrateUsage(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	for _, tt := range []struct {
		args []string
		want string
		code int
	}{
		{[]string{"migrate", "-config", cfg}, "set state.url", 2},
		{[]string{"migrate", "-config", cfg, "-to", "mysql://x/y"}, "postgres:// URL", 2},
		{[]string{"migrate", "-config", cfg, "-to", "postgres://127.0.0.1:1/x", "-from", filepath.Join(dir, "none.db")}, "no SQLite state to copy", 1},
		{[]string{"migrate", "-config", cfg, "extra"}, "unexpected argument", 2},
	} {
		code, _, stderr := runBinary(t, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tt.args[3:], code, stderr, tt.code, tt.want)
		}
	}
}
