// Package ingest finds new, changed and removed files in the seeds folder
// and brings the store up to date: it stats every file, reads only those
// whose modification time or size changed (after they have settled),
// normalizes them in parallel and writes the results in batched
// transactions.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"runtime"
	"sync"
	"time"

	"seedfeed/internal/article"
	"seedfeed/internal/metrics"
	"seedfeed/internal/store"
)

// ErrNoSeeds: the seeds folder itself cannot be read. Nothing is removed
// from the store then: an unmounted or mistyped folder must not unpublish
// everything.
var ErrNoSeeds = errors.New("ingest: seeds folder unreadable")

// Store is what the scanner needs of the state; *store.Store implements it.
type Store interface {
	Files(ctx context.Context) (map[string]store.FileState, error)
	Apply(ctx context.Context, c store.Changes) (store.Result, error)
}

// ParseFunc normalizes one file; article.Parse in production.
type ParseFunc func(name string, data []byte, opts article.Options) (*article.Article, error)

// Config holds a Scanner's dependencies. FS, Store and Parse are required.
type Config struct {
	// FS is the seeds folder: os.DirFS(seeds.dir) in production. Paths in
	// the store are slash-separated and relative to it.
	FS    fs.FS
	Store Store
	Parse ParseFunc
	// Options returns the parse options of the moment (Location,
	// BaseURL); Ref is set per file to its modification time. Nil means
	// zero options.
	Options func() article.Options
	// Version names Parse's output (article.Version when zero). Files
	// the store has from another version, or read with other Options,
	// are read again once (see parseStamp).
	Version int
	// MaxFileBytes: larger files are rejected by their size, unread.
	// Zero or less means no limit.
	MaxFileBytes int64
	// Settle: a file modified less than this long ago is not read yet.
	Settle time.Duration
	// SlowRead: a file that takes longer to normalize is logged, so that
	// one file slowing every scan can be found. Zero means 2s.
	SlowRead time.Duration
	// Now is the clock; nil means time.Now.
	Now     func() time.Time
	Logger  *slog.Logger     // nil: discard
	Metrics *metrics.Metrics // nil: none
	// Workers parse in parallel; zero means runtime.GOMAXPROCS(0).
	Workers int
	// BatchSize is the number of files read, then written, at a time;
	// zero means 256.
	BatchSize int
	// TxBatches is the most batches one write transaction groups, when
	// the Store can (*store.Store): a scan's transactions take 1, 2, 4...
	// batches up to this. Zero means 16; 1 commits every batch.
	TxBatches int
}

// Stats describes one scan.
type Stats struct {
	Seen     int // regular files found (full scan) or examined (ScanPaths)
	Changed  int // files read whose content was new or changed, and published or stored as drafts
	Removed  int // articles or rejected files whose path disappeared
	Rejected int // files newly recorded as unpublishable
	// Reread counts files read again because the normalizer or its
	// options changed since they were read; Refreshed those whose bytes
	// had not changed but whose article came out different, rewritten in
	// place.
	Reread, Refreshed int
	// Pending files changed too recently (Settle) to be read; RetryAt
	// is the earliest time one of them will be ready.
	Pending int
	RetryAt time.Time
	// Published is true when anything visible in the feeds changed.
	Published bool
	Duration  time.Duration
}

// Scanner keeps the seeds folder and the store in step. Scan and ScanPaths
// may be called from any goroutine; they run one at a time.
type Scanner struct {
	cfg Config
	log *slog.Logger

	mu sync.Mutex
	// known mirrors store.Files so that a rescan costs a stat per file and
	// no query; dropped after a failed write and reloaded from the store.
	known map[string]*knownFile
	gen   uint64
	// observed notes when a not-yet-settled file was first seen with its
	// current mtime and size, so that a file dated in the future (clock
	// skew, preserved timestamps) is still read once it stops changing.
	observed map[string]observation
	// logged holds problems already reported that the store does not
	// record (unreadable, symlink...), so they are logged once each.
	logged map[logKey]uint64
}

// knownFile is one path in the mirror; kept small, as there is one per
// file in the folder.
type knownFile struct {
	mtime, size int64 // mtime in nanoseconds
	hash        store.Hash
	gen         uint64 // scan generation that last saw the path
	parsedBy    int64  // the parse stamp of what the store has
	tooLarge    bool   // rejected by size: read again if the limit is raised
}

func newKnown(st store.FileState, gen uint64) *knownFile {
	return &knownFile{mtime: st.ModTime.UnixNano(), size: st.Size, hash: st.Hash, gen: gen, parsedBy: st.ParsedBy, tooLarge: st.Reason == reasonTooLarge}
}

type observation struct {
	mtime, size int64
	at          time.Time
}

// New checks the configuration and returns a Scanner.
func New(cfg Config) (*Scanner, error) {
	switch {
	case cfg.FS == nil:
		return nil, errors.New("ingest: Config.FS is nil")
	case cfg.Store == nil:
		return nil, errors.New("ingest: Config.Store is nil")
	case cfg.Parse == nil:
		return nil, errors.New("ingest: Config.Parse is nil")
	case cfg.Settle < 0:
		return nil, fmt.Errorf("ingest: negative Settle %v", cfg.Settle)
	}
	if cfg.Options == nil {
		cfg.Options = func() article.Options { return article.Options{} }
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Version == 0 {
		cfg.Version = article.Version
	}
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.GOMAXPROCS(0)
	}
	if cfg.SlowRead <= 0 {
		cfg.SlowRead = 2 * time.Second
	}
	if cfg.BatchSize <= 0 {
		cfg.BatchSize = 256
	}
	if cfg.TxBatches <= 0 {
		cfg.TxBatches = 16
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Scanner{
		cfg:      cfg,
		log:      log,
		observed: map[string]observation{},
		logged:   map[logKey]uint64{},
	}, nil
}

// Scan walks the whole folder and applies what changed. On error the
// store holds every batch committed before it, and the next Scan resumes
// from the store.
func (s *Scanner) Scan(ctx context.Context) (Stats, error) {
	return s.ScanWithProgress(ctx, nil)
}

// ProgressFunc learns that done of the total files a scan reads are
// written; total counts only the files that must be read, so a rescan
// of an unchanged folder reports nothing.
type ProgressFunc func(done, total int)

// ScanWithProgress is Scan, calling progress (when not nil) before the
// first file is read and after each batch is written.
func (s *Scanner) ScanWithProgress(ctx context.Context, progress ProgressFunc) (Stats, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st, err := s.run(ctx, nil, progress)
	if m := s.cfg.Metrics; m != nil {
		outcome := "ok"
		if err != nil {
			outcome = "error"
		} else {
			m.FilesSeen.Set(float64(st.Seen))
		}
		m.ScanDuration.Observe(st.Duration.Seconds())
		m.ScansTotal.WithLabelValues(outcome).Inc()
		m.LastScanSeconds.Set(float64(s.cfg.Now().Unix()))
	}
	return st, err
}

// ScanPaths examines only the given paths (slash-separated, relative to
// the folder, as from fsnotify events): each may be a file (new, changed
// or gone) or a directory (walked). Paths outside the folder, hidden or
// not valid UTF-8 are ignored; the next full Scan handles the latter.
func (s *Scanner) ScanPaths(ctx context.Context, paths []string) (Stats, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	roots := cleanRoots(paths)
	if len(roots) == 0 {
		return Stats{}, nil
	}
	return s.run(ctx, roots, nil)
}

// run is one scan: of everything when roots is nil.
func (s *Scanner) run(ctx context.Context, roots []string, progress ProgressFunc) (st Stats, err error) {
	start := s.cfg.Now()
	defer func() { st.Duration = s.cfg.Now().Sub(start) }()
	if err := s.loadKnown(ctx); err != nil {
		return st, err
	}
	s.gen++
	opts := s.cfg.Options()
	w := walker{s: s, gen: s.gen, stamp: parseStamp(s.cfg.Version, opts)}
	if roots == nil {
		if err := w.walk("."); err != nil {
			return st, err
		}
	} else {
		for _, r := range roots {
			w.visit(r)
		}
	}
	st.Seen = w.seen
	removed := s.vanished(roots, w.incomplete, roots != nil && w.plain == len(roots))
	ready := s.settle(start, w.cands, roots == nil, &st)
	for _, c := range ready {
		if c.stale {
			st.Reread++
		}
	}
	err = s.process(ctx, start, opts, w.stamp, ready, removed, &st, progress)
	if roots == nil && err == nil {
		s.forgetLogged(w.gen)
	}
	return st, err
}

func (s *Scanner) loadKnown(ctx context.Context) error {
	if s.known != nil {
		return nil
	}
	files, err := s.cfg.Store.Files(ctx)
	if err != nil {
		return fmt.Errorf("ingest: load file states: %w", err)
	}
	s.known = make(map[string]*knownFile, len(files))
	for p, st := range files {
		s.known[p] = newKnown(st, 0)
	}
	return nil
}

// settle splits changed files into those ready to read and those still
// being written, counting the latter in st. A full scan also forgets
// observations of files that are gone or were read meanwhile.
func (s *Scanner) settle(now time.Time, cands []candidate, full bool, st *Stats) []candidate {
	if full {
		keep := make(map[string]observation)
		for _, c := range cands {
			if o, ok := s.observed[c.path]; ok {
				keep[c.path] = o
			}
		}
		s.observed = keep
	}
	ready := cands[:0]
	for _, c := range cands {
		readyAt := time.Unix(0, c.mtime).Add(s.cfg.Settle)
		if o, ok := s.observed[c.path]; ok && o.mtime == c.mtime && o.size == c.size {
			if t := o.at.Add(s.cfg.Settle); t.Before(readyAt) {
				readyAt = t
			}
		} else if readyAt.After(now) {
			s.observed[c.path] = observation{mtime: c.mtime, size: c.size, at: now}
			if t := now.Add(s.cfg.Settle); t.Before(readyAt) {
				readyAt = t
			}
		}
		if readyAt.After(now) {
			st.Pending++
			if st.RetryAt.IsZero() || readyAt.Before(st.RetryAt) {
				st.RetryAt = readyAt
			}
			continue
		}
		delete(s.observed, c.path)
		ready = append(ready, c)
	}
	return ready
}

func (s *Scanner) pend(st *Stats, at time.Time) {
	st.Pending++
	if st.RetryAt.IsZero() || at.Before(st.RetryAt) {
		st.RetryAt = at
	}
}
