package boilerplate

import (
	"math"
	"math/bits"
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
	density float64  // stops / words
	weight  float64  // how many tokens the line is worth in the max-sum run
	kind    lineKind // boilerplate phrase kind, kindNone when none matched
	// Counts are int32: a line is far shorter than 2^31 bytes (Classify's
	// callers bound their input), and the page holds one feat per line.
	runes     int32 // length in characters
	words     int32 // whitespace-separated words (CJK: about two characters per word)
	stops     int32 // function words of the page language
	sentences int32 // sentence ends inside the line
	upperInit int32 // words starting with a capital letter
	digits    int32 // words that start with a digit
	dup       int32 // how many times the exact line occurs on the page
	commas    int32 // commas and semicolons: lists and prose have them, menus do not
	// Language detection and Korean: words lowercased, words in Hangul,
	// Korean words ending in a particle; hiragana characters.
	lowered, hangul, koStops, kana int32
	endsSent                       bool // ends like a sentence (. ! ? … or a closing quote after one)
	cjk                            bool // mostly Han, kana or Hangul
	teaser                         bool // a headline running straight into its summary
	comment                        bool // the line opens a comment section
	// commentHead: the line heads one comment ("Jane on May 3 said:").
	commentHead bool
	// stamp: the line heads one comment with no verb, a name and a date
	// and time ("Jane Roe June 28, 2015 at 10:25 pm"); thread: it is
	// the first of a run of them, where a comment section starts.
	stamp, thread bool
	colonEnd      bool // ends with a colon: a label or a lead-in to a list
	separator     bool // holds a menu or breadcrumb separator (| › » / ·)
	bullet        bool // starts with a list bullet
	url           bool // holds a URL or a bare domain
	numeric       bool // nothing but numbers and punctuation: a table cell
}

// maxStopBytes is at least the byte length of the longest function word
// in any list (TestMaxStopBytes checks it).
const maxStopBytes = 24

// minQuoteProse is how many bytes a line has at least for guillemets in
// it to count as quotation marks rather than separators.
const minQuoteProse = 160

// maxWordBytes bounds the buffer used to lowercase a word without
// allocating; longer "words" (URLs, hashes) are never function words.
const maxWordBytes = 48

// lowerWord lowercases w into buf and trims surrounding punctuation. The
// result aliases buf.
func lowerWord(buf *[maxWordBytes]byte, w string) []byte {
	// Trim punctuation around the word ("(the", "said," "“we").
	start, end := 0, len(w)
	for start < end {
		if c := w[start]; c < utf8.RuneSelf {
			if asciiAlnum(c) {
				break
			}
			start++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[start:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		start += size
	}
	for end > start {
		if c := w[end-1]; c < utf8.RuneSelf {
			if asciiAlnum(c) {
				break
			}
			end--
			continue
		}
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

func asciiAlnum(c byte) bool {
	return (c|0x20)-'a' < 26 || c-'0' < 10
}

// alnumRunEnd returns the end of the run of ASCII letters and digits of
// s that goes on at i, eight bytes at a time while they last: most words
// take one step.
func alnumRunEnd(s string, i int) int {
	for i+8 <= len(s) {
		if other := ^asciiAlnum8(load64(s, i)) & bytes80; other != 0 {
			return i + bits.TrailingZeros64(other)/8
		}
		i += 8
	}
	for i < len(s) && asciiAlnum(s[i]) {
		i++
	}
	return i
}

const (
	bytes01 = 0x0101010101010101
	bytes20 = 0x2020202020202020
	bytes80 = 0x8080808080808080
)

// asciiAlnum8 has the high bit of each byte of x set where that byte is
// an ASCII letter or digit. Without its high bit, and lowercased for the
// letters, a byte is in range when adding the distance from the range's
// start to 0x80 carries into the high bit and adding the distance from
// one past its end does not; no byte carries into the next.
func asciiAlnum8(x uint64) uint64 {
	t := (x | bytes20) &^ bytes80
	letters := (t + 0x1F1F1F1F1F1F1F1F) &^ (t + 0x0505050505050505)
	u := x &^ bytes80
	digits := (u + 0x5050505050505050) &^ (u + 0x4646464646464646)
	return (letters | digits) &^ x & bytes80
}

// load64 reads s[i:i+8] as a little-endian word; the compiler turns the
// shifts into one load.
func load64(s string, i int) uint64 {
	b := s[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
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

// IsCJK reports whether r is Han, kana or Hangul. It is asked for every
// character of every line: the runes below Hangul Jamo (U+1100), the
// first of those blocks, are turned away before any table lookup.
func IsCJK(r rune) bool {
	return r >= 0x1100 && isCJKTable(r)
}

func isCJKTable(r rune) bool {
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

// langSample accumulates, over the page's longer lines, how many words
// belong to each function-word list. It looks at a bounded sample so that
// huge inputs stay linear with a small constant.
type langSample struct {
	counts        [numLangs]int
	hangul, total int
	budget        int
}

func newLangSample() langSample { return langSample{budget: 256 << 10} }

// add counts line s, measured as f with per-language counts c, if it is
// long enough to say something and the sample is not full.
func (ls *langSample) add(s string, f *feat, c *[numLangs]uint16) {
	if len(s) < 40 || ls.budget <= 0 {
		return
	}
	ls.budget -= len(s)
	for l := range c {
		ls.counts[l] += int(c[l])
	}
	ls.hangul += int(f.hangul)
	ls.total += int(f.lowered)
}

// lang picks the stop-word list that the most sampled words belong to.
func (ls *langSample) lang() lang {
	if ls.total > 0 && ls.hangul*3 > ls.total {
		return langKO
	}
	best := langEN
	for l := lang(0); l < numLangs; l++ {
		if ls.counts[l] > ls.counts[best] {
			best = l
		}
	}
	return best
}

// measure fills the features of one line that do not depend on the
// page's language, and counts its function words for every language in
// counts (saturating: lines of more than 65535 function words are recounted by
// setLang).
func measure(s string, sw *stopWords, counts *[numLangs]uint16) feat {
	var f feat
	var buf [maxWordBytes]byte
	*counts = [numLangs]uint16{}
	var cjkRunes int32
	prevEnd := false
	word := -1 // start of the current word, -1 between words
	// runs counts the runs of ASCII letters and digits of the current
	// word, the last of which is s[runStart:runEnd]; ascii says the word
	// has no other byte above 0x7F. A word of one run and ASCII
	// punctuation ("said,", "(the") is that run to addPlain.
	runs, runStart, runEnd := 0, 0, 0
	ascii := true
	var guillemets guillemetSeen
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiAlnum(c) {
				if word < 0 && i+8 <= len(s) {
					// Most of a line of prose is words of
					// ASCII letters and digits with a space
					// or , . and a space after them: counted
					// in a loop of their own that keeps only
					// what it needs in registers.
					next, end := f.plainWords(s, i, prevEnd, sw, counts)
					if next > i {
						i, prevEnd = next, end
						continue
					}
				}
				// Letters and digits, most of any line, only end a
				// sentence-end run.
				j := alnumRunEnd(s, i+1)
				if word < 0 {
					if j == len(s) || s[j] == ' ' || s[j] == '\t' {
						// A bare word: counted here with the
						// space after it.
						f.runes += int32(j - i)
						prevEnd = false
						f.addPlain(s, i, i, j, sw, counts)
						if j < len(s) {
							f.runes++
							j++
						}
						i = j
						continue
					}
					if next, end, ok := f.punctSpace(s, j); ok {
						f.runes += int32(j - i)
						f.addPlain(s, i, i, j, sw, counts)
						prevEnd = end
						i = next
						continue
					}
				}
				f.runes += int32(j - i)
				prevEnd = false
				if word < 0 {
					word, runs, ascii = i, 0, true
				}
				runs++
				runStart, runEnd = i, j
				i = j
				continue
			}
			if c == ' ' || c == '\t' {
				if word >= 0 {
					f.endWord(s, word, i, runs == 1 && ascii, runStart, runEnd, sw, counts, &buf)
					word = -1
				}
				f.runes++
				if prevEnd && c == ' ' && i > 0 {
					f.sentences++
				}
				prevEnd = false
				i++
				continue
			}
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
			ascii = false
		}
		if word < 0 {
			word, runs, ascii = i, 0, c < utf8.RuneSelf
		}
		f.runes++
		switch r {
		case ',', ';', '，', '、':
			f.commas++
		case '|', '·', '•':
			if i > 0 {
				f.separator = true
			}
		case '»', '›':
			if i > 0 {
				guillemets |= closing(r)
			}
		case '«', '‹':
			guillemets |= opening(r)
		case ':':
			// "://" and "www." mark a URL; every ':' and '.' of the
			// line passes here.
			if i+2 < len(s) && s[i+1] == '/' && s[i+2] == '/' {
				f.url = true
			}
		case '.':
			if i >= 3 && s[i-3] == 'w' && s[i-2] == 'w' && s[i-1] == 'w' {
				f.url = true
			}
		}
		if IsCJK(r) {
			cjkRunes++
			if unicode.Is(unicode.Hiragana, r) {
				f.kana++
			}
		}
		if isSentenceEnd(r) {
			prevEnd = true
			i += size
			continue
		}
		if prevEnd && r >= 0x3000 && i > 0 {
			f.sentences++
		}
		if !isClosing(r) {
			prevEnd = false
		}
		i += size
	}
	if word >= 0 {
		f.endWord(s, word, len(s), runs == 1 && ascii, runStart, runEnd, sw, counts, &buf)
	}
	f.separator = f.separator || guillemets.separator(len(s))
	f.finishLine(s, prevEnd, cjkRunes)
	return f
}

// guillemetSeen records which guillemets a line holds: closing ones (»,
// ›) after its first byte, opening ones («, ‹).
type guillemetSeen uint8

const (
	closeDouble guillemetSeen = 1 << iota
	closeSingle
	openDouble
	openSingle
)

func closing(r rune) guillemetSeen {
	if r == '»' {
		return closeDouble
	}
	return closeSingle
}

func opening(r rune) guillemetSeen {
	if r == '«' {
		return openDouble
	}
	return openSingle
}

// separator reports whether the line's » or › separates menu entries or
// breadcrumb steps ("Home » News"). Guillemets also quote in German,
// French, Swiss, Russian or Arabic prose («Tatort», »Tatort«, ‹so›): in a
// paragraph that holds the opening partner they are quotation marks. A
// short line with them is still flagged: breadcrumbs and teaser lists are
// short.
func (g guillemetSeen) separator(n int) bool {
	if n < minQuoteProse {
		return g&(closeDouble|closeSingle) != 0
	}
	return g&closeDouble != 0 && g&openDouble == 0 || g&closeSingle != 0 && g&openSingle == 0
}

// plainWords counts the words at s[i:] that are a run of ASCII letters
// and digits followed by a space or a tab, or by punctSpace's marks, as
// measure's loop would, word after word, starting between words with
// prevEnd pending. It stops at anything else, or within eight bytes of
// the end of s, and returns where it stopped and the prevEnd measure's
// loop would have there: i and prevEnd unchanged when it counted nothing.
func (f *feat) plainWords(s string, i int, prevEnd bool, sw *stopWords, counts *[numLangs]uint16) (int, bool) {
	for i+8 <= len(s) {
		x := load64(s, i)
		other := ^asciiAlnum8(x) & bytes80
		if other&0x80 != 0 {
			break // s[i] is no letter or digit
		}
		c := byte(x)
		if other == 0 {
			j := alnumRunEnd(s, i+8)
			if j == len(s) || s[j] == ' ' || s[j] == '\t' {
				f.runes += int32(j - i)
				f.addLong(s, i, j, x, sw, counts)
				prevEnd = false
				if j < len(s) {
					f.runes++
					j++
				}
				i = j
				continue
			}
			next, end, ok := f.punctSpace(s, j)
			if !ok {
				break
			}
			f.runes += int32(j - i)
			f.addLong(s, i, j, x, sw, counts)
			prevEnd = end
			i = next
			continue
		}
		n := bits.TrailingZeros64(other) / 8
		j := i + n
		key := (x | bytes20) & (1<<(8*n) - 1)
		// s[j], the byte after the word, is in x already.
		if t := byte(x >> (8 * n)); t != ' ' && t != '\t' {
			next, end, ok := f.punctSpace(s, j)
			if !ok {
				break
			}
			f.runes += int32(n)
			f.addBare(c, n, key, sw, counts)
			prevEnd = end
			i = next
			continue
		}
		f.runes += int32(n) + 1
		if f.countPlain(c, n, sw) {
			if m := sw.lookupPacked(key); m != 0 {
				countLangs(counts, m)
			}
		}
		prevEnd = false
		i = j + 1
	}
	return i, prevEnd
}

// punctSpace counts the usual end of a word of prose, one of , ; : . ! ?
// at s[j] with a space or the end of the line after it, as measure's
// loop would: the mark and the space are characters, a comma or a
// semicolon a comma, "www." a URL, a sentence end followed by a space a
// sentence. It returns where to go on, whether a sentence end is pending
// (the line ends with it), and false, having counted nothing, when s[j:]
// is no such end.
func (f *feat) punctSpace(s string, j int) (next int, end, ok bool) {
	if j >= len(s) || (j+1 < len(s) && s[j+1] != ' ') {
		return 0, false, false
	}
	sentence := false
	switch s[j] {
	case ',', ';':
		f.commas++
	case '.':
		if j >= 3 && s[j-3] == 'w' && s[j-2] == 'w' && s[j-1] == 'w' {
			f.url = true
		}
		sentence = true
	case '!', '?':
		sentence = true
	case ':':
	default:
		return 0, false, false
	}
	if j+1 == len(s) {
		f.runes++
		return j + 1, sentence, true
	}
	f.runes += 2
	if sentence {
		f.sentences++
	}
	return j + 2, false, true
}

// endWord counts the word s[word:end]. oneRun says it is the run of ASCII
// letters and digits s[runStart:runEnd] with only ASCII punctuation
// around it, which is what addWord would trim it to.
func (f *feat) endWord(s string, word, end int, oneRun bool, runStart, runEnd int, sw *stopWords, c *[numLangs]uint16, buf *[maxWordBytes]byte) {
	if oneRun {
		f.addPlain(s, word, runStart, runEnd, sw, c)
		return
	}
	f.addWord(s[word:end], false, sw, c, buf)
}

// addPlain is addWord for a word starting at s[word] whose letters and
// digits are s[runStart:runEnd], with ASCII punctuation around them.
func (f *feat) addPlain(s string, word, runStart, runEnd int, sw *stopWords, c *[numLangs]uint16) {
	n := runEnd - runStart
	if !f.countPlain(s[word], n, sw) {
		return
	}
	if n <= 8 {
		countLangs(c, sw.lookupPacked(packWord(s, runStart, n)))
		return
	}
	countLangs(c, sw.lookupLong(s[runStart:runEnd]))
}

// countPlain counts the shape of a word of n ASCII letters and digits
// whose first byte is c0, and reports whether it may be a function word
// (short enough for the stop-word tables).
func (f *feat) countPlain(c0 byte, n int, sw *stopWords) bool {
	f.words++
	switch {
	case 'A' <= c0 && c0 <= 'Z':
		f.upperInit++
	case '0' <= c0 && c0 <= '9':
		f.digits++
	}
	if n > maxWordBytes {
		return false
	}
	f.lowered++
	return n <= sw.maxPlain
}

// addLong is addPlain for a word s[i:j] of eight or more ASCII letters
// and digits, x its first eight bytes as load64 reads them.
func (f *feat) addLong(s string, i, j int, x uint64, sw *stopWords, c *[numLangs]uint16) {
	n := j - i
	if !f.countPlain(byte(x), n, sw) {
		return
	}
	if n == 8 {
		// packWord's key of eight letters and digits.
		countLangs(c, sw.lookupPacked(x|bytes20))
		return
	}
	countLangs(c, sw.lookupLong(s[i:j]))
}

// addBare is addPlain for a word of n <= 8 ASCII letters and digits,
// c0 its first byte, packed as packWord packs it.
func (f *feat) addBare(c0 byte, n int, key uint64, sw *stopWords, c *[numLangs]uint16) {
	if f.countPlain(c0, n, sw) {
		countLangs(c, sw.lookupPacked(key))
	}
}

// countLangs counts one function word in each language of m.
func countLangs(c *[numLangs]uint16, m uint16) {
	for ; m != 0; m &= m - 1 {
		l := bits.TrailingZeros16(m)
		if c[l] < math.MaxUint16 {
			c[l]++
		}
	}
}

// addWord counts word w of a line: its shape, and the languages it is a
// function word of. plain says w is ASCII letters and digits only.
func (f *feat) addWord(w string, plain bool, sw *stopWords, c *[numLangs]uint16, buf *[maxWordBytes]byte) {
	f.words++
	switch c0 := w[0]; {
	case 'A' <= c0 && c0 <= 'Z':
		f.upperInit++
	case '0' <= c0 && c0 <= '9':
		f.digits++
	case c0 >= utf8.RuneSelf:
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			f.upperInit++
		}
	}
	if !plain {
		// Most other words are plain ones with ASCII punctuation
		// around them: "said,", "(the".
		a, b := 0, len(w)
		for a < b && w[a] < utf8.RuneSelf && !asciiAlnum(w[a]) {
			a++
		}
		for b > a && w[b-1] < utf8.RuneSelf && !asciiAlnum(w[b-1]) {
			b--
		}
		plain = a < b
		for k := a; k < b && plain; k++ {
			plain = w[k] < utf8.RuneSelf && asciiAlnum(w[k])
		}
		if plain {
			w = w[a:b]
		}
	}
	var m uint16
	if plain {
		if len(w) > maxWordBytes {
			return
		}
		f.lowered++
		if len(w) > maxStopBytes {
			return
		}
		// Hash the lowercased word; copy it only when it has a
		// capital (most words have none).
		h := uint32(fnvOffset)
		upper := false
		for i := 0; i < len(w); i++ {
			b := w[i]
			if b-'A' < 26 {
				b += 'a' - 'A'
				upper = true
			}
			h = (h ^ uint32(b)) * fnvPrime
		}
		if upper {
			for i := 0; i < len(w); i++ {
				b := w[i]
				if b-'A' < 26 {
					b += 'a' - 'A'
				}
				buf[i] = b
			}
			m = sw.lookupHash(buf[:len(w)], h)
		} else {
			m = sw.lookupString(w, h)
		}
	} else {
		lw := lowerWord(buf, w)
		if lw == nil {
			return
		}
		f.lowered++
		if lw[0] >= utf8.RuneSelf {
			if r, _ := utf8.DecodeRune(lw); unicode.Is(unicode.Hangul, r) {
				f.hangul++
			}
		}
		if lw[len(lw)-1] >= utf8.RuneSelf && koreanParticleEnd(lw) {
			f.koStops++
		}
		m = sw.lookup(lw)
	}
	for ; m != 0; m &= m - 1 {
		l := bits.TrailingZeros16(m)
		if c[l] < math.MaxUint16 {
			c[l]++
		}
	}
}

// setLang completes f with the function words of the page's language:
// their count and density, and how much the line weighs in the run.
func (f *feat) setLang(s string, lg lang, sw *stopWords, c *[numLangs]uint16) {
	switch {
	case lg == langKO:
		f.stops = f.koStops
	case c[lg] == math.MaxUint16:
		f.stops = int32(countStops(s, lg, sw))
	default:
		f.stops = int32(c[lg])
	}
	f.density = 0
	if f.words > 0 {
		f.density = float64(f.stops) / float64(f.words)
	}
	if f.cjk && f.words < f.runes/8 {
		// Japanese and Chinese prose has no spaces: count about two
		// characters a word, and let the hiragana share stand in for
		// function-word density (menus are kanji and katakana).
		f.words = f.runes / 2
		f.density = min(1, 2*float64(f.kana)/float64(f.runes))
	}
	f.weight = float64(f.words)
}

// countStops counts the function words of language lg in s without a
// bound, for the rare line too long for measure's counters.
func countStops(s string, lg lang, sw *stopWords) int {
	var buf [maxWordBytes]byte
	n := 0
	for i := 0; i < len(s); {
		var w string
		w, i = nextWord(s, i)
		if w == "" {
			break
		}
		if lw := lowerWord(&buf, w); lw != nil && sw.lookup(lw)&(1<<lg) != 0 {
			n++
		}
	}
	return n
}

// finishLine sets what measure knows only at the end of line s: whether
// it ends a sentence (prevEnd), is mostly CJK, holds only numbers, is a
// bullet, or ends in a colon.
func (f *feat) finishLine(s string, prevEnd bool, cjkRunes int32) {
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
	}
}
