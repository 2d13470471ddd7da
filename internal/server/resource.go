package server

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Resource is one immutable, fully prepared response: the body, its gzip
// form and every header value, computed once per change so that serving it
// costs no rendering, compression, formatting or allocation.
type Resource struct {
	Body []byte
	// Gzip is Body compressed at gzip.BestCompression, or nil when that is
	// not smaller than Body.
	Gzip []byte
	// ETag and GzipETag are strong validators (quoted) derived from a hash
	// of the bytes each form sends, so every replica agrees on them.
	ETag, GzipETag string
	ContentType    string
	// LastModified is truncated to whole seconds, the precision of HTTP dates.
	LastModified time.Time

	// Page is the HTML page a browser is shown at a feed's address instead
	// of the feed (see acceptWantsHTML), or nil when the resource has none.
	Page []byte

	plain variant
	gz    variant
	// page holds Page's identity and gzip representations when Page is set.
	page *[2]variant
	// Pre-built header values, assigned to response header maps as is. They
	// are never modified after NewResource; each has len == cap, so even an
	// append by later code copies instead of writing into shared memory.
	vary         []string
	lastModified []string
	lastModStr   string
	// cacheControl, when set, replaces the server's Cache-Control for
	// this resource (see WithCacheControl).
	cacheControl []string
	// links are the Link header lines (see NewResourceWithLinks), nil for
	// none; sent with 200 and 304 alike.
	links []string
	// inflate marks a resource that holds only its gzip form
	// (NewResourceGzipOnly): plain has every header but no body.
	inflate bool
}

// variant is one representation of a Resource: a content coding and, for
// feeds, a content type.
type variant struct {
	body []byte
	gzip bool
	// html marks an HTML page, which carries the pages' security headers;
	// private marks one that shared caches must not store (see
	// NewFeedResource).
	html, private bool
	etag          string
	etagHdr       []string
	contentType   []string
	contentLength []string
}

// NewResource prepares body for serving: it compresses it, hashes both forms
// and pre-formats every header. Call it once per change, off the request
// path.
func NewResource(body []byte, contentType string, lastMod time.Time) *Resource {
	return buildResource(body, contentType, lastMod, gzipBest)
}

// NewFeedResource is NewResource for a feed that browsers are shown page
// (an HTML document) for instead: a request whose Accept header prefers
// text/html to every feed type gets page, any other gets body exactly as
// NewResource would serve it. Every response then carries Vary: Accept, and
// the page is marked private (Cache-Control), so that a shared cache
// stores only the feed: a cache that ignores Vary can hand a browser the
// feed, never a feed reader the page.
func NewFeedResource(body []byte, contentType string, page []byte, lastMod time.Time) *Resource {
	r := buildResource(body, contentType, lastMod, gzipBest)
	if page == nil {
		return r
	}
	r.Page = page
	r.vary = []string{"Accept-Encoding, Accept"}
	ct := []string{htmlType}
	p := &[2]variant{newVariant(page, false, etagOf(page), ct)}
	if gz := gzipBest(page); gz != nil && len(gz) < len(page) {
		p[1] = newVariant(gz, true, etagOf(gz), ct)
	}
	for i := range p {
		p[i].html, p[i].private = true, true
	}
	r.page = p
	return r
}

// Matches reports whether r is what NewFeedResourceWithLinks would build
// from these arguments, so that a rebuild can keep r instead of
// compressing and hashing the same bytes again. A nil r matches nothing.
func (r *Resource) Matches(body []byte, contentType string, page []byte, lastMod time.Time, links []string) bool {
	return r != nil && !r.inflate && r.cacheControl == nil && r.ContentType == contentType &&
		r.LastModified.Equal(lastMod.UTC().Truncate(time.Second)) && (r.Page == nil) == (page == nil) &&
		bytes.Equal(r.Body, body) && bytes.Equal(r.Page, page) && slices.Equal(r.links, links)
}

// htmlType is the Content-Type of every HTML page.
const htmlType = "text/html; charset=utf-8"

// buildResource prepares body; compress, when not nil, yields the gzip form
// (nil if compression failed).
func buildResource(body []byte, contentType string, lastMod time.Time, compress func([]byte) []byte) *Resource {
	r := &Resource{
		Body:         body,
		ContentType:  contentType,
		LastModified: lastMod.UTC().Truncate(time.Second),
		vary:         []string{"Accept-Encoding"},
	}
	ct := []string{contentType}
	html := strings.HasPrefix(contentType, "text/html")
	r.ETag = etagOf(body)
	r.plain = newVariant(body, false, r.ETag, ct)
	r.plain.html = html
	if compress != nil {
		if gz := compress(body); gz != nil && len(gz) < len(body) {
			r.Gzip = gz
			r.GzipETag = etagOf(gz)
			r.gz = newVariant(gz, true, r.GzipETag, ct)
			r.gz.html = html
		}
	}
	if !r.LastModified.IsZero() {
		r.lastModStr = r.LastModified.Format(http.TimeFormat)
		r.lastModified = []string{r.lastModStr}
	}
	return r
}

func newVariant(body []byte, gzip bool, etag string, contentType []string) variant {
	return variant{
		body:          body,
		gzip:          gzip,
		etag:          etag,
		etagHdr:       []string{etag},
		contentType:   contentType,
		contentLength: []string{strconv.Itoa(len(body))},
	}
}

// etagOf returns a strong entity tag: 128 bits of SHA-256, enough that two
// different bodies never share one.
func etagOf(b []byte) string {
	sum := sha256.Sum256(b)
	return `"` + hex.EncodeToString(sum[:16]) + `"`
}

// gzipBest compresses b at the best level. It returns nil only if the
// compressor fails, which writing to memory cannot make it do; the caller
// then serves the identity form alone.
func gzipBest(b []byte) []byte {
	return gzipLevel(b, gzip.BestCompression)
}
