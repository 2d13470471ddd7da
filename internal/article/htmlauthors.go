package article

import (
	"strings"
	"unicode"
)

// maxAuthorWords bounds one author's name: more words are a sentence or
// a credit line, not a name.
const maxAuthorWords = 6

// authorSeps split a list of names.
var authorSeps = []string{", ", "; ", " and ", " und ", " & ", " / ", " et ", " y ", " e ", " og ", " och ", "、", " | ", " · ", " • "}

// cleanAuthors turns the author texts a page's metadata or byline markup
// gave into names, one each: without "By", dates, e-mail addresses, role
// words or the site's name, all-caps names in proper case, each name
// once. marked is true when the texts are the byline markup's rather than
// the metadata's, and must read as names to be kept.
func cleanAuthors(raw []string, site string, marked bool) []string {
	var out []string
	siteKey := foldKey(site)
	for _, r := range raw {
		for _, n := range splitAuthorText(r, marked) {
			n = properCase(n)
			k := foldKey(n)
			if k == "" || k == siteKey && !marked {
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
	}
	return out
}

// splitAuthorText cleans one author text and splits it into names.
func splitAuthorText(s string, marked bool) []string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" || len(s) > maxBylineLen {
		return nil
	}
	if rest, ok := cutBylinePrefix(s); ok {
		s = rest
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
		if name == "" {
			continue
		}
		if marked {
			name = nameLead(name)
			if name == "" {
				continue
			}
		}
		names = append(names, name)
	}
	return names
}

// cleanName trims what sits around a name in a credit: punctuation,
// e-mail addresses and links, a role after a comma.
func cleanName(s string) string {
	var kept []string
	for w := range strings.FieldsSeq(s) {
		if strings.Contains(w, "@") && len(w) > 1 || strings.Contains(w, "://") || strings.HasPrefix(w, "www.") {
			continue
		}
		kept = append(kept, w)
	}
	s = strings.Trim(strings.Join(kept, " "), " ,;:.-–—|()[]\"'“”«»")
	if s == "" || len(kept) > maxAuthorWords || isRole(s) && fieldCount(s) <= 2 || strings.ContainsAny(s, "0123456789") {
		return ""
	}
	return s
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
			start = r == ' ' || r == '-' || r == '\'' || r == '’'
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
