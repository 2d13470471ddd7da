package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxFallbackTitle bounds, in characters, a title made from the article's
// first sentence: about a long headline's length.
const maxFallbackTitle = 90

// warnFallbackTitle is the warning an article gets when nothing in it read
// as a headline and its title was made from its text.
const warnFallbackTitle = "no headline found: the title is the article's first sentence"

// fallbackTitle makes a title for an article that has no headline: the
// first sentence of its first paragraph with text, cut at a word boundary
// with an ellipsis when it is longer than maxFallbackTitle characters. A
// feed reader shows an entry by its title, so an empty one leaves the entry
// unreadable; a file name is no better (it is often a hash). It returns ""
// only when no paragraph has a letter or a digit.
func fallbackTitle(paras []string) string {
	for _, p := range paras {
		p = collapseSpaces(strings.TrimSpace(p))
		if !strings.ContainsFunc(p, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			continue
		}
		return cutTitle(firstSentence(p), maxFallbackTitle)
	}
	return ""
}

// firstSentence returns p up to the end of its first sentence, without a
// final full stop (a title has none); p itself when no sentence ends in it.
// A period after an initial or an abbreviation ("J. Smith", "U.S.") ends
// nothing.
func firstSentence(p string) string {
	for i, r := range p {
		switch r {
		case '。', '！', '？':
			if r == '。' {
				return p[:i]
			}
			return p[:i+utf8.RuneLen(r)]
		case '.', '!', '?':
			end := i + 1
			if end < len(p) && p[end] != ' ' {
				continue
			}
			if r == '.' {
				if i == 0 || isInitial(p, i) || strings.HasSuffix(p[:i], ".") {
					continue
				}
				return p[:i]
			}
			return p[:end]
		}
	}
	return p
}

// cutTitle cuts s to at most n characters: at the last space before the
// limit, or at the limit in text without spaces, with an ellipsis.
func cutTitle(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut, k := 0, 0
	for i := range s {
		if k == n {
			cut = i
			break
		}
		k++
	}
	head := s[:cut]
	if sp := strings.LastIndexByte(head, ' '); sp >= len(head)/2 {
		head = head[:sp]
	}
	head = strings.TrimRightFunc(head, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) && r != ')' && r != '"' })
	return head + "…"
}
