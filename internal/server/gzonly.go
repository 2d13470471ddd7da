package server

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"time"
)

// NewResourceGzipOnly is NewResourceLevel for a resource that is large,
// long-lived and seldom fetched without gzip (a complete archive page):
// it keeps only the gzip form in memory. The identity form keeps its
// ETag and Content-Length, computed here from body, and is decompressed
// for each request that takes it; Identity returns it. When gzip does not
// make body smaller, body is kept as NewResourceLevel keeps it.
func NewResourceGzipOnly(body []byte, contentType string, lastMod time.Time, level int) *Resource {
	r := NewResourceLevel(body, contentType, lastMod, level)
	if r.Gzip == nil {
		return r
	}
	r.Body, r.plain.body = nil, nil
	r.inflate = true
	return r
}

// Identity returns the identity form of res: Body, or for a resource that
// holds only its gzip form (NewResourceGzipOnly), a decompressed copy.
func (res *Resource) Identity() ([]byte, error) {
	if !res.inflate {
		return res.Body, nil
	}
	return gunzipSized(res.Gzip, res.plain.contentLength)
}

// gunzipSized decompresses gz, whose result is length[0] bytes long (the
// identity form's Content-Length), and checks that length.
func gunzipSized(gz []byte, length []string) ([]byte, error) {
	var want int
	if _, err := fmt.Sscan(length[0], &want); err != nil {
		return nil, fmt.Errorf("server: gzip-only resource: length %q: %w", length[0], err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("server: gzip-only resource: %w", err)
	}
	out := bytes.NewBuffer(make([]byte, 0, want))
	if _, err := io.Copy(out, zr); err != nil {
		return nil, fmt.Errorf("server: gzip-only resource: %w", err)
	}
	if out.Len() != want {
		return nil, fmt.Errorf("server: gzip-only resource: %d bytes, want %d", out.Len(), want)
	}
	return out.Bytes(), nil
}
