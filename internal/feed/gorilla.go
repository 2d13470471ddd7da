package feed

import (
	"bytes"
	"encoding/xml"

	"github.com/gorilla/feeds"
)

// gorillaFeed is the common input of the three gorilla/feeds converters.
// Every field it sets is already clean; the renderers then fix what each
// converter gets wrong. Items get no author here: gorilla/feeds has room
// for one, and each renderer writes every one of them itself.
func gorillaFeed(d *doc) *feeds.Feed {
	f := &feeds.Feed{
		Title:       d.title,
		Link:        &feeds.Link{Href: d.home},
		Description: d.subtitle,
		Author:      &feeds.Author{Name: d.author},
		Updated:     d.updated,
		Items:       make([]*feeds.Item, len(d.entries)),
	}
	for i, e := range d.entries {
		f.Items[i] = &feeds.Item{
			Id:          e.id,
			IsPermaLink: "false",
			Title:       e.title,
			Link:        &feeds.Link{Href: e.link, Type: "text/html"},
			Description: e.summary,
			Content:     e.content,
			Created:     e.published,
			Updated:     e.updated,
		}
	}
	return f
}

// marshalXML writes an XML declaration, the stylesheet processing
// instruction when there is one, and v indented, with character
// references as charRefs explains.
func marshalXML(stylesheet string, v any) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if stylesheet != "" {
		pi := xml.ProcInst{Target: "xml-stylesheet", Inst: []byte(`type="text/css" href="` + stylesheet + `"`)}
		if err := enc.EncodeToken(pi); err != nil {
			return nil, err
		}
		if err := enc.Flush(); err != nil {
			return nil, err
		}
		buf.WriteByte('\n')
	}
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return charRefs(buf.Bytes()), nil
}
