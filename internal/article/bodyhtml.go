package article

import (
	"math/bits"
	"strings"
)

// ParagraphsHTML is the body HTML of a plain-text article: each paragraph
// escaped as html.EscapeString does, in a <p> element, one per line. It is
// built in one buffer sized up front, without html.EscapeString's copy of
// each paragraph. The store relies on this exact form to leave the HTML
// out of a record when it can rebuild it (IsParagraphsHTML).
func ParagraphsHTML(ps []string) string {
	n := 0
	for _, p := range ps {
		n += len(p) + len("<p></p>\n")
	}
	var b strings.Builder
	b.Grow(n + n/16)
	for i, p := range ps {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString("<p>")
		writeEscaped(&b, p)
		b.WriteString("</p>")
	}
	return b.String()
}

// IsParagraphsHTML reports whether h is exactly ParagraphsHTML(ps),
// without building it.
func IsParagraphsHTML(h string, ps []string) bool {
	if len(ps) == 0 {
		return h == ""
	}
	for i, p := range ps {
		if i > 0 {
			if h == "" || h[0] != '\n' {
				return false
			}
			h = h[1:]
		}
		var ok bool
		if h, ok = strings.CutPrefix(h, "<p>"); !ok {
			return false
		}
		for len(p) > 0 {
			j := nextSpecial(p, 0)
			if !strings.HasPrefix(h, p[:j]) {
				return false
			}
			h = h[j:]
			if j == len(p) {
				break
			}
			if h, ok = strings.CutPrefix(h, htmlEntity(p[j])); !ok {
				return false
			}
			p = p[j+1:]
		}
		if h, ok = strings.CutPrefix(h, "</p>"); !ok {
			return false
		}
	}
	return h == ""
}

// htmlSpecial marks the five bytes html.EscapeString replaces.
var htmlSpecial = [256]bool{'<': true, '>': true, '&': true, '\'': true, '"': true}

// htmlEntity is html.EscapeString's replacement for one of the five.
func htmlEntity(c byte) string {
	switch c {
	case '<':
		return "&lt;"
	case '>':
		return "&gt;"
	case '&':
		return "&amp;"
	case '\'':
		return "&#39;"
	}
	return "&#34;"
}

// writeEscaped writes s with the five characters html.EscapeString
// escapes replaced by the same entities.
func writeEscaped(b *strings.Builder, s string) {
	last := 0
	for i := nextSpecial(s, 0); i < len(s); i = nextSpecial(s, i+1) {
		b.WriteString(s[last:i])
		b.WriteString(htmlEntity(s[i]))
		last = i + 1
	}
	b.WriteString(s[last:])
}

// nextSpecial returns the index of the first byte of s at or after i that
// html.EscapeString replaces, or len(s). Prose has few of them, so it
// passes over eight bytes at a time while none of them is one.
func nextSpecial(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		if m := escapeMask(load64(s, i)); m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for i < len(s) && !htmlSpecial[s[i]] {
		i++
	}
	return i
}
