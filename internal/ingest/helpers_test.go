package ingest

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"log/slog"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"seedfeed/internal/article"
	"seedfeed/internal/metrics"
	"seedfeed/internal/store"
)

var t0 = time.Date(2026, 3, 25, 12, 0, 0, 0, time.UTC)

// fakeParse stands in for article.Parse with the same error contract: the
// first line is the title, "draft" anywhere makes a draft, "PANIC" makes
// it panic like a buggy normalizer would. The reference time it was given
// is kept in Subtitle so tests can check it.
func fakeParse(name string, data []byte, opts article.Options) (*article.Article, error) {
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return nil, article.ErrEmpty
	case bytes.IndexByte(data, 0) >= 0:
		return nil, article.ErrBinary
	case !utf8.Valid(data):
		return nil, article.ErrInvalidUTF8
	case bytes.Contains(data, []byte("PANIC")):
		panic("normalizer bug on " + name)
	}
	title, body, _ := strings.Cut(strings.TrimSpace(string(data)), "\n")
	if strings.TrimSpace(body) == "" {
		return nil, article.ErrNoBody
	}
	return &article.Article{
		Title:    title,
		Slug:     strings.ToLower(strings.ReplaceAll(title, " ", "-")),
		BodyHTML: "<p>" + body + "</p>",
		Summary:  body,
		Draft:    strings.Contains(body, "draft"),
		Subtitle: "ref=" + opts.Ref.Format(time.RFC3339Nano),
	}, nil
}

type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// env is a scanner over some fs.FS with a real store, a fake clock,
// counted parses and captured logs.
type env struct {
	t       *testing.T
	st      *store.Store
	sc      *Scanner
	clock   *clock
	parses  atomic.Int64
	logs    *bytes.Buffer
	metrics *metrics.Metrics
	store   Store // what the scanner writes to (st, or a wrapper)
}

type envOption func(*Config)

func newEnv(t *testing.T, fsys fs.FS, opts ...envOption) *env {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "state.db"), "example.org")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	e := &env{t: t, st: st, clock: &clock{now: t0}, logs: &bytes.Buffer{}, metrics: metrics.New(), store: st}
	cfg := Config{
		FS:    fsys,
		Store: st,
		Parse: func(name string, data []byte, o article.Options) (*article.Article, error) {
			e.parses.Add(1)
			return fakeParse(name, data, o)
		},
		Options:      func() article.Options { return article.Options{Location: time.UTC} },
		MaxFileBytes: 1 << 16,
		Settle:       2 * time.Second,
		Now:          e.clock.Now,
		Logger:       slog.New(slog.NewTextHandler(e.logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		Metrics:      e.metrics,
		BatchSize:    3,
	}
	for _, o := range opts {
		o(&cfg)
	}
	if sw, ok := cfg.Store.(*failingStore); ok {
		sw.Store = st
		e.store = sw
	}
	if e.sc, err = New(cfg); err != nil {
		t.Fatal(err)
	}
	return e
}

func (e *env) scan() Stats {
	e.t.Helper()
	st, err := e.sc.Scan(context.Background())
	if err != nil {
		e.t.Fatalf("Scan: %v", err)
	}
	return st
}

// published is slug → record of every published article.
func (e *env) published() map[string]store.Record {
	e.t.Helper()
	out := map[string]store.Record{}
	err := e.st.Each(context.Background(), func(r store.Record) error {
		out[r.Slug] = r
		return nil
	})
	if err != nil {
		e.t.Fatal(err)
	}
	return out
}

func (e *env) slugs() []string {
	var out []string
	for s := range e.published() {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

func (e *env) rejects() map[string]string {
	e.t.Helper()
	files, err := e.st.Files(context.Background())
	if err != nil {
		e.t.Fatal(err)
	}
	out := map[string]string{}
	for p, f := range files {
		if f.Reason != "" {
			out[p] = f.Reason
		}
	}
	return out
}

// logLines counts "rejected file" lines for a path.
func (e *env) logLines(path string) int {
	n := 0
	for _, l := range strings.Split(e.logs.String(), "\n") {
		if strings.Contains(l, "rejected file") && strings.Contains(l, "path="+quoteIfNeeded(path)+" ") {
			n++
		}
	}
	return n
}

func quoteIfNeeded(s string) string {
	var b bytes.Buffer
	slog.New(slog.NewTextHandler(&b, &slog.HandlerOptions{ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
		if a.Key == "time" || a.Key == "level" || a.Key == "msg" {
			return slog.Attr{}
		}
		return a
	}})).Info("", "p", s)
	return strings.TrimSuffix(strings.TrimPrefix(b.String(), "p="), "\n")
}

func file(body string, mtime time.Time) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte(body), ModTime: mtime, Mode: 0o644}
}

// failingStore fails Apply while fail is set, like a full disk.
type failingStore struct {
	Store
	fail atomic.Bool
}

var errInjected = errors.New("store: disk full (injected)")

func (f *failingStore) Apply(ctx context.Context, c store.Changes) (store.Result, error) {
	if f.fail.Load() {
		return store.Result{}, errInjected
	}
	return f.Store.Apply(ctx, c)
}

// countingFS counts opens of each path.
type countingFS struct {
	fs.FS
	mu    sync.Mutex
	opens map[string]int
}

func (c *countingFS) Open(name string) (fs.File, error) {
	f, err := c.FS.Open(name)
	if err != nil {
		return f, err
	}
	if fi, err := f.Stat(); err == nil && !fi.IsDir() {
		c.mu.Lock()
		if c.opens == nil {
			c.opens = map[string]int{}
		}
		c.opens[name]++
		c.mu.Unlock()
	}
	return f, nil
}

// Lstat keeps fs.Lstat on the wrapped FS working through the wrapper.
func (c *countingFS) Lstat(name string) (fs.FileInfo, error) { return fs.Lstat(c.FS, name) }

func (c *countingFS) ReadLink(name string) (string, error) { return fs.ReadLink(c.FS, name) }

func (c *countingFS) fileOpens() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for _, k := range c.opens {
		n += k
	}
	return n
}

func metricValue(t *testing.T, m prometheus.Metric) float64 {
	t.Helper()
	var d dto.Metric
	if err := m.Write(&d); err != nil {
		t.Fatal(err)
	}
	switch {
	case d.Counter != nil:
		return d.Counter.GetValue()
	case d.Gauge != nil:
		return d.Gauge.GetValue()
	}
	t.Fatalf("unsupported metric %v", m.Desc())
	return 0
}
