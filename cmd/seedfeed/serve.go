package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"

	"seedfeed/internal/config"
	"seedfeed/internal/daemon"
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

func runServe(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer) error {
	fset := flag.NewFlagSet("serve", flag.ContinueOnError)
	fset.SetOutput(stderr)
	configPath := fset.String("config", "config.yaml", "configuration file")
	verbose := fset.Bool("v", false, "log every scan (debug level)")
	if err := fset.Parse(args); err != nil {
		return &exitError{code: 2}
	}
	if fset.NArg() > 0 {
		return usageError("serve: unexpected argument %q", fset.Arg(0))
	}
	level := slog.LevelInfo
	if *verbose {
		level = slog.LevelDebug
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))
	cfg, err := loadConfig(*configPath, getenv, log)
	if err != nil {
		return err
	}
	return daemon.Serve(ctx, daemon.Options{Config: cfg, ConfigPath: *configPath, Getenv: getenv, Logger: log})
}

func runBuild(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("build", flag.ContinueOnError)
	fset.SetOutput(stderr)
	configPath := fset.String("config", "config.yaml", "configuration file")
	out := fset.String("out", "", "folder to write the site into")
	if err := fset.Parse(args); err != nil {
		return &exitError{code: 2}
	}
	if *out == "" {
		return usageError("build: -out DIR is required")
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	cfg, err := loadConfig(*configPath, getenv, log)
	if err != nil {
		return err
	}
	n, err := daemon.Build(ctx, cfg, *out, log)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %d articles and the feeds to %s\n", n, *out)
	return nil
}
