// Package mhtml reads the archives a browser saves a page in "as a single
// file" (Chrome and Edge: .mhtml; older browsers: .mht): a MIME message
// holding the page's HTML and, as parts of their own, its pictures and
// stylesheets, each under the address it came from (Content-Location).
// The article reader takes the page out of one, and the server serves its
// pictures, so that a saved page keeps them after the site it came from
// has changed or gone.
package mhtml

import (
	"bufio"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"strconv"
	"strings"
)

// MaxParts bounds the parts looked through: a saved page with more
// pictures than that keeps the others' own addresses.
const MaxParts = 4096

// ErrFormat is returned (wrapped) for a file that is no MIME message, or
// whose type cannot be read.
var ErrFormat = errors.New("not an MHTML archive")

// Part is one part of an archive.
type Part struct {
	Index    int               // its place among the archive's parts, from 1
	Type     string            // its media type, lower-case ("image/png")
	Params   map[string]string // the Content-Type's parameters ("charset")
	Location string            // the address it was saved from, "" when none
	Body     io.Reader         // its content, its transfer encoding undone
}

// Walk calls fn with the archive's parts in order until fn returns false
// or MaxParts have been seen, and returns the address the archive says the
// page was saved from (Snapshot-Content-Location, "" when none). An
// archive whose message is the page itself is one part. Part.Body is good
// only until fn returns.
func Walk(r io.Reader, fn func(Part) bool) (string, error) {
	br := bufio.NewReader(r)
	if b, err := br.Peek(3); err == nil && string(b) == "\xEF\xBB\xBF" {
		_, _ = br.Discard(3)
	}
	msg, err := mail.ReadMessage(br)
	if err != nil {
		return "", fmt.Errorf("%w: no MIME header: %v", ErrFormat, err)
	}
	where := msg.Header.Get("Snapshot-Content-Location")
	mt, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil {
		return where, fmt.Errorf("%w: its Content-Type cannot be read: %v", ErrFormat, err)
	}
	if !strings.HasPrefix(mt, "multipart/") || params["boundary"] == "" {
		h := textproto.MIMEHeader(msg.Header)
		fn(Part{Index: 1, Type: mt, Params: params, Location: h.Get("Content-Location"), Body: decoded(h, msg.Body)})
		return where, nil
	}
	mr := multipart.NewReader(msg.Body, params["boundary"])
	for i := 1; i <= MaxParts; i++ {
		// NextRawPart: the transfer encoding is undone here, for base64
		// as for quoted-printable.
		part, err := mr.NextRawPart()
		if err != nil {
			break
		}
		pt, pparams, err := mime.ParseMediaType(part.Header.Get("Content-Type"))
		if err != nil {
			continue // a part of no type is nothing to read or serve
		}
		if !fn(Part{Index: i, Type: pt, Params: pparams, Location: part.Header.Get("Content-Location"), Body: decoded(part.Header, part)}) {
			break
		}
	}
	return where, nil
}

// decoded undoes a part's transfer encoding.
func decoded(h textproto.MIMEHeader, r io.Reader) io.Reader {
	switch strings.ToLower(strings.TrimSpace(h.Get("Content-Transfer-Encoding"))) {
	case "quoted-printable":
		return quotedprintable.NewReader(r)
	case "base64":
		return base64.NewDecoder(base64.StdEncoding, r) // it skips line breaks
	}
	return r
}

// pictureExts are the extensions a picture part is served under, by its
// media type: the pictures the seeds folder serves.
var pictureExts = map[string]string{
	"image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif", "image/webp": ".webp",
	"image/avif": ".avif", "image/svg+xml": ".svg", "image/x-icon": ".ico", "image/vnd.microsoft.icon": ".ico",
}

// PictureName is the name a picture part is served under beside its
// archive ("3.png" for the third part, a PNG), and false for a part that
// is no picture served.
func PictureName(p Part) (string, bool) {
	ext, ok := pictureExts[p.Type]
	if !ok {
		return "", false
	}
	return strconv.Itoa(p.Index) + ext, true
}

// Picture returns the content of the picture part named name in the
// archive r (a name PictureName gave), read up to limit bytes, and false
// when there is none: no such part, a part of another type, or one larger
// than limit.
func Picture(r io.Reader, name string, limit int64) ([]byte, bool, error) {
	num, ext, ok := strings.Cut(name, ".")
	n, err := strconv.Atoi(num)
	if !ok || err != nil || n < 1 || n > MaxParts || strconv.Itoa(n) != num {
		return nil, false, nil
	}
	var data []byte
	found := false
	var readErr error
	_, err = Walk(r, func(p Part) bool {
		if p.Index < n {
			return true
		}
		if p.Index == n && pictureExts[p.Type] == "."+ext {
			data, readErr = io.ReadAll(io.LimitReader(p.Body, limit+1))
			found = readErr == nil && int64(len(data)) <= limit
		}
		return false
	})
	if err == nil {
		err = readErr
	}
	if err != nil || !found {
		return nil, false, err
	}
	return data, true, nil
}

// EachPicture calls fn with each picture part of the archive r, by the
// name PictureName gives it, read whole up to limit bytes (a larger one
// is passed over), until fn returns false.
func EachPicture(r io.Reader, limit int64, fn func(name string, data []byte) bool) error {
	var readErr error
	_, err := Walk(r, func(p Part) bool {
		name, ok := PictureName(p)
		if !ok {
			return true
		}
		var data []byte
		if data, readErr = io.ReadAll(io.LimitReader(p.Body, limit+1)); readErr != nil {
			return false
		}
		return int64(len(data)) > limit || fn(name, data)
	})
	if err == nil {
		err = readErr
	}
	return err
}

// Pictures returns every picture part of the archive r by the name
// PictureName gives it, each read up to limit bytes (a larger one is left
// out), and false, with none, when together they hold more than total
// bytes.
func Pictures(r io.Reader, limit, total int64) (map[string][]byte, bool, error) {
	pics := map[string][]byte{}
	var sum int64
	err := EachPicture(r, limit, func(name string, data []byte) bool {
		sum += int64(len(data))
		pics[name] = data
		return sum <= total
	})
	if err != nil || sum > total {
		return nil, false, err
	}
	return pics, true, nil
}
