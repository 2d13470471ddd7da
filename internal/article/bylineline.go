package article

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// What one line of a page says about authors, read without its context:
// authorfind.go weighs the lines against each other.

// maxBylineLine bounds a line read for names: a longer line is prose.
const maxBylineLine = 200

// bylineForm is how a line names its authors.
type bylineForm uint8

const (
	formNone     bylineForm = iota
	formLabel               // a label alone ("By", "Autor:", "About the author"); the names follow
	formLabelled            // "By Jane Roe", "Posted on 2015-04-05 by marc", "Par Loïc Le Clerc"
	formDated               // "Jane Roe, March 3, 2024", "28. Jan. 2022 Paula Balov"
	formBare                // "Jane Roe": a line of names and nothing else
)

// lineNames is what readBylineLine found in a line.
type lineNames struct {
	form  bylineForm
	names []string
	// box is set for the labels that say "author" outright ("About
	// the author", "Author:", "Posted by"): such a line names the
	// author after the article as well as before it, where a plain
	// "By" is as likely a teaser's.
	box bool
	// profile is set when the names are followed on their line by a
	// role, a handle or a follow button ("Gina Trapani CEO", "Jon
	// Fingas, @jonfingas").
	profile bool
}

// readBylineLine reads a line for authors' names.
func readBylineLine(line string) lineNames {
	s := strings.TrimSpace(line)
	if s == "" || len(s) > maxBylineLine {
		return lineNames{}
	}
	if copyrightLine(s) {
		return lineNames{}
	}
	s = unglue(undoubleGlued(s))
	if box, ok := labelLine(s); ok {
		return lineNames{form: formLabel, box: box}
	}
	// The segments of a metadata line: "Accueil | Par Loïc Le Clerc |
	// 30 septembre 2018", "yas! | By Cara Stiles | April 13, 2020",
	// "About the Author - Florina Ionescu".
	// A theme's meta row that slashes its parts together: "October 12,
	// 2018/0 Comments/in Promotion /by jdadmin".
	if i := strings.LastIndex(s, " /by "); i > 0 && dateWithin(s, maxBylineExtra) {
		if names, strong := labelledNames(s[i+2:]); len(names) > 0 {
			return lineNames{form: formLabelled, names: names, box: strong}
		}
	}
	var segBuf [8]string
	segs := splitSegments(s, segBuf[:0])
	for k, seg := range segs {
		if box, ok := labelLine(seg); ok && k+1 < len(segs) {
			if names, tail := namesAndTail(segs[k+1], !box); len(names) > 0 && bylineTail(tail) {
				return lineNames{form: formLabelled, names: names, box: true}
			}
		}
		if names, strong := labelledNames(seg); len(names) > 0 {
			return lineNames{form: formLabelled, names: names, box: strong}
		}
	}
	// Unlabelled: names with a date beside them, or names alone. After
	// the names and their date, a metadata row may go on with
	// categories and counts ("Nike Jane – 14.09.2022 – Kolumne").
	dated, other, profile := false, false, false
	var found []string
	for _, seg := range segs {
		u := unlabelledNames(seg)
		switch {
		case len(u.names) > 0 && found == nil && !other:
			found, dated, profile = u.names, dated || u.dated, u.profile
		case len(u.names) == 0 && metaOnly(seg):
			if dateish(seg) {
				dated = true
			}
		case len(u.names) > 0:
			// A second list of names on the line, or names after
			// other words: a menu or a sentence.
			return lineNames{}
		default:
			other = true
		}
	}
	if found == nil || other && !dated {
		return lineNames{}
	}
	if dated {
		return lineNames{form: formDated, names: found, profile: profile}
	}
	return lineNames{form: formBare, names: found, profile: profile}
}

// copyrightLine reports a footer's copyright notice, which names the
// site's owner, not an author.
func copyrightLine(s string) bool {
	return strings.HasPrefix(s, "©") || hasPrefixFold(s, "(c)") || hasPrefixFold(s, "copyright")
}

// segmentSeps are the separators of metadata rows.
var segmentSeps = [...]string{" | ", " · ", " • ", " — ", " – ", " - ", " -- ", " :: ", " » ", "|", "•", "·"}

// splitSegments cuts a line at the separators of metadata rows.
func splitSegments(s string, out []string) []string {
	from := 0
	for i := 0; i < len(s) && len(out) < cap(out)-1; i++ {
		switch s[i] {
		case ' ':
			// The separators that open with a space have one of
			// these after it: most spaces, between words, are
			// passed over without trying each separator.
			if i+1 >= len(s) {
				continue
			}
			switch s[i+1] {
			case '|', '-', ':', 0xC2, 0xE2:
			default:
				continue
			}
		case '|', 0xC2, 0xE2: // the first bytes of the other separators
		default:
			continue
		}
		for _, sep := range segmentSeps {
			if strings.HasPrefix(s[i:], sep) {
				if t := strings.TrimSpace(s[from:i]); t != "" {
					out = append(out, t)
				}
				from = i + len(sep)
				i = from - 1
				break
			}
		}
	}
	if t := strings.TrimSpace(s[from:]); t != "" {
		out = append(out, t)
	}
	return out
}

// bylineLabel finds a label that introduces names at the start of s and
// returns what follows it. A label needs a colon where the word is also
// a common noun ("Text:", "Autor:"). handles is false for the one-word
// labels that are also prepositions ("par", "di", "von"): after them
// only a capitalized name is a name. strong is set for the labels that
// say "author" outright: several words or a colon ("Posted by",
// "Autor:").
func bylineLabel(s string) (rest string, handles, strong, ok bool) {
	return bylineLabelAmong(s, bylineLabelsFor(s))
}

// bylineLabelAmong is bylineLabel trying only labels.
func bylineLabelAmong(s string, labels []string) (rest string, handles, strong, ok bool) {
	for _, p := range labels {
		if !mayPrefixFold(s, p) || !hasPrefixFold(s, p) {
			continue
		}
		after := s[len(p):]
		handles := !weakLabel(p)
		strong = strings.ContainsAny(p, " :：") && p != "by:" && p != "by :"
		if after == "" {
			return "", handles, strong, true
		}
		r, _ := utf8.DecodeRuneInString(after)
		last, _ := utf8.DecodeLastRuneInString(p)
		if unicode.IsLetter(last) && unicode.IsLetter(r) && !cjkRune(last) {
			continue // "Bystander", "Porto", "Dietmar"
		}
		return strings.TrimLeft(after, " :：-–—"), handles, strong, true
	}
	return "", false, false, false
}

// bylineLabels are the labels bylineLabel reads, in the order it tries
// them.
var bylineLabels = [...]string{
	"words written by", "written by", "posted by", "published by", "words by", "story by", "reported by", "reporting by", "text by", "article by",
	"edited by", "contributed by", "post author by", "post author", "thread starter", "a post by", "a guest post by",
	"verfasst von", "geschrieben von", "eingestellt von", "ein beitrag von", "ein gastbeitrag von", "ein interview von",
	"ein kommentar von", "veröffentlicht von", "text von", "text und fotos von",
	"écrit par", "publié par", "rédigé par", "un article de", "escrito por", "publicado por", "redactado por",
	"scritto da", "pubblicato da", "a cura di", "geschreven door", "geplaatst door", "skrevet af", "skrevet av",
	"написано", "опубликовано", "автор:", "автор", "автори:", "аутор:", "пише:", "piše:", "autorka:", "autorius:",
	"συντάκτης:", "συγγραφέας:", "نویسنده:", "به قلم", "بقلم", "كتب:", "كتبت:", "מאת",
	"by:", "by :", "by", "von:", "von", "par:", "par", "por:", "por", "di", "door", "oleh", "av", "af",
	"द्वारा", "लेखक:", "लेखक",
	"author:", "author :", "authors:", "autor:", "autor :", "autorin:", "autoren:", "auteur:", "auteur :", "auteurs:", "auteur(s):", "auteur(s) :",
	"autore:", "autora:", "text:", "texte:", "texto:", "tekst:", "текст:", "teksti:", "kirjoittaja:", "yazar:", "penulis:", "författare:",
	"作者：", "作者:", "作者", "记者：", "记者", "文：", "文／", "文/", "撰文：", "责任编辑：", "責任編輯：", "执笔：",
}

// bylineLabelIndex lists bylineLabels by the lower-cased ASCII letter
// they open with, in their order; other holds those that open with any
// other byte.
type bylineLabelIndex struct {
	letter [26][]string
	other  []string
}

var bylineLabelsByLetter = sync.OnceValue(func() *bylineLabelIndex {
	var x bylineLabelIndex
	for _, p := range bylineLabels {
		if c := p[0] | 0x20; c-'a' < 26 {
			x.letter[c-'a'] = append(x.letter[c-'a'], p)
		} else {
			x.other = append(x.other, p)
		}
	}
	return &x
})

// bylineLabelsFor returns the labels that may open s, in bylineLabels'
// order: for a line that opens with an ASCII letter, those that open
// with that letter in either case (no label opens with a rune that folds
// to an ASCII letter); for one that opens with any other ASCII byte,
// none (every label opens with a letter); else all of them, which
// hasPrefixFold sorts out.
func bylineLabelsFor(s string) []string {
	if s == "" {
		return bylineLabels[:]
	}
	c := s[0]
	if c >= utf8.RuneSelf {
		return bylineLabels[:]
	}
	if c|0x20-'a' < 26 {
		return bylineLabelsByLetter().letter[c|0x20-'a']
	}
	return nil
}

// weakLabel reports the one-word labels that are also prepositions.
func weakLabel(p string) bool {
	switch p {
	case "von", "par", "por", "di", "door", "oleh", "av", "af", "द्वारा", "作者", "记者":
		return true
	}
	return false
}

// labelLine reports a line that is only a label, its names on the next
// line: "By", "Von", "Autor", "Written by", "About the author". box is
// set for the labels of an author box at the end of an article.
func labelLine(s string) (box, ok bool) {
	t := strings.TrimRight(s, " :：")
	if len(t) > 40 {
		return false, false // longer than any label, and lowerBytes would allocate
	}
	var buf [40]byte
	switch string(lowerBytes(buf[:], t)) {
	case "by", "von", "par", "por", "oleh", "автор", "द्वारा", "作者",
		// What kind of piece it is, then the label, alone: "Kommentar
		// von". Not in bylineLabels: before a name on the same line
		// ("Kommentar von Mareike") it heads a reader's comment.
		"commentary by", "analysis by", "kommentar von", "gastbeitrag von", "analyse von", "eine analyse von",
		"kolumne von", "eine kolumne von", "un billet de":
		return false, true
	case "author", "authors", "autor", "autorin", "autoren", "auteur", "auteurs", "auteur(s)", "autore", "autora", "autores",
		"about the author", "about the authors", "about author", "über den autor", "über die autorin", "über die autoren",
		"zum autor", "zur autorin", "à propos de l'auteur", "à propos de l’auteur", "l'auteur", "l’auteur", "sobre el autor",
		"sobre la autora", "sobre o autor", "sull'autore", "l'autore", "over de auteur", "об авторе", "written by:", "the author",
		"die autorin", "der autor":
		return true, true
	}
	// A label of several words that bylineLabel reads before names
	// ("Written by", "Ein Beitrag von"), alone.
	return false, multiWordLabels()[string(lowerBytes(buf[:], t))]
}

// multiWordLabels are bylineLabels' labels of more than one word, without
// a closing colon: alone on a line, each is a label over the names below.
// Its one-word labels may be other words alone ("Di", Tuesday), and
// labelLine lists those it takes.
var multiWordLabels = sync.OnceValue(func() map[string]bool {
	set := map[string]bool{}
	for _, p := range bylineLabels {
		if p = strings.TrimRight(p, " :："); strings.Contains(p, " ") {
			set[p] = true
		}
	}
	return set
})

// labelledNames reads a segment that names its authors after a label:
// "By Jane Roe", "Posted on 2015-04-05 by marc", "12/04/2020 by Kay 24
// Comments", "Veröffentlicht am 03.02.2022 von Sarah Schnieder". Before
// the label there may be a date and its own label; after the names, a
// role, a date, or a few words of metadata. strong is bylineLabel's.
func labelledNames(seg string) (names []string, strong bool) {
	for at := 0; at < len(seg); {
		// A label counts only after metadata words ("Posted on
		// DATE by"), and a word that is not one ends the search: every
		// later start has it in front too.
		if at > 0 && !metaOnly(seg[:at]) && !genreWord(seg[:at]) {
			break
		}
		rest, handles, strong, ok := bylineLabel(seg[at:])
		if !ok && at > 0 {
			// After a date, "Author" needs no colon: "Posted on
			// 25. Januar 2022 Author Redaktion".
			for _, p := range []string{"Author ", "Autor ", "Auteur ", "Autore "} {
				if strings.HasPrefix(seg[at:], p) {
					rest, handles, strong, ok = seg[at+len(p):], true, true, true
				}
			}
		}
		if ok {
			if names, tail := namesAndTail(rest, handles); len(names) > 0 && bylineTail(tail) && (!handleOnly(names) || handleTail(tail)) {
				return names, strong
			}
		}
		// The next word.
		sp := strings.IndexByte(seg[at:], ' ')
		if sp < 0 {
			break
		}
		at += sp + 1
	}
	return nil, false
}

// genreWord reports a piece's kind named before its byline ("Analysis
// by Jane Roe", "Kommentar von …").
func genreWord(s string) bool {
	var buf [16]byte
	switch string(lowerBytes(buf[:], strings.TrimSpace(s))) {
	case "analysis", "opinion", "commentary", "review", "essay", "column", "interview", "report", "story",
		"analyse", "kommentar", "meinung", "análisis", "opinión", "chronique", "tribune", "editorial", "analisi", "commento":
		return true
	}
	return false
}

// namesAndTail reads names from the start of s and returns them with the
// text after them.
func namesAndTail(s string, handles bool) ([]string, string) {
	s = strings.TrimLeft(s, " ")
	var buf [maxNames]nameRun
	runs, stop := readNames(s, handles, buf[:0])
	names := namesOf(s, runs)
	if len(names) == 0 {
		return nil, s
	}
	return names, s[stop:]
}

// bylineTail reports whether what follows the names of a labelled byline
// keeps it a byline: nothing, a handle or an address, a role, a
// publication ("for The Mail"), a date after at most maxBylineExtra
// words ("in Valve on 1 June 2019"), or at most maxBylineExtra other
// words ("Reiterrevue International", "24 Comments"), or words in
// capitals (a city or an outlet: "NEW YORK DAILY NEWS"). More words make it
// a sentence that happens to start with "By".
func bylineTail(tail string) bool {
	tail = strings.TrimSpace(tail)
	if tail == "" || metaOnly(tail) {
		return true
	}
	switch tail[0] {
	case '@', '(', '[':
		return true
	case ',', ';', '/', '-':
		tail = strings.TrimSpace(tail[1:])
	}
	if strings.HasPrefix(tail, "–") || strings.HasPrefix(tail, "—") {
		return true
	}
	var buf [8]byte
	first, _, _ := strings.Cut(tail, " ")
	switch string(lowerBytes(buf[:], first)) {
	case "or", "oder", "ou", "o":
		// Never names: a menu's "By Course or Type", "Nach Autor oder Thema".
		return false
	}
	if metaOnly(tail) || fieldCount(tail) <= maxBylineExtra || shoutRun(tail) {
		return true
	}
	switch string(lowerBytes(buf[:], first)) {
	case "for", "für", "pour", "para", "per":
		return true
	}
	return dateWithin(tail, maxBylineExtra)
}

// dateWithin reports whether a run of date words starts within the first
// n+1 words of s.
func dateWithin(s string, n int) bool {
	at := 0
	for k := 0; k <= n && at < len(s); k++ {
		if m := metaPrefix(s[at:]); m > 0 && dateish(s[at:at+m]) {
			return true
		}
		sp := strings.IndexByte(s[at:], ' ')
		if sp < 0 {
			return false
		}
		at += sp + 1
	}
	return false
}

// handleOnly reports a list that is one user name ("marc").
func handleOnly(names []string) bool {
	return len(names) == 1 && classifyNameWord(names[0]) == tokHandle
}

// handleTail reports what may follow a lone user name: nothing, a date,
// or a separator. "By emailing us" is a sentence.
func handleTail(tail string) bool {
	tail = strings.TrimSpace(tail)
	return tail == "" || metaOnly(tail) || strings.IndexAny(tail[:1], "|(,@-") == 0
}

// unlabelled is what unlabelledNames found.
type unlabelled struct {
	names          []string
	dated, profile bool
}

// unlabelledNames reads a segment without a label: names alone ("Jane
// Roe"), names then a date ("Frank Hahn am 18. September 2019", "Georg
// Quaas, 21. Jan. 2015"), a date then names ("28. Jan. 2022 Paula
// Balov"), or a source, a date and the names ("Medical Daily 9/21/2016
// Jane Roe"). Names followed by a role or a handle ("Gina Trapani CEO")
// are marked profile.
func unlabelledNames(seg string) unlabelled {
	if shouting(seg) {
		// A line in capitals is a heading or a menu; a byline in
		// capitals has its label.
		return unlabelled{}
	}
	if strings.HasSuffix(seg, ",") || strings.HasSuffix(seg, ":") {
		return unlabelled{} // the line runs on into the next
	}
	trimmed := trimHandle(seg)
	u := unlabelled{profile: trimmed != seg}
	// An agency after the name is no profile: a photo's credit has one
	// too ("Al Goldis, Associated Press").
	seg = trimAgency(trimmed)
	if n, tail := namesAndTail(seg, false); len(n) > 0 && unlabelledShape(n) {
		tail = strings.TrimSpace(tail)
		switch {
		case tail == "":
			u.names = n
			return u
		case metaOnly(tail) && dateish(tail):
			u.names, u.dated = n, true
			return u
		case onlyRoles(tail):
			u.names, u.profile = n, true
			return u
		case ageTail(tail):
			u.names = n
			return u
		case shoutRun(tail) && shouting(tail):
			// An outlet in capitals, as an agency: "Kevin Johnson
			// and Kevin McCoy USA TODAY".
			u.names = n
			return u
		}
	}
	// A date first, or after a few words: skip to it and past it, then
	// read the names to the end, or to a count of comments.
	at := 0
	for k := 0; k <= maxBylineExtra && at < len(seg); k++ {
		if m := metaPrefix(seg[at:]); m > 0 && dateish(seg[at:at+m]) {
			n, tail := namesAndTail(seg[at+m:], false)
			tail = strings.TrimSpace(tail)
			if len(n) > 0 && unlabelledShape(n) && (tail == "" || k == 0 && hasDigit(tail[:1])) {
				u.names, u.dated = n, true
				return u
			}
			return unlabelled{}
		}
		sp := strings.IndexByte(seg[at:], ' ')
		if sp < 0 {
			break
		}
		at += sp + 1
	}
	return unlabelled{}
}

// trimAgency cuts a wire service the writer's name runs into ("Tom
// Davies Associated Press", "Jane Roe Reuters"), when two words or more
// are left before it.
func trimAgency(seg string) string {
	end := len(seg)
	for k := 0; k < 3; k++ {
		i := strings.LastIndexByte(seg[:end], ' ')
		if i < 0 {
			return seg
		}
		end = i
		if head := strings.TrimRight(seg[:end], " ,;-–—"); fieldCount(head) >= 2 && isAgency(seg[end+1:]) {
			return head
		}
	}
	return seg
}

// unlabelledShape reports names that read as people's without a label
// to vouch for them: two to four words each, not in capitals (a heading
// or a menu), not opening with an article ("La Nacion", "The Verge").
func unlabelledShape(names []string) bool {
	for _, n := range names {
		if !personShape(n) || shouting(n) {
			return false
		}
		var buf [8]byte
		if first := n[:strings.IndexByte(n, ' ')]; len(first) <= len(buf) {
			switch string(lowerBytes(buf[:], first)) {
			case "the", "la", "le", "les", "el", "los", "las", "il", "lo", "der", "die", "das", "een", "het", "a", "an", "o", "os",
				"our", "your", "my", "unser", "unsere", "notre", "nos", "nuestro", "nuestra":
				return false
			}
		}
		caps := 0
		for w := range strings.FieldsSeq(n) {
			if innerCapitals(w) || titleWord(w) {
				return false
			}
			if classifyNameWord(w) == tokCap {
				caps++
			}
		}
		if caps > 3 {
			return false // "Exhibition Palais Epstein Vienna"
		}
	}
	return true
}

// titleWord reports the function words a headline capitalizes ("How To
// Scrape Google") and a name does not hold.
func titleWord(w string) bool {
	var buf [8]byte
	switch string(lowerBytes(buf[:], w)) {
	case "to", "of", "in", "on", "at", "for", "from", "with", "is", "are", "how", "what", "why", "when", "your", "und", "mit",
		"im", "zum", "zur", "für", "auf", "ist", "wie", "pour", "sur", "avec", "est", "para", "con", "en", "per", "sul", "nel":
		return true
	}
	return false
}

// innerCapitals reports a word with a capital inside it that names do
// not have: "WhatsApp", "HVW-Homepage", but not "McDonald", "DeShawn",
// "O'Neill" or "Jarvis-Gibson".
func innerCapitals(w string) bool {
	prevLower := 0 // lower-case letters since the word or its last hyphen began
	first := true
	for _, r := range w {
		switch {
		case r == '-' || r == '\'' || r == '’':
			prevLower, first = 0, true
			continue
		case unicode.IsUpper(r):
			if !first && (prevLower == 0 || prevLower > 2) {
				return true
			}
		case unicode.IsLower(r):
			prevLower++
		}
		first = false
	}
	return false
}

// dateish reports text that holds a date or a time in some form:
// "12.03.2024", "2024-03-12", "12.03.", "10:29", a month's name beside a
// figure, "3 hours ago", or what findDate reads. A year alone ("Media
// Installation, 2007") or a figure with a point ("235.6", "10.000") is
// not one.
func dateish(s string) bool {
	month := false
	for w := range strings.FieldsSeq(s) {
		if monthWord(strings.Trim(w, ",.")) {
			month = true
			break
		}
	}
	for i := 0; i < len(s); {
		if s[i] < '0' || s[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '.' || s[j] == '/' || s[j] == ':' || s[j] == '-') {
			j++
		}
		if figureDate(s[i:j]) || month {
			return true
		}
		i = j
	}
	if hasDigit(s) && relativeWords(s) {
		return true
	}
	_, ok := findDate(s)
	return ok
}

// figureDate reports a run of figures and separators that reads as a
// date or a time: "12.03.2024", "2024-03-12", "3/12/24", "12.03.",
// "10:29".
func figureDate(r string) bool {
	var lens [4]int
	n, sepColon := 0, false
	cur := 0
	for k := 0; k < len(r); k++ {
		c := r[k]
		if c >= '0' && c <= '9' {
			cur++
			continue
		}
		if cur > 0 {
			if n == len(lens) {
				return false
			}
			lens[n] = cur
			n++
		}
		cur = 0
		if c == ':' {
			sepColon = true
		}
	}
	trailingSep := cur == 0
	if cur > 0 {
		if n == len(lens) {
			return false
		}
		lens[n] = cur
		n++
	}
	short := func(l int) bool { return l == 1 || l == 2 }
	switch {
	case sepColon:
		return n >= 2 && short(lens[0]) && lens[1] == 2
	case n == 3:
		return short(lens[0]) && short(lens[1]) && (lens[2] == 2 || lens[2] == 4) || lens[0] == 4 && short(lens[1]) && short(lens[2])
	case n == 2:
		return trailingSep && short(lens[0]) && short(lens[1]) && strings.HasSuffix(r, ".")
	}
	return false
}

// relativeWords reports the words of "3 hours ago", "hace 4 minutos",
// "vor 2 Stunden", "il y a 5 min".
func relativeWords(s string) bool {
	for w := range strings.FieldsSeq(s) {
		var buf [16]byte
		switch strings.Trim(string(lowerBytes(buf[:], w)), ",.") {
		case "ago", "hace", "vor", "il", "atrás", "fa", "назад":
			return true
		}
	}
	return false
}

// ageTail reports what follows names after a separator when it is an
// age or a reading time with no word for "ago" ("/ 2 days", "· 5 min
// read"), which dateish does not take for a date.
func ageTail(tail string) bool {
	r, size := utf8.DecodeRuneInString(tail)
	if !strings.ContainsRune("/|·•", r) {
		return false
	}
	rest := strings.TrimSpace(tail[size:])
	return hasDigit(rest) && metaOnly(rest)
}

// handleSeam reports whether rest, what follows a handle on its line,
// goes on with the line's next part: after a separator, or a date or
// time ("2 hours ago").
func handleSeam(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	return r != '(' && r != ')' && (metaPunct(r) || metaOnly(rest) && hasDigit(rest))
}

// trimHandle cuts a social handle or an address after a name ("Jon
// Fingas, @jonfingas", "Alex Shephard @ alex_shephard", "Alex
// Shephard/"), and a "Follow" button's text. A handle between the name
// and the rest of a meta line goes, and the rest stays ("Jane Roe
// @janeroe / Nov 19, 2019", "Jane Roe (@janeroe) Nov 19, 2019").
func trimHandle(s string) string {
	rest := ""
	if i := strings.IndexByte(s, '@'); i > 0 {
		h := strings.TrimLeft(s[i+1:], " ")
		n := 0
		for n < len(h) && (h[n] == '_' || h[n] == '.' || h[n] == '-' || h[n] >= '0' && h[n] <= '9' || (h[n]|0x20) >= 'a' && (h[n]|0x20) <= 'z') {
			n++
		}
		if n == 0 {
			return s // "@ 100!!!": not a handle
		}
		rest = strings.TrimSpace(h[n:])
		if s[i-1] == '(' && strings.HasPrefix(rest, ")") {
			i, rest = i-1, strings.TrimSpace(rest[1:])
		} else if rest != "" && !handleSeam(rest) {
			return s
		}
		// The local part of an address is glued to the @; a social
		// handle, which has no domain, is glued to the name itself
		// ("Natasha Turak@NatashaTurak").
		address := strings.IndexByte(h[:n], '.') > 0
		s = s[:i]
		if j := strings.LastIndexByte(strings.TrimRight(s, " "), ' '); j >= 0 && !strings.HasSuffix(s, " ") && address {
			s = s[:j]
		}
	}
	s = strings.TrimRight(s, " ,/|")
	for _, f := range []string{" Follow", " + Follow", " FOLLOW", " + FOLLOW", " Folgen"} {
		s = strings.TrimSuffix(s, f)
	}
	if rest != "" {
		s += " " + rest
	}
	return s
}

// metaWord reports the words of dates, times and their labels, which may
// stand beside names on a byline line: "am", "18.", "September", "2019",
// "10:29", "Uhr", "Updated:".
func metaWord(w string) bool {
	w = strings.TrimFunc(w, metaPunct)
	if w == "" {
		return true
	}
	letters, digits := 0, 0
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case unicode.IsLetter(r):
			letters++
		}
	}
	if digits > 0 {
		return letters <= 3 // "06h00", "4:41AM", "16th", "1h"
	}
	// Lower-cased once for the three lists: metaOnly and metaPrefix
	// ask this of every word of a line.
	var buf [32]byte
	lw := lowerBytes(buf[:], w)
	if monthWordLower(lw) || weekdayLower(lw) {
		return true
	}
	if len(w) > 16 {
		return false // longer than the words below
	}
	switch string(lw) {
	case "am", "pm", "a.m.", "p.m", "p.m.", "a.m", "uhr", "h", "hs", "hrs", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt",
		"et", "pt", "ct", "cet", "cest", "gmt", "utc", "ist", "bst", "jst", "mez", "mesz",
		"on", "at", "de", "del", "à", "a", "um", "le", "el", "the", "of", "den", "der", "du", "la", "y", "und", "and", "e",
		"published", "updated", "posted", "modified", "last", "lastupdate", "date", "veröffentlicht", "aktualisiert",
		"aktualisierung", "letzte", "zuletzt", "publicado", "actualizado", "atualizado", "publié", "mis", "jour", "publiée",
		"pubblicato", "aggiornato", "postado", "em", "hace", "ago", "vor", "il", "minutes", "minutos", "minuten", "hours",
		"horas", "stunden", "min", "read", "lesedauer", "minute", "minuti", "ore", "heures", "temps", "lecture", "reading",
		"time", "edition", "ausgabe", "stand", "datum", "fecha", "data", "le:", "am:", "today", "yesterday", "heute", "gestern",
		"hour", "day", "days", "week", "weeks", "month", "months", "year", "years", "tag", "tagen", "woche", "wochen",
		"monat", "monaten", "jahr", "jahren", "día", "días", "jours", "semaines", "mois", "giorni", "settimane", "dagen":
		return true
	}
	return false
}

// metaPunctSet is what metaWord trims off a word: the punctuation of
// metadata rows.
const metaPunctSet = ",;:()[]|•·-–—/*"

// metaPunct reports the runes of metaPunctSet: strings.Trim with a cutset
// outside ASCII searches the cutset for every rune it looks at.
func metaPunct(r rune) bool {
	switch r {
	case ',', ';', ':', '(', ')', '[', ']', '|', '•', '·', '-', '–', '—', '/', '*':
		return true
	}
	return false
}

// metaOnly reports whether s is made only of metaWords.
func metaOnly(s string) bool {
	for w := range strings.FieldsSeq(s) {
		if !metaWord(w) {
			return false
		}
	}
	return true
}

// metaPrefix returns the length of the run of metaWords that opens s.
func metaPrefix(s string) int {
	end := 0
	for i := 0; i < len(s); {
		for i < len(s) && s[i] == ' ' {
			i++
		}
		j := i
		for j < len(s) && s[j] != ' ' {
			j++
		}
		if j == i || !metaWord(s[i:j]) {
			break
		}
		end = j
		i = j
	}
	return end
}

// allDigits reports a non-empty string of ASCII digits.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// hasDigit reports whether s holds an ASCII digit.
func hasDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}

// unglue puts back the space a scrape lost between inline elements where
// the join is plain: a label glued to a name ("ByAlex Bozarjian"), a role
// or a date glued after one ("Evan HalperStaff Writer", "Shana Nys
// DambrotNovember 6, 2023", "Inga HoeltmannFollow"), a year after a name
// ("谢若含2017-03-01"). It returns s itself when nothing is glued.
func unglue(s string) string {
	return unglueScan(s, true)
}

// unglueScan is unglue; skipLower passes over ASCII lower-case letters,
// most of any line and no junction's second half, without asking unicode
// about them, which changes nothing but the speed
// (TestUnglueSkipsLowerSafely asks about every rune instead).
func unglueScan(s string, skipLower bool) string {
	var b []byte
	last := 0
	prev := rune(0)
	wordStart := 0
	for i, r := range s {
		if skipLower && 'a' <= r && r <= 'z' {
			prev = r
			continue
		}
		if unicode.IsSpace(r) {
			wordStart = i + utf8.RuneLen(r)
			prev = r
			continue
		}
		cut := false
		switch {
		case unicode.IsUpper(r) && unicode.IsLower(prev):
			rest := s[i:]
			word := rest[:wordLen(rest)]
			left := s[wordStart:i]
			cut = monthWord(word) || roleWord(word) || followWord(word) || gluedLabel(word) || labelWord(left)
		case unicode.IsUpper(r) && prev >= '0' && prev <= '9':
			// "2021April 9", "2022Author Redaktion".
			rest := s[i:]
			word := rest[:wordLen(rest)]
			cut = monthWord(word) || gluedLabel(word)
		case r >= '0' && r <= '9' && (unicode.IsLetter(prev) && !unicode.IsLower(prev) && !unicode.IsUpper(prev)):
			cut = true // a script without case: "谢若含2017"
		case r >= '0' && r <= '9' && unicode.IsLower(prev):
			// "Adwan1", "Mai 2019": a digit run at the end of a
			// capitalized word, or a year.
			rest := s[i:]
			n := 0
			for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
				n++
			}
			r0, _ := utf8.DecodeRuneInString(s[wordStart:])
			cut = unicode.IsUpper(r0) && (n >= 4 || n <= 2 && (n == len(rest) || rest[n] == ' ' || rest[n] == ','))
		}
		if cut {
			if b == nil {
				b = make([]byte, 0, len(s)+8)
			}
			b = append(b, s[last:i]...)
			b = append(b, ' ')
			last = i
			wordStart = i
		}
		prev = r
	}
	if b == nil {
		return s
	}
	return string(append(b, s[last:]...))
}

// wordLen is the length of the run of letters that opens s.
func wordLen(s string) int {
	for i, r := range s {
		if !unicode.IsLetter(r) {
			return i
		}
	}
	return len(s)
}

func followWord(w string) bool {
	switch w {
	case "Follow", "FOLLOW", "Folgen", "Suivre", "Seguir":
		return true
	}
	return false
}

// gluedLabel reports the labels a scrape glues after what precedes them
// ("IndiaEdited by", "2022Author").
func gluedLabel(w string) bool {
	switch w {
	case "By", "Von", "Par", "Por", "Author", "Autor", "Posted", "Updated", "Published", "Edited", "Written":
		return true
	}
	return false
}

// labelWord reports the one-word labels a scrape glues to the name after
// them ("ByAlex", "vonNike").
func labelWord(w string) bool {
	switch w {
	case "By", "by", "Von", "von", "Par", "par", "Por", "por":
		return true
	}
	return false
}

// undoubleGlued collapses a line that is one string twice ("Andrea
// WongAndrea Wong"), from a name's link text printed beside its label.
func undoubleGlued(s string) string {
	if len(s)%2 == 0 && len(s) >= 6 && s[:len(s)/2] == s[len(s)/2:] {
		return s[:len(s)/2]
	}
	return undouble(s)
}
