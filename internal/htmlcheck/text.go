package htmlcheck

import (
	"strings"

	"golang.org/x/net/html"
)

// Text is the text of n and everything under it with whitespace collapsed,
// as a person reads it: what tests compare a rendered page or feed body
// with.
func Text(n *html.Node) string {
	var b strings.Builder
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(n)
	return strings.Join(strings.Fields(b.String()), " ")
}
