package daemon

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"seedfeed/internal/config"
	"seedfeed/internal/store"
)

// logBuffer collects a daemon's log; the scan loop writes from its own
// goroutine.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// testDaemon is a Daemon put together as Serve does, without the
// listener, the cron and the watcher, so that one scan or one reload can
// be driven directly.
type testDaemon struct {
	*Daemon
	cfgPath string
	seeds   string
	logs    *logBuffer
}

// newTestDaemon writes configYAML (with seeds.dir and state.path in a
// temporary folder appended) to config.yaml and wires a Daemon from it.
func newTestDaemon(t *testing.T, configYAML string) *testDaemon {
	t.Helper()
	dir := t.TempDir()
	seeds := filepath.Join(dir, "seeds")
	if err := os.Mkdir(seeds, 0o755); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "config.yaml")
	writeFile(t, p, configYAML+"state:\n  path: state.db\n")
	cfg, err := config.Load(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Seeds.Dir = seeds
	st, err := store.Open(context.Background(), cfg.State.Path, cfg.Site.Host())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	logs := &logBuffer{}
	log := slog.New(slog.NewTextHandler(logs, nil))
	d, err := newDaemon(cfg, st, log)
	if err != nil {
		t.Fatal(err)
	}
	d.forceRender = false // the tests drive every scan themselves
	return &testDaemon{Daemon: d, cfgPath: p, seeds: seeds, logs: logs}
}

// openTestStore opens a SQLite store in a temporary folder for the
// site at host, closed when the test ends.
func openTestStore(t testing.TB, host string) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "state.db"), host)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// scan runs one scan as the scan loop would.
func (d *testDaemon) scan(full bool, paths ...string) {
	set := map[string]struct{}{}
	for _, p := range paths {
		set[p] = struct{}{}
	}
	d.mu.Lock()
	cfg, sc := d.cfg, d.scanner
	d.mu.Unlock()
	d.scanOnce(context.Background(), cfg, sc, full, set, false)
}

func writeFile(t *testing.T, path, body string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
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
	case d.Histogram != nil:
		return float64(d.Histogram.GetSampleCount())
	}
	t.Fatalf("unsupported metric %v", m.Desc())
	return 0
}
