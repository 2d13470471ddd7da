package article

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// frontMatter is what a Markdown file's YAML header said. Set fields win
// over anything inferred from the text.
type frontMatter struct {
	Title, Subtitle, Author, Summary, Slug string
	// Authors are the names of a list of authors one by one; Author
	// joins them.
	Authors       []string
	Date, Updated *time.Time
	Tags          []string
	Draft         bool
	// Image is the lead picture's URL ("image:"), as written.
	Image string
}

// Front matter syntaxes: YAML between "---" lines, TOML between "+++"
// lines (Hugo's), or a JSON object (Hugo's too).
const (
	fmYAML = iota
	fmTOML
	fmJSON
)

// splitFrontMatter separates a leading front matter block from the body:
// YAML between "---" lines, TOML between "+++" lines, or a JSON object
// whose closing brace stands alone on its line. A block that is opened but
// never closed is not front matter: the text after the opening line is
// the body, with a warning. The opening line is dropped, since the writer
// meant it as a delimiter, not as a rule across the top of the article.
// line is the block's first line in the file (0 when there is none).
func splitFrontMatter(text string) (block, body string, line, syntax int, warn string) {
	open, closing, syntax := "---", []string{"---", "..."}, fmYAML
	switch {
	case strings.HasPrefix(text, "---\n"):
	case strings.HasPrefix(text, "+++\n"):
		open, closing, syntax = "+++", []string{"+++"}, fmTOML
	case strings.HasPrefix(text, "{\n"):
		open, closing, syntax = "{", []string{"}"}, fmJSON
	default:
		return "", text, 0, fmYAML, ""
	}
	rest := text[len(open)+1:]
	off := 0
	for off <= len(rest) {
		end := strings.IndexByte(rest[off:], '\n')
		var l string
		if end < 0 {
			l = rest[off:]
		} else {
			l = rest[off : off+end]
		}
		if t := strings.TrimRight(l, " \t"); slices.Contains(closing, t) {
			next := len(rest)
			if end >= 0 {
				next = off + end + 1
			}
			if syntax == fmJSON {
				// The braces are the object's own; braces around
				// anything but an object are the text's.
				obj := "{\n" + rest[:off] + "}\n"
				var m map[string]any
				if yaml.Unmarshal([]byte(obj), &m) != nil {
					return "", text, 0, fmYAML, ""
				}
				return obj, rest[next:], 1, syntax, ""
			}
			return rest[:off], rest[next:], 2, syntax, ""
		}
		if end < 0 {
			break
		}
		off += end + 1
	}
	if syntax == fmJSON {
		return "", text, 0, fmYAML, "" // a brace that opens no object: text
	}
	return "", rest, 0, fmYAML, fmt.Sprintf("front matter: opening %s has no closing %s; read as Markdown", open, open)
}

// frontMatterOf reads the front matter text opens with, whatever its
// syntax, and returns it with the text after it and the warnings; with
// metaLines, "Key: value" lines ended by a blank one are one too
// (metaLineBlock), as Markdown posts from Pelican have them.
func frontMatterOf(text string, opts Options, metaLines bool) (fm frontMatter, body string, warns []string) {
	block, body, line, syntax, warn := splitFrontMatter(text)
	if warn != "" {
		warns = append(warns, warn)
	}
	var more []string
	switch {
	case line > 0 && syntax == fmTOML:
		fm, more = readTOMLFrontMatter(block, line, opts)
	case line > 0:
		fm, more = readFrontMatter(block, line, opts)
	case warn == "" && metaLines:
		if root, rest, ok := metaLineBlock(body); ok {
			fm, more = readFrontMatterNode(root, 1, opts)
			body = rest
		}
	}
	return fm, body, append(warns, more...)
}

// frontMatterKeys are the keys readFrontMatter reads; any other is
// ignored with a warning. Besides seedfeed's own, the names static-site
// generators give the same fields (Hugo's and Jekyll's), so that a post
// moved from one keeps them: "description" and "excerpt" for the summary,
// "authors" for the author, "categories" for more tags, "lastmod" and
// "last_modified_at" for the update. seedfeed's own name wins when both
// are given.
var frontMatterKeys = []string{"title", "subtitle", "summary", "slug", "author", "image", "date", "updated", "tags", "draft",
	"description", "excerpt", "authors", "categories", "lastmod", "last_modified_at"}

// siteOnlyKeys steer a static-site generator's pages (Jekyll's, Hugo's
// and Pelican's) and mean nothing in a feed: a post moved from one keeps them
// without a warning at every scan. Compared in lower case.
var siteOnlyKeys = []string{"layout", "permalink", "weight", "type", "aliases", "url", "menu", "toc", "comments",
	"sitemap", "excerpt_separator", "render_with_liquid", "showtoc", "tocopen", "hidemeta", "math", "mermaid",
	"keywords", "series", "translationkey", "outputs", "linktitle", "markup", "iscjklanguage",
	"save_as", "template", "lang", "translation",
	"alias", "id", "collapsed", "icon"} // a notes app's (Logseq's page properties)

// frontMatterAliases maps a generator's key to seedfeed's.
var frontMatterAliases = map[string]string{
	"description": "summary", "excerpt": "summary", "authors": "author",
	"lastmod": "updated", "last_modified_at": "updated",
}

// readFrontMatter decodes the YAML block. Every problem is a warning naming
// the key and its line; a broken block is ignored as a whole.
func readFrontMatter(src string, firstLine int, opts Options) (frontMatter, []string) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		return frontMatter{}, []string{fmt.Sprintf("front matter: ignored: %v", err)}
	}
	if len(doc.Content) == 0 {
		return frontMatter{}, nil // an empty block
	}
	return readFrontMatterNode(doc.Content[0], firstLine, opts)
}

// readFrontMatterNode reads the keys of a decoded block, whatever its
// syntax was.
func readFrontMatterNode(root *yaml.Node, firstLine int, opts Options) (frontMatter, []string) {
	var fm frontMatter
	var warns []string
	warnf := func(format string, args ...any) { warns = append(warns, fmt.Sprintf(format, args...)) }
	if root.Kind != yaml.MappingNode {
		warnf("front matter: ignored: want a mapping of keys, got %s (line %d)", nodeKind(root), root.Line+firstLine-1)
		return fm, warns
	}
	// A generator's key fills its field only when seedfeed's own key is
	// not given: the own keys are read first.
	own := map[string]bool{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		own[root.Content[i].Value] = true
	}
	var categories []string
	unknown := 0
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		key := k.Value
		line := k.Line + firstLine - 1
		bad := func(want string) {
			warnf("front matter: key %q (line %d): want %s, got %s", k.Value, line, want, describe(v))
		}
		if alias, ok := frontMatterAliases[key]; ok {
			if own[alias] {
				continue
			}
			key = alias
		}
		if key == "published" && !own["draft"] {
			// Jekyll's "published: false" keeps a post off the site.
			var b bool
			if v.Kind != yaml.ScalarNode || v.Decode(&b) != nil {
				bad("true or false")
				continue
			}
			fm.Draft = !b
			continue
		}
		if !slices.Contains(frontMatterKeys, key) {
			if !slices.Contains(siteOnlyKeys, strings.ToLower(key)) && key != "published" {
				if unknown++; unknown <= maxUnknownKeys {
					warnf("front matter: unknown key %q (line %d) ignored", key, line)
				}
			}
			continue
		}
		switch key {
		case "title", "subtitle", "summary", "slug":
			s, ok := scalarString(v)
			if !ok {
				bad("a string")
				continue
			}
			switch key {
			case "title":
				fm.Title = s
			case "subtitle":
				fm.Subtitle = s
			case "summary":
				fm.Summary = s
			case "slug":
				if fm.Slug = Slugify(s); fm.Slug == "" && s != "" {
					warnf("front matter: key %q (line %d): %q has nothing usable in a URL", key, line, s)
				}
			}
		case "author":
			a, ok := authorValue(v)
			if !ok {
				bad("a name, a list of names or a mapping with a name")
				continue
			}
			fm.Author = a
			fm.Authors = authorList(v)
		case "image":
			s, ok := scalarString(v)
			if !ok || strings.ContainsAny(s, " \t\n") {
				bad("an image URL")
				continue
			}
			fm.Image = s
		case "date", "updated":
			t, ok := timeValue(v, opts)
			if !ok {
				bad("a date such as 2024-01-05 or 2024-01-05T14:05:00Z")
				continue
			}
			if key == "date" {
				fm.Date = &t
			} else {
				fm.Updated = &t
			}
		case "tags", "categories":
			tags, ok := tagsValue(v)
			if !ok {
				bad("a list of tags or a comma-separated string")
				continue
			}
			if key == "tags" {
				fm.Tags = tags
			} else {
				categories = tags
			}
		case "draft":
			var b bool
			if v.Kind != yaml.ScalarNode || v.Decode(&b) != nil {
				bad("true or false")
				continue
			}
			fm.Draft = b
		}
	}
	// Categories are tags too, after the tags, each once.
	for _, c := range categories {
		if !slices.ContainsFunc(fm.Tags, func(t string) bool { return strings.EqualFold(t, c) }) {
			fm.Tags = append(fm.Tags, c)
		}
	}
	if unknown > maxUnknownKeys {
		warnf("front matter: %d more unknown keys ignored", unknown-maxUnknownKeys)
	}
	return fm, warns
}

// maxUnknownKeys is how many unknown keys are named one by one; a block of
// thousands (an export's own fields) would bury the article's other
// warnings and fill the log.
const maxUnknownKeys = 10

func scalarString(v *yaml.Node) (string, bool) {
	if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
		return "", false
	}
	return strings.TrimSpace(v.Value), true
}

func authorValue(v *yaml.Node) (string, bool) {
	switch v.Kind {
	case yaml.ScalarNode:
		return scalarString(v)
	case yaml.SequenceNode:
		var names []string
		for _, item := range v.Content {
			n, ok := authorValue(item)
			if !ok {
				return "", false
			}
			if n != "" {
				names = append(names, n)
			}
		}
		return strings.Join(names, ", "), true
	case yaml.MappingNode:
		for i := 0; i+1 < len(v.Content); i += 2 {
			if v.Content[i].Value == "name" {
				return scalarString(v.Content[i+1])
			}
		}
	}
	return "", false
}

// authorList is an author value's names one by one: the items of a list,
// or the one name.
func authorList(v *yaml.Node) []string {
	if v.Kind != yaml.SequenceNode {
		if n, ok := authorValue(v); ok && n != "" {
			return []string{n}
		}
		return nil
	}
	var names []string
	for _, item := range v.Content {
		if n, ok := authorValue(item); ok && n != "" {
			names = append(names, n)
		}
	}
	return names
}

// timeValue reads a YAML date: RFC 3339, "2006-01-02 15:04[:05]", a bare
// day, or any form the text date reader knows, as long as it has a year.
// A value without a zone is in opts.Location; one in figures that reads
// both ways ("03/04/2024") in the site language's order, as a byline's.
func timeValue(v *yaml.Node, opts Options) (time.Time, bool) {
	s, ok := scalarString(v)
	if !ok || s == "" {
		return time.Time{}, false
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05 -0700 MST"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, s, opts.Location); err == nil {
			return t, true
		}
	}
	if m, ok := findDate(s); ok && m.Year != 0 && m.Start == 0 && m.End == len(s) {
		inSiteOrder(&m, opts.Language)
		if t, _, _, ok := m.resolve(opts.Ref, opts.Location); ok {
			return t, true
		}
	}
	return time.Time{}, false
}

func tagsValue(v *yaml.Node) ([]string, bool) {
	var raw []string
	switch v.Kind {
	case yaml.ScalarNode:
		s, ok := scalarString(v)
		if !ok {
			return nil, false
		}
		raw = strings.Split(s, ",")
	case yaml.SequenceNode:
		for _, item := range v.Content {
			s, ok := scalarString(item)
			if !ok {
				return nil, false
			}
			raw = append(raw, s)
		}
	default:
		return nil, false
	}
	tags := []string{}
	seen := map[string]bool{}
	for _, t := range raw {
		t = strings.Join(strings.Fields(t), " ")
		if t != "" && !seen[strings.ToLower(t)] {
			seen[strings.ToLower(t)] = true
			tags = append(tags, t)
		}
	}
	return tags, true
}

func nodeKind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	case yaml.ScalarNode:
		return "a scalar"
	case yaml.AliasNode:
		return "an alias"
	}
	return "nothing"
}

func describe(v *yaml.Node) string {
	if v.Kind == yaml.ScalarNode {
		if v.Tag == "!!null" {
			return "null"
		}
		return fmt.Sprintf("%q", v.Value)
	}
	return nodeKind(v)
}
