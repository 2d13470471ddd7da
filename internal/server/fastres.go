package server

import (
	"bytes"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"seedfeed/internal/front"
)

// NewFront returns the HTTP/1.1 front for srv: it answers the requests for
// srv's feeds and index from the snapshot's prepared bytes, and hands the
// rest to std, whose Handler should be srv (NewHTTPServer(addr, srv) is).
func NewFront(srv *Server, std *http.Server) *front.Front {
	return front.New(frontAnswerer{srv}, std, srv.log)
}

// frontAnswerer answers the Front from the snapshot's fast resources.
type frontAnswerer struct{ s *Server }

// Answer picks the representation and the 200 or 304 as serveResource
// would, and counts the request before it is written, as net/http's path
// counts a response whether or not the client stays to read it.
func (a frontAnswerer) Answer(r *front.Request, rep *front.Reply) bool {
	fr := a.s.state.Load().fast[string(r.Path)]
	if fr == nil {
		return false
	}
	h := reqHeaders{
		acceptEncoding:  r.Header.AcceptEncoding,
		accept:          r.Header.Accept,
		ifNoneMatch:     r.Header.IfNoneMatch,
		ifModifiedSince: r.Header.IfModifiedSince,
		hasIfNoneMatch:  r.Header.HasIfNoneMatch,
	}
	v := fr.res.pick(&h)
	i := fr.res.variantIndex(v)
	rep.Status, rep.Head = http.StatusOK, fr.heads[i].ok
	if notModified(&h, v.etag, fr.res) {
		rep.Status, rep.Head = http.StatusNotModified, fr.heads[i].notModified
	} else if !r.Head {
		rep.Body, rep.File = v.body, fr.files[i]
	}
	if fr.counter != nil {
		fr.counter.inc(a.s.metrics.RequestsTotal, rep.Status)
	}
	return true
}

func (a frontAnswerer) Answered(r *front.Request, status int, body int64, start time.Time) {
	if acc := a.s.access; acc != nil {
		acc.logFront(r, status, body, start)
	}
}

// fastResource is a snapshot resource as the Front sends it: for each
// representation, the status line and headers of a 200 and of a 304,
// exactly as net/http writes them for the same handler up to the Date
// header, which net/http writes last and the Front adds per second.
type fastResource struct {
	res     *Resource
	heads   [4]fastHeads       // by variantIndex
	files   [4]*front.BodyFile // large bodies as in-memory files, for sendfile
	counter *routeCounters
}

// sendfileMin is the body size from which the Front sends with sendfile.
// It saves the copy of a large body into the socket; below this the two
// setsockopt calls it adds per response outweigh that (by hand, a 78 KB
// gzip feed showed no gain), so smaller bodies are written from memory.
const sendfileMin = 128 << 10

type fastHeads struct {
	ok, notModified []byte
}

// fastResources prepares every resource of snap for the Front. Pages
// rendered per request (articles) and routes with their own handlers are
// not here: the Front leaves them to net/http.
func (s *Server) fastResources(snap *Snapshot) map[string]*fastResource {
	m := make(map[string]*fastResource, len(snap.Resources))
	for path, res := range snap.Resources {
		pattern := "GET " + path
		if path == PathIndex {
			pattern = "GET /{$}"
		}
		rc, routed := s.counters[pattern]
		if !routed {
			continue // not a route of ours: the mux decides what it is
		}
		if res.inflate {
			continue // decompressed per request: net/http serves it
		}
		fr := &fastResource{res: res, files: s.fileBodies(path, res)}
		if s.metrics != nil {
			fr.counter = rc
		}
		for i, v := range res.variants() {
			if v == nil {
				continue
			}
			fr.heads[i] = fastHeads{
				ok:          s.head(res, v, http.StatusOK),
				notModified: s.head(res, v, http.StatusNotModified),
			}
		}
		m[path] = fr
	}
	return m
}

// head renders the status line and headers serveResource sends for v.
func (s *Server) head(res *Resource, v *variant, code int) []byte {
	h := http.Header{}
	s.setHeaders(h, res, v, code, s.cacheControlOf(res))
	var b bytes.Buffer
	b.WriteString("HTTP/1.1 " + strconv.Itoa(code) + " " + http.StatusText(code) + "\r\n")
	// Writing to a bytes.Buffer cannot fail.
	_ = h.Write(&b)
	return b.Bytes()
}

// variants lists the representations pick can choose, by variantIndex;
// nil where the resource has none.
func (res *Resource) variants() [4]*variant {
	var vs [4]*variant
	vs[0] = &res.plain
	if res.gz.body != nil {
		vs[1] = &res.gz
	}
	if res.page != nil {
		vs[2] = &res.page[0]
		if res.page[1].body != nil {
			vs[3] = &res.page[1]
		}
	}
	return vs
}

// variantIndex is v's place in variants.
func (res *Resource) variantIndex(v *variant) int {
	switch {
	case v == &res.gz:
		return 1
	case res.page != nil && v == &res.page[0]:
		return 2
	case res.page != nil && v == &res.page[1]:
		return 3
	}
	return 0
}

// fileBodies returns res's large bodies as files, by variantIndex. A body
// that cannot be made a file is written from memory instead.
func (s *Server) fileBodies(path string, res *Resource) [4]*front.BodyFile {
	var files [4]*front.BodyFile
	for i, v := range res.variants() {
		if v == nil || len(v.body) < sendfileMin {
			continue
		}
		bf, err := front.NewBodyFile(path, v.body)
		if err != nil {
			if !errors.Is(err, front.ErrNoSendfile) {
				s.log.Warn("serving from memory instead of sendfile", slog.String("path", path), slog.Any("error", err))
			}
			continue
		}
		files[i] = bf
	}
	return files
}
