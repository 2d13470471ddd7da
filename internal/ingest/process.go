package ingest

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"seedfeed/internal/article"
	"seedfeed/internal/store"
)

// batch is one slice of candidates, read, in path order.
type batch struct {
	cands []candidate
	outs  []outcome
}

// process reads the ready candidates in parallel, a batch at a time, and
// writes the batches in transactions while the next is being read.
// Removals go in the first batch: a file moved in this scan is then found
// by its bytes among the removed, whichever batch it lands in.
func (s *Scanner) process(ctx context.Context, now time.Time, base article.Options, stamp int64, ready []candidate, removed []string, st *Stats, progress ProgressFunc) error {
	// Path order makes the outcome (which of two same-titled new files
	// gets the "-2" slug) the same on every run.
	sort.Slice(ready, func(i, j int) bool { return ready[i].path < ready[j].path })

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan batch, 1)
	go func() {
		defer close(batches)
		for i := 0; i < len(ready); i += s.cfg.BatchSize {
			cs := ready[i:min(i+s.cfg.BatchSize, len(ready))]
			b := batch{cands: cs, outs: s.readBatch(ctx, cs, base, stamp, now)}
			select {
			case batches <- b:
			case <-ctx.Done():
				return
			}
		}
	}()

	if progress == nil || len(ready) == 0 {
		progress = func(int, int) {}
	}
	progress(0, len(ready))
	done := 0
	w := s.newWriter(ctx, st)
	pendingRemoved := removed
	var err error
	for b := range batches {
		if err != nil {
			continue // drain: the reader stops at the cancel
		}
		c := store.Changes{At: now, Removed: pendingRemoved}
		pendingRemoved = nil
		why := s.collect(b, &c, st)
		if err = w.write(c, why); err != nil {
			cancel()
			continue
		}
		done += len(b.cands)
		progress(done, len(ready))
	}
	if err == nil && len(pendingRemoved) > 0 {
		err = w.write(store.Changes{At: now, Removed: pendingRemoved}, nil)
	}
	if err == nil {
		err = ctx.Err()
	}
	if err == nil {
		err = w.commit()
	}
	w.rollback()
	return err
}

// readBatch reads one batch with all workers; outs[i] is cands[i]'s outcome.
func (s *Scanner) readBatch(ctx context.Context, cs []candidate, base article.Options, stamp int64, now time.Time) []outcome {
	outs := make([]outcome, len(cs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(s.cfg.Workers, len(cs)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(cs) || ctx.Err() != nil {
					return
				}
				outs[i] = s.read(cs[i], base, stamp, now)
			}
		})
	}
	wg.Wait()
	return outs
}

// collect turns a batch's outcomes into changes, reporting transient
// problems on the way (on this goroutine: the report memory is not
// shared with the readers). It returns why each reject was rejected, in
// the order of c.Rejects.
func (s *Scanner) collect(b batch, c *store.Changes, st *Stats) (why []error) {
	for i, o := range b.outs {
		cand := b.cands[i]
		if o.problem != "" {
			s.problem(cand.path, cand.mtime, cand.size, o.problem, o.detail, s.gen)
		}
		switch o.kind {
		case upserted:
			c.Upserts = append(c.Upserts, o.upsert)
		case touched:
			c.Touches = append(c.Touches, o.touch)
		case rejected:
			c.Rejects = append(c.Rejects, o.reject)
			why = append(why, o.detail)
		case gone:
			if cand.known {
				c.Removed = append(c.Removed, cand.path)
			}
		case unsettled:
			s.pend(st, o.retryAt)
		}
	}
	return why
}

// txStore is a Store that can write several batches in one transaction,
// as *store.Store can.
type txStore interface {
	Begin(ctx context.Context) (*store.Tx, error)
}

// writer writes a scan's batches. With a txStore it groups them in
// transactions of 1, 2, 4... up to Config.TxBatches batches: a large
// scan commits (and rewrites the pages of the store's indexes) a few
// dozen times instead of once per batch, while its first articles are
// committed as soon as with one transaction per batch. The mirror of the
// store and the counts move only once a transaction is committed.
type writer struct {
	s   *Scanner
	ctx context.Context
	st  *Stats
	txs txStore // nil: one Store.Apply per batch
	tx  *store.Tx
	// batches written into tx and not yet committed, and how many the
	// current transaction takes.
	pending []written
	size    int
}

type written struct {
	c   store.Changes
	why []error
	res store.Result
}

func (s *Scanner) newWriter(ctx context.Context, st *Stats) *writer {
	w := &writer{s: s, ctx: ctx, st: st, size: 1}
	w.txs, _ = s.cfg.Store.(txStore)
	return w
}

// write writes one batch; on failure the mirror is dropped, to be
// reloaded from the store, and nothing of the open transaction is kept.
func (w *writer) write(c store.Changes, why []error) error {
	n := len(c.Removed) + len(c.Touches) + len(c.Upserts) + len(c.Rejects)
	if n == 0 {
		return nil
	}
	if w.txs == nil {
		res, err := w.s.cfg.Store.Apply(w.ctx, c)
		if err != nil {
			return w.fail(fmt.Errorf("ingest: write %d changes: %w", n, err))
		}
		w.s.applied(c, why, res, w.st)
		return nil
	}
	if w.tx == nil {
		tx, err := w.txs.Begin(w.ctx)
		if err != nil {
			return w.fail(fmt.Errorf("ingest: write %d changes: %w", n, err))
		}
		w.tx = tx
	}
	res, err := w.tx.Apply(c)
	if err != nil {
		w.tx = nil // rolled back by Apply
		return w.fail(fmt.Errorf("ingest: write %d changes: %w", n, err))
	}
	// Only what applied needs is kept until the commit: not the bodies.
	for i := range c.Upserts {
		if a := c.Upserts[i].Article; a != nil {
			c.Upserts[i].Article = nil
			if len(a.Warnings) > 0 {
				c.Upserts[i].Article = &article.Article{Warnings: a.Warnings}
			}
		}
	}
	w.pending = append(w.pending, written{c, why, res})
	if len(w.pending) >= w.size {
		w.size = min(2*w.size, w.s.cfg.TxBatches)
		return w.commit()
	}
	return nil
}

// commit makes the open transaction durable and brings the mirror in
// step with it.
func (w *writer) commit() error {
	if w.tx == nil {
		return nil
	}
	tx := w.tx
	w.tx = nil
	if err := tx.Commit(); err != nil {
		return w.fail(fmt.Errorf("ingest: commit: %w", err))
	}
	for _, p := range w.pending {
		w.s.applied(p.c, p.why, p.res, w.st)
	}
	w.pending = nil
	return nil
}

// rollback drops a transaction left open by an error or a cancel.
func (w *writer) rollback() {
	if w.tx != nil {
		w.tx.Rollback()
		w.tx = nil
		w.s.known = nil
	}
	w.pending = nil
}

func (w *writer) fail(err error) error {
	w.rollback()
	w.s.known = nil
	return err
}

// applied brings the mirror of the store in step with a written batch.
// Rejects are logged only once written, so a failed write does not log
// them twice.
func (s *Scanner) applied(c store.Changes, why []error, res store.Result, st *Stats) {
	for _, p := range c.Removed {
		delete(s.known, p)
	}
	for _, t := range c.Touches {
		if k := s.known[t.Path]; k != nil {
			k.mtime, k.size = t.ModTime.UnixNano(), t.Size
		}
	}
	for _, u := range c.Upserts {
		s.remember(u.Path, store.FileState{ModTime: u.ModTime, Size: u.Size, Hash: u.Hash, ParsedBy: u.ParsedBy})
		if u.Article != nil && len(u.Article.Warnings) > 0 {
			s.repaired(u.Path, u.Article.Warnings)
		}
	}
	for i, r := range c.Rejects {
		s.remember(r.Path, store.FileState{ModTime: r.ModTime, Size: r.Size, Hash: r.Hash, Reason: r.Reason, ParsedBy: r.ParsedBy})
		s.warn(r.Path, r.Reason, why[i])
	}
	st.Changed += res.Inserted + res.Updated
	st.Refreshed += res.Refreshed
	st.Removed += len(c.Removed)
	st.Rejected += res.Rejected
	st.Published = st.Published || res.Changed
	if m := s.cfg.Metrics; m != nil {
		m.FilesChanged.Add(float64(res.Inserted + res.Updated))
		m.FilesRemoved.Add(float64(len(c.Removed)))
	}
}

func (s *Scanner) remember(p string, st store.FileState) {
	s.known[p] = newKnown(st, s.gen)
}
