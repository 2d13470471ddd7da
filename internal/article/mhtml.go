package article

import (
	"bytes"
	"cmp"
	"encoding/base64"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"net/url"
	"strings"
)

// A browser saves a page "as a single file" (Chrome and Edge: .mhtml;
// older browsers: .mht) as a MIME message: the page's HTML, encoded
// quoted-printable, followed by its pictures and stylesheets as parts of
// their own. Read as plain text it was published as its MIME headers and
// its HTML source with "=3D" for every "=". mhtmlPage takes the page out
// of it, and where it came from, for the HTML reader.

// maxMHTMLParts bounds the parts looked through for the page: a browser
// writes the page first.
const maxMHTMLParts = 64

// mhtmlPage returns the HTML page of an MHTML archive, decoded to the
// bytes the page was written in (UTF-8 when the part names its charset),
// and the address it was saved from ("" when it gives none). An archive
// without a page is ErrFormat.
func mhtmlPage(data []byte) ([]byte, string, error) {
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	msg, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		return nil, "", fmt.Errorf("%w: an MHTML file without a MIME header: %v", ErrFormat, err)
	}
	where := msg.Header.Get("Snapshot-Content-Location")
	mt, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil {
		return nil, "", fmt.Errorf("%w: an MHTML file whose Content-Type cannot be read: %v", ErrFormat, err)
	}
	if mt == "text/html" {
		page, err := mhtmlBody(textproto.MIMEHeader(msg.Header), msg.Body, params)
		return page, cmp.Or(msg.Header.Get("Content-Location"), where), err
	}
	if !strings.HasPrefix(mt, "multipart/") || params["boundary"] == "" {
		return nil, "", fmt.Errorf("%w: an MHTML file of %s, not a page", ErrFormat, mt)
	}
	mr := multipart.NewReader(msg.Body, params["boundary"])
	for range maxMHTMLParts {
		// NextRawPart: the transfer encoding is undone below, for
		// base64 as for quoted-printable.
		part, err := mr.NextRawPart()
		if err != nil {
			break
		}
		pt, pparams, err := mime.ParseMediaType(part.Header.Get("Content-Type"))
		if err != nil || pt != "text/html" {
			continue
		}
		page, err := mhtmlBody(part.Header, part, pparams)
		if err != nil {
			return nil, "", err
		}
		return page, cmp.Or(part.Header.Get("Content-Location"), where), nil
	}
	return nil, "", fmt.Errorf("%w: an MHTML archive without an HTML page", ErrFormat)
}

// mhtmlBody reads one part's content, undoing its transfer encoding and
// its charset.
func mhtmlBody(h textproto.MIMEHeader, r io.Reader, params map[string]string) ([]byte, error) {
	switch strings.ToLower(strings.TrimSpace(h.Get("Content-Transfer-Encoding"))) {
	case "quoted-printable":
		r = quotedprintable.NewReader(r)
	case "base64":
		r = base64.NewDecoder(base64.StdEncoding, r) // it skips line breaks
	}
	page, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%w: the MHTML page cannot be decoded: %v", ErrFormat, err)
	}
	if out, _, ok := decodeCharset(page, params["charset"]); ok {
		page = out
	}
	return page, nil
}

// savedFrom is the address an archive's page came from, when it is one
// relative links can be resolved against.
func savedFrom(loc string) string {
	u, err := url.Parse(strings.TrimSpace(loc))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}
