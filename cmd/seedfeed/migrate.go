package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"

	"seedfeed/internal/store"
)

type migrateFlags struct {
	config, from, to string
}

func (f *migrateFlags) define(fs *flag.FlagSet) {
	fs.StringVar(&f.config, "config", "config.yaml", "configuration `file`: its state.path is the SQLite state to copy, its state.url (or SEEDFEED_STATE_URL) the PostgreSQL to copy into")
	fs.StringVar(&f.from, "from", "", "the SQLite `file` to copy (default: state.path)")
	fs.StringVar(&f.to, "to", "", "the PostgreSQL `URL` to copy into (default: state.url)")
}

// runMigrate copies an SQLite state into an empty PostgreSQL database, so
// that a seedfeed moved to state.url publishes every article under the id
// it had: readers see no duplicates.
func runMigrate(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	var f migrateFlags
	fs := newFlagSet("migrate")
	f.define(fs)
	if done, err := parseFlags(fs, args, stdout); done {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("migrate: unexpected argument %q", fs.Arg(0))
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	cfg, err := loadConfig(f.config, getenv, log)
	if err != nil {
		return err
	}
	from, to := cfg.State.Path, cfg.State.URL
	if f.from != "" {
		from = f.from
	}
	if f.to != "" {
		to = f.to
	}
	switch {
	case to == "":
		return usageError("migrate: nothing to copy into: set state.url (or SEEDFEED_STATE_URL), or give -to postgres://...")
	case !store.IsPostgresURL(to):
		return usageError("migrate: -to must be a postgres:// URL")
	case store.IsPostgresURL(from):
		return usageError("migrate: -from must be an SQLite file")
	}
	// Open would create a missing file: an empty copy is never what the
	// user meant.
	if _, err := os.Stat(from); err != nil {
		return fmt.Errorf("migrate: no SQLite state to copy (state.path or -from): %w", err)
	}
	host := cfg.Site.Host()
	src, err := store.Open(ctx, from, host)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer src.Close()
	dst, err := store.Open(ctx, to, host)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer dst.Close()
	n, err := src.CopyInto(ctx, dst)
	if errors.Is(err, store.ErrNotEmpty) {
		return fmt.Errorf("migrate: %w (a copy was made already? then start seedfeed with state.url; else point state.url at an empty database)", err)
	}
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	fmt.Fprintf(stdout, "copied %d articles, %d rejected files and %d tombstones from %s into %s\n",
		n.Articles, n.Rejected, n.Tombstones, src.Path(), dst.Path())
	return nil
}
