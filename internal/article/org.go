package article

import (
	"html"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Org (.org, as Emacs writers keep notes and posts, ox-hugo's among them)
// is read by its own structure, as reStructuredText and AsciiDoc are: the
// in-buffer settings that name the post's facts ("#+TITLE:", "#+AUTHOR:",
// "#+DATE: <2024-05-02 Thu>", "#+FILETAGS: :coast:birds:", ox-hugo's
// "#+HUGO_TAGS:"), then headlines, paragraphs, lists, blocks and links.

// The settings that name the post's facts are headerKeys' (ox-hugo's
// "#+HUGO_TAGS:" among them); any other "#+" line steers the export and
// leaves.

var (
	// A setting: "#+KEY: value".
	orgSetting = regexp.MustCompile(`^#\+([A-Za-z_]+):\s*(.*)$`)
	// A headline: stars, an optional TODO keyword and priority, the
	// text, and tags at its end (":a:b:").
	orgHeadline = regexp.MustCompile(`^(\*+)\s+(?:(?:TODO|DONE)\s+)?(?:\[#[A-Z]\]\s+)?(.*?)(?:\s+(:[\w@#%:]+:))?\s*$`)
	// A list item: "- x", "+ x", indented "* x", "1. x", "1) x".
	orgItem = regexp.MustCompile(`^(\s*)([-+]|\s\*|\d+[.)])\s+(\S.*)$`)
	// A timestamp's date and time: <2024-05-02 Thu 10:20> or [...].
	orgTimestamp = regexp.MustCompile(`^[<\[]?(\d{4}-\d{2}-\d{2})(?:\s+[^\s\d>\]]+)?(?:\s+(\d{1,2}:\d{2}))?[^>\]]*[>\]]?$`)
	// A link, with or without its description.
	orgLink = regexp.MustCompile(`\[\[([^\]]+)\](?:\[([^\]]*)\])?\]`)
	// A footnote's reference, "[fn:name]", or one that holds its note,
	// "[fn::text]" or "[fn:name:text]".
	orgNoteRef = regexp.MustCompile(`\[fn:([\w-]*)(?::([^\]]*))?\]`)
	// A footnote's definition, at the start of a line: "[fn:name] text".
	orgNoteDef = regexp.MustCompile(`^\[fn:([\w-]+)\]\s*(.*)$`)
	// A radio target, "<<<name>>>", shows its text; a target, "<<name>>",
	// is an anchor and shows none.
	orgTarget = regexp.MustCompile(`<<<([^<>\n]+?)>>>|<<[^<>\n]+?>>`)
	orgMacro  = regexp.MustCompile(`\{\{\{[^}]*\}\}\}`)
	// A task's planning line: "CLOSED: [2025-04-02 Wed 10:00]",
	// "SCHEDULED: <…>", "DEADLINE: <…>", one or more.
	orgPlanning = regexp.MustCompile(`^(?:(?:CLOSED|SCHEDULED|DEADLINE):\s*[<\[][^>\]]*[>\]]\s*)+$`)
	orgEmphasis = regexp.MustCompile(`(^|[\s(\["'{-])([*/_=~+])([^\s*/_=~+](?:[^\n]*?[^\s])?)([*/_=~+])($|[\s)\]"'.,;:!?}\[\x00-])`)
)

// orgInline leaves the text of a paragraph's links, radio targets and
// emphasis; targets and macros ("{{{kbd(C-x)}}}") leave.
func orgInline(p string) string {
	// The patterns run only where their marks are (see adocInline).
	if strings.Contains(p, "<<") {
		p = orgTarget.ReplaceAllString(p, "$1")
	}
	if strings.Contains(p, "{{{") {
		// The spaces a macro leaves go; the line breaks stay.
		p = strings.Join(strings.FieldsFunc(orgMacro.ReplaceAllString(p, ""), func(r rune) bool { return r == ' ' || r == '\t' }), " ")
	}
	if strings.IndexByte(p, '\\') >= 0 {
		p = orgEntities(p)
	}
	if !strings.ContainsAny(p, "[*/_=~+") {
		return p
	}
	p = orgLink.ReplaceAllStringFunc(p, func(m string) string {
		sm := orgLink.FindStringSubmatch(m)
		if sm[2] != "" {
			return sm[2]
		}
		return strings.TrimPrefix(sm[1], "file:")
	})
	// Twice: "*/both/*" holds one inside the other.
	for range 2 {
		p = orgEmphasis.ReplaceAllStringFunc(p, func(m string) string {
			sm := orgEmphasis.FindStringSubmatch(m)
			if sm[2] != sm[4] {
				return m
			}
			return sm[1] + sm[3] + sm[5]
		})
	}
	return p
}

// orgEntity is an entity, "\\alpha" or "\\alpha{}", as Org reads one:
// its name ends at the first character that is no letter.
var orgEntity = regexp.MustCompile(`\\(there4|sup[123]|frac[13][24]|[a-zA-Z]+)(\{\})?`)

// orgOwnEntities are Org's entities whose names HTML's do not share.
var orgOwnEntities = map[string]string{
	"to": "→", "gets": "←", "dots": "…", "ldots": "…", "backslash": `\`, "celsius": "℃",
	"smiley": "☺", "frowny": "☹", "textbackslash": `\`,
}

// orgEntities writes Org's entities as their characters ("\\mdash{}" is
// "—", "\\alpha" "α"; most are named as in HTML), outside verbatim and
// code ("=\\n=") and links. A name Org does not know stays as written.
func orgEntities(p string) string {
	var keep [][]int // the spans no entity is read in
	for _, m := range orgEmphasis.FindAllStringSubmatchIndex(p, -1) {
		if mark := p[m[4]:m[5]]; mark == "=" || mark == "~" {
			keep = append(keep, m[:2])
		}
	}
	keep = append(keep, orgLink.FindAllStringIndex(p, -1)...)
	var b strings.Builder
	last := 0
	for _, m := range orgEntity.FindAllStringSubmatchIndex(p, -1) {
		if slices.ContainsFunc(keep, func(k []int) bool { return m[0] >= k[0] && m[0] < k[1] }) {
			continue
		}
		name := p[m[2]:m[3]]
		v, ok := orgOwnEntities[name]
		if !ok {
			// HTML reads a legacy entity's name without its ";"
			// ("&notit;" is "¬it;"): the whole name must be one.
			if v = html.UnescapeString("&" + name + ";"); strings.HasSuffix(v, ";") && name != "semi" {
				continue
			}
		}
		b.WriteString(p[last:m[0]])
		b.WriteString(v)
		last = m[1]
	}
	if last == 0 {
		return p
	}
	b.WriteString(p[last:])
	return b.String()
}

// splitOrg reads the settings that name the post's facts, wherever they
// stand, into a front matter mapping (nil for none), and returns it with
// the text without them, and the tags of "#+FILETAGS:" (which an
// export's select tags look at).
func splitOrg(text string) (root *yaml.Node, body string, fileTags []string) {
	var h headerFields
	lines := strings.Split(text, "\n")
	for i, line := range lines {
		m := orgSetting.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		key := headerKeys[strings.ToLower(m[1])]
		if key == "" {
			continue
		}
		value := strings.TrimSpace(m[2])
		switch key {
		case "date", "updated":
			if t := orgTimestamp.FindStringSubmatch(value); t != nil {
				value = strings.TrimSpace(t[1] + " " + t[2])
			}
		case "tags", "categories":
			// ":coast:birds:" or "coast birds"
			tags := strings.FieldsFunc(value, func(r rune) bool { return r == ':' || r == ' ' || r == ',' })
			if strings.EqualFold(m[1], "filetags") {
				fileTags = append(fileTags, tags...)
			}
			value = strings.Join(tags, ", ")
		}
		lines[i] = "#+" // read: leaves the body as every setting does
		v := h.add(key, value, i+1)
		if key == "draft" && (strings.EqualFold(value, "true") || strings.EqualFold(value, "false")) {
			v.Tag, v.Value = "!!bool", strings.ToLower(value)
		}
	}
	return h.node(), strings.Join(lines, "\n"), fileTags
}

// orgParagraphs splits an Org body into blocks: paragraphs with their
// lines joined, headlines (their tags dropped), list items, source and
// example blocks and fixed-width lines as written, pictures (a link to
// a picture alone on its line, with a "#+CAPTION:" above it), quote
// blocks' paragraphs. Comments, drawers, comment and export blocks,
// other settings and the subtrees an export leaves out leave. fileTags
// are the file's "#+FILETAGS:".
func orgParagraphs(text string, fileTags []string) []bodyBlock {
	lines := strings.Split(text, "\n")
	var (
		blocks      []bodyBlock
		pend        pending
		inBlock     string // the open block's name, lower-case, "" when none
		drawer      bool
		caption     string
		inTable     bool
		results     bool       // after "#+RESULTS:"
		verseIndent int        // of the open block's "#+BEGIN_" line
		rows        [][]string // of the table being read
		head        int
	)
	endTable := func() {
		if t, ok := tableBlock(rows, head); ok {
			blocks = append(blocks, t)
		}
		inTable, rows, head = false, nil, 0
	}
	var levels listLevels
	var notes inlineNotes
	inline := func(p string) string {
		if !strings.Contains(p, "[fn:") {
			return orgInline(p)
		}
		return markNotes(p, orgNoteRef, func(sm []string) string {
			key := sm[1]
			if strings.Contains(sm[0][len("[fn:"+key):], ":") {
				// It holds its note.
				key = notes.add(key, orgInline(sm[2]))
			}
			return noteRef(key, sm[0])
		}, orgInline)
	}
	flush := func() { blocks = pend.end(blocks, inline) }
	// A subtree Org leaves out of an export: under a headline tagged
	// with one of the exclude tags ("noexport" unless "#+EXCLUDE_TAGS:"
	// names others) or commented out ("* COMMENT Draft"), or, in a file
	// that tags some subtrees with a select tag, outside them
	// (orgUnselected).
	exclude, selectTags := []string{"noexport"}, []string{"export"}
	for _, line := range lines {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), "#+"); ok {
			switch key, value, _ := strings.Cut(v, ":"); strings.ToUpper(key) {
			case "EXCLUDE_TAGS":
				exclude = strings.Fields(value)
			case "SELECT_TAGS":
				selectTags = strings.Fields(value)
			}
		}
	}
	unselected := orgUnselected(lines, selectTags, fileTags)
	excluded := func(title, tags string) bool {
		if title == "COMMENT" || strings.HasPrefix(title, "COMMENT ") {
			return true
		}
		return slices.ContainsFunc(strings.Split(tags, ":"), func(t string) bool { return t != "" && slices.Contains(exclude, t) })
	}
	skip := 0 // the level of the subtree being left out, 0 when none
	for li, line := range lines {
		if skip > 0 {
			if n := len(line) - len(strings.TrimLeft(line, "*")); n == 0 || n > skip || !strings.HasPrefix(line[n:], " ") {
				continue
			}
			skip = 0
		}
		trim := strings.TrimSpace(line)
		low := strings.ToLower(trim)
		if results {
			// A code block's results, which Org exports only when
			// asked: fixed-width lines, a table or a block.
			switch {
			case strings.HasPrefix(trim, ": ") || trim == ":" || strings.HasPrefix(trim, "|"):
				continue
			case strings.HasPrefix(low, "#+begin_"):
				flush()
				inBlock, _, _ = strings.Cut(low[len("#+begin_"):], " ")
				inBlock, results = "-"+inBlock, false // "-": its lines leave
				continue
			}
			results = false
		}
		if inBlock == "" && !drawer && strings.HasPrefix(trim, "|") {
			if !inTable {
				flush()
				inTable = true
			}
			if strings.HasPrefix(trim, "|-") {
				if len(rows) == 1 {
					head = 1 // a rule under the first row
				}
				continue
			}
			cells := pipeCells(trim)
			for i, c := range cells {
				cells[i] = orgInline(c)
			}
			rows = append(rows, cells)
			continue
		}
		if inTable {
			endTable()
		}
		if inBlock != "" {
			switch {
			case strings.HasPrefix(low, "#+end_"+strings.TrimPrefix(inBlock, "-")):
				flush()
				inBlock = ""
			case inBlock == "src" || inBlock == "example":
				pend.kind = blockLiteral
				pend.lines = append(pend.lines, strings.TrimRight(line, " \t"))
			case inBlock == "quote" || inBlock == "verse" || inBlock == "center":
				switch {
				case trim == "":
					flush()
				case inBlock == "verse":
					// A verse keeps its lines and their indent past
					// the block's own.
					n := len(line) - len(strings.TrimLeft(line, " "))
					pend.lines = append(pend.lines, breakLine(strings.Repeat("\u00a0", max(0, n-verseIndent))+trim))
				default:
					pend.lines = append(pend.lines, orgBreak(trim))
				}
			}
			continue
		}
		if drawer {
			drawer = !strings.EqualFold(trim, ":END:")
			continue
		}
		switch {
		case trim == "":
			flush()
			continue
		case strings.HasPrefix(low, "#+begin_"):
			flush()
			name, _, _ := strings.Cut(low[len("#+begin_"):], " ")
			inBlock = name
			verseIndent = len(line) - len(strings.TrimLeft(line, " "))
			continue
		case strings.HasPrefix(low, "#+caption:"):
			flush()
			caption = orgInline(strings.TrimSpace(trim[len("#+caption:"):]))
			continue
		case strings.HasPrefix(low, "#+results:"):
			flush()
			results = true
			continue
		case strings.HasPrefix(trim, "#+") || trim == "#" || strings.HasPrefix(trim, "# "):
			continue // a setting, or a comment
		case len(trim) > 2 && trim[0] == ':' && trim[len(trim)-1] == ':' && !strings.Contains(trim, " "):
			flush()
			drawer = !strings.EqualFold(trim, ":END:")
			continue
		case strings.HasPrefix(trim, ": ") || trim == ":":
			if pend.kind != blockLiteral {
				flush()
			}
			pend.kind = blockLiteral
			pend.lines = append(pend.lines, strings.TrimPrefix(strings.TrimPrefix(trim, ":"), " "))
			continue
		}
		if pend.kind == blockLiteral {
			flush()
		}
		if m := orgLink.FindStringSubmatch(trim); m != nil && m[0] == trim && m[2] == "" {
			if src := strings.TrimPrefix(m[1], "file:"); pictureFile(src) {
				// A link to a picture alone on its line: Org shows the
				// picture in place.
				flush()
				blocks = append(blocks, bodyBlock{kind: blockPicture, src: src, text: caption})
				caption = ""
				continue
			}
		}
		caption = ""
		if orgPlanning.MatchString(trim) {
			continue // a task's dates, which Org exports only when asked
		}
		if line[0] == '*' {
			if m := orgHeadline.FindStringSubmatch(line); m != nil {
				flush()
				if excluded(m[2], m[3]) || unselected[li] {
					skip = len(m[1])
					continue
				}
				if t := orgInline(strings.TrimSpace(m[2])); t != "" {
					blocks = append(blocks, bodyBlock{text: t, kind: blockHeading})
				}
				continue
			}
		}
		if m := orgNoteDef.FindStringSubmatch(line); m != nil {
			flush()
			pend.kind, pend.key, trim = blockNote, m[1], m[2]
		}
		if m := orgItem.FindStringSubmatch(line); m != nil {
			flush()
			if term, desc, ok := strings.Cut(m[3], " :: "); ok {
				// "- term :: description", a definition list's item.
				pend.kind, pend.lines = blockTerm, append(pend.lines, term)
				flush()
				pend.kind, trim = blockDesc, desc
			} else {
				pend.kind, pend.level, trim = blockBullet, levels.at(len(m[1])), checkBox(m[3])
				pend.ordered = strings.ContainsAny(m[2], "0123456789")
				pend.start = itemNumber(m[2])
			}
		}
		pend.lines = append(pend.lines, orgBreak(strings.TrimSpace(trim)))
	}
	endTable()
	flush()
	return append(blocks, notes.blocks...)
}

// orgBreak reads a line's closing "\\", which breaks it there.
func orgBreak(line string) string {
	if t, ok := strings.CutSuffix(line, `\\`); ok {
		return breakLine(strings.TrimSpace(t))
	}
	return line
}

// parseOrg reads an Org document. Without a "#+TITLE:", a first
// level-one headline over the rest is the title, as a post exported from
// one subtree has it.
func parseOrg(text string, opts Options, a *Article) error {
	root, body, fileTags := splitOrg(text)
	fm := readHeader(a, root, opts)
	blocks := orgParagraphs(body, fileTags)
	title := ""
	if fm.Title == "" && len(blocks) > 1 && blocks[0].kind == blockHeading &&
		!slices.ContainsFunc(blocks[1:], func(b bodyBlock) bool { return b.kind == blockHeading && b.text == blocks[0].text }) {
		title, blocks = withoutNoteMarks(blocks[0].text), blocks[1:]
	}
	if err := setBody(a, blocks, opts, "Org document"); err != nil {
		return err
	}
	fm.setHeader(a, title, "")
	return nil
}

// orgUnselected returns the headlines (by line) that Org's export leaves
// out of a file where some subtree carries one of selectTags (":export:"
// by default): every headline but those trees, the headlines within them
// and the headlines above them. The text before the first headline and
// under a kept headline stays. nil when no headline carries a select
// tag, or a file tag is one (everything is selected then).
func orgUnselected(lines []string, selectTags, fileTags []string) map[int]bool {
	if slices.ContainsFunc(fileTags, func(t string) bool { return slices.Contains(selectTags, t) }) {
		return nil
	}
	type headline struct{ line, level int }
	var heads []headline
	var selected []bool
	inBlock := false
	for i, line := range lines {
		low := strings.ToLower(strings.TrimSpace(line))
		switch {
		case strings.HasPrefix(low, "#+begin_"):
			inBlock = true
			continue
		case strings.HasPrefix(low, "#+end_"):
			inBlock = false
			continue
		}
		if inBlock || !strings.HasPrefix(line, "*") {
			continue
		}
		m := orgHeadline.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		heads = append(heads, headline{i, len(m[1])})
		selected = append(selected, slices.ContainsFunc(strings.Split(m[3], ":"), func(t string) bool { return t != "" && slices.Contains(selectTags, t) }))
	}
	if !slices.Contains(selected, true) {
		return nil
	}
	// Each headline's parent, the nearest headline above it of a lower
	// level (-1 for none), by a stack of the open ones.
	parent := make([]int, len(heads))
	var open []int
	for k, h := range heads {
		for len(open) > 0 && heads[open[len(open)-1]].level >= h.level {
			open = open[:len(open)-1]
		}
		parent[k] = -1
		if len(open) > 0 {
			parent[k] = open[len(open)-1]
		}
		open = append(open, k)
	}
	keep := make([]bool, len(heads))
	for k, h := range heads {
		if !selected[k] || keep[k] {
			continue // or kept with a tree above it, and its own
		}
		// The tree under it, and the headlines above it (up to one
		// kept already, whose own are).
		for j := k; j < len(heads) && (j == k || heads[j].level > h.level); j++ {
			keep[j] = true
		}
		for j := parent[k]; j >= 0 && !keep[j]; j = parent[j] {
			keep[j] = true
		}
	}
	out := map[int]bool{}
	for k, h := range heads {
		if !keep[k] {
			out[h.line] = true
		}
	}
	return out
}
