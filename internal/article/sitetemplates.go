package article

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
)

// kindTemplate names the template tags a post moved from Hugo or Jekyll
// carries and no feed can run: shortcodes ("{{< tweet 123 >}}") and
// Liquid tags ("{% include signup.html %}").
const kindTemplate = "template"

// A post written for Hugo or Jekyll calls the site's templates, which
// seedfeed does not have: left as they are, "{{< figure src=... >}}" and
// "{% include signup.html %}" were published as the article's words.
// siteTemplates reads what they mean where that is plain (a figure is a
// picture with its caption, a highlight block is code, a YouTube or
// Vimeo shortcode a link to the video, {{ site.baseurl }} the site's
// root), keeps what paired tags wrap (a notice's text), and drops the
// rest, listing each dropped tag. Code blocks and code spans, where a
// writer shows such tags, stay as written, and so does a shortcode
// escaped the Hugo way ("{{</* figure */>}}" shows as "{{< figure >}}").
func siteTemplates(body, filesURL string) (string, []string) {
	if !strings.Contains(body, "{{") && !strings.Contains(body, "{%") {
		return body, nil
	}
	var (
		out     strings.Builder
		removed []string
		fence   string // the open code fence, "" outside one
		tagged  bool   // the fence is a highlight tag's, which its end tag closes
		comment bool   // inside a Liquid {% comment %} block
		raw     bool   // inside a Liquid {% raw %} block, whose text is as written
	)
	lines := strings.SplitAfter(body, "\n")
	for i, line := range lines {
		trimmed := strings.TrimSpace(line)
		if fence != "" {
			switch {
			case tagged && highlightEnd.MatchString(trimmed):
				fence, tagged = "", false
				line = "```\n"
			case !tagged && strings.HasPrefix(trimmed, fence):
				fence = ""
			}
			out.WriteString(line)
			continue
		}
		if f := fenceOf(line); f != "" {
			fence = f
			out.WriteString(line)
			continue
		}
		if comment {
			if liquidEndComment.MatchString(line) {
				comment = false
			}
			continue
		}
		if liquidComment.MatchString(trimmed) {
			// A comment never closed hides nothing: only its tag goes.
			removed = append(removed, trimmed)
			comment = !liquidEndComment.MatchString(trimmed) &&
				slices.ContainsFunc(lines[i+1:], liquidEndComment.MatchString)
			continue
		}
		var (
			newLine string
			dropped []string
		)
		newLine, dropped, raw = rawLine(line, raw, filesURL)
		removed = append(removed, dropped...)
		if len(dropped) > 0 && strings.TrimSpace(newLine) == "" {
			continue // a line that held only tags goes whole
		}
		if newLine != line {
			if f := fenceOf(newLine); f != "" {
				fence, tagged = f, true // a highlight tag opened code
			}
		}
		out.WriteString(newLine)
	}
	return out.String(), removed
}

// fencedLines marks the lines of lines (each with its "\n") that belong
// to a fenced code block, fences included, as siteTemplates reads fences.
func fencedLines(lines []string) []bool {
	code := make([]bool, len(lines))
	fence := ""
	for i, line := range lines {
		switch {
		case fence != "":
			code[i] = true
			if strings.HasPrefix(strings.TrimSpace(line), fence) {
				fence = ""
			}
		case fenceOf(line) != "":
			code[i], fence = true, fenceOf(line)
		}
	}
	return code
}

// fenceOf returns the fence a line opens a code block with ("```",
// "~~~"), "" when it opens none. A backtick fence's info string holds no
// backtick: "```a`" opens no block, as in CommonMark (goldmark reads the
// lines under it as a paragraph, and guardMarkdown must count them).
func fenceOf(line string) string {
	t := strings.TrimLeft(line, " ")
	if len(line)-len(t) > 3 {
		return ""
	}
	switch {
	case strings.HasPrefix(t, "```"):
		if strings.Contains(strings.TrimLeft(t, "`"), "`") {
			return ""
		}
		return "```"
	case strings.HasPrefix(t, "~~~"):
		return "~~~"
	}
	return ""
}

var (
	// shortcode is a Hugo shortcode: {{< name args >}} or {{% name args %}},
	// or its closing tag.
	shortcode = regexp.MustCompile(`\{\{([<%])\s*(/?)\s*([A-Za-z][\w.-]*)((?:[^>%}]|[>%][^}]|\}[^}])*?)\s*[>%]\}\}`)
	// liquidTag is a Liquid tag: {% name args %}.
	liquidTag = regexp.MustCompile(`\{%-?\s*([A-Za-z]\w*)([^%]*?)\s*-?%\}`)
	// liquidOutput is a Liquid output: {{ expression }}.
	liquidOutput = regexp.MustCompile(`\{\{-?\s*([^{}]*?)\s*-?\}\}`)
	// quoted is a Liquid string in an output ({{ "/x" | relative_url }}).
	quoted = regexp.MustCompile(`^["']([^"']*)["']\s*\|\s*(relative_url|absolute_url)$`)
	// shortcodeArg is one argument of a shortcode: name="value", a quoted
	// value or a bare one.
	shortcodeArg = regexp.MustCompile(`(?:([A-Za-z][\w-]*)=)?(?:"([^"]*)"|'([^']*)'|([^\s"']+))`)

	// highlightEnd closes a highlight tag's code block, in Hugo's or
	// Liquid's way.
	highlightEnd = regexp.MustCompile(`^(\{\{[<%]\s*/\s*highlight\s*[>%]\}\}|\{%-?\s*endhighlight\s*-?%\})$`)

	liquidRaw    = regexp.MustCompile(`\{%-?\s*raw\s*-?%\}`)
	liquidEndRaw = regexp.MustCompile(`\{%-?\s*endraw\s*-?%\}`)

	liquidComment    = regexp.MustCompile(`^\{%-?\s*comment\s*-?%\}`)
	liquidEndComment = regexp.MustCompile(`\{%-?\s*endcomment\s*-?%\}`)
)

// rawLine rewrites the tags of one line but for what a Liquid raw block
// holds, which Jekyll shows as written ("{% raw %}{{ page.title }}{%
// endraw %}"); raw says the line starts inside such a block, and the
// result whether it ends inside one. The raw tags themselves go.
func rawLine(line string, raw bool, filesURL string) (string, []string, bool) {
	var (
		out     strings.Builder
		removed []string
	)
	for line != "" {
		if raw {
			loc := liquidEndRaw.FindStringIndex(line)
			if loc == nil {
				out.WriteString(line)
				return out.String(), removed, true
			}
			out.WriteString(line[:loc[0]])
			line, raw = line[loc[1]:], false
			continue
		}
		loc := liquidRaw.FindStringIndex(line)
		if loc == nil || strings.Count(line[:loc[0]], "`")%2 == 1 {
			rest, dropped := templateLine(line, filesURL)
			out.WriteString(rest)
			removed = append(removed, dropped...)
			break
		}
		rest, dropped := templateLine(line[:loc[0]], filesURL)
		out.WriteString(rest)
		removed = append(removed, dropped...)
		line, raw = line[loc[1]:], true
	}
	return out.String(), removed, raw
}

// templateLine rewrites the tags of one line outside code spans and
// returns it with the tags it dropped.
func templateLine(line, filesURL string) (string, []string) {
	var removed []string
	// The even parts lie outside code spans; after an unclosed one, the
	// tail is an odd part and stays as written.
	parts := strings.Split(line, "`")
	for i := 0; i < len(parts); i += 2 {
		parts[i] = shortcode.ReplaceAllStringFunc(parts[i], func(tag string) string {
			text, dropped := shortcodeText(tag, filesURL)
			if dropped {
				removed = append(removed, tag)
			}
			return text
		})
		parts[i] = liquidTag.ReplaceAllStringFunc(parts[i], func(tag string) string {
			m := liquidTag.FindStringSubmatch(tag)
			switch m[1] {
			case "highlight":
				return "```" + firstField(m[2])
			case "endhighlight":
				return "```"
			}
			removed = append(removed, tag)
			return ""
		})
		parts[i] = liquidOutput.ReplaceAllStringFunc(parts[i], func(tag string) string {
			expr := strings.TrimSpace(liquidOutput.FindStringSubmatch(tag)[1])
			if strings.HasPrefix(expr, "<") || strings.HasPrefix(expr, "%") {
				return tag // an escaped shortcode, unescaped below
			}
			if m := quoted.FindStringSubmatch(expr); m != nil {
				return m[1]
			}
			switch expr {
			case "site.baseurl", "site.url", "site.BaseURL", ".Site.BaseURL", "site.base_url":
				return ""
			}
			removed = append(removed, tag)
			return ""
		})
		for _, esc := range [][2]string{{"{{</*", "{{<"}, {"*/>}}", ">}}"}, {"{{%/*", "{{%"}, {"*/%}}", "%}}"}} {
			parts[i] = strings.ReplaceAll(parts[i], esc[0], esc[1])
		}
	}
	return strings.Join(parts, "`"), removed
}

// shortcodeText is what a shortcode stands for in Markdown, and whether
// it was dropped rather than read. A reference to another page (ref,
// relref) is the path of its file, which the server sends on to the
// article read from it: beside the post when relative, under the seeds
// folder's root (filesURL) when written from the root, as Hugo reads
// it from its content folder.
func shortcodeText(tag, filesURL string) (string, bool) {
	m := shortcode.FindStringSubmatch(tag)
	closing, name, args := m[2] == "/", strings.ToLower(m[3]), shortcodeArgs(m[4])
	switch {
	case name == "highlight" && closing:
		return "```", false
	case name == "highlight":
		return "```" + firstField(args.get("", 0)), false
	case closing:
		return "", true
	case name == "figure":
		return figureMarkdown(args), false
	case name == "ref" || name == "relref":
		p := args.get("path", 0)
		if p == "" || strings.ContainsAny(p, " <>") {
			break
		}
		if rest, ok := strings.CutPrefix(p, "/"); ok && filesURL != "" {
			p = strings.TrimSuffix(filesURL, "/") + "/" + rest
		}
		return p, false
	case name == "youtube":
		if id := args.get("id", 0); id != "" {
			return "[Video on YouTube](https://www.youtube.com/watch?v=" + id + ")", false
		}
	case name == "vimeo":
		if id := args.get("id", 0); id != "" {
			return "[Video on Vimeo](https://vimeo.com/" + id + ")", false
		}
	}
	return "", true
}

// figureMarkdown writes a Hugo figure as a Markdown picture, its caption
// (and its credit, Hugo's attr) set under it in emphasis, as the Markdown
// reader takes a caption.
func figureMarkdown(args shortcodeArgList) string {
	src := args.get("src", 0)
	if src == "" {
		return ""
	}
	caption, credit := args.get("caption", -1), args.get("attr", -1)
	alt := cmp.Or(args.get("alt", -1), caption, args.get("title", -1))
	md := "![" + escapeMarkdown(alt) + "](<" + src + ">"
	if t := args.get("title", -1); t != "" {
		md += ` "` + strings.ReplaceAll(t, `"`, `\"`) + `"`
	}
	md += ")"
	if credit != "" {
		caption = strings.TrimSpace(caption + " (" + credit + ")")
	}
	if caption != "" {
		md += "\n\n*" + escapeMarkdown(caption) + "*"
	}
	return md
}

// shortcodeArgList holds a shortcode's arguments: named, and positional
// in order.
type shortcodeArgList struct {
	named      map[string]string
	positional []string
}

func shortcodeArgs(s string) shortcodeArgList {
	l := shortcodeArgList{named: map[string]string{}}
	for _, m := range shortcodeArg.FindAllStringSubmatch(s, -1) {
		v := m[2] + m[3] + m[4]
		if m[1] != "" {
			l.named[strings.ToLower(m[1])] = v
		} else {
			l.positional = append(l.positional, v)
		}
	}
	return l
}

// get returns the argument named name, else the positional one at i (-1:
// none), else "".
func (l shortcodeArgList) get(name string, i int) string {
	if v, ok := l.named[name]; ok && name != "" {
		return strings.TrimSpace(v)
	}
	if i >= 0 && i < len(l.positional) {
		return strings.TrimSpace(l.positional[i])
	}
	return ""
}

// firstField is the first word of s, "" for none.
func firstField(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return ""
}

// escapeMarkdown keeps a caption's own marks from being read as Markdown.
func escapeMarkdown(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`\*_[]<>`+"`", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
