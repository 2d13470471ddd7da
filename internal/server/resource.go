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
	// Pre-built header values, assigned to response header maps as is. They
	// are never modified after NewResource; each has len == cap, so even an
	// append by later code copies instead of writing into shared memory.
	contentType  []string
	lastModified []string
	lastModStr   string
}

// variant is one content coding of a Resource.
type variant struct {
	body          []byte
	etag          string
	etagHdr       []string
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
	}
	r.ETag = etagOf(body)
	r.plain = newVariant(body, r.ETag)
	if compress != nil {
		if gz := compress(body); gz != nil && len(gz) < len(body) {
			r.Gzip = gz
			r.GzipETag = etagOf(gz)
			r.gz = newVariant(gz, r.GzipETag)
		}
	}
	r.contentType = []string{contentType}
	if !r.LastModified.IsZero() {
		r.lastModStr = r.LastModified.Format(http.TimeFormat)
		r.lastModified = []string{r.lastModStr}
	}
	return r
}

func newVariant(body []byte, etag string) variant {
	return variant{
		body:          body,
		etag:          etag,
		etagHdr:       []string{etag},
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
	var buf bytes.Buffer
	buf.Grow(len(b)/3 + 64)
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil
	}
	if _, err := zw.Write(b); err != nil {
		return nil
	}
	if err := zw.Close(); err != nil {
		return nil
	}
	return buf.Bytes()
}
