package article

import (
	"bytes"
	"regexp"
	"slices"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// A folder of notes kept in Obsidian (or Foam, Logseq, Dendron) links
// them by name: "[[Other note]]", "[[Other note|what the text says]]",
// "[[Other note#A heading]]", and embeds a picture with "![[wall.jpg]]".
// A feed cannot follow a link to a note by its name, so wikiLinkParser
// leaves the words the reader is meant to read; an embedded picture is a
// picture, found beside the note as a Markdown picture is, and an
// embedded note, whose text a feed cannot pull in, leaves. A callout
// ("> [!note] Title") keeps its title, or shows its kind when it has
// none.
type wikiLinkParser struct{}

func (wikiLinkParser) Trigger() []byte { return []byte{'!', '['} }

// Parse reads a wiki link, an embed, or a callout's mark at the start of
// a quote, and leaves anything else to the link parser.
func (wikiLinkParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if n := calloutMark(parent, line, block); n != nil {
		return n
	}
	embed := len(line) > 0 && line[0] == '!'
	pos := 0
	if embed {
		pos = 1
	}
	if !bytes.HasPrefix(line[pos:], []byte("[[")) {
		return nil
	}
	end := bytes.Index(line[pos+2:], []byte("]]"))
	if end <= 0 {
		return nil
	}
	inner := line[pos+2 : pos+2+end]
	if bytes.ContainsAny(inner, "[]\n") {
		return nil
	}
	block.Advance(pos + 2 + end + 2)
	target, alias, _ := strings.Cut(string(inner), "|")
	target, alias = strings.TrimSpace(target), strings.TrimSpace(alias)
	if embed {
		if !pictureFile(target) {
			return ast.NewString(nil) // a note's text, which a feed cannot embed
		}
		link := ast.NewLink()
		link.Destination = []byte(target)
		img := ast.NewImage(link)
		// "![[wall.jpg|300]]" gives a width, not a description.
		if alias != "" && !pictureSize.MatchString(alias) {
			img.AppendChild(img, ast.NewString([]byte(alias)))
		}
		return img
	}
	if alias != "" {
		return ast.NewString([]byte(alias))
	}
	// "[[Note#Heading]]" reads "Note > Heading" in Obsidian; the note's
	// name is what the sentence means, and a heading of the same note
	// ("[[#Heading]]") is the heading's.
	name, heading, _ := strings.Cut(target, "#")
	name = strings.TrimSuffix(strings.TrimSpace(name), ".md")
	if name == "" {
		name = strings.TrimPrefix(strings.TrimSpace(heading), "^")
	}
	return ast.NewString([]byte(name))
}

// pictureSize is an embed's size: "300", "640x480".
var pictureSize = regexp.MustCompile(`^\d+(x\d+)?$`)

// calloutLine is a callout's first line: "[!note]", "[!warning]- Title".
var calloutLine = regexp.MustCompile(`^\[!([A-Za-z][\w-]*)\][+-]?[ \t]*(.*)`)

// calloutMark reads a callout's mark when line opens the first paragraph
// of a quote: nothing when a title follows it, the kind ("Note") in
// strong type when none does.
func calloutMark(parent ast.Node, line []byte, block text.Reader) ast.Node {
	quote := parent.Parent()
	if len(line) < 4 || line[0] != '[' || line[1] != '!' || parent.HasChildren() ||
		quote == nil || quote.Kind() != ast.KindBlockquote || quote.FirstChild() != parent {
		return nil
	}
	m := calloutLine.FindSubmatchIndex(line)
	if m == nil {
		return nil
	}
	block.Advance(m[4]) // up to the title
	if len(bytes.TrimSpace(line[m[4]:m[5]])) > 0 {
		return ast.NewString(nil)
	}
	kind := strings.ReplaceAll(string(line[m[2]:m[3]]), "-", " ")
	strong := ast.NewEmphasis(2)
	strong.AppendChild(strong, ast.NewString([]byte(strings.ToUpper(kind[:1])+strings.ToLower(kind[1:]))))
	return strong
}

// wikiLinks is the goldmark extension that adds wikiLinkParser ahead of
// the link parser, which would read "[[" as text.
type wikiLinks struct{}

func (wikiLinks) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(wikiLinkParser{}, 150), util.Prioritized(blockRefParser{}, 150)))
}

// dropEmptyParagraphs removes the paragraphs an embedded note leaves
// empty ("![[Tide notes]]" alone on its line), and the list items left
// with nothing (a Logseq block that only embedded another, "- {{embed
// ((…))}}"), and a list left without items.
func dropEmptyParagraphs(doc ast.Node) {
	var empty []ast.Node
	gone := map[ast.Node]bool{}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindParagraph, ast.KindTextBlock:
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if s, ok := c.(*ast.String); !ok || len(bytes.TrimSpace(s.Value)) > 0 {
					return ast.WalkContinue, nil
				}
			}
		case ast.KindListItem, ast.KindList:
			// Walked after their children: what those leave.
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if !gone[c] {
					return ast.WalkContinue, nil
				}
			}
		default:
			return ast.WalkContinue, nil
		}
		empty, gone[n] = append(empty, n), true
		return ast.WalkContinue, nil
	})
	for _, n := range slices.Backward(empty) {
		if p := n.Parent(); p != nil {
			p.RemoveChild(p, n)
		}
	}
}

// withoutComments removes Obsidian's comments, "%%…%%" within a line or
// over lines (blank ones too), which its reading view and its publishing
// hide: a writer's notes to self. Code keeps them: a fenced block's lines
// and a code span's text. A "%%" with no partner after it stays.
func withoutComments(src string) string {
	if !strings.Contains(src, "%%") {
		return src
	}
	lines := strings.SplitAfter(src, "\n")
	// Which lines are a fenced block's, and whether a line below each
	// can close a comment (a fenced block's cannot).
	code, closers := fencedLines(lines), make([]bool, len(lines))
	for i, line := range lines {
		closers[i] = !code[i] && strings.Contains(line, "%%")
	}
	below := false
	for i := len(lines) - 1; i >= 0; i-- {
		closers[i], below = below, below || closers[i]
	}
	var b strings.Builder
	open := false
	for i, line := range lines {
		if code[i] && !open {
			b.WriteString(line)
			continue
		}
		rest := line
		for rest != "" {
			if open {
				j := strings.Index(rest, "%%")
				if j < 0 {
					break
				}
				open, rest = false, rest[j+2:]
				if strings.HasSuffix(b.String(), " ") {
					rest = strings.TrimLeft(rest, " ") // one space between the words either side
				}
				continue
			}
			j := commentStart(rest)
			if j < 0 || !strings.Contains(rest[j+2:], "%%") && !closers[i] {
				b.WriteString(rest)
				break
			}
			b.WriteString(rest[:j])
			open, rest = true, rest[j+2:]
		}
		if open && strings.HasSuffix(line, "\n") && b.Len() > 0 && !strings.HasSuffix(b.String(), "\n") {
			b.WriteByte('\n') // the text before a comment that goes on below keeps its line
		}
	}
	return b.String()
}

// commentStart is where a comment's "%%" opens in line outside a code
// span, or -1.
func commentStart(line string) int {
	ticks := 0
	for j := 0; j+1 < len(line); j++ {
		switch {
		case line[j] == '`':
			ticks++
		case ticks%2 == 0 && line[j] == '%' && line[j+1] == '%':
			return j
		}
	}
	return -1
}
