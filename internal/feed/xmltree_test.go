package feed

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

const nsXML = "http://www.w3.org/XML/1998/namespace"

// xnode is a minimal element tree built from encoding/xml's strict
// tokenizer, so that tests check the bytes themselves rather than what a
// lenient feed parser makes of them.
type xnode struct {
	name  xml.Name
	attrs []xml.Attr
	text  string
	kids  []*xnode
}

type xdoc struct {
	root     *xnode
	procInst []xml.ProcInst
}

// parseXML tokenizes b strictly and fails on anything that is not
// well-formed XML 1.0, including characters outside the Char production.
func parseXML(b []byte) (*xdoc, error) {
	dec := xml.NewDecoder(bytes.NewReader(b))
	dec.Strict = true
	doc := &xdoc{}
	var stack []*xnode
	var text []*strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			n := &xnode{name: t.Name, attrs: t.Attr}
			if len(stack) == 0 {
				if doc.root != nil {
					return nil, fmt.Errorf("second root element %v", t.Name)
				}
				doc.root = n
			} else {
				p := stack[len(stack)-1]
				p.kids = append(p.kids, n)
			}
			stack = append(stack, n)
			text = append(text, &strings.Builder{})
		case xml.EndElement:
			n := stack[len(stack)-1]
			n.text = text[len(text)-1].String()
			stack, text = stack[:len(stack)-1], text[:len(text)-1]
		case xml.CharData:
			if len(text) > 0 {
				text[len(text)-1].Write(t)
			} else if len(bytes.TrimSpace(t)) > 0 {
				return nil, fmt.Errorf("text outside the root element: %q", t)
			}
		case xml.ProcInst:
			if t.Target != "xml" {
				doc.procInst = append(doc.procInst, t.Copy())
			}
		case xml.Directive:
			return nil, fmt.Errorf("unexpected directive %q", t)
		}
	}
	if doc.root == nil {
		return nil, fmt.Errorf("no root element")
	}
	return doc, nil
}

func (n *xnode) all(space, local string) []*xnode {
	var out []*xnode
	for _, k := range n.kids {
		if k.name.Space == space && k.name.Local == local {
			out = append(out, k)
		}
	}
	return out
}

// one returns the only child with that name, or nil when there are none or
// several.
func (n *xnode) one(space, local string) *xnode {
	if all := n.all(space, local); len(all) == 1 {
		return all[0]
	}
	return nil
}

func (n *xnode) attr(space, local string) (string, bool) {
	for _, a := range n.attrs {
		if a.Name.Space == space && a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// walk visits n and every element under it.
func (n *xnode) walk(f func(*xnode)) {
	f(n)
	for _, k := range n.kids {
		k.walk(f)
	}
}

// childText is the text of the only child with that name; "" when absent.
func (n *xnode) childText(space, local string) string {
	if c := n.one(space, local); c != nil {
		return c.text
	}
	return ""
}
