package article

import (
	"strings"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// balanced re-serializes an HTML fragment through the HTML5 parser, so that
// what a page's DOM held as invalid nesting (a heading inside a <p>, stray
// end tags) comes out as the well-formed markup every browser would build
// from it; feed validators flag the original ("Invalid HTML"). A fragment too
// deep for the parser is returned unchanged: it is sanitized already.
func balanced(fragment string) string {
	ctx := &xhtml.Node{Type: xhtml.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := xhtml.ParseFragment(strings.NewReader(fragment), ctx)
	if err != nil {
		return fragment
	}
	var b strings.Builder
	b.Grow(len(fragment))
	for _, n := range nodes {
		if err := xhtml.Render(&b, n); err != nil {
			return fragment
		}
	}
	return b.String()
}
