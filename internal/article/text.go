package article

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"seedfeed/internal/article/boilerplate"
)

// Kinds of removed lines this package names itself, beside those of
// boilerplate.Classify.
const (
	kindCaption          = "caption"
	kindDuplicateCaption = "duplicate_caption"
	kindHeader           = "header" // header lines that are neither title, subtitle, byline nor date
	kindOutside          = "outside"
	kindRule             = "rule" // "-----", "=====": an underline or a rule, no words
)

// maxLeadLines is how many lines at the start of the body may still be a
// byline or a date line that Classify left in the body.
const maxLeadLines = 3

// role is what a paragraph became in the Article.
type role uint8

const (
	roleDrop     role = iota // removed, under Classify's kind or "outside"
	roleHeader               // removed, under Classify's kind or kindHeader
	roleBody                 // a body paragraph
	roleTitle                // Title
	roleSubtitle             // Subtitle
	roleFact                 // a byline or date line read into fields
	roleCaption              // an image caption, removed as caption
)

// parseText reads plain text: paragraphs, the article run and its header
// found by boilerplate.Classify, then title, subtitle, byline, dates,
// captions and the dateline read from that header.
func parseText(text string, opts Options, a *Article) error {
	paras := splitParagraphs(text)
	res := boilerplate.Classify(paras)
	if len(res.Kinds) != len(paras) {
		return fmt.Errorf("boilerplate: %d kinds for %d lines", len(res.Kinds), len(paras))
	}
	start, body, end := res.Start, res.Body, res.End
	if start < 0 || end > len(paras) || start > body || body > end || start == end {
		return fmt.Errorf("%w: no article run among %d paragraphs", ErrNoBody, len(paras))
	}
	tr := &textReader{
		paras: paras, kinds: res.Kinds, a: a,
		roles: make([]role, len(paras)),
	}
	tr.bylines = tr.bylineBuf[:0]
	body = tr.readStory(start, body, end)
	if len(a.BodyParagraphs) == 0 {
		return fmt.Errorf("%w: the article run of %d paragraphs has only header lines", ErrNoBody, end-start)
	}
	body = tr.readHeader(start, body, end)
	tr.h.setPageDate(tr.findPageDate(start, body, end, opts))
	tr.emitRemoved(start, end)
	tr.h.apply(a, opts)
	tr.setAuthors(start, body, end)
	a.Tags = tr.textTags(start, body, end)
	a.BodyParagraphs = slices.DeleteFunc(a.BodyParagraphs, func(p string) bool {
		if ruleLine(p) {
			a.Removed[kindRule] = append(a.Removed[kindRule], p)
			return true
		}
		return false
	})
	if len(a.BodyParagraphs) == 0 {
		return fmt.Errorf("%w: the article run holds only rules", ErrNoBody)
	}
	return nil
}

// textReader holds the classified paragraphs and what each became.
type textReader struct {
	paras, kinds []string
	a            *Article
	h            headerFacts
	roles        []role
	// bylines keeps parseByline's answers: bylineBelow, readBody and
	// readHeader ask about the same lines.
	bylines   []parsedByline
	bylineBuf [6]parsedByline
	// frColons caches spacedColons: 0 not yet read, 1 no, 2 yes.
	frColons int8
	// headline is the text of the line taken as the title, "" before.
	headline string
}

// findCaptions marks the caption lines of the article run and collects
// their images, each distinct one once. A caption repeated anywhere on the
// page is a duplicate caption, every copy of it. A caption line's kind,
// caption or duplicate_caption, replaces Classify's in kinds: every other
// reader of kinds passes over roleCaption lines first.
func (tr *textReader) findCaptions(start, end int) {
	type captionLine struct {
		i   int
		img Image
	}
	var capBuf [8]captionLine
	caps := capBuf[:0]
	count := map[string]int{}
	// Only lines as long as some caption can repeat one: the page is
	// searched for them without hashing every paragraph.
	minLen, maxLen := math.MaxInt, -1
	for i := start; i < end; i++ {
		if img, ok := parseCaption(tr.paras[i]); ok {
			caps = append(caps, captionLine{i, img})
			count[tr.paras[i]] = 0
		} else if tr.kinds[i] == kindCaption {
			caps = append(caps, captionLine{i, Image{}})
			count[tr.paras[i]] = 0
		} else {
			continue
		}
		minLen, maxLen = min(minLen, len(tr.paras[i])), max(maxLen, len(tr.paras[i]))
	}
	if len(count) == 0 {
		return
	}
	for _, p := range tr.paras {
		if len(p) < minLen || len(p) > maxLen {
			continue
		}
		if n, ok := count[p]; ok {
			count[p] = n + 1
		}
	}
	seen := map[Image]bool{}
	prev := -2
	for _, c := range caps {
		i, img := c.i, c.img
		tr.roles[i] = roleCaption
		if count[tr.paras[i]] > 1 || tr.kinds[i] == boilerplate.KindDuplicate {
			tr.kinds[i] = kindDuplicateCaption
		} else {
			tr.kinds[i] = kindCaption
		}
		switch {
		case img == Image{}:
		case img.Caption == "" && prev == i-1 && len(tr.a.Images) > 0 && tr.a.Images[len(tr.a.Images)-1].Credit == "":
			// A credit line right under a caption without one
			// completes it.
			last := &tr.a.Images[len(tr.a.Images)-1]
			delete(seen, *last)
			last.Credit = img.Credit
			seen[*last] = true
		case !seen[img]:
			seen[img] = true
			tr.a.Images = append(tr.a.Images, img)
		}
		prev = i
	}
}

// parsedByline is parseByline's answer for paragraph i.
type parsedByline struct {
	i  int
	b  byline
	ok bool
}

// parseByline is parseByline of paragraph i, parsed once.
func (tr *textReader) parseByline(i int) (byline, bool) {
	for _, m := range tr.bylines {
		if m.i == i {
			return m.b, m.ok
		}
	}
	b, ok := parseByline(tr.paras[i])
	if len(tr.bylines) < cap(tr.bylines) {
		tr.bylines = append(tr.bylines, parsedByline{i, b, ok})
	}
	return b, ok
}

// byOrDate is headerFacts.byOrDate of paragraph i.
func (tr *textReader) byOrDate(i int) bool {
	if b, ok := tr.parseByline(i); ok {
		tr.h.takeByline(b)
		return true
	}
	return tr.h.dateLine(tr.paras[i])
}

// bylineBelow moves the start of the body below a byline that Classify
// left among the body's first lines under a standfirst ("Bookings open
// next spring.", then "By Jane Roe"): a byline ends the header, so the
// headline-shaped lines above it belong to the header, where they may be
// read as the subtitle. It returns the start of the body.
func (tr *textReader) bylineBelow(body, end int) int {
	kept := 0
	for i := body; i < end && kept <= maxLeadLines; i++ {
		if tr.roles[i] == roleCaption || tr.kinds[i] != "" {
			continue
		}
		if _, ok := tr.parseByline(i); ok {
			if kept == 0 || i+1 >= end {
				return body
			}
			return i
		}
		if !headlineShape(tr.paras[i]) {
			return body
		}
		kept++
	}
	return body
}

// readBody takes the kept lines of lines[body:end] as the body. Its first
// lines may still be a byline or a date line, and its first paragraph may
// open with a dateline.
func (tr *textReader) readBody(body, end int) {
	tr.a.BodyParagraphs = make([]string, 0, end-body)
	started := false
	for i := body; i < end; i++ {
		if tr.roles[i] == roleCaption || tr.kinds[i] != "" {
			continue
		}
		p := tr.paras[i]
		if !started {
			if i < body+maxLeadLines && tr.byOrDate(i) {
				tr.roles[i] = roleFact
				continue
			}
			if dl, ok := parseDateline(p); ok {
				tr.h.dateline = &dl
				p = dl.Rest
			}
			started = true
		}
		tr.roles[i] = roleBody
		tr.a.BodyParagraphs = append(tr.a.BodyParagraphs, p)
	}
}

// readStory marks the captions of the article run and reads its body,
// which starts at Classify's body start, or below a byline left among
// its first lines (bylineBelow), or at a dateline among them
// (datelineLead). It returns the body's start.
func (tr *textReader) readStory(start, body, end int) int {
	tr.findCaptions(start, end)
	body = tr.bylineBelow(body, end)
	tr.readBody(body, end)
	if i, ok := tr.datelineLead(start, body, end); ok {
		body = i
		tr.readBody(body, end)
	}
	return body
}

// maxDatelineLead is how many body paragraphs may stand before a
// paragraph that opens with a dateline.
const maxDatelineLead = 4

// minDatelineWords is how many words a sentence after a dateline has at
// least: "THE POINT -- NOW ON YOUTUBE!" is a promotion, no story.
const minDatelineWords = 12

// datelineLead finds a paragraph that opens with a dateline and a
// sentence ("BUFFALO, N.Y. — Hours before …") among the body's first
// paragraphs but not the first, and returns its line. A story's copy
// opens with its dateline: what Classify kept before it is the page's
// (teasers, a gallery's caption and buttons, a summary's points). The
// body starts at the dateline, and the lines before it are the header's,
// neither title nor subtitle (headCandidate passes over kindHeader), as
// are copies of them that Classify called duplicates.
func (tr *textReader) datelineLead(start, body, end int) (int, bool) {
	if start == 0 {
		// A writer's own file has no page around its story: what it
		// puts before a dateline is its own.
		return 0, false
	}
	k := 0
	for i := body; i < end && k <= maxDatelineLead; i++ {
		if tr.roles[i] != roleBody {
			continue
		}
		if k > 0 {
			if dl, ok := parseDateline(tr.paras[i]); ok && endsSentence(dl.Rest) && wordCount(dl.Rest) >= minDatelineWords {
				for j := body; j < i; j++ {
					if tr.roles[j] == roleBody || tr.kinds[j] == boilerplate.KindDuplicate {
						tr.roles[j] = roleHeader
						tr.kinds[j] = kindHeader
					}
				}
				tr.h.dateline = nil
				return i, true
			}
		}
		k++
	}
	return 0, false
}

// The shape of a headline, and how much of it a header line that heads
// the body shares with it.
const (
	maxTitleLen     = 250
	maxTitleWords   = 30
	minTitleWords   = 2
	minTitleOverlap = 0.3
)

// readHeader reads lines[start:body]: bylines and date lines first, then
// the title, which findHeadline picks in a window around the body start,
// and, when the title is a header line, the subtitle after it. It returns
// the start of the body, which moves below a headline found in what
// Classify took for the body.
func (tr *textReader) readHeader(start, body, end int) int {
	cands := tr.headerLines(start, body)
	// The headline is chosen before a bare name is looked for: a short
	// capitalized headline above a date line reads as a name too.
	t := -1
	c, top, ok := tr.findHeadline(start, body)
	if ok {
		t = c.i
		// A headline below the body start, with its byline or date and
		// the story under it, opens the story: the lines above it are the
		// page's, whether Classify kept them (a late candidate) or not.
		if c.f[hfLate] == 1 || t >= body && tr.factsUnder(t) {
			body = tr.restartBody(body, t, end, c.text(tr.paras))
		}
		tr.takeTitle(c)
		cands = slices.DeleteFunc(cands, func(i int) bool { return i == t })
	}
	cands = tr.authorCard(cands, t)
	cands = tr.bareByline(cands, start, body)
	cands = tr.fieldSubtitle(t, body, cands)
	if t >= 0 && t < body && tr.a.Subtitle == "" {
		sub := cands
		if t < top {
			// A headline above Classify's header, in the page's own
			// header: its standfirst, if any, is the line right under it.
			sub = nil
			if j := tr.nextLine(t); j > t && j < top && tr.outsideStandfirst(j) {
				sub = []int{j}
			}
		}
		// Only a headline-shaped line that is no link can be the
		// subtitle; the others stay "", so that stemShare neither reads
		// their words nor waits for them in the body.
		lines := make([]string, len(sub))
		for k, i := range sub {
			if headlineShape(tr.paras[i]) && !linkLine(tr.paras[i]) {
				lines[k] = tr.paras[i]
			}
		}
		heads, shares := stemShare(lines, tr.a.BodyParagraphs, minTitleOverlap)
		tr.subtitle(t, sub, lines, heads, shares, t == 0 && tr.bareFile(start, body))
	}
	for _, i := range cands {
		if tr.roles[i] == roleDrop {
			tr.roles[i] = roleHeader
		}
	}
	return body
}

// authorCard takes the tagline of the writer's card under headline t
// (cardTagline) out of the header candidates: it is no subtitle. The
// card's name is left to setAuthors. A name that is the headline itself,
// printed twice, heads no card: the line under it is its standfirst. It
// returns the candidates left.
func (tr *textReader) authorCard(cands []int, t int) []int {
	return slices.DeleteFunc(cands, func(i int) bool {
		if i > t && !tr.headlineAt(i-1) && tr.cardTagline(i) {
			tr.roles[i] = roleHeader
			return true
		}
		return false
	})
}

// restartBody makes the body start below line t, a headline found in the
// body: the lines from the old body start to t are the page's header, and
// the body is read again below t and its standfirst, where a byline or a
// date line opens it. It returns the new body start.
func (tr *textReader) restartBody(body, t, end int, title string) int {
	// No byline or date line stands at the old body start
	// (lateCandidates), so its lines were all read as body.
	for i := body; i <= t; i++ {
		if tr.roles[i] == roleBody {
			tr.roles[i] = roleHeader
		}
	}
	tr.h.dateline = nil
	body = t + 1
	if tr.standfirstAt(body) {
		tr.takeStandfirst(body, title)
		body++
	}
	tr.readBody(body, end)
	// Or the standfirst stands under the byline and date
	// (proseAfterFacts): then the story starts after it.
	for j := body; j < end; j++ {
		if tr.roles[j] != roleBody {
			continue
		}
		if j > body && tr.roles[j-1] == roleFact && headlineShape(tr.paras[j]) && !prose(tr.paras[j]) {
			tr.takeStandfirst(j, title)
			tr.readBody(j+1, end)
		}
		break
	}
	return body
}

// takeStandfirst takes line j, under the headline and out of the body:
// the subtitle, or the page's header when it repeats the headline. A name
// there is no standfirst but the byline's line (a writer over or under
// the date), which setAuthors reads.
func (tr *textReader) takeStandfirst(j int, title string) {
	switch _, name := bareName(tr.paras[j]); {
	case name:
		tr.roles[j] = roleFact
	case repeatsTitle(tr.paras[j], title):
		tr.roles[j] = roleHeader
	default:
		tr.setSubtitle(j)
	}
}

// headerLines reads the bylines and date lines of lines[start:body] and
// returns the header lines left: the candidates for title, subtitle and
// a bare byline.
func (tr *textReader) headerLines(start, body int) []int {
	var cands []int
	for i := start; i < body; i++ {
		if tr.roles[i] == roleCaption {
			continue
		}
		kind := tr.kinds[i]
		if kind == "" || kind == boilerplate.KindAuthorBox || kind == boilerplate.KindDuplicate {
			if tr.byOrDate(i) {
				tr.roles[i] = roleFact
				continue
			}
		}
		if kind == "" || kind == boilerplate.KindDuplicate {
			cands = append(cands, i)
		}
	}
	return cands
}

// subtitle picks the subtitle among the header candidates after the title:
// the first that shares enough words with the body, as a headline must, or
// else the candidate right after the title when it reads as a standfirst.
// A standfirst adds what the story is about to the headline ("Commuters
// told to expect a reduced timetable until Friday") and may share a single
// word with the body, but its place between the title and the body, its
// length and that word set it apart from a menu entry or a site slogan.
//
// lines holds the headline-shaped candidates, "" for the others; heads and
// shares are stemShare's verdicts on them. In a bare file (bareFile),
// whose title is its first line, the line under the title is the
// subtitle whatever its words, unless it names the writer: there is no
// page around it to come from.
func (tr *textReader) subtitle(title int, cands []int, lines []string, heads, shares []bool, bare bool) {
	next := -1
	for k, i := range cands {
		if i <= title || lines[k] == "" || repeatsTitle(lines[k], tr.a.Title) || tr.teaserCard(i) || !tr.mayStandfirst(i) {
			continue
		}
		if heads[k] {
			tr.setSubtitle(i)
			return
		}
		if next < 0 {
			next = k
		}
	}
	if next >= 0 && tr.standfirstKind(title, cands[next]) && (bare && tr.bylineNames(cands[next]).form == formNone || standfirst(lines[next], shares[next])) && tr.onlyDroppedBetween(title, cands[next]) {
		tr.setSubtitle(cands[next])
	}
}

// outsideStandfirst reports whether line j, right under a headline that
// stands before Classify's header, may be its standfirst: a clause of
// minStandfirstWords words or more (mayStandfirst) with no picture's
// credit right under it. Such a line is often a caption that only the
// credit tells apart; under a headline in Classify's header, a credit
// stands under a standfirst as often, for the picture below it.
func (tr *textReader) outsideStandfirst(j int) bool {
	return wordCount(tr.paras[j]) >= minStandfirstWords && tr.mayStandfirst(j) &&
		(j+1 >= len(tr.paras) || !creditAlone(tr.paras[j+1]))
}

// mayStandfirst reports whether line j under the headline may be its
// standfirst: neither a picture's caption, a byline, a line with a full
// date (a meta row's) nor a field with a short value ("Tempo de leitura:
// 2 minutos"), all of which stand there too.
func (tr *textReader) mayStandfirst(j int) bool {
	p := tr.paras[j]
	if tr.roles[j] == roleCaption || tr.factAt(j) || tr.bylineNames(j).form != formNone {
		return false
	}
	if label, value, ok := strings.Cut(p, ": "); ok && wordCount(label) <= maxFieldLabelWords && wordCount(value) <= maxFieldValueWords {
		return false
	}
	m, ok := findDate(p)
	return !ok || m.Year == 0 || m.Day == 0
}

// A field's label and its short value, in words: a reading time, a
// category, a place.
const maxFieldLabelWords, maxFieldValueWords = 4, 3

// standfirstKind reports whether Classify's kind for line i lets it be
// the standfirst under headline title: a line it kept, or one right under
// a headline that stands before Classify's run too, as the page's own
// header often does (a standfirst is short and scores as no prose).
func (tr *textReader) standfirstKind(title, i int) bool {
	return tr.kinds[i] == "" || tr.kinds[i] == boilerplate.KindOutside && tr.kinds[title] == boilerplate.KindOutside && tr.nextLine(title) == i
}

// fieldSubtitle takes a subtitle written as a field from the lines under
// title t, wherever Classify started the header, and returns the header
// candidates left.
func (tr *textReader) fieldSubtitle(t, body int, cands []int) []int {
	for j := t + 1; t >= 0 && j < min(body, t+maxFieldGap+1); j++ {
		if v, ok := subtitleField(tr.paras[j]); ok {
			tr.roles[j] = roleSubtitle
			tr.a.Subtitle = v
			return slices.DeleteFunc(cands, func(i int) bool { return i == j })
		}
	}
	return cands
}

// maxFieldGap is how many lines under the title a subtitle field stands
// at most: under the title, or under the author's and date's fields.
const maxFieldGap = 3

// subtitleField returns the value of a subtitle written as a field
// ("Subtitle: …", "Summary: …"), as a writer heads a file with fields.
func subtitleField(p string) (string, bool) {
	value, ok := fieldWith(p, subtitleLabels)
	return value, ok && value != ""
}

// subtitleLabels are a subtitle's field labels, lower-cased.
var subtitleLabels = []string{"subtitle", "sub-title", "summary", "standfirst", "dek", "untertitel", "sous-titre", "subtítulo", "sottotitolo", "подзаголовок"}

// teaserCard reports whether line i belongs to a teaser of another
// post: a "Read more" link closes the card (a date and a title, or a
// title and a blurb) within the next two lines.
func (tr *textReader) teaserCard(i int) bool {
	for j := i + 1; j < len(tr.paras) && j <= i+2; j++ {
		if tr.kinds[j] == boilerplate.KindReadMore {
			return true
		}
	}
	return false
}

// repeatsTitle reports a line that is the title again, maybe with more
// around it (a kicker glued before it, a site's name after it): no
// subtitle, whatever its shape.
func repeatsTitle(line, title string) bool {
	return title != "" && strings.Contains(line, title)
}

// minStandfirstWords is how many words a standfirst that shares a single
// word with the body must have: a clause, not a label.
const minStandfirstWords = 6

// standfirst reports whether a line that shares a word with the body
// (shares) reads as a standfirst: a clause of words. Colons and bars mark
// labels and metadata ("Best of 2019: Pizza", "05/10/2018 - Posted by:
// X"), and figures mark score lines and tables.
func standfirst(line string, shares bool) bool {
	if !shares || strings.ContainsAny(line, ":|") {
		return false
	}
	words, digits, letters := 0, 0, 0
	wordHasLetter := false
	for _, r := range line {
		switch {
		case r == ' ':
			if wordHasLetter {
				words++
			}
			wordHasLetter = false
		case isLetter(r):
			letters++
			wordHasLetter = true
		case r >= '0' && r <= '9':
			digits++
		}
	}
	if wordHasLetter {
		words++
	}
	return words >= minStandfirstWords && digits*10 <= letters
}

// onlyDroppedBetween reports whether every line between paragraphs from
// and to is a caption or boilerplate: nothing the article kept.
func (tr *textReader) onlyDroppedBetween(from, to int) bool {
	for j := from + 1; j < to; j++ {
		if tr.roles[j] != roleCaption && tr.kinds[j] == "" {
			return false
		}
	}
	return true
}

func (tr *textReader) setSubtitle(i int) {
	tr.roles[i] = roleSubtitle
	tr.a.Subtitle = tr.paras[i]
}

// bareByline finds an author named without "By": a short line of names
// next to a date line in the header ("Jane Roe" above "November 19,
// 2019"). It returns the candidates left.
func (tr *textReader) bareByline(cands []int, start, body int) []int {
	if tr.h.author != "" {
		return cands
	}
	isDate := func(j int) bool {
		return j >= start && j < body && tr.roles[j] == roleFact
	}
	for k, i := range cands {
		if !isDate(i-1) && !isDate(i+1) {
			continue
		}
		if name, ok := bareName(tr.paras[i]); ok {
			tr.h.author = name
			tr.roles[i] = roleFact
			return append(cands[:k:k], cands[k+1:]...)
		}
	}
	return cands
}

// emitRemoved records every dropped line in page order, under Classify's
// kind, or the kind this package gave it, or "outside". The lines of each
// kind are counted first, so that all the lists share one array and none
// grows by appending.
func (tr *textReader) emitRemoved(start, end int) {
	type group struct {
		kind  string
		n, at int
	}
	var groupBuf [16]group
	groups := groupBuf[:0]
	find := func(kind string) *group {
		for k := range groups {
			if groups[k].kind == kind {
				return &groups[k]
			}
		}
		groups = append(groups, group{kind: kind})
		return &groups[len(groups)-1]
	}
	total := 0
	for i := range tr.paras {
		if kind, ok := tr.removedKind(i); ok {
			find(kind).n++
			total++
		}
	}
	if total == 0 {
		return
	}
	all := make([]string, total)
	at := 0
	for k := range groups {
		groups[k].at = at
		at += groups[k].n
	}
	for i, p := range tr.paras {
		if kind, ok := tr.removedKind(i); ok {
			g := find(kind)
			all[g.at] = p
			g.at++
		}
	}
	for _, g := range groups {
		lines := all[g.at-g.n : g.at : g.at]
		if old, ok := tr.a.Removed[g.kind]; ok {
			lines = append(old, lines...)
		}
		tr.a.Removed[g.kind] = lines
	}
}

// removedKind is the kind paragraph i is removed under, and false when it
// is kept.
func (tr *textReader) removedKind(i int) (string, bool) {
	switch tr.roles[i] {
	case roleCaption:
		return tr.kinds[i], true
	case roleDrop, roleHeader:
		kind := tr.kinds[i]
		if kind == "" && tr.roles[i] == roleHeader {
			kind = kindHeader
		}
		if kind == "" {
			kind = kindOutside
		}
		return kind, true
	}
	return "", false
}

func wordCount(s string) int {
	n := 0
	in := false
	for _, r := range s {
		sp := r == ' ' || r == '\t' || r == '\n'
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}

// headerFacts gathers what header lines said, in any format.
type headerFacts struct {
	author    string
	published *dateMatch
	updated   *dateMatch
	dateline  *datelineMatch
	// pageDated is true when published was chosen among all the dates of
	// the page (findPageDate): then no other date stands in for a
	// missing one.
	pageDated bool
	// yearRef is what a date without a year is read against when nothing
	// beside it has a year (pageYearRef); zero for the reference time.
	yearRef time.Time
}

// setPageDate takes the page-level choice of the publication date; a
// page with no date of its own leaves published nil.
func (h *headerFacts) setPageDate(m *dateMatch, ok bool) {
	h.pageDated = true
	h.published = nil
	if ok {
		h.published = m
	}
}

// byOrDate takes a line that is a byline or a date line, and reports
// whether it did. Only the first byline names the author; later ones
// (an author box repeated in the header) are still consumed.
func (h *headerFacts) byOrDate(line string) bool {
	if b, ok := parseByline(line); ok {
		h.takeByline(b)
		return true
	}
	return h.dateLine(line)
}

// takeByline takes what a byline says.
func (h *headerFacts) takeByline(b byline) {
	if h.author == "" {
		h.author = b.Author
	}
	h.addDate(b.Date, b.Updated)
}

// dateLine takes a line that is a date line, and reports whether it did.
func (h *headerFacts) dateLine(line string) bool {
	dl, ok := parseDateLine(line)
	if !ok {
		return false
	}
	if h.author == "" && dl.Lead != "" {
		h.author = dl.Lead
	}
	h.addDate(dl.Date, dl.Updated)
	return true
}

func (h *headerFacts) addDate(m *dateMatch, updated bool) {
	if m == nil {
		return
	}
	if updated {
		if h.updated == nil {
			h.updated = m
		}
		return
	}
	if h.published == nil {
		h.published = m
	}
}

// apply writes the facts into the Article: author, dateline, and the
// published and updated instants, inferring missing years from opts.Ref.
// Fields already set (from metadata) win.
func (h *headerFacts) apply(a *Article, opts Options) {
	if a.Author == "" {
		a.Author = h.author
	}
	// A date without a year belongs to the year of the article's dated
	// metadata or of a dated line next to it ("Updated: 5 January 2024"
	// above "TROMSØ, Jan. 4 -"), else to the year the page shows itself
	// in (yearRef), rather than to the reference time.
	opts.Ref = h.yearAnchor(a, opts)
	if dl := h.dateline; dl != nil {
		a.Dateline = &Dateline{Place: dl.Place}
		if dl.Date != nil {
			a.Dateline.DateText = dl.Date.Text
			a.Dateline.Month = int(dl.Date.Month)
			a.Dateline.Day = dl.Date.Day
			if _, year, inferred, ok := dl.Date.resolve(opts.Ref, opts.Location); ok {
				a.Dateline.Year = &year
				a.Dateline.YearInferred = inferred
			}
		}
	}
	pub := h.published
	if pub == nil && h.dateline != nil && !h.pageDated {
		pub = h.dateline.Date
	}
	if pub == nil && !h.pageDated {
		pub = h.updated
	}
	if a.Published == nil && pub != nil {
		a.Published = resolveOrWarn(a, *pub, opts)
	}
	if a.Updated == nil && h.updated != nil && pub != h.updated {
		a.Updated = resolveOrWarn(a, *h.updated, opts)
		// The page-level choice may have taken the update's own line
		// as the publication date: then there is no other update.
		if a.Updated != nil && a.Published != nil && a.Updated.Equal(*a.Published) {
			a.Updated = nil
		}
	}
}

// yearAnchor is the time apply reads a date without a year against.
func (h *headerFacts) yearAnchor(a *Article, opts Options) time.Time {
	if a.Published != nil {
		return *a.Published
	}
	for _, m := range []*dateMatch{h.published, h.updated} {
		if m != nil && m.Year != 0 {
			if t, _, _, ok := m.resolve(opts.Ref, opts.Location); ok {
				return t
			}
		}
	}
	if !h.yearRef.IsZero() {
		return h.yearRef
	}
	return opts.Ref
}

func resolveOrWarn(a *Article, m dateMatch, opts Options) *time.Time {
	t, _, _, ok := m.resolve(opts.Ref, opts.Location)
	if !ok {
		if m.Year == 0 && opts.Ref.IsZero() {
			a.Warnings = append(a.Warnings, fmt.Sprintf("date %q has no year and there is no reference time to infer one", m.Text))
		} else {
			a.Warnings = append(a.Warnings, fmt.Sprintf("date %q does not exist", m.Text))
		}
		return nil
	}
	return &t
}
