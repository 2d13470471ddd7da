package article

import (
	"fmt"
	"slices"
	"strings"
)

// goldmark's parser takes time quadratic in a few shapes no writer makes
// but a broken export or a hostile file can: a paragraph of thousands of
// unclosed link openers ("[a](" or "[a](<" over and over: minutes for a
// megabyte), of emphasis marks that never close, quotes or lists nested
// thousands deep ("- - - - … item" on each line: 20 s for 2 MB; items
// indented further on each line), and tens of thousands of footnotes or
// link definitions. One such
// file would hold up a scan of the whole folder, so guardMarkdown bounds
// them before goldmark reads the text, and says what it did. A file a
// person writes comes out unchanged: the bounds are far above anything
// written by hand or by a site generator.
const (
	// maxNesting is how many quote and list markers a line may open
	// before the rest of it is text; maxMarkerColumn how far in a list
	// item's marker may stand (a list nested 64 deep, at two columns a
	// level) before it is text.
	maxNesting      = 32
	maxMarkerColumn = 128
	// maxMarkCost bounds the sum over the file's paragraphs of the square
	// of their link, emphasis and HTML marks and of the bytes their link
	// destinations can run over, the shape of goldmark's work on them:
	// about a second of it at worst.
	maxMarkCost = 1 << 27
	// maxFootnotes and maxLinkDefs bound the footnote and link
	// definitions goldmark resolves (its work on them is quadratic too).
	maxFootnotes = 2000
	maxLinkDefs  = 10000
)

// mdGuard is what guardMarkdown did.
type mdGuard struct {
	text     string
	noNotes  bool // too many footnotes: read without the footnote extension
	warnings []string
}

// mdUnit is what goldmark parses inline as one piece, as far as a line
// scan tells: a paragraph, a list item's lines, a table row, a heading.
type mdUnit struct {
	from, to int // line indexes, to exclusive
	marks    int
	// cost bounds goldmark's work on the unit: the square of its marks,
	// and the bytes its link destinations can run over (linkScanCost).
	cost int
}

// guardMarkdown returns src with the shapes above made plain text: a
// paragraph (or list item, or table row) whose marks cost too much is
// shown as written (every ASCII punctuation mark escaped), quotes and
// lists nested deeper than maxNesting on a line, or with a list marker
// past maxMarkerColumn, keep their further markers as text, link
// definitions past maxLinkDefs are text, and past maxFootnotes the
// footnotes are read as text (noNotes).
func guardMarkdown(src string) mdGuard {
	g := mdGuard{text: src}
	if len(src) < 4096 {
		return g // too short to cost anything
	}
	lines := strings.SplitAfter(src, "\n")
	changed := false
	code := fencedLines(lines)
	var units []mdUnit
	open, table, inList := -1, false, false
	notes, defs, deep := 0, 0, 0
	closeUnit := func(i int) {
		if open >= 0 {
			units = append(units, mdUnit{from: open, to: i})
		}
		open = -1
	}
	for i, line := range lines {
		if code[i] || strings.TrimSpace(line) == "" {
			closeUnit(i)
			table = false
			continue
		}
		t := strings.TrimLeft(line, " \t")
		item := listItemStart(t)
		switch {
		case open < 0:
			table = i+1 < len(lines) && delimiterRow(lines[i+1])
		// What goldmark parses apart: a table's rows, a heading, a list's
		// next item; an item opens a list under a paragraph only when
		// it is a bullet or numbered 1 (a "2." there continues the
		// paragraph, and so counts with it).
		case table || atxHeading(t) || item != 0 && (item == 1 || inList):
			closeUnit(i)
		}
		if open < 0 {
			open, inList = i, item != 0
		}
		if strings.HasPrefix(t, "[^") && strings.Contains(t, "]:") {
			notes++
		} else if len(line)-len(t) <= 3 && strings.HasPrefix(t, "[") && strings.Contains(t, "]:") {
			defs++
			if defs > maxLinkDefs {
				lines[i] = line[:len(line)-len(t)] + `\` + t
				changed = true
			}
		}
		if d := nestingEnd(line); d > 0 {
			lines[i] = line[:d] + `\` + line[d:]
			changed = true
			deep++
		}
	}
	closeUnit(len(lines))
	if deep > 0 {
		which := fmt.Sprintf("%d lines nest", deep)
		if deep == 1 {
			which = "a line nests"
		}
		g.warnings = append(g.warnings, fmt.Sprintf("Markdown: %s quotes or lists more than %d deep or %d columns in; the deeper markers are text", which, maxNesting, maxMarkerColumn))
	}
	if defs > maxLinkDefs {
		g.warnings = append(g.warnings, fmt.Sprintf("Markdown: %d link definitions; those past the first %d are text", defs, maxLinkDefs))
	}
	if notes > maxFootnotes {
		g.noNotes = true
		g.warnings = append(g.warnings, fmt.Sprintf("Markdown: %d footnotes; more than %d are read as text", notes, maxFootnotes))
	}
	cost := 0
	for k := range units {
		u := &units[k]
		for _, line := range lines[u.from:u.to] {
			u.marks += strings.Count(line, "[") + strings.Count(line, "*") + strings.Count(line, "_") +
				strings.Count(line, "~") + strings.Count(line, "<")
			u.cost += linkScanCost(line)
		}
		u.cost += u.marks * u.marks
		cost += u.cost
	}
	if cost > maxMarkCost {
		// The costliest pieces become text until the rest is cheap.
		slices.SortFunc(units, func(a, b mdUnit) int { return b.cost - a.cost })
		for _, u := range units {
			if cost <= maxMarkCost {
				break
			}
			cost -= u.cost
			for i := u.from; i < u.to; i++ {
				lines[i] = escapePunct(lines[i])
			}
			changed = true
			where := fmt.Sprintf("line %d", u.from+1)
			if u.to-u.from > 1 {
				where = fmt.Sprintf("lines %d-%d", u.from+1, u.to)
			}
			g.warnings = append(g.warnings, fmt.Sprintf("Markdown: %s: %d link, emphasis and HTML marks, which goldmark reads slowly; shown as written", where, u.marks))
		}
	}
	if changed {
		g.text = strings.Join(lines, "")
	}
	return g
}

// listItemStart reports whether t (a line without its indent) opens a
// list item, "-", "*" or "+", or a number and "." or ")", then a blank:
// 0 if not, 1 for a bullet or the number 1, 2 for another number.
func listItemStart(t string) int {
	n := listMarkerLen(t)
	switch {
	case n == 0:
		return 0
	case n > 1 && strings.TrimLeft(t[:n-1], "0") != "1":
		return 2
	}
	return 1
}

// atxHeading reports whether t opens with a heading's marks: one to six
// "#" and a blank or the line's end.
func atxHeading(t string) bool {
	n := 0
	for n < len(t) && t[n] == '#' {
		n++
	}
	return n >= 1 && n <= 6 && (n == len(t) || t[n] == ' ' || t[n] == '\t' || t[n] == '\n' || t[n] == '\r')
}

// delimiterRow reports a table's delimiter row: "|---|:--:|", "--- | ---".
func delimiterRow(line string) bool {
	t := strings.TrimSpace(line)
	if !strings.Contains(t, "-") || strings.Trim(t, "|:- \t") != "" {
		return false
	}
	return strings.Contains(t, "|")
}

// linkScanCost bounds the bytes goldmark reads for the destinations of
// the links line opens ("](" then blanks): each runs to the next blank,
// or, written "<…", to the next ">", and at most to the line's end. A
// few openers before a long run with no blank cost as much as many.
func linkScanCost(line string) int {
	if !strings.Contains(line, "](") {
		return 0
	}
	// Right to left: the nearest blank, ">" and non-blank (with where its
	// run of non-blanks ends) at or after each byte.
	n := len(line)
	blank, gt, word, wordEnd := n, n, n, n
	cost := 0
	for i := n - 1; i >= 0; i-- {
		c := line[i]
		if c == '(' && i > 0 && line[i-1] == ']' {
			if word < n && line[word] == '<' {
				cost += gt - word
			} else {
				cost += wordEnd - word
			}
		}
		switch c {
		case ' ', '\t', '\n', '\r', '\f', '\v':
			blank = i
		default:
			word, wordEnd = i, blank
		}
		if c == '>' {
			gt = i
		}
	}
	return cost
}

// nestingEnd returns where in line a marker opens a quote or a list
// past maxNesting markers on the line, or a list item past
// maxMarkerColumn, and 0 when none does: goldmark's work on every line
// grows with how many quotes and lists are open.
func nestingEnd(line string) int {
	depth, col := 0, 0
	for i := 0; i < len(line); {
		switch c := line[i]; {
		case c == ' ':
			col++
			i++
			continue
		case c == '\t':
			col += 4 - col%4
			i++
			continue
		case c == '>':
			depth++
			if depth > maxNesting {
				return i
			}
			col++
			i++
			continue
		}
		n := listMarkerLen(line[i:])
		if n == 0 {
			return 0
		}
		depth++
		if depth > maxNesting || col > maxMarkerColumn {
			return i
		}
		col += n
		i += n
	}
	return 0
}

// listMarkerLen returns the length of the list item's marker t opens
// with ("-", "*", "+", or up to nine digits and "." or ")") when a blank
// follows it, else 0.
func listMarkerLen(t string) int {
	i := 0
	for i < len(t) && i < 9 && '0' <= t[i] && t[i] <= '9' {
		i++
	}
	switch {
	case i == 0 && len(t) > 0 && (t[0] == '-' || t[0] == '*' || t[0] == '+'):
		i = 1
	case i > 0 && i < len(t) && (t[i] == '.' || t[i] == ')'):
		i++
	default:
		return 0
	}
	if i < len(t) && (t[i] == ' ' || t[i] == '\t') {
		return i
	}
	return 0
}

// escapePunct escapes every ASCII punctuation mark of line, which
// Markdown then shows as it is.
func escapePunct(line string) string {
	var b strings.Builder
	b.Grow(len(line) + len(line)/4)
	for i := 0; i < len(line); i++ {
		c := line[i]
		if c < 0x80 && isASCIIPunct(c) {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String()
}

func isASCIIPunct(c byte) bool {
	return '!' <= c && c <= '/' || ':' <= c && c <= '@' || '[' <= c && c <= '`' || '{' <= c && c <= '~'
}
