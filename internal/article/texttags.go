package article

import (
	"slices"
	"strings"

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
// or a page prints them. A line some of whose values are no tag (a
// sentence, an address, a count) gives none: it is a meta row, not a list.
func (tr *textReader) textTags(start int) []string {
	var tags []string
	seen := map[string]bool{}
	for i := start; i < len(tr.paras); i++ {
		if tr.kinds[i] != boilerplate.KindTags {
			continue
		}
		for _, t := range tagLine(tr.paras[i]) {
			if k := strings.ToLower(t); !seen[k] && len(tags) < maxTextTags {
				seen[k] = true
				tags = append(tags, t)
			}
		}
	}
	return tags
}

// tagLine returns the values of a line of tags, nil when p is none.
func tagLine(p string) []string {
	const filedUnder = "filed under "
	label, rest, ok := strings.Cut(p[:min(len(p), tagLabelSpan)], ":")
	switch {
	case ok:
		rest = p[len(label)+1:]
	case len(p) > len(filedUnder) && strings.EqualFold(p[:len(filedUnder)], filedUnder):
		label, rest = p[:len(filedUnder)], p[len(filedUnder):]
	default:
		return nil
	}
	if !slices.Contains(tagLabels, strings.ToLower(strings.TrimSpace(label))) {
		return nil
	}
	var tags []string
	for v := range strings.FieldsFuncSeq(rest, func(r rune) bool { return strings.ContainsRune(",;|•·", r) }) {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		if len(v) > maxTextTagLen || wordCount(v) > maxTextTagWords || strings.ContainsAny(v, "@/:") || !strings.ContainsFunc(v, isLetter) || strings.ContainsAny(v[len(v)-1:], ".!?") {
			return nil
		}
		tags = append(tags, v)
	}
	return tags
}
