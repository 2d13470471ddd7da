// Package daemon wires seedfeed together: it scans the seeds folder on a
// cron schedule and on file-system events, renders the feeds into an
// immutable snapshot after every visible change, swaps it into the HTTP
// server, and shuts everything down in order.
package daemon

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"slices"
	"sync"
	"syscall"
	"time"

	"github.com/robfig/cron/v3"

	"seedfeed/internal/article"
	"seedfeed/internal/config"
	"seedfeed/internal/ingest"
	"seedfeed/internal/metrics"
	"seedfeed/internal/progress"
	"seedfeed/internal/server"
	"seedfeed/internal/store"
	"seedfeed/internal/websub"
)

// shutdownGrace bounds a graceful stop: in-flight requests and the running
// scan get this long before seedfeed exits anyway.
const shutdownGrace = 8 * time.Second

// websubFlushGrace bounds how long a stopping daemon waits for the hubs to
// take the notifications still pending; a hub that is down must not hold
// up an exit for long.
const websubFlushGrace = time.Second

// watchRetry is how often seedfeed tries again to watch a seeds folder it
// could not watch at start.
const watchRetry = 5 * time.Second

// Options are what Serve needs from the process.
type Options struct {
	Config config.Config
	// ConfigPath is re-read on SIGHUP; empty disables reloading.
	ConfigPath string
	Getenv     func(string) string
	Logger     *slog.Logger
	// Listening, when set, is called with the bound address once the HTTP
	// server accepts connections (tests listen on port 0).
	Listening func(addr net.Addr)
	// AdminListening, when set, is called with the admin listener's
	// address (server.admin_listen) once it accepts connections.
	AdminListening func(addr net.Addr)
	// Progress, when set, shows how far the first full scan has got: a
	// cold start over a large folder reads every file before the feeds
	// are complete.
	Progress *progress.Reporter
}

// Daemon is one running seedfeed.
type Daemon struct {
	log     *slog.Logger
	st      *store.Store
	srv     *server.Server
	metrics *metrics.Metrics
	// websub announces changed feeds to the hubs, off the scan path.
	websub *websub.Publisher

	mu      sync.Mutex
	cfg     config.Config
	scanner *ingest.Scanner
	// pending work for the scan loop, coalesced: a full rescan and/or
	// the paths file-system events named.
	pendingFull  bool
	pendingPaths map[string]struct{}
	forceRender  bool // render even if the scan changes nothing (start, reload)
	// cluster.go: a replica's pending rebuild, and the lead ticker's call.
	pendingRefresh, pendingLeadCheck bool
	wake                             chan struct{}
	retry                            *time.Timer
	// what the retry timer rescans, and when it fires (zero: no timer)
	retryPaths map[string]struct{}
	retryFull  bool
	retryAt    time.Time
	// progress shows the first full scan, then is dropped; only the
	// scan loop uses it.
	progress *progress.Reporter
	// archive keeps rendered archive pages from one snapshot to the next.
	archive *archiveCache
	// Only the scan loop uses these (cluster.go): whether this process
	// was the writer at the last check, when a replica last compared the
	// fingerprint, and the fingerprint of what it serves.
	leading, roleKnown bool
	fingerprintAt      time.Time
	fingerprint        string
	// serveOnly: no seeds folder (config.ServeOnly); the process never
	// scans, never watches, never asks for the writer's lock
	// (cluster.go). Set at start, never changed.
	serveOnly bool
	// kept serves, on a server without the folder, the copies of the
	// folder's files the writer keeps in the database (folderFS); nil
	// otherwise.
	kept fs.FS
}

// Serve runs the daemon until ctx ends, then stops gracefully: it stops
// accepting connections, finishes in-flight requests and the running scan,
// and closes the database.
func Serve(ctx context.Context, opts Options) error {
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	cfg := opts.Config
	// Before the database: a serve-only process on SQLite would serve
	// nothing, ever.
	if err := cfg.CheckServeOnly(); err != nil {
		return err
	}
	st, err := store.Open(ctx, cfg.State.Location(), cfg.Site.Host())
	if err != nil {
		return err
	}
	defer st.Close()

	d, err := newDaemon(cfg, st, log)
	if err != nil {
		return err
	}
	d.progress = opts.Progress
	defer d.websub.Close()

	// Serve what the database already knows at once, so a restart never
	// answers 503 while the first scan runs.
	// The archive pages not in the cache (all of them, at start) come
	// with the first scan's snapshot.
	if snap, _, err := buildSnapshot(ctx, st, cfg, snapshotOptions{cache: d.archive, kept: d.kept}); err == nil && snap.Articles > 0 {
		snap.Built = time.Now()
		d.srv.Publish(snap)
	}

	// SIGHUP is caught before the port opens: a reload sent as soon as
	// the daemon answers must not hit the default action, which kills.
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)

	ln, err := net.Listen("tcp", cfg.Server.Listen)
	if err != nil {
		return fmt.Errorf("server.listen %s: %w", cfg.Server.Listen, err)
	}
	var adminLn net.Listener
	if cfg.Server.AdminListen != "" {
		if adminLn, err = net.Listen("tcp", cfg.Server.AdminListen); err != nil {
			ln.Close()
			return fmt.Errorf("server.admin_listen %s: %w", cfg.Server.AdminListen, err)
		}
	}
	httpSrv := server.NewHTTPServer(cfg.Server.Listen, d.srv)
	httpSrv.ErrorLog = slog.NewLogLogger(log.Handler(), slog.LevelWarn)
	front := server.NewFront(d.srv, httpSrv)
	serveErr := make(chan error, 1)
	go func() {
		if err := front.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			serveErr <- err
		}
		close(serveErr)
	}()
	var admin *http.Server
	if adminLn != nil {
		admin = server.NewHTTPServer(cfg.Server.AdminListen, d.srv.AdminHandler())
		admin.ErrorLog = httpSrv.ErrorLog
		go func() {
			if err := admin.Serve(adminLn); !errors.Is(err, http.ErrServerClosed) {
				log.Error("admin listener stopped", "addr", adminLn.Addr().String(), "error", err)
			}
		}()
		log.Info("serving /healthz and /metrics", "admin_addr", adminLn.Addr().String())
		if opts.AdminListening != nil {
			opts.AdminListening(adminLn.Addr())
		}
	}
	if d.serveOnly {
		log.Info("listening", "addr", ln.Addr().String(), "feed", cfg.Site.BaseURL+"/feed.xml", "seeds", "none: serve-only, follows the writer in PostgreSQL")
	} else {
		log.Info("listening", "addr", ln.Addr().String(), "feed", cfg.Site.BaseURL+"/feed.xml", "seeds", cfg.Seeds.Dir)
	}
	if opts.Listening != nil {
		opts.Listening(ln.Addr())
	}

	// Scans outlive ctx by up to shutdownGrace, so a SIGTERM lets the running
	// scan finish its transaction.
	scanCtx, cancelScans := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelScans()
	loopDone := make(chan struct{})
	d.runCluster(ctx)
	d.requestFull()
	go func() {
		defer close(loopDone)
		d.scanLoop(ctx, scanCtx)
	}()

	// A serve-only process has nothing to schedule or watch: its cron
	// stays empty (a reload adds nothing to it).
	sched := cron.New(cron.WithParser(config.CronParser))
	if !d.serveOnly {
		if _, err := sched.AddFunc(cfg.Seeds.Schedule, d.requestFull); err != nil {
			return fmt.Errorf("seeds.schedule: %w", err)
		}
	}
	sched.Start()

	var w *watcher
	// A seeds folder that does not exist yet (or cannot be watched) is
	// tried again every watchRetry, so watching starts once it appears.
	var retryWatch <-chan time.Time
	if cfg.Seeds.Watch && !d.serveOnly {
		w, err = newWatcher(cfg.Seeds.Dir, log, d.requestPaths, d.requestFull)
		if err != nil {
			log.Warn("file watching unavailable for now; relying on the schedule", "dir", cfg.Seeds.Dir, "error", err)
			ticker := time.NewTicker(watchRetry)
			defer ticker.Stop()
			retryWatch = ticker.C
		}
	}

	var runErr error
wait:
	for {
		select {
		case <-ctx.Done():
			break wait
		case <-retryWatch:
			if w, err = newWatcher(cfg.Seeds.Dir, log, d.requestPaths, d.requestFull); err == nil {
				log.Info("watching the seeds folder", "dir", cfg.Seeds.Dir)
				retryWatch = nil
				d.requestFull()
			}
		case err := <-serveErr:
			runErr = fmt.Errorf("http server: %w", err)
			break wait
		case <-hup:
			if opts.ConfigPath != "" {
				d.reload(opts.ConfigPath, opts.Getenv, sched)
			}
		}
	}

	log.Info("shutting down")
	stopCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownGrace)
	defer cancel()
	if err := front.Shutdown(stopCtx); err != nil {
		log.Warn("http shutdown", "error", err)
	}
	if admin != nil {
		if err := admin.Shutdown(stopCtx); err != nil {
			log.Warn("admin http shutdown", "error", err)
		}
	}
	<-sched.Stop().Done()
	if w != nil {
		w.Close()
	}
	select {
	case <-loopDone:
	case <-stopCtx.Done():
		log.Warn("scan did not finish in time; abandoning it")
		cancelScans()
		<-loopDone
	}
	d.mu.Lock()
	if d.retry != nil {
		d.retry.Stop()
	}
	d.mu.Unlock()
	flushCtx, cancelFlush := context.WithTimeout(stopCtx, websubFlushGrace)
	if n := d.websub.Flush(flushCtx); n > 0 {
		log.Warn("websub: exiting with hub notifications unsent", "topics", n)
	}
	cancelFlush()
	return runErr
}

// newDaemon wires a Daemon over an open store: metrics, scanner and HTTP
// handler. Its first scan renders even if nothing changed.
func newDaemon(cfg config.Config, st *store.Store, log *slog.Logger) (*Daemon, error) {
	m := metrics.New()
	d := &Daemon{
		log:          log,
		st:           st,
		metrics:      m,
		cfg:          cfg,
		pendingPaths: map[string]struct{}{},
		retryPaths:   map[string]struct{}{},
		wake:         make(chan struct{}, 1),
		forceRender:  true,
		archive:      newArchiveCache(),
		serveOnly:    cfg.ServeOnly(),
	}
	if !d.serveOnly {
		var err error
		if d.scanner, err = d.newScanner(cfg); err != nil {
			return nil, err
		}
	}
	var access *slog.Logger
	if cfg.Server.AccessLog {
		access = log
	}
	// A server without the folder serves the copies the writer keeps in
	// the database (folderfiles.go).
	var files fs.FS = server.SeedsFS(cfg.Seeds.Dir)
	if d.serveOnly {
		d.kept = newFolderFS(st)
		files = d.kept
	}
	d.srv = server.New(server.Config{
		Logger: log, Metrics: m, Articles: articleSource{st}, Sources: articleSource{st}, Labels: labelSource{st, d.currentConfig},
		AccessLog: access, TrustedProxies: cfg.Server.TrustedProxies,
		SeparateAdmin: cfg.Server.AdminListen != "",
		IndexPages:    indexPageSource{st},
		Files:         files,
	})
	d.websub = websub.New(context.Background(), cfg.WebSub.Hubs, websub.Options{Logger: log, Metrics: m})
	return d, nil
}

func (d *Daemon) newScanner(cfg config.Config) (*ingest.Scanner, error) {
	opts := article.Options{Location: cfg.Site.Location, BaseURL: cfg.Site.BaseURL, Language: cfg.Site.Language}
	return ingest.New(ingest.Config{
		FS:           os.DirFS(cfg.Seeds.Dir),
		Store:        d.st,
		Parse:        ParseInFolder,
		Options:      func() article.Options { return opts },
		MaxFileBytes: cfg.Seeds.MaxFileBytes,
		Settle:       cfg.Seeds.Settle,
		Logger:       d.log,
		Metrics:      d.metrics,
	})
}

// ParseInFolder parses the article at seeds-relative path name with its
// relative links resolved against its folder as the server serves it, so
// that a picture beside it (![](wall.jpg)) is found at
// /files/trips/wall.jpg and not at the site's root. `seedfeed check`
// reads with it too, to show what the daemon will publish.
func ParseInFolder(name string, data []byte, opts article.Options) (*article.Article, error) {
	if opts.BaseURL != "" {
		opts.FilesURL = server.FolderURL(opts.BaseURL, "")
		opts.BaseURL = server.FolderURL(opts.BaseURL, name)
	}
	return article.Parse(name, data, opts)
}

// requestFull asks the scan loop for a full rescan.
func (d *Daemon) requestFull() {
	d.mu.Lock()
	d.pendingFull = true
	d.mu.Unlock()
	d.poke()
}

// requestPaths asks the scan loop to look at these seeds-relative paths.
func (d *Daemon) requestPaths(paths []string) {
	d.mu.Lock()
	for _, p := range paths {
		d.pendingPaths[p] = struct{}{}
	}
	d.mu.Unlock()
	d.poke()
}

func (d *Daemon) poke() {
	select {
	case d.wake <- struct{}{}:
	default:
	}
}

// scanLoop runs one scan at a time until ctx ends; scanCtx bounds the scan
// itself, so shutdown lets a running scan finish.
func (d *Daemon) scanLoop(ctx, scanCtx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-d.wake:
		}
		d.mu.Lock()
		refresh, leadCheck := d.pendingRefresh, d.pendingLeadCheck
		d.pendingRefresh, d.pendingLeadCheck = false, false
		d.mu.Unlock()
		if d.serveOnly || (d.st.Postgres() && !d.leads(scanCtx)) {
			// A replica: the writer scans; this one rebuilds from the
			// database when told, or when the fingerprint moved.
			d.mu.Lock()
			force := d.forceRender
			d.pendingFull, d.pendingPaths, d.forceRender = false, map[string]struct{}{}, false
			d.mu.Unlock()
			switch {
			case refresh || force:
				d.refresh(scanCtx, true)
				d.fingerprintAt = time.Now()
			case leadCheck && time.Since(d.fingerprintAt) >= fingerprintEvery:
				d.refresh(scanCtx, false)
				d.fingerprintAt = time.Now()
			}
			continue
		}
		d.mu.Lock()
		full, paths, force := d.pendingFull, d.pendingPaths, d.forceRender
		d.pendingFull, d.pendingPaths, d.forceRender = false, map[string]struct{}{}, false
		cfg, sc := d.cfg, d.scanner
		d.mu.Unlock()
		if !full && len(paths) == 0 && !force {
			continue
		}
		d.scanOnce(scanCtx, cfg, sc, full, paths, force)
	}
}

func (d *Daemon) scanOnce(ctx context.Context, cfg config.Config, sc *ingest.Scanner, full bool, paths map[string]struct{}, force bool) {
	start := time.Now()
	var (
		stats ingest.Stats
		err   error
	)
	switch {
	case full:
		stats, err = sc.ScanWithProgress(ctx, scanProgress(d.progress))
		d.progress.Stop()
		d.progress = nil
	case len(paths) > 0:
		list := make([]string, 0, len(paths))
		for p := range paths {
			list = append(list, p)
		}
		stats, err = sc.ScanPaths(ctx, list)
	}
	took := time.Since(start)
	// ingest.Scan counts full scans itself; the scans of event paths are
	// counted here, so that each scan is counted once.
	countHere := !full && len(paths) > 0
	if countHere {
		d.metrics.ScanDuration.Observe(took.Seconds())
	}
	d.metrics.LastScanSeconds.Set(float64(time.Now().UnixNano()) / 1e9)
	if err != nil {
		if countHere {
			d.metrics.ScansTotal.WithLabelValues("error").Inc()
		}
		d.log.Error("scan failed; still serving the last good feeds", "dir", cfg.Seeds.Dir, "error", err)
		if snap := d.srv.Snapshot(); snap == nil || snap.Resources == nil {
			// Nothing serves yet: serve what the database knows (perhaps
			// an empty feed) rather than 503 until the folder is fixed.
			d.publish(ctx, cfg)
		}
		d.srv.ReportScan(time.Now(), err)
		return
	}
	if countHere {
		d.metrics.ScansTotal.WithLabelValues("ok").Inc()
	}
	if d.st.Postgres() && (full || len(paths) > 0) {
		// Several servers share the database: keep the folder's
		// pictures there for those without the folder, once the
		// articles are out (a first sync of a big folder takes a
		// while).
		var list []string
		if !full {
			list = make([]string, 0, len(paths))
			for p := range paths {
				list = append(list, p)
			}
		}
		defer func() {
			if ctx.Err() != nil {
				return // shutting down: the next writer syncs
			}
			res, err := syncFolderFiles(ctx, server.SeedsFS(cfg.Seeds.Dir), d.st, list)
			if ctx.Err() == nil {
				logFolderSync(d.log, res, err)
			}
		}()
	}
	if stats.Pending > 0 && !stats.RetryAt.IsZero() {
		// Look again at the same files once they have settled: the paths
		// an event named, or the whole folder after a full scan.
		var again []string
		if !full {
			for p := range paths {
				again = append(again, p)
			}
		}
		d.scheduleRetry(stats.RetryAt, again)
	}
	d.log.Debug("scan", "full", full, "seen", stats.Seen, "changed", stats.Changed, "removed", stats.Removed,
		"rejected", stats.Rejected, "pending", stats.Pending, "took", took)
	if stats.Reread > 0 {
		d.log.Info("read unchanged files again: this seedfeed normalizes differently, or base_url, timezone or language changed; ids and dates are kept",
			"files", stats.Reread, "articles_mended", stats.Refreshed)
	}
	// A replaced icon or logo changes no article but must be rendered,
	// and the other servers told, as for a changed article.
	images := !stats.Published && siteImagesStale(cfg, d.srv.Snapshot())
	if !stats.Published && !force && !images {
		d.srv.ReportScan(time.Now(), nil)
		return
	}
	if d.st.Postgres() {
		// The servers without the folder read the icon and logo from
		// the database as they render what this publish announces, so
		// those copies go first; the other pictures follow the publish.
		if names := siteImageFiles(cfg); len(names) > 0 {
			res, err := syncFolderFiles(ctx, server.SeedsFS(cfg.Seeds.Dir), d.st, names)
			logFolderSync(d.log, res, err)
		}
	}
	if d.publish(ctx, cfg) && (stats.Published || images) {
		d.announce(ctx)
	}
}

// publish renders a new snapshot and swaps it in; on failure the old one
// keeps serving. It reports whether it published.
func (d *Daemon) publish(ctx context.Context, cfg config.Config) bool {
	start := time.Now()
	snap, deferred, err := buildSnapshot(ctx, d.st, cfg,
		snapshotOptions{cache: d.archive, maxArchive: archiveInline, prev: d.srv.Snapshot(), kept: d.kept})
	d.metrics.SnapshotBuild.Observe(time.Since(start).Seconds())
	if err != nil {
		d.log.Error("render failed; still serving the last good feeds", "error", err)
		d.srv.ReportScan(time.Now(), err)
		return false
	}
	now := time.Now()
	snap.Built, snap.LastScan = now, now
	prev := d.srv.Snapshot()
	d.srv.Publish(snap)
	// Only queued here: the hubs are pinged by the publisher's own
	// goroutines.
	d.websub.Notify(changedTopics(prev, snap, cfg.Site.BaseURL)...)
	d.log.Info("published", "articles", snap.Articles, "took", time.Since(start))
	if !deferred {
		return true
	}
	// The feeds are out; now the history follows: the archive pages the
	// cache lacks (all of them at start). The index pages are rendered
	// on request (indexpages.go).
	start = time.Now()
	snap, _, err = buildSnapshot(ctx, d.st, cfg, snapshotOptions{cache: d.archive, maxArchive: -1, prev: snap, kept: d.kept})
	if err != nil {
		d.log.Error("render of the history failed; older pages stay as they were until the next change", "error", err)
		return true
	}
	snap.Built, snap.LastScan = now, now
	prev = d.srv.Snapshot()
	d.srv.Publish(snap)
	// The subscription feeds are rendered as in the first step; a hub
	// hears of them again only if their bytes differ.
	d.websub.Notify(changedTopics(prev, snap, cfg.Site.BaseURL)...)
	d.log.Info("published the history", "took", time.Since(start))
	return true
}

// scheduleRetry rescans files that were still settling once they have been
// quiet for seeds.settle.
func (d *Daemon) scheduleRetry(at time.Time, paths []string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	// Retries accumulate: a later scan's settling files must not cancel
	// the retry of an earlier scan's (200 files dropped at once arrive as
	// many event scans, each leaving some still settling).
	if len(paths) == 0 {
		d.retryFull = true
	}
	for _, p := range paths {
		d.retryPaths[p] = struct{}{}
	}
	if d.retry != nil && !d.retryAt.IsZero() && !at.Before(d.retryAt) {
		return // the pending retry comes first and takes these along
	}
	if d.retry != nil {
		d.retry.Stop()
	}
	d.retryAt = at
	d.retry = time.AfterFunc(max(time.Until(at), 0), func() {
		d.mu.Lock()
		full, set := d.retryFull, d.retryPaths
		d.retryFull, d.retryPaths, d.retryAt = false, map[string]struct{}{}, time.Time{}
		d.mu.Unlock()
		if full {
			d.requestFull()
			return
		}
		list := make([]string, 0, len(set))
		for p := range set {
			list = append(list, p)
		}
		d.requestPaths(list)
	})
}

// currentConfig is the configuration in force.
func (d *Daemon) currentConfig() config.Config {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.cfg
}

// reload re-reads config.yaml on SIGHUP. An invalid file is rejected and the
// running config stays in force. Keys that need a restart are reported.
func (d *Daemon) reload(path string, getenv func(string) string, sched *cron.Cron) {
	cfg, err := config.Load(path, getenv)
	if err != nil {
		d.log.Error("config reload rejected; keeping the running config", "path", path, "error", err)
		return
	}
	d.mu.Lock()
	old := d.cfg
	if cfg.Server.Listen != old.Server.Listen || cfg.State != old.State || cfg.Seeds.Dir != old.Seeds.Dir ||
		cfg.Seeds.Watch != old.Seeds.Watch {
		msg := "config reload: server.listen, state.path, state.url, seeds.dir and seeds.watch take effect only after a restart"
		if d.serveOnly {
			msg += "; this process stays serve-only (no seeds folder) until then"
		}
		d.log.Warn(msg, "path", path)
		cfg.Server.Listen, cfg.State, cfg.Seeds.Dir, cfg.Seeds.Watch = old.Server.Listen, old.State, old.Seeds.Dir, old.Seeds.Watch
	}
	// With the keys above as they run, a serve-only process (seeds.dir
	// "") still needs the others to suit it: site images given as URLs.
	if err := cfg.CheckServeOnly(); err != nil {
		d.mu.Unlock()
		d.log.Error("config reload rejected; keeping the running config", "path", path, "error", err)
		return
	}
	if cfg.Server.AccessLog != old.Server.AccessLog || cfg.Server.AdminListen != old.Server.AdminListen ||
		!slices.Equal(cfg.Server.TrustedProxies, old.Server.TrustedProxies) {
		d.log.Warn("config reload: server.access_log, server.trusted_proxies and server.admin_listen take effect only after a restart", "path", path)
		cfg.Server.AccessLog, cfg.Server.AdminListen, cfg.Server.TrustedProxies = old.Server.AccessLog, old.Server.AdminListen, old.Server.TrustedProxies
	}
	// A new scanner forgets which problems it has logged: keep the old
	// one unless a key it reads changed, so a reload repeats nothing.
	sc := d.scanner
	if !d.serveOnly && scannerChanged(old, cfg) {
		if sc, err = d.newScanner(cfg); err != nil {
			d.mu.Unlock()
			d.log.Error("config reload rejected; keeping the running config", "path", path, "error", err)
			return
		}
	}
	d.cfg, d.scanner = cfg, sc
	d.websub.SetHubs(cfg.WebSub.Hubs)
	// The site and feed keys may have changed: render again even if no
	// file did.
	d.pendingFull, d.forceRender = true, true
	d.mu.Unlock()
	if cfg.Seeds.Schedule != old.Seeds.Schedule && !d.serveOnly {
		for _, e := range sched.Entries() {
			sched.Remove(e.ID)
		}
		if _, err := sched.AddFunc(cfg.Seeds.Schedule, d.requestFull); err != nil {
			d.log.Error("config reload: schedule", "error", err)
		}
	}
	d.log.Info("config reloaded", "path", path)
	d.poke()
}

// scannerChanged reports whether a reload changed a key the scanner was
// built from.
func scannerChanged(old, cfg config.Config) bool {
	return old.Seeds.MaxFileBytes != cfg.Seeds.MaxFileBytes || old.Seeds.Settle != cfg.Seeds.Settle ||
		old.Site.BaseURL != cfg.Site.BaseURL || old.Site.Location.String() != cfg.Site.Location.String() ||
		old.Site.Language != cfg.Site.Language
}
