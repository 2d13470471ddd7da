package feed

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzRender feeds arbitrary text to every string an article contributes
// and requires well-formed, clean, absolute-URL output in every format,
// with the lead (subtitle, figure, dateline) ahead of the body and every
// author named. The arguments serve several fields each, which keeps the
// seeds in testdata/fuzz/FuzzRender valid.
func FuzzRender(f *testing.F) {
	for _, it := range hardItems() {
		tag := ""
		if len(it.Tags) > 0 {
			tag = it.Tags[0]
		}
		f.Add(it.Title, it.Summary, it.ContentHTML, tag, it.Author, true)
	}
	f.Fuzz(func(t *testing.T, title, summary, content, tag, author string, full bool) {
		meta := fullMeta()
		meta.FullContent = full
		meta.Subtitle = summary
		items := []Item{{
			ID: "tag:localhost,2024-05-01:fuzz", Slug: "fuzz",
			Title: title, Summary: summary, ContentHTML: content, Author: author,
			Subtitle: summary, Authors: strings.Split(author, ","), Dateline: tag,
			Figures: []Figure{{Caption: title, Credit: author}, {Credit: tag}},
			Tags:    []string{tag, title}, Published: date("2024-05-01T00:00:00Z"),
		}}
		lead, authors := expectedLead(items[0]), expectedAuthors(meta, items[0])
		out, err := Render(meta, items)
		if err != nil {
			t.Fatal(err)
		}
		again, err := Render(meta, items)
		if err != nil {
			t.Fatal(err)
		}
		for p, b := range out {
			if !bytes.Equal(b, again[p]) {
				t.Fatalf("%s: not deterministic", p)
			}
		}
		for _, p := range []string{PathFeed, PathAtom, PathRSS} {
			doc, err := parseXML(out[p])
			if err != nil {
				t.Fatalf("%s is not well-formed: %v\n%s", p, err, out[p])
			}
			entries := 0
			doc.root.walk(func(n *xnode) {
				checkChars(t, p+" "+n.name.Local, n.text)
				for _, a := range n.attrs {
					checkChars(t, p+" "+n.name.Local+"@"+a.Name.Local, a.Value)
				}
				switch {
				case n.name.Local == "entry" || n.name.Local == "item":
					entries++
				case n.name.Local == "content" || n.name.Space == nsContent && n.name.Local == "encoded":
					checkContentURLs(t, p+" content", n.text)
					checkLead(t, p+" content", n.text, lead)
				case n.name.Local == "entry":
					var names []string
					for _, a := range n.all(nsAtom, "author") {
						names = append(names, a.childText(nsAtom, "name"))
					}
					if !slices.Equal(names, authors) {
						t.Errorf("%s authors %q, want %q", p, names, authors)
					}
				}
			})
			if entries != 1 {
				t.Fatalf("%s: %d entries, want 1", p, entries)
			}
		}
		if !utf8.Valid(out[PathJSON]) {
			t.Fatal("JSON feed is not UTF-8")
		}
		var jf struct {
			Items []struct {
				ID          string `json:"id"`
				ContentHTML string `json:"content_html"`
				ContentText string `json:"content_text"`
			} `json:"items"`
		}
		if err := json.Unmarshal(out[PathJSON], &jf); err != nil {
			t.Fatalf("JSON feed: %v", err)
		}
		if len(jf.Items) != 1 || jf.Items[0].ID == "" || jf.Items[0].ContentHTML == "" && jf.Items[0].ContentText == "" {
			t.Fatalf("JSON item: %+v", jf.Items)
		}
		checkContentURLs(t, "content_html", jf.Items[0].ContentHTML)
		if full {
			checkLead(t, "content_html", jf.Items[0].ContentHTML, lead)
		}
	})
}
