package article

import (
	"path"
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
		text := collapseSpace(nodeText(capt))
		// A caption line marked as one ("... (Photo: X)", "Image 1
		// of 8") is split as in plain text.
		if parsed, ok := parseCaption(text); ok {
			im = parsed
		} else {
			im.Caption = text
		}
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

// imgImage reads an image by its alt text and title. Alt text that is a
// file name or a lone generic word says nothing about the picture.
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
	if len(alt) > maxAltLen || fileNameAlt(alt) {
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

// fileNameAlt reports whether alt text is only a file name ("IMG_0042.jpg")
// or a placeholder word ("image", "photo").
func fileNameAlt(alt string) bool {
	if strings.ContainsRune(alt, ' ') {
		return false
	}
	switch strings.ToLower(path.Ext(alt)) {
	case ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".avif", ".bmp", ".tif", ".tiff":
		return true
	}
	switch strings.ToLower(alt) {
	case "image", "photo", "picture", "img", "foto", "bild", "thumbnail", "placeholder":
		return true
	}
	return false
}

// nodeText is the text under n, with line breaks as spaces.
func nodeText(n *html.Node) string {
	var b strings.Builder
	stack := []*html.Node{n}
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch {
		case c.Type == html.TextNode:
			b.WriteString(c.Data)
		case c.Type == html.ElementNode && c.DataAtom == atom.Br:
			b.WriteByte(' ')
		case c.Type == html.ElementNode && (c.DataAtom == atom.Script || c.DataAtom == atom.Style):
			continue
		}
		for k := c.LastChild; k != nil; k = k.PrevSibling {
			stack = append(stack, k)
		}
	}
	return b.String()
}

func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
