package htmlextract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// para is one block of text and the innermost block element holding it.
type para struct {
	text string
	node *html.Node
}

// isBlock reports whether an element starts and ends a paragraph: the
// same set the corpus scrapes were made with, so that the line classifier
// sees HTML the way it sees plain text.
func isBlock(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Body, atom.Br, atom.Button,
		atom.Caption, atom.Center, atom.Dd, atom.Details, atom.Dialog, atom.Div, atom.Dl, atom.Dt,
		atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer, atom.Form, atom.H1, atom.H2, atom.H3,
		atom.H4, atom.H5, atom.H6, atom.Header, atom.Hr, atom.Html, atom.Iframe, atom.Legend, atom.Li,
		atom.Main, atom.Menu, atom.Nav, atom.Noscript, atom.Ol, atom.Option, atom.P, atom.Pre,
		atom.Section, atom.Select, atom.Summary, atom.Table, atom.Tbody, atom.Td, atom.Textarea,
		atom.Tfoot, atom.Th, atom.Thead, atom.Tr, atom.Ul:
		return true
	}
	return false
}

// skipped elements hold no readable text.
func skipped(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Template, atom.Head, atom.Noscript, atom.Svg, atom.Math, atom.Iframe,
		atom.Select, atom.Option, atom.Textarea, atom.Button:
		return true
	}
	return false
}

// paragraphs flattens the text under root into blocks. With wholePage, the
// root is a whole document (the head is skipped); otherwise it is an
// article body.
func paragraphs(root *html.Node, wholePage bool) []para {
	var out []para
	var b strings.Builder
	var blocks []*html.Node
	flush := func() {
		if b.Len() == 0 {
			return
		}
		text := collapse(b.String())
		b.Reset()
		if text == "" {
			return
		}
		var n *html.Node
		if len(blocks) > 0 {
			n = blocks[len(blocks)-1]
		}
		out = append(out, para{text: text, node: n})
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			if skipped(n) {
				if isBlock(n.DataAtom) {
					flush()
				}
				return
			}
			if isBlock(n.DataAtom) {
				flush()
				blocks = append(blocks, n)
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c)
				}
				flush()
				blocks = blocks[:len(blocks)-1]
				return
			}
		case html.CommentNode, html.DoctypeNode:
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	if !wholePage {
		blocks = append(blocks, root)
	}
	walk(root)
	flush()
	return out
}
