package boilerplate

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// sentenceStarters are English words that often open a summary sentence.
// With the page's own function words they mark where a teaser's headline
// runs into its summary.
var sentenceStarters = map[string]bool{
	"the": true, "a": true, "an": true, "in": true, "on": true, "at": true, "this": true, "it": true,
	"he": true, "she": true, "they": true, "we": true, "after": true, "when": true, "as": true, "for": true,
	"with": true, "from": true, "here": true, "how": true, "what": true, "why": true, "our": true,
	"his": true, "her": true, "their": true, "one": true, "two": true, "some": true, "many": true,
	"most": true, "new": true, "last": true, "but": true, "if": true, "while": true, "during": true,
	"these": true, "those": true, "there": true, "you": true, "your": true, "i": true, "its": true,
}

// maxTeaserHead bounds the headline part of a teaser, in bytes.
const maxTeaserHead = 200

// isTeaser reports whether line s is a headline that runs straight into
// its summary, as related-story lists and mega-menus read once their markup
// is gone: "Big Storm Hits the CoastThe storm made landfall ...". The
// headline part is title-cased (or ends in ? or !), has no sentence end,
// and the summary starts with a capitalised common word glued to it.
func isTeaser(s string, f feat, sw *stopWords, lg lang) bool {
	return teaserScan(s, f, sw, lg, true)
}

// teaserScan is isTeaser; skipLower passes over the rest of a word's ASCII
// lower-case letters in a loop of their own, which changes nothing but
// the speed (TestIsTeaserSkipsLowerSafely reads every letter instead).
func teaserScan(s string, f feat, sw *stopWords, lg lang, skipLower bool) bool {
	if f.words < 8 || f.cjk {
		return false
	}
	if headlineDateline(s) {
		return true
	}
	if !mayGlue(s) {
		return false
	}
	var buf [maxWordBytes]byte
	words, caps := 0, 0
	inWord := false
	var prev rune
	for i := 0; i < len(s); {
		if i > maxTeaserHead {
			return false
		}
		c := s[i]
		r, size := rune(c), 1
		var upper, digit bool
		if c < utf8.RuneSelf {
			upper, digit = 'A' <= c && c <= 'Z', '0' <= c && c <= '9'
		} else {
			r, size = utf8.DecodeRuneInString(s[i:])
			upper, digit = unicode.IsUpper(r), unicode.IsDigit(r)
		}
		if r == ' ' {
			if isSentenceEnd(prev) {
				return false // a sentence ended before any junction
			}
			inWord = false
			prev = r
			i++
			continue
		}
		if !inWord {
			inWord = true
			words++
			if upper || digit {
				caps++
			}
		}
		if upper && i > 0 && words >= 3 && glueBefore(prev) {
			// Candidate junction: the summary's first word starts at i.
			end := i
			for end < len(s) && s[end] != ' ' {
				end++
			}
			lw := lowerWord(&buf, s[i:end])
			if lw != nil && (sentenceStarters[string(lw)] || (lg != langEN && sw.lookup(lw)&(1<<lg) != 0)) {
				titled := caps*2 >= words
				if titled || prev == '?' || prev == '!' || prev == '"' || prev == '”' {
					return int(f.words)-words >= 6
				}
			}
			// Any capitalised word glued to a run of four or more
			// capitalised words starts a summary when a sentence
			// follows ("Tape Gaffe Ends Title RunDenny Hamlin's run
			// was ..."). Brand names glued the same way
			// ("PlayStation") rarely end such a run.
			if words >= 4 && caps == words && int(f.words)-words >= 6 && f.sentences > 0 && (prev == '?' || prev == '!' || camelJunction(s, i)) {
				return true
			}
		}
		prev = r
		i += size
		if !skipLower {
			continue
		}
		// The rest of the word's ASCII lower-case letters change
		// nothing but prev.
		j := i
		for j < len(s) && s[j]-'a' < 26 {
			j++
		}
		if j > i {
			prev, i = rune(s[j-1]), j
		}
	}
	return false
}

// glueBefore reports whether r can end a headline that the next text was
// glued to: a lowercase letter, a digit, or closing punctuation.
func glueBefore(r rune) bool {
	if r == utf8.RuneError || r == 0 {
		return false
	}
	return unicode.IsLower(r) || unicode.IsDigit(r) || r == '?' || r == '!' || r == '"' || r == '”' || r == '’' || r == ')'
}

// camelJunction reports whether the capital at s[i] follows at least two
// lowercase letters of the same word: "RunDenny", not "McDonald".
func camelJunction(s string, i int) bool {
	n := 0
	for j := i; j > 0; {
		r, size := utf8.DecodeLastRuneInString(s[:j])
		if !unicode.IsLower(r) {
			break
		}
		n++
		j -= size
	}
	return n >= 2
}

// mayGlue is a quick test that the head of s may hold a capital glued to
// what precedes it, the junction isTeaser looks for. It looks at bytes:
// an ASCII capital after a lowercase letter, digit or closing mark, or any
// non-ASCII byte (left for isTeaser to decode).
func mayGlue(s string) bool {
	n := min(len(s), maxTeaserHead+1)
	k := 1
	// Eight bytes at a time: any non-ASCII byte answers, and only the
	// capitals among them need the byte before them looked at.
	for ; k+8 <= n; k += 8 {
		x := load64(s, k)
		if x&bytes80 != 0 {
			return true
		}
		// With no high bit set, adding 0x3F carries into it from 'A'
		// up and adding 0x25 from '[' up, and no byte into the next.
		for caps := (x + 0x3F3F3F3F3F3F3F3F) &^ (x + 0x2525252525252525) & bytes80; caps != 0; caps &= caps - 1 {
			if glueByte(s[k+bits.TrailingZeros64(caps)/8-1]) {
				return true
			}
		}
	}
	for ; k < n; k++ {
		c := s[k]
		if c >= utf8.RuneSelf {
			return true
		}
		if c-'A' < 26 && glueByte(s[k-1]) {
			return true
		}
	}
	return false
}

// glueByte reports whether b, before an ASCII capital, may end a
// headline glued to it: a lowercase letter, a digit or closing mark.
func glueByte(b byte) bool {
	switch {
	case b-'a' < 26, b-'0' < 10, b == '?', b == '!', b == '"', b == ')':
		return true
	}
	return false
}

// headlineDateline reports whether s is a headline followed by the
// dateline that opens its story, as news tickers run them together:
// "Man pleads guilty to fraud scheme NEW YORK: A man has pleaded ...". The
// dateline is a run of capitalised words of capital letters ending in a
// colon, after at least four words of a headline with no sentence end,
// and a sentence of at least six words follows.
func headlineDateline(s string) bool {
	head := min(len(s), maxTeaserHead)
	colon := strings.Index(s[:head], ": ")
	if colon < 0 {
		return false
	}
	// The all-capital run before the colon.
	start, letters := colon, 0
	for start > 0 {
		c := s[start-1]
		if c == ' ' && start-2 >= 0 && s[start-2]-'A' < 26 {
			start--
			continue
		}
		if c-'A' >= 26 && c != '.' && c != '-' {
			break
		}
		if c != '.' && c != '-' {
			letters++
		}
		start--
	}
	if letters < 4 || start == 0 || s[start-1] != ' ' {
		return false
	}
	before := s[:start-1]
	if strings.ContainsAny(before, ".!?:") || len(strings.Fields(before)) < 4 {
		return false
	}
	// A headline before it: not itself all capitals.
	if strings.ToUpper(before) == before {
		return false
	}
	return len(strings.Fields(s[colon+2:])) >= 6
}
