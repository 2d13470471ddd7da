package article

import (
	"net/url"
	"path"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Picture is an image of the article that has an address: the page's
// Open Graph image or the front matter's image: first (the lead), then
// every image of the body in order. Images, by contrast, are known by
// their captions; a plain-text scrape has those and no Picture.
type Picture struct {
	// URL is absolute when the input or Options.BaseURL gave a base;
	// otherwise as written, relative to the article's page.
	URL string `json:"url"`
	// Alt is the image's alt text, "" when it has none.
	Alt string `json:"alt,omitempty"`
}

// maxPictures bounds the pictures kept of one article.
const maxPictures = 32

// bodyPictures lists the <img> of a sanitized body that have a usable
// address, in page order, each once. data: URLs, other schemes and
// one-pixel trackers are left out; relative addresses are resolved
// against base when there is one.
func bodyPictures(body string, base *url.URL) []Picture {
	if !strings.Contains(body, "<img") {
		return nil
	}
	var out []Picture
	z := html.NewTokenizer(strings.NewReader(body))
	for len(out) < maxPictures {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		if tok.DataAtom != atom.Img {
			continue
		}
		var src, alt string
		pixel := false
		for _, a := range tok.Attr {
			switch a.Key {
			case "src":
				src = a.Val
			case "alt":
				alt = collapseSpace(a.Val)
			case "width", "height":
				pixel = pixel || strings.TrimSpace(a.Val) == "1" || strings.TrimSpace(a.Val) == "0"
			}
		}
		if pixel {
			continue
		}
		if u := pictureURL(src, base); u != "" {
			out = addPicture(out, Picture{URL: u, Alt: alt})
		}
	}
	return out
}

// pictureURL is raw resolved against base, or "" when it is no picture
// address (empty, data:, javascript:, unparsable).
func pictureURL(raw string, base *url.URL) string {
	raw = strings.TrimSpace(raw)
	if raw == "" || strings.ContainsAny(raw, " \t\n\"<>") {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https" || u.Scheme != "" && u.Host == "" {
		return ""
	}
	return u.String()
}

// addPicture appends p unless its address is already listed.
func addPicture(list []Picture, p Picture) []Picture {
	for _, have := range list {
		if have.URL == p.URL {
			return list
		}
	}
	return append(list, p)
}

// withLead puts the lead picture (og:image, front matter image:) first,
// dropping the body's copy of it.
func withLead(lead string, body []Picture) []Picture {
	if lead == "" {
		return body
	}
	out := []Picture{{URL: lead}}
	for _, p := range body {
		if p.URL == lead {
			out[0].Alt = p.Alt
			continue
		}
		out = append(out, p)
	}
	return out
}

// pictureFile reports a name with a picture's extension.
func pictureFile(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".avif", ".bmp", ".tif", ".tiff":
		return true
	}
	return false
}
