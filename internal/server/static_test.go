package server

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteStatic(t *testing.T) {
	dir := t.TempDir()
	snap := testSnapshot(1)
	articles := map[string][]byte{
		"ferry-timetable": []byte("<!doctype html><p>" + string(bytes.Repeat([]byte("ferry "), 200)) + "</p>"),
		"fish-market":     []byte("<!doctype html><p>fish</p>"),
	}
	if err := WriteStatic(dir, snap, articles); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"index.html":                          snap.Resources[PathIndex].Body,
		"feed.xml":                            snap.Resources[PathFeed].Body,
		"atom.xml":                            snap.Resources[PathAtom].Body,
		"rss.xml":                             snap.Resources[PathRSS].Body,
		"feed.json":                           snap.Resources[PathJSON].Body,
		"feed.css":                            snap.Resources[PathStylesheet].Body,
		"articles/ferry-timetable/index.html": articles["ferry-timetable"],
		"articles/fish-market/index.html":     articles["fish-market"],
	}
	for rel, want := range files {
		path := filepath.Join(dir, filepath.FromSlash(rel))
		got, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%s: %v", rel, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: wrong content", rel)
		}
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o644 {
			t.Errorf("%s: mode %v, want 0644", rel, fi.Mode().Perm())
		}
		if gz, err := os.ReadFile(path + ".gz"); err == nil {
			if !bytes.Equal(gunzip(t, gz), want) {
				t.Errorf("%s.gz does not decompress to %s", rel, rel)
			}
		} else if rel != "articles/fish-market/index.html" {
			// Only a body too small to shrink may lack its sibling.
			t.Errorf("%s.gz: %v", rel, err)
		}
	}
	fi, err := os.Stat(filepath.Join(dir, "feed.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if !fi.ModTime().Equal(snap.Resources[PathFeed].LastModified) {
		t.Errorf("feed.xml mtime %v, want the resource's %v", fi.ModTime(), snap.Resources[PathFeed].LastModified)
	}

	// Rewriting replaces files in place and leaves no temporary files.
	if err := WriteStatic(dir, testSnapshot(2), nil); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(dir, "feed.xml"))
	if err != nil || !bytes.Equal(got, testFeed(PathFeed, 2)) {
		t.Errorf("feed.xml not replaced: %v", err)
	}
	leftovers, err := filepath.Glob(filepath.Join(dir, ".tmp-*"))
	if err != nil || len(leftovers) != 0 {
		t.Errorf("temporary files left behind: %v %v", leftovers, err)
	}
}

func TestWriteStaticRefusesEscapes(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(filepath.Dir(dir), "escaped")
	for _, slug := range []string{"../escaped", "a/b", "..", ""} {
		err := WriteStatic(dir, testSnapshot(1), map[string][]byte{slug: []byte("x")})
		if !errors.Is(err, ErrStatic) {
			t.Errorf("slug %q: err = %v, want ErrStatic", slug, err)
		}
	}
	snap := testSnapshot(1)
	snap.Add("/../escaped", []byte("x"), "text/plain", testLastMod)
	if err := NewStaticWriter(dir, false).WriteSnapshot(snap); !errors.Is(err, ErrStatic) {
		t.Errorf("resource path with ..: err = %v, want ErrStatic", err)
	}
	if _, err := os.Stat(outside); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("something was written outside the output dir: %v", err)
	}
	if err := WriteStatic(dir, &Snapshot{}, nil); !errors.Is(err, ErrStatic) {
		t.Errorf("empty snapshot: err = %v, want ErrStatic", err)
	}
}

func TestWriteStaticReadOnlyDir(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root ignores directory permissions")
	}
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(dir, 0o755) })
	err := WriteStatic(dir, testSnapshot(1), nil)
	if err == nil || !errors.Is(err, os.ErrPermission) {
		t.Errorf("read-only dir: err = %v, want a permission error", err)
	}
}
