package article

import (
	"regexp"
	"strconv"
	"strings"
)

// Footnotes in the documents read by their own markup (reStructuredText,
// AsciiDoc, Org) come out as Markdown's do (goldmark's footnote
// extension): a superscript number linked to its note where the text
// refers to it, and the notes, numbered in the order the text first
// refers to them, in a list after the story. A reader leaves noteRef's
// mark where a reference stands and a blockNote, keyed as the reference
// is, for each paragraph of a note; resolveNotes numbers them.
//
// The marks are control characters, which cleanInput leaves in no text,
// so a file cannot make one.
const (
	noteOpen  = "\x1e"
	noteSplit = "\x1d"
	noteClose = "\x1f"
)

// noteRef is the mark for a reference to the note keyed key; written is
// how the reference reads when the document has no such note.
func noteRef(key, written string) string {
	return noteOpen + key + noteSplit + written + noteClose
}

// resolveNotes numbers the notes the text refers to, in the order of
// their first reference, and turns each reference's mark into its number
// ("\x1e" number "\x1f"), or into the reference as written when no note
// has its key. The notes referred to move to the end, in their numbers'
// order, each paragraph with its number, then those the document shows
// whatever refers to them (keep); the others leave, as a Markdown note
// nothing refers to does.
func resolveNotes(blocks []bodyBlock) []bodyBlock {
	notes := map[string][]int{} // a key's paragraphs, by index in blocks
	marked := false
	for i, b := range blocks {
		if b.kind == blockNote {
			notes[b.key] = append(notes[b.key], i)
		}
		marked = marked || strings.Contains(b.text, noteOpen)
	}
	if len(notes) == 0 && !marked {
		return blocks
	}
	num := map[string]int{}
	var order []string // the keys referred to, by number
	rewrite := func(s string) string {
		if !strings.Contains(s, noteOpen) {
			return s
		}
		var out strings.Builder
		for {
			i := strings.Index(s, noteOpen)
			j := strings.Index(s[max(i, 0):], noteClose)
			if i < 0 || j < 0 {
				break
			}
			key, written, _ := strings.Cut(s[i+1:i+j], noteSplit)
			out.WriteString(s[:i])
			if _, ok := notes[key]; ok {
				n := num[key]
				if n == 0 {
					order = append(order, key)
					n = len(order)
					num[key] = n
				}
				out.WriteString(noteOpen + strconv.Itoa(n) + noteClose)
				s = s[i+j+1:]
				continue
			}
			out.WriteString(written)
			s = s[i+j+1:]
			if written == "" {
				s = afterGap(out.String(), s)
			}
		}
		out.WriteString(s)
		return out.String()
	}
	out := make([]bodyBlock, 0, len(blocks))
	for _, b := range blocks {
		if b.kind == blockNote {
			continue
		}
		b.text = rewrite(b.text)
		out = append(out, b)
	}
	// A note shown whatever refers to it (reST's: docutils prints a
	// footnote where it is written) follows the others, in the
	// document's order.
	for _, b := range blocks {
		if b.kind == blockNote && b.keep && num[b.key] == 0 {
			order = append(order, b.key)
			num[b.key] = len(order)
		}
	}
	// A note may refer to another: order grows while it is read.
	for n := 0; n < len(order); n++ {
		for _, k := range notes[order[n]] {
			b := blocks[k]
			b.text, b.note = rewrite(b.text), n+1
			out = append(out, b)
		}
	}
	return out
}

// inlineNotes are the notes a document writes where it refers to them
// (AsciiDoc's "footnote:[text]", Org's "[fn:: text]"), in order.
type inlineNotes struct {
	blocks []bodyBlock
	keys   map[string]bool
	anon   int // notes without a name
}

// add records the note text keyed key, a key of its own when key is "",
// and returns the key. A note is written once, and referred to by its
// name after: a second text for a name is not read.
func (n *inlineNotes) add(key, text string) string {
	if key == "" {
		n.anon++
		key = ":" + strconv.Itoa(n.anon)
	}
	if text = strings.TrimSpace(text); text != "" && !n.keys[key] {
		if n.keys == nil {
			n.keys = map[string]bool{}
		}
		n.keys[key] = true
		n.blocks = append(n.blocks, bodyBlock{text: text, kind: blockNote, key: key})
	}
	return key
}

// withoutNoteMarks is text without its references' numbers: the plain
// text of a paragraph, a caption or a title. A reference between two
// spaces leaves one of them.
func withoutNoteMarks(s string) string {
	if !strings.Contains(s, noteOpen) {
		return s
	}
	var out strings.Builder
	out.Grow(len(s))
	for {
		i := strings.Index(s, noteOpen)
		if i < 0 {
			out.WriteString(s)
			return out.String()
		}
		j := strings.Index(s[i:], noteClose)
		if j < 0 {
			out.WriteString(s[:i])
			return out.String()
		}
		out.WriteString(s[:i])
		s = afterGap(out.String(), s[i+j+1:])
	}
}

// afterGap is rest, the text after a reference that left nothing, without
// its first space when before ends with one: a reference between two
// spaces leaves one.
func afterGap(before, rest string) string {
	if strings.HasSuffix(before, " ") {
		return strings.TrimPrefix(rest, " ")
	}
	return rest
}

// writeNoted writes text escaped, with each reference's number as a
// superscript link to its note; the first reference to a note is the one
// its note links back to.
func writeNoted(b *strings.Builder, s string, seen map[int]bool) {
	for {
		i := strings.Index(s, noteOpen)
		j := strings.Index(s[max(i, 0):], noteClose)
		if i < 0 || j < 0 {
			writeEscaped(b, s)
			return
		}
		writeEscaped(b, s[:i])
		// resolveNotes left numbers only; anything else is no mark.
		if num, err := strconv.Atoi(s[i+1 : i+j]); err == nil && num > 0 {
			n := strconv.Itoa(num)
			if !seen[num] {
				seen[num] = true
				b.WriteString(`<sup id="fnref:` + n + `">`)
			} else {
				b.WriteString("<sup>")
			}
			b.WriteString(`<a href="#fn:` + n + `">` + n + `</a></sup>`)
		}
		s = s[i+j+1:]
	}
}

// markNotes reads p with inline, each match of re in it turned into the
// mark ref makes of its submatches. The marks go in after the rest is
// read (a NUL, which cleanInput leaves in no text, holds their places), so
// that inline markup reads across a reference as across the text it
// stood in.
func markNotes(p string, re *regexp.Regexp, ref func(sm []string) string, inline func(string) string) string {
	var refs []string
	p = re.ReplaceAllStringFunc(p, func(m string) string {
		refs = append(refs, ref(re.FindStringSubmatch(m)))
		return "\x00"
	})
	p = inline(p)
	var out strings.Builder
	for _, r := range refs {
		i := strings.IndexByte(p, 0)
		if i < 0 {
			break // the inline reader dropped it, with the text around it
		}
		out.WriteString(p[:i])
		out.WriteString(r)
		p = p[i+1:]
	}
	out.WriteString(p)
	return out.String()
}
