package main

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

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
	if err := run(ctx, cfgPath, 2, &out); err == nil {
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
	if err := run(ctx, cfgPath, 2, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"files 20, files opened by a rescan 0", "RESCAN files=20 "} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}
