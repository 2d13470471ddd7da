package article

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"seedfeed/internal/article/boilerplate"
)

// Bounds on the tags a text's tag line gives: a longer value is a
// sentence or a run of menu entries, more of them a tag cloud.
const (
	maxTextTags     = 15
	maxTextTagLen   = 50
	maxTextTagWords = 5
	// tagLabelSpan is how far into its line a tag line's colon stands.
	tagLabelSpan = 32
)

// tagLabels are the labels of a line of tags ("Tags: a, b"), lower-cased.
var tagLabels = []string{
	"tags", "tag", "tagged", "tagged with", "topics", "categories", "category", "filed under",
	"schlagwörter", "schlagworte", "stichwörter", "themen", "kategorien",
	"étiquettes", "mots-clés", "catégories", "etiquetas", "temas", "categorías",
	"argomenti", "categorie", "теги", "метки", "рубрики",
}

// textTags reads the article's tags from the lines Classify called a tag
// list from the header's start on: a label and its values on one line
// ("Tags: python, docker", "Filed Under: Health, Michigan"), as a writer
// or a page prints them, or a label alone ("Tags:") over its values, on
// one line or one to a line, as a page lists its tag links. A line some
// of whose values are no tag (a sentence, an address, a count) gives
// none: it is a meta row, not a list.
func (tr *textReader) textTags(start, body, end int) []string {
	var tags []string
	seen := map[string]bool{}
	add := func(vs []string) {
		for _, t := range vs {
			if k := strings.ToLower(t); !seen[k] && len(tags) < maxTextTags {
				seen[k] = true
				tags = append(tags, t)
			}
		}
	}
	for i := start; i < len(tr.paras); i++ {
		if tr.kinds[i] == boilerplate.KindTags {
			var vs []string
			vs, i = tr.tagsAt(i, body, end)
			add(vs)
		}
	}
	add(tr.endHashtags(body, end))
	return tags
}

// tagsAt reads the tags of the list whose label stands at line i, and
// returns them with the last line they took.
func (tr *textReader) tagsAt(i, body, end int) ([]string, int) {
	rest, ok := tagLabel(tr.paras[i])
	switch {
	case !ok:
		return nil, i
	case strings.TrimSpace(rest) != "":
		return tagValues(rest), i
	case !tr.listLabelAt(i, body, end) || i+1 == len(tr.paras):
		return nil, i
	}
	if vs := tagValues(tr.paras[i+1]); len(vs) > 1 {
		return vs, i + 1
	}
	var tags []string
	caps := true
	for i+1 < len(tr.paras) && tr.tagLinkAt(i+1) {
		// A heading in capitals under tags that are not
		// ("VIDEO RECOMENDADO") is the next part of the page.
		shout := shouting(tr.paras[i+1]) && wordCount(tr.paras[i+1]) > 1
		if shout && !caps {
			break
		}
		caps = caps && shout
		i++
		tags = append(tags, tagValues(tr.paras[i])...)
	}
	return tags, i
}

// endHashtags reads lines of hashtags at the story's end ("#harbour
// #kirkby"), as a post copied from a social network ends, and takes them
// out of the body: two tags at least, as one alone there is as often the
// site's own ("#bettyflippincrocker").
func (tr *textReader) endHashtags(body, end int) []string {
	var lines []int
	var tags []string
	for i := max(body, end-maxHashtagInside); i < min(len(tr.paras), end+maxTagsAfter); i++ {
		if vs := hashtags(tr.paras[i]); vs != nil && !tr.printedAgain(i) {
			lines, tags = append(lines, i), append(tags, vs...)
		}
	}
	if len(tags) < 2 {
		return nil
	}
	for _, i := range lines {
		if tr.roles[i] == roleBody {
			tr.dropBodyLine(i)
		}
	}
	return tags
}

// maxHashtagInside is how far into the story's last lines a line of
// hashtags may stand.
const maxHashtagInside = 2

// hashtags returns the tags of a line that is only hashtags, spaced or
// glued ("#harbour #kirkby", "#QAnon#Macht"), nil for any other line.
func hashtags(p string) []string {
	var tags []string
	for f := range strings.FieldsSeq(p) {
		if !strings.HasPrefix(f, "#") {
			return nil
		}
		for t := range strings.SplitSeq(f[1:], "#") {
			if utf8.RuneCountInString(t) < 2 || len(t) > maxTextTagLen || !strings.ContainsFunc(t, isLetter) || strings.ContainsFunc(t, notTagRune) {
				return nil
			}
			tags = append(tags, t)
		}
	}
	return tags
}

// notTagRune reports a rune a hashtag cannot hold.
func notTagRune(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) && r != '_' && r != '-'
}

// printedAgain reports whether line i stands elsewhere on the page too,
// as a menu's entry does.
func (tr *textReader) printedAgain(i int) bool {
	for j, q := range tr.paras {
		if j != i && q == tr.paras[i] {
			return true
		}
	}
	return false
}

// listLabelAt reports whether line i, a tag list's label alone, heads
// the article's tags: it stands in the story or right after it, once on
// the page, and names tags, not a site's categories, whose labels head
// a menu of sections as often.
func (tr *textReader) listLabelAt(i, body, end int) bool {
	if i < body || i > end+maxTagsAfter {
		return false
	}
	p := tr.paras[i]
	switch strings.ToLower(strings.TrimRight(p, " :")) {
	case "categories", "category", "kategorien", "catégories", "categorías", "categorie", "рубрики":
		return false
	}
	return !tr.printedAgain(i)
}

// maxTagsAfter is how many lines after the story's end its tags may
// stand: past a share row and an author's box, a list under a label is
// the site's.
const maxTagsAfter = 10

// tagLinkAt reports whether line j is one tag alone under a tag list's
// label: a value of at most maxTagLinkWords words on a line Classify
// left as text (md_546's "Tags" over "Python" inside the story's run),
// dropped as page furniture, or called part of the list.
func (tr *textReader) tagLinkAt(j int) bool {
	switch tr.kinds[j] {
	case "", kindOutside, boilerplate.KindTags:
	default:
		return false
	}
	p := tr.paras[j]
	return wordCount(p) <= maxTagLinkWords && !strings.ContainsAny(p, ",;|•·") && len(tagValues(p)) == 1
}

// maxTagLinkWords bounds a tag alone on its line under a label: a longer
// line is the next thing on the page, a related story's title.
const maxTagLinkWords = 4

// tagLine returns the values of a line of tags, nil when p is none.
func tagLine(p string) []string {
	rest, ok := tagLabel(p)
	if !ok {
		return nil
	}
	return tagValues(rest)
}

// tagLabel returns what follows the label of a line of tags ("Tags:",
// "Filed under"), and false when p opens with none.
func tagLabel(p string) (string, bool) {
	const filedUnder = "filed under"
	label, rest, ok := strings.Cut(p[:min(len(p), tagLabelSpan)], ":")
	switch {
	case ok:
		rest = p[len(label)+1:]
	case len(p) >= len(filedUnder) && strings.EqualFold(p[:len(filedUnder)], filedUnder) && (len(p) == len(filedUnder) || p[len(filedUnder)] == ' '):
		label, rest = p[:len(filedUnder)], p[len(filedUnder):]
	default:
		label = p
	}
	return rest, slices.Contains(tagLabels, strings.ToLower(strings.TrimSpace(label)))
}

// tagValues returns the values of a list of tags, nil when one of them
// is no tag.
func tagValues(rest string) []string {
	var tags []string
	for v := range strings.FieldsFuncSeq(rest, func(r rune) bool { return strings.ContainsRune(",;|•·", r) }) {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		if len(v) > maxTextTagLen || wordCount(v) > maxTextTagWords || strings.ContainsAny(v, "@/:") || utf8.RuneCountInString(v) < 2 || !strings.ContainsFunc(v, isLetter) || strings.ContainsAny(v[len(v)-1:], ".!?") {
			return nil
		}
		tags = append(tags, v)
	}
	return tags
}
