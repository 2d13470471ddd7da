package server

import (
	"log/slog"
	"net/http"
	"strconv"
	"strings"

	"github.com/prometheus/client_golang/prometheus"
)

// countedCodes are the statuses whose counters are resolved in advance; any
// other status takes the slower labelled lookup.
var countedCodes = [...]int{200, 304, 404, 405, 500, 503}

// routeCounters holds one route's request counters by status.
type routeCounters struct {
	route string
	codes [len(countedCodes)]prometheus.Counter
}

func (s *Server) newRouteCounters(route string) *routeCounters {
	rc := &routeCounters{route: route}
	if s.metrics == nil {
		return rc
	}
	for i, code := range countedCodes {
		rc.codes[i] = s.metrics.RequestsTotal.WithLabelValues(route, strconv.Itoa(code))
	}
	return rc
}

func (rc *routeCounters) inc(vec *prometheus.CounterVec, code int) {
	for i, c := range countedCodes {
		if c == code {
			rc.codes[i].Inc()
			return
		}
	}
	vec.WithLabelValues(rc.route, strconv.Itoa(code)).Inc()
}

// recorder remembers the status a handler wrote and counts its body
// bytes, for the request counters and the access log. The counters' are
// pooled, so counting allocates nothing.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (r *recorder) WriteHeader(code int) {
	if r.status == 0 && code >= 200 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the connection's writer.
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// Flush keeps streaming handlers working through the wrapper.
func (r *recorder) Flush() {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	_ = http.NewResponseController(r.ResponseWriter).Flush()
}

// countRequests counts every request by route (the pattern the mux chose,
// which it records on the request) and status.
func (s *Server) countRequests(next http.Handler) http.Handler {
	if s.metrics == nil {
		return next
	}
	vec := s.metrics.RequestsTotal
	other := s.counters["/"]
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := s.recs.Get().(*recorder)
		rec.ResponseWriter, rec.status, rec.bytes = w, 0, 0
		defer func() {
			code := rec.status
			if code == 0 {
				code = http.StatusOK // the handler wrote nothing
			}
			rc := s.counters[r.Pattern]
			if rc == nil {
				rc = other
			}
			rc.inc(vec, code)
			rec.ResponseWriter = nil
			s.recs.Put(rec)
		}()
		next.ServeHTTP(rec, r)
	})
}

// rejectUncleanPaths answers 404 for paths with empty, "." or ".." segments
// instead of letting the mux redirect them: no URL of ours has them, and a
// redirect would turn a traversal probe into a hint.
func (s *Server) rejectUncleanPaths(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !cleanPath(r.URL.Path) {
			s.notFound(w, r, s.state.Load())
			return
		}
		next.ServeHTTP(w, r)
	})
}

func cleanPath(p string) bool {
	if p == "" || p[0] != '/' {
		return false
	}
	for seg := range strings.SplitSeq(p[1:], "/") {
		switch seg {
		case ".", "..":
			return false
		}
	}
	return !strings.Contains(p, "//")
}

// slogPrinter adapts a slog.Logger to promhttp's Println logger.
type slogPrinter struct{ log *slog.Logger }

func (p slogPrinter) Println(v ...any) {
	p.log.Error("metrics handler", slog.Any("error", v))
}
