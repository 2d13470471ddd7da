package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxAuthorWords bounds one author's name: more words are a sentence or
// a credit line, not a name.
const maxAuthorWords = 6

// authorSeps split a list of names.
var authorSeps = []string{", ", "; ", " and ", " und ", " & ", " / ", " et ", " y ", " e ", " og ", " och ", "、", " | ", " · ", " • "}

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
			n = properCase(n)
			k := foldKey(n)
			if k == "" || siteName(k, site) || isAgency(n) && marked {
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

// siteName reports whether the folded name k is one of the site's names:
// an organization's credit, not a person's byline.
func siteName(k string, site []string) bool {
	for _, s := range site {
		if s = strings.ReplaceAll(s, " ", ""); s != "" && (k == s || len(s) >= 4 && strings.HasPrefix(k, s)) {
			return true
		}
	}
	return false
}

// splitAuthorText cleans one author text and splits it into names.
func splitAuthorText(s string, marked bool) []string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" || len(s) > maxBylineLen {
		return nil
	}
	introduced := false
	if rest, ok := cutBylinePrefix(s); ok {
		s, introduced = rest, true
	} else if rest, ok := cutRoleLabel(s); ok {
		s, introduced = rest, true
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
	s = dropRoles(s)
	var names []string
	rest := s
	for rest != "" {
		name, after, _ := cutAny(rest, authorSeps...)
		rest = after
		name = cleanName(name)
		if name == "" || labelWord(name) {
			continue
		}
		if marked && !introduced {
			name = nameLead(name)
			if name == "" || labelWord(name) {
				continue
			}
		}
		names = append(names, name)
	}
	return names
}

// cutRoleLabel strips an "Author:" label in front of a name.
func cutRoleLabel(s string) (string, bool) {
	label, rest, ok := strings.Cut(s, ":")
	if !ok || strings.Contains(label, " ") {
		return s, false
	}
	switch strings.ToLower(label) {
	case "author", "autor", "auteur", "autore", "autora", "text", "texto", "texte", "redaktion", "reporter", "written", "verfasser", "verfasst", "escrito", "écrit":
		return strings.TrimSpace(rest), true
	}
	return s, false
}

// labelWord reports the words that byline markup holds beside names
// ("Posted", "Follow", "View profile"), and placeholder authors.
func labelWord(s string) bool {
	switch strings.ToLower(s) {
	case "posted", "post", "follow", "view", "name", "author", "autor", "auteur", "admin", "administrator",
		"no author", "unknown author", "anonymous", "share", "email", "e-mail", "mail", "profile", "more",
		"afficher", "leave a comment", "comments", "posted in", "written", "published", "edited":
		return true
	}
	return false
}

// cleanName trims what sits around a name in a credit: punctuation,
// e-mail addresses, links and host names, credentials after a comma.
func cleanName(s string) string {
	var kept []string
	for w := range strings.FieldsSeq(s) {
		if strings.Contains(w, "@") && len(w) > 1 || strings.Contains(w, "://") || strings.HasPrefix(w, "www.") || hostLike(w) {
			continue
		}
		kept = append(kept, w)
	}
	s = strings.Trim(strings.Join(kept, " "), " ,;:-–—|()[]\"'“”«»")
	// A closing dot belongs to an initial ("Nicolas Gutierrez C."), not
	// to a sentence.
	if strings.HasSuffix(s, ".") {
		last := s[strings.LastIndexByte(s, ' ')+1:]
		if utf8.RuneCountInString(last) > 2 {
			s = strings.TrimRight(s, ".")
		}
	}
	if s == "" || len(kept) > maxAuthorWords || isRole(s) && fieldCount(s) <= 2 || strings.ContainsAny(s, "0123456789") {
		return ""
	}
	return s
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

// properCase writes an all-caps name ("JANE DOE") as a name ("Jane
// Doe"); names with any lower-case letter are left as written.
func properCase(s string) string {
	upper := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return s
		}
		if unicode.IsUpper(r) {
			upper++
		}
	}
	if upper < 2 {
		return s
	}
	var b strings.Builder
	start := true
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) && start:
			b.WriteRune(unicode.ToTitle(r))
			start = false
		case unicode.IsLetter(r):
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteRune(r)
			// "O'BRIEN" → "O'Brien", "JEAN-PAUL" → "Jean-Paul".
			start = r == ' ' || r == '-' || r == '\'' || r == '’' || r == '.'
		}
	}
	return b.String()
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
