package daemon

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"

	"seedfeed/internal/config"
	"seedfeed/internal/corpus"
	"seedfeed/internal/server"
	"seedfeed/internal/store"
)

// benchHistoryStore opens a store of SEEDFEED_BENCH_ARTICLES (default
// 10,000) corpus articles. With SEEDFEED_BENCH_DIR the seeds and the
// database are kept there and reused, so that runs (and a baseline
// checkout) measure the same rows without scanning them again.
func benchHistoryStore(b *testing.B) (*store.Store, config.Config) {
	b.Helper()
	n := 10000
	if s := os.Getenv("SEEDFEED_BENCH_ARTICLES"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			b.Fatal(err)
		}
	}
	dir := os.Getenv("SEEDFEED_BENCH_DIR")
	if dir == "" {
		dir = b.TempDir()
	}
	cfg := config.Default()
	cfg.Site.BaseURL = "https://news.example.org"
	cfg.Seeds.Dir = filepath.Join(dir, "seeds-"+strconv.Itoa(n))
	cfg.State.Path = filepath.Join(dir, "state-"+strconv.Itoa(n)+".db")
	cfg.Seeds.Settle = 0
	_, statErr := os.Stat(cfg.State.Path)
	if statErr != nil {
		if err := corpus.Write(cfg.Seeds.Dir, n, 1); err != nil {
			b.Fatal(err)
		}
	}
	st, err := store.Open(context.Background(), cfg.State.Path, cfg.Site.Host())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	if statErr != nil {
		d, err := newDaemon(cfg, st, slog.New(slog.DiscardHandler))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := d.scanner.Scan(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
	if got, _ := st.Count(context.Background()); got != n {
		b.Fatalf("%d articles stored, want %d", got, n)
	}
	return st, cfg
}

// snapshotBytes is what a snapshot holds in memory: bodies and gzip forms.
func snapshotBytes(snap *server.Snapshot) int {
	total := 0
	for _, r := range snap.Resources {
		total += len(r.Body) + len(r.Gzip)
	}
	return total
}

// BenchmarkBuildSnapshotHistory times a snapshot build over a long
// history: "full" renders every archive and index page (build -out, and
// the second build after a restart), "feeds-first" is the daemon's first
// build after a change (feeds and front page; no index or archive page
// rendered), "cached" the daemon's second build when the archive pages
// are all in the cache (the older index pages are left to the server, as
// the daemon leaves them).
func BenchmarkBuildSnapshotHistory(b *testing.B) {
	st, cfg := benchHistoryStore(b)
	ctx := context.Background()
	b.Run("full", func(b *testing.B) {
		var snap *server.Snapshot
		for b.Loop() {
			var err error
			if snap, err = BuildSnapshot(ctx, st, cfg); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		// The live heap with the last snapshot held, against without it.
		runtime.GC()
		var held, freed runtime.MemStats
		runtime.ReadMemStats(&held)
		snapBytes, resources := snapshotBytes(snap), len(snap.Resources)
		snap = nil
		runtime.GC()
		runtime.ReadMemStats(&freed)
		b.ReportMetric(float64(int64(held.HeapAlloc)-int64(freed.HeapAlloc))/1e6, "snapshot-heap-MB")
		b.ReportMetric(float64(snapBytes)/1e6, "snapshot-MB")
		b.ReportMetric(float64(resources), "resources")
	})
	b.Run("feeds-first", func(b *testing.B) {
		for b.Loop() {
			// What a new article waits for: the feeds and the front
			// page (the history follows in a second build). With a cold
			// cache, as after a restart.
			if _, _, err := buildSnapshot(ctx, st, cfg, snapshotOptions{cache: newArchiveCache(), maxArchive: archiveInline}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("cached", func(b *testing.B) {
		cache := newArchiveCache()
		if _, _, err := buildSnapshot(ctx, st, cfg, snapshotOptions{cache: cache, maxArchive: -1}); err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			if _, _, err := buildSnapshot(ctx, st, cfg, snapshotOptions{cache: cache, maxArchive: -1}); err != nil {
				b.Fatal(err)
			}
		}
	})
	// "history-step" is the second build of a publish, given the first
	// one's snapshot as the daemon gives it: the feeds it rendered already
	// are kept, not compressed again.
	b.Run("history-step", func(b *testing.B) {
		cache := newArchiveCache()
		first, _, err := buildSnapshot(ctx, st, cfg, snapshotOptions{cache: cache, maxArchive: -1})
		if err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			if _, _, err := buildSnapshot(ctx, st, cfg, snapshotOptions{cache: cache, maxArchive: -1, prev: first}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
