package article

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"seedfeed/internal/article/htmlextract"
)

// maxBylineLen bounds a byline; anything longer is prose that happens to
// start with "By".
const maxBylineLen = 160

// maxBylineExtra is how many words a byline may hold beside the names
// ("Staff Writers", "publiziert am").
const maxBylineExtra = 3

// byline is what a byline line gave.
type byline struct {
	Author string
	Date   *dateMatch
	// Updated is true when the date is labelled as a modification.
	Updated bool
}

// parseByline reads "By X", "Written by X", "By X | Updated March 3, 2024",
// "By X and Y, Staff Writers", "X, Reuters", "X | AP". It returns false for
// anything else.
func parseByline(line string) (byline, bool) {
	if len(line) > maxBylineLen {
		return byline{}, false
	}
	rest, ok := cutBylinePrefix(line)
	if !ok {
		// "Jane Doe, Reuters" / "Jane Doe | AFP": a name then an agency.
		name, agency, found := cutAny(line, ", ", " | ", " / ", " - ", " – ", " — ")
		if !found || !isAgency(strings.TrimSpace(agency)) || !looksLikeName(name) {
			return byline{}, false
		}
		return byline{Author: strings.TrimSpace(name)}, true
	}
	var b byline
	// The date, when there is one, ends the names. It goes to the heap
	// only once the line is known to be a byline.
	m, hasDate := findDate(rest)
	if hasDate {
		b.Updated = updatedLabel(rest[:m.Start])
		rest = rest[:m.Start]
	}
	name := rest
	for _, sep := range []string{" | ", " · ", " • ", " — ", " – ", " - ", "|", "·", "•"} {
		if i := strings.Index(name, sep); i >= 0 {
			name = name[:i]
		}
	}
	words := wordCount(name)
	name = trimDateLabel(name)
	name = dropRoles(name)
	name = nameLead(name)
	// Words beyond the names and their role make the line a sentence
	// that happens to start with "By".
	if name == "" || words > wordCount(name)+maxBylineExtra {
		return byline{}, false
	}
	b.Author = undouble(name)
	if hasDate {
		date := m
		b.Date = &date
	}
	return b, true
}

// nameLead returns the longest run of leading words that reads as a list
// of names: "Moritz Bachmann publiziert am" gives "Moritz Bachmann",
// "Megan Rowe meganr@example.com" gives "Megan Rowe".
func nameLead(s string) string {
	var spanBuf [16]span
	words := fieldSpans(s, spanBuf[:0])
	best := ""
	for n := 1; n <= len(words) && n <= 12; n++ {
		w := s[words[n-1].start:words[n-1].end]
		if n > 1 && nameStop(w) {
			break
		}
		cand := joinFields(s, words[:n])
		if looksLikeName(cand) {
			best = cand
		} else if n > 1 {
			last := strings.Trim(w, ",.&'’\"“”()")
			if !nameParticle(last) {
				break
			}
		} else {
			break
		}
	}
	best = strings.TrimRightFunc(best, func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == ':' || r == '&' })
	// A name list does not end in a particle ("Jane Roe and"). best is
	// words joined by single spaces, so its last word follows its last
	// space.
	for best != "" {
		i := strings.LastIndexByte(best, ' ')
		if !nameParticle(best[i+1:]) {
			break
		}
		best = best[:max(i, 0)]
	}
	return best
}

// nameStop reports words that end a name list in a byline: what follows
// is a date or a label, however it is capitalized.
func nameStop(w string) bool {
	var buf [32]byte
	return nameStopLower(lowerBytes(buf[:], w))
}

// nameStopLower is nameStop of a word already lower-cased.
func nameStopLower(lw []byte) bool {
	lw = trimBytesIn(lw, ",.:")
	if weekdayLower(lw) {
		return true
	}
	switch string(lw) {
	case "on", "at", "updated", "published", "posted", "last", "am", "um":
		return true
	}
	return false
}

// undouble collapses a name a scrape printed twice ("Sean Martin Sean
// Martin"), from the byline's link text and its label.
func undouble(s string) string {
	// A doubled name says its first word again: a line that does not,
	// nearly every line, is returned before its words are found.
	start := strings.IndexFunc(s, notSpace)
	if start < 0 {
		return s
	}
	n := strings.IndexFunc(s[start:], unicode.IsSpace)
	if n < 0 || !strings.Contains(s[start+n:], s[start:start+n]) {
		return s
	}
	return undoubleFields(s)
}

// undoubleFields is undouble without its first look for the first word:
// it finds every word (TestUndoubleLooksFirstSafely holds the two equal).
func undoubleFields(s string) string {
	var spanBuf [16]span
	w := fieldSpans(s, spanBuf[:0])
	if len(w)%2 == 0 && len(w) > 0 {
		h := len(w) / 2
		for k := range h {
			if s[w[k].start:w[k].end] != s[w[h+k].start:w[h+k].end] {
				return s
			}
		}
		return joinFields(s, w[:h])
	}
	return s
}

// cutBylinePrefix strips the words that introduce an author, in the
// languages of the corpus.
func cutBylinePrefix(line string) (string, bool) {
	for _, p := range []string{
		"written by ", "posted by ", "words by ", "story by ", "reported by ", "text by ", "article by ",
		"published by ", "by: ", "by ", "von ", "por ", "par ", "oleh ", "автор: ", "автор ", "di ",
	} {
		if mayPrefixFold(line, p) && hasPrefixFold(line, p) {
			return strings.TrimSpace(line[len(p):]), true
		}
	}
	return "", false
}

// cutAny cuts s around the first of seps it holds: the one that starts
// earliest, the first listed of those that start at the same byte. It
// reads s once, trying the seps only where both the byte and the next one
// can start some sep: one strings.Index per sep went through every space
// of the line again for each sep that starts with one. Every sep must be
// at least two bytes long.
func cutAny(s string, seps ...string) (before, after string, found bool) {
	var firsts, seconds [256 / 64]uint64
	for _, p := range seps {
		firsts[p[0]/64] |= 1 << (p[0] % 64)
		seconds[p[1]/64] |= 1 << (p[1] % 64)
	}
	for i := 0; i+1 < len(s); i++ {
		if c := s[i]; firsts[c/64]&(1<<(c%64)) == 0 {
			continue
		}
		if c := s[i+1]; seconds[c/64]&(1<<(c%64)) == 0 {
			continue
		}
		for _, p := range seps {
			if strings.HasPrefix(s[i:], p) {
				return s[:i], s[i+len(p):], true
			}
		}
	}
	return s, "", false
}

// isAgency reports whether s names a wire service, the usual credit after
// a name or in a dateline.
func isAgency(s string) bool {
	var buf [32]byte
	switch string(lowerBytes(buf[:], strings.Trim(s, " .()"))) {
	case "reuters", "ap", "the associated press", "associated press", "afp", "agence france-presse", "pti",
		"ians", "ani", "bloomberg", "dpa", "efe", "ansa", "xinhua", "upi", "cnn", "bbc", "tass", "kyodo",
		"yonhap", "aa", "anadolu", "bernama", "antara", "press trust of india", "ap photo", "getty images":
		return true
	}
	return false
}

// dropRoles removes a trailing ", Staff Writer"-style role or an agency
// from a list of names, keeping further names ("X, Y and Z").
func dropRoles(name string) string {
	for {
		i := strings.LastIndex(name, ",")
		if i < 0 {
			return name
		}
		tail := strings.TrimSpace(name[i+1:])
		if !isAgency(tail) && !isRole(tail) {
			return name
		}
		name = name[:i]
	}
}

func isRole(s string) bool {
	var buf [maxBylineLen]byte
	lower := lowerBytes(buf[:], s)
	for _, w := range []string{"writer", "reporter", "correspondent", "editor", "staff", "contributor", "columnist", "journalist", "bureau", "desk", "news service", "for "} {
		if bytes.Contains(lower, []byte(w)) {
			return true
		}
	}
	return false
}

// looksLikeName accepts one to a dozen words, each capitalized or a
// particle that names contain ("van", "de", "and").
func looksLikeName(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || utf8.RuneCountInString(s) > 100 {
		return false
	}
	if fieldCount(s) > 12 {
		return false
	}
	capital := 0
	for w := range strings.FieldsSeq(s) {
		w = strings.Trim(w, ",.&'’\"“”()")
		if w == "" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r) || (unicode.IsLetter(r) && !unicode.IsLower(r)):
			capital++
		case nameParticle(w):
		default:
			return false
		}
		if strings.ContainsAny(w, "0123456789@/") {
			return false
		}
	}
	return capital > 0
}

func nameParticle(w string) bool {
	var buf [32]byte
	switch string(lowerBytes(buf[:], w)) {
	case "and", "und", "et", "e", "y", "van", "von", "der", "den", "de", "da", "di", "del", "la", "le", "al", "el", "bin", "ibn", "du", "dos", "das", "ter", "ten", "our", "the", "staff", "with":
		return true
	}
	return false
}

// dateLine is what a line holding only a date (and a label) gave.
type dateLine struct {
	Date    *dateMatch // nil when the line is a date label without a readable date ("Published 1 day ago")
	Updated bool
	// Lead is the text before the date, when it reads as a name
	// ("Reuters November 18, 2019").
	Lead string
}

// parseDateLine recognizes header lines such as "Updated: March 3, 2024,
// 14:05 IST", "Published 5 January 2024", "2024-01-05", "Monday, March 25".
func parseDateLine(line string) (dateLine, bool) {
	if len(line) > maxBylineLen {
		return dateLine{}, false
	}
	rest, label := cutDateLabel(line)
	labelled := label != ""
	m, found := findDate(rest)
	if !found {
		if labelled && fieldCount(rest) <= 6 {
			return dateLine{Updated: updatedLabel(label)}, true
		}
		return dateLine{}, false
	}
	lead := strings.TrimSpace(rest[:m.Start])
	tail := strings.TrimSpace(rest[m.End:])
	lead = strings.TrimRight(lead, ",|·•-–— ")
	// A theme prints the day a post was last changed right after the day
	// it was published, often glued to it ("6. November 20236. November
	// 2023"): the line gives the first, and what follows the second is
	// what follows the date.
	if hasDigit(tail[:min(len(tail), maxDatePrefix)]) {
		if m2, ok := dateAtStart(tail); ok && m2.Year != 0 {
			tail = strings.TrimSpace(tail[m2.End:])
		}
	}
	// A labelled line is a date line whatever follows the date (a second
	// "Updated ..." date, a reading time); an unlabelled one must be
	// little more than the date.
	leadWords := fieldCount(lead)
	if leadWords > 5 {
		return dateLine{}, false
	}
	if !labelled && (leadWords > 3 || fieldCount(tail) > 3 || m.LowerMonth) {
		return dateLine{}, false
	}
	if !m.HasTime {
		timeBefore(rest[:m.Start], &m)
	}
	// The label that opens the line says what the date is; without one,
	// a label just before the date does.
	what := label
	if !labelled {
		what = rest[:m.Start]
	}
	// m goes to the heap only here, on a date line: the copy keeps it on
	// the stack for the lines that are not.
	date := m
	dl := dateLine{Date: &date, Updated: updatedLabel(what)}
	if lead != "" && !isWeekday(lead) && looksLikeName(lead) && leadName(lead) {
		dl.Lead = lead
	}
	return dl, true
}

// cutDateLabel strips a label that introduces a date ("Updated:",
// "Published on") and returns it, or "" when the line has none.
func cutDateLabel(line string) (rest, label string) {
	for _, p := range []string{
		"last updated", "updated on", "updated", "first published", "published on", "published", "posted on", "posted",
		"modified", "date", "aktualisiert", "veröffentlicht", "publicado", "atualizado", "mis à jour", "publié",
		"pubblicato", "aggiornato", "diperbarui", "dipublikasikan", "обновлено", "опубликовано",
	} {
		if mayPrefixFold(line, p) && hasPrefixFold(line, p) {
			if r, _ := utf8.DecodeRuneInString(line[len(p):]); unicode.IsLetter(r) {
				continue // "Dateline", "Postedited": not a label
			}
			return strings.TrimLeft(line[len(p):], " :-–—"), p
		}
	}
	return line, ""
}

func trimDateLabel(s string) string {
	s = strings.TrimSpace(s)
	var buf [maxBylineLen]byte
	lower := bytes.TrimRight(lowerBytes(buf[:], s), " :")
	for _, p := range []string{" last updated", " updated on", " updated", " published on", " published", " posted on", " posted", " on"} {
		if bytes.HasSuffix(lower, []byte(p)) {
			if len(lower)-len(p) > len(s) {
				// Lowercasing lengthened the name ("Ⱥ" is two
				// bytes, "ⱥ" three): the label is not where
				// lower has it, so none is cut.
				return s
			}
			return strings.TrimSpace(s[:len(lower)-len(p)])
		}
	}
	return s
}

func updatedLabel(s string) bool {
	var buf [maxBylineLen]byte
	return htmlextract.HasUpdatedWord(lowerBytes(buf[:], s))
}

func isWeekday(s string) bool {
	var buf [32]byte
	return weekdayLower(lowerBytes(buf[:], s))
}

// weekdayLower is isWeekday of a word already lower-cased (lowerBytes),
// for the callers that ask several questions of one word. Lower-casing
// commutes with trimming spaces, commas and periods, which no other
// character lower-cases to.
func weekdayLower(lw []byte) bool {
	lw = trimBytesIn(lw, " ,.")
	switch string(lw) {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun":
		return true
	}
	return foreignWeekdays[string(lw)]
}

// mayPrefixFold is false when hasPrefixFold(s, prefix) is sure to be:
// s is shorter, or its first byte and the prefix's are two ASCII bytes
// that do not fold to one another (only equal bytes and the two cases of
// a letter do), or one is ASCII and the other starts a rune that folds
// to no ASCII letter: the prefixes in other scripts ("автор", "作者")
// then turn a Latin line away without EqualFold's rune by rune loop. It
// is small enough to be inlined in the loops over prefixes, where it
// turns most lines away without a call.
func mayPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	if prefix == "" {
		return true
	}
	a, b := s[0], prefix[0]
	if a|b < utf8.RuneSelf {
		return a == b || a^b == 0x20 && (a|0x20)-'a' < 26
	}
	// 0xC5 and 0xE2 start the only two runes outside ASCII that fold
	// to an ASCII letter: U+017F LONG S (to "s") and U+212A KELVIN SIGN
	// (to "k"). Other runes that start so pass too: the gate only has
	// to be sure of its false.
	return a >= utf8.RuneSelf && b >= utf8.RuneSelf || a == 0xC5 || a == 0xE2 || b == 0xC5 || b == 0xE2
}

// hasPrefixFold is strings.HasPrefix under Unicode case folding, with the
// prefix's length in bytes valid for slicing s.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	if prefix == "" {
		return true
	}
	// Most lines are turned away by their first byte, before
	// EqualFold's rune by rune loop.
	if !mayPrefixFold(s, prefix) {
		return false
	}
	return strings.EqualFold(s[:len(prefix)], prefix)
}
