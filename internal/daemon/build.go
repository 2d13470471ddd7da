package daemon

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"sync"
	"sync/atomic"

	"seedfeed/internal/config"
	"seedfeed/internal/ingest"
	"seedfeed/internal/pages"
	"seedfeed/internal/progress"
	"seedfeed/internal/server"
	"seedfeed/internal/store"
)

// Build scans the seeds folder once and writes every resource the daemon
// serves, at the same paths, under outDir, for any static host or CDN.
// Files are read without waiting for them to settle: a build is a one-off
// over a folder nobody is writing to.
func Build(ctx context.Context, cfg config.Config, outDir string, log *slog.Logger) (int, error) {
	return BuildReporting(ctx, cfg, outDir, log, nil)
}

// BuildReporting is Build showing on rep how far the scan and the writing
// of the pages have got (rep may be nil).
func BuildReporting(ctx context.Context, cfg config.Config, outDir string, log *slog.Logger, rep *progress.Reporter) (int, error) {
	defer rep.Stop()
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if cfg.ServeOnly() {
		return 0, errors.New("build: seeds.dir is empty: a build reads the seeds folder; set seeds.dir")
	}
	st, err := store.Open(ctx, cfg.State.Location(), cfg.Site.Host())
	if err != nil {
		return 0, err
	}
	defer st.Close()
	cfg.Seeds.Settle = 0
	d, err := newDaemon(cfg, st, log)
	if err != nil {
		return 0, err
	}
	if _, err := d.scanner.ScanWithProgress(ctx, scanProgress(rep)); err != nil {
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
	if _, err := writeLabels(ctx, st, cfg, w, snap); err != nil {
		return 0, err
	}
	if err := w.WriteLabelLists(snap); err != nil {
		return 0, err
	}
	if _, err := writeFiles(ctx, server.SeedsFS(cfg.Seeds.Dir), w); err != nil {
		return 0, err
	}
	rep.Stop()
	return writeArticles(ctx, st, w, siteInfo(cfg), rep)
}

// scanProgress shows a scan's progress on rep.
func scanProgress(rep *progress.Reporter) ingest.ProgressFunc {
	if rep == nil {
		return nil
	}
	return func(done, total int) { rep.Update("scan", done, total) }
}

// writeArticles renders every article's page and writes it (with its gzip
// sibling) on all cores: rendering and compressing 100,000 pages is most of
// a large build, and the store walk only feeds the workers.
func writeArticles(ctx context.Context, st *store.Store, w *server.StaticWriter, site pages.SiteInfo, rep *progress.Reporter) (int, error) {
	total, err := st.Count(ctx)
	if err != nil {
		return 0, err
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	recs := make(chan store.Record, 64)
	var (
		wg sync.WaitGroup
		n  atomic.Int64
	)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for r := range recs {
				if ctx.Err() != nil {
					continue // drain
				}
				page, err := pages.Article(site, articleEntry(r))
				if err == nil {
					err = w.WriteArticle(r.Slug, page)
				}
				if err != nil {
					cancel(fmt.Errorf("render %s: %w", r.Path, err))
					continue
				}
				rep.Update("write pages", int(n.Add(1)), total)
			}
		})
	}
	err = st.Each(ctx, func(r store.Record) error {
		select {
		case recs <- r:
			return nil
		case <-ctx.Done():
			return context.Cause(ctx)
		}
	})
	close(recs)
	wg.Wait()
	if cause := context.Cause(ctx); cause != nil && !errors.Is(cause, context.Canceled) {
		return 0, cause
	}
	if err != nil {
		return 0, err
	}
	return int(n.Load()), nil
}
