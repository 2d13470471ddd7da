package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// headlineShape reports whether a line could be a headline: a line of a
// few words with letters, not a URL, a counter or a phone number.
func headlineShape(s string) bool {
	n := utf8.RuneCountInString(s)
	if n > maxTitleLen || strings.Contains(s, "://") || strings.HasPrefix(s, "www.") || strings.Contains(s, "@") {
		return false
	}
	letters, digits, cjk := 0, 0, 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			letters++
			if cjkRune(r) {
				cjk++
			}
		case unicode.IsDigit(r):
			digits++
		}
	}
	if letters == 0 || digits*2 > letters+digits {
		return false
	}
	w := wordCount(s)
	if cjk >= 6 {
		return w <= maxTitleWords
	}
	return w >= minTitleWords && w <= maxTitleWords
}

func cjkRune(r rune) bool {
	// Every CJK script starts above U+2E80; most text never gets there.
	return r >= 0x2E80 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// isLetter is unicode.IsLetter with a fast path for ASCII.
func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return r|0x20 >= 'a' && r|0x20 <= 'z'
	}
	return unicode.IsLetter(r)
}

// Bounds on the body text headlines are compared with: a headline's words
// are in the first paragraphs, and a huge body must not cost a huge scan.
const (
	vocabParagraphs = 20
	vocabBytes      = 8 << 10
)

// stemShare tells, for each line, how many of its distinct word stems the
// opening paragraphs of the body use (hits) and how many it has (total).
// The lines' stems go in a small set and the body is scanned once against
// it, so the body's own words are never stored.
func stemShare(lines, body []string) (hits, total []int) {
	hits, total = make([]int, len(lines)), make([]int, len(lines))
	type entry struct {
		lines []int
		found bool
	}
	set := map[string]*entry{}
	// A bit per hash of a stem's first two bytes rules out most of the
	// body's words before the map is asked.
	var seen [16]uint64
	for i, l := range lines {
		eachStem(l, func(st []byte) {
			h := stemBit(st)
			seen[h/64] |= 1 << (h % 64)
			e := set[string(st)]
			if e == nil {
				e = &entry{}
				set[string(st)] = e
			}
			if n := len(e.lines); n == 0 || e.lines[n-1] != i {
				e.lines = append(e.lines, i)
				total[i]++
			}
		})
	}
	if len(set) == 0 {
		return hits, total
	}
	size := 0
	for k, p := range body {
		if k >= vocabParagraphs || size >= vocabBytes {
			break
		}
		size += len(p)
		eachStem(p, func(st []byte) {
			if h := stemBit(st); seen[h/64]&(1<<(h%64)) == 0 {
				return
			}
			if e := set[string(st)]; e != nil && !e.found {
				e.found = true
				for _, i := range e.lines {
					hits[i]++
				}
			}
		})
	}
	return hits, total
}

// stemBit hashes the first two bytes of a stem (every stem has at least
// three) into one of 1024 bits.
func stemBit(st []byte) uint {
	return (uint(st[0])*131 + uint(st[1])) % 1024
}

// headsBody reports whether a line shares enough words with the body to
// head it: a share of its stems of at least min, and at least two of them,
// since one common word ("follow", "news") proves nothing.
func headsBody(hits, total int, min float64) bool {
	return hits >= 2 && float64(hits) >= min*float64(total)
}

// stemLen is how many letters of a word stand for it: enough to tell
// words apart, few enough that "hibernating" meets "hibernation".
const stemLen = 5

// eachStem calls f with the stem of every word of four letters or more
// (shorter words are mostly function words), and with every pair of
// adjacent characters in CJK text, which has no spaces. A stem is the
// word lower-cased, without a plural "s", cut to stemLen letters.
func eachStem(s string, f func([]byte)) {
	var buf [(stemLen + 1) * utf8.UTFMax]byte
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if !isLetter(r) {
			i += size
			continue
		}
		if cjkRune(r) {
			j := i + size
			r2, size2 := utf8.DecodeRuneInString(s[j:])
			if j < len(s) && cjkRune(r2) {
				f(append(buf[:0], s[i:j+size2]...))
			}
			i = j
			continue
		}
		b := buf[:0]
		letters := 0
		ascii := true
		j := i
		for j < len(s) {
			// ASCII letters, most of any text, without decoding.
			if c := s[j]; c < utf8.RuneSelf {
				if c|0x20 < 'a' || c|0x20 > 'z' {
					break
				}
				if letters <= stemLen {
					b = append(b, c|0x20)
				}
				letters++
				j++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r) || cjkRune(r) {
				break
			}
			if letters <= stemLen {
				b = utf8.AppendRune(b, unicode.ToLower(r))
				ascii = false
			}
			letters++
			j += size
		}
		if letters >= 4 {
			if letters <= stemLen+1 && b[len(b)-1] == 's' {
				b = b[:len(b)-1]
			}
			if ascii {
				f(b[:min(len(b), stemLen)])
			} else {
				f(truncRunes(b, stemLen))
			}
		}
		i = j
	}
}

func truncRunes(b []byte, n int) []byte {
	for i := range string(b) {
		if n == 0 {
			return b[:i]
		}
		n--
	}
	return b
}

// bareName reads a header line that is only an author's name, without
// "By": "Jane Roe", "Kevin Johnson and Kevin McCoy USA TODAY", "PTI,
// Washington" (an agency first stands for the author).
func bareName(s string) (string, bool) {
	s = strings.TrimRight(strings.TrimSpace(s), ",;")
	if first, _, ok := strings.Cut(s, ","); ok && isAgency(first) {
		return strings.TrimSpace(first), true
	}
	if isAgency(s) {
		return s, true
	}
	w := wordCount(s)
	if w < 2 || w > 8 || len(s) > 60 || strings.ContainsAny(s, ":|!?") || !looksLikeName(s) {
		return "", false
	}
	return s, true
}

// titleShape reports whether a headline-shaped line can be a title rather
// than a standfirst: it does not end like a sentence or a label, and holds
// no sentence break.
func titleShape(s string) bool {
	last, _ := utf8.DecodeLastRuneInString(s)
	if last == '.' && !strings.HasSuffix(s, "...") || last == ':' || last == ',' {
		return false
	}
	for i := 0; i+2 < len(s); i++ {
		if (s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i+1] == ' ' {
			next, _ := utf8.DecodeRuneInString(s[i+2:])
			if unicode.IsUpper(next) && i > 0 && s[i-1] != '.' && !isInitial(s, i) {
				return false
			}
		}
	}
	return true
}

// isInitial reports whether the period at i closes a one-letter initial or
// a short abbreviation ("U.S.", "J. Smith", "Mr.").
func isInitial(s string, i int) bool {
	j := strings.LastIndexAny(s[:i], " (")
	word := s[j+1 : i]
	return utf8.RuneCountInString(word) <= 2 || strings.Contains(word, ".")
}
