package article

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"seedfeed/internal/mhtml"
)

// A browser saves a page "as a single file" (Chrome and Edge: .mhtml;
// older browsers: .mht) as a MIME message: the page's HTML, encoded
// quoted-printable, followed by its pictures and stylesheets as parts of
// their own. Read as plain text it was published as its MIME headers and
// its HTML source with "=3D" for every "=". mhtmlPage takes the page out
// of it, and where it came from, for the HTML reader.

// mhtmlPage returns the HTML page of an MHTML archive, decoded to the
// bytes the page was written in (UTF-8 when the part names its charset),
// the address it was saved from ("" when it gives none), and the names
// its pictures are served under beside the archive by the addresses they
// were saved from. An archive without a page is ErrFormat.
func mhtmlPage(data []byte) ([]byte, string, map[string]string, error) {
	var (
		page     []byte
		from     string
		pictures map[string]string
		readErr  error
	)
	found := false
	where, err := mhtml.Walk(bytes.NewReader(data), func(p mhtml.Part) bool {
		if name, ok := mhtml.PictureName(p); ok && p.Location != "" {
			if pictures == nil {
				pictures = map[string]string{}
			}
			if _, dup := pictures[p.Location]; !dup {
				pictures[p.Location] = name
			}
			return true
		}
		if p.Type != "text/html" || found {
			return true
		}
		found, from = true, p.Location
		page, readErr = io.ReadAll(p.Body)
		if readErr != nil {
			return false
		}
		if out, _, ok := decodeCharset(page, p.Params["charset"]); ok {
			page = out
		}
		return true
	})
	switch {
	case err != nil:
		return nil, "", nil, fmt.Errorf("%w: %v", ErrFormat, err)
	case readErr != nil:
		return nil, "", nil, fmt.Errorf("%w: the MHTML page cannot be decoded: %v", ErrFormat, readErr)
	case !found:
		return nil, "", nil, fmt.Errorf("%w: an MHTML archive without an HTML page", ErrFormat)
	}
	return page, cmp.Or(from, where), pictures, nil
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

// archiveURL is where the pictures of the archive at seeds-relative path
// name are served: under its own path below the seeds folder's root
// (filesURL), "/files/saved/harbour.mhtml/3.png".
func archiveURL(filesURL, name string) string {
	var b strings.Builder
	b.WriteString(strings.TrimSuffix(filesURL, "/"))
	for seg := range strings.SplitSeq(strings.ReplaceAll(name, "\\", "/"), "/") {
		b.WriteByte('/')
		b.WriteString(url.PathEscape(seg))
	}
	b.WriteByte('/')
	return b.String()
}

// archivePictures points the article's pictures that the archive holds
// (saved, the names they are served under by where they came from) at
// their copies under prefix, so that they show after the site they came
// from has changed or gone.
func archivePictures(a *Article, saved map[string]string, prefix string) {
	norm := make(map[string]string, len(saved))
	for loc, name := range saved {
		if u, err := url.Parse(loc); err == nil {
			norm[u.String()] = prefix + name
		}
	}
	to := func(src string) (string, bool) {
		u, err := url.Parse(src)
		if err != nil {
			return "", false
		}
		v, ok := norm[u.String()]
		return v, ok
	}
	a.BodyHTML = rewriteImgs(a.BodyHTML, to)
	for i, p := range a.Pictures {
		if v, ok := to(p.URL); ok {
			a.Pictures[i].URL = v
		}
	}
}

// rewriteImgs gives the <img> of a sanitized body (which keeps no srcset)
// the address to maps their src to; the rest of the body stays as
// written.
func rewriteImgs(body string, to func(string) (string, bool)) string {
	if !strings.Contains(body, "<img") {
		return body
	}
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(body))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			b.Write(raw)
			continue
		}
		// Raw is overwritten by Token: keep a copy.
		kept := string(raw)
		tok := z.Token()
		if tok.DataAtom != atom.Img {
			b.WriteString(kept)
			continue
		}
		changed := false
		for i, at := range tok.Attr {
			if v, ok := to(at.Val); ok && at.Key == "src" {
				tok.Attr[i].Val, changed = v, true
			}
		}
		if !changed {
			b.WriteString(kept)
			continue
		}
		b.WriteString(tok.String())
	}
	return b.String()
}
