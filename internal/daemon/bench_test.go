package daemon

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"testing"

	"seedfeed/internal/config"
	"seedfeed/internal/corpus"
	"seedfeed/internal/store"
)

// BenchmarkBuildSnapshot times one snapshot rebuild (read the newest
// articles, render every feed and the index, compress and hash each): the
// step between a scan that changed something and readers seeing it.
func BenchmarkBuildSnapshot(b *testing.B) {
	dir := b.TempDir()
	seeds := filepath.Join(dir, "seeds")
	if err := corpus.Write(seeds, 500, 1); err != nil {
		b.Fatal(err)
	}
	cfg := config.Default()
	cfg.Site.BaseURL = "https://news.example.org"
	cfg.Seeds.Dir = seeds
	cfg.State.Path = filepath.Join(dir, "state.db")
	cfg.Seeds.Settle = 0
	st, err := store.Open(context.Background(), cfg.State.Path, cfg.Site.Host())
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	d, err := newDaemon(cfg, st, slog.New(slog.DiscardHandler))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := d.scanner.Scan(context.Background()); err != nil {
		b.Fatal(err)
	}
	if n, _ := st.Count(context.Background()); n != 500 {
		b.Fatalf("%d articles stored, want 500", n)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := BuildSnapshot(context.Background(), st, cfg); err != nil {
			b.Fatal(err)
		}
	}
	_ = os.RemoveAll(dir)
}
