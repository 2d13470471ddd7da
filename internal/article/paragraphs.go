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
		if line[0] == '#' || line[0] == '=' {
			line = headingText(line)
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

// ruleLine reports a line drawn with one mark ("=====", "-----", "* * *",
// "~~~~"): a plain-text writer's underline under a title or heading
// (Markdown's and reStructuredText's setext style) or a rule between
// parts. It has no words to publish, but the classifier reads a page's
// parts by it, so it leaves the body only once the body is known.
func ruleLine(line string) bool {
	return markLine(line, "=-~^*_+#.", true)
}

// markLine reports a line of one of marks repeated three times or more,
// with spaces between them when spaced: the shape of ruleLine's rules
// and of reST's adornments (rstAdornment).
func markLine(line, marks string, spaced bool) bool {
	if len(line) < 3 || !strings.ContainsRune(marks, rune(line[0])) {
		return false
	}
	c, n := line[0], 0
	for i := 0; i < len(line); i++ {
		switch {
		case line[i] == c:
			n++
		case spaced && (line[i] == ' ' || line[i] == '\t'):
		default:
			return false
		}
	}
	return n >= 3
}

// headingText is a line without the marks a plain-text writer sets a
// heading with, as Markdown ("## The cottage ##") and AsciiDoc ("== The
// cottage") do: one to six "#" or "=" and a space before a short text.
// Anything else ("#harbour", "= 42", a long "# comment" of scraped code)
// stays as written.
func headingText(line string) string {
	if len(line) > maxHeadingBytes {
		return line
	}
	c := line[0]
	n := 0
	for n < len(line) && line[n] == c {
		n++
	}
	if n > 6 || n >= len(line) || line[n] != ' ' {
		return line
	}
	text := strings.TrimSpace(line[n:])
	if c == '#' {
		text = strings.TrimSpace(strings.TrimRight(text, "#"))
	}
	// After "=" only a letter: "= 42" is a sum's end, not a title.
	r, _ := utf8.DecodeRuneInString(text)
	if text == "" || !unicode.IsLetter(r) && (c == '=' || !unicode.IsDigit(r) && !strings.ContainsRune("\"“'‘«", r)) {
		return line
	}
	return text
}

// maxHeadingBytes bounds a line headingText reads as a heading.
const maxHeadingBytes = 100

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
