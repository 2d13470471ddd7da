package boilerplate

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// stopWordSet is built on first use; it is never written afterwards.
var stopWordSet = sync.OnceValue(buildStopWords)

// feat is what the classifier knows about one line before looking at its
// neighbours.
type feat struct {
	runes     int     // length in characters
	words     int     // whitespace-separated words (CJK: about two characters per word)
	stops     int     // function words of the page language
	density   float64 // stops / words
	weight    float64 // how many tokens the line is worth in the max-sum run
	endsSent  bool    // ends like a sentence (. ! ? … or a closing quote after one)
	sentences int     // sentence ends inside the line
	cjk       bool    // mostly Han, kana or Hangul
	teaser    bool    // a headline running straight into its summary
	upperInit int     // words starting with a capital letter
	digits    int     // words that start with a digit
	kind      string  // boilerplate phrase kind, "" when none matched
	comment   bool    // the line opens a comment section
	dup       int     // how many times the exact line occurs on the page
	dupFirst  bool    // first occurrence of a repeated line
	commas    int     // commas and semicolons: lists and prose have them, menus do not
	colonEnd  bool    // ends with a colon: a label or a lead-in to a list
	separator bool    // holds a menu or breadcrumb separator (| › » / ·)
	bullet    bool    // starts with a list bullet
	url       bool    // holds a URL or a bare domain
	numeric   bool    // nothing but numbers and punctuation: a table cell
}

// maxStopBytes is at least the byte length of the longest function word
// in any list (TestMaxStopBytes checks it).
const maxStopBytes = 24

// maxWordBytes bounds the buffer used to lowercase a word without
// allocating; longer "words" (URLs, hashes) are never function words.
const maxWordBytes = 48

// lowerWord lowercases w into buf and trims surrounding punctuation. The
// result aliases buf.
func lowerWord(buf *[maxWordBytes]byte, w string) []byte {
	// Trim punctuation around the word ("(the", "said," "“we").
	start, end := 0, len(w)
	for start < end {
		r, size := utf8.DecodeRuneInString(w[start:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		start += size
	}
	for end > start {
		r, size := utf8.DecodeLastRuneInString(w[start:end])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		end -= size
	}
	w = w[start:end]
	if len(w) == 0 || len(w) > maxWordBytes {
		return nil
	}
	n := 0
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if n >= maxWordBytes {
				// Invalid bytes decode to U+FFFD, three bytes wide,
				// so a word can outgrow its input.
				return nil
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[n] = c
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		r = unicode.ToLower(r)
		if n+utf8.RuneLen(r) > maxWordBytes {
			return nil
		}
		n += utf8.EncodeRune(buf[n:], r)
		i += size
	}
	return buf[:n]
}

// nextWord returns the word of s at or after byte i (words are split on
// ASCII spaces and tabs, as the scrapes have them) and where to look next.
func nextWord(s string, i int) (string, int) {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	j := i
	for j < len(s) && s[j] != ' ' && s[j] != '\t' {
		j++
	}
	return s[i:j], j
}

// isSentenceEnd reports whether r ends a sentence in any of the scripts
// the corpus uses.
func isSentenceEnd(r rune) bool {
	switch r {
	case '.', '!', '?', '…', '。', '！', '？', '｡':
		return true
	}
	return false
}

// isClosing reports whether r may follow a sentence end (closing quote or
// bracket) without ending the sentence itself.
func isClosing(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', ')', ']', '」', '』', '）':
		return true
	}
	return false
}

func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r)
}

// koreanParticleEnd reports whether a Korean word ends in a particle or a
// verb ending: Korean prose is full of them, menus are not.
func koreanParticleEnd(w []byte) bool {
	r, _ := utf8.DecodeLastRune(w)
	switch r {
	case '은', '는', '이', '가', '을', '를', '에', '의', '로', '와', '과', '도', '다', '고', '서', '며', '면', '지':
		return true
	}
	return false
}

// detectLang picks the stop-word list that the most words of the page's
// longer lines belong to. It looks at a bounded sample so that huge inputs
// stay linear with a small constant.
func detectLang(lines []string, sw stopWords) lang {
	var counts [numLangs]int
	var buf [maxWordBytes]byte
	budget := 256 << 10
	hangul, total := 0, 0
	for _, s := range lines {
		if len(s) < 40 {
			continue
		}
		if budget <= 0 {
			break
		}
		budget -= len(s)
		for i := 0; i < len(s); {
			var w string
			w, i = nextWord(s, i)
			if w == "" {
				break
			}
			lw := lowerWord(&buf, w)
			if lw == nil {
				continue
			}
			total++
			if r, _ := utf8.DecodeRune(lw); unicode.Is(unicode.Hangul, r) {
				hangul++
			}
			mask := sw[string(lw)]
			for l := lang(0); l < numLangs; l++ {
				if mask&(1<<l) != 0 {
					counts[l]++
				}
			}
		}
	}
	if total > 0 && hangul*3 > total {
		return langKO
	}
	best := langEN
	for l := lang(0); l < numLangs; l++ {
		if counts[l] > counts[best] {
			best = l
		}
	}
	return best
}

// measure fills the context-free features of one line.
func measure(s string, lg lang, sw stopWords) feat {
	var f feat
	var buf [maxWordBytes]byte
	bit := uint16(1) << lg
	cjkRunes, kana := 0, 0
	prevEnd := false
	for i, r := range s {
		f.runes++
		switch r {
		case ',', ';', '，', '、':
			f.commas++
		case '|', '›', '»', '·', '•':
			if i > 0 {
				f.separator = true
			}
		}
		if r >= 0x2E80 && isCJK(r) {
			cjkRunes++
			if unicode.Is(unicode.Hiragana, r) {
				kana++
			}
		}
		if isSentenceEnd(r) {
			prevEnd = true
			continue
		}
		if prevEnd && (r == ' ' || r >= 0x3000) && i > 0 {
			f.sentences++
		}
		if !isClosing(r) {
			prevEnd = false
		}
	}
	if prevEnd {
		f.endsSent = true
		f.sentences++
	}
	f.cjk = cjkRunes*2 > f.runes
	f.numeric = s != "" && strings.IndexFunc(s, unicode.IsLetter) < 0 && strings.IndexFunc(s, unicode.IsDigit) >= 0
	if s != "" {
		switch s[0] {
		case '*', '-', '+':
			f.bullet = len(s) > 1 && s[1] == ' '
		}
		if strings.HasPrefix(s, "•") || strings.HasPrefix(s, "·") || strings.HasPrefix(s, "–") {
			f.bullet = true
		}
		f.colonEnd = s[len(s)-1] == ':'
		f.url = strings.Contains(s, "://") || strings.Contains(s, "www.")
	}
	start := -1
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] != ' ' && s[i] != '\t' {
			if start < 0 {
				start = i
			}
			continue
		}
		if start < 0 {
			continue
		}
		w := s[start:i]
		start = -1
		f.words++
		c := w[0]
		switch {
		case 'A' <= c && c <= 'Z':
			f.upperInit++
		case '0' <= c && c <= '9':
			f.digits++
		case c >= utf8.RuneSelf:
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
				f.upperInit++
			}
		}
		if len(w) > maxStopBytes+4 && lg != langKO {
			continue // longer than any function word, even with punctuation
		}
		lw := lowerWord(&buf, w)
		if lw == nil {
			continue
		}
		if lg == langKO {
			if koreanParticleEnd(lw) {
				f.stops++
			}
			continue
		}
		if sw[string(lw)]&bit != 0 {
			f.stops++
		}
	}
	if f.words > 0 {
		f.density = float64(f.stops) / float64(f.words)
	}
	if f.cjk && f.words < f.runes/8 {
		// Japanese and Chinese prose has no spaces: count about two
		// characters a word, and let the hiragana share stand in for
		// function-word density (menus are kanji and katakana).
		f.words = f.runes / 2
		f.density = min(1, 2*float64(kana)/float64(f.runes))
	}
	f.weight = float64(f.words)
	return f
}
