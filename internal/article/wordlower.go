package article

import (
	"strings"
	"unicode"
)

// trimBytesIn is bytes.Trim(b, set) for a set of ASCII bytes, without
// building the set's table on every call: the word predicates trim a few
// punctuation marks off every word they are asked about.
func trimBytesIn(b []byte, set string) []byte {
	for len(b) > 0 && strings.IndexByte(set, b[0]) >= 0 {
		b = b[1:]
	}
	for len(b) > 0 && strings.IndexByte(set, b[len(b)-1]) >= 0 {
		b = b[:len(b)-1]
	}
	return b
}

// notSpace is the negation of unicode.IsSpace, for strings.IndexFunc.
func notSpace(r rune) bool {
	return !unicode.IsSpace(r)
}
