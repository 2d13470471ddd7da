package article

import (
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// A Logseq page is an outline of blocks, each a list item. A block refers
// to another by its id, "((64f1c2a0-…))", which Logseq shows as the other
// block's text: a feed has no other blocks, and a reader would see the
// id, so the reference leaves. A block's properties are lines under it,
// "id:: 64f1c2a0-…", "collapsed:: true": Logseq hides its own and shows
// the others as "key: value".

// blockRefParser reads a reference to a block by its id.
type blockRefParser struct{}

func (blockRefParser) Trigger() []byte { return []byte{'('} }

var blockRef = regexp.MustCompile(`^\(\([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\)\)`)

func (blockRefParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	m := blockRef.Find(line)
	if m == nil {
		return nil
	}
	block.Advance(len(m))
	// The space before it goes too: "as planned in ((…))." reads "as
	// planned in.", not "in .".
	if t, ok := parent.LastChild().(*ast.Text); ok && !t.SoftLineBreak() && !t.HardLineBreak() {
		t.Segment = t.Segment.TrimRightSpace(block.Source())
	}
	return ast.NewString(nil)
}

// blockProperty is a block's property line, "key:: value".
var blockProperty = regexp.MustCompile(`^([A-Za-z][\w.-]*):: ?(.*)$`)

// logseqHidden are the block properties Logseq keeps to itself.
var logseqHidden = map[string]bool{
	"id": true, "collapsed": true, "heading": true, "background-color": true, "created-at": true, "updated-at": true,
	"template": true, "template-including-parent": true, "query-table": true, "query-properties": true,
	"query-sort-by": true, "query-sort-desc": true, "ls-type": true, "hl-type": true, "hl-page": true,
	"hl-stamp": true, "hl-color": true, "filters": true, "public": true, "exclude-from-graph-view": true, "icon": true,
}

// blockProperties drops the lines of doc's paragraphs that are block
// properties Logseq hides and writes the others as Logseq shows them,
// "key: value". A line is one when it is all plain text (goldmark may
// split it into several text nodes), so a property holding a link
// ("tags:: [[walks]]") stays as written.
func blockProperties(doc ast.Node, source []byte) {
	type line struct {
		para        ast.Node
		first, last *ast.Text
	}
	var lines []line
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Kind() != ast.KindParagraph && n.Kind() != ast.KindTextBlock {
			return ast.WalkContinue, nil
		}
		var first, last *ast.Text // the plain line read so far
		plain := true
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			t, ok := c.(*ast.Text)
			switch {
			case !ok || t.HardLineBreak() || last != nil && t.Segment.Start != last.Segment.Stop:
				plain = false
			case first == nil:
				first = t
			}
			if ok {
				last = t
			}
			if ok && !t.SoftLineBreak() && c.NextSibling() != nil {
				continue
			}
			if plain && first != nil && blockProperty.Match(source[first.Segment.Start:last.Segment.Stop]) {
				lines = append(lines, line{n, first, last})
			}
			first, last, plain = nil, nil, true
		}
		return ast.WalkSkipChildren, nil
	})
	for _, l := range lines {
		start, stop := l.first.Segment.Start, l.last.Segment.Stop
		m := blockProperty.FindSubmatchIndex(source[start:stop])
		key := strings.ToLower(string(source[start+m[2] : start+m[3]]))
		hide := logseqHidden[key] || strings.HasPrefix(key, "logseq.") || strings.HasPrefix(key, "card-")
		prev := l.first.PreviousSibling()
		for c := ast.Node(l.first); c != nil; {
			next := c.NextSibling()
			l.para.RemoveChild(l.para, c)
			if c == ast.Node(l.last) {
				break
			}
			c = next
		}
		if hide {
			if t, ok := prev.(*ast.Text); ok && l.para.LastChild() == prev {
				t.SetSoftLineBreak(false) // the block's text ends here now
			}
			if !l.para.HasChildren() {
				l.para.Parent().RemoveChild(l.para.Parent(), l.para)
			}
			continue
		}
		// "mood:: calm" reads "mood: calm": the key with one colon,
		// then the rest.
		k := ast.NewTextSegment(text.NewSegment(start, start+m[3]+1))
		v := ast.NewTextSegment(text.NewSegment(start+m[3]+2, stop))
		v.SetSoftLineBreak(l.last.SoftLineBreak())
		if prev == nil {
			if next := l.para.FirstChild(); next != nil {
				l.para.InsertBefore(l.para, next, k)
			} else {
				l.para.AppendChild(l.para, k)
			}
		} else {
			l.para.InsertAfter(l.para, prev, k)
		}
		l.para.InsertAfter(l.para, k, v)
	}
}
