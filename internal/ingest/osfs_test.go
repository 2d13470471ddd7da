//go:build unix

package ingest

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// writeAt writes a file under dir with the given mtime.
func writeAt(t *testing.T, dir, name, body string, mtime time.Time) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(p, mtime, mtime); err != nil {
		t.Fatal(err)
	}
}

func TestRealFolder(t *testing.T) {
	root := t.TempDir()
	seeds := filepath.Join(root, "seeds")
	old := t0.Add(-time.Hour)
	writeAt(t, root, "outside/secret.txt", "Secret\nmust never be published", old)
	writeAt(t, seeds, "plain.txt", "Plain\nbody", old)
	writeAt(t, seeds, "with space.txt", "Spaced\nbody", old)
	writeAt(t, seeds, "new\nline.txt", "Newline\nbody", old)
	writeAt(t, seeds, "latin1-\xe9.txt", "Latin\nbody", old)
	writeAt(t, seeds, "sub/inner.md", "Inner\nbody", old)
	links := map[string]string{
		"escape.txt":          filepath.Join(root, "outside/secret.txt"),
		"relative-escape.txt": "../outside/secret.txt",
		"loop.txt":            "loop.txt",
		"outdir":              filepath.Join(root, "outside"),
		"inside.txt":          "plain.txt",
		"sub/up":              "..",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(seeds, filepath.FromSlash(name))); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(seeds, "pipe.txt"), 0o644); err != nil {
		t.Fatal(err)
	}

	e := newEnv(t, os.DirFS(seeds))
	done := make(chan Stats)
	go func() { done <- e.scan() }()
	var st Stats
	select {
	case st = <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("scan hung (a FIFO opened?)")
	}
	want := []string{"inner", "newline", "plain", "spaced"}
	if got := e.slugs(); !slices.Equal(got, want) {
		t.Errorf("published %v, want %v", got, want)
	}
	for _, r := range e.published() {
		if strings.Contains(r.Article.Summary, "never") {
			t.Errorf("published the target of a symlink: %+v", r)
		}
	}
	if got := e.rejects(); got["latin1-\xe9.txt"] != "invalid_name" || len(got) != 1 {
		t.Errorf("rejects %v", got)
	}
	for name := range links {
		if e.logLines(name) != 1 {
			t.Errorf("symlink %s logged %d times, want once", name, e.logLines(name))
		}
	}
	if e.logLines("pipe.txt") != 1 || e.logLines("latin1-\xe9.txt") != 1 {
		t.Errorf("fifo or bad name not logged once:\n%s", e.logs)
	}
	if st.Seen != 5 {
		t.Errorf("seen %d regular files, want 5", st.Seen)
	}

	logs := e.logs.Len()
	e.scan()
	if e.logs.Len() != logs {
		t.Errorf("rescan logged again:\n%s", e.logs.String()[logs:])
	}
}

// vanishingFS deletes a file right after opening it, like a writer that
// removes it while seedfeed reads.
type vanishingFS struct {
	fs.FS
	dir, victim string
}

func (v vanishingFS) Open(name string) (fs.File, error) {
	f, err := v.FS.Open(name)
	if err == nil && name == v.victim {
		os.Remove(filepath.Join(v.dir, name))
	}
	return f, err
}

func (v vanishingFS) Lstat(name string) (fs.FileInfo, error) { return fs.Lstat(v.FS, name) }
func (v vanishingFS) ReadLink(name string) (string, error)   { return fs.ReadLink(v.FS, name) }

func TestFileDeletedWhileRead(t *testing.T) {
	dir := t.TempDir()
	old := t0.Add(-time.Hour)
	writeAt(t, dir, "stays.txt", "Stays\nbody", old)
	writeAt(t, dir, "goes.txt", "Goes\nbody", old)
	e := newEnv(t, vanishingFS{FS: os.DirFS(dir), dir: dir, victim: "goes.txt"})
	e.scan()
	if got := e.slugs(); !slices.Equal(got, []string{"stays"}) {
		t.Errorf("published %v", got)
	}
	if e.logLines("goes.txt") != 1 || metricValue(t, e.metrics.FilesRejected.WithLabelValues("vanished")) != 1 {
		t.Errorf("vanished file not reported once:\n%s", e.logs)
	}
}

// swappingFS replaces a file by a symlink to a secret between the walk and
// the open, the race a hostile writer would try.
type swappingFS struct {
	fs.FS
	dir, victim, secret string
}

func (s swappingFS) Open(name string) (fs.File, error) {
	if name == s.victim {
		p := filepath.Join(s.dir, name)
		os.Remove(p)
		os.Symlink(s.secret, p)
	}
	return s.FS.Open(name)
}

func (s swappingFS) Lstat(name string) (fs.FileInfo, error) { return fs.Lstat(s.FS, name) }
func (s swappingFS) ReadLink(name string) (string, error)   { return fs.ReadLink(s.FS, name) }

func TestSwapForSymlinkIsNotRead(t *testing.T) {
	root := t.TempDir()
	old := t0.Add(-time.Hour)
	writeAt(t, root, "secret.txt", "Secret\nmust never be published", old)
	seeds := filepath.Join(root, "seeds")
	writeAt(t, seeds, "victim.txt", "Victim\nbody", old)
	e := newEnv(t, swappingFS{FS: os.DirFS(seeds), dir: seeds, victim: "victim.txt", secret: filepath.Join(root, "secret.txt")})
	st := e.scan()
	if got := e.slugs(); len(got) != 0 {
		t.Errorf("published %v through a swapped symlink", got)
	}
	if st.Pending != 1 {
		t.Errorf("stats %+v, want the swapped file pending", st)
	}
	// Next scan: it is a symlink now, skipped.
	e.sc.cfg.FS = os.DirFS(seeds)
	e.scan()
	if got := e.slugs(); len(got) != 0 || e.logLines("victim.txt") != 1 {
		t.Errorf("published %v; logs:\n%s", got, e.logs)
	}
}

// deniedFS refuses to open one file, as permissions would.
type deniedFS struct {
	fs.FS
	denied string
}

func (d *deniedFS) Open(name string) (fs.File, error) {
	if name == d.denied {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return d.FS.Open(name)
}

func (d *deniedFS) Lstat(name string) (fs.FileInfo, error) { return fs.Lstat(d.FS, name) }
func (d *deniedFS) ReadLink(name string) (string, error)   { return fs.ReadLink(d.FS, name) }

func TestUnreadableFile(t *testing.T) {
	dir := t.TempDir()
	old := t0.Add(-time.Hour)
	writeAt(t, dir, "a.txt", "Alpha\nbody", old)
	writeAt(t, dir, "locked.txt", "Locked\nbody", old)
	dfs := &deniedFS{FS: os.DirFS(dir), denied: "locked.txt"}
	e := newEnv(t, dfs)
	e.scan()
	e.scan()
	if got := e.slugs(); !slices.Equal(got, []string{"alpha"}) {
		t.Errorf("published %v", got)
	}
	if e.logLines("locked.txt") != 1 || metricValue(t, e.metrics.FilesRejected.WithLabelValues("unreadable")) != 1 {
		t.Errorf("unreadable file not reported exactly once:\n%s", e.logs)
	}
	// Permissions fixed: chmod leaves the mtime alone, and the file is
	// still picked up because unreadable files are not recorded.
	dfs.denied = ""
	e.scan()
	if got := e.slugs(); !slices.Equal(got, []string{"alpha", "locked"}) {
		t.Errorf("after the fix: published %v", got)
	}
}

func TestUnreadableFilePermissions(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: chmod 000 does not stop root (TestUnreadableFile covers the logic)")
	}
	dir := t.TempDir()
	writeAt(t, dir, "locked.txt", "Locked\nbody", t0.Add(-time.Hour))
	p := filepath.Join(dir, "locked.txt")
	if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, os.DirFS(dir))
	e.scan()
	if len(e.slugs()) != 0 || e.logLines("locked.txt") != 1 {
		t.Errorf("published %v; logs:\n%s", e.slugs(), e.logs)
	}
	os.Chmod(p, 0o644)
	e.scan()
	if got := e.slugs(); !slices.Equal(got, []string{"locked"}) {
		t.Errorf("after chmod: %v", got)
	}
}

func TestScanPathsRealFolder(t *testing.T) {
	dir := t.TempDir()
	old := t0.Add(-time.Hour)
	writeAt(t, dir, "a.txt", "Alpha\nbody", old)
	e := newEnv(t, os.DirFS(dir))
	e.scan()
	// An editor's save: write a temporary name, rename it into place.
	writeAt(t, dir, ".a.txt.tmp", "Alpha\nedited", old.Add(time.Minute))
	if err := os.Rename(filepath.Join(dir, ".a.txt.tmp"), filepath.Join(dir, "a.txt")); err != nil {
		t.Fatal(err)
	}
	st, err := e.sc.ScanPaths(context.Background(), []string{".a.txt.tmp", "a.txt"})
	if err != nil {
		t.Fatal(err)
	}
	r := e.published()["alpha"]
	if st.Changed != 1 || r.Article.Summary != "edited" || len(e.published()) != 1 {
		t.Errorf("stats %+v, published %+v", st, e.published())
	}
}
