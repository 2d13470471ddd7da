package article

import (
	"encoding/binary"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// headlineShape reports whether a line could be a headline: a line of a
// few words with letters, not a URL, a counter or a phone number. It
// counts characters, letters, digits and words in one pass, ASCII without
// a table lookup, and turns a long line away before reading it: it is
// asked about body paragraphs too.
func headlineShape(s string) bool {
	if len(s) > utf8.UTFMax*maxTitleLen || strings.Contains(s, "://") || strings.HasPrefix(s, "www.") || strings.Contains(s, "@") {
		return false
	}
	n, letters, digits, cjk, words := 0, 0, 0, 0, 0
	in := false
	for i := 0; i < len(s); {
		n++
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case (c|0x20)-'a' < 26:
				letters++
			case c-'0' < 10:
				digits++
			}
			// wordCount's rule: words are apart by spaces, tabs and
			// line feeds.
			sp := c == ' ' || c == '\t' || c == '\n'
			if !sp && !in {
				words++
			}
			in = !sp
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case unicode.IsLetter(r):
			letters++
			if cjkRune(r) {
				cjk++
			}
		case unicode.IsDigit(r):
			digits++
		}
		if !in {
			words++
		}
		in = true
	}
	if n > maxTitleLen || letters == 0 || digits*2 > letters+digits {
		return false
	}
	if cjk >= 6 {
		return words <= maxTitleWords
	}
	return words >= minTitleWords && words <= maxTitleWords
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

// stemShare tells, for each line, whether it heads the body: whether
// headsBody holds for how many of its distinct word stems the opening
// paragraphs of the body use (hits) out of how many it has (total), with
// the given share. shares says the body uses at least one of them. The lines'
// stems go in a small set and the body is scanned once against it, so the
// body's own words are never stored. Only those thresholds matter, not the
// counts, so the scan stops as soon as every line has as many hits as it
// needs to pass both; it usually does within the first paragraphs, where
// counting every stem took most of the body. A line whose verdicts the
// caller will not read is best passed as "": it has no stems to wait for.
func stemShare(lines, body []string, share float64) (heads, shares []bool) {
	verdicts := make([]bool, 2*len(lines))
	heads, shares = verdicts[:len(lines):len(lines)], verdicts[len(lines):]
	// hits and need (how many hits the line still lacks) per line, on
	// the stack for a usual header.
	var countBuf [48]int32
	counts := countBuf[:0]
	if 3*len(lines) > len(countBuf) {
		counts = make([]int32, 0, 3*len(lines))
	}
	counts = counts[:3*len(lines)]
	hits, need, totals := counts[:len(lines)], counts[len(lines):2*len(lines)], counts[2*len(lines):]
	var set stemSet
	var buf stemBuf
	// Room for the stems of a usual header without growing.
	var slotBuf [128]int32
	var entryBuf [48]stemEntry
	set.slots, set.entries = slotBuf[:], entryBuf[:0]
	// occ pairs each line with each of its distinct stems, chained per
	// stem, so that a stem found in the body credits its lines at once.
	var occBuf [64]stemOccurrence
	occ := occBuf[:0]
	pending := 0
	for i, l := range lines {
		total := 0
		for j := 0; ; {
			st, next := nextStem(l, j, &buf)
			if st == nil {
				break
			}
			j = next
			// Added here rather than by a method, so that the
			// buffers above stay on the stack.
			if 2*(len(set.entries)+1) > len(set.slots) {
				set.slots = set.rehash(2 * len(set.slots))
			}
			key, h := stemKey(st)
			slot := set.lookup(st, key, h)
			e := set.slots[slot] - 1
			if e < 0 {
				en := stemEntry{hash: h, key: key, n: int32(len(st)), firstOcc: -1}
				if len(st) > 8 {
					en.off = int32(len(set.arena))
					set.arena = append(set.arena, st...)
				}
				set.entries = append(set.entries, en)
				e = int32(len(set.entries) - 1)
				set.slots[slot] = e + 1
				b := h >> 54
				set.filter[b/64] |= 1 << (b % 64)
			}
			if en := &set.entries[e]; en.lastLine != int32(i)+1 {
				en.lastLine = int32(i) + 1
				occ = append(occ, stemOccurrence{line: int32(i), next: en.firstOcc})
				en.firstOcc = int32(len(occ) - 1)
				total++
			}
		}
		totals[i] = int32(total)
		need[i] = int32(hitsNeeded(total, share))
		if need[i] > 0 {
			pending++
		}
	}
	if pending > 0 {
		// credit counts the lines of entry e, newly found in the body,
		// and reports whether every line has all the hits it needs.
		credit := func(e int32) bool {
			for o := set.entries[e].firstOcc; o >= 0; o = occ[o].next {
				l := occ[o].line
				hits[l]++
				if hits[l] == need[l] {
					pending--
				}
			}
			return pending == 0
		}
		size := 0
	scan:
		for k, p := range body {
			if k >= vocabParagraphs || size >= vocabBytes {
				break
			}
			size += len(p)
			for j := 0; j < len(p); {
				if c := p[j]; c < utf8.RuneSelf && (c|0x20)-'a' >= 26 {
					j++
					continue
				}
				if key, n, next, ok := asciiWordStem(p, j); ok {
					// Most words: no stem, or one read straight
					// from the text.
					j = next
					if n > 0 {
						if e := set.findKey(key, n); e >= 0 && credit(e) {
							break scan
						}
					}
					continue
				}
				st, next := nextStem(p, j, &buf)
				if st == nil {
					break
				}
				j = next
				if e := set.find(st); e >= 0 && credit(e) {
					break scan
				}
			}
		}
	}
	for i := range lines {
		heads[i] = headsBody(int(hits[i]), int(totals[i]), share)
		shares[i] = hits[i] > 0
	}
	return heads, shares
}

// stemOccurrence is one line that has a stem, and the next line that has
// it (an index in the same list; -1 for none).
type stemOccurrence struct{ line, next int32 }

// hitsNeeded is how many hits a line of total stems needs for both of
// stemShare's verdicts to be what they would be with every hit counted:
// the fewest for which headsBody holds, or one when no count makes it hold
// (shares still needs one). headsBody only grows with hits, so any count
// at least this gives the same verdicts as the full one.
func hitsNeeded(total int, share float64) int {
	for h := 2; h <= total; h++ {
		if headsBody(h, total, share) {
			return h
		}
	}
	return min(total, 1)
}

// stemSet is a small open-addressing hash set of stems, with a bit filter
// that turns away most of the body's words before the table is probed.
// A stem of up to eight bytes, nearly every one, is compared as one
// integer: its bytes read as a little-endian word (no stem holds a zero
// byte, so the word tells stems apart).
type stemSet struct {
	filter  [16]uint64
	slots   []int32 // 1 + index in entries; 0 for an empty slot
	entries []stemEntry
	arena   []byte // the stems longer than eight bytes, back to back
}

type stemEntry struct {
	hash     uint64
	key      uint64 // the packed stem, when n <= 8
	off, n   int32  // the stem in arena, when n > 8
	lastLine int32  // 1 + the last line that had the stem
	firstOcc int32  // the stem's latest occurrence, -1 for none
	found    bool
}

// stemKey returns the packed form of a stem of at most eight bytes and
// the stem's hash. st must have a capacity of at least eight bytes, as a
// stem in a stemBuf has; the bytes past its length are masked off.
func stemKey(st []byte) (key, hash uint64) {
	if len(st) > 8 {
		// 64-bit FNV-1a.
		h := uint64(14695981039346656037)
		for _, c := range st {
			h = (h ^ uint64(c)) * 1099511628211
		}
		return 0, h
	}
	key = binary.LittleEndian.Uint64(st[:8]) & (^uint64(0) >> (64 - 8*uint(len(st))))
	return key, key * 0x9E3779B97F4A7C15
}

// lookup returns the slot of stem st with key and hash h: its entry's,
// or the empty slot where it would go.
func (s *stemSet) lookup(st []byte, key, h uint64) int {
	mask := len(s.slots) - 1
	for i := int(h>>32) & mask; ; i = (i + 1) & mask {
		e := s.slots[i]
		if e == 0 {
			return i
		}
		en := &s.entries[e-1]
		if en.hash == h && int(en.n) == len(st) && (en.n <= 8 && en.key == key ||
			en.n > 8 && string(s.arena[en.off:en.off+en.n]) == string(st)) {
			return i
		}
	}
}

// rehash returns a table of n slots holding every entry.
func (s *stemSet) rehash(n int) []int32 {
	slots := make([]int32, n)
	mask := n - 1
	for k, en := range s.entries {
		i := int(en.hash>>32) & mask
		for slots[i] != 0 {
			i = (i + 1) & mask
		}
		slots[i] = int32(k + 1)
	}
	return slots
}

// asciiWordStem is nextStem's common case in one step: at byte i, a
// character that is no letter, or a word of fewer than eight ASCII letters
// ended by ASCII. ok says it was; the word's stem is then its n bytes
// packed into key as stemKey packs them (n is 0 for no stem), and next is
// where the scan goes on. Anything else is left to nextStem.
func asciiWordStem(s string, i int) (key uint64, n, next int, ok bool) {
	c := s[i]
	if c >= utf8.RuneSelf {
		return 0, 0, i, false
	}
	if (c|0x20)-'a' >= 26 {
		return 0, 0, i + 1, true
	}
	if i+8 > len(s) {
		return 0, 0, i, false
	}
	x := load64(s, i)
	other := ^asciiLetters(x) & bytes80
	letters := bits.TrailingZeros64(other) / 8
	if other == 0 || s[i+letters] >= utf8.RuneSelf {
		return 0, 0, i, false
	}
	if letters < 4 {
		return 0, 0, i + letters, true
	}
	x |= bytes20
	n = min(letters, stemLen+1)
	if letters <= stemLen+1 && byte(x>>(8*(n-1))) == 's' {
		n--
	}
	n = min(n, stemLen)
	return x & (1<<(8*n) - 1), n, i + letters, true
}

// findKey is find for a stem of n <= 8 bytes packed as key.
func (s *stemSet) findKey(key uint64, n int) int32 {
	h := key * 0x9E3779B97F4A7C15
	if b := h >> 54; s.filter[b/64]&(1<<(b%64)) == 0 {
		return -1
	}
	mask := len(s.slots) - 1
	for i := int(h>>32) & mask; ; i = (i + 1) & mask {
		e := s.slots[i]
		if e == 0 {
			return -1
		}
		en := &s.entries[e-1]
		if en.hash == h && int(en.n) == n && en.key == key {
			if en.found {
				return -1
			}
			en.found = true
			return e - 1
		}
	}
}

// find marks stem st found and returns its entry when it is in the set
// and was not found before, -1 otherwise.
func (s *stemSet) find(st []byte) int32 {
	key, h := stemKey(st)
	if b := h >> 54; s.filter[b/64]&(1<<(b%64)) == 0 {
		return -1
	}
	e := s.slots[s.lookup(st, key, h)]
	if e == 0 || s.entries[e-1].found {
		return -1
	}
	s.entries[e-1].found = true
	return e - 1
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
			j := letterRunEnd(s, i)
			letters := j - i
			if j < len(s) && letters <= stemLen && s[j] >= utf8.RuneSelf {
				st, next := wordStem(s, i, buf)
				if st != nil {
					return st, next
				}
				i = next
				continue
			}
			if j < len(s) && s[j] >= utf8.RuneSelf {
				j, letters = wordEnd(s, j, letters)
			}
			if letters < 4 {
				i = j
				continue
			}
			// The stem's letters are s[i:i+n], all ASCII.
			n := min(letters, stemLen+1)
			if letters <= stemLen+1 && s[i+n-1]|0x20 == 's' {
				n--
			}
			n = min(n, stemLen)
			if i+8 <= len(s) {
				binary.LittleEndian.PutUint64(buf[:8], load64(s, i)|bytes20)
			} else {
				for k := range n {
					buf[k] = s[i+k] | 0x20
				}
			}
			return buf[:n], j
		}
		st, next := wordStem(s, i, buf)
		if st != nil {
			return st, next
		}
		i = next
	}
	return nil, len(s)
}

// letterRunEnd returns the end of the run of ASCII letters of s that
// starts at i, eight bytes at a time while they last.
func letterRunEnd(s string, i int) int {
	for i+8 <= len(s) {
		if other := ^asciiLetters(load64(s, i)) & bytes80; other != 0 {
			return i + bits.TrailingZeros64(other)/8
		}
		i += 8
	}
	for i < len(s) && (s[i]|0x20)-'a' < 26 {
		i++
	}
	return i
}

// asciiLetters has the high bit of each byte of x set where that byte is
// an ASCII letter. Lowercased and without its high bit, a byte is a
// letter from 0x61 to 0x7A: adding 0x1F carries into the high bit from
// 0x61 up, adding 0x05 from 0x7B up, and no byte carries into the next.
func asciiLetters(x uint64) uint64 {
	t := (x | bytes20) &^ bytes80
	return (t + 0x1F1F1F1F1F1F1F1F) &^ (t + 0x0505050505050505) &^ x & bytes80
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
	if last == '.' && !strings.HasSuffix(s, "...") || last == ':' || last == ',' || last == '。' {
		return false
	}
	// The ideographic full stop ends a sentence in CJK text, where no
	// space follows it.
	if i := strings.IndexRune(s, '。'); i >= 0 && i+len("。") < len(s) {
		return false
	}
	// A quoted sentence is a sentence: "“The bridge is safe.”"
	if q := strings.TrimRight(s, "\"'”’»"); len(q) < len(s) && strings.HasSuffix(q, ".") && !strings.HasSuffix(q, "...") {
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
