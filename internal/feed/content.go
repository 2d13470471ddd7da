package feed

import (
	"bytes"
	"net/url"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// isURLAttr reports whether an attribute's value is one URL. Feed readers
// show content away from the article's page, so a relative one would point
// nowhere (and the W3C validator flags it).
func isURLAttr(key string) bool {
	switch key {
	case "href", "src", "cite", "poster", "action", "formaction", "longdesc",
		"background", "usemap", "data", "manifest", "codebase", "icon":
		return true
	}
	return false
}

// excerptRunes bounds a summary made from the content when the article has
// none.
const excerptRunes = 280

// rewriteContent parses sanitized HTML, makes every URL in it absolute
// against base and returns it re-serialized, with its text collapsed to one
// line for use as a fallback summary.
func rewriteContent(fragment string, base *url.URL) (htmlOut, text string, err error) {
	if fragment == "" {
		return "", "", nil
	}
	if !strings.ContainsAny(fragment, "<&") {
		return fragment, strings.Join(strings.Fields(fragment), " "), nil
	}
	ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(fragment), ctx)
	if err != nil {
		return "", "", err
	}
	var buf bytes.Buffer
	var txt strings.Builder
	for _, n := range nodes {
		absolutize(n, base, &txt)
		if err := html.Render(&buf, n); err != nil {
			return "", "", err
		}
	}
	return buf.String(), strings.Join(strings.Fields(txt.String()), " "), nil
}

// absolutize rewrites n's subtree in place and appends its visible text to
// txt.
func absolutize(n *html.Node, base *url.URL, txt *strings.Builder) {
	switch n.Type {
	case html.TextNode:
		txt.WriteString(n.Data)
	case html.ElementNode:
		if !isInline(n.DataAtom) {
			// Block boundaries separate words; inline ones do not ("<b>T</b>he").
			txt.WriteByte(' ')
			defer txt.WriteByte(' ')
		}
		attrs := n.Attr[:0]
		for _, a := range n.Attr {
			key := strings.ToLower(a.Key)
			switch {
			case isURLAttr(key):
				v, ok := resolve(a.Val, base)
				if !ok {
					continue // an unparseable URL cannot be made absolute: drop it
				}
				a.Val = v
			case key == "srcset" || key == "imagesrcset":
				a.Val = resolveSrcset(a.Val, base)
			}
			attrs = append(attrs, a)
		}
		n.Attr = attrs
		if n.DataAtom == atom.Script || n.DataAtom == atom.Style {
			return
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		absolutize(c, base, txt)
	}
}

// isInline reports whether an element continues the text around it.
func isInline(a atom.Atom) bool {
	switch a {
	case atom.A, atom.Abbr, atom.B, atom.Bdi, atom.Bdo, atom.Cite, atom.Code, atom.Data,
		atom.Del, atom.Dfn, atom.Em, atom.I, atom.Ins, atom.Kbd, atom.Mark, atom.Q,
		atom.S, atom.Samp, atom.Small, atom.Span, atom.Strong, atom.Sub, atom.Sup,
		atom.Time, atom.U, atom.Var, atom.Font, atom.Tt, atom.Strike, atom.Big:
		return true
	}
	return false
}

func resolve(ref string, base *url.URL) (string, bool) {
	u, err := url.Parse(strings.TrimSpace(ref))
	if err != nil {
		return "", false
	}
	return base.ResolveReference(u).String(), true
}

// resolveSrcset resolves each "URL [descriptor]" candidate of a srcset,
// dropping those whose URL does not parse.
func resolveSrcset(srcset string, base *url.URL) string {
	var out []string
	for _, cand := range strings.Split(srcset, ",") {
		fields := strings.Fields(cand)
		if len(fields) == 0 {
			continue
		}
		u, ok := resolve(fields[0], base)
		if !ok {
			continue
		}
		fields[0] = u
		out = append(out, strings.Join(fields, " "))
	}
	return strings.Join(out, ", ")
}

// excerpt shortens text to at most excerptRunes runes, cutting at a space
// when there is one and marking the cut with an ellipsis.
func excerpt(text string) string {
	if utf8.RuneCountInString(text) <= excerptRunes {
		return text
	}
	n := 0
	for i := range text {
		if n == excerptRunes-1 { // leave room for the ellipsis
			s := text[:i]
			if sp := strings.LastIndexByte(s, ' '); sp > len(s)/2 {
				s = s[:sp]
			}
			return strings.TrimRight(s, " ,;:.") + "…"
		}
		n++
	}
	return text
}
