package feed

import (
	"bytes"
	"strings"
)

// Plain text that looks like markup is ambiguous in a feed: some readers
// render it, some strip it, some show it. The W3C validator warns about
// it. These helpers pick the encoding each format can make unambiguous.

// looksLikeMarkup reports whether plain text contains something an HTML
// parser would take for a tag, comment or character reference.
func looksLikeMarkup(s string) bool {
	for i := 0; i < len(s)-1; i++ {
		c, next := s[i], s[i+1]
		switch {
		case c == '<' && (isASCIILetter(next) || next == '/' || next == '!' || next == '?'):
			return true
		case c == '&' && (isASCIILetter(next) || next >= '0' && next <= '9' || next == '#'):
			return true
		}
	}
	return false
}

// hasEndTag reports whether s contains "</name>", the form the validator
// takes for HTML in RSS text elements whatever its encoding.
func hasEndTag(s string) bool {
	for {
		i := strings.Index(s, "</")
		if i < 0 {
			return false
		}
		s = s[i+2:]
		n := 0
		for n < len(s) && (isASCIILetter(s[n]) || s[n] >= '0' && s[n] <= '9') {
			n++
		}
		if n > 0 && n < len(s) && s[n] == '>' {
			return true
		}
	}
}

// escapeHTMLText escapes text for an HTML text node. Unlike
// html.EscapeString it leaves quotes alone: they need no escaping there,
// and readers that show the value as text would show the references.
func escapeHTMLText(s string) string {
	if !strings.ContainsAny(s, "&<>") {
		return s
	}
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// atomText is an Atom text construct: plain text as type="text", text
// that looks like markup escaped as type="html" so that every reader shows
// it literally.
type atomText struct {
	Type string `xml:"type,attr,omitempty"`
	Text string `xml:",chardata"`
}

func newAtomText(s string) atomText {
	if looksLikeMarkup(s) {
		return atomText{Type: "html", Text: escapeHTMLText(s)}
	}
	return atomText{Text: s}
}

// rssText prepares a plain-text RSS element. RSS cannot say whether its
// titles are text or HTML; text with an end tag in it is escaped as HTML
// so that readers which render titles do not apply the markup.
func rssText(s string) string {
	if hasEndTag(s) {
		return escapeHTMLText(s)
	}
	return s
}

// charRefs rewrites the predefined entities encoding/xml writes for "&",
// "<" and ">" outside CDATA sections as the hexadecimal character
// references the RSS Best Practices Profile recommends: the most readers
// decode them correctly, and the W3C validator takes text with them for
// text rather than escaped HTML. The XML means the same either way.
func charRefs(doc []byte) []byte {
	const cdataStart, cdataEnd = "<![CDATA[", "]]>"
	r := strings.NewReplacer("&amp;", "&#x26;", "&lt;", "&#x3C;", "&gt;", "&#x3E;")
	var out bytes.Buffer
	out.Grow(len(doc) + len(doc)/16)
	s := string(doc)
	for s != "" {
		i := strings.Index(s, cdataStart)
		if i < 0 {
			i = len(s)
		}
		r.WriteString(&out, s[:i])
		s = s[i:]
		if s == "" {
			break
		}
		// encoding/xml splits any "]]>" in the data, so the first one ends
		// the section.
		j := strings.Index(s, cdataEnd)
		if j < 0 {
			out.WriteString(s)
			break
		}
		out.WriteString(s[:j+len(cdataEnd)])
		s = s[j+len(cdataEnd):]
	}
	return out.Bytes()
}
