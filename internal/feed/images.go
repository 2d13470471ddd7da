package feed

import (
	"fmt"
	"mime"
	"net/url"
	"path"
	"strconv"
	"strings"
)

// nsMedia is Media RSS, which readers read for an item's picture in Atom
// and RSS alike.
const nsMedia = "http://search.yahoo.com/mrss/"

// SiteImages are the site's pictures, each a URL (absolute, or a path
// under BaseURL). An empty field leaves its elements out of every feed.
type SiteImages struct {
	// Icon is small and square: Atom <icon>, JSON Feed favicon.
	Icon string
	// Logo is larger: Atom <logo>, RSS <image>, JSON Feed icon (which
	// JSON Feed wants large and square; the icon stands in without one).
	Logo string
}

// Picture is one image of an article that has a URL. Type and Length are
// given only when known: nothing here guesses a size.
type Picture struct {
	// URL is absolute, or relative to the item's page.
	URL string
	// Type is a MIME type ("image/jpeg"); empty derives one from the
	// URL's file extension when it names an image type, else none.
	Type string
	// Length is the size in bytes; 0 means unknown.
	Length int64
}

// picture is a Picture with an absolute URL and what is known of it.
type picture struct {
	url    string
	typ    string // "" when unknown
	length int64  // 0 when unknown
}

func prepareSiteImages(d *doc, im SiteImages) error {
	for _, f := range []struct {
		raw string
		dst *string
	}{{im.Icon, &d.icon}, {im.Logo, &d.logo}} {
		s := cleanLine(f.raw)
		if s == "" {
			continue
		}
		href := s
		if !isAbsolute(s) {
			href = d.base + "/" + strings.TrimLeft(s, "/")
		}
		u, err := url.Parse(href)
		if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
			return fmt.Errorf("%w: site image %q is not an http(s) URL", ErrMeta, f.raw)
		}
		*f.dst = u.String()
	}
	return nil
}

// preparePictures resolves an item's pictures against its page and drops
// the ones without a usable http(s) URL and repeats.
func preparePictures(pics []Picture, base *url.URL) []picture {
	var out []picture
	for _, p := range pics {
		raw := cleanLine(p.URL)
		if raw == "" || strings.HasPrefix(raw, "data:") {
			continue
		}
		abs, ok := resolve(raw, base)
		if !ok {
			continue
		}
		u, err := url.Parse(abs)
		if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Host == "" || strings.ContainsAny(abs, " \t\n\"<>") {
			continue
		}
		typ := cleanLine(p.Type)
		if typ == "" {
			typ = imageTypeByExt(u.Path)
		}
		dup := false
		for _, have := range out {
			dup = dup || have.url == abs
		}
		if !dup {
			out = append(out, picture{url: abs, typ: typ, length: max(p.Length, 0)})
		}
	}
	return out
}

// imageTypeByExt is the image MIME type a file extension names, or "".
func imageTypeByExt(p string) string {
	ext := strings.ToLower(path.Ext(p))
	switch ext {
	case ".jpg", ".jpeg":
		return "image/jpeg"
	case ".png", ".gif", ".webp", ".avif", ".bmp", ".tiff":
		return "image/" + ext[1:]
	case ".svg":
		return "image/svg+xml"
	case ".ico":
		return "image/vnd.microsoft.icon"
	}
	if t := mime.TypeByExtension(ext); strings.HasPrefix(t, "image/") {
		return strings.TrimSpace(strings.SplitN(t, ";", 2)[0])
	}
	return ""
}

func lengthAttr(n int64) string {
	if n <= 0 {
		return ""
	}
	return strconv.FormatInt(n, 10)
}

// mediaContent is Media RSS's <media:content> for an item's lead image.
type mediaContent struct {
	URL      string `xml:"url,attr"`
	Medium   string `xml:"medium,attr"`
	Type     string `xml:"type,attr,omitempty"`
	FileSize string `xml:"fileSize,attr,omitempty"`
}

// mediaThumbnail is <media:thumbnail>: the same picture, for readers that
// show a thumbnail beside the title.
type mediaThumbnail struct {
	URL string `xml:"url,attr"`
}

// leadMedia is the Media RSS elements of an entry's lead picture.
func leadMedia(e entry) (*mediaContent, *mediaThumbnail) {
	if len(e.pictures) == 0 {
		return nil, nil
	}
	p := e.pictures[0]
	return &mediaContent{URL: p.url, Medium: "image", Type: p.typ, FileSize: lengthAttr(p.length)},
		&mediaThumbnail{URL: p.url}
}

// anyPictures reports whether an entry of d has a picture, so that the
// Media RSS namespace is declared only when it is used.
func anyPictures(d *doc) bool {
	for _, e := range d.entries {
		if len(e.pictures) > 0 {
			return true
		}
	}
	return false
}

// rssImageURL is the picture for RSS <image>, which must be a GIF, JPEG
// or PNG: the logo, else the icon, when its file name says it is one.
func rssImageURL(d *doc) string {
	for _, u := range []string{d.logo, d.icon} {
		if u == "" {
			continue
		}
		pu, err := url.Parse(u)
		if err != nil {
			continue
		}
		switch imageTypeByExt(pu.Path) {
		case "image/gif", "image/jpeg", "image/png":
			return u
		}
	}
	return ""
}
