package article

import (
	"encoding/csv"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// reStructuredText (.rst, as Sphinx, docutils and Pelican posts are
// written) is read by its own structure, not by the text reader's
// guesses: the document title between or over its adornment lines, the
// field list under it that docutils calls the docinfo (":Author: Jane
// Roe", ":date: 2024-05-02", Pelican's ":tags:" and ":summary:"), read
// like a front matter, then the body's blocks with their inline markup,
// directives and comments taken out.

// rstAdornment reports a line of one punctuation character repeated, as
// reST underlines and overlines section titles with.
func rstAdornment(line string) bool {
	return markLine(strings.TrimRight(line, " \t"), "=-`:'\"~^_*+#<>.", false)
}

// rstTitle reads a section title at the top of lines: "Title" over its
// underline, or between an overline and an underline of the same
// character. An underline shorter than its title still makes one, as
// docutils takes it (with a warning of its own). It returns the title and
// how many lines it took.
func rstTitle(lines []string) (string, int) {
	over := 0
	if len(lines) > 0 && rstAdornment(lines[0]) {
		over = 1
	}
	if len(lines) < over+2 {
		return "", 0
	}
	title, under := strings.TrimSpace(lines[over]), lines[over+1]
	if title == "" || rstAdornment(title) || !rstAdornment(under) ||
		over == 1 && strings.TrimSpace(lines[0]) != strings.TrimSpace(under) {
		return "", 0
	}
	return title, over + 2
}

// rstSilentFields are docutils' bibliographic fields that name no fact
// of the article (headerKeys has those that do, ":abstract:" among them):
// passed over without a warning.
var rstSilentFields = []string{"revision", "version", "copyright", "contact", "organization", "address", "dedication", "lang"}

// splitRST takes the title, a subtitle title right under it, and the
// docinfo field list off the top of a reST document, and returns them as
// a front matter mapping (nil when there is none) with the rest of the
// text.
func splitRST(text string) (title, subtitle string, root *yaml.Node, body string) {
	lines := strings.Split(text, "\n")
	i := 0
	skipBlank := func() {
		for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
			i++
		}
	}
	skipBlank()
	if t, n := rstTitle(lines[i:]); n > 0 {
		title, i = t, i+n
		skipBlank()
		if t, n := rstTitle(lines[i:]); n > 0 {
			subtitle, i = t, i+n
			skipBlank()
		}
	}
	var h headerFields
	var last *yaml.Node
	for ; i < len(lines); i++ {
		line := lines[i]
		if (line != "" && (line[0] == ' ' || line[0] == '\t')) && last != nil {
			last.Value += " " + strings.TrimSpace(line)
			continue
		}
		key, value, ok := rstField(line)
		if !ok {
			break
		}
		if slices.Contains(rstSilentFields, key) {
			last = &yaml.Node{} // its continuation lines go nowhere
			continue
		}
		last = h.add(key, value, i+1)
	}
	return title, subtitle, h.node(), strings.Join(lines[i:], "\n")
}

// rstField splits a field list line, ":Key: value", the key lower-cased.
func rstField(line string) (key, value string, ok bool) {
	key, value, ok = rstFieldAsWritten(line)
	return strings.ToLower(key), value, ok
}

// rstFieldAsWritten splits a field list line, ":Name: text", keeping the
// name as written ("" text when it follows on indented lines), as a
// field list in the body shows it.
func rstFieldAsWritten(line string) (name, text string, ok bool) {
	if !strings.HasPrefix(line, ":") {
		return "", "", false
	}
	k, v, found := strings.Cut(line[1:], ": ")
	if !found {
		k, found = strings.CutSuffix(strings.TrimRight(line[1:], " \t"), ":")
	}
	if !found || k == "" || strings.ContainsAny(k, ":`") || len(k) > maxMetaKey {
		return "", "", false
	}
	return strings.TrimSpace(k), strings.TrimSpace(v), true
}

// An option list's item with its description on the same line, past
// two spaces or more: "-a", "--verbose", "-f FILE, --file=<path>".
// One written alone over its indented description is a term and its
// description already.
var rstOption = regexp.MustCompile(`^((?:-[A-Za-z0-9]|--[A-Za-z0-9][\w-]*)(?:[ =](?:<[^<>]+>|[A-Za-z][\w-]*))?(?:, (?:-[A-Za-z0-9]|--[A-Za-z0-9][\w-]*)(?:[ =](?:<[^<>]+>|[A-Za-z][\w-]*))?)*) {2,}(\S.*)$`)

// Inline markup: a link with its target ("`text <url>`_"), a role
// (":emphasis:`x`"), a reference or interpreted text ("`text`_",
// "`text`"; "word_" is left), inline literals, strong and emphasis.
var (
	rstLink          = regexp.MustCompile("`([^`<]+?)\\s*<[^`>]*>`__?")
	rstRole          = regexp.MustCompile(":[A-Za-z][\\w.+-]*:`([^`]+)`")
	rstRef           = regexp.MustCompile("`([^`]+)`_{0,2}")
	rstInlineLiteral = regexp.MustCompile("``([^`]+)``")
	rstStrong        = regexp.MustCompile(`\*\*([^*\s][^*]*?)\*\*`)
	rstEmphasis      = regexp.MustCompile(`(^|[\s(\["'])\*([^*\s][^*]*?)\*`)
	// A list item's marker: a bullet, a number or "#." and a space.
	rstItem = regexp.MustCompile(`^\s*([-*+•]|\d+[.)]|#\.)\s+`)
	// A directive (".. note::"); a footnote or a citation (".. [1]
	// text"); any other ".." line is a comment or a link target.
	rstDirective = regexp.MustCompile(`^\.\. ([A-Za-z][\w:-]*)::`)
	rstNote      = regexp.MustCompile(`^\.\. \[(` + rstNoteLabel + `)\](?:\s+(.*))?$`)
	// A reference to one, "[1]_", "[#]_", "[#label]_", "[*]_" or a
	// citation's "[CIT2002]_", with the space before it.
	rstNoteRef = regexp.MustCompile(`\s?\[(` + rstNoteLabel + `)\]_`)
	// A reference by a simple name, "the harbour_ office": its text.
	rstNameRef = regexp.MustCompile(`(^|[\s(])([\pL\pN][\pL\pN.-]*?)__?([\s.,;:!?)]|$)`)
)

// A substitution's definition, ".. |name| replace:: text", and a
// reference to one, "|name|" (maybe a link, "|name|_").
var (
	rstSubstDef = regexp.MustCompile(`^\.\. \|([^|\s](?:[^|]*[^|\s])?)\|\s+([A-Za-z-]+)::\s*(.*)$`)
	rstSubstRef = regexp.MustCompile(`\|([^|\s](?:[^|]*[^|\s])?)\|(?:__?)?`)
)

var rstSpaceBeforeStop = regexp.MustCompile(` ([.,;:!?])`)

// rstSubstitutions reads a document's substitution definitions: the text
// a "replace" gives, the characters a "unicode" names ("U+00A9",
// "0xA9", "169"), nothing for a picture ("image"), which the text reads
// around. Substitutions are matched regardless of case, as docutils
// matches them when no exact match exists.
func rstSubstitutions(lines []string) map[string]string {
	var subs map[string]string
	for _, line := range lines {
		if !strings.HasPrefix(line, ".. |") {
			continue
		}
		m := rstSubstDef.FindStringSubmatch(strings.TrimRight(line, " \t"))
		if m == nil {
			continue
		}
		var v string
		switch strings.ToLower(m[2]) {
		case "replace":
			v = rstInline(m[3])
		case "unicode":
			code, _, _ := strings.Cut(m[3], " .. ") // a comment may follow
			for _, c := range strings.Fields(code) {
				v += rstCharCode(c)
			}
		case "image":
		default:
			continue // a date, or a directive no reader has
		}
		if subs == nil {
			subs = map[string]string{}
		}
		subs[strings.ToLower(m[1])] = v
	}
	return subs
}

// rstCharCode is the character a unicode directive's code names, in
// any of docutils' forms ("U+00A9", "u00A9", "0xA9", "xA9", "\\xA9",
// "&#xA9;", "169"), or the text itself when it is none.
func rstCharCode(c string) string {
	low := strings.TrimSuffix(strings.TrimPrefix(strings.ToLower(c), "\\"), ";")
	digits, base := low, 10
	for _, prefix := range []string{"u+", "0x", "&#x", "x", "u"} {
		if rest, ok := strings.CutPrefix(low, prefix); ok {
			digits, base = rest, 16
			break
		}
	}
	n, err := strconv.ParseUint(digits, base, 32)
	// Only characters an XML feed may carry: no controls, surrogates or
	// U+FFFE and U+FFFF.
	if err != nil || n > unicode.MaxRune || n < 0x20 || n == 0x7f || !xmlRune(rune(n)) {
		return c
	}
	return string(rune(n))
}

// rstNoteLabel is a footnote's or a citation's label.
const rstNoteLabel = `\d+|#|#[\pL\pN][\w.-]*|\*|[\pL_][\w.-]*`

// rstNotes keys a document's footnotes and citations as its references
// do: an auto-numbered "[#]" or "[*]" reference is to the next such
// note in the document's order, as docutils pairs them.
type rstNotes struct{ refs, defs map[string]int }

// key is the key of label, the n-th "#" or "*" reference or note when
// it is one of those (counts holds how many came before).
func (n *rstNotes) key(label string, counts *map[string]int) string {
	if label != "#" && label != "*" {
		return strings.ToLower(label) // citations match regardless of case
	}
	if *counts == nil {
		*counts = map[string]int{}
	}
	(*counts)[label]++
	return label + strconv.Itoa((*counts)[label])
}

// refs leaves a mark for each footnote reference in p.
func (n *rstNotes) marks(p string) string {
	if !strings.Contains(p, "]_") {
		return p
	}
	return rstNoteRef.ReplaceAllStringFunc(p, func(m string) string {
		label := rstNoteRef.FindStringSubmatch(m)[1]
		return noteRef(n.key(label, &n.refs), m)
	})
}

// rstInline leaves the text of a paragraph's inline markup.
func rstInline(p string) string {
	// The patterns run only where their marks are (see adocInline).
	if strings.IndexByte(p, '`') >= 0 {
		p = rstLink.ReplaceAllString(p, "$1")
		p = rstRole.ReplaceAllString(p, "$1")
		p = rstInlineLiteral.ReplaceAllString(p, "$1")
		p = rstRef.ReplaceAllString(p, "$1")
	}
	if strings.IndexByte(p, '*') >= 0 {
		p = rstStrong.ReplaceAllString(p, "$1")
		p = rstEmphasis.ReplaceAllString(p, "$1$2")
	}
	if strings.IndexByte(p, '_') >= 0 {
		p = rstNameRef.ReplaceAllString(p, "$1$2$3")
	}
	return p
}

// rstDropped are the directives whose content is no text of the article.
var rstDropped = []string{"raw", "include", "meta", "contents", "toctree", "only"}

// rstAdmonitions are the admonitions' labels by their directives.
var rstAdmonitions = map[string]string{
	"note": "Note", "warning": "Warning", "tip": "Tip", "hint": "Hint", "important": "Important", "caution": "Caution",
	"danger": "Danger", "attention": "Attention", "error": "Error", "seealso": "See also", "todo": "To do",
}

// rstCode are the directives whose content is code, kept line by line.
var rstCode = []string{"code", "code-block", "sourcecode", "highlight"}

// rstParagraphs splits a reST body into its paragraphs: blocks between
// blank lines with their wrapped lines joined, each list item one, a
// section title alone without its adornment, a literal block (after
// "::") or code directive with its lines as written, a picture (an image
// or figure directive) with its alt text and a figure's caption. Any
// other directive loses its marker and options and keeps its text (a
// note's) unless it holds none (raw markup, an include); comments, link
// targets and footnotes leave.
func rstParagraphs(text string) []bodyBlock {
	lines := strings.Split(text, "\n")
	var (
		blocks []bodyBlock
		pend   pending
	)
	literal, literalNext := false, false
	skipping := false // inside a comment or a dropped directive
	picture := -1     // the picture block whose options and caption follow
	var notes rstNotes
	var levels listLevels
	note := ""    // the key of the note whose lines are indented under it
	term := false // the paragraph pending is one line, which may be a term
	desc := false // indented lines go on with a term's description
	lineBlock := false
	label := "" // an admonition's, over its first paragraph
	subs := rstSubstitutions(lines)
	inline := func(p string) string {
		if subs != nil && strings.IndexByte(p, '|') >= 0 {
			gone := false
			p = rstSubstRef.ReplaceAllStringFunc(p, func(m string) string {
				v, ok := subs[strings.ToLower(rstSubstRef.FindStringSubmatch(m)[1])]
				if !ok {
					return m
				}
				gone = gone || v == ""
				return v
			})
			if gone {
				// The space a picture stood in, before a word or a stop.
				p = rstSpaceBeforeStop.ReplaceAllString(strings.Join(strings.Fields(p), " "), "$1")
			}
		}
		p = rstInline(notes.marks(p))
		if strings.HasSuffix(p, "::") {
			// "was::" reads "was:", "below ::" and "::" nothing; a
			// literal block follows.
			literalNext = true
			p = strings.TrimSuffix(p, ":")
			if strings.HasSuffix(p, " :") || p == ":" {
				p = strings.TrimSpace(strings.TrimSuffix(p, ":"))
			}
		}
		return p
	}
	flush := func() {
		if literal {
			pend.kind = blockLiteral
		}
		blocks = pend.end(blocks, inline)
	}
	skipTo := 0 // lines before it were read as a table
	for i, line := range lines {
		if i < skipTo {
			continue
		}
		trim := strings.TrimSpace(line)
		indented := trim != "" && (line[0] == ' ' || line[0] == '\t')
		if !literal && !skipping && len(pend.lines) == 0 {
			if t, n, ok := rstTable(lines[i:]); ok {
				blocks = append(blocks, t)
				skipTo = i + n
				continue
			}
		}
		switch {
		case trim == "":
			if !literal {
				flush()
			}
			lineBlock = false
			continue
		case skipping && indented:
			continue
		case picture >= 0 && indented:
			if k, v, ok := rstField(trim); ok {
				if k == "alt" {
					blocks[picture].alt = v
				}
			} else {
				blocks[picture].text = strings.TrimSpace(blocks[picture].text + " " + rstInline(trim))
			}
			continue
		case !indented && strings.HasPrefix(line, ".."):
			flush()
			literal, term, desc = false, false, false
			skipping = true
			picture = -1
			note = ""
			if m := rstNote.FindStringSubmatch(trim); m != nil {
				skipping = false
				note = notes.key(m[1], &notes.defs)
				pend.kind, pend.key = blockNote, note
				if m[2] != "" {
					pend.lines = append(pend.lines, m[2])
				}
				continue
			}
			if m := rstDirective.FindStringSubmatch(line); m != nil {
				name := strings.ToLower(m[1])
				if name == "image" || name == "figure" {
					skipping = false
					blocks = append(blocks, bodyBlock{kind: blockPicture, src: strings.TrimSpace(line[len(m[0]):])})
					picture = len(blocks) - 1
					continue
				}
				arg := strings.TrimSpace(line[len(m[0]):])
				if name == "list-table" || name == "csv-table" {
					n := directiveLines(lines[i+1:])
					if t, ok := rstDirectiveTable(name, lines[i+1:i+1+n]); ok {
						if arg != "" {
							blocks = append(blocks, bodyBlock{text: rstInline(arg)}) // its title
						}
						blocks = append(blocks, t)
					}
					skipTo, skipping = i+1+n, false
					continue
				}
				skipping = slices.Contains(rstDropped, name)
				if slices.Contains(rstCode, name) {
					literalNext = true
				}
				// An admonition's kind heads its first paragraph, as
				// docutils prints it over the text.
				label = rstAdmonitions[name]
				if arg != "" && !skipping && !literalNext {
					if label != "" {
						arg, label = label+": "+arg, ""
					}
					pend.lines = append(pend.lines, arg) // a note's or topic's first words
				}
			}
			continue
		case !literal && !indented && (trim == "|" || strings.HasPrefix(line, "| ")):
			// A line block: each line breaks where it ends and keeps
			// its indent; an empty one parts stanzas.
			if !lineBlock {
				flush()
				lineBlock = true
			}
			skipping, picture, note, term, desc = false, -1, "", false, false
			text := strings.TrimRight(strings.TrimPrefix(line[1:], " "), " \t")
			if text == "" {
				flush()
				continue
			}
			rest := strings.TrimLeft(text, " ")
			pend.lines = append(pend.lines, breakLine(strings.Repeat("\u00a0", len(text)-len(rest))+rest))
			continue
		case lineBlock && indented && len(pend.lines) > 0:
			// A line block's long line, continued.
			last := &pend.lines[len(pend.lines)-1]
			*last = breakLine(strings.TrimSuffix(*last, "\n") + " " + trim)
			continue
		case rstAdornment(line) && !literal:
			continue // an underline, an overline or a transition
		case indented && strings.HasPrefix(trim, ":") && len(pend.lines) == 0 && !literal:
			if _, _, ok := rstField(trim); ok {
				continue // a directive's option
			}
		}
		skipping = false
		picture = -1
		switch {
		case !indented:
			if (note != "" || desc) && len(pend.lines) > 0 {
				flush() // the next term, or a paragraph, with no blank line before it
			}
			note, desc = "", false
		case term && !literal && !literalNext:
			// A line, then indented lines right under it: a term and
			// its description.
			pend.kind = blockTerm
			flush()
			desc = true
		}
		term = false
		if indented && len(pend.lines) == 0 && !literal && !literalNext {
			switch {
			case note != "":
				pend.kind, pend.key = blockNote, note // its next paragraph
			case desc:
				pend.kind = blockDesc
			}
		}
		if literal && !indented {
			flush()
			literal = false
			if rstAdornment(line) {
				continue
			}
		}
		if literalNext && indented && len(pend.lines) == 0 {
			literal, literalNext = true, false
		}
		if literal {
			pend.lines = append(pend.lines, strings.TrimRight(line, " \t"))
			continue
		}
		if !indented && !literalNext && len(pend.lines) == 0 {
			// A field list's or an option list's item, opening a
			// paragraph: its name or options a term, the rest its
			// description.
			name, text, ok := rstFieldAsWritten(trim)
			if !ok {
				if m := rstOption.FindStringSubmatch(trim); m != nil {
					name, text, ok = m[1], m[2], true
				}
			}
			if ok {
				flush()
				pend.kind, pend.lines = blockTerm, append(pend.lines, name)
				flush()
				pend.kind, desc, term = blockDesc, true, false
				if text != "" {
					pend.lines = append(pend.lines, text)
				}
				continue
			}
		}
		literalNext = false
		if m := rstItem.FindStringSubmatch(line); m != nil || i+1 < len(lines) && rstAdornment(lines[i+1]) && !rstAdornment(line) {
			flush() // a list item, or a section title, starts a paragraph
			if m != nil {
				trim, pend.kind = line[len(m[0]):], blockBullet
				pend.level = levels.at(len(line) - len(strings.TrimLeft(line, " \t")))
				pend.ordered = !strings.ContainsAny(m[1], "-*+•")
				pend.start = itemNumber(m[1])
			}
		}
		if label != "" {
			if indented && len(pend.lines) == 0 {
				trim = label + ": " + trim
			}
			label = ""
		}
		pend.lines = append(pend.lines, trim)
		if i+1 < len(lines) && rstAdornment(lines[i+1]) && !rstAdornment(line) {
			pend.kind = blockHeading
			flush() // the title alone
		}
		term = !indented && len(pend.lines) == 1 && pend.kind == blockPara && rstItem.FindStringIndex(line) == nil && trim[0] != ':' &&
			!strings.HasSuffix(trim, "::")
	}
	flush()
	return blocks
}

// directiveLines returns how many of lines are a directive's content:
// indented lines and the blank lines between them.
func directiveLines(lines []string) int {
	n := 0
	for i, l := range lines {
		if t := strings.TrimSpace(l); t != "" {
			if l[0] != ' ' && l[0] != '\t' {
				break
			}
			n = i + 1
		}
	}
	return n
}

// rstDirectiveTable reads a list-table (rows as a two-level bullet list,
// "* - cell" opening a row) or a csv-table (rows of comma-separated
// values, its header in a ":header:" option too) from the directive's
// content; ":header-rows: N" names the header rows of either. A table
// kept in a file (":file:", ":url:") is not read.
func rstDirectiveTable(name string, lines []string) (bodyBlock, bool) {
	var rows [][]string
	head := 0
	body := strings.Split(dedent(lines), "\n")
	k := 0
	for ; k < len(body); k++ {
		f, v, ok := rstFieldAsWritten(strings.TrimSpace(body[k]))
		if !ok {
			break
		}
		switch strings.ToLower(f) {
		case "header-rows":
			head, _ = strconv.Atoi(v)
		case "header":
			if r, err := csvRows(v); err == nil && len(r) > 0 {
				rows, head = append(rows, r[0]), max(head, 1)
			}
		case "delim", "file", "url":
			return bodyBlock{}, false
		}
	}
	body = body[k:]
	if name == "csv-table" {
		r, err := csvRows(strings.Join(body, "\n"))
		if err != nil {
			return bodyBlock{}, false
		}
		rows = append(rows, r...)
	} else {
		for _, l := range body {
			t := strings.TrimSpace(l)
			indent := len(l) - len(strings.TrimLeft(l, " "))
			switch {
			case strings.HasPrefix(l, "* -") || strings.HasPrefix(l, "- -"):
				rows = append(rows, []string{strings.TrimSpace(l[3:])}) // a row's first cell
			case len(rows) == 0 || t == "":
			case indent >= 2 && (t == "-" || strings.HasPrefix(t, "- ")):
				rows[len(rows)-1] = append(rows[len(rows)-1], strings.TrimSpace(t[1:]))
			default:
				// A cell's text, continued.
				r := rows[len(rows)-1]
				r[len(r)-1] = strings.TrimSpace(r[len(r)-1] + " " + t)
			}
		}
	}
	for _, r := range rows {
		for j := range r {
			r[j] = rstInline(r[j])
		}
	}
	return tableBlock(rows, head)
}

// csvRows reads a csv-table's rows: values after a comma may start with
// spaces, quotes may be loose.
func csvRows(s string) ([][]string, error) {
	r := csv.NewReader(strings.NewReader(s))
	r.TrimLeadingSpace, r.LazyQuotes, r.FieldsPerRecord = true, true, -1
	rows, err := r.ReadAll()
	for _, row := range rows {
		for j := range row {
			row[j] = strings.TrimSpace(row[j])
		}
	}
	return rows, err
}

// rstTable reads a grid table ("+----+----+" rules around "| a | b |"
// rows, "+====+" under the header) or a simple table (columns of "====="
// over, under the header and under the rows) at the top of lines. It
// returns the table and how many lines it took.
func rstTable(lines []string) (bodyBlock, int, bool) {
	first := strings.TrimSpace(lines[0])
	if gridRule(first) {
		var rows [][]string
		var row []string
		head, n := 0, 0
		for _, l := range lines {
			t := strings.TrimSpace(l)
			switch {
			case gridRule(t):
				if row != nil {
					rows, row = append(rows, row), nil
				}
				if strings.Contains(t, "=") {
					head = len(rows)
				}
			case strings.HasPrefix(t, "|"):
				cells := pipeCells(t)
				if row == nil {
					row = cells
					break
				}
				for j := range min(len(row), len(cells)) {
					row[j] = strings.TrimSpace(row[j] + " " + cells[j])
				}
			default:
				return finishTable(rows, head, n)
			}
			n++
		}
		return finishTable(rows, head, n)
	}
	cols := simpleBorder(lines[0])
	if cols == nil {
		return bodyBlock{}, 0, false
	}
	var segments [][][]string
	var seg [][]string
	for j := 1; j < len(lines); j++ {
		l := lines[j]
		if slices.Equal(simpleBorder(l), cols) {
			segments, seg = append(segments, seg), nil
			if j+1 == len(lines) || strings.TrimSpace(lines[j+1]) == "" {
				var rows [][]string
				for _, s := range segments {
					rows = append(rows, s...)
				}
				head := 0
				if len(segments) > 1 {
					head = len(segments[0])
				}
				return finishTable(rows, head, j+1)
			}
			continue
		}
		if strings.TrimSpace(l) == "" {
			continue
		}
		cells := make([]string, len(cols))
		for k, start := range cols {
			end := len(l)
			if k+1 < len(cols) {
				end = min(cols[k+1], len(l))
			}
			if start < end {
				cells[k] = strings.TrimSpace(l[start:end])
			}
		}
		if cells[0] == "" && len(seg) > 0 {
			// A first column left blank goes on with the row above.
			prev := seg[len(seg)-1]
			for k := range prev {
				prev[k] = strings.TrimSpace(prev[k] + " " + cells[k])
			}
			continue
		}
		seg = append(seg, cells)
	}
	return bodyBlock{}, 0, false // never closed: no table
}

// finishTable is the table of rows, with their inline markup read, and
// the n lines it took.
func finishTable(rows [][]string, head, n int) (bodyBlock, int, bool) {
	for _, r := range rows {
		for k := range r {
			r[k] = rstInline(r[k])
		}
	}
	t, ok := tableBlock(rows, head)
	return t, n, ok
}

// gridRule reports a grid table's rule line: "+", "-" and "=" alone,
// opening and closing with "+".
func gridRule(t string) bool {
	return len(t) > 2 && t[0] == '+' && t[len(t)-1] == '+' && strings.Trim(t, "+-=") == "" && strings.ContainsAny(t, "-=")
}

// simpleBorder returns where the columns of a simple table's border
// ("=====  ====") start, nil when line is no such border: two runs of
// "=" or more, with spaces between.
func simpleBorder(line string) []int {
	line = strings.TrimRight(line, " \t")
	if strings.Trim(line, "= ") != "" || !strings.Contains(strings.TrimSpace(line), " ") {
		return nil
	}
	var cols []int
	for i := 0; i < len(line); i++ {
		if line[i] == '=' && (i == 0 || line[i-1] == ' ') {
			cols = append(cols, i)
		}
	}
	if len(cols) < 2 {
		return nil
	}
	return cols
}

// dedent joins a literal block's lines without the indent they share.
func dedent(lines []string) string {
	indent := -1
	for _, l := range lines {
		if t := strings.TrimLeft(l, " \t"); t != "" && (indent < 0 || len(l)-len(t) < indent) {
			indent = len(l) - len(t)
		}
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = l[min(max(indent, 0), len(l)-len(strings.TrimLeft(l, " \t"))):]
	}
	return strings.Join(out, "\n")
}

// parseRST reads a reST document: its title, subtitle and docinfo fields,
// which win over anything else as a Markdown front matter's do, and its
// paragraphs.
func parseRST(text string, opts Options, a *Article) error {
	title, subtitle, root, body := splitRST(text)
	fm := readHeader(a, root, opts)
	blocks := rstParagraphs(body)
	for i := range blocks {
		// docutils prints a footnote where it is written, whether or
		// not the text refers to it.
		blocks[i].keep = blocks[i].kind == blockNote
	}
	if err := setBody(a, blocks, opts, "reStructuredText"); err != nil {
		return err
	}
	fm.setHeader(a, title, subtitle)
	return nil
}
