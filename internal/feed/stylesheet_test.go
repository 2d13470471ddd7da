package feed

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
	"time"
)

// TestStylesheetOnlyAddsAProcessingInstruction checks that what feed
// readers see does not depend on the stylesheet.
func TestStylesheetOnlyAddsAProcessingInstruction(t *testing.T) {
	with, err := Render(fullMeta(), hardItems())
	if err != nil {
		t.Fatal(err)
	}
	m := fullMeta()
	m.Stylesheet = ""
	without, err := Render(m, hardItems())
	if err != nil {
		t.Fatal(err)
	}
	pi := []byte(`<?xml-stylesheet type="text/css" href="http://localhost:8080/feed.css"?>` + "\n")
	for _, p := range []string{PathFeed, PathAtom, PathRSS} {
		if !bytes.Contains(with[p], pi) {
			t.Errorf("%s: no stylesheet instruction", p)
		}
		if got := bytes.Replace(with[p], pi, nil, 1); !bytes.Equal(got, without[p]) {
			t.Errorf("%s: the stylesheet changed more than the processing instruction", p)
		}
	}
	if !bytes.Equal(with[PathJSON], without[PathJSON]) {
		t.Error("the stylesheet changed the JSON feed")
	}
}

// TestStylesheetModifiedFollowsItsBytes fails when feed.css changes and
// StylesheetModified does not: Last-Modified must move with the bytes, or
// a client revalidating with If-Modified-Since alone keeps the old ones.
func TestStylesheetModifiedFollowsItsBytes(t *testing.T) {
	sum := sha256.Sum256(Stylesheet())
	if got := hex.EncodeToString(sum[:]); got != stylesheetSHA256 {
		t.Errorf("feed.css changed (SHA-256 %s, recorded %s): set StylesheetModified to the time of the change and stylesheetSHA256 to the new sum", got, stylesheetSHA256)
	}
	if StylesheetModified.IsZero() || StylesheetModified.Location() != time.UTC || StylesheetModified.Nanosecond() != 0 {
		t.Errorf("StylesheetModified %v: want a whole second in UTC", StylesheetModified)
	}
}

// TestStylesheetShowsWhatTheFeedsHold checks that every element feed.css
// makes visible is where the stylesheet looks for it in the rendered Atom
// and RSS feeds, for every item, so that a change of the renderers cannot
// leave the browser view blank unnoticed.
func TestStylesheetShowsWhatTheFeedsHold(t *testing.T) {
	out, err := Render(fullMeta(), hardItems())
	if err != nil {
		t.Fatal(err)
	}
	css := string(Stylesheet())
	tests := []struct {
		path     string
		selector string
		// chain of local names from the root; "*" steps into every item
		chain []string
		attr  string // rel value the last element must carry, if any
	}{
		{PathFeed, "feed > title", []string{"title"}, ""},
		{PathFeed, `feed > link[rel="self"]`, []string{"link"}, "self"},
		{PathFeed, "entry > title", []string{"entry", "*", "title"}, ""},
		{PathFeed, "entry > published", []string{"entry", "*", "published"}, ""},
		{PathFeed, "entry > author > name", []string{"entry", "*", "author", "name"}, ""},
		{PathFeed, "entry > summary", []string{"entry", "*", "summary"}, ""},
		{PathRSS, "channel > title", []string{"channel", "title"}, ""},
		{PathRSS, `channel > link[rel="self"]`, []string{"channel", "link"}, "self"},
		{PathRSS, "item > title", []string{"channel", "item", "*", "title"}, ""},
		{PathRSS, "item > pubDate", []string{"channel", "item", "*", "pubDate"}, ""},
		{PathRSS, "item > creator", []string{"channel", "item", "*", "creator"}, ""},
		{PathRSS, "item > description", []string{"channel", "item", "*", "description"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.path+" "+tt.selector, func(t *testing.T) {
			if !strings.Contains(css, tt.selector) {
				t.Fatalf("feed.css has no %q", tt.selector)
			}
			doc, err := parseXML(out[tt.path])
			if err != nil {
				t.Fatal(err)
			}
			nodes := []*xnode{doc.root}
			for i, name := range tt.chain {
				if name == "*" {
					continue // the previous step already kept every match
				}
				var next []*xnode
				for _, n := range nodes {
					var found []*xnode
					for _, k := range n.kids {
						if k.name.Local == name && (i < len(tt.chain)-1 || tt.attr == "" || attrOf(k, "rel") == tt.attr) {
							found = append(found, k)
						}
					}
					if len(found) == 0 {
						t.Fatalf("a <%s> has no <%s> child", n.name.Local, name)
					}
					if i+1 < len(tt.chain) && tt.chain[i+1] == "*" {
						next = append(next, found...)
					} else {
						next = append(next, found[0])
					}
				}
				nodes = next
			}
			if len(nodes) == 0 {
				t.Fatal("nothing found")
			}
		})
	}
}

func attrOf(n *xnode, local string) string {
	for _, a := range n.attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
