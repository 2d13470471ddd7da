package article

import (
	"errors"
	"fmt"
	"html"
	"slices"
	"strings"

	"seedfeed/internal/article/htmlextract"
)

// parseHTML reads an HTML page through htmlextract (readability, page
// metadata, sanitizing) and reads the same header facts as plain text from
// the start of its body: a byline or date line readability kept, and a
// dateline. Those leave the plain paragraphs; the sanitized HTML is kept as
// extracted but for a dateline opening its first paragraph.
func parseHTML(page string, opts Options, a *Article) error {
	res, err := htmlextract.Extract([]byte(page), baseURL(opts.BaseURL))
	if err != nil {
		if errors.Is(err, htmlextract.ErrNoArticle) {
			return fmt.Errorf("%w: %w", ErrNoBody, err)
		}
		return fmt.Errorf("html: %w", err)
	}
	a.Title = strings.TrimSpace(res.Title)
	opts.dayOrder = langDayOrder(res.Lang)
	text := pageText(res.PageLines, opts)
	a.Authors = htmlAuthors(res, a.Title, text)
	a.Author = strings.Join(a.Authors, ", ")
	a.Published = htmlPublished(res, a, text, opts)
	a.Updated = res.Modified
	a.Tags = res.Tags
	paras, bodyHTML := res.Paragraphs, res.BodyHTML
	if whole, ok := wholerBody(paras, text); ok {
		paras, bodyHTML = whole, paragraphsHTML(whole)
	} else if story, ok := storyBody(paras, text, a.Title); ok {
		paras, bodyHTML = story, paragraphsHTML(story)
	}
	a.BodyHTML = balanced(bodyHTML)
	a.Images = htmlImages(a.BodyHTML)
	a.Pictures = withLead(res.Image, bodyPictures(a.BodyHTML, nil))
	removeCaptions(a, res.Captions)

	var h headerFacts
	for k := 0; k < maxLeadLines && len(paras) > 1; k++ {
		p := paras[0]
		isTitle := a.Title != "" && strings.EqualFold(p, a.Title)
		if !isTitle && !h.byOrDate(p) {
			break
		}
		if isTitle && k == 0 {
			a.BodyHTML = dropTitleHeading(a.BodyHTML, a.Title)
		}
		a.Removed[kindHeader] = append(a.Removed[kindHeader], p)
		paras = paras[1:]
	}
	if len(paras) > 0 {
		if dl, ok := parseDateline(paras[0]); ok {
			h.dateline = &dl
			prefix := paras[0][:len(paras[0])-len(dl.Rest)]
			paras = append([]string{dl.Rest}, paras[1:]...)
			// The sanitized HTML loses the dateline too when it opens
			// a paragraph as plain text.
			a.BodyHTML = strings.Replace(a.BodyHTML, "<p>"+html.EscapeString(prefix), "<p>", 1)
		}
	}
	a.BodyParagraphs = paras
	if len(a.BodyParagraphs) == 0 {
		return fmt.Errorf("%w: the page's article has no text", ErrNoBody)
	}
	h.apply(a, opts)
	return nil
}

// removeCaptions records the caption lines the extractor set apart from
// the paragraphs, as plain text does: a caption the page repeats is a
// duplicate caption, every copy of it.
func removeCaptions(a *Article, caps []string) {
	count := make(map[string]int, len(caps))
	for _, c := range caps {
		count[c]++
	}
	for _, c := range caps {
		kind := kindCaption
		if count[c] > 1 {
			kind = kindDuplicateCaption
		}
		a.Removed[kind] = append(a.Removed[kind], c)
	}
}

// wholerBody returns the text path's body of the page when readability
// kept only a sliver of it: a few paragraphs, all of them in the text
// path's body, which has many times their words and goes on in
// sentences (a long list whose items readability scored one by one and
// left out).
func wholerBody(paras []string, text *Article) ([]string, bool) {
	if text == nil || len(paras) > maxSliver {
		return nil, false
	}
	words := 0
	for _, p := range paras {
		words += wordCount(p)
	}
	textWords := 0
	for _, p := range text.BodyParagraphs {
		textWords += wordCount(p)
	}
	if textWords < sliverFactor*max(words, 1) {
		return nil, false
	}
	for _, p := range paras {
		if !slices.Contains(text.BodyParagraphs, p) {
			return nil, false
		}
	}
	// What the text path adds must read as the story going on, mostly
	// sentences: after a short news story it runs on into teasers and
	// link lists instead, which end in no full stop.
	added, sentences := 0, 0
	for _, p := range text.BodyParagraphs {
		if slices.Contains(paras, p) {
			continue
		}
		added += len(p)
		if endsSentence(p) {
			sentences += len(p)
		}
	}
	if sentences*4 < added*3 {
		return nil, false
	}
	return text.BodyParagraphs, true
}

// storyBody returns the text path's body of the page when readability
// kept something else than the story that body is (150 words or more,
// mostly sentences): a table or a list, few of its characters in
// sentences; or a few paragraphs that share no word with the headline
// (a disclosure, a promotion) where the story's opening shares two.
func storyBody(paras []string, text *Article, title string) ([]string, bool) {
	if text == nil {
		return nil, false
	}
	story := text.BodyParagraphs
	words := 0
	for _, p := range story {
		words += wordCount(p)
	}
	if words < minProseWords || sentenceShare(story) < minProseShare {
		return nil, false
	}
	if len(paras) >= minTableParas && sentenceShare(paras) < maxTableShare {
		return story, true
	}
	if title == "" || len(paras) > maxSliver {
		return nil, false
	}
	ts := newStemHashes(len(title))
	stemsOf(title, &ts)
	for _, p := range paras {
		if _, hits := overlap(p, ts); hits > 0 {
			return nil, false
		}
	}
	hits := 0
	for _, p := range story[:min(3, len(story))] {
		_, h := overlap(p, ts)
		hits += h
	}
	if hits < 2 {
		return nil, false
	}
	return story, true
}

// sentenceShare is the share of the characters of paras that are in
// paragraphs ending like a sentence.
func sentenceShare(paras []string) float64 {
	all, sentences := 0, 0
	for _, p := range paras {
		all += len(p)
		if endsSentence(p) {
			sentences += len(p)
		}
	}
	if all == 0 {
		return 0
	}
	return float64(sentences) / float64(all)
}

// Bounds of storyBody: a story of at least minProseWords words with at
// least minProseShare of its characters in sentences, against
// readability's pick of at least minTableParas paragraphs with less than
// maxTableShare (one paragraph that does not end in a full stop is no
// table).
const (
	minTableParas = 10
	minProseWords = 150
	minProseShare = 0.7
	maxTableShare = 0.05
)

// Bounds of a sliver: at most maxSliver paragraphs, with less than
// 1/sliverFactor of the words of the text path's body.
const (
	maxSliver    = 4
	sliverFactor = 4
)

// paragraphsHTML is plain paragraphs as HTML.
func paragraphsHTML(paras []string) string {
	var b strings.Builder
	for _, p := range paras {
		b.WriteString("<p>")
		b.WriteString(html.EscapeString(p))
		b.WriteString("</p>\n")
	}
	return b.String()
}
