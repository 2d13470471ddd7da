// Command rescan measures seedfeed's rescan of an unchanged seeds folder
// against its floor, `find DIR -printf '%T@ %s\n'`, alternating the two in
// one process so that both see the same machine.
//
//	rescan -config DIR/config.yaml -runs 10
//
// The config's state database must already hold the folder (bench/scan.sh
// runs `seedfeed build` first). The scanner is set up as the daemon sets
// it up. Before timing, one scan through a counting file system checks
// that a rescan opens no file and publishes nothing (so nothing is
// rendered and no ETag changes). Then the first scan of the process (which
// also loads every file's state from the database, as the daemon does once
// at start) is timed alone, and `runs` steady rescans (the daemon's
// scheduled ones) are timed, each next to one find.
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
	"slices"
	"sync/atomic"
	"time"

	"seedfeed/internal/article"
	"seedfeed/internal/config"
	"seedfeed/internal/ingest"
	"seedfeed/internal/store"
)

func main() {
	cfgPath := flag.String("config", "config.yaml", "seedfeed config whose seeds.dir and state.path to use")
	runs := flag.Int("runs", 10, "timed rescans (each next to one find)")
	flag.Parse()
	if err := run(context.Background(), *cfgPath, *runs, os.Stdout); err != nil {
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
	opts := article.Options{Location: cfg.Site.Location, BaseURL: cfg.Site.BaseURL}
	return ingest.New(ingest.Config{
		FS:           fsys,
		Store:        st,
		Parse:        article.Parse,
		Options:      func() article.Options { return opts },
		MaxFileBytes: cfg.Seeds.MaxFileBytes,
		Settle:       cfg.Seeds.Settle,
	})
}

func run(ctx context.Context, cfgPath string, runs int, out io.Writer) error {
	if runs < 1 {
		return errors.New("-runs must be at least 1")
	}
	cfg, err := config.Load(cfgPath, os.Getenv)
	if err != nil {
		return err
	}
	st, err := store.Open(ctx, cfg.State.Location(), cfg.Site.Host())
	if err != nil {
		return err
	}
	defer st.Close()

	cfs := &countingFS{FS: os.DirFS(cfg.Seeds.Dir)}
	check, err := newScanner(cfg, st, cfs)
	if err != nil {
		return err
	}
	stats, err := check.Scan(ctx)
	if err != nil {
		return fmt.Errorf("check scan: %w", err)
	}
	if stats.Changed != 0 || stats.Removed != 0 || stats.Rejected != 0 || stats.Published || stats.Seen == 0 {
		return fmt.Errorf("the database is not in step with %s (run seedfeed build first): %+v", cfg.Seeds.Dir, stats)
	}
	if n := cfs.opened.Load(); n != 0 {
		return fmt.Errorf("an unchanged rescan opened %d files", n)
	}
	seen := stats.Seen

	sc, err := newScanner(cfg, st, os.DirFS(cfg.Seeds.Dir))
	if err != nil {
		return err
	}
	scan := func() (time.Duration, error) {
		start := time.Now()
		s, err := sc.Scan(ctx)
		d := time.Since(start)
		if err == nil && (s.Changed != 0 || s.Published || s.Seen != seen) {
			err = fmt.Errorf("folder changed during the benchmark: %+v", s)
		}
		return d, err
	}
	find := func() (time.Duration, error) {
		cmd := exec.CommandContext(ctx, "find", cfg.Seeds.Dir, "-printf", `%T@ %s\n`)
		cmd.Stdout = io.Discard
		start := time.Now()
		err := cmd.Run()
		return time.Since(start), err
	}
	first, err := scan()
	if err != nil {
		return err
	}
	var rescans, finds []time.Duration
	for i := range runs {
		// Alternate which goes first, so neither always gets the warmer cache.
		var r, f time.Duration
		if i%2 == 0 {
			if r, err = scan(); err == nil {
				f, err = find()
			}
		} else {
			if f, err = find(); err == nil {
				r, err = scan()
			}
		}
		if err != nil {
			return err
		}
		rescans, finds = append(rescans, r), append(finds, f)
	}
	rm, fm := median(rescans), median(finds)
	fmt.Fprintf(out, "files %d, files opened by a rescan 0, published false\n", seen)
	fmt.Fprintf(out, "first scan after start (loads file states): %s\n", ms(first))
	fmt.Fprintf(out, "rescan: median %s (min %s, max %s, %d runs), %.0f ns/file\n",
		ms(rm), ms(slices.Min(rescans)), ms(slices.Max(rescans)), runs, float64(rm.Nanoseconds())/float64(seen))
	fmt.Fprintf(out, "find:   median %s (min %s, max %s, %d runs)\n", ms(fm), ms(slices.Min(finds)), ms(slices.Max(finds)), runs)
	fmt.Fprintf(out, "RESCAN files=%d first_ms=%.2f rescan_ms=%.2f rescan_min=%.2f rescan_max=%.2f find_ms=%.2f find_min=%.2f find_max=%.2f ratio=%.2f\n",
		seen, msf(first), msf(rm), msf(slices.Min(rescans)), msf(slices.Max(rescans)),
		msf(fm), msf(slices.Min(finds)), msf(slices.Max(finds)), float64(rm)/float64(fm))
	return nil
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func msf(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1e6 }
func ms(d time.Duration) string   { return fmt.Sprintf("%.2f ms", msf(d)) }
