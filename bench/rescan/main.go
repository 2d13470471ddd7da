// Command rescan measures seedfeed's rescan of an unchanged seeds folder
// against its floor, `find DIR -printf '%T@ %s\n'`, alternating the two in
// one process so that both see the same machine. Given several configs
// (say one on SQLite and one on PostgreSQL, over the same folder), it
// alternates all of them and find, so the backends are compared side by
// side in one run.
//
//	rescan -config DIR/config.yaml -runs 10
//	rescan -config sqlite.yaml -config postgres.yaml -runs 10
//
// Each config's state database must already hold its folder (bench/scan.sh
// runs `seedfeed build` first). The scanner is set up as the daemon sets
// it up. Before timing, one scan through a counting file system checks
// that a rescan opens no file and publishes nothing (so nothing is
// rendered and no ETag changes). Then the first scan of a process (which
// also loads every file's state from the database, as the daemon does once
// at start) is timed, once per config and round with a new scanner, and
// `runs` steady rescans (the daemon's scheduled ones) are timed, each next
// to one find. A timed scan is what the daemon does on a cron tick: ask
// the store whether this process is the writer (a query on PostgreSQL,
// nothing on SQLite), then scan.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"seedfeed/internal/article"
	"seedfeed/internal/config"
	"seedfeed/internal/ingest"
	"seedfeed/internal/store"
)

func main() {
	var cfgPaths []string
	flag.Func("config", "seedfeed config whose seeds.dir and state to use (repeat to compare backends; default config.yaml)", func(s string) error {
		cfgPaths = append(cfgPaths, s)
		return nil
	})
	runs := flag.Int("runs", 10, "timed rescans of each config (each next to one find)")
	flag.Parse()
	if len(cfgPaths) == 0 {
		cfgPaths = []string{"config.yaml"}
	}
	if err := run(context.Background(), cfgPaths, *runs, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "rescan:", err)
		os.Exit(1)
	}
}

// countingFS counts the regular files opened through it, i.e. read.
type countingFS struct {
	fs.FS
	opened atomic.Int64
}

func (c *countingFS) Open(name string) (fs.File, error) {
	f, err := c.FS.Open(name)
	if err == nil {
		if fi, serr := f.Stat(); serr == nil && fi.Mode().IsRegular() {
			c.opened.Add(1)
		}
	}
	return f, err
}

// Lstat and ReadLink keep fs.Lstat from falling back to Stat, which would
// follow symbolic links where the daemon's os.DirFS does not.
func (c *countingFS) Lstat(name string) (fs.FileInfo, error) { return fs.Lstat(c.FS, name) }
func (c *countingFS) ReadLink(name string) (string, error)   { return fs.ReadLink(c.FS, name) }

func newScanner(cfg config.Config, st *store.Store, fsys fs.FS) (*ingest.Scanner, error) {
	opts := article.Options{Location: cfg.Site.Location, BaseURL: cfg.Site.BaseURL, Language: cfg.Site.Language}
	return ingest.New(ingest.Config{
		FS:           fsys,
		Store:        st,
		Parse:        article.Parse,
		Options:      func() article.Options { return opts },
		MaxFileBytes: cfg.Seeds.MaxFileBytes,
		Settle:       cfg.Seeds.Settle,
	})
}

// rescanTarget is one config under test: its store, its steady scanner
// and what it measured.
type rescanTarget struct {
	name    string
	cfg     config.Config
	st      *store.Store
	sc      *ingest.Scanner
	seen    int
	firsts  []time.Duration
	rescans []time.Duration
}

// rescanTargetName is the config file's base name without its extension
// ("sqlite" for sqlite.yaml), made unique with its position.
func rescanTargetName(path string, i int, taken map[string]bool) string {
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	if taken[name] {
		name = fmt.Sprintf("%s#%d", name, i+1)
	}
	taken[name] = true
	return name
}

// tick is what the daemon does on a cron tick: the writer check, then
// the scan.
func (t *rescanTarget) tick(ctx context.Context, sc *ingest.Scanner) (time.Duration, error) {
	start := time.Now()
	lead, err := t.st.Lead(ctx)
	if err != nil {
		return 0, fmt.Errorf("%s: lead: %w", t.name, err)
	}
	if !lead {
		return 0, fmt.Errorf("%s: another process holds the writer's lock", t.name)
	}
	s, err := sc.Scan(ctx)
	d := time.Since(start)
	if err == nil && (s.Changed != 0 || s.Published || s.Seen != t.seen) {
		err = fmt.Errorf("%s: folder changed during the benchmark: %+v", t.name, s)
	}
	return d, err
}

func openRescanTarget(ctx context.Context, name, cfgPath string) (*rescanTarget, error) {
	cfg, err := config.Load(cfgPath, os.Getenv)
	if err != nil {
		return nil, err
	}
	st, err := store.Open(ctx, cfg.State.Location(), cfg.Site.Host())
	if err != nil {
		return nil, err
	}
	t := &rescanTarget{name: name, cfg: cfg, st: st}
	cfs := &countingFS{FS: os.DirFS(cfg.Seeds.Dir)}
	check, err := newScanner(cfg, st, cfs)
	if err != nil {
		st.Close()
		return nil, err
	}
	stats, err := check.Scan(ctx)
	if err != nil {
		st.Close()
		return nil, fmt.Errorf("%s: check scan: %w", name, err)
	}
	if stats.Changed != 0 || stats.Removed != 0 || stats.Rejected != 0 || stats.Published || stats.Seen == 0 {
		st.Close()
		return nil, fmt.Errorf("%s: the database is not in step with %s (run seedfeed build first): %+v", name, cfg.Seeds.Dir, stats)
	}
	if n := cfs.opened.Load(); n != 0 {
		st.Close()
		return nil, fmt.Errorf("%s: an unchanged rescan opened %d files", name, n)
	}
	t.seen = stats.Seen
	if t.sc, err = newScanner(cfg, st, os.DirFS(cfg.Seeds.Dir)); err != nil {
		st.Close()
		return nil, err
	}
	// The steady scanner's own first scan (loading the file states) is
	// not one of the rescans timed.
	if _, err := t.tick(ctx, t.sc); err != nil {
		st.Close()
		return nil, err
	}
	return t, nil
}

func run(ctx context.Context, cfgPaths []string, runs int, out io.Writer) error {
	if runs < 1 {
		return errors.New("-runs must be at least 1")
	}
	if len(cfgPaths) == 0 {
		return errors.New("no config")
	}
	var targets []*rescanTarget
	defer func() {
		for _, t := range targets {
			t.st.Close()
		}
	}()
	taken := map[string]bool{}
	for i, p := range cfgPaths {
		t, err := openRescanTarget(ctx, rescanTargetName(p, i, taken), p)
		if err != nil {
			return err
		}
		targets = append(targets, t)
	}
	find := func(dir string) (time.Duration, error) {
		cmd := exec.CommandContext(ctx, "find", dir, "-printf", `%T@ %s\n`)
		cmd.Stdout = io.Discard
		start := time.Now()
		err := cmd.Run()
		return time.Since(start), err
	}
	var finds []time.Duration
	// Each round times, in an order rotated from round to round so that
	// none always gets the warmer cache: every config's first scan (a new
	// scanner, which loads the file states from its database), every
	// config's steady rescan, and one find of the first config's folder.
	steps := len(targets) + 1
	for i := range runs {
		for k := range steps {
			j := (i + k) % steps
			if j == len(targets) {
				f, err := find(targets[0].cfg.Seeds.Dir)
				if err != nil {
					return err
				}
				finds = append(finds, f)
				continue
			}
			t := targets[j]
			fresh, err := newScanner(t.cfg, t.st, os.DirFS(t.cfg.Seeds.Dir))
			if err != nil {
				return err
			}
			first, err := t.tick(ctx, fresh)
			if err != nil {
				return err
			}
			r, err := t.tick(ctx, t.sc)
			if err != nil {
				return err
			}
			t.firsts, t.rescans = append(t.firsts, first), append(t.rescans, r)
		}
	}
	fm := median(finds)
	for _, t := range targets {
		rm := median(t.rescans)
		prefix := ""
		if len(targets) > 1 {
			prefix = t.name + ": "
		}
		fmt.Fprintf(out, "%sfiles %d, files opened by a rescan 0, published false\n", prefix, t.seen)
		fmt.Fprintf(out, "%sfirst scan after start (loads file states): median %s (min %s, max %s, %d runs)\n",
			prefix, ms(median(t.firsts)), ms(slices.Min(t.firsts)), ms(slices.Max(t.firsts)), runs)
		fmt.Fprintf(out, "%srescan: median %s (min %s, max %s, %d runs), %.0f ns/file\n",
			prefix, ms(rm), ms(slices.Min(t.rescans)), ms(slices.Max(t.rescans)), runs, float64(rm.Nanoseconds())/float64(t.seen))
	}
	fmt.Fprintf(out, "find:   median %s (min %s, max %s, %d runs)\n", ms(fm), ms(slices.Min(finds)), ms(slices.Max(finds)), runs)
	for _, t := range targets {
		name := ""
		if len(targets) > 1 {
			name = " config=" + t.name
		}
		rm := median(t.rescans)
		fmt.Fprintf(out, "RESCAN%s files=%d first_ms=%.2f first_min=%.2f first_max=%.2f rescan_ms=%.2f rescan_min=%.2f rescan_max=%.2f find_ms=%.2f find_min=%.2f find_max=%.2f ratio=%.2f\n",
			name, t.seen, msf(median(t.firsts)), msf(slices.Min(t.firsts)), msf(slices.Max(t.firsts)),
			msf(rm), msf(slices.Min(t.rescans)), msf(slices.Max(t.rescans)),
			msf(fm), msf(slices.Min(finds)), msf(slices.Max(finds)), float64(rm)/float64(fm))
	}
	// Each later config against the first, round by round: the ratio of
	// two measurements taken moments apart.
	base := targets[0]
	for _, t := range targets[1:] {
		fr, rr := roundRatios(t.firsts, base.firsts), roundRatios(t.rescans, base.rescans)
		fmt.Fprintf(out, "%s / %s: first scan %.2fx (rounds %.2f-%.2f), rescan %.2fx (rounds %.2f-%.2f)\n",
			t.name, base.name, median(fr), slices.Min(fr), slices.Max(fr), median(rr), slices.Min(rr), slices.Max(rr))
		fmt.Fprintf(out, "RESCANVS config=%s base=%s first_ratio=%.2f first_ratio_min=%.2f first_ratio_max=%.2f rescan_ratio=%.2f rescan_ratio_min=%.2f rescan_ratio_max=%.2f\n",
			t.name, base.name, median(fr), slices.Min(fr), slices.Max(fr), median(rr), slices.Min(rr), slices.Max(rr))
	}
	return nil
}

// roundRatios is a[i] / b[i] for each round.
func roundRatios(a, b []time.Duration) []float64 {
	out := make([]float64, len(a))
	for i := range a {
		out[i] = float64(a[i]) / float64(b[i])
	}
	return out
}

// median is the middle of xs (the mean of the two middle ones for an even
// count), xs left unsorted.
func median[T time.Duration | float64](xs []T) T {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func msf(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1e6 }
func ms(d time.Duration) string   { return fmt.Sprintf("%.2f ms", msf(d)) }
