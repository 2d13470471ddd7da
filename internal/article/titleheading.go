package article

import (
	"html"
	"strings"

	nethtml "golang.org/x/net/html"
)

// dropTitleHeading takes out of a body's HTML the heading it opens with
// when that heading is the article's title, as the paragraphs lose it:
// readability keeps a short page's <h1> (as an <h2>), and the page and
// every feed would show the headline twice. Anything else before the
// heading but wrappers (text, a paragraph, a picture) leaves the body as
// it is.
func dropTitleHeading(body, title string) string {
	if title == "" {
		return body
	}
	z := nethtml.NewTokenizer(strings.NewReader(body))
	off := 0
	for {
		tt := z.Next()
		start := off
		off += len(z.Raw())
		switch tt {
		case nethtml.ErrorToken:
			return body
		case nethtml.TextToken:
			if strings.TrimSpace(string(z.Raw())) != "" {
				return body
			}
		case nethtml.StartTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "div", "article", "section", "header", "main":
				continue
			case "h1", "h2", "h3", "h4", "h5", "h6":
			default:
				return body
			}
			tag := string(name)
			var text strings.Builder
			for {
				tt := z.Next()
				off += len(z.Raw())
				switch tt {
				case nethtml.ErrorToken:
					return body
				case nethtml.TextToken:
					text.WriteString(html.UnescapeString(string(z.Raw())))
					continue
				case nethtml.EndTagToken:
					if n, _ := z.TagName(); string(n) != tag {
						continue
					}
				default:
					continue
				}
				break
			}
			if !strings.EqualFold(collapseSpace(text.String()), collapseSpace(title)) {
				return body
			}
			return body[:start] + strings.TrimLeft(body[off:], "\n")
		default:
			if tt != nethtml.EndTagToken {
				return body
			}
		}
	}
}
