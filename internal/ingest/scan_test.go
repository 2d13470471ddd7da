package ingest

import (
	"context"
	"errors"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"seedfeed/internal/article"
)

func TestScanFolder(t *testing.T) {
	old := t0.Add(-time.Hour)
	tests := []struct {
		name      string
		files     fstest.MapFS
		max       int64
		published []string
		rejects   map[string]string
		seen      int
	}{
		{
			name: "articles in nested folders",
			files: fstest.MapFS{
				"one.txt":          file("One\nfirst body", old),
				"two.md":           file("Two\nsecond body", old),
				"2026/03/three.md": file("Three\nthird body", old),
			},
			published: []string{"one", "three", "two"},
			seen:      3,
		},
		{
			name: "hidden files and folders and editor temporaries are skipped",
			files: fstest.MapFS{
				"ok.txt":           file("Ok\nbody", old),
				".hidden.txt":      file("Hidden\nbody", old),
				".git/config":      file("Git\nbody", old),
				"sub/.#lock.txt":   file("Lock\nbody", old),
				"ok.txt.swp":       file("Swap\nbody", old),
				"ok.txt~":          file("Backup\nbody", old),
				"#autosave.txt#":   file("Auto\nbody", old),
				"download.part":    file("Part\nbody", old),
				".drafts/later.md": file("Later\nbody", old),
			},
			published: []string{"ok"},
			seen:      1,
		},
		{
			name: "pictures are no articles, and no rejects",
			files: fstest.MapFS{
				"post.md":           file("Post\nbody", old),
				"icon.png":          file("\x89PNG\r\n\x1a\nbinary", old),
				"2026/wall.JPG":     file("\xff\xd8\xffbinary", old),
				"2026/logo.svg":     file("<svg/>", old),
				"2026/notes.jpg.md": file("Notes\nbody", old),
			},
			published: []string{"notes", "post"},
			seen:      2,
		},
		{
			name: "a saved page's stylesheets, scripts and fonts, data and databases are no articles either",
			files: fstest.MapFS{
				"page.html":               file("Page\nthe page's own text", old),
				"page_files/style.CSS":    file("body { color: red; }\n.nav { display: none }", old),
				"page_files/app.js":       file("function x() { return 1 }\nwindow.onload = x", old),
				"page_files/app.js.map":   file(`{"version":3}`, old),
				"page_files/font.woff2":   file("wOF2\x00\x01binary", old),
				"page_files/data.json":    file(`{"a": 1}`, old),
				"feed.xml":                file("<rss><channel></channel></rss>", old),
				"config.yaml":             file("site:\n  title: x", old),
				"seedfeed.db":             file("SQLite format 3\x00", old),
				"seedfeed.db-wal":         file("\x37\x7f\x06\x82", old),
				"talk.mp3":                file("ID3\x03binary", old),
				"report 2024.03":          file("Report\nbody of the report", old),
				"Mr. Smith goes to Paris": file("Smith\nbody of the story", old),
			},
			published: []string{"page", "report", "smith"},
			seen:      3,
		},
		{
			name: "a repository's own files, code, copies of articles and keys are no articles either",
			files: fstest.MapFS{
				"post.md":           file("Post\nbody", old),
				"post.md.bak":       file("Post\nbody", old),
				"post.md.orig":      file("Post\nan older body", old),
				"Makefile":          file("build:\n\tgo build ./...", old),
				"LICENSE":           file("MIT License\nPermission is hereby granted", old),
				"docker/Dockerfile": file("FROM golang\nRUN go build", old),
				"tools/main.py":     file("import sys\nprint(sys.argv)", old),
				"tides.ipynb":       file(`{"cells": []}`, old),
				"certs/site.key":    file("-----BEGIN PRIVATE KEY-----\nMIIE", old),
				"talk.srt":          file("1\n00:00:01,000 --> 00:00:04,000\nHello", old),
				"paper.tex":         file("\\documentclass{article}\nThe tides", old),
				"notes":             file("Notes\na writer's notes with no extension", old),
				"Makefile tips.txt": file("Tips\nhow to write a Makefile", old),
			},
			published: []string{"notes", "post", "tips"},
			seen:      3,
		},
		{
			name: "a notes app's drawings and canvases are no articles",
			files: fstest.MapFS{
				"Harbour walk.md":                     file("Harbour walk\nWe walked to the pier.", old),
				"Drawing 2025-04-02.excalidraw.md":    file("---\nexcalidraw-plugin: parsed\n---\n# Text Elements\npier", old),
				"sketches/Pier.EXCALIDRAW":            file(`{"type": "excalidraw"}`, old),
				"Plans.canvas":                        file(`{"nodes": [], "edges": []}`, old),
				"a.excalidraw notes about drawing.md": file("Drawing\nhow we draw the pier", old),
			},
			published: []string{"drawing", "harbour-walk"},
			seen:      2,
		},
		{
			name: "bad files are rejected, the rest published",
			files: fstest.MapFS{
				"good.txt":     file("Good\nbody", old),
				"empty.txt":    file("", old),
				"blank.txt":    file(" \n\t\n", old),
				"binary.bin":   file("\x00\x01\x02junk", old),
				"latin1.txt":   file("Caf\xe9\nbody", old),
				"title.txt":    file("Only a title", old),
				"huge.txt":     file(strings.Repeat("x", 101), old),
				"crash.txt":    file("Crash\nPANIC", old),
				"ctrl\nname.t": file("Newline\nin the name", old),
			},
			max:       100,
			published: []string{"good", "newline"},
			rejects: map[string]string{
				"empty.txt": "empty", "blank.txt": "empty", "binary.bin": "binary", "latin1.txt": "invalid_utf8",
				"title.txt": "no_body", "huge.txt": "too_large", "crash.txt": "parse_panic",
			},
			seen: 9,
		},
		{
			name: "symlinks are not followed",
			files: fstest.MapFS{
				"real.txt":  file("Real\nbody", old),
				"link.txt":  &fstest.MapFile{Data: []byte("real.txt"), Mode: fs.ModeSymlink, ModTime: old},
				"loop.txt":  &fstest.MapFile{Data: []byte("loop.txt"), Mode: fs.ModeSymlink, ModTime: old},
				"dirlink":   &fstest.MapFile{Data: []byte("sub"), Mode: fs.ModeSymlink, ModTime: old},
				"sub/x.txt": file("Sub\nbody", old),
			},
			published: []string{"real", "sub"},
			seen:      2,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, tt.files, func(c *Config) {
				if tt.max > 0 {
					c.MaxFileBytes = tt.max
				}
			})
			st := e.scan()
			if got := e.slugs(); !slices.Equal(got, tt.published) {
				t.Errorf("published %v, want %v", got, tt.published)
			}
			rejects := e.rejects()
			if len(rejects) != len(tt.rejects) {
				t.Errorf("rejects %v, want %v", rejects, tt.rejects)
			}
			for p, want := range tt.rejects {
				if rejects[p] != want {
					t.Errorf("%s: reason %q, want %q", p, rejects[p], want)
				}
				if n := e.logLines(p); n != 1 {
					t.Errorf("%s logged %d times, want once", p, n)
				}
				if got := metricValue(t, e.metrics.FilesRejected.WithLabelValues(want)); got < 1 {
					t.Errorf("metric files_rejected{%s} = %v", want, got)
				}
			}
			if st.Seen != tt.seen || st.Changed != len(tt.published) || st.Rejected != len(tt.rejects) || !st.Published {
				t.Errorf("stats %+v", st)
			}
			if got := metricValue(t, e.metrics.FilesSeen); got != float64(tt.seen) {
				t.Errorf("files_seen metric = %v", got)
			}

			// A rescan of the same folder reads nothing, writes nothing and
			// logs nothing new.
			logs := e.logs.Len()
			parses := e.parses.Load()
			st = e.scan()
			if st.Changed != 0 || st.Rejected != 0 || st.Removed != 0 || st.Published || e.parses.Load() != parses {
				t.Errorf("rescan stats %+v, %d parses", st, e.parses.Load()-parses)
			}
			if e.logs.Len() != logs {
				t.Errorf("rescan logged:\n%s", e.logs.String()[logs:])
			}
		})
	}
}

func TestRescanUnchangedOpensNothing(t *testing.T) {
	mem := fstest.MapFS{}
	for i := range 50 {
		mem["d"+string(rune('a'+i%5))+"/f"+strings.Repeat("x", i)+".txt"] = file("Title "+strings.Repeat("y", i)+"\nbody", t0.Add(-time.Hour))
	}
	cfs := &countingFS{FS: mem}
	e := newEnv(t, cfs)
	e.scan()
	if got := cfs.fileOpens(); got != 50 {
		t.Fatalf("cold scan opened %d files, want 50: %v", got, cfs.opens)
	}
	st := e.scan()
	if got := cfs.fileOpens(); got != 50 {
		t.Errorf("rescan opened %d more files", got-50)
	}
	if st.Seen != 50 || st.Published {
		t.Errorf("rescan stats %+v", st)
	}
}

func TestChangesKeepIdentity(t *testing.T) {
	ctx := context.Background()
	mem := fstest.MapFS{"a.txt": file("Alpha\nfirst", t0.Add(-time.Hour))}
	e := newEnv(t, mem)
	e.scan()
	orig := e.published()["alpha"]
	if orig.ID != "tag:example.org,2026-03-25:/articles/alpha" {
		t.Fatalf("id = %q", orig.ID)
	}
	if want := "ref=" + t0.Add(-time.Hour).Format(time.RFC3339Nano); orig.Article.Subtitle != want {
		t.Errorf("parse reference %q, want the file's mtime (%s)", orig.Article.Subtitle, want)
	}

	steps := []struct {
		name   string
		change func()
		check  func(st Stats)
	}{
		{"touch with same bytes: not parsed, nothing published", func() {
			mem["a.txt"].ModTime = t0.Add(-30 * time.Minute)
		}, func(st Stats) {
			if st.Published || st.Changed != 0 {
				t.Errorf("stats %+v", st)
			}
		}},
		{"edit: same id, later updated", func() {
			mem["a.txt"] = file("Alpha renamed title\nsecond", t0.Add(-10*time.Minute))
		}, func(st Stats) {
			r, ok := e.published()["alpha"]
			if !ok || r.ID != orig.ID || !r.Updated.After(orig.Updated) || r.Article.Title != "Alpha renamed title" {
				t.Errorf("after edit %+v (stats %+v)", r, st)
			}
		}},
		{"rename: same id", func() {
			mem["moved/b.txt"] = mem["a.txt"]
			delete(mem, "a.txt")
		}, func(st Stats) {
			r := e.published()["alpha"]
			if r.ID != orig.ID || r.Path != "moved/b.txt" || len(e.published()) != 1 {
				t.Errorf("after rename %+v", e.published())
			}
		}},
		{"broken by an edit: the last good version stays", func() {
			mem["moved/b.txt"] = file("", t0.Add(-5*time.Minute))
		}, func(st Stats) {
			if st.Published || st.Rejected != 1 {
				t.Errorf("stats %+v", st)
			}
			if _, ok := e.published()["alpha"]; !ok {
				t.Error("article lost when its file was emptied")
			}
		}},
		{"delete: gone", func() {
			delete(mem, "moved/b.txt")
		}, func(st Stats) {
			if !st.Published || st.Removed != 1 || len(e.published()) != 0 {
				t.Errorf("after delete %+v, stats %+v", e.published(), st)
			}
		}},
	}
	for _, s := range steps {
		s.change()
		e.clock.Advance(time.Minute)
		parses := e.parses.Load()
		st := e.scan()
		t.Run(s.name, func(t *testing.T) { s.check(st) })
		if strings.HasPrefix(s.name, "touch") && e.parses.Load() != parses {
			t.Errorf("%s: parsed %d times", s.name, e.parses.Load()-parses)
		}
	}
	files, _ := e.st.Files(ctx)
	if len(files) != 0 {
		t.Errorf("store still knows %v", files)
	}
}

func TestMoveAcrossBatchesKeepsID(t *testing.T) {
	mem := fstest.MapFS{}
	for _, n := range []string{"b", "c", "d", "e", "f", "g", "z"} {
		mem[n+".txt"] = file("Title "+n+"\nbody "+n, t0.Add(-time.Hour))
	}
	e := newEnv(t, mem, func(c *Config) { c.BatchSize = 1 })
	e.scan()
	before := e.published()["title-z"]
	// z.txt moves to a.txt: the new path sorts first, so its batch is
	// written before anything else in the scan.
	mem["a.txt"] = mem["z.txt"]
	delete(mem, "z.txt")
	mem["b.txt"] = file("Title b\nedited", t0)
	e.clock.Advance(time.Hour)
	e.scan()
	after := e.published()["title-z"]
	if after.ID != before.ID || after.Path != "a.txt" {
		t.Errorf("moved article: before %+v after %+v", before, after)
	}
}

func TestSlugCollisionsAreDeterministic(t *testing.T) {
	var ids []string
	for range 3 {
		mem := fstest.MapFS{}
		for i := range 12 {
			mem[string(rune('a'+i))+".txt"] = file("Same Title\nbody "+string(rune('a'+i)), t0.Add(-time.Hour))
		}
		e := newEnv(t, mem, func(c *Config) { c.Workers = 4 })
		e.scan()
		var got []string
		for _, r := range e.published() {
			got = append(got, r.Path+"="+r.Slug)
		}
		slices.Sort(got)
		ids = append(ids, strings.Join(got, ","))
	}
	if ids[0] != ids[1] || ids[1] != ids[2] {
		t.Errorf("slug assignment differs between runs:\n%s\n%s\n%s", ids[0], ids[1], ids[2])
	}
	if !strings.Contains(ids[0], "a.txt=same-title,") || !strings.Contains(ids[0], "l.txt=same-title-12") {
		t.Errorf("slugs not in path order: %s", ids[0])
	}
}

func TestSettle(t *testing.T) {
	mem := fstest.MapFS{}
	e := newEnv(t, mem)
	now := e.clock.Now()

	// Written one second ago: not read until two seconds after its mtime.
	mem["fresh.txt"] = file("Fresh\nbody", now.Add(-time.Second))
	// Dated an hour in the future (clock skew): read once unchanged for
	// the settle time.
	mem["future.txt"] = file("Future\nbody", now.Add(time.Hour))
	mem["old.txt"] = file("Old\nbody", now.Add(-time.Hour))

	st := e.scan()
	if st.Pending != 2 || !st.RetryAt.Equal(now.Add(time.Second)) {
		t.Fatalf("stats %+v, want 2 pending, retry at %v", st, now.Add(time.Second))
	}
	if got := e.slugs(); !slices.Equal(got, []string{"old"}) {
		t.Fatalf("published %v", got)
	}

	e.clock.Advance(time.Second)
	st = e.scan()
	if got := e.slugs(); !slices.Equal(got, []string{"fresh", "old"}) || st.Pending != 1 || !st.RetryAt.Equal(now.Add(2*time.Second)) {
		t.Fatalf("after 1s: published %v, stats %+v", got, st)
	}

	// A file still growing at every scan never settles.
	for i := range 5 {
		e.clock.Advance(time.Second)
		mem["growing.txt"] = file("Growing\n"+strings.Repeat("more ", i+1), e.clock.Now().Add(-500*time.Millisecond))
		st = e.scan()
		if _, ok := e.published()["growing"]; ok {
			t.Fatalf("published a file still being written (scan %d)", i)
		}
	}
	if _, ok := e.published()["future"]; !ok {
		t.Error("future-dated file never published")
	}
	e.clock.Advance(2 * time.Second)
	e.scan()
	if r, ok := e.published()["growing"]; !ok || r.Article.Summary != strings.TrimSpace(strings.Repeat("more ", 5)) {
		t.Errorf("growing file after it settled: %+v", r)
	}
}

func TestTooLargeIsNeverOpened(t *testing.T) {
	mem := fstest.MapFS{"big.txt": file(strings.Repeat("x", 5000), t0.Add(-time.Hour))}
	cfs := &countingFS{FS: mem}
	e := newEnv(t, cfs, func(c *Config) { c.MaxFileBytes = 1000 })
	e.scan()
	if cfs.fileOpens() != 0 {
		t.Errorf("opened an oversized file %d times", cfs.fileOpens())
	}
	if e.rejects()["big.txt"] != "too_large" {
		t.Errorf("rejects %v", e.rejects())
	}
}

func TestFailedWriteCatchesUp(t *testing.T) {
	mem := fstest.MapFS{"a.txt": file("Alpha\nbody", t0.Add(-time.Hour))}
	fst := &failingStore{}
	e := newEnv(t, mem, func(c *Config) { c.Store = fst })
	e.scan()
	before := e.published()

	fst.fail.Store(true)
	mem["a.txt"] = file("Alpha\nedited", t0)
	mem["b.txt"] = file("Beta\nnew", t0.Add(-time.Minute))
	mem["bad.txt"] = file("", t0.Add(-time.Minute))
	e.clock.Advance(time.Hour)
	_, err := e.sc.Scan(context.Background())
	if !errors.Is(err, errInjected) {
		t.Fatalf("Scan = %v, want the store's error", err)
	}
	if got := e.published(); len(got) != 1 || got["alpha"].Updated != before["alpha"].Updated {
		t.Errorf("a failed scan changed what is published: %v", got)
	}
	if n := e.logLines("bad.txt"); n != 0 {
		t.Errorf("reject logged before it was recorded (%d lines)", n)
	}

	fst.fail.Store(false)
	st := e.scan()
	if got := e.slugs(); !slices.Equal(got, []string{"alpha", "beta"}) || !st.Published {
		t.Errorf("after recovery: %v, stats %+v", got, st)
	}
	if e.published()["alpha"].Article.Summary != "edited" || e.rejects()["bad.txt"] != "empty" || e.logLines("bad.txt") != 1 {
		t.Errorf("catch-up incomplete: %+v %v", e.published()["alpha"], e.rejects())
	}
	if got := metricValue(t, e.metrics.ScansTotal.WithLabelValues("error")); got != 1 {
		t.Errorf("scans_total{error} = %v", got)
	}
}

func TestScanPaths(t *testing.T) {
	ctx := context.Background()
	old := t0.Add(-time.Hour)
	mem := fstest.MapFS{
		"a.txt":     file("Alpha\nbody", old),
		"b.txt":     file("Beta\nbody", old),
		"dir/c.txt": file("Gamma\nbody", old),
		"dir/d.txt": file("Delta\nbody", old),
	}
	e := newEnv(t, mem)
	e.scan()

	mem["new.txt"] = file("New\nbody", old)
	mem["untouched-by-events.txt"] = file("Quiet\nbody", old)
	delete(mem, "b.txt")
	delete(mem, "dir/c.txt")
	mem["dir/e.txt"] = file("Epsilon\nbody", old)
	parses := e.parses.Load()

	st, err := e.sc.ScanPaths(ctx, []string{"new.txt", "b.txt", "./dir", "dir/e.txt", "../etc/passwd", "/abs", ".git/x", "a.txt"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"alpha", "delta", "epsilon", "new"}
	if got := e.slugs(); !slices.Equal(got, want) {
		t.Errorf("published %v, want %v", got, want)
	}
	if n := e.parses.Load() - parses; n != 2 {
		t.Errorf("parsed %d files, want 2 (new.txt, dir/e.txt)", n)
	}
	if st.Removed != 2 || st.Changed != 2 || !st.Published {
		t.Errorf("stats %+v", st)
	}
	// The full scan still finds what no event named.
	e.scan()
	if _, ok := e.published()["quiet"]; !ok {
		t.Error("full scan missed a file")
	}
	if st, _ := e.sc.ScanPaths(ctx, []string{"../x", ""}); st != (Stats{}) {
		t.Errorf("ScanPaths of nothing valid = %+v", st)
	}
}

// brokenDirFS fails to list one folder, like a permission problem or a
// flaky network mount.
type brokenDirFS struct {
	fs.FS
	broken string
}

func (b brokenDirFS) Open(name string) (fs.File, error) {
	if name == b.broken {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return b.FS.Open(name)
}

func (b brokenDirFS) Lstat(name string) (fs.FileInfo, error) { return fs.Lstat(b.FS, name) }

func (b brokenDirFS) ReadLink(name string) (string, error) { return fs.ReadLink(b.FS, name) }

func TestUnreadableFolderRemovesNothing(t *testing.T) {
	old := t0.Add(-time.Hour)
	mem := fstest.MapFS{"a.txt": file("Alpha\nbody", old), "sub/b.txt": file("Beta\nbody", old)}
	e := newEnv(t, mem)
	e.scan()

	e.sc.cfg.FS = brokenDirFS{FS: mem, broken: "sub"}
	st := e.scan()
	if got := e.slugs(); !slices.Equal(got, []string{"alpha", "beta"}) || st.Removed != 0 {
		t.Errorf("published %v, stats %+v", got, st)
	}
	if e.logLines("sub") != 1 {
		t.Errorf("unreadable folder not logged once:\n%s", e.logs)
	}
	e.scan()
	if e.logLines("sub") != 1 {
		t.Error("unreadable folder logged again")
	}

	e.sc.cfg.FS = brokenDirFS{FS: mem, broken: "."}
	if _, err := e.sc.Scan(context.Background()); !errors.Is(err, ErrNoSeeds) {
		t.Errorf("unreadable root: %v, want ErrNoSeeds", err)
	}
	if len(e.slugs()) != 2 {
		t.Error("unreadable root removed articles")
	}
}

func TestNewValidates(t *testing.T) {
	ok := Config{FS: fstest.MapFS{}, Store: &failingStore{}, Parse: fakeParse}
	for _, tt := range []struct {
		name string
		edit func(*Config)
	}{
		{"no FS", func(c *Config) { c.FS = nil }},
		{"no store", func(c *Config) { c.Store = nil }},
		{"no parser", func(c *Config) { c.Parse = nil }},
		{"negative settle", func(c *Config) { c.Settle = -time.Second }},
	} {
		c := ok
		tt.edit(&c)
		if _, err := New(c); err == nil {
			t.Errorf("%s: New accepted it", tt.name)
		}
	}
	if _, err := New(ok); err != nil {
		t.Errorf("minimal config: %v", err)
	}
}

// TestSlowReadLogged: a file that takes longer than SlowRead to normalize
// is named in a warning, with its size and the time it took; the others
// are not.
func TestSlowReadLogged(t *testing.T) {
	old := t0.Add(-time.Hour)
	var e *env
	e = newEnv(t, fstest.MapFS{
		"slow.txt": file("Slow\nThe body of a slow file.", old),
		"fast.txt": file("Fast\nThe body of a quick one.", old),
	}, func(c *Config) {
		c.Workers = 1
		c.SlowRead = 3 * time.Second
		c.Parse = func(name string, data []byte, o article.Options) (*article.Article, error) {
			if name == "slow.txt" {
				e.clock.Advance(4 * time.Second)
			}
			return fakeParse(name, data, o)
		}
	})
	e.scan()
	logs := e.logs.String()
	if !strings.Contains(logs, `msg="slow to read" path=slow.txt bytes=29 took=4s`) {
		t.Errorf("no warning for slow.txt:\n%s", logs)
	}
	if strings.Contains(logs, "path=fast.txt bytes") {
		t.Errorf("fast.txt logged as slow:\n%s", logs)
	}
}
