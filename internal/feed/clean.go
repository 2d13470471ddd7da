package feed

import (
	"strings"
	"unicode/utf8"
)

// keepRune reports whether r may appear in a feed. XML 1.0's Char production
// rules out most C0 controls and U+FFFE/U+FFFF; C1 controls, DEL,
// noncharacters and U+FFFD are legal but make the W3C validator warn and
// readers show garbage, so they go too.
func keepRune(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return true
	case r < 0x20:
		return false
	case r >= 0x7f && r <= 0x9f:
		return false
	case r >= 0xd800 && r <= 0xdfff:
		return false
	case r >= 0xfdd0 && r <= 0xfdef:
		return false
	case r&0xfffe == 0xfffe: // U+xFFFE and U+xFFFF in every plane
		return false
	case r == utf8.RuneError:
		return false
	}
	return r <= utf8.MaxRune
}

// cleanText removes invalid UTF-8 and every rune keepRune rejects, and
// turns CR and CRLF into LF (XML parsers would do so anyway, and this keeps
// the bytes the same whichever line ending the source used).
func cleanText(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r == '\r' {
			if i < len(s) && s[i] == '\n' {
				continue
			}
			r = '\n'
		}
		if r == utf8.RuneError && size == 1 || !keepRune(r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isClean(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f || c == '\n' || c == '\t' {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || !keepRune(r) {
			return false
		}
		i += size
	}
	return true
}

// cleanLine is cleanText for one-line values (titles, names, tags):
// whitespace runs become one space and the ends are trimmed.
func cleanLine(s string) string {
	return strings.Join(strings.Fields(cleanText(s)), " ")
}
