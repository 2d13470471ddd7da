package article

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxAltLen bounds alt text taken as a caption; longer alt text is a
// description for screen readers, not a caption.
const maxAltLen = 300

// htmlImages reads the pictures of a sanitized HTML body: each <figure> by
// its <figcaption> (split into caption and credit as a plain-text caption
// line would be), else by its image's alt text; each <img> outside a
// figure by its alt text. An image's title is its credit when the caption
// gives none. Each distinct image is listed once, in page order.
func htmlImages(body string) []Image {
	if !strings.Contains(body, "<img") && !strings.Contains(body, "<figure") {
		return nil
	}
	doc, err := html.Parse(strings.NewReader(body))
	if err != nil {
		return nil
	}
	var out []Image
	add := func(im Image) {
		im.Caption = collapseSpace(im.Caption)
		im.Credit = collapseSpace(im.Credit)
		if im == (Image{}) {
			return
		}
		for _, have := range out {
			if have == im {
				return
			}
		}
		out = append(out, im)
	}
	// The walk is iterative: a hostile page may nest deeper than a
	// recursive walk should go.
	stack := []*html.Node{doc}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Figure:
				add(figureImage(n))
				continue
			case atom.Img:
				add(imgImage(n))
				continue
			case atom.A:
				// A picture that is a link outside a figure is a
				// teaser, a logo or an advertisement: it heads
				// another page, not this article.
				continue
			}
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	return out
}

// figureImage reads one figure: its caption, else its first image's alt
// text; its credit from the caption, else from the image's title.
func figureImage(fig *html.Node) Image {
	var img, capt *html.Node
	stack := []*html.Node{fig}
	for len(stack) > 0 && (img == nil || capt == nil) {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode {
			switch {
			case n.DataAtom == atom.Img && img == nil:
				img = n
			case n.DataAtom == atom.Figcaption && capt == nil:
				capt = n
				continue
			}
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	var im Image
	if capt != nil {
		im = figcaptionImage(captionParts(capt))
	}
	if img != nil {
		alt := imgImage(img)
		if im.Caption == "" {
			im.Caption = alt.Caption
		}
		if im.Credit == "" && alt.Credit != im.Caption {
			im.Credit = alt.Credit
		}
	}
	return im
}

// maxCreditWords bounds a credit read without a label: a figcaption part
// ("Getty", "Jo Sands/Reuters"), or a copyright notice under a picture
// between a byline and the story ("© Maizal / stock.adobe.com").
const maxCreditWords = 6

// figcaptionImage reads the parts of a figcaption (its blocks, and the
// <small> and <cite> elements that sites put credits in): the first is
// the caption, split as a plain-text caption line is ("... (Photo: X)");
// a later part gives the credit when it holds or is one and none was
// found (what it holds besides continues the caption), and is dropped
// when it repeats the credit; anything else continues the caption.
func figcaptionImage(parts []string) Image {
	var im Image
	for k, p := range parts {
		if k == 0 && len(parts) > 1 && markedCredit(p) {
			// Some sites put the credit first: "Jo Sands | Getty
			// Images", then the caption.
			im.Credit = p
			continue
		}
		if k == 0 {
			// A caption line marked as one ("... (Photo: X)", "Image 1
			// of 8") is split as in plain text.
			if parsed, ok := parseCaption(p); ok {
				im = parsed
			} else {
				im.Caption = p
			}
			continue
		}
		parsed, ok := parseCaption(p)
		switch {
		case ok && parsed.Credit != "" && im.Credit == "":
			im.Credit = parsed.Credit
			im.Caption = strings.TrimSpace(im.Caption + " " + parsed.Caption)
		case ok && parsed.Caption == "" && parsed.Credit != "":
			// A second credit line: the first one found stays.
		case im.Credit != "" && strings.Contains(im.Credit, p):
		case im.Credit == "" && (isAgency(p) || wordCount(p) <= maxCreditWords && !strings.ContainsAny(p, ".!?")):
			im.Credit = p
		default:
			im.Caption = strings.TrimSpace(im.Caption + " " + p)
		}
	}
	return im
}

// markedCredit reports whether a short figcaption part is a credit by its
// marks: a known agency or picture library, or names joined by a slash or
// a bar ("Jo Sands/Reuters", "Alex Wong | Getty Images").
func markedCredit(p string) bool {
	if wordCount(p) > maxCreditWords || strings.ContainsAny(p, ".!?()[]") {
		return false
	}
	return isAgency(p) || libraryCredit(p) || strings.ContainsAny(p, "/|")
}

// captionParts splits a figcaption's text at its blocks and at <small>
// and <cite> elements, whitespace collapsed, empty parts dropped.
func captionParts(capt *html.Node) []string {
	var parts []string
	var b strings.Builder
	flush := func() {
		if t := collapseSpace(b.String()); t != "" {
			parts = append(parts, t)
		}
		b.Reset()
	}
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				b.WriteString(c.Data)
			case c.Type != html.ElementNode:
			case c.DataAtom == atom.Br:
				b.WriteByte(' ')
			case c.DataAtom == atom.Script || c.DataAtom == atom.Style:
			case depth < maxCaptionDepth && splitsCaption(c.DataAtom):
				flush()
				walk(c, depth+1)
				flush()
			case depth < maxCaptionDepth:
				walk(c, depth+1)
			}
		}
	}
	walk(capt, 0)
	flush()
	return parts
}

// maxCaptionDepth bounds the walk of a figcaption: the sanitized tree of
// a hostile page may nest deeply, and no caption does.
const maxCaptionDepth = 32

func splitsCaption(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Small, atom.Cite, atom.Li, atom.Ul, atom.Ol, atom.Blockquote, atom.Section,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// imgImage reads an image by its alt text and title.
func imgImage(n *html.Node) Image {
	var alt, title string
	for _, a := range n.Attr {
		switch a.Key {
		case "alt":
			alt = collapseSpace(a.Val)
		case "title":
			title = collapseSpace(a.Val)
		}
	}
	if len(alt) > maxAltLen || uninformativeAlt(alt) {
		alt = ""
	}
	credit := title
	if c, ok := labelledCredit(title, true); ok {
		credit = c
	}
	if credit == alt || len(credit) > maxCreditLine {
		credit = ""
	}
	if alt == "" && credit == "" {
		return Image{}
	}
	return Image{Caption: alt, Credit: credit}
}

// uninformativeAlt reports whether alt text says nothing a caption could:
// a file name ("IMG_0042.jpg", "design-week-2018-lamps-02"), or a single
// word, which is a placeholder ("image") or a label such as a brand name
// rather than a description of the picture. Text in scripts written
// without spaces is judged by its length instead.
func uninformativeAlt(alt string) bool {
	if pictureFile(alt) {
		return true
	}
	if strings.ContainsRune(alt, ' ') {
		return false
	}
	cjk := 0
	for _, r := range alt {
		if cjkRune(r) {
			cjk++
		}
	}
	return cjk < 4
}

func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
