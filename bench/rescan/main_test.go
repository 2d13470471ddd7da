package main

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"seedfeed/internal/config"
	"seedfeed/internal/corpus"
	"seedfeed/internal/daemon"
)

func TestCountingFSCountsFilesOnly(t *testing.T) {
	c := &countingFS{FS: fstest.MapFS{
		"a.txt":     {Data: []byte("a")},
		"sub/b.txt": {Data: []byte("b")},
		"link":      {Data: []byte("a.txt"), Mode: fs.ModeSymlink},
	}}
	for _, name := range []string{".", "sub", "a.txt", "sub/b.txt"} {
		f, err := c.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	if n := c.opened.Load(); n != 2 {
		t.Errorf("opened %d, want 2 (folders are not counted)", n)
	}
	fi, err := fs.Lstat(c, "link")
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("Lstat followed the link: %v", fi.Mode())
	}
}

func TestRunOnBuiltFolder(t *testing.T) {
	if _, err := exec.LookPath("find"); err != nil {
		t.Skip("find not installed")
	}
	dir := t.TempDir()
	if err := corpus.Write(filepath.Join(dir, "seeds"), 20, 1); err != nil {
		t.Fatal(err)
	}
	cfgPath := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(cfgPath, []byte("seeds:\n  dir: seeds\nstate:\n  path: state.db\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var out bytes.Buffer
	if err := run(ctx, []string{cfgPath}, 2, &out); err == nil {
		t.Fatal("run accepted a database that does not hold the folder")
	}
	cfg, err := config.Load(cfgPath, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	if _, err := daemon.Build(ctx, cfg, filepath.Join(dir, "out"), nil); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := run(ctx, []string{cfgPath}, 2, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"files 20, files opened by a rescan 0", "RESCAN files=20 "} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

// TestRunSideBySide compares two configs over one folder in one run: two
// SQLite files, or SQLite and PostgreSQL when SEEDFEED_TEST_POSTGRES_URL
// names a database (a schema of its own, dropped afterwards).
func TestRunSideBySide(t *testing.T) {
	if _, err := exec.LookPath("find"); err != nil {
		t.Skip("find not installed")
	}
	dir := t.TempDir()
	if err := corpus.Write(filepath.Join(dir, "seeds"), 30, 2); err != nil {
		t.Fatal(err)
	}
	second, secondState := "other", "  path: other.db\n"
	if raw := os.Getenv("SEEDFEED_TEST_POSTGRES_URL"); raw != "" {
		second, secondState = "postgres", "  url: \""+rescanTestSchema(t, raw)+"\"\n"
	} else {
		t.Log("second config on SQLite: SEEDFEED_TEST_POSTGRES_URL is unset")
	}
	ctx := context.Background()
	var paths []string
	for _, c := range []struct{ name, state string }{{"sqlite", "  path: state.db\n"}, {second, secondState}} {
		p := filepath.Join(dir, c.name+".yaml")
		if err := os.WriteFile(p, []byte("seeds:\n  dir: seeds\nstate:\n"+c.state), 0o644); err != nil {
			t.Fatal(err)
		}
		cfg, err := config.Load(p, func(string) string { return "" })
		if err != nil {
			t.Fatal(err)
		}
		if _, err := daemon.Build(ctx, cfg, filepath.Join(dir, "out-"+c.name), nil); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	var out bytes.Buffer
	if err := run(ctx, paths, 3, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"sqlite: files 30, files opened by a rescan 0",
		second + ": files 30, files opened by a rescan 0",
		"RESCAN config=sqlite files=30 ",
		"RESCAN config=" + second + " files=30 ",
		"RESCANVS config=" + second + " base=sqlite first_ratio=",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

// rescanTestSchema makes a schema of its own in the database at raw,
// dropped when the test ends, and returns the URL that selects it.
func rescanTestSchema(t *testing.T, raw string) string {
	t.Helper()
	db, err := sql.Open("pgx", raw)
	if err != nil {
		t.Fatal(err)
	}
	schema := fmt.Sprintf("rescan_test_%d", time.Now().UnixNano())
	if _, err := db.Exec(`CREATE SCHEMA ` + schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		db.Exec(`DROP SCHEMA ` + schema + ` CASCADE`)
		db.Close()
	})
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
