package server

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// routes registers every route on mux and returns the request counters for
// each pattern, resolved in advance so counting costs no label lookup.
//
// Each GET route has a method-less twin answering 405, so that a refused
// method is counted under its route and carries Allow: GET, HEAD.
func (s *Server) routes(mux *http.ServeMux) map[string]*routeCounters {
	counters := map[string]*routeCounters{}
	handle := func(route, pattern string, h http.Handler) {
		mux.Handle(pattern, h)
		counters[pattern] = s.newRouteCounters(route)
	}
	get := func(route, path string, h http.Handler) {
		handle(route, "GET "+path, h)
		handle(route, path, s.methodNotAllowed())
	}

	for _, p := range []string{PathFeed, PathAtom, PathRSS, PathJSON, PathStylesheet} {
		get(p, p, s.handleResource(p))
	}
	get("/", "/{$}", s.handleResource(PathIndex))
	s.archiveRoutes(get)
	get("/articles/{slug}", "/articles/{slug}", s.handleArticle())
	get("/healthz", "/healthz", s.handleHealthz())
	if s.metrics != nil {
		get("/metrics", "/metrics", promhttp.HandlerFor(s.metrics.Registry, promhttp.HandlerOpts{
			ErrorLog: slogPrinter{s.log},
		}))
	}
	handle("other", "/", s.handleNotFound())
	return counters
}
