package daemon

import (
	"context"
	"fmt"
	"log/slog"

	"seedfeed/internal/config"
	"seedfeed/internal/metrics"
	"seedfeed/internal/pages"
	"seedfeed/internal/server"
	"seedfeed/internal/store"
)

// Build scans the seeds folder once and writes every resource the daemon
// serves, at the same paths, under outDir, for any static host or CDN.
// Files are read without waiting for them to settle: a build is a one-off
// over a folder nobody is writing to.
func Build(ctx context.Context, cfg config.Config, outDir string, log *slog.Logger) (int, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	st, err := store.Open(ctx, cfg.State.Path, cfg.Site.Host())
	if err != nil {
		return 0, err
	}
	defer st.Close()
	d := &Daemon{log: log, st: st, metrics: metrics.New()}
	cfg.Seeds.Settle = 0
	sc, err := d.newScanner(cfg)
	if err != nil {
		return 0, err
	}
	if _, err := sc.Scan(ctx); err != nil {
		return 0, fmt.Errorf("scan %s: %w", cfg.Seeds.Dir, err)
	}
	snap, err := BuildSnapshot(ctx, st, cfg)
	if err != nil {
		return 0, err
	}
	w := server.NewStaticWriter(outDir, true)
	if err := w.WriteSnapshot(snap); err != nil {
		return 0, err
	}
	site := siteInfo(cfg)
	n := 0
	err = st.Each(ctx, func(r store.Record) error {
		page, err := pages.Article(site, entry(r))
		if err != nil {
			return fmt.Errorf("render %s: %w", r.Path, err)
		}
		n++
		return w.WriteArticle(r.Slug, page)
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}
