package article

import (
	"net/url"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// AsciiDoc (.adoc, .asciidoc, as Asciidoctor, Antora and Hugo write
// posts) is read by its own structure, as reStructuredText is: the
// document header ("= Title", the author line, the revision line, the
// attribute entries under them), or a front matter above it as Hugo has,
// then sections, paragraphs, lists, delimited blocks and pictures.

// The header attributes that name the post's facts are headerKeys'; any
// other attribute (":toc:", ":icons:") steers the rendering and is passed
// over without a warning. An Antora page's "page-" prefix is dropped
// first.

var (
	// An attribute entry, ":name: value" (":name!:" unsets).
	adocAttr = regexp.MustCompile(`^:([A-Za-z0-9_][\w-]*)!?:(?:\s+(.*))?$`)
	// The revision line: "v1.0, 2025-06-14: remark", or a date alone; a
	// version alone ("v1.0") gives no date.
	adocRevision = regexp.MustCompile(`^(?:v?\d[\w.]*,\s*)?(.*?\d{4}.*?)\s*(?::\s.*)?$`)
	// A section title: "== Title" (or Markdown's "## Title").
	adocSection = regexp.MustCompile(`^(={2,6}|#{2,6})\s+(\S.*)$`)
	// A list item: "* x", "- x", ". x", "1. x", with nesting marks.
	adocItem = regexp.MustCompile(`^\s*(\*{1,5}|-|\.{1,5}|\d+\.)\s+(\S.*)$`)
	// A block picture: "image::wall.jpg[The wall, 600]".
	adocImage = regexp.MustCompile(`^image::([^\[\s]+)\[(.*)\]\s*$`)
	// Inline markup that leaves its text: links with their text, inline
	// macros (a picture's alt text, a key, a footnote's text), cross
	// references.
	adocLinkText = regexp.MustCompile(`(?:(?:https?|ftp|irc)://[^\s\[\]]*|(?:link|mailto|xref|image|kbd|btn|menu|footnote|pass|icon):[^\s\[\]]*)\[([^\]]*)\]`)
	// A footnote: "footnote:[text]", "footnote:name[text]" and a
	// reference to it, "footnote:name[]"; the older
	// "footnoteref:[name,text]" and "footnoteref:[name]".
	adocNote = regexp.MustCompile(`footnote(?:ref)?:([\w-]*)\[([^\]]*)\]`)
	// A definition list's item: "term:: description", or the term alone
	// over its description ("term;;" and deeper "term:::" too).
	adocTerm = regexp.MustCompile(`^(\S.*?)(?::{2,4}|;;)(?:\s+(\S.*))?$`)
	// Preprocessor directives, which Asciidoctor reads before the rest:
	// "include::file[]", "ifdef::name[]", "ifndef::a,b[text]",
	// "ifeval::[…]", "endif::[]".
	adocInclude = regexp.MustCompile(`^include::\S+\[.*\]$`)
	adocIfdef   = regexp.MustCompile(`^(ifdef|ifndef)::([^\[\s]+)\[(.*)\]$`)
	adocIfeval  = regexp.MustCompile(`^ifeval::\[.*\]$`)
	adocEndif   = regexp.MustCompile(`^endif::[^\[\s]*\[\]$`)
	// A block macro other than a picture: "toc::[]", "video::id[youtube]".
	adocBlockMacro = regexp.MustCompile(`^[a-z][\w-]*::[^\[\s]*\[.*\]$`)
	adocXref       = regexp.MustCompile(`<<[^,>]+,\s*([^>]+)>>`)
	adocXrefBare   = regexp.MustCompile(`<<([^,>]+)>>`)
	adocStrong     = regexp.MustCompile(`\*\*([^*]+)\*\*|(^|[\s(\["'])\*([^*\s][^*]*?)\*`)
	adocEmph       = regexp.MustCompile(`__([^_]+)__|(^|[\s(\["'])_([^_\s][^_]*?)_`)
	adocMono       = regexp.MustCompile("``([^`]+)``|`([^`\\s][^`]*?)`")
	// Highlighted text, "#text#", with a role or none ("[.role]#text#").
	adocMark = regexp.MustCompile(`\[[^\]\s]*\]#([^#\n]+)#|(^|[\s(\["'])#([^#\s](?:[^#\n]*[^#\s])?)#($|[^\w#])`)
	// An HTML tag, in a passthrough's raw HTML.
	htmlTag = regexp.MustCompile(`<[^<>]*>`)
	// Superscript and subscript: "E=mc^2^", "H~2~O".
	adocScript = regexp.MustCompile(`\^[^\s^]+\^|~[^\s~]+~`)
	// An inline anchor, "[[id]]" or "[[id,label]]", which shows nothing; a
	// bibliography's "[[[ref]]]" shows "[ref]".
	adocAnchor = regexp.MustCompile(`\[\[(\[[A-Za-z_][\w:.-]*\])\]\]|\[\[[A-Za-z_][\w:.-]*(?:,[^\]]*)?\]\]`)
	// Callouts at the end of a listing's line, after a line comment or
	// none ("x := 1 // <1>", "run <1> <2>", XML's "<!--1-->"), and an
	// item of the callout list under the listing ("<1> The first.";
	// "<.>" numbers itself).
	adocCallouts = regexp.MustCompile(`(?:\s*(?://|#|--|;;))?((?:\s*<(?:\d+|\.|!--(?:\d+|\.)--)>)+)\s*$`)
	adocCallout  = regexp.MustCompile(`<!?-?-?(\d+|\.)-?-?>`)
	adocColist   = regexp.MustCompile(`^<(\d+|\.)>\s+(\S.*)$`)
)

// splitAsciiDoc reads the document header off the top of text: the title,
// the authors, the revision date and the attributes, into a front matter
// mapping. It returns the title, the mapping (nil for none), the
// attributes by name (for references in the body) and the body.
func splitAsciiDoc(text string) (title string, root *yaml.Node, attrs map[string]string, body string) {
	lines := strings.Split(text, "\n")
	i := 0
	for i < len(lines) && (strings.TrimSpace(lines[i]) == "" || strings.HasPrefix(lines[i], "//")) {
		i++
	}
	attrs = map[string]string{}
	var h headerFields
	if i < len(lines) && (strings.HasPrefix(lines[i], "= ") || strings.HasPrefix(lines[i], "# ")) {
		title = strings.TrimSpace(lines[i][2:])
		i++
		// The author line, then the revision line, when they are no
		// attribute entries.
		if i < len(lines) && strings.TrimSpace(lines[i]) != "" && !strings.HasPrefix(lines[i], ":") && !strings.HasPrefix(lines[i], "//") {
			if names := adocAuthors(lines[i]); names != "" {
				h.add("authors", names, i+1)
			}
			i++
			if i < len(lines) && strings.TrimSpace(lines[i]) != "" && !strings.HasPrefix(lines[i], ":") && !strings.HasPrefix(lines[i], "//") {
				if m := adocRevision.FindStringSubmatch(strings.TrimSpace(lines[i])); m != nil {
					h.add("date", m[1], i+1)
				}
				i++
			}
		}
	}
	for ; i < len(lines); i++ {
		line := lines[i]
		if strings.HasPrefix(line, "//") {
			continue
		}
		m := adocAttr.FindStringSubmatch(line)
		if m == nil {
			break
		}
		name, value := strings.ToLower(m[1]), strings.TrimSpace(m[2])
		attrs[name] = value
		key := headerKeys[strings.TrimPrefix(name, "page-")]
		switch {
		case key == "":
		case key == "author" || key == "authors":
			h.add(key, adocAuthors(value), i+1)
		default:
			h.add(key, value, i+1)
		}
	}
	return title, h.node(), attrs, strings.Join(lines[i:], "\n")
}

// adocAuthors is an author line's names, "; "-separated as AsciiDoc
// separates them, without their e-mail addresses.
func adocAuthors(line string) string {
	var names []string
	for _, part := range strings.Split(line, ";") {
		if lt := strings.IndexByte(part, '<'); lt >= 0 {
			part = part[:lt]
		}
		if part = strings.TrimSpace(part); part != "" {
			names = append(names, part)
		}
	}
	return strings.Join(names, "; ")
}

// adocInline leaves the text of a paragraph's inline markup, with
// attribute references ("{author}") replaced by their values.
func adocInline(p string, attrs map[string]string) string {
	// Most paragraphs hold no markup at all: each pattern runs only where
	// its mark is, as the backtracking matcher costs more than the rest
	// of the reading together.
	if !strings.ContainsAny(p, "[<*_`{#^~") {
		return p
	}
	if strings.Contains(p, "[[") {
		p = adocAnchor.ReplaceAllString(p, "$1")
	}
	p = adocLinkText.ReplaceAllStringFunc(p, func(m string) string {
		sm := adocLinkText.FindStringSubmatch(m)
		if strings.HasPrefix(m, "pass:") {
			return htmlTag.ReplaceAllString(sm[1], "") // raw HTML, whose text shows
		}
		text, _, _ := strings.Cut(sm[1], ",") // "text, window=_blank"
		if text = strings.Trim(strings.TrimSpace(text), `"`); text != "" {
			return text
		}
		// A link without a text shows its address; a macro without one
		// shows nothing.
		target := m[:strings.IndexByte(m, '[')]
		if strings.Contains(target, "://") || strings.HasPrefix(target, "link:") || strings.HasPrefix(target, "mailto:") {
			return strings.TrimPrefix(strings.TrimPrefix(target, "link:"), "mailto:")
		}
		return ""
	})
	if strings.Contains(p, "<<") {
		p = adocXref.ReplaceAllString(p, "$1")
		p = adocXrefBare.ReplaceAllString(p, "$1")
	}
	if strings.IndexByte(p, '*') >= 0 {
		p = adocStrong.ReplaceAllString(p, "$1$2$3")
	}
	if strings.IndexByte(p, '_') >= 0 {
		p = adocEmph.ReplaceAllString(p, "$1$2$3")
	}
	if strings.IndexByte(p, '`') >= 0 {
		p = adocMono.ReplaceAllString(p, "$1$2")
	}
	if strings.IndexByte(p, '#') >= 0 {
		p = adocMark.ReplaceAllString(p, "$1$2$3$4")
	}
	if strings.ContainsAny(p, "^~") {
		p = adocScript.ReplaceAllStringFunc(p, func(m string) string {
			return scriptText(m[1:len(m)-1], m[0] == '^')
		})
	}
	if strings.Contains(p, "{") {
		// One pass, so that a value holding a reference reads the same
		// whatever order the map gives.
		p = adocAttrRef.ReplaceAllStringFunc(p, func(m string) string {
			name := strings.ToLower(m[1 : len(m)-1])
			if v, ok := attrs[name]; ok {
				return v
			}
			if v, ok := adocBuiltins[name]; ok {
				return v
			}
			return m
		})
	}
	return p
}

// scriptText writes the text of a superscript (up) or subscript as
// Unicode's raised or lowered characters when it has them all ("mc²",
// "H₂O"), and as it is otherwise.
func scriptText(s string, up bool) string {
	from, to := "0123456789+-=()", []rune("₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎")
	if up {
		from, to = "0123456789+-=()ni", []rune("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ")
	}
	var b strings.Builder
	for _, r := range s {
		i := strings.IndexRune(from, r)
		if i < 0 {
			return s
		}
		b.WriteRune(to[i])
	}
	return b.String()
}

// adocAttrRef is a reference to an attribute, "{name}".
var adocAttrRef = regexp.MustCompile(`\{[A-Za-z0-9_][\w-]*\}`)

// adocBuiltins are the attributes every AsciiDoc document has, which
// writers use to escape a character or to join text to a macro
// ("tide{empty}footnote:[…]").
var adocBuiltins = map[string]string{
	"empty": "", "sp": " ", "nbsp": "\u00a0", "zwsp": "\u200b", "wj": "\u2060",
	"apos": "'", "quot": `"`, "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”",
	"deg": "°", "plus": "+", "brvbar": "¦", "vbar": "|", "amp": "&", "lt": "<", "gt": ">",
	"startsb": "[", "endsb": "]", "caret": "^", "asterisk": "*", "tilde": "~",
	"backslash": `\`, "backtick": "`", "two-colons": "::", "two-semicolons": ";;", "cpp": "C++",
}

// adocDelimiters are the delimited blocks by their delimiter line:
// listing and literal blocks keep their lines; comment and passthrough
// blocks leave; quote, example, sidebar and open blocks keep their
// paragraphs; a table is read as one (adocTable).
var adocDelimiters = map[string]int8{
	"----": blockLiteral, "....": blockLiteral, "////": -1, "++++": -1,
	"____": blockPara, "====": blockPara, "****": blockPara, "--": blockPara,
	"|===": blockTable,
}

// adocParagraphs splits an AsciiDoc body into blocks: paragraphs with
// their lines joined, section titles, list items, listing and literal
// blocks, and block pictures with their alt text and the block title
// (".The wall in March") above them as their caption. Block attribute
// lines ("[source,go]"), other block titles, comments, table delimiters
// and page breaks leave.
func adocParagraphs(text string, attrs map[string]string) []bodyBlock {
	lines := adocPreprocess(strings.Split(text, "\n"), attrs)
	var (
		blocks    []bodyBlock
		pend      pending
		delimiter string // of the open delimited block, "" when none
		delimKind int8
		table     []string // the lines of the table being read
		caption   string   // the block title over the next block
	)
	imagesDir := attrs["imagesdir"]
	var notes inlineNotes
	inline := func(p string) string {
		if !strings.Contains(p, "footnote") {
			return adocInline(p, attrs)
		}
		return markNotes(p, adocNote, func(sm []string) string {
			key, text := sm[1], sm[2]
			if strings.HasPrefix(sm[0], "footnoteref:") {
				key, text, _ = strings.Cut(text, ",")
			}
			return noteRef(notes.add(key, adocInline(text, attrs)), "")
		}, func(p string) string { return adocInline(p, attrs) })
	}
	flush := func() { blocks = pend.end(blocks, inline) }
	// Lines break where they end: every line of the document (its
	// "hardbreaks-option" attribute), of a verse or of a paragraph set
	// so.
	_, hardAll := attrs["hardbreaks-option"]
	if _, ok := attrs["hardbreaks"]; ok {
		hardAll = true
	}
	hard := false
	broken := func(line string) string {
		if t, ok := strings.CutSuffix(line, " +"); ok || hard || hardAll {
			return breakLine(t) // " +" breaks a line
		}
		return line
	}
	callouts := 0 // the listing's callouts numbered by "<.>"
	// An admonition's label ("[NOTE]" over a block, "NOTE: " opening a
	// paragraph) reads as Asciidoctor prints it, "Note:", before the
	// block's first paragraph.
	label := ""
	addLine := func(l string) {
		if len(pend.lines) == 0 {
			if label != "" {
				l, label = label+": "+l, ""
			} else if kind, rest, ok := strings.Cut(l, ": "); ok && adocAdmonitions[kind] != "" {
				l = adocAdmonitions[kind] + ": " + rest
			}
		}
		pend.lines = append(pend.lines, l)
	}
	for _, line := range lines {
		trim := strings.TrimSpace(line)
		if delimiter != "" {
			switch {
			case trim == delimiter:
				flush()
				if t, ok := adocTable(table, attrs); ok && delimKind == blockTable {
					blocks = append(blocks, t)
				}
				delimiter, table = "", nil
			case delimKind == blockTable:
				table = append(table, line)
			case delimKind < 0:
			case delimKind == blockLiteral:
				pend.kind = blockLiteral
				pend.lines = append(pend.lines, calloutNumbers(strings.TrimRight(line, " \t"), &callouts))
			case trim == "":
				flush()
			default:
				addLine(broken(trim))
			}
			if delimiter == "" {
				hard = false // a verse's lines break to its end
			}
			continue
		}
		if k, ok := adocDelimiters[trim]; ok {
			flush()
			delimiter, delimKind, caption, callouts = trim, k, "", 0
			continue
		}
		switch {
		case trim == "":
			flush()
			hard = false
			continue
		case strings.HasPrefix(line, "//"), trim == "<<<", trim == "'''":
			continue
		case len(pend.lines) == 0 && strings.HasPrefix(trim, "[") && strings.HasSuffix(trim, "]"):
			// A block's attributes: an admonition's label, or lines
			// that break where they end (a verse, "%hardbreaks").
			label = adocAdmonitions[trim[1:len(trim)-1]]
			hard = strings.HasPrefix(trim, "[verse") || strings.Contains(trim, "%hardbreaks")
			continue
		case len(pend.lines) == 0 && len(trim) > 1 && trim[0] == '.' && trim[1] != '.' && trim[1] != ' ':
			caption = adocInline(trim[1:], attrs) // a block title
			continue
		}
		if len(pend.lines) == 0 && !strings.HasPrefix(trim, "image::") && adocBlockMacro.MatchString(trim) {
			caption = ""
			continue // a table of contents, a video, a diagram: nothing to read
		}
		if m := adocImage.FindStringSubmatch(trim); m != nil {
			flush()
			src := m[1]
			if u, err := url.Parse(src); imagesDir != "" && err == nil && u.Scheme == "" && !strings.HasPrefix(src, "/") {
				src = path.Join(imagesDir, src)
			}
			alt, _, _ := strings.Cut(m[2], ",")
			blocks = append(blocks, bodyBlock{kind: blockPicture, src: src, alt: strings.Trim(strings.TrimSpace(alt), `"`), text: caption})
			caption = ""
			continue
		}
		if m := adocSection.FindStringSubmatch(trim); m != nil && len(pend.lines) == 0 {
			blocks = append(blocks, bodyBlock{text: adocInline(m[2], attrs), kind: blockHeading})
			caption = ""
			continue
		}
		if m := adocItem.FindStringSubmatch(line); m != nil {
			flush()
			pend.kind, trim = blockBullet, checkBox(m[2])
			pend.ordered = m[1][0] == '.' || m[1][0] >= '0' && m[1][0] <= '9'
			pend.start = itemNumber(m[1])
			if strings.Trim(m[1], "*") == "" || strings.Trim(m[1], ".") == "" {
				pend.level = len(m[1]) - 1 // "**" under "*"
			}
		} else if m := adocColist.FindStringSubmatch(trim); m != nil {
			flush()
			pend.kind, pend.ordered, pend.callout, trim = blockBullet, true, true, m[2]
		} else if m := adocTerm.FindStringSubmatch(trim); m != nil && (len(pend.lines) == 0 || pend.kind == blockDesc) && !strings.Contains(m[1], "::") {
			flush()
			pend.kind, pend.lines = blockTerm, append(pend.lines, m[1])
			flush()
			pend.kind, trim = blockDesc, m[2]
			if trim == "" {
				continue // the description follows on its own lines
			}
		}
		caption = ""
		addLine(broken(trim))
	}
	flush()
	return append(blocks, notes.blocks...)
}

// calloutNumbers writes the callouts at the end of a listing's line as
// Asciidoctor shows them, "(1)", without the comment mark before them;
// n counts the listing's self-numbered ("<.>") ones.
func calloutNumbers(line string, n *int) string {
	loc := adocCallouts.FindStringSubmatchIndex(line)
	if loc == nil {
		return line
	}
	var b strings.Builder
	b.WriteString(strings.TrimRight(line[:loc[0]], " \t"))
	for _, m := range adocCallout.FindAllStringSubmatch(line[loc[2]:loc[3]], -1) {
		num := m[1]
		if num == "." {
			*n++
			num = strconv.Itoa(*n)
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString("(" + num + ")")
	}
	return b.String()
}

// adocPreprocess does what Asciidoctor's preprocessor does before the
// document is read: the lines an ifdef or ifndef leaves out leave
// (whether an attribute is set is the header's say: a site is no
// env-github, so a note "view this on the site" for GitHub's readers
// leaves), an ifeval's lines stay (its expression is not evaluated), and
// an include, whose file is not the article's, leaves with the directive
// lines.
func adocPreprocess(lines []string, attrs map[string]string) []string {
	if !slices.ContainsFunc(lines, func(l string) bool { return strings.Contains(l, "::") || strings.HasPrefix(l, ":") }) {
		return lines
	}
	set := func(names string) bool {
		all := strings.Contains(names, "+")
		for _, n := range strings.FieldsFunc(names, func(r rune) bool { return r == ',' || r == '+' }) {
			_, ok := attrs[strings.ToLower(n)]
			if ok != all {
				return ok // any one set, or one of all unset
			}
		}
		return all
	}
	out := lines[:0:0]
	listing := false // inside a listing or literal block, whose lines are code
	entry := false   // the line before was an attribute entry
	var keep []bool  // the open conditions, innermost last
	kept := func() bool { return !slices.Contains(keep, false) }
	for _, line := range lines {
		trim := strings.TrimRight(line, " \t")
		switch {
		case adocEndif.MatchString(trim):
			if len(keep) > 0 {
				keep = keep[:len(keep)-1]
			}
		case adocIfeval.MatchString(trim):
			keep = append(keep, true)
		case adocIfdef.MatchString(trim):
			m := adocIfdef.FindStringSubmatch(trim)
			cond := set(m[2]) == (m[1] == "ifdef")
			if m[3] != "" {
				// One line: the condition holds its text.
				if cond && kept() {
					out = append(out, m[3])
				}
				break
			}
			keep = append(keep, cond)
		case adocInclude.MatchString(trim):
		case !kept():
		case !listing && adocAttr.MatchString(trim) && (len(out) == 0 || strings.TrimSpace(out[len(out)-1]) == "" || entry):
			// An attribute entry in the body, on a line of its own
			// between blocks: set (or unset, ":name!:") from here on,
			// for the conditions below it and for the text.
			name := adocAttr.FindStringSubmatch(trim)[1]
			if strings.HasPrefix(trim[1+len(name):], "!") {
				delete(attrs, strings.ToLower(name))
			} else {
				attrs[strings.ToLower(name)] = strings.TrimSpace(adocAttr.FindStringSubmatch(trim)[2])
			}
			entry = true
			continue
		default:
			if trim == "----" || trim == "...." {
				listing = !listing
			}
			out = append(out, line)
		}
		entry = false
	}
	return out
}

// adocAdmonitions are the admonitions' labels as Asciidoctor prints them.
var adocAdmonitions = map[string]string{
	"NOTE": "Note", "TIP": "Tip", "IMPORTANT": "Important", "WARNING": "Warning", "CAUTION": "Caution",
}

// adocTable reads the lines between a table's "|===" delimiters: cells
// start at "|", as many to a row as the first line holds, and a line
// that starts with no "|" goes on with the cell before it. The first line
// is the header when a blank line follows it, as AsciiDoc has it.
func adocTable(lines []string, attrs map[string]string) (bodyBlock, bool) {
	var cells []string
	cols, head, first := 0, 0, -1
	for i, line := range lines {
		trim := strings.TrimSpace(line)
		switch {
		case trim == "":
			if first >= 0 && i == first+1 {
				head = 1
			}
		case strings.HasPrefix(trim, "|"):
			parts := strings.Split(trim[1:], "|")
			if first < 0 {
				first, cols = i, len(parts)
			}
			for _, c := range parts {
				cells = append(cells, adocInline(strings.TrimSpace(c), attrs))
			}
		case len(cells) > 0:
			cells[len(cells)-1] = strings.TrimSpace(cells[len(cells)-1] + " " + adocInline(trim, attrs))
		}
	}
	if cols == 0 {
		return bodyBlock{}, false
	}
	var rows [][]string
	for len(cells) > 0 {
		n := min(cols, len(cells))
		rows = append(rows, cells[:n:n])
		cells = cells[n:]
	}
	return tableBlock(rows, head)
}

// parseAsciiDoc reads an AsciiDoc document, under a front matter when it
// has one (Hugo's AsciiDoc posts do), whose keys win over the header's.
func parseAsciiDoc(text string, opts Options, a *Article) error {
	fm, rest, warns := frontMatterOf(text, opts, false)
	a.Warnings = append(a.Warnings, warns...)
	title, root, attrs, body := splitAsciiDoc(rest)
	fm = fm.over(readHeader(a, root, opts))
	if err := setBody(a, adocParagraphs(body, attrs), opts, "AsciiDoc"); err != nil {
		return err
	}
	fm.setHeader(a, title, "")
	return nil
}

// over is fm with every field it leaves empty taken from under.
func (fm frontMatter) over(under frontMatter) frontMatter {
	if fm.Title == "" {
		fm.Title = under.Title
	}
	if fm.Subtitle == "" {
		fm.Subtitle = under.Subtitle
	}
	if fm.Author == "" {
		fm.Author, fm.Authors = under.Author, under.Authors
	}
	if fm.Summary == "" {
		fm.Summary = under.Summary
	}
	if fm.Slug == "" {
		fm.Slug = under.Slug
	}
	if fm.Date == nil {
		fm.Date = under.Date
	}
	if fm.Updated == nil {
		fm.Updated = under.Updated
	}
	if len(fm.Tags) == 0 {
		fm.Tags = slices.Clone(under.Tags)
	}
	fm.Draft = fm.Draft || under.Draft
	return fm
}
