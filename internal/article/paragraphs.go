package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// splitParagraphs cuts plain text into trimmed paragraphs. Blank lines
// separate paragraphs; inside a block of consecutive lines, each line is
// its own paragraph (scrapes put one element per line) unless the block
// reads as one paragraph hard-wrapped at a fixed width, which is joined.
func splitParagraphs(s string) []string {
	out := make([]string, 0, strings.Count(s, "\n")/2+1)
	// A block is a handful of lines: room for a usual one on the stack.
	var blockBuf [16]string
	block := blockBuf[:0]
	flush := func() {
		if len(block) > 1 && hardWrapped(block) {
			out = append(out, strings.Join(block, " "))
		} else {
			out = append(out, block...)
		}
		block = block[:0]
	}
	for len(s) > 0 {
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		line = strings.TrimSpace(line)
		if line == "" {
			flush()
			continue
		}
		block = append(block, line)
	}
	flush()
	return out
}

// Hard-wrap widths: text editors and mail clients wrap between about 60
// and 80 columns; allow some slack either side.
const (
	wrapMin    = 25
	wrapMax    = 100
	wrapSpread = 45
)

// hardWrapped reports whether the lines of a block are one paragraph
// broken at a fixed width: every line but the last is of similar, moderate
// length, none is a list item, and the breaks fall mid-sentence.
func hardWrapped(lines []string) bool {
	lo, hi := wrapMax, 0
	midSentence := false
	for i, l := range lines {
		if listItem(l) {
			return false
		}
		if i == len(lines)-1 {
			break
		}
		n := utf8.RuneCountInString(l)
		if n < wrapMin || n > wrapMax {
			return false
		}
		lo, hi = min(lo, n), max(hi, n)
		last, _ := utf8.DecodeLastRuneInString(l)
		if !strings.ContainsRune(".!?:;\"”’)", last) {
			midSentence = true
		}
		next, _ := utf8.DecodeRuneInString(lines[i+1])
		if unicode.IsLower(next) {
			midSentence = true
		}
	}
	if utf8.RuneCountInString(lines[len(lines)-1]) > hi+10 || hi-lo > wrapSpread || !midSentence {
		return false
	}
	// Two lines are one paragraph when the break falls inside a sentence
	// that goes on in lower case, or the first is as long as a wrapped
	// line: a shorter line over a capital is a title over its standfirst
	// or its byline.
	if len(lines) == 2 && hi < wrapLine {
		if next, _ := utf8.DecodeRuneInString(lines[1]); !unicode.IsLower(next) {
			return false
		}
	}
	// A writer's header lines are no wrapped text: a byline or a date
	// line under the title.
	for _, l := range lines[1:] {
		if factLine(l) {
			return false
		}
	}
	// Nor is one typed in lower case ("by jane roe") under a line that
	// ends no sentence.
	if last, _ := utf8.DecodeLastRuneInString(lines[0]); len(lines) == 2 && !strings.ContainsRune(".!?:;", last) {
		if _, ok := lowerBylineNames(lines[1]); ok {
			return false
		}
	}
	return true
}

// wrapLine is the least length in characters of the first of two lines
// that are one paragraph whatever the second starts with.
const wrapLine = 60

// listItem reports whether a line starts with a bullet or an item number.
func listItem(l string) bool {
	r, size := utf8.DecodeRuneInString(l)
	switch r {
	case '-', '*', '+', '•', '·', '–', '—', '▪', '►', '>', '|':
		return len(l) == size || l[size] == ' '
	}
	i := 0
	for i < len(l) && i < 3 && l[i] >= '0' && l[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(l) && (l[i] == '.' || l[i] == ')') && l[i+1] == ' '
}
