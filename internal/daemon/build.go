package daemon

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path"
	"runtime"
	"strings"
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
	n, sources, err := writeArticles(ctx, st, w, siteInfo(cfg), rep)
	if err != nil {
		return 0, err
	}
	if err := writeMoved(w, siteInfo(cfg), sources); err != nil {
		return 0, err
	}
	return n, nil
}

// source is the file an article was read from, and the article.
type source struct {
	path, slug, title string
}

// writeMoved writes, at the address of each article's file under
// PathFiles, the page that sends a reader on to the article (a link from
// another article to "walk.md" leads there), as the daemon's redirect
// does: also at the addresses without ".md" that name a Markdown file or
// a bundle's index as Hugo names pages ("trips/walk" for "trips/walk.md",
// else "trips/walk/index.md", else "trips/walk/_index.md").
func writeMoved(w *server.StaticWriter, site pages.SiteInfo, sources []source) error {
	type pick struct {
		src  int
		rank int
	}
	at := map[string]pick{}
	offer := func(addr string, src, rank int) {
		if addr == "." || addr == "" {
			return
		}
		if old, ok := at[addr]; !ok || rank < old.rank {
			at[addr] = pick{src, rank}
		}
	}
	for i, s := range sources {
		offer(s.path, i, 0)
		base, ok := strings.CutSuffix(s.path, ".md")
		if !ok {
			continue
		}
		rank := 1
		switch path.Base(base) {
		case "index":
			base, rank = path.Dir(base), 2
		case "_index":
			base, rank = path.Dir(base), 3
		}
		// The daemon looks a name up this way only when it has no
		// extension of its own.
		if path.Ext(base) == "" {
			offer(base, i, rank)
		}
	}
	for addr, p := range at {
		if dir, ok := strings.CutSuffix(addr, "/index.html"); ok {
			if _, taken := at[dir]; taken {
				// The page at dir is dir/index.html, where this
				// article's folder would stand: a ref to dir (a Hugo
				// bundle's) is the likelier link, and keeps it.
				continue
			}
		}
		s := sources[p.src]
		page, err := pages.Moved(site, s.title, s.slug)
		if err == nil {
			err = w.WriteMoved(addr, page)
		}
		if err != nil {
			return fmt.Errorf("write the page at the address of %s: %w", s.path, err)
		}
	}
	return nil
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
func writeArticles(ctx context.Context, st *store.Store, w *server.StaticWriter, site pages.SiteInfo, rep *progress.Reporter) (int, []source, error) {
	total, err := st.Count(ctx)
	if err != nil {
		return 0, nil, err
	}
	sources := make([]source, 0, total)
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
		sources = append(sources, source{r.Path, r.Slug, r.Article.Title})
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
		return 0, nil, cause
	}
	if err != nil {
		return 0, nil, err
	}
	return int(n.Load()), sources, nil
}
