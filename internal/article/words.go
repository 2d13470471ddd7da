package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Header lines are read with many small word tests. These helpers give
// what strings.Fields and strings.ToLower give without building a slice
// or a string, so that reading a header allocates next to nothing.

// fieldCount is len(strings.Fields(s)).
func fieldCount(s string) int {
	n := 0
	for range strings.FieldsSeq(s) {
		n++
	}
	return n
}

// lowerBytes returns strings.ToLower(s) as bytes. An s that fits in
// buf, nearly every word and label, is lowercased into buf; comparing or
// switching on string(lowerBytes(...)) then allocates nothing. Outside
// ASCII it lowers rune by rune as strings.ToLower does (an invalid byte
// becomes U+FFFD), so that a word with an accent or a curly apostrophe
// is not copied to the heap either.
func lowerBytes(buf []byte, s string) []byte {
	if len(s) > len(buf) {
		return []byte(strings.ToLower(s))
	}
	b := buf[:len(s)]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return lowerRunes(b[:i], s[i:])
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return b
}

// lowerRunes appends strings.ToLower(s) to b.
func lowerRunes(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		b = utf8.AppendRune(b, unicode.ToLower(r))
		i += size
	}
	return b
}

// span is a field of a string as byte offsets.
type span struct{ start, end int }

// fieldSpans appends to out where each of strings.Fields(s) lies in s.
func fieldSpans(s string, out []span) []span {
	start := -1
	for i, r := range s {
		if unicode.IsSpace(r) {
			if start >= 0 {
				out = append(out, span{start, i})
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, span{start, len(s)})
	}
	return out
}

// joinFields is strings.Join of the fields of s at spans, with single
// spaces. Where s already has them so, it is a piece of s.
func joinFields(s string, spans []span) string {
	if len(spans) == 0 {
		return ""
	}
	single := true
	for k := 1; k < len(spans) && single; k++ {
		single = spans[k].start == spans[k-1].end+1 && s[spans[k-1].end] == ' '
	}
	if single {
		return s[spans[0].start:spans[len(spans)-1].end]
	}
	var b strings.Builder
	for k, sp := range spans {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s[sp.start:sp.end])
	}
	return b.String()
}
