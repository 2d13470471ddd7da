// Package server answers HTTP requests from an immutable Snapshot that the
// daemon swaps atomically: feeds and the index are served from precomputed
// bytes and headers, article pages are rendered on demand from an injected
// ArticleSource, and /healthz and /metrics report on the daemon.
package server

import (
	"cmp"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"seedfeed/internal/metrics"
	"seedfeed/internal/pages"
)

// ErrNotFound is what an ArticleSource wraps when no article has the slug.
var ErrNotFound = errors.New("server: not found")

// ArticleSource looks up one article for its page.
type ArticleSource interface {
	// Article returns the article published under slug. It returns an error
	// wrapping ErrNotFound when there is none, and ctx's error when ctx ends.
	Article(ctx context.Context, slug string) (pages.Entry, error)
}

// Config holds the server's dependencies. Every field is optional.
type Config struct {
	Logger *slog.Logger
	// Metrics, when set, enables /metrics and per-route request counting.
	Metrics *metrics.Metrics
	// Articles serves /articles/{slug}; when nil every article is not found.
	Articles ArticleSource
	// Labels serves the pages and feeds of tags and authors; when nil
	// every one is not found.
	Labels LabelSource
	// LabelCacheBytes bounds the rendered labels kept in memory; 0 means
	// DefaultLabelCacheBytes.
	LabelCacheBytes int64
	// IndexPages renders the pages of the HTML index that a snapshot
	// leaves out (Snapshot.IndexKey); when nil they are not found.
	IndexPages IndexPageSource
	// IndexPageCacheBytes bounds the index pages kept in memory; 0 means
	// DefaultIndexPageCacheBytes.
	IndexPageCacheBytes int64
	// CacheControl for feeds, the index and article pages; default
	// "public, max-age=300".
	CacheControl string
	// AccessLog, when set, gets one Info line per request, whether the
	// Front or net/http answers it; nil: no access log.
	AccessLog *slog.Logger
	// TrustedProxies are the peers whose X-Forwarded-For the access log
	// believes (its client field); empty: nobody's.
	TrustedProxies []netip.Prefix
	// SeparateAdmin leaves /healthz and /metrics off the site: AdminHandler
	// serves them, on a listener of their own. false: the site serves them.
	SeparateAdmin bool
	// Files is the seeds folder, whose pictures are served under
	// PathFiles; nil: none are (a server that follows another's store
	// has no folder).
	Files fs.FS
	// Sources names the article read from a file of the seeds folder, so
	// that a link from one article to another's file ("[the walk]
	// (walk.md)", resolved under PathFiles) leads to its page; nil: such
	// links are not found.
	Sources SourceLookup
}

// SourceLookup finds the published article read from a seeds-relative
// path.
type SourceLookup interface {
	// SlugAt returns its slug, or an error wrapping ErrNotFound when no
	// published article was read from path.
	SlugAt(ctx context.Context, path string) (string, error)
}

// Server is the http.Handler for every seedfeed route.
type Server struct {
	log      *slog.Logger
	metrics  *metrics.Metrics
	articles ArticleSource
	sources  SourceLookup
	files    fs.FS
	handler  http.Handler
	admin    http.Handler // nil unless Config.SeparateAdmin
	access   *accessLog   // nil: no access log
	state    atomic.Pointer[state]
	hdr      headerValues
	counters map[string]*routeCounters
	recs     sync.Pool // *recorder
	gzips    sync.Pool // *gzip.Writer at the default level, for article pages
	// labels renders tags and authors on demand; labelCache keeps what
	// it rendered, by label version (labels.go).
	labels     LabelSource
	labelCache *labelCache
	// indexPages renders index pages on demand; indexPageCache keeps
	// what it rendered, by snapshot IndexKey (indexpages.go).
	indexPages     IndexPageSource
	indexPageCache *labelCache
	// role is this process's part in a cluster, for /healthz (role.go).
	role atomic.Pointer[string]
	// saved keeps the pictures of saved pages lately served (files.go).
	saved savedPictures
}

// state is a published Snapshot plus what the server derives from it once.
type state struct {
	snap     *Snapshot
	notFound *Resource // nil when the site info cannot render a page
	health   []byte
	healthOK bool
	// fast holds what the Front answers from, by request path.
	fast map[string]*fastResource
}

// headerValues are the constant header values, built once per Server so
// that handlers assign them without allocating.
type headerValues struct {
	cacheControl []string
	privateCache []string // cacheControl for browsers only (feed pages)
	noCache      []string
	noStore      []string
	vary         []string
	gzip         []string
	nosniff      []string
	csp          []string
	referrer     []string
	frameDeny    []string
	allow        []string
	retryAfter   []string
	jsonType     []string
}

// New returns a Server that answers 503 until the first Publish.
func New(cfg Config) *Server {
	s := &Server{
		log:      cfg.Logger,
		metrics:  cfg.Metrics,
		articles: cfg.Articles,
		sources:  cfg.Sources,
		files:    cfg.Files,
		access:   newAccessLog(cfg.AccessLog, cfg.TrustedProxies),
	}
	s.labels, s.labelCache = cfg.Labels, newLabelCache(cfg.LabelCacheBytes)
	s.indexPages = cfg.IndexPages
	s.indexPageCache = newLabelCache(cmp.Or(cfg.IndexPageCacheBytes, DefaultIndexPageCacheBytes))
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	cc := cfg.CacheControl
	if cc == "" {
		cc = "public, max-age=300"
	}
	s.hdr = headerValues{
		cacheControl: []string{cc},
		privateCache: []string{privateCacheControl(cc)},
		noCache:      []string{"no-cache"},
		noStore:      []string{"no-store"},
		vary:         []string{"Accept-Encoding"},
		gzip:         []string{"gzip"},
		nosniff:      []string{"nosniff"},
		csp:          []string{ContentSecurityPolicy()},
		referrer:     []string{"strict-origin-when-cross-origin"},
		frameDeny:    []string{"DENY"},
		allow:        []string{"GET, HEAD"},
		retryAfter:   []string{"5"},
		jsonType:     []string{"application/json"},
	}
	s.recs.New = func() any { return new(recorder) }
	s.gzips.New = func() any { return gzip.NewWriter(io.Discard) }
	s.state.Store(s.newState(nil))
	mux := http.NewServeMux()
	var admin *http.ServeMux
	if cfg.SeparateAdmin {
		admin = http.NewServeMux()
	}
	s.counters = s.routes(mux, admin)
	s.handler = s.logAccess(s.countRequests(s.rejectUncleanPaths(mux)))
	if admin != nil {
		s.admin = s.logAccess(s.countRequests(admin))
	}
	return s
}

// privateCacheControl turns a Cache-Control value into one that lets only
// the browser cache the response: "public, max-age=300" becomes "private,
// max-age=300". Directives for shared caches alone are dropped.
func privateCacheControl(cc string) string {
	out := []string{"private"}
	for d := range strings.SplitSeq(cc, ",") {
		d = strings.TrimSpace(d)
		name, _, _ := strings.Cut(d, "=")
		switch strings.ToLower(strings.TrimSpace(name)) {
		case "", "public", "private", "s-maxage", "proxy-revalidate":
			continue
		}
		out = append(out, d)
	}
	return strings.Join(out, ", ")
}

// AdminHandler serves /healthz and /metrics when the Server was made with
// SeparateAdmin (every other path is 404), and is nil otherwise.
func (s *Server) AdminHandler() http.Handler {
	return s.admin
}

// ContentSecurityPolicy is the policy every HTML response carries: nothing
// but the pages' own inline stylesheet (by hash) and images may load.
func ContentSecurityPolicy() string {
	return "default-src 'none'; style-src " + pages.StyleHash() +
		"; img-src https: http: data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.handler.ServeHTTP(w, r)
}

// Publish makes snap the snapshot every following request is served from.
// snap must not be modified afterwards. Requests in flight finish with the
// snapshot they started with.
func (s *Server) Publish(snap *Snapshot) {
	s.state.Store(s.newState(snap))
	if s.metrics != nil && snap.good() {
		if !snap.Built.IsZero() {
			s.metrics.SnapshotTime.Set(float64(snap.Built.UnixNano()) / 1e9)
		}
		s.metrics.Articles.Set(float64(snap.Articles))
	}
}

// ReportScan records the outcome of a scan that produced no new snapshot
// (a failure, or nothing changed): the content keeps serving, /healthz
// reports the scan. It is safe to call concurrently with Publish.
func (s *Server) ReportScan(at time.Time, scanErr error) {
	msg := ""
	if scanErr != nil {
		msg = scanErr.Error()
	}
	s.updateHealth(func(snap *Snapshot) {
		snap.LastScan = at
		snap.LastScanErr = msg
	})
}

// updateHealth swaps in the state being served with its /healthz body
// rendered again (with the role SetRole recorded) and, when edit is not
// nil, its snapshot replaced by a copy that edit changed (a copy of an
// empty one before the first). Only what /healthz shows changes: the
// content, and all that was prepared from it (the not-found page, the
// Front's heads), stays. A Publish or another update in between makes it
// start again from that.
func (s *Server) updateHealth(edit func(*Snapshot)) {
	for {
		old := s.state.Load()
		next := *old
		if edit != nil {
			snap := &Snapshot{}
			if old.snap != nil {
				*snap = *old.snap
			}
			edit(snap)
			next.snap = snap
		}
		next.health, next.healthOK = healthBody(next.snap, s.clusterRole())
		if s.state.CompareAndSwap(old, &next) {
			return
		}
	}
}

// Snapshot returns the snapshot being served, or nil before the first one.
func (s *Server) Snapshot() *Snapshot {
	return s.state.Load().snap
}

func (s *Server) newState(snap *Snapshot) *state {
	st := &state{snap: snap}
	st.health, st.healthOK = healthBody(snap, s.clusterRole())
	if snap.good() {
		page, err := pages.NotFound(snap.Site)
		if err != nil {
			s.log.Error("render not-found page", slog.Any("error", err))
		} else {
			st.notFound = NewResource(page, "text/html; charset=utf-8", snap.Built)
		}
		st.fast = s.fastResources(snap)
	}
	return st
}
