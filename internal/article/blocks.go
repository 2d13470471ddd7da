package article

import (
	"cmp"
	"fmt"
	"net/url"
	"strings"

	"seedfeed/internal/article/htmlextract"
)

// bodyBlock is one paragraph of a body read from a document's own markup
// (reStructuredText, AsciiDoc) and what it is. A picture's text is its
// caption, src and alt its address and alt text as written.
type bodyBlock struct {
	text     string
	kind     int8
	src, alt string
}

// The kinds of bodyBlock.
const (
	blockPara int8 = iota
	blockHeading
	blockLiteral
	blockBullet
	blockPicture
)

// blocksHTML renders the blocks as their HTML: a section title as a heading,
// a literal block preformatted, bullets as a list, a picture as a figure
// (its address resolved as a Markdown picture's), the rest paragraphs.
func blocksHTML(blocks []bodyBlock, base, files *url.URL) string {
	var b strings.Builder
	for i, bl := range blocks {
		if i > 0 {
			b.WriteByte('\n')
		}
		open, close := "<p>", "</p>"
		switch bl.kind {
		case blockPicture:
			src := bl.src
			if base != nil {
				src = pictureRef(src, base, files)
			}
			if src = pictureURL(src, nil); src == "" {
				continue // no address, or a script's
			}
			b.WriteString(`<figure><img src="`)
			writeEscaped(&b, src)
			b.WriteString(`" alt="`)
			writeEscaped(&b, bl.alt)
			b.WriteString(`">`)
			if bl.text != "" {
				b.WriteString("<figcaption>")
				writeEscaped(&b, bl.text)
				b.WriteString("</figcaption>")
			}
			b.WriteString("</figure>")
			continue
		case blockHeading:
			open, close = "<h2>", "</h2>"
		case blockLiteral:
			open, close = "<pre>", "</pre>"
		case blockBullet:
			open, close = "<li>", "</li>"
			if i == 0 || blocks[i-1].kind != blockBullet {
				open = "<ul>" + open
			}
			if i+1 == len(blocks) || blocks[i+1].kind != blockBullet {
				close += "</ul>"
			}
		}
		b.WriteString(open)
		writeEscaped(&b, bl.text)
		b.WriteString(close)
	}
	return b.String()
}

// setBody fills a's body from the blocks of a document of the named
// format: its paragraphs (pictures apart), the captions of its pictures,
// its HTML and its pictures' addresses.
func setBody(a *Article, blocks []bodyBlock, opts Options, format string) error {
	for _, bl := range blocks {
		if bl.kind != blockPicture {
			a.BodyParagraphs = append(a.BodyParagraphs, bl.text)
		} else if c := cmp.Or(bl.text, bl.alt); c != "" {
			a.Images = append(a.Images, Image{Caption: c})
		}
	}
	if len(a.BodyParagraphs) == 0 {
		return fmt.Errorf("%w: the %s has no body text", ErrNoBody, format)
	}
	base := baseURL(opts.BaseURL)
	// The sanitizer has the last word on a picture's address, as on a
	// Markdown one's ("javascript:" leaves).
	a.BodyHTML = strings.TrimSpace(htmlextract.Sanitizer().Sanitize(blocksHTML(blocks, base, baseURL(opts.FilesURL))))
	a.Pictures = bodyPictures(a.BodyHTML, base)
	return nil
}

// setHeader gives a the fields of a document's own header: its front
// matter's, or else the title and subtitle its markup sets.
func (fm frontMatter) setHeader(a *Article, title, subtitle string) {
	a.Title, a.Subtitle = cmp.Or(fm.Title, title), cmp.Or(fm.Subtitle, subtitle)
	a.Author, a.Authors = fm.Author, fm.Authors
	a.Summary, a.Slug, a.Tags = fm.Summary, fm.Slug, fm.Tags
	a.Published, a.Updated, a.Draft = fm.Date, fm.Updated, fm.Draft
}
