//go:build unix

package ingest

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"seedfeed/internal/corpus"
	"seedfeed/internal/longtest"
)

// A folder of 100,000 files (a long test: CI and SEEDFEED_LONG=1 run it): the cold
// scan publishes them all in bounded memory, a rescan opens none, and one
// new file is picked up by ScanPaths without a walk.
func TestHundredThousandFiles(t *testing.T) {
	longtest.Skip(t, "a folder of 100,000 files")
	const n = 100000
	dir := filepath.Join(t.TempDir(), "seeds")
	if err := corpus.Write(dir, n, 11); err != nil {
		t.Fatal(err)
	}
	cfs := &countingFS{FS: os.DirFS(dir)}
	e := newEnv(t, cfs, func(c *Config) { c.BatchSize = 512 })
	e.clock.Advance(48 * time.Hour) // past the corpus's newest mtime
	resetPeakRSS()
	start := time.Now()
	st := e.scan()
	t.Logf("cold scan of %d files: %v, %+v", n, time.Since(start), st)
	if st.Changed+st.Rejected != n {
		t.Fatalf("cold scan stats %+v", st)
	}
	if c, _ := e.st.Count(context.Background()); c != st.Changed {
		t.Errorf("%d published, %d changed", c, st.Changed)
	}
	switch mb := peakRSSMB(); {
	case longtest.Race:
		// CI's run under the race detector measured 415 MB here, the
		// detector's shadow memory included; the bound is the program's.
		t.Logf("peak RSS %.0f MB under the race detector (bound not applied)", mb)
	case mb > 150:
		t.Errorf("peak RSS %.0f MB during the cold scan, over 150 MB", mb)
	default:
		t.Logf("peak RSS %.0f MB", mb)
	}

	opened := cfs.fileOpens()
	start = time.Now()
	st = e.scan()
	t.Logf("rescan: %v", time.Since(start))
	if st.Seen != n || st.Changed != 0 || cfs.fileOpens() != opened {
		t.Errorf("rescan stats %+v, opened %d files", st, cfs.fileOpens()-opened)
	}

	writeAt(t, dir, "zz-new.txt", "Brand new\nbody", t0.Add(-time.Hour))
	start = time.Now()
	st, err := e.sc.ScanPaths(context.Background(), []string{"zz-new.txt"})
	if err != nil || st.Changed != 1 || cfs.fileOpens() != opened+1 {
		t.Errorf("ScanPaths: %+v, %v, opened %d", st, err, cfs.fileOpens()-opened)
	}
	t.Logf("one new file among %d: %v", n, time.Since(start))
}
