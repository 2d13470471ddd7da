package article

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"seedfeed/internal/article/boilerplate"
)

// Finding the authors of a plain-text page. A whole-page scrape puts the
// byline wherever the page's markup had it: above the headline, between
// headline and body, glued to the date, or only in an author box after the
// article. So every line in a window around the article's start is read
// for names (bylineline.go), and each candidate is weighed by how it names
// them (a label is the best sign, a date beside the names the next) and
// by how far it stands from the header. The author box after the body is
// read only when the top of the article names nobody. Many pages name no
// author at all, so a line that is merely name-shaped needs support from
// its neighbours before it counts.

const (
	// authorAbove and authorBelow bound the window around the header
	// (Classify's start, or the headline when it is above it, to the
	// body's start) where a byline is looked for.
	authorAbove = 15
	authorBelow = 10
	// authorBoxSpan is how far after the article's end an author box
	// is looked for, boxInside how far before it ("Posted by X at
	// 10:52" closes a blog post, which Classify may run past).
	authorBoxSpan = 40
	boxInside     = 8
	// minAuthorScore is what a candidate needs to be taken.
	minAuthorScore = 50
)

// Weights of the signs a candidate line gives.
const (
	scoreLabelled    = 100 // "By Jane Roe"
	scoreLabelAbove  = 95  // "By" on one line, "Jane Roe" on the next
	scoreDated       = 70  // "Jane Roe, March 3, 2024"
	scoreBare        = 25  // "Jane Roe"
	scoreNextToDate  = 35  // a bare name with a date line beside it
	scoreProfile     = 35  // a bare name above "Follow", a handle or a role
	scoreNextToTitle = 15  // a bare name right under the headline (right above it stands a kicker: "Hong Kong")
	scoreRepeated    = 15  // the name is on the page again
	scoreBeforeBody  = 15  // a bare name between the headline (or standfirst) and the body
	scoreNameList    = -50 // a bare name among more bare names: a menu of people
	scoreSiteAccount = 45  // taken off "By admin": a person named elsewhere wins
	penaltyAbove     = 1   // per line above the header
	penaltyBelow     = 3   // per line into the body, after bodyGrace lines
	bodyGrace        = 2
)

// authorCand is a line that names authors.
type authorCand struct {
	at    int // the line of the names
	label int // the line of their label when it is on a line of its own, else -1
	names []string
	score int
	// labelled is set when a label vouches for the names, dated when
	// a date stands on their line.
	labelled, dated bool
}

// findAuthors returns the authors the page names, and the lines that name
// them (the names' line and, when it stands alone, their label's), or nil
// when it names none.
func (tr *textReader) findAuthors(start, body, end int) (names []string, at, label int) {
	hs := start
	for i := max(0, body-headBack); i < start; i++ {
		if tr.roles[i] == roleTitle {
			hs = i
			break
		}
	}
	best := authorCand{at: -1, label: -1}
	bestDist := 0
	lo, hi := max(0, hs-authorAbove), min(len(tr.paras), body+authorBelow)
	for i := lo; i < hi; i++ {
		c, ok := tr.candidateAt(i, hi)
		if !ok {
			continue
		}
		dist := 0
		switch {
		case c.at < hs:
			dist = hs - c.at
			c.score -= penaltyAbove * dist
		case c.at < start && !c.labelled:
			// Between a headline far above and Classify's start
			// lie teasers and menus too: a name there without a
			// label counts its distance from the start, or, beside
			// a date, from the headline above it.
			dist = start - c.at
			if c.dated || tr.besideDate(c.at) || tr.headerName(c.at) {
				dist = min(dist, c.at-hs)
			}
			c.score -= penaltyAbove * dist
		case c.at >= body+bodyGrace:
			// The body's first lines are where Classify leaves a
			// byline it took for prose.
			dist = c.at - body - bodyGrace + 1
			c.score -= penaltyBelow * dist
		}
		if c.score >= minAuthorScore && (c.score > best.score || c.score == best.score && dist < bestDist) {
			best, bestDist = c, dist
		}
	}
	if best.at < 0 {
		best = tr.authorBox(end)
	}
	if best.at < 0 {
		best = tr.agencyCredit(body, end)
	}
	if best.at < 0 {
		best = tr.entryFooterAuthor(body, end)
	}
	if best.at < 0 {
		// A bio stays in the story it ends.
		return tr.bioLine(body, end), -1, -1
	}
	return best.names, best.at, best.label
}

// agencies reads a credit of wire services ("Reuters", "dpa/AFP", "AP,
// AFP"), nil when one of them is not one.
func agencies(p string) []string {
	if p == "" || len(p) >= 40 {
		return nil
	}
	var names []string
	for part := range strings.FieldsFuncSeq(p, func(r rune) bool { return r == '/' || r == ',' || r == ';' }) {
		part = strings.TrimSpace(part)
		if !isAgency(part) {
			return nil
		}
		names = append(names, part)
	}
	return names
}

// agencyCredit finds a wire service credited on a line of its own at the
// end of the body ("— Reuters", "(AP)"), the only author some agency
// stories name, or a writer's dash and name there. Classify may leave
// that short line in the body or just after its end.
func (tr *textReader) agencyCredit(body, end int) authorCand {
	for _, i := range []int{end, end + 1, end - 1, end - 2} {
		if i < body || i >= len(tr.paras) {
			continue
		}
		// The run's last line may have been taken for a picture's
		// credit: a wire service alone in brackets there is the
		// story's, and nothing else there is.
		caption := i == end-1 && tr.roles[i] == roleCaption
		if i < end && tr.roles[i] != roleBody && !caption {
			continue
		}
		// The dash or the brackets make it the story's credit; a
		// plain "Reuters" there is as often a picture's.
		raw := strings.TrimSpace(tr.paras[i])
		if !strings.HasPrefix(raw, "(") && !strings.HasPrefix(raw, "—") && !strings.HasPrefix(raw, "–") && !strings.HasPrefix(raw, "-") {
			continue
		}
		p := strings.Trim(raw, " -–—()[]*")
		if names := agencies(p); names != nil {
			return authorCand{at: i, label: -1, names: names, score: minAuthorScore}
		}
		if caption {
			continue
		}
		// A writer signs off under the last paragraph with a dash and
		// a name ("— Jane Roe"); under a quotation the same line names
		// who said it.
		if i > 0 && (strings.HasPrefix(raw, "—") || strings.HasPrefix(raw, "–")) && !endsQuote(tr.paras[i-1]) {
			if name, ok := bareName(p); ok && !isAgency(name) && unlabelledShape([]string{name}) {
				return authorCand{at: i, label: -1, names: []string{name}, score: minAuthorScore}
			}
		}
	}
	return authorCand{at: -1, label: -1}
}

// entryFooterAuthor finds the writer a blog theme's note under the post
// names ("This entry was posted in News on May 3, 2024 by Jane Roe.",
// "Dieser Eintrag wurde veröffentlicht in … am … von Jana Roth."): the
// names after the note's last "by" or its word in another language.
func (tr *textReader) entryFooterAuthor(body, end int) authorCand {
	for i := max(body, end-maxFooterInside); i < min(len(tr.paras), end+maxFooterAfter); i++ {
		p := tr.paras[i]
		if len(p) > maxBylineLen*2 || !entryFooter(p) {
			continue
		}
		for _, w := range [...]string{" by ", " von ", " par ", " por ", " da ", " door "} {
			k := strings.LastIndex(p, w)
			if k < 0 {
				continue
			}
			// The note may go on after the name (". Bookmark the
			// permalink.").
			tail, _, _ := strings.Cut(p[k+len(w):], ". ")
			tail = strings.TrimRight(tail, " .")
			if ln := readBylineLine("By " + tail); ln.form != formNone && len(ln.names) > 0 {
				return authorCand{at: i, label: -1, names: ln.names, score: minAuthorScore}
			}
		}
	}
	return authorCand{at: -1, label: -1}
}

// How far around the story's end a theme's note under the post is looked
// for: inside the run (Classify keeps it as a short paragraph) and after.
const maxFooterInside, maxFooterAfter = 2, 6

// bioLine returns the writer a bio at the story's end names, nil when
// there is none: a short paragraph that opens with a name, a copula and
// the writer's role within a few words ("Jane Roe is a reporter for the
// Kirkby Courier.", "Jana Roth ist Redakteurin bei …", "… is the author
// of …"). A story may end on someone else ("The Bod Pod is the main
// device"), which names no role.
func (tr *textReader) bioLine(body, end int) []string {
	for i := min(len(tr.paras), end+maxBioAfter) - 1; i >= max(body, end-maxBioInside); i-- {
		p := tr.paras[i]
		if len(p) > maxBioLen || i < end && tr.roles[i] != roleBody {
			continue
		}
		if name, ok := bioName(p); ok {
			return []string{name}
		}
	}
	return nil
}

// bioName returns the writer's name a bio opens with: all that stands
// before its first copula, when that is a person's name and a writer's
// role follows within maxBioRoleAt words.
func bioName(p string) (string, bool) {
	k, cop := -1, ""
	for _, c := range bioCopulas {
		if j := strings.Index(p, c); j > 0 && (k < 0 || j < k) {
			k, cop = j, c
		}
	}
	if k < 0 {
		return "", false
	}
	// A handle may stand in brackets after the name ("Jane Roe
	// (@janeroe) is a …").
	head := trimHandle(p[:k])
	name, ok := bareName(head)
	if !ok || name != head || isAgency(name) || !unlabelledShape([]string{name}) {
		return "", false
	}
	n := 0
	for w := range strings.FieldsSeq(p[k+len(cop):]) {
		if n++; n > maxBioRoleAt {
			break
		}
		if roleWord(w) || bioRole(w) {
			return name, true
		}
	}
	return "", false
}

// Bounds on bioLine's search: a bio is the story's last lines or just
// after them, and short.
const (
	maxBioInside = 2
	maxBioAfter  = 3
	maxBioLen    = 400
	maxBioRoleAt = 5
)

// bioCopulas join a bio's name to the writer's role.
var bioCopulas = []string{" is a ", " is an ", " is the ", " was a ", " ist ", " est ", " es ", " è "}

// bioRole reports a role a bio gives a writer besides roleWord's.
func bioRole(w string) bool {
	switch strings.ToLower(strings.Trim(w, ",.;")) {
	case "professor", "lecturer", "researcher", "fellow", "freelance", "freelancer", "blogger", "novelist", "poet", "historian", "commentator":
		return true
	}
	return false
}

// endsQuote reports a line that ends with a closing quotation mark.
func endsQuote(p string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(p, " .,"))
	return strings.ContainsRune("\"”»’'“«", r)
}

// candidateAt reads line i as a byline. hi bounds the lines a label on
// its own may take its names from.
func (tr *textReader) candidateAt(i, hi int) (authorCand, bool) {
	// The headline, or a copy of it, names no writer, whatever names
	// it holds ("Naher Osten und Nordafrika").
	if tr.roles[i] == roleCaption || tr.headlineAt(i) {
		return authorCand{}, false
	}
	ln := tr.bylineNames(i)
	if ln.form == formDated || ln.form == formBare {
		// Names a label does not vouch for must not be common words.
		if ln.names = tr.namesNotWords(ln.names); ln.names == nil {
			return authorCand{}, false
		}
	}
	c := authorCand{at: i, label: -1, names: ln.names}
	switch ln.form {
	case formLabelled:
		c.score, c.labelled = scoreLabelled, true
		if len(c.names) == 1 && !strings.ContainsRune(c.names[0], ' ') && tr.lowercaseWords(c.names[0]) {
			return authorCand{}, false // "By Course or Type"
		}
	case formLabel:
		if ln.box {
			// "Author" above a name heads an author box as often
			// as a byline; it counts as a label here only when it
			// is not about the author.
			if !tr.labelIsByline(i) {
				return authorCand{}, false
			}
		}
		j, names := tr.namesUnderLabel(i, hi, ln.box)
		if names == nil {
			return authorCand{}, false
		}
		c = authorCand{at: j, label: i, names: names, score: scoreLabelAbove, labelled: true}
	case formDated:
		c.score, c.dated = scoreDated, true
		if ln.profile {
			c.score += scoreProfile / 2
		}
		if tr.crowded(i, ln) {
			c.score += scoreNameList
		}
	case formBare:
		if tr.underTags(i) {
			return authorCand{}, false
		}
		c.score = tr.bareScore(i, ln)
	default:
		return authorCand{}, false
	}
	if len(c.names) == 1 && siteAccount(c.names[0]) {
		c.score -= scoreSiteAccount
	}
	for k, n := range c.names {
		c.names[k] = tr.cutPageLineTail(n, c.at)
	}
	return c, len(c.names) > 0
}

// maxLineTail is how many of a name's last words may be a line of the
// page that a byline ran the name into.
const maxLineTail = 3

// cutPageLineTail cuts a name's last words off when they stand alone as
// a line elsewhere on the page: a section's entry in the menu ("30.
// Oktober 2023 Carola Pönisch Kultur" on a page whose menu lists
// "Kultur") or the site's name ("… von Sarah Schnieder Reiterrevue
// International"), which a byline ran into the name. Two words of the
// name stay at least.
func (tr *textReader) cutPageLineTail(name string, at int) string {
	spaces := strings.Count(name, " ")
	if spaces < 2 {
		return name
	}
	// cuts[n-1] is where the name's last n words start, less one.
	var cuts [maxLineTail]int
	k := 0
	for i := len(name) - 1; i >= 0 && k < maxLineTail; i-- {
		if name[i] == ' ' {
			cuts[k] = i
			k++
		}
	}
	for n := min(maxLineTail, spaces-1); n >= 1; n-- {
		tail := name[cuts[n-1]+1:]
		for j, p := range tr.paras {
			if j != at && len(p) == len(tail) && strings.EqualFold(p, tail) {
				return name[:cuts[n-1]]
			}
		}
	}
	return name
}

// labelIsByline reports whether the author-box label at line i ("Autor",
// "Author") is a byline's: the line after its name is not prose about
// the author.
func (tr *textReader) labelIsByline(i int) bool {
	var buf [16]byte
	switch string(lowerBytes(buf[:], strings.TrimRight(tr.paras[i], " :"))) {
	case "author", "autor", "autorin", "auteur", "autore", "autora", "authors", "autoren", "auteurs", "auteur(s)", "autores":
		return true
	}
	return false
}

// namesUnderLabel reads the names under line i, a label that stands on
// its own line (strict as labelLine's box says): the next line, or the
// one after it when the next is empty of words (a lone "-"). Under "By" a
// lone user name is a name; under "Author", which heads other things too,
// only a person's full name (strict); under a weak label ("Von", also a
// preposition; "par") only a capitalized name, no handle.
func (tr *textReader) namesUnderLabel(i, hi int, strict bool) (int, []string) {
	handles := !weakLabel(strings.ToLower(strings.TrimRight(tr.paras[i], " :")))
	for j := i + 1; j < min(hi, i+3); j++ {
		p := strings.TrimSpace(tr.paras[j])
		if strings.Trim(p, "-–—|:·•,") == "" {
			continue
		}
		if len(p) > maxBylineLine {
			return -1, nil
		}
		s := trimHandle(unglue(undoubleGlued(p)))
		names, tail := namesAndTail(s, !strict)
		if !handles && handleOnly(names) && strings.IndexFunc(names[0], func(r rune) bool { return !unicode.IsLetter(r) }) < 0 {
			return -1, nil // "von" above "an": a preposition's object
		}
		if len(names) == 0 || !bylineTail(tail) {
			return -1, nil
		}
		if strict {
			for _, n := range names {
				if !personShape(n) {
					return -1, nil
				}
			}
		}
		return j, names
	}
	return -1, nil
}

// bareScore weighs a line that is only names by its neighbours.
func (tr *textReader) bareScore(i int, ln lineNames) int {
	names := ln.names
	score := scoreBare
	prev, next := tr.neighbour(i, -1), tr.neighbour(i, 1)
	if tr.besideDate(i) {
		score += scoreNextToDate
	}
	if ln.profile || next >= 0 && (profileLine(tr.paras[next]) || handleOf(tr.paras[next], names[0])) {
		score += scoreProfile
	}
	if tr.headlineAt(prev) {
		score += scoreNextToTitle
	}
	// A picture may stand between the byline and the story: its caption
	// and credit are skipped on the way down to the body.
	below, picture := next, false
	for k := 0; k < 2 && below >= 0 && tr.pictureLine(below); k++ {
		below, picture = tr.neighbour(below, 1), true
	}
	// Over the name, the headline, or a standfirst: as a subtitle, or,
	// over a picture, as the body's first paragraph right under the
	// headline (a button's label, "View Images", stands between that
	// paragraph and the next with no picture's caption under it).
	standfirst := prev >= 0 && (tr.roles[prev] == roleSubtitle || picture && tr.roles[prev] == roleBody && tr.headlineAt(tr.neighbour(prev, -1)))
	if (tr.headlineAt(prev) || standfirst) && below >= 0 && tr.roles[below] == roleBody || tr.headerName(i) {
		score += scoreBeforeBody
	}
	if tr.repeated(i, names[0]) {
		score += scoreRepeated
	}
	if tr.otherBare(prev, names[0]) || tr.otherBare(next, names[0]) ||
		score > scoreBare && tr.crowded(i, ln) || tr.inMenu(prev, next) {
		score += scoreNameList
	}
	return score
}

// headerName reports a name on line i right under the headline and over
// a standfirst with the date line right under that ("Topinambur ernten:
// 3 Profi-Tipps", "Kathrin Hofmeister", "Im Winter Gemüse frisch …",
// "26 Jan, 2022 09:22 Uhr"): the header goes on below the name, though
// Classify starts the article further down.
func (tr *textReader) headerName(i int) bool {
	if !tr.headlineAt(tr.neighbour(i, -1)) {
		return false
	}
	j := tr.neighbour(i, 1)
	if j < 0 || !endsSentence(tr.paras[j]) || wordCount(tr.paras[j]) < minStandfirstWords || dateLineish(tr.paras[j]) {
		return false
	}
	next := tr.neighbour(j, 1)
	return next >= 0 && dateLineish(tr.paras[next])
}

// pictureLine reports whether line j is a picture's caption or credit;
// under a byline a credit may be a short copyright notice ("© Maizal /
// stock.adobe.com").
func (tr *textReader) pictureLine(j int) bool {
	p := tr.paras[j]
	return tr.roles[j] == roleCaption || creditAlone(p) || copyrightLine(p) && wordCount(p) <= maxCreditWords
}

// headlineAt reports whether line j is the headline: the line taken as
// the title, or a copy of it (a page that prints its headline twice may
// have the byline under the second copy).
func (tr *textReader) headlineAt(j int) bool {
	return j >= 0 && (tr.roles[j] == roleTitle || tr.headline != "" && tr.paras[j] == tr.headline)
}

// inMenu reports whether the line between lines prev and next stands in
// a menu: the two lines above it and the two below are single words or
// pairs ("Works", "Mission Statement", "Kontakt", "Datenschutz"). A
// name-like entry there is the page's, and the entry under it
// ("Kontakt") no link to a writer's profile.
func (tr *textReader) inMenu(prev, next int) bool {
	entry := func(j int) bool {
		if j < 0 {
			return false
		}
		p := tr.paras[j]
		return len(p) <= maxMenuEntry && wordCount(p) <= 2 && !strings.ContainsAny(p, "0123456789.")
	}
	return entry(prev) && entry(tr.neighbour(prev, -1)) && entry(next) && entry(tr.neighbour(next, 1))
}

// maxMenuEntry is how long, in bytes, an entry of a menu is at most.
const maxMenuEntry = 24

// otherBare reports whether line j is a line of names only whose first
// name is not name: the next entry of a menu of people, not the byline
// printed twice (a name's link and its picture's caption).
func (tr *textReader) otherBare(j int, name string) bool {
	if j < 0 {
		return false
	}
	o := readBylineLine(tr.paras[j])
	return o.form == formBare && !strings.EqualFold(o.names[0], name) && !jobTitle(tr.paras[j])
}

// jobTitle reports a short line that ends with a writer's role, with a
// beat or a rank before it ("City Hall Reporter", "Senior Writer"): under
// a name it is that name's title, not a second name ("City Hall").
func jobTitle(p string) bool {
	f := strings.Fields(p)
	return len(f) >= 2 && len(f) <= 4 && roleWord(f[len(f)-1]) && profileLine(p)
}

// crowdSpan is how near other people's names make a list of them.
const crowdSpan = 6

// crowded reports whether two more lines near line i name other people
// the way it does, beside a date: a list of teasers or of comments, each
// with its writer and time, not an article's byline. (A menu of names
// without dates is scoreNameList's other case.)
func (tr *textReader) crowded(i int, ln lineNames) bool {
	others := 0
	for j := max(0, i-crowdSpan); j < min(len(tr.paras), i+crowdSpan+1); j++ {
		if j == i || len(tr.paras[j]) > maxBylineLine {
			continue
		}
		o := readBylineLine(tr.paras[j])
		if o.form != ln.form || strings.EqualFold(o.names[0], ln.names[0]) {
			continue
		}
		if o.form == formBare && !tr.besideDate(j) {
			continue
		}
		others++
	}
	return others >= 2
}

// besideDate reports whether the line before or after line i is a date.
func (tr *textReader) besideDate(i int) bool {
	prev, next := tr.neighbour(i, -1), tr.neighbour(i, 1)
	return prev >= 0 && dateLineish(tr.paras[prev]) || next >= 0 && dateLineish(tr.paras[next])
}

// neighbour is the nearest line in direction dir from i that holds more
// than punctuation, within two, or -1. A row of share buttons between a
// byline and its headline or date counts for neither.
func (tr *textReader) neighbour(i, dir int) int {
	for j := range tr.linesFrom(i, dir, 2) {
		if strings.Trim(tr.paras[j], " -–—|:·•,") != "" {
			return j
		}
	}
	return -1
}

// dateLineish reports a line that is a date and its label, in any
// language: only date words, with a figure among them.
func dateLineish(p string) bool {
	if len(p) > 80 {
		return false
	}
	if metaOnly(p) && dateish(p) {
		return true
	}
	// A place before the date ("Madrid, 19 nov 2019").
	if k := strings.IndexByte(p, ','); k > 0 && looksLikePlace(p[:k]) {
		if rest := p[k+1:]; metaOnly(rest) && dateish(rest) {
			return true
		}
	}
	_, ok := parseDateLine(p)
	return ok
}

// profileLine reports the line under an author's name in a byline or an
// author box: a follow button, a handle, an address, a role.
func profileLine(p string) bool {
	p = strings.TrimSpace(p)
	if p == "" || len(p) > 60 {
		return false
	}
	if p[0] == '@' || p[0] == '+' || strings.Contains(p, "@") && !strings.Contains(p, " ") {
		return true
	}
	// A role with the writer's handle after it ("News reporter
	// @janeroe").
	if p = trimHandle(p); p == "" {
		return false
	}
	var buf [60]byte
	switch string(lowerBytes(buf[:], p)) {
	case "follow", "twitter", "email", "e-mail", "view author archive", "more articles", "all articles", "alle artikel",
		"see all", "bio", "profile", "contact", "kontakt", "follow us", "email the author":
		return true
	}
	if fieldCount(p) <= 6 {
		for w := range strings.FieldsSeq(p) {
			if authorWord(w) {
				return true // "Search for this author in:", "View author archive"
			}
		}
	}
	// Role words, or a beat before one ("City Hall Reporter").
	words, others, last := 0, 0, ""
	for w := range strings.FieldsSeq(p) {
		if !roleWord(w) && !roleQualifier(w) {
			others++
		}
		words, last = words+1, w
	}
	return words > 0 && words <= 4 && (others == 0 || others <= 2 && roleWord(last))
}

// authorWord reports the word "author" in the languages of the labels.
func authorWord(w string) bool {
	var buf [16]byte
	switch strings.Trim(string(lowerBytes(buf[:], w)), ",.:") {
	case "author", "authors", "autor", "autorin", "autoren", "auteur", "autore", "autora", "автор":
		return true
	}
	return false
}

// handleOf reports a line that is the name squashed into a user name
// ("Edilson La Rosa" above "edilsonlarosa").
func handleOf(p, name string) bool {
	p = strings.TrimPrefix(strings.TrimSpace(p), "@")
	if p == "" || strings.ContainsRune(p, ' ') || len(p) > 40 {
		return false
	}
	squashed := strings.ToLower(strings.Join(strings.Fields(name), ""))
	return strings.EqualFold(p, squashed)
}

// roleQualifier reports the words that qualify a role ("Political
// Editor", "TV Columnist", "Senior Staff Writer").
func roleQualifier(w string) bool {
	var buf [16]byte
	switch string(lowerBytes(buf[:], strings.Trim(w, ",."))) {
	case "political", "tv", "news", "managing", "executive", "deputy", "associate", "assistant", "freelance", "freier",
		"freie", "science", "sports", "sport", "tech", "technology", "business", "health", "culture", "music", "film",
		"digital", "online", "social", "media", "features", "opinion", "economics", "politics", "travel", "food",
		"and", "&", "at", "large", "special", "international", "national", "local", "investigative", "data":
		return true
	}
	return false
}

// repeated reports whether name is on another line of the page: an
// author box, a "More from" link, a signature.
func (tr *textReader) repeated(i int, name string) bool {
	if len(name) < 5 {
		return false
	}
	for j, p := range tr.paras {
		if j != i && len(p) >= len(name) && strings.Contains(p, name) {
			return true
		}
	}
	return false
}

// bylineNames is readBylineLine of line i, with what the rest of the page
// tells about its words: a byline typed in lower case under the title
// (lowerByline) is read, and a word after a lower-case "by" that the page
// uses elsewhere is no user name (handlesNotWords).
func (tr *textReader) bylineNames(i int) lineNames {
	ln := readBylineLine(tr.paras[i])
	switch ln.form {
	case formNone:
		if by, ok := tr.lowerByline(i); ok {
			return readBylineLine(by)
		}
	case formLabelled:
		if ln.names = tr.handlesNotWords(i, ln.names); ln.names == nil {
			return lineNames{}
		}
	}
	return ln
}

// handlesNotWords keeps the names that are not a user name the story
// uses as a word, nil when none is left: after a lower-case "by" a user
// name may follow ("by jdadmin"), or a word ("by sea"). Elsewhere on the
// page a user name stands alone, in a comment's header or an address,
// and in the body in a line of contacts ("Kontakt: marc ett …"), not in
// a sentence.
func (tr *textReader) handlesNotWords(at int, names []string) []string {
	word := func(n string) bool {
		if classifyNameWord(n) != tokHandle || strings.ContainsRune(n, ' ') {
			return false
		}
		for j, q := range tr.paras {
			if j != at && tr.roles[j] == roleBody && endsSentence(q) && containsWordNotAfter(q, n, "by ") {
				return true
			}
		}
		return false
	}
	return namesWithout(names, word)
}

// lowerByline returns line i in proper case when it is a byline a writer
// typed in lower case right under the title ("by jane roe", "by jane roe
// and john doe").
func (tr *textReader) lowerByline(i int) (string, bool) {
	if i == 0 || tr.roles[i-1] != roleTitle {
		return "", false
	}
	return properByline(tr.paras[i], func(w string) bool {
		for j, q := range tr.paras {
			if j != i && containsWord(q, w) {
				return true
			}
		}
		return false
	})
}

// properByline returns a byline typed in lower case in proper case ("By
// Jane Roe") when it holds names: words of which used reports none
// written elsewhere in the text.
func properByline(p string, used func(w string) bool) (string, bool) {
	names, ok := lowerBylineNames(p)
	if !ok {
		return "", false
	}
	for _, n := range names {
		for w := range strings.FieldsSeq(n) {
			if used(w) {
				return "", false
			}
		}
	}
	for k, n := range names {
		names[k] = properCase(n)
	}
	return "By " + strings.Join(names, " and "), true
}

// lowerBylineNames returns the names of a line shaped as a byline in
// lower case: "by", then names of two to maxLowerNameWords words of
// letters, joined by "and".
func lowerBylineNames(p string) ([]string, bool) {
	rest, ok := strings.CutPrefix(strings.TrimSpace(p), "by ")
	if !ok || strings.ToLower(rest) != rest {
		return nil, false
	}
	var names []string
	for n := range strings.SplitSeq(rest, " and ") {
		words := strings.Fields(n)
		if len(words) < 2 || len(words) > maxLowerNameWords || len(names) == maxNames {
			return nil, false
		}
		for _, w := range words {
			if !nameLetters(w) {
				return nil, false
			}
		}
		names = append(names, strings.Join(words, " "))
	}
	return names, true
}

// maxLowerNameWords bounds a name in a lower-case byline: a given name,
// a particle and a surname or two.
const maxLowerNameWords = 4

// nameLetters reports a word of letters, maybe with a hyphen or an
// apostrophe inside ("o'neill", "ann-marie").
func nameLetters(w string) bool {
	first, _ := utf8.DecodeRuneInString(w)
	last, _ := utf8.DecodeLastRuneInString(w)
	if !unicode.IsLetter(first) || !unicode.IsLetter(last) {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' {
			return false
		}
	}
	return true
}

// lowercaseWords reports whether a name is words the page writes in
// lower case. A surname is a proper noun; a word of a menu or a headline
// ("Recipes", "Gesundheitliche Probleme") turns up in lower case in
// running text.
func (tr *textReader) lowercaseWords(n string) bool {
	last := n[strings.LastIndexByte(n, ' ')+1:]
	for w := range strings.FieldsSeq(n) {
		// A given name may be a short word too ("Will", "Grant"); a
		// long word in lower case is a word.
		if utf8.RuneCountInString(w) < 3 || isInitialWord(w) || w != last && utf8.RuneCountInString(w) < 7 {
			continue
		}
		lw := strings.ToLower(w)
		if lw == w {
			continue
		}
		for _, p := range tr.paras {
			if containsWord(p, lw) {
				return true
			}
		}
	}
	return false
}

// namesNotWords keeps the names that are not lowercaseWords, nil when
// none is left: beside a writer's name, a publication's ("Tanza
// Loudenback, Business Insider") is words the page uses in lower case.
func (tr *textReader) namesNotWords(names []string) []string {
	return namesWithout(names, tr.lowercaseWords)
}

// namesWithout returns names without those drop reports, nil when none
// is left; names itself when drop reports none.
func namesWithout(names []string, drop func(string) bool) []string {
	if !slices.ContainsFunc(names, drop) {
		return names
	}
	kept := slices.DeleteFunc(slices.Clone(names), drop)
	if len(kept) == 0 {
		return nil
	}
	return kept
}

// containsWord reports whether w occurs in s as a whole word.
func containsWord(s, w string) bool { return containsWordNotAfter(s, w, "") }

// containsWordNotAfter reports whether w occurs in s as a whole word
// that label, when not empty, does not stand right before.
func containsWordNotAfter(s, w, label string) bool {
	for off := 0; ; {
		k := strings.Index(s[off:], w)
		if k < 0 {
			return false
		}
		k += off
		before, _ := utf8.DecodeLastRuneInString(s[:k])
		after, _ := utf8.DecodeRuneInString(s[k+len(w):])
		if (k == 0 || !wordRune(before)) && (k+len(w) == len(s) || !wordRune(after)) && (label == "" || k < len(label) || !strings.EqualFold(s[k-len(label):k], label)) {
			return true
		}
		off = k + len(w)
	}
}

// wordRune reports the runes that continue a word, a user name or an
// address ("alex_shephard", "jane.roe@example.org").
func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '@' || r == '.' || r == '/' || r == '-'
}

// authorBox finds the author named after the article: "About the
// author" or "Autor" above a name, "About Jane Roe", "Text: Jane Roe" on
// the lines after its end, or a byline on its last lines.
func (tr *textReader) authorBox(end int) authorCand {
	none := authorCand{at: -1, label: -1}
	hi := min(len(tr.paras), end+authorBoxSpan)
	for i := max(0, end-boxInside); i < hi; i++ {
		p := tr.paras[i]
		if len(p) > maxBylineLine || replyLine(p) {
			continue
		}
		ln := tr.bylineNames(i)
		switch ln.form {
		case formLabel:
			if j, names := tr.namesUnderLabel(i, hi, ln.box); names != nil {
				return authorCand{at: j, label: i, names: names, score: scoreLabelAbove}
			}
			if j := i + 1; ln.box && j < hi {
				if name, ok := boxBio(tr.paras[j]); ok {
					return authorCand{at: j, label: i, names: []string{name}, score: scoreLabelAbove}
				}
			}
		case formLabelled:
			if ln.box || i >= end-3 && i < end {
				return authorCand{at: i, label: -1, names: ln.names, score: scoreLabelled}
			}
		}
		if names := aboutNames(p); names != nil && !tr.leadSubject(names[0]) {
			return authorCand{at: i, label: -1, names: names, score: scoreLabelled}
		}
	}
	return none
}

// leadSubject reports whether the story's first paragraph opens with
// name: then a box "About" it describes the story's subject, a press
// release's company ("About Harbor Robotics" under "Harbor Robotics, a
// maker of …, today opened …") or the person a profile is about, not
// its writer. A writer may name himself further into his own story
// ("O prof. Carlos Nadalim apresenta …"), and his box's own lines name
// him too.
func (tr *textReader) leadSubject(name string) bool {
	return len(tr.a.BodyParagraphs) > 0 && strings.HasPrefix(tr.a.BodyParagraphs[0], name)
}

// boxBio returns the name the sentence under an author box's label
// opens with ("About the author" over "Jane Roe covers city hall for
// the Courier."): under that label the sentence's subject is the writer,
// whatever its verb, where a bio with no label needs a copula and a
// writer's role (bioName).
func boxBio(p string) (string, bool) {
	if len(p) > maxBioLen || !endsSentence(p) {
		return "", false
	}
	at := 0
	for w := range strings.FieldsSeq(p) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			break
		}
		at = strings.Index(p[at:], w) + at + len(w)
	}
	// A comma may close the name before an apposition ("Jane Roe, who
	// has covered city hall since 2010, lives …").
	head := strings.TrimRight(strings.TrimSpace(p[:at]), ",")
	name, ok := bareName(head)
	if !ok || name != head || at == len(p) || isAgency(name) || !unlabelledShape([]string{name}) {
		return "", false
	}
	return name, true
}

// replyLine reports a comment's header ("… am 10. Mai 2015 [
// antworten ]"): its name is a reader's.
func replyLine(p string) bool {
	for w := range strings.FieldsSeq(p) {
		var buf [16]byte
		switch strings.Trim(string(lowerBytes(buf[:], w)), "[]()|:.,") {
		case "reply", "antworten", "répondre", "responder", "rispondi", "responder»", "svara", "antwoorden":
			return true
		}
	}
	return false
}

// aboutNames reads "About Jane Roe", "Über Jane Roe": an author box's
// heading with the name in it.
func aboutNames(p string) []string {
	for _, pre := range []string{"About ", "Über ", "À propos de ", "Sobre "} {
		if !strings.HasPrefix(p, pre) {
			continue
		}
		names, tail := namesAndTail(p[len(pre):], false)
		if len(names) == 1 && strings.TrimSpace(tail) == "" && unlabelledShape(names) {
			return names
		}
	}
	return nil
}

// setAuthors fills the Article's authors from findAuthors and takes the
// lines that named them out of the body when they opened or closed it.
func (tr *textReader) setAuthors(start, body, end int) {
	names, at, label := tr.findAuthors(start, body, end)
	tr.a.Authors = names
	tr.a.Author = strings.Join(names, ", ")
	if names == nil {
		return
	}
	for _, i := range []int{label, at} {
		if i >= 0 && tr.roles[i] == roleBody {
			tr.dropBodyLine(i)
		}
	}
}

// dropBodyLine takes line i, a body paragraph, out of the body when it is
// among the body's first or last maxLeadLines paragraphs and the body
// keeps others.
func (tr *textReader) dropBodyLine(i int) {
	k := 0
	for j := 0; j < i; j++ {
		if tr.roles[j] == roleBody {
			k++
		}
	}
	n := len(tr.a.BodyParagraphs)
	if n <= 1 || k >= n || tr.a.BodyParagraphs[k] != tr.paras[i] || k >= maxLeadLines && k < n-maxLeadLines {
		return
	}
	tr.a.BodyParagraphs = append(tr.a.BodyParagraphs[:k], tr.a.BodyParagraphs[k+1:]...)
	tr.roles[i] = roleFact
}

// underTags reports whether line i is an entry of a list of topics, as
// textTags reads one: a label alone on its line that Classify called a
// tags line ("Topics", "Tags:", tagLabel) stands above it, with only
// other entries (tagLinkAt) between. A person a story is about is often
// among its topics ("Topics" over "Hong Kong", "Carrie Lam"), and is not
// its writer.
func (tr *textReader) underTags(i int) bool {
	for j := i; j > max(0, i-maxTextTags); j-- {
		if !tr.tagLinkAt(j) {
			return false
		}
		if rest, ok := tagLabel(tr.paras[j-1]); ok && strings.TrimSpace(rest) == "" && tr.kinds[j-1] == boilerplate.KindTags {
			return true
		}
	}
	return false
}
