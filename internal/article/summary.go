package article

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Summary lengths, in characters: the target, and how far past it a
// sentence may run before it is cut mid-sentence instead.
const (
	summaryTarget = 300
	summaryMin    = 120
	summaryMax    = 360
)

// summarize returns the first paragraph as a summary: whole when short,
// else cut at the sentence end nearest the target, else at a word boundary
// with an ellipsis (the only case that gets one).
func summarize(p string) string {
	p = collapseSpaces(p)
	if len(p) <= summaryTarget {
		return p
	}
	// The first summaryMax characters of a paragraph are nearly always
	// ASCII: then they are its first bytes, and only an ASCII mark can
	// end a sentence among them. Nothing is decoded rune by rune.
	head := min(len(p), summaryMax)
	ascii := asciiPrefix(p, head) == head
	if !ascii && utf8.RuneCountInString(p) <= summaryTarget {
		return p
	}
	pick := sentencePick{best: -1, dist: 1 << 30}
	if ascii {
		for i := range head {
			switch c := p[i]; c {
			case '.', '!', '?':
				pick.consider(p, i, i+1, rune(c))
			}
		}
	} else {
		chars := 0
		for i, r := range p {
			chars++
			if chars > summaryMax {
				break
			}
			switch r {
			case '.', '!', '?', '。', '！', '？':
				pick.consider(p, i, chars, r)
			}
		}
	}
	best := pick.best
	if best > 0 {
		return strings.TrimSpace(p[:best])
	}
	// No sentence ends in reach: cut at the last space before the target,
	// or at the target itself in text without spaces (CJK).
	cut, n, hard := 0, 0, len(p)
	for i, r := range p {
		if n == summaryTarget-1 {
			hard = i
			break
		}
		if r == ' ' {
			cut = i
		}
		n++
	}
	if cut == 0 {
		cut = hard
	}
	return strings.TrimRightFunc(p[:cut], func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) }) + "…"
}

// sentencePick keeps the sentence end nearest the summary target.
type sentencePick struct {
	best, dist int
}

// consider weighs the mark r at p[i], the chars-th character.
func (sp *sentencePick) consider(p string, i, chars int, r rune) {
	if !sentenceEnd(p, i, r) || chars < summaryMin {
		return
	}
	d := chars - summaryTarget
	if d < 0 {
		d = -d
	}
	if d < sp.dist {
		sp.best, sp.dist = skipClosers(p, i+utf8.RuneLen(r)), d
	}
}

// asciiPrefix returns how many of the first n bytes of s are ASCII before
// the first that is not, eight at a time.
func asciiPrefix(s string, n int) int {
	i := 0
	for ; i+8 <= n; i += 8 {
		if m := load64(s, i) & bytes80; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for i < n && s[i] < utf8.RuneSelf {
		i++
	}
	return i
}

// sentenceEnd reports whether the rune at i ends a sentence: terminal
// punctuation followed by a space (or a closing quote then a space) and not
// after an abbreviation or an initial ("U.S.", "Mr.", "J. Smith").
func sentenceEnd(p string, i int, r rune) bool {
	switch r {
	case '。', '！', '？':
		return true
	case '.', '!', '?':
	default:
		return false
	}
	end := skipClosers(p, i+1)
	if end < len(p) && p[end] != ' ' {
		return false
	}
	if r != '.' {
		return true
	}
	w := p[:i]
	if j := strings.LastIndexAny(w, " (“\"'‘"); j >= 0 {
		w = w[j+1:]
	}
	if utf8.RuneCountInString(w) <= 1 || strings.Contains(w, ".") {
		return false
	}
	var buf [32]byte
	switch string(lowerBytes(buf[:], w)) {
	case "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "gen", "gov", "sen", "rep", "lt", "col", "capt",
		"no", "vs", "etc", "inc", "co", "corp", "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
		"sep", "sept", "oct", "nov", "dec", "approx", "dept", "est", "fig", "mt", "ft":
		return false
	}
	return true
}

// collapseSpaces is strings.Join(strings.Fields(p), " "): p itself when
// its words are already apart by single spaces, as nearly every
// paragraph's are. Eight bytes of printable ASCII without two spaces in a
// row are passed over at once.
func collapseSpaces(p string) string {
	if p == "" || p[0] == ' ' || p[len(p)-1] == ' ' {
		return strings.Join(strings.Fields(p), " ")
	}
	prevSpace := false
	for i := 0; i < len(p); i++ {
		for i+8 <= len(p) {
			x := load64(p, i)
			// Each mask has the high bit of every byte that is a
			// space (below 0x20), and may have it on a byte above
			// one; that only sends the word to the byte loop.
			y := x ^ bytes20
			spaces := (y - bytes01) &^ y & bytes80
			low := (x - bytes20) &^ x & bytes80
			if x&bytes80 != 0 || low != 0 || spaces&(spaces<<8) != 0 || prevSpace && byte(x) == ' ' {
				break
			}
			prevSpace = byte(x>>56) == ' '
			i += 8
		}
		if i >= len(p) {
			break
		}
		c := p[i]
		switch {
		case c == ' ':
			if prevSpace {
				return strings.Join(strings.Fields(p), " ")
			}
			prevSpace = true
			continue
		case c < utf8.RuneSelf:
			if c-'\t' < 5 {
				return strings.Join(strings.Fields(p), " ")
			}
		default:
			r, size := utf8.DecodeRuneInString(p[i:])
			if unicode.IsSpace(r) {
				return strings.Join(strings.Fields(p), " ")
			}
			i += size - 1
		}
		prevSpace = false
	}
	return p
}

func skipClosers(p string, j int) int {
	for j < len(p) {
		r, size := utf8.DecodeRuneInString(p[j:])
		switch r {
		case '"', '\'', '”', '’', ')', '»':
			j += size
			continue
		}
		break
	}
	return j
}
