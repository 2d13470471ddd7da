package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"seedfeed/internal/config"
)

type healthFlags struct {
	config  string
	url     string
	timeout time.Duration
}

func (f *healthFlags) define(fs *flag.FlagSet) {
	fs.StringVar(&f.config, "config", "config.yaml", "configuration `file` whose server.admin_listen, or else server.listen (and their SEEDFEED_SERVER_* overrides), names the address to ask")
	fs.StringVar(&f.url, "url", "", "ask this `URL` instead of http://SERVER.ADMIN_LISTEN/healthz (or SERVER.LISTEN without one)")
	fs.DurationVar(&f.timeout, "timeout", 5*time.Second, "give up after this long")
}

// runHealthcheck is a container's HEALTHCHECK: a minimal image has no
// curl, so the binary asks its own /healthz. A 200 (ok, or degraded while
// the last good feeds are served) is healthy; anything else, or no
// answer, exits 1 with the reason.
func runHealthcheck(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	var f healthFlags
	fs := newFlagSet("healthcheck")
	f.define(fs)
	if done, err := parseFlags(fs, args, stdout); done {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("healthcheck: unexpected argument %q", fs.Arg(0))
	}
	url := f.url
	if url == "" {
		cfg, err := loadConfig(f.config, getenv, slog.New(slog.NewTextHandler(stderr, nil)))
		if err != nil {
			return err
		}
		url = "http://" + dialAddr(healthAddr(cfg.Server)) + "/healthz"
	}
	ctx, cancel := context.WithTimeout(ctx, f.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return usageError("healthcheck: %v", err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("healthcheck: %w", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if err != nil {
		return fmt.Errorf("healthcheck: %s: reading the answer: %w", url, err)
	}
	text := strings.TrimSpace(string(body))
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("healthcheck: %s: %s: %s", url, resp.Status, text)
	}
	fmt.Fprintln(stdout, text)
	return nil
}

// healthAddr is the listen address that serves /healthz: the admin
// listener when there is one, else the feeds' own.
func healthAddr(s config.Server) string {
	if s.AdminListen != "" {
		return s.AdminListen
	}
	return s.Listen
}

// dialAddr turns a listen address into one to connect to: a listener on
// every interface (":8080", "0.0.0.0:8080", "[::]:8080") is reached on
// the loopback.
func dialAddr(listen string) string {
	host, port, err := net.SplitHostPort(listen)
	if err != nil {
		return listen
	}
	switch host {
	case "", "0.0.0.0":
		host = "127.0.0.1"
	case "::":
		host = "::1"
	}
	return net.JoinHostPort(host, port)
}
