package article

import (
	"bytes"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"seedfeed/internal/article/htmlextract"
)

// parseMarkdown reads Markdown with optional YAML front matter. The body is
// rendered by goldmark without raw HTML and then sanitized, so a seed file
// cannot inject markup into the feeds.
func parseMarkdown(src string, opts Options, a *Article) error {
	fm, body, warns := frontMatterOf(src, opts, true)
	a.Warnings = append(a.Warnings, warns...)
	body, templates := siteTemplates(withoutComments(body), opts.FilesURL)
	if len(templates) > 0 {
		a.Removed[kindTemplate] = templates
	}
	guard := guardMarkdown(body)
	a.Warnings = append(a.Warnings, guard.warnings...)
	source := []byte(guard.text)
	exts := []goldmark.Extender{extension.GFM, extension.Footnote, extension.DefinitionList, wikiLinks{}}
	if guard.noNotes {
		exts = slices.DeleteFunc(exts, func(e goldmark.Extender) bool { return e == extension.Footnote })
	}
	md := goldmark.New(goldmark.WithExtensions(exts...),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(figureRenderer{}, 500))))
	doc := md.Parser().Parse(text.NewReader(source))
	base := baseURL(opts.BaseURL)

	mr := mdReader{source: source, a: a}
	mr.dropRawText(doc)
	blockProperties(doc, source)
	checkBoxes(doc)
	dropEmptyParagraphs(doc)
	mr.takeTitle(doc, fm.Title)
	files := baseURL(opts.FilesURL)
	mr.absolutize(doc, base, files)
	mr.collect(doc)
	mr.takeLead(doc)
	mr.figures(doc)

	var buf bytes.Buffer
	if err := md.Renderer().Render(&buf, source, doc); err != nil {
		return fmt.Errorf("markdown: render: %w", err)
	}
	a.BodyHTML = strings.TrimSpace(htmlextract.Sanitizer().Sanitize(buf.String()))
	if len(a.BodyParagraphs) == 0 {
		return fmt.Errorf("%w: the Markdown has no body text", ErrNoBody)
	}

	if fm.Title != "" {
		a.Title = fm.Title
	}
	if fm.Subtitle != "" {
		a.Subtitle = fm.Subtitle
	}
	if fm.Author != "" {
		a.Author = fm.Author
		a.Authors = fm.Authors
	}
	if fm.Summary != "" {
		a.Summary = fm.Summary
	} else if teaser := mr.beforeMore(doc); teaser != "" {
		a.Summary = summarize(teaser)
	}
	a.Slug = fm.Slug
	a.Tags = fm.Tags
	lead := fm.Image
	if lead != "" && base != nil {
		lead = pictureRef(lead, base, files)
	}
	a.Pictures = withLead(pictureURL(lead, base), bodyPictures(a.BodyHTML, base))
	a.Draft = fm.Draft
	a.Published = fm.Date
	a.Updated = fm.Updated
	for _, m := range []*dateMatch{mr.h.published, mr.h.updated} {
		inSiteOrder(m, opts.Language)
	}
	mr.h.apply(a, opts)
	if fm.Author == "" && len(mr.names) > 1 && a.Author == mr.h.author {
		// "By Jane Roe and John Doe": two authors, as the text reader
		// and the feeds have them.
		a.Authors = mr.names
		a.Author = strings.Join(mr.names, ", ")
	}
	return nil
}

// baseURL parses Options.BaseURL; a relative or broken one is no base.
func baseURL(s string) *url.URL {
	if s == "" {
		return nil
	}
	u, err := url.Parse(s)
	if err != nil || !u.IsAbs() {
		return nil
	}
	return u
}

// mdReader walks a goldmark document once for the article's fields.
type mdReader struct {
	source []byte
	a      *Article
	h      headerFacts
	// blocks maps each body paragraph to its node, for takeLead.
	blocks []ast.Node
	// names are the authors a byline at the top of the body names, one
	// each.
	names []string
}

// takeTitle uses the first level-1 heading as the title when the front
// matter gives none, and removes it from the body; it also removes a
// leading heading that repeats the front matter's title. Without either,
// a first paragraph that is one plain line shaped as a title is the title.
func (mr *mdReader) takeTitle(doc ast.Node, fmTitle string) {
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		switch n.Kind() {
		case ast.KindThematicBreak, ast.KindHTMLBlock, ast.KindLinkReferenceDefinition:
			continue
		case ast.KindHeading:
			if n.(*ast.Heading).Level != 1 {
				return
			}
			t := mr.inlineText(n)
			if fmTitle == "" || strings.EqualFold(strings.TrimSpace(t), strings.TrimSpace(fmTitle)) {
				mr.a.Title = t
				doc.RemoveChild(doc, n)
			}
			return
		case ast.KindParagraph:
			// A file with no front matter title and no heading that
			// opens with a line of plain text shaped as a title, over
			// more text, is headed by it as a text file is.
			if fmTitle == "" && n.NextSibling() != nil && n.Lines().Len() == 1 && plainInline(n) {
				// A front matter's field ("title: …" under a front
				// matter that never closed) is no title line.
				if t := strings.TrimSpace(mr.inlineText(n)); !frontMatterField(t) && (headlineShape(t) && titleShape(t) || oneWordTitle(t) || questionTitle(t)) {
					mr.a.Title = t
					doc.RemoveChild(doc, n)
				}
			}
			return
		default:
			return
		}
	}
}

// frontMatterField reports a line that is one of front matter's fields.
func frontMatterField(s string) bool {
	_, ok := fieldWith(s, frontMatterKeys)
	return ok
}

// plainInline reports a block of text and emphasis only: no link, image,
// code or raw HTML, which a title line does not hold.
func plainInline(n ast.Node) bool {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.Kind() {
		case ast.KindText, ast.KindString:
		case ast.KindEmphasis:
			if !plainInline(c) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// absolutize resolves relative link and image destinations against base.
func (mr *mdReader) absolutize(doc ast.Node, base, files *url.URL) {
	if base == nil {
		return
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch v := n.(type) {
		case *ast.Link:
			v.Destination = resolveRef(base, v.Destination)
		case *ast.Image:
			v.Destination = []byte(pictureRef(string(v.Destination), base, files))
		}
		return ast.WalkContinue, nil
	})
}

// pictureRef resolves a Markdown picture's address: against the article's
// folder, or, written from the root ("/images/x.jpg"), against the seeds
// folder's root as the site serves it (Options.FilesURL).
func pictureRef(dest string, base, files *url.URL) string {
	if files != nil && strings.HasPrefix(dest, "/") && !strings.HasPrefix(dest, "//") {
		return string(resolveRef(files, []byte(strings.TrimLeft(dest, "/"))))
	}
	return string(resolveRef(base, []byte(dest)))
}

func resolveRef(base *url.URL, dest []byte) []byte {
	u, err := url.Parse(string(dest))
	if err != nil || u.IsAbs() {
		return dest
	}
	return []byte(base.ResolveReference(u).String())
}

// moreLine is the divider Hugo and Jekyll end a post's summary at.
var moreLine = regexp.MustCompile(`^\s*<!--\s*more\s*-->\s*$`)

// beforeMore returns the body's text above a "<!--more-->" line, which
// Hugo and Jekyll show as the post's summary, "" when the post has no
// such line or nothing above it. goldmark reads the line as an HTML
// block of its own (inside a code block it is code, and no such block).
func (mr *mdReader) beforeMore(doc ast.Node) string {
	at := -1
	for n := doc.FirstChild(); n != nil && at < 0; n = n.NextSibling() {
		if hb, ok := n.(*ast.HTMLBlock); ok && hb.Lines().Len() > 0 && moreLine.Match(hb.Lines().Value(mr.source)) {
			at = hb.Lines().At(0).Start
		}
	}
	if at < 0 {
		return ""
	}
	var parts []string
	for i, n := range mr.blocks {
		if start, ok := blockStart(n); !ok || start >= at || i >= len(mr.a.BodyParagraphs) {
			break
		}
		parts = append(parts, mr.a.BodyParagraphs[i])
	}
	return strings.Join(parts, " ")
}

// blockStart is the offset in the source of a block's first line.
func blockStart(n ast.Node) (int, bool) {
	for ; n != nil; n = n.FirstChild() {
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			return n.Lines().At(0).Start, true
		}
	}
	return 0, false
}

// collect turns the top-level blocks into plain-text paragraphs: one per
// paragraph, heading, list item, quoted block, table row or code block.
// Images become Images, by their alt text and title.
func (mr *mdReader) collect(doc ast.Node) {
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		mr.block(n)
	}
}

func (mr *mdReader) block(n ast.Node) {
	switch n.Kind() {
	case ast.KindParagraph, ast.KindTextBlock, ast.KindHeading:
		mr.images(n)
		if t := strings.TrimSpace(mr.inlineText(n)); t != "" {
			mr.imageCaption(n, t)
			mr.add(t, n)
		}
	case ast.KindList:
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			// An item's own text comes before the list nested in it.
			var parts []string
			flush := func() {
				if len(parts) > 0 {
					mr.add(strings.Join(parts, " "), item)
					parts = parts[:0]
				}
			}
			for c := item.FirstChild(); c != nil; c = c.NextSibling() {
				mr.images(c)
				if c.Kind() == ast.KindList {
					flush()
					mr.block(c)
					continue
				}
				if t := strings.TrimSpace(mr.inlineText(c)); t != "" {
					parts = append(parts, t)
				}
			}
			flush()
		}
	case ast.KindBlockquote, east.KindDefinitionDescription, east.KindFootnote:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			mr.block(c)
		}
	case east.KindDefinitionList, east.KindFootnoteList:
		// A term and its description are paragraphs of their own, as
		// an HTML page's <dt> and <dd> are; the notes come last, as
		// the page prints them.
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if c.Kind() == east.KindDefinitionTerm {
				if t := strings.TrimSpace(mr.inlineText(c)); t != "" {
					mr.add(t, c)
				}
				continue
			}
			mr.block(c)
		}
	case ast.KindCodeBlock, ast.KindFencedCodeBlock:
		var b strings.Builder
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			b.Write(seg.Value(mr.source))
		}
		if t := strings.TrimRight(b.String(), "\n"); strings.TrimSpace(t) != "" {
			mr.add(t, n)
		}
	case east.KindTable:
		for row := n.FirstChild(); row != nil; row = row.NextSibling() {
			var cells []string
			for c := row.FirstChild(); c != nil; c = c.NextSibling() {
				cells = append(cells, strings.TrimSpace(mr.inlineText(c)))
			}
			if t := strings.Join(cells, " | "); strings.Trim(t, " |") != "" {
				mr.add(t, n)
			}
		}
	}
}

func (mr *mdReader) add(t string, n ast.Node) {
	mr.a.BodyParagraphs = append(mr.a.BodyParagraphs, t)
	mr.blocks = append(mr.blocks, n)
}

// imageCaption reads paragraph n, whose text is t, as the caption of the
// picture above it when n is all emphasis and the paragraph before it
// only that picture, or when n is that picture with a line of emphasis
// under it, as Markdown writers set one ("*The new sea wall. Photo: Jane
// Roe*"): its caption replaces the alt text, its credit the title's, when
// it gives one. The line stays in the body, where it shows under the
// picture (in a figure, see figures).
func (mr *mdReader) imageCaption(n ast.Node, t string) {
	img, em := mr.figureParts(n)
	if img == nil {
		return
	}
	if em != n {
		t = strings.TrimSpace(mr.inlineText(em))
	}
	old := mr.imageOf(img)
	im, ok := parseCaption(t)
	if !ok {
		im = Image{Caption: t}
	}
	if im.Caption == "" {
		im.Caption = old.Caption
	}
	if im.Credit == "" {
		im.Credit = old.Credit
	}
	for k, have := range mr.a.Images {
		if have == old {
			mr.a.Images[k] = im
			return
		}
	}
	mr.a.Images = append(mr.a.Images, im)
}

// figureParts finds a picture with its caption around block n: n all
// emphasis under a paragraph that is the picture alone, or n the picture
// with a line of emphasis after it (a soft break between). It returns
// the picture and the emphasis (n itself in the first case), nil when n
// is neither.
func (mr *mdReader) figureParts(n ast.Node) (*ast.Image, ast.Node) {
	if n.Kind() != ast.KindParagraph {
		return nil, nil
	}
	if mr.onlyChild(n, ast.KindEmphasis) != nil {
		prev := n.PreviousSibling()
		if prev == nil || prev.Kind() != ast.KindParagraph {
			return nil, nil
		}
		img, _ := mr.onlyChild(prev, ast.KindImage).(*ast.Image)
		if img == nil {
			return nil, nil
		}
		return img, n
	}
	img, ok := n.FirstChild().(*ast.Image)
	if !ok {
		return nil, nil
	}
	var em ast.Node
	for c := img.NextSibling(); c != nil; c = c.NextSibling() {
		switch {
		case c.Kind() == ast.KindEmphasis && em == nil:
			em = c
		case c.Kind() == ast.KindText && len(bytes.TrimSpace(c.(*ast.Text).Value(mr.source))) == 0 && em == nil:
		default:
			return nil, nil
		}
	}
	if em == nil {
		return nil, nil
	}
	return img, em
}

// figures makes each picture with a caption line (figureParts) a figure
// of the body's HTML, the picture over its caption, as an HTML page's
// figures are: a feed reader shows the caption as the picture's.
func (mr *mdReader) figures(doc ast.Node) {
	for n := doc.FirstChild(); n != nil; {
		next := n.NextSibling()
		img, em := mr.figureParts(n)
		if img == nil {
			n = next
			continue
		}
		if em.Kind() == ast.KindParagraph {
			em = mr.onlyChild(em, ast.KindEmphasis)
		}
		fig, capt := &mdFigure{}, &mdFigCaption{}
		for c := em.FirstChild(); c != nil; {
			cn := c.NextSibling()
			capt.AppendChild(capt, c)
			c = cn
		}
		pic := img.Parent()
		fig.AppendChild(fig, img)
		fig.AppendChild(fig, capt)
		doc.ReplaceChild(doc, pic, fig)
		if n != pic {
			doc.RemoveChild(doc, n) // the caption's own paragraph
		}
		n = next
	}
}

// mdFigure is a picture and its caption; mdFigCaption the caption.
type (
	mdFigure     struct{ ast.BaseBlock }
	mdFigCaption struct{ ast.BaseBlock }
)

var (
	kindFigure     = ast.NewNodeKind("Figure")
	kindFigCaption = ast.NewNodeKind("FigCaption")
)

func (n *mdFigure) Kind() ast.NodeKind             { return kindFigure }
func (n *mdFigure) Dump(src []byte, level int)     { ast.DumpHelper(n, src, level, nil, nil) }
func (n *mdFigCaption) Kind() ast.NodeKind         { return kindFigCaption }
func (n *mdFigCaption) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// figureRenderer writes mdFigure and mdFigCaption as <figure> and
// <figcaption>; goldmark renders what they hold.
type figureRenderer struct{}

func (figureRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	tag := func(open, close string) renderer.NodeRendererFunc {
		return func(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
			if entering {
				_, _ = w.WriteString(open)
			} else {
				_, _ = w.WriteString(close)
			}
			return ast.WalkContinue, nil
		}
	}
	reg.Register(kindFigure, tag("<figure>", "</figure>\n"))
	reg.Register(kindFigCaption, tag("<figcaption>", "</figcaption>"))
}

// onlyChild returns n's inline content when it is one node of kind k,
// maybe with blank text around it, and nil otherwise.
func (mr *mdReader) onlyChild(n ast.Node, k ast.NodeKind) ast.Node {
	var found ast.Node
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Kind() == k && found == nil {
			found = c
			continue
		}
		if t, ok := c.(*ast.Text); !ok || len(bytes.TrimSpace(t.Value(mr.source))) > 0 {
			return nil
		}
	}
	return found
}

// images records the pictures in a block.
func (mr *mdReader) images(n ast.Node) {
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if img, ok := c.(*ast.Image); ok && entering {
			if im := mr.imageOf(img); im != (Image{}) {
				for _, have := range mr.a.Images {
					if have == im {
						return ast.WalkSkipChildren, nil
					}
				}
				mr.a.Images = append(mr.a.Images, im)
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// imageOf is a picture by its alt text and title: the caption and the
// credit.
func (mr *mdReader) imageOf(img *ast.Image) Image {
	credit := ""
	if len(img.Title) > 0 {
		credit = strings.TrimSpace(string(img.Title))
		if c, ok := labelledCredit(credit, true); ok {
			credit = c
		}
	}
	return Image{Caption: strings.TrimSpace(mr.inlineText(img)), Credit: credit}
}

// inlineText is the plain text of a node's inline content: entities and
// escapes resolved, soft breaks as spaces, hard breaks as newlines, no
// markup and no raw HTML. Called on an image, it gives the alt text.
func (mr *mdReader) inlineText(n ast.Node) string {
	var b strings.Builder
	// dropped is set after raw HTML is left out, so that the spaces
	// either side of it do not both stay ("the <b/> tag").
	dropped := false
	var walk func(ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch v := c.(type) {
			case *ast.Text:
				val := v.Value(mr.source)
				if !v.IsRaw() {
					val = util.UnescapePunctuations(util.ResolveNumericReferences(util.ResolveEntityNames(val)))
				}
				if dropped && strings.HasSuffix(b.String(), " ") {
					val = bytes.TrimLeft(val, " ")
				}
				dropped = false
				b.Write(val)
				switch {
				case v.HardLineBreak():
					b.WriteByte('\n')
				case v.SoftLineBreak():
					b.WriteByte(' ')
				}
			case *ast.String:
				b.Write(v.Value)
				dropped = false
			case *ast.AutoLink:
				b.Write(v.Label(mr.source))
				dropped = false
			case *ast.RawHTML, *ast.Image:
				// Raw HTML is dropped; an image's alt text is its
				// caption, not part of the sentence around it.
				dropped = true
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

// takeLead reads a byline or date line at the top of the body, and a
// dateline opening the first paragraph. Both leave the body and, where the
// markup allows, the rendered HTML.
func (mr *mdReader) takeLead(doc ast.Node) {
	for k := 0; k < maxLeadLines && len(mr.a.BodyParagraphs) > 1; k++ {
		p := mr.a.BodyParagraphs[0]
		n := mr.blocks[0]
		if n.Kind() != ast.KindParagraph {
			break
		}
		if k == 0 {
			if by, ok := mr.lowerByline(p); ok {
				p = by
			}
		}
		if !mr.h.byOrDate(p) {
			break
		}
		if ln := readBylineLine(p); mr.names == nil && ln.form == formLabelled {
			mr.names = ln.names
		}
		if n.Parent() == doc {
			doc.RemoveChild(doc, n)
		}
		mr.a.BodyParagraphs = mr.a.BodyParagraphs[1:]
		mr.blocks = mr.blocks[1:]
	}
	if len(mr.a.BodyParagraphs) > 0 && mr.blocks[0].Kind() == ast.KindParagraph {
		if dl, ok := parseDateline(mr.a.BodyParagraphs[0]); ok {
			mr.h.dateline = &dl
			prefix := mr.a.BodyParagraphs[0][:len(mr.a.BodyParagraphs[0])-len(dl.Rest)]
			mr.a.BodyParagraphs[0] = dl.Rest
			mr.cutLead(mr.blocks[0], prefix)
		}
	}
}

// inSiteOrder puts a date in figures that reads both ways ("03/04/2024"),
// as a Markdown byline gives it, in the order the site's language writes
// (Options.Language: en-US month first, en-GB and de day first), as the
// text reader does for a text that tells none. Without a region it stays
// as written, month first.
func inSiteOrder(m *dateMatch, lang string) {
	if m == nil || !m.Swappable {
		return
	}
	order := langDayOrder(lang)
	if n := leadingDigits(m.Text); order == orderUnknown || n == 0 || n > 2 {
		return // no habit named, or a year first
	}
	if numericMonthFirst(*m) != (order == orderMonthFirst) {
		*m = m.swapped()
	}
}

// lowerByline returns p, the body's first paragraph, in proper case
// when it is a byline typed in lower case ("by jane roe") whose names the
// rest of the file does not use as words.
func (mr *mdReader) lowerByline(p string) (string, bool) {
	return properByline(p, func(w string) bool {
		if containsWord(strings.ToLower(mr.a.Title), w) {
			return true
		}
		for _, q := range mr.a.BodyParagraphs[1:] {
			if containsWord(q, w) {
				return true
			}
		}
		return false
	})
}

// cutLead removes a dateline from the start of a paragraph node, so that
// the rendered HTML loses it too. It does so only when the dateline is
// plain text at the start of the paragraph's first text node, as written;
// otherwise (markup or entities inside it) the HTML keeps it.
func (mr *mdReader) cutLead(n ast.Node, prefix string) {
	t, ok := n.FirstChild().(*ast.Text)
	if !ok {
		return
	}
	raw := t.Segment.Value(mr.source)
	if !bytes.HasPrefix(raw, []byte(prefix)) {
		return
	}
	t.Segment = t.Segment.WithStart(t.Segment.Start + len(prefix))
}

// dropRawText removes what lies between an inline <script> or <style> tag
// and its closing tag. Goldmark omits the tags themselves as raw HTML but
// keeps the text between them, which would reach readers as escaped code.
// As in a browser, the element runs to its closing tag even across
// paragraphs; a tag never closed is taken for a mention of the tag in
// prose ("add a <script> tag"), and the text after it stays. (A <script>
// that opens a block is an HTML block, omitted whole.)
func (mr *mdReader) dropRawText(doc ast.Node) {
	var inside string
	var doomed, pending []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Type() != ast.TypeInline {
			return ast.WalkContinue, nil
		}
		raw, isRaw := n.(*ast.RawHTML)
		if inside != "" {
			pending = append(pending, n)
			if isRaw && rawTextTag(mr.rawHTML(raw), true) == inside {
				inside = ""
				mr.trimAfter(pending[0], n)
				doomed = append(doomed, pending...)
				pending = pending[:0]
			}
			return ast.WalkSkipChildren, nil
		}
		if isRaw {
			if inside = rawTextTag(mr.rawHTML(raw), false); inside != "" {
				pending = append(pending[:0], n)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, n := range doomed {
		if p := n.Parent(); p != nil {
			p.RemoveChild(p, n)
		}
	}
}

// trimAfter drops the spaces that open the text after a removed element
// when the text before it already ends in one (or the block starts
// there), so that "caves <script>…</script> and" reads "caves and".
func (mr *mdReader) trimAfter(open, close ast.Node) {
	next, ok := close.NextSibling().(*ast.Text)
	if !ok || open.Parent() != close.Parent() {
		return
	}
	if prev := open.PreviousSibling(); prev != nil {
		t, ok := prev.(*ast.Text)
		if !ok {
			return
		}
		v := t.Segment.Value(mr.source)
		if !t.SoftLineBreak() && !t.HardLineBreak() && (len(v) == 0 || (v[len(v)-1] != ' ' && v[len(v)-1] != '\t')) {
			return
		}
	}
	v := next.Segment.Value(mr.source)
	n := len(v) - len(bytes.TrimLeft(v, " \t"))
	next.Segment = next.Segment.WithStart(next.Segment.Start + n)
}

func (mr *mdReader) rawHTML(n *ast.RawHTML) string {
	var b strings.Builder
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		b.Write(seg.Value(mr.source))
	}
	return b.String()
}

// rawTextTag returns "script" or "style" when tag is that element's
// opening tag (closing tag when closing is set), else "". A self-closed
// "<script/>" opens nothing.
func rawTextTag(tag string, closing bool) string {
	rest, ok := strings.CutPrefix(tag, "<")
	if !ok {
		return ""
	}
	if closing {
		if rest, ok = strings.CutPrefix(rest, "/"); !ok {
			return ""
		}
	} else if strings.HasSuffix(tag, "/>") {
		return ""
	}
	for _, name := range [...]string{"script", "style"} {
		if len(rest) > len(name) && strings.EqualFold(rest[:len(name)], name) {
			switch rest[len(name)] {
			case '>', ' ', '\t', '\n', '\r', '\f', '/':
				return name
			}
		}
	}
	return ""
}

// checkBoxes writes a task list's boxes as the characters checkBox
// gives them, which the sanitizer leaves and every reader shows, where
// goldmark writes an <input> that the sanitizer removes with the
// item's state.
func checkBoxes(doc ast.Node) {
	var boxes []*east.TaskCheckBox
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if b, ok := n.(*east.TaskCheckBox); ok && entering {
			boxes = append(boxes, b)
		}
		return ast.WalkContinue, nil
	})
	for _, b := range boxes {
		box := boxOpen
		if b.IsChecked {
			box = boxDone
		}
		b.Parent().ReplaceChild(b.Parent(), b, ast.NewString([]byte(box+" ")))
	}
}
