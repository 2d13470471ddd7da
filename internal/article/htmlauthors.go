package article

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"seedfeed/internal/article/htmlextract"
)

// maxAuthorWords bounds one author's name: more words are a sentence or
// a credit line, not a name.
const maxAuthorWords = 6

// authorSeps split a list of names.
var authorSeps = []string{", ", "; ", " and ", " und ", " & ", " / ", " et ", " y ", " e ", " og ", " och ", "、", " | ", " · ", " • "}

// htmlAuthors picks the authors of an HTML page from its sources,
// strongest first, taking the first that names a person: the metadata,
// the byline markup, the authors the text reader finds in the page's
// visible text (page, nil when it found no article there), readability's
// byline (the first author markup it meets, which may be a teaser's),
// and without page a byline line near the headline. The metadata's names
// count only when the page shows some byline: a page that prints none
// is one the metadata credits out of habit (the CMS's account, the
// editor on duty), and its readers see no author.
func htmlAuthors(res htmlextract.Result, title string, page *Article) []string {
	if names := cleanAuthors(res.Authors, res.SiteNames, false); len(names) > 0 && (page == nil || len(page.Authors) > 0 || articleOnly(res)) {
		if page != nil && len(page.Authors) > 0 && !printedAny(names, res.PageLines) {
			// The page prints a byline and none of the metadata's
			// names: those are an account's or an editor's.
			return page.Authors
		}
		if page == nil {
			return names
		}
		names = fuller(names, page.Authors)
		// The byline names the metadata's writer and more: the
		// metadata lists the first of several. The site's name beside
		// a writer's is none.
		if all := cleanAuthors(page.Authors, res.SiteNames, false); len(all) > len(names) && eachIn(names, all, false) {
			return all
		}
		return names
	}
	if names := cleanAuthors(res.MarkedAuthors, res.SiteNames, true); len(names) > 0 {
		if page != nil && len(page.Authors) > 0 && eachIn(page.Authors, res.MarkedAuthors, true) {
			// The byline by the headline, where the markup holds
			// its names too: the first marked names may be a
			// teaser's, or the first of several that markup after
			// it ("5 Min Read") cut short.
			return page.Authors
		}
		return names
	}
	if page != nil && len(page.Authors) > 0 {
		// The byline the page prints by its headline, over the
		// first name readability finds in author markup, which may
		// be a comment's or a teaser's.
		return page.Authors
	}
	if len(res.Authors) == 0 && res.Byline != "" {
		if names := cleanAuthors([]string{res.Byline}, res.SiteNames, true); len(names) > 0 {
			return names
		}
	}
	if page != nil {
		return nil
	}
	if by, ok := pageByline(res.PageLines, title); ok {
		return cleanAuthors([]string{by}, res.SiteNames, false)
	}
	return nil
}

// fuller gives each name the page's longer form of it: metadata that
// names the writer by the first name alone ("Todd") where the byline
// prints "Todd Bates".
func fuller(names, page []string) []string {
	var out []string
	for k, n := range names {
		for _, p := range page {
			if len(p) > len(n) && p[len(n)] == ' ' && strings.EqualFold(p[:len(n)], n) {
				if out == nil {
					out = slices.Clone(names)
				}
				out[k] = p
				break
			}
		}
	}
	if out == nil {
		return names
	}
	return out
}

// eachIn reports whether each of names is one of others, letters and
// digits compared, case folded; within, whether each stands inside one
// of them (a byline markup's text holds its names among other words).
func eachIn(names, others []string, within bool) bool {
	keys := make([]string, len(others))
	for k, o := range others {
		keys[k] = foldKey(o)
	}
	for _, n := range names {
		k := foldKey(n)
		if k == "" || !slices.ContainsFunc(keys, func(o string) bool { return o == k || within && strings.Contains(o, k) }) {
			return false
		}
	}
	return true
}

// printedAny reports whether the page's lines show one of the names,
// letters and digits compared, case folded.
func printedAny(names, lines []string) bool {
	var page strings.Builder
	for _, l := range lines {
		page.WriteString(foldKey(l))
		page.WriteByte(' ')
	}
	text := page.String()
	for _, n := range names {
		if k := foldKey(n); k != "" && strings.Contains(text, k) {
			return true
		}
	}
	return false
}

// articleOnly reports a page that is its article and little else, as a
// writer's own HTML file is: its metadata names the writer although no
// byline is printed. On a whole site's page, with menus and teasers
// around the article, a metadata name the page does not print as a
// byline is as often the site's or a desk's.
func articleOnly(res htmlextract.Result) bool {
	return len(res.PageLines) <= len(res.Paragraphs)+len(res.Captions)+maxLeadLines+2
}

// cleanAuthors turns the author texts a page's metadata or byline markup
// gave into names, one each: without "By", dates, e-mail addresses, role
// words or the site's name, all-caps names in proper case, each name
// once. marked is true when the texts are byline markup's candidates
// rather than metadata's names: the first candidate that names someone
// is taken, and its words must read as a name unless a "By" introduced
// them. site holds the folded spellings of the site's name.
func cleanAuthors(raw []string, site []string, marked bool) []string {
	var out []string
	for _, r := range raw {
		for _, n := range splitAuthorText(r, marked) {
			n = shoutedHead(n)
			if shouting(n) {
				n = properCase(n)
			}
			k := foldKey(n)
			if k == "" || siteName(n, site) || isAgency(n) && marked {
				continue
			}
			dup := false
			for _, o := range out {
				if foldKey(o) == k {
					dup = true
				}
			}
			if !dup {
				out = append(out, n)
			}
		}
		if marked && len(out) > 0 {
			break
		}
	}
	return out
}

// siteName reports whether the name n is the site's, or opens with it:
// an organization's credit ("Coast Weekly"), or a desk or an edition of
// the site ("CNN Business"), not a person's byline. Folded, a site's name
// of four letters or more counts as any prefix; a shorter one only as the
// name's first word.
func siteName(n string, site []string) bool {
	k := foldKey(n)
	first, _, _ := strings.Cut(n, " ")
	f := foldKey(first)
	for _, s := range site {
		if s = strings.ReplaceAll(s, " ", ""); s != "" && (k == s || f == s || len(s) >= 4 && strings.HasPrefix(k, s)) {
			return true
		}
	}
	return false
}

// shoutedHead is the all-capitals name that opens a credit the markup
// joined with what stood beside it ("ERIC TUCKER Associated Press"):
// two words or more in capitals, then a word that is not. n as it is
// otherwise.
func shoutedHead(n string) string {
	words := strings.Fields(n)
	caps := 0
	for _, w := range words {
		if capitals(w) < 2 {
			break
		}
		caps++
	}
	if caps >= 2 && caps < len(words) {
		return strings.Join(words[:caps], " ")
	}
	return n
}

// cutSentence cuts an author text at the end of a sentence that closes a
// name of up to four words ("Finian Cunningham. Sputnik International"): a
// period after a word of three letters or more that ends in lower case,
// which no initial ("T.C. Sottek") or abbreviation in capitals is.
func cutSentence(s string) string {
	i := strings.Index(s, ". ")
	if i < 0 || fieldCount(s[:i]) > 4 {
		return s
	}
	w := s[strings.LastIndexByte(s[:i], ' ')+1 : i]
	last, _ := utf8.DecodeLastRuneInString(w)
	if utf8.RuneCountInString(w) < 3 || !unicode.IsLower(last) || strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
		return s
	}
	return s[:i]
}

// lastIndexBy is the index of the last " by " in s, in any case. It
// folds ASCII only, so the index is one into s itself: strings.ToLower
// changes the length of invalid UTF-8.
func lastIndexBy(s string) int {
	for i := len(s) - 4; i >= 0; i-- {
		if s[i] == ' ' && s[i+1]|0x20 == 'b' && s[i+2]|0x20 == 'y' && s[i+3] == ' ' {
			return i
		}
	}
	return -1
}

// splitAuthorText cleans one author text and splits it into names.
func splitAuthorText(s string, marked bool) []string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" || len(s) > maxBylineLen {
		return nil
	}
	introduced := false
	s = spaceGluedBy(s)
	if rest, ok := cutBylinePrefix(s); ok {
		s, introduced = rest, true
	} else if rest, ok := cutRoleLabel(s); ok {
		s, introduced = rest, true
	}
	if !introduced {
		// "Posted on 21 September 2020 by Jane Roe": the name follows
		// the last "by".
		if i := lastIndexBy(s); i >= 0 {
			s, introduced = strings.TrimSpace(s[i+4:]), true
		}
	}
	if !introduced && (strings.HasSuffix(s, "–") || strings.HasSuffix(s, "—") || strings.HasSuffix(s, " -")) {
		// A dateline's place before the story's first words ("KOBE
		// – "), in markup some sites call a byline's.
		return nil
	}
	if m, ok := findDate(s); ok {
		s = s[:m.Start]
	}
	s = trimDateLabel(s)
	for _, sep := range []string{" | ", " · ", " • ", " — ", " – ", " - ", "|"} {
		if i := strings.Index(s, sep); i > 0 {
			s = s[:i]
		}
	}
	s = dropRoles(dropBrackets(cutSentence(s)))
	// Beside a wire service, one word is the place it filed from
	// ("Reuters, Washington,"), not a writer.
	agency := false
	for rest := s; rest != "" && !agency; {
		var part string
		part, rest, _ = cutAny(rest, authorSeps...)
		agency = isAgency(part)
	}
	var names []string
	rest := s
	for rest != "" {
		name, after, _ := cutAny(rest, authorSeps...)
		rest = after
		name = nameHead(cleanCredit(name))
		if name == "" || markupWord(name) || agency && fieldCount(name) == 1 {
			continue
		}
		if marked && !introduced {
			lead := nameLead(name)
			// One capitalized word opening a longer text is a link's
			// label or a sentence ("See full bio", "Un documentaire
			// de …"), not a name.
			if lead == "" || markupWord(lead) || initials(lead) || fieldCount(lead) == 1 && fieldCount(name) >= 3 {
				continue
			}
			name = lead
		}
		names = append(names, name)
	}
	return names
}

// dropBrackets removes the bracketed notes a byline puts after a name
// ("Anne Morel (Lyon, correspondante)", "(text)", "(AP)"), and a bracket
// the markup left open to the end.
func dropBrackets(s string) string {
	for {
		i := strings.IndexByte(s, '(')
		if i < 0 {
			return s
		}
		j := strings.IndexByte(s[i:], ')')
		if j < 0 {
			return strings.TrimSpace(s[:i])
		}
		s = strings.TrimSpace(s[:i]) + " " + strings.TrimSpace(s[i+j+1:])
		s = strings.TrimSpace(s)
	}
}

// nameHead is the name that opens a credit the byline markup joined with
// what stood beside it ("Steve Gillman Contributor", "Michael Larabel in
// Valve", "Cécile Ducourtieux(Bruxelles"), read with the byline's name
// grammar; the credit as it is when that grammar reads no single name
// at its head, or only one word of it ("Фото: Алексей Меринов", a
// photo credit, is no "Фото").
func nameHead(s string) string {
	names := splitNames(s, false)
	if len(names) == 1 && len(names[0]) < len(s) && strings.HasPrefix(s, names[0]) && fieldCount(names[0]) >= 2 {
		name := names[0]
		// A desk's word before a lower-case role is the role's ("Tom
		// Gillespie News reporter").
		next, _, _ := strings.Cut(strings.TrimSpace(s[len(name):]), " ")
		if r, _ := utf8.DecodeRuneInString(next); unicode.IsLower(r) && roleWord(next) && fieldCount(name) >= 3 {
			if i := strings.LastIndexByte(name, ' '); deskWord(name[i+1:]) {
				name = name[:i]
			}
		}
		return name
	}
	return s
}

// deskWord reports the words that name a newsroom's desk before a role
// ("News reporter", "Sports editor", "Political correspondent").
func deskWord(w string) bool {
	switch strings.ToLower(w) {
	case "news", "sports", "sport", "business", "political", "politics", "science", "health", "tech", "technology",
		"investigative", "digital", "data", "features", "entertainment", "travel", "food", "world", "foreign",
		"national", "local", "economics", "finance", "culture", "arts", "music", "film", "fashion", "opinion":
		return true
	}
	return false
}

// spaceGluedBy puts back the space that inline markup left out between a
// "By" and the name after it ("ByJane Roe").
func spaceGluedBy(s string) string {
	for _, p := range []string{"By", "Von", "Por", "Par"} {
		if len(s) > len(p) && strings.HasPrefix(s, p) {
			if r, _ := utf8.DecodeRuneInString(s[len(p):]); unicode.IsUpper(r) {
				return p + " " + s[len(p):]
			}
		}
	}
	return s
}

// cutRoleLabel strips an "Author:" label in front of a name, or one
// without its colon that markup set apart ("<small>Autor</small>
// Redaktion").
func cutRoleLabel(s string) (string, bool) {
	label, rest, ok := strings.Cut(s, ":")
	if !ok || strings.Contains(label, " ") {
		label, rest, ok = strings.Cut(s, " ")
		if r, _ := utf8.DecodeRuneInString(rest); !ok || !unicode.IsUpper(r) || !looksLikeName(rest) {
			return s, false
		}
	}
	switch strings.ToLower(label) {
	case "author", "autor", "auteur", "autore", "autora", "text", "texto", "texte", "redaktion", "reporter", "written", "verfasser", "verfasst", "escrito", "écrit",
		"testo", "tekst", "текст", "автор":
		return strings.TrimSpace(rest), true
	}
	return s, false
}

// markupWord reports the words that byline markup holds beside names
// ("Posted", "Follow", "View profile"), and placeholder authors.
func markupWord(s string) bool {
	switch strings.ToLower(s) {
	case "posted", "post", "follow", "view", "name", "author", "autor", "auteur", "admin", "administrator",
		"no author", "unknown author", "anonymous", "share", "email", "e-mail", "mail", "profile", "more",
		"afficher", "leave a comment", "comments", "posted in", "written", "published", "edited",
		// a guest's or an anonymous post
		"guest", "gast", "гость", "invité", "invitado", "ospite", "anonyme", "anónimo", "anonimo", "аноним":
		return true
	}
	return false
}

// initials reports a short all-capital word ("JF"): a writer's
// initials under a paragraph, which byline markup also holds.
func initials(s string) bool {
	if utf8.RuneCountInString(s) > 3 || strings.Contains(s, " ") {
		return false
	}
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// cleanCredit trims what sits around a name in a credit: punctuation,
// e-mail addresses, links and host names, credentials after a comma.
func cleanCredit(s string) string {
	var kept []string
	for w := range strings.FieldsSeq(s) {
		if len(kept) == 0 && markupWord(strings.Trim(w, ":")) && fieldCount(s) > 2 {
			// "Author Jane Roe": the label without its colon.
			continue
		}
		if at := strings.IndexByte(w, '@'); at > 0 && !strings.Contains(w[at:], ".") && capitalized(w[:at]) {
			// A handle glued to the name ("Glaser@aprilaser"): the
			// name's last word stays.
			kept = append(kept, w[:at])
			continue
		}
		if strings.Contains(w, "@") && len(w) > 1 || strings.Contains(w, "://") || strings.HasPrefix(w, "www.") {
			continue
		}
		if hostLike(w) {
			// A user handle made of a name ("jane.roe") is that name;
			// a host name credits a site.
			if name, ok := handleName(w); ok && fieldCount(s) == 1 {
				kept = append(kept, name)
			}
			continue
		}
		kept = append(kept, w)
	}
	// A weekday after the name is the start of a date the markup set
	// beside it ("Jane Roe Thursday").
	for len(kept) > 0 && isWeekday(kept[len(kept)-1]) {
		kept = kept[:len(kept)-1]
	}
	s = strings.Trim(strings.Join(kept, " "), " ,;:-–—|()[]\"'“”«»")
	if credential(s) {
		return ""
	}
	// A closing dot belongs to an initial ("Nicolas Gutierrez C."), not
	// to a sentence.
	if strings.HasSuffix(s, ".") {
		last := s[strings.LastIndexByte(s, ' ')+1:]
		if utf8.RuneCountInString(last) > 2 {
			s = strings.TrimSpace(strings.TrimRight(s, "."))
		}
	}
	if s == "" || len(kept) > maxAuthorWords || isRole(s) && fieldCount(s) <= 2 || strings.ContainsAny(s, "0123456789") {
		return ""
	}
	return s
}

// capitalized reports a word of letters that starts with a capital and
// holds a lower-case letter: a name's word ("Glaser", "McKay"), not an
// acronym.
func capitalized(w string) bool {
	lower := false
	for i, r := range w {
		switch {
		case i == 0 && !unicode.IsUpper(r):
			return false
		case unicode.IsLower(r):
			lower = true
		case !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’':
			return false
		}
	}
	return lower
}

// credential reports an academic or professional title written after a
// name and a comma ("Jane Roe, PhD"), which splits off as a name of its
// own.
func credential(s string) bool {
	switch strings.ToLower(strings.ReplaceAll(s, ".", "")) {
	case "phd", "md", "msc", "ma", "ba", "bsc", "mba", "rd", "rn", "dr", "prof", "jr", "sr", "esq", "dphil", "mph", "cpa",
		"ms", "rdn", "ldn", "dds", "dvm", "msw", "lcsw", "pharmd", "cfa", "cfp", "jd", "llm", "mfa":
		return true
	}
	return false
}

// hostLike is true for a word that reads as a host name or a user
// handle made of dotted parts ("example.org", "jane.doe"): letters on
// both sides of a dot, no dot at the end (an initial's).
func hostLike(w string) bool {
	i := strings.IndexByte(w, '.')
	if i <= 0 || i >= len(w)-1 {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(w[:i])
	after, _ := utf8.DecodeRuneInString(w[i+1:])
	return unicode.IsLower(before) && unicode.IsLetter(after) && utf8.RuneCountInString(w[:i]) > 1 && utf8.RuneCountInString(w[i+1:]) > 1
}

// handleName reads a dotted user handle as the name it spells
// ("jane.de.roe" is "Jane De Roe"); false for a host name, whose last
// part is a top-level domain (two letters, or a generic one).
func handleName(w string) (string, bool) {
	parts := strings.Split(w, ".")
	last := parts[len(parts)-1]
	switch last {
	case "com", "org", "net", "info", "blog", "news", "edu", "gov", "online", "media",
		// a file's name ("humans.txt" in a meta author)
		"txt", "htm", "html", "php", "xml", "json", "pdf":
		return "", false
	}
	if utf8.RuneCountInString(last) <= 2 {
		return "", false
	}
	for i, p := range parts {
		if p == "" {
			return "", false
		}
		for _, r := range p {
			if !unicode.IsLower(r) {
				return "", false
			}
		}
		r, n := utf8.DecodeRuneInString(p)
		parts[i] = string(unicode.ToTitle(r)) + p[n:]
	}
	return strings.Join(parts, " "), true
}

// foldKey folds a name for comparison: letters and digits, lower-cased.
func foldKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
