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
//   - find: `find DIR -printf '%T@ %s\n'`, the floor a stat walk can reach.
//
// Compare rescan with find as a ratio of ns/op from the same run.
func BenchmarkScan(b *testing.B) {
	if _, err := exec.LookPath("find"); err != nil {
		b.Skip("find not installed")
	}
	for _, n := range benchSizes() {
		dir := filepath.Join(b.TempDir(), "seeds")
		if err := corpus.Write(dir, n, 1); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("cold/N=%d", n), func(b *testing.B) {
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
		sc, st := benchScanner(b, dir, filepath.Join(b.TempDir(), "warm.db"), article.Parse)
		if _, err := sc.Scan(context.Background()); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("rescan/N=%d", n), func(b *testing.B) {
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
		// Alternating the two in one loop exposes both to the same
		// moment of a shared, noisy machine; the ratio of medians is the
		// figure to quote.
		b.Run(fmt.Sprintf("rescan-vs-find/N=%d", n), func(b *testing.B) {
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
		st.Close()
		b.Run(fmt.Sprintf("find/N=%d", n), func(b *testing.B) {
			for b.Loop() {
				findStat(b, dir)
			}
		})
	}
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
