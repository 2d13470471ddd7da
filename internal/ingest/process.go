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
// writes each batch in one transaction while the next is being read.
// Removals go in the first transaction: a file moved in this scan is then
// found by its bytes among the removed, whichever batch it lands in.
func (s *Scanner) process(ctx context.Context, now time.Time, ready []candidate, removed []string, st *Stats) error {
	// Path order makes the outcome (which of two same-titled new files
	// gets the "-2" slug) the same on every run.
	sort.Slice(ready, func(i, j int) bool { return ready[i].path < ready[j].path })
	base := s.cfg.Options()

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan batch, 1)
	go func() {
		defer close(batches)
		for i := 0; i < len(ready); i += s.cfg.BatchSize {
			cs := ready[i:min(i+s.cfg.BatchSize, len(ready))]
			b := batch{cands: cs, outs: s.readBatch(ctx, cs, base, now)}
			select {
			case batches <- b:
			case <-ctx.Done():
				return
			}
		}
	}()

	pendingRemoved := removed
	var err error
	for b := range batches {
		if err != nil {
			continue // drain: the reader stops at the cancel
		}
		c := store.Changes{At: now, Removed: pendingRemoved}
		pendingRemoved = nil
		why := s.collect(b, &c, st)
		if err = s.apply(ctx, c, why, st); err != nil {
			cancel()
		}
	}
	if err == nil && len(pendingRemoved) > 0 {
		err = s.apply(ctx, store.Changes{At: now, Removed: pendingRemoved}, nil, st)
	}
	if err == nil {
		err = ctx.Err()
	}
	return err
}

// readBatch reads one batch with all workers; outs[i] is cands[i]'s outcome.
func (s *Scanner) readBatch(ctx context.Context, cs []candidate, base article.Options, now time.Time) []outcome {
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
				outs[i] = s.read(cs[i], base, now)
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

// apply writes one transaction and brings the mirror of the store in step;
// on failure the mirror is dropped, to be reloaded from the store. Rejects
// are logged only once written, so a failed write does not log them twice.
func (s *Scanner) apply(ctx context.Context, c store.Changes, why []error, st *Stats) error {
	if len(c.Removed)+len(c.Touches)+len(c.Upserts)+len(c.Rejects) == 0 {
		return nil
	}
	res, err := s.cfg.Store.Apply(ctx, c)
	if err != nil {
		s.known = nil
		return fmt.Errorf("ingest: write %d changes: %w", len(c.Removed)+len(c.Touches)+len(c.Upserts)+len(c.Rejects), err)
	}
	for _, p := range c.Removed {
		delete(s.known, p)
	}
	for _, t := range c.Touches {
		if k := s.known[t.Path]; k != nil {
			k.mtime, k.size = t.ModTime.UnixNano(), t.Size
		}
	}
	for _, u := range c.Upserts {
		s.remember(u.Path, store.FileState{ModTime: u.ModTime, Size: u.Size, Hash: u.Hash})
		if u.Article != nil && len(u.Article.Warnings) > 0 {
			s.repaired(u.Path, u.Article.Warnings)
		}
	}
	for i, r := range c.Rejects {
		s.remember(r.Path, store.FileState{ModTime: r.ModTime, Size: r.Size, Hash: r.Hash, Reason: r.Reason})
		s.warn(r.Path, r.Reason, why[i])
	}
	st.Changed += res.Inserted + res.Updated
	st.Removed += len(c.Removed)
	st.Rejected += res.Rejected
	st.Published = st.Published || res.Changed
	if m := s.cfg.Metrics; m != nil {
		m.FilesChanged.Add(float64(res.Inserted + res.Updated))
		m.FilesRemoved.Add(float64(len(c.Removed)))
	}
	return nil
}

func (s *Scanner) remember(p string, st store.FileState) {
	s.known[p] = newKnown(st, s.gen)
}
