package article

import (
	"strings"

	"go.yaml.in/yaml/v3"
)

// A Markdown post moved from Pelican, or written with MultiMarkdown's
// metadata, opens with "Key: value" lines instead of a front matter
// block, ended by the first blank line:
//
//	Title: A walk to the lighthouse
//	Date: 2024-05-02 10:20
//	Tags: coast, lighthouse
//
// A block is one only when its first key is a post's (headerKeys), so
// that a post that opens with "Note: the café is closed" keeps its first
// paragraph.

// headerKeys are the names the headers of posts written for other tools
// give their fields, by lower-case name, and the front matter key each
// fills: Pelican's and MultiMarkdown's "Key:" lines, reST's docinfo,
// AsciiDoc's attributes and Org's settings (ox-hugo's among them) name
// the same fields in these words. Any other name is its own key, which
// the front matter reader warns about unless the format passes over it.
var headerKeys = map[string]string{
	"title": "title", "subtitle": "subtitle",
	"summary": "summary", "description": "summary", "abstract": "summary",
	"date": "date", "revdate": "date",
	"modified": "updated", "updated": "updated", "hugo_lastmod": "updated",
	"author": "author", "authors": "authors",
	"tags": "tags", "filetags": "tags", "hugo_tags": "tags",
	"category": "categories", "categories": "categories", "hugo_categories": "categories",
	"slug": "slug", "hugo_slug": "slug", "image": "image", "status": "status", "hugo_draft": "draft",
}

// headerFields builds the front matter mapping such a header gives, key
// by key, with the file's line numbers for the reader's warnings.
type headerFields struct {
	root yaml.Node
}

// add appends name's field (by headerKeys, or name itself) and returns
// its value's node, for a value that goes on over the next lines.
func (h *headerFields) add(name, value string, line int) *yaml.Node {
	key := name
	if to := headerKeys[name]; to != "" {
		key = to
	}
	v := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: value, Line: line}
	h.root.Content = append(h.root.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key, Line: line}, v)
	return v
}

// node is the mapping, its lists and statuses read (pelicanValues), or
// nil when the header gave no field.
func (h *headerFields) node() *yaml.Node {
	if len(h.root.Content) == 0 {
		return nil
	}
	h.root.Kind, h.root.Tag = yaml.MappingNode, "!!map"
	pelicanValues(&h.root)
	return &h.root
}

// readHeader reads the fields of a document's own header (nil: none) as
// a front matter, its warnings the article's.
func readHeader(a *Article, root *yaml.Node, opts Options) frontMatter {
	if root == nil {
		return frontMatter{}
	}
	fm, warns := readFrontMatterNode(root, 1, opts)
	a.Warnings = append(a.Warnings, warns...)
	return fm
}

// maxMetaKey bounds a key's length: longer text before a colon is a
// sentence, not a key.
const maxMetaKey = 32

// metaLineBlock reads the "Key: value" lines text opens with into a front
// matter mapping (keys lower-cased; line numbers the file's) and returns
// the text after them. ok is false when text does not open with such a
// block: every line up to the first blank one must be a key with its
// value or an indented continuation of the value above.
func metaLineBlock(text string) (root *yaml.Node, body string, ok bool) {
	var h headerFields
	rest := text
	var last *yaml.Node
	for n := 1; ; n++ {
		line, after, more := strings.Cut(rest, "\n")
		if strings.TrimSpace(line) == "" {
			if n == 1 {
				return nil, text, false
			}
			return h.node(), after, true
		}
		switch {
		case line[0] == ' ' || line[0] == '\t':
			if last == nil {
				return nil, text, false
			}
			last.Value += " " + strings.TrimSpace(line)
		default:
			key, value, isKey := metaLine(line)
			if !isKey || n == 1 && headerKeys[key] == "" {
				return nil, text, false
			}
			last = h.add(key, value, n)
		}
		if !more {
			return h.node(), "", true
		}
		rest = after
	}
}

// metaLine splits "Key: value": a key of letters, digits, spaces, "_"
// and "-" that starts with a letter, at most three words long. Logseq
// writes its page properties "key:: value", linking names and days
// ("tags:: [[walks]], [[harbour]]"): their words are the value.
func metaLine(line string) (key, value string, ok bool) {
	k, v, found := strings.Cut(line, ":")
	if logseq, ok := strings.CutPrefix(v, ":"); ok {
		v = logseqLinks.Replace(logseq)
	}
	k = strings.TrimSpace(k)
	if !found || k == "" || len(k) > maxMetaKey || strings.Count(k, " ") > 2 {
		return "", "", false
	}
	for i, r := range k {
		letter := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
		if i == 0 && !letter || !letter && !(r >= '0' && r <= '9') && r != ' ' && r != '_' && r != '-' {
			return "", "", false
		}
	}
	return strings.ToLower(k), strings.TrimSpace(v), true
}

// logseqLinks takes the brackets off Logseq's links to pages and days.
var logseqLinks = strings.NewReplacer("[[", "", "]]", "")

// pelicanValues turns the block's values into what the front matter
// reader takes: Pelican's lists of authors ("Authors:") and tags, split
// at ";" when the value holds one and at "," otherwise ("Author:" names
// one, "Roe, Jane" as well, unless a ";" parts names), and its "Status:
// draft" (or "hidden"), which keeps a post off the site, as Logseq's
// "public:: false" does. Other statuses say nothing.
func pelicanValues(root *yaml.Node) {
	out := root.Content[:0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "author", "authors", "tags", "categories":
			if sep := listSeparator(k.Value, v.Value); sep != "" {
				seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: v.Line}
				for _, part := range strings.Split(v.Value, sep) {
					if part = strings.TrimSpace(part); part != "" {
						seq.Content = append(seq.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: part, Line: v.Line})
					}
				}
				v = seq
			}
		case "public":
			// Logseq's "public:: false" keeps a page off the published
			// graph.
			if !strings.EqualFold(v.Value, "false") {
				continue
			}
			k = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "draft", Line: k.Line}
			v = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true", Line: v.Line}
		case "status":
			switch strings.ToLower(v.Value) {
			case "draft", "hidden":
				k = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "draft", Line: k.Line}
				v = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true", Line: v.Line}
			default:
				continue
			}
		}
		out = append(out, k, v)
	}
	root.Content = out
}

// listSeparator is what parts the items of a list value of key: ";" when
// the value holds one, else ","; a single author's value ("Roe, Jane")
// is parted only by ";" and "" means it is one name.
func listSeparator(key, value string) string {
	switch {
	case strings.Contains(value, ";"):
		return ";"
	case key == "author":
		return ""
	}
	return ","
}
