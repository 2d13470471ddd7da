package server

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// BrowserXMLType is the Content-Type a browser gets for an XML feed that
// names an XSLT stylesheet: browsers apply xml-stylesheet to application/xml
// but show application/atom+xml and application/rss+xml as plain text.
const BrowserXMLType = "application/xml; charset=utf-8"

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

	html  bool
	plain variant
	gz    variant
	// browser holds the application/xml variants of an XML feed that carries
	// an xml-stylesheet instruction (nil otherwise); feedType is the media
	// type without parameters, which a feed reader names in Accept.
	browser  *[2]variant
	feedType string
	// Pre-built header values, assigned to response header maps as is. They
	// are never modified after NewResource; each has len == cap, so even an
	// append by later code copies instead of writing into shared memory.
	vary         []string
	lastModified []string
	lastModStr   string
	// cacheControl, when set, replaces the server's Cache-Control for
	// this resource (see WithCacheControl).
	cacheControl []string
}

// variant is one representation of a Resource: a content coding and, for
// feeds, a content type.
type variant struct {
	body          []byte
	gzip          bool
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

// buildResource prepares body; compress, when not nil, yields the gzip form
// (nil if compression failed).
func buildResource(body []byte, contentType string, lastMod time.Time, compress func([]byte) []byte) *Resource {
	r := &Resource{
		Body:         body,
		ContentType:  contentType,
		LastModified: lastMod.UTC().Truncate(time.Second),
		html:         strings.HasPrefix(contentType, "text/html"),
		vary:         []string{"Accept-Encoding"},
	}
	ct := []string{contentType}
	r.ETag = etagOf(body)
	r.plain = newVariant(body, false, r.ETag, ct)
	if compress != nil {
		if gz := compress(body); gz != nil && len(gz) < len(body) {
			r.Gzip = gz
			r.GzipETag = etagOf(gz)
			r.gz = newVariant(gz, true, r.GzipETag, ct)
		}
	}
	if ft := xmlFeedType(contentType); ft != "" && hasStylesheetPI(body) {
		r.feedType = ft
		r.vary = []string{"Accept-Encoding, Accept"}
		// The same bytes under another type are another representation,
		// so they get their own validators.
		xct := []string{BrowserXMLType}
		r.browser = &[2]variant{
			newVariant(body, false, xmlETag(r.ETag), xct),
			newVariant(r.Gzip, true, xmlETag(r.GzipETag), xct),
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

// xmlFeedType returns the media type of an Atom or RSS content type, or "".
func xmlFeedType(contentType string) string {
	mt, _, _ := strings.Cut(contentType, ";")
	mt = strings.ToLower(strings.TrimSpace(mt))
	if mt == "application/atom+xml" || mt == "application/rss+xml" {
		return mt
	}
	return ""
}

// hasStylesheetPI reports whether the XML prolog asks for a stylesheet.
func hasStylesheetPI(body []byte) bool {
	prolog := body
	if i := bytes.Index(body, []byte("<feed")); i >= 0 {
		prolog = body[:i]
	} else if i := bytes.Index(body, []byte("<rss")); i >= 0 {
		prolog = body[:i]
	}
	return bytes.Contains(prolog, []byte("<?xml-stylesheet"))
}

// etagOf returns a strong entity tag: 128 bits of SHA-256, enough that two
// different bodies never share one.
func etagOf(b []byte) string {
	sum := sha256.Sum256(b)
	return `"` + hex.EncodeToString(sum[:16]) + `"`
}

// xmlETag derives the validator of the application/xml representation.
func xmlETag(etag string) string {
	if etag == "" {
		return ""
	}
	return etag[:len(etag)-1] + `-xml"`
}

// gzipBest compresses b at the best level. It returns nil only if the
// compressor fails, which writing to memory cannot make it do; the caller
// then serves the identity form alone.
func gzipBest(b []byte) []byte {
	return gzipLevel(b, gzip.BestCompression)
}
