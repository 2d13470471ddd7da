package server

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"time"

	"seedfeed/internal/pages"
)

// MaxSlugLen bounds a slug; longer paths are refused before any lookup.
const MaxSlugLen = 128

// articleLoadTimeout bounds one article lookup, a single indexed row: a
// store that takes longer is failing, and the request gets 500.
const articleLoadTimeout = 10 * time.Second

// ValidSlug reports whether s matches ^[a-z0-9][a-z0-9-]{0,127}$. Anything
// else (dots, slashes, encoded bytes, NUL, upper case, overlong) is refused
// before the article source is asked.
func ValidSlug(s string) bool {
	if len(s) == 0 || len(s) > MaxSlugLen || s[0] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// handleArticle renders /articles/{slug} from the article source.
func (s *Server) handleArticle() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		st := s.state.Load()
		slug := r.PathValue("slug")
		if !ValidSlug(slug) || s.articles == nil {
			s.notFound(w, r, st)
			return
		}
		if !st.snap.good() {
			s.unavailable(w)
			return
		}
		// net/http cancels the request's context when the client
		// half-closes its side after the request, as some clients and
		// proxies do, and still sends what the handler writes: so the
		// lookup does not end with it, and the page is written (or an
		// error status), never an empty 200. A client that really left
		// costs one lookup; a stuck store gets articleLoadTimeout.
		ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), articleLoadTimeout)
		defer cancel()
		e, err := s.articles.Article(ctx, slug)
		switch {
		case errors.Is(err, ErrNotFound):
			s.notFound(w, r, st)
			return
		case err != nil:
			s.log.Error("load article", slog.String("slug", slug), slog.Any("error", err))
			http.Error(w, "500 internal server error", http.StatusInternalServerError)
			return
		}
		page, err := pages.Article(st.snap.Site, e)
		if err != nil {
			s.log.Error("render article", slog.String("slug", slug), slog.Any("error", err))
			http.Error(w, "500 internal server error", http.StatusInternalServerError)
			return
		}
		lastMod := e.Updated
		if lastMod.IsZero() || e.Published.After(lastMod) {
			lastMod = e.Published
		}
		res := s.pageResource(page, lastMod, acceptsGzip(r.Header["Accept-Encoding"]))
		s.serveResource(w, r, res, http.StatusOK, s.hdr.cacheControl)
	})
}

// pageResource prepares a page rendered for one request. Unlike snapshot
// resources it is compressed only when the client takes gzip, at the
// default level, with a pooled writer: the page is thrown away afterwards.
func (s *Server) pageResource(body []byte, lastMod time.Time, wantGzip bool) *Resource {
	var compress func([]byte) []byte
	if wantGzip {
		compress = s.gzipDefault
	}
	return buildResource(body, "text/html; charset=utf-8", lastMod, compress)
}

func (s *Server) gzipDefault(b []byte) []byte {
	var buf bytes.Buffer
	buf.Grow(len(b)/3 + 64)
	zw := s.gzips.Get().(*gzip.Writer)
	defer s.gzips.Put(zw)
	zw.Reset(&buf)
	if _, err := zw.Write(b); err != nil {
		return nil
	}
	if err := zw.Close(); err != nil {
		return nil
	}
	return buf.Bytes()
}

// ArticleFunc adapts a function to ArticleSource.
type ArticleFunc func(ctx context.Context, slug string) (pages.Entry, error)

// Article calls f.
func (f ArticleFunc) Article(ctx context.Context, slug string) (pages.Entry, error) {
	return f(ctx, slug)
}
