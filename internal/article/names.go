package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Names in bylines. A byline is a list of personal names joined by commas,
// slashes, ampersands or the word "and" of some language, often followed by
// a role, a handle or a date. The grammar here reads such a list from the
// start of a string and stops at the first word that cannot be part of a
// name: that keeps prose, menus and dates out without a dictionary of names.

// maxNameWords bounds one name: "Juan Carlos Muñoz C.", "Lisa de Moraes",
// "Richard David Precht". A longer run of capitalized words is a title or a
// publication name after the person's.
const maxNameWords = 4

// maxNames bounds a byline's list of names.
const maxNames = 8

// nameTok is one word of a name list as nameScan classifies it.
type nameTok uint8

const (
	tokStop     nameTok = iota // ends the list
	tokCap                     // capitalized word: "Roe", "O'Reilly", "Jarvis-Gibson", "谢若含"
	tokInitial                 // "J.", "T.C.", "J.R."
	tokParticle                // "van", "de", "von", "da"
	tokJoin                    // "and", "und", "et", "y": joins two names
	tokHandle                  // a user name: "marc", "delta201", "happyface313"
)

// classifyNameWord says what w is in a list of names. w has no spaces;
// trailing commas and the like are cut off by the caller.
func classifyNameWord(w string) nameTok {
	if w == "" || len(w) > 40 {
		return tokStop
	}
	var buf [16]byte
	lw := string(lowerBytes(buf[:], w))
	switch lw {
	case "and", "und", "et", "y", "e", "og", "och", "en", "и", "і", "ve", "és", "oraz", "ja", "with":
		return tokJoin
	case "van", "von", "der", "den", "de", "da", "di", "del", "della", "dos", "das", "du", "la", "le", "ter", "ten", "bin", "ibn", "al", "el", "zu", "vom", "af", "av":
		if startsLower(w) {
			return tokParticle
		}
	}
	if isInitialWord(w) {
		return tokInitial
	}
	r, _ := utf8.DecodeRuneInString(w)
	letters, digits := 0, 0
	for _, c := range w {
		switch {
		case unicode.IsLetter(c) || unicode.IsMark(c):
			letters++
		case c >= '0' && c <= '9':
			digits++
		case c == '-' || c == '\'' || c == '’' || c == '.':
		case c == '_':
			digits++ // handles only
		default:
			return tokStop
		}
	}
	if letters == 0 {
		return tokStop
	}
	if digits == 0 && (unicode.IsUpper(r) || unicode.IsLetter(r) && !unicode.IsLower(r)) {

		if strings.HasSuffix(w, ".") && !strings.Contains(w[:len(w)-1], ".") && utf8.RuneCountInString(w) > 3 {
			// "Jr." is a name; "Turner." ends a sentence, which the
			// caller trims; anything else with a period is an
			// abbreviation or a domain.
			return tokCap
		}
		if strings.Contains(strings.TrimSuffix(w, "."), ".") {
			return tokStop // "Phys.org", "U.S"
		}
		return tokCap
	}
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return tokHandle
	}
	return tokStop
}

// glueAt returns where the second of two words run together begins: a
// capital after four lower-case letters ("WhatsApp", "HiltzikBusiness")
// or the last of three or more capitals before a lower-case letter
// ("FOXBusiness"); -1 when there is none. A name's inner capital follows
// fewer ("McDonald", "DeShawn", "MacKenzie", and "Wong" in a name printed
// twice, "Andrea WongAndrea Wong").
func glueAt(w string) int {
	lower, upper := 0, 0
	runStart, lastUpper := 0, 0
	lowerBefore := false // a lower-case letter before the run of capitals
	for i, r := range w {
		switch {
		case unicode.IsUpper(r):
			if i > 0 && lower >= 4 {
				return i
			}
			if upper == 0 {
				runStart, lowerBefore = i, lower > 0
			}
			upper++
			lower = 0
			lastUpper = i
		case unicode.IsLower(r):
			if upper >= 3 {
				if lowerBefore {
					return runStart // "DoeFOXBusiness"
				}
				return lastUpper // "FOXBusiness"
			}
			lower++
			upper = 0
		default:
			lower, upper = 0, 0
		}
	}
	return -1
}

// isInitialWord reports "J.", "T.C.", "J.-P." and the like: capital
// letters each followed by a period.
func isInitialWord(w string) bool {
	if len(w) < 2 || w[len(w)-1] != '.' {
		return false
	}
	n := 0
	expectLetter := true
	for _, r := range w {
		switch {
		case expectLetter && unicode.IsUpper(r):
			expectLetter = false
			n++
		case !expectLetter && r == '.':
			expectLetter = true
		case expectLetter && r == '-':
		default:
			return false
		}
	}
	return n > 0 && n <= 3 && expectLetter
}

// monthWord reports month names and their abbreviations in the languages
// of the corpus' bylines: a date after the names, even glued to them
// ("DambrotNovember 6, 2023").
func monthWord(w string) bool {
	var buf [32]byte
	return monthWordLower(lowerBytes(buf[:], w))
}

// monthWordLower is monthWord of a word already lower-cased.
func monthWordLower(lw []byte) bool {
	if n := len(lw); n > 0 && lw[n-1] == '.' {
		lw = lw[:n-1]
	}
	switch string(lw) {
	case "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
		"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
		"januar", "februar", "märz", "juni", "juli", "oktober", "dezember", "mai", "okt", "dez",
		"janvier", "février", "mars", "avril", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
		"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "setiembre", "octubre", "noviembre", "diciembre",
		"janeiro", "fevereiro", "março", "maio", "junho", "julho", "setembro", "outubro", "dezembro",
		"gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre":
		return true
	}
	return false
}

// nameWordStop reports words that end a list of names whatever their
// case: dates, labels of dates, roles, and the words around them. It
// lower-cases w once for all of them: readNames asks it of every word.
func nameWordStop(w string, pos int) bool {
	var buf [32]byte
	low := lowerBytes(buf[:], w)
	if nameStopLower(low) { // weekdays among them
		return true
	}
	// "April Glaser" is a name, "Keith Noonan Jan" is not.
	if pos > 0 && (monthWordLower(low) || roleWordLower(low)) {
		return true
	}
	lw := trimBytesIn(low, ",.:")
	if startsLower(w) {
		// Lower-case words around a date ("le 15 mai", "am 3.
		// Mai"), and prepositions after a name ("for The Times").
		switch string(lw) {
		case "le", "el", "il", "à", "às", "em", "am", "um", "vor", "hace", "for", "für", "pour", "para", "per", "from", "in", "of", "at":
			return true
		}
	}
	switch string(lw) {
	case "for", "für", "publié", "publicado", "veröffentlicht", "aktualisiert", "actualizado", "mis", "ago", "sagt", "says", "writes",
		"schreibt", "comments", "comment", "kommentare", "kommentar", "reply", "antworten", "follow", "folgen",
		"kommentieren", "commenter", "commentaires", "comentar", "comentarios", "commenta", "commenti", "réagir",
		"reagir", "répondre", "responder", "rispondi":
		return true
	}
	return chromeWord(string(lw))
}

// chromeWord reports the words of a web page's own furniture (share
// buttons, menus, sidebars), which a line of names does not hold.
func chromeWord(lw string) bool {
	switch lw {
	case "facebook", "twitter", "whatsapp", "linkedin", "instagram", "pinterest", "telegram", "youtube", "email", "e-mail",
		"share", "print", "tweet", "teilen", "drucken", "posts", "recent", "related", "more", "mehr", "weitere", "latest",
		"popular", "home", "menu", "menü", "search", "suche", "login", "newsletter", "abonnieren", "subscribe", "kontakt",
		"contact", "impressum", "datenschutz", "privacy", "cookie", "cookies", "tags", "kategorie", "category", "categories",
		"archive", "archiv", "navigation", "partners", "live", "watch", "video", "videos", "podcast", "listen", "insights", "tips", "startseite", "partager", "compartir":
		return true
	}
	return false
}

// ownDesk reports a byline that names the paper's own staff by role
// ("Our Special Correspondent", "Our River Correspondent"): there the
// role is the name.
func ownDesk(s string) bool {
	return hasPrefixFold(s, "our ") || hasPrefixFold(s, "unser ") || hasPrefixFold(s, "notre ")
}

// roleWord reports the words of a job title after a name ("Staff
// Writer", "Senior Editor", "Redakteurin"): they end the name.
func roleWord(w string) bool {
	var buf [32]byte
	return roleWordLower(lowerBytes(buf[:], w))
}

// roleWordLower is roleWord of a word already lower-cased.
func roleWordLower(lw []byte) bool {
	switch string(trimBytesIn(lw, ",.:")) {
	case "staff", "writer", "writers", "reporter", "correspondent", "editor", "editors", "contributor", "contributing", "columnist",
		"journalist", "senior", "chief", "ceo", "founder", "photographer", "producer", "analyst",
		"redakteur", "redakteurin", "autor", "autorin", "author", "journaliste", "rédacteur", "rédactrice", "correspondant",
		"periodista", "redactor", "redactora", "corresponsal", "giornalista", "repórter":
		return true
	}
	return false
}

// nameRun is one name read by readNames, as byte offsets into the string.
type nameRun struct{ start, end int }

// readNames reads a list of names from the start of s: capitalized words,
// initials and particles, up to maxNameWords a name, joined by ",", ";",
// "/", "&", "|" or a joining word. handles allows a lone user name
// ("marc", "delta201") where a label vouches for it. It returns the names
// as spans of s and the offset where reading stopped.
func readNames(s string, handles bool, out []nameRun) ([]nameRun, int) {
	i := 0
	cur := nameRun{-1, -1}
	words, caps, handleWords, mixed := 0, 0, 0, 0
	lastParticle := false
	stopAt := 0
	flush := func() bool {
		if cur.start < 0 {
			return true
		}
		// A name does not end in a particle: "Osteuropa zu" is a
		// phrase.
		ok := caps > 0 && words <= maxNameWords && !lastParticle || handles && handleWords == 1 && words == 1
		if ok && len(out) < maxNames {
			out = append(out, cur)
		}
		cur = nameRun{-1, -1}
		words, caps, handleWords, mixed = 0, 0, 0, 0
		return ok
	}
	for i < len(s) {
		// Skip spaces.
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		switch r {
		case ',', ';', '/', '&', '、', '，', '；':
			if cur.start < 0 && len(out) == 0 {
				return out, stopAt
			}
			if !flush() {
				return out, stopAt
			}
			i += size
			continue
		}
		// One word up to the next space or separator.
		j := i
		for j < len(s) {
			c, n := utf8.DecodeRuneInString(s[j:])
			if unicode.IsSpace(c) || strings.ContainsRune(",;/&|、，；·•()[]“”\"@:<>", c) {
				break
			}
			j += n
		}
		if j == i {
			break // a bracket, quote, "@" or ":" ends the list
		}
		// A word glued to the next one ("Jonathan GarberFOXBusiness")
		// ends the list with its first part.
		glued := false
		if g := glueAt(s[i:j]); g > 0 {
			j, glued = i+g, true
		}
		w := s[i:j]
		kind := classifyNameWord(w)
		if kind != tokJoin && kind != tokStop && nameWordStop(w, words) && !(roleWord(w) && cur.start >= 0 && ownDesk(s[cur.start:])) {
			kind = tokStop
		}
		if kind == tokCap && words >= maxNameWords {
			kind = tokStop
		}
		if kind == tokCap && words >= 2 && mixed == words && shoutRun(s[i:]) {
			// "Meg Wagner NEW YORK DAILY NEWS": a name in ordinary
			// case runs into a dateline's city or an outlet in
			// capitals.
			kind = tokStop
		}
		if kind == tokCap && words == 0 && monthWord(w) && j+1 < len(s) && s[j] == ' ' && s[j+1] >= '0' && s[j+1] <= '9' {
			kind = tokStop // "April 19, 2020", but "April Glaser"
		}
		switch kind {
		case tokStop:
			if roleWord(w) && len(out) > 0 && cur.start >= 0 {
				// "Jane Roe, AP Auto Writer": the words before a
				// role after the first name are the role's.
				return out, stopAt
			}
			flush()
			return out, stopAt
		case tokJoin:
			if cur.start < 0 || !flush() {
				return out, stopAt
			}
		case tokHandle:
			if !handles || words > 0 {
				flush()
				return out, stopAt
			}
			handleWords++
			fallthrough
		default:
			if cur.start < 0 {
				cur.start = i
			}
			cur.end = j
			words++
			if kind == tokCap {
				caps++
			}
			if strings.IndexFunc(w, unicode.IsLower) >= 0 {
				mixed++
			}
			lastParticle = kind == tokParticle
		}
		i = j
		stopAt = i
		if glued {
			if words == 1 {
				// "CyberCook", "WhatsApp": a brand written as
				// one word, not a name cut short.
				cur = nameRun{-1, -1}
			}
			break
		}
	}
	flush()
	if len(out) > 0 {
		stopAt = out[len(out)-1].end
	}
	return out, stopAt
}

// shoutRun reports whether s opens with two words in capitals, neither a
// roman numeral ("III"): a city or an outlet set in capitals, not the
// rest of a name.
func shoutRun(s string) bool {
	n := 0
	for w := range strings.FieldsSeq(s) {
		w = strings.TrimRight(w, ",;:.")
		if utf8.RuneCountInString(w) < 2 || strings.IndexFunc(w, unicode.IsLower) >= 0 || strings.IndexFunc(w, unicode.IsUpper) < 0 || romanNumeral(w) {
			return false
		}
		if n++; n == 2 {
			return true
		}
	}
	return false
}

// romanNumeral reports a generation's numeral after a name ("III").
func romanNumeral(w string) bool {
	return strings.Trim(w, "IVX") == ""
}

// cleanName trims what a scrape leaves around a name and gives an
// all-capitals name its ordinary case.
func cleanName(n string) string {
	n = strings.TrimSpace(n)
	if strings.ContainsFunc(n, func(r rune) bool { return r != ' ' && unicode.IsSpace(r) }) || strings.Contains(n, "  ") {
		n = strings.Join(strings.Fields(n), " ")
	}
	// A period ends "Tatyana Turner." but belongs to "Joe S.".
	if strings.HasSuffix(n, ".") {
		last := n[strings.LastIndexByte(n, ' ')+1:]
		if !isInitialWord(last) && !isNameAbbrev(last) {
			n = strings.TrimRight(n, ".")
		}
	}
	n = strings.Trim(n, " -–—'’")
	n = undoubleGlued(n)
	if shouting(n) {
		n = properCase(n)
	}
	return n
}

// shouting reports a name written in capitals ("DANICA KIRKA"), not a
// short code ("JIJI", "AP") nor a script without case.
func shouting(n string) bool {
	return capitals(n) > 4
}

// capitals is the number of capital letters in s, -1 when s has a
// lower-case one.
func capitals(s string) int {
	upper := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return -1
		}
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return upper
}

// isNameAbbrev reports the abbreviations that end a name: "Jr.", "Sr.".
func isNameAbbrev(w string) bool {
	switch w {
	case "Jr.", "Sr.", "JR.", "SR.":
		return true
	}
	return false
}

// properCase turns "DANICA KIRKA" into "Danica Kirka", "J. I. DA SILVA"
// into "J. I. da Silva", "JARVIS-GIBSON" into "Jarvis-Gibson" and
// "O'REILLY" into "O'Reilly".
func properCase(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	first := true
	for w := range strings.FieldsSeq(s) {
		if !first {
			b.WriteByte(' ')
		}
		lw := strings.ToLower(w)
		if !first && classifyNameWord(lw) == tokParticle {
			b.WriteString(lw)
			first = false
			continue
		}
		first = false
		upper := true
		for _, r := range lw {
			if upper {
				b.WriteRune(unicode.ToTitle(r))
			} else {
				b.WriteRune(r)
			}
			upper = r == '-' || r == '\'' || r == '’' || r == '.'
		}
	}
	return b.String()
}

// isDegree reports academic and professional letters after a name
// ("PhD", "MD"), which are not a further author.
func isDegree(s string) bool {
	switch strings.Trim(s, " .") {
	case "PhD", "Ph.D", "MD", "M.D", "MSc", "MA", "MBA", "RD", "RN", "DO", "DVM", "Dr", "Prof", "Esq", "CFA", "CPA", "MPH", "BSc", "JD":
		return true
	}
	return false
}

// isOrgWord reports a short all-capitals token standing alone in a list
// of names: a desk or agency code ("TNN", "AP"), not a person when a
// person is named beside it.
func isOrgWord(s string) bool {
	if utf8.RuneCountInString(s) > 4 || strings.ContainsRune(s, ' ') {
		return false
	}
	return allCaps(s)
}

// splitNames reads the names of a byline's name part: "Jane Roe and John
// Doe", "DANICA KIRKA and JILL LAWLESS", "Matthew Digby , Minh Do". Roles,
// degrees, agencies beside people and desk codes are left out; names are
// given once, in order.
func splitNames(s string, handles bool) []string {
	var buf [maxNames]nameRun
	runs, _ := readNames(s, handles, buf[:0])
	return namesOf(s, runs)
}

// namesOf cleans the names at runs of s. A name after the first must
// read as a person's, two words or more without a desk code, so that
// "Alex Durán, AMP Project Marketing, Google" names one person; agencies
// are dropped when people are named beside them.
func namesOf(s string, runs []nameRun) []string {
	var names []string
	for k, r := range runs {
		n := cleanName(s[r.start:r.end])
		if n == "" || isDegree(n) || onlyRoles(n) && !ownDesk(n) {
			continue
		}
		if k > 0 && len(names) > 0 && !personShape(n) && !isAgency(n) {
			continue
		}
		dup := false
		for _, m := range names {
			if strings.EqualFold(m, n) {
				dup = true
				break
			}
		}
		if !dup {
			names = append(names, n)
		}
	}
	if len(names) > 1 {
		kept := names[:0]
		for _, n := range names {
			if !isAgency(n) && !isOrgWord(n) && !siteAccount(n) {
				kept = append(kept, n)
			}
		}
		if len(kept) > 0 {
			names = kept
		}
	}
	return names
}

// siteAccount reports the account a CMS posts under when nobody signs
// ("admin", "jdadmin", "webmaster"): a name only when no person is named.
func siteAccount(n string) bool {
	l := strings.ToLower(n)
	return strings.Contains(l, "admin") || l == "webmaster" || l == "administrator"
}

// onlyRoles reports a "name" made of role words only ("Staff Writer").
func onlyRoles(n string) bool {
	for w := range strings.FieldsSeq(n) {
		if !roleWord(w) {
			return false
		}
	}
	return true
}

// personShape reports two to four words of which none is a short code in
// capitals beside lower-case words ("AMP Project Marketing").
func personShape(n string) bool {
	words := fieldCount(n)
	if words < 2 || words > maxNameWords {
		return false
	}
	if shouting(n) {
		return true
	}
	for w := range strings.FieldsSeq(n) {
		if utf8.RuneCountInString(w) > 1 && allCaps(w) && !isInitialWord(w) {
			return false
		}
	}
	return true
}
