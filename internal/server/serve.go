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
		s.serveResource(w, r, res, http.StatusOK, s.cacheControlOf(res))
	})
}

// serveResource writes res (or a 304) with every header prepared in advance.
func (s *Server) serveResource(w http.ResponseWriter, r *http.Request, res *Resource, code int, cacheControl []string) {
	rh := headersOf(r.Header)
	v := res.pick(&rh)
	if code == http.StatusOK && notModified(&rh, v.etag, res) {
		code = http.StatusNotModified
	}
	body := v.body
	if res.inflate && v == &res.plain && code != http.StatusNotModified && r.Method != http.MethodHead {
		// Only the gzip form is held: decompress it for this client.
		var err error
		if body, err = res.Identity(); err != nil {
			s.log.Error("serving a gzip-only resource without gzip", "path", r.URL.Path, "error", err)
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
	}
	s.setHeaders(w.Header(), res, v, code, cacheControl)
	w.WriteHeader(code)
	if code != http.StatusNotModified && r.Method != http.MethodHead {
		// A write error means the client went away; nothing to do about it.
		_, _ = w.Write(body)
	}
}

// setHeaders sets the response headers of v with status code. The keys are
// written in canonical form straight into the map: Set would canonicalize
// them again and build a new slice each time. The fast path prepares its
// responses with this too, so both paths send the same headers.
func (s *Server) setHeaders(h http.Header, res *Resource, v *variant, code int, cacheControl []string) {
	h["Etag"] = v.etagHdr
	if res.lastModified != nil {
		h["Last-Modified"] = res.lastModified
	}
	if v.private {
		cacheControl = s.hdr.privateCache
	}
	h["Cache-Control"] = cacheControl
	h["Vary"] = res.vary
	h["X-Content-Type-Options"] = s.hdr.nosniff
	if res.links != nil {
		h["Link"] = res.links
	}
	if v.html {
		h["Content-Security-Policy"] = s.hdr.csp
		h["Referrer-Policy"] = s.hdr.referrer
		h["X-Frame-Options"] = s.hdr.frameDeny
	}
	if code == http.StatusNotModified {
		return
	}
	h["Content-Type"] = v.contentType
	h["Content-Length"] = v.contentLength
	if v.gzip {
		h["Content-Encoding"] = s.hdr.gzip
	}
}

// reqHeaders are the request fields that choose a resource's response.
type reqHeaders struct {
	acceptEncoding, accept       []string
	ifNoneMatch, ifModifiedSince []string
	hasIfNoneMatch               bool
}

func headersOf(h http.Header) reqHeaders {
	inm, hasINM := h["If-None-Match"]
	return reqHeaders{
		acceptEncoding:  h["Accept-Encoding"],
		accept:          h["Accept"],
		ifNoneMatch:     inm,
		ifModifiedSince: h["If-Modified-Since"],
		hasIfNoneMatch:  hasINM,
	}
}

// pick chooses the representation for a request: gzip when the client
// takes it, and for a feed with a page, the page when the client is a
// browser (acceptWantsHTML).
func (res *Resource) pick(h *reqHeaders) *variant {
	if res.page != nil && acceptWantsHTML(h.accept) {
		if res.page[1].body != nil && acceptsGzip(h.acceptEncoding) {
			return &res.page[1]
		}
		return &res.page[0]
	}
	gz := res.gz.body != nil && acceptsGzip(h.acceptEncoding)
	if gz {
		return &res.gz
	}
	return &res.plain
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
