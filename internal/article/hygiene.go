package article

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/bits"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// cleanInput turns raw file bytes into text every later stage can trust:
// valid UTF-8, LF line ends, no BOM, and only characters XML 1.0 allows
// (feeds are XML, so one stray control character would break every reader).
func cleanInput(data []byte) (string, []string, error) {
	var warns []string
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		// UTF-16 text is full of NUL bytes, so it must be decoded before
		// the binary check would reject it.
		dec := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()
		out, err := dec.Bytes(data)
		if err != nil {
			return "", nil, fmt.Errorf("%w: UTF-16 byte order mark but undecodable text: %v", ErrInvalidUTF8, err)
		}
		data = bytes.TrimPrefix(out, []byte{0xEF, 0xBB, 0xBF})
		warns = append(warns, "decoded UTF-16 text")
	}
	if plainText(data) {
		// Most files need nothing else from this function: one pass
		// over the bytes has proved every later check would pass.
		if s := string(data); strings.TrimSpace(s) != "" {
			return s, warns, nil
		}
		return "", nil, fmt.Errorf("%w: only whitespace (%d bytes)", ErrEmpty, len(data))
	}
	if err := checkBinary(data); err != nil {
		return "", nil, err
	}
	var s string
	if utf8.Valid(data) {
		s = string(data)
	} else {
		dec, w, err := decodeLegacy(data)
		if err != nil {
			return "", nil, err
		}
		s = dec
		warns = append(warns, w)
	}
	s, removed := normalizeChars(s)
	if removed > 0 {
		warns = append(warns, fmt.Sprintf("removed %d control or non-XML character(s)", removed))
	}
	if strings.TrimSpace(s) == "" {
		return "", nil, fmt.Errorf("%w: only whitespace (%d bytes)", ErrEmpty, len(data))
	}
	return s, warns, nil
}

// Masks for testing eight bytes at once: every byte 0x01, 0x20 or 0x80.
const (
	bytes01 = 0x0101010101010101
	bytes20 = 0x2020202020202020
	bytes80 = 0x8080808080808080
)

// plainText reports whether data is valid UTF-8 holding no NUL, no control
// character but tab and LF, and no character normalizeChars would drop or
// replace: text the later checks would all pass unchanged. Runs of
// printable ASCII, most of any article, are tested eight bytes at a time,
// and a word that fails the test says which of its bytes to look at: the
// line feeds ending paragraphs no longer send eight tests over each.
func plainText(data []byte) bool {
	for i := 0; i < len(data); {
		// Sixteen bytes a step while they last, the two halves tested
		// with one branch, then eight.
		for i+16 <= len(data) {
			m0 := flagged8(binary.LittleEndian.Uint64(data[i:]))
			m1 := flagged8(binary.LittleEndian.Uint64(data[i+8:]))
			if m0|m1 != 0 {
				if m0 != 0 {
					i += bits.TrailingZeros64(m0) / 8
				} else {
					i += 8 + bits.TrailingZeros64(m1)/8
				}
				goto slow
			}
			i += 16
		}
		for i+8 <= len(data) {
			if m := flagged8(binary.LittleEndian.Uint64(data[i:])); m != 0 {
				i += bits.TrailingZeros64(m) / 8
				break
			}
			i += 8
		}
	slow:
		if i >= len(data) {
			break
		}
		c := data[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\t' && c != '\n') || c == 0x7F {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == '\u2028' || r == '\u2029' || !xmlRune(r) {
			return false // RuneError included: invalid UTF-8 lands here
		}
		i += size
	}
	return true
}

// flagged8 has the high bit set of the first byte of x (in memory order)
// that plainText must look at, and 0 when there is none; bits above the
// first may be set too, wrongly. The high bit is set in a byte with its
// own high bit set, at 0x7F (adding one sets it) or below 0x20
// (subtracting 0x20 borrows). A carry or borrow moves upward only, from
// such a byte: the lowest flag is exact.
func flagged8(x uint64) uint64 {
	return (x | (x + bytes01) | (x-bytes20)&^x) & bytes80
}

// checkBinary rejects data no person wrote as text: any NUL byte, or a share
// of C0 control bytes that no scrape, however messy, contains.
func checkBinary(data []byte) error {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return fmt.Errorf("%w: NUL byte at offset %d", ErrBinary, i)
	}
	ctrl := 0
	for _, c := range data {
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7F {
			ctrl++
		}
	}
	if ctrl > 0 && ctrl*20 > len(data) {
		return fmt.Errorf("%w: %d of %d bytes are control characters", ErrBinary, ctrl, len(data))
	}
	return nil
}

// decodeLegacy reads invalid UTF-8 as Windows-1252 when that is plausible:
// every byte that is not UTF-8 is defined in Windows-1252 and the text is
// still mostly ASCII letters, as Western text in that encoding is. A file
// that is mostly UTF-8 with a few stray bytes (pasted from an old editor)
// keeps its UTF-8 and has only the stray bytes decoded.
func decodeLegacy(data []byte) (string, string, error) {
	multi, bad, letters := 0, 0, 0
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			if c|0x20 >= 'a' && c|0x20 <= 'z' {
				letters++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			if charmap.Windows1252.DecodeByte(c) == utf8.RuneError {
				return "", "", fmt.Errorf("%w: byte 0x%02X at offset %d is neither UTF-8 nor Windows-1252", ErrInvalidUTF8, c, i)
			}
			bad++
		} else {
			multi++
		}
		i += size
	}
	if bad*4 > letters {
		return "", "", fmt.Errorf("%w: %d invalid bytes against %d ASCII letters: not Western text in a known encoding", ErrInvalidUTF8, bad, letters)
	}
	var b strings.Builder
	b.Grow(len(data) + bad*2)
	if multi > bad {
		for i := 0; i < len(data); {
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size == 1 {
				r = charmap.Windows1252.DecodeByte(data[i])
			}
			b.WriteRune(r)
			i += size
		}
		return b.String(), fmt.Sprintf("decoded %d stray byte(s) as Windows-1252 in otherwise UTF-8 text", bad), nil
	}
	for _, c := range data {
		b.WriteRune(charmap.Windows1252.DecodeByte(c))
	}
	return b.String(), "decoded Windows-1252 text (the file is not UTF-8)", nil
}

// normalizeChars makes line ends LF and drops characters outside XML 1.0's
// Char production, C1 controls, DEL, U+FFFD and the non-characters
// U+FFFE/U+FFFF. Form feed and the Unicode line and paragraph separators
// become line breaks and a vertical tab a space, rather than vanishing, so
// that words on either side of them stay apart. It returns how many characters it
// dropped or replaced (CR aside).
func normalizeChars(s string) (string, int) {
	if clean(s) {
		return s, 0
	}
	var b strings.Builder
	b.Grow(len(s))
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\r':
				if i+1 >= len(s) || s[i+1] != '\n' {
					b.WriteByte('\n')
				}
			case c == '\f':
				b.WriteByte('\n')
				n++
			case c == '\v':
				// Word processors write a line break inside a
				// paragraph as a vertical tab.
				b.WriteByte(' ')
				n++
			case c == '\t' || c == '\n' || (c >= 0x20 && c != 0x7F):
				b.WriteByte(c)
			default:
				n++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\u2028' || r == '\u2029':
			b.WriteByte('\n')
			n++
		case !xmlRune(r):
			n++
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String(), n
}

// clean reports whether normalizeChars would leave s as it is; most input
// is, and then it costs no allocation.
func clean(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\t' && c != '\n') || c == 0x7F {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '\u2028' || r == '\u2029' || !xmlRune(r) {
			return false
		}
		i += size
	}
	return true
}

// xmlRune reports whether a non-ASCII rune may appear in the output.
func xmlRune(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9F: // C1 controls
		return false
	case r >= 0xD800 && r <= 0xDFFF:
		return false
	case r == utf8.RuneError, r == 0xFFFE, r == 0xFFFF:
		return false
	case r > 0x10FFFF:
		return false
	}
	return true
}

// scrubString drops what XML forbids from a string that came from a parser
// (HTML and Markdown entities such as "&#1;" can produce such characters
// after input hygiene has run).
func scrubString(s string) string {
	if clean(s) {
		return s
	}
	out, _ := normalizeChars(s)
	return out
}
