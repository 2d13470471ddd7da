package article

import (
	"path"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// maxSlug bounds a slug's length; URLs stay readable and the cut falls at a
// word boundary.
const maxSlug = 80

// Slugify makes an ASCII, lowercase, hyphenated slug from a title: accents
// are dropped ("Café" → "cafe"), letters without a decomposition are
// spelled out ("ß" → "ss"), anything else separates words. It returns ""
// when nothing ASCII is left (a title in a non-Latin script).
func Slugify(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	hyphen := false
	emit := func(part string) {
		if hyphen && b.Len() > 0 {
			b.WriteByte('-')
		}
		hyphen = false
		b.WriteString(part)
	}
	for _, r := range norm.NFKD.String(s) {
		switch {
		case r < 0x80 && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9'):
			emit(string(r))
		case r >= 'A' && r <= 'Z':
			emit(string(r + ('a' - 'A')))
		case r == '\'' || r == '’' || unicode.Is(unicode.Mn, r):
			// Apostrophes join ("don't" → "dont"); combining marks
			// are the accents NFKD split off.
		default:
			if t := spellOut(r); t != "" {
				emit(t)
			} else {
				hyphen = true
			}
		}
		if b.Len() > 4*maxSlug {
			break
		}
	}
	return cutSlug(b.String(), maxSlug)
}

// spellOut gives ASCII for Latin letters that NFKD leaves whole.
func spellOut(r rune) string {
	switch r {
	case 'ß':
		return "ss"
	case 'æ', 'Æ':
		return "ae"
	case 'œ', 'Œ':
		return "oe"
	case 'ø', 'Ø':
		return "o"
	case 'đ', 'Đ', 'ð', 'Ð':
		return "d"
	case 'ł', 'Ł':
		return "l"
	case 'þ', 'Þ':
		return "th"
	case 'ı':
		return "i"
	case '&':
		return "and"
	}
	return ""
}

// cutSlug shortens s to at most n bytes at a hyphen when there is one.
func cutSlug(s string, n int) string {
	s = strings.Trim(s, "-")
	if len(s) <= n {
		return s
	}
	cut := s[:n]
	if i := strings.LastIndexByte(cut, '-'); i >= n/2 {
		cut = cut[:i]
	}
	return strings.Trim(cut, "-")
}

// slugFor picks the article's slug: from the title, else from the file's
// name, else a fixed word, so that it is never empty and never depends on
// anything but the input.
func slugFor(title, name string) string {
	if s := Slugify(title); s != "" {
		return s
	}
	base := path.Base(strings.ReplaceAll(name, "\\", "/"))
	base = strings.TrimSuffix(base, path.Ext(base))
	if s := Slugify(base); s != "" {
		return s
	}
	return "article"
}
