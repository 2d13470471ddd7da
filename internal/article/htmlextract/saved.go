package htmlextract

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
)

// A page a browser saved "complete" keeps its pictures in a folder beside
// it, named after the page with "_files" (Chrome's, Edge's and Firefox's
// "Web Page, Complete"), and points at them with relative
// addresses such as "Harbour%20reopens_files/wall.jpg". The page still
// names its own address (og:url, canonical), which relative addresses
// are otherwise resolved against; these would then point at a folder
// the site never had. localSaved resolves them against the folder the
// page was found in (the caller's base) before anything else reads them,
// in the body and in the metadata (og:image's content) alike.
func localSaved(doc *html.Node, local *url.URL) {
	if local == nil {
		return
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			for i, a := range n.Attr {
				switch strings.ToLower(a.Key) {
				case "src", "href", "poster", "data-src", "content":
					if savedPath(a.Val) {
						if u, err := url.Parse(strings.TrimSpace(a.Val)); err == nil {
							n.Attr[i].Val = local.ResolveReference(u).String()
						}
					}
				case "srcset":
					n.Attr[i].Val = localSrcset(a.Val, local)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
}

// savedPath reports a relative address into a saved page's "_files"
// folder: its first segment, after an optional "./", ends in "_files".
func savedPath(raw string) bool {
	raw = strings.TrimPrefix(strings.TrimSpace(raw), "./")
	first, rest, ok := strings.Cut(raw, "/")
	if !ok || rest == "" || strings.ContainsAny(first, ":?#") {
		return false
	}
	return strings.HasSuffix(strings.ToLower(first), "_files")
}

// localSrcset resolves the saved-folder candidates of a srcset value.
func localSrcset(v string, local *url.URL) string {
	parts := strings.Split(v, ",")
	changed := false
	for i, p := range parts {
		f := strings.Fields(p)
		if len(f) == 0 || !savedPath(f[0]) {
			continue
		}
		u, err := url.Parse(f[0])
		if err != nil {
			continue
		}
		f[0] = local.ResolveReference(u).String()
		parts[i] = strings.Join(f, " ")
		changed = true
	}
	if !changed {
		return v
	}
	return strings.Join(parts, ", ")
}
