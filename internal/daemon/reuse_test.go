package daemon

import (
	"bytes"
	"context"
	"testing"
	"time"

	"seedfeed/internal/article"
	"seedfeed/internal/config"
	"seedfeed/internal/server"
	"seedfeed/internal/store"
)

// TestRebuildKeepsUnchangedResources checks that a build given the
// snapshot being served keeps the resources whose bytes did not change
// (no second compression), makes new ones for those that did, and serves
// exactly what a build from nothing serves.
func TestRebuildKeepsUnchangedResources(t *testing.T) {
	ctx := context.Background()
	st := openTestStore(t, "example.org")
	cfg := config.Default()
	cfg.Site.BaseURL = "https://news.example.org"
	add := func(path, title string, at time.Time) {
		t.Helper()
		a := &article.Article{Title: title, BodyParagraphs: []string{title + " happened today."}, Slug: path, Tags: []string{}}
		if _, err := st.Apply(ctx, store.Changes{At: at, Upserts: []store.Upsert{
			{Path: path + ".txt", Hash: [32]byte{byte(len(path))}, ModTime: at, Size: 1, Article: a},
		}}); err != nil {
			t.Fatal(err)
		}
	}
	build := func(prev *server.Snapshot) *server.Snapshot {
		t.Helper()
		snap, _, err := buildSnapshot(ctx, st, cfg, snapshotOptions{maxArchive: -1, allIndexPages: true, prev: prev})
		if err != nil {
			t.Fatal(err)
		}
		return snap
	}
	t0 := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	add("ferry", "Ferry runs again", t0)
	first := build(nil)
	same := build(first)
	for path, res := range same.Resources {
		if res != first.Resources[path] {
			t.Errorf("%s: rebuilt though nothing changed", path)
		}
	}

	add("harbour", "Harbour wall repaired", t0.Add(time.Hour))
	next := build(first)
	fresh := build(nil)
	if next.Resources[server.PathFeed] == first.Resources[server.PathFeed] {
		t.Errorf("%s kept after a new article", server.PathFeed)
	}
	if next.Resources[server.PathStylesheet] != first.Resources[server.PathStylesheet] {
		t.Errorf("%s rebuilt though it did not change", server.PathStylesheet)
	}
	if len(next.Resources) != len(fresh.Resources) {
		t.Fatalf("%d resources, a build from nothing has %d", len(next.Resources), len(fresh.Resources))
	}
	for path, want := range fresh.Resources {
		got := next.Resources[path]
		if got == nil || !bytes.Equal(got.Body, want.Body) || !bytes.Equal(got.Gzip, want.Gzip) || got.ETag != want.ETag || got.GzipETag != want.GzipETag ||
			!got.LastModified.Equal(want.LastModified) || !bytes.Equal(got.Page, want.Page) {
			t.Errorf("%s differs from a build from nothing", path)
		}
	}
}
