package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"seedfeed/internal/config"
	"seedfeed/internal/daemon"
	"seedfeed/internal/progress"
)

// loadConfig reads the config file; a bad config is exit status 2.
func loadConfig(path string, getenv func(string) string, log *slog.Logger) (config.Config, error) {
	cfg, err := config.Load(path, getenv)
	if err != nil {
		if errors.Is(err, config.ErrInvalid) {
			return cfg, &exitError{code: 2, err: err}
		}
		return cfg, err
	}
	for _, k := range config.UnknownEnv(os.Environ()) {
		log.Warn("ignoring unknown environment variable", "name", k)
	}
	return cfg, nil
}

// defaultProgressEvery is how often a long scan is logged when stderr is
// not a terminal: a line every few seconds shows it is alive without
// crowding a log file.
const defaultProgressEvery = 5 * time.Second

type serveFlags struct {
	config   string
	verbose  bool
	replica  bool
	progress time.Duration
}

func (f *serveFlags) define(fs *flag.FlagSet) {
	fs.StringVar(&f.config, "config", "config.yaml", "configuration `file`")
	fs.BoolVar(&f.verbose, "v", false, "log every scan (debug level)")
	fs.BoolVar(&f.replica, "replica", false, "serve only: no seeds folder (as seeds.dir: \"\"); never scan nor become the writer, serve what the writer publishes in PostgreSQL (state.url)")
	defineProgress(fs, &f.progress)
}

func defineProgress(fs *flag.FlagSet, d *time.Duration) {
	fs.DurationVar(d, "progress", defaultProgressEvery,
		"log a long scan's progress this often when stderr is not a terminal (a terminal gets one line updated in place); 0: no progress")
}

// newLogger returns the logger of a command and the reporter of its long
// work. On a terminal the log goes through the reporter, so that a log
// line never lands on the progress line; elsewhere the reporter logs.
func newLogger(stderr io.Writer, level slog.Level, every time.Duration) (*slog.Logger, *progress.Reporter) {
	opts := &slog.HandlerOptions{Level: level}
	if every <= 0 {
		return slog.New(slog.NewTextHandler(stderr, opts)), nil
	}
	if progress.IsTerminal(stderr) {
		rep := progress.New(stderr, nil, progress.Options{})
		return slog.New(slog.NewTextHandler(rep, opts)), rep
	}
	log := slog.New(slog.NewTextHandler(stderr, opts))
	return log, progress.New(stderr, log, progress.Options{Every: every})
}

func runServe(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	var f serveFlags
	fs := newFlagSet("serve")
	f.define(fs)
	if done, err := parseFlags(fs, args, stdout); done {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("serve: unexpected argument %q", fs.Arg(0))
	}
	level := slog.LevelInfo
	if f.verbose {
		level = slog.LevelDebug
	}
	log, rep := newLogger(stderr, level, f.progress)
	cfg, err := loadConfig(f.config, getenv, log)
	if err != nil {
		return err
	}
	if f.replica {
		cfg.Seeds.Dir = ""
	}
	if err := cfg.CheckServeOnly(); err != nil {
		if f.replica {
			return fmt.Errorf("serve -replica: %w", err)
		}
		return err
	}
	return daemon.Serve(ctx, daemon.Options{Config: cfg, ConfigPath: f.config, Getenv: getenv, Logger: log, Progress: rep})
}

type buildFlags struct {
	config   string
	out      string
	progress time.Duration
}

func (f *buildFlags) define(fs *flag.FlagSet) {
	fs.StringVar(&f.config, "config", "config.yaml", "configuration `file`")
	fs.StringVar(&f.out, "out", "", "`folder` to write the site into (required)")
	defineProgress(fs, &f.progress)
}

func runBuild(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	var f buildFlags
	fs := newFlagSet("build")
	f.define(fs)
	if done, err := parseFlags(fs, args, stdout); done {
		return err
	}
	if f.out == "" {
		return usageError("build: -out DIR is required")
	}
	if fs.NArg() > 0 {
		return usageError("build: unexpected argument %q", fs.Arg(0))
	}
	log, rep := newLogger(stderr, slog.LevelInfo, f.progress)
	cfg, err := loadConfig(f.config, getenv, log)
	if err != nil {
		return err
	}
	n, err := daemon.BuildReporting(ctx, cfg, f.out, log, rep)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %d articles and the feeds to %s\n", n, f.out)
	return nil
}
