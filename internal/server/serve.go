package server

import (
	"net/http"
)

// handleResource serves the snapshot resource at path.
func (s *Server) handleResource(path string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		st := s.state.Load()
		if !st.snap.good() {
			s.unavailable(w)
			return
		}
		res := st.snap.Resources[path]
		if res == nil {
			s.notFound(w, r, st)
			return
		}
		s.serveResource(w, r, res, http.StatusOK, s.hdr.cacheControl)
	})
}

// serveResource writes res (or a 304) with every header prepared in advance.
// Header keys are written in canonical form straight into the map: Set would
// canonicalize them again and build a new slice each time.
func (s *Server) serveResource(w http.ResponseWriter, r *http.Request, res *Resource, code int, cacheControl []string) {
	v := res.pick(r.Header)
	h := w.Header()
	h["Etag"] = v.etagHdr
	if res.lastModified != nil {
		h["Last-Modified"] = res.lastModified
	}
	h["Cache-Control"] = cacheControl
	h["Vary"] = res.vary
	h["X-Content-Type-Options"] = s.hdr.nosniff
	if res.html {
		h["Content-Security-Policy"] = s.hdr.csp
		h["Referrer-Policy"] = s.hdr.referrer
		h["X-Frame-Options"] = s.hdr.frameDeny
	}
	if code == http.StatusOK && notModified(r.Header, v.etag, res) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h["Content-Type"] = v.contentType
	h["Content-Length"] = v.contentLength
	if v.gzip {
		h["Content-Encoding"] = s.hdr.gzip
	}
	w.WriteHeader(code)
	if r.Method != http.MethodHead {
		// A write error means the client went away; nothing to do about it.
		_, _ = w.Write(v.body)
	}
}

// pick chooses the representation for a request: gzip when the client
// takes it, and for a styled XML feed, application/xml when the client is
// a browser navigating to it.
func (res *Resource) pick(h http.Header) *variant {
	gz := res.gz.body != nil && acceptsGzip(h["Accept-Encoding"])
	if res.browser != nil && prefersHTML(h["Accept"], res.feedType) {
		if gz {
			return &res.browser[1]
		}
		return &res.browser[0]
	}
	if gz {
		return &res.gz
	}
	return &res.plain
}

// notModified evaluates If-None-Match and, only when that is absent,
// If-Modified-Since (RFC 9110 section 13.2.2) for a GET or HEAD.
func notModified(h http.Header, etag string, res *Resource) bool {
	if inm, ok := h["If-None-Match"]; ok {
		for _, list := range inm {
			if etagListMatches(list, etag) {
				return true
			}
		}
		return false
	}
	ims := h["If-Modified-Since"]
	if len(ims) == 0 || res.LastModified.IsZero() {
		return false
	}
	// Clients echo Last-Modified back verbatim: compare the string first
	// and parse only when it differs.
	if ims[0] == res.lastModStr {
		return true
	}
	t, err := http.ParseTime(ims[0])
	if err != nil {
		return false
	}
	return !res.LastModified.After(t)
}

// etagListMatches reports whether the If-None-Match field value list holds
// "*" or an entity tag that weakly matches etag (a quoted strong tag).
func etagListMatches(list, etag string) bool {
	for i := 0; i < len(list); {
		switch c := list[i]; {
		case c == ' ' || c == '\t' || c == ',':
			i++
			continue
		case c == '*':
			return true
		}
		if len(list)-i >= 2 && list[i] == 'W' && list[i+1] == '/' {
			i += 2
		}
		if i >= len(list) || list[i] != '"' {
			return false // malformed: stop rather than guess
		}
		end := i + 1
		for end < len(list) && list[end] != '"' {
			end++
		}
		if end == len(list) {
			return false
		}
		if list[i:end+1] == etag {
			return true
		}
		i = end + 1
	}
	return false
}

// acceptsGzip reports whether an Accept-Encoding field allows gzip: listed
// as gzip (or x-gzip) with a non-zero q-value, or covered by "*" with a
// non-zero q-value and not refused by name.
func acceptsGzip(fields []string) bool {
	named, star := -1, -1 // highest q in thousandths; -1 when unlisted
	for _, f := range fields {
		for f != "" {
			var item string
			item, f = cutByte(f, ',')
			name, params := cutByte(item, ';')
			name = trimOWS(name)
			switch {
			case equalFold(name, "gzip") || equalFold(name, "x-gzip"):
				named = max(named, qValue(params))
			case name == "*":
				star = max(star, qValue(params))
			}
		}
	}
	if named >= 0 {
		return named > 0
	}
	return star > 0
}

// prefersHTML reports whether an Accept field is a browser's: it takes
// text/html (or XHTML) and prefers it to feedType, which feed readers name
// explicitly. Wildcards and application/xml, which browsers list too, say
// nothing either way.
func prefersHTML(fields []string, feedType string) bool {
	html, feed := 0, 0
	for _, f := range fields {
		for f != "" {
			var item string
			item, f = cutByte(f, ',')
			name, params := cutByte(item, ';')
			name = trimOWS(name)
			switch {
			case equalFold(name, "text/html") || equalFold(name, "application/xhtml+xml"):
				html = max(html, qValue(params))
			case equalFold(name, feedType):
				feed = max(feed, qValue(params))
			}
		}
	}
	return html > feed
}

// qValue reads the q parameter out of ";"-separated params, in thousandths:
// 1000 when absent, 0 when malformed. A non-zero weight finer than the
// grammar's three decimals still counts as non-zero.
func qValue(params string) int {
	for params != "" {
		var p string
		p, params = cutByte(params, ';')
		p = trimOWS(p)
		if len(p) < 2 || (p[0] != 'q' && p[0] != 'Q') || p[1] != '=' {
			continue
		}
		v := p[2:]
		if v == "" {
			return 0
		}
		switch v[0] {
		case '1':
			return 1000
		case '0':
		default:
			return 0
		}
		if len(v) == 1 {
			return 0
		}
		if v[1] != '.' {
			return 0
		}
		q, scale := 0, 100
		for _, c := range []byte(v[2:]) {
			if c < '0' || c > '9' {
				return 0
			}
			if scale > 0 {
				q += int(c-'0') * scale
				scale /= 10
			} else if c != '0' && q == 0 {
				q = 1
			}
		}
		return q
	}
	return 1000
}

func cutByte(s string, sep byte) (before, after string) {
	for i := 0; i < len(s); i++ {
		if s[i] == sep {
			return s[:i], s[i+1:]
		}
	}
	return s, ""
}

func trimOWS(s string) string {
	for s != "" && (s[0] == ' ' || s[0] == '\t') {
		s = s[1:]
	}
	for s != "" && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t') {
		s = s[:len(s)-1]
	}
	return s
}

// equalFold compares s with a lower-case ASCII token.
func equalFold(s, lower string) bool {
	if len(s) != len(lower) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// unavailable answers before the first good snapshot.
func (s *Server) unavailable(w http.ResponseWriter) {
	h := w.Header()
	h["Retry-After"] = s.hdr.retryAfter
	h["Cache-Control"] = s.hdr.noStore
	http.Error(w, "seedfeed is starting: no snapshot yet", http.StatusServiceUnavailable)
}

// notFound answers with the site's not-found page (plain text when the
// site cannot render one).
func (s *Server) notFound(w http.ResponseWriter, r *http.Request, st *state) {
	if st.notFound == nil {
		w.Header()["Cache-Control"] = s.hdr.noCache
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	s.serveResource(w, r, st.notFound, http.StatusNotFound, s.hdr.noCache)
}

// methodNotAllowed answers any method but GET and HEAD on a known route.
func (s *Server) methodNotAllowed() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Allow"] = s.hdr.allow
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
	})
}
