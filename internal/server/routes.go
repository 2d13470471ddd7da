package server

import (
	"net/http"

	"seedfeed/internal/pages"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// routes registers every route on mux and returns the request counters for
// each pattern, resolved in advance so counting costs no label lookup.
// /healthz and /metrics go on admin instead when it is not nil.
//
// Each GET route has a method-less twin answering 405, so that a refused
// method is counted under its route and carries Allow: GET, HEAD.
func (s *Server) routes(mux, admin *http.ServeMux) map[string]*routeCounters {
	counters := map[string]*routeCounters{}
	on := func(m *http.ServeMux) (handle, get func(route, path string, h http.Handler)) {
		handle = func(route, pattern string, h http.Handler) {
			m.Handle(pattern, h)
			counters[pattern] = s.newRouteCounters(route)
		}
		get = func(route, path string, h http.Handler) {
			handle(route, "GET "+path, h)
			handle(route, path, s.methodNotAllowed())
		}
		return handle, get
	}
	handle, get := on(mux)
	adminGet := get
	if admin != nil {
		var adminHandle func(route, pattern string, h http.Handler)
		adminHandle, adminGet = on(admin)
		adminHandle("other", "/", s.handleAdminNotFound())
	}

	for _, p := range []string{PathFeed, PathAtom, PathRSS, PathJSON, PathStylesheet} {
		get(p, p, s.handleResource(p))
	}
	get("/", "/{$}", s.handleResource(PathIndex))
	s.archiveRoutes(get)
	get("/articles/{slug}", "/articles/{slug}", s.handleArticle())
	for _, p := range siteImageRoutes() {
		get(p, p, s.handleResource(p))
	}
	for _, sec := range []string{pages.SectionTags, pages.SectionAuthors} {
		get(sec+"/", sec+"/{$}", s.handleLabelList(sec))
	}
	for _, lr := range labelRoutes() {
		get(lr.pattern, lr.pattern, s.handleLabel(lr.section, lr.doc))
	}
	get(PathFiles, PathFiles+"{path...}", s.handleFiles())
	get(PathFavicon, PathFavicon, s.handleFavicon())
	adminGet("/healthz", "/healthz", s.handleHealthz())
	if s.metrics != nil {
		adminGet("/metrics", "/metrics", promhttp.HandlerFor(s.metrics.Registry, promhttp.HandlerOpts{
			ErrorLog: slogPrinter{s.log},
		}))
	}
	handle("other", "/", s.handleNotFound())
	return counters
}
