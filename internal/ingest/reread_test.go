package ingest

import (
	"context"
	"log/slog"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"seedfeed/internal/article"
	"seedfeed/internal/store"
)

// An upgrade that normalizes differently, or a new base_url, reaches the
// articles already published: each file is read again once, its article
// is mended in place with its id and dates, and a file only the new
// normalizer can read is published.
func TestNewNormalizerReadsEveryFileOnce(t *testing.T) {
	mem := fstest.MapFS{
		"alpha.txt":  file("Alpha\nthe same under both", t0.Add(-time.Hour)),
		"mend.txt":   file("Mend\nplease mend me", t0.Add(-time.Hour)),
		"notes.text": file("Notes\nunreadable until version 2", t0.Add(-time.Hour)),
	}
	st, err := store.Open(context.Background(), t.TempDir()+"/state.db", "example.org")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	clk := &clock{now: t0}
	var parses atomic.Int64
	// Version 2 mends titles and reads what version 1 refused.
	parseAt := func(version int) ParseFunc {
		return func(name string, data []byte, o article.Options) (*article.Article, error) {
			parses.Add(1)
			if version == 1 && strings.Contains(string(data), "unreadable") {
				return nil, article.ErrFormat
			}
			a, err := fakeParse(name, data, o)
			if err == nil && version >= 2 && strings.Contains(a.Summary, "mend") {
				a.Title += " (mended)"
			}
			if err == nil {
				a.Subtitle = o.BaseURL // the options reach the article
			}
			return a, err
		}
	}
	var logs strings.Builder
	scanner := func(version int, base string) *Scanner {
		sc, err := New(Config{
			FS: mem, Store: st, Parse: parseAt(version), Version: version,
			Options: func() article.Options { return article.Options{Location: time.UTC, BaseURL: base} },
			Now:     clk.Now, Logger: slog.New(slog.NewTextHandler(&logs, nil)),
		})
		if err != nil {
			t.Fatal(err)
		}
		return sc
	}
	scan := func(sc *Scanner) Stats {
		t.Helper()
		clk.Advance(time.Hour)
		s, err := sc.Scan(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	records := func() map[string]store.Record {
		out := map[string]store.Record{}
		err := st.Each(context.Background(), func(r store.Record) error {
			out[r.Path] = r
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}

	scan(scanner(1, "https://example.org/"))
	before := records()
	if len(before) != 2 {
		t.Fatalf("version 1 published %d articles, want 2", len(before))
	}

	parses.Store(0)
	v2 := scanner(2, "https://example.org/")
	stats := scan(v2)
	if stats.Reread != 3 || stats.Refreshed != 1 || stats.Changed != 1 || !stats.Published {
		t.Errorf("first scan of version 2: %+v, want 3 files read again, 1 mended, 1 new", stats)
	}
	if n := parses.Load(); n != 3 {
		t.Errorf("version 2 parsed %d files, want all 3", n)
	}
	after := records()
	mended := after["mend.txt"]
	old := before["mend.txt"]
	if mended.Article.Title != "Mend (mended)" {
		t.Errorf("mended title = %q", mended.Article.Title)
	}
	if mended.ID != old.ID || mended.Slug != old.Slug || !mended.Published.Equal(old.Published) || !mended.Updated.Equal(old.Updated) {
		t.Errorf("mending moved the item:\n before %s %s %v %v\n after  %s %s %v %v",
			old.ID, old.Slug, old.Published, old.Updated, mended.ID, mended.Slug, mended.Published, mended.Updated)
	}
	if a := after["alpha.txt"]; !a.Updated.Equal(before["alpha.txt"].Updated) {
		t.Errorf("an article read the same was re-dated: %v -> %v", before["alpha.txt"].Updated, a.Updated)
	}
	notes, ok := after["notes.text"]
	if !ok || !notes.Published.Equal(clk.Now().Truncate(time.Second)) {
		t.Errorf("the file version 1 refused: %+v (published %v), want it published now", notes, ok)
	}

	parses.Store(0)
	if again := scan(v2); again.Reread != 0 || again.Published || parses.Load() != 0 {
		t.Errorf("second scan of version 2: %+v, %d parses; want nothing read", again, parses.Load())
	}
	// A fresh process of the same version reads the stamps from the store.
	if again := scan(scanner(2, "https://example.org/")); again.Reread != 0 || parses.Load() != 0 {
		t.Errorf("a restart of version 2 read %d files again", again.Reread)
	}

	// A new base_url is a new reading of every file too.
	stats = scan(scanner(2, "https://news.example.org/"))
	if stats.Reread != 3 || stats.Refreshed != 3 {
		t.Errorf("after a new base_url: %+v, want 3 read again and mended", stats)
	}
	for p, r := range records() {
		if r.Article.Subtitle != "https://news.example.org/" {
			t.Errorf("%s still made with base %q", p, r.Article.Subtitle)
		}
	}
}

// parseStamp must tell apart every option a parse reads, but Ref, which
// is each file's own. A field added to article.Options fails here until
// the stamp takes it in.
func TestParseStampCoversOptions(t *testing.T) {
	base := article.Options{Location: time.UTC, BaseURL: "https://example.org/", FilesURL: "https://example.org/files/", Language: "en"}
	stamp := parseStamp(1, base)
	if stamp == 0 {
		t.Fatal("stamp 0 is the mark of rows from before stamps")
	}
	if parseStamp(2, base) == stamp {
		t.Error("a new version gives the same stamp")
	}
	withRef := base
	withRef.Ref = t0
	if parseStamp(1, withRef) != stamp {
		t.Error("the file's own reference time changes the stamp")
	}
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		t.Skip("no zone database:", err)
	}
	changed := map[string]func(*article.Options){
		"Location": func(o *article.Options) { o.Location = tokyo },
		"BaseURL":  func(o *article.Options) { o.BaseURL = "https://other.example/" },
		"FilesURL": func(o *article.Options) { o.FilesURL = "" },
		"Language": func(o *article.Options) { o.Language = "en-GB" },
		"Ref":      nil,
	}
	typ := reflect.TypeFor[article.Options]()
	for i := range typ.NumField() {
		f := typ.Field(i)
		if !f.IsExported() {
			continue
		}
		change, ok := changed[f.Name]
		if !ok {
			t.Errorf("article.Options.%s is not in parseStamp (nor in this test)", f.Name)
			continue
		}
		if change == nil {
			continue
		}
		o := base
		change(&o)
		if parseStamp(1, o) == stamp {
			t.Errorf("a new %s gives the same stamp", f.Name)
		}
	}
}
