package main

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestExpandPathsSkipsWhatTheDaemonSkips: check over a folder lists the
// files the daemon would read as articles, not a saved page's stylesheet
// or a picture; a file named on its own is read whatever its name.
func TestExpandPathsSkipsWhatTheDaemonSkips(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.txt", "b.md", "notes", "style.css", "wall.JPG", "page_files/app.js", "page_files/font.woff2", ".drafts/x.txt", "sub/c.html"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("Title\n\nBody.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	css := filepath.Join(dir, "style.css")
	got, err := expandPaths([]string{dir, css})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.md"), filepath.Join(dir, "notes"), filepath.Join(dir, "sub", "c.html"), css}
	if !slices.Equal(got, want) {
		t.Errorf("expandPaths = %q, want %q", got, want)
	}
}
