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
// it, so the body's own words are never stored. The scan stops early once
// every stem of the lines has been found.
func stemShare(lines, body []string) (hits, total []int) {
	counts := make([]int, 2*len(lines))
	hits, total = counts[:len(lines):len(lines)], counts[len(lines):]
	var set stemSet
	var buf stemBuf
	// occ pairs each line with each of its distinct stems, so that hits
	// can be counted once the scan knows which stems the body has.
	type occurrence struct{ entry, line int32 }
	var occ []occurrence
	for i, l := range lines {
		for j := 0; ; {
			st, next := nextStem(l, j, &buf)
			if st == nil {
				break
			}
			j = next
			e := set.add(st)
			if set.entries[e].lastLine != int32(i)+1 {
				set.entries[e].lastLine = int32(i) + 1
				occ = append(occ, occurrence{int32(e), int32(i)})
				total[i]++
			}
		}
	}
	if len(set.entries) == 0 {
		return hits, total
	}
	size := 0
	left := len(set.entries)
scan:
	for k, p := range body {
		if k >= vocabParagraphs || size >= vocabBytes {
			break
		}
		size += len(p)
		for j := 0; ; {
			st, next := nextStem(p, j, &buf)
			if st == nil {
				break
			}
			j = next
			if set.find(st) {
				if left--; left == 0 {
					break scan
				}
			}
		}
	}
	for _, o := range occ {
		if set.entries[o.entry].found {
			hits[o.line]++
		}
	}
	return hits, total
}

// stemSet is a small open-addressing hash set of stems, with a bit filter
// that turns away most of the body's words before the table is probed.
type stemSet struct {
	filter  [16]uint64
	slots   []int32 // 1 + index in entries; 0 for an empty slot
	entries []stemEntry
	arena   []byte // the stems back to back
}

type stemEntry struct {
	hash     uint64
	off, n   int32
	lastLine int32 // 1 + the last line that had the stem
	found    bool
}

// stemHash is 64-bit FNV-1a.
func stemHash(st []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range st {
		h = (h ^ uint64(c)) * 1099511628211
	}
	return h
}

func (s *stemSet) filterHas(h uint64) bool {
	b := h >> 54
	return s.filter[b/64]&(1<<(b%64)) != 0
}

// lookup returns the slot of stem st with hash h: its entry's, or the
// empty slot where it would go.
func (s *stemSet) lookup(st []byte, h uint64) int {
	mask := len(s.slots) - 1
	for i := int(h) & mask; ; i = (i + 1) & mask {
		e := s.slots[i]
		if e == 0 {
			return i
		}
		en := &s.entries[e-1]
		if en.hash == h && string(s.arena[en.off:en.off+en.n]) == string(st) {
			return i
		}
	}
}

// add puts stem st in the set and returns its index in entries.
func (s *stemSet) add(st []byte) int {
	if 2*(len(s.entries)+1) > len(s.slots) {
		s.grow()
	}
	h := stemHash(st)
	i := s.lookup(st, h)
	if e := s.slots[i]; e != 0 {
		return int(e - 1)
	}
	s.entries = append(s.entries, stemEntry{hash: h, off: int32(len(s.arena)), n: int32(len(st))})
	s.arena = append(s.arena, st...)
	s.slots[i] = int32(len(s.entries))
	b := h >> 54
	s.filter[b/64] |= 1 << (b % 64)
	return len(s.entries) - 1
}

// grow doubles the table and places every entry again.
func (s *stemSet) grow() {
	s.slots = make([]int32, max(64, 2*len(s.slots)))
	mask := len(s.slots) - 1
	for k, en := range s.entries {
		i := int(en.hash) & mask
		for s.slots[i] != 0 {
			i = (i + 1) & mask
		}
		s.slots[i] = int32(k + 1)
	}
}

// find marks stem st found and reports whether it is in the set and was
// not found before.
func (s *stemSet) find(st []byte) bool {
	h := stemHash(st)
	if !s.filterHas(h) {
		return false
	}
	e := s.slots[s.lookup(st, h)]
	if e == 0 || s.entries[e-1].found {
		return false
	}
	s.entries[e-1].found = true
	return true
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

// stemBuf holds one stem: stemLen+1 letters of up to four bytes.
type stemBuf [(stemLen + 1) * utf8.UTFMax]byte

// nextStem returns the next stem of s at or after byte i, aliasing buf,
// and the byte after its word; nil at the end of s. Stems are made of
// every word of four letters or more (shorter words are mostly function
// words) and of every pair of adjacent characters in CJK text, which has
// no spaces. A stem is the word lower-cased, without a plural "s", cut to
// stemLen letters.
func nextStem(s string, i int, buf *stemBuf) ([]byte, int) {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if (c|0x20)-'a' >= 26 {
				i++
				continue
			}
			// An ASCII word, most of any text: its stem is read
			// without decoding, unless a letter among its first
			// stemLen+1 is not ASCII.
			j, letters := i, 0
			for j < len(s) && letters <= stemLen {
				c := s[j]
				if (c|0x20)-'a' >= 26 {
					break
				}
				buf[letters] = c | 0x20
				letters++
				j++
			}
			if j < len(s) && letters <= stemLen && s[j] >= utf8.RuneSelf {
				st, next := wordStem(s, i, buf)
				if st != nil {
					return st, next
				}
				i = next
				continue
			}
			for j < len(s) && (s[j]|0x20)-'a' < 26 {
				letters++
				j++
			}
			if j < len(s) && s[j] >= utf8.RuneSelf {
				j, letters = wordEnd(s, j, letters)
			}
			if letters < 4 {
				i = j
				continue
			}
			n := min(letters, stemLen+1)
			if letters <= stemLen+1 && buf[n-1] == 's' {
				n--
			}
			return buf[:min(n, stemLen)], j
		}
		st, next := wordStem(s, i, buf)
		if st != nil {
			return st, next
		}
		i = next
	}
	return nil, len(s)
}

// wordEnd continues a word at byte j through its letters, not CJK,
// counting them, and returns where it ends.
func wordEnd(s string, j, letters int) (int, int) {
	for j < len(s) {
		if c := s[j]; c < utf8.RuneSelf {
			if (c|0x20)-'a' >= 26 {
				break
			}
			letters++
			j++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsLetter(r) || cjkRune(r) {
			break
		}
		letters++
		j += size
	}
	return j, letters
}

// wordStem reads the word or CJK pair at byte i the general way. It
// returns its stem, or nil when it has none, and where the scan goes on.
func wordStem(s string, i int, buf *stemBuf) ([]byte, int) {
	r, size := rune(s[i]), 1
	if r >= utf8.RuneSelf {
		r, size = utf8.DecodeRuneInString(s[i:])
	}
	if !isLetter(r) {
		return nil, i + size
	}
	if cjkRune(r) {
		j := i + size
		r2, size2 := utf8.DecodeRuneInString(s[j:])
		if j < len(s) && cjkRune(r2) {
			return append(buf[:0], s[i:j+size2]...), j
		}
		return nil, j
	}
	b := buf[:0]
	letters := 0
	ascii := true
	j := i
	for j < len(s) {
		if c := s[j]; c < utf8.RuneSelf {
			if (c|0x20)-'a' >= 26 {
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
	if letters < 4 {
		return nil, j
	}
	if letters <= stemLen+1 && b[len(b)-1] == 's' {
		b = b[:len(b)-1]
	}
	if ascii {
		return b[:min(len(b), stemLen)], j
	}
	return truncRunes(b, stemLen), j
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
