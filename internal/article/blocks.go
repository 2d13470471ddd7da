package article

import (
	"cmp"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"seedfeed/internal/article/htmlextract"
)

// bodyBlock is one paragraph of a body read from a document's own markup
// (reStructuredText, AsciiDoc, Org) and what it is. A picture's text is
// its caption, src and alt its address and alt text as written; a
// table's rows are its cells' text, the first head of them its header.
// A note's key names it as its references do (see notes.go); note is its
// number once resolveNotes has given it one.
type bodyBlock struct {
	text     string
	kind     int8
	src, alt string
	rows     [][]string
	head     int
	key      string
	note     int
	keep     bool // a note shown even when nothing refers to it
	level    int  // a list item's nesting, 0 at the top
	ordered  bool // a list item is numbered
	start    int  // a numbered item's number as written, 0 when the list counts it
	callout  bool // an item of an AsciiDoc listing's callout list, a list of its own
}

// The kinds of bodyBlock.
const (
	blockPara int8 = iota
	blockHeading
	blockLiteral
	blockBullet
	blockPicture
	blockTable
	blockNote // a paragraph of a footnote
	blockTerm // a definition list's term
	blockDesc // its description
)

// pending is the block a markup reader is in the middle of: its lines
// and the kind it will be.
type pending struct {
	lines   []string
	kind    int8
	key     string // a note's
	level   int    // a list item's
	ordered bool   // a list item is numbered
	start   int    // its number as written
	callout bool   // an item of a callout list
}

// end appends the pending block to blocks when it has text, and starts
// the next: a literal block's lines dedented, any other's joined and
// read by inline, the format's inline markup reader. A line the reader
// ended with "\n" breaks there (a verse's, one a markup marks with a
// hard break); the others join with a space.
func (p *pending) end(blocks []bodyBlock, inline func(string) string) []bodyBlock {
	cur := *p
	*p = pending{lines: p.lines[:0]}
	lines, kind := cur.lines, cur.kind
	if len(lines) == 0 {
		return blocks
	}
	var t string
	if kind == blockLiteral {
		t = dedent(lines)
	} else {
		var b strings.Builder
		for i, l := range lines {
			if i > 0 && !strings.HasSuffix(lines[i-1], "\n") {
				b.WriteByte(' ')
			}
			b.WriteString(l)
		}
		t = strings.TrimRight(inline(b.String()), "\n")
	}
	if strings.TrimSpace(t) == "" {
		return blocks
	}
	list := kind == blockBullet
	return append(blocks, bodyBlock{text: t, kind: kind, key: cur.key, level: cur.level, ordered: cur.ordered && list, start: cur.start, callout: cur.callout && list})
}

// breakLine ends a line that breaks where it ends: "\n", unless it is
// empty (a break at the start of a paragraph, or two, is none).
func breakLine(line string) string {
	if line == "" {
		return line
	}
	return line + "\n"
}

// A task list's boxes, as Asciidoctor prints them without icons: a task
// done, one open.
const (
	boxDone = "✓"
	boxOpen = "❏"
)

// checkBox writes the box a task list's item opens with ("[x] Paint the
// rail", AsciiDoc's "[*]", Org's "[X]" and half-done "[-]") as its
// character.
func checkBox(item string) string {
	if len(item) < 4 || item[0] != '[' || item[2] != ']' || item[3] != ' ' {
		return item
	}
	switch item[1] {
	case 'x', 'X', '*':
		return boxDone + item[3:]
	case ' ', '-':
		return boxOpen + item[3:]
	}
	return item
}

// listLevels gives list items their nesting by their indent, as Org's
// and reST's lists nest.
type listLevels struct{ indents []int }

// at is the level of an item indented by indent: deeper than the item
// above it nests under it, back to an outer item's indent goes back to
// its level.
func (l *listLevels) at(indent int) int {
	for len(l.indents) > 0 && l.indents[len(l.indents)-1] > indent {
		l.indents = l.indents[:len(l.indents)-1]
	}
	if len(l.indents) == 0 || l.indents[len(l.indents)-1] < indent {
		l.indents = append(l.indents, indent)
	}
	return len(l.indents) - 1
}

// tableBlock is a table of rows, the first head of them its header, or
// no block when no cell holds text.
func tableBlock(rows [][]string, head int) (bodyBlock, bool) {
	for _, r := range rows {
		for _, c := range r {
			if c != "" {
				return bodyBlock{kind: blockTable, rows: rows, head: min(head, len(rows))}, true
			}
		}
	}
	return bodyBlock{}, false
}

// blocksHTML renders the blocks as their HTML: a section title as a heading,
// a literal block preformatted, bullets as a list, a picture as a figure
// (its address resolved as a Markdown picture's), a table as a table,
// terms and their descriptions as a definition list, the notes as the
// numbered list goldmark makes of a Markdown document's, the rest
// paragraphs.
func blocksHTML(blocks []bodyBlock, base, files *url.URL) string {
	var b strings.Builder
	seen := map[int]bool{} // the notes whose first reference is written
	// run reports whether blocks[j] is of the run kinds is.
	run := func(j int, is func(int8) bool) bool { return j >= 0 && j < len(blocks) && is(blocks[j].kind) }
	isNote := func(k int8) bool { return k == blockNote }
	isDef := func(k int8) bool { return k == blockTerm || k == blockDesc }
	isBullet := func(k int8) bool { return k == blockBullet }
	// An open list: its tag, and whether it is a callout list, which a
	// list of the same tag right above it does not continue.
	type openList struct {
		tag     string
		callout bool
	}
	var lists []openList
	// An item no deeper than one below the item above it, so that
	// every list opened is closed.
	for i := range blocks {
		if blocks[i].kind != blockBullet {
			continue
		}
		top := 0
		if i > 0 && blocks[i-1].kind == blockBullet {
			top = blocks[i-1].level + 1
		}
		blocks[i].level = min(max(blocks[i].level, 0), top)
	}
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
				writeNoted(&b, bl.text, seen)
				b.WriteString("</figcaption>")
			}
			b.WriteString("</figure>")
			continue
		case blockTable:
			b.WriteString("<table>")
			for r, row := range bl.rows {
				cell, end := "<td>", "</td>"
				if r < bl.head {
					cell, end = "<th>", "</th>"
				}
				b.WriteString("<tr>")
				for _, c := range row {
					b.WriteString(cell)
					writeNoted(&b, c, seen)
					b.WriteString(end)
				}
				b.WriteString("</tr>")
			}
			b.WriteString("</table>")
			continue
		case blockNote:
			if !run(i-1, isNote) {
				b.WriteString("<div><hr><ol>")
			}
			n := strconv.Itoa(bl.note)
			if i == 0 || blocks[i-1].note != bl.note {
				b.WriteString(`<li id="fn:` + n + `">`)
			}
			b.WriteString("<p>")
			writeNoted(&b, bl.text, seen)
			switch {
			case i+1 < len(blocks) && blocks[i+1].note == bl.note:
				b.WriteString("</p>")
			case seen[bl.note]:
				b.WriteString(` <a href="#fnref:` + n + `">↩︎</a></p></li>`)
			default:
				b.WriteString("</p></li>") // nothing refers to it: no way back
			}
			if !run(i+1, isNote) {
				b.WriteString("</ol></div>")
			}
			continue
		case blockTerm, blockDesc:
			open, close = "<dt>", "</dt>"
			if bl.kind == blockDesc {
				open, close = "<dd>", "</dd>"
			}
			if !run(i-1, isDef) {
				open = "<dl>" + open
			}
			if !run(i+1, isDef) {
				close += "</dl>"
			}
		case blockHeading:
			open, close = "<h2>", "</h2>"
		case blockLiteral:
			open, close = "<pre>", "</pre>"
		case blockBullet:
			// An item deeper than the one before opens a list inside
			// that one's <li>, which stays open until its items end.
			// lists holds the open lists, outermost first.
			tag := "ul"
			if bl.ordered {
				tag = "ol"
			}
			open, close = "", ""
			if len(lists) == bl.level+1 && lists[bl.level] != (openList{tag, bl.callout}) {
				// The other kind of list at the same level: a new list.
				open = "</" + lists[bl.level].tag + ">"
				lists = lists[:bl.level]
			}
			if len(lists) == bl.level {
				// The levels were clamped above: one list to open at most.
				if tag == "ol" && bl.start > 1 {
					open += `<ol start="` + strconv.Itoa(bl.start) + `">` // "3. Lock the gate" first
				} else {
					open += "<" + tag + ">"
				}
				lists = append(lists, openList{tag, bl.callout})
			}
			open += "<li>"
			next := -1
			if run(i+1, isBullet) {
				next = min(blocks[i+1].level, bl.level+1)
			}
			if next <= bl.level {
				close = "</li>"
			}
			for len(lists) > next+1 {
				close += "</" + lists[len(lists)-1].tag + ">"
				lists = lists[:len(lists)-1]
				if len(lists) > 0 {
					close += "</li>"
				}
			}
		}
		b.WriteString(open)
		if bl.kind == blockLiteral {
			writeNoted(&b, bl.text, seen)
		} else {
			writeBroken(&b, bl.text, seen)
		}
		b.WriteString(close)
	}
	return b.String()
}

// writeBroken writes s as writeNoted does, each line break in it a <br>.
func writeBroken(b *strings.Builder, s string, seen map[int]bool) {
	for {
		line, rest, ok := strings.Cut(s, "\n")
		writeNoted(b, line, seen)
		if !ok {
			return
		}
		b.WriteString("<br>\n")
		s = rest
	}
}

// setBody fills a's body from the blocks of a document of the named
// format: its paragraphs (pictures apart), the captions of its pictures,
// its HTML and its pictures' addresses.
func setBody(a *Article, blocks []bodyBlock, opts Options, format string) error {
	blocks = resolveNotes(blocks)
	for _, bl := range blocks {
		switch {
		case bl.kind == blockTable:
			// A row a paragraph, as a Markdown table's.
			for _, row := range bl.rows {
				if t := withoutNoteMarks(strings.Join(row, " | ")); strings.Trim(t, " |") != "" {
					a.BodyParagraphs = append(a.BodyParagraphs, t)
				}
			}
		case bl.kind != blockPicture:
			if t := withoutNoteMarks(bl.text); strings.TrimSpace(t) != "" {
				a.BodyParagraphs = append(a.BodyParagraphs, t)
			}
		default:
			if c := withoutNoteMarks(cmp.Or(bl.text, bl.alt)); c != "" {
				a.Images = append(a.Images, Image{Caption: c})
			}
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

// pipeCells splits a table row written between bars ("| a | b |", the
// last bar optional) into its cells' text.
func pipeCells(line string) []string {
	line = strings.TrimSpace(line)
	line = strings.TrimPrefix(line, "|")
	if strings.HasSuffix(line, "|") && !strings.HasSuffix(line, "\\|") {
		line = line[:len(line)-1]
	}
	cells := strings.Split(line, "|")
	for i, c := range cells {
		cells[i] = strings.TrimSpace(c)
	}
	return cells
}

// itemNumber is the number a numbered item's mark writes ("3." or "3)"),
// 0 for one the list counts ("#.", ".").
func itemNumber(mark string) int {
	n, err := strconv.Atoi(strings.TrimRight(mark, ".)"))
	if err != nil || n < 0 {
		return 0
	}
	return n
}
