// Package taxonomy names the tags and authors of articles in URLs: one
// slug per tag or author, stable across renders and restarts, in any
// script. It is pure, like package article: strings in, strings out.
//
// Two names that differ only in letter case or in the accents of Latin
// or Greek letters ("Économie", "economie", "ECONOMIE") are one tag on
// purpose: they have one slug, one page and one set of feeds, shown under
// the written form most articles use (see Display). Anything else that
// tells names apart in writing tells their slugs apart: "C", "C++" and
// "C#" are three tags, and a Hindi or Russian tag keeps its letters and
// its vowel signs.
package taxonomy

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// MaxSlugBytes bounds a slug (UTF-8 bytes, before percent-encoding): it
// names a directory in a static build, and file systems allow 255 bytes.
// Two names whose first MaxSlugBytes agree share a slug.
const MaxSlugBytes = 160

// keptPunct are the punctuation marks a slug keeps because they make a
// different name, not a different spelling: "C++", "C#", "R&D", "@home".
const keptPunct = "+#&@%"

// Slug is the URL path segment (unescaped) of a tag or author name:
// case-folded, accents of Latin and Greek letters dropped, letters,
// digits and marks of every script kept, any run of other characters
// (spaces, hyphens, dots, slashes) one hyphen. It is "" when the name
// has nothing to keep, and such a name gets no page.
func Slug(name string) string {
	folded := norm.NFKD.String(cases.Fold().String(name))
	var b strings.Builder
	b.Grow(len(folded))
	var base rune // the letter the next combining mark sits on
	hyphen := false
	for _, r := range folded {
		switch {
		case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r):
			if foldsAccents(base) {
				continue // an accent NFKD split off a Latin or Greek letter
			}
			if b.Len() > 0 && !hyphen {
				b.WriteRune(r)
			}
		case unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mc, r) ||
			unicode.Is(unicode.So, r) || unicode.Is(unicode.Sc, r) || strings.ContainsRune(keptPunct, r):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
			if !unicode.Is(unicode.Mc, r) {
				base = r
			}
		default:
			hyphen = true
			base = 0
		}
		if b.Len() > 4*MaxSlugBytes {
			break
		}
	}
	return cutSlug(norm.NFC.String(b.String()))
}

func foldsAccents(base rune) bool {
	return base != 0 && (unicode.Is(unicode.Latin, base) || unicode.Is(unicode.Greek, base))
}

// cutSlug shortens s to MaxSlugBytes at a rune boundary, at a hyphen when
// one falls in the second half.
func cutSlug(s string) string {
	s = strings.Trim(s, "-")
	if len(s) <= MaxSlugBytes {
		return s
	}
	n := MaxSlugBytes
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	cut := s[:n]
	if i := strings.LastIndexByte(cut, '-'); i >= n/2 {
		cut = cut[:i]
	}
	return strings.Trim(cut, "-")
}

// PathSegment is slug percent-encoded for a URL path: "économie" is never
// a slug (accents fold), but "हिंदी" becomes "%E0%A4%B9...". "&", which a
// path may hold, is encoded too ("r%26d"), so that the path goes into an
// HTML attribute or a feed as it is: "us-&-canada" would need escaping
// there, and a feed's links are checked to need none. A server decodes
// it back, and a static build names the folder by the slug itself.
func PathSegment(slug string) string { return strings.ReplaceAll(url.PathEscape(slug), "&", "%26") }

// Variant is one written form of a name and how many articles use it.
type Variant struct {
	Name  string
	Count int
}

// Display picks the name shown for a slug among the written forms its
// articles use: the form most articles use; on a tie, the one with more
// letters outside ASCII ("Économie" before "economie"), then the one
// first in byte order ("Go" before "go"), so every render agrees.
func Display(variants []Variant) string {
	best := Variant{}
	bestWide := 0
	for _, v := range variants {
		wide := nonASCII(v.Name)
		if best.Name == "" || v.Count > best.Count ||
			v.Count == best.Count && (wide > bestWide || wide == bestWide && v.Name < best.Name) {
			best, bestWide = v, wide
		}
	}
	return best.Name
}

func nonASCII(s string) int {
	n := 0
	for _, r := range s {
		if r >= utf8.RuneSelf {
			n++
		}
	}
	return n
}
