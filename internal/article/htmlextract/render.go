package htmlextract

import (
	"html/template"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// renderBody turns the kept body into safe HTML. With a readability node,
// the blocks of dropped paragraphs are taken out of it first; without one
// (the classifier's fallback) the kept paragraphs become <p> elements.
func renderBody(body *html.Node, all, kept []para, base *url.URL) string {
	if body == nil {
		var b strings.Builder
		for i, p := range kept {
			if i > 0 {
				b.WriteByte('\n')
			}
			b.WriteString("<p>")
			b.WriteString(template.HTMLEscapeString(p.text))
			b.WriteString("</p>")
		}
		return b.String()
	}
	keep := make(map[*html.Node]bool, len(kept))
	for _, p := range kept {
		for n := p.node; n != nil; n = n.Parent {
			keep[n] = true
		}
	}
	// The block of a dropped paragraph goes when it holds nothing that was
	// kept; images beside it in a parent block stay.
	for _, p := range all {
		if n := p.node; n != nil && n != body && !keep[n] && n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
	absolutize(body, base)
	var b strings.Builder
	if err := html.Render(&b, body); err != nil {
		return ""
	}
	return strings.TrimSpace(Sanitizer().Sanitize(b.String()))
}

// urlAttrs are the attributes that hold one URL.
var urlAttrs = map[string]bool{"href": true, "src": true, "cite": true, "poster": true, "action": true, "longdesc": true}

// absolutize resolves every URL attribute under n against base, and drops
// the ones that cannot be made absolute http(s) URLs (or data: images).
func absolutize(n *html.Node, base *url.URL) {
	if n.Type == html.ElementNode {
		attrs := n.Attr[:0]
		for _, a := range n.Attr {
			key := strings.ToLower(a.Key)
			switch {
			case urlAttrs[key]:
				v, ok := absURL(a.Val, base, n.DataAtom == atom.Img && key == "src")
				if !ok {
					continue
				}
				a.Val = v
			case key == "srcset":
				v, ok := absSrcset(a.Val, base)
				if !ok {
					continue
				}
				a.Val = v
			}
			attrs = append(attrs, a)
		}
		n.Attr = attrs
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		absolutize(c, base)
	}
}

func absURL(raw string, base *url.URL, allowData bool) (string, bool) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "", false
	}
	if allowData && strings.HasPrefix(strings.ToLower(raw), "data:image/") {
		return raw, true
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", false
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" {
			return "", false
		}
		return u.String(), true
	case "mailto":
		return u.String(), true
	}
	return "", false
}

// absSrcset resolves each candidate URL of a srcset ("a.jpg 1x, b.jpg 2x").
func absSrcset(v string, base *url.URL) (string, bool) {
	var out []string
	for _, cand := range strings.Split(v, ",") {
		f := strings.Fields(cand)
		if len(f) == 0 {
			continue
		}
		u, ok := absURL(f[0], base, false)
		if !ok {
			continue
		}
		f[0] = u
		out = append(out, strings.Join(f, " "))
	}
	return strings.Join(out, ", "), len(out) > 0
}
