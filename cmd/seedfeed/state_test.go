//go:build unix

package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"seedfeed/internal/store"
)

type identity struct {
	id, slug             string
	published, firstSeen time.Time
}

// identities reads every stored article's identity by path.
func identities(t *testing.T, st *store.Store) map[string]identity {
	t.Helper()
	out := map[string]identity{}
	ids, slugs := map[string]bool{}, map[string]bool{}
	err := st.Each(context.Background(), func(r store.Record) error {
		if ids[r.ID] || slugs[r.Slug] {
			t.Errorf("duplicate id %s or slug %s (%s)", r.ID, r.Slug, r.Path)
		}
		ids[r.ID], slugs[r.Slug] = true, true
		out[r.Path] = identity{r.ID, r.Slug, r.Published, r.FirstSeen}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// SIGKILL in the middle of a scan of 10,000 files, then a restart: no
// duplicates, nothing lost, every id and published time as before, and
// PRAGMA integrity_check passes.
func TestSIGKILLMidScan(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "  schedule: \"@every 1h\"\n  watch: true\n  settle: 0s\n")
	const n = 10_000
	writeManySeeds(t, filepath.Join(dir, "seeds"), n)
	db := filepath.Join(dir, "state.db")

	p := startProc(t, cfg)
	written := waitMidScan(t, p, n)
	p.signal(syscall.SIGKILL)
	if code := p.wait(10 * time.Second); code != 128+int(syscall.SIGKILL) {
		t.Fatalf("exit status %d, want death by SIGKILL", code)
	}
	st := openState(t, db)
	before := identities(t, st)
	st.Close()
	t.Logf("killed after %v files were written; %d articles survived the kill", written, len(before))
	if len(before) == 0 || len(before) >= n {
		t.Fatalf("%d articles stored at the kill: not in the middle of the scan", len(before))
	}

	p = startHealthy(t, cfg)
	deadline := time.Now().Add(3 * time.Minute)
	for {
		var h struct{ Articles int }
		_, b := p.get("/healthz")
		if err := json.Unmarshal(b, &h); err != nil {
			t.Fatalf("healthz %q: %v", b, err)
		}
		if h.Articles == n {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d articles after the restart:\n%s", h.Articles, n, p.logs)
		}
		time.Sleep(100 * time.Millisecond)
	}
	code, body := p.get("/feed.json")
	var jf struct{ Items []struct{ ID string } }
	if err := json.Unmarshal(body, &jf); code != 200 || err != nil {
		t.Fatalf("/feed.json: %d %v", code, err)
	}
	seen := map[string]bool{}
	for _, it := range jf.Items {
		if seen[it.ID] {
			t.Errorf("feed lists %s twice", it.ID)
		}
		seen[it.ID] = true
	}
	p.signal(syscall.SIGTERM)
	if code := p.wait(10 * time.Second); code != 0 {
		t.Fatalf("exit status %d", code)
	}

	after := identities(t, openState(t, db))
	if len(after) != n {
		t.Errorf("%d articles after the restart, want %d", len(after), n)
	}
	changed := 0
	for path, was := range before {
		now, ok := after[path]
		switch {
		case !ok:
			t.Errorf("%s lost after the restart", path)
		case now.id != was.id || now.slug != was.slug || !now.published.Equal(was.published) || !now.firstSeen.Equal(was.firstSeen):
			if changed++; changed <= 5 {
				t.Errorf("%s changed identity across the crash:\n was %+v\n now %+v", path, was, now)
			}
		}
	}
	if changed > 5 {
		t.Errorf("... %d articles changed identity in all", changed)
	}
}

// A corrupt database or one from a newer seedfeed stops the daemon at start
// with an error that says what to do; the file is left as it was.
func TestRefusesUnusableDatabase(t *testing.T) {
	tests := []struct {
		name    string
		prepare func(t *testing.T, path string)
		want    []string
	}{
		{"corrupt", func(t *testing.T, path string) {
			junk := bytes.Repeat([]byte("this is not an SQLite database\n"), 500)
			if err := os.WriteFile(path, junk, 0o644); err != nil {
				t.Fatal(err)
			}
		}, []string{"database is corrupt", "restore a backup", "state.db"}},
		{"newer schema", func(t *testing.T, path string) {
			st, err := store.Open(context.Background(), path, "news.example.org")
			if err != nil {
				t.Fatal(err)
			}
			st.Close()
			raw, err := sql.Open("sqlite", path)
			if err != nil {
				t.Fatal(err)
			}
			defer raw.Close()
			if _, err := raw.Exec("PRAGMA user_version = 99"); err != nil {
				t.Fatal(err)
			}
		}, []string{"schema is newer", "run a newer seedfeed", "state.db"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			cfg := writeConfig(t, dir, "")
			db := filepath.Join(dir, "state.db")
			tt.prepare(t, db)
			want, err := os.ReadFile(db)
			if err != nil {
				t.Fatal(err)
			}
			p := startProc(t, cfg)
			if code := p.wait(10 * time.Second); code == 0 {
				t.Errorf("exit status 0 with an unusable database")
			}
			stderr := p.logs.String()
			for _, w := range tt.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr does not say %q:\n%s", w, stderr)
				}
			}
			if strings.Contains(stderr, "listening") {
				t.Errorf("started serving before refusing the database:\n%s", stderr)
			}
			if got, _ := os.ReadFile(db); !bytes.Equal(got, want) {
				t.Error("the refused database file was modified")
			}
		})
	}
}

// A state directory that cannot be written stops seedfeed at start with a
// clear error. Permissions do not stop root, so as root the daemon runs as
// the unprivileged user nobody.
func TestReadOnlyStateDirAtStart(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	var cred *syscall.Credential
	if os.Geteuid() == 0 {
		cred = &syscall.Credential{Uid: 65534, Gid: 65534}
		// nobody must reach the binary, the config and the seeds.
		for _, d := range []string{filepath.Dir(seedfeedBinary(t)), filepath.Dir(dir)} {
			if err := os.Chmod(d, 0o755); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	p := startProcAs(t, cfg, cred)
	if code := p.wait(10 * time.Second); code == 0 {
		t.Error("exit status 0 with a read-only state directory")
	}
	if s := p.logs.String(); !strings.Contains(s, "read-only") || !strings.Contains(s, "state.db") {
		t.Errorf("stderr does not name the read-only database:\n%s", s)
	}
	t.Logf("stderr: %s", p.logs)
}

// The backup the README recommends, taken while the daemon runs (VACUUM
// INTO, or sqlite3's .backup when the sqlite3 tool is installed), is a
// consistent database; restored into place it gives every article its id
// back.
func TestBackupWhileRunningRestores(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "  schedule: \"@every 1h\"\n  watch: true\n  settle: 100ms\n")
	seeds := filepath.Join(dir, "seeds")
	for i := range 5 {
		writeSeed(t, seeds, fmt.Sprintf("a%d.txt", i), bigArticle(i, 2<<10))
	}
	db := filepath.Join(dir, "state.db")
	p := startHealthy(t, cfg)
	in := &instance{t: t, url: p.url, logs: p.logs}
	in.waitFor("the five articles", 20*time.Second, func(f *gofeed.Feed) bool { return len(f.Items) == 5 })
	_, feedBefore := p.get("/feed.json")

	backups := []string{filepath.Join(dir, "vacuum-into.db")}
	raw, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec("VACUUM INTO ?", backups[0]); err != nil {
		t.Fatalf("VACUUM INTO while running: %v", err)
	}
	raw.Close()
	if sqlite3, err := exec.LookPath("sqlite3"); err == nil {
		b := filepath.Join(dir, "dot-backup.db")
		if out, err := exec.Command(sqlite3, db, ".backup "+b).CombinedOutput(); err != nil {
			t.Fatalf("sqlite3 .backup while running: %v\n%s", err, out)
		}
		backups = append(backups, b)
	} else {
		t.Log("sqlite3 not installed: only VACUUM INTO is tried")
	}
	p.signal(syscall.SIGTERM)
	if code := p.wait(10 * time.Second); code != 0 {
		t.Fatalf("exit status %d", code)
	}
	live := identities(t, openState(t, db))

	for _, b := range backups {
		t.Run(filepath.Base(b), func(t *testing.T) {
			st := openState(t, b)
			if got := identities(t, st); !maps.Equal(got, live) {
				t.Errorf("backup holds %v, live database %v", got, live)
			}
			st.Close()
			// Restore: the daemon is stopped; the WAL files of the old
			// database must go with it.
			for _, sfx := range []string{"", "-wal", "-shm"} {
				os.Remove(db + sfx)
			}
			data, err := os.ReadFile(b)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(db, data, 0o644); err != nil {
				t.Fatal(err)
			}
			p := startHealthy(t, cfg)
			time.Sleep(300 * time.Millisecond) // the first scan finds nothing new
			if _, feedAfter := p.get("/feed.json"); !bytes.Equal(feedAfter, feedBefore) {
				t.Errorf("feed after the restore differs from the feed before the backup")
			}
			p.signal(syscall.SIGTERM)
			p.wait(10 * time.Second)
		})
	}
}
