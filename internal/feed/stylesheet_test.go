package feed

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"seedfeed/internal/htmlcheck"
)

func TestStylesheetIsWellFormedXSLT(t *testing.T) {
	doc, err := parseXML(Stylesheet())
	if err != nil {
		t.Fatal(err)
	}
	if doc.root.name.Space != "http://www.w3.org/1999/XSL/Transform" || doc.root.name.Local != "stylesheet" {
		t.Errorf("root element is %v", doc.root.name)
	}
}

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
	pi := []byte(`<?xml-stylesheet type="text/xsl" href="http://localhost:8080/feed.xsl"?>` + "\n")
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

// TestStylesheetInBrowser applies the XSLT as a browser would, with
// libxslt's xsltproc (Debian package xsltproc); skipped when it is absent.
func TestStylesheetInBrowser(t *testing.T) {
	xsltproc, err := exec.LookPath("xsltproc")
	if err != nil {
		t.Skip("xsltproc not installed")
	}
	dir := t.TempDir()
	xsl := filepath.Join(dir, "feed.xsl")
	if err := os.WriteFile(xsl, Stylesheet(), 0o644); err != nil {
		t.Fatal(err)
	}
	// Markup in feed text must reach the page as text, whichever way
	// the feed escaped it.
	items := append(hardItems(), Item{
		ID: "tag:localhost,2024-05-09:script", Slug: "script",
		Title:   `<script>alert("title")</script>`,
		Summary: `<script>alert("summary")</script><img src=x onerror=alert(1)>`,
	}, Item{
		ID: "tag:localhost,2024-05-09:img", Slug: "img",
		Title:   `<img src=x onerror=alert(2)> &lt;/b&gt;`,
		Summary: `<iframe src=x>`,
		Author:  `<object data=x>`,
	})
	for _, tc := range []renderCase{{"full", fullMeta(), items}, {"empty", fullMeta(), nil}} {
		out, err := Render(tc.meta, tc.items)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range []string{PathFeed, PathRSS} {
			t.Run(tc.name+p, func(t *testing.T) {
				in := filepath.Join(dir, tc.name+"-"+strings.TrimPrefix(p, "/"))
				if err := os.WriteFile(in, out[p], 0o644); err != nil {
					t.Fatal(err)
				}
				page, err := exec.Command(xsltproc, "--nonet", xsl, in).Output()
				if err != nil {
					t.Fatalf("xsltproc: %v", err)
				}
				checkFeedPage(t, page, tc, p)
			})
		}
	}
}

func checkFeedPage(t *testing.T, page []byte, tc renderCase, path string) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var code, h1 string
	links := map[string]string{}
	bylines := map[string]string{} // article link -> its meta line
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "article":
				var href, meta string
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					switch {
					case c.Data == "h3" && c.FirstChild != nil && len(c.FirstChild.Attr) > 0:
						href = c.FirstChild.Attr[0].Val
					case c.Data == "p" && len(c.Attr) > 0 && c.Attr[0].Val == "meta":
						meta = htmlcheck.Text(c)
					}
				}
				bylines[href] = meta
			case "script", "img", "iframe", "object":
				t.Errorf("feed text became a <%s> element", n.Data)
			case "code":
				code = htmlcheck.Text(n)
			case "h1":
				h1 = htmlcheck.Text(n)
			case "a":
				for _, a := range n.Attr {
					if a.Key == "href" {
						links[a.Val] = htmlcheck.Text(n)
					}
				}
			}
			for _, a := range n.Attr {
				if strings.HasPrefix(a.Key, "on") {
					t.Errorf("event handler attribute %s on <%s>", a.Key, n.Data)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(doc)
	base := strings.TrimRight(tc.meta.BaseURL, "/")
	if code != base+path {
		t.Errorf("feed URL shown = %q, want %q", code, base+path)
	}
	if h1 != cleanLine(tc.meta.Title) {
		t.Errorf("h1 = %q, want %q", h1, tc.meta.Title)
	}
	if _, ok := links[base+"/"]; !ok {
		t.Error("no link to the website")
	}
	for _, it := range tc.items {
		text, ok := links[base+"/articles/"+it.Slug]
		if !ok || text == "" {
			t.Errorf("no titled link to %s", it.Slug)
		}
		// Every author, not XSLT 1.0's first of a node-set.
		meta := bylines[base+"/articles/"+it.Slug]
		if want := " · " + strings.Join(expectedAuthors(tc.meta, it), ", "); !strings.HasSuffix(meta, want) {
			t.Errorf("%s: byline %q, want it to end %q", it.Slug, meta, want)
		}
	}
	if len(tc.items) == 0 && !bytes.Contains(page, []byte("Nothing published yet.")) {
		t.Error("empty feed page does not say so")
	}
}
