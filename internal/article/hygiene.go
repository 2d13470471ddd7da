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
// html says the bytes are an HTML page, whose <meta> may declare a legacy
// encoding (decodeDeclared).
func cleanInput(data []byte, html bool) (string, []string, error) {
	var warns []string
	// A byte order mark says the encoding louder than an HTML page's
	// <meta>.
	bom := true
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
		data = out
		warns = append(warns, "decoded UTF-16 text")
	default:
		bom = false
	}
	// A file saved twice by a careless editor carries two marks; the
	// second would otherwise survive as a leading U+FEFF.
	for bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) {
		data = data[3:]
	}
	if name := binarySignature(data); name != "" {
		return "", nil, fmt.Errorf("%w: %s signature%s", ErrBinary, name, signatureHints[name])
	}
	if name := markupSignature(data); name != "" {
		return "", nil, fmt.Errorf("%w: %s", ErrFormat, name)
	}
	if plainText(data) && !mayBeMojibake(data) {
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
	s, legacy := string(data), false
	if !utf8.Valid(data) {
		var w string
		ok := false
		if html && !bom {
			s, w, ok = decodeDeclared(data)
			legacy = ok
		}
		if !ok {
			var err error
			if s, legacy, w, err = decodeLegacy(data); err != nil {
				return "", nil, err
			}
		}
		warns = append(warns, w)
	}
	// A file decoded whole from Windows-1252 was never UTF-8, so it holds
	// no UTF-8 read twice; its accidental look-alikes stay as written.
	fixed := 0
	if !legacy {
		s, fixed = repairMojibake(s)
	}
	s, removed := normalizeChars(s)
	if removed > 0 && !legacy {
		// A dropped control character may have stood between the two
		// halves of a mojibake sequence; repairing before dropping
		// keeps the C1 controls that Latin-1 mojibake is made of.
		var more int
		s, more = repairMojibake(s)
		fixed += more
	}
	// Repairs can uncover a byte order mark ("ï»¿" read back, or one
	// behind a dropped byte) that the check on the raw bytes missed.
	s = strings.TrimLeft(s, "\uFEFF")
	if fixed > 0 {
		warns = append(warns, fmt.Sprintf("repaired %d double-encoded character(s) (UTF-8 read as Windows-1252)", fixed))
	}
	if nul := bytes.Count(data, []byte{0}); nul > 0 {
		warns = append(warns, fmt.Sprintf("removed %d NUL byte(s) from text (first at offset %d)", nul, bytes.IndexByte(data, 0)))
		removed -= nul
	}
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

// checkBinary rejects data that is not text by its content, when it has
// no known signature (binarySignature): control bytes, NUL included, too
// common for any scrape, however messy. A few control bytes inside
// ordinary text are left for normalizeChars to drop: one NUL in a saved
// web page does not make it an image.
func checkBinary(data []byte) error {
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

// markupSignature names the text format that is no article data starts
// with, or returns "": what a word processor or a shell writes, whose
// markup would be read as the article's words.
func markupSignature(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte(`{\rtf`)):
		return "an RTF document (save it as text, Markdown or HTML)"
	case bytes.HasPrefix(data, []byte("%!PS")):
		return "a PostScript document (save it as text, Markdown or HTML)"
	case bytes.HasPrefix(data, []byte("#!/")):
		return "a script"
	case bytes.HasPrefix(data, []byte("[InternetShortcut]")):
		return "an Internet shortcut (a link to a page: save the page itself)"
	}
	return ""
}

// signatureHints say what to do with the binary files a writer may take
// for articles.
var signatureHints = map[string]string{
	"ZIP":                  " (a .docx, .odt or .epub is a ZIP archive: save it as text, Markdown or HTML)",
	"OLE (old Office)":     " (save the document as text, Markdown or HTML)",
	"PDF":                  " (seedfeed reads text, Markdown and HTML, not PDF)",
	"binary property list": " (a Safari .webarchive is one: save the page as HTML)",
}

// binarySignature names the binary format data starts with, or returns "".
func binarySignature(data []byte) string {
	// signatures are the leading bytes of binary formats a seed folder may
	// catch by mistake (images, documents, archives, executables, fonts,
	// media). Each holds a byte no text starts with, or is long enough that
	// no text starts with it by chance.
	signatures := [...]struct {
		magic, name string
	}{
		{"\x89PNG\r\n\x1a\n", "PNG"},
		{"\xFF\xD8\xFF", "JPEG"},
		{"GIF87a", "GIF"},
		{"GIF89a", "GIF"},
		{"%PDF-", "PDF"},
		{"PK\x03\x04", "ZIP"},
		{"PK\x05\x06", "ZIP"},
		{"\x1F\x8B", "gzip"},
		{"BZh", "bzip2"}, // checked further in binarySignature
		{"\xFD7zXZ\x00", "xz"},
		{"\x28\xB5\x2F\xFD", "zstd"},
		{"7z\xBC\xAF\x27\x1C", "7-Zip"},
		{"Rar!\x1A\x07", "RAR"},
		{"\x7FELF", "ELF"},
		{"\xCA\xFE\xBA\xBE", "Java class or Mach-O"},
		{"\xCF\xFA\xED\xFE", "Mach-O"},
		{"\xCE\xFA\xED\xFE", "Mach-O"},
		{"\x00asm", "WebAssembly"},
		{"II*\x00", "TIFF"},
		{"MM\x00*", "TIFF"},
		{"\x00\x00\x01\x00", "ICO"},
		{"wOFF\x00", "WOFF"},
		{"wOF2\x00", "WOFF2"},
		{"OggS\x00", "Ogg"},
		{"fLaC\x00", "FLAC"},
		{"SQLite format 3\x00", "SQLite"},
		{"bplist00", "binary property list"},
		{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "OLE (old Office)"},
	}
	for _, s := range signatures {
		if !bytes.HasPrefix(data, []byte(s.magic)) {
			continue
		}
		if s.name == "bzip2" && !(len(data) >= 10 && data[3] >= '1' && data[3] <= '9' && string(data[4:10]) == "1AY&SY") {
			continue // "BZh" alone may start a word
		}
		return s.name
	}
	switch {
	case len(data) >= 12 && string(data[:4]) == "RIFF":
		switch string(data[8:12]) {
		case "WEBP", "WAVE", "AVI ":
			return "RIFF " + strings.TrimSpace(string(data[8:12]))
		}
	case len(data) >= 12 && data[0] == 0 && string(data[4:8]) == "ftyp":
		return "ISO media (MP4, HEIC)"
	case len(data) >= 10 && string(data[:3]) == "ID3" && data[3] < 5 && data[4] == 0:
		return "MP3"
	}
	return ""
}

// decodeLegacy turns invalid UTF-8 into text. It weighs the two stories
// the bytes can tell. A UTF-8 file with a few bad bytes (a character cut
// in two by a careless truncation, a Windows-1252 word pasted from an old
// editor) holds valid multi-byte sequences or broken ones, a lead byte
// with some of its continuation bytes; only its bad bytes are repaired (a
// lone byte read as Windows-1252) or dropped (a broken sequence, or a byte
// Windows-1252 leaves undefined). A Windows-1252 or Latin-1 file holds
// lone high bytes between ASCII letters and, but for a rare accident, no
// valid sequence; it is decoded whole. Decoding a UTF-8 file whole as
// Windows-1252 would turn each of its good characters into mojibake, so
// the file must be clearly legacy for that. whole reports which it did.
func decodeLegacy(data []byte) (text string, whole bool, warning string, err error) {
	st := scanInvalid(data)
	utf8Like := st.multi + st.broken
	legacy := st.lone > 2*utf8Like
	if utf8Like == 0 && st.undefined > 0 && st.lone*100 <= st.letters {
		// Nothing tells the encodings apart, and a few lone bytes lie
		// thinly in ASCII text: those Windows-1252 leaves undefined are
		// dropped rather than failing the whole file for them.
		legacy = false
	}
	if legacy {
		text, warning, err := decodeWindows1252(data, st)
		// Windows-1252 text holds UTF-8 look-alikes by accident only;
		// a decoding that the mojibake repair would change was made of
		// real UTF-8 sequences after all, and cleaning the output again
		// would change it. Such a file is UTF-8 with stray bytes.
		// The control characters cleaning drops later count as gone:
		// one may stand between the two halves of a sequence.
		visible, _ := normalizeChars(text)
		if _, n := repairMojibake(visible); err != nil || n == 0 {
			return text, true, warning, err
		}
	}
	var b strings.Builder
	b.Grow(len(data) + st.lone*2)
	decoded, dropped := 0, 0
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r != utf8.RuneError || size > 1 {
			b.Write(data[i : i+size])
			i += size
			continue
		}
		if n := brokenLen(data[i:]); n > 1 {
			dropped += n
			i += n
			continue
		}
		if r := charmap.Windows1252.DecodeByte(data[i]); r != utf8.RuneError {
			b.WriteRune(r)
			decoded++
		} else {
			dropped++
		}
		i++
	}
	return b.String(), false, fmt.Sprintf("repaired %d invalid byte(s) in otherwise UTF-8 text: %d decoded as Windows-1252, %d dropped", decoded+dropped, decoded, dropped), nil
}

// invalidStats counts what decodeLegacy weighs: valid multi-byte
// sequences, broken ones (a lead byte followed by some but not all of its
// continuation bytes), lone bad bytes, those Windows-1252 leaves
// undefined, and ASCII letters.
type invalidStats struct {
	multi, broken, lone, undefined, letters int
	firstUndefined                          int
}

func scanInvalid(data []byte) invalidStats {
	st := invalidStats{firstUndefined: -1}
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			if c|0x20 >= 'a' && c|0x20 <= 'z' {
				st.letters++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r != utf8.RuneError || size > 1 {
			st.multi++
			i += size
			continue
		}
		if n := brokenLen(data[i:]); n > 1 {
			st.broken++
			i += n
			continue
		}
		st.lone++
		if charmap.Windows1252.DecodeByte(c) == utf8.RuneError {
			st.undefined++
			if st.firstUndefined < 0 {
				st.firstUndefined = i
			}
		}
		i++
	}
	return st
}

// brokenLen is the length of the broken UTF-8 sequence data starts with
// (a lead byte followed by continuation bytes, fewer than it announces or
// making an overlong or surrogate form), or 1 when data[0] stands alone.
// It is called only where utf8.DecodeRune has failed.
func brokenLen(data []byte) int {
	need := 0
	switch c := data[0]; {
	case c >= 0xC0 && c <= 0xDF:
		need = 1
	case c >= 0xE0 && c <= 0xEF:
		need = 2
	case c >= 0xF0 && c <= 0xF7:
		need = 3
	default:
		return 1
	}
	n := 1
	for n <= need && n < len(data) && data[n]&0xC0 == 0x80 {
		n++
	}
	return n
}

// decodeWindows1252 decodes a whole file as Windows-1252 if it is plausibly
// Western text in that encoding: every byte defined, and still mostly ASCII
// letters, as such text is. Cyrillic or East Asian legacy encodings fail
// one test or the other.
func decodeWindows1252(data []byte, st invalidStats) (string, string, error) {
	if st.undefined > 0 {
		return "", "", fmt.Errorf("%w: byte 0x%02X at offset %d is neither UTF-8 nor Windows-1252", ErrInvalidUTF8, data[st.firstUndefined], st.firstUndefined)
	}
	high := 0
	for _, c := range data {
		if c >= utf8.RuneSelf {
			high++
		}
	}
	if high*4 > st.letters {
		return "", "", fmt.Errorf("%w: %d bytes outside ASCII against %d ASCII letters: not Western text in a known encoding", ErrInvalidUTF8, high, st.letters)
	}
	var b strings.Builder
	b.Grow(len(data) + high*2)
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
