package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"seedfeed/internal/article"
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
	got, names, err := expandPaths([]string{dir, css}, "")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.md"), filepath.Join(dir, "notes"), filepath.Join(dir, "sub", "c.html"), css}
	if !slices.Equal(got, want) {
		t.Errorf("expandPaths = %q, want %q", got, want)
	}
	if wantNames := []string{"a.txt", "b.md", "notes", "sub/c.html", "style.css"}; !slices.Equal(names, wantNames) {
		t.Errorf("names %q, want %q", names, wantNames)
	}
}

// TestCheckReadsAsTheDaemonDoes: check reads each file by the name the
// daemon reads it by, its path in the folder checked or in the seeds
// folder, so that it shows what will be published: a post in _drafts is
// a draft, a page bundle's day dates it, and a picture beside a post is
// served from its folder under /files/.
func TestCheckReadsAsTheDaemonDoes(t *testing.T) {
	dir := t.TempDir()
	seeds := filepath.Join(dir, "seeds")
	files := map[string]string{
		"_drafts/pier.md":            "---\ntitle: The pier\n---\n\nNot finished yet.\n",
		"2024-05-02-a-walk/index.md": "# A walk\n\nWe walked along the cliffs for an hour.\n",
		"trips/cliffs.md":            "# Cliffs\n\nThe cliffs at dawn.\n\n![The path](path.jpg)\n",
	}
	for name, body := range files {
		p := filepath.Join(seeds, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(cfg, []byte("site:\n  base_url: https://harbour.example.org/\nseeds:\n  dir: "+seeds+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	type result struct {
		Path      string            `json:"path"`
		Draft     bool              `json:"draft"`
		Published *string           `json:"published"`
		Pictures  []article.Picture `json:"pictures"`
	}
	check := func(args ...string) map[string]result {
		var out, errOut bytes.Buffer
		err := run(context.Background(), append([]string{"check", "-json", "-config", cfg}, args...), func(string) string { return "" }, &out, &errOut)
		if err != nil {
			t.Fatalf("check %q: %v\n%s", args, err, errOut.String())
		}
		got := map[string]result{}
		for line := range strings.Lines(out.String()) {
			var r result
			if err := json.Unmarshal([]byte(line), &r); err != nil {
				t.Fatal(err)
			}
			got[filepath.ToSlash(strings.TrimPrefix(r.Path, seeds+string(filepath.Separator)))] = r
		}
		return got
	}
	// The folder, and each file named on its own.
	for _, got := range []map[string]result{
		check(seeds),
		check(filepath.Join(seeds, "_drafts", "pier.md"), filepath.Join(seeds, "2024-05-02-a-walk", "index.md"), filepath.Join(seeds, "trips", "cliffs.md")),
	} {
		if !got["_drafts/pier.md"].Draft {
			t.Errorf("_drafts/pier.md is no draft: %+v", got["_drafts/pier.md"])
		}
		if p := got["2024-05-02-a-walk/index.md"].Published; p == nil || !strings.HasPrefix(*p, "2024-05-02") {
			t.Errorf("the page bundle is not dated by its folder: %v", p)
		}
		pics := got["trips/cliffs.md"].Pictures
		if len(pics) != 1 || pics[0].URL != "https://harbour.example.org/files/trips/path.jpg" {
			t.Errorf("trips/cliffs.md pictures %+v, want https://harbour.example.org/files/trips/path.jpg", pics)
		}
	}
}
