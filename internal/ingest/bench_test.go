package ingest

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"seedfeed/internal/article"
	"seedfeed/internal/corpus"
	"seedfeed/internal/store"
)

// benchSizes are the corpus sizes; SEEDFEED_BENCH_100K=1 adds 100,000
// (about 500 MB of files and a few minutes per cold scan).
func benchSizes() []int {
	sizes := []int{1000, 10000}
	if os.Getenv("SEEDFEED_BENCH_100K") != "" {
		sizes = append(sizes, 100000)
	}
	return sizes
}

func benchScanner(b *testing.B, dir, db string, parse ParseFunc) (*Scanner, *store.Store) {
	b.Helper()
	st, err := store.Open(context.Background(), db, "example.org")
	if err != nil {
		b.Fatal(err)
	}
	sc, err := New(Config{
		FS:           os.DirFS(dir),
		Store:        st,
		Parse:        parse,
		Options:      func() article.Options { return article.Options{Location: time.UTC} },
		MaxFileBytes: 2 << 20,
	})
	if err != nil {
		b.Fatal(err)
	}
	return sc, st
}

// BenchmarkScan runs, for each corpus size, side by side:
//   - cold: an empty database, every file read, normalized and stored;
//   - rescan: nothing changed, so every file is stat'ed and none read;
//   - rescan-vs-find: the two alternated in one loop, with the ratio of
//     their medians (the figure to quote on a shared, noisy machine);
//   - find: `find DIR -printf '%T@ %s\n'`, the floor a stat walk can reach.
//
// SEEDFEED_BENCH_CORPUS=DIR keeps the generated corpora there between runs.
func BenchmarkScan(b *testing.B) {
	if _, err := exec.LookPath("find"); err != nil {
		b.Skip("find not installed")
	}
	for _, n := range benchSizes() {
		b.Run(fmt.Sprintf("N=%d", n), func(b *testing.B) { benchScanSize(b, n) })
	}
}

func benchScanSize(b *testing.B, n int) {
	dir := corpusDir(b, n)
	b.Run("cold", func(b *testing.B) {
		b.ReportAllocs()
		resetPeakRSS()
		defer reportPeakRSS(b)
		for i := 0; b.Loop(); i++ {
			b.StopTimer()
			sc, st := benchScanner(b, dir, filepath.Join(b.TempDir(), fmt.Sprintf("cold%d.db", i)), article.Parse)
			b.StartTimer()
			stats, err := sc.Scan(context.Background())
			b.StopTimer()
			if err != nil || stats.Changed+stats.Rejected != n {
				b.Fatalf("cold scan: %+v, %v", stats, err)
			}
			st.Close()
			b.StartTimer()
		}
	})
	// After an upgrade to a normalizer of another version, the first scan
	// reads every unchanged file again; most articles come out as they
	// were (here all: the same Parse), and only their stamps are written.
	b.Run("reread", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			b.StopTimer()
			old, st := benchScanner(b, dir, filepath.Join(b.TempDir(), fmt.Sprintf("reread%d.db", i)), article.Parse)
			if _, err := old.Scan(context.Background()); err != nil {
				b.Fatal(err)
			}
			cfg := old.cfg
			cfg.Version++
			sc, err := New(cfg)
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			stats, err := sc.Scan(context.Background())
			b.StopTimer()
			if err != nil || stats.Reread != n || stats.Refreshed != 0 || stats.Published {
				b.Fatalf("scan after an upgrade: %+v, %v", stats, err)
			}
			st.Close()
			b.StartTimer()
		}
	})
	var sc *Scanner
	warm := func(b *testing.B) *Scanner {
		if sc == nil {
			var st *store.Store
			sc, st = benchScanner(b, dir, filepath.Join(b.TempDir(), "warm.db"), article.Parse)
			b.Cleanup(func() { st.Close() })
			if _, err := sc.Scan(context.Background()); err != nil {
				b.Fatal(err)
			}
		}
		return sc
	}
	b.Run("rescan", func(b *testing.B) {
		sc := warm(b)
		b.ReportAllocs()
		resetPeakRSS()
		defer reportPeakRSS(b)
		for b.Loop() {
			stats, err := sc.Scan(context.Background())
			if err != nil || stats.Seen != n || stats.Changed != 0 || stats.Published {
				b.Fatalf("rescan: %+v, %v", stats, err)
			}
		}
	})
	b.Run("rescan-vs-find", func(b *testing.B) {
		sc := warm(b)
		var ours, floor []time.Duration
		for b.Loop() {
			t := time.Now()
			if _, err := sc.Scan(context.Background()); err != nil {
				b.Fatal(err)
			}
			ours = append(ours, time.Since(t))
			t = time.Now()
			findStat(b, dir)
			floor = append(floor, time.Since(t))
		}
		mo, mf := median(ours), median(floor)
		b.ReportMetric(float64(mo.Nanoseconds()), "rescan-ns")
		b.ReportMetric(float64(mf.Nanoseconds()), "find-ns")
		b.ReportMetric(float64(mo)/float64(mf), "rescan/find")
	})
	b.Run("find", func(b *testing.B) {
		for b.Loop() {
			findStat(b, dir)
		}
	})
}

// corpusDir writes (or, under SEEDFEED_BENCH_CORPUS, reuses) a corpus of
// n files.
func corpusDir(b *testing.B, n int) string {
	root := os.Getenv("SEEDFEED_BENCH_CORPUS")
	if root == "" {
		root = b.TempDir()
	}
	dir := filepath.Join(root, fmt.Sprintf("corpus-%d", n))
	if entries, err := os.ReadDir(dir); err == nil && len(entries) == n {
		return dir
	}
	if err := os.RemoveAll(dir); err != nil {
		b.Fatal(err)
	}
	if err := corpus.Write(dir, n, 1); err != nil {
		b.Fatal(err)
	}
	return dir
}

// findStat runs the stat floor: find printing every file's mtime and size.
func findStat(b *testing.B, dir string) {
	cmd := exec.Command("find", dir, "-printf", `%T@ %s\n`)
	cmd.Stdout = io.Discard
	if err := cmd.Run(); err != nil {
		b.Fatal(err)
	}
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

// resetPeakRSS restarts the kernel's peak-RSS count (VmHWM) of this process
// (Linux; elsewhere it does nothing), so a benchmark can report the peak
// of its own loop rather than of the corpus generation before it.
func resetPeakRSS() {
	runtime.GC()
	os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
}

func reportPeakRSS(b *testing.B) {
	if mb := peakRSSMB(); mb > 0 {
		b.ReportMetric(mb, "peak-RSS-MB")
	}
}

// peakRSSMB is VmHWM in MB, or 0 where the kernel does not say.
func peakRSSMB() float64 {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range strings.Lines(string(status)) {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			if err == nil {
				return float64(kb) / 1024
			}
		}
	}
	return 0
}
